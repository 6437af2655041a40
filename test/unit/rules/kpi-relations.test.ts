// The KPI relation rules: kpi/sum-mismatch, kpi/percentage-range, kpi/rate-mismatch,
// kpi/average-bounds, kpi/value-conflict, kpi/unit-dimension. Tables follow the shapes of the seeds
// (seed 000 Zhipu appendix, seed 002 Kingsoft Cloud), with the published figures unless a test
// plants a mistake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRONT, byRule, locate, run } from '../util';
import { REPO_ROOT as root } from '../../helpers/paths';
import type { Diagnostic } from '../../../server/src/engine';

const MINE = [
  'kpi/sum-mismatch',
  'kpi/percentage-range',
  'kpi/rate-mismatch',
  'kpi/average-bounds',
  'kpi/value-conflict',
  'kpi/unit-dimension',
];
const mine = (ds: Diagnostic[]) => ds.filter((d) => MINE.includes(d.rule));
/** Start of a value cell `| value |` (the first one after `after`). */
const cell = (text: string, value: string, after = '') => {
  const at = locate(text, `| ${value} |`, after);
  return { line: at.line, character: at.character + 2 };
};
const table = (rows: string[], header = '| 績效指標 | | 單位 | 2025 年數值 |\n|---|---|---|--:|') =>
  `${FRONT}# 附錄\n\n${header}\n${rows.join('\n')}\n`;

// Seed 000 appendix: employees by gender, age, rank (as published: every breakdown sums to 937).
const EMPLOYEES = (
  female = '297',
  rank = [
    '| 按職級劃分的員工人數 | 高層管理人員 | 人 | 4 |',
    '| | 中層管理人員 | 人 | 98 |',
    '| | 基層人員 | 人 | 835 |',
  ],
) =>
  table([
    '| 員工總數 | | 人 | 937 |',
    '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |',
    `| | 女性員工 | 人 | ${female} |`,
    '| 按年齡組別劃分的員工人數 | 29 周歲及以下 | 人 | 353 |',
    '| | 30-39 周歲 | 人 | 500 |',
    '| | 40-49 周歲 | 人 | 77 |',
    '| | 50 周歲及以上 | 人 | 7 |',
    ...rank,
  ]);

// ---- kpi/sum-mismatch ----

test('kpi/sum-mismatch: the published employee breakdowns add up (no diagnostic)', () => {
  assert.deepEqual(mine(run(EMPLOYEES()).diagnostics), []);
});

