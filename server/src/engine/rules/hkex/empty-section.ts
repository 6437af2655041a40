// hkex/empty-section: a heading tagged as disclosing requirements with nothing under it.
import { type Rule } from '../rule';

/** The index of the empty section. */
export type EmptySectionData = { section: number };

export const emptySection: Rule<EmptySectionData> = {
  id: 'hkex/empty-section',
  defaultSeverity: 'warning',
  description: {
    en: 'A section tagged with requirement ids has content (text, a table or a subsection with content).',
    'zh-Hant': '標註了條文編號的章節有內容（文字、表格或有內容的子章節）。',
    'zh-Hans': '标注了条文编号的章节有内容（文字、表格或有内容的子章节）。',
  },
  run(ctx) {
    for (const s of ctx.doc.sections) {
      if (!s.tags.length || s.hasContent) continue;
      ctx.report({
        range: s.heading.titleRange,
        message: ctx.t('hkex.emptySection', {
          title: s.heading.title,
          ids: [...new Set(s.tags.map((r) => r.raw))].join(' '),
        }),
        data: { section: s.index },
      });
    }
  },
};
