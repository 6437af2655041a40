// Moving plain data (a syntax tree's parts, a document's, diagnostics) past an edit that replaced whole
// lines: what lies below them moves by the difference in lines; what lies on them cannot be moved.
import type { Position } from '../types';

/**
 * `value` with every position below the replaced lines `first`…`last` moved down by `lines` (objects
 * copied only where something moved); undefined when a position lies on the replaced lines. A bare
 * `line` field (in an object that is not a position) is moved the same way with `bareLines: 'move'`;
 * with `'refuse'`, one at or below `first` refuses the value (data naming a line, as a finding's may,
 * cannot be trusted to mean the same line).
 */
export function movedBelow<T>(
  value: T,
  first: number,
  last: number,
  lines: number,
  bareLines: 'move' | 'refuse' = 'move',
): T | undefined {
  let refused = false;
  const move = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || refused) return v;
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let k = 0; k < v.length; k++) {
        const m = move(v[k]);
        if (m !== v[k]) (out ??= v.slice())[k] = m;
      }
      return out ?? v;
    }
    const o = v as Record<string, unknown>;
    // Positions and ranges, nearly every object moved, built as literals: a spread copy of each was the
    // larger part of moving a document's findings past a pasted line.
    if (typeof o.line === 'number' && typeof o.character === 'number' && hasTwoKeys(o)) {
      const line = o.line;
      if (line > last) return lines === 0 ? o : { line: line + lines, character: o.character };
      if (line >= first) refused = true;
      return o;
    }
    if (
      o.start !== null &&
      typeof o.start === 'object' &&
      o.end !== null &&
      typeof o.end === 'object' &&
      hasTwoKeys(o)
    ) {
      const start = move(o.start);
      const end = move(o.end);
      return start === o.start && end === o.end ? o : { start, end };
    }
    const bare = bareLines === 'refuse' && !isPosition(o);
    let out: Record<string, unknown> | undefined;
    for (const key in o) {
      const field = o[key];
      let m = field;
      if (key === 'line' && typeof field === 'number') {
        if (bare) {
          if (field >= first) refused = true;
        } else if (field > last) m = field + lines;
        else if (field >= first) refused = true;
      } else m = move(field);
      if (m !== field) (out ??= { ...o })[key] = m;
    }
    return out ?? v;
  };
  const moved = move(value) as T;
  return refused ? undefined : moved;
}

/** Whether a plain object has exactly two keys (counted by for…in: no key array is allocated). */
function hasTwoKeys(o: object): boolean {
  let n = 0;
  for (const _key in o) if (++n > 2) return false;
  return n === 2;
}

/** A position: exactly a line and a character. */
export function isPosition(value: object): value is Position {
  const v = value as Partial<Position>;
  return typeof v.line === 'number' && typeof v.character === 'number' && Object.keys(value).length === 2;
}
