// GRI content indexes as HK issuers publish them (test/corpus: Swire Pacific 2025, Swire Properties 2022):
// a location cell that names a section and adds a remark after a line break, a statement given in place
// of a location, and a FY2022 report published on the 2021 Standards that still cites 2016 numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { griIndexTables } from '../../server/src/engine/recognition/packIndex';
import { saysNotReported } from '../../server/src/engine/rules/gri/omission-reason';

const report = (period: string, body: string[]) =>
  ['---', 'esg:', `  period: ${period}`, '  frameworks: [hkex-esg-2025, gri-2021]', '---', ...body, ''].join('\n');

const gri = (text: string) =>
  analyze({ uri: 'gri-published', text }, { locale: 'en' })
    .diagnostics.filter((d) => d.rule.startsWith('gri/'))
    .map((d) => `${d.range.start.line + 1} ${d.rule} ${d.message}`);

const index = (rows: string[]) => [
  '# About us {#about}',
  '## Our Approach {#approach}',
  'Text.',
  '# GRI content index {.gri-index}',
  '| GRI 2: General Disclosures 2021 | GRI Standards description | References and remarks |',
  '|---|---|---|',
  ...rows,
];

test('a location that names a section, then a remark after a line break, points to that section', () => {
  const text = report(
    '2025',
    index([
      '| 2-6 | Activities, value chain | About us<br>We have no central procurement, so no Group-level supplier data. |',
      '| 2-9 | Governance structure | About us – Our Approach<br>This report has been approved by our Board. |',
      '| 2-7 | Employees | Information unavailable<br>Group-level headcount data is not collected this year. |',
    ]),
  );
  const a = analyze({ uri: 'br', text });
  const rows = griIndexTables(a.model)[0].rows;
  assert.deepEqual(
    rows.map((r) => [
      r.refs[0].id,
      r.target.kind,
      r.target.kind === 'titles' ? r.target.titles.map((t) => t.text) : [],
    ]),
    [
      ['2-6', 'titles', ['About us']],
      ['2-9', 'titles', ['About us', 'Our Approach']],
      // A first line that is no heading stays an explanation (here an omission with its reason), not a broken title.
      ['2-7', 'explanation', []],
    ],
  );
  assert.deepEqual(gri(text), []);
});

test('a statement that answers the disclosure in place of a location is no omission; one that says nothing is given is', () => {
  const text = report(
    '2025',
    index([
      '| 2-4 | Restatements of information | No historical data has been restated in this report |',
      '| 2-27 | Compliance with laws and regulations | In 2025, we were not subject to significant fines or non-monetary sanctions for non-compliance with laws or regulations. |',
      '| 2-28 | Membership associations | To be reported in next year’s report once the survey of the operating companies is complete. |',
      '| 2-29 | Approach to stakeholder engagement | The Group-level figures are not yet collected from the operating companies. |',
    ]),
  );
  assert.deepEqual(gri(text), [
    '14 gri/omission-reason GRI 2-28 is omitted without one of the reasons GRI allows (Not applicable; Legal prohibitions; Confidentiality constraints; Information unavailable or incomplete).',
    '15 gri/omission-reason GRI 2-29 is omitted without one of the reasons GRI allows (Not applicable; Legal prohibitions; Confidentiality constraints; Information unavailable or incomplete).',
  ]);
  assert.equal(saysNotReported('不適用：本集團沒有相關業務'), true);
  assert.equal(saysNotReported('暫未披露集團層面數據'), true);
  assert.equal(saysNotReported('本年度沒有重大違規個案'), false);
});

test('a FY2022 report that cites GRI 2 / GRI 3 disclosures is on the 2021 Standards: its 2016 numbers are reported', () => {
  const body = (ids: string) => [
    '# Report',
    `## Stakeholders {#stakeholders gri="${ids}"}`,
    'Text.',
    '## Materiality {#materiality gri="3-1, 3-2"}',
    'Text.',
  ];
  assert.deepEqual(
    gri(report('2022', body('102-40, 102-42'))).map((d) => d.slice(0, 40)),
    ['7 gri/unknown-id `102-40` is not a GRI d', '7 gri/unknown-id `102-42` is not a GRI d'],
  );
  // Without a 2021 number, a FY2022 report's 2016 numbers are not read against the 2021 Standards.
  const only2016 = report('2022', ['# Report', '## Stakeholders {#stakeholders gri="102-40, 102-42"}', 'Text.']);
  assert.deepEqual(gri(only2016), []);
});

test('a heading titled as issuers title a combined index is a GRI index without the class', () => {
  const tableUnder = (heading: string) =>
    griIndexTables(
      analyze({
        uri: 'title',
        text: report('2025', [`# ${heading}`, '| Disclosure | Location |', '|---|---|', '| 2-1 | Report |']),
      }).model,
    ).length;
  assert.equal(tableUnder('GRI and HKEX content indexes'), 1);
  assert.equal(tableUnder('GRI and HKEx indices'), 1);
  assert.equal(tableUnder('GRI Standards content index'), 1);
  assert.equal(tableUnder('HKEX content index'), 0);
  assert.equal(tableUnder('GRI and HKEX content indexes for 2026 planning'), 0);
});
