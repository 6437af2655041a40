// hkex/unknown-id: an id in a tag, an explanation or an index row that the Code does not have.
import type { RequirementRef } from '../../model';
import { HKEX_INPUTS, type Rule } from '../rule';

export const unknownId: Rule = {
  id: 'hkex/unknown-id',
  defaultSeverity: 'error',
  reads: HKEX_INPUTS,
  description: {
    en: 'Every requirement id in `hkex="..."`, explanation blocks and the index table exists in the Code.',
    'zh-Hant': '`hkex="..."`、解釋區塊及索引表中的條文編號均存在於守則中。',
    'zh-Hans': '`hkex="..."`、解释区块及索引表中的条文编号均存在于守则中。',
  },
  run(ctx) {
    const check = (refs: RequirementRef[]) => {
      for (const ref of refs) if (!ref.known) ctx.report({ range: ref.range, message: ctx.t('hkex.unknownId', { id: ref.raw }), data: { id: ref.raw } });
    };
    for (const s of ctx.doc.sections) check(s.tags);
    for (const e of ctx.doc.explanations) check(e.refs);
    for (const t of ctx.doc.indexTables) for (const row of t.rows) check(row.refs);
  },
};
