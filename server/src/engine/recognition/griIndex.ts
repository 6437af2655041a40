// What a report says about GRI: the `gri="305-1 305-2"` tags on its headings (and `sasb=`, `issb=` /
// `hkfrs=` for the other packs), and its GRI content index: a table under a `.gri-index` heading or a
// heading that names it ('GRI content index', 'GRI 內容索引'). Read from the document on demand, so a
// report that claims no GRI costs nothing, and a rule reading it reads the document's fields (what the
// derived layer records for re-analysis).
import type { EsgDocument, IndexRow, IndexTarget, Table, TableCell, TableRow } from '../model';
import type { Range } from '../types';
import { attr } from '../parser/attributes';
import { lineRange } from '../parser/lines';
import { griContentIndexRules, normalizeItemId } from '../catalogs/frameworks';
import { toHalfWidth } from '../text/normalize';
import { cellTarget, normalizeTitle, plainCell, readingIndexTables } from './indexTables';

export const GRI_PACK = 'gri-2021';

/** The heading attribute of each pack's tags; `issb=` and `hkfrs=` name the same requirements (HKFRS S2 is IFRS S2 as adopted). */
export const TAG_ATTRIBUTES: readonly { attribute: string; pack: string }[] = [
  { attribute: 'gri', pack: GRI_PACK },
  { attribute: 'sasb', pack: 'sasb-tc-si' },
  { attribute: 'issb', pack: 'ifrs-s2' },
  { attribute: 'hkfrs', pack: 'hkfrs-s2' },
];

/** One id of a pack as the report writes it: `id` is the pack's id when `known`, else the text as written. */
export interface PackRef {
  pack: string;
  id: string;
  raw: string;
  range: Range;
  known: boolean;
  /** The section whose heading carries the tag (for tags). */
  section?: number;
}

/** Longest list read from one attribute or cell: a pasted paragraph is not a list of ids. */
const MAX_IDS = 200;

/** The ids of one attribute value or cell, split at spaces, commas and semicolons, each with its own range. */
export function splitPackIds(pack: string, text: string, line: number, start: number): PackRef[] {
  const out: PackRef[] = [];
  // 'GRI 305-1' and 'Disclosure 2-1' are one id each: the prefix word is joined to the number after it.
  for (const m of text.matchAll(/(?:(?:GRI|Disclosure|SASB|IFRS|HKFRS|ISSB)\s+)?[^\s,，;；、]+/gi)) {
    if (out.length >= MAX_IDS) break;
    const raw = m[0];
    const id = normalizeItemId(pack, raw);
    out.push({
      pack,
      id: id ?? raw,
      raw,
      range: lineRange(line, start + m.index!, start + m.index! + raw.length),
      known: id !== undefined,
    });
  }
  return out;
}

/** Every pack tag on the report's headings (`gri="305-1 305-2"`), in document order. */
export function packTags(doc: EsgDocument): PackRef[] {
  const out: PackRef[] = [];
  for (const section of doc.sections) {
    const attrs = section.heading.attrs;
    if (!attrs?.pairs.length) continue;
    for (const { attribute, pack } of TAG_ATTRIBUTES) {
      const pair = attr(attrs, attribute);
      if (!pair) continue;
      for (const ref of splitPackIds(pack, pair.value, pair.valueRange.start.line, pair.valueRange.start.character))
        out.push({ ...ref, section: section.index });
    }
  }
  return out;
}

/**
 * A heading that names the GRI content index (without the `.gri-index` class), alone or combined with the
 * HKEX one as issuers title it ('GRI and HKEX content indexes', 'GRI and HKEx indices').
 */
const GRI_INDEX_TITLE =
  /^\s*(?:GRI\s*(?:standards?\s*)?(?:(?:and|&)\s*HKEX\s*)?(?:content\s*)?ind(?:ex|exes|ices)|GRI\s*(?:內容索引|内容索引|準則內容索引|标准内容索引|准则内容索引)|GRI\s*索引)\s*$/i;

export interface GriIndexRow {
  row: TableRow;
  refs: PackRef[];
  /** Where the row points (the location cell read as the HKEX index reads its target cell). */
  target: IndexTarget;
  locationCell?: TableCell;
  /** The omission cells' text, joined ('' when the row omits nothing). */
  omission: string;
  /** The row's filled omission cells (requirement omitted, reason, explanation). */
  omissionCells: TableCell[];
  omissionCell?: TableCell;
}

export interface GriIndexTable {
  table: number;
  section: number;
  rows: GriIndexRow[];
}

function isGriIndexHeading(doc: EsgDocument, index: number): boolean {
  const h = doc.sections[index].heading;
  return !!h.attrs?.classes.includes('gri-index') || GRI_INDEX_TITLE.test(plainCell(h.title));
}

