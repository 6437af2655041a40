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
   * A safe fix: it changes only what its title says, keeps every word the author wrote, and cannot turn
   * a correct report wrong, so fix-all (`source.fixAll.esgmark`, `esgmark check --fix`) applies it
   * unasked. Declared per rule too (`RuleInfo.safeFix`) and documented in docs/rules.md.
   */
  safe?: boolean;
}

export interface AnalysisOptions {
  /** Overrides the locale from the front matter. */
  locale?: Locale;
  /** Overrides `esg.issuer-class` from the front matter. */
  issuerClass?: IssuerClass;
  /**
   * Issuer profile defaults (from the project file `.esgmark.yaml`): used only where the front matter
   * says nothing; `issuerClass` and `locale` above override both.
   */
  profile?: IssuerProfile;
  /** Units and KPI names a company uses (project file), applied to this analysis only. */
  vocabulary?: Vocabulary;
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

/** Defaults for a report's front matter keys (`esg.issuer-class`, `esg.year-end`, `esg.locale`). */
export interface IssuerProfile {
  issuerClass?: IssuerClass;
  /** `MM-DD`: the last day of the financial year. */
  yearEnd?: string;
  locale?: Locale;
}

/** A company's own words, from the project file. Keys are matched as the catalogs match theirs (normalised). */
export interface Vocabulary {
  /** A unit spelling esgmark does not know → a spelling it knows (`MWHr` → `MWh`). */
  units?: Record<string, string>;
  /** A catalog KPI id → more labels for it (`water.total` → [`自來水耗用總量`]). */
  kpis?: Record<string, string[]>;
}
