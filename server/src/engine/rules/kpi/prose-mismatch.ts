// kpi/prose-mismatch: a figure quoted in the prose (`check="..."`, `kpi=...`) that disagrees with the tables.
import { replaceValueFixes } from '../replaceValue';
import { type Rule } from '../rule';
import { reportFormulaFindings, type FormulaData } from './formula-mismatch';

export const proseMismatch: Rule<FormulaData> = {
  id: 'kpi/prose-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'A figure quoted in the prose (`[8.4%]{check="..."}`, `[229.3 噸二氧化碳當量]{kpi=ghg.total}`) agrees with the tables.',
    'zh-Hant': '正文引用的數字（`[8.4%]{check="..."}`、`[229.3 噸二氧化碳當量]{kpi=ghg.total}`）與表格一致。',
    'zh-Hans': '正文引用的数字（`[8.4%]{check="..."}`、`[229.3 吨二氧化碳当量]{kpi=ghg.total}`）与表格一致。',
  },
  run: (ctx) => reportFormulaFindings(ctx, 'kpi/prose-mismatch'),
  fixes: replaceValueFixes,
};
