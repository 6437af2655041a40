// Helpers shared by the hkex/index-* rules: the rows of the report's index tables and what they cover.
import type { IndexRow, Section } from '../../model';
import type { RuleContext } from '../rule';

/** Every row of the report's index tables, in order (a list: a generator costs more per row than the rules' work). */
export function indexRows(ctx: RuleContext): IndexRow[] {
  const rows: IndexRow[] = [];
  for (const t of ctx.doc.indexTables) for (const row of t.rows) rows.push(row);
  return rows;
}

/** An id is satisfied by a set of covered ids when it is in it, or all its children are. */
export function satisfied(ctx: RuleContext, id: string, ids: ReadonlySet<string>): boolean {
  if (ids.has(id)) return true;
  const children = ctx.framework.get(id)?.children;
  return !!children?.length && children.every((c) => ids.has(c));
}

export function firstIdOf(row: IndexRow): string {
  return row.refs.length > 1 && row.refs[0].fromRange ? row.refs[0].raw : row.refs.map((r) => r.id).join(', ');
}

export function targetSections(ctx: RuleContext, row: IndexRow): Section[] {
  return ctx.disclosures.resolveTarget(row).sections.filter((s): s is Section => !!s);
}
