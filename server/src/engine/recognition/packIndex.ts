// What a report says about the framework packs: the `gri="305-1 305-2"`, `sasb=`, `issb=`, `hkfrs=` and
// `ashare=` tags on its headings, and one content index per framework: a table under a heading with the
// framework's class (`.gri-index`, `.issb-index`, `.hkfrs-index`, `.sasb-index`, `.ashare-index`), or, for
// GRI, a heading that names it ('GRI content index', 'GRI 內容索引'). Read from the document on demand, so
// a report that claims no framework costs nothing, and a rule reading it reads the document's fields
// (what the derived layer records for re-analysis).
import type { EsgDocument, IndexRow, IndexTarget, Table, TableCell, TableRow } from '../model';
import type { Range } from '../types';
import { attr } from '../parser/attributes';
import { lineRange } from '../parser/lines';
import { griContentIndexRules, normalizeItemId } from '../catalogs/frameworks';
import { toHalfWidth } from '../text/normalize';
import {
  cellTarget,
  headingTitles,
  normalizeTitle,
  plainCell,
  readingIndexTables,
  titleEditKeeps,
  type TitleReads,
} from './indexTables';

export const GRI_PACK = 'gri-2021';
export const IFRS_S2_PACK = 'ifrs-s2';
export const HKFRS_S2_PACK = 'hkfrs-s2';
export const SASB_PACK = 'sasb-tc-si';
export const ASHARE_PACK = 'ashare-2024';

/** The heading attribute of each pack's tags; `issb=` and `hkfrs=` name the same requirements (HKFRS S2 is IFRS S2 as adopted). */
export const TAG_ATTRIBUTES: readonly { attribute: string; pack: string }[] = [
  { attribute: 'gri', pack: GRI_PACK },
  { attribute: 'sasb', pack: SASB_PACK },
  { attribute: 'issb', pack: IFRS_S2_PACK },
  { attribute: 'hkfrs', pack: HKFRS_S2_PACK },
  { attribute: 'ashare', pack: ASHARE_PACK },
];

/** How messages and hover name a pack ('IFRS S2', 'HKFRS S2', 'SASB'). */
export const PACK_NAMES: Record<string, string> = {
  [GRI_PACK]: 'GRI',
  [IFRS_S2_PACK]: 'IFRS S2',
  [HKFRS_S2_PACK]: 'HKFRS S2',
  [SASB_PACK]: 'SASB',
  [ASHARE_PACK]: 'A-share',
};

