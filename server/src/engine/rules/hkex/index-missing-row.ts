// hkex/index-missing-row: a requirement the issuer must address that has no row in the index table.
import { type FixContext, type Rule } from '../rule';
import type { IndexTable } from '../../model';
import type { CodeAction, TextEdit } from '../../types';
import { disclosures } from '../../derived';
import { eol, lineText } from '../../features/edits';
import { escapeCell } from '../../text/markdown';
import { localized } from '../../i18n';
import { obligationIn } from '../../context';
import { indexRows } from './indexRows';

/** The requirement without a row, and the index table (`doc.tables` index) it belongs in. */
export type IndexMissingRowData = { id: string; table: number };

export const indexMissingRow: Rule<IndexMissingRowData> = {
  id: 'hkex/index-missing-row',
  defaultSeverity: 'warning',
  // Adding the rows of requirements that tagged sections disclose (`fixes` below).
  safeFix: true,
  description: {
    en: "The index table has a row for every mandatory and 'comply or explain' requirement.",
    'zh-Hant': '索引表涵蓋每項強制及「不遵守就解釋」條文。',
    'zh-Hans': '索引表涵盖每项强制及“不遵守就解释”条文。',
  },
  run(ctx) {
    if (!ctx.doc.indexTables.length) return;
    const listed = new Set<string>();
    for (const row of indexRows(ctx))
      for (const ref of row.refs) if (ref.known) for (const id of ctx.framework.covers(ref.id)) listed.add(id);
    const first = ctx.doc.indexTables[0];
    const section = ctx.doc.sections[first.section];
    for (const req of ctx.framework.leaves()) {
      const obligation = obligationIn(ctx.framework, req.id, ctx.reporting);
      if (obligation !== 'mandatory' && obligation !== 'comply-or-explain') continue;
      if (listed.has(req.id) || (req.parent && listed.has(req.parent))) continue;
      // Before the Code, its list of rows is guidance: an index of the old Guide is not wrong for lacking them.
      const severity = ctx.reporting.codeVersion === 'pre-2025' ? 'information' : undefined;
      ctx.report({
        range: section.heading.titleRange,
        message: ctx.t('hkex.indexMissingRow', { id: req.id, title: localized(req.title, ctx.locale) }),
        severity,
        data: { id: req.id, table: first.table },
      });
    }
  },
  fixes(d, ctx) {
    const actions: CodeAction[] = [];
    const doc = ctx.doc;
    const uri = doc.uri;
    const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
    const table = doc.indexTables.find((x) => x.table === d.data?.table) ?? doc.indexTables[0];
    if (!id || !table) return actions;
    actions.push({
      title: ctx.t('action.addIndexRow', { id }),
      kind: 'quickfix',
      edits: { [uri]: indexRowEdits(ctx, table, [id]) },
      diagnostics: [d],
    });
    const all = ctx.diagnostics.filter((x) => x.rule === 'hkex/index-missing-row' && typeof x.data?.id === 'string');
    if (all.length > 1) {
      actions.push({
        title: ctx.t('action.addIndexRows', { count: all.length }),
        kind: 'quickfix',
        edits: {
          [uri]: indexRowEdits(
            ctx,
            table,
            all.map((x) => x.data!.id as string),
          ),
        },
        diagnostics: all,
        isPreferred: true,
      });
    }
    // Safe: the rows of requirements a tagged section discloses already. Each points at that
    // section, so the index then says what the tags say, and no finding changes but these.
    const index = disclosures(doc);
    const tagged = all.filter(
      (x) =>
        (x.data?.table ?? table.table) === (d.data?.table ?? table.table) &&
        !!index.get(x.data!.id as string)?.sections[0],
    );
    if (tagged[0] === d) {
      actions.push({
        title:
          tagged.length > 1
            ? ctx.t('action.addIndexRows', { count: tagged.length })
            : ctx.t('action.addIndexRow', { id }),
        kind: 'quickfix',
        edits: {
          [uri]: indexRowEdits(
            ctx,
            table,
            tagged.map((x) => x.data!.id as string),
          ),
        },
        diagnostics: tagged,
        safe: true,
      });
    }
    return actions;
  },
};

/** Rows for `ids`, each inserted after the row of the requirement before it in catalog order. */
function indexRowEdits(ctx: FixContext, table: IndexTable, ids: string[]): TextEdit[] {
  const doc = ctx.doc;
  const framework = ctx.framework;
  const order = new Map(framework.all.map((r, i) => [r.id, i]));
  const columns = doc.tables[table.table].header.cells.length;
  const nl = eol(doc);
  const index = disclosures(doc);
  const byLine = new Map<number, string[]>();
  const headerEnd = doc.tables[table.table].header.line + 1; // the delimiter row
  for (const id of [...new Set(ids)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const rank = order.get(id) ?? 0;
    let after = headerEnd;
    for (const row of table.rows)
      if (row.refs.some((r) => (order.get(r.id) ?? -1) < rank && (order.get(r.id) ?? -1) >= 0))
        after = Math.max(after, row.row.line);
    const req = framework.get(id);
    const ev = index.get(id);
    const section = ev?.sections[0];
    const target = section
      ? `[${section.heading.title.replace(/[[\]|]/g, '')}](#${section.heading.anchor})`
      : ev?.explanations[0]
        ? escapeCell(ev.explanations[0].text)
        : '';
    const cells = [
      id,
      ...Array.from({ length: Math.max(0, columns - 2) }, (_, i) =>
        i === 0 && req ? escapeCell(localized(req.title, ctx.locale)) : '',
      ),
      target,
    ].slice(0, Math.max(columns, 2));
    const list = byLine.get(after) ?? [];
    list.push(`| ${cells.join(' | ')} |`);
    byLine.set(after, list);
  }
  return [...byLine.entries()].map(([line, rows]) => {
    const at = { line, character: lineText(doc, line).length };
    return { range: { start: at, end: at }, newText: rows.map((r) => nl + r).join('') };
  });
}
