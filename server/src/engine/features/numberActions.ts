// Code actions on figures that no diagnostic asks for: add the missing total row of a complete
// breakdown (or of Scope 1 + 2). The fixes of the numbers rules' findings are in their rule modules.
import type { Analysis } from '../analysis';
import type { KpiTable } from '../model';
import type { CodeAction, Range, TextEdit } from '../types';
import { getKpi } from '../catalogs/kpis';
import { localized, t } from '../i18n';
import { type Fact } from '../numbers/facts';
import { coverage, isAdditive, memberKey, sumQuantities } from '../numbers/relations';
import { formatNumber, inUnit, midpoint } from '../numbers/quantity';
import { eol } from './edits';
import { facts } from '../derived';

/**
 * 'Add the missing total row': a table with the complete breakdown of a catalog total (all genders,
 * Scope 1 and Scope 2...) whose total is nowhere in the report. The row goes above the breakdown, with
 * the members' sum in each period column.
 */
export function missingTotalActions(analysis: Analysis, range: Range): CodeAction[] {
  const doc = analysis.model;
  const index = facts(doc);
  const actions: CodeAction[] = [];
  for (const kt of doc.kpiTables) {
    const table = doc.tables[kt.table];
    if (range.start.line < table.range.start.line || range.start.line > table.range.end.line) continue;
    const byParent = new Map<string, Fact[]>();
    for (const f of index.all) {
      if (f.source !== 'table' || !f.row || f.row.table !== kt.table) continue;
      const def = getKpi(f.kpiId);
      if (!def?.parent) continue;
      const parent = getKpi(def.parent);
      if (!parent || !isAdditive(parent) || index.all.some((x) => x.kpiId === parent.id)) continue;
      byParent.set(parent.id, [...(byParent.get(parent.id) ?? []), f]);
    }
    for (const [parentId, members] of byParent) {
      const parent = getKpi(parentId)!;
      const breakdown = getKpi(members[0].kpiId)!.breakdown ?? '';
      const memberIds = [...new Set(members.map((m) => m.kpiId))];
      if (coverage(breakdown, memberIds.map(memberKey)) !== 'complete') continue;
      const row = totalRow(analysis, kt, parentId, members);
      if (!row) continue;
      actions.push({
        title: t(analysis.locale, 'action.addTotalRow', { total: localized(parent.names, analysis.locale) }),
        kind: 'quickfix',
        edits: { [doc.uri]: [row] },
      });
    }
  }
  return actions;
}

function totalRow(analysis: Analysis, kt: KpiTable, parentId: string, members: Fact[]): TextEdit | undefined {
  const doc = analysis.model;
  const table = doc.tables[kt.table];
  const columns = table.header.cells.length;
  const first = members.reduce((a, b) => (a.row!.line <= b.row!.line ? a : b));
  const cells: string[] = Array.from({ length: columns }, () => '');
  const parent = getKpi(parentId)!;
  cells[kt.labelColumns[0]] = `[${localized(parent.names, analysis.locale)}]{#${parentId}}`;
  if (kt.unitColumn >= 0) cells[kt.unitColumn] = first.row!.unit?.raw ?? '';
  for (const p of kt.periods) {
    const list = members.filter((m) => m.period === p.period);
    const sum = sumQuantities(list);
    const like = list[0];
    if (!sum || !like) continue;
    const value = inUnit(sum, like.unit);
    if (!value) continue;
    const decimals = list.reduce((m, f) => Math.max(m, f.decimals), -Infinity);
    cells[p.column] = formatNumber(
      midpoint(value),
      decimals,
      list.some((m) => /\d[,，]\d{3}/.test(m.raw)) || midpoint(value) >= 10000,
    );
  }
  const at = { line: first.row!.line, character: 0 };
  return { range: { start: at, end: at }, newText: `| ${cells.join(' | ')} |${eol(doc)}` };
}
