import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';
import { factorQuotes, frontMatterFactors } from '../../../server/src/engine/derived';
import { parseDocument } from '../../../server/src/engine/recognition/document';

// Seed 000 (Zhipu, FY2025), lines 210-211, verbatim.
const SEED_000 = [
  '- 指標與目標** 公司積極開展碳核算工作，並以此為基礎持續推進減排工作，目前公司沒有範圍一溫室氣體排放，現階段僅披露範圍二排放相關數據，未來進一步計算並披露範圍三的碳排放。  ',
  '我們溫室氣體統計方法參考《溫室氣體核算體系：企業核算與報告標準》，外購電力的二氧化碳排放因子主要參考《關於發佈 2023 年電力二氧化碳排放因子的公告》，以全國電力平均二氧化碳排放因子 0.5306 (kgCO<sub>2</sub>/kWh) 計算。',
].join('\n');

const report = (body: string, front = FRONT) => `${front}# 排放\n\n${body}\n`;
const factorRules = (text: string, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') => {
  const a = run(text, { locale });
  return {
    mismatch: byRule(a, 'ghg/factor-mismatch'),
    year: byRule(a, 'ghg/factor-year'),
    unknown: byRule(a, 'ghg/unknown-factor'),
  };
};
const at = (text: string, needle: string, after = '') => {
  const start = locate(text, needle, after);
  return { start, end: { line: start.line, character: start.character + needle.length } };
};

test('seed 000: the 2023 national factor quoted correctly gives no diagnostic', () => {
  const text = report(SEED_000);
  const quotes = factorQuotes(parseDocument('file:///t.esg.md', text));
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0].value, 0.5306);
  assert.equal(quotes[0].decimals, 4);
  assert.equal(quotes[0].year, 2023);
  assert.equal(quotes[0].region, 'CN');
  assert.equal(quotes[0].unitRaw, 'kgCO<sub>2</sub>/kWh');
  assert.deepEqual(quotes[0].range, at(text, '0.5306'));
  assert.deepEqual(quotes[0].unitRange, at(text, 'kgCO<sub>2</sub>/kWh'));
  assert.equal(quotes[0].paragraphRange.start.line, locate(text, '- 指標與目標').line);
  const r = factorRules(text);
  assert.deepEqual([...r.mismatch, ...r.year, ...r.unknown], []);
});

test('seed 000 with 0.5366 for 2023: a mismatch at the number, naming the 2023 factor and that 0.5366 is the 2022 one', () => {
  const text = report(SEED_000.replace('0.5306', '0.5366'));
  const { mismatch, year } = factorRules(text);
  assert.equal(mismatch.length, 1);
  const d = mismatch[0];
  assert.deepEqual(d.range, at(text, '0.5366'));
  assert.equal(d.severity, 'warning');
  assert.match(
    d.message,
    /2023 is 0\.5306 kgCO2\/kWh \(Announcement on the release of the 2023 electricity CO2 emission factors\), not 0\.5366/,
  );
  assert.match(d.message, /0\.5366 is the China national grid average CO2 emission factor 2022 \(`cn-grid-2022`\)/);
  assert.deepEqual(d.data, {
    kind: 'replace-value',
    computed: 0.5306,
    decimals: 4,
    factorId: 'cn-grid-2023',
    matches: 'cn-grid-2022',
  });
  assert.deepEqual(year, [], 'the stated year 2023 is two years from 2025');
  const zh = factorRules(text, 'zh-Hant').mismatch[0];
  assert.match(
    zh.message,
    /2023年全國電力平均二氧化碳排放因子為 0\.5306 kgCO2\/kWh（《關於發佈2023年電力二氧化碳排放因子的公告》），而非 0\.5366；0\.5366 是2022年全國電力平均二氧化碳排放因子/,
  );
  assert.match(factorRules(text, 'zh-Hans').mismatch[0].message, /2023年全国电力平均二氧化碳排放因子为 0\.5306/);
});