test('kpi/sum-mismatch: a gender breakdown that does not add up is reported at the total, with formula, sum, inputs and a quick fix', () => {
  const text = EMPLOYEES('279');
  const d = byRule(run(text, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.deepEqual(d[0].range, {
    start: locate(text, '937'),
    end: { ...locate(text, '937'), character: locate(text, '937').character + 3 },
  });
  assert.match(d[0].message, /^男性員工 \+ 女性員工 = 員工總數 \(2025\): the inputs give 919, the report says 937 人/);
  assert.deepEqual(
    d[0].related!.map((r) => r.range.start),
    [locate(text, '640'), locate(text, '279')],
  );
  assert.deepEqual(d[0].data, { kind: 'replace-value', computed: 919, decimals: 0, text: '919' });
});

test("kpi/sum-mismatch: rounding-aware, in the total's decimals and thousands style (seed 002 energy, and parts that round up)", () => {
  const energy = (total: string, direct = '220.95', indirect = '107,415.86') =>
    table(
      [
        `| 能源消耗總量 | 兆瓦時 | ${total} |`,
        `| 直接能源消耗總量 | 兆瓦時 | ${direct} |`,
        `| 間接能源消耗總量 | 兆瓦時 | ${indirect} |`,
      ],
      '| 指標 | 單位 | 2025 年 |\n|---|---|---|',
    );
  assert.deepEqual(byRule(run(energy('107,636.81')), 'kpi/sum-mismatch'), []);
  // 1.335 + 1.335 = 2.67 printed as 1.34 + 1.34 against 2.67: correctly rounded, no alarm.
  assert.deepEqual(byRule(run(energy('2.67', '1.34', '1.34')), 'kpi/sum-mismatch'), []);
  const wrong = energy('107,636.18');
  const d = byRule(run(wrong, { locale: 'zh-Hant' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(wrong, '107,636.18'));
  assert.match(
    d[0].message,
    /直接能源消耗總量 \+ 間接能源消耗總量 = 能源消耗總量（2025）：按所列數據計算為 107,636\.81/,
  );
  assert.equal(d[0].data?.text, '107,636.81');
});

test('kpi/sum-mismatch: parts in other units are converted (tce and kWh against MWh)', () => {
  // 1 tce = 8,140.83 kWh; 10 tce + 1,000 kWh = 82.41 MWh
  const text = (total: string) =>
    table(
      [
        `| 能源消耗總量 | 兆瓦時 | ${total} |`,
        '| 直接能源消耗量 | 噸標準煤 | 10 |',
        '| 間接能源消耗量 | 千瓦時 | 1,000 |',
      ],
      '| 指標 | 單位 | 2025 |\n|---|---|---|',
    );
  assert.deepEqual(byRule(run(text('82.41')), 'kpi/sum-mismatch'), []);
  assert.equal(byRule(run(text('92.41')), 'kpi/sum-mismatch').length, 1);
});

test('kpi/sum-mismatch: a partial breakdown (managers only) is information, not a mismatch', () => {
  const text = EMPLOYEES('297', ['| 按職級劃分的員工人數 | 高層管理人員 | 人 | 4 |', '| | 中層管理人員 | 人 | 98 |']);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'information');
  assert.deepEqual(d[0].range.start, cell(text, '4', '高層管理人員'));
  assert.match(
    d[0].message,
    /^Partial breakdown by rank of "員工總數" \(2025\): 2 members given \(高層管理人員 4 人, 中層管理人員 98 人\), summing to 102 of 937 人/,
  );
  assert.deepEqual(d[0].data, { kind: 'partial-breakdown', breakdown: 'rank', members: 2 });
});

test('kpi/sum-mismatch: a partial breakdown whose members alone exceed the total is a mismatch', () => {
  const text = EMPLOYEES('297', ['| 按職級劃分的員工人數 | 高層管理人員 | 人 | 40 |', '| | 中層管理人員 | 人 | 980 |']);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.match(d[0].message, /the inputs give 1020, the report says 937 人.*The parts alone exceed the total\./);
});

test('kpi/sum-mismatch: overlapping region members (中國內地 with 華北地區) are not summed', () => {
  const text = table([
    '| 員工總數 | | 人 | 937 |',
    '| 按地區劃分的員工人數 | 中國內地 | 人 | 900 |',
    '| | 華北地區 | 人 | 783 |',
  ]);
  assert.deepEqual(byRule(run(text), 'kpi/sum-mismatch'), []);
});

test('kpi/sum-mismatch: suppliers by region against the total (seed 000: 1,839 + 59 = 1,898)', () => {
  const rows = (total: string) => [
    '| 供應商總數 | | 家 | ' + total + ' |',
    '| 按地區劃分 | 國內供應商總數（含港、澳、台） | 家 | 1,839 |',
    '| | 海外供應商總數 | 家 | 59 |',
  ];
  assert.deepEqual(byRule(run(table(rows('1,898'))), 'kpi/sum-mismatch'), []);
  const d = byRule(run(table(rows('1,988'))), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].data?.text, '1,898');
});

test('kpi/sum-mismatch: per period; only the period that does not add up is reported', () => {
  const text = `${FRONT}# T\n\n| 指標 | 單位 | 2024 | 2025 |\n|---|---|---|---|\n| 能源消耗總量 | 兆瓦時 | 107,636.81 | 107,066.79 |\n| 直接能源消耗總量 | 兆瓦時 | 220.95 | 351.84 |\n| 間接能源消耗總量 | 兆瓦時 | 107,415.86 | 106,174.95 |\n`;
  const d = byRule(run(text), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '107,066.79'));
  assert.equal(d[0].data?.text, '106,526.79');
});

test('kpi/sum-mismatch: bulleted rows under a total must add up to it', () => {
  const text = (office: string) =>
    table(
      ['| 總耗電量 | 千瓦時 | 1,000 |', '| • 數據中心 | 千瓦時 | 700 |', `| • 辦公室 | 千瓦時 | ${office} |`],
      '| 指標 | 單位 | 2025 |\n|---|---|---|',
    );
  assert.deepEqual(byRule(run(text('300')), 'kpi/sum-mismatch'), []);
  const wrong = text('200');
  const d = byRule(run(wrong, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(wrong, '1,000'));
  assert.match(d[0].message, /^數據中心 \+ 辦公室 = 總耗電量 \(2025\): the inputs give 900/);
  assert.equal(d[0].data?.text, '900');
});

test('kpi/sum-mismatch: rows under 其中 may be some of the parts only: partial when below, mismatch when above', () => {
  const text = (a: string, b: string) =>
    table(
      ['| 總耗電量 | 千瓦時 | 1,000 |', `| 其中：數據中心 | 千瓦時 | ${a} |`, `| 其中：辦公室 | 千瓦時 | ${b} |`],
      '| 指標 | 單位 | 2025 |\n|---|---|---|',
    );
  const below = byRule(run(text('600', '100')), 'kpi/sum-mismatch');
  assert.equal(below.length, 1);
  assert.equal(below[0].severity, 'information');
  const above = byRule(run(text('900', '200')), 'kpi/sum-mismatch');
  assert.equal(above.length, 1);
  assert.equal(above[0].severity, 'warning');
  // One 其中 row below its total says nothing.
  assert.deepEqual(
    byRule(
      run(
        table(
          ['| 總耗電量 | 千瓦時 | 1,000 |', '| 其中：數據中心 | 千瓦時 | 800 |'],
          '| 指標 | 單位 | 2025 |\n|---|---|---|',
        ),
      ),
      'kpi/sum-mismatch',
    ),
    [],
  );
});

test("kpi/sum-mismatch: seed 002's Scope 3 table (其中 then unmarked categories) is left to ghg/sum-mismatch", () => {
  const text = `${FRONT}# G\n\n| 指標 | 單位 | 2025 年數據 |\n|---|---|---|\n| 範圍 3 溫室氣體排放量 | 噸二氧化碳當量 | 581,368.59 |\n| 其中：外購商品及服務 | 噸二氧化碳當量 | 38,192.07 |\n| 資本商品 | 噸二氧化碳當量 | 75,173.86 |\n| 員工通勤 | 噸二氧化碳當量 | 5,429.55 |\n| 員工差旅 | 噸二氧化碳當量 | 2,488.41 |\n| 燃料和能源相關活動 | 噸二氧化碳當量 | 11,869.71 |\n| 上遊資產租賃 | 噸二氧化碳當量 | 448,233.00 |\n`;
  const a = run(text);
  assert.deepEqual(byRule(a, 'kpi/sum-mismatch'), []);
  assert.equal(byRule(a, 'ghg/sum-mismatch').length, 1);
});

// ---- kpi/percentage-range ----

test('kpi/percentage-range: a share over 100% or below 0% is an error at the cell; a turnover rate may exceed 100%', () => {
  const text = table([
    '| 員工受訓百分比 | | % | 105 |',
    '| 女性董事占比 | | % | -2 |',
    '| 員工總體流失比率 | | % | 120 |',
    '| 職業健康體檢覆蓋率 | | % | 100 |',
    '| 有害廢棄物無害化處置率 | | % | 100.00 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/percentage-range');
  assert.deepEqual(
    d.map((x) => [x.range.start, x.severity]),
    [
      [locate(text, '105'), 'error'],
      [locate(text, '-2'), 'error'],
    ],
  );
  assert.equal(d[0].message, '"員工受訓百分比" (2025) is 105%: a share lies between 0% and 100%.');
  assert.equal(d[1].message, '"女性董事占比" (2025) is -2%: a rate cannot be negative.');
  const negativeTurnover = byRule(run(table(['| 員工總體流失比率 | | % | -1.5 |'])), 'kpi/percentage-range');
  assert.equal(negativeTurnover.length, 1);
});

// ---- kpi/rate-mismatch ----

const BOARD = (share: string) =>
  table([
    '| 董事會總人數 | | 人 | 9 |',
    '| 女性董事人數 | | 人 | 2 |',
    `| 女性董事占比 | | % | ${share} |`,
    '| 獨立董事人數 | | 人 | 3 |',
    '| 獨立董事占比 | | % | 33.33 |',
  ]);

test('kpi/rate-mismatch: shares against their counts (seed 000: 2 / 9 = 22.22%, 3 / 9 = 33.33%)', () => {
  assert.deepEqual(byRule(run(BOARD('22.22')), 'kpi/rate-mismatch'), []);
  const text = BOARD('25.00');
  const d = byRule(run(text, { locale: 'en' }), 'kpi/rate-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '25.00'));
  assert.match(
    d[0].message,
    /^女性董事人數 ÷ 董事會總人數 = 女性董事占比 \(2025\): the inputs give 22\.22, the report says 25\.00%/,
  );
  assert.deepEqual(
    d[0].related!.map((r) => r.range.start),
    [cell(text, '2'), cell(text, '9')],
  );
  assert.equal(d[0].data?.text, '22.22');
});

test('kpi/rate-mismatch: supplier shares printed as whole percentages (96.89% -> 97%) are not flagged', () => {
  const text = table([
    '| 供應商總數 | | 家 | 1,898 |',
    '| 按地區劃分 | 國內供應商總數（含港、澳、台） | 家 | 1,839 |',
    '| | 國內供應商比例（含港、澳、台） | % | 97 |',
    '| | 海外供應商總數 | 家 | 59 |',
    '| | 海外供應商比例 | % | 3 |',
  ]);
  assert.deepEqual(mine(run(text).diagnostics), []);
  const wrong = text.replace('| % | 3 |', '| % | 4 |');
  const d = byRule(run(wrong), 'kpi/rate-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].data?.text, '3');
});

const TURNOVER = (rate: string) =>
  table(['| 員工總數 | | 人 | 937 |', '| 員工總體流失人數 | | 人 | 445 |', `| 員工總體流失比率 | | % | ${rate} |`]);

test('kpi/rate-mismatch: seed 000 turnover, 445 leavers and 937 staff at year end cannot give 28.64% over any headcount', () => {
  const text = TURNOVER('28.64');
  const d = byRule(run(text, { locale: 'en' }), 'kpi/rate-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '28.64'));
  assert.equal(
    d[0].message,
    '"員工總體流失比率" (2025) is 28.64%, below the lowest rate any headcount allows: 員工總體流失人數 ÷ (員工總數 + 員工總體流失人數) gives 32.20% (員工總體流失人數 445 人; 員工總數 937 人). Whatever the denominator (year-end, average, everyone employed during the year), it cannot exceed the year-end staff plus the leavers. Over the year-end headcount the rate is 47.49%.',
  );
  assert.deepEqual(
    d[0].related!.map((r) => r.range.start),
    [locate(text, '445'), locate(text, '937')],
  );
  // A floor, not a value: no replace-value quick fix.
  assert.equal(d[0].data?.kind, 'rate-floor');
});

test('kpi/rate-mismatch: a turnover rate over year-end headcount, over headcount plus leavers, or over an average headcount is accepted', () => {
  for (const rate of ['47.49', '32.20', '40.68', '60'])
    assert.deepEqual(byRule(run(TURNOVER(rate)), 'kpi/rate-mismatch'), [], rate);
});

test('kpi/rate-mismatch: the year-end headcount may come from the front matter', () => {
  const fm = FRONT.replace('  period: 2025\n', '  period: 2025\n  denominators:\n    employees: 937 人\n');
  const text = `${fm}# T\n\n| 績效指標 | 單位 | 2025 年數值 |\n|---|---|--:|\n| 員工總體流失人數 | 人 | 445 |\n| 員工總體流失比率 | % | 28.64 |\n`;
  const d = byRule(run(text, { locale: 'en' }), 'kpi/rate-mismatch');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /denominators\.employees 937 人/);
});

test('kpi/rate-mismatch: a fatality rate is 0 exactly when there were no fatalities', () => {
  const text = (count: string, rate: string) =>
    table([
      '| 員工總數 | | 人 | 937 |',
      `| 因工作關係而死亡的員工人數 | | 人 | ${count} |`,
      `| 因工作關係而死亡的員工比率 | | % | ${rate} |`,
    ]);
  assert.deepEqual(byRule(run(text('0', '0')), 'kpi/rate-mismatch'), []);
  assert.deepEqual(byRule(run(text('1', '0.11')), 'kpi/rate-mismatch'), []);
  const d = byRule(run(text('0', '0.1')), 'kpi/rate-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].data?.text, '0.0');
  assert.equal(byRule(run(text('1', '0')), 'kpi/rate-mismatch').length, 1);
});

// ---- kpi/average-bounds ----

const TRAINING = (overall: string, male = '12.56', female = '7.44') =>
  table([
    '| 員工總數 | | 人 | 937 |',
    '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |',
    '| | 女性員工 | 人 | 297 |',
    `| 員工人均受訓時數 | | 小時 | ${overall} |`,
    `| 按性別劃分 | 男性員工人均受訓時數 | 小時 | ${male} |`,
    `| | 女性員工人均受訓時數 | 小時 | ${female} |`,
  ]);

test('kpi/average-bounds: the headcount-weighted mean of the groups (640 × 12.56 + 297 × 7.44) / 937 = 10.94', () => {
  assert.deepEqual(mine(run(TRAINING('10.94')).diagnostics), []);
  const text = TRAINING('10.31');
  const d = byRule(run(text, { locale: 'en' }), 'kpi/average-bounds');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '10.31'));
  assert.match(
    d[0].message,
    /^\(男性員工人均受訓時數 × 男性員工 \+ 女性員工人均受訓時數 × 女性員工\) ÷ \(男性員工 \+ 女性員工\) = 員工人均受訓時數 \(2025\): the inputs give 10\.94, the report says 10\.31 小時/,
  );
  assert.match(d[0].message, /The mean of the breakdown by gender weighted by headcount is 10\.94 小時\.$/);
  assert.equal(d[0].related!.length, 4);
  assert.equal(d[0].data?.text, '10.94');
});

test("kpi/average-bounds: an overall figure outside its groups' range is reported once (not also as a weighted mean)", () => {
  const text = TRAINING('90', '80', '80');
  const d = byRule(run(text, { locale: 'en' }), 'kpi/average-bounds');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '90'));
  assert.match(
    d[0].message,
    /^"員工人均受訓時數" \(2025\) is 90 小時, outside the range of its breakdown by gender \(80 to 80 小時\)/,
  );
  assert.equal(d[0].data?.kind, 'average-bounds');
});

test('kpi/average-bounds: turnover rates are checked against their bounds only (their group denominators are not in the report)', () => {
  // Seed 000: 28.64% overall, by age 20.40-49.35%; weighted by year-end headcount the age rates give 30.42%.
  const rows = [
    '| 員工總數 | | 人 | 937 |',
    '| 按年齡組別劃分的員工人數 | 29 周歲及以下 | 人 | 353 |',
    '| | 30-39 周歲 | 人 | 500 |',
    '| | 40-49 周歲 | 人 | 77 |',
    '| | 50 周歲及以上 | 人 | 7 |',
    '| 員工總體流失比率 | | % | OVERALL |',
    '| 按年齡組別劃分的員工流失比率 | 29 周歲及以下員工流失比率 | % | 20.40 |',
    '| | 30-39 周歲員工流失比率 | % | 34.40 |',
    '| | 40-49 周歲員工流失比率 | % | 49.35 |',
    '| | 50 周歲及以上員工流失比率 | % | 42.86 |',
  ];
  assert.deepEqual(byRule(run(table(rows).replace('OVERALL', '28.64')), 'kpi/average-bounds'), []);
  const text = table(rows).replace('OVERALL', '18.64');
  const d = byRule(run(text), 'kpi/average-bounds');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '18.64'));
});

