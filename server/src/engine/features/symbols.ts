// Document symbols for the outline: the section tree, with tables, KPI rows and explanations
// nested in the section that holds them.
import type { Analysis } from '../analysis';
import type { DocumentSymbol } from './types';

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const doc = analysis.model;
  const bySection = new Map<number | undefined, DocumentSymbol[]>();
  const push = (section: number | undefined, sym: DocumentSymbol) => {
    const list = bySection.get(section) ?? [];
    list.push(sym);
    bySection.set(section, list);
  };
  const kpiTables = new Map(doc.kpiTables.map((k) => [k.table, k]));
  const indexTables = new Set(doc.indexTables.map((i) => i.table));
  for (const table of doc.tables) {
    const kt = kpiTables.get(table.index);
    const isIndex = indexTables.has(table.index);
    const name =
      table.header.cells
        .map((c) => c.text)
        .filter(Boolean)
        .slice(0, 3)
        .join(' | ') || `#${table.index + 1}`;
    // The first row on each line, looked up per KPI row (a search per row is quadratic in a long table).
    const rowByLine = new Map<number, (typeof table.rows)[number]>();
    for (const row of table.rows) if (!rowByLine.has(row.line)) rowByLine.set(row.line, row);
    const children: DocumentSymbol[] = (kt?.rows ?? [])
      .filter((r) => !r.isCaption)
      .map((r) => ({
        name: r.group ? `${r.group} / ${r.label}` : r.label,
        detail: [
          r.kpiId,
          r.values
            .filter((v) => v.status === 'number')
            .map((v) => `${v.period}: ${v.raw}`)
            .join(', '),
          r.unit?.raw,
        ]
          .filter(Boolean)
          .join(' · '),
        kind: 'kpi' as const,
        range:
          (r.table === table.index ? rowByLine.get(r.line) : doc.tables[r.table]?.rows.find((x) => x.line === r.line))
            ?.range ?? r.labelRange,
        selectionRange: r.labelRange,
        children: [],
      }));
    push(table.section, {
      name,
      detail: isIndex ? 'HKEX index' : kt ? 'KPI table' : 'table',
      kind: isIndex ? 'index' : 'table',
      range: table.range,
      selectionRange: table.header.range,
      children,
    });
  }
  for (const e of doc.explanations) {
    push(e.section, {
      name: `explain ${[...new Set(e.refs.map((r) => r.raw))].join(' ')}`,
      detail: e.text.slice(0, 80),
      kind: 'explanation',
      range: e.range,
      selectionRange: e.openRange,
      children: [],
    });
  }
  const build = (index: number): DocumentSymbol => {
    const s = doc.sections[index];
    const children = [...(bySection.get(index) ?? []), ...s.children.map(build)].sort(
      (a, b) => a.range.start.line - b.range.start.line,
    );
    return {
      name: s.heading.title || '#',
      detail: s.tags.length ? `hkex: ${[...new Set(s.tags.map((r) => r.raw))].join(' ')}` : undefined,
      kind: 'section',
      range: s.range,
      selectionRange: s.heading.titleRange,
      children,
    };
  };
  const top = doc.sections.filter((s) => s.parent === undefined).map((s) => build(s.index));
  return [...(bySection.get(undefined) ?? []), ...top].sort((a, b) => a.range.start.line - b.range.start.line);
}
