// Everything computed from an analysed document, in one place: its resolved context (locale, issuer
// class, financial year, framework), the disclosure index, the facts, the checks of the numbers engine,
// the factors it quotes. One `Derived` per document, each part computed on first use and kept; the
// accessor functions below (`facts(doc)`, `allChecks(doc, locale)` ...) are thin delegates to it. The
// builders it calls take what they read as parameters and import nothing of this module.
//
// What depends on the locale or the options is kept per locale or per options key, never per document
// alone. An incremental analysis hands the next version's layer the parts an edit cannot change
// (`carryDerived`). While a rule runs, the layer records which parts of the model it reads
// (`recordReads`): the rule runner keeps a rule's earlier diagnostics only when none of them changed.
import type { EsgDocument, KpiRow, KpiTable, Span } from './model';
import type { EsgConfig } from './frontmatter';
import type { AnalysisOptions, Diagnostic, Locale } from './types';
import type { LineEdit } from './parser/incremental';
import { FACT_INPUTS, HKEX_INPUTS, NUMBERS_INPUTS, type ModelPart } from './modelParts';
import { buildDisclosures, packAnswers, type DisclosureIndex, type PackAnswer } from './disclosures';
import { buildFacts, type Fact, type FactIndex } from './numbers/facts';
import {
  findFactorQuotes,
  readFrontMatterFactors,
  type FactorQuote,
  type FrontMatterFactor,
} from './numbers/factorQuotes';
import {
  buildAverageChecks,
  buildKpiSumUnits,
  buildRateChecks,
  type SumUnits,
  type AverageCheck,
  type RateCheck,
  type SumResult,
} from './numbers/relations';
import { buildFormulaCheckUnits, type FormulaCheckResult, type FormulaUnits } from './numbers/formulaChecks';
import { factChanges, factSnapshot, type FactSnapshot, type Unit } from './numbers/factDeps';
import { buildGhgSumUnits } from './numbers/ghgChecks';
import { buildIntensityUnits, type IntensityUnits } from './numbers/intensityChecks';
import { buildAllChecks, checksAt as checksAmong } from './numbers/allChecks';
import type { Check } from './numbers/checks';
import type { FormulaEnvOptions } from './numbers/formula';
import { buildKeyedFacts, findRestatedMarker, type RestatedMarker } from './xreport/compare';
import { reportingContext, type ReportingContext } from './context';
import { getFramework, type FrameworkIndex } from './catalogs/hkex';
import { resolveLocale } from './i18n';
import {
  GRI_PACK,
  packIndexKeptByHeadingEdit,
  packIndexTables,
  packTags,
  type PackIndexTable,
  type PackRef,
} from './recognition/packIndex';
import { titleReads, type TitleReads } from './recognition/indexTables';
import { materialityTables, topicSections, type MaterialityTable } from './recognition/ashareMateriality';

/** What must be equal between two analyses for one to be derived from the other (and for them to share a context). */
export function optionsKey(options: AnalysisOptions): string {
  return JSON.stringify([
    options.locale ?? null,
    options.issuerClass ?? null,
    options.severity ?? null,
    options.faultRules ? [...options.faultRules].sort() : null,
    options.profile ?? null,
    options.vocabulary ?? null,
  ]);
}

/** The context a document is analysed in under some options: what rules, hover and the report model agree on. */
export interface AnalysisContext {
  locale: Locale;
  /** Financial year, issuer class and rules version (`reportingContext`), computed once. */
  reporting: ReportingContext;
  /** The framework the front matter names; undefined for one esgmark does not know. */
  framework: FrameworkIndex | undefined;
}

/**
 * A small object standing for a document, for what is computed from it and reused by later versions:
 * a later version's layer links to its predecessor's token, which keeps the earlier results reachable
 * but not the earlier document and its text.
 */