test('kpi/average-bounds: a partial breakdown bounds nothing', () => {
  const text = table([
    '| 員工人均受訓時數 | | 小時 | 20 |',
    '| 按職級劃分 | 高級管理層人均受訓時數 | 小時 | 40 |',
    '| | 中級管理層人均受訓時數 | 小時 | 30 |',
  ]);
  assert.deepEqual(byRule(run(text), 'kpi/average-bounds'), []);
});

// ---- kpi/value-conflict ----

test('kpi/value-conflict: two prose statements that disagree (no table), with related information at the first', () => {
  const body = (n: string) =>
    `${FRONT}# 員工\n\n本年員工總數為 [937 人]{kpi=employees.total}。\n\n截至年末，公司共有員工 [${n} 人]{kpi=employees.total}。\n`;
  assert.deepEqual(byRule(run(body('937')), 'kpi/value-conflict'), []);
  const text = body('973');
  const d = byRule(run(text, { locale: 'en' }), 'kpi/value-conflict');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, {
    start: locate(text, '973'),
    end: { ...locate(text, '973'), character: locate(text, '973').character + 3 },
  });
  assert.equal(
    d[0].message,
    `"Total number of employees" (2025) is 973 人 here but 937 人 at line ${locate(text, '937').line + 1} ("937 人").`,
  );
  assert.deepEqual(
    d[0].related!.map((r) => r.range.start),
    [locate(text, '937')],
  );
});

