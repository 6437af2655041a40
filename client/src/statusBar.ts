// The status bar summary of the active report's HKEX coverage ('B 3/3 · C 44/45 · D 20/25'); a click
// opens the coverage view. Shown only while an esg-markdown editor is active.
import * as vscode from 'vscode';
import type { ReportModel } from '../../server/src/protocol';
import { isEsgEditor, type ReportStore } from './reportStore';

export const OPEN_COVERAGE_COMMAND = 'esgmark.openCoverage';

/** 'B 3/3 · C 44/45 · D 20/25': addressed (disclosed or explained) / required per part. */
export function coverageSummary(model: ReportModel): string {
  return model.coverage.parts.map((p) => `${p.part} ${p.addressed}/${p.required}`).join(' · ');
}

/** 'GRI 40/114 · HKFRS S2 20/53': each claimed framework besides the HKEX Code, addressed / in force. */
export function frameworksSummary(model: ReportModel): string {
  return (model.frameworks ?? []).map((f) => f.summary.replace(/\s*[(（].*$/, '')).join(' · ');
}

export function missingCount(model: ReportModel): number {
  return model.requirements.filter(
    (r) => r.status === 'missing' && (r.obligation === 'mandatory' || r.obligation === 'comply-or-explain'),
  ).length;
}

export class CoverageStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: ReportStore) {
    this.item = vscode.window.createStatusBarItem('esgmark.coverage', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('esgmark HKEX coverage');
    this.item.command = OPEN_COVERAGE_COMMAND;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChangeModel(({ uri }) => {
        if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const model = isEsgEditor(editor) ? this.store.model(editor.document.uri.toString()) : undefined;
    if (!model) {
      this.item.hide();
      return;
    }
    const missing = missingCount(model);
    const frameworks = frameworksSummary(model);
    this.item.text = `$(checklist) ${coverageSummary(model)}${frameworks ? ` · ${frameworks}` : ''}`;
    const claimed = (model.frameworks ?? []).map((f) => `${f.summary} — ${f.reason}`).join('\n');
    this.item.tooltip =
      (claimed ? `${claimed}\n` : '') +
      (missing === 0
        ? vscode.l10n.t(
            'HKEX coverage: every required disclosure is disclosed or explained. Click to open the coverage view.',
          )
        : vscode.l10n.t('HKEX coverage: {0} requirements missing. Click to open the coverage view.', missing));
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('HKEX coverage {0}, {1} missing', coverageSummary(model), missing),
    };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
