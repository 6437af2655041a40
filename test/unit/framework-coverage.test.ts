// Coverage of every claimed framework (features/coverage.ts), each framework's content index
// (features/indexFramework.ts) and the framework hover: statuses with their evidence, implied ones
// marked with the id they come from, severities by profile and year, and edits that touch only the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  applyTextEdits,
  claimedFrameworks,
  frameworkCoverageOf,
  frameworkIndex,
  frameworkIndexEdit,
  frameworkIndexMarkdown,
  getHover,
  getReportModel,
} from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');
const GRI_EXAMPLE = readFileSync(join(root, 'examples', 'frameworks-gri-2025.esg.md'), 'utf8');

function report(frontMatter: string[], body: string[]): string {
  return ['---', 'lang: en', 'esg:', ...frontMatter.map((l) => `  ${l}`), '---', '', ...body, ''].join('\n');
}

const CLIMATE = [
  '# Climate {#climate}',
  '',
  '## Scope 1 {#scope1 hkex="D28(a)"}',
  '',
  'Our Scope 1 emissions were 112.6 tCO2e.',
  '',
  '## Scope 2 {#scope2 issb="29(a)(i)(2)"}',
  '',
  'Location-based Scope 2.',
  '',
  '## Software metrics {#software sasb="TC-SI-130a.1"}',
  '',
  'Energy consumed by our data centres.',
];

const itemOf = (analysis: ReturnType<typeof analyze>, framework: string, id: string) =>
  frameworkCoverageOf(analysis, framework)?.items.find((i) => i.id === id);

test('GRI example: tagged items disclosed, HKEX-mapped ones implied with their id, the omitted one explained', () => {
  const a = analyze({ uri: 'file:///gri.esg.md', text: GRI_EXAMPLE });
  const claimed = claimedFrameworks(a);
  assert.deepEqual(
    claimed.map((f) => f.id),
    ['gri-2021'],
  );
  const gri = claimed[0];
  assert.equal(gri.severity, 'voluntary');
  const scope1 = gri.items.find((i) => i.id === '305-1')!;
  assert.equal(scope1.status, 'disclosed');
  assert.ok(scope1.places.some((p) => p.anchor === 'emissions' && p.source === 'tag' && !p.implied));
  // Implied only through the HKEX map, and said so.
  const valueChain = gri.items.find((i) => i.id === '2-6')!;
  assert.equal(valueChain.status, 'implied');
  assert.deepEqual(valueChain.places[0].implied, { framework: 'hkex-esg-2025', id: 'B5.1' });
  assert.equal(valueChain.statusLabel, 'implied by a cross-map (HKEX B5.1)');
  const scope3 = gri.items.find((i) => i.id === '305-3')!;
  assert.equal(scope3.status, 'explained');
  assert.match(scope3.explanation!.text, /Information unavailable/);
  // GRI 102 (2027) is listed, not yet in force for FY2025.
  assert.equal(gri.items.find((i) => i.id === '102-5')!.status, 'not-in-force');
  assert.equal(gri.counts.disclosed + gri.counts.implied + gri.counts.explained + gri.counts.missing, 114 - 15);
  assert.match(gri.summary, /^GRI \d+\/99 \(\d+ implied\)$/);
  // The report model carries it for the coverage view and the status bar.
  assert.deepEqual(
    getReportModel(a).frameworks?.map((f) => f.summary),
    [gri.summary],
  );
});

test('the year decides the version: FY2027 has 305-1 out of force (-> 102-5) and 102-5 answered by the Scope 1 figure', () => {
  const text = GRI_EXAMPLE.replace('from: 2025-01-01', 'from: 2027-01-01').replace('to: 2025-12-31', 'to: 2027-12-31');
  const a = analyze({ uri: 'file:///gri-2027.esg.md', text });
  const old = itemOf(a, 'gri-2021', '305-1')!;
  assert.equal(old.status, 'not-in-force');
  assert.deepEqual(old.successors, ['102-5']);
  assert.match(old.statusLabel, /→ 102-5$/);
  const successor = itemOf(a, 'gri-2021', '102-5')!;
  assert.equal(successor.status, 'disclosed');
  assert.ok(successor.places.some((p) => p.source === 'kpi'));
  // The index for FY2027 lists 102-5 and not 305-1.
  const ids = frameworkIndex(a, 'gri-2021')!.rows.map((r) => r.id);
  assert.ok(ids.includes('102-5') && !ids.includes('305-1'));
});

