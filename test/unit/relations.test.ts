// The shared helpers of the KPI relation rules (server/src/engine/numbers/relations.ts): breakdown
// coverage, part marks, the table's own structure, picking and summing facts, exact counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, locate, run } from './util';
import { facts, kpiAverageChecks, kpiRateChecks, kpiSums } from '../../server/src/engine/derived';
import {
  breakdownName,
  coverage,
  inputQuantity,
  partMark,
  pickFact,
  rowFact,
  structuralGroups,
  sumQuantities,
} from '../../server/src/engine/numbers/relations';

const model = (body: string) => run(`${FRONT}${body}`).model;

test('coverage: complete partitions, parts of one, and members of two that overlap', () => {
  assert.equal(coverage('gender', ['male', 'female']), 'complete');
  assert.equal(coverage('gender', ['female']), 'partial');
  assert.equal(coverage('age', ['under30', '30_50', 'over50']), 'complete');
  assert.equal(coverage('age', ['under30', '30_39', '40_49', '50_and_over']), 'complete');
  assert.equal(coverage('age', ['under30', '30_39']), 'partial');
  assert.equal(coverage('rank', ['senior', 'middle']), 'partial');
  assert.equal(coverage('rank', ['management', 'non_management']), 'complete');
  assert.equal(
    coverage('region', ['north', 'northeast', 'east', 'central', 'south', 'southwest', 'northwest', 'overseas']),
    'complete',
  );
  assert.equal(coverage('region', ['north', 'northeast', 'east']), 'partial');
  assert.equal(coverage('region', ['mainland', 'north']), 'overlapping');
  assert.equal(coverage('direct-indirect', ['direct', 'indirect']), 'complete');
  assert.equal(coverage('no-such-breakdown', ['a']), 'overlapping');
});

test('partMark: bullets and 其中 / of which at the start of a label only', () => {
  assert.equal(partMark('其中：外購商品及服務'), 'of-which');
  assert.equal(partMark('其中:外購電力'), 'of-which');
  assert.equal(partMark('of which: data centres'), 'of-which');
  assert.equal(partMark('• 數據中心'), 'bullet');
  assert.equal(partMark('- 汽油'), 'bullet');
  assert.equal(partMark('– 柴油'), 'bullet');
  assert.equal(partMark('· 辦公室'), 'bullet');
  assert.equal(partMark('間接能源消耗量 - 總耗電量'), undefined);
  assert.equal(partMark('員工總數'), undefined);
});

const SEED_002_GHG = `# G

| 指標 | 單位 | 2024 年數據 | 2025 年數據 |
|---|---|---|---|
| 範圍 2 溫室氣體排放量 | 噸二氧化碳當量 | 57,638.74 | 56,622.34 |
| 範圍 3 溫室氣體排放量 | 噸二氧化碳當量 | 187,220.37 | 581,386.59 |
| 其中：外購商品及服務 | 噸二氧化碳當量 | 41,482.00 | 38,192.07 |
| 資本商品 | 噸二氧化碳當量 | 54,008.67 | 75,173.86 |
| 員工通勤 | 噸二氧化碳當量 | 4,468.44 | 5,429.55 |
| 員工差旅 | 噸二氧化碳當量 | 1,452.04 | 2,488.41 |
| 燃料和能源相關活動 | 噸二氧化碳當量 | 11,938.76 | 11,869.71 |
| 上遊資產租賃 | 噸二氧化碳當量 | 73,870.46 | 448,233.00 |
| 單位營收溫室氣排放量（範圍 1、2） | 噸二氧化碳當量 / 人民幣百萬元 | 7.41 | 5.93 |
`;

test("structuralGroups: seed 002's Scope 3 table, 其中 then unmarked categories until the intensity row", () => {
  const groups = structuralGroups(model(SEED_002_GHG));
  assert.equal(groups.length, 1);
  assert.equal(groups[0].mark, 'of-which');
  assert.equal(groups[0].total.label, '範圍 3 溫室氣體排放量');
  assert.deepEqual(
    groups[0].members.map((r) => r.label),
    ['其中：外購商品及服務', '資本商品', '員工通勤', '員工差旅', '燃料和能源相關活動', '上遊資產租賃'],
  );
});

test('structuralGroups: after 其中, a row that is not a member of the same total ends the group', () => {
  const doc = model(
    '# T\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗電量 | 千瓦時 | 1,000 |\n| 其中：數據中心 | 千瓦時 | 700 |\n| 辦公室 | 千瓦時 | 300 |\n',
  );
  const groups = structuralGroups(doc);
  assert.equal(groups.length, 1);
  assert.deepEqual(
    groups[0].members.map((r) => r.label),
    ['其中：數據中心'],
  );
});

test('structuralGroups: rows in the second label column under a first-column row; a caption row ends a group', () => {
  const doc = model(
    '# T\n\n| 績效指標 | | 單位 | 2025 |\n|---|---|---|---|\n| 員工總數 | | 人 | 937 |\n| | 男性 | 人 | 640 |\n| | 女性 | 人 | 297 |\n| 能源消耗總量 | | 兆瓦時 | 100 |\n| 受訓百分比 | | | |\n| • 男性 | | % | 100 |\n',
  );
  const groups = structuralGroups(doc);
  assert.deepEqual(
    groups.map((g) => [g.total.label, g.mark, g.members.map((m) => m.label)]),
    [['員工總數', 'column', ['男性', '女性']]],
  );
});

