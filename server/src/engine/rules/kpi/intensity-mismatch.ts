// kpi/intensity-mismatch: an intensity equals its figure divided by the denominator its unit names.
import { NUMBERS_INPUTS, type Rule } from '../rule';
import { checkDiagnostic } from '../../numbers/checks';
import { intensityChecks } from '../../numbers/intensityChecks';

export const intensity: Rule = {
  id: 'kpi/intensity-mismatch',
  defaultSeverity: 'warning',
  reads: NUMBERS_INPUTS,
  description: {
    en: 'An intensity equals its figure divided by the denominator its unit names (front matter `denominators`, or the one the other intensities imply).',
    'zh-Hant': '密度等於相關數值除以其單位所指的分母（前置資料的 `denominators`，或由其他密度推算的分母）。',
    'zh-Hans': '密度等于相关数值除以其单位所指的分母（前置资料的 `denominators`，或由其他密度推算的分母）。',
  },
  run(ctx) {
    for (const check of intensityChecks(ctx.doc, ctx.locale)) if (!check.ok) ctx.report(checkDiagnostic(ctx.doc, check, ctx.locale));
  },
};