export interface ModelToken {
  /**
   * The report model last built from the document, with what else it depends on, and the parts it was
   * built from that the next version's model may reuse (features/report.ts).
   */
  report?: { model: unknown; locale: Locale; options: string; parts?: unknown };
}

/** How a document's model was derived from an earlier one: by which edit, changing which parts. */
interface Derivation {
  /** The earlier layer's token (not the earlier layer: its model and text may be freed). */
  from: ModelToken;
  edit: LineEdit;
  parts: ReadonlySet<ModelPart>;
  move<T>(value: T, edit: LineEdit): T | undefined;
}

// ---- recorded reads ----

/** The parts read by the rule running now; undefined outside a rule. */
let reading: Set<ModelPart> | undefined;

function note(parts: readonly ModelPart[]): void {
  if (!reading) return;
  // Rules read the same field or part in loops: the same list noted into the same set again adds nothing
  // (the sets only grow).
  if (reading === lastNotedInto && parts === lastNotedParts) return;
  for (const p of parts) reading.add(p);
  lastNotedInto = reading;
  lastNotedParts = parts;
}
let lastNotedInto: Set<ModelPart> | undefined;
let lastNotedParts: readonly ModelPart[] | undefined;

/** Runs `run` (a rule) with every part of the model it reads, directly or through the layer, added to `into`. */
export function recordReads<T>(into: Set<ModelPart>, run: () => T): T {
  const outer = reading;
  reading = into;
  try {
    return run();
  } finally {
    reading = outer;
  }
}

/**
 * The part each field of the document belongs to. The text and the line starts count as prose: what a
 * rule reads of them elsewhere it finds through another field (a table, a span), which is recorded too,
 * and a position it reports is moved with the edit. `uri` is the same for every version.
 */
const FIELD_PARTS: { readonly [K in keyof EsgDocument]?: readonly ModelPart[] } = {
  text: ['prose'],
  lineStarts: ['prose'],
  frontMatter: ['frontMatter'],
  config: ['frontMatter'],
  headings: ['structure', 'headingText'],
  sections: ['structure', 'headingText'],
  explanations: ['structure', 'explanationText'],
  // Rebuilt after a heading edit or an edit of a table under an index heading, and then noted as changed.
  indexTables: ['indexTables'],
  links: ['links'],
  // A table knows the section it sits in.
  tables: ['tables', 'structure'],
  kpiTables: ['tables'],
  spans: ['spans'],
  syntaxProblems: ['syntax'],
};

const RAW = Symbol('esgmark.rawDocument');

/** Lines from `first` to `last` (both included). */
export interface LineSpan {
  first: number;
  last: number;
}

/** What a rule with `perTable` sees while it runs over some lines only (`Derived.withTableScope`). */
interface TableScope {
  doc: EsgDocument;
  lines: readonly LineSpan[];
  tables?: EsgDocument['tables'];
  kpiTables?: KpiTable[];
  facts?: FactIndex;
}

/** The scope of the rule running now, if it runs over some lines only. */
let tableScope: TableScope | undefined;

const onLines = (lines: readonly LineSpan[], line: number) => lines.some((s) => s.first <= line && line <= s.last);

/** The document's tables, or its KPI tables, that a table scope leaves a rule. */
function scopedTables(scope: TableScope, key: 'tables' | 'kpiTables'): unknown {
  const tables = (scope.tables ??= scope.doc.tables.filter((t) => onLines(scope.lines, t.range.start.line)));
  if (key === 'tables') return tables;
  const kept = new Set(tables.map((t) => t.index));
  return (scope.kpiTables ??= scope.doc.kpiTables.filter((k) => kept.has(k.table)));
}

/**
 * The document as a rule sees it: reading a field notes its part. Everything below the field is the
 * document's own data; the layer of the view is the document's layer.
 */
