// Scope 2 (location-based) = electricity x grid factor, per period, when the report gives both the
// electricity and the factor (front matter `factors.grid`, per period or for all, or a factor quoted
// in the text). When the figure disagrees, the catalog factors it would agree with are named.
import type { EsgDocument } from '../model';
import type { Locale } from '../types';
import { factorName, factorQuantity, findFactorsMeeting, getFactor } from '../catalogs/factors';
import { t } from '../i18n';
import { facts, type Fact } from './facts';
import { compareFact, inputOf, type Check, type CheckInput } from './checks';
import { factorQuotes } from './factorQuotes';
import { frontMatterQuantity } from './formula';
import { dimOf, div, mul, mulDim, printed, type Quantity } from './quantity';

interface GridFactor {
  quantity: Quantity;
  input: CheckInput;
  /** Catalog id when the factor is a catalog entry. */
  id?: string;
}

function gridFactor(doc: EsgDocument, period: string, locale: Locale): GridFactor | undefined {
  const given = doc.config.factors.grid ?? doc.config.factors.electricity;
  const named = given?.[period] ?? given?.['*'];
  if (named?.catalogId) {
    const q = factorQuantity(named.catalogId);
    const f = getFactor(named.catalogId);
    if (q && f) return { quantity: q, id: f.id, input: { label: `factors.grid (${factorName(f, locale)})`, ref: 'factors.grid', text: `${f.printed} ${f.unit}` } };
    return undefined;
  }
  if (named?.quantity) {
    const q = frontMatterQuantity(named.quantity);
    if (q) return { quantity: q, input: { label: 'factors.grid', ref: 'factors.grid', text: named.raw } };
    return undefined;
  }
  // A factor quoted in the text: the one applied to this period, or the only one, for the report's year.
  const quotes = factorQuotes(doc).filter((q) => q.unit && q.basis !== 'life-cycle');
  const quote = quotes.find((q) => q.periodYear !== undefined && String(q.periodYear) === period) ?? (quotes.length === 1 && String(doc.config.year) === period && quotes[0].periodYear === undefined ? quotes[0] : undefined);
  if (!quote?.unit) return undefined;
  const { dim, factor } = dimOf(quote.unit);
  const p = printed(quote.value, quote.decimals);
  return { quantity: { value: { lo: p.lo * factor, hi: p.hi * factor }, dim }, input: { label: t(locale, 'numbers.activity.quotedFactor'), ref: 'text', text: `${quote.raw} ${quote.unitRaw.replace(/<\/?sub>/g, '')}` } };
}

export function activityChecks(doc: EsgDocument, locale: Locale): Check[] {
  const index = facts(doc);
  const out: Check[] = [];
  for (const period of index.periods) {
    const scope2: Fact | undefined = index.first('ghg.scope2.location', period) ?? index.first('ghg.scope2', period);
    const electricity: Fact | undefined = index.first('energy.electricity.purchased', period) ?? index.first('energy.electricity', period);
    if (!scope2?.quantity || !electricity?.quantity) continue;
    const grid = gridFactor(doc, period, locale);
    if (!grid) continue;
    const computed: Quantity = { value: mul(electricity.quantity.value, grid.quantity.value), dim: mulDim(electricity.quantity.dim, grid.quantity.dim) };
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
      const implied: Quantity = { value: div(scope2.quantity.value, electricity.quantity.value), dim: mulDim(scope2.quantity.dim, electricity.quantity.dim, -1) };
      const agreeing = findFactorsMeeting(implied, (f) => f.kind === 'grid' && f.id !== grid.id).slice(0, 3);
      if (agreeing.length) check.note = t(locale, 'numbers.activity.agreesWith', { factors: agreeing.map((f) => `${f.id} (${factorName(f, locale)}, ${f.printed} ${f.unit})`).join('; ') });
    }
    out.push(check);
  }
  return out;
}
