// sasb/metric-missing: a section tagged with a SASB accounting or activity metric (`sasb="TC-SI-130a.1"`)
// that states no value for it: no KPI row with a figure, no figure in a `kpi=` span, and no explanation of it.
import type { Rule } from '../rule';
import { getItem } from '../../catalogs/frameworks';
import { localized } from '../../i18n';
import type { EsgDocument, Section } from '../../model';
import type { FactIndex } from '../../numbers/facts';
import { packScopes, within } from '../gri/packRefs';
import { SASB_PACKS } from './family';

export type SasbMetricMissingData = { id: string };

export const sasbMetricMissing: Rule<SasbMetricMissingData> = {
  id: 'sasb/metric-missing',
  defaultSeverity: 'warning',
  description: {
    en: 'A section tagged with a SASB metric states its value (a KPI row or a figure), or explains why not.',
    'zh-Hant': '標註 SASB 量化指標的章節列出其數值（關鍵績效指標行或數字），或解釋未能列出的原因。',
    'zh-Hans': '标注 SASB 量化指标的章节列出其数值（关键绩效指标行或数字），或解释未能列出的原因。',
  },
  run(ctx) {
    const doc = ctx.doc;
    // The lines where a KPI table with a figure starts, and where each fact starts, sorted once per run:
    // each tagged section asks whether one lies inside it.
    let tableLines: number[] | undefined;
    let factLines: number[] | undefined;
    // Where a fact may lie: a KPI table with a row of a KPI with values, a span. A section with neither
    // holds no fact, and the facts need not be built (a keystroke in a heading builds none).
    let mayHoldFacts: number[] | undefined;
    for (const scope of packScopes(ctx, SASB_PACKS))
      for (const tag of scope.tags) {
        if (!tag.known || tag.section === undefined) continue;
        const item = getItem(scope.pack, tag.id);
        if (item?.kind !== 'metric') continue;
        const section = doc.sections[tag.section];
        tableLines ??= sortedLines(
          doc.kpiTables
            .filter((kt) => kt.rows.some((r) => !r.isCaption && r.values.length > 0))
            .map((kt) => doc.tables[kt.table].range.start.line),
        );
        if (anyWithin(section, tableLines)) continue;
        mayHoldFacts ??= sortedLines([
          ...doc.kpiTables
            .filter((kt) => kt.rows.some((r) => r.kpiId && r.values.length > 0))
            .map((kt) => doc.tables[kt.table].range.start.line),
          ...doc.spans.map((s) => s.range.start.line),
        ]);
        if (anyWithin(section, mayHoldFacts)) {
          // A table lies in one section: where it starts stands for its facts.
          factLines ??= sortedLines(factStarts(ctx.derived.facts, doc));
          if (anyWithin(section, factLines)) continue;
        }
        // An explanation of this metric: one naming no HKEX requirement (`::: {.explain sasb=…}`), or naming the code.
        const explained = doc.explanations.some(
          (e) => within(section, e.range.start.line) && e.text !== '' && (!e.refs.length || e.text.includes(tag.id)),
        );
        if (explained) continue;
        ctx.report({
          range: tag.range,
          message: ctx.t('sasb.metricMissing', {
            id: tag.id,
            title: localized(item.title, ctx.locale),
            section: section.heading.title.trim(),
          }),
          data: { id: tag.id },
        });
      }
  },
};

/** The line where each KPI table with a fact starts, and where each fact of a span starts. */
function factStarts(facts: FactIndex, doc: EsgDocument): number[] {
  const lines: number[] = [];
  for (const [kt, list] of facts.tableFacts) if (list.length) lines.push(doc.tables[kt.table].range.start.line);
  for (const f of facts.spanFacts.values()) lines.push(f.range.start.line);
  return lines;
}

function sortedLines(lines: number[]): number[] {
  return lines.sort((a, b) => a - b);
}

/** Whether one of `lines` (sorted) lies within the section (its range spans its subsections). */
function anyWithin(section: Section, lines: readonly number[]): boolean {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] < section.range.start.line) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && within(section, lines[lo]);
}
