// Engine data -> LSP data. The engine already uses LSP positions (0-based lines, UTF-16 columns), so
// these functions only rename fields and map enumerations; no position arithmetic happens here (a
// client that counts columns otherwise is served by lsp/encoding.ts).
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction as LspCodeAction,
  type CompletionItem as LspCompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol as LspDocumentSymbol,
  type Hover as LspHover,
  type Location as LspLocation,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import {
  ruleDocsUrl,
  RULES_DOCS_URL,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Range,
  type Severity,
  type TextEdit,
} from '../engine';

export const DIAGNOSTIC_SOURCE = 'esgmark';

/**
 * `Diagnostic.data` is the rule's own data (`RuleDiagnostic.data`), absent when it has none: with the
 * rule in `code` and the severity in `severity`, it is all a code action request needs to rebuild the
 * engine diagnostic. Nothing else is repeated in it: a large report's publication carries thousands.
 */
export type DiagnosticData = Record<string, unknown>;

const SEVERITY_TO_LSP: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const LSP_TO_SEVERITY: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function copyRange(range: Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function rangesEqual(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function comparePositions(a: Range['start'], b: Range['start']): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** True when the two ranges share at least one position (touching ranges count). */
export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function unionRange(a: Range, b: Range): LspRange {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? { ...a.start } : { ...b.start },
    end: comparePositions(a.end, b.end) >= 0 ? { ...a.end } : { ...b.end },
  };
}

/** `codeDescription.href` by documentation base, then rule (a few dozen rules, one or two bases). */
const docsHrefs = new Map<string, Map<string, string>>();

function docsHref(rule: string, base: string): string {
  let byRule = docsHrefs.get(base);
  if (!byRule) {
    if (docsHrefs.size > 8) docsHrefs.clear();
    docsHrefs.set(base, (byRule = new Map()));
  }
  let href = byRule.get(rule);
  if (href === undefined) byRule.set(rule, (href = ruleDocsUrl(rule, base)));
  return href;
}

/**
 * The optional fields of a diagnostic the client takes (`codeDescriptionSupport`, `relatedInformation`
 * of its diagnostics capabilities). Each is about a fifth of a large report's publication.
 */
export interface DiagnosticFields {
  codeDescription: boolean;
  relatedInformation: boolean;
}

export const ALL_DIAGNOSTIC_FIELDS: DiagnosticFields = Object.freeze({
  codeDescription: true,
  relatedInformation: true,
});

/** What the client's diagnostics capabilities, push or pull, declare; all fields for a client that declares neither. */
export function diagnosticFieldsOf(
  ...declared: ({ codeDescriptionSupport?: boolean; relatedInformation?: boolean } | undefined)[]
): DiagnosticFields {
  const given = declared.filter((c) => c !== undefined);
  if (given.length === 0) return ALL_DIAGNOSTIC_FIELDS;
  return {
    codeDescription: given.some((c) => c.codeDescriptionSupport === true),
    relatedInformation: given.some((c) => c.relatedInformation === true),
  };
}

/**
 * The LSP form of an engine diagnostic, with `codeDescription.href` at its rule's section of the rules
 * documentation. `docsBase` replaces the default page (the `esgmark.rulesDocumentationUrl` setting);
 * anything but a string (an array index, when used as a `map` callback) means the default.
 */
export function toLspDiagnostic(diagnostic: Diagnostic, docsBase?: unknown): LspDiagnostic {
  return toLspDiagnosticWith(diagnostic, docsBase, ALL_DIAGNOSTIC_FIELDS);
}

/** `toLspDiagnostic` with only the optional fields the client takes. */
export function toLspDiagnosticWith(
  diagnostic: Diagnostic,
  docsBase: unknown,
  fields: DiagnosticFields,
): LspDiagnostic {
  const range = copyRange(diagnostic.range);
  const severity = SEVERITY_TO_LSP[diagnostic.severity] ?? DiagnosticSeverity.Warning;
  // The same key order either way (the JSON of an unchanged diagnostic stays the same text).
  const result: LspDiagnostic = fields.codeDescription
    ? {
        range,
        severity,
        code: diagnostic.rule,
        codeDescription: {
          href: docsHref(diagnostic.rule, typeof docsBase === 'string' && docsBase ? docsBase : RULES_DOCS_URL),
        },
        source: DIAGNOSTIC_SOURCE,
        message: diagnostic.message,
      }
    : { range, severity, code: diagnostic.rule, source: DIAGNOSTIC_SOURCE, message: diagnostic.message };
  if (diagnostic.data !== undefined) result.data = diagnostic.data;
  if (fields.relatedInformation && diagnostic.related && diagnostic.related.length > 0) {
    result.relatedInformation = diagnostic.related.map((related) => ({
      location: { uri: related.uri, range: copyRange(related.range) },
      message: related.message,
    }));
  }
  return result;
}

function isDiagnosticData(value: unknown): value is DiagnosticData {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The rule id of a diagnostic the client sent back, or undefined when it is not one of ours. */
export function ruleOf(diagnostic: LspDiagnostic): string | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  return typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
}

/**
 * The engine diagnostic an LSP diagnostic from a code action request stands for: the one in the
 * current analysis with the same rule and range when there is one (it has the freshest data), else
 * one rebuilt from the `data` the server attached when publishing.
 */
export function fromLspDiagnostic(
  uri: string,
  diagnostic: LspDiagnostic,
  current: readonly Diagnostic[],
): Diagnostic | undefined {
  const rule = ruleOf(diagnostic);
  if (rule === undefined) return undefined;
  // Several diagnostics of one rule can share a range (missing requirements without a place of
  // their own): the message tells them apart.
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const match =
    current.find((d) => d.rule === rule && rangesEqual(d.range, diagnostic.range) && d.message === message) ??
    current.find((d) => d.rule === rule && rangesEqual(d.range, diagnostic.range));
  if (match) return match;
  const rebuilt: Diagnostic = {
    uri,
    range: copyRange(diagnostic.range),
    severity: LSP_TO_SEVERITY[diagnostic.severity ?? DiagnosticSeverity.Warning] ?? 'warning',
    rule,
    // LSP 3.18 allows Markdown messages; ours are always plain strings, but accept both.
    message,
  };
  if (isDiagnosticData(diagnostic.data)) rebuilt.data = diagnostic.data;
  return rebuilt;
}

export function toLspTextEdit(edit: TextEdit): LspTextEdit {
  return { range: copyRange(edit.range), newText: edit.newText };
}

export function toLspEditChanges(edits: Record<string, TextEdit[]>): Record<string, LspTextEdit[]> {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [uri, list] of Object.entries(edits)) changes[uri] = list.map(toLspTextEdit);
  return changes;
}

