// The fact index's lookups (server/src/engine/numbers/facts.ts) against a plain search of its facts:
// by prefix (found by a scan per prefix, then by the whole prefix index once many are asked), by table,
// by row, and the KPI rows of an id in one table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, run } from './util';
import { buildFacts, type Fact } from '../../server/src/engine/numbers/facts';
import type { EsgDocument, KpiTable } from '../../server/src/engine/model';

/** Two tables of ids two and three levels deep (`p3.k`, `p3.k.sub`), two years each, and a prose figure. */
function report(): EsgDocument {
  const rows = (table: number) =>
    Array.from({ length: 20 }, (_, k) => {
      const id = k % 3 === 0 ? `p${k}.k` : `p${k % 5}.k.sub${k}`;
      return `| [指標 ${table}-${k}]{#${id}} | 噸 | ${k + table} | ${k * 2 + table} |`;
    }).join('\n');
  const table = (n: number) => `| 指標 | 單位 | 2025 | 2024 |\n|---|---|---|---|\n${rows(n)}\n`;
  return run(`${FRONT}# 表\n\n${table(1)}\n本年 [7 噸]{kpi=p0.k period=2025}。\n\n${table(2)}`).model;
}

/** The table facts of an id and its descendants in a period, in the index's order. */
function underPrefix(all: readonly Fact[], prefix: string, period: string): Fact[] {
  return all.filter(
    (f) => f.source === 'table' && f.period === period && (f.kpiId === prefix || f.kpiId.startsWith(`${prefix}.`)),
  );
}

test('withPrefix: the same facts, in order, whether found by a scan or by the whole prefix index', () => {
  const index = buildFacts(report());
  const prefixes = [
    ...Array.from({ length: 20 }, (_, k) => `p${k}`),
    ...Array.from({ length: 5 }, (_, k) => `p${k}.k`),
    'p1.k.sub1',
    'nothing',
  ];
  // Asked twice over: the first answers come from scans, the later ones (past 16 prefixes) from the index.
  for (let round = 0; round < 2; round++)
    for (const prefix of prefixes)
      for (const period of ['2025', '2024', '2023']) {
        assert.deepEqual(
          index.withPrefix(prefix, period),
          underPrefix(index.all, prefix, period),
          `${prefix}@${period}`,
        );
        assert.deepEqual(
          index.withPrefix(`${prefix}.`, period),
          underPrefix(index.all, prefix, period).filter((f) => f.kpiId !== prefix),
          `${prefix}.@${period}`,
        );
      }
  assert.ok(index.withPrefix('p1.k', '2025').length > 1, 'the report has descendants to find');
});

test('inTable, ofRow and rowsOf of one table: the facts and rows a search of every one finds', () => {
  const doc = report();
  const index = buildFacts(doc);
  const tables = [...new Set(doc.kpiTables.map((t) => t.table))];
  assert.equal(tables.length, 2);
  for (const f of index.all) {
    for (const table of tables)
      assert.deepEqual(
        index.inTable(f.kpiId, f.period, table),
        index.all.filter((g) => g.kpiId === f.kpiId && g.period === f.period && g.row?.table === table),
      );
    if (f.row) assert.equal(index.ofRow(f.row, f.period), f);
  }
  for (const kt of doc.kpiTables)
    for (const row of kt.rows) {
      assert.equal(index.ofRow(row, '2023'), undefined);
      for (const table of tables)
        assert.deepEqual(
          index.rowsOf(row.kpiId!, table),
          doc.kpiTables.flatMap((t) => t.rows).filter((r) => r.kpiId === row.kpiId && r.table === table),
        );
    }
  // The prose figure is no table's.
  assert.equal(index.inTable('p0.k', '2025', tables[0]).length, 1);
  assert.equal(index.get('p0.k', '2025').length, 3);
});

test('ofRow: a row whose facts are given apart (not one after another) is still found in every period', () => {
  const doc = report();
  const whole = buildFacts(doc);
  const [first, second] = doc.kpiTables;
  const row = first.rows[0];
  const [y2025, y2024] = whole.all.filter((f) => f.row === row);
  assert.deepEqual([y2025?.period, y2024?.period], ['2025', '2024']);
  // A version whose tables list the row's two facts with another table's facts between them.
  const apart: KpiTable = { ...first, rows: [row] };
  const previous = new Map<KpiTable, readonly Fact[]>([
    [first, [y2025]],
    [second, whole.tableFacts.get(second)!],
    [apart, [y2024]],
  ]);
  const index = buildFacts({ ...doc, kpiTables: [first, second, apart], spans: [] }, previous);
  assert.equal(index.ofRow(row, '2025'), y2025);
  assert.equal(index.ofRow(row, '2024'), y2024);
  assert.equal(index.ofRow(second.rows[0], '2024')?.row, second.rows[0]);
});