export function recordingView(doc: EsgDocument): EsgDocument {
  return new Proxy(doc, {
    get(target, key, receiver) {
      if (key === RAW) return target;
      const parts = FIELD_PARTS[key as keyof EsgDocument];
      if (parts) note(parts);
      if (tableScope?.doc === target && (key === 'tables' || key === 'kpiTables')) return scopedTables(tableScope, key);
      return Reflect.get(target, key, receiver);
    },
  });
}

function rawOf(doc: EsgDocument): EsgDocument {
  return (doc as EsgDocument & { [RAW]?: EsgDocument })[RAW] ?? doc;
}

const DISCLOSURE_READS = HKEX_INPUTS.filter((p) => p !== 'explanationText');
const noteExplanationText = () => note(['explanationText']);

// ---- the layer ----

const NO_FORMULA_OPTIONS: FormulaEnvOptions = {};
/** What the content index tables are read from (`packIndexTables`). */
const PACK_INDEX_INPUTS: readonly ModelPart[] = ['structure', 'headingText', 'griIndex'];

export class Derived {
  /** The KPI tables' facts of the version this one was derived from: tables kept by the edit are not read again. */
  private carriedFacts?: ReadonlyMap<KpiTable, readonly Fact[]>;
  private carriedQuotes?: { quotes?: FactorQuote[]; frontMatter?: FrontMatterFactor[] };
  /** The spans' facts of an earlier version, valid while the front matter (the report's year) is the same object. */
  private carriedSpanFacts?: { facts: ReadonlyMap<Span, Fact>; config: EsgConfig };
  /**
   * The relations' units of earlier versions, by part, each with the facts of the version it was built
   * in: a unit the edits since then did not touch is carried (numbers/factDeps.ts).
   */
  private carriedUnits: ReadonlyMap<unknown, { from: FactSnapshot; units: unknown }> = new Map();
  /** The units of the relations this version built, by part (a name, or the formula options). */
  private readonly builtUnits = new Map<unknown, unknown>();
  private ghgSumList?: Check[];
  private readonly intensitiesByLocale = new Map<Locale, Check[]>();
  /** This version's facts as relations built here were read from, taken once. */
  private snapshot?: FactSnapshot;
  /** What changed in the facts since an earlier version's snapshot, once per snapshot. */
  private readonly changesSince = new Map<FactSnapshot, Set<string> | undefined>();
  private memo: {
    disclosures?: DisclosureIndex;
    facts?: FactIndex;
    factorQuotes?: FactorQuote[];
    frontMatterFactors?: FrontMatterFactor[];
    sums?: SumResult;
    rates?: RateCheck[];
    averages?: AverageCheck[];
    keyedFacts?: Map<string, Fact>;
    packIndexTables?: PackIndexTable[];
    packTags?: PackRef[];
    packAnswers?: PackAnswer[];
    materialityTables?: MaterialityTable[];
    topicSections?: Map<string, number>;
    indexTableNumbers?: ReadonlySet<number>;
  } = {};
  private readonly formulas = new Map<FormulaEnvOptions, FormulaCheckResult>();
  /** Checks carry messages' labels: one list per locale. */
  private readonly checksByLocale = new Map<Locale, Check[]>();
  private readonly contexts = new Map<string, AnalysisContext>();
  private readonly restated = new Map<KpiRow, RestatedMarker | null>();
  private readonly features = new Map<string, unknown>();

  /** The options key the rules ran under (set by the analysis): an analysis is derived only from one with the same. */
  analysedWith?: string;
  /** Rules whose results the analysis lacks: they threw, or the time budget skipped them. They run again next time. */
  failedRules: ReadonlySet<string> = new Set();
  /** The parts of the model each rule read when it last ran (kept rules keep their earlier reads). */
  ruleReads: ReadonlyMap<string, ReadonlySet<ModelPart>> = new Map();
  /** Every finding of a rule with `factKeyOf` whose list the cap cut (the next fact edit keeps those of other keys). */
  uncappedFindings: ReadonlyMap<string, readonly Diagnostic[]> = new Map();
  readonly token: ModelToken = {};
  derivation?: Derivation;

