// The esgmark language server: adapts the pure engine (server/src/engine) to LSP. Started by the
// VS Code client over IPC, or by any editor with `--stdio`. All checking logic lives in the engine;
// this file only schedules analyses, caches them per document version and converts results.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  type CancellationToken,
  type CodeAction as LspCodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProjectConfigs } from './lsp/projectConfigs';
import {
  analyze,
  exportKpis,
  generateIndexTable,
  getCodeActions,
  getCodeLenses,
  getCompletions,
  getDefinition,
  getDocumentSymbols,
  getFixAll,
  getHover,
  getReportModel,
  singleFileView,
  crossHover,
  crossReportActions,
  remapReportModel,
  t,
  type Analysis,
  type Diagnostic,
  type IndexTableEdit,
  type ReportModel,
  type CrossReport,
  type ProjectAnalysis,
  type DocumentSymbol as EngineSymbol,
  type Position,
  type Range,
} from './engine';
import { AnalysisCache, isEsgDocument } from './lsp/documents';
import { Projects } from './lsp/projects';
import { CrossReports } from './lsp/crossReports';
import { DEFAULT_SETTINGS, normalizeSettings, toAnalysisOptions, type ServerSettings } from './lsp/settings';
import {
  actionKindAllowed,
  fromLspDiagnostic,
  toLspDiagnostic,
  rangesIntersect,
  toLspCodeAction,
  toLspCompletionItem,
  toLspDocumentSymbol,
  toLspHover,
  toLspLocation,
  toLspTextEdit,
} from './lsp/convert';
import { DiagnosticConverter } from './lsp/publish';
import { ClosedReports, registerPullDiagnostics, type PullHost } from './lsp/pullHandlers';
import { DIAGNOSTIC_IDENTIFIER } from './lsp/pull';
import { FIX_ALL_KIND, fixAllAction, wantsFixAll } from './lsp/fixAll';
import { pathOfUri } from './host/workspace';
import { lineOfDocument, negotiateEncoding, PositionCodec } from './lsp/encoding';
import { AFTER_SHUTDOWN_METHOD, BEFORE_INITIALIZE_METHOD, afterShutdownError, checkpoint, lifecycleOptions, notInitializedError, SerialQueue, throwIfCancelled } from './lsp/requests';
import { lspNotification, lspRequest } from './lsp/protocolTypes';
import {
  ExportRequest as Export,
  GENERATE_INDEX_TABLE_COMMAND,
  IndexTableRequest as IndexTable,
  ReportChangedNotification as ReportChanged,
  ReportRequest as Report,
  type GenerateIndexTableResult,
} from './protocol';
import { version as SERVER_VERSION } from '../../package.json';

/** The protocol's custom messages (server/src/protocol) as the connection's message types. */
const IndexTableRequest = lspRequest(IndexTable);
const ReportRequest = lspRequest(Report);
const ReportChangedNotification = lspNotification(ReportChanged);
const ExportRequest = lspRequest(Export);

const COMPLETION_TRIGGERS = ['"', ' ', ',', '-', '='];

/** Set by `shutdown`: from then on requests get InvalidRequest and notifications but `exit` are dropped. */
let shutDown = false;
let initialized = false;
const connection: Connection = createConnection(
  ProposedFeatures.all,
  lifecycleOptions(
    () => shutDown,
    () => initialized,
  ),
);
/** Converts positions between the engine (UTF-16) and the encoding negotiated with the client. */
const codec = new PositionCodec((uri, line) => lineOf(uri, line));
// Incremental changes arrive in the client's encoding: converted before they are applied.
const documents = new TextDocuments<TextDocument>({ create: TextDocument.create, update: (document, changes, version) => codec.update(document, changes, version) });
const cache = new AnalysisCache();
/** Multi-file reports: a root whose front matter lists `esg.chapters`, analysed as one report. */
const projects = new Projects((uri) => documents.get(uri)?.getText());
/** The reports each report links (translations, last year's), analysed once and kept until they change. */
const crossReports = new CrossReports();

