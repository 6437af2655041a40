// docs/seed-findings.md as tests. The KPI tables of seeds 000 (Zhipu) and 002 (Kingsoft Cloud),
// converted by hand into test/fixtures/seed-tables/, must get exactly the numbers diagnostics the
// document lists as real findings, and every figure it lists as correct must take part in a passing
// check (so it is checked, and found right). Figures are found in the parsed fixture by label and
// printed value, never by line number. Checks that pass without leaving a record (inferred revenue,
// a factor quoted in the text, a figure stated twice) are shown to be live by planting the mistake
// they exist for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis, type Diagnostic, type Range } from '../../server/src/engine';
import { allChecks, facts } from '../../server/src/engine/derived';
import type { Check } from '../../server/src/engine/numbers/checks';
import { type Fact } from '../../server/src/engine/numbers/facts';
import { readFixture } from '../helpers/paths';

const NUMBERS_RULE = /^(ghg|kpi)\//;

interface Fixture {
  text: string;
  analysis: Analysis;
  checks: Check[];
}

const cache = new Map<string, Fixture>();
function fixture(name: string, edit?: (text: string) => string): Fixture {
  const key = edit ? '' : name;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const original = readFixture('seed-tables', name);
  const text = edit ? edit(original) : original;
  if (edit) assert.notEqual(text, original, `the edit of ${name} changed nothing`);
  const analysis = analyze({ uri: `file:///seed-tables/${name}`, text }, { locale: 'en' });
  const result = { text, analysis, checks: allChecks(analysis.model, analysis.locale) };
  if (key) cache.set(key, result);
  return result;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

function textAt(text: string, r: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  return r.start.line === r.end.line ? lines[r.start.line].slice(r.start.character, r.end.character) : '';
}

/** `rule label = value`: the row label of the figure a diagnostic sits on, or for a figure in the
 *  prose the eight characters before its span. */
function describe(f: Fixture, d: Diagnostic): string {
  const value = textAt(f.text, d.range);
  const fact = facts(f.analysis.model).all.find((x) => sameRange(x.range, d.range));
  if (fact) return `${d.rule} ${fact.label} = ${value}`;
  const line = f.text.split(/\r\n|\r|\n/)[d.range.start.line];
  const before = line.slice(0, d.range.start.character).replace(/\[$/, '').trimEnd();
  return `${d.rule} …${before.slice(-8)} = ${value}`;
}

function numbersDiagnostics(f: Fixture): Diagnostic[] {
  return f.analysis.diagnostics.filter((d) => NUMBERS_RULE.test(d.rule));
}

/** The real findings of docs/seed-findings.md, per fixture. */
const FINDINGS: Record<string, string[]> = {
  '000-environment.esg.md': [],
  '000-social.esg.md': ['kpi/rate-mismatch 員工總體流失比率 = 28.64'],
  '002-ghg.esg.md': [],
  '002-environment.esg.md': [],
  // The safety table has its years in the row labels: not read, and kpi/table-shape (information) says so.
  '002-social.esg.md': ['kpi/prose-mismatch …公司女性員工佔比 = 31', 'kpi/table-shape … = | 指標 | 單位 | 數據 |'],
};

for (const [name, expected] of Object.entries(FINDINGS)) {
  test(`seed findings: ${name} gets exactly the documented numbers diagnostics`, () => {
    const f = fixture(name);
    assert.deepEqual(
      numbersDiagnostics(f)
        .map((d) => describe(f, d))
        .sort(),
      [...expected].sort(),
    );
  });
}

/** A correct figure: a table figure by its row label (and group when the label repeats), printed value
 *  and period; or a figure in the prose by the text of its span. */
type Figure = { label: string; value: string; period?: string; group?: string } | { span: string };

const CORRECT: Record<string, Figure[]> = {
  '000-environment.esg.md': [
    // 1,124,032 kWh × 0.5306 kgCO2/kWh = 596.41 tCO2
    { label: '間接溫室氣體排放量（範圍二）', value: '596.41' },
    { label: '間接能源消耗量 - 總耗電量', value: '1,124,032' },
  ],
  '000-social.esg.md': [
    { label: '員工總數', value: '937' },
    ...[
      ['男性員工', '640'],
      ['女性員工', '297'],
    ].map(([label, value]) => ({ label, value })),
    ...[
      ['29 周歲及以下', '353'],
      ['30-39 周歲', '500'],
      ['40-49 周歲', '77'],
      ['50 周歲及以上', '7'],
    ].map(([label, value]) => ({ label, value })),
    ...[
      ['高層管理人員', '4'],
      ['中層管理人員', '98'],
      ['基層人員', '835'],
    ].map(([label, value]) => ({ label, value })),
    ...[
      ['專科及以下', '47'],
      ['本科', '425'],
      ['碩士及以上', '465'],
    ].map(([label, value]) => ({ label, value })),
    ...[
      ['華北地區', '783'],
      ['東北地區', '0'],
      ['華東地區', '109'],
      ['華中地區', '0'],
      ['華南地區', '38'],
      ['西南地區', '6'],
      ['西北地區', '0'],
      ['境外（含港澳台地區）', '1'],
    ].map(([label, value]) => ({ label, value })),
    // The overall turnover rate lies within each breakdown (the rate itself is a finding, see above).
    ...[
      ['男性員工流失比率', '28.70'],
      ['女性員工流失比率', '28.52'],
      ['29 周歲及以下員工流失比率', '20.40'],
      ['40-49 周歲員工流失比率', '49.35'],
      ['專科及以下流失比率', '12.77'],
      ['本科流失比率', '40.24'],
    ].map(([label, value]) => ({ label, value })),
    { label: '員工受訓百分比', value: '100' },
    { label: '員工人均受訓時數', value: '80' },
    { label: '因工作關係而死亡的員工比率', value: '0' },
    { label: '供應商總數', value: '1,898' },
    { label: '國內供應商總數 (含港、澳、台)', value: '1,839' },
    { label: '海外供應商總數', value: '59' },
    { label: '國內供應商比例 (含港、澳、台)', value: '97' },
    { label: '海外供應商比例', value: '3' },
    { label: '女性董事占比', value: '22.22' },
    { label: '獨立董事占比', value: '33.33' },
  ],
  '002-ghg.esg.md': [
    { label: '溫室氣體排放總量 （範圍 1、2）', value: '57,695.89', period: '2024' },
    { label: '溫室氣體排放總量 （範圍 1、2）', value: '56,711.51', period: '2025' },
    { label: '範圍 1 溫室氣體排放量', value: '57.15' },
    { label: '範圍 2 溫室氣體排放量', value: '57,638.74' },
    { label: '範圍 1 溫室氣體排放量', value: '89.17' },
    { label: '範圍 2 溫室氣體排放量', value: '56,622.34' },
    { label: '範圍 3 溫室氣體排放量', value: '187,220.37', period: '2024' },
    // Parts sum to 581,386.60: one cent off, within rounding.
    { label: '範圍 3 溫室氣體排放量', value: '581,386.59', period: '2025' },
    { label: '其中：外購商品及服務', value: '38,192.07' },
    { label: '資本商品', value: '75,173.86' },
    { label: '員工通勤', value: '5,429.55' },
    { label: '員工差旅', value: '2,488.41' },
    { label: '燃料和能源相關活動', value: '11,869.71' },
    { label: '上遊資產租賃', value: '448,233.00' },
    { label: '上遊資產租賃', value: '73,870.46' },
    // 下降 1.71%: 1 − 56,711.51 / 57,695.89 = 1.706%; 下降 19.94%: 1 − 5.93 / 7.41 ∈ [19.85%, 20.09%]
    { span: '[1.71%]' },
    { span: '[19.94%]' },
    { label: '單位營收溫室氣排放量（範圍 1、2）', value: '7.41' },
    { label: '單位營收溫室氣排放量（範圍 1、2）', value: '5.93' },
  ],
  '002-environment.esg.md': [
    { label: '能源消耗總量', value: '107,636.81' },
    { label: '直接能源消耗總量', value: '220.95' },
    { label: '間接能源消耗總量', value: '107,415.86' },
    { label: '能源消耗總量', value: '107,066.79' },
    { label: '直接能源消耗總量', value: '351.84' },
    { label: '間接能源消耗總量', value: '106,714.95' },
  ],
  '002-social.esg.md': [
    ...[
      ['男性', '28.93'],
      ['女性', '16.11'],
      ['30 歲以下', '33.00'],
      ['50 歲以上', '5.26'],
      ['中國大陸地區', '24.41'],
      ['境外地區', '18.75'],
    ].map(([label, value]) => ({ label, value })),
    ...[
      ['男性', '12.56'],
      ['女性', '7.44'],
      ['管理層', '12.46'],
      ['非管理層', '10.23'],
    ].map(([label, value]) => ({ label, value })),
  ],
};

/** The range of the number inside a prose span such as `[1.71%]{check=...}`. */
function spanNumberRange(text: string, span: string): Range {
  const offset = text.indexOf(span);
  assert.ok(offset >= 0, `span ${span} not in the fixture`);
  assert.equal(text.indexOf(span, offset + 1), -1, `span ${span} occurs twice`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const line = before.length - 1;
  const start = before[line].length + 1;
  const number = /^\[([0-9.,]+)/.exec(span)![1];
  return { start: { line, character: start }, end: { line, character: start + number.length } };
}

function figureRange(f: Fixture, figure: Figure): Range {
  if ('span' in figure) return spanNumberRange(f.text, figure.span);
  const found: Fact[] = facts(f.analysis.model).all.filter(
    (x) =>
      x.source === 'table' &&
      x.label === figure.label &&
      x.raw === figure.value &&
      (!figure.period || x.period === figure.period) &&
      (!figure.group || x.row?.group === figure.group),
  );
  assert.ok(found.length > 0, `no figure ${figure.label} = ${figure.value} in the fixture`);
  // A figure stated twice (body and appendix) is checked where the relations read it: the first.
  return found[0].range;
}

for (const [name, figures] of Object.entries(CORRECT)) {
  test(`seed findings: ${name}: every documented correct figure takes part in a passing check and is not flagged`, () => {
    const f = fixture(name);
    const flagged = numbersDiagnostics(f);
    for (const figure of figures) {
      const range = figureRange(f, figure);
      const what = 'span' in figure ? figure.span : `${figure.label} = ${figure.value}`;
      assert.equal(
        textAt(f.text, range),
        'span' in figure ? /^\[([0-9.,]+)/.exec(figure.span)![1] : figure.value,
        what,
      );
      const passing = f.checks.filter(
        (c) =>
          c.ok && (sameRange(c.target.range, range) || c.inputs.some((i) => i.fact && sameRange(i.fact.range, range))),
      );
      assert.ok(passing.length > 0, `${what}: no passing check includes it`);
      assert.ok(!flagged.some((d) => sameRange(d.range, range)), `${what} is flagged`);
    }
  });
}

// ---- the arithmetic of the findings, from the fixtures' own figures ----

function tableValue(f: Fixture, label: string, period = '2025', group?: string): number {
  const fact = facts(f.analysis.model).all.find(
    (x) => x.source === 'table' && x.label === label && x.period === period && (!group || x.row?.group === group),
  );
  assert.ok(fact, `no figure ${label} (${period})`);
  return fact.value;
}

test('seed findings: seed 000 turnover rate 28.64% is below leavers / (year-end headcount + leavers)', () => {
  const f = fixture('000-social.esg.md');
  const leavers = tableValue(f, '員工總體流失人數');
  const headcount = tableValue(f, '員工總數');
  const rate = tableValue(f, '員工總體流失比率');
  const floor = (100 * leavers) / (headcount + leavers);
  assert.ok(rate + 0.005 < floor, `${rate} should be below ${floor}`);
  const [d] = numbersDiagnostics(f);
  assert.ok(d.message.includes(`${floor.toFixed(2)}%`), d.message);
  assert.ok(d.message.includes(`${((100 * leavers) / headcount).toFixed(2)}%`), d.message);
});

test('seed findings: seed 000 breakdown turnover rates are whole numbers of leavers over year-end headcounts, 285 in each breakdown, not 445', () => {
  const f = fixture('000-social.esg.md');
  const breakdowns: [string, string, string[]][] = [
    [
      '按年齡組別劃分的員工人數',
      '按年齡組別劃分的員工流失比率',
      ['29 周歲及以下', '30-39 周歲', '40-49 周歲', '50 周歲及以上'],
    ],
    ['按學歷劃分的員工人數', '按學歷劃分的員工流失比率', ['專科及以下', '本科', '碩士及以上']],
    [
      '按地區劃分的員工人數',
      '按地區劃分的員工流失比率',
      ['華北地區', '東北地區', '華東地區', '華中地區', '華南地區', '西南地區', '西北地區', '境外（含港澳台地區）'],
    ],
  ];
  const rateLabel = (group: string, label: string) =>
    group.includes('學歷') || group.includes('地區') ? `${label}流失比率` : `${label}員工流失比率`;
  for (const [countGroup, rateGroup, labels] of breakdowns) {
    let total = 0;
    for (const label of labels) {
      const people = tableValue(f, label, '2025', countGroup);
      const rate = tableValue(f, rateLabel(rateGroup, label), '2025', rateGroup);
      const leavers = (rate / 100) * people;
      // Two-decimal rates: the product is within 0.05 of a whole number of people.
      assert.ok(Math.abs(leavers - Math.round(leavers)) < 0.05, `${label}: ${rate}% × ${people} = ${leavers}`);
      total += Math.round(leavers);
    }
    assert.equal(total, 285, rateGroup);
  }
  assert.equal(tableValue(f, '員工總體流失人數'), 445);
});

test('seed findings: seed 002 female share 31% in the prose against 6,255 of 15,766 in the table', () => {
  const f = fixture('002-social.esg.md');
  const male = tableValue(f, '男性', '2025', '按性別劃分僱員人數');
  const female = tableValue(f, '女性', '2025', '按性別劃分僱員人數');
  const share = (100 * female) / (male + female);
  assert.equal(share.toFixed(2), '39.67');
  const failing = f.checks.filter((c) => !c.ok);
  assert.equal(failing.length, 1);
  assert.ok(failing[0].computed.lo <= share && share <= failing[0].computed.hi);
  assert.equal(failing[0].target.raw, '31');
});

test('seed findings: seed 002 average training hours 10.31 cannot come from its gender averages over the full-time workforce', () => {
  const f = fixture('002-social.esg.md');
  const male = tableValue(f, '男性', '2025', '按性別劃分僱員人數');
  const others = tableValue(f, '其他類別僱員', '2025', '按僱傭類型劃分僱員人數');
  const fullTime = tableValue(f, '全職僱員', '2025', '按僱傭類型劃分僱員人數');
  const hoursMale = tableValue(f, '男性', '2025', '按性別劃分僱員平均受訓小時數');
  const hoursFemale = tableValue(f, '女性', '2025', '按性別劃分僱員平均受訓小時數');
  const average = tableValue(f, '僱員平均受訓小時數');
  // Training covers full-time staff only (note (1)); at least male − others of them are men.
  const minMaleShare = (male - others) / fullTime;
  const lowest = hoursFemale - 0.005 + minMaleShare * (hoursMale - 0.005 - (hoursFemale - 0.005));
  assert.ok(average + 0.005 < lowest, `${average} vs at least ${lowest}`);
  assert.equal(lowest.toFixed(2), '10.45');
});

// ---- checks that pass silently are live: the planted mistake is found ----

function flaggedAt(f: Fixture, rule: string): string[] {
  return numbersDiagnostics(f)
    .filter((d) => d.rule === rule)
    .map((d) => textAt(f.text, d.range));
}

test('seed findings: seed 000 intensities are checked against the revenue they imply (72,434 萬元)', () => {
  const planted = fixture('000-environment.esg.md', (t) =>
    t.replace(
      '| 總耗水密度 <sup>11</sup> | | 噸 / 萬元 | 0.2766 |',
      '| 總耗水密度 <sup>11</sup> | | 噸 / 百萬元 | 0.2766 |',
    ),
  );
  assert.deepEqual(flaggedAt(planted, 'kpi/intensity-mismatch'), ['0.2766']);
});

test('seed findings: seed 002 intensities are checked against the revenue they imply (about 9,557 百萬元 for 2025)', () => {
  const planted = fixture('002-environment.esg.md', (t) =>
    t.replace('| 單位營收耗水量 | 噸 / 人民幣百萬元 |', '| 單位營收耗水量 | 噸 / 萬元 |'),
  );
  assert.deepEqual(flaggedAt(planted, 'kpi/intensity-mismatch').sort(), ['17.90', '23.41']);
});

test('seed findings: seed 000 grid factor 0.5306 is checked against the catalog and used for Scope 2', () => {
  const f = fixture('000-environment.esg.md');
  const activity = f.checks.filter((c) => c.rule === 'ghg/activity-mismatch');
  assert.equal(activity.length, 1);
  assert.ok(activity[0].ok && activity[0].inputs.some((i) => !i.fact && i.text.startsWith('0.5306')));
  const planted = fixture('000-environment.esg.md', (t) => t.replace('因子 0.5306 (kg', '因子 0.5366 (kg'));
  assert.deepEqual(flaggedAt(planted, 'ghg/factor-mismatch'), ['0.5366']);
  assert.deepEqual(flaggedAt(planted, 'ghg/activity-mismatch'), ['596.41']);
});

test('seed findings: seed 000 figures stated in the body and again in the appendix are compared', () => {
  const f = fixture('000-environment.esg.md');
  assert.equal(facts(f.analysis.model).get('water.total', '2025').length, 2);
  const planted = fixture('000-environment.esg.md', (t) =>
    t.replace('| 總耗水量 | | 噸 | 20,035.5 |', '| 總耗水量 | | 噸 | 20,053.5 |'),
  );
  assert.deepEqual(flaggedAt(planted, 'kpi/value-conflict'), ['20,053.5']);
});
