import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';

const FM = (factors: string) => FRONT.replace('  period: 2025\n', `  period: 2025\n  factors:\n${factors}`);
const TABLE = (scope2_2024: string, scope2_2025: string) => `# 能源及排放

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 外購電力 | 千瓦時 | 1,000,000 | 1,124,032 |
| 範圍 2 溫室氣體排放量 | 噸二氧化碳當量 | ${scope2_2024} | ${scope2_2025} |
`;

test('ghg/activity-mismatch: per-period catalog factors (the 2022 factor for 2024, the 2023 factor for 2025)', () => {
  const fm = FM('    grid: {2024: cn-grid-2022, 2025: cn-grid-2023}\n');
  assert.deepEqual(byRule(run(fm + TABLE('536.60', '596.41')), 'ghg/activity-mismatch'), []);
  // 2025 computed with the 2022 factor by mistake: 1,124,032 × 0.5366 = 603.16.
  const text = fm + TABLE('536.60', '603.16');
  const d = byRule(run(text, { locale: 'en' }), 'ghg/activity-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '603.16'));
  assert.match(d[0].message, /\(2025\): the inputs give 596\.41, the report says 603\.16/);
  assert.match(d[0].message, /agrees with another catalog factor instead: cn-grid-2022/);
  assert.deepEqual(d[0].related?.[0].range.start, locate(text, '1,124,032'));
});

test('ghg/activity-mismatch: a custom factor in the front matter, and the factor quoted in the text', () => {
  const custom = FM('    grid: 0.5306 kgCO2/kWh\n') + TABLE('530.60', '596.41');
  assert.deepEqual(byRule(run(custom), 'ghg/activity-mismatch'), []);
  const quoted = `${FRONT}${TABLE('530.60', '590.00')}\n外購電力的二氧化碳排放因子參考《關於發佈 2023 年電力二氧化碳排放因子的公告》，以全國電力平均二氧化碳排放因子 0.5306 (kgCO<sub>2</sub>/kWh) 計算。\n`;
  const d = byRule(run(quoted), 'ghg/activity-mismatch');
  assert.equal(d.length, 1, 'the quoted factor applies to the report year (2025) only');
  assert.deepEqual(d[0].range.start, locate(quoted, '590.00'));
});

test('ghg/activity-mismatch: nothing to check without a factor', () => {
  assert.deepEqual(byRule(run(FRONT + TABLE('1', '2')), 'ghg/activity-mismatch'), []);
});

test('ghg/activity-mismatch: Scope 1 against fuel x factor (a per-mass factor, and IPCC per-energy with its NCV)', () => {
  const table = (scope1: string) =>
    `# 排放\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 柴油消耗量 | 噸 | 10.00 |\n| 範圍 1 溫室氣體排放量 | 噸二氧化碳當量 | ${scope1} |\n`;
  const ndrc = FM('    diesel: cn-ndrc-diesel-co2\n');
  assert.deepEqual(byRule(run(ndrc + table('30.96')), 'ghg/activity-mismatch'), []);
  const wrong = ndrc + table('31.86');
  const d = byRule(run(wrong, { locale: 'en' }), 'ghg/activity-mismatch');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(wrong, '31.86'));
  assert.match(d[0].message, /the inputs give 30\.96/);
  // A fuel printed as 10 (± 0.5 t) could give either figure: the table prints 10.00. IPCC 2006: 10 t = 0.01 Gg x 43.0 TJ/Gg x 74,100 kgCO2/TJ = 31.863 t.
  const ipcc = FM('    diesel: ipcc2006-diesel-co2\n');
  assert.deepEqual(byRule(run(ipcc + table('31.86')), 'ghg/activity-mismatch'), []);
  assert.equal(byRule(run(ipcc + table('30.96')), 'ghg/activity-mismatch').length, 1);
  // Without a factor for the fuel, nothing is checked.
  assert.deepEqual(byRule(run(FRONT + table('99')), 'ghg/activity-mismatch'), []);
});
