// Builds the ReportModel (./reportModel.ts) from one analysis: the KPI figures grouped by HKEX aspect
// with their checks, GHG by scope and Scope 3 by category, and every requirement with its coverage
// status. It reads the per-document caches (facts, checks, disclosures) the rules already filled, so
// building it after an analysis costs little; it never throws (a failing part is left empty).
import type { Analysis } from '../analysis';
import type { EsgDocument, IndexTarget, KpiRow, KpiTable } from '../model';
import type { Locale, Range } from '../types';
import type {
  CheckStatus,
  CoverageStatus,
  ReportCheck,
  ReportKpiGroup,
  ReportKpiRow,
  ReportModel,
  ReportRequirement,
  ReportValue,
} from './reportModel';
import { getFramework, type FrameworkIndex } from '../catalogs/hkex';
import { getKpi } from '../catalogs/kpis';
import { openMemberParent } from '../recognition/labels';
import { scope3Categories } from '../catalogs/factors';
import { currencyOf, parseUnit, type ParsedUnit } from '../catalogs/units';
import { addressed } from '../disclosures';
import { localized, t } from '../i18n';
import type { ModelPart } from '../rules';
import { describeContext, fyLabel, obligationIn, type ReportingContext } from '../context';
import { HKEX_INPUTS, NUMBERS_INPUTS } from '../modelParts';
import { derivedOf, optionsKey, disclosures, facts, allChecks, type LineSpan, type ModelToken } from '../derived';
import { type Fact, type FactIndex } from '../numbers/facts';
import { printLike, type Check } from '../numbers/checks';
import { baseUnitName, dimOf, type Dim } from '../numbers/quantity';
import { claimedFrameworks } from './coverage';
import { HKEX_FRAMEWORK_ID } from '../catalogs/frameworks';

export { baseUnitName };

/** Group id of KPIs that disclose Part D climate paragraphs (the GHG figures). */
export const CLIMATE_GROUP = 'D';
/** Group id of rows esgmark did not recognise or that disclose no HKEX requirement. */
export const OTHER_GROUP = 'other';

/** What the report model is built from: the numbers engine and the disclosure index. */
const REPORT_INPUTS: readonly ModelPart[] = [...new Set([...NUMBERS_INPUTS, ...HKEX_INPUTS])];

/** The report model of an analysis, built once (kept on its document's token in the derived layer). */
export function buildReportModel(analysis: Analysis): ReportModel {
  const derived = derivedOf(analysis.model);
  const token = derived.token;
  const options = optionsKey(analysis.options);
  const cached = token.report;
  if (cached && cached.locale === analysis.locale && cached.options === options) return cached.model as ReportModel;
  // The previous version's rows, whatever the edit changed: a row is reused only for the same row object.
  const earlier = derived.unchangedSince([])?.from.report;
  const rows =
    earlier && earlier.locale === analysis.locale && earlier.options === options
      ? (earlier.parts as BuiltRows | undefined)
      : undefined;
  const reused = reusedReportModel(analysis, options);
  if (reused) {
    token.report = { model: reused, locale: analysis.locale, options, parts: rows };
    return reused;
  }
  const built = build(analysis, rows, earlierRequirements(analysis, earlier, options));
  token.report = { model: built.model, locale: analysis.locale, options, parts: built.rows };
  return built.model;
}

/**
 * The KPI rows of a report model by the recognised row each was built from, with the document values
 * they also read. The next version's model reuses a row whose recognised row the edit kept (the same
 * object: its table was not read again) when its figures' checks are the same.
 */
interface BuiltRows {
  uri: string;
  currency: string | undefined;
  byTable: Map<KpiTable, BuiltRow[]>;
  /** The framework the rows' aspects were found in. */
  framework: string | undefined;
  /** The checks the rows were built with (`uniqueChecks`): a table none of whose changed checks touch is kept whole. */
  checks: readonly Check[];
  /** The KPI tables whose rows the requirements name as places (their labels are in the model). */
  citedTables?: ReadonlySet<KpiTable>;
}

/** The requirements part of a report model (read from the disclosure index and the reporting context). */
type RequirementsPart = Pick<ReportModel, 'requirements' | 'coverage' | 'reporting'>;

