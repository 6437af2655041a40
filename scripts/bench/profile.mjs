// Where the time of a full analysis goes: runs `analyze` on one input under the CPU profiler (the timed runs
// only, after warm-up) and lists the functions with the most self time, each with its engine source module.
//   node scripts/bench/profile.mjs [--input=1MB|100KB|5MB|real-1MB|real-100KB|real-5MB|path] [--runs=20] [--seed=N] [--top=25]
// `real-…` is a real-shaped report (scripts/bench/generate-real.ts); a path is taken from the current
// folder, else from the repository (`examples/x.esg.md`); an absolute path as it is.
// Writes test-artifacts/bench-profile-<input>.json (and keeps the .cpuprofile next to it, which
// Chrome DevTools or VS Code open). Does not need dist/: the engine is bundled into a temporary folder.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realSources } from './sources.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const INPUT = option('input', '1MB');
const RUNS = Number(option('runs', '20'));
const SEED = Number(option('seed', '20250101'));
const TOP = Number(option('top', '25'));
const SIZES = { '100KB': 100_000, '1MB': 1_000_000, '5MB': 5_000_000 };
/** The builders of the derived layer's parts (derived.ts), each a stage of its own. */
const DERIVED_BUILDERS = [
  { part: 'facts', fn: 'buildFacts', module: 'numbers/facts.ts' },
  { part: 'disclosures', fn: 'buildDisclosures', module: 'engine/disclosures.ts' },
  { part: 'griIndexTables', fn: 'griIndexTables', module: 'recognition/packIndex.ts' },
  { part: 'packIndexTables', fn: 'packIndexTables', module: 'recognition/packIndex.ts' },
  { part: 'materialityTables', fn: 'materialityTables', module: 'recognition/ashareMateriality.ts' },
  { part: 'topicSections', fn: 'topicSections', module: 'recognition/ashareMateriality.ts' },
  { part: 'packTags', fn: 'packTags', module: 'recognition/packIndex.ts' },
  { part: 'factorQuotes', fn: 'findFactorQuotes', module: 'numbers/factorQuotes.ts' },
  { part: 'frontMatterFactors', fn: 'readFrontMatterFactors', module: 'numbers/factorQuotes.ts' },
  { part: 'sums', fn: 'buildKpiSumUnits', module: 'numbers/relations.ts' },
  { part: 'ghgSums', fn: 'buildGhgSumUnits', module: 'numbers/ghgChecks.ts' },
  { part: 'intensities', fn: 'buildIntensityUnits', module: 'numbers/intensityChecks.ts' },
  { part: 'rates', fn: 'buildRateChecks', module: 'numbers/relations.ts' },
  { part: 'averages', fn: 'buildAverageChecks', module: 'numbers/relations.ts' },
  { part: 'formulaChecks', fn: 'buildFormulaCheckUnits', module: 'numbers/formulaChecks.ts' },
  { part: 'checks', fn: 'buildAllChecks', module: 'numbers/allChecks.ts' },
  { part: 'keyedFacts', fn: 'buildKeyedFacts', module: 'xreport/compare.ts' },
];

