// A FormulaEnv over a document: KPI figures from facts(doc), denominators and factors from the front
// matter. Front-matter maps are plain objects keyed by user-given names, so every lookup checks
// own properties (`denominators.__proto__` must be a missing name, not Object.prototype).
import { getKpi } from '../../catalogs/kpis';
import { readUnitOnly } from '../../catalogs/units';
import type { EsgDocument } from '../../model';
import type { PerPeriod, StatedQuantity as FrontMatterQuantity } from '../../frontmatter';
import { factInterval, type Fact, type FactIndex } from '../facts';
import { fromPrinted, type Quantity } from '../quantity';
import type { FormulaEnv, FormulaKpiValue } from './evaluate';

export interface FormulaEnvOptions {
  /** Resolves a factor given in the front matter as a catalog id ('cn-grid-2023'). */
  resolveFactorId?: (id: string) => Quantity | undefined;
}

/** The value for a period, else the value for all periods (`'*'`). */
export function frontMatterValue<T>(byName: Record<string, PerPeriod<T>>, name: string, period: string): T | undefined {
  if (!Object.hasOwn(byName, name)) return undefined;
  const per = byName[name];
  if (Object.hasOwn(per, period)) return per[period];
  return Object.hasOwn(per, '*') ? per['*'] : undefined;
}

/** A front-matter quantity ('1,234.5 百萬元') as an interval of its printed precision. */
export function frontMatterQuantity(q: FrontMatterQuantity): Quantity | undefined {
  // Asked per formula, period and reference: read once per front-matter entry (never altered).
  const known = frontMatterQuantities.get(q);
  if (known !== undefined) return known ?? undefined;
  const unit = readUnitOnly(q.unit);
  const quantity = unit.ok ? fromPrinted(q.value, q.decimals, unit.unit) : undefined;
  frontMatterQuantities.set(q, quantity ?? null);
  return quantity;
}

const frontMatterQuantities = new WeakMap<FrontMatterQuantity, Quantity | null>();

function kpiValue(f: Fact): FormulaKpiValue {
  const v: FormulaKpiValue = { range: f.range, label: f.label, fact: f };
  if (f.quantity) v.quantity = f.quantity;
  else v.printed = factInterval(f);
  return v;
}

export function formulaEnvFor(
  doc: EsgDocument,
  index: FactIndex,
  period: string,
  options: FormulaEnvOptions = {},
): FormulaEnv {
  return {
    period,
    kpi(id, p) {
      const f = index.first(id, p);
      return f ? kpiValue(f) : undefined;
    },
    prefix(prefix, p) {
      // One level below the prefix only, so that a category and its own breakdown are not both added.
      const seen = new Set<string>();
      const out: (FormulaKpiValue & { kpiId: string })[] = [];
      for (const f of index.withPrefix(prefix, p)) {
        const rest = f.kpiId.startsWith(`${prefix}.`) ? f.kpiId.slice(prefix.length + 1) : '';
        if (!rest || rest.includes('.') || seen.has(f.kpiId)) continue;
        // Only catalog KPIs and ids the author wrote: an id recognition built (`ghg.scope3.p-x`, a part or
        // an intensity of the KPI) is not one of its categories.
        if (f.row?.kpiIdSource === 'catalog' && !getKpi(f.kpiId)) continue;
        seen.add(f.kpiId);
        out.push({ ...kpiValue(f), kpiId: f.kpiId });
      }
      return out;
    },
    denominator(name, p) {
      const q = frontMatterValue(doc.config.denominators, name, p);
      return q ? frontMatterQuantity(q) : undefined;
    },
    factor(name, p) {
      const entry = frontMatterValue(doc.config.factors, name, p);
      if (!entry) return undefined;
      if (entry.quantity) return frontMatterQuantity(entry.quantity);
      return entry.catalogId && options.resolveFactorId ? options.resolveFactorId(entry.catalogId) : undefined;
    },
    knownId(id) {
      // The set of ids is the index's, built once per document (an env is made per formula and period).
      return index.ids.has(id) || getKpi(id) !== undefined;
    },
  };
}