test('kpi/value-conflict: a prose figure that differs from the table is left to kpi/prose-mismatch (one report)', () => {
  const text = `${FRONT}# 員工\n\n截至年末，公司員工總數為 [973 人]{kpi=employees.total}。\n\n| 績效指標 | 單位 | 2025 年數值 |\n|---|---|--:|\n| 員工總數 | 人 | 937 |\n`;
  const a = run(text);
  assert.deepEqual(byRule(a, 'kpi/value-conflict'), []);
  assert.equal(byRule(a, 'kpi/prose-mismatch').length, 1);
});

test('kpi/value-conflict: prose in units of another kind; conversions and water in 噸 or m³ are no conflict', () => {
  const text = (prose: string) =>
    `${FRONT}# 環境\n\n全年耗水 [${prose}]{kpi=water.total}。\n\n| 績效指標 | 單位 | 2025 年數值 |\n|---|---|--:|\n| 總耗水量 | 噸 | 20,035.5 |\n`;
  for (const ok of ['2.0 萬噸', '20,035.5 噸', '20,036 立方米', '2.00 萬立方米', '2.1 萬噸'])
    assert.deepEqual(byRule(run(text(ok)), 'kpi/value-conflict'), [], ok);
  // A different value in the prose is kpi/prose-mismatch's, except in m³ against 噸, which only this rule compares.
  assert.equal(byRule(run(text('30,000 立方米')), 'kpi/value-conflict').length, 1);
  const units = byRule(run(text('20,035.5 千瓦時'), { locale: 'en' }), 'kpi/value-conflict');
  assert.equal(units.length, 1);
  assert.match(units[0].message, /is given in 千瓦時 here but in 噸 at line \d+/);
});

