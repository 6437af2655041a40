// The language server under hostile load, over stdio as an editor drives it: a storm of cancelled
// report requests on a large report, requests after `shutdown`, the exit codes and ways the server
// must end (exit, stdin closed, editor gone), a report past the size cap (also through the CLI), an
// analysis past its time budget, and many large documents validated at once. Every case asserts the
// response or exit code, the diagnostic the user gets, and a time and memory bound far above what was
// measured (docs/robustness.md, "The server under load"), so CI noise cannot fail it but a hang, a
// recomputation per request or a runaway allocation does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { describeRun, peakRssOfPid, runCliBounded } from '../helpers/bounded';
import { REPO_ROOT, requireBuilt } from '../helpers/paths';
import { generateReport } from '../../scripts/bench/generate';
import { LIMITS } from '../../server/src/engine/limits';
import { parseCheckJson } from '../helpers/cli';
import { ReportRequest } from '../../server/src/protocol';

const REQUEST_CANCELLED = -32800;
const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;
/** Peak RSS any server case may reach; measured peaks are 150–400 MiB. */
const MAX_SERVER_MIB = 1536;

const dir = mkdtempSync(path.join(tmpdir(), 'esgmark-hostile-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;

/** The error code a request ended with, or 'ok' when it returned a result. */
async function outcome(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ResponseError) return error.code;
    throw error;
  }
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function ms(since: number): number {
  return performance.now() - since;
}

/** Resolves with the exit code (or signal) once the process is gone, or rejects after `timeoutMs`. */
function exitOf(
  child: ReturnType<typeof spawn>,
  timeoutMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve({ code: child.exitCode, signal: child.signalCode });
    const timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** A server on stdio with its own initialize (for a chosen `processId`), without the test client's bookkeeping. */
/** The server over stdio with a bare connection; `initialize` is sent unless `processId` is 'none'. */
async function rawServer(
  processId: number | null | 'none',
  onConnection?: (connection: ReturnType<typeof createProtocolConnection>) => void,
) {
  const child = spawn(process.execPath, [requireBuilt('server.js'), '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
  child.stdin.on('error', () => undefined);
  child.stderr.resume();
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  connection.onError(() => undefined);
  onConnection?.(connection);
  connection.listen();
  if (processId !== 'none')
    await connection.sendRequest(InitializeRequest.type, {
      processId,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {},
    });
  return { child, connection };
}

describe('the server under a storm of cancelled report requests', () => {
  let client: LspTestClient;
  const uri = uriOf('storm.esg.md');
  // About 3 MB of generated report: 600+ chapters of KPI tables and prose, a 1.7 MB report model.
  const { text } = generateReport({ seed: 20251202, targetBytes: 3_000_000 });

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
  });
  after(async () => client?.stop());

  it('most of 20 cancelled esgmark/report requests are answered RequestCancelled, and a hover behind them is quick', async (t) => {
    const warm = performance.now();
    const model = (await client.connection.sendRequest(ReportRequest.method, { uri })) as { kpis?: unknown[] } | null;
    const firstMs = ms(warm);
    assert.ok(model && typeof model === 'object', 'the report model of the open document');

    const started = performance.now();
    const outcomes: Promise<number | 'ok'>[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      outcomes.push(outcome(client.connection.sendRequest(ReportRequest.method, { uri }, source.token)));
      source.cancel();
    }
    const hoverSent = performance.now();
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    });
    const hoverMs = ms(hoverSent);
    const results = await Promise.all(outcomes);
    const stormMs = ms(started);
    const cancelled = results.filter((r) => r === REQUEST_CANCELLED).length;
    const peak = peakRssOfPid(client.pid!);
    t.diagnostic(
      `first report ${firstMs.toFixed(0)} ms; 20 cancelled: ${cancelled} RequestCancelled, storm ${stormMs.toFixed(0)} ms; hover ${hoverMs.toFixed(0)} ms; peak RSS ${peak.toFixed(0)} MiB`,
    );

    assert.ok(hover === null || typeof hover === 'object');
    assert.ok(
      results.every((r) => r === 'ok' || r === REQUEST_CANCELLED),
      `unexpected outcomes ${results.join(', ')}`,
    );
    assert.ok(cancelled >= 15, `only ${cancelled} of 20 cancelled requests were answered RequestCancelled`);
    assert.ok(hoverMs < 1500, `hover took ${hoverMs.toFixed(0)} ms behind the cancelled requests`);
    assert.ok(stormMs < 5000, `the storm took ${stormMs.toFixed(0)} ms`);
    assert.ok(peak < MAX_SERVER_MIB, `peak RSS ${peak.toFixed(0)} MiB`);
  });
});

