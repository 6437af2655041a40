// One place where the client asks the language server for a report's model (`esgmark/report`), shared by
// the preview panel, the coverage view and the status bar. The server says when a report changed
// (`esgmark/reportChanged` after each publishDiagnostics); the store then fetches the model once for the
// report being shown, keeps at most one request in flight per document and drops answers that a newer
// one has overtaken, so typing never queues a backlog of requests.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ExportRequest,
  LANGUAGE_ID,
  ReportChangedNotification,
  ReportRequest,
  type ExportFormat,
  type ParamsOf,
  type ReportModel,
  type ResultOf,
} from '../../server/src/protocol';

export { LANGUAGE_ID, type ExportFormat };

interface Entry {
  model?: ReportModel;
  /** Document version the shown model was requested at. */
  version: number;
  inFlight?: Promise<void>;
  /** A change arrived while a request was in flight: ask again when it returns. */
  again: boolean;
}

export function isEsgEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return !!editor && editor.document.languageId === LANGUAGE_ID;
}

export class ReportStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<{ uri: string; model: ReportModel | undefined }>();
  private readonly currentChanged = new vscode.EventEmitter<string | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.currentChanged];
  private currentUri: string | undefined;

  /** Fires when the model of a document changed (undefined: the server has none for it any more). */
  readonly onDidChangeModel = this.changed.event;
  /** Fires when the report the views follow changed (another esg-markdown editor became active). */
  readonly onDidChangeCurrent = this.currentChanged.event;

  constructor(
    private readonly getClient: () => Promise<LanguageClient | undefined>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** The report the preview, the coverage view and the status bar show: the last active esg-markdown editor. */
  get current(): string | undefined {
    return this.currentUri;
  }

  model(uri: string | undefined): ReportModel | undefined {
    return uri === undefined ? undefined : this.entries.get(uri)?.model;
  }

  /**
   * Called once, when the client first has the server running. The client keeps this handler across
   * restarts, by the restart command or after a crash: a new server gets the open documents again,
   * analyses them and sends `esgmark/reportChanged`, and the report in view is fetched from it. Until
   * then requests fail and the views keep the last model (see `refresh`), so they do not go blank.
   */
  attach(client: LanguageClient): vscode.Disposable {
    return client.onNotification(
      ReportChangedNotification.method,
      (params: Partial<Record<keyof ParamsOf<typeof ReportChangedNotification>, unknown>>) => {
        if (typeof params?.uri !== 'string') return;
        this.onReportChanged(params.uri, typeof params.version === 'number' ? params.version : undefined);
      },
    );
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus moving to the preview, the output or a non-report file keeps the last report in view.
    if (!isEsgEditor(editor)) return;
    const uri = editor.document.uri.toString();
    if (uri === this.currentUri) return;
    this.currentUri = uri;
    this.currentChanged.fire(uri);
    void this.refresh(uri);
  }

  private forget(uri: string): void {
    if (!this.entries.delete(uri)) return;
    this.changed.fire({ uri, model: undefined });
    if (uri === this.currentUri) {
      this.currentUri = undefined;
      this.currentChanged.fire(undefined);
    }
  }

  private onReportChanged(uri: string, version: number | undefined): void {
    const entry = this.entries.get(uri);
    // Only the report in view is fetched; others are fetched when they come into view.
    if (uri !== this.currentUri) {
      if (entry) entry.version = -1; // what we hold for it is stale
      return;
    }
    if (entry && version !== undefined && version < entry.version) return; // an older analysis than the one shown
    void this.refresh(uri);
  }

  /** Fetches the model for `uri` now, or once more after the request in flight returns. */
  refresh(uri: string): Promise<void> {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { version: -1, again: false };
      this.entries.set(uri, entry);
    }
    if (entry.inFlight) {
      entry.again = true;
      return entry.inFlight;
    }
    const run = async (target: Entry): Promise<void> => {
      do {
        target.again = false;
        const version = this.documentVersion(uri);
        const model = await this.request(uri);
        if (this.entries.get(uri) !== target) return; // closed meanwhile
        if (model === undefined) continue; // the request failed; keep what is shown
        if (version < target.version) continue; // a newer model is already shown
        target.version = version;
        target.model = model ?? undefined;
        this.changed.fire({ uri, model: target.model });
      } while (target.again);
    };
    const inFlight = run(entry).finally(() => {
      if (entry) entry.inFlight = undefined;
    });
    entry.inFlight = inFlight;
    return inFlight;
  }

  /** Resolves once the model of `uri` is there (or the server says it has none); for commands run right after opening. */
  async ensure(uri: string): Promise<ReportModel | undefined> {
    const entry = this.entries.get(uri);
    if (entry?.model && !entry.inFlight) return entry.model;
    await this.refresh(uri);
    return this.entries.get(uri)?.model;
  }

  private documentVersion(uri: string): number {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version ?? 0;
  }

  /** The model, null when the server has no report for the document, undefined when the request failed. */
  private async request(uri: string): Promise<ReportModel | null | undefined> {
    const client = await this.getClient();
    if (!client) return undefined;
    try {
      return await client.sendRequest<ResultOf<typeof ReportRequest>>(ReportRequest.method, { uri } satisfies ParamsOf<
        typeof ReportRequest
      >);
    } catch (error) {
      this.log.warn(`${ReportRequest.method} for ${uri} failed: ${String(error)}`);
      return undefined;
    }
  }

  /** The KPIs of a report as CSV or JSON, written by the server (the same text as `esgmark kpis`). */
  async export(uri: string, format: ExportFormat): Promise<string | undefined> {
    const client = await this.getClient();
    if (!client) return undefined;
    try {
      const text = await client.sendRequest<ResultOf<typeof ExportRequest>>(ExportRequest.method, {
        uri,
        format,
      } satisfies ParamsOf<typeof ExportRequest>);
      return typeof text === 'string' ? text : undefined;
    } catch (error) {
      this.log.warn(`${ExportRequest.method} for ${uri} failed: ${String(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.entries.clear();
  }
}