test('cross-maps both ways: an HKEX tag implies IFRS S2, an issb tag implies HKEX and HKFRS S2', () => {
  const text = report(
    ['frameworks: [hkex-esg-2025, ifrs-s2, hkfrs-s2, sasb-tc-si]', 'period: 2025', 'issuer-class: largecap'],
    CLIMATE,
  );
  const a = analyze({ uri: 'file:///climate.esg.md', text });
  const s1 = itemOf(a, 'ifrs-s2', '29(a)(i)(1)')!;
  assert.equal(s1.status, 'implied');
  assert.deepEqual(s1.places[0].implied, { framework: 'hkex-esg-2025', id: 'D28(a)' });
  assert.equal(itemOf(a, 'ifrs-s2', '29(a)(i)(2)')!.status, 'disclosed');
  // HKFRS S2 (effective 1 August 2025) is not in force for a year commencing 1 January 2025 ...
  assert.equal(frameworkCoverageOf(a, 'hkfrs-s2')!.severity, 'not-in-force');
  assert.equal(itemOf(a, 'hkfrs-s2', '29(a)(i)(2)')!.status, 'not-in-force');
  // ... and is for FY2026, where it is IFRS S2 as adopted: the issb tag implies the same paragraph.
  const fy2026 = analyze({ uri: 'file:///climate-2026.esg.md', text: text.replace('period: 2025', 'period: 2026') });
  const hk = itemOf(fy2026, 'hkfrs-s2', '29(a)(i)(2)')!;
  assert.equal(hk.status, 'implied');
  assert.deepEqual(hk.places[0].implied, { framework: 'ifrs-s2', id: '29(a)(i)(2)' });
  // And back: the HKEX paragraph paired with 29(a)(i)(2) is implied by the issb tag.
  const d28b = itemOf(a, 'hkex-esg-2025', 'D28(b)')!;
  assert.equal(d28b.status, 'implied');
  assert.deepEqual(d28b.places[0].implied, { framework: 'ifrs-s2', id: '29(a)(i)(2)' });
  assert.equal(itemOf(a, 'sasb-tc-si', 'TC-SI-130a.1')!.status, 'disclosed');
  assert.equal(itemOf(a, 'sasb-tc-si', 'TC-SI-220a.1')!.status, 'missing');
  // The 2025 amendments' paragraphs are not in force for FY2025.
  assert.equal(itemOf(a, 'ifrs-s2', '29A')!.status, 'not-in-force');
  assert.match(frameworkCoverageOf(fy2026, 'hkfrs-s2')!.reason, /^LargeCap, year commencing 2026-01-01/);
});

test('severity by profile: the A-share guidelines bind an A+H issuer from FY2025; reference tags are never missing', () => {
  const sev = (listings: string, period: string) =>
    frameworkCoverageOf(
      analyze({
        uri: 'file:///a.esg.md',
        text: report(
          [`frameworks: [hkex-esg-2025, ashare-2024, un-sdg]`, `listings: [${listings}]`, `period: ${period}`],
          ['# Climate {#climate}'],
        ),
      }),
      'ashare-2024',
    )!.severity;
  assert.equal(sev('hkex, sse', '2025'), 'mandatory');
  // FY2024 commenced before the guidelines' 1 May 2024: not in force; a later start is voluntary before FY2025.
  assert.equal(sev('hkex, szse', '2024'), 'not-in-force');
  assert.equal(sev('hkex, szse', '{from: 2024-07-01, to: 2025-06-30}'), 'voluntary');
  assert.equal(sev('hkex', '2025'), 'voluntary');
  const a = analyze({
    uri: 'file:///sdg.esg.md',
    text: report(['frameworks: [hkex-esg-2025, un-sdg]', 'period: 2025'], ['# Climate {#climate}']),
  });
  const sdg = frameworkCoverageOf(a, 'un-sdg')!;
  assert.equal(sdg.severity, 'reference');
  assert.ok(sdg.items.every((i) => i.status === 'reference'));
  assert.equal(frameworkCoverageOf(a, 'no-such-framework'), undefined);
});