  constructor(readonly doc: EsgDocument) {}

  /** Locale, reporting context and framework under `options`, computed once per options key. */
  context(options: AnalysisOptions): AnalysisContext {
    const key = optionsKey(options);
    let context = this.contexts.get(key);
    if (!context) {
      const doc = this.doc;
      const locale = resolveLocale(
        doc.config,
        // The project file's locale counts only where the front matter names none.
        options.locale ?? (doc.config.locale ? undefined : options.profile?.locale),
        doc.headings
          .slice(0, 30)
          .map((h) => h.title)
          .join(' '),
      );
      context = {
        locale,
        reporting: reportingContext(doc.config, options),
        framework: getFramework(doc.config.framework),
      };
      this.contexts.set(key, context);
    }
    return context;
  }

  get disclosures(): DisclosureIndex {
    // The reasons' text is noted when an entry's text is read: most readers only count the entries.
    note(DISCLOSURE_READS);
    return (this.memo.disclosures ??= buildDisclosures(this.doc, noteExplanationText));
  }

  /** Every framework's content index tables (recognition/packIndex.ts), read once for the framework rules. */
  get packIndexTables(): PackIndexTable[] {
    // Which tables are index tables is decided by their sections' headings; a row's target reads its
    // own line's text (links in the cell), which only an edit of that table changes.
    // (A GRI index is also told by its heading's title, and targets resolve by titles and anchors.)
    note(PACK_INDEX_INPUTS);
    if (!this.memo.packIndexTables) {
      this.packIndexReads = titleReads();
      this.memo.packIndexTables = packIndexTables(this.doc, this.packIndexReads);
    }
    return this.memo.packIndexTables;
  }

  /** What the reading of the content index tables asked of the headings' titles (for carrying them past a title edit). */
  private packIndexReads?: TitleReads;

  /** The GRI content index tables, for the gri/ rules. */
  get griIndexTables(): PackIndexTable[] {
    return this.packIndexTables.filter((t) => t.pack === GRI_PACK);
  }

  /** The indexes of the content index tables, if something read them (an edit of another table leaves them). */
  get builtGriIndexTables(): ReadonlySet<number> | undefined {
    return this.memo.packIndexTables && new Set(this.memo.packIndexTables.map((t) => t.table));
  }

  /**
   * The indexes of the tables read as HKEX index tables: those under an `.hkex-index` heading whose rows
   * read as an index (structure and the tables' cells; never the titles).
   */
  get indexTableNumbers(): ReadonlySet<number> {
    note(['structure', 'tables']);
    return (this.memo.indexTableNumbers ??= new Set(this.doc.indexTables.map((t) => t.table)));
  }

  /** The KPI rows of figures that answer framework pack items, in document order (`packAnswers`). */
  get packAnswers(): readonly PackAnswer[] {
    // Which rows count as evidence and their KPIs, as the disclosure index reads them (`kpiEvidence`), and
    // where their tables start: a line only a line edit moves, and every line below with it, so the order
    // of tables and headings the framework rules look at stays.
    note(['kpiEvidence']);
    return (this.memo.packAnswers ??= packAnswers(this.doc));
  }

  /** The other frameworks' tags on headings (`gri=`, `sasb=`, `issb=`, `hkfrs=`, `ashare=`). */
  get packTags(): PackRef[] {
    note(['structure']);
    return (this.memo.packTags ??= packTags(this.doc));
  }

  /** The A-share double-materiality tables (recognition/ashareMateriality.ts), read once for the ashare/ rules. */
  get materialityTables(): MaterialityTable[] {
    // A section cell's target reads its line's text (links), as the index tables do.
    note(['structure', 'headingText', 'tables', 'prose']);
    return (this.memo.materialityTables ??= materialityTables(this.doc));
  }

