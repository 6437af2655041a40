// hkex/index-untagged: an index row pointing to a section with no tags at all.
import { HKEX_INPUTS, type Rule } from '../rule';
import { indexRows, satisfied, targetSections } from './indexRows';

export const indexUntagged: Rule = {
  id: 'hkex/index-untagged',
  defaultSeverity: 'hint',
  reads: HKEX_INPUTS,
  // Tagging the section with what the index row already says it covers (codeActions.ts).
  safeFix: true,
  description: {
    en: 'An index row points to a section that carries no tags at all: tag it so the link can be checked.',
    'zh-Hant': '索引行指向沒有任何標註的章節：請加上標註以便核對。',
    'zh-Hans': '索引行指向没有任何标注的章节：请加上标注以便核对。',
  },
  run(ctx) {
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted) continue;
      const sections = targetSections(ctx, row);
      if (!sections.length || sections.some((s) => ctx.disclosures.tagsInSubtree(s).size > 0)) continue;
      const s = sections[sections.length - 1];
      for (const ref of row.refs) {
        if (!ref.known || satisfied(ctx, ref.id, ctx.disclosures.kpiIdsInSubtree(s)) || satisfied(ctx, ref.id, ctx.disclosures.explainedInSubtree(s))) continue;
        ctx.report({ range: row.target.range, message: ctx.t('hkex.indexUntagged', { id: ref.id, section: s.heading.title }), data: { id: ref.id, section: s.index } });
      }
    }
  },
};