test('the content index: Markdown with links, implied ones marked, "not reported" for the rest', () => {
  const a = analyze({ uri: 'file:///gri.esg.md', text: GRI_EXAMPLE });
  const index = frameworkIndex(a, 'gri-2021')!;
  assert.equal(index.fyStart, '2025-01-01');
  const table = frameworkIndexMarkdown(a, index).split('\n');
  assert.equal(table[0], '| Disclosure | Title | Location | Reason for omission |');
  assert.ok(table.includes('| 2-1 | Organisation details | [About this report](#about) |  |'));
  assert.ok(table.includes('| 2-2 | Entities in the report | not reported |  |'));
  assert.ok(
    table.includes(
      '| 2-6 | Activities and value chain | [Supply chain management](#supply-chain) (implied by HKEX B5.1) |  |',
    ),
  );
  assert.ok(table.some((l) => l.startsWith('| 305-3 | Scope 3 GHG emissions |  | Information unavailable')));
});

test('writing the index replaces only its table, without "not reported" rows; refuses or inserts when there is none', () => {
  const a = analyze({ uri: 'file:///gri.esg.md', text: GRI_EXAMPLE });
  const planned = frameworkIndexEdit(a, 'gri-2021', false);
  assert.ok(planned.ok);
  assert.equal(planned.replaced, true);
  const after = applyTextEdits(GRI_EXAMPLE, [planned.edit]);
  const start = GRI_EXAMPLE.indexOf('| Disclosure |');
  assert.equal(after.slice(0, start), GRI_EXAMPLE.slice(0, start));
  assert.ok(!after.includes('not reported'));
  // What the report says after the write still checks clean (no omission without a reason).
  const rechecked = analyze({ uri: 'file:///gri.esg.md', text: after });
  assert.deepEqual(
    rechecked.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message),
    [],
  );
  // No SASB index in the report: refused, or appended under the SASB heading class with --insert.
  assert.deepEqual(frameworkIndexEdit(a, 'sasb-tc-si', false), { ok: false, reason: 'no-table' });
  const inserted = frameworkIndexEdit(a, 'sasb-tc-si', true);
  assert.ok(inserted.ok && !inserted.replaced);
  assert.match(
    inserted.edit.newText,
    /\n## SASB content index \{#sasb-index \.sasb-index\}\n\n\| Item \| Title \| Location \|/,
  );
  const appended = applyTextEdits(GRI_EXAMPLE, [inserted.edit]);
  assert.equal(appended.slice(0, GRI_EXAMPLE.length), GRI_EXAMPLE);
  // Now it has one, the next write replaces it.
  const again = frameworkIndexEdit(analyze({ uri: 'file:///gri.esg.md', text: appended }), 'sasb-tc-si', false);
  assert.ok(again.ok && again.replaced);
});

test('an index spread over two tables is not rewritten', () => {
  const text = report(
    ['frameworks: [hkex-esg-2025, sasb-tc-si]', 'period: 2025'],
    [
      '# SASB index {.sasb-index}',
      '',
      '| Item | Location |',
      '|---|---|',
      '| TC-SI-130a.1 | x |',
      '',
      'Text.',
      '',
      '| Item | Location |',
      '|---|---|',
      '| TC-SI-220a.1 | y |',
    ],
  );
  assert.deepEqual(frameworkIndexEdit(analyze({ uri: 'file:///two.esg.md', text }), 'sasb-tc-si', false), {
    ok: false,
    reason: 'several-tables',
    tables: 2,
  });
});

