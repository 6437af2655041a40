// KPI tables: pipe tables with a unit column and period columns. Each row becomes a KpiRow with
// its KPI id (from a `{#id}` span or the catalog), unit and one value per period. Read from the
// parser's tables (cells with ranges): what a row means is decided here, not in the parser.
import type { EsgDocument, KpiRow, KpiTable, KpiValue, SyntaxTree, Table, TableCell } from '../model';
import type { Range } from '../types';
import { clearRecognitionMemo, recogniseLabel } from './labels';
import { parseNumber } from '../numbers/read';
import { detachedCopy, stripFootnoteMarks } from '../text/normalize';
import { attr } from '../parser/attributes';
import { scanInline } from '../parser/inline';
import { plainCell } from './indexTables';
import { lineText } from '../parser/lines';
import { kpiShapeAndReason, rememberNotRead, UNIT_HEADER, type KpiShape, type NotRead } from './kpiShape';
import { unitInLabel } from './labelUnit';

// Reading KPI rows (label cleaning, catalog matching, number and unit parsing) is a large part
// of parsing a real report, and after an edit almost every table is unchanged. A table's KPI rows
// depend only on the table's own lines (cells, spans and row ends are all read from those lines; the
// group carry restarts with each table), so they are cached by that text, stored with lines relative
// to the header line and table index 0, and rebased on a hit. Bounded LRU: Map order is use order.
const CACHE_MAX_ENTRIES = 2000;
const CACHE_MAX_CHARS = 8_000_000;
/**
 * Table text -> its KPI table relative to the header line (null for a table that is not a KPI table),
 * with the key as stored: a copy of its own, which a hit looked up by a slice of the document re-inserts,
 * and the reason a table with figures is not a KPI table (`kpi/table-shape` asks, recognition/kpiShape.ts).
 */
const kpiTableCache = new Map<string, { key: string; kpiTable: KpiTable | null; notRead: NotRead | undefined }>();
let cachedChars = 0;
const cacheCounts = { hits: 0, misses: 0 };

/** Forgets every cached table parse and recognised label (tests compare warm and cold results). */
export function clearParseCaches(): void {
  kpiTableCache.clear();
  clearRecognitionMemo();
  cachedChars = 0;
}

/** Cache hits and misses since the process started (tests check the cache is really used). */
export function parseCacheCounts(): { hits: number; misses: number; entries: number } {
  return { ...cacheCounts, entries: kpiTableCache.size };
}

export function buildKpiTables(doc: EsgDocument): void {
  for (const table of doc.tables) {
    const kpiTable = kpiTableOf(doc, table);
    if (kpiTable) doc.kpiTables.push(kpiTable);
  }
}

/** The KPI table read from one table of `doc` (from the cache when its text was seen before), or undefined. */
export function kpiTableOf(doc: SyntaxTree, table: Table): KpiTable | undefined {
  const firstLine = table.range.start.line;
  // Looked up by the slice itself: only a key that is stored needs storage of its own.
  const text = tableText(doc, table);
  const cached = kpiTableCache.get(text);
  if (cached !== undefined) {
    cacheCounts.hits++;
    // Most recently used last, under the stored key (the slice would keep this document alive).
    kpiTableCache.delete(text);
    kpiTableCache.set(cached.key, cached);
    rememberNotRead(table, cached.notRead);
    return cached.kpiTable ? rebase(cached.kpiTable, firstLine, table.index, { table }) : undefined;
  }
  cacheCounts.misses++;
  const { shape, notRead } = kpiShapeAndReason(table);
  const kpiTable = shape ? readKpiTable(doc, table, shape) : undefined;
  // The column headers are slices of the document too (see `rebase`): the cache keeps copies.
  const ownNotRead = notRead && { reason: notRead.reason, columns: notRead.columns.map(detachedCopy) };
  rememberNotRead(table, ownNotRead);
  remember(detachedCopy(text), kpiTable ? rebase(kpiTable, -firstLine, 0, { ownStrings: true }) : null, ownNotRead);
  return kpiTable;
}