const work = mkdtempSync(join(tmpdir(), 'esgmark-profile-'));
try {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
    sourcemap: false,
  };
  const engineFile = join(work, 'engine.cjs');
  await esbuild.build({ ...common, entryPoints: [join(ROOT, 'server/src/engine/index.ts')], outfile: engineFile });
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'scripts/bench/generate.ts')],
    outfile: join(work, 'generate.cjs'),
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'scripts/bench/generate-real.ts')],
    outfile: join(work, 'generate-real.cjs'),
  });
  const inputFile = join(work, 'input.esg.md');
  const real = /^real-(.+)$/.exec(INPUT);
  if (SIZES[INPUT]) {
    const { generateReport } = createRequire(join(work, 'x.cjs'))(join(work, 'generate.cjs'));
    writeFileSync(inputFile, generateReport({ seed: SEED, targetBytes: SIZES[INPUT] }).text);
  } else if (real && SIZES[real[1]]) {
    const { generateRealShapedReport } = createRequire(join(work, 'x.cjs'))(join(work, 'generate-real.cjs'));
    writeFileSync(
      inputFile,
      generateRealShapedReport({ seed: SEED, targetBytes: SIZES[real[1]], sources: realSources(ROOT) }).text,
    );
  } else {
    // resolve() keeps an absolute path as it is; a relative one is looked for where the command runs first.
    const here = resolve(process.cwd(), INPUT);
    copyFileSync(existsSync(here) ? here : resolve(ROOT, INPUT), inputFile);
  }

  const runner = join(work, 'run.cjs');
  writeFileSync(
    runner,
    `const { analyze } = require(${JSON.stringify(engineFile)});
const { Session } = require('inspector');
const text = require('fs').readFileSync(${JSON.stringify(inputFile)}, 'utf8');
const post = (session, method, params) =>
  new Promise((done, fail) => session.post(method, params, (err, result) => (err ? fail(err) : done(result))));
(async () => {
  for (let i = 0; i < 3; i++) analyze({ uri: 'file:///profile.esg.md', text });
  // Only the timed runs are profiled: the warm-up's one-time work (compiling, building the catalogs'
  // indexes, filling the text-keyed memos) would otherwise show as the steady state's.
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < ${RUNS}; i++) analyze({ uri: 'file:///profile.esg.md', text });
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  const { profile } = await post(session, 'Profiler.stop');
  require('fs').writeFileSync(${JSON.stringify(join(work, 'run.cpuprofile'))}, JSON.stringify(profile));
  process.stdout.write(JSON.stringify({ wall: wall / ${RUNS}, cpu: (cpu.user + cpu.system) / 1000 / ${RUNS} }));
})();
`,
  );
  const run = spawnSync(process.execPath, [runner], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  // Wall time and CPU time (user + system, every thread: the garbage collector's helpers too) per run:
  // on a shared machine the wall time grows with the load, the CPU time much less.
  const { wall: meanMs, cpu: cpuMs } = JSON.parse(run.stdout);
  const profileFile = join(work, 'run.cpuprofile');
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));

  // esbuild starts every bundled module with a `// path` comment: map bundle lines back to modules.
  const bundleLines = readFileSync(engineFile, 'utf8').split('\n');
  const moduleStarts = [];
  bundleLines.forEach((line, i) => {
    const m = /^\/\/ ((?:server|node_modules)\/\S+)$/.exec(line);
    if (m) moduleStarts.push({ line: i, module: m[1] });
  });
  const moduleAt = (line) => {
    let lo = 0;
    let hi = moduleStarts.length - 1;
    let found = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (moduleStarts[mid].line <= line) {
        found = moduleStarts[mid].module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  // The runner's calls into the inspector (stopping the profiler serialises it) are not the analysis.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const excluded = new Set();
  const exclude = (node, inside) => {
    const out = inside || (node.callFrame.url.endsWith('run.cjs') && node.callFrame.functionName === 'post');
    if (out) excluded.add(node.id);
    for (const c of node.children ?? []) exclude(byId.get(c), out);
  };
  exclude(profile.nodes[0], false);
  const self = new Map();
  profile.samples.forEach((id, i) => {
    if (!excluded.has(id)) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFunction = new Map();
  const byModule = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    const frame = node.callFrame;
    const inEngine = frame.url.endsWith('engine.cjs');
    const module = inEngine
      ? moduleAt(frame.lineNumber)
      : frame.url
        ? frame.url.replace(/^.*\//, '')
        : `(${frame.functionName || 'program'})`;
    const name = `${frame.functionName || '(anonymous)'}`;
    const key = `${name} ${module}:${frame.lineNumber + 1}`;
    const entry = byFunction.get(key) ?? { function: name, module, bundleLine: frame.lineNumber + 1, selfMs: 0 };
    entry.selfMs += us / 1000;
    byFunction.set(key, entry);
    byModule.set(module, (byModule.get(module) ?? 0) + us / 1000);
  }
  const totalMs = total / 1000;

  // Time of the stages: the parser, each part of the derived layer (derived.ts builds each on first use,
  // so a rule that asks first would be charged for it), and each rule's `run` (one module per rule id).
  // A stage's time is its inclusive time less that of the stages nested in it: a rule's figure is its own
  // work, and `facts` is counted once, under its own name, whichever rule or part asked for it first.
  const inclusive = (node) =>
    (self.get(node.id) ?? 0) + (node.children ?? []).reduce((a, c) => a + inclusive(byId.get(c)), 0);
  const stageOf = (node) => {
    const frame = node.callFrame;
    if (!frame.url.endsWith('engine.cjs')) return undefined;
    const module = moduleAt(frame.lineNumber);
    if (/^parseDocument\d*$/.test(frame.functionName))
      return 'parseDocument (recognition/document.ts: the parse and its interpretation)';
    if (/^resolveLocale\d*$/.test(frame.functionName)) return 'resolveLocale (i18n.ts)';
    const builder = DERIVED_BUILDERS.find((b) => new RegExp(`^${b.fn}\\d*$`).test(frame.functionName));
    if (builder && module.endsWith(builder.module)) return `derived ${builder.part} (${builder.fn})`;
    if (frame.functionName === 'run' && module.includes('/engine/rules/'))
      return `rule ${module.replace(/^.*\/rules\//, 'rules/')}`;
    return undefined;
  };
  const stageTotals = new Map();
  // `open`: the stages the node is inside, innermost last; a node that opens a stage adds its inclusive
  // time there and takes it off the enclosing one (a recursive call of the same stage counts once).
  const visit = (node, open) => {
    const found = stageOf(node);
    const stage = found && !open.includes(found) ? found : undefined;
    if (stage) {
      const us = inclusive(node) / 1000;
      stageTotals.set(stage, (stageTotals.get(stage) ?? 0) + us);
      const outer = open[open.length - 1];
      if (outer) stageTotals.set(outer, stageTotals.get(outer) - us);
    }
    const inner = stage ? [...open, stage] : open;
    for (const c of node.children ?? []) visit(byId.get(c), inner);
  };
  visit(profile.nodes[0], []);
  // The rule runner as a whole (its shared preparation included), counted apart from the stages above.
  let runRulesUs = 0;
  const visitRunner = (node) => {
    if (node.callFrame.url.endsWith('engine.cjs') && /^runRules\d*$/.test(node.callFrame.functionName)) {
      runRulesUs += inclusive(node);
      return;
    }
    for (const c of node.children ?? []) visitRunner(byId.get(c));
  };
  visitRunner(profile.nodes[0]);
  stageTotals.set('runRules (all rules, with shared preparation)', runRulesUs / 1000);
  const stages = [...stageTotals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([stage, ms]) => ({
      stage,
      inclusiveMs: Math.round(ms),
      percent: Math.round((ms / (total / 1000)) * 1000) / 10,
    }));
  const pct = (ms) => Math.round((ms / totalMs) * 1000) / 10;
  const functions = [...byFunction.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, TOP)
    .map((f) => ({ ...f, selfMs: Math.round(f.selfMs), percent: pct(f.selfMs) }));
  const modules = [...byModule.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([module, ms]) => ({ module, selfMs: Math.round(ms), percent: pct(ms) }));

  const label = (SIZES[INPUT] || (real && SIZES[real[1]]) ? INPUT : basename(INPUT)).replace(/[^\w.-]+/g, '_');
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const out = join(ROOT, 'test-artifacts', `bench-profile-${label}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ input: INPUT, seed: SEED, runs: RUNS, meanMs: Math.round(meanMs * 10) / 10, cpuMs: Math.round(cpuMs * 10) / 10, profiledMs: Math.round(totalMs), stages, functions, modules }, null, 2)}\n`,
  );
  copyFileSync(profileFile, join(ROOT, 'test-artifacts', `bench-profile-${label}.cpuprofile`));

  console.log(
    `analyze ${INPUT}: mean ${meanMs.toFixed(1)} ms (CPU ${cpuMs.toFixed(1)} ms) over ${RUNS} runs after 3 warm-up runs (not profiled); ${Math.round(totalMs)} ms sampled\n`,
  );
  console.log('time by stage (less the stages nested in it; runRules inclusive)');
  for (const st of stages.slice(0, TOP))
    console.log(`${String(st.percent).padStart(5)}%  ${String(st.inclusiveMs).padStart(6)} ms  ${st.stage}`);
  console.log('\nself time by function');
  for (const f of functions)
    console.log(`${String(f.percent).padStart(5)}%  ${String(f.selfMs).padStart(6)} ms  ${f.function}  (${f.module})`);
  console.log('\nself time by module');
  for (const m of modules)
    console.log(`${String(m.percent).padStart(5)}%  ${String(m.selfMs).padStart(6)} ms  ${m.module}`);
  console.log(`\nwritten ${out.slice(ROOT.length + 1)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
