// Property 7: nesting and repetition. Deeply nested or unclosed divs and thousands of copies of one
// construct (headings with one id, tables, spans, explanations, ids in one attribute, index rows)
// must give a well-formed analysis with a bounded list of diagnostics, and the time must grow
// linearly with the number of copies: before the depth limit, 20 000 nested divs ran out of 4 GB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../../server/src/engine';
import { LIMITS } from '../../../server/src/engine/limits';
import { nestedDivs, repeatedReport, repetition, repetitionUpTo, REPEATED_UNITS, SPECIAL_TOKENS } from './arbitraries';
import { assertWellFormed, params, timed } from './support';

const URI = 'file:///nesting-fuzz.esg.md';
/** Far above any real run here (tens of ms); a run this slow means super-linear work. */
const PER_RUN_LIMIT_MS = 3000;

function checked(text: string): Analysis {
  const errors: string[] = [];
  const { ms, value } = timed(() =>
    analyze({ uri: URI, text }, { onRuleError: (rule, e) => errors.push(`${rule}: ${(e as Error)?.stack ?? e}`) }),
  );
  assert.deepEqual(errors, [], 'no rule throws');
  assert.ok(ms < PER_RUN_LIMIT_MS, `analysis took ${ms.toFixed(0)} ms`);
  assertWellFormed(text, value);
  assertBounded(value);
  return value;
}

/** The list stays bounded whatever repeats: per rule, per syntax problem kind, and per explanation reason. */
function assertBounded(analysis: Analysis) {
  const perRule = new Map<string, number>();
  const perKey = new Map<string, number>();
  for (const d of analysis.diagnostics) {
    perRule.set(d.rule, (perRule.get(d.rule) ?? 0) + 1);
    if (d.rule === 'esg/syntax') perKey.set(String(d.data?.key), (perKey.get(String(d.data?.key)) ?? 0) + 1);
  }
  for (const [rule, n] of perRule) assert.ok(n <= LIMITS.maxDiagnosticsPerRule + 1, `${rule}: ${n} diagnostics`);
  for (const [key, n] of perKey) assert.ok(n <= LIMITS.maxProblemsPerKind + 1, `esg/syntax ${key}: ${n} diagnostics`);
  for (const e of analysis.model.explanations)
    assert.ok(e.text.length <= LIMITS.maxExplanationChars, `reason of ${e.text.length} characters`);
}

/** How deep the model's explanations nest (their ranges are properly nested or disjoint). */
function explanationDepth(analysis: Analysis): number {
  const ends: number[] = [];
  let deepest = 0;
  for (const e of analysis.model.explanations) {
    while (ends.length && ends[ends.length - 1] < e.range.start.line) ends.pop();
    ends.push(e.range.end.line);
    deepest = Math.max(deepest, ends.length);
  }
  return deepest;
}

/**
 * Where the depth limit must be reported, from the fence lines alone: the first fence opened past
 * `maxDivDepth` starts a run of ignored fences, which ends when its closing fence is reached; each run
 * is reported once, on its first fence, with the number of fences opened inside it.
 */
function expectedTooDeep(lines: string[]): { line: number; inside: number }[] {
  const runs: { line: number; inside: number }[] = [];
  let kept = 0;
  let ignored = 0;
  lines.forEach((line, k) => {
    const m = /^ {0,3}:{3,}(.*)$/.exec(line);
    if (!m) return;
    const rest = m[1].trim();
    if (rest === '' || /^:+$/.test(rest)) {
      if (ignored > 0) ignored--;
      else if (kept > 0) kept--;
    } else if (ignored > 0 || kept >= LIMITS.maxDivDepth) {
      if (ignored++ === 0) runs.push({ line: k, inside: 0 });
      else runs[runs.length - 1].inside++;
    } else kept++;
  });
  return runs;
}

