// The engine's public API. The language server, the CLI and the tests call only this module.
// Everything here is synchronous, pure and free of `vscode`/LSP imports: input text, output data.
import type { Analysis } from './analysis';
import { derivedOf, optionsKey } from './derived';
import type { CodeAction, Diagnostic, Position, Range } from './types';
import type { CompletionItem, DocumentSymbol, Hover, Location } from './features/types';
import { codeActionsFor } from './features/codeActions';
import { collectSafeFixes, type FixAllResult } from './features/fixAll';
import { hoverAt } from './features/hover';
import { completionsAt } from './features/completion';
import { definitionAt } from './features/definition';
import { documentSymbols } from './features/symbols';
import { buildIndexTable, type IndexTableEdit } from './features/indexTable';
import { codeLenses, type CodeLens } from './features/codeLens';
import { buildReportModel } from './features/report';
import { exportKpis as exportKpiModel, type ExportFormat } from './features/export';
import type { ReportModel } from './features/reportModel';

export * from './types';
export type { EsgDocument } from './model';
export type { CompletionItem, DocumentSymbol, Hover, Location } from './features/types';
export type { IndexTableEdit } from './features/indexTable';
export type { CodeLens } from './features/codeLens';
export type * from './features/reportModel';
export type { ExportFormat, KpiExport } from './features/export';
export { RULES, type RuleInfo } from './rules';
export type { SuppressedDiagnostic } from './rules/esg/suppression';
export type { AnalysisReuse } from './reanalyze';
export { RULES_DOCS_URL, ruleAnchor, ruleDocsUrl } from './ruleDocs';
export { applyTextEdits, SAFE_FIX_RULES, type AppliedFix, type FixAllResult } from './features/fixAll';
export type { Analysis } from './analysis';
export { analyze } from './analyze';
// Multi-file reports and the files around a report, read through an injected ReportWorkspace (the
// server's over open documents and the disk, the CLI's over the disk: server/src/host/workspace.ts).
export type { FileRead, ReadRefusal, ReportWorkspace } from './workspace';
export {
  analyzeProject,
  analyzeReport,
  chaptersOf,
  type LoadNotes,
  type ProjectAnalysis,
  type ProjectFile,
  type ProjectPart,
} from './project';
export {
  chapterEntries,
  chapterUris,
  loadChapters,
  type ChapterEntry,
  type ChapterProblem,
  type LoadedChapter,
  type LoadedChapters,
} from './chapters';
export { hasEsgFrontMatter } from './detect';
export { decodeText, type DecodedText, type TextEncoding } from './text/decode';
export { LIMITS } from './limits';
// The checks against the reports a report links (translations, last year's) and `esgmark compare`.
export {
  crossReport,
  LinkedReportCache,
  singleFileProject,
  singleFileView,
  suppressedIn,
  withCrossReport,
  type CrossReport,
  type OpenReportAnalysis,
  type LinkedReport,
  type ReportView,
} from './xreport/report';
export { crossHover } from './xreport/hover';
export { linkedColumns } from './xreport/preview';
export { linkEntries, mayLink } from './xreport/links';
export { compareReports, type FactPair, type Verdict } from './xreport/compare';
export { keyedFacts } from './derived';
export { crossReportActions, factText, lineOf, termOf } from './rules/xreport/common';
// What an editor keeps between analyses: whether a model's derived data is unchanged.
export { derivedUnchanged, modelToken, type ModelToken } from './reanalyze';
export type { ModelPart } from './rules/rule';
export { remapReportModel } from './features/report';
// Every framework a report claims: coverage per framework, and each framework's content index.
export {
  claimedFrameworks,
  frameworkCoverageOf,
  INDEX_CLASSES,
  type FrameworkCoverage,
  type FrameworkItemCoverage,
  type FrameworkItemStatus,
  type FrameworkPlace,
  type FrameworkSeverity,
  type ImpliedBy,
} from './features/coverage';
export {
  frameworkIndex,
  frameworkIndexEdit,
  frameworkIndexMarkdown,
  type FrameworkIndex,
  type FrameworkIndexEdit,
  type FrameworkIndexRow,
} from './features/indexFramework';
export { FRAMEWORK_IDS } from './catalogs/frameworks';
export { csvField, neutralizeFormula } from './features/export';
// Messages, numbers and lines as the engine writes and counts them, for the CLI's own output.
export { localized, t } from './i18n';
export { formatNumber } from './numbers/quantity';
export { getKpi } from './catalogs/kpis';
export { openMemberParent } from './recognition/labels';
export { lineText, offsetAt, splitLines } from './parser/lines';
export {
  EMPTY_PROJECT_CONFIG,
  FRAMEWORKS,
  PROJECT_FILE_NAME,
  findProjectFile,
  loadProjectConfig,
  mergeAnalysisOptions,
  parseProjectConfig,
  projectConfigDiagnostics,
  type LoadedProjectConfig,
  type ProjectConfig,
} from './projectConfig';

/** Quick fixes and refactorings for a range, given the diagnostics the editor shows there. */
export function getCodeActions(
  analysis: Analysis,
  range: Range,
  diagnostics: Diagnostic[] = analysis.diagnostics,
): CodeAction[] {
  return codeActionsFor(analysis, range, diagnostics);
}

/**
 * Every safe fix of the analysis (or of `diagnostics`) as one set of non-overlapping edits: what
 * `source.fixAll.esgmark` and `esgmark check --fix` apply (features/fixAll.ts).
 */
export function getFixAll(analysis: Analysis, diagnostics: readonly Diagnostic[] = analysis.diagnostics): FixAllResult {
  return collectSafeFixes(analysis, diagnostics);
}

export function getHover(analysis: Analysis, position: Position): Hover | undefined {
  return hoverAt(analysis, position);
}

export function getCompletions(analysis: Analysis, position: Position): CompletionItem[] {
  return completionsAt(analysis, position);
}

export function getDefinition(analysis: Analysis, position: Position): Location[] {
  return definitionAt(analysis, position);
}

export function getDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  return documentSymbols(analysis);
}

/** The index table generated from the report's tags, and the edit that writes it into the report (kept in the derived layer). */
export function generateIndexTable(analysis: Analysis): IndexTableEdit {
  return derivedOf(analysis.model).forAnalysis('indexTable', `${analysis.locale} ${optionsKey(analysis.options)}`, () =>
    buildIndexTable(analysis),
  );
}

/** One lens per KPI table: how many figures are checked and how many disagree. */
export function getCodeLenses(analysis: Analysis): CodeLens[] {
  return codeLenses(analysis);
}

/** The report as the preview, the coverage view and the export see it (cached per analysis; never throws). */
export function getReportModel(analysis: Analysis): ReportModel {
  return buildReportModel(analysis);
}

const exportTexts = new WeakMap<ReportModel, Map<ExportFormat, string>>();

/** The KPIs of a report model as CSV (RFC 4180, UTF-8 with BOM) or JSON (see docs/cli.md); cached per model and format. */
export function exportKpis(model: ReportModel, format: ExportFormat): string {
  let byFormat = exportTexts.get(model);
  if (!byFormat) {
    byFormat = new Map();
    exportTexts.set(model, byFormat);
  }
  let text = byFormat.get(format);
  if (text === undefined) {
    text = exportKpiModel(model, format);
    byFormat.set(format, text);
  }
  return text;
}
