// KPI table shapes for units and boundaries (docs/dialect.md §8): a unit column after the periods, a
// unit in the label column's header, column groups per reporting boundary, a first column of section
// names, Chinese year headers. Each table is read through the parser as an author pastes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { analyze } from '../../server/src/engine';
import { FRONT } from './util';

const parse = (text: string) => parseDocument('file:///t.esg.md', text);
const rowsOf = (text: string) =>
  parse(text)
    .kpiTables.flatMap((t) => t.rows)
    .filter((r) => !r.isCaption);

test('a unit column after the period columns', () => {
  const text = `| 指標 | 2022 | 2021 | 單位 |\n|---|--:|--:|---|\n| 耗水量 | 100 | 90 | 立方米 |\n| 範圍一溫室氣體排放 | 5 | 4 | 噸二氧化碳當量 |\n`;
  const [table] = parse(text).kpiTables;
  assert.ok(table, 'read as a KPI table');
  assert.equal(table.unitColumn, 3);
  assert.deepEqual(table.labelColumns, [0]);
  assert.deepEqual(
    table.periods.map((p) => p.period),
    ['2022', '2021'],
  );
  assert.deepEqual(
    table.rows.map((r) => [r.kpiId, r.unit?.raw, r.values.map((v) => v.value)]),
    [
      ['water.total', '立方米', [100, 90]],
      ['ghg.scope1', '噸二氧化碳當量', [5, 4]],
    ],
  );
  // A year column that is text (a target, a plan) before the unit column is not a period column.
  assert.equal(
    parse(`| 指標 | 2030年 | 單位 |\n|---|---|---|\n| 耗水量 | 減少一成 | 立方米 |\n| 用電量 | 減少兩成 | 千瓦時 |\n`)
      .kpiTables.length,
    0,
  );
  // Text between the periods and the unit column: not this shape.
  assert.equal(
    parse(
      `| 指標 | 2022 | 說明文字 | 單位 |\n|---|--:|---|---|\n| 耗水量 | 100 | 見附註 | 立方米 |\n| 用電量 | 200 | 見附註 | 千瓦時 |\n`,
    ).kpiTables.length,
    0,
  );
});

test('a unit in the label column header is the unit of rows that print none', () => {
  const text = `| 溫室氣體排放（千公噸） | 2020 | 2019 |\n|---|--:|--:|\n| 範圍一 | 45,105 | 50,047 |\n| 範圍二（千噸二氧化碳當量） | 244 | 250 |\n`;
  const doc = parse(text);
  const rows = doc.kpiTables[0].rows;
  assert.deepEqual(
    rows.map((r) => [r.kpiId, r.unit?.raw]),
    [
      ['ghg.scope1', '千公噸'],
      ['ghg.scope2', '千噸二氧化碳當量'],
    ],
  );
  // The inherited unit points at the header cell, where it is written.
  assert.equal(rows[0].unit!.range.start.line, 0);
  assert.equal(
    text.split('\n')[0].slice(rows[0].unit!.range.start.character, rows[0].unit!.range.end.character),
    '千公噸',
  );
  // A header bracket that is not a unit gives none.
  assert.equal(rowsOf(`| 指標（附註1） | 2020 |\n|---|--:|\n| 耗水量 | 5 |\n| 用電量 | 6 |\n`)[0].unit, undefined);
});

test('column groups per reporting boundary are separate series, not one', () => {
  const text = `${FRONT}
| Indicator | Unit | 2021 Consolidated Entities | 2022 Consolidated Entities | 2021 Consolidated + SHPL | 2022 Consolidated + SHPL |
|---|---|--:|--:|--:|--:|
| Scope 1 | tCO2e | 313 | 244 | 5,169 | 5,587 |
| Scope 2 | tCO2e | 6,716 | 6,000 | 16,336 | 15,000 |
| Total Scope 1 and 2 | tCO2e | 7,029 | 6,244 | 21,505 | 20,587 |
`;
  const [table] = parseDocument('file:///b.esg.md', text).kpiTables;
  const keys = table.periods.map((p) => p.period);
  assert.equal(new Set(keys).size, 4, keys.join(', '));
  assert.ok(
    keys.every((k) => k.includes('#')),
    'no column is taken for the plain year',
  );
  // Each boundary adds up on its own; nothing is compared across boundaries.
  const serious = analyze({ uri: 'file:///b.esg.md', text }).diagnostics.filter(
    (d) => d.severity === 'error' || d.severity === 'warning',
  );
  assert.deepEqual(
    serious.filter((d) => d.rule.startsWith('kpi/') || d.rule.startsWith('ghg/')).map((d) => d.rule),
    [],
  );
  // A wrong total in one boundary is flagged in that boundary.
  const wrong = text.replace('| 21,505 |', '| 21,905 |');
  const flagged = analyze({ uri: 'file:///b.esg.md', text: wrong }).diagnostics.filter(
    (d) => d.rule === 'ghg/sum-mismatch' || d.rule === 'kpi/sum-mismatch',
  );
  assert.equal(flagged.length, 1, flagged.map((d) => d.message).join('\n'));
  assert.match(flagged[0].message, /21,505/);
});

test('a first column of section names, the label in the second; Chinese and FY year headers', () => {
  const rows = rowsOf(
    `| 範疇 | 指標 | 單位 | 2022年 | FY2021 | 二零二零年 |\n|---|---|---|--:|--:|--:|\n| 環境 | 耗水量 | 立方米 | 100 | 90 | 80 |\n| | 範圍一溫室氣體排放 | 噸二氧化碳當量 | 5 | 4 | 3 |\n| 社會 | 員工總數 | 人 | 10 | 9 | 8 |\n| 職業健康與安全 | 損失工作日比率 | % | 0.19 | 0.24 | 0.2 |\n`,
  );
  assert.deepEqual(
    rows.map((r) => r.kpiId),
    ['water.total', 'ghg.scope1', 'employees.total', 'safety.lost_day_rate'],
  );
  assert.deepEqual(
    rows[0].values.map((v) => v.period),
    ['2022', '2021', '2020'],
  );
});
