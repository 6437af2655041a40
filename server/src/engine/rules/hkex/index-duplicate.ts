// hkex/index-duplicate: a requirement with more than one row in the index table.
import { type Rule } from '../rule';
import { indexRows } from './indexRows';

/** The requirement and the (0-based) line of its first row. */
export type IndexDuplicateData = { id: string; line: number };

export const indexDuplicate: Rule<IndexDuplicateData> = {
  id: 'hkex/index-duplicate',
  defaultSeverity: 'warning',
  quotesLineNumbers: true,
  description: {
    en: 'Each requirement has one row in the index table.',
    'zh-Hant': '每項條文在索引表中只有一行。',
    'zh-Hans': '每项条文在索引表中只有一行。',
  },
  run(ctx) {
    const seen = new Map<string, number>();
    for (const row of indexRows(ctx)) {
      for (const ref of row.refs) {
        if (!ref.known || ref.fromRange) continue;
        const prev = seen.get(ref.id);
        if (prev !== undefined && prev !== row.row.line)
          ctx.report({
            range: ref.range,
            message: ctx.t('hkex.indexDuplicate', { id: ref.id, line: prev + 1 }),
            data: { id: ref.id, line: prev },
          });
        else seen.set(ref.id, row.row.line);
      }
    }
  },
};
