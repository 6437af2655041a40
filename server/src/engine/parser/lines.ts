// Line splitting and position helpers. Every range in the model is built from line numbers and
// UTF-16 columns, so CRLF, CR and LF documents all give the same positions an editor shows.
import type { Position, Range } from '../types';

export interface Lines {
  /** Line texts without their end-of-line characters. */
  texts: string[];
  /** Offset of the start of each line. */
  starts: number[];
}

export function splitLines(text: string): Lines {
  const texts: string[] = [];
  const starts: number[] = [0];
  let lineStart = 0;
  if (!text.includes('\r')) {
    // LF only (most files): indexOf finds each break much faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', lineStart)) {
      texts.push(text.slice(lineStart, i));
      lineStart = i + 1;
      starts.push(lineStart);
    }
    texts.push(text.slice(lineStart));
    return { texts, starts };
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      texts.push(text.slice(lineStart, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
      starts.push(lineStart);
    }
  }
  texts.push(text.slice(lineStart));
  return { texts, starts };
}

/** The text of one line of `text` without its line break; undefined past the last line. */
export function lineText(text: string, starts: number[], line: number): string | undefined {
  if (line < 0 || line >= starts.length) return undefined;
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > starts[line] && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(starts[line], end);
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function offsetAt(starts: number[], position: Position): number {
  const line = Math.max(0, Math.min(position.line, starts.length - 1));
  return starts[line] + Math.max(0, position.character);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function contains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
