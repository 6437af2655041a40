// KPI tables in the shapes HK reports print them (docs/dialect.md §8): financial-year headers in
// every spelling, units in the labels when there is no unit column, reference / pages / remarks /
// target columns set aside, segment columns under a year, and kpi/table-shape for a table of figures
// that is still not read. Each table is as published (test/corpus/ has the reports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { clearParseCaches } from '../../server/src/engine/recognition/kpiTables';
import { analyze } from '../../server/src/engine';
import { headerPeriod, kpiShapeAndReason, notReadReason } from '../../server/src/engine/recognition/kpiShape';
import { facts } from '../../server/src/engine/derived';
import type { KpiRow } from '../../server/src/engine/model';
import { FRONT, byRule, locate, run } from './util';

const URI = 'file:///shapes.esg.md';
const parse = (text: string) => parseDocument('file:///t.esg.md', text);
const values = (row: KpiRow) => row.values.map((v) => (v.status === 'number' ? v.value : v.status));

test('financial-year headers: a split year is the year it ends in', () => {
  const cases: [string, number | undefined, string?][] = [
    ['2025', 2025],
    ['FY2024', 2024],
    ['FY24', 2024],
    ['2024年度', 2024],
    ['２０２５年', 2025],
    ['2025 年數值', 2025],
    ['FY2022/23', 2023],
    ['2022/23', 2023],
    ['FY 2019/20', 2020],
    ['2019-20', 2020],
    ['2014/15\\*', 2015],
    ['1999/00', 2000],
    ['二零二四年', 2024],
    ['二〇二三年', 2023],
    ['2020 二零二零年', 2020],
    ['截至2024年3月31日止年度', 2024],
    ['2023年4月1日至2024年3月31日', 2024],
    ['for the year ended 31 March 2024', 2024],
    ['2014/15\\* 男性', 2015, '男性'],
    ['2021年 香港', 2021, '香港'],
    // A span of years is a baseline, not one financial year: its first year, as before.
    ['2016-2018 基準年', 2016, '基準'],
    // Not periods: targets, changes, text.
    ['2025年目標', undefined],
    ['2030 target', undefined],
    ['Year-On-Year Change', undefined],
    ['2024 vs 2023', undefined],
    ['Units', undefined],
    ['Report pages', undefined],
  ];
  for (const [text, year, qualifier] of cases) {
    const p = headerPeriod(text);
    assert.equal(p?.year, year, text);
    if (year !== undefined) assert.equal(p!.qualifier, qualifier ?? '', text);
  }
});

test('split-year columns agree with esg.period {from, to}: 2022/23 and FY2023/24 are 2023 and 2024, never 2022#2', () => {
  const text = [
    '---',
    'esg:',
    '  period: {from: 2023-04-01, to: 2024-03-31}',
    '---',
    '',
    '| Indicator | Unit | FY2021/22 | 2022-23 | FY 2023/24 | Report pages |',
    '|---|---|--:|--:|--:|---|',
    '| Total water consumption | m³ | 1,000 | 1,100 | 1,200 | 45 |',
    '',
    'Water use was [1,200 m³]{kpi=water.total period=2023/24} this year.',
  ].join('\n');
  const doc = parse(text);
  const kt = doc.kpiTables[0];
  assert.deepEqual(
    kt.periods.map((p) => p.period),
    ['2022', '2023', '2024'],
  );
  assert.equal(String(doc.config.year), kt.periods[2].period, 'the front matter year is the last column');
  assert.deepEqual(values(kt.rows[0]), [1000, 1100, 1200], 'the pages column is no period');
  // A prose `period=2023/24` is the same period as the column.
  const index = facts(doc);
  assert.equal(index.get('water.total', '2024').length, 2);
});

