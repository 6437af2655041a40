// esg/budget: an analysis stopped at its time budget. Reported by the rule runner (runner.ts), which
// names the rules it skipped.
import type { RuleInfo } from '../rule';

export const BUDGET_RULE: RuleInfo = {
  id: 'esg/budget',
  defaultSeverity: 'warning',
  description: {
    en: 'The analysis ran past its time budget; the rules not yet run were skipped.',
    'zh-Hant': '分析超出時間上限；尚未執行的規則已略過。',
    'zh-Hans': '分析超出时间上限；尚未执行的规则已略过。',
  },
};
