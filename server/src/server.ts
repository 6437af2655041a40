// The esgmark language server: adapts the pure engine (server/src/engine) to LSP. Started by the
// VS Code client over IPC, or by any editor with `--stdio`. All checking logic lives in the engine;
// this file is the wiring: the connection and its lifecycle, what the client can do, the settings,
// and the registration of the parts in server/src/lsp: the scheduling of validations
// (lsp/validation.ts), the editor features (lsp/featureHandlers.ts), the views' requests
// (lsp/viewRequests.ts) and pull diagnostics (lsp/pullHandlers.ts), all reading one Session.
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { ProjectConfigs } from './lsp/projectConfigs';
import { normalizeSettings } from './lsp/settings';
import { registerPullDiagnostics } from './lsp/pullHandlers';
import { DIAGNOSTIC_IDENTIFIER } from './lsp/pull';
import { FIX_ALL_KIND } from './lsp/fixAll';
import { diagnosticFieldsOf } from './lsp/convert';
import { negotiateEncoding } from './lsp/encoding';
import { createStdioConnection, usesStdio } from './lsp/wire';
import {
  AFTER_SHUTDOWN_METHOD,
  BEFORE_INITIALIZE_METHOD,
  afterShutdownError,
  lifecycleOptions,
  notInitializedError,
} from './lsp/requests';
import { Session } from './lsp/session';
import { Validation } from './lsp/validation';
import { registerFeatureHandlers } from './lsp/featureHandlers';
import { registerViewRequests } from './lsp/viewRequests';
import { openReportAnalysis, pullHostOf } from './lsp/views';
import { GENERATE_INDEX_TABLE_COMMAND } from './protocol';
import { version as SERVER_VERSION } from '../../package.json';

const COMPLETION_TRIGGERS = ['"', ' ', ',', '-', '='];

/** Set by `shutdown`: from then on requests get InvalidRequest and notifications but `exit` are dropped. */
let shutDown = false;
let initialized = false;
const connectionOptions = lifecycleOptions(
  () => shutDown,
  () => initialized,
);
// Over --stdio the server writes its messages itself, reusing the JSON of unchanged diagnostics (lsp/wire.ts).
const connection: Connection = usesStdio(process.argv)
  ? createStdioConnection(connectionOptions, () => shutDown)
  : createConnection(ProposedFeatures.all, connectionOptions);
const session = new Session(connection);
// A report linked by another open report is checked from the analysis its own validation made.
session.openAnalysis = (uri, text) => openReportAnalysis(session, uri, text);
const { documents, codec, projects } = session;
const validation = new Validation(session);
const revalidateAll = (): void => validation.revalidateAll();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  initialized = true;
  const capabilities = params.capabilities;
  const workspaceEdit = capabilities.workspace?.workspaceEdit as
    { documentChanges?: boolean; snippetEditSupport?: boolean } | undefined;
  session.client = {
    configuration: capabilities.workspace?.configuration === true,
    dynamicConfigurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchedFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    pullsDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    refreshesDiagnostics: capabilities.workspace?.diagnostics?.refreshSupport === true,
    takesSnippetEdits: workspaceEdit?.snippetEditSupport === true && workspaceEdit.documentChanges === true,
    insertsSnippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
  };
  // Only the optional diagnostic fields the client takes: about two fifths of a large report's publication.
  session.publishing.fields = diagnosticFieldsOf(
    capabilities.textDocument?.publishDiagnostics,
    capabilities.textDocument?.diagnostic as
      { codeDescriptionSupport?: boolean; relatedInformation?: boolean } | undefined,
  );
  // The workspace folders bound what files may be read (chapters, the root search); none: each report's folder.
  session.workspaceFolders = params.workspaceFolders
    ? params.workspaceFolders.map((f) => f.uri)
    : params.rootUri
      ? [params.rootUri]
      : [];
  projects.setWorkspaceFolders(session.workspaceFolders);
  codec.encoding = negotiateEncoding(capabilities.general?.positionEncodings);
  const initial = params.initializationOptions as { settings?: unknown } | undefined;
  if (initial && typeof initial === 'object' && initial.settings !== undefined)
    session.settings = normalizeSettings(initial.settings);
  return {
    capabilities: {
      positionEncoding: codec.encoding,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      definitionProvider: true,
      documentSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.Source, FIX_ALL_KIND],
      },
      executeCommandProvider: { commands: [GENERATE_INDEX_TABLE_COMMAND] },
      diagnosticProvider: {
        identifier: DIAGNOSTIC_IDENTIFIER,
        interFileDependencies: true,
        workspaceDiagnostics: true,
      },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'esgmark', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  connection.console.info(`esgmark language server ${SERVER_VERSION} started (node ${process.version})`);
  if (session.client.dynamicConfigurationRegistration) {
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'esgmark' })
      .catch((error) => session.logError('registering for configuration changes', error));
  }
  session.settingsReady = session.pullSettings();
  session.settingsReady.then(revalidateAll, (error) => session.logError('initial settings', error));
  // Linked reports (translations, last year's) that are not open change on disk, and so do project
  // files (.esgmark.yaml): watch both.
  if (session.client.dynamicWatchedFiles) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/.esgmark.yaml' }],
      })
      .catch((error) => session.logError('registering for file changes', error));
  }
  if (session.client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => f.uri));
      session.workspaceFolders = session.workspaceFolders
        .filter((f) => !removed.has(f))
        .concat(event.added.map((f) => f.uri));
      projects.setWorkspaceFolders(session.workspaceFolders);
      validation.projectFilesChanged();
    });
  }
});