test('ghg/factor-mismatch: a quote rounded to fewer decimals is not a mismatch; one outside its rounding is', () => {
  const para = (v: string) =>
    report(`本集團採用《關於發佈2023年電力二氧化碳排放因子的公告》中全國電力平均二氧化碳排放因子 ${v} kgCO2/kWh。`);
  assert.deepEqual(factorRules(para('0.53')).mismatch, []);
  assert.deepEqual(factorRules(para('0.531')).mismatch, []);
  const off = factorRules(para('0.532')).mismatch;
  assert.equal(off.length, 1);
  assert.doesNotMatch(off[0].message, / is the /, 'no other catalog factor is 0.532');
  assert.equal(off[0].data?.matches, undefined);
});

test('ghg/factor-mismatch: regional factor in tCO2/MWh, and English prose', () => {
  const north = report('華北區域辦公室用電按 2023 年華北區域電力平均二氧化碳排放因子 0.6776 tCO₂/MWh 計算。');
  const d = factorRules(north).mismatch;
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, at(north, '0.6776'));
  assert.match(d[0].message, /North China grid average CO2 emission factor 2023 is 0\.6361 .*`cn-grid-north-2022`/);

  const en = report(
    'Scope 2 emissions use the 2023 national grid emission factor of 0.5366 kgCO2e/kWh published by the MEE.',
  );
  const e = factorRules(en).mismatch;
  assert.equal(e.length, 1);
  assert.deepEqual(e[0].range, at(en, '0.5366'));
});

test('ghg/factor-mismatch: no year tied to the factor, no region, or a table: nothing to compare', () => {
  // '2025 年' is the reporting period, not the factor's year.
  const bare = report('2025 年，我們按全國電網排放因子 0.5366 kgCO2/kWh 計算外購電力排放。');
  assert.deepEqual(factorRules(bare).mismatch, []);
  // 'international' is not 'national'.
  const intl = report('Following international practice, we apply the 2023 emission factor of 0.5366 kgCO2/kWh.');
  assert.equal(factorQuotes(parseDocument('file:///t.esg.md', intl))[0].region, undefined);
  assert.deepEqual(factorRules(intl).mismatch, []);
  const table = report('| 項目 | 說明 |\n|---|---|\n| 2023 年全國電力平均二氧化碳排放因子 | 0.5366 kgCO2/kWh |');
  assert.deepEqual(factorQuotes(parseDocument('file:///t.esg.md', table)), []);
  const code = report('```\n2023 年全國電力平均二氧化碳排放因子 0.5366 kgCO2/kWh\n```');
  assert.deepEqual(factorQuotes(parseDocument('file:///t.esg.md', code)), []);
});

test('ghg/factor-mismatch: several quotes in one sentence take the nearest factor year and the period before them', () => {
  const text = report(
    '2024年採用《關於發佈 2022 年電力二氧化碳排放因數的公告》中的0.5366 tCO2/MWh，2025年採用《關於發佈2023年電力二氧化碳排放因數的公告》中的0.5366 tCO2/MWh。',
  );
  const quotes = factorQuotes(parseDocument('file:///t.esg.md', text));
  assert.deepEqual(
    quotes.map((q) => [q.year, q.periodYear, q.region]),
    [
      [2022, 2024, 'CN'],
      [2023, 2025, 'CN'],
    ],
  );
  const d = factorRules(text).mismatch;
  assert.equal(d.length, 1, 'only the second quote is wrong');
  assert.deepEqual(d[0].range, at(text, '0.5366', '2025年'));
});

test('ghg/factor-mismatch: a Hong Kong utility named in the paragraph', () => {
  const text = report('香港辦公室用電按中電 2019 年售電排放因子 0.50 kgCO2/kWh 計算。');
  const d = factorRules(text).mismatch;
  assert.equal(d.length, 1);
  assert.match(d[0].message, /CLP Power Hong Kong .* 2019 is 0\.49 kgCO2\/kWh/);
});

