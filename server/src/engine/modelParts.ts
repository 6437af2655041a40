// The parts of the document model, as the derived layer records what a rule reads. A leaf: the layer,
// the rules and the runner all name these, and it imports none of them.

/**
 * The parts of the model a rule's result depends on. After an incremental edit only the rules that read
 * a changed part when they last ran run again; the others' diagnostics are kept (moved with the edit).
 * The derived layer records what a rule reads (the document's fields, the disclosure index, the numbers
 * engine): nothing is declared by the rule.
 */
export type ModelPart =
  /** Front matter and the config read from it. */
  | 'frontMatter'
  /** Headings, sections and their tags, explanations, links, index tables. */
  | 'structure'
  /** Tables and the KPI tables read from them: every cell. */
  | 'tables'
  /** Which KPIs each table reports a value for (what the disclosure index counts as evidence). */
  | 'kpiEvidence'
  /** Bracketed spans with `kpi=` or `check=` in the prose. */
  | 'spans'
  /** The prose text itself (emission factors quoted in paragraphs). */
  | 'prose'
  /** Syntax problems found by the parser. */
  | 'syntax';

/** What the disclosure index is built from (the derived layer notes it when a rule reads the index): structure and the KPIs tables report. */
export const HKEX_INPUTS: readonly ModelPart[] = ['frontMatter', 'structure', 'kpiEvidence'];
/** What the numbers engine reads (noted when a rule reads facts, checks or factor quotes): KPI tables, number spans, factors quoted in prose, and the front matter. */
export const NUMBERS_INPUTS: readonly ModelPart[] = ['frontMatter', 'tables', 'spans', 'prose'];