/** One row of a table as built, in the order of the table's rows (captions included, unbuilt). */
interface BuiltRow {
  row: KpiRow;
  /** The row's fields the project file's vocabulary may set after it was read (vocabulary.ts). */
  kpiId: string | undefined;
  unitAs: string | undefined;
  out: ReportKpiRow | undefined;
  /** The group it was placed in (`aspectOfKpi`). */
  aspect?: string;
}

/**
 * After an edit that changed nothing the report model is built from (typing in a plain paragraph), the
 * previous version's report model, with positions on the edited line moved: the preview, the coverage
 * view and the status bar ask for it after every keystroke, and on a large report building it costs
 * more than the analysis.
 */
function reusedReportModel(analysis: Analysis, options: string): ReportModel | undefined {
  const derived = derivedOf(analysis.model).unchangedSince(REPORT_INPUTS);
  const previous = derived?.from.report;
  if (!derived || !previous || previous.locale !== analysis.locale || previous.options !== options) return undefined;
  return derived.move(previous.model as ReportModel);
}

/**
 * The previous version's requirements, moved, when the edit changed nothing they are read from: the
 * disclosure index's inputs, and the KPI tables whose rows they name (a row's label is a place's label).
 */
function earlierRequirements(
  analysis: Analysis,
  earlier: ModelToken['report'] | undefined,
  options: string,
): { part: RequirementsPart; citedTables: ReadonlySet<KpiTable> } | undefined {
  const parts = earlier?.parts as BuiltRows | undefined;
  if (!earlier || !parts?.citedTables || earlier.locale !== analysis.locale || earlier.options !== options)
    return undefined;
  const doc = analysis.model;
  const unchanged = derivedOf(doc).unchangedSince(HKEX_INPUTS);
  if (!unchanged || unchanged.from.report !== earlier || parts.uri !== doc.uri) return undefined;
  if (parts.citedTables.size > 0) {
    const tables = new Set(doc.kpiTables);
    for (const kt of parts.citedTables) if (!tables.has(kt)) return undefined;
  }
  const previous = earlier.model as ReportModel;
  const part = unchanged.move<RequirementsPart>({
    requirements: previous.requirements,
    coverage: previous.coverage,
    reporting: previous.reporting,
  });
  return part && { part, citedTables: parts.citedTables };
}

function build(
  analysis: Analysis,
  earlier: BuiltRows | undefined,
  earlierReqs?: { part: RequirementsPart; citedTables: ReadonlySet<KpiTable> },
): { model: ReportModel; rows?: BuiltRows } {
  const doc = analysis.model;
  const locale = analysis.locale;
  const model: ReportModel = {
    uri: doc.uri,
    title: doc.config.title,
    issuer: doc.config.issuer,
    locale,
    periods: [],
    kpiGroups: [],
    ghg: [],
    scope3: [],
    requirements: [],
    coverage: { parts: [], summary: '' },
    checks: { total: 0, disagree: 0 },
  };
  // Each part is independent: a bug in one must not blank the whole preview.
  const attempt = (part: () => void) => {
    try {
      part();
    } catch {
      // Left empty; the diagnostics of the analysis still tell the author what is wrong.
    }
  };
  let index: FactIndex | undefined;
  attempt(() => {
    index = facts(doc);
  });
  let checks: Check[] = [];
  attempt(() => {
    checks = uniqueChecks(allChecks(doc, locale));
  });
  attempt(() => {
    const periods = new Set<string>(index?.periods ?? []);
    for (const kt of doc.kpiTables) for (const p of kt.periods) if (p.period) periods.add(p.period);
    model.periods = [...periods].sort();
  });
  let rows: BuiltRows | undefined;
  attempt(() => {
    const reusable =
      earlier && earlier.uri === doc.uri && earlier.currency === doc.config.currency ? earlier : undefined;
    rows = { uri: doc.uri, currency: doc.config.currency, framework: doc.config.framework, checks, byTable: new Map() };
    model.kpiGroups = kpiGroups(doc, locale, checks, reusable, rows);
  });
  attempt(() => {
    model.checks = { total: checks.length, disagree: checks.filter((c) => !c.ok).length };
  });
  if (index) {
    const factIndex = index;
    attempt(() => {
      model.ghg = ghgByScope(factIndex, model.periods);
    });
    attempt(() => {
      model.scope3 = scope3ByCategory(factIndex, model.periods, locale);
    });
  }
  let citedTables: ReadonlySet<KpiTable> | undefined;
  attempt(() => {
    if (earlierReqs) {
      const { requirements, coverage, reporting } = earlierReqs.part;
      model.requirements = requirements;
      model.coverage = coverage;
      if (reporting) model.reporting = reporting;
      citedTables = earlierReqs.citedTables;
      return;
    }
    const framework = getFramework(doc.config.framework);
    if (!framework) {
      citedTables = new Set();
      return;
    }
    const rc = derivedOf(doc).context(analysis.options).reporting;
    const cited = new Set<KpiRow>();
    model.requirements = requirements(doc, locale, framework, rc, cited);
    model.coverage = { ...coverage(model.requirements, locale), context: describeContext(rc, locale) };
    model.reporting = {
      fyStart: rc.fyStart,
      fyEnd: rc.fyEnd,
      fyLabel: fyLabel(rc, locale),
      issuerClass: rc.issuerClass,
      codeVersion: rc.codeVersion,
      known: rc.known,
    };
    citedTables = new Set(doc.kpiTables.filter((kt) => kt.rows.some((r) => cited.has(r))));
  });
  if (rows && citedTables) rows.citedTables = citedTables;
  attempt(() => {
    if (doc.config.frameworks.some((f) => f !== HKEX_FRAMEWORK_ID)) model.frameworks = claimedFrameworks(analysis);
  });
  return { model, rows };
}

