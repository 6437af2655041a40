// ashare/not-material-explanation: a topic found not material in the double-materiality table says why
// (Art. 5), in an explanation column or after the conclusion in its cell ('不具有重要性：本公司不涉及……').
import type { Rule } from '../rule';
import { ashareScope } from './scope';
import { topicRows, topicTitle } from './materialityRows';

export type AshareNotMaterialExplanationData = { topic: string };

export const ashareNotMaterialExplanation: Rule<AshareNotMaterialExplanationData> = {
  id: 'ashare/not-material-explanation',
  defaultSeverity: 'warning',
  description: {
    en: 'A topic found not material in the double-materiality table comes with an explanation.',
    'zh-Hant': '雙重重要性評估表中判斷為不具有重要性的議題附有說明。',
    'zh-Hans': '双重重要性评估表中判断为不具有重要性的议题附有说明。',
  },
  run(ctx) {
    if (!ashareScope(ctx)) return;
    for (const row of topicRows(ctx.derived.materialityTables)) {
      if (row.conclusion !== 'not-material' || row.explanation) continue;
      ctx.report({
        range: row.conclusionRange,
        message: ctx.t('ashare.notMaterial.noExplanation', { topic: row.topic, title: topicTitle(ctx, row.topic) }),
        data: { topic: row.topic },
      });
    }
  },
};
