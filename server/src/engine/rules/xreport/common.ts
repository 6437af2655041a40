// What the cross-report rules share: the figure as printed, the place of a fact in its own file, and
// the cap on the number of diagnostics of one rule.
import type { Fact } from '../../numbers/facts';
import type { ReportView } from '../../xreport/views';
import type { Diagnostic, Locale, Range } from '../../types';
import { factText } from '../../numbers/checks';
import { termOf } from '../../numbers/relations';
import { LIMITS } from '../../limits';
import { t } from '../../i18n';
import type { EsgDocument, KpiRow } from '../../model';
import type { CodeAction, TextEdit } from '../../types';
import { dimOf, sameDim } from '../../numbers/quantity';

export { factText, termOf };

/** A fact's range in the file it lies in. */
export function placeOf(project: ReportView, range: Range): { uri: string; range: Range } {
  return project.parts.length > 1
    ? project.mapRange(range)
    : { uri: project.parts[0]?.uri ?? project.analysis.model.uri, range };
}

/** 1-based line of a fact in its own file. */
export function lineOf(project: ReportView, f: Fact): number {
  return placeOf(project, f.range).range.start.line + 1;
}

/** The language a linked report is written in, named in the messages' language. */
export function languageName(project: ReportView, locale: Locale): string {
  const own = project.analysis.model.config.locale ?? project.analysis.locale;
  return t(locale, `xreport.lang.${own}`);
}

/** At most LIMITS.maxDiagnosticsPerRule diagnostics of one rule (the first by position). */
export function capped(found: Diagnostic[]): Diagnostic[] {
  return found.length <= LIMITS.maxDiagnosticsPerRule ? found : found.slice(0, LIMITS.maxDiagnosticsPerRule);
}

/** Whether two facts are printed in the same unit (`t` and `噸` are), so one's figure can replace the other's. */
export function sameUnit(a: Fact, b: Fact): boolean {
  if (!a.unit || !b.unit) return !a.unit && !b.unit && (a.unitRaw ?? '') === (b.unitRaw ?? '');
  const x = dimOf(a.unit);
  const y = dimOf(b.unit);
  return (
    sameDim(x.dim, y.dim) &&
    Math.abs(x.factor - y.factor) <= 1e-12 * Math.abs(x.factor) &&
    a.percentSign === b.percentSign
  );
}

/** The edit that marks a KPI row as restated: `restated="…"` added to its label's attribute block, or the label wrapped in one. */
export function markerEdit(doc: EsgDocument, row: KpiRow, reason: string): TextEdit | undefined {
  const r = row.labelRange;
  if (r.start.line !== r.end.line) return undefined;
  const start = doc.lineStarts[r.start.line];
  if (start === undefined) return undefined;
  const cell = doc.text.slice(start + r.start.character, start + r.end.character);
  const attr = `restated="${reason}"`;
  if (/\]\{[^{}]*\}\s*$/.test(cell)) {
    const close = cell.lastIndexOf('}');
    const at = { line: r.start.line, character: r.start.character + close };
    return { range: { start: at, end: at }, newText: ` ${attr}` };
  }
  // A label with brackets of its own would change meaning inside a span: no fix then.
  if (/[[\]{}]/.test(cell)) return undefined;
  return { range: r, newText: `[${cell}]{${attr}}` };
}

/** A quick fix carried by a diagnostic (`data.fix`), in the files' own coordinates. */
export interface CarriedFix {
  title: string;
  edits: Record<string, TextEdit[]>;
}

/** The quick fixes the xreport/ diagnostics carry, for the diagnostics given. */
export function crossReportActions(diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!d.rule.startsWith('xreport/')) continue;
    const fix = d.data?.fix as CarriedFix | undefined;
    if (!fix || typeof fix.title !== 'string' || !fix.edits || typeof fix.edits !== 'object') continue;
    actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, diagnostics: [d], isPreferred: true });
  }
  return actions;
}

/** The path of `toUri` relative to the folder of `fromUri` (both `file:` uris), as a reader writes it. */
export function relativePath(fromUri: string, toUri: string): string {
  const from = fromUri.split('/').slice(0, -1);
  const to = toUri.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const parts = [...from.slice(i).map(() => '..'), ...to.slice(i)];
  try {
    return decodeURIComponent(parts.join('/'));
  } catch {
    return parts.join('/');
  }
}

/** How a linked report's file is named in a message: the entry as written, or the chapter's path when the figure lies in one. */
export function pathIn(hereUri: string, link: { uri: string; entry: { reference: string } }, fileUri: string): string {
  return fileUri === link.uri ? link.entry.reference : relativePath(hereUri, fileUri);
}