describe('cancelled report requests on a large multi-file report', () => {
  let client: LspTestClient;
  const project = path.join(dir, 'project');
  const rootUri = pathToFileURL(path.join(project, 'report.esg.md')).href;
  const chapters = ['a', 'b', 'c'].map((n) => `chapters/${n}.esg.md`);

  before(async () => {
    // A root listing three chapters of about 1 MB each: the report model is built for the whole report
    // and then remapped to the files, two expensive steps with a checkpoint between them.
    mkdirSync(path.join(project, 'chapters'), { recursive: true });
    const root = generateReport({ seed: 11, targetBytes: 60_000 }).text.replace(
      '\nesg:\n',
      `\nesg:\n  chapters:\n${chapters.map((c) => `    - ${c}\n`).join('')}`,
    );
    chapters.forEach((c, i) => {
      const body = generateReport({ seed: 12 + i, targetBytes: 1_000_000 }).text.replace(/^---[\s\S]*?\n---\n/, '');
      writeFileSync(path.join(project, c), body);
    });
    writeFileSync(path.join(project, 'report.esg.md'), root);
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(rootUri, root);
    await client.waitForDiagnostics(rootUri, (p) => p.version === 1, 60_000);
  });
  after(async () => client?.stop());

  it('most are answered RequestCancelled, a hover behind them is quick, and the model maps to the chapters', async (t) => {
    const started = performance.now();
    const outcomes: Promise<number | 'ok'>[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      outcomes.push(outcome(client.connection.sendRequest(ReportRequest.method, { uri: rootUri }, source.token)));
      source.cancel();
    }
    const hoverSent = performance.now();
    await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: rootUri },
      position: { line: 1, character: 2 },
    });
    const hoverMs = ms(hoverSent);
    const results = await Promise.all(outcomes);
    const stormMs = ms(started);
    const cancelled = results.filter((r) => r === REQUEST_CANCELLED).length;
    const modelSent = performance.now();
    const model = await client.connection.sendRequest(ReportRequest.method, { uri: rootUri });
    const modelMs = ms(modelSent);
    const again = await client.connection.sendRequest(ReportRequest.method, { uri: rootUri });
    const peak = peakRssOfPid(client.pid!);
    t.diagnostic(
      `3 × 1 MB chapters: ${cancelled} of 20 RequestCancelled, storm ${stormMs.toFixed(0)} ms, hover ${hoverMs.toFixed(0)} ms; the model afterwards ${modelMs.toFixed(0)} ms; peak RSS ${peak.toFixed(0)} MiB`,
    );
    assert.ok(
      results.every((r) => r === 'ok' || r === REQUEST_CANCELLED),
      `unexpected outcomes ${results.join(', ')}`,
    );
    assert.ok(cancelled >= 15, `only ${cancelled} of 20 cancelled requests were answered RequestCancelled`);
    assert.ok(hoverMs < 1500, `hover ${hoverMs.toFixed(0)} ms`);
    const json = JSON.stringify(model);
    assert.ok(json.includes(pathToFileURL(path.join(project, chapters[1])).href), 'the model points into the chapters');
    assert.deepEqual(again, model);
    assert.ok(peak < MAX_SERVER_MIB, `peak RSS ${peak.toFixed(0)} MiB`);
  });
});

