// The VS Code side of esgmark: a thin client that starts the language server (dist/server.js) the first
// time an ESG Markdown document is seen, switches Markdown files with an `esg:` front matter to
// `esg-markdown`, and hosts the views of the report the server builds: the KPI preview panel, the HKEX
// coverage tree and the status bar summary. All checking happens in the server.
// This bundle (dist/client.js) must not import vscode-languageclient at run time: see loadLsp().
import * as vscode from 'vscode';
// Types only: the language client's code lives in dist/lsp.js (client/src/lsp.ts), loaded by loadLsp().
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ServerState } from './lsp';
import {
  GENERATE_INDEX_TABLE_COMMAND,
  hasEsgFrontMatter,
  type GenerateIndexTableResult,
} from '../../server/src/protocol';
import { exportKpis, insertKpiTable } from './commands';
import {
  CoverageProvider,
  OPEN_REQUIREMENT_COMMAND,
  REPORT_SEEN_CONTEXT,
  COVERAGE_VIEW_ID,
  openRequirement,
  pickObligationFilter,
  pickPartFilter,
} from './coverage';
import { PreviewPanel } from './preview';
import { LANGUAGE_ID, ReportStore } from './reportStore';
import { CoverageStatusBar, OPEN_COVERAGE_COMMAND } from './statusBar';
import { EsgLanguageStatus } from './languageStatus';

/** A front matter is short: only the first lines of a Markdown file are read. */
const FRONT_MATTER_SCAN_LINES = 50;

export { LANGUAGE_ID };
/** Documents the server gets; `markdown` is included so a file the user keeps as Markdown is still checked. */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];
const DOCUMENT_SELECTOR = SCHEMES.flatMap((scheme) => [
  { scheme, language: LANGUAGE_ID },
  { scheme, language: 'markdown' },
]);

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient | undefined> | undefined;
let log: vscode.LogOutputChannel;
let store: ReportStore | undefined;
/** Documents switched to esg-markdown once; if the user switches one back, we respect that. */
const switchedOnce = new Set<string>();

function firstLines(document: vscode.TextDocument): string[] {
  const count = Math.min(document.lineCount, FRONT_MATTER_SCAN_LINES);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(document.lineAt(i).text);
  return lines;
}

function isEsgDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === LANGUAGE_ID) return true;
  return document.languageId === 'markdown' && hasEsgFrontMatter(firstLines(document).join('\n'));
}

async function onDocumentSeen(document: vscode.TextDocument, context: vscode.ExtensionContext): Promise<void> {
  try {
    if (document.languageId === LANGUAGE_ID) {
      await ensureClient(context);
      return;
    }
    if (document.languageId !== 'markdown' || !SCHEMES.includes(document.uri.scheme)) return;
    if (!hasEsgFrontMatter(firstLines(document).join('\n'))) return;
    const key = document.uri.toString();
    if (switchedOnce.has(key)) {
      // The user chose Markdown after our switch: keep it, the server still checks `markdown` documents.
      await ensureClient(context);
      return;
    }
    switchedOnce.add(key);
    log.info(`switching ${document.uri.fsPath || key} to ${LANGUAGE_ID} (front matter has esg:)`);
    // This closes and re-opens the document with the new language, which comes back here.
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  } catch (error) {
    log.error(`could not handle ${document.uri.toString()}: ${String(error)}`);
  }
}

function ensureClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  starting ??= startClient(context);
  return starting;
}

type LspModule = typeof import('./lsp');
let lsp: LspModule | undefined;

/**
 * The language client bundle, required on first use. The path is built at run time so esbuild leaves the
 * `require` alone instead of bundling lsp.ts (and vscode-languageclient) into this file.
 */
function loadLsp(context: vscode.ExtensionContext): LspModule {
  // A run-time require of the server bundle: activation stays light until a report is opened.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lsp ??= require(context.asAbsolutePath('dist/lsp.js')) as LspModule;
  return lsp;
}

async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  const module = context.asAbsolutePath('dist/server.js');
  try {
    const created = loadLsp(context).createLanguageClient({
      serverModule: module,
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: log,
      onGaveUp: (decision) => void reportServerGaveUp(decision.crashInWindow, Math.round(decision.windowMs / 60_000)),
    });
    log.info(`starting language server ${module}`);
    await created.start();
    client = created;
    if (store) context.subscriptions.push(store.attach(created));
    log.info('language server started');
    return created;
  } catch (error) {
    starting = undefined; // allow a later document or the restart command to try again
    log.error(`language server failed to start: ${String(error)}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('esgmark: the language server could not start. See the esgmark output for details.'),
    );
    return undefined;
  }
}

async function generateIndexTable(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isEsgDocument(editor.document)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Open an ESG Markdown report (*.esg.md) to generate its HKEX index table.'),
    );
    return;
  }
  const languageClient = await ensureClient(context);
  if (!languageClient) return;
  const uri = editor.document.uri.toString();
  try {
    const result = (await loadLsp(context).executeServerCommand(languageClient, GENERATE_INDEX_TABLE_COMMAND, [
      uri,
    ])) as Partial<GenerateIndexTableResult> | null;
    if (!result?.applied) {
      log.warn(`index table for ${uri} was not applied`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('esgmark could not insert the index table into this document.'),
      );
      return;
    }
    log.info(`index table generated for ${uri}`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('esgmark: HKEX index table inserted.'), 4000);
  } catch (error) {
    log.error(`generateIndexTable failed: ${String(error)}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('esgmark could not generate the index table: {0}', String(error)),
    );
  }
}

/**
 * The server crashed too often and the client stopped restarting it (see restartPolicy.ts). The crash
 * lines are in the output; this tells the user where to look and how to start the server again.
 */
