import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';

const TABLE = (rows: string[]) => `${FRONT}# 附錄\n\n| 績效指標 | 單位 | 2024 | 2025 |\n|---|---|---|---|\n${rows.join('\n')}\n`;

test('kpi/unknown-unit: at the unit cell, with the part not recognised; known units pass', () => {
  const text = TABLE(['| 總耗水量 | 噸噸 | 1 | 2 |', '| 總耗電量 | 千瓦時 | 1 | 2 |', '| 密度 | tCO₂e/萬元收入 | 1 | 2 |', '| 比率 | % | 1 | 2 |']);
  const d = byRule(run(text), 'kpi/unknown-unit');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '噸噸'));
  assert.match(d[0].message, /噸噸/);
});

test('kpi/bad-number: each bad cell, with label and period; no-value marks and full-width digits pass', () => {
  const text = TABLE(['| 總耗水量 | 噸 | 1OO | 1,2,3 |', '| 員工總數 | 人 | - | １，２３４ |', '| 流失比率 | % | N/A | 28.64% |']);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/bad-number');
  assert.equal(d.length, 2);
  assert.deepEqual(d[0].range.start, locate(text, '1OO'));
  assert.match(d[0].message, /"總耗水量" \(2024\): `1OO`/);
  assert.match(d[1].message, /\(2025\)/);
  assert.equal(d[0].severity, 'error');
});
