// The document model of ESG Markdown: what the parser produces and every rule and feature reads.
// It is plain data (no classes with behaviour) so that it can be cached, diffed for incremental
// analysis, and sent to a webview as JSON. Two layers: the parser (parser/) yields a `SyntaxTree`,
// knowing no catalog; the interpretation above it (recognition/document.ts) adds what the syntax means
// (the config, index and KPI tables, requirement ids resolved) and makes the `EsgDocument`.
import type { Range } from './types';
import type { EsgConfig, FrontMatterProblem } from './frontmatter';

/** Pandoc attributes `{#id .class key="value"}`, with the ranges of each part. */
export interface Attributes {
  id?: string;
  idRange?: Range;
  classes: string[];
  /** Key-value pairs in order; values are unquoted. */
  pairs: AttributePair[];
  /** The whole `{...}`. */
  range: Range;
}

export interface AttributePair {
  key: string;
  value: string;
  keyRange: Range;
  /** The value without its quotes. */
  valueRange: Range;
}

/**
 * One requirement id as written in an `hkex="..."` list or an index row. The parser gives each token as
 * written (`known: false`); the interpretation resolves it against the framework catalog and expands ranges.
 */
export interface RequirementRef {
  /** Catalog id (`A1.1`, `D28(a)`, `MDR-boundary`) when recognised, else the text as written. */
  id: string;
  /** The text as written (`A2.1-A2.5` for every id of a range). */
  raw: string;
  range: Range;
  known: boolean;
  /** Set when the ref came from a range like `A2.1-A2.5`. */
  fromRange?: boolean;
}

export interface Heading {
  level: number;
  /** Title text without the attribute block and closing hashes. */
  title: string;
  titleRange: Range;
  /** The whole heading line(s). */
  range: Range;
  attrs?: Attributes;
  /** Anchor: the explicit `#id`, or Pandoc's automatic identifier. */
  anchor: string;
}

export interface Section {
  /** Index into `EsgDocument.sections`. */
  index: number;
  heading: Heading;
  /** From the heading to the line before the next heading of the same or higher level. */
  range: Range;
  /** Requirement refs of the heading's `hkex` attribute. */
  tags: RequirementRef[];
  /** The `hkex` attribute value's range (for completion and quick fixes). */
  tagRange?: Range;
  parent?: number;
  children: number[];
  /** True when anything other than blank lines and sub-headings sits in the section. */
  hasContent: boolean;
  isIndex: boolean;
}

export interface Explanation {
  refs: RequirementRef[];
  /** The whole div from `:::` to `:::`. */
  range: Range;
  /** The opening fence line. */
  openRange: Range;
  /** The reason, trimmed; empty when the author wrote none. */
  text: string;
  /** Innermost section containing the div, if any. */
  section?: number;
  /** False when the closing fence is missing (the div runs to the end of the document). */
  closed: boolean;
}

export interface TableCell {
  /** Cell text, trimmed. */
  text: string;
  range: Range;
}

export interface TableRow {
  cells: TableCell[];
  line: number;
  range: Range;
}

export interface Table {
  index: number;
  header: TableRow;
  rows: TableRow[];
  /** From the header line to the last row. */
  range: Range;
  alignments: ('left' | 'right' | 'center' | 'default')[];
  section?: number;
}

export interface Link {
  text: string;
  /** Target as written; `#anchor` for a link within the report. */
  href: string;
  range: Range;
  hrefRange: Range;
}

export type IndexTarget =
  | { kind: 'links'; links: Link[]; range: Range }
  | { kind: 'titles'; titles: { text: string; range: Range }[]; range: Range }
  | { kind: 'explanation'; text: string; range: Range }
  /**
   * A place esgmark cannot check: page numbers ('P.23', '第23頁', '12-14'), a section number no numbered
   * heading carries ('3.1'), or another document ('2025年年報「企業管治報告」', 'Annual Report p.45').
   */
  | { kind: 'place'; text: string; range: Range }
  | { kind: 'empty'; range: Range };

export interface IndexRow {
  row: TableRow;
  /** Requirement ids this row speaks for (several for a Part D row that covers D28(a)-(c)). */
  refs: RequirementRef[];
  target: IndexTarget;
  /** Row marks a deleted requirement ('[於 2025 年 1 月 1 日刪除]'). */
  markedDeleted: boolean;
}

export interface IndexTable {
  table: number;
  section: number;
  rows: IndexRow[];
}

/** A value cell of a KPI table, per period. */
export interface KpiValue {
  period: string;
  /** Cell text as written. */
  raw: string;
  range: Range;
  /** `number` parsed, `none` for '-', 'N/A', '不適用'..., `empty` for a blank cell, `pair` for two figures in one cell ('20.5 / 28.9'), `bad` otherwise. */
  status: 'number' | 'none' | 'empty' | 'bad' | 'pair';
  value?: number;
  /** Decimals as printed (for rounding-aware checks). */
  decimals?: number;
  /** A '%' was written in the cell. */
  percent?: boolean;
}

export interface KpiRow {
  table: number;
  line: number;
  label: string;
  labelRange: Range;
  /** Breakdown label (the first label column of a two-column row, carried down from above). */
  group?: string;
  kpiId?: string;
  kpiIdSource?: 'span' | 'catalog';
  /** `formula="..."` of the row's span, kept for the numbers engine. */
  formula?: { text: string; range: Range };
  /** `as`: the known unit spelling the project file maps `raw` to (engine/vocabulary.ts). */
  unit?: { raw: string; range: Range; as?: string };
  values: KpiValue[];
  /** Row with a label and no unit or values: a heading row inside the table ('環境績效'). */
  isCaption: boolean;
}

export interface KpiTable {
  table: number;
  labelColumns: number[];
  unitColumn: number;
  periods: { column: number; period: string; range: Range }[];
  rows: KpiRow[];
}

/** The front matter block as syntax: where it is and its YAML text. */
export interface FrontMatterBlock {
  /** The whole block including the `---` fences. */
  range: Range;
  /** Offset of the YAML text in the document. */
  yamlStart: number;
  yamlText: string;
}

/** The front matter block with the problems its YAML was found to have when read as a config. */
export interface FrontMatter extends FrontMatterBlock {
  problems: FrontMatterProblem[];
}

/** What the parser yields: blocks and inline syntax with their ranges, nothing looked up in a catalog. */
export interface SyntaxTree {
  uri: string;
  text: string;
  /** Offset of the start of each line. */
  lineStarts: number[];
  frontMatter?: FrontMatterBlock;
  headings: Heading[];
  /** Sections; their `tags` as written until the interpretation resolves them. */
  sections: Section[];
  explanations: Explanation[];
  tables: Table[];
  links: Link[];
  /** Bracketed spans outside tables with `kpi=` or `check=` (for the numbers engine). */
  spans: Span[];
  /** Syntax problems found while parsing (unclosed div, bad attribute...). */
  syntaxProblems: SyntaxProblem[];
}

/** The syntax with its meaning (recognition/document.ts): what rules and features read. */
export interface EsgDocument extends SyntaxTree {
  frontMatter?: FrontMatter;
  config: EsgConfig;
  indexTables: IndexTable[];
  kpiTables: KpiTable[];
  /** The parser's syntax problems, then those found reading the index tables (a target that names no heading...). */
  syntaxProblems: SyntaxProblem[];
}

export interface Span {
  text: string;
  range: Range;
  attrs: Attributes;
}

export interface SyntaxProblem {
  range: Range;
  /** Message key in the i18n table, with its arguments. */
  key: string;
  args: Record<string, string | number>;
}
