// esg/syntax: constructs of the dialect that are malformed (unclosed `{`, `:::` or quotes...).
import type { Rule } from '../rule';
import type { SyntaxProblem } from '../../model';
import { LIMITS } from '../../limits';
import { comparePositions } from '../../parser/lines';

/** The message key of the parser's problem. */
export type SyntaxData = { key: string };

export const syntax: Rule<SyntaxData> = {
  id: 'esg/syntax',
  defaultSeverity: 'warning',
  description: {
    en: 'Attribute blocks, fenced divs, explanation blocks and index rows are well formed.',
    'zh-Hant': '屬性區塊、圍欄區塊、解釋區塊及索引行的格式正確。',
    'zh-Hans': '属性区块、围栏区块、解释区块及索引行的格式正确。',
  },
  run(ctx) {
    // A report repeating one broken construct thousands of times gets the first few of each kind and
    // one summary, so the list (and the editor's Problems view) stays bounded.
    const max = LIMITS.maxProblemsPerKind;
    const byKey = new Map<string, SyntaxProblem[]>();
    for (const p of ctx.doc.syntaxProblems) {
      const list = byKey.get(p.key);
      if (list) list.push(p);
      else byKey.set(p.key, [p]);
    }
    const listed = new Set<SyntaxProblem>();
    const summaries = new Map<SyntaxProblem, number>();
    for (const list of byKey.values()) {
      if (list.length <= max + 1) continue;
      const sorted = list.slice().sort((a, b) => comparePositions(a.range.start, b.range.start));
      for (let k = 0; k < max; k++) listed.add(sorted[k]);
      summaries.set(sorted[max], list.length - max - 1);
    }
    for (const p of ctx.doc.syntaxProblems) {
      const capped = (byKey.get(p.key)?.length ?? 0) > max + 1;
      if (capped && !listed.has(p) && !summaries.has(p)) continue;
      const message = ctx.tFromKey(p.key, p.args);
      const more = summaries.get(p);
      ctx.report({
        range: p.range,
        message: more === undefined ? message : ctx.t('problems.more', { message, count: more, max }),
        data: { key: p.key },
      });
    }
  },
};