test('kpi/value-conflict: two tables stating the same KPI differently, after unit conversion and within rounding', () => {
  const text = `${FRONT}# A\n\n| 績效指標 | 單位 | 2025 年數值 |\n|---|---|--:|\n| 總耗電量 | 千瓦時 | 1,124,032 |\n\n# B\n\n| 績效指標 | 單位 | 2025 年數值 |\n|---|---|--:|\n| 總耗電量 | 兆瓦時 | 1,142.03 |\n`;
  const d = byRule(run(text), 'kpi/value-conflict');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '1,142.03'));
  assert.equal(byRule(run(text.replace('1,142.03', '1,124.03')), 'kpi/value-conflict').length, 0);
});

// ---- kpi/unit-dimension ----

test('kpi/unit-dimension: a GHG figure in kWh, an intensity without a denominator; water in 噸 is fine', () => {
  const text = table(
    [
      '| 範圍一溫室氣體排放量 | 千瓦時 | 12.5 |',
      '| 單位營收耗水量 | 噸 | 23.41 |',
      '| 總耗水量 | 噸 | 20,035.5 |',
      '| 總耗電密度 | 千瓦時 / 萬元 | 15.5181 |',
      '| 員工人均受訓時數 | 小時 | 80 |',
    ],
    '| 指標 | 單位 | 2025 |\n|---|---|---|',
  );
  const d = byRule(run(text, { locale: 'en' }), 'kpi/unit-dimension');
  assert.deepEqual(
    d.map((x) => x.range.start),
    [locate(text, '千瓦時'), locate(text, '噸', '單位營收耗水量')],
  );
  assert.equal(
    d[0].message,
    'The unit `千瓦時` of "範圍一溫室氣體排放量" measures energy, but Scope 1 GHG emissions (`ghg.scope1`) is emissions (CO2e), e.g. `tCO2e`.',
  );
  assert.match(
    d[1].message,
    /^The unit `噸` of "單位營收耗水量" is not a unit of .* \(`water.intensity`\): an intensity is a volume per revenue, written numerator \/ denominator, e\.g\. `m³\/RMB million`\.$/,
  );
  assert.deepEqual(d[0].data, { kind: 'unit-dimension', kpi: 'ghg.scope1', unit: '千瓦時', expected: 'tCO2e' });
});