test('no unit column: the unit in brackets in the label, with its range (CLP 2020, published table)', () => {
  const text = [
    '| 溫室氣體排放 | 2020 | 2019 | 2018 |',
    '|---|--:|--:|--:|',
    '| **中電集團<sup>1</sup>** | | | |',
    '| 二氧化碳當量（CO2e）排放量（範疇一）（千公噸）<sup>4</sup> | 45,105 | 50,047 | 不適用 |',
    '| 類別 1：購買的產品和服務 | 1,210 | 1,093 | 不適用 |',
  ].join('\n');
  const doc = parse(text);
  assert.equal(doc.kpiTables.length, 1);
  const kt = doc.kpiTables[0];
  assert.equal(kt.unitColumn, -1);
  assert.deepEqual(kt.labelColumns, [0]);
  assert.deepEqual(
    kt.periods.map((p) => p.period),
    ['2020', '2019', '2018'],
  );
  const [caption, scope1, cat1] = kt.rows;
  assert.equal(caption.isCaption, true);
  assert.equal(caption.label, '中電集團');
  assert.equal(scope1.unit?.raw, '千公噸', '(CO2e) and (範疇一) are not units: the last bracket that reads as one is');
  assert.equal(scope1.label, '二氧化碳當量（CO2e）排放量（範疇一）');
  assert.deepEqual(scope1.unit?.range.start, locate(text, '千公噸'));
  assert.equal(scope1.unit!.range.end.character - scope1.unit!.range.start.character, 3);
  assert.deepEqual(values(scope1), [45105, 50047, 'none']);
  assert.equal(cat1.unit, undefined);
  assert.equal(cat1.kpiId, 'ghg.scope3.cat1');
});

test('no unit column, bilingual labels (Hop Fung 2020, published table)', () => {
  const text = [
    '| Resources 資源 | 2020 二零二零年 | 2019 二零一九年 |',
    '|---|--:|--:|',
    '| Electricity (kWh) 電力(千瓦時) | 54,813 | 52,796 |',
    '| Water (cubic metre/person) 水(立方米╱人) | 3,484.87 | 4,066.79 |',
    '| Total GHG emissions (tonnes carbon dioxide equivalent ("tCO<sub>2</sub>e")) 溫室氣體排放總量(噸二氧化碳當量(「噸二氧化碳當量」)) | 174,199 | 174,542 |',
    '| Packaging materials (plastic) (tonne) 包裝物料(塑料)(噸) | 17 | 17 |',
  ].join('\n');
  const kt = parse(text).kpiTables[0];
  assert.deepEqual(
    kt.periods.map((p) => p.period),
    ['2020', '2019'],
  );
  const [electricity, water, ghg, packaging] = kt.rows;
  assert.equal(electricity.unit?.raw, '千瓦時');
  assert.equal(electricity.label, 'Electricity 電力', 'both units leave the label');
  assert.deepEqual(electricity.unit?.range.start, locate(text, '千瓦時'));
  // The last bracket the unit catalog reads is the unit (the catalog reads the full-width slash ╱ too).
  assert.equal(water.unit?.raw, '立方米╱人');
  assert.deepEqual(values(water), [3484.87, 4066.79]);
  assert.equal(ghg.unit?.raw, '噸二氧化碳當量', 'an outer bracket reads as a unit without its inner one');
  assert.equal(packaging.unit?.raw, '噸');
  assert.equal(packaging.label, 'Packaging materials (plastic) 包裝物料(塑料)');
});

test('a leading GRI reference column and a group column (SHKP 2014/15, published tables)', () => {
  const text = [
    '| GRI 參考 | 指標 | 組別 | 2014/15\\* 男性 | 2014/15\\* 女性 | 2013/14 男性 | 2013/14 女性 |',
    '|---|---|---|--:|--:|--:|--:|',
    '| G4-LA1 | 按年齡及性別劃分流失的員工<sup>10</sup> | | | | | |',
    '| | 新地總辦事處 | 30 歲以下 | 14 | 29 | 15 | 23 |',
    '| | | 30 至 50 歲 | 21 | 44 | 28 | 35 |',
    '| G4-LA3 | 放育嬰假的僱員 | | 155 | 186 | 81 | 142 |',
    '',
    '| GRI 參考 | 指標 | | 單位 | 2014/15\\* | 2013/14 |',
    '|---|---|---|---|--:|--:|',
    '| G4-LA6 | 職業健康與安全 | 損失工作日比率<sup>11</sup> | % | 0.19 | 0.24 |',
    '| CRE6 | 機構內獲核定已遵循國際認可職業健康及安全管理系統（OHSAS 18001）運作的百分比<sup>12</sup> | | 員工百分比 | 82 | - |',
    '| G4-LA9 | 按性別劃分，每名員工每年接受培訓的平均時數 | 男性 | 小時 | 11.9 | 10.6 |',
  ].join('\n');
  const doc = parse(text);
  const [turnover, safety] = doc.kpiTables;
  assert.deepEqual(turnover.labelColumns, [1, 2], 'the GRI column is neither label nor period');
  assert.deepEqual(
    turnover.periods.map((p) => p.period),
    ['2015#男性', '2015#女性', '2014#男性', '2014#女性'],
  );
  assert.equal(turnover.rows[0].isCaption, true);
  assert.deepEqual([turnover.rows[1].group, turnover.rows[1].label], ['新地總辦事處', '30 歲以下']);
  assert.deepEqual([turnover.rows[2].group, turnover.rows[2].label], ['新地總辦事處', '30 至 50 歲']);
  assert.deepEqual(values(turnover.rows[2]), [21, 44, 28, 35]);
  assert.equal(turnover.rows[3].label, '放育嬰假的僱員');
  assert.deepEqual(safety.labelColumns, [1, 2]);
  assert.deepEqual(
    safety.periods.map((p) => p.period),
    ['2015', '2014'],
  );
  assert.deepEqual([safety.rows[0].group, safety.rows[0].label], ['職業健康與安全', '損失工作日比率']);
  assert.ok(safety.rows[1].label.startsWith('機構內獲核定'), 'the row is its indicator, not `CRE6`');
  assert.equal(safety.rows[1].group, undefined);
  assert.deepEqual(
    [safety.rows[2].group, safety.rows[2].label, safety.rows[2].unit?.raw],
    ['按性別劃分，每名員工每年接受培訓的平均時數', '男性', '小時'],
  );
});

