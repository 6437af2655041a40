// Intensities: figure / denominator. The denominator is the one the unit names (`/萬元` is money,
// so revenue; `/人` is employees) and comes from the front matter's `denominators`; when the report
// gives none, it is inferred from the report's other intensities, and the one that disagrees is
// flagged (a unit of 萬元 where the others imply 百萬元).
import type { EsgDocument, KpiTable } from '../model';
import { unitOf, type Unit } from './factDeps';
import type { Locale } from '../types';
import { getKpi } from '../catalogs/kpis';
import { denominatorNameOf } from '../catalogs/units';
import { t } from '../i18n';
import type { Fact, FactIndex } from './facts';
import { compareFact, factText, inputOf, type Check } from './checks';
import { configQuantity } from './relations';
import {
  dimOf,
  div,
  formatNumber,
  fromPrinted,
  meets,
  midpoint,
  mulDim,
  type Interval,
  type Quantity,
} from './quantity';

/** The KPI an intensity divides: `ghg.scope12.intensity` -> `ghg.scope12`, `ghg.intensity` -> `ghg.total`. */
export function numeratorOf(kpiId: string, index: FactIndex, period: string): Fact | undefined {
  // `<x>.intensity` and, for a described figure on another basis, `<x>.intensity.per-<basis>`.
  // The catalog's GHG intensities per employee and per floor area: `ghg.intensity_per_employee.scope1` divides `ghg.scope1`.
  const ghg = /^ghg\.intensity_per_(?:employee|floor_area)\.(total|scope12|scope1|scope2|scope3)$/.exec(kpiId);
  // Any other family's intensity on a named basis divides the family's figure: `water.intensity_per_employee` divides `water`.
  const m = ghg ? [kpiId, `ghg.${ghg[1]}`] : /^(.+)\.intensity(?:\.per-[a-z-]+|_per_[a-z_]+)?$/.exec(kpiId);
  if (!m) return undefined;
  const base = m[1];
  // A report with no all-scope total gives its GHG intensity over Scope 1 + 2.
  return (
    index.first(base, period) ??
    index.first(`${base}.total`, period) ??
    (base === 'ghg' ? index.first('ghg.scope12', period) : undefined)
  );
}

/** The part segments of a described figure's id (`ghg.total.p-x.intensity` -> 'p-x'): a part's intensity divides by the part's own denominator. */
function partKey(kpiId: string, label: string): string {
  // A kind of the figure (solid or liquid waste) divides by the same revenue; a segment, site or
  // boundary ('excluding integrated energy business') by its own.
  if (!SEGMENT_WORDS.test(label)) return '';
  return (kpiId.match(/\.p-[0-9a-z]+/g) ?? []).join('');
}
const SEGMENT_WORDS =
  /\b(?:excluding|excl\.?|including|business(?:es)?|segments?|divisions?|operations?|subsidiar(?:y|ies)|entit(?:y|ies)|sites?|plants?|stations?|headquarters?|branch(?:es)?|regions?|countr(?:y|ies))\b|業務|分部|不包括|除外|廠|站|總部|地區/i;

/** Which named denominator an intensity's unit divides by (`catalogs/units.ts` decides). */
export function denominatorName(f: Fact): string | undefined {
  return f.unit ? denominatorNameOf(f.unit, getKpi(f.kpiId)) : undefined;
}

interface Intensity {
  fact: Fact;
  numerator: Fact;
  /** The numerator's quantity: its own, or the one `unitlessNumerator` reads. */
  numeratorQuantity: Quantity;
  /** The numerator's unit is the intensity's, not its own (it printed none): a reference for the others, never checked itself. */
  assumed: boolean;
  name: string;
  /** The denominator the printed figures imply, in base units. */
  implied: Interval;
  /** The series it belongs to (the denominator and the part it divides), and its group in that series (a period). */
  series: string;
  group: string;
}

/**
 * A numerator row that prints no unit at all ('Wastewater discharge volume | | 400,241') read in the
 * unit of its intensity's numerator ('m³ per sq.m' -> m³), as a reviewer reads it. Only an assumption:
 * the intensity it gives helps the others find their common denominator and is never flagged itself.
 */
