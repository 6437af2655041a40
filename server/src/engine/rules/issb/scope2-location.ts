// issb/scope2-location: a report claiming IFRS S2 / HKFRS S2 that discloses Scope 2 emissions gives the
// location-based figure (29(a)(v)), whatever else it gives (a market-based figure informs users too).
import type { Rule } from '../rule';
import { factPlace, ghgFacts, issbClaim } from './ghgMethod';

export type IssbScope2LocationData = Record<string, never>;

/** A Scope 2 row label that says it is location-based ('Scope 2 (location-based)', '範圍二（以地點為基礎）'). */
const LOCATION_LABEL = /location|位置|地點|地点/i;

export const issbScope2Location: Rule<IssbScope2LocationData> = {
  id: 'issb/scope2-location',
  defaultSeverity: 'warning',
  description: {
    en: 'A report under IFRS S2 / HKFRS S2 that discloses Scope 2 emissions gives the location-based figure (29(a)(v)).',
    'zh-Hant': '按 IFRS S2／HKFRS S2 披露範圍 2 排放的報告列出按位置基準法計算的數據（第 29(a)(v) 段）。',
    'zh-Hans': '按 IFRS S2／HKFRS S2 披露范围 2 排放的报告列出按位置基准法计算的数据（第 29(a)(v) 段）。',
  },
  run(ctx) {
    const scope = issbClaim(ctx);
    if (!scope) return;
    const scope2 = ghgFacts(ctx, 'ghg.scope2', 'ghg.scope2.market');
    if (!scope2.length) return;
    if (ghgFacts(ctx, 'ghg.scope2.location').length) return;
    if (scope2.some((f) => f.kpiId === 'ghg.scope2' && LOCATION_LABEL.test(f.row?.label ?? f.label))) return;
    const f = scope2[0];
    ctx.report({
      range: factPlace(f),
      message: ctx.t('issb.scope2Location', {
        framework: scope.name,
        value: `${f.raw}${f.unitRaw ? ` ${f.unitRaw}` : ''}`,
      }),
      data: {},
    });
  },
};
