// The KPI preview panel: a webview beside the report that follows the active esg-markdown editor. The
// page (client/webview, bundled to dist/webview) is loaded once; every change of the report only posts
// `{type:'update', model}`, so the page keeps its scroll position, open details and chart state. The
// page asks back to reveal a cell in the editor or to export the KPIs.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { previewHtml } from '../webview/html';
import type { FromPreviewMessage, Range, ReportModel, ToPreviewMessage } from '../../server/src/protocol';
import { exportKpis } from './commands';
import type { ReportStore } from './reportStore';

export const PREVIEW_VIEW_TYPE = 'esgmark.preview';

/** Messages the page may post; anything else is ignored (the page is not trusted more than necessary). */
type FromPage = FromPreviewMessage;

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | null;
  return (
    !!p &&
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    (p.line as number) >= 0 &&
    (p.character as number) >= 0
  );
}

export function parsePageMessage(message: unknown): FromPage | undefined {
  const m = message as Record<string, unknown> | null;
  if (!m || typeof m !== 'object') return undefined;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'reveal' && typeof m.uri === 'string') {
    const range = m.range as { start?: unknown; end?: unknown } | undefined;
    if (!range || !isPosition(range.start) || !isPosition(range.end)) return undefined;
    return { type: 'reveal', uri: m.uri, range: { start: range.start, end: range.end } };
  }
  if (
    m.type === 'export' &&
    (m.format === 'csv' || m.format === 'json') &&
    (m.action === 'copy' || m.action === 'save')
  ) {
    return { type: 'export', format: m.format, action: m.action };
  }
  return undefined;
}

/** Opens `uri` in the editor that shows it (or beside the preview), selects `range` and centres it. */
export async function revealInEditor(uri: vscode.Uri, range: Range): Promise<vscode.TextEditor> {
  const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    preserveFocus: false,
    selection: target,
  });
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenter);
  return editor;
}

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** The report shown; it changes when another esg-markdown editor becomes active. */
  private shownUri: string | undefined;
  /** The model last posted, so a page that reloads (hidden then shown again) gets it at once. */
  private posted: ReportModel | undefined;
  private ready = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ReportStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      store.onDidChangeCurrent((uri) => {
        if (!this.panel || uri === undefined) return;
        this.shownUri = uri;
        this.updateTitle();
        this.post(store.model(uri));
      }),
      store.onDidChangeModel(({ uri, model }) => {
        if (this.panel && uri === this.shownUri) this.post(model);
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** True once the page has loaded and said 'ready' (and has not been unloaded since). */
  get pageReady(): boolean {
    return this.ready;
  }

  /** For tests and the status line: the model the page was last given. */
  get lastPosted(): ReportModel | undefined {
    return this.posted;
  }

  show(): void {
    const uri = this.store.current;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      this.create();
    }
    if (uri) {
      this.shownUri = uri;
      this.updateTitle();
      const known = this.store.model(uri);
      if (known) this.post(known);
      void this.store.refresh(uri);
    }
  }

  private create(): void {
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('KPI Preview'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The page keeps its own state with setState; a hidden panel is unloaded and re-rendered when shown.
      { enableScripts: true, localResourceRoots: [root], retainContextWhenHidden: false, enableFindWidget: true },
    );
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'docs', 'images', 'icon.png');
    this.panel = panel;
    this.ready = false;
    this.posted = undefined;
    panel.webview.html = this.html(panel.webview, root);
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((message) => this.onMessage(message)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // A page that was unloaded while hidden posts 'ready' again; until then nothing can be posted.
        if (!webviewPanel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
        this.posted = undefined;
        this.ready = false;
      }),
    ];
  }

  private html(webview: vscode.Webview, root: vscode.Uri): string {
    const locale = this.store.model(this.store.current)?.locale ?? vscode.env.language;
    return previewHtml({
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.css')).toString(),
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64url'),
      locale,
    });
  }

  private updateTitle(): void {
    if (!this.panel || !this.shownUri) return;
    const name = vscode.Uri.parse(this.shownUri).path.split('/').pop() ?? '';
    this.panel.title = vscode.l10n.t('KPI Preview: {0}', name);
  }

  private post(model: ReportModel | undefined): void {
    if (!this.panel || !model) return;
    this.posted = model;
    if (!this.ready) return; // sent on 'ready'
    void this.panel.webview.postMessage({ type: 'update', model } satisfies ToPreviewMessage).then(
      (delivered) => {
        if (!delivered) this.ready = false;
      },
      (error) => this.log.warn(`preview: could not post the update: ${String(error)}`),
    );
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parsePageMessage(raw);
    if (!message) return;
    try {
      if (message.type === 'ready') {
        this.ready = true;
        const model = this.posted ?? this.store.model(this.shownUri);
        if (model) this.post(model);
        else if (this.shownUri) void this.store.refresh(this.shownUri);
      } else if (message.type === 'reveal') {
        const uri = vscode.Uri.parse(message.uri);
        // Only documents of the report: the shown file, or (multi-file reports) files on the same scheme.
        const shownScheme = this.shownUri ? vscode.Uri.parse(this.shownUri).scheme : 'file';
        if (uri.scheme !== shownScheme) return;
        await revealInEditor(uri, message.range);
      } else if (message.type === 'export') {
        const report = this.shownUri ? vscode.Uri.parse(this.shownUri) : undefined;
        await exportKpis(this.store, { report, format: message.format, action: message.action });
      }
    } catch (error) {
      this.log.error(`preview: ${message.type} failed: ${String(error)}`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
