// What linking a report to its translation and last year's report adds to a full analysis (issue 12's
// target: at most 20 ms for 1 MB reports, the linked reports analysed once). Run after compiling the
// tests (`npx tsc -p tsconfig.test.json`): node --expose-gc scripts/bench/xreport.mjs [--mb=1] [--runs=7]
// With --expose-gc the heap is collected before each timed step, so the garbage the full analysis left
// is not charged to the links (the machine's load still shows in the max). With --lsp=N it also types N
// edits into the report through the real server (dist/server.js, `npm run build` first), once with the
// links and once without, and prints edit -> diagnostics p50 / p95 of both; then with the report and its
// translation both open, the time to each one's publication after an edit of the report.
// Three generated reports of about the size asked for are written to a temporary folder and read
// through the real gate (NodeWorkspace): the report (translations + previous), its translation (the
// same figures, lang en) and last year's report (the same generator, period 2024).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const out = (p) => join(ROOT, 'out', p);
const { generateReport } = require(out('scripts/bench/generate.js'));
const { analyzeReport } = require(out('server/src/engine/project.js'));
const { crossReport, LinkedReportCache, withCrossReport } = require(out('server/src/engine/xreport/report.js'));
const { NodeWorkspace } = require(out('server/src/host/workspace.js'));

const arg = (name, fallback) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const MB = arg('mb', 1);
const RUNS = arg('runs', 7);
const LSP_EDITS = arg('lsp', 0);

