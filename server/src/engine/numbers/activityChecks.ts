// Scope 2 (location-based) = electricity x grid factor, per period, when the report gives both the
// electricity and the factor (front matter `factors.grid`, per period or for all, or a factor quoted
// in the text). When the figure disagrees, the catalog factors it would agree with are named.
import type { EsgDocument } from '../model';
import type { Locale } from '../types';
import { factorName, getFactor } from '../catalogs/factors';
import { factorQuantity, findFactorsMeeting } from './factorValues';
import { t } from '../i18n';
import type { Fact, FactIndex } from './facts';
import { compareFact, inputOf, type Check, type CheckInput } from './checks';
import type { FactorQuote } from './factorQuotes';
import { frontMatterQuantity } from './formula';
import { add, dimOf, div, mul, mulDim, printed, sameDim, type Quantity } from './quantity';

interface GridFactor {
  quantity: Quantity;
  input: CheckInput;
  /** Catalog id when the factor is a catalog entry. */
  id?: string;
}

function gridFactor(
  doc: EsgDocument,
  sources: ActivitySources,
  period: string,
  locale: Locale,
): GridFactor | undefined {
  const given = doc.config.factors.grid ?? doc.config.factors.electricity;
  const named = given?.[period] ?? given?.['*'];
  if (named?.catalogId) {
    const q = factorQuantity(named.catalogId);
    const f = getFactor(named.catalogId);
    if (q && f)
      return {
        quantity: q,
        id: f.id,
        input: {
          label: `factors.grid (${factorName(f, locale)})`,
          ref: 'factors.grid',
          text: `${f.printed} ${f.unit}`,
        },
      };
    return undefined;
  }
  if (named?.quantity) {
    const q = frontMatterQuantity(named.quantity);
    if (q) return { quantity: q, input: { label: 'factors.grid', ref: 'factors.grid', text: named.raw } };
    return undefined;
  }
  // A factor quoted in the text: the one applied to this period, or the only one, for the report's year.
  const quotes = sources.factorQuotes.filter((q) => q.unit && q.basis !== 'life-cycle');
  const quote =
    quotes.find((q) => q.periodYear !== undefined && String(q.periodYear) === period) ??
    (quotes.length === 1 && String(doc.config.year) === period && quotes[0].periodYear === undefined
      ? quotes[0]
      : undefined);
  if (!quote?.unit) return undefined;
  const { dim, factor } = dimOf(quote.unit);
  const p = printed(quote.value, quote.decimals);
  return {
    quantity: { value: { lo: p.lo * factor, hi: p.hi * factor }, dim },
    input: {
      label: t(locale, 'numbers.activity.quotedFactor'),
      ref: 'text',
      text: `${quote.raw} ${quote.unitRaw.replace(/<\/?sub>/g, '')}`,
    },
  };
}

/** Fuel KPIs and the front-matter factor names that apply to them. */
const FUELS: { kpi: string; names: string[] }[] = [
  { kpi: 'energy.gasoline', names: ['gasoline', 'petrol'] },
  { kpi: 'energy.diesel', names: ['diesel'] },
  { kpi: 'energy.natural_gas', names: ['natural_gas', 'natural-gas', 'gas'] },
  { kpi: 'energy.lpg', names: ['lpg'] },
];

/** A front-matter factor by name for a period, as a quantity (catalog id or custom value). */
function namedFactor(doc: EsgDocument, names: string[], period: string, locale: Locale): GridFactor | undefined {
  for (const name of names) {
    const given = doc.config.factors[name];
    const named = given?.[period] ?? given?.['*'];
    if (named?.catalogId) {
      const q = factorQuantity(named.catalogId);
      const f = getFactor(named.catalogId);
      if (q && f)
        return {
          quantity: q,
          id: f.id,
          input: {
            label: `factors.${name} (${factorName(f, locale)})`,
            ref: `factors.${name}`,
            text: `${f.printed} ${f.unit}`,
          },
        };
    } else if (named?.quantity) {
      const q = frontMatterQuantity(named.quantity);
      if (q) return { quantity: q, input: { label: `factors.${name}`, ref: `factors.${name}`, text: named.raw } };
    }
  }
  return undefined;
}

/**
 * Fuel x factor, with the fuel's net calorific value when the factor is per unit of energy (IPCC's
 * kgCO2/TJ): the NCV is `factors.<fuel>-ncv`, else the catalog NCV of the factor's own source.
 */
