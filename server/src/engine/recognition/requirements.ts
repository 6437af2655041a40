// Requirement ids resolved against the framework catalog: a token the parser split from an `hkex`
// list (parser/requirements.ts) is an id when the catalog normalises it, or a range (`A2.1-A2.5`)
// that stands for the catalog's ids from one end to the other; anything else stays as written, unknown.
import type { RequirementRef } from '../model';
import type { Range } from '../types';
import { getFramework } from '../catalogs/hkex';
import { splitRequirementList } from '../parser/requirements';

const DASH = /[-–—~～]|至|to/;

/** An `hkex` list's refs: split, resolved, ranges expanded. */
export function parseRequirementList(value: string, valueRange: Range): RequirementRef[] {
  return resolveRequirements(splitRequirementList(value, valueRange));
}

/**
 * The refs with every token as written resolved. A ref already resolved is kept, and an unknown one
 * resolves to itself again, so resolving twice changes nothing; the list itself is returned when no
 * ref changes (callers keep the objects that hold it).
 */
export function resolveRequirements(refs: RequirementRef[]): RequirementRef[] {
  let out: RequirementRef[] | undefined;
  for (let k = 0; k < refs.length; k++) {
    const ref = refs[k];
    const resolved = ref.known ? undefined : resolveToken(ref);
    if (resolved && !out) out = refs.slice(0, k);
    if (out) {
      if (resolved) for (const r of resolved) out.push(r);
      else out.push(ref);
    }
  }
  // The model keeps the list: a copy of exactly its length (one grown by push holds 17 slots or more).
  return out ? out.slice() : refs;
}

/** The catalog ids a token written `ref.raw` stands for; undefined when it names none. */
function resolveToken(ref: RequirementRef): RequirementRef[] | undefined {
  const framework = getFramework();
  const text = ref.raw;
  const direct = framework?.normalizeId(text);
  if (direct) return [{ id: direct, raw: text, range: ref.range, known: true }];
  // `MDR-boundary` has a dash too, so only try a range once the whole token is not an id.
  const dash = DASH.exec(text);
  if (dash && dash.index > 0) {
    const fromId = framework?.normalizeId(text.slice(0, dash.index).trim());
    const toId = framework?.normalizeId(text.slice(dash.index + dash[0].length).trim());
    const ids = fromId && toId ? framework?.expandRange(fromId, toId) : undefined;
    if (ids && ids.length) return ids.map((id) => ({ id, raw: text, range: ref.range, known: true, fromRange: true }));
  }
  return undefined;
}
