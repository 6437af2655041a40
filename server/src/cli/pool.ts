// `esgmark check` on several cores: a pool of worker threads, each running this same bundle
// (dist/cli.js, see the entry at the end of main.ts). A worker checks one input at a time (a report, or
// a root with its chapters) and sends back only the plain diagnostics, so no document model outlives its
// file on either side, and the main thread holds nothing but diagnostics.
import type { Worker } from 'node:worker_threads';
import type { AnalysisOptions, Diagnostic, Locale } from '../engine';
import { UsageError } from './args';
import type { InputFile } from './files';
import type { FileResult } from './output';

/** What one input gives: the diagnostics per file (sorted, filtered by --quiet) and the report's locale. */
export interface CheckedInput {
  locale: Locale;
  results: FileResult[];
}

/** Everything a worker needs besides the input itself; plain data, copied into each worker once. */
export interface CheckSettings {
  options: AnalysisOptions;
  cwd: string;
  quiet: boolean;
}

export type CheckInput = (file: InputFile, settings: CheckSettings) => CheckedInput;

const WORKER_ROLE = 'esgmark-check-worker';

interface WorkerSetup {
  role: typeof WORKER_ROLE;
  settings: CheckSettings;
}

interface Task {
  index: number;
  file: InputFile;
}

/** A failure crosses the thread boundary as data; the main thread rebuilds the error from it. */
interface Failure {
  usage: boolean;
  message: string;
  detail: string;
}

type Reply = { index: number; checked: CheckedInput } | { index: number; failure: Failure };

/**
 * node:worker_threads, loaded when a pool starts or a worker runs: a one-file check in the main thread
 * (most runs) does not pay its loading (about 1.5 ms of a 100 ms process).
 */
function workerThreads(): typeof import('node:worker_threads') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof import('node:worker_threads');
}

function describeFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  // The same text run() prints for an internal error raised in the main thread.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { usage: error instanceof UsageError, message, detail };
}

function rebuildError(failure: Failure): Error {
  if (failure.usage) return new UsageError(failure.message);
  const error = new Error(failure.message);
  error.stack = failure.detail;
  return error;
}

/** Only the fields the output formats read: `data` (for quick fixes) may be large and need not be cloneable. */
function plainDiagnostic(d: Diagnostic): Diagnostic {
  const plain: Diagnostic = { uri: d.uri, range: d.range, severity: d.severity, rule: d.rule, message: d.message };
  if (d.related) plain.related = d.related;
  return plain;
}

/** True inside a thread that checkInWorkers started. */
export function isCheckWorker(): boolean {
  const { isMainThread, workerData } = workerThreads();
  return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.role === WORKER_ROLE;
}

/** The worker side: check each input the main thread sends and reply with its diagnostics. */
export function serveChecks(check: CheckInput): void {
  const { parentPort: port, workerData } = workerThreads();
  if (!port) return;
  const { settings } = workerData as WorkerSetup;
  port.on('message', (task: Task) => {
    let reply: Reply;
    try {
      const checked = check(task.file, settings);
      reply = {
        index: task.index,
        checked: {
          locale: checked.locale,
          results: checked.results.map((r) => ({ ...r, diagnostics: r.diagnostics.map(plainDiagnostic) })),
        },
      };
    } catch (error) {
      reply = { index: task.index, failure: describeFailure(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // A value that cannot be cloned is a bug, reported like any internal error rather than a hang.
      port.postMessage({ index: task.index, failure: describeFailure(error) } satisfies Reply);
    }
  });
}

/**
 * Checks `files` in `jobs` worker threads running `script` and returns the results in input order.
 * When inputs fail, the error of the first failing input in input order is thrown, as the sequential
 * check would have: inputs after a known failure are not started, inputs before it still finish.
 */
export function checkInWorkers(
  files: readonly InputFile[],
  settings: CheckSettings,
  jobs: number,
  script: string,
): Promise<CheckedInput[]> {
  return new Promise((resolve, reject) => {
    const checked: CheckedInput[] = new Array(files.length);
    const failures = new Map<number, Failure>();
    let firstFailure = files.length;
    let next = 0;
    let inFlight = 0;
    let settled = false;
    const workers: Worker[] = [];

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      // Wait for the threads to end so the process exits as soon as the output is written.
      void Promise.allSettled(workers.map((w) => w.terminate())).then(() => (error ? reject(error) : resolve(checked)));
    };

    const feed = (worker: Worker): void => {
      if (next < firstFailure) {
        worker.postMessage({ index: next, file: files[next] } satisfies Task);
        next++;
        inFlight++;
      } else if (inFlight === 0) {
        const failure = failures.get(firstFailure);
        finish(failure ? rebuildError(failure) : undefined);
      }
    };

    const setup: WorkerSetup = { role: WORKER_ROLE, settings };
    const count = Math.max(1, Math.min(jobs, files.length));
    for (let i = 0; i < count; i++) {
      const worker = new (workerThreads().Worker)(script, { workerData: setup });
      worker.on('message', (reply: Reply) => {
        inFlight--;
        if ('failure' in reply) {
          failures.set(reply.index, reply.failure);
          firstFailure = Math.min(firstFailure, reply.index);
        } else {
          checked[reply.index] = reply.checked;
        }
        feed(worker);
      });
      // An uncaught error or a thread out of memory: an internal error, not a silent partial result.
      worker.on('error', (error) => finish(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => finish(new Error(`a check worker stopped unexpectedly (exit code ${code})`)));
      workers.push(worker);
      feed(worker);
    }
  });
}
