// The bundled examples: the clean reports check clean, and every planted defect (marked with
// `<!-- defect: rule -->` in the defects file) is reported on the line it marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');
const read = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

/**
 * Real mistakes of the published report the Zhipu example was converted from, kept as published
 * (docs/seed-findings.md explains each). The example checks clean apart from exactly these.
 */
const REAL_FINDINGS: Record<string, { rule: string; row: string }[]> = {
  'zhipu-2025.esg.md': [{ rule: 'kpi/rate-mismatch', row: '員工總體流失比率' }],
  'annual-report-en.esg.md': [],
};

for (const [name, expected] of Object.entries(REAL_FINDINGS)) {
  test(`${name} checks clean apart from the published report's own mistakes`, () => {
    const text = read(name);
    const lines = text.split(/\r?\n/);
    const a = analyze({ uri: name, text });
    const serious = a.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    const found = serious.map(
      (d) => `${d.rule} @ ${lines[d.range.start.line].split('|')[1]?.trim() ?? d.range.start.line + 1}`,
    );
    // The row label cell may carry a footnote mark; compare on the label's start.
    const want = expected.map((e) => `${e.rule} @ ${e.row}`);
    assert.deepEqual(
      found.map((f) => want.find((w) => f.startsWith(w)) ?? f),
      want,
      serious.map((d) => `${d.range.start.line + 1}: ${d.rule} ${d.message}`).join('\n'),
    );
  });
}

test('every planted defect is reported at its line', () => {
  const text = read('zhipu-2025-defects.esg.md');
  const lines = text.split(/\r?\n/);
  const a = analyze({ uri: 'defects', text });
  const marker = /<!-- defect: (\S+)(?: (row|id)="([^"]+)")? -->/;
  let checked = 0;
  lines.forEach((line, i) => {
    const m = marker.exec(line);
    if (!m) return;
    const [, rule, kind, value] = m;
    const found = a.diagnostics.filter((d) => d.rule === rule);
    assert.ok(found.length > 0, `${rule} (marker line ${i + 1}) not reported`);
    if (kind === 'row') {
      // The defect is in the table row whose first cell starts with `value`, after the marker.
      const rowLine = lines.findIndex((l, j) => j > i && l.startsWith('|') && (l.split('|')[1] ?? '').includes(value));
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
      // The defect is on the marker's line (YAML comments) or within the next three lines.
      assert.ok(
        found.some((d) => d.range.start.line >= i && d.range.start.line <= i + 3),
        `${rule} not near line ${i + 1}; got ${found.map((d) => d.range.start.line + 1)}`,
      );
    }
    checked++;
  });
  assert.ok(checked >= 16, `only ${checked} markers`);
});
