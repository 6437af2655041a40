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
  const attrs: Attributes = { classes: [], pairs: [], range: lineRange(line, open, close + 1) };
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
        attrs.id = word;
        attrs.idRange = lineRange(line, start + 1, i);
      } else if (word) attrs.classes.push(word);
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
        attrs.pairs.push({
          key,
          value: text.slice(valueStart, close),
          keyRange: lineRange(line, start, start + key.length),
          valueRange: lineRange(line, valueStart, close),
        });
        i = close;
      } else {
        attrs.pairs.push({
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
      attrs.pairs.push({
        key,
        value: text.slice(valueStart, i),
        keyRange: lineRange(line, start, start + key.length),
        valueRange: lineRange(line, valueStart, i),
      });
    }
  }
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
