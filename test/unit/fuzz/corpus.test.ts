// Replays test/fixtures/fuzz-corpus: every counterexample the fuzzers found (minimised) and a few
// hostile inputs kept as regressions. A case with status 'open' is a known engine bug (todo until
// fixed; then set its status to 'fixed' so it guards against the bug coming back).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, getCodeActions, getCompletions } from '../../../server/src/engine';
import { assertWellFormed, CORPUS_DIR, lspLines, timed } from './support';
import { checkActions } from './actions';

interface CorpusCase {
  bug?: string;
  status: 'open' | 'fixed' | 'regression';
  /** analyze: well-formed diagnostics; actions: every code action applies cleanly; time: under limitMs. */
  check: 'analyze' | 'actions' | 'time';
  entry?: 'analyze' | 'codeActions' | 'completionAtEnd';
  limitMs?: number;
  description: string;
  /** For time cases, `@@RUN@@` is replaced by `run.unit` repeated `run.count` times. */
  text: string;
  run?: { unit: string; count: number };
}

const URI = 'file:///corpus.esg.md';
const files = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('the fuzz corpus is present', () => {
  assert.ok(files.length >= 5, `corpus files in ${CORPUS_DIR}`);
});

function runEntry(c: CorpusCase, text: string) {
  const a = analyze({ uri: URI, text });
  if (c.entry === 'codeActions')
    getCodeActions(a, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  if (c.entry === 'completionAtEnd') {
    const lines = lspLines(text);
    getCompletions(a, { line: lines.length - 1, character: lines[lines.length - 1].length });
  }
}

for (const file of files) {
  const c = JSON.parse(readFileSync(path.join(CORPUS_DIR, file), 'utf8')) as CorpusCase;
  const todo = c.status === 'open' ? `bug: ${c.bug} open, see docs/robustness.md` : undefined;
  test(`corpus ${file}: ${c.description.slice(0, 90)}`, { todo }, () => {
    const text = c.run ? c.text.replace('@@RUN@@', c.run.unit.repeat(c.run.count)) : c.text;
    if (c.check === 'time') {
      runEntry(c, text.slice(0, 200)); // warm-up on a short prefix, so the timing is the long input's
      const { ms } = timed(() => runEntry(c, text));
      assert.ok(ms < (c.limitMs ?? 150), `${ms.toFixed(0)} ms (limit ${c.limitMs} ms)`);
      return;
    }
    const errors: string[] = [];
    const a = analyze({ uri: URI, text }, { onRuleError: (rule, e) => errors.push(`${rule}: ${e}`) });
    assert.deepEqual(errors, []);
    assertWellFormed(text, a);
    if (c.check === 'actions') assert.deepEqual(checkActions(text).failures, []);
  });
}
