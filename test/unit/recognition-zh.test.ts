// Chinese (Traditional and Simplified) and bilingual row labels (recognition/zh.ts), and parts of a
// KPI (recognition/segments.ts): the labels of the corpus and the seeds as published, the KPI each
// must get, and the labels that must stay unrecognised (a part, another basis, a unit that does not fit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOpenMemberId, openMemberParent, recogniseLabel } from '../../server/src/engine/recognition/labels';
import { splitBilingual } from '../../server/src/engine/recognition/zh';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { analyze, getHover } from '../../server/src/engine';
import { FRONT } from './util';

type Ctx = { group?: string; unit?: string; section?: string };
type Case = [label: string, expected: string | undefined, ctx?: Ctx];

function check(cases: Case[]): void {
  for (const [label, expected, ctx] of cases) {
    assert.equal(
      recogniseLabel(label, ctx ?? {})?.kpiId,
      expected,
      `'${label}'${ctx ? ` ${JSON.stringify(ctx)}` : ''}`,
    );
  }
}

/** The parent KPI of an open id, or undefined when the label is not an open id. */
function partParent(label: string, ctx: Ctx = {}): string | undefined {
  const id = recogniseLabel(label, ctx)?.kpiId;
  // A part the Chinese rules build (`<kpi>.part.open-x`) or one the English containment builds (`<kpi>.p-x`).
  return id && (isOpenMemberId(id) || /\.p-[0-9a-z]+$/.test(id)) ? openMemberParent(id) : undefined;
}

test('範疇 and 範圍 both mean scope; CO2e brackets and the CO2e prefix do not change the KPI', () => {
  check([
    ['二氧化碳當量（CO2e）排放量（範疇一）', 'ghg.scope1', { unit: '千公噸' }],
    ['二氧化碳當量（CO2e）排放量（範疇二）', 'ghg.scope2', { unit: '千公噸' }],
    ['二氧化碳當量（CO2e）排放量（範疇三）', 'ghg.scope3'],
    ['二氧化碳当量（CO2e）排放量（范畴一）', 'ghg.scope1'],
    ['範疇一及範疇二溫室氣體排放', 'ghg.scope12'],
    ['範圍一、二及三溫室氣體排放總量', 'ghg.total'],
    ['溫室氣體排放總量', 'ghg.total'],
    ['温室气体排放总量（CO2e）', 'ghg.total'],
    ['能源間接溫室氣體排放', 'ghg.scope2'],
    ['範圍二溫室氣體排放（基於市場）', 'ghg.scope2.market'],
  ]);
  // '總排放量' names GHG only in a GHG section (or under a GHG group).
  check([
    ['總排放量', 'ghg.total', { section: '溫室氣體排放' }],
    ['总排放量', 'ghg.total', { section: '温室气体排放', unit: 'tCO2e' }],
    ['總排放量', undefined],
    // A site's total in a GHG section is not the group's total.
    ['總排放量', undefined, { section: '溫室氣體排放', group: '香港' }],
  ]);
});

test('a consolidation basis is a KPI of its own; an unknown basis or another gas stays unrecognised', () => {
  check([
    ['二氧化碳當量（CO2e）排放總量—按權益計算', 'ghg.total.equity_share', { unit: '千公噸' }],
    ['二氧化碳當量（CO2e）—按營運控制權計算', 'ghg.total.operational_control', { unit: '千公噸' }],
    ['溫室氣體排放總量（按營運控制權計算）', 'ghg.total.operational_control'],
    ['二氧化碳当量（CO2e）—按营运控制权计算', 'ghg.total.operational_control'],
    // Equity share and operational control are never the same fact.
    ['二氧化碳當量（CO2e）排放總量—按權益及長期購電容量和購電安排計算', undefined],
    // A scope on a basis has no catalog KPI: not taken for the scope on the report's own basis.
    ['二氧化碳當量（CO2e）排放量（範疇一）—按權益計算', undefined],
    // CO2 alone is not CO2e.
    ['二氧化碳（CO2）—按權益計算', undefined, { unit: '千公噸' }],
    ['二氧化碳（CO2）排放量', undefined],
  ]);
  assert.notEqual(
    recogniseLabel('溫室氣體排放總量（按權益計算）')?.kpiId,
    recogniseLabel('溫室氣體排放總量（按營運控制權計算）')?.kpiId,
  );
});

