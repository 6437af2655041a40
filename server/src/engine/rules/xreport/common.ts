// What the cross-report rules share: the figure as printed, the place of a fact in its own file, and
// the cap on the number of diagnostics of one rule.
import type { Fact } from '../../numbers/facts';
import type { ProjectAnalysis } from '../../project';
import type { Diagnostic, Locale, Range } from '../../types';
import { factText } from '../../numbers/checks';
import { termOf } from '../../numbers/relations';
import { LIMITS } from '../../limits';
import { t } from '../../i18n';

export { factText, termOf };

/** A fact's range in the file it lies in. */
export function placeOf(project: ProjectAnalysis, range: Range): { uri: string; range: Range } {
  return project.parts.length > 1 ? project.mapRange(range) : { uri: project.parts[0]?.uri ?? project.analysis.model.uri, range };
}

/** 1-based line of a fact in its own file. */
export function lineOf(project: ProjectAnalysis, f: Fact): number {
  return placeOf(project, f.range).range.start.line + 1;
}

/** The language a linked report is written in, named in the messages' language. */
export function languageName(project: ProjectAnalysis, locale: Locale): string {
  const own = project.analysis.model.config.locale ?? project.analysis.locale;
  return t(locale, `xreport.lang.${own}`);
}

/** At most LIMITS.maxDiagnosticsPerRule diagnostics of one rule (the first by position). */
export function capped(found: Diagnostic[]): Diagnostic[] {
  return found.length <= LIMITS.maxDiagnosticsPerRule ? found : found.slice(0, LIMITS.maxDiagnosticsPerRule);
}
