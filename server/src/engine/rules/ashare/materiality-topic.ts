// ashare/materiality-topic: the double-materiality table lists each of the guidelines' 21 topics (Art. 5):
// no table at all, a topic without a row, or a row naming no topic of the guidelines.
import type { FixContext, Rule } from '../rule';
import type { CodeAction, TextEdit } from '../../types';
import { getItem, itemsFor } from '../../catalogs/frameworks';
import { eol, lineText } from '../../features/edits';
import { localized } from '../../i18n';
import { escapeCell } from '../../text/markdown';
import { ASHARE_PACK, materialityTables } from '../../recognition/ashareMateriality';
import { plainCell } from '../../recognition/indexTables';
import { ashareScope, guidelineName, reportRange } from './scope';
import { isCaptionRow, topicRows, topicTitle } from './materialityRows';

/** The topic without a row (absent for a missing table or an unknown topic). */
export type AshareMaterialityTopicData = { topic?: string };

export const ashareMaterialityTopic: Rule<AshareMaterialityTopicData> = {
  id: 'ashare/materiality-topic',
  defaultSeverity: 'warning',
  description: {
    en: 'An A-share report has a double-materiality table with a row for each of the 21 topics of the guidelines.',
    'zh-Hant': 'A 股指引下的報告設有雙重重要性評估表，涵蓋指引的全部 21 個議題。',
    'zh-Hans': 'A 股指引下的报告设有双重重要性评估表，涵盖指引的全部 21 个议题。',
  },
  run(ctx) {
    const scope = ashareScope(ctx);
    if (!scope) return;
    const tables = ctx.derived.materialityTables;
    if (!tables.length) {
      ctx.report({
        range: reportRange(ctx),
        message: ctx.t('ashare.materiality.absent', { guideline: guidelineName(ctx, scope) }),
        data: {},
      });
      return;
    }
    for (const t of tables)
      for (const row of t.rows)
        if (row.topic === undefined && !isCaptionRow(row))
          ctx.report({
            range: row.topicCell.range,
            message: ctx.t('ashare.materiality.unknownTopic', { value: plainCell(row.topicCell.text).slice(0, 60) }),
            data: {},
          });
    const listed = new Set(topicRows(tables).map((r) => r.topic));
    const header = ctx.doc.tables[tables[0].table].header;
    const topics = itemsFor(ASHARE_PACK, ctx.reporting.fyStart).filter((i) => i.kind === 'topic');
    for (const item of topics) {
      if (listed.has(item.id)) continue;
      ctx.report({
        range: header.range,
        message: ctx.t('ashare.materiality.missingTopic', {
          topic: item.id,
          title: topicTitle(ctx, item.id),
          count: topics.filter((i) => listed.has(i.id)).length,
        }),
        data: { topic: item.id },
      });
    }
  },
  fixes(d, ctx) {
    const topic = typeof d.data?.topic === 'string' ? d.data.topic : undefined;
    const table = materialityTables(ctx.doc)[0];
    if (!topic || !table || !getItem(ASHARE_PACK, topic)) return [];
    const action: CodeAction = {
      title: ctx.t('action.addAshareMaterialityRow', { topic }),
      kind: 'quickfix',
      edits: { [ctx.doc.uri]: [rowEdit(ctx, table.table, topic)] },
      diagnostics: [d],
    };
    return [action];
  },
};

/** A row for the topic at the end of the table: its name in the report's language, the other cells empty for the author. */
function rowEdit(ctx: FixContext, tableIndex: number, topic: string): TextEdit {
  const table = ctx.doc.tables[tableIndex];
  const name = escapeCell(localized(getItem(ASHARE_PACK, topic)!.title, ctx.locale));
  const cells = [name, ...Array.from({ length: Math.max(1, table.header.cells.length - 1) }, () => '')];
  const last = table.rows.length ? table.rows[table.rows.length - 1].line : table.header.line + 1;
  const at = { line: last, character: lineText(ctx.doc, last).length };
  return { range: { start: at, end: at }, newText: `${eol(ctx.doc)}| ${cells.join(' | ')} |` };
}
