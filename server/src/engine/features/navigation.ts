// Locating what is under the cursor: requirement refs (tags, explanations, index rows), links,
// index titles and KPI rows. Shared by hover, completion and go-to-definition.
import type { EsgDocument, IndexRow, KpiRow, KpiValue, Link, RequirementRef } from '../model';
import type { Position, Range } from '../types';
import { contains } from '../parser/lines';

export type Target =
  | { kind: 'ref'; ref: RequirementRef; indexRow?: IndexRow }
  | { kind: 'link'; link: Link }
  | { kind: 'indexTitle'; row: IndexRow; title: { text: string; range: Range } }
  | { kind: 'kpi'; row: KpiRow }
  | { kind: 'value'; row: KpiRow; value: KpiValue };

export function targetAt(doc: EsgDocument, pos: Position): Target | undefined {
  for (const s of doc.sections) {
    if (s.heading.range.start.line !== pos.line) continue;
    for (const ref of s.tags) if (contains(ref.range, pos)) return { kind: 'ref', ref };
  }
  for (const e of doc.explanations) {
    if (e.openRange.start.line !== pos.line) continue;
    for (const ref of e.refs) if (contains(ref.range, pos)) return { kind: 'ref', ref };
  }
  for (const t of doc.indexTables) {
    for (const row of t.rows) {
      if (row.row.line !== pos.line) continue;
      for (const ref of row.refs) if (contains(ref.range, pos)) return { kind: 'ref', ref, indexRow: row };
      if (row.target.kind === 'titles')
        for (const title of row.target.titles)
          if (contains(title.range, pos)) return { kind: 'indexTitle', row, title };
    }
  }
  for (const link of doc.links)
    if (link.range.start.line === pos.line && contains(link.range, pos)) return { kind: 'link', link };
  for (const t of doc.kpiTables) {
    for (const row of t.rows) {
      if (row.line !== pos.line) continue;
      if (contains(row.labelRange, pos)) return { kind: 'kpi', row };
      for (const value of row.values)
        if (value.status === 'number' && contains(value.range, pos)) return { kind: 'value', row, value };
    }
  }
  return undefined;
}
