// The engine's own limits: a report past LIMITS.maxReportChars gets one diagnostic and no parse, and an
// analysis past its time budget skips the remaining rules, says so once, and is never reused as if it
// were complete by the incremental analysis that follows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, RULES } from '../../server/src/engine';
import { ALL_RULES } from '../../server/src/engine/rules';
import { LIMITS } from '../../server/src/engine/limits';
import { REPO_ROOT } from '../helpers/paths';
import { assertWellFormed, lspLines } from './fuzz/support';

const URI = 'file:///limits.esg.md';
const DEFECTS = readFileSync(path.join(REPO_ROOT, 'examples', 'zhipu-2025-defects.esg.md'), 'utf8');
/** Far below the time any parse takes, so the budget is spent before the first rule on every machine. */
const TINY_BUDGET = 0.001;

test('a report past maxReportChars gets one esg/too-large diagnostic at line 0 and no parse, quickly', () => {
  const text = '# 標題 {hkex="A9.9"}\n' + 'x'.repeat(LIMITS.maxReportChars);
  const started = performance.now();
  const a = analyze({ uri: URI, text });
  const ms = performance.now() - started;
  assert.equal(a.diagnostics.length, 1, JSON.stringify(a.diagnostics.map((d) => d.rule)));
  const [d] = a.diagnostics;
  assert.equal(d.rule, 'esg/too-large');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(d.message, new RegExp(text.length.toLocaleString('en-US')));
  assert.match(d.message, /16,777,216/);
  assert.equal(a.model.headings.length, 0, 'the text was parsed');
  assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
  // One character less than the limit plus the heading is analysed as usual.
  const below = analyze({ uri: URI, text: text.slice(0, LIMITS.maxReportChars) }, {}, a);
  assert.ok(!below.diagnostics.some((x) => x.rule === 'esg/too-large'));
  assert.equal(below.model.headings.length, 1);
  assert.equal(below.reuse.parse, 'full', 'derived from the unparsed analysis');
});

test('the too-large message is written in the locale, and severity overrides apply', () => {
  const text = 'x'.repeat(LIMITS.maxReportChars + 1);
  for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
    const [d] = analyze({ uri: URI, text }, { locale }).diagnostics;
    assert.match(d.message, /[\u4e00-\u9fff]/);
    assert.match(d.message, /16,777,217/);
  }
  assert.equal(
    analyze({ uri: URI, text }, { severity: { 'esg/too-large': 'warning' } }).diagnostics[0].severity,
    'warning',
  );
  assert.deepEqual(analyze({ uri: URI, text }, { severity: { 'esg/too-large': 'off' } }).diagnostics, []);
});

test('past its budget an analysis skips the remaining rules and says so once, well formed', () => {
  const full = analyze({ uri: URI, text: DEFECTS });
  assert.ok(full.diagnostics.length > 5, 'the example has findings');
  const cut = analyze({ uri: URI, text: DEFECTS }, { budgetMs: TINY_BUDGET, locale: 'en' });
  assertWellFormed(DEFECTS, cut);
  const notes = cut.diagnostics.filter((d) => d.rule === 'esg/budget');
  assert.equal(notes.length, 1);
  const [note] = notes;
  assert.equal(note.severity, 'warning');
  assert.deepEqual(note.range.start, { line: 0, character: 0 });
  const skipped = note.data?.skipped as string[];
  assert.deepEqual(
    skipped,
    ALL_RULES.map((r) => r.id),
    'every rule was skipped',
  );
  assert.match(
    note.message,
    new RegExp(
      `^Analysis stopped after [\\d,]+ ms \\(budget 0\\.001 ms\\): ${skipped.length} rules not run \\(${skipped[0]}, `,
    ),
  );
  assert.ok(RULES.some((r) => r.id === 'esg/budget'));
  // No budget, or one nobody reaches: the full result and no note.
  assert.deepEqual(analyze({ uri: URI, text: DEFECTS }, { budgetMs: 600_000 }).diagnostics, full.diagnostics);
  assert.deepEqual(analyze({ uri: URI, text: DEFECTS }, { budgetMs: 0 }).diagnostics, full.diagnostics);
});

test('an analysis derived from a budget-truncated one runs the skipped rules again', () => {
  const cut = analyze({ uri: URI, text: DEFECTS }, { budgetMs: TINY_BUDGET });
  // A prose edit: every rule could be kept if the truncated analysis were taken as complete.
  const lines = lspLines(DEFECTS);
  const line = lines.findIndex((l) => l.startsWith('本報告'));
  assert.ok(line > 0, 'a prose line to edit');
  const edited = DEFECTS.split('\n')
    .map((l, i) => (i === line ? l + '又' : l))
    .join('\n');
  const derived = analyze({ uri: URI, text: edited }, {}, cut);
  assert.notEqual(derived.reuse.parse, 'full', 'the edit took the incremental path');
  assert.deepEqual(derived.diagnostics, analyze({ uri: URI, text: edited }).diagnostics);
  // A second truncated analysis after the first: still one note, never a kept stale one.
  const again = analyze({ uri: URI, text: edited }, { budgetMs: TINY_BUDGET }, cut);
  assert.equal(again.diagnostics.filter((d) => d.rule === 'esg/budget').length, 1);
});

test('a rule lists at most maxDiagnosticsPerRule diagnostics, and the next one says how many more there are', () => {
  const count = LIMITS.maxDiagnosticsPerRule + 250;
  const ids = Array.from({ length: count }, (_, i) => `Z${i + 1}`).join(' ');
  const a = analyze({ uri: URI, text: `# 標題 {hkex="${ids}"}\n\n正文。\n` }, { locale: 'en' });
  const unknown = a.diagnostics.filter((d) => d.rule === 'hkex/unknown-id');
  assert.equal(unknown.length, LIMITS.maxDiagnosticsPerRule + 1);
  assert.match(
    unknown[unknown.length - 1].message,
    new RegExp(`\\(${count - LIMITS.maxDiagnosticsPerRule - 1} more hkex/unknown-id problems follow`),
  );
  // The ones kept are the first by position: the first id is reported.
  assert.ok(unknown[0].message.includes('Z1'));
});
