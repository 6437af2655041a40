import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { pandocIdentifier } from '../../server/src/engine/parser/identifiers';
import { parseNumber } from '../../server/src/engine/numbers/read';
import { FRONT, locate } from './util';

const parse = (text: string) => parseDocument('file:///t.esg.md', text);

test('headings carry Pandoc attributes, hkex tags with exact ranges, and section scopes', () => {
  const text = `${FRONT}# 綠色運營 {#green hkex="A1"}\n\n文字\n\n## 環境管理 {#env .x hkex="A1.1 A2.1-A2.3, MDR-boundary"}\n\n內容\n\n### 子節\n\n更多\n\n# 以人為本\n\n人\n`;
  const doc = parse(text);
  assert.deepEqual(
    doc.headings.map((h) => [h.level, h.title, h.anchor]),
    [
      [1, '綠色運營', 'green'],
      [2, '環境管理', 'env'],
      [3, '子節', '子節'],
      [1, '以人為本', '以人為本'],
    ],
  );
  const env = doc.sections[1];
  assert.deepEqual(
    env.tags.map((r) => r.id),
    ['A1.1', 'A2.1', 'A2.2', 'A2.3', 'MDR-boundary'],
  );
  assert.ok(env.tags.every((r) => r.known));
  const a22 = env.tags.find((r) => r.id === 'A2.2')!;
  assert.equal(a22.fromRange, true);
  assert.deepEqual(a22.range.start, locate(text, 'A2.1-A2.3'));
  assert.equal(env.parent, 0);
  assert.deepEqual(env.children, [2]);
  // A section runs to the line before the next heading of the same or higher level.
  assert.equal(doc.sections[0].range.end.line, locate(text, '# 以人為本').line - 1);
  assert.equal(env.range.end.line, locate(text, '# 以人為本').line - 1);
  assert.deepEqual(env.heading.attrs?.classes, ['x']);
});

test('unknown ids are kept with their range; full-width ids are normalised', () => {
  const text = '## X {hkex="A9.9 Ａ１．１ B6.1"}\n\ntext\n';
  const [s] = parse(text).sections;
  assert.deepEqual(
    s.tags.map((r) => [r.id, r.known]),
    [
      ['A9.9', false],
      ['A1.1', true],
      ['B6.1', true],
    ],
  );
  assert.deepEqual(s.tags[0].range, {
    start: locate(text, 'A9.9'),
    end: { line: 0, character: locate(text, 'A9.9').character + 4 },
  });
});

test('Pandoc automatic identifiers: CJK kept, punctuation removed, leading digits dropped, duplicates numbered', () => {
  assert.equal(pandocIdentifier('環境管理'), '環境管理');
  assert.equal(pandocIdentifier('附錄一：關鍵績效'), '附錄一關鍵績效');
  assert.equal(pandocIdentifier('2025 年資源管理績效'), '年資源管理績效');
  assert.equal(pandocIdentifier('Climate Change & Energy'), 'climate-change-energy');
  assert.equal(pandocIdentifier('123'), 'section');
  const doc = parse('# A\n\nx\n\n# A\n\ny\n\n# A {#a-1}\n\nz\n');
  assert.deepEqual(
    doc.headings.map((h) => h.anchor),
    ['a', 'a-1', 'a-1'],
    'document order, as Pandoc',
  );
});

test('explanation divs: text, ids, empty and unclosed blocks', () => {
  const text =
    '# S\n\n::: {.explain hkex="B6.1 A2.5"}\n本集團不涉及實體產品。\n:::\n\n::: {.explain hkex="A1.3"}\n<!-- placeholder -->\n:::\n\n::: explain\n無編號\n:::\n\n::: {.explain hkex="B8.1"}\n沒有結束\n';
  const doc = parse(text);
  assert.equal(doc.explanations.length, 4);
  const [a, b, c, d] = doc.explanations;
  assert.deepEqual(
    a.refs.map((r) => r.id),
    ['B6.1', 'A2.5'],
  );
  assert.equal(a.text, '本集團不涉及實體產品。');
  assert.equal(a.section, 0);
  assert.equal(b.text, '', 'an HTML comment is not a reason');
  assert.equal(c.refs.length, 0);
  assert.equal(d.closed, false);
  const keys = doc.syntaxProblems.map((p) => p.key).sort();
  assert.deepEqual(keys, ['div.unclosed', 'explain.noIds']);
});