test('ghg/factor-mismatch in the front matter: a catalog id given a different value, or a value in other units', () => {
  const front = (factors: string) =>
    ['---', 'lang: zh-Hant', 'esg:', '  period: 2025', '  factors:', factors, '---', ''].join('\n');
  const wrong = report('正文。', front('    cn-grid-2022: 0.5306 kgCO2/kWh'));
  const d = factorRules(wrong).mismatch;
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, at(wrong, '0.5306 kgCO2/kWh'));
  assert.match(
    d[0].message,
    /`esg\.factors\.cn-grid-2022` names the catalog factor `cn-grid-2022` .*0\.5366 kgCO2\/kWh\) but gives 0\.5306 kgCO2\/kWh, which is the .* \(`cn-grid-2023`\)/,
  );
  assert.deepEqual(factorRules(report('正文。', front('    cn-grid-2022: 0.5366 kgCO2/kWh'))).mismatch, []);
  assert.deepEqual(
    factorRules(report('正文。', front('    cn-grid-2022: 536.6 kgCO2/MWh'))).mismatch,
    [],
    'the same factor in other units',
  );
  const dims = factorRules(report('正文。', front('    cn-grid-2022: 0.5366 kWh'))).mismatch;
  assert.equal(dims.length, 1);
  assert.match(dims[0].message, /do not measure the same thing/);
  // A custom value under a name of the report's own is not checked.
  assert.deepEqual(factorRules(report('正文。', front('    grid: 0.5999 kgCO2/kWh'))).mismatch, []);
});

test('ghg/unknown-factor: an id not in the catalog, with a suggestion when one is close', () => {
  const front = (factors: string) => ['---', 'esg:', '  period: 2025', '  factors:', factors, '---', ''].join('\n');
  const typo = report('Text.', front('    grid: cn-grid-2032'));
  const d = factorRules(typo).unknown;
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  assert.deepEqual(d[0].range, at(typo, 'cn-grid-2032'));
  assert.match(d[0].message, /Unknown emission factor `cn-grid-2032`\. Did you mean `cn-grid-2022`/);
  assert.deepEqual(d[0].data, { kind: 'replace-id', from: 'cn-grid-2032', to: 'cn-grid-2022' });
  const stranger = factorRules(report('Text.', front('    grid: {2024: foo, 2025: cn-grid-2023}'))).unknown;
  assert.equal(stranger.length, 1);
  assert.doesNotMatch(stranger[0].message, /Did you mean/);
  assert.deepEqual(
    factorRules(report('Text.', front('    grid: cn-grid-avg-2023'))).unknown,
    [],
    'the reference ids are aliases',
  );
});

test('ghg/factor-year: front matter factors more than two years from their period', () => {
  const front = (factors: string, period = '  period: 2025') =>
    ['---', 'esg:', period, '  factors:', factors, '---', ''].join('\n');
  const old = report('Text.', front('    grid: cn-grid-2021'));
  const d = factorRules(old).year;
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'information');
  assert.deepEqual(d[0].range, at(old, 'cn-grid-2021'));
  assert.match(
    d[0].message,
    /\(`cn-grid-2021`\) is for 2021, 4 years from the reporting period 2025\. The newest factor of this kind in the catalog is `cn-grid-2023` \(2023: 0\.5306 kgCO2\/kWh\)/,
  );
  // Per period: the 2022 factor for 2024 and the 2023 factor for 2025 are fine; the 2021 factor for 2025 is not.
  assert.deepEqual(factorRules(report('Text.', front('    grid: {2024: cn-grid-2022, 2025: cn-grid-2023}'))).year, []);
  const perPeriod = report('Text.', front('    grid: {2024: cn-grid-2022, 2025: cn-grid-2021}'));
  const p = factorRules(perPeriod).year;
  assert.equal(p.length, 1);
  assert.deepEqual(p[0].range, at(perPeriod, 'cn-grid-2021'));
  // The newest of its series: says so instead of naming a newer one.
  const hk = factorRules(report('Text.', front('    hk: hk-clp-2019'))).year;
  assert.equal(hk.length, 1);
  assert.match(hk[0].message, /newest of its kind in the catalog/);
  // No period in the front matter: no reporting year to compare with.
  assert.deepEqual(factorRules(report('Text.', front('    grid: cn-grid-2021', '  issuer: X'))).year, []);
  // Undated defaults (IPCC 2006, GWP) are not checked.
  assert.deepEqual(factorRules(report('Text.', front('    diesel: ipcc2006-diesel-co2'))).year, []);
});

