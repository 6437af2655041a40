// kpi/table-shape: a table that holds figures but that esgmark does not read as a KPI table, so
// nothing in it is checked. Said once per table, as information, so that the silence is visible.
import type { Rule } from '../rule';
import { notReadReason } from '../../recognition/kpiShape';

/** At most this many column names in the message. */
const MAX_COLUMNS = 6;

/** Why the table is not read as a KPI table. */
export type TableShapeData = { reason: string };

export const kpiTableShape: Rule<TableShapeData> = {
  id: 'kpi/table-shape',
  defaultSeverity: 'information',
  description: {
    en: 'A table that holds figures is read as a KPI table (a label column, and a column per financial year), so its figures are checked.',
    'zh-Hant': '載有數字的表格可讀作關鍵績效指標表（有標籤欄，每個財政年度一欄），表內數字因而得以核對。',
    'zh-Hans': '载有数字的表格可读作关键绩效指标表（有标签栏，每个财政年度一栏），表内数字因而得以核对。',
  },
  // Said at each table's header, from that table alone (whether it is an index table is structure).
  perTable: true,
  run(ctx) {
    const read = new Set(ctx.doc.kpiTables.map((k) => k.table));
    const index = ctx.derived.indexTableNumbers;
    for (const table of ctx.doc.tables) {
      if (read.has(table.index) || index.has(table.index)) continue;
      const why = notReadReason(table);
      if (!why) continue;
      const shown = why.columns.filter(Boolean);
      const columns = shown.slice(0, MAX_COLUMNS).join(' | ') + (shown.length > MAX_COLUMNS ? ' | …' : '');
      ctx.report({
        range: table.header.range,
        message: ctx.t(`kpi.tableShape.${why.reason}`, { columns: columns || '—' }),
        data: { reason: why.reason },
      });
    }
  },
};
