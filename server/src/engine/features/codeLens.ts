// CodeLens over KPI tables: how many of the table's figures the numbers engine checks, and how
// many disagree with the figures they are computed from.
import type { Analysis } from '../analysis';
import type { Range } from '../types';
import { allChecks } from '../derived';
import { t } from '../i18n';

export interface CodeLens {
  range: Range;
  title: string;
  checked: number;
  disagree: number;
}

export function codeLenses(analysis: Analysis): CodeLens[] {
  const doc = analysis.model;
  const checks = allChecks(doc, analysis.locale);
  const lenses: CodeLens[] = [];
  for (const kt of doc.kpiTables) {
    const table = doc.tables[kt.table];
    const inTable = (r: Range) => r.start.line > table.header.line && r.start.line <= table.range.end.line;
    const checked = new Set<string>();
    const disagree = new Set<string>();
    for (const c of checks) {
      const key = (r: Range) => `${r.start.line}:${r.start.character}`;
      if (inTable(c.target.range)) {
        checked.add(key(c.target.range));
        if (!c.ok) disagree.add(key(c.target.range));
      }
      for (const i of c.inputs) if (i.fact && inTable(i.fact.range)) checked.add(key(i.fact.range));
    }
    const figures = kt.rows.reduce((n, r) => n + r.values.filter((v) => v.status === 'number').length, 0);
    if (!figures) continue;
    lenses.push({
      range: table.header.range,
      title: t(analysis.locale, disagree.size ? 'lens.checkedDisagree' : 'lens.checked', {
        checked: checked.size,
        figures,
        disagree: disagree.size,
      }),
      checked: checked.size,
      disagree: disagree.size,
    });
  }
  return lenses;
}