const dir = mkdtempSync(join(tmpdir(), 'esgmark-xreport-bench-'));
try {
  const base = generateReport({ seed: 20250101, targetBytes: MB * 1_000_000 }).text;
  const withKeys = (text, keys) => text.replace('  issuer-class: main-board\n', `  issuer-class: main-board\n${keys}`);
  const report = withKeys(base, '  translations: [report.en.esg.md]\n  previous: ../2024/report.esg.md\n');
  const translation = withKeys(base.replace('lang: zh-Hant', 'lang: en'), '  translations: [report.esg.md]\n');
  const previous = base.replace('  period: 2025', '  period: 2024');
  const write = (name, text) => {
    const p = join(dir, name);
    require('node:fs').mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return pathToFileURL(p).href;
  };
  const uri = write('2025/report.esg.md', report);
  write('2025/report.en.esg.md', translation);
  write('2024/report.esg.md', previous);
  const workspace = new NodeWorkspace({ folders: [dir] });
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (fn) => {
    globalThis.gc?.();
    const t0 = performance.now();
    const r = fn();
    return [performance.now() - t0, r];
  };
  // Warm the code paths once.
  analyzeReport({ uri, text: report }, workspace);
  const cache = new LinkedReportCache();
  const [cold, firstCross] = time(() =>
    crossReport(analyzeReport({ uri, text: report }, workspace), workspace, {}, cache),
  );
  const full = [];
  const extra = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    // A fresh text each run (one character changed in a comment line at the end): a full analysis, not a cached one.
    const text = `${report}\n<!-- run ${i} -->\n`;
    const [analysisMs, own] = time(() => analyzeReport({ uri, text }, workspace));
    const [crossMs, cross] = time(() => withCrossReport(own, crossReport(own, workspace, {}, cache)));
    full.push(analysisMs);
    extra.push(crossMs);
    findings = [...cross.diagnostics.values()].flat().filter((d) => d.rule.startsWith('xreport/')).length;
  }
  const kb = (s) => `${Math.round(Buffer.byteLength(s) / 1000)} KB`;
  if (!globalThis.gc) console.log("(run with node --expose-gc for figures without the analysis's garbage collection)");
  console.log(`report ${kb(report)}, translation ${kb(translation)}, previous year ${kb(previous)}; ${RUNS} runs`);
  console.log(
    `first run, linked reports analysed (once): ${cold.toFixed(0)} ms (links followed: ${firstCross.links.length})`,
  );
  console.log(`full analysis of the report: median ${median(full).toFixed(1)} ms`);
  console.log(
    `added by the links (linked reports already analysed): median ${median(extra).toFixed(2)} ms, min ${Math.min(...extra).toFixed(2)} ms, max ${Math.max(...extra).toFixed(2)} ms; xreport findings: ${findings}`,
  );
  if (LSP_EDITS > 0) {
    const { measureEditLatency } = await import('./lsp-session.mjs');
    const { mulberry32 } = require(out('scripts/bench/generate.js'));
    const serverPath = join(ROOT, 'dist', 'server.js');
    // The server's workspace is the report's folder (no workspace folders): all three files in one.
    const flat = (text) => text.replace('previous: ../2024/report.esg.md', 'previous: report.2024.esg.md');
    write('flat/report.esg.md', flat(report));
    write('flat/report.en.esg.md', translation);
    write('flat/report.2024.esg.md', previous);
    const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
    for (const [name, text] of [
      ['without links', base],
      ['with links', flat(report)],
    ]) {
      const session = await measureEditLatency({
        serverPath,
        text,
        edits: LSP_EDITS,
        rng: mulberry32(0xed17),
        uri: pathToFileURL(join(dir, 'flat', 'report.esg.md')).href,
      });
      console.log(
        `edit -> diagnostics through the server, ${name}: open ${session.openMs.toFixed(0)} ms, p50 ${pct(session.latencies, 0.5).toFixed(1)} ms, p95 ${pct(session.latencies, 0.95).toFixed(1)} ms (${LSP_EDITS} edits)`,
      );
    }
    // Both versions open, each linking the other: a keystroke in one re-checks the other against it,
    // which must reuse the edited version's analysis (not analyse 1 MB again as a linked report).
    const both = await bothOpen({
      serverPath,
      report: flat(report),
      translation,
      uri: pathToFileURL(join(dir, 'flat', 'report.esg.md')).href,
      translationUri: pathToFileURL(join(dir, 'flat', 'report.en.esg.md')).href,
      edits: LSP_EDITS,
      rng: mulberry32(0xed17),
    });
    console.log(
      `both versions open, edits in one: -> its diagnostics p50 ${pct(both.own, 0.5).toFixed(1)} ms, p95 ${pct(both.own, 0.95).toFixed(1)} ms; -> the other version re-published p50 ${pct(both.other, 0.5).toFixed(1)} ms, p95 ${pct(both.other, 0.95).toFixed(1)} ms (${LSP_EDITS} edits)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Opens a report and its translation (which links it back) and types `edits` keystrokes into the
 * report, each once the previous one's publications arrived: the time from the change to the report's
 * diagnostics, and to the translation's re-publication (its version stays 1).
 */
async function bothOpen({ serverPath, report, translation, uri, translationUri, edits, rng }) {
  const { startServer, nextEdit } = await import('./lsp-session.mjs');
  const {
    DidOpenTextDocumentNotification,
    DidChangeTextDocumentNotification,
  } = require('vscode-languageserver-protocol/node');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const server = await startServer({ serverPath, settings: { debounceMs: 0 } });
  try {
    for (const [u, text] of [
      [translationUri, translation],
      [uri, report],
    ]) {
      const arrival = server.diagnosticsFor(u, 1);
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: u, languageId: 'esg-markdown', version: 1, text },
      });
      await arrival;
    }
    // Opening the report re-checks the translation against it: wait for that publication too.
    await server.diagnosticsFor(translationUri, 1);
    let document = TextDocument.create(uri, 'esg-markdown', 1, report);
    const own = [];
    const other = [];
    for (let i = 0; i < edits; i++) {
      const { offset, deleting, inserted } = nextEdit(document.getText(), rng);
      const start = document.positionAt(offset);
      const change = { range: { start, end: deleting ? document.positionAt(offset + 1) : start }, text: inserted };
      const version = document.version + 1;
      document = TextDocument.update(document, [change], version);
      const mine = server.diagnosticsFor(uri, version);
      const theirs = server.diagnosticsFor(translationUri, 1);
      const sent = performance.now();
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [change],
      });
      own.push((await mine).at - sent);
      other.push((await theirs).at - sent);
    }
    return { own, other };
  } finally {
    await server.stop();
  }
}
