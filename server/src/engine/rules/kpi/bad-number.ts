// kpi/bad-number: a value cell of a KPI table that is not a number (nor a no-value mark).
import { type Rule } from '../rule';

/** The cell as written; `kind: 'pair'` for two figures in one cell (said, not an error). */
export type BadNumberData = { value: string; kind?: 'pair' };

export const badNumber: Rule<BadNumberData> = {
  id: 'kpi/bad-number',
  defaultSeverity: 'error',
  description: {
    en: 'Every value cell of a KPI table is a number, or a no-value mark (-, N/A, 不適用).',
    'zh-Hant': '關鍵績效指標表的數值欄均為數字，或無數值標記（-、N/A、不適用）。',
    'zh-Hans': '关键绩效指标表的数值栏均为数字，或无数值标记（-、N/A、不适用）。',
  },
  // Said at each cell, from its row alone.
  perTable: true,
  run(ctx) {
    for (const t of ctx.doc.kpiTables) {
      for (const row of t.rows) {
        for (const v of row.values) {
          // Two figures in one cell ('20.5 / 28.9' under '男性/女性'): read as published, not checked. Said, not an error.
          if (v.status === 'pair') {
            ctx.report({
              range: v.range,
              severity: 'information',
              message: ctx.t('kpi.valuePair', { label: row.label, period: v.period, value: v.raw }),
              data: { value: v.raw, kind: 'pair' },
            });
            continue;
          }
          if (v.status !== 'bad') continue;
          ctx.report({
            range: v.range,
            message: ctx.t('kpi.badNumber', { label: row.label, period: v.period, value: v.raw }),
            data: { value: v.raw },
          });
        }
      }
    }
  },
};