let hasConfigurationCapability = false;
let hasDynamicConfigurationRegistration = false;
let hasDynamicWatchedFiles = false;
let hasWorkspaceFoldersCapability = false;
/** The client pulls diagnostics (`textDocument.diagnostic`): they are not pushed as well, or it would show them twice. */
let clientPullsDiagnostics = false;
/** The client can be asked to pull again (`workspace.diagnostics.refreshSupport`), after an edit changes other files' findings. */
let clientRefreshesDiagnostics = false;
/** The client applies snippet edits in workspace edits (LSP 3.18 `workspaceEdit.snippetEditSupport`, with `documentChanges`). */
let clientTakesSnippetEdits = false;
/** The client inserts snippet completions (`completionItem.snippetSupport`). */
let clientInsertsSnippets = false;
/** The workspace folders as last told by the client (kept to apply added/removed events). */
let workspaceFolders: string[] = [];
let settings: ServerSettings = { ...DEFAULT_SETTINGS, severity: {} };
/** Bumped whenever settings change so cached analyses made with the old settings are not reused. */
let settingsGeneration = 0;
/** Resolves once the first settings pull finished; validation waits for it so the first publish already uses them. */
let settingsReady: Promise<void> = Promise.resolve();

/** Pending debounced validation per uri. `token` increases with every schedule so a newer one supersedes. */
const pending = new Map<string, { timer?: NodeJS.Timeout; token: number }>();
let scheduleCounter = 0;
/** Validations run one at a time, each after a turn of the event loop, so requests are read between them. */
const validations = new SerialQueue();

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function logError(where: string, error: unknown): void {
  try {
    connection.console.error(`esgmark: ${where} failed: ${errorText(error)}`);
  } catch {
    // The connection itself is gone; nothing left to report to.
  }
}

/**
 * Runs a handler; on any exception logs it and returns the empty result, so a bad document cannot kill
 * the server. First it yields once, so that a `$/cancelRequest` sent right behind the request is read,
 * and answers a cancelled request with RequestCancelled instead of computing it; a result computed for
 * a request cancelled meanwhile is not sent either. Handlers with several expensive steps call
 * `checkpoint(token)` between them.
 */
async function guarded<T>(where: string, fallback: T, token: CancellationToken | undefined, run: () => T | Promise<T>, sideEffects = false): Promise<T> {
  try {
    await checkpoint(token);
    const result = await run();
    // A handler with side effects (an applied edit) reports what it did even when cancelled late.
    if (!sideEffects) throwIfCancelled(token);
    return result;
  } catch (error) {
    // RequestCancelled (and any other protocol error) is the answer itself, not a failure.
    if (error instanceof ResponseError) throw error;
    logError(where, error);
    return fallback;
  }
}

/**
 * Fault injection for tests and support: ESGMARK_FAULT_RULES=rule/a,rule/b makes those rules throw, to
 * show that the server logs the failure, drops that rule's results and still publishes the others'.
 */
const FAULT_RULES = new Set((process.env.ESGMARK_FAULT_RULES ?? '').split(',').map((r) => r.trim()).filter(Boolean));

/** The project files `.esgmark.yaml` of the reports, read through the same gate as their chapters. */
const projectConfigs = new ProjectConfigs((uri) => projects.workspaceFor(uri));

/**
 * The engine's options for a report: its project file's values under the settings the user set
 * explicitly (the time budget included); a rule that throws is logged and its results dropped.
 */
function engineOptions(uri: string) {
  return projectConfigs.options(uri, {
    ...toAnalysisOptions(settings),
    onRuleError: (rule: string, error: unknown) => logError(`rule ${rule}`, error),
    ...(FAULT_RULES.size ? { faultRules: FAULT_RULES } : {}),
  });
}

