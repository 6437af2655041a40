// Property 3: every code action, applied to the text as an editor applies it, (a) gives a document
// that analyses without throwing and with well-formed diagnostics, (b) for a quick fix, removes or
// changes the diagnostic it targets (same rule, same data.id), and (c) changes no text outside its
// edited ranges and keeps the document's line-break style. The checks are in actions.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mutatedSmallDocument, shapedDocument } from './arbitraries';
import { checkActions } from './actions';
import { params } from './support';

test('fuzz: quick fixes on mutated small real reports apply cleanly and remove their diagnostic — 40 runs', () => {
  let applied = 0;
  fc.assert(
    fc.property(mutatedSmallDocument(20_000), ({ text }) => {
      const r = checkActions(text);
      applied += r.applied;
      assert.deepEqual(r.failures, []);
    }),
    params(40),
  );
  assert.ok(applied > 40, `actions were applied (${applied})`);
});

test('fuzz: quick fixes on ESG-shaped random documents — 150 runs', () => {
  fc.assert(
    fc.property(shapedDocument, (text) => {
      assert.deepEqual(checkActions(text, 4).failures, []);
    }),
    params(150),
  );
});
