// Intensities: figure / denominator. The denominator is the one the unit names (`/萬元` is money,
// so revenue; `/人` is employees) and comes from the front matter's `denominators`; when the report
// gives none, it is inferred from the report's other intensities, and the one that disagrees is
// flagged (a unit of 萬元 where the others imply 百萬元).
import type { EsgDocument } from '../model';
import type { Locale } from '../types';
import { getKpi } from '../catalogs/kpis';
import { denominatorNameOf } from '../catalogs/units';
import { t } from '../i18n';
import { facts, type Fact, type FactIndex } from './facts';
import { compareFact, factText, inputOf, type Check } from './checks';
import { configQuantity } from './relations';
import { dimOf, div, formatNumber, meets, midpoint, mulDim, type Interval } from './quantity';

/** The KPI an intensity divides: `ghg.scope12.intensity` -> `ghg.scope12`, `ghg.intensity` -> `ghg.total`. */
export function numeratorOf(kpiId: string, index: FactIndex, period: string): Fact | undefined {
  // `<x>.intensity` and, for a described figure on another basis, `<x>.intensity.per-<basis>`.
  // The catalog's GHG intensities per employee and per floor area: `ghg.intensity_per_employee.scope1` divides `ghg.scope1`.
  const ghg = /^ghg\.intensity_per_(?:employee|floor_area)\.(total|scope12|scope1|scope2|scope3)$/.exec(kpiId);
  const m = ghg ? [kpiId, `ghg.${ghg[1]}`] : /^(.+)\.intensity(?:\.per-[a-z-]+)?$/.exec(kpiId);
  if (!m) return undefined;
  const base = m[1];
  return index.first(base, period) ?? index.first(`${base}.total`, period);
}

/** The part segments of a described figure's id (`ghg.total.p-x.intensity` -> 'p-x'): a part's intensity divides by the part's own denominator. */
function partKey(kpiId: string): string {
  return (kpiId.match(/\.p-[0-9a-z]+/g) ?? []).join('');
}

/** Which named denominator an intensity's unit divides by (`catalogs/units.ts` decides). */
export function denominatorName(f: Fact): string | undefined {
  return f.unit ? denominatorNameOf(f.unit, getKpi(f.kpiId)) : undefined;
}

interface Intensity {
  fact: Fact;
  numerator: Fact;
  name: string;
  /** The denominator the printed figures imply, in base units. */
  implied: Interval;
}

/**
 * The largest set of intensities whose implied denominators all agree, when it has two members at
 * least and no other set is as large; undefined otherwise (no majority, nothing to measure against).
 */
function largestAgreement(group: Intensity[]): Intensity[] | undefined {
  let best: Intensity[] | undefined;
  let tie = false;
  for (const seed of group) {
    const set = group.filter((o) => meets(o.implied, seed.implied));
    if (!set.every((a) => set.every((b) => meets(a.implied, b.implied)))) continue;
    if (!best || set.length > best.length) {
      best = set;
      tie = false;
    } else if (set.length === best.length && set.some((x) => !best!.includes(x))) tie = true;
  }
  return best && best.length >= 2 && !tie ? best : undefined;
}

export function intensityChecks(doc: EsgDocument, locale: Locale): Check[] {
  const index = facts(doc);
  const out: Check[] = [];
  const inferred: Intensity[] = [];
  for (const f of index.all) {
    if (f.source !== 'table' || !f.quantity || !f.unit?.denominator) continue;
    const numerator = numeratorOf(f.kpiId, index, f.period);
    const name = denominatorName(f);
    if (!numerator?.quantity || !name) continue;
    const given = configQuantity(doc, name, f.period);
    const formula = `${numerator.label} ÷ denominators.${name} = ${f.label}`;
    if (given) {
      const cmp = compareFact(f, { value: div(numerator.quantity.value, given.quantity.value), dim: mulDim(numerator.quantity.dim, given.quantity.dim, -1) });
      if (cmp) out.push({ rule: 'kpi/intensity-mismatch', target: f, formula, inputs: [inputOf(numerator), { label: `denominators.${name}`, ref: `denominators.${name}`, text: given.text }], computed: cmp.computed, ok: cmp.ok });
      continue;
    }
    // No denominator given: the figure implies one (numerator / intensity), in the intensity's denominator unit.
    inferred.push({ fact: f, numerator, name, implied: div(numerator.quantity.value, f.quantity.value) });
  }
  // Per period and denominator, the implied values should agree; flag the odd one out.
  const groups = new Map<string, Intensity[]>();
  for (const i of inferred) {
    const key = `${i.name}@${i.fact.period}${partKey(i.fact.kpiId)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const consensus = largestAgreement(group);
    for (const i of group) {
      const others = group.filter((o) => o !== i);
      const agreeing = others.filter((o) => meets(o.implied, i.implied));
      // The others agree with each other, or most of them do: a group of two or more that agree, larger
      // than any other such group (one odd figure among several, or two of four in another unit).
      const othersAgree = others.every((o) => others.every((p) => meets(o.implied, p.implied)));
      if (agreeing.length === 0 && !othersAgree && consensus && !consensus.includes(i)) {
        others.splice(0, others.length, ...consensus);
      }
      if (agreeing.length > 0) {
        // Agrees with the others: record the passing check (hover and CodeLens show it).
        const ref = agreeing[0];
        const computed = div(i.numerator.quantity!.value, ref.implied);
        const { factor } = dimOf(i.fact.unit!);
        out.push({ rule: 'kpi/intensity-mismatch', target: i.fact, formula: `${i.numerator.label} ÷ ${i.name} = ${i.fact.label}`, inputs: [inputOf(i.numerator), inputOf(ref.fact), inputOf(ref.numerator)], computed: { lo: computed.lo / factor, hi: computed.hi / factor }, ok: true });
        continue;
      }
      if (!(othersAgree || (consensus && !consensus.includes(i))) || others.length === 0) continue;
      // The others agree with each other and not with this one: compute this one with their denominator.
      const reference = others[0];
      const unitDen = i.fact.unit!.denominator!;
      const impliedText = (x: Intensity) => `${formatNumber(midpoint(x.implied) / x.fact.unit!.denominator!.factor, 0)} ${x.fact.unit!.denominator!.spellings[0]}`;
      const computed = div(i.numerator.quantity!.value, reference.implied);
      // The intensity's own unit scale: numerator unit / denominator unit.
      const { factor } = dimOf(i.fact.unit!);
      const inUnitInterval = { lo: computed.lo / factor, hi: computed.hi / factor };
      out.push({
        rule: 'kpi/intensity-mismatch',
        target: i.fact,
        formula: `${i.numerator.label} ÷ ${i.name} = ${i.fact.label}`,
        inputs: [inputOf(i.numerator), inputOf(reference.fact), inputOf(reference.numerator)],
        computed: inUnitInterval,
        ok: false,
        // The scale the denominator unit should have: implied by the others / implied by this one.
        data: { denominatorRatio: midpoint(reference.implied) / midpoint(i.implied) },
        note: t(locale, 'numbers.intensity.inferred', {
          implied: impliedText(i),
          others: impliedText(reference),
          other: `${reference.fact.label} ${factText(reference.fact)}`,
          unit: unitDen.spellings[0],
        }),
      });
    }
  }
  return out;
}

