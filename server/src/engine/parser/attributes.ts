// Pandoc attribute blocks: `{#id .class key="value" key2=value}`. A hand-written scanner (not a
// regex) so that every part gets an exact range and unbalanced quotes cannot cause backtracking.
import type { Attributes } from '../model';
import { lineRange } from './lines';

export interface AttributeParse {
  attrs: Attributes;
  /** Problems as message keys: 'attr.unterminatedQuote', 'attr.unexpected'. */
  problems: { start: number; end: number; key: string }[];
}

/** Space, tab and the ideographic space separate the words of a block. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000;
}

function isWordEnd(c: number): boolean {
  return isSpace(c) || c === 125 /* } */ || c === 61; /* = */
}

/**
 * Parses the attribute block that starts at `open` (the `{`) on a line. `close` is the index of
 * the matching `}`. Columns in the result are columns of `line`.
 */
export function parseAttributes(text: string, line: number, open: number, close: number): AttributeParse {
  const classes: string[] = [];
  const pairs: Attributes['pairs'] = [];
  let id: string | undefined;
  let idStart = 0;
  let idEnd = 0;
  const problems: AttributeParse['problems'] = [];
  let i = open + 1;
  while (i < close) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === 35 /* # */ || c === 46 /* . */) {
      i++;
      while (i < close && !isWordEnd(text.charCodeAt(i))) i++;
      const word = text.slice(start + 1, i);
      if (c === 35) {
        id = word;
        idStart = start + 1;
        idEnd = i;
      } else if (word) classes.push(word);
      continue;
    }
    while (i < close && !isWordEnd(text.charCodeAt(i))) i++;
    const key = text.slice(start, i);
    if (text.charCodeAt(i) !== 61 /* = */) {
      // A bare word: Pandoc reads it as nothing useful; keep going but say so. A stray `}` or
      // quote inside the block is a word of length zero: step over it so the scan always advances.
      if (i === start) i++;
      problems.push({ start, end: i, key: 'attr.unexpected' });
      continue;
    }
    i++; // '='
    const q = text[i];
    if (q === '"' || q === "'") {
      const valueStart = i + 1;
      let j = valueStart;
      while (j < close && text[j] !== q) j += text[j] === '\\' ? 2 : 1;
      if (j >= close) {
        problems.push({ start, end: close, key: 'attr.unterminatedQuote' });
        pairs.push({
          key,
          value: text.slice(valueStart, close),
          keyRange: lineRange(line, start, start + key.length),
          valueRange: lineRange(line, valueStart, close),
        });
        i = close;
      } else {
        pairs.push({
          key,
          value: text.slice(valueStart, j).replace(/\\(.)/g, '$1'),
          keyRange: lineRange(line, start, start + key.length),
          valueRange: lineRange(line, valueStart, j),
        });
        i = j + 1;
      }
    } else {
      const valueStart = i;
      while (i < close && !isSpace(text.charCodeAt(i))) i++;
      pairs.push({
        key,
        value: text.slice(valueStart, i),
        keyRange: lineRange(line, start, start + key.length),
        valueRange: lineRange(line, valueStart, i),
      });
    }
  }
  const range = lineRange(line, open, close + 1);
  // Built whole, with an id or without: an id added to the object afterwards would be kept in a store
  // of its own (an object more per heading).
  // The lists are kept as copies of exactly their length: grown by push, each holds 17 slots or more.
  const attrs: Attributes =
    id === undefined
      ? { classes: classes.slice(), pairs: pairs.slice(), range }
      : { classes: classes.slice(), pairs: pairs.slice(), range, id, idRange: lineRange(line, idStart, idEnd) };
  return { attrs, problems };
}

/**
 * Finds the `}` that closes the `{` at `open`, honouring quotes. Returns -1 when unclosed.
 */
export function findAttributeClose(text: string, open: number): number {
  /** The open quote's character code, 0 outside quotes. */
  let quote = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 /* backslash */) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
    else if (c === 125 /* } */) return i;
    else if (c === 123 /* { */) return -1;
  }
  return -1;
}

export function attr(attrs: Attributes | undefined, key: string) {
  return attrs?.pairs.find((p) => p.key === key);
}
