import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';

const TABLE = (rows: string[]) =>
  `${FRONT}# 附錄\n\n| 績效指標 | 單位 | 2024 | 2025 |\n|---|---|---|---|\n${rows.join('\n')}\n`;

test('kpi/unknown-unit: at the unit cell, with the part not recognised; known units pass', () => {
  const text = TABLE([
    '| 總耗水量 | 噸噸 | 1 | 2 |',
    '| 總耗電量 | 千瓦時 | 1 | 2 |',
    '| 密度 | tCO₂e/萬元收入 | 1 | 2 |',
    '| 比率 | % | 1 | 2 |',
  ]);
  const d = byRule(run(text), 'kpi/unknown-unit');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '噸噸'));
  assert.match(d[0].message, /噸噸/);
});

test('kpi/bad-number: each bad cell, with label and period; no-value marks and full-width digits pass', () => {
  const text = TABLE([
    '| 總耗水量 | 噸 | 1OO | 1,2,3 |',
    '| 員工總數 | 人 | - | １，２３４ |',
    '| 流失比率 | % | N/A | 28.64% |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/bad-number');
  assert.equal(d.length, 2);
  assert.deepEqual(d[0].range.start, locate(text, '1OO'));
  assert.match(d[0].message, /"總耗水量" \(2024\): `1OO`/);
  assert.match(d[1].message, /\(2025\)/);
  assert.equal(d[0].severity, 'error');
});

test('kpi/unknown-unit: a label in the unit column and the HKEX placeholder are information; typos stay warnings', () => {
  const text = TABLE([
    '| 因工死亡事故總數 | 男性/女性 | 0 / 0 | 0 / 0 |',
    '| 密度 | Unit/HK$ million | 0.21 | 0.17 |',
    '| 總耗電量 | kWhh | 1 | 2 |',
    '| 總耗水量 | 噸噸 | 1 | 2 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/unknown-unit');
  assert.deepEqual(
    d.map((x) => x.severity),
    ['information', 'information', 'warning', 'warning'],
  );
  assert.match(d[0].message, /not a unit/);
  assert.match(d[1].message, /placeholder/);
});

test('kpi/bad-number: two figures in one cell are information; scientific notation, bounds and approximate figures are numbers', () => {
  const text = TABLE([
    '| 工傷率 | 每千名員工（男性/女性） | 20.5 / 28.9 | 27.0 / 30.8 |',
    '| PM emissions intensity | kg/HK$ million | 2.29 x 10⁻² | 1.58×10-2 |',
    '| 比率 | % | <0.01 | 約100 |',
    '| 排放 | kg | 1.2E-3 | approximately 1,000 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/bad-number');
  assert.equal(d.length, 2);
  assert.ok(d.every((x) => x.severity === 'information'));
  assert.match(d[0].message, /two figures in one cell/);
  assert.deepEqual(byRule(run(text, { locale: 'en' }), 'kpi/unknown-unit'), []);
});
