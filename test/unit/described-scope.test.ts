// A scope described in brackets beside the other scopes is that scope's figure; two statements of one
// figure a thousand times apart are named as a unit slip, with the figure read in the smaller unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRule, run } from './util';

const HEAD = ['---', 'title: Test', 'lang: en', 'esg:', '  issuer: Test Ltd', '  period: 2024', '---', ''].join('\n');
const table = (rows: string[]) => `| Indicator | Unit | FY2024 |\n|---|---|--:|\n${rows.join('\n')}\n`;
const report = (...tables: string[][]) => `${HEAD}\n# Data {#data}\n\n${tables.map(table).join('\n')}`;
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

const PERFORMANCE = [
  '| Scope 1 GHG emissions | tCO2e | 4,367 |',
  '| Scope 2 GHG emissions | tCO2e | 83,876 |',
  '| Scope 3 GHG emissions | tCO2e | 7,018.6 |',
];

test('a Scope 3 row described in brackets, beside Scope 1 and 2, is compared with the Scope 3 figure', () => {
  const text = report(PERFORMANCE, [
    '| Scope 1 GHG emissions | tCO2e | 4,367 |',
    '| Scope 2 GHG emissions | tCO2e | 83,876 |',
    '| Scope 3 GHG emissions (ocean shipment by contractors) | tCO2e | 7,016.7 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/value-conflict');
  assert.equal(d.length, 1, JSON.stringify(d.map((x) => x.message)));
  assert.equal(d[0].range.start.line, lineOf(text, '| Scope 3 GHG emissions (ocean'));
  assert.match(d[0].message, /7,016\.7/);
  assert.match(d[0].message, /7,018\.6/);
});

test('the same described row agreeing with the Scope 3 figure raises nothing', () => {
  const text = report(PERFORMANCE, [
    '| Scope 1 GHG emissions | tCO2e | 4,367 |',
    '| Scope 3 GHG emissions (ocean shipment by contractors) | tCO2e | 7,018.6 |',
  ]);
  assert.deepEqual(byRule(run(text, { locale: 'en' }), 'kpi/value-conflict'), []);
});

test('Scope 3 parts stay parts: two of them in a table, or no scope stated whole beside them', () => {
  const two = report(PERFORMANCE, [
    '| Scope 1 GHG emissions | tCO2e | 4,367 |',
    '| Scope 3 GHG emissions (ocean shipment by contractors) | tCO2e | 5,000 |',
    '| Scope 3 GHG emissions (air freight by contractors) | tCO2e | 2,018.6 |',
  ]);
  assert.deepEqual(byRule(run(two, { locale: 'en' }), 'kpi/value-conflict'), []);
  const alone = report(PERFORMANCE, [
    '| Scope 2 GHG emissions (Hong Kong offices) | tCO2e | 1,200 |',
    '| Scope 3 GHG emissions (ocean shipment by contractors) | tCO2e | 5,000 |',
  ]);
  assert.deepEqual(byRule(run(alone, { locale: 'en' }), 'kpi/value-conflict'), []);
});

test('one figure a thousand times another is named as a unit slip, with the larger read in the smaller unit', () => {
  const text = report(
    ['| Scope 1 GHG emissions | tCO2e | 4,367 |', '| Scope 3 GHG emissions | tCO2e | 7,018,644 |'],
    ['| Scope 1 GHG emissions | tCO2e | 4,367 |', '| Scope 3 GHG emissions (ocean shipment) | tCO2e | 7,016.684 |'],
  );
  for (const locale of ['en', 'zh-Hant', 'zh-Hans'] as const) {
    const d = byRule(run(text, { locale }), 'kpi/value-conflict');
    assert.equal(d.length, 1, JSON.stringify(d.map((x) => x.message)));
    assert.match(d[0].message, /7,018\.644/, locale);
    assert.match(d[0].message, /1,000/, locale);
  }
  // 2% off a thousand is no such slip: the plain conflict message.
  const near = report(
    ['| Scope 1 GHG emissions | tCO2e | 4,367 |', '| Scope 3 GHG emissions | tCO2e | 7,160,000 |'],
    ['| Scope 1 GHG emissions | tCO2e | 4,367 |', '| Scope 3 GHG emissions (ocean shipment) | tCO2e | 7,016.684 |'],
  );
  const d = byRule(run(near, { locale: 'en' }), 'kpi/value-conflict');
  assert.equal(d.length, 1);
  assert.doesNotMatch(d[0].message, /1,000 times/);
});
