// Pipe-table rows: cells split on unescaped `|` outside code spans, each with its exact range.
import type { TableCell, TableRow } from '../model';
import { isWhiteSpaceCode } from '../text/normalize';
import { lineRange } from './lines';

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

export function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  const cells = rawCells(line);
  return (
    cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c.text)) && (line.includes('|') || cells.length > 1)
  );
}

export function parseAlignments(line: string): ('left' | 'right' | 'center' | 'default')[] {
  return rawCells(line).map(({ text }) => {
    const t = text.trim();
    const l = t.startsWith(':');
    const r = t.endsWith(':');
    return l && r ? 'center' : l ? 'left' : r ? 'right' : 'default';
  });
}

/**
 * Calls `cell(start, end)` with the bounds of each cell of a row: the text between unescaped pipes outside
 * code spans, leading/trailing pipe optional; a last cell after the last pipe only when it holds more
 * than white space (or is the only cell).
 */
function forEachCell(line: string, cell: (start: number, end: number) => void): void {
  let start = 0;
  let inCode = false;
  let count = 0;
  // Skip leading indentation and an optional leading pipe.
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  if (line.charCodeAt(start) === 124 /* | */) start++;
  let cellStart = start;
  for (let i = start; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 96 /* ` */) inCode = !inCode;
    else if (c === 124 /* | */ && !inCode) {
      cell(cellStart, i);
      count++;
      cellStart = i + 1;
    }
  }
  if (count === 0 || !blankBetween(line, cellStart, line.length)) cell(cellStart, line.length);
}

function blankBetween(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhiteSpaceCode(line.charCodeAt(i))) return false;
  return true;
}

/** Cells of a row as written (untrimmed), with their start columns. */
function rawCells(line: string): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  forEachCell(line, (start, end) => cells.push({ text: line.slice(start, end), start }));
  return cells;
}

/**
 * Where `splitRow` collects a row's cells. The row keeps a copy of exactly its length: an array grown by
 * `push` from empty has room for 17 elements, about 100 bytes more than a row of 4 cells needs.
 */
const rowCells: TableCell[] = [];

export function splitRow(line: string, lineNo: number): TableRow {
  rowCells.length = 0;
  // The trimmed bounds are found in place: one slice per cell, no untrimmed copy.
  forEachCell(line, (start, end) => {
    while (start < end && isWhiteSpaceCode(line.charCodeAt(start))) start++;
    while (end > start && isWhiteSpaceCode(line.charCodeAt(end - 1))) end--;
    rowCells.push({ text: line.slice(start, end), range: lineRange(lineNo, start, end) });
  });
  const cells = rowCells.slice();
  rowCells.length = 0;
  return { cells, line: lineNo, range: lineRange(lineNo, 0, line.length) };
}
