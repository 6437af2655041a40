// The HKEX + HKFRS S2 + GRI examples (English and Traditional Chinese): the clean ones check clean, and
// the defects copies carry exactly their planted issb/ and sasb/ findings, each at the place it marks.
// Then one report checked for FY2026 and for FY2027: GRI 305 gives way to GRI 102, and the December 2025
// amendments to IFRS S2 change what a Category 15 limit and jurisdictional GWP values need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis, type Diagnostic } from '../../server/src/engine';
import { codeActionsFor as actionsAt } from '../../server/src/engine/features/codeActions';

const codeActionsFor = (a: Analysis, d: Diagnostic) => actionsAt(a, d.range, [d]);

const root = join(__dirname, '..', '..', '..');
const read = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');
const framework = (d: Diagnostic) => /^(issb|sasb|gri)\//.test(d.rule);

for (const name of ['frameworks-hkfrs-2026.esg.md', 'frameworks-hkfrs-2026.zh-hant.esg.md']) {
  test(`${name} checks clean: HKEX, HKFRS S2 and GRI`, () => {
    const a = analyze({ uri: name, text: read(name) });
    assert.deepEqual(a.model.config.frameworks, ['hkex-esg-2025', 'hkfrs-s2', 'gri-2021']);
    const found = a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning' || framework(d));
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1}: ${d.rule} ${d.message}`),
      [],
    );
  });
}

/** The first cell of a table line, span brackets and attributes removed (`[Scope 3]{#ghg.scope3}` is `Scope 3`). */
const firstCell = (line: string) => (line.split('|')[1] ?? '').replace(/\[([^\]]*)\]\{[^}]*\}/g, '$1').trim();

for (const name of ['frameworks-hkfrs-2026-defects.esg.md', 'frameworks-hkfrs-2026-defects.zh-hant.esg.md']) {
  test(`${name}: every planted issb/ and sasb/ defect is reported at its place, and nothing else of them`, () => {
    const text = read(name);
    const lines = text.split(/\r?\n/);
    const a = analyze({ uri: name, text });
    const ours = a.diagnostics.filter((d) => /^(issb|sasb)\//.test(d.rule));
    const marker = /<!-- defect: (\S+)(?: (row|id)="([^"]+)")? -->/;
    const planted: string[] = [];
    lines.forEach((line, i) => {
      const m = marker.exec(line);
      if (!m) return;
      const [, rule, kind, value] = m;
      planted.push(rule);
      const found = ours.filter((d) => d.rule === rule);
      assert.ok(found.length > 0, `${rule} (marker line ${i + 1}) not reported`);
      if (kind === 'row') {
        const rowLine = lines.findIndex((l, j) => j > i && l.startsWith('|') && firstCell(l) === value);
        assert.ok(rowLine > 0, `row ${value} not found`);
        assert.ok(
          found.some((d) => d.range.start.line === rowLine),
          `${rule} not on row ${value} (line ${rowLine + 1}); got ${found.map((d) => d.range.start.line + 1)}`,
        );
      } else if (kind === 'id') {
        assert.ok(
          found.some((d) => d.data?.id === value),
          `${rule} not reported for ${value}`,
        );
      } else {
        assert.ok(
          found.some((d) => d.range.start.line > i && d.range.start.line <= i + 3),
          `${rule} not near line ${i + 1}; got ${found.map((d) => d.range.start.line + 1)}`,
        );
      }
    });
    // One finding per planted defect, and every issb/ rule planted.
    assert.deepEqual(ours.map((d) => d.rule).sort(), planted.sort());
    assert.deepEqual([...new Set(planted)].filter((r) => r.startsWith('issb/')).sort(), [
      'issb/category15-limit',
      'issb/gwp-source',
      'issb/index-broken-target',
      'issb/index-missing-row',
      'issb/index-not-disclosed',
      'issb/scope2-location',
      'issb/scope3-categories',
      'issb/unknown-id',
    ]);
    // No other error or warning than the planted ones: the defects are independent of the other rules.
    assert.deepEqual(
      a.diagnostics
        .filter((d) => (d.severity === 'error' || d.severity === 'warning') && !/^(issb|sasb)\//.test(d.rule))
        .map((d) => `${d.range.start.line + 1}: ${d.rule}`),
      [],
    );
  });
}

test('quick fixes of the planted defects: add the index row, tag the section', () => {
  const text = read('frameworks-hkfrs-2026-defects.esg.md');
  const a = analyze({ uri: 'file:///defects.esg.md', text });
  const missing = a.diagnostics.find((d) => d.rule === 'issb/index-missing-row')!;
  const add = codeActionsFor(a, missing).find((c) => /index row for 13/.test(c.title));
  assert.ok(add, 'no add-row fix');
  const edit = Object.values(add.edits!)[0][0];
  assert.match(edit.newText, /^\r?\n\| 13 \| Business model and value chain \| {2}\|$/);
  const notDisclosed = a.diagnostics.find((d) => d.rule === 'issb/index-not-disclosed')!;
  const tag = codeActionsFor(a, notDisclosed).find((c) => /Tag the section "Governance" with 33/.test(c.title));
  assert.ok(tag, 'no tag fix');
  assert.equal(Object.values(tag.edits!)[0][0].newText, ' 33');
});

/** A report claiming IFRS S2 and GRI, with a Category 15 limit and jurisdictional GWP values, for a year. */
function datedReport(year: number): string {
  return [
    '---',
    'esg:',
    `  period: ${year}`,
    '  frameworks: [hkex-esg-2025, ifrs-s2, gri-2021]',
    '---',
    '',
    '# Emissions {#emissions gri="305-1"}',
    '',
    `| Indicator | Unit | ${year} |`,
    '|---|---|--:|',
    '| Scope 1 GHG emissions | tCO2e | 112.6 |',
    '| Scope 2 GHG emissions (location-based) | tCO2e | 9,763 |',
    '| Scope 3 GHG emissions | tCO2e | 25,400 |',
    '',
    'Scope 3 includes Categories 1 and 15. Category 15 is limited to financed emissions because our',
    'facilitated emissions cannot yet be measured.',
    '',
    'GWP values are those of the IPCC Fifth Assessment Report (AR5), as our jurisdiction requires.',
    '',
    '# Category 15 {#cat15 issb="29A"}',
    '',
    'The limit of Category 15 is explained above.',
    '',
  ].join('\n');
}

test('dated versions: the same report for FY2026 and FY2027 (GRI 305 -> 102, the IFRS S2 amendments)', () => {
  const findings = (year: number) =>
    analyze({ uri: `dated-${year}`, text: datedReport(year) }, { locale: 'en' })
      .diagnostics.filter(framework)
      .map((d) => `${d.range.start.line + 1} ${d.rule}: ${d.message}`)
      .sort();
  const fy2026 = findings(2026);
  const fy2027 = findings(2027);
  // FY2026: GRI 305-1 is in force; IFRS S2 as issued in 2023 applies, so 29A is not yet in force, the
  // Category 15 limit needs early application, and AR5 values a jurisdiction requires need it too.
  assert.deepEqual(fy2026, [
    '15 issb/category15-limit: IFRS S2 (IFRS S2 as issued in June 2023): limiting Category 15 to financed emissions is allowed only from the December 2025 amendments (periods from 2027-01-01, paragraph 29A): state early application, or report Category 15 in full.',
    '18 issb/gwp-source: IFRS S2 B21 (IFRS S2 as issued in June 2023): GWP values from AR5 because a jurisdiction requires them; that relief comes with the December 2025 amendments (periods from 2027-01-01): state early application, or use AR6.',
    '20 issb/unknown-id: IFRS S2 29A is not in the version in force for a financial year commencing on 2026-01-01 (IFRS S2 as issued in June 2023); it applies from 2027-01-01: state early application or remove it.',
  ]);
  // FY2027: GRI 102 Climate Change replaces 305, and the amendments allow the explained limit and the
  // jurisdiction's GWP values; 29A is a paragraph in force.
  assert.deepEqual(fy2027, [
    '7 gri/superseded: GRI 305-1 (Scope 1 GHG emissions) no longer applies to a financial year commencing on 2027-01-01 (GRI 102 Climate Change 2025 and GRI 103 Energy 2025 in force): cite GRI 102-5 instead.',
  ]);
  // The explanation is what the amended version asks for: without it FY2027 reports the limit.
  const unexplained = datedReport(2027)
    .replace(' because our\nfacilitated emissions cannot yet be measured.', '.')
    .replace('# Category 15 {#cat15 issb="29A"}', '# Category 15 {#cat15}');
  const d = analyze({ uri: 'unexplained', text: unexplained }, { locale: 'en' }).diagnostics.filter(
    (x) => x.rule === 'issb/category15-limit',
  );
  assert.equal(d.length, 1);
  assert.match(d[0].message, /29A-29B \(With the December 2025 GHG amendments\).*without an explanation/);
});

test('the framework index tables: a heading class per pack, ids read in each pack form, A-share topics by name', async () => {
  const { packIndexTables } = await import('../../server/src/engine/recognition/packIndex');
  const { parseDocument } = await import('../../server/src/engine/recognition/document');
  const text = [
    '# Report',
    '## IFRS S2 {.issb-index}',
    '| Paragraph | Location |',
    '|---|---|',
    '| S2.29(a)(i)(1) Scope 1 | Report |',
    '| IFRS S2 6, 10 | Report |',
    '| Governance | Report |',
    '## SASB {.sasb-index}',
    '| Code | Location |',
    '|---|---|',
    '| tc-si-130A.1 Energy | Report |',
    '## 议题索引 {.ashare-index}',
    '| 议题 | 位置 |',
    '|---|---|',
    '| 1. 应对气候变化 | Report |',
    '| 能源利用 | Report |',
    '| 环境信息 | Report |',
    '',
  ].join('\n');
  const tables = packIndexTables(parseDocument('file:///t.esg.md', text));
  assert.deepEqual(
    tables.map((t) => [t.pack, t.rows.map((r) => r.refs.map((x) => (x.known ? x.id : `?${x.raw}`)).join(' '))]),
    [
      ['ifrs-s2', ['29(a)(i)(1)', '6 10']],
      ['sasb-tc-si', ['TC-SI-130a.1']],
      ['ashare-2024', ['climate', 'energy', '?环境信息']],
    ],
  );
  // Each id's range is where it is written: the A-share topic after its number.
  const climate = tables[2].rows[0].refs[0];
  assert.equal(
    text.split('\n')[climate.range.start.line].slice(climate.range.start.character, climate.range.end.character),
    '应对气候变化',
  );
});

test('hover on an hkfrs= tag and on an HKFRS S2 index row: title, version in force, HKEX paragraphs and the map', async () => {
  const { hoverAt } = await import('../../server/src/engine/features/hover');
  const text = read('frameworks-hkfrs-2026.esg.md');
  const lines = text.split(/\r?\n/);
  const a = analyze({ uri: 'hkfrs', text });
  const tagLine = lines.findIndex((l) => l.includes('hkfrs="6"'));
  const tag = hoverAt(a, { line: tagLine, character: lines[tagLine].indexOf('hkfrs="6"') + 7 });
  assert.ok(tag, 'no hover on the tag');
  assert.match(tag.contents, /\*\*HKFRS S2 6\*\* — Climate governance/);
  assert.match(tag.contents, /2026-01-01: HKFRS S2 as issued in December 2024/);
  assert.match(tag.contents, /HKEX Code\*\*: D19 \(hkex-hkfrs-s2, derived\)/);
  const rowLine = lines.findIndex((l) => l.startsWith('| B21 |'));
  const row = hoverAt(a, { line: rowLine, character: 3 });
  assert.match(row!.contents, /\*\*HKFRS S2 B21\*\* — GWP values used/);
});