connection.onDidChangeConfiguration((params) => {
  if (session.client.configuration) {
    session.settingsReady = session.pullSettings();
  } else {
    // Push model for clients without workspace/configuration: settings come in the notification.
    const pushed = (params.settings as { esgmark?: unknown } | null | undefined)?.esgmark;
    session.settings = normalizeSettings(pushed);
    session.settingsGeneration++;
  }
  // The project files' messages follow the locale setting: read them again.
  session.projectConfigs.invalidate();
  session.cache.clear();
  session.crossReports.clear();
  session.settingsReady.then(revalidateAll, (error) => session.logError('settings change', error));
});

documents.onDidChangeContent((event) => {
  try {
    validation.schedule(event.document);
    validation.revalidateLinking(event.document.uri);
  } catch (error) {
    session.logError('scheduling validation', error);
  }
});

// One handler: a second registration would replace the first.
connection.onDidChangeWatchedFiles((params) => {
  try {
    if (params.changes.some((c) => ProjectConfigs.isProjectFile(c.uri))) validation.projectFilesChanged();
    for (const change of params.changes) validation.revalidateLinking(change.uri);
  } catch (error) {
    session.logError('watched files', error);
  }
});

documents.onDidClose((event) => {
  const uri = event.document.uri;
  validation.cancel(uri);
  session.cache.delete(uri);
  session.publishing.forget(uri);
  if (session.client.pullsDiagnostics) return;
  connection
    .sendDiagnostics({ uri, diagnostics: [] })
    .catch((error) => session.logError('clearing diagnostics', error));
});

registerFeatureHandlers(session);
registerViewRequests(session);
registerPullDiagnostics(connection, pullHostOf(session));

connection.onRequest(BEFORE_INITIALIZE_METHOD, (params: { method?: unknown } | undefined) => {
  throw notInitializedError(params?.method);
});

connection.onRequest(AFTER_SHUTDOWN_METHOD, (params: { method?: unknown } | undefined) => {
  throw afterShutdownError(params?.method);
});

connection.onShutdown(() => {
  shutDown = true;
  // Nothing is published after shutdown: drop the validations still waiting for their debounce.
  validation.cancelAll();
});

process.on('uncaughtException', (error) => session.logError('uncaught exception', error));
process.on('unhandledRejection', (error) => session.logError('unhandled rejection', error));

documents.listen(connection);
connection.listen();
