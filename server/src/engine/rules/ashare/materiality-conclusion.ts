// ashare/materiality-conclusion: a topic's conclusion in the double-materiality table is one of the
// closed list (financial materiality, impact materiality, both, not material: Art. 5); '高', '重要',
// 'medium' or an empty cell are none of them.
import type { Rule } from '../rule';
import { ashareScope } from './scope';
import { topicRows } from './materialityRows';

export type AshareMaterialityConclusionData = { topic: string };

export const ashareMaterialityConclusion: Rule<AshareMaterialityConclusionData> = {
  id: 'ashare/materiality-conclusion',
  defaultSeverity: 'error',
  description: {
    en: "Each topic's conclusion in the double-materiality table is financial materiality, impact materiality, both, or not material.",
    'zh-Hant': '雙重重要性評估表中每個議題的結論為財務重要性、影響重要性、雙重重要性或不具有重要性。',
    'zh-Hans': '双重重要性评估表中每个议题的结论为财务重要性、影响重要性、双重重要性或不具有重要性。',
  },
  run(ctx) {
    if (!ashareScope(ctx)) return;
    for (const row of topicRows(ctx.derived.materialityTables)) {
      if (row.conclusion) continue;
      ctx.report({
        range: row.conclusionRange,
        message: ctx.t('ashare.conclusion.invalid', {
          topic: row.topic,
          value: row.conclusionText.slice(0, 60) || '—',
        }),
        data: { topic: row.topic },
      });
    }
  },
};
