// esg/too-large: a report past `LIMITS.maxReportChars`. Reported by `analyze` itself (engine/index.ts),
// which returns only this diagnostic: no rule runs on a report that large.
import type { RuleInfo } from '../rule';

export const TOO_LARGE_RULE: RuleInfo = {
  id: 'esg/too-large',
  defaultSeverity: 'error',
  description: {
    en: 'The report is longer than esgmark analyses (16 Mi characters); it is not checked.',
    'zh-Hant': '報告長度超過 esgmark 可分析的上限（16 Mi 個字元），因此未經檢查。',
    'zh-Hans': '报告长度超过 esgmark 可分析的上限（16 Mi 个字符），因此未经检查。',
  },
};
