// The emission-factor catalog (data/factors.json): grid CO2 factors, carbon-footprint factors, fuel
// defaults, GB/T 2589 standard-coal coefficients, GWP-100 sets and the 15 Scope 3 categories.
// Lookups are precomputed at module load; no function here throws.
//
// A catalog factor is a published constant: the MEE's 0.5306 kgCO2/kWh is applied as 0.5306, not as
// 'something between 0.53055 and 0.53065'. So `factorQuantity` is an exact quantity; the rounding
// allowance belongs to the report's figures, which the rules compare against it. The factors as
// quantities (`factorQuantity`, `findFactorsMeeting`) live above the catalog, in numbers/factorValues.ts.
import factorData from './data/factors.json';
import type { EmissionFactor, FactorCatalog, FactorKind, FactorRegion, Scope3Category } from './schema';
import { parseUnit, type ParsedUnit } from './units';
import { normalizeLabel } from '../text/normalize';
import type { Locale } from '../types';

const catalog = factorData as FactorCatalog;

const byId = new Map<string, EmissionFactor>();
for (const f of catalog.factors) for (const id of [f.id, ...(f.aliases ?? [])]) byId.set(id, f);
const regionByCode = new Map(catalog.regions.map((r) => [r.code, r]));

const unitCache = new Map<string, ParsedUnit | undefined>();
function unitOf(raw: string): ParsedUnit | undefined {
  if (!unitCache.has(raw)) {
    const p = parseUnit(raw);
    unitCache.set(raw, p.ok ? p.unit : undefined);
  }
  return unitCache.get(raw);
}

/** Newest entry of each dated series. */
const newestBySeries = new Map<string, EmissionFactor>();
for (const f of catalog.factors) {
  if (!f.series) continue;
  const cur = newestBySeries.get(f.series);
  if (!cur || f.year > cur.year) newestBySeries.set(f.series, f);
}

export function allFactors(): EmissionFactor[] {
  return catalog.factors.slice();
}

/** A factor by id or alias (`cn-grid-2023` or the reference's `cn-grid-avg-2023`). */
export function getFactor(id: string): EmissionFactor | undefined {
  if (typeof id !== 'string') return undefined;
  return byId.get(id.trim());
}

export interface FactorQuery {
  kind?: FactorKind;
  /** Region code (`CN`, `CN-grid-north`, `HK`). */
  region?: string;
  year?: number;
  basis?: string;
  gas?: string;
  series?: string;
}

/** Factors matching every given field, newest first, then in catalog order. */
export function factorsFor(q: FactorQuery): EmissionFactor[] {
  return catalog.factors
    .filter(
      (f) =>
        (q.kind === undefined || f.kind === q.kind) &&
        (q.region === undefined || f.region === q.region) &&
        (q.year === undefined || f.year === q.year) &&
        (q.basis === undefined || f.basis === q.basis) &&
        (q.gas === undefined || f.gas === q.gas) &&
        (q.series === undefined || f.series === q.series),
    )
    .sort((a, b) => b.year - a.year);
}

/** Mainland China grid CO2 factors (national, regional, provincial), newest first. */
export function gridFactorsCN(): EmissionFactor[] {
  return factorsFor({ kind: 'grid' }).filter((f) => f.region === 'CN' || f.region.startsWith('CN-'));
}

/** The newest entry of a dated series (`cn-grid:CN:average`). */
export function newestInSeries(series: string): EmissionFactor | undefined {
  return newestBySeries.get(series);
}

/** The entry of a series for a data year. */
export function seriesFactor(series: string, year: number): EmissionFactor | undefined {
  return catalog.factors.find((f) => f.series === series && f.year === year);
}

/** Decimals of the published value ('0.5500' -> 4). */
export function factorDecimals(f: EmissionFactor): number {
  const dot = f.printed.indexOf('.');
  return dot < 0 ? 0 : f.printed.length - dot - 1;
}

export function factorUnit(f: EmissionFactor): ParsedUnit | undefined {
  return unitOf(f.unit);
}

export function factorRegions(): FactorRegion[] {
  return catalog.regions.slice();
}

export function getFactorRegion(code: string): FactorRegion | undefined {
  return regionByCode.get(code);
}

/** The factor's name in a locale. */
export function factorName(f: EmissionFactor, locale: Locale): string {
  return f.names[locale] || f.names.en;
}

/** The factor's source as a short citation in a locale (the Chinese title where there is one). */
export function factorSourceTitle(f: EmissionFactor, locale: Locale): string {
  if (locale === 'zh-Hant' && f.source.titleZh) return f.source.titleZh;
  if (locale === 'zh-Hans' && f.source.titleZhHans) return f.source.titleZhHans;
  return f.source.title;
}

export function factorIds(): string[] {
  return catalog.factors.map((f) => f.id);
}

/** The catalog id closest to a misspelt one (edit distance at most a third of its length), if any. */
export function suggestFactorId(wrong: string): string | undefined {
  if (typeof wrong !== 'string' || !wrong || wrong.length > 80) return undefined;
  const w = wrong.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(w.length / 3)) + 1;
  for (const id of byId.keys()) {
    const d = editDistance(w, id, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = byId.get(id)!.id;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds the limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length];
}

// ---- Scope 3 categories ----

const scope3ByKey = new Map<string, Scope3Category>();
for (const c of catalog.scope3Categories) {
  for (const name of [c.names.en, c.names['zh-Hant'], c.names['zh-Hans'], ...c.synonyms]) {
    const key = normalizeLabel(name);
    if (key && !scope3ByKey.has(key)) scope3ByKey.set(key, c);
  }
}

/** The 15 GHG Protocol Scope 3 categories, in order. */
export function scope3Categories(): Scope3Category[] {
  return catalog.scope3Categories.slice();
}

/** A Scope 3 category by number (1-15), id (`scope3.c6`) or name in any language or seed wording. */
export function matchScope3Category(nameOrNumber: string | number): Scope3Category | undefined {
  if (typeof nameOrNumber === 'number') return catalog.scope3Categories.find((c) => c.n === nameOrNumber);
  if (typeof nameOrNumber !== 'string') return undefined;
  const byIdMatch = catalog.scope3Categories.find((c) => c.id === nameOrNumber.trim());
  if (byIdMatch) return byIdMatch;
  return scope3ByKey.get(normalizeLabel(nameOrNumber));
}
