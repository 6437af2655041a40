// hkex/index-empty-target: an index row that neither points to a section nor explains.
import { type Rule } from '../rule';
import { isReportedMissing } from './missing';
import { firstIdOf, indexRows } from './indexRows';

/** The requirements of the row. */
export type IndexEmptyTargetData = { ids: string[] };

export const indexEmptyTarget: Rule<IndexEmptyTargetData> = {
  id: 'hkex/index-empty-target',
  defaultSeverity: 'warning',
  description: {
    en: 'Every index row points to a section or gives an explanation.',
    'zh-Hant': '每個索引行均指向章節或提供解釋。',
    'zh-Hans': '每个索引行均指向章节或提供解释。',
  },
  run(ctx) {
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted || row.target.kind !== 'empty') continue;
      // A requirement hkex/missing reports (on this row) is not reported a second time here: a generated
      // index leaves the rows of missing requirements empty, and one finding per requirement is enough.
      const missingOn = ctx.options.severity?.['hkex/missing'] !== 'off';
      const refs = missingOn
        ? row.refs.filter(
            (r) => !r.known || !!ctx.framework.get(r.id)?.children?.length || !isReportedMissing(ctx, r.id),
          )
        : row.refs;
      if (row.refs.length > 0 && refs.length === 0) continue;
      ctx.report({
        range: row.target.range,
        message: ctx.t('hkex.indexEmptyTarget', { id: refs.length ? refs[0].id : firstIdOf(row) }),
        data: { ids: (refs.length ? refs : row.refs).map((r) => r.id) },
      });
    }
  },
};