function readKpiTable(doc: SyntaxTree, table: Table, shape: KpiShape): KpiTable {
  const kpiTable: KpiTable = {
    table: table.index,
    labelColumns: shape.labelColumns,
    unitColumn: shape.unitColumn,
    periods: shape.periods,
    rows: [],
  };
  // No unit column: a unit in the label column's header (`溫室氣體排放（千公噸）`) is the unit of every
  // row that prints none of its own.
  const headerLabel =
    shape.unitColumn < 0 && shape.labelColumns.length ? table.header.cells[shape.labelColumns[0]] : undefined;
  const headerUnit = headerLabel ? unitInLabel(headerLabel.text, headerLabel, 0) : undefined;
  let group: string | undefined;
  // The caption row above (a row with a label only: 'Hazardous Waste'), and the last label of the first
  // label column (the row a second-column label sits under): context for rows their own label leaves open.
  let caption: string | undefined;
  let above: string | undefined;
  // The header's label cell when it names the measure ('Employee structure by age and gender').
  const headerText = cleanText(table.header.cells[shape.labelColumns[0]]?.text ?? '') || undefined;
  // The last caption row (a label without figures): context for the rows below it, until the next one.
  let section: string | undefined;
  for (const row of table.rows) {
    const cells = row.cells;
    // A repeated header row inside a long table (page breaks in the source) is not a KPI.
    if (
      shape.unitColumn >= 0
        ? UNIT_HEADER.test(cleanText(cells[shape.unitColumn]?.text ?? ''))
        : repeatsHeader(table, shape.periods, cells)
    )
      continue;
    const labelCells = shape.labelColumns.map((c) => cells[c]).filter((c): c is TableCell => !!c);
    let labelCell: TableCell | undefined;
    let rowGroup: string | undefined;
    let context: string | undefined = caption ?? headerText;
    if (labelCells.length >= 2) {
      const [g, l] = [labelCells[0], labelCells[labelCells.length - 1]];
      if (g.text && l.text) {
        group = cleanText(g.text);
        rowGroup = group;
        labelCell = l;
      } else if (g.text) {
        labelCell = g;
        group = undefined;
      } else if (l.text) {
        labelCell = l;
        rowGroup = group;
        if (!rowGroup && above) context = above;
      }
    } else labelCell = labelCells[0];
    if (!labelCell || !labelCell.text) continue;
    const kpiRow = readRow(
      doc,
      table,
      row.line,
      labelCell,
      rowGroup,
      shape.unitColumn >= 0 ? cells[shape.unitColumn] : undefined,
      shape.periods,
      cells,
      section,
      headerUnit,
      context,
    );
    if (kpiRow.values.every((v) => v.status === 'empty') && !rowGroup) section = kpiRow.label;
    kpiTable.rows.push(kpiRow);
    if (kpiRow.isCaption) caption = kpiRow.label;
    if (labelCells.length >= 2 && labelCell === labelCells[0]) above = kpiRow.label;
  }
  describedScopes(kpiTable.rows);
  return kpiTable;
}

const SCOPE_WHOLE = /^ghg\.scope[123]$/;
const SCOPE_PART = /^(ghg\.scope[123])\.p-[^.]+$/;

/**
 * A table that lists the scopes side by side ('Scope 1 GHG emissions', 'Scope 2 GHG emissions', 'Scope 3
 * GHG emissions (ocean shipment of contractors engaged by VTech)') describes a scope's boundary in its
 * bracket, it does not break the scope down: when no other part of that scope is in the table and another
 * scope is stated whole, the described row is that scope's figure (and is compared with it elsewhere).
 */
function describedScopes(rows: KpiRow[]): void {
  if (!rows.some((r) => r.kpiId && SCOPE_WHOLE.test(r.kpiId))) return;
  for (const row of rows) {
    const base = row.kpiIdSource === 'catalog' && row.kpiId ? SCOPE_PART.exec(row.kpiId)?.[1] : undefined;
    if (!base) continue;
    const sameScope = rows.filter((r) => r.kpiId === base || r.kpiId?.startsWith(`${base}.`));
    if (sameScope.length === 1 && !row.group) row.kpiId = base;
  }
}

/**
 * The table's lines as written, from the start of the header line to the end of the last row. A slice
 * of the document: it may share the document's storage, so it is stored as a key only as a fresh copy
 * (`remember`), else a cached key would keep every old version of the document alive.
 */
