// Plain-data types shared by the engine, the server, the CLI and the tests.
// Positions follow LSP: 0-based lines, UTF-16 code-unit columns.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Locale = 'en' | 'zh-Hant' | 'zh-Hans';
export const LOCALES: readonly Locale[] = ['en', 'zh-Hant', 'zh-Hans'];

/** A string in each of the three languages a report may be written in. */
export interface Localized {
  en: string;
  'zh-Hant': string;
  'zh-Hans': string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type IssuerClass = 'main-board' | 'largecap' | 'gem';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  uri: string;
  range: Range;
  severity: Severity;
  /** Stable rule id, e.g. `hkex/missing`. */
  rule: string;
  message: string;
  /** Rule-specific data that code actions use (requirement ids, targets...). */
  data?: Record<string, unknown>;
  related?: RelatedLocation[];
}

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'refactor' | 'source';
  /** Edits per document uri. */
  edits: Record<string, TextEdit[]>;
  /** The diagnostics this action resolves (matched by rule + range). */
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  /**
   * The action's one edit as a snippet (TextMate syntax, `${1:…}` tab stops), for editors that insert
   * snippets: the explanation block puts the cursor on its reason. `edits` stays the plain equivalent.
   */
  snippet?: { uri: string; range: Range; value: string };
}

export interface AnalysisOptions {
  /** Overrides the locale from the front matter. */
  locale?: Locale;
  /** Overrides `esg.issuer-class` from the front matter. */
  issuerClass?: IssuerClass;
  /** Per-rule severity overrides; `off` disables a rule. */
  severity?: Record<string, Severity | 'off'>;
  /** Called when a rule throws; the rule's results are dropped and the others kept. */
  onRuleError?: (rule: string, error: unknown) => void;
  /** Rules made to throw (fault injection, to test that a failing rule cannot take the others down). */
  faultRules?: ReadonlySet<string>;
  /**
   * Time budget of one analysis in milliseconds, counted from the start of `analyze` (parse included);
   * unset or 0: no budget. The rule runner checks it before each rule: past it the remaining rules are
   * skipped and one `esg/budget` diagnostic names them. A rule already running is not interrupted (the
   * engine is synchronous), so the budget bounds the work started, not every millisecond.
   */
  budgetMs?: number;
}