const ACTION_KIND: Record<CodeAction['kind'], string> = {
  quickfix: CodeActionKind.QuickFix,
  refactor: CodeActionKind.Refactor,
  source: CodeActionKind.Source,
};

/** `only` from the request context: an action matches when its kind equals or is nested under one of them. */
export function actionKindAllowed(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/**
 * @param clientDiagnostics the diagnostics the client sent, so the action points at the exact objects
 *   the editor displays (VS Code matches them by value, and `data` must survive the round trip).
 */
export function toLspCodeAction(
  action: CodeAction,
  clientDiagnostics: readonly LspDiagnostic[],
  snippets = false,
): LspCodeAction {
  const result: LspCodeAction = {
    title: action.title,
    kind: ACTION_KIND[action.kind] ?? CodeActionKind.QuickFix,
    // A client that takes snippet edits (LSP 3.18 `snippetEditSupport`) gets the snippet: the cursor lands where the author writes.
    edit:
      snippets && action.snippet
        ? {
            documentChanges: [
              {
                textDocument: { uri: action.snippet.uri, version: null },
                edits: [
                  { range: copyRange(action.snippet.range), snippet: { kind: 'snippet', value: action.snippet.value } },
                ],
              },
            ],
          }
        : { changes: toLspEditChanges(action.edits) },
  };
  if (action.isPreferred) result.isPreferred = true;
  if (action.diagnostics && action.diagnostics.length > 0) {
    result.diagnostics = action.diagnostics.map(
      (resolved) =>
        clientDiagnostics.find(
          (shown) => ruleOf(shown) === resolved.rule && rangesEqual(shown.range, resolved.range),
        ) ?? toLspDiagnostic(resolved),
    );
  }
  return result;
}

export function toLspHover(hover: Hover): LspHover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: copyRange(hover.range) };
}

const COMPLETION_KIND: Record<CompletionItem['kind'], CompletionItemKind> = {
  // Requirement ids are a closed, enumerated set of values.
  requirement: CompletionItemKind.EnumMember,
  kpi: CompletionItemKind.Field,
  unit: CompletionItemKind.Unit,
  attribute: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function toLspCompletionItem(item: CompletionItem): LspCompletionItem {
  const result: LspCompletionItem = { label: item.label, kind: COMPLETION_KIND[item.kind] ?? CompletionItemKind.Text };
  if (item.detail !== undefined) result.detail = item.detail;
  if (item.documentation !== undefined) result.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  if (item.sortText !== undefined) result.sortText = item.sortText;
  if (item.filterText !== undefined) result.filterText = item.filterText;
  if (item.snippet) result.insertTextFormat = InsertTextFormat.Snippet;
  const newText = item.insertText ?? item.label;
  if (item.range) result.textEdit = { range: copyRange(item.range), newText };
  else if (item.insertText !== undefined) result.insertText = item.insertText;
  return result;
}

export function toLspLocation(location: Location): LspLocation {
  return { uri: location.uri, range: copyRange(location.range) };
}

const SYMBOL_KIND: Record<DocumentSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  kpi: SymbolKind.Number,
  explanation: SymbolKind.String,
  index: SymbolKind.Array,
};

export function toLspDocumentSymbol(symbol: DocumentSymbol): LspDocumentSymbol {
  // VS Code rejects a symbol whose selectionRange lies outside its range or whose name is empty,
  // and then drops the whole outline; widen the range / name it instead.
  const range = rangeContains(symbol.range, symbol.selectionRange)
    ? copyRange(symbol.range)
    : unionRange(symbol.range, symbol.selectionRange);
  const result: LspDocumentSymbol = {
    name: symbol.name.trim() === '' ? '(untitled)' : symbol.name,
    kind: SYMBOL_KIND[symbol.kind] ?? SymbolKind.Object,
    range,
    selectionRange: copyRange(symbol.selectionRange),
    children: symbol.children.map(toLspDocumentSymbol),
  };
  if (symbol.detail !== undefined) result.detail = symbol.detail;
  return result;
}
