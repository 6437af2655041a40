// The esgmark benchmark (`npm run bench`; docs/performance.md explains the figures and the targets).
//   1. full analysis (parse + all rules) of the examples and of 100 KB / 1 MB / 5 MB reports of two kinds:
//      generated (scripts/bench/generate.ts: clean, light in numbers) and real-shaped
//      (scripts/bench/generate-real.ts: the corpus and the examples repeated, thousands of diagnostics);
//   2. markdownlint's default rules on the same texts, same process, and the ratio;
//   3. the curve: time per MB of both kinds from 0.1 to 10 MB (--curve=0.1,0.2,…);
//   4. `esgmark check` as a process: start-up, the 1.3 KB stub, both 1 MB kinds (against markdownlint);
//   5. edit-to-diagnostics latency in process and through the real server over stdio (both 1 MB kinds);
//   6. server memory with the 5 MB report open; client bundle size and time to require it.
// Prints a table and writes test-artifacts/bench.json. Builds what it needs: the engine and the
// generator are bundled with esbuild into a temporary folder; dist/ is built if it is missing
// (`npm run bench` rebuilds it first). --baseline=DIR times another checkout (its engine, and its
// dist/server.js if built) in the same run, next to this one: before/after figures from one run.
// Options: --seed=N, --quick (fewer runs), --only=a,b
// (analyze, markdownlint, curve, cli, incremental, lsp, memory, client), --keep (keep the temporary folder),
// --incremental-edits=N (keystrokes in process), --incremental-line-edits=N (then Enter, lines pasted or deleted).
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { lint as markdownlint } from 'markdownlint/sync';
import { editKind, measureEditLatency, measureServerMemory, nextEdit, nextLineEdit } from './lsp-session.mjs';
import { realSources } from './sources.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const QUICK = args.includes('--quick');
const KEEP = args.includes('--keep');
const SEED = Number(option('seed', '20250101'));
const ONLY = new Set(option('only', 'analyze,markdownlint,curve,cli,incremental,lsp,memory,client').split(','));
/** Sizes of the curve, in MB. */
const CURVE = option('curve', '0.1,0.2,0.5,1,2,5,10')
  .split(',')
  .map(Number)
  .filter((x) => x > 0);
const EDITS = Number(option('edits', '200'));
/** Edits of the in-process incremental measurement: cheap, so more than through the server. */
const INCREMENTAL_EDITS = Number(option('incremental-edits', '500'));
/** Edits of whole lines (Enter, a line pasted, a line deleted) measured in process after the keystrokes. */
const LINE_EDITS = Number(option('incremental-line-edits', '100'));
/** Keystrokes sent to the server with the 5 MB report open, before its memory is measured again. */
const MEMORY_EDITS = Number(option('memory-edits', '300'));
const MB = 1_000_000;
/** Another checkout of esgmark (e.g. `git archive <commit>` unpacked, node_modules linked, built) to compare with. */
const BASELINE = option('baseline', undefined);

// ---------------------------------------------------------------------------------------------------
// Statistics

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => {
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  const r = (x) => Math.round(x * 1000) / 1000;
  return {
    runs: sorted.length,
    median: r(at(0.5)),
    min: r(sorted[0]),
    max: r(sorted[sorted.length - 1]),
    p25: r(at(0.25)),
    p75: r(at(0.75)),
    p95: r(at(0.95)),
    p99: r(at(0.99)),
  };
}

/** Warm-up runs, then timed runs; also stops early once `budgetMs` of timed runs is spent (at least 3 kept). */
function time(fn, { warmup, runs, budgetMs = Infinity }) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  // CPU time (user + system of this process) next to wall time: on a machine shared with other jobs
  // the wall time also counts the time the process waited for a core.
  const cpuSamples = [];
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    samples.push(ms);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
    spent += ms;
    if (spent > budgetMs && samples.length >= 3) break;
  }
  return { ...summary(samples), cpu: summary(cpuSamples) };
}

const mbps = (bytes, ms) => Math.round((bytes / MB / (ms / 1000)) * 100) / 100;

// ---------------------------------------------------------------------------------------------------
// Tools

const work = mkdtempSync(join(tmpdir(), 'esgmark-bench-'));
const log = (...parts) => console.error('[bench]', ...parts);

