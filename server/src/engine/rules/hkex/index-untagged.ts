// hkex/index-untagged: an index row pointing to a section with no tags at all.
import { type Rule } from '../rule';
import { tagSectionEdit } from '../../features/edits';
import { indexRows, satisfied, targetSections } from './indexRows';

/** The requirement the row names and the index of the section it points to. */
export type IndexUntaggedData = { id: string; section: number };

export const indexUntagged: Rule<IndexUntaggedData> = {
  id: 'hkex/index-untagged',
  defaultSeverity: 'hint',
  // Tagging the section with what the index row already says it covers (`fixes` below).
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
        if (
          !ref.known ||
          satisfied(ctx, ref.id, ctx.disclosures.kpiIdsInSubtree(s)) ||
          satisfied(ctx, ref.id, ctx.disclosures.explainedInSubtree(s))
        )
          continue;
        ctx.report({
          range: row.target.range,
          message: ctx.t('hkex.indexUntagged', { id: ref.id, section: s.heading.title }),
          data: { id: ref.id, section: s.index },
        });
      }
    }
  },
  fixes(d, ctx) {
    const doc = ctx.doc;
    const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
    const section = typeof d.data?.section === 'number' ? doc.sections[d.data.section] : undefined;
    if (!id || !section) return [];
    // Every untagged row given for the same section gets one tag: two tags written separately
    // would give the heading two attribute blocks.
    const group = ctx.diagnostics.filter(
      (x) => x.rule === d.rule && x.data?.section === d.data?.section && typeof x.data?.id === 'string',
    );
    const ids = [...new Set([id, ...group.map((x) => x.data!.id as string)])].join(' ');
    return [
      {
        title: ctx.t('action.tagSection', { section: section.heading.title, id: ids }),
        kind: 'quickfix',
        edits: { [doc.uri]: [tagSectionEdit(doc, section, ids)] },
        diagnostics: group.length ? group : [d],
        isPreferred: true,
        safe: true,
      },
    ];
  },
};
