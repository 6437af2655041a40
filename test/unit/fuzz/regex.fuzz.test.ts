// Property 2: no regular expression backtracks catastrophically.
// (a) A census: every regex literal in server/src (found with the TypeScript scanner, so a new regex
//     is checked the day it is written) runs against long runs of the characters it repeats, in a
//     worker that is killed at a deadline; a regex whose time grows faster than linearly must be
//     listed below either as applied only to bounded input (with the reason) or as a known bug.
// (b) The public functions run the adversarial inputs of issue 5 and must each finish in well under a
//     second (asserted: < 2 s, generous for a loaded 2-core machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { analyze, getCompletions } from '../../../server/src/engine';
import { parseDocument } from '../../../server/src/engine/recognition/document';
import { parseNumber } from '../../../server/src/engine/numbers/read';
import { parseUnit } from '../../../server/src/engine/catalogs/units';
import { normalizeLabel } from '../../../server/src/engine/text/normalize';
import { matchKpi } from '../../../server/src/engine/catalogs/kpis';
import { parseFormula } from '../../../server/src/engine/numbers/formula';
import { factorQuotes } from '../../../server/src/engine/derived';
import { plainCell, normalizeTitle } from '../../../server/src/engine/recognition/indexTables';
import { REPO_ROOT } from '../../helpers/paths';
import { timed } from './support';

interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every regex literal in server/src, with where it is. `new RegExp(...)` built at run time is counted separately. */
function findRegexes(): { literals: FoundRegex[]; dynamic: string[] } {
  const literals: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles(path.join(REPO_ROOT, 'server', 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        literals.push({
          file: rel,
          line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
          source: text.slice(1, slash),
          flags: text.slice(slash + 1),
        });
      } else if (ts.isNewExpression(node) && node.expression.getText(sf) === 'RegExp') {
        dynamic.push(`${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}

/**
 * Regexes that are super-linear on some long input but only ever see short text, keyed by
 * `/source/flags`. Each reason names the bound; the public-function tests below cover the callers.
 */
const BOUNDED: Record<string, string> = {
  '/[\\s.:;,。:;,、]+$/u': 'catalogs/hkex.ts normalizeId: returns early for ids longer than 200 characters',
  '/\\B(?=(\\d{3})+(?!\\d))/g': 'numbers/quantity.ts formatNumber: digits of a JS number (at most ~309)',
  '/(?:排放因子|排放因數|排放因数|排放係數|排放系數|排放系数|emission factors?|grid factors?)\\s*(?:for|of|in)?\\s*(?:the\\s+year\\s+)?[(（]?\\s*$/i':
    'numbers/factorQuotes.ts: applied to the 40 characters before a year only',
  '/\\s+per\\s+/i': 'catalogs/units.ts parseUnit: only after the MAX_UNIT_LENGTH check',
  '/[\\r\\n]+$/':
    'numbers/factorQuotes.ts: applied to one line sliced between two line starts, so it holds at most one line break',
  '/^\\s*chapters\\s*:/m': 'lsp/projects.ts: applied to the first 8192 characters only (worst case ~30 ms)',
};

/**
 * Super-linear regexes that see report text of any length: open bugs, keyed like BOUNDED, with their
 * id in docs/robustness.md. Empty since BUG-1..6 were fixed (fef1bb4): a new entry needs a bug there.
 */
const KNOWN_BUGS: Record<string, string> = {};

// The worker times one regex on a battery of long inputs and reports the slowest.
const WORKER = `
const { parentPort } = require('node:worker_threads');
function time(re, s) {
  const t = process.hrtime.bigint();
  re.lastIndex = 0;
  if (re.global) s.replace(re, '');
  else re.exec(s);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
parentPort.on('message', ({ source, flags, n }) => {
  const re = new RegExp(source, flags);
  // Literal characters of the pattern, plus representatives of the classes reports are made of.
  const literal = [...new Set(source.replace(/\\\\[pPu]\\{[^}]*\\}|\\\\u[0-9a-fA-F]{4}|\\\\./g, '').replace(/[\\^$()|?*+{}\\[\\]]/g, ''))].slice(0, 40);
  const pumps = [...new Set([...literal, ' ', '\\u3000', '\\n', 'a', 'A', '1', '_', '.', ',', '-', '中', '(', '<', '[', '{', '|', 'a ', '1,', '1 ', '(x)'])];
  // A plausible match start: the pattern's leading literal text (first alternative).
  const lead = source.replace(/^\\^/, '').replace(/^(\\(\\?:|\\()+/, '').match(/^(?:\\\\[^dswDSWbBpPu]|[^\\\\^$()|?*+{}\\[\\].])*/)[0].replace(/\\\\(.)/g, '$1');
  let worst = { ms: 0, input: '' };
  search: for (const prefix of ['', lead, '1']) {
    for (const pump of pumps) {
      for (const suffix of ['', '\\u0000']) {
        const s = prefix + pump.repeat(Math.ceil(n / pump.length)) + suffix;
        const ms = time(re, s);
        if (ms > worst.ms) worst = { ms, input: JSON.stringify(prefix) + ' + ' + JSON.stringify(pump) + ' x ' + n + ' + ' + JSON.stringify(suffix), prefix, pump, suffix };
        if (worst.ms > 20) break search; // one slow input is enough to decide
      }
    }
  }
  // Confirm growth on the slowest input: doubling the length should roughly double the time.
  let ratio = 0;
  if (worst.ms > 20) {
    const again = time(re, worst.prefix + worst.pump.repeat(Math.ceil(2 * n / worst.pump.length)) + worst.suffix);
    ratio = again / Math.max(worst.ms, 0.001);
    worst.ms2 = again;
  }
  parentPort.postMessage({ ms: worst.ms, ms2: worst.ms2, ratio, input: worst.input });
});
`;

interface Timing {
  key: string;
  where: string;
  verdict: 'linear' | 'superlinear' | 'timeout';
  detail: string;
}

/** Times every regex in a worker; a regex still running after `deadlineMs` is a timeout (the worker is replaced). */
async function censusOf(regexes: FoundRegex[], n: number, deadlineMs: number): Promise<Timing[]> {
  const out: Timing[] = [];
  let worker: Worker | undefined;
  for (const r of regexes) {
    worker ??= new Worker(WORKER, { eval: true });
    const key = `/${r.source}/${r.flags}`;
    const where = `${r.file}:${r.line}`;
    const w = worker;
    const result = await new Promise<{ ms: number; ms2?: number; ratio: number; input: string } | undefined>(
      (resolve, reject) => {
        const timer = setTimeout(() => resolve(undefined), deadlineMs);
        w.once('message', (m) => {
          clearTimeout(timer);
          resolve(m);
        });
        w.once('error', reject);
        w.postMessage({ source: r.source, flags: r.flags, n });
      },
    );
    if (!result) {
      await worker.terminate();
      worker = undefined;
      out.push({ key, where, verdict: 'timeout', detail: `still running after ${deadlineMs} ms` });
      continue;
    }
    worker.removeAllListeners('error');
    // Linear work on n = 10 000 characters takes well under 20 ms; quadratic work takes hundreds.
    const superlinear = result.ms > 20 && result.ratio > 2.8 && (result.ms2 ?? 0) > 60;
    out.push({
      key,
      where,
      verdict: superlinear ? 'superlinear' : 'linear',
      detail: `${result.ms.toFixed(1)} ms -> ${result.ms2?.toFixed(1) ?? '-'} ms at double length on ${result.input}`,
    });
  }
  await worker?.terminate();
  return out;
}

test('regex census: every regex literal in server/src is linear on long runs, or listed as bounded / a known bug', async () => {
  const { literals, dynamic } = findRegexes();
  assert.ok(literals.length > 100, `the scanner finds the regexes (${literals.length})`);
  // The two `new RegExp` of factorQuotes.ts are built from fixed alternatives; they are covered through factorQuotes() below.
  assert.ok(
    dynamic.every((d) => d.startsWith('server/src/engine/numbers/factorQuotes.ts')),
    `new RegExp outside factorQuotes.ts: ${dynamic.join(', ')}`,
  );
  const unique = [...new Map(literals.map((r) => [`/${r.source}/${r.flags}`, r])).values()];
  const started = Date.now();
  const timings = await censusOf(unique, 10_000, 1500);
  const slow = timings.filter((t) => t.verdict !== 'linear');
  const unexplained = slow.filter((t) => !(t.key in BOUNDED) && !(t.key in KNOWN_BUGS));
  console.log(
    `  regex census: ${unique.length} distinct literals in ${Date.now() - started} ms; super-linear: ${slow.map((t) => `${t.where} ${t.verdict} (${t.detail})`).join('; ') || 'none'}`,
  );
  assert.deepEqual(
    unexplained.map((t) => `${t.where} ${t.key} ${t.verdict}: ${t.detail}`),
    [],
    'a new super-linear regex: make it linear, or bound its input and list it in BOUNDED with the reason',
  );
});

const LIMIT_MS = 2000;
const N = 100_000;
/** The adversarial inputs of issue 5 plus the runs the census found dangerous (spaces before a non-space). */
const ADVERSARIAL: [string, string][] = [
  ['[ x 1e5', '['.repeat(N)],
  ['< x 1e5', '<'.repeat(N)],
  ['a{ x 1e5', 'a{'.repeat(N)],
  ['1, x 1e5', '1,'.repeat(N)],
  ['spaces x 1e5', ' '.repeat(N)],
  ['spaces x 1e5 then x', `${' '.repeat(N)}x`],
  ['ideographic spaces x 1e5 then x', `${'\u3000'.repeat(N)}x`],
  ['( x 1e5', '('.repeat(N)],
  ['{ x 1e5', '{'.repeat(N)],
  ['| x 1e5', '|'.repeat(N)],
  ['_ x 1e5 then x', `${'_'.repeat(N)}x`],
  ['digits x 1e5', '1'.repeat(N)],
  ['a x 1e5 then !', `${'a'.repeat(N)}!`],
  ['line breaks x 1e5', '\n'.repeat(N)],
];

/** Public entry points and the context each input is placed in. */
const URI = 'file:///t.esg.md';
const FUNCTIONS: [string, (s: string) => unknown][] = [
  ['parseDocument', (s) => parseDocument(URI, s)],
  ['parseDocument (heading with an id)', (s) => parseDocument(URI, `# t {#a ${s}}\n`)],
  ['parseDocument (div fence with attributes)', (s) => parseDocument(URI, `::: {.explain hkex="A1" ${s}}\nx\n:::\n`)],
  ['parseNumber', (s) => parseNumber(s)],
  ['parseNumber (after a digit)', (s) => parseNumber(`1${s}`)],
  ['parseUnit', (s) => parseUnit(s)],
  ['normalizeLabel', (s) => normalizeLabel(s)],
  ['matchKpi', (s) => matchKpi(`總${s}排放`)],
  ['parseFormula', (s) => parseFormula(s)],
  ['plainCell / normalizeTitle', (s) => [plainCell(s), normalizeTitle(s)]],
  ['factorQuotes (prose without numbers)', (s) => factorQuotes(parseDocument(URI, `排放因子${s}。kgCO/kWh ${s}x\n`))],
  [
    'KPI table reader (label, value)',
    (s) => analyze({ uri: URI, text: `| 指標 | 單位 | 2025 |\n|---|---|---|\n| 溫室氣體${s}x | 噸 | 1${s}2 |\n` }),
  ],
  [
    'index table reader (cells)',
    (s) =>
      analyze({
        uri: URI,
        text: `## 索引 {.hkex-index}\n\n| 條文 | 內容 | 章節 |\n|---|---|---|\n| A1${s} | x${s}(x | 解釋：${s}x |\n`,
      }),
  ],
  [
    'getCompletions (plain text)',
    (s) => getCompletions(analyze({ uri: URI, text: `x${s} ` }), { line: 0, character: s.length + 2 }),
  ],
];

// The entry points that had a super-linear regex (BUG-1..6) are timed by the corpus cases
// test/fixtures/fuzz-corpus/bug-0*.json (corpus.test.ts).

function timeAll(
  fn: (s: string) => unknown,
  inputs: [string, string][],
): { worst: number; report: string[]; over: string[] } {
  const report: string[] = [];
  const over: string[] = [];
  let worst = 0;
  for (const [name, input] of inputs) {
    const { ms } = timed(() => fn(input));
    worst = Math.max(worst, ms);
    if (ms > 100) report.push(`${name}: ${ms.toFixed(0)} ms`);
    if (ms > LIMIT_MS) over.push(`${name}: ${ms.toFixed(0)} ms`);
  }
  return { worst, report, over };
}

for (const [name, fn] of FUNCTIONS) {
  test(`adversarial input: ${name} finishes each case in < ${LIMIT_MS} ms`, () => {
    const { worst, report, over } = timeAll(fn, ADVERSARIAL);
    console.log(`  ${name}: slowest ${worst.toFixed(1)} ms${report.length ? ` (${report.join(', ')})` : ''}`);
    assert.deepEqual(over, []);
  });
}