  /** The section of each A-share topic (`ashare=` tag, else a heading titled with the topic's name). */
  get topicSections(): Map<string, number> {
    note(['structure', 'headingText']);
    return (this.memo.topicSections ??= topicSections(this.doc));
  }

  get facts(): FactIndex {
    note(FACT_INPUTS);
    if (tableScope?.doc === this.doc) {
      const scope = tableScope;
      if (!scope.facts) {
        const whole = this.allFacts();
        const all = whole.all.filter((f) => onLines(scope.lines, f.range.start.line));
        scope.facts = Object.create(whole, { all: { value: all } }) as FactIndex;
      }
      return scope.facts;
    }
    return this.scopedFacts ?? this.allFacts();
  }

  /** The facts, whatever the scope: what the layer's own parts (sums, checks) are built from. */
  private allFacts(): FactIndex {
    if (!this.memo.facts) {
      const spans = this.carriedSpanFacts?.config === this.doc.config ? this.carriedSpanFacts.facts : undefined;
      this.memo.facts = buildFacts(this.doc, this.carriedFacts, spans);
      this.carriedFacts = undefined;
      this.carriedSpanFacts = undefined;
    }
    return this.memo.facts;
  }

  /** While set, what `facts` answers: the index with `all` cut down to some keys (`withFactScope`). */
  private scopedFacts?: FactIndex;

  /**
   * Runs `run` (a rule with `factKeyOf`) with `facts.all` holding only the facts of the `kpi@period`
   * keys in `keys`; every lookup answers from the whole index, and the other parts are built from it.
   */
  withFactScope<T>(keys: ReadonlySet<string>, run: () => T): T {
    const whole = this.allFacts();
    const all = whole.all.filter((f) => keys.has(`${f.kpiId}@${f.period}`));
    const outer = this.scopedFacts;
    this.scopedFacts = Object.create(whole, { all: { value: all } }) as FactIndex;
    try {
      return run();
    } finally {
      this.scopedFacts = outer;
    }
  }

  /**
   * Runs `run` (a rule with `perTable`) over the tables and facts on `lines` only: the rule's view of the
   * document lists only the tables starting there (and their KPI tables), `facts.all` only the facts on
   * those lines; every lookup answers from the whole index, and the other parts are built from it.
   */
  withTableScope<T>(lines: readonly LineSpan[], run: () => T): T {
    const outer = tableScope;
    tableScope = { doc: this.doc, lines };
    try {
      return run();
    } finally {
      tableScope = outer;
    }
  }

  get factorQuotes(): FactorQuote[] {
    note(NUMBERS_INPUTS);
    return (this.memo.factorQuotes ??= this.carriedQuotes?.quotes ?? findFactorQuotes(this.doc));
  }

  get frontMatterFactors(): FrontMatterFactor[] {
    note(NUMBERS_INPUTS);
    return (this.memo.frontMatterFactors ??= this.carriedQuotes?.frontMatter ?? readFrontMatterFactors(this.doc));
  }

  get sums(): SumResult {
    note(FACT_INPUTS);
    return (this.memo.sums ??= this.fromUnits<SumUnits, SumResult>('sums', (earlier, changed) =>
      buildKpiSumUnits(this.doc, this.allFacts(), earlier, changed),
    ));
  }

  /** Scope 1 + 2, the grand total and Scope 3's categories against their totals (ghg/sum-mismatch). */
  get ghgSums(): Check[] {
    note(FACT_INPUTS);
    return (this.ghgSumList ??= this.fromUnits<Map<string, Unit<Check[]>>, Check[]>('ghgSums', (earlier, changed) =>
      buildGhgSumUnits(this.allFacts(), earlier, changed),
    ));
  }