test('labels a reviewer names: revenue, employees, water, packaging, electricity, safety rates, parental leave', () => {
  check([
    ['收入', 'revenue', { unit: '千美元' }],
    ['營業收入', 'revenue'],
    ['员工', 'employees.total', { unit: '人员' }],
    ['僱員', 'employees.total', { unit: '人' }],
    ['耗水量', 'water.total', { unit: '立方米' }],
    ['水', 'water.total', { unit: '噸' }],
    ['包裝物料', 'packaging.total', { unit: '噸' }],
    ['電力', 'energy.electricity', { unit: '千瓦時' }],
    ['损失工作日比率', 'safety.lost_day_rate', { unit: '%' }],
    ['工傷引致損失工作日比率（LDR）', 'safety.lost_day_rate'],
    ['工傷引致損失工時比率（LTIR）', 'safety.ltir'],
    ['缺勤率', 'safety.absentee_rate', { unit: '%' }],
    ['放育嬰假的僱員', 'parental_leave.taken'],
    ['在育嬰假後復工的僱員', 'parental_leave.returned'],
    ['在育婴假后复工的雇员', 'parental_leave.returned'],
    ['损失工时工伤比率', 'safety.ltir'],
    ['职业健康体检覆盖率', 'safety.health_check_coverage', { unit: '%' }],
    ['按性別劃分的復工比例', 'parental_leave.return_rate', { unit: '%' }],
    ['煤炭', 'energy.coal', { unit: '噸' }],
  ]);
  // Per employee or per revenue: the KPI's intensity of that basis, when the catalog has one.
  check([
    ['水', 'water.intensity_per_employee', { unit: '立方米╱人' }],
    ['Electricity (Note 1) 電力(附註1)', 'energy.electricity.intensity_per_employee', { unit: '千瓦時╱人' }],
    ['水', 'water.intensity', { unit: '立方米/萬元' }],
    ['二氧化碳當量（CO2e）排放總量', 'ghg.intensity_per_employee.total', { unit: '噸二氧化碳當量╱人' }],
    ['二氧化碳當量（CO2e）排放量（範疇一及二）', 'ghg.scope12.intensity', { unit: '噸二氧化碳當量/百萬港元' }],
    ['耗電', 'energy.electricity.intensity', { unit: '千瓦時/萬元' }],
    ['包裝物料', undefined, { unit: '噸/萬元' }],
    ['員工', undefined, { unit: '人/萬元' }],
  ]);
  // The unit must fit: a count in hours, a share in persons, revenue in tonnes stay unrecognised.
  check([
    ['員工', undefined, { unit: '小時' }],
    ['收益', undefined, { unit: '噸' }],
    ['耗電', undefined, { unit: '千瓦時╱平方米' }],
    ['水', undefined, { unit: '立方米╱平方米' }],
  ]);
});

test('breakdowns through their group: age, gender, rank, training hours by gender and category', () => {
  check([
    ['男性', 'training.hours.gender.male', { group: '按性別劃分，每名員工每年接受培訓的平均時數', unit: '小時' }],
    ['女性', 'training.hours.gender.female', { group: '按性別劃分，每名員工每年接受培訓的平均時數', unit: '小時' }],
    ['男性', 'performance_review.gender.male', { group: '按性別劃分，員工定期接受工作表現評估的比例', unit: '%' }],
    ['30歲以下', 'employees.age.under30', { group: '按年齡劃分的員工人數' }],
    ['30 至 50 歲', 'employees.age.30_50', { group: '按年齡劃分的員工人數' }],
    ['50 歲以上', 'employees.age.over50', { group: '按年齡劃分的員工人數' }],
    ['30 至 50 歲', 'turnover.rate.age.30_50', { group: '按年齡劃分的員工流失比率', unit: '%' }],
    ['女性', 'employees.gender.female', { group: '按性别划分的员工人数' }],
    ['管理級', 'employees.rank.management', { group: '按職級劃分的員工人數' }],
    ['管理級', 'training.hours.rank.management', { group: '按員工類別劃分，每名員工接受培訓的平均時數', unit: '小時' }],
  ]);
  // A member word alone names no parent: unrecognised without its group.
  check([
    ['男性', undefined, { unit: '人' }],
    ['30 歲以下', undefined, { unit: '人' }],
  ]);
  // Employee categories the catalog cannot list are open members of the rank breakdown.
  for (const rank of ['主任級', '後勤', '營運']) {
    const id = recogniseLabel(rank, { group: '按員工類別劃分，每名員工接受培訓的平均時數', unit: '小時' })?.kpiId ?? '';
    assert.match(id, /^training\.hours\.avg\.rank\.open-/, rank);
  }
});