test('code fences hide headings and tables', () => {
  const doc = parse('```\n# not a heading\n| a | b |\n|---|---|\n```\n# real\n\nx\n');
  assert.deepEqual(
    doc.headings.map((h) => h.title),
    ['real'],
  );
  assert.equal(doc.tables.length, 0);
});

test('setext headings and closing hashes', () => {
  const doc = parse('Title\n=====\n\ntext\n\n## Sub ## {#sub hkex="A1"}\n\nx\n');
  assert.deepEqual(
    doc.headings.map((h) => [h.level, h.title, h.anchor]),
    [
      [1, 'Title', 'title'],
      [2, 'Sub', 'sub'],
    ],
  );
});

test('KPI tables from the seeds: two label columns, carried groups, caption rows, footnotes, spans', () => {
  const text = [
    '# 附錄',
    '',
    '| 績效指標 | | 單位 | 2025 年數值 |',
    '|---|---|---|---|',
    '| 環境績效 | | | |',
    '| [總耗水量]{#water.total formula="water.office + water.dc"} | | 噸 | 20,035.5 |',
    '| 員工總數 <sup>14</sup> | | 人 | 937 |',
    '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |',
    '| | 女性員工 | 人 | ２９７ |',
    '| 員工總體流失比率[^15] | | % | 28.64 |',
    '| 研發投入 | | 萬元 | N/A |',
    '| 缺值 | | 人 |',
  ].join('\n');
  const doc = parse(text);
  assert.equal(doc.kpiTables.length, 1);
  const kt = doc.kpiTables[0];
  assert.deepEqual(
    kt.periods.map((p) => p.period),
    ['2025'],
  );
  assert.equal(kt.unitColumn, 2);
  const rows = kt.rows;
  assert.equal(rows[0].isCaption, true);
  assert.deepEqual(
    [rows[1].kpiId, rows[1].kpiIdSource, rows[1].label, rows[1].formula?.text],
    ['water.total', 'span', '總耗水量', 'water.office + water.dc'],
  );
  assert.equal(rows[1].values[0].value, 20035.5);
  assert.equal(rows[1].values[0].decimals, 1);
  assert.equal(rows[2].label, '員工總數');
  assert.equal(rows[2].values[0].value, 937);
  assert.equal(rows[3].group, '按性別劃分的員工人數');
  assert.equal(rows[4].group, '按性別劃分的員工人數', 'an empty first cell repeats the group above');
  assert.equal(rows[4].values[0].value, 297, 'full-width digits');
  assert.equal(rows[5].values[0].value, 28.64);
  assert.equal(rows[6].values[0].status, 'none');
  assert.equal(rows[7].values[0].status, 'empty', 'a half-typed row has an empty value, not a crash');
  assert.equal(rows[2].kpiIdSource, 'catalog');
});

test('period columns: FY2025, 2025年數值, two years', () => {
  const doc = parse('| Indicator | Unit | FY2024 | 2025年數值 |\n|---|---|---|---|\n| Total water | m³ | 1 | 2 |\n');
  assert.deepEqual(
    doc.kpiTables[0].periods.map((p) => p.period),
    ['2024', '2025'],
  );
});

