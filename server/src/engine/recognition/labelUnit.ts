// The unit of a KPI row printed in its label, for tables without a unit column: `電力(千瓦時)`,
// `Electricity (MWh)`, `溫室氣體排放總量（千公噸二氧化碳當量）`, and bilingual labels
// `Electricity (kWh) 電力(千瓦時)`. A bracketed part is the unit only when the unit catalog reads it,
// so `(範疇一)`, `(Note 1)` or `(plastic)` stay in the label and never become an unknown unit.
import type { TableCell } from '../model';
import type { Range } from '../types';
import { parseUnit } from '../catalogs/units';
import { stripFootnoteMarks } from '../text/normalize';
import { plainCell } from './indexTables';

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
/** Labels longer than this are prose, not a label with a unit. */
const MAX_LABEL = 400;

export interface LabelUnit {
  /** The unit as printed (`千瓦時`, `tCO2e`). */
  raw: string;
  /** The unit's range inside the label cell. */
  range: Range;
  /** The label without its unit brackets. */
  label: string;
}

/**
 * The unit in the label `text` (the label cell's text, or the span text found at `offset` in it):
 * the last bracketed part the unit catalog reads, its range in the cell, and the label without every
 * bracketed part that is a unit (both of a bilingual label). Undefined when no bracket holds a unit.
 */
export function unitInLabel(text: string, cell: TableCell, offset: number): LabelUnit | undefined {
  if (text.length > MAX_LABEL || (!text.includes('(') && !text.includes('（'))) return undefined;
  const groups = bracketGroups(text);
  const units: { start: number; end: number; raw: string; innerStart: number; innerEnd: number }[] = [];
  for (const g of groups) {
    // Only outermost groups: `(tonnes CO2e ("tCO2e"))` is tried whole, then without its inner brackets.
    if (groups.some((o) => o !== g && o.start < g.start && g.end < o.end)) continue;
    const inner = text.slice(g.start + 1, g.end);
    const candidates = [inner, withoutBrackets(inner)];
    for (const c of candidates) {
      const raw = unitText(c);
      if (raw && readsAsUnit(raw)) {
        units.push({ start: g.start, end: g.end + 1, raw, innerStart: g.start + 1, innerEnd: g.end });
        break;
      }
    }
  }
  if (!units.length) return undefined;
  const last = units[units.length - 1];
  let label = '';
  let at = 0;
  for (const u of units) {
    label += text.slice(at, u.start);
    at = u.end;
  }
  label = (label + text.slice(at)).replace(/\s+/g, ' ').trim();
  if (!plainCell(stripFootnoteMarks(label))) return undefined;
  const line = cell.range.start.line;
  const base = cell.range.start.character + Math.max(0, offset);
  // The range covers the bracket's content, trimmed.
  const inner = text.slice(last.innerStart, last.innerEnd);
  const lead = inner.length - inner.trimStart().length;
  const start = base + last.innerStart + lead;
  const end = base + last.innerStart + inner.trimEnd().length;
  return { raw: last.raw, range: { start: { line, character: start }, end: { line, character: end } }, label };
}

/** Balanced `(...)` / `（...）` groups (a half-width and a full-width bracket may pair, as PDFs print them). */
function bracketGroups(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN.has(ch)) stack.push(i);
    else if (CLOSE.has(ch) && stack.length) out.push({ start: stack.pop()!, end: i });
  }
  return out.sort((a, b) => a.start - b.start);
}

function withoutBrackets(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (!depth) out += ch;
  }
  return out;
}

function unitText(text: string): string {
  return plainCell(stripFootnoteMarks(text));
}

/** A unit, not a number, a year or a footnote mark that the unit parser might take for a count. */
function readsAsUnit(raw: string): boolean {
  if (!raw || raw.length > 60 || /^[\d\s.,]+$/.test(raw)) return false;
  return parseUnit(raw).ok;
}