test('kpiSums: a second-column group that does not add up is a mismatch; counts are exact', () => {
  const text = `${FRONT}# T\n\n| 績效指標 | | 單位 | 2025 |\n|---|---|---|---|\n| 員工總數 | | 人 | 937 |\n| | 男性 | 人 | 640 |\n| | 女性 | 人 | 296 |\n`;
  const { checks, partial } = kpiSums(run(text).model);
  assert.deepEqual(partial, []);
  assert.equal(checks.length, 1);
  assert.equal(checks[0].ok, false);
  assert.equal(checks[0].formula, '男性 + 女性 = 員工總數');
  assert.deepEqual(checks[0].computed, { lo: 936, hi: 936 });
  assert.deepEqual(checks[0].target.range.start, locate(text, '937'));
});

test('kpiSums: consistent groups yield passing checks (for hover and CodeLens)', () => {
  const { checks } = kpiSums(
    model(
      '# T\n\n| 績效指標 | | 單位 | 2025 |\n|---|---|---|---|\n| 員工總數 | | 人 | 937 |\n| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |\n| | 女性員工 | 人 | 297 |\n',
    ),
  );
  assert.deepEqual(
    checks.map((c) => [c.rule, c.formula, c.ok]),
    [['kpi/sum-mismatch', '男性員工 + 女性員工 = 員工總數', true]],
  );
});

test('pickFact: a KPI stated in two tables is read from the table of the figure it is compared with', () => {
  const doc = model(
    '# A\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 直接能源消耗總量 | 兆瓦時 | 1 |\n\n# B\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 能源消耗總量 | 兆瓦時 | 3 |\n| 直接能源消耗總量 | 兆瓦時 | 2 |\n',
  );
  const index = facts(doc);
  const total = pickFact(index, 'energy.total', '2025')!;
  assert.equal(pickFact(index, 'energy.direct', '2025')!.raw, '1');
  assert.equal(pickFact(index, 'energy.direct', '2025', total)!.raw, '2');
  assert.equal(pickFact(index, 'energy.indirect', '2025', total), undefined);
});

test('inputQuantity: whole counts in a unit of one are exact; other figures keep their rounding interval', () => {
  const doc = model(
    '# T\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 員工總數 | 人 | 937 |\n| 培訓參與總人次 | 萬人次 | 3.7 |\n| 總耗水量 | 噸 | 20,035.5 |\n',
  );
  const [staff, participants, water] = facts(doc).all;
  assert.deepEqual(inputQuantity(staff)!.value, { lo: 937, hi: 937 });
  const p = inputQuantity(participants)!.value;
  assert.ok(Math.abs(p.lo - 36500) < 1e-6 && Math.abs(p.hi - 37500) < 1e-6);
  assert.deepEqual(inputQuantity(water)!.value, { lo: 20035.45, hi: 20035.55 });
  assert.deepEqual(sumQuantities([staff, staff])!.value, { lo: 1874, hi: 1874 });
  assert.equal(sumQuantities([staff, water]), undefined);
});

test('rowFact: a row that is not a catalog KPI still yields its figure', () => {
  const doc = model(
    '# T\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| • 數據中心 | 千瓦時 | 1,234.5 |\n| 總耗電量 | 千瓦時 | - |\n',
  );
  const [unknown, none] = doc.kpiTables[0].rows;
  const f = rowFact(facts(doc), unknown, '2025')!;
  assert.equal(f.kpiId, '');
  assert.equal(f.decimals, 1);
  assert.deepEqual(f.quantity!.dim, { energy: 1 });
  assert.equal(rowFact(facts(doc), none, '2025'), undefined);
  assert.equal(rowFact(facts(doc), unknown, '2024'), undefined);
});

test('kpiRateChecks and kpiAverageChecks list passing checks too', () => {
  const doc = model(
    '# T\n\n| 績效指標 | | 單位 | 2025 |\n|---|---|---|---|\n| 董事會總人數 | | 人 | 9 |\n| 女性董事人數 | | 人 | 2 |\n| 女性董事占比 | | % | 22.22 |\n| 員工人均受訓時數 | | 小時 | 80 |\n| 按性別劃分 | 男性員工人均受訓時數 | 小時 | 80 |\n| | 女性員工人均受訓時數 | 小時 | 80 |\n',
  );
  assert.deepEqual(
    kpiRateChecks(doc).map((c) => [c.kind, c.ok]),
    [['share', true]],
  );
  assert.deepEqual(
    kpiAverageChecks(doc).map((c) => [c.kind, c.breakdown, c.ok]),
    [['bounds', 'gender', true]],
  );
});

test('breakdownName: in the three languages, and the id itself when unknown', () => {
  assert.equal(breakdownName('en', 'gender'), 'by gender');
  assert.equal(breakdownName('zh-Hant', 'region'), '按地區');
  assert.equal(breakdownName('zh-Hans', 'education'), '按学历');
  assert.equal(breakdownName('en', 'scope3-category'), 'scope3-category');
});

test('the helpers never throw on odd tables', () => {
  const odd = [
    '# T\n\n| 單位 | 2025 |\n|---|---|\n| 人 | 1 |\n',
    '# T\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| • | | |\n| 其中： | 人 | x |\n',
    '# T\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 員工總數 | 人 | 0 |\n| 員工總體流失人數 | 人 | 0 |\n| 員工總體流失比率 | % | 0 |\n',
  ];
  for (const body of odd) {
    const doc = model(body);
    assert.doesNotThrow(() => [structuralGroups(doc), kpiSums(doc), kpiRateChecks(doc), kpiAverageChecks(doc)]);
  }
});