test('bilingual cells: recognised when one half names the KPI and the other does not disagree', () => {
  assert.deepEqual(splitBilingual('Total GHG emissions 溫室氣體排放總量'), {
    en: 'Total GHG emissions',
    zh: '溫室氣體排放總量',
  });
  assert.deepEqual(splitBilingual('電力 Electricity'), { en: 'Electricity', zh: '電力' });
  assert.equal(splitBilingual('二氧化碳當量（CO2e）排放量（範疇一）'), undefined);
  assert.equal(splitBilingual('工傷引致損失工時比率（LTIR）'), undefined);
  check([
    ['Total GHG emissions 溫室氣體排放總量', 'ghg.total', { unit: '噸二氧化碳當量' }],
    ['Electricity 電力', 'energy.electricity', { unit: '千瓦時' }],
    // Both halves name a part of one KPI (the English words and the Chinese rules build their own ids): the part.
    [
      'Packaging materials (plastic) 包裝物料(塑料)',
      recogniseLabel('包裝物料(塑料)', { unit: '噸' })?.kpiId,
      { unit: '噸' },
    ],
    ['Water 水', 'water.total', { unit: '立方米' }],
    [
      'GHG emission intensity per employee 平均每位僱員所產生溫室氣體排放密度',
      'ghg.intensity_per_employee.total',
      { unit: '噸二氧化碳當量╱人' },
    ],
    // Halves that name two different KPIs: neither is taken.
    ['Electricity 耗水量', undefined],
    // The unit decides for both halves: per person is not the total.
    ['Electricity 電力', undefined, { unit: '千瓦時╱人' }],
  ]);
});

