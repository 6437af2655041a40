// The analysis of a document's next version from its previous analysis. The parse is patched where the
// edit stays on one line (parser/incremental.ts), and a rule runs again only when it reads a part of
// the model the edit changed; the other rules' diagnostics are kept, moved with the edit. The result
// equals a full analysis of the new text (test/unit/incremental.test.ts checks this on long random
// edit sequences), so callers may pass any earlier analysis of the same document.
import type { Attributes, EsgDocument, RequirementRef } from './model';
import type { AnalysisOptions, Diagnostic, Locale, Position } from './types';
import type { LineEdit } from './parser/incremental';
import { reparse } from './recognition/document';
import { isPosition, movedBelow } from './parser/lineShift';
import { sameRange } from './parser/lines';
import { QUOTES_LINE_NUMBERS, runRules, type ModelPart, type RuleRunStats } from './rules';
import { mayQuoteFactors } from './numbers/factorQuotes';
import { applyVocabulary, namesKpis } from './vocabulary';
import { changedFactKeys, contextOf, derivedOf, optionsKey, type LineSpan, type ModelToken } from './derived';
import { countsAsEvidence } from './disclosures';

import type { AnalysisReuse } from './analysis';

export type { AnalysisReuse } from './analysis';

export interface AnalysisCore {
  model: EsgDocument;
  diagnostics: Diagnostic[];
  locale: Locale;
  reuse: AnalysisReuse;
}

export { optionsKey, type ModelToken } from './derived';

/** The token standing for a model (`ModelToken`): caches of what was computed from it key on it. */
export function modelToken(model: EsgDocument): ModelToken {
  return derivedOf(model).token;
}

/**
 * When `model` was derived from an earlier model by an edit that changed none of `parts`, the earlier
 * model's token and a function moving a value computed from it (positions on the edited line) to the
 * new one; the function returns undefined when it cannot tell where a position goes. Lets a feature
 * built from those parts (the report model) be reused instead of rebuilt.
 */
export function derivedUnchanged(
  model: EsgDocument,
  parts: readonly ModelPart[],
): { from: ModelToken; move<T>(value: T): T | undefined } | undefined {
  return derivedOf(model).unchangedSince(parts);
}

export function localeOf(model: EsgDocument, options: AnalysisOptions): Locale {
  return contextOf(model, options).locale;
}

/** A full analysis: parse everything, run every rule. */
export function analyzeFully(model: EsgDocument, options: AnalysisOptions, started?: number): AnalysisCore {
  applyVocabulary(model, options.vocabulary);
  const locale = localeOf(model, options);
  const stats: RuleRunStats = { ran: 0, kept: 0, failed: [], skipped: [] };
  const diagnostics = runRules(
    model,
    { locale, options, onRuleError: options.onRuleError, started },
    undefined,
    undefined,
    stats,
  );
  remember(model, options, stats);
  return { model, diagnostics, locale, reuse: { parse: 'full', rulesRun: stats.ran, rulesKept: 0 } };
}

/** The KPI ids a table reports a value for, in row order: what the disclosure index reads from it. */
function evidenceOf(model: EsgDocument, table: number): string {
  const kpiTable = model.kpiTables.find((k) => k.table === table);
  if (!kpiTable) return '';
  const ids: string[] = [];
  for (const row of kpiTable.rows) if (countsAsEvidence(row)) ids.push(row.kpiId);
  return ids.join('\n');
}