async function bundleTools() {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
    sourcemap: false,
  };
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'server/src/engine/index.ts')],
    outfile: join(work, 'engine.cjs'),
  });
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
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'server/src/lsp/launch.ts')],
    outfile: join(work, 'launch.cjs'),
  });
  const req = createRequire(join(work, 'x.cjs'));
  const sources = realSources(ROOT);
  const { generateRealShapedReport } = req(join(work, 'generate-real.cjs'));
  const real = (targetBytes) => generateRealShapedReport({ seed: SEED, targetBytes, sources });
  let baseline;
  if (BASELINE) {
    await esbuild.build({
      ...common,
      entryPoints: [join(BASELINE, 'server/src/engine/index.ts')],
      outfile: join(work, 'baseline-engine.cjs'),
      nodePaths: [join(ROOT, 'node_modules')],
    });
    baseline = req(join(work, 'baseline-engine.cjs'));
  }
  return {
    engine: req(join(work, 'engine.cjs')),
    baseline,
    generator: req(join(work, 'generate.cjs')),
    real,
    serverNodeArgs: [...req(join(work, 'launch.cjs')).SERVER_NODE_ARGS],
  };
}

function ensureDist() {
  if (existsSync(join(ROOT, 'dist/server.js')) && existsSync(join(ROOT, 'dist/client.js'))) return;
  log('dist/ is incomplete: running scripts/build.mjs');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

function inputs(generator, real) {
  const list = readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.esg.md'))
    .sort()
    .map((f) => {
      const path = join(ROOT, 'examples', f);
      const text = readFileSync(path, 'utf8');
      return { name: `examples/${f}`, path, text, bytes: Buffer.byteLength(text), generated: false };
    });
  for (const [label, size] of [
    ['100KB', 100_000],
    ['1MB', MB],
    ['5MB', 5 * MB],
  ]) {
    const report = generator.generateReport({ seed: SEED, targetBytes: size });
    const path = join(work, `generated-${label}.esg.md`);
    writeFileSync(path, report.text);
    list.push({
      name: `generated ${label}`,
      label,
      path,
      text: report.text,
      bytes: report.bytes,
      generated: true,
      shape: report.shape,
    });
  }
  for (const [label, size] of [
    ['100KB', 100_000],
    ['1MB', MB],
    ['5MB', 5 * MB],
  ]) {
    const report = real(size);
    const path = join(work, `real-shaped-${label}.esg.md`);
    writeFileSync(path, report.text);
    list.push({
      name: `real-shaped ${label}`,
      label: `real-${label}`,
      path,
      text: report.text,
      bytes: report.bytes,
      generated: true,
      shape: report.shape,
    });
  }
  return list;
}

/** Run counts per input size: enough for a stable median without making the 5 MB runs take minutes. */
function plan(bytes, slow) {
  const scale = QUICK ? 0.3 : 1;
  const n = (x) => Math.max(3, Math.round(x * scale));
  if (slow)
    return bytes >= 2 * MB
      ? { warmup: 1, runs: n(3) }
      : bytes >= MB / 2
        ? { warmup: 1, runs: n(5) }
        : { warmup: 2, runs: n(10) };
  return bytes >= 2 * MB
    ? { warmup: 2, runs: n(7) }
    : bytes >= MB / 2
      ? { warmup: 3, runs: n(15) }
      : { warmup: 5, runs: n(30) };
}

// ---------------------------------------------------------------------------------------------------
// 4b. Client bundle

/** A stand-in for the `vscode` module: every export VS Code declares, each a callable, constructible, deep proxy. */
function writeVscodeStub() {
  const dts = readFileSync(join(ROOT, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  const names = [
    ...new Set(
      [
        ...dts.matchAll(/^\t?export (?:declare )?(?:namespace|class|enum|function|const|let|var) ([A-Za-z_$][\w$]*)/gm),
      ].map((m) => m[1]),
    ),
  ];
  const stub = join(work, 'vscode-stub.cjs');
  writeFileSync(
    stub,
    `// Loaded instead of 'vscode' when the benchmark requires the client bundle outside VS Code.
const deep = () => new Proxy(function () {}, {
  get: (target, key) => (key === 'prototype' ? target.prototype : key === Symbol.toPrimitive ? () => '' : deep()),
  apply: () => deep(),
  construct: () => deep(),
});
const api = { version: '1.91.0' };
for (const name of ${JSON.stringify(names)}) if (!(name in api)) api[name] = deep();
module.exports = api;
`,
  );
  return stub;
}

/** Median time to require a bundle in a fresh node process, `vscode` resolved to the stub. */
function requireTime(bundle, stub, runs) {
  const script = `
const Module = require('module');
const load = Module._load;
Module._load = function (request, parent, isMain) { return load.call(this, request === 'vscode' ? ${JSON.stringify(stub)} : request, parent, isMain); };
const t0 = performance.now();
const m = require(${JSON.stringify(bundle)});
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, exports: Object.keys(m) }));
`;
  const samples = [];
  let exportsSeen = [];
  for (let i = 0; i < runs + 1; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`requiring ${bundle} failed:\n${r.stderr}`);
    const { ms, exports } = JSON.parse(r.stdout);
    exportsSeen = exports;
    if (i > 0) samples.push(ms); // the first process warms the file cache
  }
  return { ...summary(samples), exports: exportsSeen };
}

async function benchClient() {
  const dist = join(ROOT, 'dist/client.js');
  const stub = writeVscodeStub();
  const minified = join(work, 'client.min.js');
  // The same options as `scripts/build.mjs --production`, written to the temporary folder.
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'client/src/extension.ts')],
    outfile: minified,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: false,
    minify: true,
    legalComments: 'none',
    external: ['vscode'],
    logLevel: 'warning',
    metafile: true,
  });
  const inputsBySize = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .map(([path, info]) => ({ path, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const byPackage = new Map();
  for (const { path, bytes } of inputsBySize) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1] : path.split('/').slice(0, 3).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytes);
  }
  const runs = QUICK ? 5 : 15;
  return {
    dist: {
      bytes: statSync(dist).size,
      gzip: gzipSync(readFileSync(dist)).length,
      require: requireTime(dist, stub, runs),
    },
    production: {
      bytes: statSync(minified).size,
      gzip: gzipSync(readFileSync(minified)).length,
      require: requireTime(minified, stub, runs),
    },
    largestContributors: [...byPackage.entries()]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 12),
  };
}