test('parts of a KPI get ids of their own: a source, a material, a boundary, a cell of a cross breakdown', () => {
  // '來自…的X' (X from a source) and 'X（material）': parts, never the whole.
  assert.equal(partParent('來自固定源的柴油消耗', { unit: '升' }), 'energy.diesel');
  assert.equal(partParent('来自流动源的汽油消耗', { unit: '升' }), 'energy.gasoline');
  assert.equal(partParent('來自固定源的煤炭消耗', { unit: '噸' }), 'energy.coal');
  assert.equal(
    partParent('Diesel fuel consumption from stationary sources 來自固定源的柴油消耗', { unit: '升' }),
    'energy.diesel',
  );
  assert.equal(partParent('包裝物料(塑料)', { unit: '噸' }), 'packaging.total');
  assert.notEqual(
    recogniseLabel('包裝物料(塑料)', { unit: '噸' })?.kpiId,
    recogniseLabel('包裝物料(其他)', { unit: '噸' })?.kpiId,
  );
  assert.notEqual(recogniseLabel('來自固定源的柴油消耗')?.kpiId, recogniseLabel('來自流動源的柴油消耗')?.kpiId);
  // A per-person or per-revenue figure of a part is the part's intensity (its numerator is the part's
  // own row, same id stem), never the part; a basis other than head count or money is not read.
  const part = recogniseLabel('包裝物料(塑料)', { unit: '噸' })?.kpiId;
  assert.equal(recogniseLabel('包裝物料(塑料)', { unit: '噸╱人' })?.kpiId, `${part}.intensity.per-employees`);
  assert.equal(
    recogniseLabel('Packaging materials (plastic) 包裝物料(塑料)', { unit: '噸╱人' })?.kpiId,
    `${part}.intensity.per-employees`,
  );
  assert.equal(recogniseLabel('包裝物料(塑料)', { unit: '噸/萬元' })?.kpiId, `${part}.intensity`);
  assert.equal(recogniseLabel('包裝物料(塑料)', { unit: '噸/平方米' }), undefined);
  assert.equal(recogniseLabel('包裝物料(塑料)', { unit: '千瓦時╱人' }), undefined);
  // Two boundaries of one KPI: two ids, neither the KPI itself (no value conflict, no sum takes them).
  const a = recogniseLabel('Consolidated Entities (Oncology/Immunology & Subsidiaries)', {
    group: 'Nitrogen Oxides (NOx) emissions',
    unit: 'kg',
  })?.kpiId;
  const b = recogniseLabel('Consolidated + SHPL', { group: 'Nitrogen Oxides (NOx) emissions', unit: 'kg' })?.kpiId;
  assert.ok(a && b && a !== b && isOpenMemberId(a) && isOpenMemberId(b), `${a} ${b}`);
  assert.equal(openMemberParent(a!), 'air.nox');
  // Not a boundary: a total (the whole itself), a label that names a KPI of its own, a part of an
  // intensity, a member of a breakdown group.
  check([
    ['Total', 'air.nox', { group: 'Nitrogen Oxides (NOx) emissions', unit: 'kg' }],
    // Not boundaries but described figures (recognition.md, 'Described figures'): a source of Scope 2, Scope 1 per revenue.
    ['Direct emission', 'ghg.scope1.intensity', { group: 'Greenhouse gas emission intensity' }],
    ['Non-binary', undefined, { group: '按性別劃分的員工人數' }],
    ['Site A', undefined, { group: 'Nitrogen Oxides (NOx) emissions', unit: 'tCO2e' }],
    ['按年變動百分比', undefined, { group: '溫室氣體排放總量' }],
  ]);
  // A target is not the figure nor a part of it: another ratio of it (`.r-`), which no check reads.
  assert.match(
    recogniseLabel('2030 target', { group: 'Nitrogen Oxides (NOx) emissions', unit: 'kg' })?.kpiId ?? '',
    /^air\.nox\..*\.r-[0-9a-z]+$/,
  );
  // A segment's age band under a caption that names the KPI by a breakdown: a cell of a cross breakdown.
  const cell =
    recogniseLabel('30 歲以下', { group: '新地總辦事處', section: '按年齡及性別劃分流失的員工' })?.kpiId ?? '';
  assert.match(cell, /^turnover\.count\.cross\.open-/);
  assert.notEqual(
    cell,
    recogniseLabel('30 歲以下', { group: '建築業務', section: '按年齡及性別劃分流失的員工' })?.kpiId,
  );
  assert.equal(
    recogniseLabel('30 歲以下', { group: '新地總辦事處', section: '按年齡及性別劃分流失的員工', unit: '%' }),
    undefined,
  );
});

test('a part per person is checked against its part; a GHG intensity a coarse figure agrees with is still measured by the larger group', () => {
  const text = `${FRONT}# 資源 {#r}

| 溫室氣體排放來源 | 2025 |
|---|--:|
| Total GHG emissions (tCO2e) 溫室氣體排放總量(噸二氧化碳當量) | 174,199 |
| GHG emission intensity per employee (tCO2e/person) 平均每位僱員所產生溫室氣體排放密度(噸二氧化碳當量╱人) | 311 |

| 資源 Resources | 2025 |
|---|--:|
| Electricity (kWh) 電力(千瓦時) | 54,813 |
| Water (cubic metre) 水(立方米) | 1,948,043 |
| Packaging materials (others) (tonne) 包裝物料(其他)(噸) | 532 |

| 資源 Resources | 2025 |
|---|--:|
| Electricity (kWh/person) (Note 1) 電力(千瓦時╱人)(附註1) | 98.06 |
| Water (cubic metre/person) 水(立方米╱人) | 3,484.87 |
| Packaging materials (others) (tonne/person) 包裝物料(其他)(噸╱人) | 0.95 |
`;
  const a = analyze({ uri: 'file:///t.esg.md', text }, { locale: 'en' });
  const ids = a.model.kpiTables.map((t) => t.rows.map((r) => r.kpiId ?? ''));
  assert.equal(ids[2][2], `${ids[1][2]}.intensity.per-employees`, JSON.stringify(ids));
  // 532 / 0.95 allows 557-563 people, 311 allows 559.2-561.0: they meet, but electricity and water (and
  // the packaging) agree on 559.0, which 311 does not allow: 174,199 / 559 = 311.6, so 312.
  const d = a.diagnostics.filter((x) => x.rule === 'kpi/intensity-mismatch' && x.severity !== 'information');
  assert.deepEqual(
    d.map((x) => x.range.start.line),
    [text.split('\n').findIndex((l) => l.includes('平均每位僱員'))],
    JSON.stringify(d.map((x) => x.message)),
  );
  assert.match(d[0].message, /\b312\b/);
});