/** The next version's analysis derived from `previous`, or undefined when only a full analysis will do. */
export function reanalyze(
  previous: { model: EsgDocument; diagnostics: Diagnostic[]; locale: Locale },
  uri: string,
  text: string,
  options: AnalysisOptions,
  started?: number,
): AnalysisCore | undefined {
  const patched = reparse(previous.model, uri, text);
  if (!patched) return undefined;
  const { doc, edit, changed } = patched;
  // Read before the project file's synonyms apply to the new version, as the previous one was read.
  const kpiEvidence =
    patched.table !== undefined && evidenceOf(previous.model, patched.table) !== evidenceOf(doc, patched.table);
  applyVocabulary(doc, options.vocabulary);
  const locale = changed.headings || changed.frontMatter ? localeOf(doc, options) : previous.locale;
  if (locale !== previous.locale) return analyzeFully(doc, options, started);

  const parts = new Set<ModelPart>();
  if (changed.frontMatter) parts.add('frontMatter');
  // A keystroke in a heading's title changes the titles and anchors only: the rules reading neither keep
  // their results. The index tables are rebuilt then, and after an edit of a table under an index heading.
  if (changed.headings) parts.add('headingText');
  if (changed.headings && !(patched.kind === 'heading' && onlyTitlesChanged(previous.model, doc)))
    parts.add('structure');
  if (changed.links) parts.add('links');
  if (changed.indexTables) parts.add('indexTables');
  // Typing in an explanation's body changes its reason's text only; its refs, ranges and emptiness are structure.
  if (changed.explanations) parts.add(explanationsPart(previous.model, doc, edit));
  if (changed.tables) parts.add('tables');
  // A table is a GRI index table by the heading it sits under, which a cell edit does not change.
  if (changed.tables) {
    const griTables = derivedOf(previous.model).builtGriIndexTables;
    if (!griTables || patched.table === undefined || griTables.has(patched.table)) parts.add('griIndex');
  }
  // A synonym of the project file can make an edited row a KPI the parse alone did not see.
  if (kpiEvidence || (changed.tables && namesKpis(options.vocabulary))) parts.add('kpiEvidence');
  if (changed.spans) parts.add('spans');
  if (changed.syntaxProblems) parts.add('syntax');
  // Factors are quoted in paragraphs; an edit can change a quote only where the words that mark one appear.
  if (
    (patched.kind === 'prose' || patched.kind === 'code' || patched.kind === 'lines') &&
    (!patched.around || mayQuoteFactors(patched.around.before) || mayQuoteFactors(patched.around.after))
  )
    parts.add('prose');

  // What the edit cannot change goes over to the new version's layer: the facts of the KPI tables the
  // edit left alone and, when the paragraphs are as before, the factors quoted in them.
  const before = derivedOf(previous.model);
  before.carryTo(derivedOf(doc), edit, parts, movePositions);

  const previousByRule = new Map<string, Diagnostic[]>();
  for (const d of previous.diagnostics) {
    const list = previousByRule.get(d.rule);
    if (list) list.push(d);
    else previousByRule.set(d.rule, [d]);
  }
  let factKeys: { keys: ReadonlySet<string> | undefined } | undefined;
  const stats: RuleRunStats = { ran: 0, kept: 0, failed: [], skipped: [] };
  const diagnostics = runRules(
    doc,
    { locale, options, onRuleError: options.onRuleError, started },
    undefined,
    {
      changed: parts,
      previous: previousByRule,
      failed: before.failedRules,
      reads: before.ruleReads,
      uncapped: before.uncappedFindings,
      move: (d) => movePositions(d, edit),
      changedFactKeys: () => (factKeys ??= { keys: changedFactKeys(before, derivedOf(doc)) }).keys,
      // Lines replaced and moved (a line break typed, a line pasted): the old and new lines differ, so no line scope.
      editedLines: edit.shift ? undefined : [editedLines(doc, patched.table, edit.line)],
    },
    stats,
  );
  remember(doc, options, stats);
  return {
    model: doc,
    diagnostics,
    locale,
    reuse: {
      parse: patched.kind,
      rulesRun: stats.ran,
      rulesKept: stats.kept,
      rulesScoped: stats.scoped ?? 0,
      rulesTableScoped: stats.tableScoped ?? 0,
    },
  };
}

/**
 * The lines whose tables and spans an edit of one line changed: the edited table's (every row of it is
 * read again: a header edit can change them all), else the line itself.
 */
function editedLines(doc: EsgDocument, table: number | undefined, line: number): LineSpan {
  const range = table === undefined ? undefined : doc.tables[table]?.range;
  return range ? { first: range.start.line, last: range.end.line } : { first: line, last: line };
}

/** The part an edit of explanations changed: their reasons' text only, or their structure. */
function explanationsPart(before: EsgDocument, after: EsgDocument, edit: LineEdit): ModelPart {
  if (!edit.shift) return onlyReasonsChanged(before, after) ? 'explanationText' : 'structure';
  // Lines replaced in bodies: the explanations moved with the lines and their reasons were read again.
  const a = before.explanations;
  const b = after.explanations;
  return a.length === b.length && a.every((x, k) => !x.text === !b[k].text) ? 'explanationText' : 'structure';
}

/** Whether the explanations of two versions differ in nothing but their reasons' (non-empty) text. */
function onlyReasonsChanged(before: EsgDocument, after: EsgDocument): boolean {
  const a = before.explanations;
  const b = after.explanations;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (
      x.refs !== y.refs ||
      x.section !== y.section ||
      x.closed !== y.closed ||
      !x.text !== !y.text ||
      !sameRange(x.range, y.range) ||
      !sameRange(x.openRange, y.openRange)
    )
      return false;
  }
  return true;
}

