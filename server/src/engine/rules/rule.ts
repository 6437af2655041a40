// What a rule is: a stable id, a default severity, a description, and a function from the
// document model to diagnostics. Rules report through the context, which applies the locale,
// severity overrides and the document uri, so a rule module stays small.
import type { EsgDocument } from '../model';
import type { AnalysisOptions, Diagnostic, IssuerClass, Locale, Localized, Range, RelatedLocation, Severity } from '../types';
import type { FrameworkIndex } from '../catalogs/hkex';
import type { DisclosureIndex } from '../disclosures';

export interface RuleContext {
  doc: EsgDocument;
  locale: Locale;
  framework: FrameworkIndex;
  issuerClass: IssuerClass;
  /** Financial year of the report (from `esg.period`; the Code's first year when not given). */
  year: number;
  disclosures: DisclosureIndex;
  options: AnalysisOptions;
  /** Message in the report's locale. */
  t(key: string, args?: Record<string, string | number>): string;
  report(d: { range: Range; message: string; severity?: Severity; data?: Record<string, unknown>; related?: RelatedLocation[] }): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  description: Localized;
  run(ctx: RuleContext): void;
}

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: Localized;
}

export type { Diagnostic };