describe('the LSP lifecycle', () => {
  it('after shutdown requests get InvalidRequest, notifications are ignored, and exit ends with code 0', async () => {
    const client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    try {
      const uri = uriOf('lifecycle.esg.md');
      await client.open(uri, readFileSync(path.join(REPO_ROOT, 'examples', 'zhipu-2025-defects.esg.md'), 'utf8'));
      await client.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.equal(await client.connection.sendRequest(ShutdownRequest.type), null);
      const started = performance.now();
      const codes = await Promise.all([
        outcome(
          client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri },
            position: { line: 0, character: 0 },
          }),
        ),
        outcome(client.connection.sendRequest(ReportRequest.method, { uri })),
        outcome(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })),
        outcome(client.connection.sendRequest('no/such-method', {})),
        outcome(client.connection.sendRequest(ShutdownRequest.type)),
      ]);
      assert.deepEqual(codes, [INVALID_REQUEST, INVALID_REQUEST, INVALID_REQUEST, INVALID_REQUEST, INVALID_REQUEST]);
      assert.ok(ms(started) < 2000);
      // A document opened after shutdown is not checked: nothing is published for it.
      const late = uriOf('after-shutdown.esg.md');
      await client.open(late, '# x {hkex="A9.9"}\n');
      await client.connection.sendRequest('no/such-method', {}).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(client.published.get(late), undefined, 'diagnostics published after shutdown');
      assert.ok(client.isRunning, 'the server must wait for exit');
      await client.connection.sendNotification(ExitNotification.type);
      await waitFor(() => !client.isRunning, 3000);
      assert.equal(client.exitCode, 0);
    } finally {
      await client.stop();
    }
  });

  it('before initialize, requests get ServerNotInitialized and notifications are ignored; initialize then works', async () => {
    const published: unknown[] = [];
    const { child, connection } = await rawServer('none', (c) =>
      c.onNotification('textDocument/publishDiagnostics', (p: unknown) => {
        published.push(p);
      }),
    );
    try {
      const uri = uriOf('before-initialize.esg.md');
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'esg-markdown', version: 1, text: '# x {hkex="A9.9"}\n' },
      });
      const codes = await Promise.all([
        outcome(
          connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }),
        ),
        outcome(connection.sendRequest(ReportRequest.method, { uri })),
        outcome(connection.sendRequest(ShutdownRequest.type)),
      ]);
      assert.deepEqual(codes, [SERVER_NOT_INITIALIZED, SERVER_NOT_INITIALIZED, SERVER_NOT_INITIALIZED]);
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {},
      });
      assert.equal(result.serverInfo?.name, 'esgmark');
      // The document opened before initialize was never opened for the server: nothing is published for it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(published, []);
    } finally {
      connection.dispose();
      child.kill('SIGKILL');
    }
  });

  it('exit without shutdown ends with code 1', async () => {
    const client = await LspTestClient.start();
    try {
      await client.connection.sendNotification(ExitNotification.type);
      await waitFor(() => !client.isRunning, 3000);
      assert.equal(client.exitCode, 1);
    } finally {
      await client.stop();
    }
  });

  it('the server exits when its stdin closes', async () => {
    const { child, connection } = await rawServer(process.pid);
    const started = performance.now();
    child.stdin.end();
    const { code } = await exitOf(child, 5000);
    assert.equal(code, 1, 'no shutdown before the end of input');
    assert.ok(ms(started) < 5000);
    connection.dispose();
  });

  it('the server exits when the editor process named in initialize dies', async () => {
    // A stand-in for the editor: its pid goes to initialize, then it is killed while stdin stays open.
    const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const { child, connection } = await rawServer(editor.pid!);
    editor.kill('SIGKILL');
    const started = performance.now();
    try {
      // The watchdog looks every 3 s.
      const { code } = await exitOf(child, 10_000);
      assert.equal(code, 1);
      assert.ok(ms(started) < 10_000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      connection.dispose();
    }
  });
});