test('a table without a unit column is a KPI table only when its period cells are figures (more shapes in kpi-shapes.test.ts)', () => {
  const doc = parse('| a | 2025 |\n|---|---|\n| x | 1 |\n');
  assert.equal(doc.tables.length, 1);
  assert.equal(doc.kpiTables.length, 0, 'one number is not a table of figures');
  const text = parse('| a | 2025 |\n|---|---|\n| x | 見附註 |\n| y | 待定 |\n');
  assert.equal(text.kpiTables.length, 0);
  const figures = parse('| 指標 | 2024 | 2025 |\n|---|---|---|\n| 總耗電量（千瓦時） | 1 | 2 |\n');
  assert.deepEqual(
    figures.kpiTables[0].periods.map((p) => p.period),
    ['2024', '2025'],
  );
  assert.equal(figures.kpiTables[0].rows[0].unit?.raw, '千瓦時');
});

test('numbers as HK reports print them: scientific notation, bounds, approximate figures, pairs', () => {
  assert.deepEqual(parseNumber('2.29 x 10⁻²'), { status: 'number', value: 0.0229, decimals: 4, percent: false });
  assert.deepEqual(parseNumber('2.29×10-2'), { status: 'number', value: 0.0229, decimals: 4, percent: false });
  assert.deepEqual(parseNumber('1.2E-3'), { status: 'number', value: 0.0012, decimals: 4, percent: false });
  assert.deepEqual(parseNumber('1.2 x 10³'), { status: 'number', value: 1200, decimals: -2, percent: false });
  assert.deepEqual(parseNumber('<0.01'), {
    status: 'number',
    value: 0.01,
    decimals: 2,
    percent: false,
    bound: '<',
    interval: { lo: 0, hi: 0.01 },
  });
  assert.deepEqual(parseNumber('＜0.01').interval, { lo: 0, hi: 0.01 });
  assert.deepEqual(parseNumber('less than 1').interval, { lo: 0, hi: 1 });
  assert.deepEqual(parseNumber('>99%'), {
    status: 'number',
    value: 99,
    decimals: 0,
    percent: true,
    bound: '>',
    interval: { lo: 99, hi: 100 },
  });
  assert.equal(parseNumber('≤ 5').bound, '≤');
  assert.equal(parseNumber('低於0.01').bound, '<');
  assert.deepEqual(parseNumber('approximately 1,000').interval, { lo: 500, hi: 1500 });
  assert.deepEqual(parseNumber('約100').interval, { lo: 50, hi: 150 });
  assert.equal(parseNumber('約100').approximate, true);
  // At least ± 5 %: '~12.5' is not 12.45-12.55.
  assert.deepEqual(parseNumber('~12.5').interval, { lo: 11.875, hi: 13.125 });
  assert.equal(parseNumber('0 / 0').status, 'pair');
  assert.deepEqual(
    parseNumber('20.5 / 28.9').pair?.map((p) => p.value),
    [20.5, 28.9],
  );
  assert.equal(parseNumber('１２３，４５６').value, 123456);
  for (const bad of ['約', '<', '1/2/3', '10 x 10', 'x 10⁻²', '2.29 x 10', '1 / N/A', '< abc'])
    assert.equal(parseNumber(bad).status, 'bad', bad);
});

test('numbers as reports print them', () => {
  assert.deepEqual(parseNumber('1,124,032'), { status: 'number', value: 1124032, decimals: 0, percent: false });
  assert.deepEqual(parseNumber('0.2766'), { status: 'number', value: 0.2766, decimals: 4, percent: false });
  assert.deepEqual(parseNumber('28.64%'), { status: 'number', value: 28.64, decimals: 2, percent: true });
  assert.deepEqual(parseNumber('１２３，４５６'), { status: 'number', value: 123456, decimals: 0, percent: false });
  assert.equal(parseNumber('-').status, 'none');
  assert.equal(parseNumber('不適用').status, 'none');
  assert.equal(parseNumber('N/A').status, 'none');
  assert.equal(parseNumber('').status, 'empty');
  assert.equal(parseNumber('1.2.3').status, 'bad');
  assert.equal(parseNumber('1,12,4').status, 'bad');
  assert.equal(parseNumber('1.2.3').status, 'bad');
  assert.equal(parseNumber('9'.repeat(400)).status, 'bad');
});

