// The language status item of ESG Markdown (the `{}` next to the language in the status bar): the
// report's HKEX coverage, the issuer profile and the framework the obligations were worked out for,
// and when the report was last analysed. Busy from an edit until the server's new analysis arrives.
import * as vscode from 'vscode';
import type { ReportModel } from '../../server/src/protocol';
import { LANGUAGE_ID, type ReportStore } from './reportStore';
import { coverageSummary, missingCount, OPEN_COVERAGE_COMMAND } from './statusBar';

/** The framework line: the Code, and whether it applied or was only guidance for the financial year. */
export function frameworkText(model: ReportModel): string {
  const code =
    model.reporting?.codeVersion === 'pre-2025'
      ? vscode.l10n.t('HKEX ESG Reporting Code (2025), as guidance')
      : vscode.l10n.t('HKEX ESG Reporting Code (2025)');
  // The other frameworks claimed in esg.frameworks, each with its counts (the server's words, in the report's language).
  const claimed = (model.frameworks ?? []).map((f) => f.summary);
  return [code, ...claimed].join(' + ');
}

/** 'Main Board · FY2025' (the financial year marked as assumed when the report gives no period). */
export function profileText(model: ReportModel): string {
  const reporting = model.reporting;
  if (!reporting) return '';
  const year = reporting.known ? reporting.fyLabel : vscode.l10n.t('{0} (assumed: no esg.period)', reporting.fyLabel);
  const issuer =
    reporting.issuerClass === 'gem'
      ? vscode.l10n.t('GEM')
      : reporting.issuerClass === 'largecap'
        ? vscode.l10n.t('LargeCap')
        : vscode.l10n.t('Main Board');
  return `${issuer} · ${year}`;
}

export class EsgLanguageStatus implements vscode.Disposable {
  readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** When the model of each report last arrived. */
  private readonly analysedAt = new Map<string, Date>();

  constructor(private readonly store: ReportStore) {
    this.item = vscode.languages.createLanguageStatusItem('esgmark.status', { language: LANGUAGE_ID });
    this.item.name = vscode.l10n.t('esgmark report status');
    this.item.command = { title: vscode.l10n.t('Open coverage'), command: OPEN_COVERAGE_COMMAND };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // An edit of the report in view: its analysis is now being made.
        if (event.contentChanges.length > 0 && event.document.uri.toString() === this.currentUri()) {
          this.item.busy = true;
        }
      }),
      store.onDidChangeModel(({ uri, model }) => {
        if (model) this.analysedAt.set(uri, new Date());
        else this.analysedAt.delete(uri);
        if (uri === this.currentUri()) this.update();
      }),
    );
    this.update();
  }

  private currentUri(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === LANGUAGE_ID ? editor.document.uri.toString() : this.store.current;
  }

  update(): void {
    const uri = this.currentUri();
    const model = this.store.model(uri);
    this.item.busy = false;
    if (!model || !uri) {
      this.item.text = vscode.l10n.t('$(loading~spin) esgmark');
      this.item.detail = vscode.l10n.t('Analysing the report…');
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const missing = missingCount(model);
    const at = this.analysedAt.get(uri);
    this.item.text = `$(checklist) ${coverageSummary(model)}`;
    const parts = [
      profileText(model),
      frameworkText(model),
      at ? vscode.l10n.t('analysed at {0}', at.toLocaleTimeString()) : '',
    ].filter(Boolean);
    this.item.detail = parts.join(' · ');
    this.item.severity =
      missing > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('HKEX coverage {0}, {1} missing; {2}', coverageSummary(model), missing, parts.join(', ')),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
