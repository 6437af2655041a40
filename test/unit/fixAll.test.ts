// Fix-all (engine/features/fixAll.ts): every safe fix in one set of edits that never overlap, the
// author's text kept byte for byte outside them, and nothing that is not declared safe applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits, getCodeActions, getFixAll, RULES, SAFE_FIX_RULES } from '../../server/src/engine';
import { FRONT, byRule, run } from './util';

// A1.1 tagged with no index row; A1.2 (deleted: its successor D28(a)/(b) is mandatory, so replacing
// it is not safe); two index rows pointing at one untagged section (B1, B2 → 僱傭); an unknown id
// (A9.9) whose quick fixes are guesses, not safe.
const REPORT = `${FRONT}# 環境 {#env hkex="A1 A1.1 A1.2"}\n\n內容\n\n# 僱傭 {#emp}\n\n內容\n\n# 其他 {hkex="A9.9"}\n\n內容\n\n## 索引 {#idx .hkex-index}\n\n| 條文 | 內容 | 報告章節 |\n|---|---|---|\n| A1 | x | [環境](#env) |\n| B1 | x | [僱傭](#emp) |\n| B2 | x | 僱傭 |\n`;

/** Every character of `before` outside the edits' ranges is in `after`, in order, unchanged. */
function assertOnlyEdited(
  before: string,
  after: string,
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
) {
  const starts = [0];
  for (let i = 0; i < before.length; i++) if (before[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(a.range.start) - off(b.range.start));
  let at = 0;
  let rebuilt = '';
  for (const e of sorted) {
    rebuilt += before.slice(at, off(e.range.start)) + e.newText;
    at = off(e.range.end);
  }
  rebuilt += before.slice(at);
  assert.equal(after, rebuilt);
  // And the author's words are all still there.
  const removed = sorted.map((e) => before.slice(off(e.range.start), off(e.range.end))).join('');
  assert.ok(removed.length <= 'A1.2'.length * sorted.length);
}

test('fix-all applies the safe fixes only, in one pass, and the re-check no longer reports them', () => {
  const a = run(REPORT);
  assert.equal(byRule(a, 'hkex/deleted').length, 1);
  assert.equal(byRule(a, 'hkex/index-untagged').length, 2);
  assert.ok(byRule(a, 'hkex/index-missing-row').some((d) => d.data?.id === 'A1.1'));
  assert.ok(byRule(a, 'hkex/unknown-id').length >= 1);
  const result = getFixAll(a);
  const after = applyTextEdits(REPORT, result.edits);
  assertOnlyEdited(REPORT, after, result.edits);
  assert.match(after, /# 環境 \{#env hkex="A1 A1\.1 A1\.2"\}/, 'the deleted id is left to the author');
  // The row of the tagged A1.1, after A1's row, pointing at its section; no row for what nothing discloses.
  assert.match(
    after,
    /\| A1 \| x \| \[環境\]\(#env\) \|\n\| A1\.1 \| [^|\n]*A1\.1[^|\n]* \| \[環境\]\(#env\) \|\n\| B1 /,
  );
  assert.doesNotMatch(after, /\| A1\.3 /);
  // Both rows' ids in one tag, not two attribute blocks.
  assert.match(after, /# 僱傭 \{#emp hkex="B1 B2"\}/);
  assert.match(after, /hkex="A9\.9"/, 'an unknown id is not guessed at');
  assert.equal(result.fixes.length, 2);
  assert.equal(result.deferred, 0);
  const b = run(after);
  assert.equal(byRule(b, 'hkex/deleted').length, 1);
  assert.equal(byRule(b, 'hkex/index-untagged').length, 0);
  assert.ok(!byRule(b, 'hkex/index-missing-row').some((d) => d.data?.id === 'A1.1'));
  assert.ok(
    byRule(b, 'hkex/index-missing-row').some((d) => d.data?.id === 'A1.3'),
    'a row for an undisclosed requirement is not invented',
  );
  // Only the fixed findings went away: every other finding of the first analysis is still there.
  const fixedRules = new Set(['hkex/index-untagged', 'hkex/index-missing-row']);
  const kept = (x: typeof a) =>
    x.diagnostics
      .filter((d) => !fixedRules.has(d.rule))
      .map((d) => `${d.rule} ${d.message}`)
      .sort();
  assert.deepEqual(kept(b), kept(a));
  assert.equal(byRule(b, 'hkex/index-mismatch').length, 0, 'the fix makes no new finding');
  // A second run has nothing left to do.
  assert.equal(getFixAll(b).edits.length, 0);
});

test('a safe fix is declared on its rule, and only rules declaring one produce safe actions', () => {
  assert.deepEqual(
    [...SAFE_FIX_RULES].sort(),
    RULES.filter((r) => r.safeFix)
      .map((r) => r.id)
      .sort(),
  );
  const a = run(REPORT);
  for (const d of a.diagnostics) {
    for (const action of getCodeActions(a, d.range, [d]))
      if (action.safe) assert.ok(SAFE_FIX_RULES.has(d.rule), `${d.rule}: ${action.title}`);
  }
});

test('replacing A1.2 by D28(a) D28(b) is offered, never applied by fix-all (it would silence a mandatory requirement)', () => {
  const text = `${FRONT}# 排放 {#ghg hkex="A1 A1.2"}\n\n內容\n`;
  const a = run(text);
  const d = byRule(a, 'hkex/deleted')[0];
  assert.ok(d, 'A1.2 reported');
  const action = getCodeActions(a, d.range, [d]).find((x) => x.title.includes('D28'));
  assert.ok(action && !action.safe && action.isPreferred);
  assert.equal(getFixAll(a).edits.length, 0);
});

test('fix-all on some findings fixes only those', () => {
  const a = run(REPORT);
  const hints = byRule(a, 'hkex/index-untagged');
  const first = getFixAll(a, [hints[0]]);
  assert.equal(first.fixes.length, 1);
  const after = applyTextEdits(REPORT, first.edits);
  assert.match(after, /# 僱傭 \{#emp hkex="B1"\}/);
  assert.doesNotMatch(after, /\| A1\.1 \|/, 'the missing row was not among the findings given');
});

test('applyTextEdits keeps CRLF line ends and every byte outside the edits', () => {
  const text = 'a\r\nbb\r\nccc';
  const out = applyTextEdits(text, [
    { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, newText: 'X' },
    { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, newText: '!' },
  ]);
  assert.equal(out, 'a\r\nbX\r\nccc!');
  assert.throws(() =>
    applyTextEdits(text, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: '' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'y' },
    ]),
  );
});
