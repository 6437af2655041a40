// xreport/translation-mismatch: the language versions of one report (`esg.translations`) state the same
// figures, in units of the same kind, for the same periods, and tag, explain and index the same
// requirements. Each version reports what it has and the other lacks, at its own place; a figure that
// differs points at the other version's cell (related information).
import { getKpi } from '../../catalogs/kpis';
import type { EsgDocument, RequirementRef } from '../../model';
import type { ReportView } from '../../xreport/views';
import type { AnalysisOptions, Diagnostic, Locale, Range } from '../../types';
import type { RuleInfo } from '../rule';
import type { LinkedReport } from '../../xreport/views';
import { compareReports, type FactPair } from '../../xreport/compare';
import { keyedFacts } from '../../derived';
import type { Fact } from '../../numbers/facts';
import { t } from '../../i18n';
import { capped, pathIn, factText, languageName, lineOf, placeOf, sameUnit, termOf } from './common';

export const translationMismatchRule: RuleInfo = {
  id: 'xreport/translation-mismatch',
  defaultSeverity: 'warning',
  quotesLineNumbers: true,
  description: {
    en: 'The language versions of a report (`esg.translations`) give the same KPI values, units and periods, and tag, explain and index the same requirements.',
    'zh-Hant': '報告的各語言版本（`esg.translations`）列示相同的指標數值、單位及期間，並標註、解釋及索引相同的條文。',
    'zh-Hans': '报告的各语言版本（`esg.translations`）列示相同的指标数值、单位及期间，并标注、解释及索引相同的条文。',
  },
};

/** Requirement ids of a report, by where they are claimed, with the first place each is written. */
function requirementIds(doc: EsgDocument): {
  tags: Map<string, Range>;
  explanations: Map<string, Range>;
  index: Map<string, Range>;
} {
  const add = (map: Map<string, Range>, refs: readonly RequirementRef[]) => {
    for (const r of refs) if (r.known && !map.has(r.id)) map.set(r.id, r.range);
  };
  const tags = new Map<string, Range>();
  const explanations = new Map<string, Range>();
  const index = new Map<string, Range>();
  for (const s of doc.sections) add(tags, s.tags);
  for (const e of doc.explanations) add(explanations, e.refs);
  for (const table of doc.indexTables) for (const row of table.rows) if (!row.markedDeleted) add(index, row.refs);
  return { tags, explanations, index };
}

export function translationDiagnostics(
  here: ReportView,
  there: LinkedReport,
  locale: Locale,
  options: AnalysisOptions,
): Diagnostic[] {
  const override = options.severity?.[translationMismatchRule.id];
  if (override === 'off') return [];
  const other = there.project;
  const lang = languageName(other, locale);
  const path = there.entry.reference;
  const found: Diagnostic[] = [];
  const report = (
    range: Range,
    message: string,
    severity: 'warning' | 'information',
    data: Record<string, unknown>,
    related?: Diagnostic['related'],
  ) => {
    const at = placeOf(here, range);
    found.push({
      uri: at.uri,
      range: at.range,
      rule: translationMismatchRule.id,
      severity: override ?? severity,
      message,
      data: { ...data, other: there.uri },
      related,
    });
  };
  const pairs = compareReports(keyedFacts(here.analysis.model), keyedFacts(other.analysis.model));
  const kpisThere = new Map<string, Fact>();
  for (const p of pairs) if (p.second && !kpisThere.has(p.kpiId)) kpisThere.set(p.kpiId, p.second);
  const onlyHere = new Map<string, FactPair[]>();
  for (const pair of pairs) {
    const a = pair.first;
    const b = pair.second;
    if (a && b && (pair.verdict === 'different' || pair.verdict === 'units')) {
      const where = placeOf(other, b.range);
      const here_ = placeOf(here, a.range);
      // Copying the other figure is right only when both are printed in the same unit.
      const fix =
        pair.verdict === 'different' && sameUnit(a, b)
          ? {
              title: t(locale, 'xreport.fixCopy', { value: b.raw, path }),
              edits: { [here_.uri]: [{ range: here_.range, newText: b.raw }] },
            }
          : undefined;
      const args = {
        label: termOf(a),
        period: pair.period,
        value: factText(a),
        other: factText(b),
        unit: a.unitRaw ?? '',
        otherUnit: b.unitRaw ?? '',
        lang,
        path: pathIn(here_.uri, there, where.uri),
        line: where.range.start.line + 1,
      };
      report(
        a.range,
        t(locale, pair.verdict === 'units' ? 'xreport.unitDiffers' : 'xreport.valueDiffers', args),
        'warning',
        {
          kind: pair.verdict === 'units' ? 'unit' : 'value',
          kpi: pair.kpiId,
          period: pair.period,
          value: b.raw,
          otherRange: where.range,
          ...(fix ? { fix } : {}),
        },
        [
          {
            uri: where.uri,
            range: where.range,
            message: t(locale, 'xreport.relatedTranslation', { lang, label: termOf(b), value: factText(b) }),
          },
        ],
      );
    } else if (a && pair.verdict === 'only-first' && getKpi(pair.kpiId)) {
      // Only catalog KPIs: the ids recognition builds from a label's own words (a part, an open member,
      // a described figure) differ between languages by construction, so their absence says nothing.
      const list = onlyHere.get(pair.kpiId);
      if (list) list.push(pair);
      else onlyHere.set(pair.kpiId, [pair]);
    }
  }
  // A KPI the other version lacks altogether is one finding at its row; a period it lacks, one per cell.
  for (const [kpiId, list] of onlyHere) {
    const a = list[0].first!;
    if (!kpisThere.has(kpiId)) {
      report(
        a.row?.labelRange ?? a.range,
        t(locale, 'xreport.kpiOnlyHere', {
          label: termOf(a),
          periods: list.map((p) => p.period).join(', '),
          lang,
          path,
        }),
        'information',
        { kind: 'kpi', kpi: kpiId },
      );
      continue;
    }
    const someThere = kpisThere.get(kpiId)!;
    for (const pair of list) {
      const f = pair.first!;
      report(
        f.range,
        t(locale, 'xreport.periodOnlyHere', {
          label: termOf(f),
          period: pair.period,
          value: factText(f),
          lang,
          path: pathIn(placeOf(here, f.range).uri, there, placeOf(other, someThere.range).uri),
          line: lineOf(other, someThere),
        }),
        'information',
        { kind: 'period', kpi: kpiId, period: pair.period },
      );
    }
  }
  // Requirements claimed in this version and not in the other, by kind of claim.
  const mine = requirementIds(here.analysis.model);
  const theirs = requirementIds(other.analysis.model);
  const kinds = [
    ['tags', 'xreport.tagOnlyHere'],
    ['explanations', 'xreport.explanationOnlyHere'],
    ['index', 'xreport.indexRowOnlyHere'],
  ] as const;
  for (const [kind, key] of kinds) {
    for (const [id, range] of mine[kind])
      if (!theirs[kind].has(id)) report(range, t(locale, key, { id, lang, path }), 'information', { kind, id });
  }
  found.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  return capped(found);
}
