// Scripted LSP sessions against the real server bundle (`node dist/server.js --stdio`), for the benchmark:
// edit-to-diagnostics latency of single-character incremental edits, and the server's memory with a
// large report open. The client side speaks JSON-RPC through vscode-languageserver-protocol, answers
// workspace/configuration with the settings given, and waits for publishDiagnostics of each version.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  RegistrationRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  LogMessageNotification,
  ShutdownRequest,
  ExitNotification,
} = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const DIAGNOSTICS_TIMEOUT_MS = 60_000;

/**
 * Starts the server. `nodeArgs` go before the script (e.g. a `--require` probe). Resolves once
 * `initialized` was sent; `settings` is what the client answers for the `esgmark` section.
 */
export async function startServer({ serverPath, settings, nodeArgs = [], env = process.env }) {
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe', env });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.on('error', () => undefined);
  // When the first bytes after a keystroke came in (the server had finished its work and began to write).
  let firstByteAt;
  child.stdout.on('data', () => (firstByteAt ??= performance.now()));
  // The reader hands each complete message to this decoder (after a turn of the event loop): the time
  // it is called is when the publication's last byte was in; its handler below runs once it is parsed.
  const receivedAt = new Map();
  const jsonDecoder = {
    name: 'application/json',
    decode: (buffer, options) => {
      const at = performance.now();
      try {
        const message = JSON.parse(new TextDecoder(options.charset).decode(buffer));
        if (message?.method === PublishDiagnosticsNotification.method)
          receivedAt.set(`${message.params?.uri}#${message.params?.version}`, at);
        return Promise.resolve(message);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout, { charset: 'utf-8', contentTypeDecoder: jsonDecoder }),
    new StreamMessageWriter(child.stdin),
  );
  const logs = [];
  /** uri -> version -> resolver, and the versions already published (a publish may beat its waiter). */
  const waiters = new Map();
  const published = new Map();
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'esgmark' ? settings : null)),
  );
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(UnregistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onNotification(LogMessageNotification.type, (params) => logs.push(params.message));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    // `at`: parsed and handed to the client (what an editor waits for); `receivedAt`: its bytes were in.
    const key = `${params.uri}#${params.version}`;
    const publication = { at: performance.now(), receivedAt: receivedAt.get(key), count: params.diagnostics.length };
    receivedAt.delete(key);
    const waiter = waiters.get(key);
    if (waiter) {
      waiters.delete(key);
      waiter(publication);
    } else {
      published.set(key, publication);
    }
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        // What VS Code declares, so the server sends what it sends to VS Code.
        publishDiagnostics: {
          relatedInformation: true,
          versionSupport: true,
          codeDescriptionSupport: true,
          dataSupport: true,
          tagSupport: { valueSet: [1, 2] },
        },
      },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  /** Resolves with the arrival time and size of the publication for exactly this version. */
  const diagnosticsFor = (uri, version) => {
    const key = `${uri}#${version}`;
    const already = published.get(key);
    if (already) {
      published.delete(key);
      return Promise.resolve(already);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(key);
        reject(
          new Error(
            `no publishDiagnostics for ${uri} version ${version} within ${DIAGNOSTICS_TIMEOUT_MS} ms\nlog: ${logs.join('\n')}\nstderr: ${stderr}`,
          ),
        );
      }, DIAGNOSTICS_TIMEOUT_MS);
      waiters.set(key, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  };

  const stop = async () => {
    try {
      await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await connection.sendNotification(ExitNotification.type);
    } catch {
      // The server is already gone.
    }
    await new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 3000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    connection.dispose();
  };

  /** The arrival of the first bytes since the last call (undefined when none came). */
  const takeFirstByte = () => {
    const at = firstByteAt;
    firstByteAt = undefined;
    return at;
  };

  return { child, connection, diagnosticsFor, takeFirstByte, stop, logs, stderr: () => stderr };
}

/** Time from sending didOpen to the first publication of version 1. */
async function open(server, uri, text) {
  const sent = performance.now();
  const arrival = server.diagnosticsFor(uri, 1);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'esg-markdown', version: 1, text },
  });
  const { at, count } = await arrival;
  return { ms: at - sent, diagnostics: count };
}