/** A project file changed, appeared or went away: read them again and check every open report again. */
function projectFilesChanged(): void {
  for (const uri of projectConfigs.invalidate()) connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error) => logError('clearing project file diagnostics', error));
  settingsGeneration++;
  cache.clear();
  revalidateAll();
}

function shouldCheck(document: TextDocument): boolean {
  return isEsgDocument(document.languageId, document.getText());
}

/** The analysis of the document's current version, from the cache or computed now. */
function analysisFor(document: TextDocument): Analysis {
  const cached = cache.get(document.uri, document.version, settingsGeneration);
  if (cached) return cached;
  // Derived from the previous version's analysis where the edit allows (same result, less work).
  const analysis = analyze({ uri: document.uri, text: document.getText() }, engineOptions(document.uri), cache.latest(document.uri, settingsGeneration));
  cache.set(document.uri, document.version, settingsGeneration, analysis);
  logLimits(analysis);
  return analysis;
}

/** Analyses already logged as stopped at a limit (each is logged once, however often it is served). */
const loggedLimits = new WeakSet<Analysis>();

/** The output channel says when an analysis hit the size cap or its time budget; the diagnostic says it to the author. */
function logLimits(analysis: Analysis): void {
  if (loggedLimits.has(analysis)) return;
  loggedLimits.add(analysis);
  for (const d of analysis.diagnostics) {
    if (d.rule !== 'esg/budget' && d.rule !== 'esg/too-large') continue;
    try {
      connection.console.warn(`esgmark: ${analysis.model.uri}: ${d.message}`);
    } catch {
      // The connection is gone; the diagnostic is all there is.
    }
  }
}

/**
 * An open document's analysis as the handlers use it. For a file of a multi-file report the analysis
 * is the whole report's, and positions and ranges are mapped between the file and the report.
 */
interface View {
  document: TextDocument;
  analysis: Analysis;
  project?: ProjectAnalysis;
  /** A position of this document in the analysis. */
  toEngine(position: Position): Position;
  /** A range of the analysis in this document, or undefined when it lies in another file. */
  toDocument(range: Range): Range | undefined;
  /** A range of the analysis with the file it lies in. */
  locate(range: Range): { uri: string; range: Range };
  /** The checks against the reports it links (`esg.translations`, `esg.previous`). */
  cross: CrossReport;
}

/** The cross-report result of an analysed report (empty when it links nothing). */
function crossOf(view: Pick<ProjectAnalysis, 'analysis' | 'parts' | 'mapRange'>): CrossReport {
  return crossReports.of(view, projects.workspaceFor(view.parts[0]?.uri ?? view.analysis.model.uri), engineOptions(view.parts[0]?.uri ?? view.analysis.model.uri), (error) => logError('cross-report checks', error));
}

/** A file's diagnostics: its own and those of the checks against the reports it links. */
function diagnosticsIn(view: View, uri: string): Diagnostic[] {
  const own = view.project ? (view.project.diagnostics.get(uri) ?? []) : view.analysis.diagnostics;
  const cross = view.cross.diagnostics.filter((d) => d.uri === uri);
  return cross.length ? [...own, ...cross].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) : own;
}

function projectFor(document: TextDocument): ProjectAnalysis | undefined {
  const ref = projects.projectOf(document.uri, document.getText());
  const project = ref ? projects.analyze(ref, engineOptions(ref.root), settingsGeneration) : undefined;
  if (project) logLimits(project.analysis);
  // A chapter its root could not include (outside the workspace, a cycle...) is checked on its own.
  return project?.parts.some((p) => p.uri === document.uri) ? project : undefined;
}

function viewOf(document: TextDocument): View {
  const project = projectFor(document);
  if (!project) {
    const analysis = analysisFor(document);
    return { document, analysis, toEngine: (p) => p, toDocument: (r) => r, locate: (r) => ({ uri: document.uri, range: r }), cross: crossOf(singleFileView(analysis)) };
  }
  return {
    document,
    analysis: project.analysis,
    project,
    cross: crossOf(project),
    toEngine: (p) => project.fromFile(document.uri, p) ?? p,
    toDocument: (r) => {
      const m = project.mapRange(r);
      return m.uri === document.uri ? m.range : undefined;
    },
    locate: (r) => project.mapRange(r),
  };
}

