// What a rule is: a stable id, a default severity, a description, a function from the document
// model to diagnostics, and the quick fixes of those diagnostics. Rules report through the context,
// which applies the locale, severity overrides and the document uri, so a rule module stays small.
// One module per rule id, at rules/<namespace>/<name>.ts; the registry (registry.ts) lists them.
import type { EsgDocument } from '../model';
import type {
  AnalysisOptions,
  CodeAction,
  Diagnostic,
  IssuerClass,
  Locale,
  Localized,
  Range,
  RelatedLocation,
  Severity,
} from '../types';
import type { FrameworkIndex } from '../catalogs/hkex';
import type { DisclosureIndex } from '../disclosures';
import type { ReportingContext } from '../context';
import type { Derived } from '../derived';
import type { MessageKey } from '../i18n';
/** What a rule's result depends on; the derived layer records it (modelParts.ts). */
export type { ModelPart } from '../modelParts';

/** What a rule's diagnostics carry in `data` for its quick fixes (plain JSON: it goes to the editor and back). */
export type RuleData = Record<string, unknown>;

/** The `data` of a rule whose diagnostics carry none. */
export type NoData = Record<string, never>;

export interface RuleContext<Data extends object = RuleData> {
  doc: EsgDocument;
  locale: Locale;
  framework: FrameworkIndex;
  issuerClass: IssuerClass;
  /** Year the report's financial year ends in (from `esg.period`; the Code's first year when not given). */
  year: number;
  /** Financial year, issuer class and rules version (`reportingContext`): obligations come from here. */
  reporting: ReportingContext;
  disclosures: DisclosureIndex;
  /** The document's derived layer: facts, checks, factor quotes ... (what a rule reads of it is recorded). */
  derived: Derived;
  options: AnalysisOptions;
  /** Message in the report's locale. */
  t(key: MessageKey, args?: Record<string, string | number>): string;
  /** Message whose key is made at run time (a parser problem's key): an unknown key comes back as it is. */
  tFromKey(key: string, args?: Record<string, string | number>): string;
  report(d: { range: Range; message: string; severity?: Severity; data?: Data; related?: RelatedLocation[] }): void;
}

/** What a rule's quick fixes see: the analysed document and the diagnostics asked about. */
export interface FixContext {
  doc: EsgDocument;
  locale: Locale;
  options: AnalysisOptions;
  framework: FrameworkIndex;
  /** Every diagnostic the fixes are asked for (a fix may resolve several of its rule's findings at once). */
  diagnostics: readonly Diagnostic[];
  /** Message in the analysis' locale. */
  t(key: MessageKey, args?: Record<string, string | number>): string;
}

/**
 * A diagnostic of a rule whose `data` is that rule's. The data came back from the editor, so a fix still
 * checks each field before it uses it; the type names the fields the rule writes.
 */
export type RuleDiagnostic<Data extends object> = Omit<Diagnostic, 'data'> & { data?: Partial<Data> };

export interface Rule<Data extends object = RuleData> {
  id: string;
  defaultSeverity: Severity;
  description: Localized;
  /** Some of this rule's quick fixes are safe (`CodeAction.safe`): fix-all applies them. */
  safeFix?: boolean;
  run(ctx: RuleContext<Data>): void;
  /**
   * For a rule whose findings about a KPI in a period depend only on that KPI and period's facts (and
   * the rows and tables holding them): the `kpi@period` a finding is about. After a table or span edit
   * the rule then runs over the facts the edit changed (`facts.all` holds only those; every lookup
   * still answers from the whole index) and keeps its findings about the other KPIs and periods.
   */
  factKeyOf?(data: Data): string | undefined;
  /**
   * For a rule each of whose findings lies on the lines of what it is about, one table (its cells, KPI
   * rows and their facts) or one span's fact, and depends on nothing else that an edit of tables or
   * spans changes (never on other tables, nor on headings or sections). After such an edit the rule
   * runs over the edited lines only — the edited table's, else the edited line — with `doc.tables`,
   * `doc.kpiTables` and `facts.all` holding only what lies there (a table keeps its `index`: look no
   * table up by position in them), and keeps its findings on the other lines.
   */
  perTable?: true;
  /**
   * Its messages name a line by its number (another statement of the figure, an earlier index row, a
   * chapter's link): after lines were added or removed above it, a kept finding would name the old line,
   * so the rule runs again instead.
   */
  quotesLineNumbers?: true;
  /** The quick fixes of one of this rule's diagnostics (none when absent). */
  fixes?(d: RuleDiagnostic<Data>, ctx: FixContext): CodeAction[];
}

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: Localized;
  /** Some of this rule's quick fixes are safe (`CodeAction.safe`): fix-all applies them. */
  safeFix?: boolean;
  /**
   * Its messages name a line by its number (another statement of the figure, an earlier index row, a
   * chapter's link): after lines were added or removed above it, a kept finding would name the old line,
   * so the findings are made again instead.
   */
  quotesLineNumbers?: true;
}

export type { Diagnostic };
