// gri/index-missing-row: a GRI disclosure the report tags on a section, or that a KPI it discloses
// answers (Scope 1 emissions answer GRI 305-1), without a row in the GRI content index.
import type { Rule } from '../rule';
import type { CodeAction } from '../../types';
import { getItem, itemIdsFor } from '../../catalogs/frameworks';
import { localized } from '../../i18n';
import { griIndexTables, GRI_PACK } from '../../recognition/packIndex';
import { griScope, indexRowEdit } from './packRefs';

/** The disclosure without a row, and the index table (`doc.tables` index) it belongs in. */
export type GriIndexMissingRowData = { id: string; table: number };

export const griIndexMissingRow: Rule<GriIndexMissingRowData> = {
  id: 'gri/index-missing-row',
  defaultSeverity: 'information',
  description: {
    en: 'The GRI content index has a row for every GRI disclosure the report tags or answers with a KPI.',
    'zh-Hant': 'GRI 內容索引涵蓋報告標註或以關鍵績效指標回應的每項 GRI 披露。',
    'zh-Hans': 'GRI 内容索引涵盖报告标注或以关键绩效指标回应的每项 GRI 披露。',
  },
  run(ctx) {
    const scope = griScope(ctx);
    if (!scope?.tables.length) return;
    const listed = new Set(
      scope.tables.flatMap((t) => t.rows.flatMap((r) => r.refs.filter((x) => x.known).map((x) => x.id))),
    );
    const first = scope.tables[0];
    const heading = ctx.doc.sections[first.section].heading;
    const inForce = itemIdsFor(GRI_PACK, ctx.reporting.fyStart);
    const wanted = new Map<string, 'tag' | 'kpi'>();
    for (const tag of ctx.derived.packTags)
      if (tag.pack === GRI_PACK && tag.known && !wanted.has(tag.id)) wanted.set(tag.id, 'tag');
    // Only the disclosures in force for the year: Scope 1 answers 305-1 before 2027 and 102-5 from then.
    for (const answer of ctx.derived.packAnswers)
      for (const a of answer.items)
        if (a.packId === GRI_PACK && inForce.has(a.itemId) && !wanted.has(a.itemId)) wanted.set(a.itemId, 'kpi');
    for (const [id, source] of wanted) {
      if (listed.has(id)) continue;
      const item = getItem(GRI_PACK, id);
      ctx.report({
        range: heading.titleRange,
        message: ctx.t('gri.indexMissingRow', {
          id,
          title: item ? localized(item.title, ctx.locale) : id,
          source: ctx.t(source === 'tag' ? 'gri.source.tag' : 'gri.source.kpi'),
        }),
        data: { id, table: first.table },
      });
    }
  },
  fixes(d, ctx) {
    const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
    const tables = griIndexTables(ctx.doc);
    const table = tables.find((t) => t.table === d.data?.table) ?? tables[0];
    if (!id || !table || !getItem(GRI_PACK, id)) return [];
    const action: CodeAction = {
      title: ctx.t('action.addGriIndexRow', { id }),
      kind: 'quickfix',
      edits: { [ctx.doc.uri]: [indexRowEdit(ctx, GRI_PACK, table.table, id)] },
      diagnostics: [d],
    };
    return [action];
  },
};