/** The open ESG document for a uri with its analysis, or undefined for unknown / non-ESG documents. */
async function analysisForUri(uri: string): Promise<View | undefined> {
  await settingsReady;
  const document = documents.get(uri);
  if (!document || !shouldCheck(document)) return undefined;
  return viewOf(document);
}

/** Symbols of the analysis that lie in this document, with their ranges mapped. */
function symbolsIn(view: View, symbols: EngineSymbol[]): EngineSymbol[] {
  const out: EngineSymbol[] = [];
  for (const s of symbols) {
    const range = view.toDocument(s.range);
    const selectionRange = view.toDocument(s.selectionRange);
    if (!range || !selectionRange) continue;
    out.push({ ...s, range, selectionRange, children: symbolsIn(view, s.children) });
  }
  return out;
}

function cancelPending(uri: string): void {
  const entry = pending.get(uri);
  if (entry?.timer) clearTimeout(entry.timer);
  pending.delete(uri);
}

/** LSP forms of the diagnostics published, reused for the ones the next analysis keeps. */
const publishing = new DiagnosticConverter();

async function validate(uri: string, version: number, token: number): Promise<void> {
  await settingsReady;
  // Superseded while waiting (newer edit, close, or settings change)?
  if (pending.get(uri)?.token !== token) return;
  pending.delete(uri);
  const document = documents.get(uri);
  if (!document || document.version !== version) return;
  let diagnostics: Diagnostic[] = [];
  let project: ProjectAnalysis | undefined;
  let view: View | undefined;
  if (shouldCheck(document)) {
    view = viewOf(document);
    project = view.project;
    diagnostics = diagnosticsIn(view, uri);
  }
  // Publishing is synchronous after the analysis, but check again in case the document moved on.
  const current = documents.get(uri);
  if (!current || current.version !== version) return;
  const lsp = (list: readonly Diagnostic[]) => publishing.convert(list, settings.rulesDocumentationUrl);
  // The report's project file, with its own problems at their keys.
  const config = shouldCheck(document) ? projectConfigs.diagnosticsFor(project?.parts[0]?.uri ?? uri, toAnalysisOptions(settings)) : undefined;
  if (config) await connection.sendDiagnostics(codec.out({ uri: config.uri, diagnostics: lsp(config.diagnostics) }, config.uri));
  if (clientPullsDiagnostics) {
    // The client pulls this document itself; the other files of a multi-file report it pulls when asked to.
    if (project && project.diagnostics.size > 1 && clientRefreshesDiagnostics) await connection.languages.diagnostics.refresh();
    await connection.sendNotification(ReportChangedNotification, { uri, version });
    return;
  }
  await connection.sendDiagnostics(codec.out({ uri, version, diagnostics: lsp(diagnostics) }));
  // The other files of a multi-file report: an edit here can change their diagnostics too.
  for (const [other, list] of project?.diagnostics ?? []) {
    if (other !== uri) await connection.sendDiagnostics(codec.out({ uri: other, version: documents.get(other)?.version, diagnostics: lsp(view ? diagnosticsIn(view, other) : list) }));
  }
  await connection.sendNotification(ReportChangedNotification, { uri, version });
}

function scheduleValidation(document: TextDocument): void {
  const uri = document.uri;
  const version = document.version;
  const previous = pending.get(uri);
  if (previous?.timer) clearTimeout(previous.timer);
  const token = ++scheduleCounter;
  const run = (): void => {
    validations.run(() => validate(uri, version, token), (error) => logError(`validation of ${uri}`, error));
  };
  if (settings.debounceMs <= 0) {
    pending.set(uri, { token });
    run();
  } else {
    pending.set(uri, { token, timer: setTimeout(run, settings.debounceMs) });
  }
}

