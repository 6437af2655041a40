// Raw HTML in labels, titles and cells (text/html.ts): only real tags and comments go. A `<` or `>`
// that does not open a tag is text: `Employees aged <30 or >50` was shown and exported as
// `Employees aged 50` while every `<…>` run was stripped as if it were HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskHtml, stripHtml, stripHtmlComments } from '../../server/src/engine/text/html';
import { analyze, exportKpis, getReportModel } from '../../server/src/engine';
import { pandocIdentifier } from '../../server/src/engine/parser/identifiers';
import { normalizeLabel } from '../../server/src/engine/text/normalize';
import { FRONT } from './util';

test('stripHtml removes tags (a tag name right after < or </) and comments, and keeps any other < and >', () => {
  const cases: [string, string][] = [
    ['Employees aged <30 or >50', 'Employees aged <30 or >50'],
    ['a < b > c', 'a < b > c'],
    ['<3 years', '<3 years'],
    ['x <- y -> z', 'x <- y -> z'],
    ['<> and <1> and < br>', '<> and <1> and < br>'],
    ['<Scope 1>', '<Scope 1>'],
    ['CO<sub>2</sub>', 'CO2'],
    ['Staff<sup>1</sup>', 'Staff1'],
    ['a<br>b<br/>c<br />d<BR>e', 'a b c d e'],
    ['<p>a</p><p>b</p>', ' a  b '],
    ['<span class="x" data-y=\'1\' hidden>t</span>', 't'],
    ['a<!-- note -->b<!-- <30 > -->c', 'abc'],
    ['a<!-- never closed <b>x</b>', 'a<!-- never closed x'],
  ];
  for (const [input, expected] of cases) assert.equal(stripHtml(input), expected, input);
  assert.equal(stripHtml('a<b>c</b>', ' '), 'a c ');
});

test('stripHtmlComments and maskHtml: comments anywhere, offsets kept, linear on runs of <!--', () => {
  assert.equal(stripHtmlComments('a<!--x-->b<!--y-->c'), 'abc');
  assert.equal(stripHtmlComments('a<!-->b-->c'), 'ac');
  const text = 'x <sup>1</sup> <30 <!-- c --> y';
  const masked = maskHtml(text);
  assert.equal(masked.length, text.length);
  assert.equal(masked.replace(/ +/g, ' '), 'x 1 <30 y');
  const run = '<!--'.repeat(200_000);
  const started = process.hrtime.bigint();
  assert.equal(stripHtmlComments(run), run);
  assert.equal(stripHtml(`${run}<b>`), run);
  assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 500, 'linear');
});

test('KPI labels, the report model and the CSV/JSON export keep < and >; catalog keys still tell <30 from >30', () => {
  const text = `${FRONT}# 人 {hkex="B1"}\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| Employees aged <30 or >50 | 人 | 120 |\n| Staff<sup>1</sup> with a<br>disability | 人 | 7 |\n`;
  const a = analyze({ uri: 'file:///t.esg.md', text });
  const labels = a.model.kpiTables.flatMap((t) => t.rows.map((r) => r.label));
  assert.deepEqual(labels, ['Employees aged <30 or >50', 'Staff with a disability']);
  const rows = getReportModel(a).kpiGroups.flatMap((g) => g.rows);
  assert.ok(
    rows.some((r) => r.label === 'Employees aged <30 or >50'),
    JSON.stringify(rows.map((r) => r.label)),
  );
  assert.ok(exportKpis(getReportModel(a), 'csv').includes('Employees aged <30 or >50'));
  assert.ok(exportKpis(getReportModel(a), 'json').includes('"Employees aged <30 or >50"'));
  assert.notEqual(normalizeLabel('員工 <30 歲'), normalizeLabel('員工 >30 歲'));
});

test('headings: titles keep < and >, and anchors are those of Pandoc', () => {
  // Identifiers printed by pandoc 2.17 (`pandoc -f markdown -t json`) for the same headings.
  assert.equal(pandocIdentifier('Age <30 or >50'), 'age-30-or-50');
  assert.equal(pandocIdentifier('Staff<sup>1</sup> with a<br/>disability'), 'staff1-with-a-disability');
  assert.equal(pandocIdentifier('x <a or >b'), 'x-b');
  const text = `${FRONT}# Age <30 or >50\n\n## Index {.hkex-index}\n\n| 條文 | 內容 | 報告章節 |\n|---|---|---|\n| B1 | 僱傭 | Age <30 or >50 |\n`;
  const a = analyze({ uri: 'file:///t.esg.md', text });
  assert.equal(a.model.headings[0].title, 'Age <30 or >50');
  const target = a.model.indexTables[0]?.rows[0]?.target;
  assert.equal(target?.kind, 'titles');
  if (target?.kind === 'titles')
    assert.deepEqual(
      target.titles.map((t) => t.text),
      ['Age <30 or >50'],
    );
  assert.ok(
    !a.diagnostics.some((d) => d.rule === 'hkex/index-broken-target'),
    JSON.stringify(a.diagnostics.filter((d) => d.rule.startsWith('hkex/index'))),
  );
});