function tableText(doc: SyntaxTree, table: Table): string {
  const start = doc.lineStarts[table.range.start.line];
  const end = doc.lineStarts[table.range.end.line] + table.range.end.character;
  return doc.text.slice(start, end);
}

function remember(key: string, kpiTable: KpiTable | null, notRead: NotRead | undefined): void {
  if (key.length > CACHE_MAX_CHARS / 4) return;
  kpiTableCache.set(key, { key, kpiTable, notRead });
  cachedChars += key.length;
  for (const oldest of kpiTableCache.keys()) {
    if (kpiTableCache.size <= CACHE_MAX_ENTRIES && cachedChars <= CACHE_MAX_CHARS) break;
    kpiTableCache.delete(oldest);
    cachedChars -= oldest.length;
  }
}

/**
 * A copy of a KPI table with every line number moved by `lineDelta` and the table index set, equal to a
 * fresh parse of the table at its new lines. With `table` (the table it is read from, whose text is the
 * cached one): a range equal to a cell's is that cell's range object, as in a fresh parse, rather than a
 * copy (most ranges of a KPI table are cells': labels, units, values, periods; fewer objects to allocate
 * and for the collector to move). With `ownStrings`, every string is a copy with storage of its own:
 * labels, units and cell texts are slices of the document, and kept in the cache as they are, each entry
 * would keep the whole text of the version it was read from alive (measured: 85 MiB after 600 edits of
 * a 1 MB report).
 */
function rebase(
  kpiTable: KpiTable,
  lineDelta: number,
  index: number,
  { table, ownStrings = false }: { table?: Table; ownStrings?: boolean } = {},
): KpiTable {
  const str = ownStrings ? detachedCopy : (s: string) => s;
  const optionalStr = (s: string | undefined) => (s === undefined ? s : str(s));
  // Positions are built as literals (a position is its line and character, nothing else): faster than spreads.
  const move = (r: Range): Range => ({
    start: { line: r.start.line + lineDelta, character: r.start.character },
    end: { line: r.end.line + lineDelta, character: r.end.character },
  });
  const headerLine = table?.range.start.line ?? 0;
  const moveCell = (r: Range): Range => {
    const line = r.start.line + lineDelta;
    const row =
      !table || r.end.line !== r.start.line
        ? undefined
        : line === headerLine
          ? table.header
          : table.rows[line - headerLine - 2];
    if (row?.line === line) {
      for (const cell of row.cells) {
        if (cell.range.start.character === r.start.character && cell.range.end.character === r.end.character)
          return cell.range;
      }
    }
    return move(r);
  };
  // Every object is built as a literal naming its fields, in the order `readKpiTable` gives them: a spread
  // of values of two shapes (blank cells have no `value`) takes V8's generic path, which leaves most
  // fields of each copy in a store of their own (an object more, and slower to read).
  const moveValue = (v: KpiValue): KpiValue =>
    'value' in v
      ? {
          period: str(v.period),
          raw: str(v.raw),
          range: moveCell(v.range),
          status: v.status,
          value: v.value,
          decimals: v.decimals,
          percent: v.percent,
        }
      : { period: str(v.period), raw: str(v.raw), range: moveCell(v.range), status: v.status };
  return {
    table: index,
    labelColumns: kpiTable.labelColumns.slice(),
    unitColumn: kpiTable.unitColumn,
    periods: kpiTable.periods.map((p) => ({ column: p.column, period: str(p.period), range: moveCell(p.range) })),
    rows: kpiTable.rows.map((row): KpiRow => ({
      table: index,
      line: row.line + lineDelta,
      label: str(row.label),
      labelRange: moveCell(row.labelRange),
      group: optionalStr(row.group),
      kpiId: optionalStr(row.kpiId),
      kpiIdSource: row.kpiIdSource,
      formula: row.formula && { text: str(row.formula.text), range: move(row.formula.range) },
      unit: row.unit && { raw: str(row.unit.raw), range: moveCell(row.unit.range) },
      values: row.values.map(moveValue),
      isCaption: row.isCaption,
    })),
  };
}

