// hkex/index-mismatch: an index row pointing to a section that does not disclose or explain its requirement.
import { type Rule } from '../rule';
import { tagSectionEdit } from '../../features/edits';
import { indexRows, satisfied, targetSections } from './indexRows';

/** The requirement the row names and the index of the tagged section it points to. */
export type IndexMismatchData = { id: string; section: number };

export const indexMismatch: Rule<IndexMismatchData> = {
  id: 'hkex/index-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'An index row points to a section whose tags, KPI rows or explanation blocks include the requirement.',
    'zh-Hant': '索引行指向的章節，其標註、關鍵績效指標行或解釋區塊包含該條文。',
    'zh-Hans': '索引行指向的章节，其标注、关键绩效指标行或解释区块包含该条文。',
  },
  run(ctx) {
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted) continue;
      const sections = targetSections(ctx, row);
      const tagged = sections.filter((s) => ctx.disclosures.tagsInSubtree(s).size > 0);
      if (!tagged.length) continue;
      for (const ref of row.refs) {
        if (!ref.known) continue;
        // The section discloses it (tag, KPI row) or explains it there: a reader following the row finds it.
        const ok = sections.some(
          (s) =>
            satisfied(ctx, ref.id, ctx.disclosures.tagsInSubtree(s)) ||
            satisfied(ctx, ref.id, ctx.disclosures.kpiIdsInSubtree(s)) ||
            satisfied(ctx, ref.id, ctx.disclosures.explainedInSubtree(s)),
        );
        if (ok) continue;
        const s = tagged[0];
        const tags =
          [...new Set(s.tags.map((r) => r.raw))].join(' ') || [...ctx.disclosures.tagsInSubtree(s)].join(' ');
        ctx.report({
          range: row.target.range,
          message: ctx.t('hkex.indexMismatch', { id: ref.id, section: s.heading.title, tags }),
          data: { id: ref.id, section: s.index },
          related: [{ uri: ctx.doc.uri, range: s.heading.range, message: s.heading.title }],
        });
      }
    }
  },
  fixes(d, ctx) {
    const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
    const section = typeof d.data?.section === 'number' ? ctx.doc.sections[d.data.section] : undefined;
    if (!id || !section) return [];
    return [
      {
        title: ctx.t('action.tagSection', { section: section.heading.title, id }),
        kind: 'quickfix',
        edits: { [ctx.doc.uri]: [tagSectionEdit(ctx.doc, section, id)] },
        diagnostics: [d],
      },
    ];
  },
};
