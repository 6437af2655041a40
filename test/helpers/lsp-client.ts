// A minimal LSP client for process-level tests: spawns `node dist/server.js --stdio`, speaks JSON-RPC
// over its stdin/stdout, answers the server's requests (workspace/configuration, applyEdit,
// registerCapability) and records what the server publishes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { requireBuilt, REPO_ROOT } from './paths';

export interface StartOptions {
  /** Value returned for the `esgmark` configuration section. */
  settings?: Record<string, unknown>;
  /** Advertise `workspace.configuration` (default true). */
  configurationCapability?: boolean;
  /** Extra environment of the server process (e.g. ESGMARK_FAULT_RULES). */
  env?: Record<string, string>;
  /** Workspace folders sent in `initialize` (default none: rootUri and workspaceFolders null). */
  workspaceFolders?: { uri: string; name: string }[];
  /** Extra node flags of the server process (e.g. a heap limit for hostile-input tests). */
  nodeFlags?: string[];
  /** Client capabilities merged into the default ones (`general.positionEncodings`, `textDocument.diagnostic`...). */
  capabilities?: {
    general?: Record<string, unknown>;
    textDocument?: Record<string, unknown>;
    workspace?: Record<string, unknown>;
  };
}

type DiagnosticsPredicate = (params: PublishDiagnosticsParams) => boolean;

interface Waiter {
  uri: string;
  predicate: DiagnosticsPredicate;
  resolve(params: PublishDiagnosticsParams): void;
}

export class LspTestClient {
  settings: Record<string, unknown>;
  /** Every workspace/applyEdit the server sent, in order. */
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  /** What the test answers to workspace/applyEdit. */
  applyEditResult: ApplyWorkspaceEditResult = { applied: true };
  /** Every publishDiagnostics per uri, in order. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  stderr = '';
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  initializeResult!: InitializeResult;
  /** How often the server asked to pull diagnostics again (`workspace/diagnostic/refresh`). */
  diagnosticRefreshes = 0;

  private readonly waiters = new Set<Waiter>();
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    // A crashed server closes its stdin; writing to it then must fail the test, not the runner.
    child.stdin.on('error', () => undefined);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      });
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'esgmark' ? this.settings : null)),
    );
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.applyEditRequests.push(params);
      return this.applyEditResult;
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      return null;
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const serverPath = requireBuilt('server.js');
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), serverPath, '--stdio'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      env: { ...process.env, ...options.env },
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspTestClient(child, connection, options);
    connection.listen();
    const configuration = options.configurationCapability ?? true;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: {
        ...(options.capabilities?.general ? { general: options.capabilities.general } : {}),
        workspace: {
          configuration,
          applyEdit: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: false },
          ...options.capabilities?.workspace,
        },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          // As VS Code declares them (with versions, which the tests wait for).
          publishDiagnostics: {
            relatedInformation: true,
            versionSupport: true,
            codeDescriptionSupport: true,
            dataSupport: true,
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
            isPreferredSupport: true,
          },
          ...options.capabilities?.textDocument,
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The server's process id (for reading its memory from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get isRunning(): boolean {
    return this.exitCode === null && this.exitSignal === null;
  }

  async open(uri: string, text: string, languageId = 'esg-markdown', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Replaces the settings the test answers with and tells the server they changed. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { esgmark: settings },
    });
  }

  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.published.get(uri);
    return list?.[list.length - 1];
  }

  /**
   * Resolves with the first publication for `uri` satisfying `predicate`, looking at the latest one
   * already received first; rejects after `timeoutMs` with what was published, for debugging.
   */
  waitForDiagnostics(
    uri: string,
    predicate: DiagnosticsPredicate = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.latestDiagnostics(uri);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = (this.published.get(uri) ?? []).map(
          (p) =>
            `v${p.version ?? '?'}: ${p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).join(', ') || '(none)'}`,
        );
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms.\npublished:\n  ${seen.join('\n  ') || '(nothing)'}\n` +
              `server log:\n  ${this.logs.join('\n  ')}\nstderr: ${this.stderr}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        predicate,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Polite shutdown (shutdown + exit), then a kill if the server does not go within a second. */
  async stop(): Promise<void> {
    if (this.isRunning) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 2000);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // Fall through to the kill below.
      }
      await withTimeout(this.exited, 1000).catch(() => undefined);
    }
    if (this.isRunning) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.connection.dispose();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
