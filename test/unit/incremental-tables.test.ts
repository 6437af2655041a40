// The scoped paths of incremental analysis (reanalyze.ts, rules/runner.ts): a rule whose findings each
// come from one table or span (`perTable`) reruns over the edited table, or the edited line, only and keeps
// its other findings. Each step's derived analysis must equal a full one (the random edit sequences of
// incremental.test.ts go through these paths too); these cases pin down that the scope is really taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/engine';
import { LIMITS } from '../../server/src/engine/limits';

const URI = 'file:///incremental-tables.esg.md';

function assertDerivedEqualsFull(derived: Analysis, text: string, step: string) {
  const full = analyze({ uri: URI, text });
  assert.deepStrictEqual(derived.model, full.model, `${step}: model`);
  assert.deepStrictEqual(derived.diagnostics, full.diagnostics, `${step}: diagnostics`);
}

const rulesOf = (a: Analysis, rule: string) => a.diagnostics.filter((d) => d.rule === rule);

/** The text with the first `from` after `after` replaced by `to`. */
function replaceAfter(text: string, after: string, from: string, to: string): string {
  const at = text.indexOf(from, text.indexOf(after) + after.length);
  assert.ok(at >= 0, `${from} after ${after}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// Two tables of figures esgmark does not read as KPI tables (one column per region: kpi/table-shape), and
// a KPI table with a bad number, an unknown unit, a unit of the wrong kind and a share over 100%.
const TABLES_REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 環境

## 能源使用（甲）

| 項目 | 單位 | 香港 | 中國內地 | 合計 |
|---|---|--:|--:|--:|
| 總耗電量 | 千瓦時 | 1,000 | 2,000 | 3,000 |

## 用水（乙）

| 項目 | 單位 | 香港 | 中國內地 | 合計 |
|---|---|--:|--:|--:|
| 總耗水量 | 立方米 | 10 | 20 | 30 |

## 附錄

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗水量 | 噸 | 20,0x35.5 |
| 溫室氣體排放總量 | 千瓦時 | 5 |
| 總耗電量 | 兆瓦 | 5 |
| 受訓僱員百分比 | % | 120 |

本集團的排放為 [50 千瓦時]{kpi=ghg.total}。
`;

test('incremental: a cell edit in one table keeps the per-table findings of the others', () => {
  const base = analyze({ uri: URI, text: TABLES_REPORT });
  const shapes = rulesOf(base, 'kpi/table-shape');
  assert.equal(shapes.length, 2, 'both region tables are said');
  for (const rule of ['kpi/bad-number', 'kpi/unknown-unit', 'kpi/percentage-range'])
    assert.equal(rulesOf(base, rule).length, 1, rule);
  assert.equal(rulesOf(base, 'kpi/unit-dimension').length, 2, 'the table row and the span');

  // A cell of table 甲: kpi/table-shape runs over 甲 only; 乙's finding is the one found before.
  const inFirst = replaceAfter(TABLES_REPORT, '（甲）', '1,000', '1,500');
  const derived = analyze({ uri: URI, text: inFirst }, {}, base);
  assert.equal(derived.reuse.parse, 'table');
  assert.ok((derived.reuse.rulesTableScoped ?? 0) >= 5, `${derived.reuse.rulesTableScoped} rules ran over 甲 only`);
  assertDerivedEqualsFull(derived, inFirst, 'cell of 甲');
  const [first, second] = rulesOf(derived, 'kpi/table-shape');
  assert.ok(second === shapes[1], 'the finding on 乙 was kept, not found again');
  assert.ok(first !== shapes[0], 'the finding on 甲 was found again');
  // The KPI table's findings were kept too.
  assert.ok(rulesOf(derived, 'kpi/bad-number')[0] === rulesOf(base, 'kpi/bad-number')[0]);

  // The KPI table's bad number mended: its finding goes, the units' and the share's stay.
  const mended = replaceAfter(inFirst, '## 附錄', '20,0x35.5', '20,035.5');
  const after = analyze({ uri: URI, text: mended }, {}, derived);
  assert.equal(after.reuse.parse, 'table');
  assertDerivedEqualsFull(after, mended, 'bad number mended');
  assert.equal(rulesOf(after, 'kpi/bad-number').length, 0);
  assert.equal(rulesOf(after, 'kpi/unknown-unit').length, 1);
  assert.equal(rulesOf(after, 'kpi/unit-dimension').length, 2);
  assert.ok(rulesOf(after, 'kpi/table-shape')[1] === shapes[1], 'still the finding found first');

  // A header edit that makes 乙 a KPI table (a year column): its table-shape finding goes.
  const yearly = replaceAfter(mended, '（乙）', '| 合計 |', '| 2025 |');
  const asKpi = analyze({ uri: URI, text: yearly }, {}, after);
  assertDerivedEqualsFull(asKpi, yearly, '乙 read as a KPI table');
});

test('incremental: an edit of a span in prose reruns the per-table rules over its line only', () => {
  const base = analyze({ uri: URI, text: TABLES_REPORT });
  const row = rulesOf(base, 'kpi/unit-dimension').find((d) => d.range.start.line < 30)!;
  const text = TABLES_REPORT.replace('[50 千瓦時]', '[55 千瓦時]');
  const derived = analyze({ uri: URI, text }, {}, base);
  assert.equal(derived.reuse.parse, 'prose');
  assertDerivedEqualsFull(derived, text, 'span figure');
  assert.ok(rulesOf(derived, 'kpi/unit-dimension').includes(row), 'the table row’s finding was kept');
  // The span's unit made right: its finding goes, the row's stays.
  const fixed = text.replace('[55 千瓦時]', '[55 噸]');
  const again = analyze({ uri: URI, text: fixed }, {}, derived);
  assertDerivedEqualsFull(again, fixed, 'span unit');
});

test('incremental: a per-table rule past the diagnostics cap keeps its whole findings across table edits', () => {
  const limits = LIMITS as { maxDiagnosticsPerRule: number };
  const cap = limits.maxDiagnosticsPerRule;
  // A low cap stands for a report with thousands of bad cells: the path is the same, the test is fast.
  limits.maxDiagnosticsPerRule = 5;
  try {
    const table = (name: string) =>
      `## ${name}\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n` +
      Array.from({ length: 6 }, (_, i) => `| 總耗水量 | 噸 | ${i}x |`).join('\n') +
      '\n\n';
    let text = TABLES_REPORT.replace('## 附錄', `${table('甲表')}${table('乙表')}## 附錄`);
    let previous = analyze({ uri: URI, text });
    assert.equal(rulesOf(previous, 'kpi/bad-number').length, 6, '5 listed, then one saying how many more');
    // Mend a cell of the second table (past the listed ones), one of the first, then break one again.
    for (const [table, from, to] of [
      ['乙表', '| 3x |', '| 3 |'],
      ['甲表', '| 1x |', '| 1 |'],
      ['乙表', '| 3 |', '| 3y |'],
    ]) {
      text = replaceAfter(text, `## ${table}`, from, to);
      const derived = analyze({ uri: URI, text }, {}, previous);
      assert.equal(derived.reuse.parse, 'table');
      assert.ok((derived.reuse.rulesTableScoped ?? 0) > 0, 'the per-table rules ran over the edited table only');
      assertDerivedEqualsFull(derived, text, `${table} ${from} → ${to}`);
      previous = derived;
    }
  } finally {
    limits.maxDiagnosticsPerRule = cap;
  }
});
