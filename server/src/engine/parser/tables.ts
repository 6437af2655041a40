// Pipe-table rows: cells split on unescaped `|` outside code spans, each with its exact range.
import type { TableRow } from '../model';
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

/** Cells of a row: text between unescaped pipes, leading/trailing pipe optional. */
function rawCells(line: string): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let start = 0;
  let inCode = false;
  // Skip leading indentation and an optional leading pipe.
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  if (line[start] === '|') start++;
  let cellStart = start;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') inCode = !inCode;
    else if (c === '|' && !inCode) {
      cells.push({ text: line.slice(cellStart, i), start: cellStart });
      cellStart = i + 1;
    }
  }
  const tail = line.slice(cellStart);
  if (tail.trim() !== '' || cells.length === 0) cells.push({ text: tail, start: cellStart });
  return cells;
}

export function splitRow(line: string, lineNo: number): TableRow {
  const cells = rawCells(line).map(({ text, start }) => {
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    return { text: trimmed, range: lineRange(lineNo, start + lead, start + lead + trimmed.length) };
  });
  return { cells, line: lineNo, range: lineRange(lineNo, 0, line.length) };
}
