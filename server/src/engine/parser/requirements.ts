// Requirement id lists as written in `hkex="A1 A1.1 A2.1-A2.5, D28(a)"`: split, normalised against
// the framework catalog, and ranges expanded, each ref keeping the range of the text it came from.
import type { RequirementRef } from '../model';
import type { Range } from '../types';
import { getFramework } from '../catalogs/hkex';
import { lineRange } from './lines';

const SEPARATOR = /[\s,，、;；]+/g;
const DASH = /[-–—~～]|至|to/;

export function parseRequirementList(value: string, valueRange: Range): RequirementRef[] {
  const framework = getFramework();
  const line = valueRange.start.line;
  const base = valueRange.start.character;
  // Tokens with their offsets; a lone dash between two tokens joins them into a range.
  const tokens: { text: string; start: number }[] = [];
  let last = 0;
  for (const m of value.matchAll(SEPARATOR)) {
    if (m.index! > last) tokens.push({ text: value.slice(last, m.index), start: last });
    last = m.index! + m[0].length;
  }
  if (last < value.length) tokens.push({ text: value.slice(last), start: last });
  const merged: { text: string; start: number }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (/^([-–—~～]|至|to)$/.test(t.text) && merged.length && k + 1 < tokens.length) {
      const prev = merged.pop()!;
      const next = tokens[++k];
      merged.push({ text: value.slice(prev.start, next.start + next.text.length), start: prev.start });
    } else merged.push(t);
  }

  const refs: RequirementRef[] = [];
  for (const t of merged) {
    const r = lineRange(line, base + t.start, base + t.start + t.text.length);
    const direct = framework?.normalizeId(t.text);
    if (direct) {
      refs.push({ id: direct, raw: t.text, range: r, known: true });
      continue;
    }
    // `MDR-boundary` has a dash too, so only try a range once the whole token is not an id.
    const dash = DASH.exec(t.text);
    if (dash && dash.index > 0) {
      const from = t.text.slice(0, dash.index).trim();
      const to = t.text.slice(dash.index + dash[0].length).trim();
      const fromId = framework?.normalizeId(from);
      const toId = framework?.normalizeId(to);
      const ids = fromId && toId ? framework?.expandRange(fromId, toId) : undefined;
      if (ids && ids.length) {
        for (const id of ids) refs.push({ id, raw: t.text, range: r, known: true, fromRange: true });
        continue;
      }
    }
    refs.push({ id: t.text, raw: t.text, range: r, known: false });
  }
  return refs;
}