  /** The intensities against their denominators (kpi/intensity-mismatch), with notes in `locale`. */
  intensities(locale: Locale): Check[] {
    note(FACT_INPUTS);
    let list = this.intensitiesByLocale.get(locale);
    if (!list) {
      const facts = this.allFacts();
      list = this.fromUnits<IntensityUnits, Check[]>(`intensities ${locale}`, (earlier, changed) =>
        buildIntensityUnits(this.doc, facts, locale, earlier, changed),
      );
      this.intensitiesByLocale.set(locale, list);
    }
    return list;
  }

  /**
   * A relation built from units (numbers/factDeps.ts): handed the units of the version it was last built
   * in and the tokens of the facts changed since, when there are such units; its units kept for the next.
   */
  private fromUnits<U, R>(
    part: unknown,
    build: (earlier: U | undefined, changed: ReadonlySet<string> | undefined) => { result: R; units: U },
  ): R {
    const earlier = this.carriedUnits.get(part) as { from: FactSnapshot; units: U } | undefined;
    const changed = earlier && this.changedSince(earlier.from);
    const built = build(changed && earlier.units, changed);
    this.builtUnits.set(part, built.units);
    return built.result;
  }

  /** The tokens of the facts that differ from an earlier version's (`factChanges`); undefined: rebuild everything. */
  private changedSince(from: FactSnapshot): Set<string> | undefined {
    if (!this.changesSince.has(from))
      this.changesSince.set(from, factChanges(from, this.allFacts(), this.doc.spans, this.doc.config));
    return this.changesSince.get(from);
  }

  private factSnapshot(): FactSnapshot {
    return (this.snapshot ??= factSnapshot(this.allFacts(), this.doc.spans, this.doc.config));
  }

  get rates(): RateCheck[] {
    note(FACT_INPUTS);
    return (this.memo.rates ??= buildRateChecks(this.doc, this.allFacts()));
  }

  get averages(): AverageCheck[] {
    note(FACT_INPUTS);
    return (this.memo.averages ??= buildAverageChecks(this.doc, this.allFacts()));
  }

  /** The facts that stand for each KPI and period (`kpi@period`), for comparing reports. */
  get keyedFacts(): Map<string, Fact> {
    note(FACT_INPUTS);
    return (this.memo.keyedFacts ??= buildKeyedFacts(this.allFacts()));
  }

  formulaChecks(options: FormulaEnvOptions = NO_FORMULA_OPTIONS): FormulaCheckResult {
    note(FACT_INPUTS);
    let result = this.formulas.get(options);
    if (!result) {
      result = this.fromUnits<FormulaUnits, FormulaCheckResult>(options, (earlier, changed) =>
        buildFormulaCheckUnits(this.doc, this.allFacts(), options, earlier, changed),
      );
      this.formulas.set(options, result);
    }
    return result;
  }

  /** Every check of the numbers engine, with labels in `locale`. */
  checks(locale: Locale): Check[] {
    note(NUMBERS_INPUTS);
    let list = this.checksByLocale.get(locale);
    if (!list) {
      // Built from every fact, even while a rule's scope cuts `facts` down.
      const scoped = this.scopedFacts;
      const lines = tableScope;
      this.scopedFacts = undefined;
      tableScope = undefined;
      try {
        list = buildAllChecks(this.doc, this, locale);
      } finally {
        this.scopedFacts = scoped;
        tableScope = lines;
      }
      this.checksByLocale.set(locale, list);
    }
    return list;
  }

  /**
   * What a feature builds from an analysis of this document (the generated index table), once per
   * `key`: the locale and options key of the analysis, everything else it reads being the document's.
   */
  forAnalysis<T>(feature: string, key: string, build: () => T): T {
    const slot = `${feature} ${key}`;
    if (this.features.has(slot)) return this.features.get(slot) as T;
    const value = build();
    this.features.set(slot, value);
    return value;
  }

  restatedMarker(row: KpiRow): RestatedMarker | undefined {
    note(['tables']);
    let found = this.restated.get(row);
    if (found === undefined) {
      found = findRestatedMarker(this.doc, row) ?? null;
      this.restated.set(row, found);
    }
    return found ?? undefined;
  }