function unitlessNumerator(numerator: Fact, intensity: Fact): Quantity | undefined {
  const unit = intensity.unit;
  if (numerator.unitRaw?.trim() || numerator.percentSign || !unit || unit.numerator.dimension === 'dimensionless')
    return undefined;
  const numeratorOnly = {
    ...unit,
    denominator: undefined,
    denominatorQualifier: undefined,
    denominatorNamed: undefined,
    dimension: unit.numerator.dimension,
  };
  return fromPrinted(numerator.value, numerator.decimals, numeratorOnly, false, numerator.interval);
}

/** What all the agreeing intensities imply together (they share a point): the narrowest reference; the first one's when rounding leaves nothing. */
function commonImplied(agreeing: readonly Intensity[]): Interval {
  const lo = Math.max(...agreeing.map((x) => x.implied.lo));
  const hi = Math.min(...agreeing.map((x) => x.implied.hi));
  return lo <= hi ? { lo, hi } : agreeing[0].implied;
}

const width = (x: Interval) => x.hi - x.lo;

/**
 * Whether every two of the intensities' implied denominators meet. When the largest low end is at most
 * the smallest high end, every pair does (linear: the usual case); otherwise each pair is asked, as
 * `meets` allows a little float error that depends on the pair (a·lo ≤ b·hi for every pair then).
 */
function allMeet(list: readonly Intensity[]): boolean {
  let lo = -Infinity;
  let hi = Infinity;
  let finite = true;
  for (const x of list) {
    if (!Number.isFinite(x.implied.lo) || !Number.isFinite(x.implied.hi)) finite = false;
    if (x.implied.lo > lo) lo = x.implied.lo;
    if (x.implied.hi < hi) hi = x.implied.hi;
  }
  // Infinite or NaN ends (a zero figure) are left to `meets`.
  if (finite && lo <= hi) return true;
  return list.every((a) => list.every((b) => meets(a.implied, b.implied)));
}

/**
 * Two equally large agreeing sets that share every member but one each: the two odd members disagree,
 * and each agrees with all the others. When one of them pins the denominator ten times more tightly
 * (relative width of what it implies: '39.87' against '0.008'), the coarse one is the one off: it is
 * measured against the precise one and every shared member, never against a lone figure. Two figures
 * as precise as each other ('0.542' and '45.5') say only that one is wrong, and nothing is chosen.
 */
function preciseOfTwo(tied: Intensity[][]): Intensity[] | undefined {
  if (tied.length !== 2) return undefined;
  const [a, b] = tied;
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  if (onlyA.length !== 1 || onlyB.length !== 1 || a.length < 2 || onlyA[0].assumed || onlyB[0].assumed)
    return undefined;
  // NaN (an implied denominator of 0 or infinity) compares false: no choice.
  const wa = width(onlyA[0].implied) / Math.abs(midpoint(onlyA[0].implied));
  const wb = width(onlyB[0].implied) / Math.abs(midpoint(onlyB[0].implied));
  return wa * 10 <= wb ? a : wb * 10 <= wa ? b : undefined;
}

/**
 * The largest set of intensities whose implied denominators all agree, when it has two members at
 * least and no other set is as large (or one of two breaks the tie, `preciseOfTwo`); undefined
 * otherwise (no majority, nothing to measure against).
 * Intervals that agree pairwise share a point (Helly, in one dimension), so the largest such set is the
 * deepest point of a sweep over the interval ends: n log n, not a scan of every subset.
 */