test('index table rows: ids, KPI prefixes, aspect + 一般披露 rows, Part B names, Part D paragraphs, deleted rows', () => {
  const text = [
    '# 環境管理 {#env}',
    '',
    'x',
    '',
    '## 索引 {.hkex-index}',
    '',
    '| 層面 | 內容 | 報告章節 |',
    '|---|---|---|',
    '| 匯報範圍 | 解釋環境、社會及管治報告的匯報範圍 | [環境管理](#env) |',
    '| 層面 A1：排放物 | | |',
    '| 一般披露 | 有關廢氣… | 環境管理 |',
    '| 關鍵績效指標 A1.1 | 排放物種類 | 環境管理 |',
    '| A1.2 | [ 於 2025 年 1 月 1 日刪除 ] | |',
    '| KPI B6.1 | 回收 | 與主營業務不相關，故不適用 |',
    '| 指標及目標 | <p>28. 發行人須披露匯報期內的溫室氣體絕對總排放量</p> | 環境管理 |',
    '| 層面 A2：資源使用 | | |',
    '| 一般披露 | | |',
  ].join('\n');
  const doc = parse(text);
  assert.equal(doc.indexTables.length, 1);
  const rows = doc.indexTables[0].rows;
  const ids = rows.map((r) => r.refs.map((x) => x.id).join(','));
  assert.deepEqual(ids, ['MDR-boundary', 'A1', 'A1.1', 'A1.2', 'B6.1', 'D28', 'A2']);
  assert.equal(rows[0].target.kind, 'links');
  assert.equal(rows[1].target.kind, 'titles');
  assert.equal(rows[3].markedDeleted, true);
  assert.equal(rows[4].target.kind, 'explanation');
  assert.equal(rows[6].target.kind, 'empty');
});

test('CRLF, BOM and lone CR give the same model as LF', () => {
  const lf = `${FRONT}# 環境 {hkex="A1"}\n\n內容\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 1 |\n`;
  const a = parse(lf);
  for (const variant of [lf.replace(/\n/g, '\r\n'), '\uFEFF' + lf, lf.replace(/\n/g, '\r')]) {
    const b = parse(variant);
    assert.equal(b.config.present, true);
    assert.deepEqual(
      b.sections.map((s) => [s.heading.title, s.tags.map((t) => t.id), s.range.start.line, s.range.end.line]),
      a.sections.map((s) => [s.heading.title, s.tags.map((t) => t.id), s.range.start.line, s.range.end.line]),
    );
    assert.deepEqual(b.kpiTables[0].rows[0].values[0].range, a.kpiTables[0].rows[0].values[0].range);
  }
});

test('never throws on hostile input', () => {
  const inputs = [
    '',
    '---',
    '---\n',
    '---\nesg: [\n---\n',
    '# {',
    '# x {hkex="',
    '::: {.explain hkex="A1',
    '|',
    '| a |\n|---|\n|',
    '[[[[[[[[[[',
    '[x]{'.repeat(1000),
    '|'.repeat(100000) + '\n' + '|---'.repeat(1000),
    '\uD800\uDC00\uD800',
    '#'.repeat(7) + ' x',
    ':::'.repeat(100),
    '\u0000\u0001\u0002',
  ];
  for (const input of inputs) assert.doesNotThrow(() => parse(input), JSON.stringify(input.slice(0, 40)));
});

test('unit cells keep superscripts that belong to the unit', () => {
  const doc = parse(
    '| Indicator | Unit | 2025 |\n|---|---|---|\n| Water | m³ | 1 |\n| Area | m<sup>2</sup> [^3] | 2 |\n',
  );
  assert.deepEqual(
    doc.kpiTables[0].rows.map((r) => r.unit?.raw),
    ['m³', 'm2'],
  );
});