test('ghg/factor-year: a quoted factor, by its stated year or by a value only one dated factor has', () => {
  const stated = report(
    '外購電力按《關於發佈2021年電力二氧化碳排放因子的公告》中全國電力平均二氧化碳排放因子 0.5568 kgCO2/kWh 計算。',
  );
  const s = factorRules(stated);
  assert.deepEqual(s.mismatch, []);
  assert.equal(s.year.length, 1);
  assert.deepEqual(s.year[0].range, at(stated, '0.5568'));
  assert.match(s.year[0].message, /is for 2021, 4 years from the reporting period 2025/);

  const byValue = report('2025 年，我們按全國電網排放因子 0.5366 kgCO2/kWh 計算外購電力排放。');
  const v = factorRules(byValue).year;
  assert.equal(v.length, 1);
  assert.match(
    v[0].message,
    /The factor 0\.5366 is the China national grid average CO2 emission factor 2022 \(`cn-grid-2022`\), which is for 2022, 3 years/,
  );
  // Two decimals match too many factors to name one.
  assert.deepEqual(factorRules(report('2025 年，我們按全國電網排放因子 0.54 kgCO2/kWh 計算。')).year, []);
  // The period before the quote in the same sentence is the year the factor is applied to.
  const comparative = report('2023年採用《關於發佈2021年電力二氧化碳排放因子的公告》中的0.5568 tCO2/MWh。');
  assert.deepEqual(factorRules(comparative).year, []);
});

test('factor quotes and rules never throw and stay linear on hostile input', () => {
  const inputs = [
    '',
    '排放因子',
    '排放因子 0. kgCO2/kWh',
    '《2023年排放因子 0.5 kgCO2/kWh',
    '排放因子 2023 年 ' + '1'.repeat(400) + ' kgCO2/kWh',
    '---\nesg:\n  factors:\n    grid: [1, 2]\n---\n',
    '---\nesg:\n  factors: 5\n---\n',
  ];
  for (const body of inputs) assert.doesNotThrow(() => run(report(body)));
  const long = report('全國排放因子 2023 年 0.5366 kgCO2/kWh，'.repeat(20000));
  const started = Date.now();
  const quotes = factorQuotes(parseDocument('file:///t.esg.md', long));
  assert.equal(quotes.length, 20000);
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
});

test('frontMatterFactors: every entry with the range of its value', () => {
  const text = [
    '---',
    'esg:',
    '  period: 2025',
    '  factors:',
    '    grid: {2024: cn-grid-2022, 2025: cn-grid-2023}',
    '    custom: 0.5306 kgCO2/kWh',
    '---',
    '# A',
    '',
  ].join('\n');
  const entries = frontMatterFactors(parseDocument('file:///t.esg.md', text));
  assert.deepEqual(
    entries.map((e) => [e.name, e.period, e.catalogId ?? e.quantity?.value]),
    [
      ['grid', '2024', 'cn-grid-2022'],
      ['grid', '2025', 'cn-grid-2023'],
      ['custom', '*', 0.5306],
    ],
  );
  assert.deepEqual(entries[1].range, at(text, 'cn-grid-2023'));
  assert.deepEqual(entries[2].range, at(text, '0.5306 kgCO2/kWh'));
});
