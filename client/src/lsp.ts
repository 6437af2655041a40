// The part of the client that needs vscode-languageclient, bundled on its own into dist/lsp.js. It is
// ~90% of the client's code, so extension.ts loads it with `require` only when the first ESG document is
// seen: activation then parses a small bundle, and a session without a report never loads this one.
// Keep this module free of imports from the other client modules (restartPolicy.ts excepted: only this
// module uses it), or they would be bundled twice; server/src/lsp/launch.ts is a constant shared with
// the benchmark.
import type { ChildProcess } from 'node:child_process';
import type * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  MAX_CONNECTION_ERRORS,
  RestartPolicy,
  connectionErrorAction,
  crashLogLine,
  type CrashDecision,
  type ServerExit,
} from './restartPolicy';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/launch';

export interface LanguageClientSettings {
  /** Absolute path of dist/server.js. */
  serverModule: string;
  documentSelector: DocumentSelector;
  outputChannel: vscode.LogOutputChannel;
  /**
   * The server crashed too often and is left stopped; the extension tells the user (in their language).
   * The crash itself is already in the output channel.
   */
  onGaveUp?: (decision: CrashDecision) => void;
}

/** The crash policy of each client, so that a restart by hand can give it a fresh allowance. */
const policies = new WeakMap<LanguageClient, RestartPolicy>();

/** A client for the esgmark server, not started yet. */
export function createLanguageClient(settings: LanguageClientSettings): LanguageClient {
  const module = settings.serverModule;
  const log = settings.outputChannel;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] },
    },
  };
  const policy = new RestartPolicy();
  const watch = new ServerProcessWatch();
  /** Set when we let the library restart a crashed server, so its coming back is logged. */
  let restartingAfterCrash = false;

  const errorHandler: ErrorHandler = {
    error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
      // Writes to a server that has died fail in a burst (EPIPE, channel closed): that is a crash, which
      // the close handler counts and restarts; shutting down here would leave the client stopped.
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      const action = connectionErrorAction({ code, count, processGone: watch.gone });
      if (action !== 'shutdown') {
        const what = action === 'crash' ? 'the server has gone' : `${count ?? 1} of ${MAX_CONNECTION_ERRORS}`;
        log.warn(`connection to the language server failed (${what}): ${error.message}`);
        return { action: ErrorAction.Continue, handled: true };
      }
      log.error(`connection to the language server keeps failing: ${error.message}; shutting it down`);
      return { action: ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      // Not called for a stop we asked for (deactivate, the restart command): only for a server that died.
      const decision = policy.recordCrash();
      const line = crashLogLine(decision, watch.takeExit());
      if (decision.restart) {
        log.warn(line);
        restartingAfterCrash = true;
        return { action: CloseAction.Restart, handled: true };
      }
      log.error(line);
      restartingAfterCrash = false;
      settings.onGaveUp?.(decision);
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: settings.documentSelector,
    synchronize: { configurationSection: 'esgmark' },
    outputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
  };
  const client = new LanguageClient('esgmark', 'esgmark', serverOptions, clientOptions);
  policies.set(client, policy);
  client.onDidChangeState((event) => {
    if (event.newState !== State.Running) return;
    watch.follow(client.serverProcess);
    if (restartingAfterCrash) {
      restartingAfterCrash = false;
      log.info(`language server running again after restart${watch.pid === undefined ? '' : ` (pid ${watch.pid})`}`);
    }
  });
  return client;
}

/**
 * Remembers how the current server process ended. Node emits a child's 'exit' before its 'close', and the
 * IPC connection reports closing on 'close', so the exit is known when the error handler runs.
 */
class ServerProcessWatch {
  private process: ChildProcess | undefined;
  private exit: ServerExit | undefined;

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /**
   * Whether the followed process has ended (its exit not yet taken by the close handler), was signalled,
   * or lost its IPC channel: Node sets these before it emits 'exit', which can come after write errors.
   */
  get gone(): boolean {
    if (this.exit !== undefined) return true;
    const p = this.process;
    return p !== undefined && (p.exitCode !== null || p.signalCode !== null || p.connected === false);
  }

  follow(process: ChildProcess | undefined): void {
    if (!process || process === this.process) return;
    this.process = process;
    this.exit = undefined;
    process.once('exit', (code, signal) => {
      if (this.process === process) this.exit = { code, signal };
    });
  }

  /** How the followed process ended, once: a later process that dies before it runs is not mistaken for it. */
  takeExit(): ServerExit | undefined {
    const exit = this.exit;
    this.exit = undefined;
    return exit;
  }
}

/** What the client is doing with its server, and the server's process id while it has one. */
export interface ServerState {
  state: 'starting' | 'running' | 'stopped';
  pid: number | undefined;
}

export function serverStateOf(client: LanguageClient): ServerState {
  const state = client.state === State.Running ? 'running' : client.state === State.Starting ? 'starting' : 'stopped';
  return { state, pid: client.serverProcess?.pid };
}

/** Restarts the server on the user's request; past crashes no longer count against it. */
export async function restartLanguageClient(client: LanguageClient): Promise<void> {
  policies.get(client)?.reset();
  await client.restart();
}

/** `workspace/executeCommand` on the server. */
export function executeServerCommand(client: LanguageClient, command: string, args: unknown[]): Promise<unknown> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}
