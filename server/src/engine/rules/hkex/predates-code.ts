// hkex/predates-code: a report of a financial year commencing before 1 January 2025, when the old ESG
// Reporting Guide applied. The Code is not the rule for that year: esgmark checks the report against it
// as guidance (see docs/rules.md) and says so once, at `esg.period`.
import type { Rule } from '../rule';
import { positionAt } from '../../parser/lines';
import { CODE_IN_FORCE, formatDate, fyLabel } from '../../context';

/** The financial year the report covers. */
export type PredatesCodeData = { fyStart: string; fyEnd: string };

export const predatesCode: Rule<PredatesCodeData> = {
  id: 'hkex/predates-code',
  defaultSeverity: 'information',
  description: {
    en: 'A report of a financial year commencing before 1 January 2025 is checked against the 2025 Code as guidance only.',
    'zh-Hant': '財政年度於 2025 年 1 月 1 日之前開始的報告，只以 2025 年守則作參考檢查。',
    'zh-Hans': '财政年度于 2025 年 1 月 1 日之前开始的报告，只以 2025 年守则作参考检查。',
  },
  run(ctx) {
    const rc = ctx.reporting;
    if (rc.codeVersion !== 'pre-2025' || !rc.known) return;
    const fm = ctx.doc.frontMatter;
    let range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const key = fm ? /^[ \t]+period[ \t]*:/m.exec(fm.yamlText) : null;
    if (fm && key) {
      const at = fm.yamlStart + key.index + key[0].length - key[0].trimStart().length;
      range = { start: positionAt(ctx.doc.lineStarts, at), end: positionAt(ctx.doc.lineStarts, at + 'period'.length) };
    }
    ctx.report({
      range,
      message: ctx.t('hkex.predatesCode', { fy: fyLabel(rc, ctx.locale), date: formatDate(CODE_IN_FORCE, ctx.locale) }),
      data: { fyStart: rc.fyStart, fyEnd: rc.fyEnd },
    });
  },
};