test('reference codes without a header, remarks, pages and target columns are set aside', () => {
  const text = [
    '| | Indicator | Unit | 2023 | 2024 | 2025 target | Remarks | 頁碼 |',
    '|---|---|---|--:|--:|--:|---|--:|',
    '| GRI 305-1 | Scope 1 emissions | tCO2e | 120 | 110 | 100 | Restated | 12 |',
    '| GRI 305-2 | Scope 2 emissions | tCO2e | 300 | 280 | 250 | | 12 |',
  ].join('\n');
  const kt = parse(text).kpiTables[0];
  assert.deepEqual(kt.labelColumns, [1]);
  assert.equal(kt.unitColumn, 2);
  assert.deepEqual(
    kt.periods.map((p) => [p.column, p.period]),
    [
      [3, '2023'],
      [4, '2024'],
    ],
  );
  assert.deepEqual(
    kt.rows.map((r) => [r.label, r.kpiId]),
    [
      ['Scope 1 emissions', 'ghg.scope1'],
      ['Scope 2 emissions', 'ghg.scope2'],
    ],
  );
});

test('no unit column and an empty label header (Swire Properties 2024, published table)', () => {
  const kt = parse(
    [
      '| | 2022 | 2023 | 2024 |',
      '|---|--:|--:|--:|',
      '| 工傷引致損失工時比率（LTIR） | 0.87 | 0.79 | 0.71 |',
      '| 按年變動百分比 | 9.4% | 9.2% | 10.1% |',
    ].join('\n'),
  ).kpiTables[0];
  assert.deepEqual(
    kt.periods.map((p) => p.period),
    ['2022', '2023', '2024'],
  );
  assert.equal(kt.rows[0].label, '工傷引致損失工時比率（LTIR）');
  assert.equal(kt.rows[0].unit, undefined, '(LTIR) is not a unit');
  assert.deepEqual(values(kt.rows[1]), [9.4, 9.2, 10.1]);
  assert.equal(kt.rows[1].values[0].percent, true);
});

test('segment columns under the year of the label header; the total column is the year (HUTCHMED 2021, published table)', () => {
  const text = [
    '| 2021重要环境数据 | 单位 | 肿瘤/免疫业务与国控和黄（合并实体） | 上海和黄药业（非合并合资企业） | 总计 |',
    '|---|---|--:|--:|--:|',
    '| 直接温室气体排放（范围1） | 每吨二氧化碳当量 | 313 | 4,856 | 5,169 |',
  ].join('\n');
  const kt = parse(text).kpiTables[0];
  assert.deepEqual(
    kt.periods.map((p) => p.period),
    ['2021#肿瘤/免疫业务与国控和黄（合并实体）', '2021#上海和黄药业（非合并合资企业）', '2021'],
  );
  assert.deepEqual(values(kt.rows[0]), [313, 4856, 5169]);
  assert.equal(kt.rows[0].kpiId, 'ghg.scope1');
  // Without a total column no segment passes for the whole year.
  const sites = parse(
    ['| 2021年 | 單位 | 香港 | 中國內地 |', '|---|---|--:|--:|', '| 總耗電量 | 千瓦時 | 1,000 | 2,000 |'].join('\n'),
  ).kpiTables[0];
  assert.deepEqual(
    sites.periods.map((p) => p.period),
    ['2021#香港', '2021#中國內地'],
  );
});

