// xreport/restated: a prior-year figure that differs from the one last year's report (`esg.previous`)
// published is a restatement, and the reader must be told, with the reason. The same period is compared
// (this report's 2025 column against last year's 2025 column, a March year-end's 2024/25 against its
// 2024/25), within rounding and after unit conversion. The marker `restated="reason"` (or the class
// `.restated`) on the row's label says a row is restated; it is checked too: a marker needs a reason,
// and a row marked restated whose figures equal last year's restates nothing.
import type { KpiRow } from '../../model';
import type { ReportView } from '../../xreport/views';
import type { AnalysisOptions, Diagnostic, Locale, Range } from '../../types';
import type { RuleInfo } from '../rule';
import type { LinkedReport } from '../../xreport/views';
import { compareReports, plainPeriod, type FactPair } from '../../xreport/compare';
import { contextOf, keyedFacts, restatedMarker } from '../../derived';
import { t } from '../../i18n';
import { capped, pathIn, factText, markerEdit, placeOf, termOf } from './common';

export const restatedRule: RuleInfo = {
  id: 'xreport/restated',
  defaultSeverity: 'warning',
  quotesLineNumbers: true,
  description: {
    en: 'A prior-year figure equals the one last year\'s report (`esg.previous`) published, within rounding, unless its row is marked `restated="reason"`; a marked row gives a reason and differs from last year\'s.',
    'zh-Hant':
      '以往年度的數字與上年度報告（`esg.previous`）所載者相同（容許四捨五入），除非該行標明 `restated="原因"`；標明重列的行須說明原因，且須與上年度數字不同。',
    'zh-Hans':
      '以往年度的数字与上年度报告（`esg.previous`）所载者相同（容许四舍五入），除非该行标明 `restated="原因"`；标明重列的行须说明原因，且须与上年度数字不同。',
  },
};

/** The periods compared with last year's report: financial years before this one, and not after last year's. */
function priorPeriods(here: ReportView, previous: ReportView, options: AnalysisOptions): (period: string) => boolean {
  const a = contextOf(here.analysis.model, options).reporting;
  const b = contextOf(previous.analysis.model, options).reporting;
  return (period) =>
    plainPeriod(period) && (!a.known || Number(period) < a.fyYear) && (!b.known || Number(period) <= b.fyYear);
}

export function restatedDiagnostics(
  here: ReportView,
  previous: LinkedReport,
  locale: Locale,
  options: AnalysisOptions,
): Diagnostic[] {
  const override = options.severity?.[restatedRule.id];
  if (override === 'off') return [];
  const doc = here.analysis.model;
  const other = previous.project;
  const found: Diagnostic[] = [];
  const report = (range: Range, message: string, data: Record<string, unknown>, related?: Diagnostic['related']) => {
    const at = placeOf(here, range);
    found.push({
      uri: at.uri,
      range: at.range,
      rule: restatedRule.id,
      severity: override ?? restatedRule.defaultSeverity,
      message,
      data: { ...data, other: previous.uri },
      related,
    });
  };
  // Table figures only: the marker is written on a row.
  const byRow = new Map<KpiRow, FactPair[]>();
  for (const pair of compareReports(
    keyedFacts(doc),
    keyedFacts(other.analysis.model),
    priorPeriods(here, other, options),
  )) {
    const row = pair.first?.source === 'table' ? pair.first.row : undefined;
    if (!row || !pair.second) continue;
    const list = byRow.get(row);
    if (list) list.push(pair);
    else byRow.set(row, [pair]);
  }
  for (const [row, pairs] of byRow) {
    const marker = restatedMarker(doc, row);
    const differing = pairs.filter((p) => p.verdict === 'different');
    const relatedOf = (p: FactPair) => {
      const where = placeOf(other, p.second!.range);
      return {
        where,
        related: [
          {
            uri: where.uri,
            range: where.range,
            message: t(locale, 'xreport.relatedPrevious', { label: termOf(p.second!), value: factText(p.second!) }),
          },
        ],
      };
    };
    if (!marker) {
      const edit = differing.length ? markerEdit(doc, row, t(locale, 'xreport.reasonPlaceholder')) : undefined;
      const mapped = edit && placeOf(here, edit.range);
      const fix =
        edit && mapped
          ? {
              title: t(locale, 'xreport.fixMarkRestated'),
              edits: { [mapped.uri]: [{ range: mapped.range, newText: edit.newText }] },
            }
          : undefined;
      for (const p of differing) {
        const a = p.first!;
        const { where, related } = relatedOf(p);
        const args = {
          label: termOf(a),
          period: p.period,
          value: factText(a),
          other: factText(p.second!),
          path: pathIn(placeOf(here, a.range).uri, previous, where.uri),
          line: where.range.start.line + 1,
        };
        report(
          a.range,
          t(locale, 'xreport.restatedUnmarked', args),
          {
            kind: 'unmarked',
            kpi: p.kpiId,
            period: p.period,
            value: p.second!.raw,
            labelRange: placeOf(here, row.labelRange).range,
            ...(fix ? { fix } : {}),
          },
          related,
        );
      }
      continue;
    }
    if (!marker.reason) {
      report(marker.range, t(locale, 'xreport.restatedNoReason', { label: termOf(pairs[0].first!) }), {
        kind: 'no-reason',
        kpi: pairs[0].kpiId,
      });
      continue;
    }
    const compared = pairs.filter((p) => p.verdict === 'same' || p.verdict === 'different');
    if (compared.length && !differing.length) {
      const { where, related } = relatedOf(compared[0]);
      const periods = compared.map((p) => p.period).join(', ');
      report(
        marker.range,
        t(locale, 'xreport.restatedEqual', {
          label: termOf(compared[0].first!),
          periods,
          path: pathIn(placeOf(here, marker.range).uri, previous, where.uri),
          line: where.range.start.line + 1,
        }),
        { kind: 'equal', kpi: compared[0].kpiId },
        related,
      );
    }
  }
  found.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  return capped(found);
}