test('fuzz: nested divs of random depth (up to 3 000), closed or not, repeated — 30 runs', () => {
  let reported = 0;
  fc.assert(
    fc.property(nestedDivs(3000), (text) => {
      const a = checked(text);
      assert.ok(explanationDepth(a) <= LIMITS.maxDivDepth, `explanations nest ${explanationDepth(a)} deep`);
      const lines = text.split(/\r?\n/);
      const expected = expectedTooDeep(lines);
      const tooDeep = a.diagnostics.filter((d) => d.data?.key === 'div.tooDeep' || d.data?.key === 'div.tooDeepMore');
      // Past maxProblemsPerKind runs, the list is cut (the last one listed sums up the others).
      const listed =
        expected.length > LIMITS.maxProblemsPerKind + 1 ? expected.slice(0, LIMITS.maxProblemsPerKind + 1) : expected;
      assert.deepEqual(
        tooDeep.map((d) => d.range),
        listed.map((r) => ({
          start: { line: r.line, character: 0 },
          end: { line: r.line, character: lines[r.line].length },
        })),
      );
      tooDeep.forEach((d, k) => {
        if (listed[k].inside > 0) assert.ok(d.message.includes(`the ${listed[k].inside} opened inside it`), d.message);
        else assert.equal(d.data?.key, 'div.tooDeep');
      });
      reported += tooDeep.length;
    }),
    params(30),
  );
  // Not vacuous: most runs nest past the limit.
  assert.ok(reported > 10, `${reported} depth diagnostics`);
});

test('fuzz: reports repeating up to three constructs up to 2 000 times each — 30 runs', () => {
  fc.assert(
    fc.property(repetition, (text) => void checked(text)),
    params(30),
  );
});

// Incremental analysis on the same shapes: the depth limit, the cut reasons and the capped lists must be
// what a full analysis of the edited text gives (edits inside nested divs re-read the reasons around them).
test('fuzz: derived analyses equal full analyses on nested and repeated structure — 40 runs', () => {
  const edit = fc.record({
    at: fc.nat({ max: 1_000_000 }),
    remove: fc.constantFrom(0, 0, 1, 4),
    insert: fc.oneof(
      fc.constantFrom(...SPECIAL_TOKENS),
      fc.constantFrom('x', ' ', '中', '', ':::\n', '::: {.explain}\n'),
    ),
  });
  let derived = 0;
  fc.assert(
    fc.property(
      fc.oneof(nestedDivs(150), repetitionUpTo(120)),
      fc.array(edit, { minLength: 1, maxLength: 6 }),
      (start, edits) => {
        let text = start;
        let previous = analyze({ uri: URI, text });
        for (const e of edits) {
          const at = text.length ? e.at % (text.length + 1) : 0;
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const next = analyze({ uri: URI, text }, {}, previous);
          const full = analyze({ uri: URI, text });
          assert.deepStrictEqual(next.model, full.model);
          assert.deepStrictEqual(next.diagnostics, full.diagnostics);
          if (next.reuse.parse !== 'full') derived++;
          previous = next;
        }
      },
    ),
    params(40),
  );
  assert.ok(derived > 20, `${derived} edits were derived`);
});

// Time against size: analysing 4n copies must take less than 8 times n copies (linear work takes
// about 4 times, quadratic work 16). The best of two runs, 25 ms of slack and up to three attempts
// absorb noise on a shared machine (a garbage collection, another process); quadratic work fails all three.
test('repeated structure: analysing 4n copies of each construct takes < 8x n copies', () => {
  const n = 1500;
  const best = (text: string) =>
    Math.min(timed(() => analyze({ uri: URI, text })).ms, timed(() => analyze({ uri: URI, text })).ms);
  const figures: string[] = [];
  for (const unit of Object.keys(REPEATED_UNITS)) {
    analyze({ uri: URI, text: repeatedReport(unit, 50) }); // warm-up: the first call compiles the code paths
    const attempts: string[] = [];
    let linear = false;
    for (let attempt = 0; attempt < 3 && !linear; attempt++) {
      const small = best(repeatedReport(unit, n));
      const large = best(repeatedReport(unit, 4 * n));
      attempts.push(`${small.toFixed(1)} → ${large.toFixed(1)} ms`);
      linear = large < 8 * small + 25;
    }
    figures.push(`${unit}: ${attempts[attempts.length - 1]}`);
    assert.ok(linear, `${unit}: ${n} → ${4 * n} copies: ${attempts.join(', ')}`);
  }
  // Printed so docs/robustness.md can quote current figures.
  console.log(`  repetition, ${n} → ${4 * n} copies — ${figures.join('; ')}`);
});