  /**
   * When this document was derived from an earlier one by an edit that changed none of `parts`, the
   * earlier document's token and a function moving a value computed from it to this version
   * (undefined when it cannot tell where a position goes).
   */
  unchangedSince(parts: readonly ModelPart[]): { from: ModelToken; move<T>(value: T): T | undefined } | undefined {
    const d = this.derivation;
    if (!d || parts.some((p) => d.parts.has(p))) return undefined;
    return { from: d.from, move: (value) => d.move(value, d.edit) };
  }

  /**
   * Hands this layer what the edit to `next` cannot change: the facts of the KPI tables `next` kept
   * (the same objects), and, when the paragraphs are as before, the factors quoted in them.
   */
  carryTo(next: Derived, edit: LineEdit, parts: ReadonlySet<ModelPart>, move: Derivation['move']): void {
    // Tables' facts this version was handed and did not need yet go on too (a prose edit builds none).
    const tableFacts = this.memo.facts?.tableFacts ?? this.carriedFacts;
    if (tableFacts) next.carriedFacts = tableFacts;
    const spanFacts = this.memo.facts
      ? { facts: this.memo.facts.spanFacts, config: this.doc.config }
      : this.carriedSpanFacts;
    if (spanFacts) next.carriedSpanFacts = spanFacts;
    // The relations built here, with the facts they were read from; those handed on unbuilt go on as they were.
    const units = new Map(this.carriedUnits);
    for (const [part, built] of this.builtUnits) units.set(part, { from: this.factSnapshot(), units: built });
    next.carriedUnits = units;
    // Quotes this version was handed and did not need yet go on too (they are checked against the front matter's factors).
    if (!parts.has('prose') && !parts.has('frontMatter') && !edit.shift) {
      next.carriedQuotes = {
        quotes: this.memo.factorQuotes ?? this.carriedQuotes?.quotes,
        frontMatter: this.memo.frontMatterFactors ?? this.carriedQuotes?.frontMatter,
      };
    }
    // The content index tables: read from their own tables' lines under the index headings, so the same
    // while neither the headings nor those tables changed (and then the next edit knows which they are),
    // and no lines moved (their rows' ranges would be those of the earlier lines).
    // So too after a keystroke in a heading's title that no index cell, and no index heading, reads.
    if (this.memo.packIndexTables && this.packIndexReads && !edit.shift) {
      const unchanged = !PACK_INDEX_INPUTS.some((p) => parts.has(p));
      const titleOnly =
        !unchanged &&
        !parts.has('structure') &&
        !parts.has('griIndex') &&
        packIndexKeptByHeadingEdit(this.doc, next.doc, edit.line, this.packIndexReads);
      if (unchanged || titleOnly) {
        next.memo.packIndexTables = this.memo.packIndexTables;
        next.packIndexReads = this.packIndexReads;
      }
    }
    // The pack tags are read from the headings' attributes (structure), each at its place: the same while
    // those did not change, no line moved and the edited line carries none (typing in a title moves its tags).
    if (
      this.memo.packTags &&
      !parts.has('structure') &&
      !edit.shift &&
      !this.memo.packTags.some((t) => t.range.start.line === edit.line)
    )
      next.memo.packTags = this.memo.packTags;
    next.derivation = { from: this.token, edit, parts, move };
  }
}

/**
 * The `kpi@period` keys whose facts differ between two versions of a document (one derived from the
 * other by an edit of one line): the keys of the facts of every KPI table one has and the other lacks,
 * and of the spans one has and the other lacks. Undefined when the set of periods changed (a rule may
 * read every period).
 */