test("kpi/unit-dimension: a prose span whose unit does not fit its KPI is reported at the span's unit", () => {
  const text = `${FRONT}# 氣候\n\n範圍二排放量為 [596.41 千瓦時]{kpi=ghg.scope2}。\n`;
  const d = byRule(run(text), 'kpi/unit-dimension');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, {
    start: locate(text, '千瓦時'),
    end: { ...locate(text, '千瓦時'), character: locate(text, '千瓦時').character + 3 },
  });
});

// ---- the examples and the seeds ----

test('the Zhipu example: the one real finding is the turnover rate (28.64% below 445 / (937 + 445) = 32.20%)', () => {
  const text = readFileSync(join(root, 'examples', 'zhipu-2025.esg.md'), 'utf8');
  const d = mine(run(text).diagnostics);
  assert.deepEqual(
    d.map((x) => `${x.range.start.line + 1} ${x.rule} ${x.severity}`),
    [`${locate(text, '| 28.64 |').line + 1} kpi/rate-mismatch warning`],
  );
  assert.match(d[0].message, /32\.20%/);
  assert.match(d[0].message, /47\.49%/);
});

test("the converted seeds: seed 000's region breakdown cut by a page break is partial; nothing else", () => {
  const text = readFileSync(join(root, 'test', 'fixtures', 'seeds', '000.esg.md'), 'utf8');
  const d = mine(run(text, { locale: 'en' }).diagnostics);
  assert.deepEqual(
    d.map((x) => `${x.rule} ${x.severity}`),
    ['kpi/sum-mismatch information'],
  );
  assert.match(
    d[0].message,
    /^Partial breakdown by region of "員工總數" \(2025\): 3 members given .* summing to 892 of 937 人/,
  );
  for (const seed of ['002', '004']) {
    const other = readFileSync(join(root, 'test', 'fixtures', 'seeds', `${seed}.esg.md`), 'utf8');
    assert.deepEqual(mine(run(other).diagnostics), [], seed);
  }
});

test('kpi/sum-mismatch: electricity converted to standard coal with GB/T 2589 0.1229 kgce/kWh or physically, both accepted', async () => {
  const { FRONT, byRule, run } = await import('../util');
  const table = (total: string) =>
    `${FRONT}# 能源\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 綜合能源消耗量 | 噸標準煤 | ${total} |\n| 直接能源消耗量 | 噸標準煤 | 12.50 |\n| 間接能源消耗量 | 千瓦時 | 1,124,032 |\n`;
  // 1,124,032 kWh x 0.1229 kgce/kWh = 138.14 tce (+ 12.50 = 150.64); physically 138.08 (150.58).
  assert.deepEqual(byRule(run(table('150.64')), 'kpi/sum-mismatch'), []);
  assert.deepEqual(byRule(run(table('150.58')), 'kpi/sum-mismatch'), []);
  assert.equal(byRule(run(table('151.50')), 'kpi/sum-mismatch').length, 1);
});