function revalidateAll(): void {
  for (const document of documents.all()) scheduleValidation(document);
}

async function pullSettings(): Promise<void> {
  if (!hasConfigurationCapability) return;
  try {
    const raw: unknown = await connection.workspace.getConfiguration({ section: 'esgmark' });
    settings = normalizeSettings(raw);
  } catch (error) {
    logError('reading the esgmark settings', error);
  }
  settingsGeneration++;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  initialized = true;
  const capabilities = params.capabilities;
  hasConfigurationCapability = capabilities.workspace?.configuration === true;
  hasDynamicConfigurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  hasDynamicWatchedFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  // The workspace folders bound what files may be read (chapters, the root search); none: each report's folder.
  workspaceFolders = params.workspaceFolders ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  projects.setWorkspaceFolders(workspaceFolders);
  hasWorkspaceFoldersCapability = capabilities.workspace?.workspaceFolders === true;
  clientPullsDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  clientRefreshesDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
  codec.encoding = negotiateEncoding(capabilities.general?.positionEncodings);
  const workspaceEdit = capabilities.workspace?.workspaceEdit as { documentChanges?: boolean; snippetEditSupport?: boolean } | undefined;
  clientTakesSnippetEdits = workspaceEdit?.snippetEditSupport === true && workspaceEdit.documentChanges === true;
  clientInsertsSnippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  const initial = params.initializationOptions as { settings?: unknown } | undefined;
  if (initial && typeof initial === 'object' && initial.settings !== undefined) settings = normalizeSettings(initial.settings);
  return {
    capabilities: {
      positionEncoding: codec.encoding,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      definitionProvider: true,
      documentSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.Source, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [GENERATE_INDEX_TABLE_COMMAND] },
      diagnosticProvider: { identifier: DIAGNOSTIC_IDENTIFIER, interFileDependencies: true, workspaceDiagnostics: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'esgmark', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  connection.console.info(`esgmark language server ${SERVER_VERSION} started (node ${process.version})`);
  if (hasDynamicConfigurationRegistration) {
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'esgmark' })
      .catch((error) => logError('registering for configuration changes', error));
  }
  settingsReady = pullSettings();
  settingsReady.then(revalidateAll, (error) => logError('initial settings', error));
  // Linked reports (translations, last year's) that are not open change on disk, and so do project
  // files (.esgmark.yaml): watch both.
  if (hasDynamicWatchedFiles) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/.esgmark.yaml' }] })
      .catch((error) => logError('registering for file changes', error));
  }
  if (hasWorkspaceFoldersCapability) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => f.uri));
      workspaceFolders = workspaceFolders.filter((f) => !removed.has(f)).concat(event.added.map((f) => f.uri));
      projects.setWorkspaceFolders(workspaceFolders);
      projectFilesChanged();
    });
  }
});

connection.onDidChangeConfiguration((params) => {
  if (hasConfigurationCapability) {
    settingsReady = pullSettings();
  } else {
    // Push model for clients without workspace/configuration: settings come in the notification.
    const pushed = (params.settings as { esgmark?: unknown } | null | undefined)?.esgmark;
    settings = normalizeSettings(pushed);
    settingsGeneration++;
  }
  // The project files' messages follow the locale setting: read them again.
  projectConfigs.invalidate();
  cache.clear();
  crossReports.clear();
  settingsReady.then(revalidateAll, (error) => logError('settings change', error));
});

documents.onDidChangeContent((event) => {
  try {
    scheduleValidation(event.document);
    revalidateLinking(event.document.uri);
  } catch (error) {
    logError('scheduling validation', error);
  }
});

/** A file changed (edited, or on disk): the open reports that link it are checked again. */
function revalidateLinking(uri: string): void {
  for (const root of crossReports.changed(uri)) {
    const document = documents.get(root);
    if (document && document.uri !== uri) scheduleValidation(document);
  }
}

