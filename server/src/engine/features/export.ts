// The KPI export of a report model: CSV for spreadsheets, JSON for tools. Used by the CLI's `kpis`
// command and the preview's 'Copy/Save as CSV/JSON'. Both are pure functions of the model.
import type { ReportKpiGroup, ReportModel } from './reportModel';

export type ExportFormat = 'csv' | 'json';

export const CSV_COLUMNS = [
  'aspect',
  'kpi_id',
  'name',
  'label',
  'group',
  'period',
  'value_as_printed',
  'value',
  'unit',
  'normalized_value',
  'normalized_unit',
  'check_status',
  'checks',
] as const;

/** Version of the JSON shape; raised only when a field changes meaning or disappears. */
export const KPI_JSON_VERSION = 1;

/** The JSON export: the KPI part of the model without editor ranges (a 1-based line stands in). */
export interface KpiExport {
  format: 'esgmark-kpis';
  version: number;
  uri: string;
  title?: string;
  issuer?: string;
  locale: string;
  periods: string[];
  groups: {
    aspect: string;
    title: string;
    rows: {
      kpiId?: string;
      name: string;
      label: string;
      group?: string;
      unit?: string;
      normalizedUnit?: string;
      line: number;
      values: {
        period: string;
        raw: string;
        status: 'number' | 'none' | 'empty' | 'bad' | 'pair';
        value?: number;
        normalized?: number;
        check: 'agrees' | 'disagrees' | 'unchecked';
        checks: { rule: string; formula: string; computed: string; ok: boolean }[];
        line: number;
      }[];
    }[];
  }[];
  ghg: ReportModel['ghg'];
  scope3: ReportModel['scope3'];
  checks: ReportModel['checks'];
}

export function exportKpis(model: ReportModel, format: ExportFormat): string {
  return format === 'json' ? `${JSON.stringify(kpiExport(model), null, 2)}\n` : kpiCsv(model);
}

export function kpiExport(model: ReportModel): KpiExport {
  const out: KpiExport = {
    format: 'esgmark-kpis',
    version: KPI_JSON_VERSION,
    uri: model.uri,
    locale: model.locale,
    periods: model.periods,
    groups: model.kpiGroups.map(exportGroup),
    ghg: model.ghg,
    scope3: model.scope3,
    checks: model.checks,
  };
  if (model.title !== undefined) out.title = model.title;
  if (model.issuer !== undefined) out.issuer = model.issuer;
  return out;
}

function exportGroup(group: ReportKpiGroup): KpiExport['groups'][number] {
  return {
    aspect: group.aspect,
    title: group.title,
    rows: group.rows.map((row) => ({
      kpiId: row.kpiId,
      name: row.name,
      label: row.label,
      group: row.group,
      unit: row.unit,
      normalizedUnit: row.normalizedUnit,
      line: row.range.start.line + 1,
      values: row.values.map((v) => ({
        period: v.period,
        raw: v.raw,
        status: v.status,
        value: v.value,
        normalized: v.normalized,
        check: v.check,
        checks: v.checks,
        line: v.range.start.line + 1,
      })),
    })),
  };
}

// ---- CSV (RFC 4180) ----

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** A number as a spreadsheet reads it: '-12.5', '1,234.56', '8.4%', '1e-7'. */
const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?%?$/;
/** Characters that make a spreadsheet read a cell as a formula (OWASP 'CSV injection'). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not evaluate: text starting like a formula gets a leading apostrophe
 * (shown as text, not run), unless it is a plain number or a lone dash (a report's 'no value').
 */
export function neutralizeFormula(cell: string): string {
  if (!FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell) || cell === '-') return cell;
  return `'${cell}`;
}

/** Quotes a field when it holds a comma, a quote or a line break (RFC 4180 section 2). */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csvLine(cells: (string | number | undefined)[]): string {
  return cells
    .map((c) => csvField(neutralizeFormula(c === undefined ? '' : typeof c === 'number' ? numberText(c) : c)))
    .join(',');
}

/** Plain decimal text; JavaScript's exponent form only for very small or large values, which spreadsheets read too. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

/**
 * One line per KPI row and period, with a header line; UTF-8 with a byte order mark so that Excel
 * reads Chinese labels correctly, CRLF line ends as RFC 4180 asks.
 */
export function kpiCsv(model: ReportModel): string {
  const lines = [csvLine([...CSV_COLUMNS])];
  for (const group of model.kpiGroups) {
    for (const row of group.rows) {
      for (const v of row.values) {
        lines.push(
          csvLine([
            group.aspect,
            row.kpiId,
            row.name,
            row.label,
            row.group,
            v.period,
            v.raw,
            v.value,
            row.unit,
            v.normalized,
            v.normalized !== undefined ? row.normalizedUnit : undefined,
            v.check,
            v.checks.map((c) => `${c.formula} = ${c.computed}`).join('; '),
          ]),
        );
      }
    }
  }
  return BOM + lines.join(CRLF) + CRLF;
}
