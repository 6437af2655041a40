// Inline constructs esgmark needs from a line or a table cell: links `[text](href)` and bracketed
// spans `[text]{attrs}`. Linear scan with a bracket depth counter; no backtracking regexes.
import type { Link, Span } from '../model';
import { findAttributeClose, parseAttributes } from './attributes';
import { lineRange } from './lines';

export interface InlineResult {
  links: Link[];
  spans: Span[];
  problems: { start: number; end: number; key: string }[];
}

const HAS_SPACE = /\s/;

/** Span labels nested deeper than this are not searched for links (each level is a recursive call). */
const MAX_LABEL_DEPTH = 32;

/**
 * The matching `]` of every `[` in `text[from, to)` (backslash escapes skipped), in one pass: searching
 * forward from each `[` is quadratic on `[[[…]]]`.
 */
function bracketMatches(text: string, from: number, to: number): Map<number, number> {
  const matches = new Map<number, number>();
  const stack: number[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 91 /* [ */) stack.push(j);
    else if (c === 93 /* ] */ && stack.length) matches.set(stack.pop()!, j);
  }
  return matches;
}

/** Scans `text[from, to)` of line `line`. Only called on lines that contain `](` or `]{`. */
export function scanInline(
  text: string,
  line: number,
  from = 0,
  to = text.length,
  matches?: Map<number, number>,
  depth = 0,
): InlineResult {
  const result: InlineResult = { links: [], spans: [], problems: [] };
  const closes = matches ?? bracketMatches(text, from, to);
  let i = from;
  while (i < to) {
    const open = text.indexOf('[', i);
    if (open < 0 || open >= to) break;
    const before = text.charCodeAt(open - 1);
    if (before === 92 /* backslash */ || before === 33 /* ! */ || text.charCodeAt(open + 1) === 94 /* ^ */) {
      i = open + 1;
      continue;
    }
    // The matching ']' (nesting allowed, e.g. a link inside a span).
    const close = closes.get(open) ?? -1;
    if (close < 0) break;
    const next = text.charCodeAt(close + 1);
    if (next === 40 /* ( */) {
      const end = text.indexOf(')', close + 2);
      if (end > 0 && end < to) {
        const hrefRaw = text.slice(close + 2, end);
        // The target is the first word (a title may follow it); most targets are one word.
        const href = HAS_SPACE.test(hrefRaw) ? (hrefRaw.trim().split(/\s+/)[0] ?? '') : hrefRaw;
        const hrefStart = close + 2 + hrefRaw.indexOf(href);
        result.links.push({
          text: text.slice(open + 1, close),
          href,
          range: lineRange(line, open, end + 1),
          hrefRange: lineRange(line, hrefStart, hrefStart + href.length),
        });
        i = end + 1;
        continue;
      }
    } else if (next === 123 /* { */) {
      const end = findAttributeClose(text, close + 1);
      if (end > 0 && end < to) {
        const label = text.slice(open + 1, close);
        const parsed = parseAttributes(text, line, close + 1, end);
        for (const p of parsed.problems) result.problems.push(p);
        result.spans.push({ text: label, range: lineRange(line, open, end + 1), attrs: parsed.attrs });
        // Links inside the span label still count as links (the brackets inside a pair match as they do outside).
        if (label.includes('](') && depth < MAX_LABEL_DEPTH) {
          const inner = scanInline(text, line, open + 1, close, closes, depth + 1);
          for (const link of inner.links) result.links.push(link);
        }
        i = end + 1;
        continue;
      }
      result.problems.push({ start: close + 1, end: to, key: 'attr.unclosed' });
    }
    i = open + 1;
  }
  return result;
}