/** A random offset that does not split a surrogate pair or a CRLF. */
function safeOffset(text, rng) {
  let offset = Math.floor(rng() * (text.length + 1));
  const code = text.charCodeAt(offset);
  if (offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff) offset--;
  if (offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n') offset--;
  return offset;
}

const TYPED = ['a', 'e', '1', '0', ' ', '。', '的', '，', '-', '|'];

/**
 * The benchmark's next keystroke on `text`: three in four insert one of TYPED, one in four delete one
 * character (never a line break or half a surrogate pair). Shared by the server session and the
 * in-process measurement of incremental analysis, so both see the same edits for the same seed.
 */
export function nextEdit(text, rng) {
  const offset = safeOffset(text, rng);
  const deleting = rng() < 0.25 && offset < text.length && !/[\r\n\ud800-\udfff]/.test(text[offset]);
  return { offset, deleting, inserted: deleting ? '' : TYPED[Math.floor(rng() * TYPED.length)] };
}

/**
 * The benchmark's next edit of whole lines on `text`, as an editor sends them: Enter typed at a random
 * place (a line split in two), a line copied from elsewhere pasted above a random line, or a random
 * line deleted with its line break. Separate from nextEdit, so the keystroke mix stays comparable
 * across versions. Returns the offset, how many characters it removes, what it inserts, and its kind.
 */
export function nextLineEdit(text, rng) {
  const pick = rng();
  const lineStart = (offset) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset) => {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end;
  };
  if (pick < 0.5) return { offset: safeOffset(text, rng), removing: 0, inserted: '\n', kind: 'enter' };
  const at = lineStart(safeOffset(text, rng));
  if (pick < 0.8) {
    const from = lineStart(safeOffset(text, rng));
    return { offset: at, removing: 0, inserted: `${text.slice(from, lineEnd(from))}\n`, kind: 'paste a line' };
  }
  const end = lineEnd(at);
  return { offset: at, removing: end < text.length ? end - at + 1 : end - at, inserted: '', kind: 'delete a line' };
}

/** What a keystroke at `offset` edits: a `formula=`/`check=` line, a table row, or prose (anything else). */
export function editKind(text, offset) {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? text.length : end);
  if (/\b(?:formula|check)=/.test(line)) return 'formula';
  return /^\s*\|/.test(line) ? 'table' : 'prose';
}

/**
 * Opens `text` with no debounce, then applies `edits` single-character incremental changes at random
 * (seeded) places — three in four insert a character, one in four deletes one — each sent after the
 * previous version's diagnostics arrived, and measures the time from sending each change to the
 * publishDiagnostics of its version: parsed by the client (`latencies`, what an editor waits for), its
 * last byte received (`receivedLatencies`; the rest is the client's JSON parse), and the first byte of
 * the server's answer received (`firstByteLatencies`: the server's work; then the transfer).
 */
export async function measureEditLatency({
  serverPath,
  nodeArgs = [],
  text,
  edits,
  rng,
  uri = 'file:///bench/report-1mb.esg.md',
}) {
  const server = await startServer({ serverPath, nodeArgs, settings: { debounceMs: 0 } });
  try {
    const opened = await open(server, uri, text);
    // CPU time over the typing, of the server process and of this (the client's) process: unlike the
    // latencies, hardly inflated by other processes on the machine.
    const serverCpuBefore = procCpuMs(server.child.pid);
    const clientCpuBefore = process.cpuUsage();
    const { latencies, receivedLatencies, firstByteLatencies, diagnosticCounts, kinds } = await type(
      server,
      uri,
      text,
      edits,
      rng,
    );
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const serverCpuMs = procCpuMs(server.child.pid) - serverCpuBefore;
    // The server's memory after the session: caches must not keep the old versions of the text alive.
    return {
      openMs: opened.ms,
      openDiagnostics: opened.diagnostics,
      latencies,
      receivedLatencies,
      firstByteLatencies,
      diagnosticCounts,
      kinds,
      serverCpuMsPerEdit: serverCpuMs / edits,
      clientCpuMsPerEdit: (clientCpu.user + clientCpu.system) / 1000 / edits,
      rssAfterEdits: procMemory(server.child.pid).rss,
    };
  } finally {
    await server.stop();
  }
}