function largestAgreement(group: Intensity[]): Intensity[] | undefined {
  const ends: { at: number; open: boolean; item: Intensity }[] = [];
  for (const item of group) {
    ends.push({ at: item.implied.lo, open: true, item }, { at: item.implied.hi, open: false, item });
  }
  // Opens before closes at one point: touching intervals meet.
  ends.sort((x, y) => x.at - y.at || (x.open === y.open ? 0 : x.open ? -1 : 1));
  const active = new Set<Intensity>();
  let best: Intensity[] | undefined;
  // The sets of the greatest depth: only the first two are kept (a tie is broken only between two),
  // and how many there were, so a large group does not hold a quadratic number of references.
  let tied: Intensity[][] = [];
  let tiedCount = 0;
  for (const e of ends) {
    if (e.open) {
      active.add(e.item);
      if (!best || active.size > best.length) {
        best = [...active];
        tied = [best];
        tiedCount = 1;
      } else if (active.size === best.length) {
        // Back at the greatest depth after an interval closed: another set of that size.
        best = [...active];
        if (tied.length < 2) tied.push(best);
        tiedCount++;
      }
    } else {
      active.delete(e.item);
    }
  }
  if (tiedCount > 1) best = tiedCount === 2 ? preciseOfTwo(tied) : undefined;
  if (!best || best.length < 2) return undefined;
  // The sweep's set agrees by construction; meets() has the final word (its tolerance).
  const chosen = best;
  return allMeet(chosen) ? chosen : undefined;
}

/** What one KPI table's intensities give: checks against a stated denominator, and the others. */
interface TableIntensities {
  given: Check[];
  inferred: Intensity[];
}

/**
 * The intensity checks' units: each KPI table's intensities with the numerators they looked up
 * (numbers/factDeps.ts; keyed by the table object), and each series (a denominator and the part it
 * divides) with the intensities it compares, whose checks depend on those alone.
 */
export interface IntensityUnits {
  tables: Map<KpiTable, Unit<TableIntensities>>;
  series: Map<string, { members: Intensity[]; checks: Map<string, Check[]> }>;
  /** The KPI tables that have no intensity (a kept table is not searched again). */
  without: Set<KpiTable>;
}

const isIntensity = (f: Fact) => f.source === 'table' && !!f.quantity && !!f.unit?.denominator;
const seriesOf = (i: Intensity) => i.series;

/**
 * The intensity checks, with their units; with `earlier` (the units, in the same locale, of a version
 * whose facts differ from these in the `changed` tokens), a table that read none of them is carried,
 * and a series whose intensities are all carried ones, in the same order, keeps its checks.
 */
export function buildIntensityUnits(
  doc: EsgDocument,
  index: FactIndex,
  locale: Locale,
  earlier?: IntensityUnits,
  changed?: ReadonlySet<string>,
): { result: Check[]; units: IntensityUnits } {
  const out: Check[] = [];
  const inferred: Intensity[] = [];
  const units: IntensityUnits = { tables: new Map(), series: new Map(), without: new Set() };
  // Table facts are the index's first facts, table by table: this is the order of `index.all`.
  for (const [table, list] of index.tableFacts) {
    if (earlier?.without.has(table) || !list.some(isIntensity)) {
      units.without.add(table);
      continue;
    }
    const unit = unitOf(earlier?.tables.get(table), changed, index, (lookups) => tableIntensities(doc, list, lookups));
    units.tables.set(table, unit);
    for (const c of unit.value.given) out.push(c);
    for (const i of unit.value.inferred) inferred.push(i);
  }
  // Per period and denominator, the implied values should agree; flag the odd one out.
  const groups = new Map<string, Intensity[]>();
  for (const i of inferred) {
    const group = groups.get(i.group);
    if (group) group.push(i);
    else groups.set(i.group, [i]);
  }
  const bySeries = new Map<string, Map<string, Intensity[]>>();
  for (const [key, group] of groups) {
    const series = seriesOf(group[0]);
    (bySeries.get(series) ?? bySeries.set(series, new Map()).get(series)!).set(key, group);
  }
  for (const [series, seriesGroups] of bySeries) {
    const members = [...seriesGroups.values()].flat();
    const before = earlier?.series.get(series);
    const same =
      !!before && before.members.length === members.length && before.members.every((m, k) => m === members[k]);
    units.series.set(series, same ? before : { members, checks: seriesChecks(seriesGroups, locale) });
  }
  for (const [key, group] of groups)
    for (const c of units.series.get(seriesOf(group[0]))!.checks.get(key) ?? []) out.push(c);
  return { result: out, units };
}