describe('a report past the size cap', () => {
  // One character past LIMITS.maxReportChars, shaped like a report so only the size can stop it.
  const head = '---\nesg:\n  period: 2025\n---\n# 報告 {hkex="A9.9"}\n\n';
  const line = '本年度總耗水量為 1,234 噸，較上年下降。\n';
  const body = line.repeat(Math.ceil((LIMITS.maxReportChars + 1 - head.length) / line.length));
  const text = head + body;
  assert.ok(text.length > LIMITS.maxReportChars);

  it('the server publishes the one esg/too-large diagnostic and keeps answering', async (t) => {
    const client = await LspTestClient.start({ settings: { debounceMs: 0 }, nodeFlags: ['--max-old-space-size=1024'] });
    try {
      const uri = uriOf('huge.esg.md');
      const started = performance.now();
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
      const publishMs = ms(started);
      assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics.map((d) => d.code)));
      const [d] = published.diagnostics;
      assert.equal(d.code, 'esg/too-large');
      assert.equal(d.severity, 1);
      assert.equal(d.range.start.line, 0);
      assert.match(messageOf(d), new RegExp(text.length.toLocaleString('en-US')));
      assert.match(messageOf(d), new RegExp(LIMITS.maxReportChars.toLocaleString('en-US')));
      const hoverSent = performance.now();
      await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 4, character: 3 },
      });
      const hoverMs = ms(hoverSent);
      const peak = peakRssOfPid(client.pid!);
      t.diagnostic(
        `${text.length} chars: published in ${publishMs.toFixed(0)} ms (the ${(Buffer.byteLength(text) / 1e6).toFixed(0)} MB didOpen included), hover ${hoverMs.toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MiB`,
      );
      assert.ok(publishMs < 30_000, `${publishMs.toFixed(0)} ms`);
      assert.ok(hoverMs < 1500, `hover ${hoverMs.toFixed(0)} ms`);
      assert.ok(peak < MAX_SERVER_MIB, `peak RSS ${peak.toFixed(0)} MiB`);
    } finally {
      await client.stop();
    }
  });

  it('the CLI reports it as one error at line 1 and exits 1', async (t) => {
    const file = path.join(dir, 'huge-cli.esg.md');
    writeFileSync(file, text);
    const run = await runCliBounded(['check', file, '--format', 'json'], { timeoutMs: 60_000 });
    t.diagnostic(`CLI: ${run.ms.toFixed(0)} ms, peak ${run.peakMiB.toFixed(0)} MiB`);
    assert.equal(run.status, 1, describeRun(run));
    const problems = parseCheckJson(run.stdout, run.stderr).diagnostics;
    assert.equal(problems.length, 1, describeRun(run));
    const [p] = problems;
    // A text past maxReportChars is also a file past maxFileBytes (a character is at least one byte):
    // whichever of the two limits the CLI meets first, the user gets one error naming it.
    assert.match(p.rule, /too-large/);
    assert.equal(p.severity, 'error');
    assert.equal(p.line, 1);
    assert.match(p.message, /16,777,21\d|16 MiB/);
    assert.ok(run.ms < 30_000, describeRun(run));
    assert.ok(run.peakMiB < 1024, describeRun(run));
  });
});

