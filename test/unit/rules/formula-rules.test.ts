import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';

const TABLE = (formula: string, value = '596.41') => `${FRONT}# 溫室氣體

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 總耗電量 | 千瓦時 | 1,000,000 | 1,124,032 |
| [範圍 2 溫室氣體排放量]{#ghg.scope2 formula="${formula}"} | 噸二氧化碳當量 | 536.60 | ${value} |
`;

test('kpi/formula-mismatch: a row formula is checked in every period, within rounding', () => {
  // With the 2022 factor 0.5366: 2024 agrees (536.60), 2025 does not (603.16 computed).
  const t2022 = TABLE('energy.electricity * 0.5366 kgCO2/kWh');
  const d2022 = byRule(run(t2022, { locale: 'en' }), 'kpi/formula-mismatch');
  assert.deepEqual(
    d2022.map((d) => d.range.start),
    [locate(t2022, '596.41')],
  );
  assert.match(d2022[0].message, /the inputs give 603\.16/);
  const text = TABLE('energy.electricity * 0.5306 kgCO2/kWh', '596.41');
  const d = byRule(run(text, { locale: 'en' }), 'kpi/formula-mismatch');
  // 2025: 1,124,032 × 0.5306 = 596.41 ✓; 2024: 1,000,000 × 0.5306 = 530.60 ≠ 536.60 ✗.
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '536.60'));
  assert.match(d[0].message, /\(2024\): the inputs give 530\.60, the report says 536\.60/);
  assert.deepEqual(d[0].related?.[0].range.start, locate(text, '1,000,000'));
});

test('kpi/formula-mismatch: a syntax error is reported at its column in the attribute', () => {
  const text = TABLE('energy.electricity * (0.5306 kgCO2/kWh');
  const d = byRule(run(text), 'kpi/formula-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  const valueStart = locate(text, 'energy.electricity *');
  assert.equal(d[0].range.start.line, valueStart.line);
  assert.ok(
    d[0].range.start.character >= valueStart.character + 'energy.electricity * '.length,
    JSON.stringify(d[0].range),
  );
});

test('kpi/prose-mismatch: a quoted change and a quoted figure against the tables', () => {
  const base = `${FRONT}# 排放\n\n| 指標 | 單位 | 2024 | 2025 |\n|---|---|---|---|\n| 溫室氣體排放總量 | 噸二氧化碳當量 | 250.3 | 229.3 |\n\n`;
  const ok = `${base}排放量較上年下降 [8.4%]{check="-change(ghg.total@2024, ghg.total@2025)"}，全年排放 [229.3 噸二氧化碳當量]{kpi=ghg.total}。\n`;
  assert.deepEqual(byRule(run(ok), 'kpi/prose-mismatch'), []);
  const wrong = ok.replace('[8.4%]', '[9.4%]').replace('[229.3 噸', '[239.3 噸');
  const d = byRule(run(wrong, { locale: 'en' }), 'kpi/prose-mismatch');
  assert.equal(d.length, 2);
  assert.deepEqual(
    d.map((x) => x.range.start),
    [locate(wrong, '9.4%'), locate(wrong, '239.3 噸')],
  );
  assert.match(d[0].message, /the inputs give 8\.4, the report says 9\.4/);
  assert.match(d[1].message, /the inputs give 229\.3, the report says 239\.3/);
  // The quick fix replaces only the number inside the span.
  assert.deepEqual(d[1].range.end, {
    line: d[1].range.start.line,
    character: d[1].range.start.character + '239.3'.length,
  });
});