test('a target column with a year is not a period (Budweiser APAC 2023, published header)', () => {
  const text = [
    '| 聯合國可持續發展目標 | 我們的目標 | 關鍵績效指標計量 | 2017年基準 | 2022年進度 | 2023年進度 | 2025年目標 |',
    '|---|---|---|--:|--:|--:|--:|',
    '| 目標6：清潔飲水和衛生設施 | | | | | | |',
    '| | 在所有地區達到2.0百升╱百升的用水強度 | 自2017年以來釀酒用水強度減少的百分比（百升╱百升） | 0% | 26% | 32% | 33% |',
  ].join('\n');
  const kt = parse(text).kpiTables[0];
  assert.deepEqual(
    kt.periods.map((p) => p.period),
    ['2017', '2022', '2023'],
  );
  assert.deepEqual(kt.labelColumns, [0, 1, 2]);
});

test('tables of text are not KPI tables, with or without years in the header', () => {
  const plans = parse(
    [
      '| 範疇 | 2025 | 2030 |',
      '|---|---|---|',
      '| 減碳 | 範圍一及二減少 25% | 淨零路線圖 |',
      '| 用水 | 減少用水強度 | 持續監察 |',
    ].join('\n'),
  );
  assert.equal(plans.kpiTables.length, 0, 'a plan by year is text');
  const stakeholders = parse(['| 持份者 | 溝通方式 |', '|---|---|', '| 員工 | 內部通訊 |'].join('\n'));
  assert.equal(stakeholders.kpiTables.length, 0);
  // One number among text does not make figures.
  const timeline = parse(
    ['| 里程碑 | 2019 | 2024 |', '|---|---|---|', '| 基準年 | 設立 | 已完成 |', '| 目標 | 1 | 檢討 |'].join('\n'),
  );
  assert.equal(timeline.kpiTables.length, 0);
  const a = run(
    `${FRONT}# 環境\n\n| 範疇 | 2025 | 2030 |\n|---|---|---|\n| 減碳 | 範圍一及二減少 25% | 淨零路線圖 |\n\n| 持份者 | 溝通方式 |\n|---|---|\n| 員工 | 內部通訊 |\n`,
  );
  assert.deepEqual(byRule(a, 'kpi/table-shape'), []);
  assert.deepEqual(byRule(a, 'kpi/bad-number'), []);
});

test('kpi/table-shape: a table of figures whose year is only in the heading is reported, once, as information', () => {
  const text = `${FRONT}# 環境\n\n## 2021 年能源使用\n\n| 項目 | 單位 | 香港 | 中國內地 | 合計 |\n|---|---|--:|--:|--:|\n| 總耗電量 | 千瓦時 | 1,000 | 2,000 | 3,000 |\n| 總耗水量 | 立方米 | 10 | 20 | 30 |\n\n| 項目 | 香港 | 中國內地 |\n|---|--:|--:|\n| 電力（千瓦時） | 1,000 | 2,000 |\n| 水（立方米） | 10 | 20 |\n`;
  const a = run(text);
  assert.equal(a.model.kpiTables.length, 0);
  const shape = byRule(a, 'kpi/table-shape');
  assert.equal(shape.length, 2);
  assert.ok(shape.every((d) => d.severity === 'information'));
  assert.deepEqual(shape[0].range.start, locate(text, '| 項目 | 單位'));
  assert.match(shape[0].message, /香港 \| 中國內地 \| 合計/);
  assert.match(shape[0].message, /年度/);
  const en = run(text, { locale: 'en' });
  assert.match(byRule(en, 'kpi/table-shape')[0].message, /not read as a KPI table because none of its columns/);
  // The fix the message suggests: the year in the first header cell.
  const fixed = run(text.replace('| 項目 | 單位 |', '| 2021年 | 單位 |'));
  assert.equal(fixed.model.kpiTables.length, 1);
  assert.deepEqual(
    fixed.model.kpiTables[0].periods.map((p) => p.period),
    ['2021#香港', '2021#中國內地', '2021'],
  );
  assert.equal(byRule(fixed, 'kpi/table-shape').length, 1, 'only the second table is still unread');
});

