// The catalog's emission factors as quantities: the arithmetic of numbers/quantity.ts applied to
// catalogs/factors.ts, kept here so that the catalog imports nothing from the numbers engine.
// A catalog factor is a published constant, so its quantity is exact (see catalogs/factors.ts).
import { allFactors, factorUnit, getFactor } from '../catalogs/factors';
import type { EmissionFactor } from '../catalogs/schema';
import { parseUnit } from '../catalogs/units';
import { dimOf, exact, meets, printed, sameDim, type Quantity } from './quantity';

// Precomputed once, like the catalog's own lookups.
const factors = allFactors();
const quantities = new Map<string, Quantity | undefined>();
for (const f of factors) {
  const unit = factorUnit(f);
  if (!unit) quantities.set(f.id, undefined);
  else {
    const { dim, factor } = dimOf(unit);
    quantities.set(f.id, { value: exact(f.value * factor), dim });
  }
}

/** The factor as an exact quantity in base units (tCO2e/kWh for kgCO2/kWh); undefined for an unknown id. */
export function factorQuantity(id: string): Quantity | undefined {
  const f = getFactor(id);
  return f ? quantities.get(f.id) : undefined;
}

/** Decimals of a number as JavaScript prints it (0.5366 -> 4). */
function decimalsOf(value: number): number {
  const s = String(value);
  if (/e/i.test(s)) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Catalog factors a quantity agrees with (same dimension, value within the quantity's interval). */
export function findFactorsMeeting(q: Quantity, filter: (f: EmissionFactor) => boolean = () => true): EmissionFactor[] {
  const out: EmissionFactor[] = [];
  for (const f of factors) {
    const fq = quantities.get(f.id);
    if (fq && sameDim(fq.dim, q.dim) && meets(fq.value, q.value) && filter(f)) out.push(f);
  }
  return out;
}

/**
 * Catalog factors that a printed value in a unit can stand for: `findFactorsByValue(0.5366,
 * 'kgCO2/kWh')` -> [cn-grid-2022]. The value is read with its printed decimals (given, or as the number
 * prints), so 0.54 matches every factor from 0.535 to 0.545. An unreadable unit matches nothing.
 */
export function findFactorsByValue(value: number, unit: string, decimals?: number): EmissionFactor[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [];
  const parsed = parseUnit(String(unit));
  if (!parsed.ok) return [];
  const { dim, factor } = dimOf(parsed.unit);
  const interval = printed(value, decimals ?? decimalsOf(value));
  return findFactorsMeeting({ value: { lo: interval.lo * factor, hi: interval.hi * factor }, dim });
}