describe('an analysis past its time budget', () => {
  it('publishes one esg/budget warning, answers requests, and a later analysis without the budget is complete', async (t) => {
    // The defects example (many findings) with a 1 MB generated report after it: the parse alone takes
    // far longer than the 1 ms budget on any machine, so every rule is skipped, deterministically.
    const defects = readFileSync(path.join(REPO_ROOT, 'examples', 'zhipu-2025-defects.esg.md'), 'utf8');
    const filler = generateReport({ seed: 5, targetBytes: 1_000_000 }).text.replace(/^---[\s\S]*?\n---\n/, '');
    const text = `${defects}\n\n${filler}`;
    const client = await LspTestClient.start({ settings: { debounceMs: 0, analysisBudgetMs: 1, locale: 'en' } });
    try {
      const uri = uriOf('budget.esg.md');
      const started = performance.now();
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
      const publishMs = ms(started);
      const notes = published.diagnostics.filter((d) => d.code === 'esg/budget');
      assert.equal(notes.length, 1, JSON.stringify(published.diagnostics.map((d) => d.code)));
      const [note] = notes;
      assert.equal(note.severity, 2);
      assert.equal(note.range.start.line, 0);
      assert.match(
        messageOf(note),
        /^Analysis stopped after [\d,]+ ms \(budget 1 ms\): \d+ rules not run \(frontmatter\/schema, /,
      );
      assert.ok(
        client.logs.some((l) => l.includes('Analysis stopped after')),
        'the output channel says so',
      );
      const hoverSent = performance.now();
      await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 0 },
      });
      const hoverMs = ms(hoverSent);
      assert.ok(hoverMs < 1500, `hover ${hoverMs.toFixed(0)} ms`);

      // Without the budget the same text gets every rule's findings and no note.
      await client.changeSettings({ debounceMs: 0, analysisBudgetMs: 0, locale: 'en' });
      const complete = await client.waitForDiagnostics(
        uri,
        (p) => !p.diagnostics.some((d) => d.code === 'esg/budget'),
        60_000,
      );
      const peak = peakRssOfPid(client.pid!);
      t.diagnostic(
        `budget 1 ms: published in ${publishMs.toFixed(0)} ms, hover ${hoverMs.toFixed(0)} ms; without: ${complete.diagnostics.length} findings; peak RSS ${peak.toFixed(0)} MiB`,
      );
      assert.ok(complete.diagnostics.length > 5, 'the findings of the defects example');
      assert.ok(publishMs < 30_000);
      assert.ok(peak < MAX_SERVER_MIB, `peak RSS ${peak.toFixed(0)} MiB`);
    } finally {
      await client.stop();
    }
  });
});

describe('many large documents validated at once', () => {
  it('after a settings change, a hover is answered while the documents are re-validated, not after all of them', async (t) => {
    // A debounce long enough that every re-validation falls due at the same moment.
    const settings = { debounceMs: 200 };
    const client = await LspTestClient.start({ settings });
    try {
      const count = 8;
      const uris = Array.from({ length: count }, (_, i) => uriOf(`many-${i}.esg.md`));
      for (let i = 0; i < count; i++)
        await client.open(uris[i], generateReport({ seed: 100 + i, targetBytes: 800_000 }).text);
      await Promise.all(uris.map((u) => client.waitForDiagnostics(u, () => true, 60_000)));
      const publications = () => uris.map((u) => client.published.get(u)?.length ?? 0);
      const before = publications();
      // When each publication arrived (the client records what, not when).
      const arrivals: number[] = [];
      const record = client.published.set.bind(client.published);
      client.published.set = (key, value) => {
        arrivals.push(performance.now());
        return record(key, value);
      };
      await client.changeSettings({ ...settings, locale: 'en' });
      // The first re-publication: the re-validations have started.
      await waitFor(() => publications().some((n, i) => n > before[i]), 30_000);
      const first = uris[publications().findIndex((n, i) => n > before[i])];
      const hoverSent = performance.now();
      await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: first },
        position: { line: 1, character: 2 },
      });
      const hoverMs = ms(hoverSent);
      await waitFor(() => publications().every((n, i) => n > before[i]), 60_000);
      const lastMs = Math.max(...arrivals) - hoverSent;
      const peak = peakRssOfPid(client.pid!);
      t.diagnostic(
        `${count} × 800 KB re-validated: hover answered ${hoverMs.toFixed(0)} ms after it was sent, the last publication ${lastMs.toFixed(0)} ms; peak RSS ${peak.toFixed(0)} MiB`,
      );
      assert.ok(hoverMs < 1500, `hover ${hoverMs.toFixed(0)} ms`);
      assert.ok(
        hoverMs < lastMs,
        `the hover (answered after ${hoverMs.toFixed(0)} ms) waited for every validation (the last published after ${lastMs.toFixed(0)} ms)`,
      );
      assert.ok(peak < MAX_SERVER_MIB, `peak RSS ${peak.toFixed(0)} MiB`);
    } finally {
      await client.stop();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (ms(started) > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
