// kpi/formula-mismatch and kpi/prose-mismatch: the checks the author writes (`formula="..."` on a
// KPI row, `check="..."` or `kpi=...` on a figure in the prose), and errors in those formulas.
import { NUMBERS_INPUTS, type Rule, RuleContext } from './rule';
import { checkDiagnostic } from '../numbers/checks';
import { formulaChecks } from '../numbers/formulaChecks';
import { formulaOptions } from '../numbers/allChecks';

function report(ctx: RuleContext, rule: string) {
  const result = formulaChecks(ctx.doc, formulaOptions);
  for (const check of result.checks) if (check.rule === rule && !check.ok) ctx.report(checkDiagnostic(ctx.doc, check, ctx.locale));
  for (const p of result.problems) if (p.rule === rule) ctx.report({ range: p.range, message: ctx.t(p.key, p.args), severity: p.severity, data: { key: p.key } });
}

export const formulaMismatch: Rule = {
  id: 'kpi/formula-mismatch',
  defaultSeverity: 'warning',
  reads: NUMBERS_INPUTS,
  description: {
    en: 'A KPI row with `formula="..."` agrees with its formula in every period (within rounding); the formula parses and its inputs exist.',
    'zh-Hant': '帶有 `formula="..."` 的關鍵績效指標行在每個期間均與公式相符（容許四捨五入），且公式語法正確、所需數據存在。',
    'zh-Hans': '带有 `formula="..."` 的关键绩效指标行在每个期间均与公式相符（容许四舍五入），且公式语法正确、所需数据存在。',
  },
  run: (ctx) => report(ctx, 'kpi/formula-mismatch'),
};

export const proseMismatch: Rule = {
  id: 'kpi/prose-mismatch',
  defaultSeverity: 'warning',
  reads: NUMBERS_INPUTS,
  description: {
    en: 'A figure quoted in the prose (`[8.4%]{check="..."}`, `[229.3 噸二氧化碳當量]{kpi=ghg.total}`) agrees with the tables.',
    'zh-Hant': '正文引用的數字（`[8.4%]{check="..."}`、`[229.3 噸二氧化碳當量]{kpi=ghg.total}`）與表格一致。',
    'zh-Hans': '正文引用的数字（`[8.4%]{check="..."}`、`[229.3 吨二氧化碳当量]{kpi=ghg.total}`）与表格一致。',
  },
  run: (ctx) => report(ctx, 'kpi/prose-mismatch'),
};
