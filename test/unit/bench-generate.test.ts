// The benchmark's report generator (scripts/bench/generate.ts): reproducible for a seed, of the size
// asked for, and of the shape it claims — checked against what the engine's parser finds, so the
// benchmark measures the engine on the documents it is said to measure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { generateReport, mulberry32 } from '../../scripts/bench/generate';

/** One chapter is a few KB; the generator stops after the chapter that reaches the target. */
const MAX_OVERSHOOT = 10_000;

test('mulberry32 repeats its sequence for a seed and differs between seeds', () => {
  const take = (seed: number) => {
    const next = mulberry32(seed);
    return Array.from({ length: 50 }, () => next());
  };
  const a = take(42);
  assert.deepEqual(take(42), a);
  assert.notDeepEqual(take(43), a);
  for (const x of a) assert.ok(x >= 0 && x < 1, `${x} outside [0, 1)`);
  assert.ok(new Set(a).size > 45, 'values repeat too often');
});

test('the same seed and size give the same report; another seed gives another', () => {
  const first = generateReport({ seed: 7, targetBytes: 120_000 });
  const again = generateReport({ seed: 7, targetBytes: 120_000 });
  assert.equal(again.text, first.text);
  assert.deepEqual(again.shape, first.shape);
  const other = generateReport({ seed: 8, targetBytes: 120_000 });
  assert.notEqual(other.text, first.text);
});

for (const targetBytes of [100_000, 1_000_000]) {
  test(`a ${targetBytes / 1000} KB report has that size in UTF-8`, () => {
    const report = generateReport({ seed: 20250101, targetBytes });
    assert.equal(report.bytes, Buffer.byteLength(report.text, 'utf8'));
    assert.ok(report.bytes >= targetBytes, `${report.bytes} < ${targetBytes}`);
    assert.ok(
      report.bytes - targetBytes <= MAX_OVERSHOOT,
      `${report.bytes} overshoots ${targetBytes} by more than a chapter`,
    );
    assert.ok(report.shape.chapters > 0);
  });
}

test('larger targets add chapters, not a different core', () => {
  const small = generateReport({ seed: 3, targetBytes: 100_000 });
  const large = generateReport({ seed: 3, targetBytes: 400_000 });
  assert.ok(large.shape.chapters > 3 * small.shape.chapters, `${large.shape.chapters} vs ${small.shape.chapters}`);
  assert.equal(large.shape.explanations, small.shape.explanations);
  assert.equal(large.shape.taggedHeadings, small.shape.taggedHeadings);
  assert.equal(large.shape.indexEntries, small.shape.indexEntries);
});

for (const seed of [1, 20250101]) {
  test(`the engine parses a generated report (seed ${seed}) into the shape the generator wrote`, () => {
    const report = generateReport({ seed, targetBytes: 150_000 });
    const { model, diagnostics } = analyze({ uri: 'file:///generated.esg.md', text: report.text });
    const { shape } = report;

    assert.equal(model.headings.length, shape.headings);
    assert.equal(model.sections.filter((s) => s.tags.length > 0).length, shape.taggedHeadings);
    assert.equal(model.explanations.length, shape.explanations);
    assert.ok(model.explanations.every((e) => e.closed && e.refs.length > 0));
    assert.equal(model.tables.length, shape.tables);
    assert.equal(model.kpiTables.length, shape.kpiTables);
    assert.equal(model.indexTables.length, 1);
    assert.equal(model.indexTables[0].rows.length, shape.indexEntries);
    assert.equal(model.config.present, true);
    assert.equal(model.config.year, 2025);
    assert.deepEqual(model.frontMatter?.problems, []);
    assert.deepEqual(Object.keys(model.config.denominators).sort(), ['employees', 'revenue']);
    assert.ok(model.config.factors.grid, 'grid factor not read from the front matter');
    assert.equal(report.text.match(/^\[\^\d+\]:/gm)?.length, shape.footnoteDefinitions);

    // The KPI rows are recognised: explicit ids, and catalog labels of the appendix.
    const ids = new Set(model.kpiTables.flatMap((t) => t.rows.map((r) => r.kpiId)).filter(Boolean));
    for (const id of [
      'ghg.scope1',
      'ghg.scope2',
      'ghg.scope12',
      'water.total',
      'employees.total',
      'employees.gender.female',
      'turnover.rate',
      'suppliers.total',
    ]) {
      assert.ok(ids.has(id), `KPI ${id} not recognised; found ${[...ids].join(', ')}`);
    }
    // Prose quotes figures from the tables.
    assert.ok(model.spans.some((s) => s.attrs.pairs.some((p) => p.key === 'kpi' && p.value === 'ghg.scope2')));

    // The figures are consistent and every requirement is disclosed or explained: a clean report, so the
    // benchmark times the checks rather than the reporting of thousands of findings.
    const serious = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(
      serious.map((d) => `${d.range.start.line + 1}: ${d.rule} ${d.message}`),
      [],
    );
  });
}
