// Factor quotes at paragraph scope: the year, basis and region of one clause are never applied to
// another quote of the same paragraph (a location-based and a market-based factor for different years).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, run } from '../util';
import { factorQuotes } from '../../../server/src/engine/derived';
import { parseDocument } from '../../../server/src/engine/recognition/document';

const report = (body: string) => `${FRONT}# 排放\n\n${body}\n`;
const quotes = (text: string) =>
  factorQuotes(parseDocument('file:///t.esg.md', text)).map((q) => [q.value, q.year, q.basis]);
const mismatch = (text: string) => byRule(run(text, { locale: 'en' }), 'ghg/factor-mismatch');

test('a location-based 2022 average and a market-based 2023 excluding-non-fossil factor in one sentence: both correct, no mismatch', () => {
  const text = report(
    '範圍二排放按位置基準法採用 2022 年全國電網平均排放因子 0.5366 kgCO2/kWh，按市場基準法採用 2023 年不包括市場化交易的非化石能源電力的全國電力平均二氧化碳排放因子 0.6096 kgCO2/kWh 計算。',
  );
  assert.deepEqual(quotes(text), [
    [0.5366, 2022, 'average'],
    [0.6096, 2023, 'excl-market-nonfossil'],
  ]);
  assert.deepEqual(mismatch(text), []);
});

test('the same in English, the two factors in two sentences of one paragraph', () => {
  const text = report(
    'Location-based Scope 2 emissions use the 2023 national grid average emission factor of 0.5306 kgCO2/kWh. Market-based emissions use the national emission factor for 2022 excluding market-traded non-fossil power, 0.5856 kgCO2/kWh.',
  );
  assert.deepEqual(quotes(text), [
    [0.5306, 2023, 'average'],
    [0.5856, 2022, 'excl-market-nonfossil'],
  ]);
  assert.deepEqual(mismatch(text), []);
});

test('per clause, a wrong figure is still found, and only that one', () => {
  // 0.5366 is the 2022 average, not the 2023 one.
  const text = report(
    '位置基準：2023 年全國電網平均排放因子 0.5366 kgCO2/kWh；市場基準：2022 年不包括市場化交易的非化石能源電力排放因子 0.5856 kgCO2/kWh。',
  );
  const d = mismatch(text);
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '0.5366'));
  // The excluding-non-fossil factor given for the wrong year in its own clause is reported at it.
  const wrong = report(
    '位置基準採用 2022 年全國電網平均排放因子 0.5366 kgCO2/kWh，市場基準採用 2023 年不包括市場化交易的非化石能源電力排放因子 0.5856 kgCO2/kWh。',
  );
  const w = mismatch(wrong);
  assert.equal(w.length, 1);
  assert.deepEqual(w[0].range.start, locate(wrong, '0.5856'));
});

test('words that introduce a list still apply to every quote of it', () => {
  // The basis and year come before the list; each region is its clause's.
  const list = report(
    '我們採用 2023 年不包括市場化交易的非化石能源電力排放因子：全國 0.6096 kgCO2/kWh，全國（複核）0.6096 kgCO2/kWh。',
  );
  assert.deepEqual(quotes(list), [
    [0.6096, 2023, 'excl-market-nonfossil'],
    [0.6096, 2023, 'excl-market-nonfossil'],
  ]);
  assert.deepEqual(mismatch(list), []);
  // An introduction in its own sentence.
  const intro = report(
    '以下因子均取自《關於發佈2023年電力二氧化碳排放因子的公告》。全國電力平均二氧化碳排放因子為 0.5306 kgCO2/kWh。',
  );
  assert.deepEqual(quotes(intro), [[0.5306, 2023, 'average']]);
  assert.deepEqual(mismatch(intro), []);
});

test('a market-based factor with no catalog series is not compared with the average', () => {
  const text = report(
    'Market-based Scope 2 emissions use the supplier-specific 2023 emission factor of 0.4210 kgCO2/kWh, and location-based ones the 2023 national grid average emission factor of 0.5306 kgCO2/kWh.',
  );
  assert.deepEqual(quotes(text), [
    [0.421, 2023, 'market'],
    [0.5306, 2023, 'average'],
  ]);
  assert.deepEqual(mismatch(text), []);
});
