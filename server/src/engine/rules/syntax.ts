// esg/syntax: constructs of the dialect that are malformed (unclosed `{`, `:::` or quotes...).
import type { Rule } from './rule';

export const syntax: Rule = {
  id: 'esg/syntax',
  defaultSeverity: 'warning',
  reads: ['syntax'],
  description: {
    en: 'Attribute blocks, fenced divs, explanation blocks and index rows are well formed.',
    'zh-Hant': '屬性區塊、圍欄區塊、解釋區塊及索引行的格式正確。',
    'zh-Hans': '属性区块、围栏区块、解释区块及索引行的格式正确。',
  },
  run(ctx) {
    for (const p of ctx.doc.syntaxProblems) ctx.report({ range: p.range, message: ctx.t(p.key, p.args), data: { key: p.key } });
  },
};
