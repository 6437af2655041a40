// Property 1: analyze() never throws, never hangs, and every diagnostic it returns lies inside the
// document, has a message and a registered rule id — for random text, ESG-shaped documents, mutated
// real reports and broken front matters; plus single huge cases (10 MB line, 100 000-column row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, getCodeLenses, getCompletions, getDocumentSymbols, getHover } from '../../../server/src/engine';
import { billionLaughs, brokenFrontMatter, mutatedDocument, randomText, shapedDocument } from './arbitraries';
import { assertWellFormed, lspLines, params, REAL_DOCUMENTS, timed } from './support';

/** Far above any real run (tens of ms); a run this slow means super-linear work somewhere. */
const PER_RUN_LIMIT_MS = 3000;
const URI = 'file:///fuzz.esg.md';

function checkedAnalyze(text: string, limitMs = PER_RUN_LIMIT_MS) {
  const errors: string[] = [];
  const { ms, value } = timed(() =>
    analyze({ uri: URI, text }, { onRuleError: (rule, e) => errors.push(`${rule}: ${(e as Error)?.stack ?? e}`) }),
  );
  assert.deepEqual(errors, [], 'no rule throws');
  assert.ok(ms < limitMs, `analysis took ${ms.toFixed(0)} ms`);
  assertWellFormed(text, value);
  return value;
}

test('fuzz: analyze() on random UTF-16 text (lone surrogates, NUL, BOM, CR/LF mixes) — 400 runs', () => {
  fc.assert(
    fc.property(randomText, (text) => void checkedAnalyze(text)),
    params(400),
  );
});

test('fuzz: analyze() on ESG-Markdown-shaped random documents — 300 runs', () => {
  fc.assert(
    fc.property(shapedDocument, (text) => void checkedAnalyze(text)),
    params(300),
  );
});

test('fuzz: analyze() on mutated real reports (delete/duplicate/swap lines, truncate, insert tokens) — 120 runs', () => {
  assert.ok(REAL_DOCUMENTS.length >= 5, 'the examples and fixtures are found');
  fc.assert(
    fc.property(mutatedDocument, ({ text }) => void checkedAnalyze(text)),
    params(120),
  );
});

function brokenYamlProperty(lineBreak: fc.Arbitrary<string>) {
  return fc.property(brokenFrontMatter(lineBreak), (text) => {
    checkedAnalyze(text);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
    assert.equal((globalThis as Record<string, unknown>).pwned, undefined, 'no YAML tag ran code');
  });
}

test('fuzz: analyze() on broken YAML front matters (LF), incl. prototype keys and aliases — 300 runs', () => {
  fc.assert(brokenYamlProperty(fc.constant('\n')), params(300));
});

// BUG-7 (fixed in fef1bb4): a YAML error range could end between the CR and LF of a CRLF line.
test('fuzz: analyze() on broken YAML front matters (CRLF and CR) — 300 runs', () => {
  fc.assert(brokenYamlProperty(fc.constantFrom('\r\n', '\r')), params(300));
});

test('fuzz: editor features (hover, completion, symbols, lenses) on random positions of shaped documents — 150 runs', () => {
  fc.assert(
    fc.property(shapedDocument, fc.nat(), fc.nat(), (text, l, c) => {
      const a = checkedAnalyze(text);
      const lines = lspLines(text);
      const line = l % lines.length;
      const position = { line, character: c % (lines[line].length + 1) };
      getHover(a, position);
      getCompletions(a, position);
      getDocumentSymbols(a);
      getCodeLenses(a);
    }),
    params(150),
  );
});

test('huge inputs: a 10 MB line, a 100 000-column row, 100 000 lines, a deep alias bomb', () => {
  const cases: [string, string][] = [
    ['10 MB line', 'x'.repeat(10 * 1024 * 1024)],
    ['10 MB line of braces and pipes', '# a {'.padEnd(10 * 1024 * 1024, '{|}[')],
    [
      '100 000-column table',
      `| ${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(' | ')} |\n|${'---|'.repeat(100_000)}\n| ${'1 | '.repeat(100_000)}\n`,
    ],
    ['100 000 blank and CR lines', '\r\n\r\n\r'.repeat(33_334)],
    ['billion-laughs front matter', billionLaughs(9)],
    ['5 000-deep nested list', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')],
  ];
  const times: string[] = [];
  for (const [name, text] of cases) {
    const { ms } = timed(() => checkedAnalyze(text, 10_000));
    times.push(`${name}: ${ms.toFixed(0)} ms`);
  }
  // Printed so docs/robustness.md can quote current figures.
  console.log(`  huge inputs — ${times.join('; ')}`);
});
