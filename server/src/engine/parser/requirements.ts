// Requirement id lists as written in `hkex="A1 A1.1 A2.1-A2.5, D28(a)"`: split into tokens, a lone dash
// between two tokens joining them into one (`A2.1 - A2.5`), each token keeping the range of its text.
// Which tokens are ids, and which ids a range stands for, the framework catalog decides
// (recognition/requirements.ts): here every token is as written, `known: false`.
import type { RequirementRef } from '../model';
import type { Range } from '../types';
import { lineRange } from './lines';

const SEPARATOR = /[\s,，、;；]+/g;

export function splitRequirementList(value: string, valueRange: Range): RequirementRef[] {
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
  return merged.map((t) => ({
    id: t.text,
    raw: t.text,
    range: lineRange(line, base + t.start, base + t.start + t.text.length),
    known: false,
  }));
}