test('hover: a framework tag says which severity applied and why, and the cross-maps both ways', () => {
  const text = report(
    ['frameworks: [hkex-esg-2025, ifrs-s2]', 'period: 2025', 'issuer-class: largecap', 'listings: [hkex]'],
    CLIMATE,
  );
  const lines = text.split('\n');
  const a = analyze({ uri: 'file:///climate.esg.md', text });
  const issbLine = lines.findIndex((l) => l.includes('issb="29(a)(i)(2)"'));
  const issb = getHover(a, { line: issbLine, character: lines[issbLine].indexOf('29(a)') + 1 })!;
  assert.match(issb.contents, /^\*\*IFRS S2 29\(a\)\(i\)\(2\)\*\* — /);
  assert.match(issb.contents, /\*\*IFRS S2\*\*: voluntary — claimed in esg\.frameworks \(year commencing 2025-01-01\)/);
  assert.match(issb.contents, /FY2025 · LargeCap/);
  assert.match(issb.contents, /\*\*HKEX Code\*\*: D28\(b\)/);
  // A SASB tag of a framework the report does not claim: read, and said to be unchecked.
  const sasbLine = lines.findIndex((l) => l.includes('sasb="TC-SI-130a.1"'));
  const sasb = getHover(a, { line: sasbLine, character: lines[sasbLine].indexOf('TC-SI') + 2 })!;
  assert.match(sasb.contents, /^\*\*SASB TC-SI-130a\.1\*\*/);
  assert.match(sasb.contents, /SASB is not in esg\.frameworks/);
  // The HKEX paragraph names the IFRS S2, HKFRS S2 and GRI ids paired with it, with the map's basis.
  const hkexLine = lines.findIndex((l) => l.includes('hkex="D28(a)"'));
  const hkex = getHover(a, { line: hkexLine, character: lines[hkexLine].indexOf('D28(a)') + 1 })!;
  assert.match(hkex.contents, /- \*\*IFRS S2\*\* \(derived map\): 29\(a\)\(i\)\(1\)/);
  assert.match(hkex.contents, /- \*\*GRI\*\* \(derived map\): 305-1, 102-5/);
});

test('hover and coverage in Traditional Chinese', () => {
  const text = report(
    ['frameworks: [hkex-esg-2025, ashare-2024]', 'listings: [hkex, sse]', 'period: 2025', 'locale: zh-Hant'],
    ['# 氣候 {#climate}'],
  );
  const a = analyze({ uri: 'file:///zh.esg.md', text });
  const ashare = frameworkCoverageOf(a, 'ashare-2024')!;
  assert.equal(ashare.severity, 'mandatory');
  assert.match(ashare.reason, /^於 sse 上市（A\+H）/);
  assert.equal(ashare.items.find((i) => i.id === 'climate')!.statusLabel, '缺漏');
});

test('never throws, whatever the report', () => {
  for (const text of [
    '',
    '---\nesg:\n  frameworks: [gri-2021\n---',
    '---\nesg:\n  frameworks: [gri-2021, ifrs-s2]\n  period: 3000\n---\n# x {gri="305-1 ,,, 999-9" issb="(((("}',
  ]) {
    const a = analyze({ uri: 'file:///x.esg.md', text });
    for (const f of claimedFrameworks(a)) assert.ok(Array.isArray(f.items));
    for (const id of ['gri-2021', 'ifrs-s2', 'hkex-esg-2025']) frameworkIndexEdit(a, id, true);
  }
});

