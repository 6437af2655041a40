// issb/category15-limit: Category 15 (investments) limited to financed emissions. The December 2025
// amendments to IFRS S2 (periods from 1 January 2027, 29A-29C) allow it with an explanation of the limit;
// before them (and under HKFRS S2 as issued in 2024) the limit is not available unless the report states
// it applies the amendments early.
import type { Rule } from '../rule';
import { localized } from '../../i18n';
import { EARLY_APPLICATION, issbClaim, matchingLines } from './ghgMethod';

export type IssbCategory15LimitData = Record<string, never>;

const CATEGORY_15 = /categor(?:y)?\s*15|cat\.\s*15|類別\s*15|类别\s*15|第\s*15\s*(?:類|类)|第十五(?:類|类)/i;
const FINANCED = /financed emissions|融資排放|融资排放|投融資排放|投融资排放/i;
const LIMITED = /\blimit|\bonly\b|\brestrict|僅|仅|限於|限于|只包括/i;
/** The line gives the reason of the limit. */
const REASON = /because|since|reason|as the|due to|由於|由于|因為|因为|原因|鑑於|鉴于/i;

export const issbCategory15Limit: Rule<IssbCategory15LimitData> = {
  id: 'issb/category15-limit',
  defaultSeverity: 'warning',
  description: {
    en: 'Category 15 limited to financed emissions is explained, and only under a version of IFRS S2 that allows it (the December 2025 amendments, or early application).',
    'zh-Hant': '第 15 類僅限於融資排放時須解釋，且僅在容許此做法的 IFRS S2 版本下（2025 年 12 月修訂或提前採用）。',
    'zh-Hans': '第 15 类仅限于融资排放时须解释，且仅在允许此做法的 IFRS S2 版本下（2025 年 12 月修订或提前采用）。',
  },
  run(ctx) {
    const scope = issbClaim(ctx);
    if (!scope) return;
    const limit = matchingLines(ctx, CATEGORY_15, FINANCED, 1).find((m) => LIMITED.test(m.text));
    if (!limit) return;
    const version = localized(scope.version.title, ctx.locale);
    // The version that carries 29A: the amendments (IFRS S2 from 2027); HKFRS S2 has not adopted them.
    const allowed = scope.inForce.has('29A');
    if (!allowed) {
      if (EARLY_APPLICATION.test(ctx.doc.text)) return;
      ctx.report({
        range: limit.range,
        message: ctx.t('issb.category15Early', { framework: scope.name, version }),
        data: {},
      });
      return;
    }
    const explained =
      REASON.test(limit.text) ||
      ctx.derived.packTags.some((t) => t.known && t.id === '29B' && t.pack === scope.pack) ||
      ctx.doc.explanations.some((e) => e.text !== '' && CATEGORY_15.test(e.text));
    if (explained) return;
    ctx.report({
      range: limit.range,
      message: ctx.t('issb.category15Unexplained', { framework: scope.name, version }),
      data: {},
    });
  },
};
