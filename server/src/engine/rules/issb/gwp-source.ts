// issb/gwp-source: a report claiming IFRS S2 / HKFRS S2 that discloses GHG emissions names the source of
// its GWP values (B21: the latest IPCC assessment at the reporting date, AR6), and, where it uses older
// values because a jurisdiction requires them, does so under a version that allows it (the December 2025
// amendments, periods from 1 January 2027) or states early application.
import type { Rule } from '../rule';
import { localized } from '../../i18n';
import { EARLY_APPLICATION, factPlace, ghgFacts, issbClaim, matchingLines } from './ghgMethod';

export type IssbGwpSourceData = { found?: string };

/** A line that speaks of GWP values. */
const GWP_CONTEXT = /GWP|global warming potential|全球變暖潛能|全球变暖潜能|全球暖化潛勢|全球暖化潜势/i;
/** The IPCC assessment named: AR4 … AR6, 'Fifth Assessment Report', '第五次評估報告'. */
const ASSESSMENT =
  /\bAR\s?([4-6])\b|\b(Fourth|Fifth|Sixth)\s+Assessment\s+Report|第\s*([四五六])\s*次評估報告|第\s*([四五六])\s*次评估报告/i;
const JURISDICTION = /jurisdiction|司法管轄區|司法管辖区|當地法規|当地法规|監管機構要求|监管机构要求/i;

const NUMBER: Record<string, string> = { fourth: '4', fifth: '5', sixth: '6', 四: '4', 五: '5', 六: '6' };

export const issbGwpSource: Rule<IssbGwpSourceData> = {
  id: 'issb/gwp-source',
  defaultSeverity: 'warning',
  description: {
    en: 'A report under IFRS S2 / HKFRS S2 with GHG figures names its GWP values: the latest IPCC assessment (AR6), or jurisdictional values where the version in force allows them.',
    'zh-Hant':
      '按 IFRS S2／HKFRS S2 披露溫室氣體數據的報告說明所用 GWP：最新 IPCC 評估報告（AR6），或在適用版本容許時採用司法管轄區規定的數值。',
    'zh-Hans':
      '按 IFRS S2／HKFRS S2 披露温室气体数据的报告说明所用 GWP：最新 IPCC 评估报告（AR6），或在适用版本允许时采用司法管辖区规定的数值。',
  },
  run(ctx) {
    const scope = issbClaim(ctx);
    if (!scope) return;
    const facts = ghgFacts(ctx, 'ghg.scope1', 'ghg.scope2', 'ghg.scope2.location', 'ghg.scope2.market', 'ghg.scope3');
    if (!facts.length) return;
    // GWP sets named in the front matter's factors (`gwp-ar5-ch4`) count as declared.
    const declared = Object.values(ctx.doc.config.factors).flatMap((perPeriod) =>
      Object.values(perPeriod).flatMap((f) => (f?.catalogId && /^gwp-ar[4-6]-/.test(f.catalogId) ? [f.catalogId] : [])),
    );
    const named = matchingLines(ctx, ASSESSMENT, GWP_CONTEXT, 1);
    const version = localized(scope.version.title, ctx.locale);
    if (!named.length) {
      if (declared.length) return;
      ctx.report({
        range: factPlace(facts[0]),
        message: ctx.t('issb.gwpMissing', { framework: scope.name }),
        data: {},
      });
      return;
    }
    const sets = named.map((m) => {
      const [, ar, word, zhT, zhS] = m.match;
      return { m, set: ar ?? NUMBER[(word ?? zhT ?? zhS ?? '').toLowerCase()] ?? '' };
    });
    // AR6 named anywhere: the latest values are used (older ones may be quoted for comparison).
    if (sets.some((s) => s.set === '6')) return;
    const { m, set } = sets[0];
    const found = `AR${set}`;
    if (JURISDICTION.test(m.text)) {
      // The version carrying the amendments (29A is theirs) allows jurisdictional values.
      if (scope.inForce.has('29A') || EARLY_APPLICATION.test(ctx.doc.text)) return;
      ctx.report({
        range: m.range,
        message: ctx.t('issb.gwpJurisdictionEarly', { framework: scope.name, version, found }),
        data: { found },
      });
      return;
    }
    ctx.report({
      range: m.range,
      message: ctx.t('issb.gwpOutdated', { framework: scope.name, version, found }),
      data: { found },
    });
  },
};