/** Sends `edits` keystrokes (nextEdit) to the open document `uri`, each once the previous one's diagnostics arrived. */
async function type(server, uri, text, edits, rng) {
  let document = TextDocument.create(uri, 'esg-markdown', 1, text);
  const latencies = [];
  const receivedLatencies = [];
  const firstByteLatencies = [];
  const diagnosticCounts = [];
  const kinds = [];
  for (let i = 0; i < edits; i++) {
    const { offset, deleting, inserted } = nextEdit(document.getText(), rng);
    kinds.push(editKind(document.getText(), offset));
    const start = document.positionAt(offset);
    const end = deleting ? document.positionAt(offset + 1) : start;
    const change = { range: { start, end }, text: inserted };
    const version = document.version + 1;
    document = TextDocument.update(document, [change], version);
    const arrival = server.diagnosticsFor(uri, version);
    server.takeFirstByte();
    const sent = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    const { at, receivedAt, count } = await arrival;
    const firstByteAt = server.takeFirstByte();
    latencies.push(at - sent);
    receivedLatencies.push(receivedAt - sent);
    firstByteLatencies.push(firstByteAt === undefined ? receivedAt - sent : firstByteAt - sent);
    diagnosticCounts.push(count);
  }
  return { latencies, receivedLatencies, firstByteLatencies, diagnosticCounts, kinds };
}

/** User and system CPU time of a process so far, in ms, from /proc (Linux only; NaN elsewhere). */
function procCpuMs(pid) {
  try {
    // The fields after the command name (which may hold spaces), from the state on: utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux unless configured otherwise). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** VmRSS / VmHWM of a process in bytes, from /proc (Linux only). */
function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    return { rss: field('VmRSS'), peakRss: field('VmHWM') };
  } catch {
    return { rss: undefined, peakRss: undefined };
  }
}

/**
 * The server's memory with `text` open: RSS from /proc, and the V8 heap through a preloaded probe
 * (the server has no memory request of its own) that writes process.memoryUsage() on SIGUSR2, once
 * as is and once after a full GC, so retained memory can be told from garbage not yet collected.
 */
export async function measureServerMemory({
  serverPath,
  nodeArgs = [],
  text,
  workDir,
  edits = 0,
  rng,
  uri = 'file:///bench/report-5mb.esg.md',
}) {
  const probe = join(workDir, 'memory-probe.cjs');
  const out = join(workDir, 'memory-probe.json');
  writeFileSync(
    probe,
    `// Loaded into the server by the benchmark only.
const fs = require('node:fs');
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  if (typeof global.gc === 'function') global.gc();
  const after = process.memoryUsage();
  fs.writeFileSync(process.env.ESGMARK_BENCH_MEMORY_FILE, JSON.stringify({ before, after }));
});
`,
  );
  const server = await startServer({
    serverPath,
    settings: { debounceMs: 0 },
    nodeArgs: [...nodeArgs, '--expose-gc', '--require', probe],
    env: { ...process.env, ESGMARK_BENCH_MEMORY_FILE: out },
  });
  const sample = async () => {
    rmSync(out, { force: true });
    const asIs = procMemory(server.child.pid);
    server.child.kill('SIGUSR2');
    for (let i = 0; i < 200 && !existsSync(out); i++) await new Promise((r) => setTimeout(r, 25));
    const heap = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
    return { ...asIs, rssAfterGc: procMemory(server.child.pid).rss, heap };
  };
  try {
    await new Promise((r) => setTimeout(r, 300));
    const idle = await sample();
    const opened = await open(server, uri, text);
    const withReport = await sample();
    // Then typing: the memory must stay where it was (old versions of the text are not kept).
    let afterEdits;
    if (edits > 0) {
      await type(server, uri, text, edits, rng);
      afterEdits = { edits, ...(await sample()) };
    }
    return { idle, withReport, afterEdits, openMs: opened.ms, diagnostics: opened.diagnostics };
  } finally {
    await server.stop();
  }
}
