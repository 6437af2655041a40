// Pandoc attribute blocks: `{#id .class key="value" key2=value}`. A hand-written scanner (not a
// regex) so that every part gets an exact range and unbalanced quotes cannot cause backtracking.
import type { Attributes } from '../model';
import { lineRange } from './lines';

export interface AttributeParse {
  attrs: Attributes;
  /** Problems as message keys: 'attr.unterminatedQuote', 'attr.unexpected'. */
  problems: { start: number; end: number; key: string }[];
}

/**
 * Parses the attribute block that starts at `open` (the `{`) on a line. `close` is the index of
 * the matching `}`. Columns in the result are columns of `line`.
 */
export function parseAttributes(text: string, line: number, open: number, close: number): AttributeParse {
  const attrs: Attributes = { classes: [], pairs: [], range: lineRange(line, open, close + 1) };
  const problems: AttributeParse['problems'] = [];
  let i = open + 1;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u3000';
  const isWordEnd = (c: string) => isSpace(c) || c === '}' || c === '=';
  while (i < close) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '#' || c === '.') {
      i++;
      while (i < close && !isWordEnd(text[i])) i++;
      const word = text.slice(start + 1, i);
      if (c === '#') {
        attrs.id = word;
        attrs.idRange = lineRange(line, start + 1, i);
      } else if (word) attrs.classes.push(word);
      continue;
    }
    while (i < close && !isWordEnd(text[i])) i++;
    const key = text.slice(start, i);
    if (text[i] !== '=') {
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
      while (i < close && !isSpace(text[i])) i++;
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
  let quote = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
    else if (c === '{') return -1;
  }
  return -1;
}

export function attr(attrs: Attributes | undefined, key: string) {
  return attrs?.pairs.find((p) => p.key === key);
}
