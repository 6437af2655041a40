// Authoring commands that need no view of their own: export the KPIs (CSV / JSON, to the clipboard or a
// file) and insert the KPI table of one HKEX aspect as a snippet in the report's language.
import * as vscode from 'vscode';
import { isEsgEditor, type ExportFormat, type ReportStore } from './reportStore';

export type ExportAction = 'copy' | 'save';
type SnippetLocale = 'zh-Hant' | 'zh-Hans' | 'en';

/** The report a command acts on: the active esg-markdown editor, else the report the views follow. */
export function targetReport(store: ReportStore): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (isEsgEditor(editor)) return editor.document.uri;
  return store.current ? vscode.Uri.parse(store.current) : undefined;
}

function defaultExportUri(report: vscode.Uri, format: ExportFormat): vscode.Uri {
  const name = report.path.split('/').pop() ?? 'report';
  const stem = name.replace(/\.esg\.md$/i, '').replace(/\.md$/i, '') || 'report';
  return vscode.Uri.joinPath(report, '..', `${stem}-kpis.${format}`);
}

/** Copies or saves the KPIs of `report`; asks for the format and the file when not given. Returns where it went. */
export async function exportKpis(
  store: ReportStore,
  options: { report?: vscode.Uri; format?: ExportFormat; action?: ExportAction; target?: vscode.Uri } = {},
): Promise<vscode.Uri | 'clipboard' | undefined> {
  const report = options.report ?? targetReport(store);
  if (!report) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an ESG Markdown report (*.esg.md) to export its KPIs.'));
    return undefined;
  }
  let format = options.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'CSV', description: vscode.l10n.t('one row per figure, for spreadsheets'), format: 'csv' as const },
        {
          label: 'JSON',
          description: vscode.l10n.t('the full report model, for other tools'),
          format: 'json' as const,
        },
      ],
      { title: vscode.l10n.t('Export KPIs'), placeHolder: vscode.l10n.t('Export the KPIs as…') },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  const text = await store.export(report.toString(), format);
  if (text === undefined) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('esgmark could not export the KPIs of this report. See the esgmark output for details.'),
    );
    return undefined;
  }
  if (options.action === 'copy') {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('esgmark: KPIs copied as {0}.', format.toUpperCase()), 4000);
    return 'clipboard';
  }
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultExportUri(report, format),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export KPIs'),
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  vscode.window.setStatusBarMessage(
    vscode.l10n.t('esgmark: KPIs saved to {0}.', vscode.workspace.asRelativePath(target)),
    4000,
  );
  return target;
}

/** Which language a snippet should be in: the report's model says, else its front matter or script. */
export function snippetLocale(document: vscode.TextDocument, modelLocale?: string): SnippetLocale {
  const tag = (
    modelLocale ??
    /^(?:lang|\s+locale):\s*["']?([A-Za-z-]+)/m.exec(document.getText(new vscode.Range(0, 0, 40, 0)))?.[1] ??
    ''
  ).toLowerCase();
  if (tag.startsWith('zh')) return tag.includes('hans') || tag === 'zh-cn' || tag === 'zh-sg' ? 'zh-Hans' : 'zh-Hant';
  if (tag.startsWith('en')) return 'en';
  return /[\u4e00-\u9fff]/.test(document.getText()) ? 'zh-Hant' : 'en';
}

/** Aspects with a KPI table, in catalog order; the text shown in the quick pick. */
const ASPECT_NAMES: Record<string, () => string> = {
  A1: () => vscode.l10n.t('A1 Emissions: air emissions, GHG, waste'),
  A2: () => vscode.l10n.t('A2 Use of resources: energy, water, packaging'),
  B1: () => vscode.l10n.t('B1 Employment: employees by gender, age and region, turnover'),
  B2: () => vscode.l10n.t('B2 Health and safety: fatalities, lost days'),
  B3: () => vscode.l10n.t('B3 Development and training: employees trained, training hours'),
  B5: () => vscode.l10n.t('B5 Supply chain: suppliers by region'),
  B6: () => vscode.l10n.t('B6 Product responsibility: recalls, complaints'),
  B7: () => vscode.l10n.t('B7 Anti-corruption: cases, training'),
  B8: () => vscode.l10n.t('B8 Community investment: investment, volunteering'),
  D: () => vscode.l10n.t('D Climate (GHG): Scope 1, Scope 2, Scope 3 by category, total, intensity'),
};

type AspectTables = Record<string, Record<SnippetLocale, string[]>>;
let aspectTablesCache: AspectTables | undefined;

async function aspectTables(extensionUri: vscode.Uri): Promise<AspectTables> {
  if (!aspectTablesCache) {
    const bytes = await vscode.workspace.fs.readFile(
      vscode.Uri.joinPath(extensionUri, 'snippets', 'aspect-kpi-tables.json'),
    );
    aspectTablesCache = JSON.parse(new TextDecoder().decode(bytes)) as AspectTables;
  }
  return aspectTablesCache;
}

/** Inserts the KPI table of an aspect at the cursor (the snippet generated by scripts/gen-snippets.mjs). */
export async function insertKpiTable(store: ReportStore, extensionUri: vscode.Uri, aspect?: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!isEsgEditor(editor)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Open an ESG Markdown report (*.esg.md) to insert a KPI table.'),
    );
    return false;
  }
  let tables: AspectTables;
  try {
    tables = await aspectTables(extensionUri);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('esgmark could not read its KPI tables: {0}', String(error)));
    return false;
  }
  let chosen = aspect;
  if (!chosen) {
    const items = Object.keys(tables).map((id) => ({ label: ASPECT_NAMES[id]?.() ?? id, aspect: id }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Insert KPI Table for an Aspect'),
      placeHolder: vscode.l10n.t('HKEX aspect'),
      matchOnDescription: true,
    });
    if (!picked) return false;
    chosen = picked.aspect;
  }
  const locale = snippetLocale(editor.document, store.model(editor.document.uri.toString())?.locale);
  const body = tables[chosen]?.[locale];
  if (!body) return false;
  // A table needs blank lines around it to be a table; the cursor's line may hold text.
  const line = editor.document.lineAt(editor.selection.active.line);
  const before = line.isEmptyOrWhitespace ? '' : '\n\n';
  return editor.insertSnippet(new vscode.SnippetString(`${before}${body.join('\n')}\n`), editor.selection.active);
}