export function changedFactKeys(before: Derived, after: Derived): Set<string> | undefined {
  // The earlier version's facts, built now if no rule needed them then (from the tables' facts it was handed).
  const old = before.facts;
  const now = after.facts;
  if (old.periods.length !== now.periods.length || old.periods.some((p, k) => p !== now.periods[k])) return undefined;
  const keys = new Set<string>();
  const add = (list: readonly Fact[]) => {
    for (const f of list) keys.add(`${f.kpiId}@${f.period}`);
  };
  for (const [table, list] of old.tableFacts) if (!now.tableFacts.has(table)) add(list);
  for (const [table, list] of now.tableFacts) if (!old.tableFacts.has(table)) add(list);
  const spanFacts = (from: FactIndex, doc: EsgDocument, other: EsgDocument) => {
    if (doc.spans === other.spans) return;
    const kept = new Set(other.spans);
    for (const span of doc.spans) {
      if (kept.has(span)) continue;
      const f = from.ofSpan(span);
      if (f) add([f]);
    }
  };
  spanFacts(old, before.doc, after.doc);
  spanFacts(now, after.doc, before.doc);
  return keys;
}

/** The one map from a document to its layer. */
const layers = new WeakMap<EsgDocument, Derived>();

/** The layer of a document (or of a rule's view of it). */
export function derivedOf(doc: EsgDocument): Derived {
  const raw = rawOf(doc);
  let layer = layers.get(raw);
  if (!layer) {
    layer = new Derived(raw);
    layers.set(raw, layer);
  }
  return layer;
}

/** The context of a document under some options (see `Derived.context`). */
export function contextOf(doc: EsgDocument, options: AnalysisOptions): AnalysisContext {
  return derivedOf(doc).context(options);
}

// ---- accessors: a document's part, through its layer ----

/** The disclosure index of a document. */
export function disclosures(doc: EsgDocument): DisclosureIndex {
  return derivedOf(doc).disclosures;
}

/** The facts of a document. */
export function facts(doc: EsgDocument): FactIndex {
  return derivedOf(doc).facts;
}

/** Emission factors quoted in the report's prose, in document order. */
export function factorQuotes(doc: EsgDocument): FactorQuote[] {
  return derivedOf(doc).factorQuotes;
}

/** The `esg.factors` entries with the range of each value. */
export function frontMatterFactors(doc: EsgDocument): FrontMatterFactor[] {
  return derivedOf(doc).frontMatterFactors;
}

/** Breakdowns and table parts against their totals (kpi/sum-mismatch): `buildKpiSumUnits`. */
export function kpiSums(doc: EsgDocument): SumResult {
  return derivedOf(doc).sums;
}

/** Rates against their counts (kpi/rate-mismatch): `buildRateChecks`. */
export function kpiRateChecks(doc: EsgDocument): RateCheck[] {
  return derivedOf(doc).rates;
}

/** Overall averages against their breakdowns (kpi/average-bounds): `buildAverageChecks`. */
export function kpiAverageChecks(doc: EsgDocument): AverageCheck[] {
  return derivedOf(doc).averages;
}

/** The formula checks of a document under `options` (once per options object). */
export function formulaChecks(doc: EsgDocument, options?: FormulaEnvOptions): FormulaCheckResult {
  return derivedOf(doc).formulaChecks(options);
}

/** Every check of the numbers engine, with labels in `locale` (once per locale). */
export function allChecks(doc: EsgDocument, locale: Locale): Check[] {
  return derivedOf(doc).checks(locale);
}

/** The checks whose target or inputs include a value at this position. */
export function checksAt(doc: EsgDocument, locale: Locale, line: number, character: number): Check[] {
  return checksAmong(allChecks(doc, locale), line, character);
}

/** The facts that stand for each KPI and period (`kpi@period`), for comparing reports. */
export function keyedFacts(doc: EsgDocument): Map<string, Fact> {
  return derivedOf(doc).keyedFacts;
}

/** The restatement marker of a KPI row (once per row). */
export function restatedMarker(doc: EsgDocument, row: KpiRow): RestatedMarker | undefined {
  return derivedOf(doc).restatedMarker(row);
}
