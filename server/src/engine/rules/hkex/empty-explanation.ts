// hkex/empty-explanation: 'comply or explain' needs a reason; an empty block explains nothing.
import { type NoData, type Rule } from '../rule';

export const emptyExplanation: Rule<NoData> = {
  id: 'hkex/empty-explanation',
  defaultSeverity: 'error',
  description: {
    en: 'An explanation block gives a reason (it has text).',
    'zh-Hant': '解釋區塊須說明原因（不可為空）。',
    'zh-Hans': '解释区块须说明原因（不可为空）。',
  },
  run(ctx) {
    for (const e of ctx.doc.explanations) {
      if (e.text) continue;
      ctx.report({
        range: e.openRange,
        message: ctx.t('hkex.emptyExplanation', { ids: [...new Set(e.refs.map((r) => r.raw))].join(' ') || '?' }),
      });
    }
  },
};