function fuelEmission(
  doc: EsgDocument,
  fuel: Fact,
  names: string[],
  period: string,
  locale: Locale,
): { q: Quantity; inputs: CheckInput[] } | undefined {
  const factor = namedFactor(doc, names, period, locale);
  if (!factor || !fuel.quantity) return undefined;
  const direct: Quantity = {
    value: mul(fuel.quantity.value, factor.quantity.value),
    dim: mulDim(fuel.quantity.dim, factor.quantity.dim),
  };
  if (sameDim(direct.dim, { co2e: 1 })) return { q: direct, inputs: [inputOf(fuel), factor.input] };
  const ncvId = factor.id?.replace(/-co2$/, '-ncv');
  const ncv =
    namedFactor(
      doc,
      names.map((n) => `${n}-ncv`),
      period,
      locale,
    ) ??
    (ncvId && factorQuantity(ncvId)
      ? {
          quantity: factorQuantity(ncvId)!,
          id: ncvId,
          input: { label: ncvId, ref: ncvId, text: `${getFactor(ncvId)!.printed} ${getFactor(ncvId)!.unit}` },
        }
      : undefined);
  if (!ncv) return undefined;
  const q: Quantity = { value: mul(direct.value, ncv.quantity.value), dim: mulDim(direct.dim, ncv.quantity.dim) };
  return sameDim(q.dim, { co2e: 1 }) ? { q, inputs: [inputOf(fuel), ncv.input, factor.input] } : undefined;
}

/** Scope 1 = the sum of fuel emissions, when every fuel the report lists has a factor in the front matter. */
function scope1Check(doc: EsgDocument, index: FactIndex, period: string, locale: Locale): Check | undefined {
  const scope1 = index.first('ghg.scope1', period);
  const fuels = FUELS.map((f) => ({ f, fact: index.first(f.kpi, period) })).filter((x) => x.fact && x.fact.value !== 0);
  if (!scope1 || !fuels.length) return undefined;
  let total: Quantity | undefined;
  const inputs: CheckInput[] = [];
  for (const { f, fact } of fuels) {
    const e = fuelEmission(doc, fact!, f.names, period, locale);
    if (!e) return undefined;
    total = total ? { value: add(total.value, e.q.value), dim: total.dim } : e.q;
    inputs.push(...e.inputs);
  }
  const cmp = total && compareFact(scope1, total);
  if (!cmp) return undefined;
  return {
    rule: 'ghg/activity-mismatch',
    target: scope1,
    formula: `${fuels.map((x) => `${x.fact!.label} × factor`).join(' + ')} = ${scope1.label}`,
    inputs,
    computed: cmp.computed,
    ok: cmp.ok,
  };
}

/** What the activity checks read besides the document (the derived layer is one: its quotes are searched only when needed). */
export interface ActivitySources {
  readonly facts: FactIndex;
  readonly factorQuotes: readonly FactorQuote[];
}

export function activityChecks(doc: EsgDocument, sources: ActivitySources, locale: Locale): Check[] {
  const index = sources.facts;
  const out: Check[] = [];
  for (const period of index.periods) {
    const s1 = scope1Check(doc, index, period, locale);
    if (s1) out.push(s1);
  }
  for (const period of index.periods) {
    const scope2: Fact | undefined = index.first('ghg.scope2.location', period) ?? index.first('ghg.scope2', period);
    const electricity: Fact | undefined =
      index.first('energy.electricity.purchased', period) ?? index.first('energy.electricity', period);
    if (!scope2?.quantity || !electricity?.quantity) continue;
    const grid = gridFactor(doc, sources, period, locale);
    if (!grid) continue;
    const computed: Quantity = {
      value: mul(electricity.quantity.value, grid.quantity.value),
      dim: mulDim(electricity.quantity.dim, grid.quantity.dim),
    };
    const cmp = compareFact(scope2, computed);
    if (!cmp) continue;
    const check: Check = {
      rule: 'ghg/activity-mismatch',
      target: scope2,
      formula: `${electricity.label} × ${grid.input.label} = ${scope2.label}`,
      inputs: [inputOf(electricity), grid.input],
      computed: cmp.computed,
      ok: cmp.ok,
    };
    if (!cmp.ok) {
      // Which catalog grid factors would the reported figure agree with?
      const implied: Quantity = {
        value: div(scope2.quantity.value, electricity.quantity.value),
        dim: mulDim(scope2.quantity.dim, electricity.quantity.dim, -1),
      };
      const agreeing = findFactorsMeeting(implied, (f) => f.kind === 'grid' && f.id !== grid.id).slice(0, 3);
      if (agreeing.length)
        check.note = t(locale, 'numbers.activity.agreesWith', {
          factors: agreeing.map((f) => `${f.id} (${factorName(f, locale)}, ${f.printed} ${f.unit})`).join('; '),
        });
    }
    out.push(check);
  }
  return out;
}
