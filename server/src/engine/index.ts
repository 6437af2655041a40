// The engine's public API. The language server, the CLI and the tests call only this module.
// Everything here is synchronous, pure and free of `vscode`/LSP imports: input text, output data.
import { parseDocument } from './parser/document';
import { analyzeFully, optionsKey, reanalyze, type AnalysisReuse } from './reanalyze';
import type { EsgDocument } from './model';
import type { AnalysisOptions, CodeAction, Diagnostic, Locale, Position, Range } from './types';
import type { CompletionItem, DocumentSymbol, Hover, Location } from './features/types';
import { codeActionsFor } from './features/codeActions';
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
export type { AnalysisReuse } from './reanalyze';

export interface Analysis {
  model: EsgDocument;
  diagnostics: Diagnostic[];
  /** The locale messages were written in. */
  locale: Locale;
  options: AnalysisOptions;
  /** How this analysis was obtained (full parse or patched, rules run and kept): for tests and the benchmark. */
  reuse: AnalysisReuse;
}

const keys = new WeakMap<Analysis, string>();

/**
 * Parses a report and runs every enabled rule. Never throws on any input text.
 * With `previous`, an earlier analysis of the same document (same uri, same options), the work is
 * incremental where the edit allows: the result is the same as without it, only faster.
 */
export function analyze(doc: { uri: string; text: string }, options: AnalysisOptions = {}, previous?: Analysis): Analysis {
  const key = optionsKey(options);
  const core = (previous && keys.get(previous) === key && reanalyze(previous, doc.uri, doc.text, options)) || analyzeFully(parseDocument(doc.uri, doc.text), options);
  const analysis: Analysis = { model: core.model, diagnostics: core.diagnostics, locale: core.locale, options, reuse: core.reuse };
  keys.set(analysis, key);
  return analysis;
}

/** Quick fixes and refactorings for a range, given the diagnostics the editor shows there. */
export function getCodeActions(analysis: Analysis, range: Range, diagnostics: Diagnostic[] = analysis.diagnostics): CodeAction[] {
  return codeActionsFor(analysis, range, diagnostics);
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

/** The index table generated from the report's tags, and the edit that writes it into the report. */
export function generateIndexTable(analysis: Analysis): IndexTableEdit {
  return buildIndexTable(analysis);
}

/** One lens per KPI table: how many figures are checked and how many disagree. */
export function getCodeLenses(analysis: Analysis): CodeLens[] {
  return codeLenses(analysis);
}

/** The report as the preview, the coverage view and the export see it (cached per analysis; never throws). */
export function getReportModel(analysis: Analysis): ReportModel {
  return buildReportModel(analysis);
}

/** The KPIs of a report model as CSV (RFC 4180, UTF-8 with BOM) or JSON (see docs/cli.md). */
export function exportKpis(model: ReportModel, format: ExportFormat): string {
  return exportKpiModel(model, format);
}
