// Property: on any text, an analysis derived from the previous version's (analyze(doc, options,
// previous)) equals a full analysis of the new text. test/unit/incremental.test.ts types into real
// reports; this one starts from ESG-Markdown-shaped random documents (broken front matter, stray
// fences and divs, mixed line breaks, lone surrogates, BOMs) and edits them with the tokens the
// scanners react to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../server/src/engine';
import { SPECIAL_TOKENS, shapedDocument } from './arbitraries';
import { params } from './support';

const URI = 'file:///incremental-fuzz.esg.md';

type Edit = { at: number; remove: number; insert: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat({ max: 100_000 }),
  remove: fc.constantFrom(0, 0, 0, 1, 2),
  insert: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_TOKENS) },
    { weight: 2, arbitrary: fc.constantFrom('a', '7', ' ', '中', '') },
  ),
});

function apply(text: string, e: Edit): string {
  const at = text.length ? e.at % (text.length + 1) : 0;
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

test('fuzz: derived analyses equal full analyses on random documents and edits', () => {
  let derivedCount = 0;
  fc.assert(
    fc.property(shapedDocument, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      let text = start;
      let previous = analyze({ uri: URI, text });
      for (const e of edits) {
        text = apply(text, e);
        const derived = analyze({ uri: URI, text }, {}, previous);
        const full = analyze({ uri: URI, text });
        assert.deepStrictEqual(derived.model, full.model);
        assert.deepStrictEqual(derived.diagnostics, full.diagnostics);
        if (derived.reuse.parse !== 'full') derivedCount++;
        previous = derived;
      }
    }),
    params(200),
  );
  // Not vacuous: many edits took an incremental path.
  assert.ok(derivedCount > 100, `${derivedCount} edits were derived`);
});
