// ghg/activity-mismatch: Scope 2 (location-based) against electricity x grid factor.
import { replaceValueFixes, type CheckData } from '../replaceValue';
import { type Rule } from '../rule';
import { checkDiagnostic } from '../../numbers/checks';
import { activityChecks } from '../../numbers/activityChecks';

export const activity: Rule<CheckData> = {
  id: 'ghg/activity-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'Scope 2 (location-based) equals purchased electricity × the grid factor the report names (front matter `factors.grid` or the factor quoted in the text), within rounding.',
    'zh-Hant':
      '範圍 2（基於位置）等於外購電力 × 報告所採用的電網排放因子（前置資料 `factors.grid` 或正文引用的因子），容許四捨五入。',
    'zh-Hans':
      '范围 2（基于位置）等于外购电力 × 报告所采用的电网排放因子（前置资料 `factors.grid` 或正文引用的因子），容许四舍五入。',
  },
  run(ctx) {
    for (const check of activityChecks(ctx.doc, ctx.derived, ctx.locale))
      if (!check.ok) ctx.report(checkDiagnostic(ctx.doc, check, ctx.locale));
  },
  fixes: replaceValueFixes,
};