// ---- checks of each figure ----

/** Each check's key in `uniqueChecks`, made once per check object (checks are carried across edits). */
const checkKeys = new WeakMap<Check, string>();

/** The same relation of the same figure reached twice (two producers, two routes) is one check. */
function uniqueChecks(list: Check[]): Check[] {
  const seen = new Set<string>();
  const out: Check[] = [];
  for (const c of list) {
    let key = checkKeys.get(c);
    if (key === undefined) checkKeys.set(c, (key = `${c.rule}|${rangeKey(c.target.range)}|${c.formula}|${c.ok}`));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}`;
}

interface FigureChecks {
  asTarget: Check[];
  asInput: Check[];
}

/**
 * A figure's start as a map key: a small integer where it fits (cheaper to hash than a string; a
 * number and a string never collide), else the text.
 */
function figureKey(r: Range): number | string {
  const { line, character } = r.start;
  return line < 0x40000 && character < 0x1000 ? line * 0x1000 + character : `${line}:${character}`;
}

function checksByFigure(checks: Check[]): Map<number | string, FigureChecks> {
  const map = new Map<number | string, FigureChecks>();
  const entry = (key: number | string) => {
    let e = map.get(key);
    if (!e) map.set(key, (e = { asTarget: [], asInput: [] }));
    return e;
  };
  for (const c of checks) {
    const target = figureKey(c.target.range);
    entry(target).asTarget.push(c);
    // An input listed twice in one formula is one participation.
    const inputs = new Set<number | string>();
    for (const i of c.inputs) if (i.fact) inputs.add(figureKey(i.fact.range));
    for (const key of inputs) if (key !== target) entry(key).asInput.push(c);
  }
  return map;
}

/**
 * 'disagrees' when a check of which the figure is the result failed; 'agrees' when it took part in a
 * passing check (as result or input) and none of its own checks failed; else 'unchecked'. Being an
 * input of a failed check does not make a figure wrong: the check's result is the figure called out.
 */
function statusOf(found: FigureChecks | undefined): CheckStatus {
  if (!found) return 'unchecked';
  if (found.asTarget.some((c) => !c.ok)) return 'disagrees';
  return found.asTarget.some((c) => c.ok) || found.asInput.some((c) => c.ok) ? 'agrees' : 'unchecked';
}

/**
 * A check as the model shows it, once per check object: the checks an edit left alone are the same
 * objects in the next version (numbers/factDeps.ts carries them), and printing the computed value is
 * most of the cost of a row. Shared between models, so never changed once made.
 */
const reportChecks = new WeakMap<Check, ReportCheck>();

function reportCheck(c: Check): ReportCheck {
  let out = reportChecks.get(c);
  if (!out) {
    out = { rule: c.rule, formula: c.formula, computed: printLike(c.target, c.computed), ok: c.ok };
    reportChecks.set(c, out);
  }
  return out;
}

// ---- KPI groups ----

/** The HKEX aspect a catalog KPI belongs to: A1.1 -> 'A1', D28(a) -> 'D'; a breakdown member inherits its parent's. */
function aspectOfKpi(kpiId: string | undefined, framework: FrameworkIndex | undefined): string {
  let kpi = kpiId ? getKpi(openMemberParent(kpiId) ?? kpiId) : undefined;
  for (let depth = 0; kpi && !kpi.discloses.length && kpi.parent && depth < 5; depth++) kpi = getKpi(kpi.parent);
  if (!kpi) return OTHER_GROUP;
  const req = kpi.discloses.length ? framework?.get(kpi.discloses[0]) : undefined;
  if (req?.part === 'D') return CLIMATE_GROUP;
  if (req?.part === 'C') return req.aspect;
  // GHG totals and intensities disclose no paragraph of their own but are read with Part D.
  if (kpi.id.startsWith('ghg.')) return CLIMATE_GROUP;
  return OTHER_GROUP;
}

/** Factor from a row's unit to base units, and the base dimension; undefined when the unit is unknown. */
function unitScale(raw: string | undefined): { factor: number; dim: Dim; unit: ParsedUnit } | undefined {
  if (!raw) return undefined;
  const parsed = parseUnit(raw);
  if (!parsed.ok) return undefined;
  const { factor, dim } = dimOf(parsed.unit);
  return { factor, dim, unit: parsed.unit };
}

/** A printed value in base units (not the interval midpoint, which a conversion spread skews). */
function scaled(value: number, factor: number): number | undefined {
  const v = value * factor;
  // Drop float noise (0.2766 * 0.0001 = 0.000027660000000000002).
  return Number.isFinite(v) ? Number(v.toPrecision(12)) : undefined;
}

function kpiGroups(
  doc: EsgDocument,
  locale: Locale,
  checks: Check[],
  earlier: BuiltRows | undefined,
  built: BuiltRows,
): ReportKpiGroup[] {
  const framework = getFramework(doc.config.framework);
  const sameFramework = earlier?.framework === doc.config.framework;
  const touched = earlier ? linesOfChangedChecks(earlier.checks, checks) : undefined;
  // The tables whose rows stand as built before; the others are read again.
  const kept = doc.kpiTables.map((kt) => {
    const before = earlier?.byTable.get(kt);
    const range = doc.tables[kt.table]?.range;
    return before && sameFramework && touched && range && keptWhole(before, touched, range.start.line, range.end.line)
      ? before
      : undefined;
  });
  // The checks of the figures of the tables read again (most edits change one table's), on first use.
  let figures: Map<number | string, FigureChecks> | undefined;
  const byFigure = () => (figures ??= checksByFigure(checksOnLines(checks, linesOfTables(doc, kept))));
  const groups = new Map<string, ReportKpiRow[]>();
  const place = (aspect: string, out: ReportKpiRow) => {
    const list = groups.get(aspect);
    if (list) list.push(out);
    else groups.set(aspect, [out]);
  };
  doc.kpiTables.forEach((kt, k) => {
    const before = earlier?.byTable.get(kt);
    const whole = kept[k];
    if (whole) {
      for (const b of whole) if (b.out) place(b.aspect!, b.out);
      built.byTable.set(kt, whole);
      return;
    }
    const table: BuiltRow[] = new Array(kt.rows.length);
    kt.rows.forEach((row, i) => {
      const kpiId = row.kpiId;
      const unitAs = row.unit?.as;
      if (row.isCaption) {
        table[i] = { row, kpiId, unitAs, out: undefined };
        return;
      }
      const was = before?.[i];
      const out =
        was?.out && was.row === row && was.kpiId === kpiId && was.unitAs === unitAs
          ? withChecks(was.out, row, byFigure())
          : kpiRow(doc, locale, row, byFigure());
      const aspect = aspectOfKpi(kpiId, framework);
      table[i] = { row, kpiId, unitAs, out, aspect };
      place(aspect, out);
    });
    built.byTable.set(kt, table);
  });
  const titles = new Map<string, string>();
  for (const a of framework?.aspects() ?? []) if (a.part === 'C') titles.set(a.id, localized(a.title, locale));
  // Catalog order (A1 ... B8), then Part D, then the rest.
  const order = [...titles.keys(), CLIMATE_GROUP, OTHER_GROUP];
  const rank = (aspect: string) => {
    const i = order.indexOf(aspect);
    return i === -1 ? order.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([aspect, rows]) => ({
      aspect,
      title:
        titles.get(aspect) ??
        (aspect === CLIMATE_GROUP
          ? t(locale, 'report.group.climate')
          : aspect === OTHER_GROUP
            ? t(locale, 'report.group.other')
            : aspect),
      rows,
    }));
}

/**
 * The lines of the figures (results and inputs) of the checks one list has and the other lacks (the
 * same check objects are the same checks: the relations carry the ones an edit left alone), sorted.
 */
function linesOfChangedChecks(before: readonly Check[], now: readonly Check[]): number[] {
  const lines = new Set<number>();
  const add = (c: Check) => {
    lines.add(c.target.range.start.line);
    for (const i of c.inputs) if (i.fact) lines.add(i.fact.range.start.line);
  };
  const had = new Set(before);
  const has = new Set(now);
  for (const c of now) if (!had.has(c)) add(c);
  for (const c of before) if (!has.has(c)) add(c);
  return [...lines].sort((a, b) => a - b);
}

/** The lines of the KPI tables not kept whole (`kept[k]` undefined), or undefined when none is kept. */
function linesOfTables(doc: EsgDocument, kept: readonly (readonly BuiltRow[] | undefined)[]): LineSpan[] | undefined {
  if (!kept.some((b) => b)) return undefined;
  const spans: LineSpan[] = [];
  for (let k = 0; k < kept.length; k++) {
    if (kept[k]) continue;
    const range = doc.tables[doc.kpiTables[k].table]?.range;
    if (!range) return undefined;
    spans.push({ first: range.start.line, last: range.end.line });
  }
  return spans;
}

/** The checks with a figure (result or input) on `spans` (every check when undefined). */
function checksOnLines(checks: Check[], spans: readonly LineSpan[] | undefined): Check[] {
  if (!spans) return checks;
  const on = (line: number) => spans.some((s) => s.first <= line && line <= s.last);
  return checks.filter(
    (c) => on(c.target.range.start.line) || c.inputs.some((i) => i.fact && on(i.fact.range.start.line)),
  );
}

/**
 * Whether a table's rows as built before stand as they are: no changed check has a figure on its lines
 * (so every figure's checks are as before), and the vocabulary set none of its rows' fields since.
 */
function keptWhole(before: readonly BuiltRow[], touched: readonly number[], first: number, last: number): boolean {
  // The first touched line at or after the table's first line.
  let lo = 0;
  let hi = touched.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (touched[mid] < first) lo = mid + 1;
    else hi = mid;
  }
  if (lo < touched.length && touched[lo] <= last) return false;
  for (const b of before) if (b.kpiId !== b.row.kpiId || b.unitAs !== b.row.unit?.as) return false;
  return true;
}

/** A figure no check reads (most of them): compared against, never stored (see ownChecks). */
const UNCHECKED: Readonly<Pick<ReportValue, 'check' | 'checks'>> = Object.freeze({
  check: 'unchecked',
  checks: Object.freeze([]) as unknown as ReportCheck[],
});

/** The lists stored in a model are its own: a copy of UNCHECKED's shared empty one. */
function ownChecks(found: Pick<ReportValue, 'check' | 'checks'>): Pick<ReportValue, 'check' | 'checks'> {
  return found === UNCHECKED ? { check: 'unchecked', checks: [] } : found;
}

/** What the checks say of a figure: its status and the checks of which it is the result. */
function figureChecks(
  v: KpiRow['values'][number],
  byFigure: Map<number | string, FigureChecks>,
): Pick<ReportValue, 'check' | 'checks'> {
  const found = byFigure.get(figureKey(v.range));
  if (!found) return UNCHECKED;
  return {
    check: v.status === 'number' ? statusOf(found) : 'unchecked',
    checks: found.asTarget.map(reportCheck),
  };
}

/** Whether a figure's checks as the model shows them (`a`) are those of `checks`. */
function sameReportChecks(a: readonly ReportCheck[], checks: readonly Check[]): boolean {
  if (a.length !== checks.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = reportCheck(checks[i]);
    if (x === y) continue;
    if (x.rule !== y.rule || x.formula !== y.formula || x.computed !== y.computed || x.ok !== y.ok) return false;
  }
  return true;
}

/**
 * The row built from the same recognised row before, with its figures' checks as they are now: the
 * same object when none changed (the rest of a row depends only on the recognised row, the catalog,
 * the locale, the uri and the currency, which the caller compared).
 */
function withChecks(before: ReportKpiRow, row: KpiRow, byFigure: Map<number | string, FigureChecks>): ReportKpiRow {
  let values: ReportValue[] | undefined;
  row.values.forEach((v, i) => {
    // Compared before anything is made: most figures' checks are as they were.
    const found = byFigure.get(figureKey(v.range));
    const old = before.values[i];
    const check = found && v.status === 'number' ? statusOf(found) : 'unchecked';
    if (old.check === check && sameReportChecks(old.checks, found?.asTarget ?? [])) return;
    values ??= before.values.slice();
    values[i] = { ...old, ...ownChecks(figureChecks(v, byFigure)) };
  });
  return values ? { ...before, values } : before;
}

function kpiRow(
  doc: EsgDocument,
  locale: Locale,
  row: KpiRow,
  byFigure: Map<number | string, FigureChecks>,
): ReportKpiRow {
  const kpi = row.kpiId ? getKpi(row.kpiId) : undefined;
  const parentId = row.kpiId ? openMemberParent(row.kpiId) : undefined;
  const parent = parentId ? getKpi(parentId) : undefined;
  const unit = row.unit?.raw ?? (row.values.some((v) => v.percent) ? '%' : undefined);
  // Unrecognised rows are normalised too: the unit column alone says what a figure measures.
  // A spelling the project file maps (`unit.as`) is read as the unit it names; the row shows it as written.
  const scale = unitScale(row.unit?.as ?? unit);
  const values: ReportValue[] = row.values.map((v) => {
    const { check, checks } = ownChecks(figureChecks(v, byFigure));
    const value: ReportValue = {
      period: v.period,
      raw: v.raw,
      status: v.status,
      check,
      checks,
      uri: doc.uri,
      range: v.range,
    };
    if (v.value !== undefined) value.value = v.value;
    const normalized =
      v.status === 'number' && v.value !== undefined && scale ? scaled(v.value, scale.factor) : undefined;
    if (normalized !== undefined) value.normalized = normalized;
    return value;
  });
  const out: ReportKpiRow = {
    name: kpi ? localized(kpi.names, locale) : parent ? `${localized(parent.names, locale)}: ${row.label}` : row.label,
    label: row.label,
    values,
    uri: doc.uri,
    range: row.labelRange,
  };
  if (row.kpiId) out.kpiId = row.kpiId;
  else if (!row.isCaption && row.values.some((v) => v.value !== undefined)) out.unrecognised = true;
  if (parentId) out.memberOf = parentId;
  if (row.group) out.group = row.group;
  if (unit) out.unit = unit;
  if (scale) {
    const u = scale.unit;
    const money =
      u.numerator.dimension === 'money'
        ? u.numerator
        : u.denominator?.dimension === 'money'
          ? u.denominator
          : undefined;
    // '萬元' says nothing about the currency: the report's `esg.currency` does, unless the unit names one.
    const named = money ? currencyOf(money) : undefined;
    out.normalizedUnit = baseUnitName(scale.dim, named && named !== 'CNY' ? named : doc.config.currency);
  }
  return out;
}

// ---- GHG ----

const CO2E: Dim = { co2e: 1 };

/** A figure in tCO2e, or undefined when it is not a CO2e quantity. */
function tonnesCo2e(fact: Fact | undefined): number | undefined {
  if (!fact?.unit) return undefined;
  const { dim, factor } = dimOf(fact.unit);
  if (Object.keys(dim).length !== 1 || dim.co2e !== CO2E.co2e) return undefined;
  return scaled(fact.value, factor);
}

function ghgByScope(index: FactIndex, periods: string[]): ReportModel['ghg'] {
  const out: ReportModel['ghg'] = [];
  const value = (id: string, period: string) => tonnesCo2e(index.first(id, period));
  for (const period of periods) {
    const scope1 = value('ghg.scope1', period);
    // Location-based when both are given: it is the figure D28(b) asks for first.
    const scope2 =
      value('ghg.scope2.location', period) ?? value('ghg.scope2', period) ?? value('ghg.scope2.market', period);
    let scope3 = value('ghg.scope3', period);
    if (scope3 === undefined) {
      const parts = scope3Categories()
        .map((c) => value(`ghg.scope3.cat${c.n}`, period))
        .filter((v): v is number => v !== undefined);
      if (parts.length) scope3 = Number(parts.reduce((a, b) => a + b, 0).toPrecision(12));
    }
    if (scope1 === undefined && scope2 === undefined && scope3 === undefined) continue;
    const entry: ReportModel['ghg'][number] = { period };
    if (scope1 !== undefined) entry.scope1 = scope1;
    if (scope2 !== undefined) entry.scope2 = scope2;
    if (scope3 !== undefined) entry.scope3 = scope3;
    out.push(entry);
  }
  return out;
}

function scope3ByCategory(index: FactIndex, periods: string[], locale: Locale): ReportModel['scope3'] {
  const out: ReportModel['scope3'] = [];
  for (const c of scope3Categories()) {
    const values: Record<string, number> = {};
    for (const period of periods) {
      const v = tonnesCo2e(index.first(`ghg.scope3.cat${c.n}`, period));
      if (v !== undefined) values[period] = v;
    }
    if (Object.keys(values).length) out.push({ category: c.n, name: localized(c.names, locale), values });
  }
  return out;
}

// ---- requirements and coverage ----

function requirements(
  doc: EsgDocument,
  locale: Locale,
  framework: FrameworkIndex,
  rc: ReportingContext,
  cited: Set<KpiRow>,
): ReportRequirement[] {
  const index = disclosures(doc);
  const claims = deletedClaims(doc, locale);
  const leaves = new Set(framework.leaves().map((r) => r.id));
  const out: ReportRequirement[] = [];
  for (const req of framework.all) {
    if (!leaves.has(req.id) && req.obligation !== 'deleted') continue;
    const obligation = obligationIn(framework, req.id, rc);
    const entry: ReportRequirement = {
      id: req.id,
      part: req.part,
      aspect: req.aspect,
      title: localized(req.title, locale),
      obligation,
      status: 'not-required',
      places: [],
    };
    if (obligation === 'deleted') {
      const claimed = claims.get(req.id) ?? [];
      entry.status = claimed.length ? 'deleted-claimed' : 'not-required';
      entry.places = claimed;
      out.push(entry);
      continue;
    }
    const ev = index.get(req.id);
    const places: ReportRequirement['places'] = [];
    const seen = new Set<number | string>();
    const place = (label: string, range: Range) => {
      const key = figureKey(range);
      if (seen.has(key)) return;
      seen.add(key);
      places.push({ label, uri: doc.uri, range });
    };
    for (const s of ev?.sections ?? []) place(s.heading.title, s.heading.range);
    for (const r of ev?.kpiRows ?? []) {
      cited.add(r);
      const key = figureKey(r.labelRange);
      if (seen.has(key)) continue;
      seen.add(key);
      places.push(kpiRowPlace(doc.uri, locale, r));
    }
    for (const r of ev?.indexRows ?? [])
      place(t(locale, 'report.place.index', { target: indexTargetText(r.target) }), r.row.range);
    entry.places = places;
    const explanation = ev?.explanations[0];
    if (explanation) entry.explanation = { text: explanation.text, uri: doc.uri, range: explanation.range };
    // The decision hkex/missing makes: a mandatory requirement explained stays missing, with the reason kept.
    const status: CoverageStatus = addressed(ev, obligation);
    entry.status = status;
    out.push(entry);
  }
  return out;
}

/**
 * A KPI row as a requirement's place, once per row, locale and uri: a requirement has a place for every
 * row that reports it (thousands in a large report), and the rows of tables an edit kept are the same
 * objects. Shared between models, so never changed once made.
 */
const rowPlaces = new WeakMap<KpiRow, { uri: string; locale: Locale; place: ReportRequirement['places'][number] }>();

function kpiRowPlace(uri: string, locale: Locale, row: KpiRow): ReportRequirement['places'][number] {
  const known = rowPlaces.get(row);
  if (known && known.uri === uri && known.locale === locale) return known.place;
  const place = { label: t(locale, 'report.place.kpi', { label: row.label }), uri, range: row.labelRange };
  rowPlaces.set(row, { uri, locale, place });
  return place;
}

function indexTargetText(target: IndexTarget): string {
  if (target.kind === 'links') return target.links.map((l) => l.text).join(', ');
  if (target.kind === 'titles') return target.titles.map((x) => x.text).join(', ');
  if (target.kind === 'explanation' || target.kind === 'place') return target.text;
  return '';
}

/** Where a deleted requirement is claimed: the refs hkex/deleted reports (disclosures.deletedClaims). */
function deletedClaims(doc: EsgDocument, locale: Locale): Map<string, ReportRequirement['places']> {
  const claims = new Map<string, ReportRequirement['places']>();
  for (const claim of disclosures(doc).deletedClaims) {
    const label =
      claim.kind === 'section'
        ? claim.section.heading.title
        : claim.kind === 'explanation'
          ? t(locale, 'report.place.explanation')
          : t(locale, 'report.place.index', { target: indexTargetText(claim.row.target) });
    const list = claims.get(claim.ref.id) ?? [];
    list.push({ label, uri: doc.uri, range: claim.ref.range });
    claims.set(claim.ref.id, list);
  }
  return claims;
}

function coverage(list: ReportRequirement[], locale: Locale): ReportModel['coverage'] {
  const parts: ReportModel['coverage']['parts'] = (['B', 'C', 'D'] as const).map((part) => {
    let addressed = 0;
    let required = 0;
    for (const r of list) {
      if (r.part !== part) continue;
      if (r.obligation !== 'mandatory' && r.obligation !== 'comply-or-explain') continue;
      required++;
      if (r.status === 'disclosed' || r.status === 'explained') addressed++;
    }
    return { part, addressed, required };
  });
  const summary = parts
    .map((p) => t(locale, 'report.coverage.part', { part: p.part, addressed: p.addressed, required: p.required }))
    .join(' · ');
  return { parts, summary };
}

/**
 * The model with every place moved by `map` (a multi-file report is analysed as one concatenated
 * document: `ProjectAnalysis.mapRange` gives each range's file and line). The input is not changed.
 */
export function remapReportModel(
  model: ReportModel,
  map: (range: Range) => { uri: string; range: Range },
): ReportModel {
  const at = <T extends { uri: string; range: Range }>(x: T): T => {
    const moved = map(x.range);
    return { ...x, uri: moved.uri, range: moved.range };
  };
  return {
    ...model,
    kpiGroups: model.kpiGroups.map((g) => ({
      ...g,
      rows: g.rows.map((r) => ({ ...at(r), values: r.values.map(at) })),
    })),
    requirements: model.requirements.map((r) => {
      const out: ReportRequirement = { ...r, places: r.places.map(at) };
      if (r.explanation) out.explanation = at(r.explanation);
      return out;
    }),
    frameworks: model.frameworks?.map((f) => ({
      ...f,
      items: f.items.map((i) => ({
        ...i,
        places: i.places.map(at),
        ...(i.explanation ? { explanation: at(i.explanation) } : {}),
      })),
    })),
  };
}
