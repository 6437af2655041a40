// What analysing one report yields. A module of types only, so that the features and the rules can
// name an Analysis without importing the facade (index.ts), which imports them.
import type { EsgDocument } from './model';
import type { AnalysisOptions, Diagnostic, Locale } from './types';
import type { AnalysisReuse } from './reanalyze';
import type { SuppressedDiagnostic } from './rules/esg/suppression';

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
