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

/** Scans `text[from, to)` of line `line`. Only called on lines that contain `](` or `]{`. */
export function scanInline(text: string, line: number, from = 0, to = text.length): InlineResult {
  const result: InlineResult = { links: [], spans: [], problems: [] };
  let i = from;
  while (i < to) {
    const open = text.indexOf('[', i);
    if (open < 0 || open >= to) break;
    if (text[open - 1] === '\\' || text[open - 1] === '!' || text[open + 1] === '^') {
      i = open + 1;
      continue;
    }
    // Find the matching ']' (nesting allowed, e.g. a link inside a span).
    let depth = 0;
    let close = -1;
    for (let j = open; j < to; j++) {
      const c = text[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    const next = text[close + 1];
    const label = text.slice(open + 1, close);
    if (next === '(') {
      const end = text.indexOf(')', close + 2);
      if (end > 0 && end < to) {
        const hrefRaw = text.slice(close + 2, end);
        const href = hrefRaw.trim().split(/\s+/)[0] ?? '';
        const hrefStart = close + 2 + hrefRaw.indexOf(href);
        result.links.push({ text: label, href, range: lineRange(line, open, end + 1), hrefRange: lineRange(line, hrefStart, hrefStart + href.length) });
        i = end + 1;
        continue;
      }
    } else if (next === '{') {
      const end = findAttributeClose(text, close + 1);
      if (end > 0 && end < to) {
        const parsed = parseAttributes(text, line, close + 1, end);
        result.problems.push(...parsed.problems);
        result.spans.push({ text: label, range: lineRange(line, open, end + 1), attrs: parsed.attrs });
        // Links inside the span label still count as links.
        if (label.includes('](')) {
          const inner = scanInline(text, line, open + 1, close);
          result.links.push(...inner.links);
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
