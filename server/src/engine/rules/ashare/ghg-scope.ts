// ashare/ghg-scope: Scope 1 and Scope 2 GHG emissions of the report's financial year are disclosed (the
// climate topic, Chapter 3): a recognised KPI (`ghg.scope1`; `ghg.scope2`, location- or market-based)
// with a figure for that year, in a table or a `kpi=` span. An error for an A+H issuer, for whom the
// guidelines are mandatory; a warning when they are claimed voluntarily.
import type { Rule } from '../rule';
import { fyLabel } from '../../context';
import { ashareScope, exchangeList, guidelineName, reportRange } from './scope';

export type AshareGhgScopeData = { scope: 'scope1' | 'scope2' };

const SCOPES: { scope: 'scope1' | 'scope2'; kpis: readonly string[] }[] = [
  { scope: 'scope1', kpis: ['ghg.scope1'] },
  { scope: 'scope2', kpis: ['ghg.scope2', 'ghg.scope2.location', 'ghg.scope2.market'] },
];

/** The year a KPI column names: `2025`, or the year a `2025/26` financial year ends in. */
function periodYear(period: string): number | undefined {
  const single = /^\s*(\d{4})\s*$/.exec(period);
  if (single) return Number(single[1]);
  const span = /^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$/.exec(period);
  if (!span) return undefined;
  const end = span[2].length === 2 ? Number(span[1].slice(0, 2) + span[2]) : Number(span[2]);
  return end;
}

export const ashareGhgScope: Rule<AshareGhgScopeData> = {
  id: 'ashare/ghg-scope',
  defaultSeverity: 'error',
  description: {
    en: 'An A-share report discloses Scope 1 and Scope 2 GHG emissions for its financial year.',
    'zh-Hant': 'A 股指引下的報告披露本財政年度的範圍一及範圍二溫室氣體排放量。',
    'zh-Hans': 'A 股指引下的报告披露本财政年度的范围一及范围二温室气体排放量。',
  },
  run(ctx) {
    const scope = ashareScope(ctx);
    if (!scope) return;
    const year = ctx.reporting.fyYear;
    const facts = ctx.derived.facts.all;
    const climate = ctx.derived.topicSections.get('climate');
    const range = climate !== undefined ? ctx.doc.sections[climate].heading.titleRange : reportRange(ctx);
    for (const { scope: which, kpis } of SCOPES) {
      if (facts.some((f) => kpis.includes(f.kpiId) && periodYear(f.period) === year)) continue;
      ctx.report({
        range,
        severity: scope.exchanges.length ? 'error' : 'warning',
        message: ctx.t('ashare.ghg.missing', {
          scope: ctx.t(which === 'scope1' ? 'ashare.ghg.scope1' : 'ashare.ghg.scope2'),
          fy: fyLabel(ctx.reporting, ctx.locale),
          guideline: guidelineName(ctx, scope),
          mandatory: scope.exchanges.length
            ? ctx.t('ashare.ghg.mandatory', { exchanges: exchangeList(scope.exchanges) })
            : '',
        }),
        data: { scope: which },
      });
    }
  },
};