test('tables: the caption row above is the section; entity rows are parts; no figure is fed twice', () => {
  const text = `${FRONT}
# T

| Indicator | | Unit | 2021 | 2022 |
|---|---|---|--:|--:|
| Direct GHG emissions (Scope 1) | Consolidated Entities | tCO2e | 313 | 244 |
| | Consolidated + SHPL | tCO2e | 5,169 | 5,587 |

| GRI 參考 | 指標 | 組別 | 2014/15 男性 | 2014/15 女性 |
|---|---|---|--:|--:|
| G4-LA1 | 按年齡及性別劃分流失的員工 | | | |
| | 新地總辦事處 | 30 歲以下 | 14 | 29 |
| | | 30 至 50 歲 | 21 | 44 |
| G4-LA3 | 放育嬰假的僱員 | | 155 | 186 |

| 溫室氣體排放 | 2020 | 2019 |
|---|--:|--:|
| 二氧化碳當量（CO2e）排放總量—按權益計算（千公噸） | 62,138 | 71,720 |
| 二氧化碳當量（CO2e）排放量（範疇一）（千公噸） | 45,105 | 50,047 |
| 二氧化碳當量（CO2e）—按營運控制權計算（千公噸） | 44,023 | 50,676 |
`;
  const doc = parseDocument('file:///zh.esg.md', text);
  const rows = doc.kpiTables.flatMap((t) => t.rows).filter((r) => !r.isCaption);
  const ids = rows.map((r) => r.kpiId);
  assert.ok(ids[0] && ids[1] && ids[0] !== ids[1] && openMemberParent(ids[0]!) === 'ghg.scope1', ids.join(' '));
  assert.match(ids[2] ?? '', /^turnover\.count\.cross\.open-/);
  assert.match(ids[3] ?? '', /^turnover\.count\.cross\.open-/);
  assert.equal(ids[4], 'parental_leave.taken');
  assert.deepEqual(ids.slice(5), ['ghg.total.equity_share', 'ghg.scope1', 'ghg.total.operational_control']);
  // The two boundaries of Scope 1 are not one series: no value conflict, no warning or error.
  const serious = analyze({ uri: 'file:///zh.esg.md', text }).diagnostics.filter(
    (d) => (d.severity === 'error' || d.severity === 'warning') && d.rule.startsWith('kpi/'),
  );
  assert.deepEqual(
    serious.map((d) => `${d.rule}@${d.range.start.line}`),
    [],
  );
});

test('hover names a part with the KPI it is part of', () => {
  const text = `${FRONT}# Data {#d}\n\n| Indicator | | Unit | 2022 |\n|---|---|---|--:|\n| Sulphur Oxides (SOx) emissions | Consolidated + SHPL | kg | 0.38 |\n`;
  const a = analyze({ uri: 'file:///h.esg.md', text }, { locale: 'en' });
  const line = text.split('\n').findIndex((l) => l.includes('Consolidated + SHPL'));
  const h = getHover(a, { line, character: text.split('\n')[line].indexOf('Consolidated') + 2 });
  assert.ok(h && /A part of/.test(String(h.contents)) && /air\.sox/.test(String(h.contents)), JSON.stringify(h));
});
