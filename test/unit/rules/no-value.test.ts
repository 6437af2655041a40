// What 'no value' means (docs/dialect.md §8.6): a breakdown member printed `-`, `/`, `N/A`, `不適用`,
// `無` … counts as nil in the sum of a total that is given; a formula input with no value leaves the
// period unchecked, said as information naming the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';
import { isNilToken, parseNumber } from '../../../server/src/engine/numbers/read';

const two = (rows: string[]) =>
  `${FRONT}# 附錄\n\n| 績效指標 | | 單位 | 2025 年數值 | 2024 年數值 |\n|---|---|---|--:|--:|\n${rows.join('\n')}\n`;

test('the no-value tokens of §8.6 are no value, and all but the unknown ones read as nil', () => {
  for (const raw of ['-', '/', '—', '–', 'N/A', 'n/a', 'NA', '不適用', '不适用', '無', '无', '--', '－', '／']) {
    assert.equal(parseNumber(raw).status, 'none', raw);
    assert.equal(isNilToken(raw), true, raw);
  }
  for (const raw of ['暫無', '暂无', '*']) {
    assert.equal(parseNumber(raw).status, 'none', raw);
    assert.equal(isNilToken(raw), false, raw);
  }
  assert.equal(isNilToken('0'), false);
  assert.equal(isNilToken(''), false);
});

test('kpi/sum-mismatch: a catalog breakdown with a member `-` sums it as nil, and says so', () => {
  // 2025: 640 + (-) = 640, total 700: the total exceeds its parts. 2024: 600 + 37 = 637 ✓.
  const text = two([
    '| 員工總數 | | 人 | 700 | 637 |',
    '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 | 600 |',
    '| | 女性員工 | 人 | - | 37 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.deepEqual(d[0].range.start, {
    line: locate(text, '| 700 |').line,
    character: locate(text, '| 700 |').character + 2,
  });
  assert.match(d[0].message, /counted as nil \(0\): 女性員工 \(-\)/);
  // A correct total with a nil member passes, in every spelling.
  for (const nil of ['-', '/', '—', '–', 'N/A', 'n/a', 'NA', '不適用', '不适用', '無', '无', '--']) {
    const ok = two([
      '| 員工總數 | | 人 | 640 | 637 |',
      '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 | 600 |',
      `| | 女性員工 | 人 | ${nil} | 37 |`,
    ]);
    assert.deepEqual(byRule(run(ok), 'kpi/sum-mismatch'), [], nil);
  }
});

test('kpi/sum-mismatch: rows marked as parts with a `-` part are checked, not skipped', () => {
  const rows = (total: string, part: string) => [
    `| 廢棄物總量 | | 噸 | ${total} | 30 |`,
    '| • 廚餘 | | 噸 | 12 | 10 |',
    `| • 紙張 | | 噸 | ${part} | 20 |`,
  ];
  const bad = two(rows('20', '-'));
  const d = byRule(run(bad, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1, d.map((x) => x.message).join('\n'));
  assert.match(d[0].message, /counted as nil \(0\): 紙張 \(-\)/);
  assert.deepEqual(byRule(run(two(rows('12', 'N/A'))), 'kpi/sum-mismatch'), []);
  // A part `暫無` (not yet available) says nothing of its amount: that year is not checked.
  assert.deepEqual(byRule(run(two(rows('20', '暫無'))), 'kpi/sum-mismatch'), []);
  // Every part nil: nothing to check.
  assert.deepEqual(
    byRule(
      run(two(['| 廢棄物總量 | | 噸 | 20 | 30 |', '| • 廚餘 | | 噸 | - | 10 |', '| • 紙張 | | 噸 | - | 20 |'])),
      'kpi/sum-mismatch',
    ),
    [],
  );
});

const FORMULA = (cells2024: string) => `${FRONT}# 溫室氣體

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 總耗電量 | 千瓦時 | ${cells2024} | 1,124,032 |
| [範圍 2 溫室氣體排放量]{#ghg.scope2 formula="energy.electricity * 0.5306 kgCO2/kWh"} | 噸二氧化碳當量 | 536.60 | 596.41 |
`;

test('kpi/formula-mismatch: an input with no value leaves that period unchecked, as information naming it', () => {
  for (const nil of ['-', 'N/A', '不適用', '']) {
    const text = FORMULA(nil);
    const d = byRule(run(text, { locale: 'en' }), 'kpi/formula-mismatch');
    assert.equal(d.length, 1, nil);
    assert.equal(d[0].severity, 'information', nil);
    assert.match(
      d[0].message,
      /Not checked for 2024: the input `energy.electricity` \("總耗電量"\) has no value in 2024/,
    );
    assert.ok(!d.some((x) => x.severity === 'warning' || x.severity === 'error'));
  }
  // The figure of 2025, whose inputs are given, is still checked: a wrong one is a warning.
  const wrong = FORMULA('-').replace('596.41', '600.00');
  const w = byRule(run(wrong), 'kpi/formula-mismatch');
  assert.deepEqual(w.map((x) => x.severity).sort(), ['information', 'warning']);
  // A KPI the report gives in no period is a mistake in the formula: still a warning.
  const typo = FORMULA('1,000,000').replace('energy.electricity *', 'energy.renewable *');
  assert.ok(
    byRule(run(typo, { locale: 'en' }), 'kpi/formula-mismatch').some(
      (x) => x.severity === 'warning' && /no value/.test(x.message),
    ),
  );
  // So is a year no table of the report has.
  const year = FORMULA('1,000,000').replace('energy.electricity *', 'energy.electricity@1999 *');
  assert.ok(
    byRule(run(year, { locale: 'en' }), 'kpi/formula-mismatch').some(
      (x) => x.severity === 'warning' && /no value for 1999/.test(x.message),
    ),
  );
});

test('kpi/prose-mismatch: a check= whose input has no value in the year is unchecked information', () => {
  const text = `${FRONT}# 溫室氣體

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 總耗電量 | 千瓦時 | - | 1,124,032 |

耗電量較上年變化 [12.4%]{check="change(energy.electricity@2024, energy.electricity@2025)"}。
`;
  const d = byRule(run(text, { locale: 'en' }), 'kpi/prose-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'information');
  assert.match(d[0].message, /input `energy.electricity`.*no value in 2024 \(`-`\)/);
});
