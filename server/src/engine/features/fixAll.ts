// Fix-all: every safe fix of an analysis in one set of edits that do not overlap. The server's
// `source.fixAll.esgmark` code action and `esgmark check --fix` both call `collectSafeFixes`, so the
// editor and the command line change a report in the same way. A fix is safe when its code action
// says so (`CodeAction.safe`, built by the rule's quick fix from plain data); which rules have one is
// declared on the rule (`safeFix`) and listed in docs/rules.md.
//
// One pass: fixes are taken in order (those resolving more findings first, then by position), and a
// fix whose edits would touch text another chosen fix edits (or insert at the same place) is left for
// the next run; a fix is applied whole or not at all.
import type { Analysis } from '../analysis';
import type { CodeAction, Diagnostic, Range, TextEdit } from '../types';
import { RULES } from '../rules';
import { offsetAt, splitLines } from '../parser/lines';
import { codeActionsFor } from './codeActions';

/** Rule ids some of whose fixes are safe (`RuleInfo.safeFix`). */
export const SAFE_FIX_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.safeFix).map((r) => r.id));

export interface AppliedFix {
  title: string;
  /** The findings it resolves. */
  diagnostics: Diagnostic[];
  edits: TextEdit[];
}

export interface FixAllResult {
  /** The edits of every chosen fix, for the analysed document, in document order; none overlap. */
  edits: TextEdit[];
  fixes: AppliedFix[];
  /** Safe fixes left out because they overlap a chosen one (a second run may apply them). */
  deferred: number;
}

const keyOf = (d: Diagnostic) =>
  `${d.rule}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${String(d.data?.id ?? '')}`;

/**
 * The safe fixes for `diagnostics` (default: all of the analysis), chosen so that no two overlap. Only
 * edits of the analysed document are taken (a fix that would edit another file is not safe here).
 */
export function collectSafeFixes(
  analysis: Analysis,
  diagnostics: readonly Diagnostic[] = analysis.diagnostics,
): FixAllResult {
  const candidates = diagnostics.filter((d) => SAFE_FIX_RULES.has(d.rule) && d.uri === analysis.model.uri);
  if (candidates.length === 0) return { edits: [], fixes: [], deferred: 0 };
  const doc = analysis.model;
  const last = doc.lineStarts.length - 1;
  const whole: Range = {
    start: { line: 0, character: 0 },
    end: { line: last, character: doc.text.length - doc.lineStarts[last] },
  };
  const wanted = new Set(candidates.map(keyOf));
  const actions = codeActionsFor(analysis, whole, candidates).filter(
    (a): a is CodeAction & { diagnostics: Diagnostic[] } =>
      a.safe === true &&
      !!a.diagnostics?.length &&
      a.diagnostics.every((d) => wanted.has(keyOf(d))) &&
      Object.keys(a.edits).every((uri) => uri === doc.uri),
  );
  const startOf = (a: CodeAction) => Math.min(...a.diagnostics!.map((d) => offsetAt(doc.lineStarts, d.range.start)));
  actions.sort((a, b) => b.diagnostics.length - a.diagnostics.length || startOf(a) - startOf(b));

  const taken: { start: number; end: number }[] = [];
  const resolved = new Set<string>();
  const fixes: AppliedFix[] = [];
  let deferred = 0;
  for (const action of actions) {
    if (action.diagnostics.some((d) => resolved.has(keyOf(d)))) continue;
    const edits = action.edits[doc.uri] ?? [];
    const spans = edits.map((e) => ({
      start: offsetAt(doc.lineStarts, e.range.start),
      end: offsetAt(doc.lineStarts, e.range.end),
    }));
    if (spans.some((s) => s.end < s.start || taken.some((t) => clash(s, t)))) {
      deferred++;
      continue;
    }
    taken.push(...spans);
    for (const d of action.diagnostics) resolved.add(keyOf(d));
    fixes.push({ title: action.title, diagnostics: action.diagnostics, edits });
  }
  const edits = fixes
    .flatMap((f) => f.edits)
    .sort((a, b) => offsetAt(doc.lineStarts, a.range.start) - offsetAt(doc.lineStarts, b.range.start));
  return { edits, fixes, deferred };
}

/**
 * Two edits that cannot both be applied as written: their ranges share text, or an insertion falls
 * inside or at either end of the other (which one comes first would be a guess).
 */
function clash(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  if (a.start === a.end && a.start >= b.start && a.start <= b.end) return true;
  if (b.start === b.end && b.start >= a.start && b.start <= a.end) return true;
  return false;
}

/**
 * `text` with `edits` applied (positions in `text`'s lines, UTF-16 columns). Edits must not overlap
 * (as `collectSafeFixes` returns them); every character outside their ranges is kept as it was.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = splitLines(text).starts;
  const spans = edits
    .map((e) => ({
      start: Math.min(offsetAt(starts, e.range.start), text.length),
      end: Math.min(offsetAt(starts, e.range.end), text.length),
      text: e.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new RangeError('overlapping edits');
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
