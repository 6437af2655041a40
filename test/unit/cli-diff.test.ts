// The unified diff of `esgmark check --fix-dry-run` (cli/diff.ts): applying its hunks to the old text
// gives exactly the fixed text, with correct hunk headers, for edits near and far from each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../server/src/cli/diff';
import { applyTextEdits, type TextEdit } from '../../server/src/engine';

/** Applies a unified diff of one file to `old` (lines split on \n), checking every context and removed line. */
function patch(old: string, diff: string): string {
  const lines = old.split('\n');
  const out: string[] = [];
  let at = 0;
  const body = diff.split('\n').slice(2);
  for (let i = 0; i < body.length; i++) {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(body[i]);
    if (!m) continue;
    const [oldStart, oldCount, newStart, newCount] = m.slice(1).map(Number);
    while (at < oldStart - 1) out.push(lines[at++]);
    assert.equal(out.length, newStart - 1, 'new start line');
    let seenOld = 0;
    let seenNew = 0;
    for (i++; i < body.length && !body[i].startsWith('@@') && body[i] !== ''; i++) {
      const [sign, text] = [body[i][0], body[i].slice(1)];
      if (sign === ' ' || sign === '-') {
        assert.equal(lines[at], text, `line ${at + 1}`);
        at++;
        seenOld++;
      }
      if (sign === ' ' || sign === '+') {
        out.push(text);
        seenNew++;
      }
    }
    i--;
    assert.equal(seenOld, oldCount);
    assert.equal(seenNew, newCount);
  }
  while (at < lines.length) out.push(lines[at++]);
  return out.join('\n');
}

const edit = (line: number, start: number, end: number, newText: string, endLine = line): TextEdit => ({
  range: { start: { line, character: start }, end: { line: endLine, character: end } },
  newText,
});

test('hunks reproduce the fixed text: one edit, near edits merged, far edits apart, inserted lines', () => {
  const old = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
  for (const edits of [
    [edit(0, 0, 4, 'LINE')],
    [edit(5, 5, 6, 'six'), edit(8, 0, 0, 'new\n')],
    [edit(2, 0, 6, 'a'), edit(30, 0, 7, 'b\nc'), edit(39, 7, 7, '!')],
    [edit(10, 4, 3, '', 11)],
  ]) {
    const diff = unifiedDiff(old, edits, 'r.esg.md');
    assert.match(diff, /^--- a\/r\.esg\.md\n\+\+\+ b\/r\.esg\.md\n@@ /);
    assert.equal(patch(old, diff), applyTextEdits(old, edits));
  }
  assert.equal(unifiedDiff(old, [], 'r.esg.md'), '');
});