test('kpi/table-shape: the reason kept from reading the KPI tables, cold or from the cache, is the one read afresh', () => {
  const text = `${FRONT}# 環境\n\n## 2021 年能源使用\n\n| 項目 | 單位 | 香港 | 中國內地 | 合計 |\n|---|---|--:|--:|--:|\n| 總耗電量 | 千瓦時 | 1,000 | 2,000 | 3,000 |\n\n| 指標 | 單位 | 2025 |\n|---|---|--:|\n| 總耗水量 | 噸 | 20 |\n\n| 持份者 | 溝通方式 |\n|---|---|\n| 員工 | 內部通訊 |\n`;
  clearParseCaches();
  for (const pass of ['cold', 'warm']) {
    const doc = parse(text);
    assert.equal(doc.kpiTables.length, 1, pass);
    // A copy of the table is not one the reading saw: its reason is read afresh.
    const afresh = doc.tables.map((t) => kpiShapeAndReason(structuredClone(t)).notRead);
    assert.deepEqual(
      afresh.map((r) => r?.reason),
      ['noPeriod', undefined, undefined],
      pass,
    );
    assert.deepEqual(
      doc.tables.map((t) => notReadReason(t)),
      afresh,
      pass,
    );
  }
});

test('kpi/table-shape: years in the row labels are named as the reason (seed 002 safety table)', () => {
  const text = `${FRONT}# 安全\n\n| 指標 | 單位 | 數據 |\n|---|---|--:|\n| 2023 年因工亡故總人數 | 人 | 0 |\n| 2024 年因工亡故總人數 | 人 | 1 ⁽¹⁾ |\n| 2025 年因工傷損失工作日數 ⁽²⁾ | 日 | 331 ⁽³⁾ |\n`;
  const [d] = byRule(run(text, { locale: 'en' }), 'kpi/table-shape');
  assert.match(d.message, /its years are in the row labels/);
  assert.equal(d.data?.reason, 'yearInLabels');
});

test('incremental: edits inside the new shapes derive the same model and diagnostics as a full analysis', () => {
  const base = [
    FRONT,
    '# 環境 {#env hkex="A1"}',
    '',
    '| 溫室氣體排放 | 2020 | 2019 |',
    '|---|--:|--:|',
    '| **中電集團** | | |',
    '| 二氧化碳當量排放量（範疇一）（千公噸） | 45,105 | 50,047 |',
    '| 二氧化碳當量排放量（範疇二）（千公噸） | 244 | 250 |',
    '',
    '| GRI 參考 | 指標 | | 單位 | FY2022/23 | 2021-22 |',
    '|---|---|---|---|--:|--:|',
    '| GRI 302-1 | 能源 | 總耗電量 | 千瓦時 | 1,000 | 900 |',
    '',
    '| 2021重要環境數據 | 單位 | 香港 | 中國內地 | 合計 |',
    '|---|---|--:|--:|--:|',
    '| 範圍一溫室氣體排放 | 噸二氧化碳當量 | 1 | 2 | 3 |',
    '',
    '| 項目 | 香港 | 中國內地 |',
    '|---|--:|--:|',
    '| 電力（千瓦時） | 1,000 | 2,000 |',
    '| 水（立方米） | 10 | 20 |',
    '',
  ].join('\n');
  const tableLines = base
    .split('\n')
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.startsWith('|'));
  const starts: number[] = [];
  let offset = 0;
  for (const l of base.split('\n')) {
    starts.push(offset);
    offset += l.length + 1;
  }
  let previous = analyze({ uri: URI, text: base });
  const text = base;
  let step = 0;
  for (const [line, i] of tableLines) {
    for (const at of [1, 3, Math.floor(line.length / 2), line.length - 3]) {
      for (const edit of ['7', '', '|', '年']) {
        const pos = starts[i] + at;
        const next =
          edit === '' ? text.slice(0, pos) + text.slice(pos + 1) : text.slice(0, pos) + edit + text.slice(pos);
        const derived = analyze({ uri: URI, text: next }, {}, previous);
        clearParseCaches();
        const full = analyze({ uri: URI, text: next });
        assert.deepStrictEqual(derived.model, full.model, `step ${step}: model`);
        assert.deepStrictEqual(derived.diagnostics, full.diagnostics, `step ${step}: diagnostics`);
        // Undo, again as an edit.
        previous = analyze({ uri: URI, text }, {}, derived);
        step++;
      }
    }
  }
  assert.ok(step > 50);
});
