// What analysing one report (and a report of several files) yields. A module of types only, so that the
// features, the rules and the cross-report checks can name an Analysis without importing the modules
// that analyse (analyze.ts, reanalyze.ts, project.ts), which import them.
import type { EsgDocument } from './model';
import type { AnalysisOptions, Diagnostic, Locale, Position, Range, TextEdit } from './types';
import type { Reparse } from './recognition/document';
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

/** How an analysis was obtained: by a full parse or by patching the previous one, and how many rules ran. */
export interface AnalysisReuse {
  parse: 'full' | Reparse['kind'];
  rulesRun: number;
  rulesKept: number;
  /** Of the rules run, those run over the facts the edit changed only, keeping their other findings (`factKeyOf`). */
  rulesScoped?: number;
  /** Of the rules run, those run over the edited lines only, keeping their findings on the others (`perTable`). */
  rulesTableScoped?: number;
}

export interface ProjectPart {
  uri: string;
  /** First line of this file in the concatenated document. */
  firstLine: number;
  lineCount: number;
  /** Length of the file's last line (where the blank separator line after it maps to). */
  lastLineLength: number;
}

export interface ProjectAnalysis {
  /** The analysis of the concatenated report (its ranges are in concatenated lines). */
  analysis: Analysis;
  parts: ProjectPart[];
  /** Diagnostics per file, in that file's lines. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Findings silenced by suppression comments, per file, in that file's lines. */
  suppressed: Map<string, SuppressedDiagnostic[]>;
  /** Maps a position of the concatenated document to a file and its position. */
  toFile(position: Position): { uri: string; position: Position };
  /** Maps a position of a file to the concatenated document (undefined for a file outside the report). */
  fromFile(uri: string, position: Position): Position | undefined;
  mapRange(range: Range): { uri: string; range: Range };
  mapEdits(edits: TextEdit[]): Record<string, TextEdit[]>;
}
