// What every part of the language server shares: the connection, the open documents and the position
// codec, the caches of analyses, projects, linked reports and project files, what the client can do,
// and the settings. server.ts creates one; the handlers (lsp/features.ts, lsp/viewRequests.ts), the
// scheduling (lsp/validation.ts) and the views of a document (lsp/views.ts) read it.
import { ResponseError, TextDocuments, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalysisOptions, OpenReportAnalysis } from '../engine';
import { AnalysisCache, isEsgDocument } from './documents';
import { Projects } from './projects';
import { CrossReports } from './crossReports';
import { ProjectConfigs } from './projectConfigs';
import { ClosedReports } from './pullHandlers';
import { DiagnosticConverter } from './publish';
import { lineOfDocument, PositionCodec } from './encoding';
import { checkpoint, throwIfCancelled } from './requests';
import { DEFAULT_SETTINGS, normalizeSettings, toAnalysisOptions, type ServerSettings } from './settings';

/** What the client said it can do, at `initialize`. */
export interface ClientAbilities {
  configuration: boolean;
  dynamicConfigurationRegistration: boolean;
  dynamicWatchedFiles: boolean;
  workspaceFolders: boolean;
  /** The client pulls diagnostics (`textDocument.diagnostic`): they are not pushed as well, or it would show them twice. */
  pullsDiagnostics: boolean;
  /** The client can be asked to pull again (`workspace.diagnostics.refreshSupport`), after an edit changes other files' findings. */
  refreshesDiagnostics: boolean;
  /** The client applies snippet edits in workspace edits (LSP 3.18 `workspaceEdit.snippetEditSupport`, with `documentChanges`). */
  takesSnippetEdits: boolean;
  /** The client inserts snippet completions (`completionItem.snippetSupport`). */
  insertsSnippets: boolean;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export class Session {
  /** Converts positions between the engine (UTF-16) and the encoding negotiated with the client. */
  readonly codec = new PositionCodec((uri, line) => this.lineOf(uri, line));
  // Incremental changes arrive in the client's encoding: converted before they are applied.
  readonly documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => this.codec.update(document, changes, version),
  });
  readonly cache = new AnalysisCache();
  /** Multi-file reports: a root whose front matter lists `esg.chapters`, analysed as one report. */
  readonly projects = new Projects((uri) => this.documents.get(uri)?.getText());
  /** The analysis of a linked report open in the editor (set by server.ts: lsp/views.ts makes it). */
  openAnalysis: OpenReportAnalysis = () => undefined;
  /** The reports each report links (translations, last year's), analysed once and kept until they change. */
  readonly crossReports = new CrossReports((uri, text) => this.openAnalysis(uri, text));
  /** The project files `.esgmark.yaml` of the reports, read through the same gate as their chapters. */
  readonly projectConfigs = new ProjectConfigs((uri) => this.projects.workspaceFor(uri));
  /** Reports pulled while not open. */
  readonly closedReports = new ClosedReports();
  /** LSP forms of the diagnostics published, reused for the ones the next analysis keeps. */
  readonly publishing = new DiagnosticConverter();

  client: ClientAbilities = {
    configuration: false,
    dynamicConfigurationRegistration: false,
    dynamicWatchedFiles: false,
    workspaceFolders: false,
    pullsDiagnostics: false,
    refreshesDiagnostics: false,
    takesSnippetEdits: false,
    insertsSnippets: false,
  };
  /** The workspace folders as last told by the client (kept to apply added/removed events). */
  workspaceFolders: string[] = [];
  settings: ServerSettings = { ...DEFAULT_SETTINGS, severity: {} };
  /** Bumped whenever settings change so cached analyses made with the old settings are not reused. */
  settingsGeneration = 0;
  /** Resolves once the first settings pull finished; validation waits for it so the first publish already uses them. */
  settingsReady: Promise<void> = Promise.resolve();

  /**
   * Fault injection for tests and support: ESGMARK_FAULT_RULES=rule/a,rule/b makes those rules throw, to
   * show that the server logs the failure, drops that rule's results and still publishes the others'.
   */
  private readonly faultRules = new Set(
    (process.env.ESGMARK_FAULT_RULES ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  );

  constructor(readonly connection: Connection) {}

  logError(where: string, error: unknown): void {
    try {
      this.connection.console.error(`esgmark: ${where} failed: ${errorText(error)}`);
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
  async guarded<T>(
    where: string,
    fallback: T,
    token: CancellationToken | undefined,
    run: () => T | Promise<T>,
    sideEffects = false,
  ): Promise<T> {
    try {
      await checkpoint(token);
      const result = await run();
      // A handler with side effects (an applied edit) reports what it did even when cancelled late.
      if (!sideEffects) throwIfCancelled(token);
      return result;
    } catch (error) {
      // RequestCancelled (and any other protocol error) is the answer itself, not a failure.
      if (error instanceof ResponseError) throw error;
      this.logError(where, error);
      return fallback;
    }
  }

  /**
   * The engine's options for a report: its project file's values under the settings the user set
   * explicitly (the time budget included); a rule that throws is logged and its results dropped.
   */
  engineOptions(uri: string): AnalysisOptions {
    return this.projectConfigs.options(uri, {
      ...toAnalysisOptions(this.settings),
      onRuleError: (rule: string, error: unknown) => this.logError(`rule ${rule}`, error),
      ...(this.faultRules.size ? { faultRules: this.faultRules } : {}),
    });
  }

  shouldCheck(document: TextDocument): boolean {
    return isEsgDocument(document.languageId, document.getText());
  }

  /** Analyses already logged as stopped at a limit (each is logged once, however often it is served). */
  private readonly loggedLimits = new WeakSet<Analysis>();

  /** The output channel says when an analysis hit the size cap or its time budget; the diagnostic says it to the author. */
  logLimits(analysis: Analysis): void {
    if (this.loggedLimits.has(analysis)) return;
    this.loggedLimits.add(analysis);
    for (const d of analysis.diagnostics) {
      if (d.rule !== 'esg/budget' && d.rule !== 'esg/too-large') continue;
      try {
        this.connection.console.warn(`esgmark: ${analysis.model.uri}: ${d.message}`);
      } catch {
        // The connection is gone; the diagnostic is all there is.
      }
    }
  }

  /** Pulls the settings from the client (workspace/configuration), when it has them. */
  async pullSettings(): Promise<void> {
    if (!this.client.configuration) return;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ section: 'esgmark' });
      this.settings = normalizeSettings(raw);
    } catch (error) {
      this.logError('reading the esgmark settings', error);
    }
    this.settingsGeneration++;
  }

  /** Texts of files that are not open, read for position conversion, kept briefly (a result names a file many times). */
  private readonly convertedTexts = new Map<string, { lines: string[]; at: number }>();

  /** A line of a file as the server sees it: the open document, else the file through the gate. */
  lineOf(uri: string, line: number): string | undefined {
    const document = this.documents.get(uri);
    if (document) return lineOfDocument(document, line);
    let entry = this.convertedTexts.get(uri);
    if (!entry || Date.now() - entry.at > 2000) {
      const text = this.projects.text(uri);
      if (text === undefined) return undefined;
      if (this.convertedTexts.size > 64) this.convertedTexts.clear();
      entry = { lines: text.split(/\r\n|\r|\n/), at: Date.now() };
      this.convertedTexts.set(uri, entry);
    }
    return entry.lines[line];
  }
}