// One handler: a second registration would replace the first.
connection.onDidChangeWatchedFiles((params) => {
  try {
    if (params.changes.some((c) => ProjectConfigs.isProjectFile(c.uri))) projectFilesChanged();
    for (const change of params.changes) revalidateLinking(change.uri);
  } catch (error) {
    logError('watched files', error);
  }
});

documents.onDidClose((event) => {
  const uri = event.document.uri;
  cancelPending(uri);
  cache.delete(uri);
  if (clientPullsDiagnostics) return;
  connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error) => logError('clearing diagnostics', error));
});

/**
 * A request handler in the client's position encoding: the params' positions are read as UTF-16 before
 * `run`, the result's positions written in the client's encoding after it.
 */
function encoded<P extends { textDocument: { uri: string } }, R>(raw: P, run: (params: P) => Promise<R>): Promise<R> {
  const uri = raw.textDocument.uri;
  return run(codec.in(raw, uri)).then((result) => codec.out(result, uri));
}

/** Texts of files that are not open, read for position conversion, kept briefly (a result names a file many times). */
const convertedTexts = new Map<string, { lines: string[]; at: number }>();

/** A line of a file as the server sees it: the open document, else the file through the gate. */
function lineOf(uri: string, line: number): string | undefined {
  const document = documents.get(uri);
  if (document) return lineOfDocument(document, line);
  let entry = convertedTexts.get(uri);
  if (!entry || Date.now() - entry.at > 2000) {
    const text = projects.text(uri);
    if (text === undefined) return undefined;
    if (convertedTexts.size > 64) convertedTexts.clear();
    entry = { lines: text.split(/\r\n|\r|\n/), at: Date.now() };
    convertedTexts.set(uri, entry);
  }
  return entry.lines[line];
}

connection.onHover((raw, token) =>
  encoded(raw, (params) =>
  guarded('hover', null, token, async () => {
    const found = await analysisForUri(params.textDocument.uri);
    if (!found) return null;
    const position = found.toEngine(params.position);
    const hover = getHover(found.analysis, position);
    // The same figure in the other language versions and in last year's report.
    const cross = crossHover(found.project ?? singleFileView(found.analysis), found.cross, position, found.analysis.locale);
    const merged = cross ? { contents: [hover?.contents, cross.lines.map((l) => `- ${l}`).join('\n')].filter(Boolean).join('\n\n'), range: hover?.range ?? cross.range } : hover;
    const range = merged && found.toDocument(merged.range);
    return merged && range ? toLspHover({ ...merged, range }) : null;
  })),
);

connection.onCompletion((raw, token) =>
  encoded(raw, (params) =>
  guarded('completion', [], token, async () => {
    const found = await analysisForUri(params.textDocument.uri);
    if (!found) return [];
    return getCompletions(found.analysis, found.toEngine(params.position))
      .filter((item) => !item.snippet || clientInsertsSnippets)
      .map((item) => toLspCompletionItem(item.range ? { ...item, range: found.toDocument(item.range) } : item));
  })),
);

connection.onDefinition((raw, token) =>
  encoded(raw, (params) =>
  guarded('definition', [], token, async () => {
    const found = await analysisForUri(params.textDocument.uri);
    if (!found) return [];
    return getDefinition(found.analysis, found.toEngine(params.position)).map((l) => toLspLocation(found.locate(l.range)));
  })),
);

connection.onDocumentSymbol((raw, token) =>
  encoded(raw, (params) =>
  guarded('documentSymbol', [], token, async () => {
    const found = await analysisForUri(params.textDocument.uri);
    if (!found) return [];
    return symbolsIn(found, getDocumentSymbols(found.analysis)).map(toLspDocumentSymbol);
  })),
);

connection.onCodeLens((raw, token) =>
  encoded(raw, (params) =>
  guarded('codeLens', [], token, async () => {
    const found = await analysisForUri(params.textDocument.uri);
    if (!found) return [];
    // A lens with an empty command is shown as plain text: it informs, it does not act.
    return getCodeLenses(found.analysis).flatMap((lens) => {
      const range = found.toDocument(lens.range);
      return range ? [{ range, command: { title: lens.title, command: '' } }] : [];
    });
  })),
);

