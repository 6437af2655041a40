// ghg/sum-mismatch: Scope 1 + Scope 2 = the stated total, Scope 3 = the sum of its categories, and
// every Scope 3 category is one of the GHG Protocol's 15.
import { type Rule } from '../rule';
import { replaceValueFixes, type CheckData } from '../replaceValue';
import { checkDiagnostic } from '../../numbers/checks';
import { invalidScope3Categories } from '../../numbers/ghgChecks';

/** A failed sum carries the computed figure; a category outside the 15, its KPI id. */
export type GhgSumData = CheckData | { id: string };

export const ghgSum: Rule<GhgSumData> = {
  id: 'ghg/sum-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: "Scope 1 + Scope 2 equals the stated total, Scope 3 equals the sum of its categories (within rounding), and Scope 3 categories are the GHG Protocol's 15.",
    'zh-Hant':
      '範圍 1 + 範圍 2 等於所列總量，範圍 3 等於其各類別之和（容許四捨五入），且範圍 3 類別屬《溫室氣體核算體系》的 15 個類別。',
    'zh-Hans':
      '范围 1 + 范围 2 等于所列总量，范围 3 等于其各类别之和（容许四舍五入），且范围 3 类别属《温室气体核算体系》的 15 个类别。',
  },
  run(ctx) {
    for (const check of ctx.derived.ghgSums)
      if (!check.ok) ctx.report({ ...checkDiagnostic(ctx.doc, check, ctx.locale), severity: check.severity });
    for (const f of invalidScope3Categories(ctx.derived.facts)) {
      ctx.report({
        range: f.row?.labelRange ?? f.range,
        message: ctx.t('ghg.scope3.invalidCategory', { id: f.kpiId }),
        severity: 'error',
        data: { id: f.kpiId },
      });
    }
  },
  fixes: replaceValueFixes,
};
