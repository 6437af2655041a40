// The GRI examples: the clean one checks clean (HKEX and GRI), and the defects copy carries exactly its
// planted GRI findings (`<!-- defect: rule -->`, one per gri/ rule), each at the place it marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/features/hover';

const root = join(__dirname, '..', '..', '..');
const read = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

test('frameworks-gri-2025.esg.md checks clean, GRI included', () => {
  const a = analyze({ uri: 'gri', text: read('frameworks-gri-2025.esg.md') });
  assert.equal(a.model.config.frameworks.join(' '), 'hkex-esg-2025 gri-2021');
  const found = a.diagnostics.filter(
    (d) => d.severity === 'error' || d.severity === 'warning' || d.rule.startsWith('gri/'),
  );
  assert.deepEqual(
    found.map((d) => `${d.range.start.line + 1}: ${d.rule} ${d.message}`),
    [],
  );
});

test('every planted GRI defect is reported at its place, and no other GRI finding', () => {
  const text = read('frameworks-gri-2025-defects.esg.md');
  const lines = text.split(/\r?\n/);
  const a = analyze({ uri: 'gri-defects', text });
  const gri = a.diagnostics.filter((d) => d.rule.startsWith('gri/'));
  const marker = /<!-- defect: (\S+)(?: (row|id)="([^"]+)")? -->/;
  const planted: string[] = [];
  lines.forEach((line, i) => {
    const m = marker.exec(line);
    if (!m) return;
    const [, rule, kind, value] = m;
    planted.push(rule);
    const found = gri.filter((d) => d.rule === rule);
    assert.ok(found.length > 0, `${rule} (marker line ${i + 1}) not reported`);
    if (kind === 'row') {
      const rowLine = lines.findIndex((l, j) => j > i && l.startsWith('|') && (l.split('|')[1] ?? '').trim() === value);
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
  // One finding per gri/ rule, and every gri/ rule planted.
  assert.deepEqual(gri.map((d) => d.rule).sort(), planted.sort());
  assert.deepEqual([...new Set(planted)].sort(), [
    'gri/index-broken-target',
    'gri/index-missing-row',
    'gri/omission-reason',
    'gri/superseded',
    'gri/unknown-id',
  ]);
});

test('reports that claim no GRI get no GRI finding, and a mistyped framework id is named with its nearest', () => {
  const a = analyze({ uri: 'hkex-only', text: read('annual-report-en.esg.md') });
  assert.deepEqual(a.model.config.frameworks, ['hkex-esg-2025']);
  assert.equal(a.diagnostics.filter((d) => d.rule.startsWith('gri/')).length, 0);
  const typo = analyze({
    uri: 'typo',
    text: '---\nesg:\n  period: 2025\n  frameworks: [hkex-esg-2025, gri-2012]\n  listings: [hkex, sse]\n---\n\n# Report\n',
  });
  const fm = typo.diagnostics.filter((d) => d.rule === 'frontmatter/schema');
  assert.equal(fm.length, 1, fm.map((d) => d.message).join('\n'));
  assert.match(fm[0].message, /gri-2012.*gri-2021/);
  assert.equal(fm[0].range.start.line, 3);
  assert.deepEqual(typo.model.config.frameworks, ['hkex-esg-2025']);
  assert.deepEqual(typo.model.config.listings, ['hkex', 'sse']);
});

test('hover on a GRI tag and on a GRI index row: short title, version in force, HKEX paragraphs mapped', () => {
  const text = read('frameworks-gri-2025.esg.md');
  const lines = text.split(/\r?\n/);
  const a = analyze({ uri: 'gri', text });
  const tagLine = lines.findIndex((l) => l.includes('gri="305-1 305-2"'));
  const tag = hoverAt(a, { line: tagLine, character: lines[tagLine].indexOf('305-1') + 2 });
  assert.ok(tag, 'no hover on the tag');
  assert.match(tag.contents, /\*\*GRI 305-1\*\* — Scope 1 GHG emissions/);
  assert.match(tag.contents, /2025-01-01: Universal Standards 2021/);
  assert.match(tag.contents, /HKEX Code\*\*: .*D28\(a\)/);
  const rowLine = lines.findIndex((l) => l.startsWith('| 303-5 |'));
  const row = hoverAt(a, { line: rowLine, character: 3 });
  assert.ok(row, 'no hover on the index row');
  assert.match(row.contents, /\*\*GRI 303-5\*\*/);
  // A 305 disclosure hovered in a 2027 report says what replaces it.
  const later = analyze({ uri: 'gri-2027', text: read('frameworks-gri-2025-defects.esg.md') });
  const laterLines = read('frameworks-gri-2025-defects.esg.md').split(/\r?\n/);
  const old = laterLines.findIndex((l) => l.startsWith('| 305-1 |'));
  assert.match(hoverAt(later, { line: old, character: 3 })!.contents, /Superseded for this financial year by 102-5/);
});

test('a GRI index of a year before the 2021 Standards (2016 numbering) is not misread as errors', () => {
  const report = (period: string) =>
    [
      '---',
      'esg:',
      `  period: ${period}`,
      '  frameworks: [hkex-esg-2025, gri-2021]',
      '---',
      '# Report',
      '## GRI content index {.gri-index}',
      '| Disclosure | Location |',
      '| --- | --- |',
      '| 102-14 Statement from senior decision-maker | Report |',
      '| 102-46 Defining report content | Report |',
      '',
    ].join('\n');
  // FY2021: GRI 2016 general disclosures; nothing of the 2021 pack is checked against them.
  const old = analyze({ uri: 'gri-2016', text: report('2021') });
  assert.deepEqual(
    old.diagnostics.filter((d) => d.rule.startsWith('gri/')).map((d) => d.rule),
    [],
  );
  // FY2025: the same ids are not GRI 2021 disclosures, and are reported.
  const current = analyze({ uri: 'gri-2021', text: report('2025') });
  assert.ok(current.diagnostics.some((d) => d.rule === 'gri/unknown-id'));
});