/**
 * Whether the headings of two versions (one heading edited) differ in nothing but their titles, anchors
 * and the positions on the edited line: the same levels, attributes and tags, the same section tree.
 */
function onlyTitlesChanged(before: EsgDocument, after: EsgDocument): boolean {
  const a = before.sections;
  const b = after.sections;
  if (a.length !== b.length || before.headings.length !== after.headings.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (
      x.heading.level !== y.heading.level ||
      x.parent !== y.parent ||
      x.hasContent !== y.hasContent ||
      x.isIndex !== y.isIndex ||
      x.range.start.line !== y.range.start.line ||
      x.range.end.line !== y.range.end.line ||
      !sameAttributes(x.heading.attrs, y.heading.attrs) ||
      !sameRefs(x.tags, y.tags)
    )
      return false;
  }
  return true;
}

function sameAttributes(a: Attributes | undefined, b: Attributes | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.id !== b.id || a.classes.join(' ') !== b.classes.join(' ') || a.pairs.length !== b.pairs.length) return false;
  return a.pairs.every((p, k) => p.key === b.pairs[k].key && p.value === b.pairs[k].value);
}

function sameRefs(a: readonly RequirementRef[], b: readonly RequirementRef[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (r, k) => r.id === b[k].id && r.raw === b[k].raw && r.known === b[k].known && r.fromRange === b[k].fromRange,
    )
  );
}

/**
 * Rules whose results the analysis lacks, kept in the layer: they threw (never kept, so the failure is
 * reported again) or the time budget skipped them (never kept, or a later analysis would silently keep
 * their absence).
 */
function remember(model: EsgDocument, options: AnalysisOptions, stats: RuleRunStats): void {
  const layer = derivedOf(model);
  layer.failedRules = new Set([...stats.failed, ...(stats.skipped ?? [])]);
  layer.analysedWith = optionsKey(options);
}

/**
 * A kept diagnostic (or any plain data computed from the previous model) after the edit. Positions on
 * other lines are unchanged. On the edited line, data from a part of the model the edit did not change
 * can only point at the line's start or end (nothing such a part holds lies inside the line), or before
 * or after the changed text; anything else is refused (undefined).
 */
function movePositions<T>(value: T, edit: LineEdit): T | undefined {
  if (edit.shift) return moveByLines(value, edit.line, edit.shift);
  if (!mentionsLine(value, edit.line)) return value;
  let refused = false;
  const movePosition = (p: Position): Position => {
    if (p.line !== edit.line) return p;
    // On an empty line the start is also the end: which one a position meant cannot be told.
    if (edit.oldLength === 0) {
      refused = true;
      return p;
    }
    if (p.character === 0) return p;
    if (p.character === edit.oldLength) return { line: p.line, character: edit.newLength };
    if (p.character < edit.start) return p;
    if (p.character > edit.oldEnd) return { line: p.line, character: p.character + edit.newLength - edit.oldLength };
    refused = true;
    return p;
  };
  const moved = deepMove(value, movePosition) as T;
  return refused ? undefined : moved;
}

/**
 * A kept value after lines `first`…`shift.lastLine` were replaced by `shift.lines` more lines: positions below
 * move down, those above stay (objects are copied only where something moved, so a finding above the edit
 * stays the same object); one on the replaced lines, a bare line number (a field `line` outside a position)
 * from there down, or a finding of a rule that quotes line numbers is refused (undefined).
 */
function moveByLines<T>(value: T, first: number, shift: { lastLine: number; lines: number }): T | undefined {
  const rule = (value as { rule?: unknown } | null)?.rule;
  if (typeof rule === 'string' && QUOTES_LINE_NUMBERS.has(rule)) return undefined;
  return movedBelow(value, first, shift.lastLine, shift.lines, 'refuse');
}

function mentionsLine(value: unknown, line: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const v of value) if (mentionsLine(v, line)) return true;
    return false;
  }
  const v = value as Record<string, unknown>;
  if (typeof v.line === 'number' && typeof v.character === 'number' && isPosition(v)) return v.line === line;
  // for…in over plain data (no prototype members to meet): no key array allocated per object.
  for (const key in v) if (mentionsLine(v[key], line)) return true;
  return false;
}

/** A copy of `value` with every position moved (plain data only: diagnostics hold nothing else). */
function deepMove(value: unknown, move: (p: Position) => Position): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => deepMove(v, move));
  if (isPosition(value)) return move(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = deepMove((value as Record<string, unknown>)[key], move);
  return out;
}