/** The heading class of each framework's content index (docs/frameworks.md). */
export const INDEX_CLASSES: readonly { className: string; pack: string }[] = [
  { className: 'gri-index', pack: GRI_PACK },
  { className: 'issb-index', pack: IFRS_S2_PACK },
  { className: 'hkfrs-index', pack: HKFRS_S2_PACK },
  { className: 'sasb-index', pack: SASB_PACK },
  { className: 'ashare-index', pack: ASHARE_PACK },
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
export function splitPackIds(pack: string, text: string, line: number, start: number, wholeNames = false): PackRef[] {
  const out: PackRef[] = [];
  // 'GRI 305-1', 'Disclosure 2-1' and 'IFRS S2 29(a)' are one id each: the prefix is joined to the number
  // after it. A-share topics are cited by name, one per cell or value part ('应对气候变化'), never split at spaces.
  const tokens = wholeNames
    ? /[^,，;；、]+/g
    : pack === IFRS_S2_PACK || pack === HKFRS_S2_PACK
      ? /(?:(?:IFRS|HKFRS|ISSB)\s*S2\s*[.:]?\s*|S2\s*[.:]\s*)?(?:(?:para(?:graph)?\.?|第)\s*)?[^\s,，;；、]+(?:\s*段)?/gi
      : /(?:(?:GRI|Disclosure|SASB)\s+)?[^\s,，;；、]+/gi;
  for (const m of text.matchAll(tokens)) {
    if (!m[0].trim()) continue;
    if (out.length >= MAX_IDS) break;
    const lead = m[0].length - m[0].trimStart().length;
    const raw = m[0].trim();
    const id = normalizeItemId(pack, raw);
    out.push({
      pack,
      id: id ?? raw,
      raw,
      range: lineRange(line, start + m.index! + lead, start + m.index! + lead + raw.length),
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

export interface PackIndexRow {
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

/** One framework's content index table. */
export interface PackIndexTable {
  /** The pack the index is of (`gri-2021`, `ifrs-s2`, `hkfrs-s2`, `sasb-tc-si`, `ashare-2024`). */
  pack: string;
  table: number;
  section: number;
  rows: PackIndexRow[];
}

/** The GRI names kept for the gri/ rules and hover. */
export type GriIndexRow = PackIndexRow;
export type GriIndexTable = PackIndexTable;

/** The pack whose index a heading opens: its class, or for GRI a title naming the GRI content index. */
function indexPackOfHeading(doc: EsgDocument, index: number): string | undefined {
  const h = doc.sections[index].heading;
  const classes = h.attrs?.classes;
  if (classes?.length) for (const c of INDEX_CLASSES) if (classes.includes(c.className)) return c.pack;
  // plainCell only takes characters out: a title without a 'G' cannot name the GRI index.
  if (!h.title.includes('G') && !h.title.includes('g')) return undefined;
  return GRI_INDEX_TITLE.test(plainCell(h.title)) ? GRI_PACK : undefined;
}

/** Column kinds by their synonyms, lower-cased (the first column naming a synonym keeps it): built once from the catalog. */
let columnsBySynonym: Map<string, string> | undefined;

/** A header cell's column kind by the pack's synonyms ('Disclosure', '披露', 'Location', '省略原因'). */
function columnKind(text: string): string | undefined {
  if (!columnsBySynonym) {
    columnsBySynonym = new Map();
    for (const c of griContentIndexRules().columns)
      for (const s of c.synonyms)
        if (!columnsBySynonym.has(s.toLowerCase())) columnsBySynonym.set(s.toLowerCase(), c.id);
  }
  return columnsBySynonym.get(toHalfWidth(plainCell(text)).toLowerCase().replace(/\s+/g, ' ').trim());
}

/**
 * Every framework content index table of the report, in document order (none without an index heading);
 * what the reading asks of the headings' titles is noted in `reads` (`packIndexKeptByHeadingEdit`).
 */
export function packIndexTables(doc: EsgDocument, reads?: TitleReads): PackIndexTable[] {
  const out: PackIndexTable[] = [];
  // The pack of the nearest index heading at or above a section, decided once per section (a report has many tables).
  const decided: (string | null | undefined)[] = [];
  const packOf = (index: number): string | null => {
    const known = decided[index];
    if (known !== undefined) return known;
    const parent = doc.sections[index].parent;
    return (decided[index] = indexPackOfHeading(doc, index) ?? (parent !== undefined ? packOf(parent) : null));
  };
  readingIndexTables(() => {
    for (const table of doc.tables) {
      if (table.section === undefined) continue;
      const pack = packOf(table.section);
      if (!pack) continue;
      out.push({ pack, table: table.index, section: table.section, rows: readRows(doc, table, pack) });
    }
  }, reads);
  return out;
}

/**
 * Whether the content index tables read from `before` (asking `reads` of the titles) are those of `after`,
 * which differs from it by an edit of the title of the heading on `line` only: the heading opens the same
 * framework's index, or none, and the reading asked nothing of its title the edit changed.
 */
export function packIndexKeptByHeadingEdit(
  before: EsgDocument,
  after: EsgDocument,
  line: number,
  reads: TitleReads,
): boolean {
  const k = before.sections.findIndex((s) => s.heading.range.start.line === line);
  const was = before.sections[k];
  const now = after.sections[k];
  if (!was || !now || now.heading.range.start.line !== line) return false;
  if (indexPackOfHeading(before, k) !== indexPackOfHeading(after, k)) return false;
  return titleEditKeeps(reads, was.heading.title, now.heading.title);
}

/** The report's GRI content index tables (none when the report has no such heading). */
export function griIndexTables(doc: EsgDocument): GriIndexTable[] {
  return packIndexTables(doc).filter((t) => t.pack === GRI_PACK);
}

/**
 * The leading ids of an index cell, by the pack's id form: '305-1 Direct (Scope 1) GHG emissions' names
 * 305-1, 'S2.29(a)(v) Location-based' 29(a)(v), 'TC-SI-130a.1 Energy' TC-SI-130a.1. Several ids may be
 * listed, separated by commas, semicolons or slashes.
 */
const LEADING_IDS: Record<string, RegExp> = {
  [GRI_PACK]:
    /^\s*(?:(?:GRI|Disclosure)\s+)?\d{1,3}-\d{1,2}(?:\s*[,，、;；/]\s*(?:(?:GRI|Disclosure)\s+)?\d{1,3}-\d{1,2})*/i,
  [IFRS_S2_PACK]:
    /^\s*(?:(?:(?:IFRS|HKFRS|ISSB)\s*)?S2\s*[.:]?\s*)?(?:(?:para(?:graph)?\.?|第)\s*)?(?:\d{1,2}[A-C]?|[BC]\d{1,2})(?:\([a-z0-9]{1,4}\))*(?:\s*段)?(?:\s*[,，、;；/]\s*(?:(?:(?:IFRS|HKFRS|ISSB)\s*)?S2\s*[.:]?\s*)?(?:\d{1,2}[A-C]?|[BC]\d{1,2})(?:\([a-z0-9]{1,4}\))*)*(?=$|[\s,，、;；:：)）])/i,
  [SASB_PACK]:
    /^\s*(?:SASB\s+)?[A-Z]{2}-[A-Z]{2}-\d{3}(?:[a-z]\.\d{1,2}|\.[A-Z])(?:\s*[,，、;；/]\s*(?:SASB\s+)?[A-Z]{2}-[A-Z]{2}-\d{3}(?:[a-z]\.\d{1,2}|\.[A-Z]))*/i,
};
LEADING_IDS[HKFRS_S2_PACK] = LEADING_IDS[IFRS_S2_PACK];

/** Leading numbering of an A-share topic cell ('1.', '（一）', '01'). */
const TOPIC_NUMBER =
  /^\s*(?:[(（]?[0-9一二三四五六七八九十]{1,3}[)）.、．]?\s+|[(（][0-9一二三四五六七八九十]{1,3}[)）]\s*|[0-9]{1,2}[.、．]\s*)/;

/** The pack ids a row's id cell names: its leading ids (an A-share topic: the whole cell, a name or an id). */
function cellRefs(pack: string, cell: TableCell): PackRef[] {
  const text = cell.text;
  if (pack === ASHARE_PACK) {
    const plain = plainCell(text);
    if (!plain) return [];
    const number = TOPIC_NUMBER.exec(text)?.[0] ?? '';
    const rest = text.slice(number.length);
    const lead = number.length + (rest.length - rest.trimStart().length);
    return splitPackIds(pack, rest.trim(), cell.range.start.line, cell.range.start.character + lead, true);
  }
  const leading = (LEADING_IDS[pack] ?? LEADING_IDS[GRI_PACK]).exec(text);
  if (!leading) return [];
  const lead = text.length - text.trimStart().length;
  return splitPackIds(
    pack,
    leading[0].trim().replace(/\//g, ' '),
    cell.range.start.line,
    cell.range.start.character + lead,
  );
}

function readRows(doc: EsgDocument, table: Table, pack: string): PackIndexRow[] {
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
  const rows: PackIndexRow[] = [];
  for (const row of table.rows) {
    const idCell = row.cells[disclosure];
    if (!idCell) continue;
    const refs = cellRefs(pack, idCell);
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
  // The set the cell targets were read with (built once per reading of the index tables).
  const headings = headingTitles(doc);
  return first.titles.every((t) => headings.has(normalizeTitle(t.text))) ? first : whole;
}

/** The row as the HKEX index's target resolution takes it (it reads only the target). */
export function asIndexRow(row: PackIndexRow): IndexRow {
  return { row: row.row, refs: [], target: row.target, markedDeleted: false };
}