/** A header cell's column kind by the pack's synonyms ('Disclosure', '披露', 'Location', '省略原因'). */
function columnKind(text: string): string | undefined {
  const key = toHalfWidth(plainCell(text)).toLowerCase().replace(/\s+/g, ' ').trim();
  for (const c of griContentIndexRules().columns) if (c.synonyms.some((s) => s.toLowerCase() === key)) return c.id;
  return undefined;
}

/** The report's GRI content index tables (none when the report has no such heading). */
export function griIndexTables(doc: EsgDocument): GriIndexTable[] {
  const out: GriIndexTable[] = [];
  // Whether a section is (under) a GRI index heading, decided once per section (a report has many tables).
  const decided: (boolean | undefined)[] = [];
  const underGriIndex = (index: number): boolean => {
    const parent = doc.sections[index].parent;
    return (decided[index] ??= isGriIndexHeading(doc, index) || (parent !== undefined && underGriIndex(parent)));
  };
  readingIndexTables(() => {
    for (const table of doc.tables) {
      if (table.section === undefined || !underGriIndex(table.section)) continue;
      out.push({ table: table.index, section: table.section, rows: readRows(doc, table) });
    }
  });
  return out;
}

function readRows(doc: EsgDocument, table: Table): GriIndexRow[] {
  const kinds = table.header.cells.map((c) => columnKind(c.text));
  const n = kinds.length;
  // Without a header the pack knows: the disclosure in the first cell (or the second after a standard), the location after it.
  let disclosure = kinds.indexOf('disclosure');
  if (disclosure < 0) disclosure = kinds[0] === 'standard' && n > 2 ? 1 : 0;
  let location = kinds.indexOf('location');
  if (location < 0) location = Math.min(n - 1, disclosure + (n > 2 ? 2 : 1));
  const omissionColumns = kinds.flatMap((k, i) =>
    k === 'omission-reason' || k === 'omission-requirement' || k === 'omission-explanation' ? [i] : [],
  );
  const rows: GriIndexRow[] = [];
  for (const row of table.rows) {
    const idCell = row.cells[disclosure];
    if (!idCell) continue;
    // Only the cell's leading ids: '305-1 Direct (Scope 1) GHG emissions' names 305-1.
    const leading =
      /^\s*(?:(?:GRI|Disclosure)\s+)?\d{1,3}-\d{1,2}(?:\s*[,，、;；/]\s*(?:(?:GRI|Disclosure)\s+)?\d{1,3}-\d{1,2})*/i.exec(
        idCell.text,
      );
    if (!leading) continue;
    const lead = idCell.text.length - idCell.text.trimStart().length;
    const refs = splitPackIds(
      GRI_PACK,
      leading[0].trim().replace(/\//g, ' '),
      idCell.range.start.line,
      idCell.range.start.character + lead,
    );
    if (!refs.length) continue;
    const locationCell = location !== disclosure ? row.cells[location] : undefined;
    const target: IndexTarget = locationCell
      ? locationTarget(doc, row, locationCell)
      : { kind: 'empty', range: row.range };
    const omissionCells = omissionColumns
      .map((i) => row.cells[i])
      .filter((c): c is TableCell => !!c && plainCell(c.text) !== '');
    const omission = omissionCells.map((c) => plainCell(c.text)).join(' ');
    rows.push({ row, refs, target, locationCell, omission, omissionCells, omissionCell: omissionCells[0] });
  }
  return rows;
}

/** A line break in a cell as pasted from a web or PDF table. */
const LINE_BREAK = /<br\s*\/?>/i;

/**
 * The location cell read as the HKEX index reads its target cell; a cell that names a section and then,
 * after a line break, adds a remark ('About Swire Pacific<br>We have no Group-level supplier data') points
 * to that section: its first line is the target.
 */
function locationTarget(doc: EsgDocument, row: TableRow, cell: TableCell): IndexTarget {
  const whole = cellTarget(doc, row, cell);
  if (whole.kind !== 'explanation') return whole;
  const br = LINE_BREAK.exec(cell.text);
  const head = br ? cell.text.slice(0, br.index).trimEnd() : '';
  if (!head) return whole;
  const start = cell.range.start;
  const firstLine: TableCell = {
    text: head,
    range: { start, end: { line: start.line, character: start.character + head.length } },
  };
  const first = cellTarget(doc, row, firstLine);
  if (first.kind === 'links') return first;
  // Only headings of the report: a short first line that names none ('Information unavailable') stays
  // part of the explanation, not a title that does not exist.
  if (first.kind !== 'titles') return whole;
  const headings = new Set(doc.headings.map((h) => normalizeTitle(h.title)));
  return first.titles.every((t) => headings.has(normalizeTitle(t.text))) ? first : whole;
}

/** The row as the HKEX index's target resolution takes it (it reads only the target). */
export function asIndexRow(row: GriIndexRow): IndexRow {
  return { row: row.row, refs: [], target: row.target, markedDeleted: false };
}