test('each framework index snippet inserts a table that `index --write` finds and the GRI rules read', () => {
  const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'esg-markdown.json'), 'utf8')) as Record<
    string,
    { prefix: string[]; body: string[] }
  >;
  const cases: [string, string][] = [
    ['esg-gri-index-en', 'gri-2021'],
    ['esg-issb-index-hant', 'ifrs-s2'],
    ['esg-hkfrs-index-hans', 'hkfrs-s2'],
    ['esg-sasb-index-en', 'sasb-tc-si'],
    ['esg-ashare-index-hans', 'ashare-2024'],
  ];
  for (const [prefix, framework] of cases) {
    const snippet = Object.values(snippets).find((s) => s.prefix.includes(prefix));
    assert.ok(snippet, prefix);
    // Tab stops filled with a link to a section that exists.
    const body = snippet.body.join('\n').replace(/\$\{\d+\}/g, '[Climate](#climate)');
    const text = report(
      [`frameworks: [hkex-esg-2025, ${framework}]`, 'period: 2026'],
      ['# Climate {#climate}', '', body],
    );
    const a = analyze({ uri: 'file:///snippet.esg.md', text });
    const planned = frameworkIndexEdit(a, framework, false);
    assert.ok(planned.ok && planned.replaced, `${prefix}: the table is found under its heading class`);
    if (framework === 'gri-2021')
      assert.deepEqual(
        a.diagnostics.filter((d) => d.rule.startsWith('gri/')).map((d) => d.message),
        [],
      );
  }
});

test("the report's own omission in the GRI index outweighs a cross-map: explained, not implied", () => {
  const text = report(
    ['frameworks: [hkex-esg-2025, gri-2021]', 'period: 2025'],
    [
      '# Employment {#employment hkex="B1.1"}',
      '',
      'Headcount by gender.',
      '',
      '# GRI content index {.gri-index}',
      '',
      '| Disclosure | Location | Reason for omission |',
      '|---|---|---|',
      '| 2-7 |  | Confidentiality constraints: headcount by contract type is not published |',
    ],
  );
  const a = analyze({ uri: 'file:///omit.esg.md', text });
  const employees = itemOf(a, 'gri-2021', '2-7')!;
  assert.equal(employees.status, 'explained');
  assert.ok(
    employees.places.some((p) => p.implied?.id === 'B1.1'),
    'the cross-map is still recorded',
  );
  const row = frameworkIndex(a, 'gri-2021')!.rows.find((r) => r.id === '2-7')!;
  assert.deepEqual(row.sections, []);
  assert.match(row.explanation!, /^Confidentiality constraints/);
});

test('hover on a framework claimed in the front matter: version, severity and why, counts', () => {
  const text = report(
    ['frameworks: [hkex-esg-2025, ashare-2024, gri-2021]', 'listings: [hkex, szse]', 'period: 2027'],
    ['# Climate {#climate gri="102-5"}'],
  );
  const lines = text.split('\n');
  const a = analyze({ uri: 'file:///fm.esg.md', text });
  const line = lines.findIndex((l) => l.includes('frameworks:'));
  const at = (id: string) => getHover(a, { line, character: lines[line].indexOf(id) + 3 });
  const ashare = at('ashare-2024')!;
  assert.match(
    ashare.contents,
    /\*\*A-share\*\*: mandatory — listed on szse \(A\+H\) and the financial year commences on 2027-01-01/,
  );
  assert.deepEqual(ashare.range, {
    start: { line, character: lines[line].indexOf('ashare-2024') },
    end: { line, character: lines[line].indexOf('ashare-2024') + 'ashare-2024'.length },
  });
  const gri = at('gri-2021')!;
  assert.match(gri.contents, /Version in force for a financial year commencing on 2027-01-01: /);
  assert.match(gri.contents, /\*\*Status\*\*: GRI 1\/\d+ \(0 implied\)/);
  // The key itself is not a framework id: no framework hover there, only what the A-share
  // guidelines say of an A+H profile.
  const key = getHover(a, { line, character: 2 });
  assert.doesNotMatch(key?.contents ?? '', /Version in force/);
  assert.match(key?.contents ?? '', /mandatory/);
});
