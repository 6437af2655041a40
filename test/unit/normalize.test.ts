import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isBlank,
  isWhiteSpaceCode,
  normalizeLabel,
  normalizeUnitText,
  stripFootnoteMarks,
  toHalfWidth,
} from '../../server/src/engine/text/normalize';

test('toHalfWidth maps full-width digits, letters, punctuation and the ideographic space', () => {
  assert.equal(toHalfWidth('１２３，４５６'), '123,456');
  assert.equal(toHalfWidth('ＡＢＣ　ｘｙｚ％（１）'), 'ABC xyz%(1)');
  assert.equal(toHalfWidth('噸／萬元'), '噸/萬元');
  assert.equal(toHalfWidth('中文不變'), '中文不變');
});

test('isWhiteSpaceCode is true for exactly the code units trim() removes; isBlank agrees with trim()', () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(isWhiteSpaceCode(c), ch.trim() === '', `U+${c.toString(16)}`);
    assert.equal(isBlank(` ${ch}\t`), ch.trim() === '', `U+${c.toString(16)}`);
  }
  assert.equal(isBlank(''), true);
  assert.equal(isBlank('\u3000\u00a0 \t'), true);
  assert.equal(isBlank(' | '), false);
});

test('stripFootnoteMarks removes the footnote forms the seeds use', () => {
  assert.equal(stripFootnoteMarks('總耗水密度 <sup>11</sup>'), '總耗水密度');
  assert.equal(stripFootnoteMarks('僱員總體流失率 ⁽²⁾'), '僱員總體流失率');
  assert.equal(stripFootnoteMarks('溫室氣體排放總量 ⁽¹⁾ （範圍 1、2） ⁽²⁾'), '溫室氣體排放總量  （範圍 1、2）');
  assert.equal(stripFootnoteMarks('範圍 3 溫室氣體排放¹⁵'), '範圍 3 溫室氣體排放');
  assert.equal(stripFootnoteMarks('員工總數[^note14]'), '員工總數');
  assert.equal(stripFootnoteMarks('Total energy consumption (1)'), 'Total energy consumption');
  assert.equal(stripFootnoteMarks('耗水總量（2）'), '耗水總量');
});

test('stripFootnoteMarks keeps bracketed content that is not a trailing footnote number', () => {
  assert.equal(stripFootnoteMarks('國內供應商總數 (含港、澳、台)'), '國內供應商總數 (含港、澳、台)');
  assert.equal(stripFootnoteMarks('境外（含港澳台地區）'), '境外（含港澳台地區）');
  assert.equal(stripFootnoteMarks('Scope (1) emissions'), 'Scope (1) emissions');
  assert.equal(stripFootnoteMarks('(1)'), '(1)');
  assert.equal(stripFootnoteMarks('Scope 3 (category 15)'), 'Scope 3 (category 15)');
  // Exponents of area and volume units are not footnotes (unit cells go through this function too).
  assert.equal(stripFootnoteMarks('m³'), 'm³');
  assert.equal(stripFootnoteMarks('噸 / m²'), '噸 / m²');
  assert.equal(stripFootnoteMarks('kWh/km²'), 'kWh/km²');
  assert.equal(stripFootnoteMarks('Total water consumption³'), 'Total water consumption');
  assert.equal(stripFootnoteMarks('Sum²'), 'Sum');
});

test('normalizeLabel removes Markdown syntax, spacing and punctuation', () => {
  const key = normalizeLabel('員工總數');
  assert.equal(normalizeLabel('**員工總數**'), key);
  assert.equal(normalizeLabel('[員工總數]{kpi=employees.total}'), key);
  assert.equal(normalizeLabel('[員工總數](#kpi)'), key);
  assert.equal(normalizeLabel('<b>員工總數</b> <sup>14</sup>'), key);
  assert.equal(normalizeLabel(' 員工 總數 '), key);
  assert.equal(normalizeLabel('Scope 1 GHG Emissions'), 'scope1ghgemissions');
  assert.equal(normalizeLabel('ＳＣＯＰＥ　１'), 'scope1');
  assert.equal(normalizeLabel('tCO₂e'), 'tco2e');
});

test('normalizeLabel folds Traditional and Simplified variants and numerals', () => {
  assert.equal(normalizeLabel('按性別劃分的員工人數'), normalizeLabel('按性别划分的员工人数'));
  assert.equal(normalizeLabel('溫室氣體排放總量'), normalizeLabel('温室气体排放总量'));
  assert.equal(normalizeLabel('噸二氧化碳當量'), normalizeLabel('吨二氧化碳当量'));
  assert.equal(normalizeLabel('僱員總體流失率'), normalizeLabel('雇员总体流失率'));
  assert.equal(normalizeLabel('29 週歲及以下'), normalizeLabel('29 周岁及以下'));
  assert.equal(normalizeLabel('範圍一溫室氣體排放量'), normalizeLabel('範圍 1 溫室氣體排放量'));
  assert.equal(normalizeLabel('燃料和能源相關活動'), normalizeLabel('燃料與能源相關活動'));
  assert.equal(normalizeLabel('按性別劃分的員工人數'), normalizeLabel('按性別劃分員工人數'));
  // Different words stay different.
  assert.notEqual(normalizeLabel('男性'), normalizeLabel('女性'));
  assert.notEqual(normalizeLabel('<30'), normalizeLabel('>30'));
  assert.notEqual(normalizeLabel('直接能源消耗量'), normalizeLabel('間接能源消耗量'));
});

test('normalizeUnitText canonicalises sub/superscripts, separators and spaces', () => {
  assert.equal(normalizeUnitText('tCO₂e / 萬元'), 'tCO2e/萬元');
  assert.equal(normalizeUnitText('m³'), 'm3');
  assert.equal(normalizeUnitText('噸／萬元'), '噸/萬元');
  assert.equal(normalizeUnitText('千瓦時 ÷ 人'), '千瓦時/人');
  assert.equal(normalizeUnitText('kW·h'), 'kWh');
  assert.equal(normalizeUnitText('ｋＷｈ'), 'kWh');
  assert.equal(normalizeUnitText('RMB million'), 'RMBmillion');
});

test('helpers finish on 100 000-character inputs built to defeat naive regexes', () => {
  const n = 100_000;
  const inputs = [
    '<sup>'.repeat(n / 5),
    '[a]{'.repeat(n / 4),
    '[a]('.repeat(n / 4),
    '[^'.repeat(n / 2),
    ' '.repeat(n - 3) + '(1)',
    '１２３，'.repeat(n / 4),
    '<a'.repeat(n / 2),
    '⁽¹'.repeat(n / 2),
    '男'.repeat(n),
  ];
  for (const s of inputs) {
    assert.equal(s.length >= n - 3, true);
    const key = normalizeLabel(s);
    assert.equal(typeof key, 'string');
    assert.ok(key.length <= s.length);
    assert.equal(typeof normalizeUnitText(s), 'string');
    assert.equal(typeof stripFootnoteMarks(s), 'string');
  }
  assert.equal(normalizeLabel('男'.repeat(n)), '男'.repeat(n));
  assert.equal(toHalfWidth('１２３，'.repeat(n / 4)), '123,'.repeat(n / 4));
  assert.equal(stripFootnoteMarks(' '.repeat(n - 3) + '(1)').trim(), '(1)');
});
