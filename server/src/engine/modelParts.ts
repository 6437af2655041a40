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
  /** Headings and sections (their levels, attributes, tags, extent), explanations. */
  | 'structure'
  /** The links written in the text, `[text](href)` (where a link points is read from the headings' anchors). */
  | 'links'
  /**
   * The headings' titles and the anchors made from them (a keystroke in a title changes these alone).
   * Reading a heading or a section notes it with `structure`.
   */
  | 'headingText'
  /** The HKEX index tables read from the tables under `.hkex-index` headings: rows, ids, resolved targets. */
  | 'indexTables'
  /** Tables and the KPI tables read from them: every cell. */
  | 'tables'
  /** Which KPIs each table reports a value for (what the disclosure index counts as evidence). */
  | 'kpiEvidence'
  /** Bracketed spans with `kpi=` or `check=` in the prose. */
  | 'spans'
  /** The prose text itself (emission factors quoted in paragraphs). */
  | 'prose'
  /** The cells of the tables under a framework content index heading, GRI or another (which tables those are is `structure`). */
  | 'griIndex'
  /** The reasons written in explanation blocks (their text; whether one is empty is `structure`). */
  | 'explanationText'
  /** Syntax problems found by the parser. */
  | 'syntax';

/**
 * What the disclosure index is built from: structure, the headings' titles and anchors (index targets
 * resolve by them), the index tables, the KPIs tables report and the explanations' reasons. Reading the
 * index notes all but the reasons, which are noted when an entry's text is read.
 */
export const HKEX_INPUTS: readonly ModelPart[] = [
  'frontMatter',
  'structure',
  'headingText',
  'indexTables',
  'kpiEvidence',
  'explanationText',
];
/** What the facts and the relations, sums and formula checks built from them read: KPI tables, number spans and the front matter. */
export const FACT_INPUTS: readonly ModelPart[] = ['frontMatter', 'tables', 'spans'];
/** What the numbers engine reads (noted when a rule reads checks or factor quotes): the facts' inputs and the factors quoted in prose. */
export const NUMBERS_INPUTS: readonly ModelPart[] = [...FACT_INPUTS, 'prose'];
