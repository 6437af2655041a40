import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';

// Seed 002's GHG table (Kingsoft Cloud 2025 ESG report), as published.
const GHG = (total2025 = '56,711.51', scope3_2025 = '581,386.59') => `${FRONT}# 溫室氣體

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 溫室氣體排放總量（範圍 1、2） | 噸二氧化碳當量 | 57,695.89 | ${total2025} |
| 範圍 1 溫室氣體排放量 | 噸二氧化碳當量 | 57.15 | 89.17 |
| 範圍 2 溫室氣體排放量 | 噸二氧化碳當量 | 57,638.74 | 56,622.34 |
| 範圍 3 溫室氣體排放量 | 噸二氧化碳當量 | 187,220.37 | ${scope3_2025} |
| 其中：外購商品及服務 | 噸二氧化碳當量 | 41,482.00 | 38,192.07 |
| 資本商品 | 噸二氧化碳當量 | 54,008.67 | 75,173.86 |
| 員工通勤 | 噸二氧化碳當量 | 4,468.44 | 5,429.55 |
| 員工差旅 | 噸二氧化碳當量 | 1,452.04 | 2,488.41 |
| 燃料和能源相關活動 | 噸二氧化碳當量 | 11,938.76 | 11,869.71 |
| 上遊資產租賃 | 噸二氧化碳當量 | 73,870.46 | 448,233.00 |
`;

test('ghg/sum-mismatch: the published table is consistent, within rounding (581,386.59 against parts summing to 581,386.60)', () => {
  assert.deepEqual(byRule(run(GHG()), 'ghg/sum-mismatch'), []);
});

test('ghg/sum-mismatch: a wrong Scope 1+2 total is reported at its cell, with the computed value and the inputs', () => {
  const text = GHG('56,711.15');
  const d = byRule(run(text, { locale: 'en' }), 'ghg/sum-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '56,711.15'));
  assert.match(
    d[0].message,
    /範圍 1 溫室氣體排放量 \+ 範圍 2 溫室氣體排放量 = 溫室氣體排放總量（範圍 1、2） \(2025\): the inputs give 56,711.51, the report says 56,711.15/,
  );
  assert.deepEqual(
    d[0].related!.map((r) => r.range.start),
    [locate(text, '89.17'), locate(text, '56,622.34')],
  );
  assert.equal(d[0].data?.text, '56,711.51');
});

test('ghg/sum-mismatch: Scope 3 against its categories; labels lose their 其中 mark', () => {
  const text = GHG(undefined, '581,368.59');
  const d = byRule(run(text), 'ghg/sum-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '581,368.59'));
  assert.match(d[0].message, /^外購商品及服務 \+ 資本商品/);
  assert.match(d[0].message, /581,386\.60/);
});

test('ghg/sum-mismatch: a Scope 3 category outside the GHG Protocol 15', () => {
  const text = `${FRONT}# G\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| [其他]{#ghg.scope3.cat16} | tCO2e | 1 |\n`;
  const d = byRule(run(text), 'ghg/sum-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  assert.match(d[0].message, /ghg\.scope3\.cat16/);
});

test('kpi/intensity-mismatch: against the front matter denominator (18.72 per 萬元 where the revenue makes it per 百萬元)', () => {
  const fm = FRONT.replace('  period: 2025\n', '  period: 2025\n  denominators:\n    revenue: 3,082 百萬元\n');
  const ok = `${fm}# G\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 溫室氣體排放總量（範圍 1、2） | tCO2e | 56,711.51 |\n| 單位營收溫室氣體排放量（範圍 1、2） | tCO2e/百萬元 | 18.40 |\n`;
  assert.deepEqual(byRule(run(ok), 'kpi/intensity-mismatch'), []);
  const wrong = ok.replace('tCO2e/百萬元', 'tCO2e/萬元');
  const d = byRule(run(wrong, { locale: 'en' }), 'kpi/intensity-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(wrong, '18.40'));
  assert.match(d[0].message, /the inputs give 0\.18, the report says 18\.40/);
});

test('kpi/intensity-mismatch: without a denominator, the odd one out among the intensities is flagged', () => {
  const text = `${FRONT}# E\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 20,035.5 |\n| 總耗水密度 | 噸 / 萬元 | 0.2766 |\n| 總耗電量 | 千瓦時 | 1,124,032 |\n| 總耗電密度 | 千瓦時 / 萬元 | 15.5181 |\n| 溫室氣體排放總量 | tCO2e | 596.41 |\n| 溫室氣體排放密度 | tCO2e/萬元 | 0.8234 |\n`;
  const d = byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '0.8234'));
  assert.match(d[0].message, /implies 724 萬元, while .* implies 72,43\d 萬元/);
  assert.match(d[0].message, /0\.0082/);
});

test('ghg/sum-mismatch: Scope 3 categories listed apart, fewer than 15 and short of the total, are information; above it, a warning', () => {
  const table = (total: string) =>
    `${FRONT}# 排放\n\n| 指標 | 單位 | 2023 |\n|---|---|---:|\n| 範圍三溫室氣體排放 | 噸二氧化碳當量 | ${total} |\n\n` +
    '| 範圍三類別 | 單位 | 2023 |\n|---|---|---:|\n| 類別1：購買的商品和服務 | 噸二氧化碳當量 | 7,350 |\n| 類別6：商務旅行 | 噸二氧化碳當量 | 558 |\n';
  const short = byRule(run(table('15,966'), { locale: 'en' }), 'ghg/sum-mismatch');
  assert.equal(short.length, 1);
  assert.equal(short[0].severity, 'information');
  assert.match(short[0].message, /7,908.*not all 15/);
  const over = byRule(run(table('7,000'), { locale: 'en' }), 'ghg/sum-mismatch');
  assert.equal(over.length, 1);
  assert.equal(over[0].severity, 'warning');
});