/** One table's intensities: checked against a denominator the front matter states, or kept to compare. */
function tableIntensities(doc: EsgDocument, list: readonly Fact[], index: FactIndex): TableIntensities {
  const given: Check[] = [];
  const inferred: Intensity[] = [];
  for (const f of list) {
    if (f.source !== 'table' || !f.quantity || !f.unit?.denominator) continue;
    const numerator = numeratorOf(f.kpiId, index, f.period);
    const name = denominatorName(f);
    if (!numerator || !name) continue;
    const assumed = !numerator.quantity;
    const numeratorQuantity = numerator.quantity ?? unitlessNumerator(numerator, f);
    if (!numeratorQuantity) continue;
    const stated = assumed ? undefined : configQuantity(doc, name, f.period);
    const formula = `${numerator.label} ÷ denominators.${name} = ${f.label}`;
    if (stated) {
      const cmp = compareFact(f, {
        value: div(numeratorQuantity.value, stated.quantity.value),
        dim: mulDim(numeratorQuantity.dim, stated.quantity.dim, -1),
      });
      if (cmp)
        given.push({
          rule: 'kpi/intensity-mismatch',
          target: f,
          formula,
          inputs: [
            inputOf(numerator),
            { label: `denominators.${name}`, ref: `denominators.${name}`, text: stated.text },
          ],
          computed: cmp.computed,
          ok: cmp.ok,
        });
      continue;
    }
    // No denominator given: the figure implies one (numerator / intensity), in the intensity's denominator unit.
    const part = partKey(f.kpiId, f.label);
    inferred.push({
      fact: f,
      numerator,
      numeratorQuantity,
      assumed,
      name,
      implied: div(numeratorQuantity.value, f.quantity.value),
      series: `${name}${part}`,
      group: `${name}@${f.period}${part}`,
    });
  }
  return { given, inferred };
}