// ---- figures as HK reports print them: bounds, approximate figures, scientific notation ----

const GENDER = (total: string, female: string) =>
  table([
    `| 員工總數 | | 人 | ${total} |`,
    '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |',
    `| | 女性員工 | 人 | ${female} |`,
  ]);

test('kpi/sum-mismatch: a bound is the interval it states (<300 is [0, 300]); a bound that cannot hold is reported', () => {
  assert.deepEqual(byRule(run(GENDER('937', '<300')), 'kpi/sum-mismatch'), []);
  assert.equal(byRule(run(GENDER('937', '<290')), 'kpi/sum-mismatch').length, 1);
  assert.deepEqual(byRule(run(GENDER('<1,000', '297')), 'kpi/sum-mismatch'), []);
  assert.equal(byRule(run(GENDER('<900', '297')), 'kpi/sum-mismatch').length, 1);
});

test('kpi/sum-mismatch: an approximate total is compared loosely (約940 holds 937; approximately 1,100 does not)', () => {
  assert.deepEqual(byRule(run(GENDER('約940', '297')), 'kpi/sum-mismatch'), []);
  assert.deepEqual(byRule(run(GENDER('approximately 940', '297')), 'kpi/sum-mismatch'), []);
  assert.equal(byRule(run(GENDER('approximately 1,100', '297')), 'kpi/sum-mismatch').length, 1);
});

test('kpi/sum-mismatch: scientific notation is a number, rounded in its mantissa (9.37 x 10² is 937)', () => {
  const text = GENDER('9.37 x 10²', '297');
  assert.deepEqual(byRule(run(text), 'kpi/bad-number'), []);
  assert.deepEqual(byRule(run(text), 'kpi/sum-mismatch'), []);
  assert.equal(byRule(run(GENDER('9.47 x 10²', '297')), 'kpi/sum-mismatch').length, 1);
});

// ---- kpi/unit-dimension: units as HK reports print them ----

const EN = (rows: string[]) => table(rows, '| Indicator | | Unit | 2023 |\n|---|---|---|--:|');

test('kpi/unit-dimension: intensities per employee, per floor area, per bus; GHG rows in plain tonnes (a hint, not a warning)', () => {
  const text = EN([
    '| Non-hazardous waste intensity | | t/employee | 0.12 |',
    '| GHG emissions (Scope 1 and 2) per floor area | | tonnes/m² | 0.24 |',
    '| Water Consumption Intensity | | m3 per bus | 12.5 |',
    '| Direct GHG emissions (Scope 1) | | tonnes | 288 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/unit-dimension');
  assert.ok(
    d.every((x) => x.severity === 'hint'),
    JSON.stringify(d.map((x) => [x.severity, x.message])),
  );
  // The floor-area intensity in tonnes/m² gets the same hint; this one is the Scope 1 row's.
  const hint = d.find((x) => x.data?.kind === 'unit-mass-as-co2e' && x.message.includes('Direct GHG emissions'));
  assert.ok(hint, 'the GHG row in tonnes gets a hint');
  assert.match(hint!.message, /read as tonnes of CO2e/);
});

test('kpi/unit-dimension: a water row in kWh and a GHG row in kWh are still warnings', () => {
  const text = EN(['| Total water consumption | | kWh | 1,000 |', '| Direct GHG emissions (Scope 1) | | kWh | 288 |']);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/unit-dimension');
  assert.equal(d.length, 2);
  assert.ok(d.every((x) => x.severity === 'warning'));
});

test('kpi/unit-dimension: a unit that says the label guess is wrong (an intensity unit on the absolute figure) is information; with {#id} it is a warning', () => {
  // Under a group that names a density the recognition layer leaves the row unrecognised; under a
  // neutral group the label alone says NOx emissions, and the unit says otherwise.
  const guessed = EN(['| Pollutants | NOx emissions | Grams/100 million yuan | 140.04 |']);
  const d = byRule(run(guessed, { locale: 'en' }), 'kpi/unit-dimension');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'information');
  assert.match(d[0].message, /from its label only/);
  // Liquid hazardous waste in litres: a correct figure that the mass KPI cannot hold.
  const liquid = byRule(run(EN(['| Hazardous waste | | litres | 1,200 |']), { locale: 'en' }), 'kpi/unit-dimension');
  assert.deepEqual(
    liquid.map((x) => x.severity),
    ['information'],
  );
  const declared = EN(['| [NOx emissions]{#air.nox} | | Grams/100 million yuan | 140.04 |']);
  const e = byRule(run(declared, { locale: 'en' }), 'kpi/unit-dimension');
  assert.equal(e.length, 1);
  assert.equal(e[0].severity, 'warning');
});

