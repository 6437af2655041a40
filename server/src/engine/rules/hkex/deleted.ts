// hkex/deleted: A1.2, A4 and A4.1 were deleted from 1 January 2025; claiming them as disclosures
// (in a tag, an explanation or an index row not marked deleted) is a leftover from the old Guide.
import { HKEX_INPUTS, type Rule } from '../rule';
import { localized } from '../../i18n';
import { isDeletedIn } from '../../context';

export const deleted: Rule = {
  id: 'hkex/deleted',
  defaultSeverity: 'warning',
  reads: HKEX_INPUTS,
  description: {
    en: 'No section, explanation or index row claims a requirement deleted from the Code (A1.2, A4, A4.1).',
    'zh-Hant': '沒有章節、解釋或索引行聲稱披露已從守則刪除的條文（A1.2、A4、A4.1）。',
    'zh-Hans': '没有章节、解释或索引行声称披露已从守则删除的条文（A1.2、A4、A4.1）。',
  },
  run(ctx) {
    for (const { ref } of ctx.disclosures.deletedClaims) {
      // Only where the deletion is in force: A1.2 was a KPI of the Guide for a FY2022 report.
      if (isDeletedIn(ctx.framework, ref.id, ctx.reporting) !== true) continue;
      const req = ctx.framework.get(ref.id)!;
      const replacement = ref.id === 'A1.2' ? ctx.t('hkex.deleted.a12') : ref.id.startsWith('A4') ? ctx.t('hkex.deleted.a4') : '';
      ctx.report({
        range: ref.range,
        message: ctx.t('hkex.deleted', { id: ref.id, title: localized(req.title, ctx.locale), date: req.deletedFrom ?? '2025-01-01', replacement }),
        data: { id: ref.id, replacement: ref.id === 'A1.2' ? 'D28(a) D28(b)' : undefined },
      });
    }
  },
};
