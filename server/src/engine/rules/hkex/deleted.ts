// hkex/deleted: A1.2, A4 and A4.1 were deleted from 1 January 2025; claiming them as disclosures
// (in a tag, an explanation or an index row not marked deleted) is a leftover from the old Guide.
import { type Rule } from '../rule';
import type { EsgDocument } from '../../model';
import type { CodeAction, Range, TextEdit } from '../../types';
import { lineText } from '../../features/edits';
import { localized } from '../../i18n';
import { isDeletedIn } from '../../context';

/** The deleted id, and the ids that replace it (A1.2 → D28(a) D28(b)) where there are any. */
export type DeletedData = { id: string; replacement?: string };

export const deleted: Rule<DeletedData> = {
  id: 'hkex/deleted',
  defaultSeverity: 'warning',
  description: {
    en: 'No section, explanation or index row claims a requirement deleted from the Code (A1.2, A4, A4.1).',
    'zh-Hant': '沒有章節、解釋或索引行聲稱披露已從守則刪除的條文（A1.2、A4、A4.1）。',
    'zh-Hans': '没有章节、解释或索引行声称披露已从守则删除的条文（A1.2、A4、A4.1）。',
  },
  run(ctx) {
    for (const { ref } of ctx.disclosures.deletedClaims) {
      // Only where the deletion is in force: A1.2 was a KPI of the Guide for a FY2022 report.
      if (isDeletedIn(ctx.framework, ref.id, ctx.reporting) !== true) continue;
      const req = ctx.framework.get(ref.id)!;
      const replacement =
        ref.id === 'A1.2' ? ctx.t('hkex.deleted.a12') : ref.id.startsWith('A4') ? ctx.t('hkex.deleted.a4') : '';
      ctx.report({
        range: ref.range,
        message: ctx.t('hkex.deleted', {
          id: ref.id,
          title: localized(req.title, ctx.locale),
          date: req.deletedFrom ?? '2025-01-01',
          replacement,
        }),
        data: { id: ref.id, replacement: ref.id === 'A1.2' ? 'D28(a) D28(b)' : undefined },
      });
    }
  },
  fixes(d, ctx) {
    const actions: CodeAction[] = [];
    const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
    if (!id) return actions;
    const replacement = typeof d.data?.replacement === 'string' ? d.data.replacement : undefined;
    if (replacement) {
      // Not safe: the successor D28(a)/(b) is mandatory, and the claim would silence its hkex/missing.
      actions.push({
        title: ctx.t('action.replaceId', { from: id, to: replacement }),
        kind: 'quickfix',
        edits: { [ctx.doc.uri]: [{ range: d.range, newText: replacement }] },
        diagnostics: [d],
        isPreferred: true,
      });
    }
    const removal = removeRefEdit(ctx.doc, d.range);
    if (removal)
      actions.push({
        title: ctx.t('action.removeId', { id }),
        kind: 'quickfix',
        edits: { [ctx.doc.uri]: [removal] },
        diagnostics: [d],
      });
    return actions;
  },
};

/** Removes one id from an `hkex="..."` list, with the separator before (or after) it. */
function removeRefEdit(doc: EsgDocument, range: Range): TextEdit | undefined {
  if (range.start.line !== range.end.line) return undefined;
  const text = lineText(doc, range.start.line);
  let start = range.start.character;
  let end = range.end.character;
  const inTag =
    doc.sections.some((s) => s.tagRange && s.tagRange.start.line === range.start.line) ||
    doc.explanations.some((e) => e.openRange.start.line === range.start.line);
  if (!inTag) return undefined;
  if (start > 0 && /[\s,，、]/.test(text[start - 1])) while (start > 0 && /[\s,，、]/.test(text[start - 1])) start--;
  else while (end < text.length && /[\s,，、]/.test(text[end])) end++;
  return {
    range: { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: end } },
    newText: '',
  };
}