/** A row whose period cells repeat the header's (a page break in the source repeated the header). */
function repeatsHeader(table: Table, periods: KpiTable['periods'], cells: TableCell[]): boolean {
  return periods.every((p) => cells[p.column] && cells[p.column].text === table.header.cells[p.column]?.text);
}

function readRow(
  doc: SyntaxTree,
  table: Table,
  line: number,
  labelCell: TableCell,
  group: string | undefined,
  unitCell: TableCell | undefined,
  periods: KpiTable['periods'],
  cells: TableCell[],
  section?: string,
  headerUnit?: ReturnType<typeof unitInLabel>,
  context?: string,
): KpiRow {
  let label = labelCell.text;
  let kpiId: string | undefined;
  let kpiIdSource: KpiRow['kpiIdSource'];
  let formula: KpiRow['formula'];
  if (label.includes(']{')) {
    const lineText = doc.text.slice(doc.lineStarts[line], doc.lineStarts[line] + labelCell.range.end.character);
    const span = scanInline(lineText, line, labelCell.range.start.character, labelCell.range.end.character).spans[0];
    if (span) {
      const id = span.attrs.id ?? attr(span.attrs, 'kpi')?.value;
      if (id) {
        kpiId = id;
        kpiIdSource = 'span';
      }
      const f = attr(span.attrs, 'formula');
      if (f) formula = { text: f.value, range: f.valueRange };
      label = span.text;
    }
  }
  // No unit column: the unit is the bracketed part of the label that reads as one (`電力(千瓦時)`).
  let labelUnit: ReturnType<typeof unitInLabel>;
  if (!unitCell) {
    labelUnit = unitInLabel(label, labelCell, label === labelCell.text ? 0 : labelCell.text.indexOf(label));
    if (labelUnit) label = labelUnit.label;
  }
  const inherited = !unitCell && !labelUnit ? headerUnit : undefined;
  label = cleanText(label);
  if (!kpiId) {
    const match = recogniseLabel(label, {
      group,
      unit: unitCell ? cleanUnit(unitCell.text) : (labelUnit ?? inherited)?.raw,
      section,
      context,
    });
    if (match) {
      kpiId = match.kpiId;
      kpiIdSource = 'catalog';
    }
  }
  const unitText = unitCell ? cleanUnit(unitCell.text) : '';
  const values: KpiValue[] = [];
  for (const p of periods) {
    const cell = cells[p.column];
    if (!cell) {
      // Half-typed row: the value cell does not exist yet; point at the end of the row.
      const end = { line, character: (lineText(doc.text, doc.lineStarts, line) ?? '').length };
      values.push({ period: p.period, raw: '', range: { start: end, end }, status: 'empty' });
      continue;
    }
    const parsed = parseNumber(stripFootnoteMarks(cell.text));
    values.push({
      period: p.period,
      raw: cell.text,
      range: cell.range,
      status: parsed.status,
      value: parsed.value,
      decimals: parsed.decimals,
      percent: parsed.percent,
    });
  }
  const isCaption = !unitText && !labelUnit && values.every((v) => v.status === 'empty');
  return {
    table: table.index,
    line,
    label,
    labelRange: labelCell.range,
    group,
    kpiId: isCaption && kpiIdSource === 'catalog' ? undefined : kpiId,
    kpiIdSource: isCaption && kpiIdSource === 'catalog' ? undefined : kpiIdSource,
    formula,
    unit:
      unitCell && unitText
        ? { raw: unitText, range: unitCell.range }
        : labelUnit
          ? { raw: labelUnit.raw, range: labelUnit.range }
          : inherited && !isCaption
            ? { raw: inherited.raw, range: inherited.range }
            : undefined,
    values,
    isCaption,
  };
}

function cleanText(text: string): string {
  return plainCell(stripFootnoteMarks(text)).replace(/\[([^[\]]*)\]\{[^{}]*\}/g, '$1');
}

/** Unit cells keep superscripts that are part of the unit (m³, m<sup>3</sup>); only footnote marks go. */
function cleanUnit(text: string): string {
  return plainCell(
    text
      .replace(/\[\^[^[\]]*\]/g, '')
      .replace(/(?<!\s)\s+<sup>[^<]*<\/sup>/gi, '')
      .replace(/(\s)[¹²³⁰-⁹]+$/u, '$1'),
  );
}
