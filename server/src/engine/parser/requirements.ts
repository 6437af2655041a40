// Requirement id lists as written in `hkex="A1 A1.1 A2.1-A2.5, D28(a)"`: split into tokens, a lone dash
// between two tokens joining them into one (`A2.1 - A2.5`), each token keeping the range of its text.
// Which tokens are ids, and which ids a range stands for, the framework catalog decides
// (recognition/requirements.ts): here every token is as written, `known: false`.
import type { RequirementRef } from '../model';
import type { Range } from '../types';
import { isWhiteSpaceCode } from '../text/normalize';
import { lineRange } from './lines';

/** White space, commas, '、' and semicolons (half- and full-width) separate the ids of a list. */
function isSeparator(c: number): boolean {
  return c === 44 || c === 0xff0c || c === 0x3001 || c === 59 || c === 0xff1b || isWhiteSpaceCode(c);
}

/** The words that join two ids into a range: `A2.1 - A2.5`, `A2.1 至 A2.5`, `A2.1 to A2.5`. */
const RANGE_JOINERS = new Set(['-', '–', '—', '~', '～', '至', 'to']);

export function splitRequirementList(value: string, valueRange: Range): RequirementRef[] {
  const line = valueRange.start.line;
  const base = valueRange.start.character;
  // Tokens (the runs between separators) with their offsets; a lone dash between two tokens joins them into a range.
  const tokens: { text: string; start: number }[] = [];
  for (let k = 0; k < value.length;) {
    while (k < value.length && isSeparator(value.charCodeAt(k))) k++;
    if (k >= value.length) break;
    const start = k;
    while (k < value.length && !isSeparator(value.charCodeAt(k))) k++;
    tokens.push({ text: value.slice(start, k), start });
  }
  const merged: { text: string; start: number }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (RANGE_JOINERS.has(t.text) && merged.length && k + 1 < tokens.length) {
      const prev = merged.pop()!;
      const next = tokens[++k];
      merged.push({ text: value.slice(prev.start, next.start + next.text.length), start: prev.start });
    } else merged.push(t);
  }
  return merged.map((t) => ({
    id: t.text,
    raw: t.text,
    range: lineRange(line, base + t.start, base + t.start + t.text.length),
    known: false,
  }));
}
