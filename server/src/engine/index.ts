// The engine's public API. The language server, the CLI and the tests call only this module.
// Everything here is synchronous, pure and free of `vscode`/LSP imports: input text, output data.
import { parseDocument } from './recognition/document';
import { analyzeFully, optionsKey, reanalyze, type AnalysisReuse } from './reanalyze';
import type { EsgDocument } from './model';
import type { AnalysisOptions, CodeAction, Diagnostic, Locale, Position, Range } from './types';
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
import { LIMITS } from './limits';
import { clock, RULES, TOO_LARGE_RULE } from './rules';
import { applySuppressions, type SuppressedDiagnostic } from './rules/esg/suppression';
import { guessLocale, t } from './i18n';
import { formatNumber } from './numbers/quantity';

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
export { EMPTY_PROJECT_CONFIG, FRAMEWORKS, PROJECT_FILE_NAME, findProjectFile, loadProjectConfig, mergeAnalysisOptions, parseProjectConfig, projectConfigDiagnostics, type LoadedProjectConfig, type ProjectConfig } from './projectConfig';

export interface Analysis {
  model: EsgDocument;
  diagnostics: Diagnostic[];
  /** The locale messages were written in. */
  locale: Locale;
  options: AnalysisOptions;
  /** How this analysis was obtained (full parse or patched, rules run and kept): for tests and the benchmark. */
  reuse: AnalysisReuse;
  /** Findings silenced by `esgmark-disable` comments, with their reasons (not in `diagnostics`). */
  suppressed: SuppressedDiagnostic[];
  /** Every rule's findings before suppression: what the next incremental analysis keeps and moves. */
  unsuppressed: Diagnostic[];
}

const keys = new WeakMap<Analysis, string>();
const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/**
 * Parses a report and runs every enabled rule. Never throws on any input text.
 * With `previous`, an earlier analysis of the same document (same uri, same options), the work is
 * incremental where the edit allows: the result is the same as without it, only faster.
 */
export function analyze(doc: { uri: string; text: string }, options: AnalysisOptions = {}, previous?: Analysis): Analysis {
  const started = clock();
  if (doc.text.length > LIMITS.maxReportChars) return tooLarge(doc, options);
  const key = optionsKey(options);
  const base = previous && keys.get(previous) === key ? { model: previous.model, diagnostics: previous.unsuppressed, locale: previous.locale } : undefined;
  const core = (base && reanalyze(base, doc.uri, doc.text, options, started)) || analyzeFully(parseDocument(doc.uri, doc.text), options, started);
  const { diagnostics, suppressed } = applySuppressions(core.model, core.diagnostics, core.locale, options, RULE_IDS);
  const analysis: Analysis = { model: core.model, diagnostics, locale: core.locale, options, reuse: core.reuse, suppressed, unsuppressed: core.diagnostics };
  keys.set(analysis, key);
  return analysis;
}

/**
 * A report past `LIMITS.maxReportChars`: not parsed (the model is that of an empty text, so every feature
 * still answers), one diagnostic at the start naming the size and the limit. Never the base of a later
 * incremental analysis (no key), so the next version below the limit gets a full one.
 */
function tooLarge(doc: { uri: string; text: string }, options: AnalysisOptions): Analysis {
  // The locale from the override or the script of the first few KB: reading more would defeat the cap.
  const locale = options.locale ?? guessLocale(doc.text.slice(0, 4096)) ?? 'en';
  const override = options.severity?.[TOO_LARGE_RULE.id];
  const diagnostics: Diagnostic[] =
    override === 'off'
      ? []
      : [
          {
            uri: doc.uri,
            rule: TOO_LARGE_RULE.id,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: override ?? TOO_LARGE_RULE.defaultSeverity,
            message: t(locale, 'limit.tooLarge', { size: formatNumber(doc.text.length, 0), limit: formatNumber(LIMITS.maxReportChars, 0) }),
            data: { chars: doc.text.length, maxChars: LIMITS.maxReportChars },
          },
        ];
  return { model: parseDocument(doc.uri, ''), diagnostics, locale, options, reuse: { parse: 'full', rulesRun: 0, rulesKept: 0 }, suppressed: [], unsuppressed: diagnostics };
}

/** Quick fixes and refactorings for a range, given the diagnostics the editor shows there. */
export function getCodeActions(analysis: Analysis, range: Range, diagnostics: Diagnostic[] = analysis.diagnostics): CodeAction[] {
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

const indexTables = new WeakMap<Analysis, IndexTableEdit>();

/** The index table generated from the report's tags, and the edit that writes it into the report (cached per analysis). */
export function generateIndexTable(analysis: Analysis): IndexTableEdit {
  let table = indexTables.get(analysis);
  if (!table) {
    table = buildIndexTable(analysis);
    indexTables.set(analysis, table);
  }
  return table;
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