connection.onCodeAction((raw, token) =>
  encoded(raw, (params) =>
  guarded<LspCodeAction[]>('codeAction', [], token, async () => {
    const uri = params.textDocument.uri;
    const found = await analysisForUri(uri);
    if (!found) return [];
    const current = found.analysis.diagnostics;
    const shown = params.context.diagnostics;
    const toEngineRange = (r: Range): Range => ({ start: found.toEngine(r.start), end: found.toEngine(r.end) });
    const range = toEngineRange(params.range);
    let targets = shown
      .map((diagnostic) => fromLspDiagnostic(uri, { ...diagnostic, range: toEngineRange(diagnostic.range) }, current))
      .filter((diagnostic): diagnostic is Diagnostic => diagnostic !== undefined);
    // Clients that do not send the diagnostics under the cursor still get the fixes for them.
    if (shown.length === 0) targets = current.filter((diagnostic) => rangesIntersect(diagnostic.range, range));
    // Fixes of the cross-report checks carry their edits in the files' own lines (not the analysis').
    const cross = found.cross.diagnostics.filter((d) => d.uri === uri && rangesIntersect(d.range, params.range));
    const actions = getCodeActions(found.analysis, range, targets)
      .map((action) => (found.project ? { ...action, edits: found.project.mapEdits(Object.values(action.edits).flat()), snippet: undefined } : action))
      .concat(crossReportActions(cross))
      .map((action) => toLspCodeAction(action, shown, clientTakesSnippetEdits))
      .filter((action) => actionKindAllowed(action.kind ?? '', params.context.only));
    if (!wantsFixAll(params.context.only)) return actions;
    // Fix-all: every safe fix of the report, whatever the range (codeActionsOnSave asks with the whole file).
    const all = getFixAll(found.analysis);
    const mapped = found.project ? found.project.mapEdits(all.edits) : { [uri]: all.edits };
    const changes = Object.fromEntries(Object.entries(mapped).map(([u, list]) => [u, list.map(toLspTextEdit)]));
    // The title counts the findings the fixes resolve (one fix may resolve several).
    const resolved = all.fixes.reduce((n, f) => n + f.diagnostics.length, 0);
    const fixAll = fixAllAction(t(found.analysis.locale, 'action.fixAll', { count: resolved }), changes);
    return fixAll ? [fixAll, ...actions] : actions;
  })),
);

connection.onExecuteCommand((params, token) =>
  guarded<GenerateIndexTableResult | null>('executeCommand', null, token, async () => {
    if (params.command !== GENERATE_INDEX_TABLE_COMMAND) return null;
    const uri = params.arguments?.[0];
    if (typeof uri !== 'string') return null;
    const found = await analysisForUri(uri);
    if (!found) return null;
    const table = generateIndexTable(found.analysis);
    // The last moment the command can still be dropped: after this the edit is the client's.
    await checkpoint(token);
    const result = await connection.workspace.applyEdit({
      label: table.replaced ? 'Regenerate HKEX index table' : 'Insert HKEX index table',
      edit: codec.out({
        changes: Object.fromEntries(
          Object.entries(found.project ? found.project.mapEdits([table.edit]) : { [found.document.uri]: [table.edit] }).map(([u, edits]) => [u, edits.map(toLspTextEdit)]),
        ),
      }),
    });
    return { applied: result.applied, markdown: table.markdown };
  }, true),
);

connection.onRequest(IndexTableRequest, (params, token) =>
  guarded<IndexTableEdit | null>(IndexTable.method, null, token, async () => {
    if (!params || typeof params.uri !== 'string') return null;
    const found = await analysisForUri(params.uri);
    if (!found) return null;
    await checkpoint(token);
    const table = generateIndexTable(found.analysis);
    await checkpoint(token);
    return table;
  }),
);

