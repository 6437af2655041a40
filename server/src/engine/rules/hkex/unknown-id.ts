// hkex/unknown-id: an id in a tag, an explanation or an index row that the Code does not have.
import type { RequirementRef } from '../../model';
import { type Rule } from '../rule';

/** The id as written. */
export type UnknownIdData = { id: string };

export const unknownId: Rule<UnknownIdData> = {
  id: 'hkex/unknown-id',
  defaultSeverity: 'error',
  description: {
    en: 'Every requirement id in `hkex="..."`, explanation blocks and the index table exists in the Code.',
    'zh-Hant': '`hkex="..."`、解釋區塊及索引表中的條文編號均存在於守則中。',
    'zh-Hans': '`hkex="..."`、解释区块及索引表中的条文编号均存在于守则中。',
  },
  run(ctx) {
    const check = (refs: RequirementRef[]) => {
      for (const ref of refs)
        if (!ref.known)
          ctx.report({ range: ref.range, message: ctx.t('hkex.unknownId', { id: ref.raw }), data: { id: ref.raw } });
    };
    for (const s of ctx.doc.sections) check(s.tags);
    for (const e of ctx.doc.explanations) check(e.refs);
    for (const t of ctx.doc.indexTables) for (const row of t.rows) check(row.refs);
  },
  fixes(d, ctx) {
    const raw = typeof d.data?.id === 'string' ? d.data.id : '';
    return closeIds(
      raw,
      ctx.framework.all.filter((r) => r.obligation !== 'deleted').map((r) => r.id),
    ).map((candidate) => ({
      title: ctx.t('action.replaceId', { from: raw, to: candidate }),
      kind: 'quickfix' as const,
      edits: { [ctx.doc.uri]: [{ range: d.range, newText: candidate }] },
      diagnostics: [d],
    }));
  },
};

/** Known ids within edit distance 1 of a mistyped one (A1.7 -> A1.6? no: only 1 edit), at most 5. */
function closeIds(raw: string, ids: string[]): string[] {
  const norm = raw.trim().toUpperCase();
  if (!norm || norm.length > 20) return [];
  return ids.filter((id) => distance(norm, id.toUpperCase()) === 1).slice(0, 5);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
