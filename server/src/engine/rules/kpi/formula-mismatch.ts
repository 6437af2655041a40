// kpi/formula-mismatch: the checks the author writes as `formula="..."` on a KPI row, and errors in
// those formulas. kpi/prose-mismatch shares the evaluation (`check="..."`, `kpi=...` in the prose).
import { replaceValueFixes, type CheckData } from '../replaceValue';
import { type Rule, RuleContext } from '../rule';
import { checkDiagnostic } from '../../numbers/checks';
import { formulaChecks } from '../../derived';
import { formulaOptions } from '../../numbers/allChecks';

/** A failed check carries the computed figure; a formula that cannot be evaluated, its message key. */
export type FormulaData = CheckData | { key: string };

/** The failed checks and formula problems of `rule` (kpi/formula-mismatch or kpi/prose-mismatch) (the two rules share it). */
export function reportFormulaFindings(ctx: RuleContext<FormulaData>, rule: string) {
  const result = formulaChecks(ctx.doc, formulaOptions);
  for (const check of result.checks)
    if (check.rule === rule && !check.ok) ctx.report(checkDiagnostic(ctx.doc, check, ctx.locale));
  for (const p of result.problems)
    if (p.rule === rule)
      ctx.report({ range: p.range, message: ctx.tFromKey(p.key, p.args), severity: p.severity, data: { key: p.key } });
}

export const formulaMismatch: Rule<FormulaData> = {
  id: 'kpi/formula-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'A KPI row with `formula="..."` agrees with its formula in every period (within rounding); the formula parses and its inputs exist.',
    'zh-Hant':
      '帶有 `formula="..."` 的關鍵績效指標行在每個期間均與公式相符（容許四捨五入），且公式語法正確、所需數據存在。',
    'zh-Hans':
      '带有 `formula="..."` 的关键绩效指标行在每个期间均与公式相符（容许四舍五入），且公式语法正确、所需数据存在。',
  },
  run: (ctx) => reportFormulaFindings(ctx, 'kpi/formula-mismatch'),
  fixes: replaceValueFixes,
};