// ---------------------------------------------------------------------------------------------------

function machine() {
  let cpuModel = cpus()[0]?.model;
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  const nproc = (() => {
    try {
      return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
    } catch {
      return cpus().length;
    }
  })();
  const pkg = (name) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  return {
    node: process.version,
    nproc,
    cpuModel,
    memoryBytes: totalmem(),
    platform: `${process.platform} ${process.arch}`,
    markdownlint: pkg('markdownlint'),
    esbuild: pkg('esbuild'),
  };
}

const fmtMs = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const fmtBytes = (b) => (b >= MB ? `${(b / MB).toFixed(2)} MB` : `${(b / 1000).toFixed(1)} KB`);

async function main() {
  ensureDist();
  log(`temporary folder ${work}`);
  const { engine, baseline, generator, real, serverNodeArgs } = await bundleTools();
  // As the VS Code client starts it (server/src/lsp/launch.ts), unless --plain-server compares without.
  const serverArgs = args.includes('--plain-server') ? [] : serverNodeArgs;
  const list = inputs(generator, real);
  const results = {
    date: new Date().toISOString(),
    baseline: BASELINE,
    seed: SEED,
    quick: QUICK,
    machine: machine(),
    loadAverage: { start: loadavg() },
    inputs: [],
    curve: undefined,
    cli: undefined,
    incremental: undefined,
    lsp: undefined,
    memory: undefined,
    client: undefined,
    serverNodeArgs: serverArgs,
  };

  for (const input of list) {
    const entry = { name: input.name, bytes: input.bytes };
    if (input.shape) entry.shape = input.shape;
    if (ONLY.has('analyze')) {
      log(`analyze ${input.name}`);
      let diagnostics = 0;
      const stats = time(
        () => {
          diagnostics = engine.analyze({ uri: `file:///bench/${input.name}`, text: input.text }).diagnostics.length;
        },
        plan(input.bytes, false),
      );
      entry.esgmark = { ms: stats, mbPerSecond: mbps(input.bytes, stats.median), diagnostics };
      if (baseline) {
        log(`analyze ${input.name} (baseline)`);
        let before = 0;
        const b = time(
          () => {
            before = baseline.analyze({ uri: `file:///bench/${input.name}`, text: input.text }).diagnostics.length;
          },
          plan(input.bytes, false),
        );
        entry.baseline = { ms: b, mbPerSecond: mbps(input.bytes, b.median), diagnostics: before };
      }
    }
    if (ONLY.has('markdownlint')) {
      log(`markdownlint ${input.name}`);
      let findings = 0;
      const stats = time(
        () => {
          findings = markdownlint({ strings: { report: input.text } }).report.length;
        },
        { ...plan(input.bytes, true), budgetMs: 60_000 },
      );
      entry.markdownlint = { ms: stats, mbPerSecond: mbps(input.bytes, stats.median), findings };
    }
    if (entry.esgmark && entry.markdownlint) {
      entry.speedup = Math.round((entry.markdownlint.ms.median / entry.esgmark.ms.median) * 10) / 10;
      entry.speedupCpu = Math.round((entry.markdownlint.ms.cpu.median / entry.esgmark.ms.cpu.median) * 10) / 10;
    }
    results.inputs.push(entry);
  }

  if (ONLY.has('curve')) {
    // Time per MB from 0.1 to 10 MB, both kinds: the analysis must grow with the size, not faster.
    results.curve = [];
    for (const kind of ['generated', 'real-shaped']) {
      for (const mb of CURVE) {
        const bytes = Math.round(mb * MB);
        const report =
          kind === 'generated' ? generator.generateReport({ seed: SEED, targetBytes: bytes }) : real(bytes);
        log(`curve ${kind} ${mb} MB`);
        let diagnostics = 0;
        const runs =
          bytes >= 5 * MB
            ? { warmup: 1, runs: QUICK ? 2 : 3 }
            : bytes >= MB
              ? { warmup: 2, runs: QUICK ? 3 : 7 }
              : { warmup: 3, runs: QUICK ? 5 : 15 };
        const stats = time(() => {
          diagnostics = engine.analyze({ uri: `file:///bench/curve-${kind}-${mb}.esg.md`, text: report.text })
            .diagnostics.length;
        }, runs);
        const point = {
          kind,
          targetMb: mb,
          bytes: report.bytes,
          ms: stats,
          msPerMb: Math.round((stats.median / (report.bytes / MB)) * 10) / 10,
          cpuMsPerMb: Math.round((stats.cpu.median / (report.bytes / MB)) * 10) / 10,
          diagnostics,
        };
        if (baseline) {
          const b = time(
            () => baseline.analyze({ uri: `file:///bench/curve-${kind}-${mb}.esg.md`, text: report.text }),
            runs,
          );
          point.baseline = {
            ms: b,
            msPerMb: Math.round((b.median / (report.bytes / MB)) * 10) / 10,
            cpuMsPerMb: Math.round((b.cpu.median / (report.bytes / MB)) * 10) / 10,
          };
        }
        results.curve.push(point);
      }
    }
  }
  if (ONLY.has('cli')) {
    // `esgmark check` as a process, as a user or CI runs it: start-up, the 1.3 KB stub, and the 1 MB
    // reports of both kinds; the ratio to markdownlint with start-up subtracted. With --baseline, the
    // other checkout's dist/cli.js (if built) is timed the same way, each input right after this one.
    const runs = QUICK ? 5 : 15;
    const processMs = (cli, argv, n) => {
      const samples = [];
      for (let i = 0; i < n + 1; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
        const ms = performance.now() - t0;
        if (r.status !== 0 && r.status !== 1)
          throw new Error(`esgmark ${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
        if (i > 0) samples.push(ms); // the first run warms the file cache
      }
      return summary(samples);
    };
    const baselineCli = BASELINE && join(BASELINE, 'dist/cli.js');
    const clis = [{ cli: join(ROOT, 'dist/cli.js'), suffix: '' }];
    if (baselineCli && existsSync(baselineCli)) clis.push({ cli: baselineCli, suffix: ' (baseline)' });
    log('esgmark check as a process');
    const stub = list.find((i) => i.name.endsWith('zhipu-2025-no-index.esg.md'));
    // `--version` no longer loads the engine (dist/cli.js answers it alone): the start-up subtracted is
    // that of a check, the process and the engine bundle loaded, on an empty report.
    const empty = join(work, 'empty.esg.md');
    writeFileSync(empty, '');
    const entries = [];
    const startup = new Map();
    const each = (name, bytes, argv, n, extra) => {
      for (const { cli, suffix } of clis) {
        const ms = processMs(cli, argv, n);
        entries.push({ name: name + suffix, bytes, ms, ...(extra ? extra(ms, suffix) : {}) });
      }
    };
    each('esgmark --version', 0, ['--version'], runs);
    each('check of an empty report (start-up)', 0, ['check', '--jobs', '1', empty], runs, (ms, suffix) => {
      startup.set(suffix, ms.median);
      return {};
    });
    if (stub) each(`check ${stub.name}`, stub.bytes, ['check', '--jobs', '1', stub.path], runs);
    // The same check compiling dist/cli-main.js from source: the bundles copied without their code cache
    // (server/src/cli/codeCache.ts), what a Node other than the build's gets.
    if (stub) {
      const uncached = join(work, 'cli-without-code-cache');
      mkdirSync(uncached, { recursive: true });
      for (const name of ['cli.js', 'cli-main.js']) copyFileSync(join(ROOT, 'dist', name), join(uncached, name));
      entries.push({
        name: `check ${stub.name} (no code cache)`,
        bytes: stub.bytes,
        ms: processMs(join(uncached, 'cli.js'), ['check', '--jobs', '1', stub.path], runs),
      });
    }
    for (const label of ['1MB', 'real-1MB']) {
      const input = list.find((i) => i.label === label);
      const lint = results.inputs.find((e) => e.name === input.name)?.markdownlint;
      each(`check ${input.name}`, input.bytes, ['check', '--jobs', '1', input.path], QUICK ? 3 : 7, (ms, suffix) => {
        const afterStartup = Math.max(0.1, ms.median - startup.get(suffix));
        return {
          afterStartupMs: Math.round(afterStartup * 10) / 10,
          markdownlintMs: lint?.ms.median,
          speedup: lint ? Math.round((lint.ms.median / afterStartup) * 10) / 10 : undefined,
        };
      });
    }
    results.cli = entries;
  }

  const serverPath = join(ROOT, 'dist/server.js');
  const fiveMb = list.find((i) => i.label === '5MB');
  const oneMbInputs = [list.find((i) => i.label === '1MB'), list.find((i) => i.label === 'real-1MB')];
  if (ONLY.has('incremental')) results.incremental = [];
  if (ONLY.has('lsp')) results.lsp = [];
  for (const oneMb of oneMbInputs) {
    if (ONLY.has('incremental')) {
      // The engine alone, in this process: the edits of the server session (same seed), each analysed from
      // the previous version's analysis, grouped by the path it took (reanalyze.ts: full parse, or the kind
      // of line patched) and whether any rule ran, and by what the keystroke edits (prose, table, formula).
      log(`incremental analysis: ${INCREMENTAL_EDITS} edits on ${oneMb.name}`);
      const rng = generator.mulberry32(SEED ^ 0xed17);
      const uri = 'file:///bench/report-1mb.esg.md';
      let text = oneMb.text;
      let previous = engine.analyze({ uri, text });
      // The client's status bar, coverage view and preview ask for the report model after every edit.
      engine.getReportModel(previous);
      const all = [];
      const byPath = new Map();
      const byKind = new Map();
      const reportByPath = new Map();
      const push = (map, key, ms) => {
        if (!map.has(key)) map.set(key, []);
        map.get(key).push(ms);
      };
      for (let i = 0; i < INCREMENTAL_EDITS; i++) {
        const { offset, deleting, inserted } = nextEdit(text, rng);
        const kind = editKind(text, offset);
        text = text.slice(0, offset) + inserted + text.slice(deleting ? offset + 1 : offset);
        const t0 = performance.now();
        previous = engine.analyze({ uri, text }, {}, previous);
        const ms = performance.now() - t0;
        const t1 = performance.now();
        engine.getReportModel(previous);
        const reportMs = performance.now() - t1;
        all.push(ms);
        const path = `${previous.reuse.parse}${previous.reuse.parse !== 'full' && previous.reuse.rulesRun > 0 ? ', rules run' : ''}`;
        push(byPath, path, ms);
        push(byKind, kind, ms);
        push(reportByPath, path, reportMs);
      }
      const byCount = (map) =>
        Object.fromEntries(
          [...map].sort((a, b) => b[1].length - a[1].length).map(([path, samples]) => [path, summary(samples)]),
        );
      // Then edits of whole lines, from where the keystrokes left the text (their own seed and list, so the
      // keystrokes above stay comparable with earlier runs).
      const lineRng = generator.mulberry32(SEED ^ 0x11e5);
      const lineAll = [];
      const lineByPath = new Map();
      const lineByKind = new Map();
      for (let i = 0; i < LINE_EDITS; i++) {
        const { offset, removing, inserted, kind } = nextLineEdit(text, lineRng);
        text = text.slice(0, offset) + inserted + text.slice(offset + removing);
        const t0 = performance.now();
        previous = engine.analyze({ uri, text }, {}, previous);
        const ms = performance.now() - t0;
        engine.getReportModel(previous);
        lineAll.push(ms);
        push(
          lineByPath,
          `${previous.reuse.parse}${previous.reuse.parse !== 'full' && previous.reuse.rulesRun > 0 ? ', rules run' : ''}`,
          ms,
        );
        push(lineByKind, kind, ms);
      }
      results.incremental.push({
        input: oneMb.name,
        edits: INCREMENTAL_EDITS,
        ms: summary(all),
        byPath: byCount(byPath),
        byKind: byCount(byKind),
        reportModelMs: summary([...reportByPath.values()].flat()),
        reportModelByPath: byCount(reportByPath),
        lineEdits:
          LINE_EDITS > 0
            ? { edits: LINE_EDITS, ms: summary(lineAll), byPath: byCount(lineByPath), byKind: byCount(lineByKind) }
            : undefined,
      });
    }
    if (ONLY.has('lsp')) {
      log(`edit latency: ${EDITS} edits on ${oneMb.name}`);
      const session = await measureEditLatency({
        serverPath,
        nodeArgs: serverArgs,
        text: oneMb.text,
        edits: EDITS,
        rng: generator.mulberry32(SEED ^ 0xed17),
      });
      const byKind = new Map();
      session.kinds.forEach((kind, i) => byKind.set(kind, [...(byKind.get(kind) ?? []), session.latencies[i]]));
      results.lsp.push({
        input: oneMb.name,
        edits: EDITS,
        openMs: Math.round(session.openMs * 10) / 10,
        latencyMs: summary(session.latencies),
        receivedMs: summary(session.receivedLatencies),
        firstByteMs: summary(session.firstByteLatencies),
        serverCpuMsPerEdit: session.serverCpuMsPerEdit,
        clientCpuMsPerEdit: session.clientCpuMsPerEdit,
        byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, summary(samples)])),
        diagnosticsPerPublish: summary(session.diagnosticCounts),
        samplesMs: session.latencies.map((x) => Math.round(x * 100) / 100),
        rssAfterEditsMiB:
          session.rssAfterEdits === undefined ? undefined : Math.round((session.rssAfterEdits / 1048576) * 10) / 10,
      });
      const baselineServer = BASELINE && join(BASELINE, 'dist/server.js');
      if (baselineServer && existsSync(baselineServer)) {
        log(`edit latency: ${EDITS} edits on ${oneMb.name} (baseline)`);
        const b = await measureEditLatency({
          serverPath: baselineServer,
          nodeArgs: serverArgs,
          text: oneMb.text,
          edits: EDITS,
          rng: generator.mulberry32(SEED ^ 0xed17),
        });
        const bKind = new Map();
        b.kinds.forEach((kind, i) => bKind.set(kind, [...(bKind.get(kind) ?? []), b.latencies[i]]));
        results.lsp.push({
          input: `${oneMb.name} (baseline)`,
          edits: EDITS,
          openMs: Math.round(b.openMs * 10) / 10,
          latencyMs: summary(b.latencies),
          receivedMs: summary(b.receivedLatencies),
          firstByteMs: summary(b.firstByteLatencies),
          serverCpuMsPerEdit: b.serverCpuMsPerEdit,
          clientCpuMsPerEdit: b.clientCpuMsPerEdit,
          byKind: Object.fromEntries([...bKind].map(([kind, samples]) => [kind, summary(samples)])),
          diagnosticsPerPublish: summary(b.diagnosticCounts),
          rssAfterEditsMiB:
            b.rssAfterEdits === undefined ? undefined : Math.round((b.rssAfterEdits / 1048576) * 10) / 10,
        });
      }
    }
  }
  if (ONLY.has('memory')) {
    log(`server memory with ${fiveMb.name} open`);
    results.memory = {
      input: fiveMb.name,
      ...(await measureServerMemory({
        serverPath,
        nodeArgs: serverArgs,
        text: fiveMb.text,
        workDir: work,
        edits: MEMORY_EDITS,
        rng: generator.mulberry32(SEED ^ 0x3e3),
      })),
    };
  }
  if (ONLY.has('client')) {
    log('client bundle');
    results.client = await benchClient();
  }

  results.loadAverage.end = loadavg();
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const outFile = join(ROOT, 'test-artifacts', 'bench.json');
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  report(results);
  console.log(`\nwritten ${relative(ROOT, outFile)}`);
}

function report(results) {
  const m = results.machine;
  console.log(
    `\nesgmark benchmark — node ${m.node}, ${m.nproc} CPU (${m.cpuModel}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, seed ${results.seed}${results.quick ? ', QUICK' : ''}`,
  );
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`load average at start ${load(results.loadAverage.start)}, at end ${load(results.loadAverage.end)}`);
  console.log(
    'times in ms (wall clock): median (min–max) of the timed runs after warm-up; cpu = median CPU time of this process\n',
  );
  const rows = [
    [
      'input',
      'size',
      'esgmark ms',
      'cpu',
      'MB/s',
      'diag',
      ...(results.baseline ? ['baseline ms', 'cpu', 'diag'] : []),
      'markdownlint ms',
      'cpu',
      'MB/s',
      'ratio',
      'ratio cpu',
    ],
  ];
  for (const i of results.inputs) {
    rows.push([
      i.name,
      fmtBytes(i.bytes),
      i.esgmark ? fmtMs(i.esgmark.ms) : '-',
      i.esgmark ? i.esgmark.ms.cpu.median.toFixed(1) : '-',
      i.esgmark ? String(i.esgmark.mbPerSecond) : '-',
      i.esgmark ? String(i.esgmark.diagnostics) : '-',
      ...(results.baseline
        ? [
            i.baseline ? fmtMs(i.baseline.ms) : '-',
            i.baseline ? i.baseline.ms.cpu.median.toFixed(1) : '-',
            i.baseline ? String(i.baseline.diagnostics) : '-',
          ]
        : []),
      i.markdownlint ? fmtMs(i.markdownlint.ms) : '-',
      i.markdownlint ? i.markdownlint.ms.cpu.median.toFixed(0) : '-',
      i.markdownlint ? String(i.markdownlint.mbPerSecond) : '-',
      i.speedup ? `${i.speedup}x` : '-',
      i.speedupCpu ? `${i.speedupCpu}x` : '-',
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [n, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  if (results.curve) {
    console.log('\ntime per MB (analyze in process, wall median; ratio to the 1 MB figure of the same kind)');
    for (const kind of ['generated', 'real-shaped']) {
      const points = results.curve.filter((c) => c.kind === kind);
      const ref = points.find((c) => c.targetMb === 1) ?? points[0];
      if (!ref) continue;
      console.log(
        `  ${kind.padEnd(12)} ${points.map((c) => `${c.targetMb} MB ${c.ms.median.toFixed(0)} ms = ${c.msPerMb.toFixed(0)} ms/MB (${(c.msPerMb / ref.msPerMb).toFixed(2)}x, cpu ${c.cpuMsPerMb.toFixed(0)})`).join(' · ')}`,
      );
      const bref = ref.baseline;
      if (bref)
        console.log(
          `  ${'  baseline'.padEnd(12)} ${points.map((c) => `${c.targetMb} MB ${c.baseline.ms.median.toFixed(0)} ms = ${c.baseline.msPerMb.toFixed(0)} ms/MB (${(c.baseline.msPerMb / bref.msPerMb).toFixed(2)}x, cpu ${c.baseline.cpuMsPerMb.toFixed(0)})`).join(' · ')}`,
        );
    }
  }
  if (results.cli) {
    console.log('\nesgmark as a process (wall median of fresh processes)');
    for (const c of results.cli) {
      console.log(
        `  ${c.name.padEnd(48)} ${fmtMs(c.ms)} ms${c.afterStartupMs !== undefined ? `, ${c.afterStartupMs} ms after start-up` : ''}${c.speedup ? `; markdownlint in process ${c.markdownlintMs.toFixed(0)} ms: ${c.speedup}x` : ''}`,
      );
    }
  }
  for (const inc of results.incremental ?? []) {
    console.log(
      `\nincremental analysis in process (${inc.input}, ${inc.edits} edits): p50 ${inc.ms.median.toFixed(1)} ms, p95 ${inc.ms.p95.toFixed(1)} ms, p99 ${inc.ms.p99.toFixed(1)} ms, max ${inc.ms.max.toFixed(1)}`,
    );
    const line = (path, s) =>
      `  ${path.padEnd(18)} ${String(s.runs).padStart(4)} edits (${((s.runs / inc.edits) * 100).toFixed(0).padStart(2)} %)  p50 ${s.median.toFixed(1).padStart(5)} ms  p95 ${s.p95.toFixed(1).padStart(5)} ms  max ${s.max.toFixed(1).padStart(5)} ms`;
    for (const [path, s] of Object.entries(inc.byPath)) console.log(line(path, s));
    for (const [kind, s] of Object.entries(inc.byKind)) console.log(line(`in ${kind}`, s));
    console.log(
      `then the report model (status bar, coverage, preview): p50 ${inc.reportModelMs.median.toFixed(1)} ms, p95 ${inc.reportModelMs.p95.toFixed(1)} ms`,
    );
    for (const [path, s] of Object.entries(inc.reportModelByPath)) console.log(line(path, s));
    const lines = inc.lineEdits;
    if (lines) {
      console.log(
        `then ${lines.edits} edits of whole lines (Enter, a line pasted, a line deleted): p50 ${lines.ms.median.toFixed(1)} ms, p95 ${lines.ms.p95.toFixed(1)} ms, p99 ${lines.ms.p99.toFixed(1)} ms, max ${lines.ms.max.toFixed(1)}`,
      );
      const ofLines = (path, s) =>
        `  ${path.padEnd(18)} ${String(s.runs).padStart(4)} edits (${((s.runs / lines.edits) * 100).toFixed(0).padStart(2)} %)  p50 ${s.median.toFixed(1).padStart(5)} ms  p95 ${s.p95.toFixed(1).padStart(5)} ms  max ${s.max.toFixed(1).padStart(5)} ms`;
      for (const [path, s] of Object.entries(lines.byPath)) console.log(ofLines(path, s));
      for (const [kind, s] of Object.entries(lines.byKind)) console.log(ofLines(`${kind}`, s));
    }
  }
  for (const l of results.lsp ?? []) {
    const m = l.latencyMs;
    console.log(
      `\nedit → publishDiagnostics (${l.input}, ${l.edits} edits, debounce 0): p50 ${m.median.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, min ${m.min.toFixed(1)}, max ${m.max.toFixed(1)}; open → first diagnostics ${l.openMs} ms; server RSS after the edits ${l.rssAfterEditsMiB} MiB`,
    );
    console.log(
      `  by what the keystroke edits: ${Object.entries(l.byKind)
        .map(
          ([kind, s]) =>
            `${kind} ${s.runs}× p50 ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)}`,
        )
        .join(' · ')}; diagnostics per publication median ${l.diagnosticsPerPublish.median}`,
    );
    // The figures above are to the publication parsed by the client; how they split.
    const split = (s) => `p50 ${s.median.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)}`;
    if (l.receivedMs && l.firstByteMs)
      console.log(
        `  to the first byte of the answer (the server's work) ${split(l.firstByteMs)} · to its last byte ${split(l.receivedMs)} · then parsed by the client (above)`,
      );
    if (l.serverCpuMsPerEdit !== undefined)
      console.log(
        `  CPU per edit (mean, less inflated by load than the times above): server ${l.serverCpuMsPerEdit.toFixed(1)} ms, client ${l.clientCpuMsPerEdit.toFixed(1)} ms`,
      );
  }
  if (results.memory) {
    const w = results.memory.withReport;
    const mib = (b) => (b === undefined ? '?' : `${(b / 2 ** 20).toFixed(1)} MiB`);
    console.log(
      `server memory (${results.memory.input} open): RSS ${mib(w.rss)} (peak ${mib(w.peakRss)}, after GC ${mib(w.rssAfterGc)}), heap used ${mib(w.heap?.before.heapUsed)} (after GC ${mib(w.heap?.after.heapUsed)}); idle RSS ${mib(results.memory.idle.rss)}`,
    );
    const e = results.memory.afterEdits;
    if (e) {
      console.log(
        `  after ${e.edits} edits: RSS ${mib(e.rss)} (peak ${mib(e.peakRss)}, after GC ${mib(e.rssAfterGc)}), heap used ${mib(e.heap?.before.heapUsed)} (after GC ${mib(e.heap?.after.heapUsed)})`,
      );
    }
  }
  if (results.client) {
    const c = results.client;
    console.log(
      `client bundle: dist/client.js ${fmtBytes(c.dist.bytes)} (gzip ${fmtBytes(c.dist.gzip)}), require ${fmtMs(c.dist.require)} ms; minified ${fmtBytes(c.production.bytes)} (gzip ${fmtBytes(c.production.gzip)}), require ${fmtMs(c.production.require)} ms`,
    );
    console.log(
      `  largest parts of the minified bundle: ${c.largestContributors
        .slice(0, 6)
        .map((p) => `${p.name} ${fmtBytes(p.bytes)}`)
        .join(', ')}`,
    );
  }
}

try {
  await main();
} finally {
  if (KEEP) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
