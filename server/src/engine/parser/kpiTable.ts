// KPI tables: pipe tables with a unit column and period columns. Each row becomes a KpiRow with
// its KPI id (from a `{#id}` span or the catalog), unit and one value per period.
import type { EsgDocument, KpiRow, KpiTable, KpiValue, SyntaxProblem, Table, TableCell } from '../model';
import { matchKpi } from '../catalogs/kpis';
import { parseNumber } from '../numbers';
import { stripFootnoteMarks, toHalfWidth } from '../text/normalize';
import { attr } from './attributes';
import { scanInline } from './inline';
import { plainCell } from './indexTable';

const UNIT_HEADER = /^(?:單位|单位|計量單位|计量单位|units?)$/i;
const YEAR = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/;

export function buildKpiTables(doc: EsgDocument, _problem: (r: SyntaxProblem['range'], key: string) => void) {
  for (const table of doc.tables) {
    const shape = kpiShape(table);
    if (!shape) continue;
    const kpiTable: KpiTable = { table: table.index, labelColumns: shape.labelColumns, unitColumn: shape.unitColumn, periods: shape.periods, rows: [] };
    let group: string | undefined;
    for (const row of table.rows) {
      const cells = row.cells;
      // A repeated header row inside a long table (page breaks in the source) is not a KPI.
      if (UNIT_HEADER.test(cleanText(cells[shape.unitColumn]?.text ?? ''))) continue;
      const labelCells = shape.labelColumns.map((c) => cells[c]).filter((c): c is TableCell => !!c);
      let labelCell: TableCell | undefined;
      let rowGroup: string | undefined;
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
        }
      } else labelCell = labelCells[0];
      if (!labelCell || !labelCell.text) continue;
      kpiTable.rows.push(readRow(doc, table, row.line, labelCell, rowGroup, cells[shape.unitColumn], shape.periods, cells));
    }
    doc.kpiTables.push(kpiTable);
  }
}

function kpiShape(table: Table) {
  const header = table.header.cells;
  const unitColumn = header.findIndex((c) => UNIT_HEADER.test(cleanText(c.text)));
  if (unitColumn <= 0) return undefined;
  const periods: KpiTable['periods'] = [];
  const seen = new Map<string, number>();
  header.forEach((cell, column) => {
    if (column === unitColumn) return;
    const m = YEAR.exec(toHalfWidth(cell.text));
    if (!m || column < unitColumn) return;
    const n = seen.get(m[1]) ?? 0;
    seen.set(m[1], n + 1);
    // A second column for the same year (a target, a restated figure) gets its own period key.
    periods.push({ column, period: n ? `${m[1]}#${n + 1}` : m[1], range: cell.range });
  });
  if (!periods.length) return undefined;
  const labelColumns: number[] = [];
  for (let c = 0; c < unitColumn; c++) labelColumns.push(c);
  return { unitColumn, periods, labelColumns };
}

function readRow(
  doc: EsgDocument,
  table: Table,
  line: number,
  labelCell: TableCell,
  group: string | undefined,
  unitCell: TableCell | undefined,
  periods: KpiTable['periods'],
  cells: TableCell[],
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
  label = cleanText(label);
  if (!kpiId) {
    const match = matchKpi(label, group);
    if (match) {
      kpiId = match.kpi.id;
      kpiIdSource = 'catalog';
    }
  }
  const unitText = unitCell ? cleanUnit(unitCell.text) : '';
  const values: KpiValue[] = [];
  for (const p of periods) {
    const cell = cells[p.column];
    if (!cell) {
      // Half-typed row: the value cell does not exist yet; point at the end of the row.
      const end = { line, character: doc.lineStarts[line + 1] !== undefined ? lineLength(doc, line) : doc.text.length - doc.lineStarts[line] };
      values.push({ period: p.period, raw: '', range: { start: end, end }, status: 'empty' });
      continue;
    }
    const parsed = parseNumber(stripFootnoteMarks(cell.text));
    values.push({ period: p.period, raw: cell.text, range: cell.range, status: parsed.status, value: parsed.value, decimals: parsed.decimals, percent: parsed.percent });
  }
  const isCaption = !unitText && values.every((v) => v.status === 'empty');
  return {
    table: table.index,
    line,
    label,
    labelRange: labelCell.range,
    group,
    kpiId: isCaption && kpiIdSource === 'catalog' ? undefined : kpiId,
    kpiIdSource: isCaption && kpiIdSource === 'catalog' ? undefined : kpiIdSource,
    formula,
    unit: unitCell && unitText ? { raw: unitText, range: unitCell.range } : undefined,
    values,
    isCaption,
  };
}

function cleanText(text: string): string {
  return plainCell(stripFootnoteMarks(text)).replace(/\[([^\[\]]*)\]\{[^{}]*\}/g, '$1');
}

function lineLength(doc: EsgDocument, line: number): number {
  const text = doc.text.slice(doc.lineStarts[line], doc.lineStarts[line + 1]);
  return text.replace(/\r?\n$|\r$/, '').length;
}

/** Unit cells keep superscripts that are part of the unit (m³, m<sup>3</sup>); only footnote marks go. */
function cleanUnit(text: string): string {
  return plainCell(text.replace(/\[\^[^\[\]]*\]/g, '').replace(/(?<!\s)\s+<sup>[^<]*<\/sup>/gi, '').replace(/(\s)[¹²³⁰-⁹]+$/u, '$1'));
}
