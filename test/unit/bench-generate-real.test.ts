// The benchmark's real-shaped reports (scripts/bench/generate-real.ts): reproducible, of the size asked
// for, valid where a repeat would otherwise add defects of its own (anchors, footnotes, `{#id}`), and
// as full of findings as the benchmark says — while the segment formulas it writes hold, except in the
// segments it says it wrote wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { generateRealShapedReport, splitFrontMatter, type RealSource } from '../../scripts/bench/generate-real';
import { REPO_ROOT } from '../helpers/paths';

/** The sources scripts/bench/sources.mjs gives the benchmark: Zhipu's report first, then the corpus and the other examples. */
function sources(): RealSource[] {
  const read = (rel: string): RealSource => ({ name: rel, text: readFileSync(path.join(REPO_ROOT, rel), 'utf8') });
  const examples = readdirSync(path.join(REPO_ROOT, 'examples'))
    .filter((f) => f.endsWith('.esg.md'))
    .sort()
    .map((f) => `examples/${f}`);
  const corpus = readdirSync(path.join(REPO_ROOT, 'test/corpus'))
    .sort()
    .map((d) => `test/corpus/${d}/report.esg.md`)
    .filter((f) => existsSync(path.join(REPO_ROOT, f)));
  const host = 'examples/zhipu-2025.esg.md';
  return [host, ...corpus, ...examples.filter((f) => f !== host)].map(read);
}

const SOURCES = sources();
// Larger than all the sources together, so that every source is repeated however many examples there are.
const TARGET = Math.max(300_000, Math.ceil(1.25 * SOURCES.reduce((n, s) => n + Buffer.byteLength(s.text), 0)));
const report = generateRealShapedReport({ seed: 20250101, targetBytes: TARGET, sources: SOURCES });

test('real-shaped: the same seed and sources give the same text, another seed other figures', () => {
  assert.equal(generateRealShapedReport({ seed: 20250101, targetBytes: TARGET, sources: SOURCES }).text, report.text);
  assert.notEqual(generateRealShapedReport({ seed: 7, targetBytes: TARGET, sources: SOURCES }).text, report.text);
});

test('real-shaped: the size is reached, and passed by less than the largest source and its segment', () => {
  const largest = Math.max(...SOURCES.map((s) => Buffer.byteLength(s.text, 'utf8')));
  assert.equal(report.bytes, Buffer.byteLength(report.text, 'utf8'));
  assert.ok(report.bytes >= TARGET, `${report.bytes} bytes`);
  assert.ok(report.bytes < TARGET + largest + 3_000, `${report.bytes} bytes`);
  assert.ok(
    report.shape.copies > SOURCES.length,
    `${report.shape.copies} copies of ${SOURCES.length} sources: every source is repeated`,
  );
  assert.equal(report.shape.segments, report.shape.copies);
  assert.throws(() => generateRealShapedReport({ seed: 1, targetBytes: 1_000, sources: [] }));
});

test('real-shaped: one front matter, unique heading anchors, footnote labels and {#id} definitions', () => {
  const { frontMatter, body } = splitFrontMatter(report.text);
  assert.match(frontMatter, /^---\n[\s\S]*\n {2}factors:\n {4}grid: 0\.5306 kgCO2\/kWh\n---\n$/);
  assert.doesNotMatch(body, /^---\ntitle:/m, 'no second front matter');
  const repeated = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
  const lines = body.split('\n');
  const anchors = lines
    .filter((l) => /^#{1,6} /.test(l))
    .flatMap((l) => [...l.matchAll(/\{#([^\s}]+)/g)].map((m) => m[1]));
  assert.deepEqual(repeated(anchors), []);
  const ids = lines
    .filter((l) => !/^#{1,6} /.test(l))
    .flatMap((l) => [...l.matchAll(/\{#([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)*)(?=[\s}])/g)].map((m) => m[1]));
  assert.deepEqual(repeated(ids), []);
  const footnotes = lines.map((l) => /^\[\^([^\]]+)\]:/.exec(l)?.[1]).filter((x): x is string => !!x);
  assert.ok(footnotes.length > 0);
  assert.deepEqual(repeated(footnotes), []);
});

test('real-shaped: many findings, and the segment formulas hold except where a figure was written wrong', () => {
  const analysis = analyze({ uri: 'file:///real-shaped.esg.md', text: report.text });
  assert.ok(analysis.diagnostics.length > 300, `${analysis.diagnostics.length} diagnostics`);
  const rules = new Set(analysis.diagnostics.map((d) => d.rule));
  for (const rule of ['kpi/value-conflict', 'kpi/formula-mismatch', 'hkex/index-duplicate'])
    assert.ok(rules.has(rule), `${rule} among ${[...rules].join(', ')}`);
  assert.ok(report.shape.defects > 0 && report.shape.defects < report.shape.segments);
  const lines = report.text.split('\n');
  // The segment each line belongs to, from its heading `### 第 n 分部環境績效 {#segment-n}`.
  const segmentAt: (number | undefined)[] = [];
  let current: number | undefined;
  for (const line of lines) {
    const m = /\{#segment-(\d+)\}$/.exec(line);
    if (m) current = Number(m[1]);
    else if (/^#{1,3} /.test(line) || line.startsWith('<!-- ')) current = undefined;
    segmentAt.push(current);
  }
  const wrong = new Set(report.shape.defectSegments);
  const flagged = new Set<number>();
  for (const d of analysis.diagnostics) {
    if (d.rule !== 'kpi/formula-mismatch' && d.rule !== 'kpi/prose-mismatch') continue;
    const segment = segmentAt[d.range.start.line];
    if (segment === undefined) continue;
    assert.ok(
      wrong.has(segment),
      `segment ${segment} has no defect but line ${d.range.start.line + 1} is flagged: ${d.message}`,
    );
    flagged.add(segment);
  }
  assert.deepEqual(
    [...flagged].sort((a, b) => a - b),
    [...wrong].sort((a, b) => a - b),
    'every segment written wrong is flagged',
  );
});
