// The limits esgmark holds every input to. A report is untrusted: past each limit the input gets one
// clear diagnostic and the work stops there, instead of memory or time growing without bound.
// docs/robustness.md lists them with what happens past each; the hostile-input tests hold them.

export const LIMITS = {
  /** Largest file read from disk (a report, a chapter, a linked report): 16 MiB. */
  maxFileBytes: 16 * 1024 * 1024,
  /** Largest report analysed (an open document, or a root with its chapters), in UTF-16 code units. */
  maxReportChars: 16 * 1024 * 1024,
  /** Most chapters one root may list. */
  maxChapters: 1000,
  /** Deepest nesting of fenced divs (explanations) kept; deeper fences are reported and ignored. */
  maxDivDepth: 64,
  /** Characters of an explanation's body read as its reason (nested divs would each copy the rest of the report). */
  maxExplanationChars: 64 * 1024,
  /** Syntax problems of one kind listed (unclosed divs, bad attributes...); past it, one summary says how many more. */
  maxProblemsPerKind: 20,
  /** Diagnostics one rule lists; past it, one summary says how many more. */
  maxDiagnosticsPerRule: 1000,
  /** Deepest nesting of lists and maps in the YAML front matter; deeper is one error and nothing is read. */
  maxYamlDepth: 64,
  /** Most YAML syntax errors reported for one front matter (a broken one can have one per line). */
  maxYamlErrors: 20,
} as const;