/** A multi-file report's model with ranges mapped to its files, built once per project analysis. */
const remappedModels = new WeakMap<ProjectAnalysis, ReportModel>();

/**
 * The report model of a view, each expensive step behind a checkpoint: a cancelled request stops at the
 * next one. Every step is cached (the model per analysis, the remapped model per project analysis), so
 * a storm of identical requests for one document version costs one computation.
 */
async function reportModelOf(found: View, token: CancellationToken): Promise<ReportModel> {
  await checkpoint(token);
  const model = getReportModel(found.analysis);
  const project = found.project;
  if (!project) return model;
  let remapped = remappedModels.get(project);
  if (!remapped) {
    await checkpoint(token);
    remapped = remapReportModel(model, project.mapRange);
    remappedModels.set(project, remapped);
  }
  return remapped;
}

connection.onRequest(ReportRequest, (params, token) =>
  guarded<ReportModel | null>(Report.method, null, token, async () => {
    if (!params || typeof params.uri !== 'string') return null;
    const found = await analysisForUri(params.uri);
    if (!found) return null;
    const model = await reportModelOf(found, token);
    // Sending the model (JSON of a few MB for a large report) is the last expensive step.
    await checkpoint(token);
    return model;
  }),
);

connection.onRequest(ExportRequest, (params, token) =>
  guarded<string | null>(Export.method, null, token, async () => {
    if (!params || typeof params.uri !== 'string' || (params.format !== 'csv' && params.format !== 'json')) return null;
    const found = await analysisForUri(params.uri);
    if (!found) return null;
    const model = await reportModelOf(found, token);
    await checkpoint(token);
    const text = exportKpis(model, params.format);
    await checkpoint(token);
    return text;
  }),
);

/** What the pull handlers need: the same diagnostics a push would publish, for open and closed reports. */
const pullHost: PullHost = {
  ready: () => settingsReady,
  open(uri) {
    const document = documents.get(uri);
    if (!document) return undefined;
    if (!shouldCheck(document)) return new Map();
    // Each file's own diagnostics and those of the checks against the reports it links, as pushed.
    const view = viewOf(document);
    const files = view.project?.parts.map((p) => p.uri) ?? [uri];
    return new Map(files.map((file) => [file, diagnosticsIn(view, file)]));
  },
  closed(uri, text) {
    const ref = projects.projectOf(uri, text);
    const project = ref ? projects.analyze(ref, engineOptions(ref.root), settingsGeneration) : undefined;
    if (project?.parts.some((p) => p.uri === uri)) return project.diagnostics;
    return new Map([[uri, closedReports.analyze(uri, text, settingsGeneration, () => engineOptions(uri)).diagnostics]]);
  },
  openReports: () => documents.all().filter(shouldCheck).map((d) => ({ uri: d.uri, version: d.version, text: d.getText() })),
  folders: () => workspaceFolders.map(pathOfUri).filter((p): p is string => p !== undefined),
  versionOf: (uri) => documents.get(uri)?.version,
  toLsp: (uri, list) => codec.out(list.map((d) => toLspDiagnostic(d, settings.rulesDocumentationUrl)), uri),
  guarded,
};
const closedReports = new ClosedReports();
registerPullDiagnostics(connection, pullHost);

connection.onRequest(BEFORE_INITIALIZE_METHOD, (params: { method?: unknown } | undefined) => {
  throw notInitializedError(params?.method);
});

connection.onRequest(AFTER_SHUTDOWN_METHOD, (params: { method?: unknown } | undefined) => {
  throw afterShutdownError(params?.method);
});

connection.onShutdown(() => {
  shutDown = true;
  // Nothing is published after shutdown: drop the validations still waiting for their debounce.
  for (const uri of [...pending.keys()]) cancelPending(uri);
});

process.on('uncaughtException', (error) => logError('uncaught exception', error));
process.on('unhandledRejection', (error) => logError('unhandled rejection', error));

documents.listen(connection);
connection.listen();
