// hkex/index-absent: a report with front matter but no HKEX content index table.
import { type NoData, type Rule } from '../rule';

export const indexAbsent: Rule<NoData> = {
  id: 'hkex/index-absent',
  defaultSeverity: 'information',
  description: {
    en: 'The report has an HKEX content index table (a heading with class `.hkex-index` and a pipe table).',
    'zh-Hant': '報告載有香港聯交所內容索引表（帶有 `.hkex-index` 類別的標題及表格）。',
    'zh-Hans': '报告载有香港联交所内容索引表（带有 `.hkex-index` 类别的标题及表格）。',
  },
  run(ctx) {
    if (ctx.doc.indexTables.length || !ctx.doc.config.present) return;
    const r = ctx.doc.frontMatter?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    ctx.report({
      range: { start: r.start, end: { line: r.start.line, character: 3 } },
      message: ctx.t('hkex.indexAbsent'),
    });
  },
};