test('kpi/value-conflict: two intensities of one KPI per different activities are not compared', () => {
  const text = EN([
    '| GHG intensity | | tCO2e/GJ of energy consumed | 0.2 |',
    '| GHG intensity | | kgCO2e/GJ of energy sold | 0.2 |',
  ]);
  assert.deepEqual(byRule(run(text, { locale: 'en' }), 'kpi/value-conflict'), []);
  assert.deepEqual(byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch'), []);
});

// The body and the appendix as two tables (chinagas 2023: p.81 and p.170).
const TWO_TABLES = (body: string, appendix: string) =>
  `${FRONT}# Body\n\n| Indicator | Unit | 2022 | 2023 |\n|---|---|--:|--:|\n${body}\n\n# Appendix\n\n| Indicator | Unit | 2022 | 2023 |\n|---|---|--:|--:|\n${appendix}\n`;

test('kpi/value-conflict: one intensity printed in two tables with the same numbers in two units the KPI accepts is one figure with a wrong unit', () => {
  const text = TWO_TABLES(
    '| GHG intensity | tCO2e/GJ of energy consumed | 0.2 | 0.21 |',
    '| GHG intensity | kgCO2e/GJ of energy sold | 0.2 | 0.21 |',
  );
  for (const locale of ['en', 'zh-Hant', 'zh-Hans'] as const) {
    const d = byRule(run(text, { locale }), 'kpi/value-conflict');
    assert.equal(d.length, 2, `${locale}: ${JSON.stringify(d.map((x) => x.message))}`);
    // Reported at the second statement, against the first; the message names both figures with their units.
    assert.equal(d[1].range.start.line, locate(text, '| 0.21 |', 'kgCO2e').line);
    assert.ok(
      d[1].message.includes('0.21 kgCO2e/GJ of energy sold') &&
        d[1].message.includes('0.21 tCO2e/GJ of energy consumed'),
      d[1].message,
    );
  }
  assert.match(
    byRule(run(text, { locale: 'en' }), 'kpi/value-conflict')[0].message,
    /one figure cannot be in both units/,
  );
});

test('kpi/value-conflict: two tables with different numbers per two activities are two intensities, not one figure', () => {
  // One period differs: the rows can be two real intensities (per energy consumed, per energy sold).
  const differ = TWO_TABLES(
    '| GHG intensity | tCO2e/GJ of energy consumed | 0.2 | 0.21 |',
    '| GHG intensity | kgCO2e/GJ of energy sold | 0.2 | 0.19 |',
  );
  assert.deepEqual(byRule(run(differ, { locale: 'en' }), 'kpi/value-conflict'), []);
  // Only nil figures agree: nothing says they are one figure.
  const nil = TWO_TABLES(
    '| GHG intensity | tCO2e/GJ of energy consumed | 0 | 0 |',
    '| GHG intensity | kgCO2e/GJ of energy sold | 0 | 0 |',
  );
  assert.deepEqual(byRule(run(nil, { locale: 'en' }), 'kpi/value-conflict'), []);
  // Two short figures that print alike (one digit each year) can be two intensities by chance.
  const short = TWO_TABLES(
    '| GHG intensity | tCO2e/GJ of energy consumed | 0.2 | |',
    '| GHG intensity | kgCO2e/GJ of energy sold | 0.2 | 0.19 |',
  );
  assert.deepEqual(byRule(run(short, { locale: 'en' }), 'kpi/value-conflict'), []);
  // The same with more digits is one figure.
  const long = TWO_TABLES(
    '| GHG intensity | tCO2e/GJ of energy consumed | 0.213 | |',
    '| GHG intensity | kgCO2e/GJ of energy sold | 0.213 | 0.19 |',
  );
  assert.equal(byRule(run(long, { locale: 'en' }), 'kpi/value-conflict').length, 1);
});

test('kpi/value-conflict: a row whose unit does not fit the KPI guessed from its label is left to kpi/unit-dimension', () => {
  const text = EN([
    '| Pollutant emissions | NOx emissions | Grams | 591.228 |',
    '| Pollutants | NOx emissions | Grams/100 million yuan | 140.04 |',
  ]);
  const r = run(text, { locale: 'en' });
  assert.deepEqual(byRule(r, 'kpi/value-conflict'), []);
  assert.deepEqual(
    byRule(r, 'kpi/unit-dimension').map((x) => x.severity),
    ['information'],
  );
  // Two rows of one KPI in fitting units still conflict.
  const conflict = EN(['| Total water consumption | | m³ | 1,000 |', '| Total water consumption | | m³ | 1,200 |']);
  assert.equal(byRule(run(conflict, { locale: 'en' }), 'kpi/value-conflict').length, 1);
});