/** The checks of one series' groups (a period each), by group key. */
function seriesChecks(groups: ReadonlyMap<string, Intensity[]>, locale: Locale): Map<string, Check[]> {
  const checks = new Map<string, Check[]>();
  // The denominator each period's intensities agree on, all of them (two at least): per series (the
  // denominator and the part it divides), per period.
  const agreed = new Map<string, Map<string, Interval>>();
  for (const group of groups.values()) {
    if (group.length < 2 || !allMeet(group)) continue;
    const series = seriesOf(group[0]);
    (agreed.get(series) ?? agreed.set(series, new Map()).get(series)!).set(group[0].fact.period, commonImplied(group));
  }
  /**
   * Of two intensities of a period that disagree, the one whose implied denominator is ten times or more
   * off (up or down) what every other period's intensities agree on, while the other stays within a
   * factor of two of it: a revenue or floor area does not move tenfold in a year while another intensity
   * of that year stays with it. A unit-scale slip ('0.03' in tonnes under a kg unit) is the usual cause.
   */
  const jumpsAlone = (i: Intensity, others: readonly Intensity[]): boolean => {
    const elsewhere = [...(agreed.get(seriesOf(i))?.entries() ?? [])]
      .filter(([period]) => period !== i.fact.period)
      .map(([, d]) => midpoint(d));
    if (!elsewhere.length || !others.length) return false;
    const ratios = (x: Intensity) => elsewhere.map((d) => midpoint(x.implied) / d);
    const far = ratios(i).every((r) => Number.isFinite(r) && (r >= 10 || r <= 0.1));
    const steady = others.every((o) => ratios(o).every((r) => Number.isFinite(r) && r >= 0.5 && r <= 2));
    return far && steady;
  };
  for (const [key, group] of groups) {
    const out: Check[] = [];
    checks.set(key, out);
    if (group.length < 2) continue;
    // Whether the others (the group without one member) all agree with each other: true when every
    // disagreeing pair involves that member. Counted once per group, and only for a group where some
    // member agrees with no other (asking each member about every pair of the others was cubic).
    let disagreeing: { total: number; of: Map<Intensity, number> } | undefined;
    const othersAgree = (i: Intensity): boolean => {
      if (!disagreeing) {
        disagreeing = { total: 0, of: new Map() };
        const d = disagreeing;
        const count = (x: Intensity) => d.of.set(x, (d.of.get(x) ?? 0) + 1);
        for (let a = 0; a < group.length; a++) {
          for (let b = a; b < group.length; b++) {
            if (meets(group[a].implied, group[b].implied)) continue;
            d.total++;
            count(group[a]);
            if (b !== a) count(group[b]);
          }
        }
      }
      return (disagreeing.of.get(i) ?? 0) === disagreeing.total;
    };
    // The largest group of agreeing intensities, found once per group and only when needed.
    let consensus: Intensity[] | null | undefined;
    for (const i of group) {
      if (i.assumed) continue;
      // The first other member whose implied denominator meets this one's.
      const ref = group.find((o) => o !== i && meets(o.implied, i.implied));
      if (consensus === undefined && ref) consensus = largestAgreement(group) ?? null;
      // Agreeing with a coarse figure or two is not enough when a larger group agrees without this one
      // ('0.95 t per person' meets it, the electricity and water intensities per person do not).
      if (ref && !(consensus && !consensus.includes(i))) {
        // Agrees with the others: record the passing check (hover and CodeLens show it).
        const computed = div(i.numeratorQuantity.value, ref.implied);
        const { factor } = dimOf(i.fact.unit!);
        out.push({
          rule: 'kpi/intensity-mismatch',
          target: i.fact,
          formula: `${i.numerator.label} ÷ ${i.name} = ${i.fact.label}`,
          inputs: [inputOf(i.numerator), inputOf(ref.fact), inputOf(ref.numerator)],
          computed: { lo: computed.lo / factor, hi: computed.hi / factor },
          ok: true,
        });
        continue;
      }
      // The others agree with each other and not with this one, or most of them do (the largest group of
      // two or more that agree): compute this one with their denominator.
      let agreeing: Intensity[];
      // Two intensities that disagree say that one is wrong, not which: measured only against two or more that agree.
      if (othersAgree(i) && group.length > 2) agreeing = group.filter((o) => o !== i);
      else {
        if (consensus === undefined) consensus = largestAgreement(group) ?? null;
        if (consensus && !consensus.includes(i)) agreeing = consensus;
        // No majority in the period (two that disagree): the other periods may tell which one moved.
        else if (
          !consensus &&
          othersAgree(i) &&
          jumpsAlone(
            i,
            group.filter((o) => o !== i),
          )
        )
          agreeing = group.filter((o) => o !== i);
        else continue;
      }
      // Named in the message: the most precise of them (an assumed unit only when there is no other).
      const reference = agreeing.reduce((a, b) =>
        b.assumed === a.assumed ? (width(b.implied) < width(a.implied) ? b : a) : a.assumed ? b : a,
      );
      const referenceImplied = commonImplied(agreeing);
      const unitDen = i.fact.unit!.denominator!;
      const impliedText = (x: Intensity, implied = x.implied) =>
        `${formatNumber(midpoint(implied) / x.fact.unit!.denominator!.factor, 0)} ${x.fact.unit!.denominator!.spellings[0]}`;
      const computed = div(i.numeratorQuantity.value, referenceImplied);
      // The intensity's own unit scale: numerator unit / denominator unit.
      const { factor } = dimOf(i.fact.unit!);
      const inUnitInterval = { lo: computed.lo / factor, hi: computed.hi / factor };
      out.push({
        rule: 'kpi/intensity-mismatch',
        target: i.fact,
        formula: `${i.numerator.label} ÷ ${i.name} = ${i.fact.label}`,
        // The intensities the common denominator rests on, the one named first (three at most: a message stays readable).
        inputs: [
          inputOf(i.numerator),
          ...[reference, ...agreeing.filter((x) => x !== reference)]
            .slice(0, 3)
            .flatMap((x) => [inputOf(x.fact), inputOf(x.numerator)]),
        ],
        computed: inUnitInterval,
        ok: false,
        // The scale the denominator unit should have: implied by the others / implied by this one.
        data: { denominatorRatio: midpoint(referenceImplied) / midpoint(i.implied) },
        note: t(locale, 'numbers.intensity.inferred', {
          implied: impliedText(i),
          others: impliedText(reference, referenceImplied),
          other: `${reference.fact.label} ${factText(reference.fact)}`,
          unit: unitDen.spellings[0],
        }),
      });
    }
  }
  return checks;
}
