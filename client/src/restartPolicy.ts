// When the language server dies, the client restarts it, unless it keeps dying: after MAX_CRASHES
// crashes within WINDOW_MS it gives up, so a server that crashes on start does not spin forever. Pure
// (no vscode import) so the counting can be unit-tested with a fake clock; lsp.ts applies it.

export const MAX_CRASHES = 5;
export const WINDOW_MS = 3 * 60 * 1000;

export interface CrashDecision {
  /** Restart the server, or give up until the user restarts it. */
  restart: boolean;
  /** This crash's number among the crashes of the last `windowMs` (1-based, this one included). */
  crashInWindow: number;
  maxCrashes: number;
  windowMs: number;
}

/** How the server process ended, when known. */
export interface ServerExit {
  code: number | null;
  signal: string | null;
}

export class RestartPolicy {
  /** Times of the crashes still inside the window, oldest first. */
  private crashes: number[] = [];

  constructor(
    readonly maxCrashes = MAX_CRASHES,
    readonly windowMs = WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxCrashes) || maxCrashes < 1)
      throw new RangeError(`maxCrashes must be a positive integer, got ${maxCrashes}`);
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  }

  /** Counts a crash now and says whether to restart. */
  recordCrash(): CrashDecision {
    const at = this.now();
    // Crashes older than the window no longer count; `at - t < windowMs` keeps a crash exactly
    // windowMs ago out, so "5 in 3 minutes" means strictly within 3 minutes.
    this.crashes = this.crashes.filter((t) => at - t < this.windowMs && t <= at);
    this.crashes.push(at);
    const crashInWindow = this.crashes.length;
    return {
      restart: crashInWindow < this.maxCrashes,
      crashInWindow,
      maxCrashes: this.maxCrashes,
      windowMs: this.windowMs,
    };
  }

  /** Forgets past crashes: the user restarted the server by hand, so it gets a fresh allowance. */
  reset(): void {
    this.crashes = [];
  }

  /** Crashes counted inside the window at this moment. */
  get recentCrashes(): number {
    const at = this.now();
    return this.crashes.filter((t) => at - t < this.windowMs && t <= at).length;
  }
}

function describeWindow(windowMs: number): string {
  const minutes = windowMs / 60_000;
  if (Number.isInteger(minutes)) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const seconds = Math.round(windowMs / 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** "exit code 3", "signal SIGKILL", or undefined when nothing is known. */
export function describeExit(exit: ServerExit | undefined): string | undefined {
  if (!exit) return undefined;
  if (exit.signal) return `signal ${exit.signal}`;
  if (exit.code !== null && exit.code !== undefined) return `exit code ${exit.code}`;
  return undefined;
}

/** The line the output channel gets when the server dies (English: the log is for support). */
export function crashLogLine(decision: CrashDecision, exit: ServerExit | undefined): string {
  const how = describeExit(exit);
  const count = `crash ${decision.crashInWindow} of ${decision.maxCrashes} in ${describeWindow(decision.windowMs)}`;
  const head = `esgmark language server stopped unexpectedly (${how ? `${how}; ` : ''}${count})`;
  return decision.restart
    ? `${head}; restarting`
    : `${head}; not restarting it again: run "esgmark: Restart Language Server" to start it`;
}

/** Connection errors tolerated before the client shuts a live connection down (vscode-languageclient's default). */
export const MAX_CONNECTION_ERRORS = 3;

/** Error codes Node gives a write to a child whose IPC channel or pipe is gone: the server has died. */
const PEER_GONE_CODES = new Set(['ERR_IPC_CHANNEL_CLOSED', 'EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED']);

/** What the client knows when a read or write to the server fails. */
export interface ConnectionErrorFacts {
  /** The error's `code`, when it has one. */
  code: unknown;
  /** vscode-jsonrpc's running count of write errors (each failed IPC send counts twice). */
  count: number | undefined;
  /** The server process has exited, was signalled, or its IPC channel has disconnected. */
  processGone: boolean;
}

/**
 * 'crash' when the error comes from a server that has gone (a dying server makes every pending write fail
 * at once, often before Node reports the child's exit: the close handler then counts the crash and
 * restarts it; shutting down would stop the client for good; seen under load, where two failed sends
 * already make the count 4), 'transient' for a live connection's first few errors, 'shutdown' after more.
 */
export function connectionErrorAction(facts: ConnectionErrorFacts): 'crash' | 'transient' | 'shutdown' {
  if (facts.processGone) return 'crash';
  if (typeof facts.code === 'string' && PEER_GONE_CODES.has(facts.code)) return 'crash';
  if (facts.count === undefined || facts.count <= MAX_CONNECTION_ERRORS) return 'transient';
  return 'shutdown';
}
