// `esgmark compare A B`: every KPI and period of two reports (language versions, or this year's and
// last year's), both values and the verdict, for an assurance reviewer. Text, CSV (as `kpis` writes
// it: UTF-8 with a byte order mark, CRLF) or JSON. The figures are matched and compared by the engine
// (engine/xreport/compare.ts): by KPI id and period, after unit conversion, within rounding.
import {
  compareReports,
  keyedFacts,
  factText,
  lineOf,
  termOf,
  getKpi,
  openMemberParent,
  localized,
  t,
  csvField,
  neutralizeFormula,
  type ProjectAnalysis,
  type FactPair,
  type Verdict,
  type Locale,
} from '../engine';
import { jsonWithEscapes, showControls } from './controls';

export interface CompareRow {
  kpi: string;
  name: string;
  period: string;
  verdict: Verdict;
  first?: { label: string; value: string; line: number };
  second?: { label: string; value: string; line: number };
}

export const COMPARE_COLUMNS = [
  'kpi_id',
  'name',
  'period',
  'verdict',
  'first_label',
  'first_value',
  'first_line',
  'second_label',
  'second_value',
  'second_line',
] as const;

/** The rows of the comparison, in KPI id then period order. */
export function compareRows(first: ProjectAnalysis, second: ProjectAnalysis, locale: Locale): CompareRow[] {
  const side = (project: ProjectAnalysis, f: FactPair['first']) =>
    f && { label: termOf(f), value: factText(f), line: lineOf(project, f) };
  return compareReports(keyedFacts(first.analysis.model), keyedFacts(second.analysis.model)).map((p) => {
    const kpi = getKpi(p.kpiId);
    // An id recognition built (a part, a described figure) is named after its catalog KPI and the row's label.
    const base = kpi ? undefined : getKpi(openMemberParent(p.kpiId) ?? '');
    const label = (p.first ?? p.second) && termOf((p.first ?? p.second)!);
    const name = kpi ? localized(kpi.names, locale) : base ? `${localized(base.names, locale)}: ${label}` : p.kpiId;
    return {
      kpi: p.kpiId,
      name,
      period: p.period,
      verdict: p.verdict,
      first: side(first, p.first),
      second: side(second, p.second),
    };
  });
}

/** Whether any figure differs (the exit code of `compare` is 1 then, as diff's is). */
export function anyDifference(rows: readonly CompareRow[]): boolean {
  return rows.some((r) => r.verdict === 'different' || r.verdict === 'units');
}

export function formatCompare(
  rows: readonly CompareRow[],
  format: 'text' | 'csv' | 'json',
  names: { first: string; second: string },
  locale: Locale,
): string {
  if (format === 'json') {
    return `${jsonWithEscapes(JSON.stringify({ format: 'esgmark-compare', version: 1, first: names.first, second: names.second, rows }, null, 2))}\n`;
  }
  if (format === 'csv') {
    const line = (cells: (string | number | undefined)[]) =>
      cells.map((c) => csvField(neutralizeFormula(c === undefined ? '' : String(c)))).join(',');
    const lines = [line([...COMPARE_COLUMNS])];
    for (const r of rows)
      lines.push(
        line([
          r.kpi,
          r.name,
          r.period,
          r.verdict,
          r.first?.label,
          r.first?.value,
          r.first?.line,
          r.second?.label,
          r.second?.value,
          r.second?.line,
        ]),
      );
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }
  const differ = rows.filter((r) => r.verdict === 'different' || r.verdict === 'units').length;
  const same = rows.filter((r) => r.verdict === 'same').length;
  const only = rows.filter((r) => r.verdict === 'only-first' || r.verdict === 'only-second').length;
  const table = rows.map((r) => [
    r.kpi,
    r.period,
    r.first ? `${r.first.value} :${r.first.line}` : '—',
    r.second ? `${r.second.value} :${r.second.line}` : '—',
    t(locale, `xreport.verdict.${r.verdict}`),
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((cells) => [...cells[i]].length), 1));
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const heading = t(locale, 'xreport.compareHeading', {
    first: names.first,
    second: names.second,
    count: rows.length,
    differ,
    same,
    only,
  });
  const body = table.map((cells) =>
    `${cells
      .slice(0, 4)
      .map((c, i) => pad(c, widths[i]))
      .join('  ')}  ${cells[4]}`.trimEnd(),
  );
  return showControls(`${heading}\n\n${body.join('\n')}\n`, { lineBreaks: true, bidi: true });
}