async function reportServerGaveUp(crashes: number, minutes: number): Promise<void> {
  const showOutput = vscode.l10n.t('Show Output');
  const restart = vscode.l10n.t('Restart Language Server');
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t(
      'esgmark: the language server stopped unexpectedly {0} times in {1} minutes and will not be restarted automatically. See the esgmark output for details, then run "esgmark: Restart Language Server" to start it again.',
      crashes,
      minutes,
    ),
    showOutput,
    restart,
  );
  if (choice === showOutput) log.show(true);
  else if (choice === restart) await vscode.commands.executeCommand('esgmark.restartServer');
}

async function restartServer(context: vscode.ExtensionContext): Promise<void> {
  try {
    if (client) {
      log.info('restarting language server');
      await loadLsp(context).restartLanguageClient(client);
      log.info('language server restarted');
      return;
    }
    await ensureClient(context);
  } catch (error) {
    log.error(`restart failed: ${String(error)}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('esgmark: the language server could not restart. See the esgmark output for details.'),
    );
  }
}

/** What the extension returns from `activate`: its views, for the end-to-end tests and other extensions. */
export interface EsgmarkApi {
  store: ReportStore;
  preview: PreviewPanel;
  coverage: CoverageProvider;
  statusBar: CoverageStatusBar;
  /** The language status item of ESG Markdown (coverage, issuer profile, framework, time of the last analysis). */
  languageStatus: EsgLanguageStatus;
  /**
   * The folder the `esgmark` output channel's log file is written to (`context.logUri`). For the
   * end-to-end tests, which read the output from there; not a stable interface for other extensions.
   */
  logUri: vscode.Uri;
  /** The language client's state and its server's pid, polled by the end-to-end tests (stopped before the first start). */
  server(): ServerState;
}

async function openCoverage(): Promise<void> {
  // The view is hidden until a report has been seen; show it, then focus it.
  await vscode.commands.executeCommand('setContext', REPORT_SEEN_CONTEXT, true);
  await vscode.commands.executeCommand(`${COVERAGE_VIEW_ID}.focus`);
}

export function activate(context: vscode.ExtensionContext): EsgmarkApi {
  log = vscode.window.createOutputChannel('esgmark', { log: true });
  const reports = new ReportStore(() => ensureClient(context), log);
  store = reports;
  const preview = new PreviewPanel(context.extensionUri, reports, log);
  const coverage = new CoverageProvider(reports, context.workspaceState);
  const statusBar = new CoverageStatusBar(reports);
  const languageStatus = new EsgLanguageStatus(reports);
  const markSeen = () => {
    if (reports.current) void vscode.commands.executeCommand('setContext', REPORT_SEEN_CONTEXT, true);
  };
  context.subscriptions.push(
    log,
    reports,
    preview,
    coverage,
    statusBar,
    languageStatus,
    reports.onDidChangeCurrent(markSeen),
    vscode.commands.registerCommand('esgmark.generateIndexTable', () => generateIndexTable(context)),
    vscode.commands.registerCommand('esgmark.restartServer', () => restartServer(context)),
    vscode.commands.registerCommand('esgmark.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('esgmark.openPreview', () => preview.show()),
    vscode.commands.registerCommand(OPEN_COVERAGE_COMMAND, () => openCoverage()),
    // Other extensions and tests may pass `{ format: 'csv' | 'json', target: Uri }` to skip the questions.
    vscode.commands.registerCommand('esgmark.exportKpis', (options?: { format?: unknown; target?: unknown }) =>
      exportKpis(reports, {
        format: options?.format === 'csv' || options?.format === 'json' ? options.format : undefined,
        target: options?.target instanceof vscode.Uri ? options.target : undefined,
      }),
    ),
    vscode.commands.registerCommand('esgmark.copyKpisAsCsv', () =>
      exportKpis(reports, { format: 'csv', action: 'copy' }),
    ),
    vscode.commands.registerCommand('esgmark.insertKpiTable', (aspect?: unknown) =>
      insertKpiTable(reports, context.extensionUri, typeof aspect === 'string' ? aspect : undefined),
    ),
    vscode.commands.registerCommand(OPEN_REQUIREMENT_COMMAND, (uri: unknown, id: unknown) =>
      typeof uri === 'string' && typeof id === 'string' ? openRequirement(reports, uri, id, log) : undefined,
    ),
    vscode.commands.registerCommand('esgmark.coverage.filterByPart', () => pickPartFilter(coverage)),
    vscode.commands.registerCommand('esgmark.coverage.filterByObligation', () => pickObligationFilter(coverage)),
    vscode.commands.registerCommand('esgmark.coverage.showOnlyMissing', () =>
      coverage.setFilters({ onlyMissing: true }),
    ),
    vscode.commands.registerCommand('esgmark.coverage.showAll', () => coverage.setFilters({ onlyMissing: false })),
    vscode.commands.registerCommand('esgmark.coverage.clearFilters', () =>
      coverage.setFilters({
        parts: ['B', 'C', 'D'],
        obligations: ['mandatory', 'comply-or-explain', 'voluntary', 'deleted'],
        onlyMissing: false,
      }),
    ),
    vscode.workspace.onDidOpenTextDocument((document) => onDocumentSeen(document, context)),
  );
  markSeen();
  for (const document of vscode.workspace.textDocuments) void onDocumentSeen(document, context);
  const server = (): ServerState =>
    client ? loadLsp(context).serverStateOf(client) : { state: 'stopped', pid: undefined };
  return { store: reports, preview, coverage, statusBar, languageStatus, logUri: context.logUri, server };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  starting = undefined;
  store = undefined;
  if (running) await running.stop();
}
