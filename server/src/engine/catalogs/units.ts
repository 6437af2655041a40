// Unit catalog lookups and the parser for units as written in KPI tables ('噸 / 萬元',
// 'tCO₂e/萬元收入', '兆瓦時 / 人民幣百萬元', 'kgCO2/kWh'). Lookups are precomputed at module load;
// parseUnit is a handful of map lookups per call and never throws.
import unitData from './data/units.json';
import type { KpiDefinition, UnitCatalog, UnitDefinition } from './schema';
import { detachedCopy, normalizeUnitText } from '../text/normalize';

const catalog = unitData as UnitCatalog;

export interface ParsedUnit {
  raw: string;
  normalized: string;
  numerator: UnitDefinition;
  denominator?: UnitDefinition;
  /** What the denominator measures when the unit says so: 'revenue' for '萬元收入', 'employees' for '人'. */
  denominatorQualifier?: string;
  /** 'co2e', 'energy', 'co2e/money' ... */
  dimension: string;
}

/** `unknown` is the part of the text that was not recognised ('' for empty input, '/' for a dangling slash). */
export type UnitParse = { ok: true; unit: ParsedUnit } | { ok: false; unknown: string };

/** Unit lookup key: canonical spelling, case-folded (reports write 'KWH', 'Kwh', 'kwh'). */
function unitKey(s: string): string {
  return normalizeUnitText(s).toLowerCase();
}

const unitsByKey = new Map<string, UnitDefinition>();
const unitsById = new Map<string, UnitDefinition>();
for (const u of catalog.units) {
  unitsById.set(u.id, u);
  for (const s of [u.id, ...u.spellings]) if (!unitsByKey.has(unitKey(s))) unitsByKey.set(unitKey(s), u);
}
const qualifiers = new Map<string, string>();
for (const q of catalog.denominatorQualifiers) qualifiers.set(unitKey(q.word), q.denominator);
const LONGEST_SPELLING = Math.max(...[...unitsByKey.keys()].map((k) => k.length));
const LONGEST_QUALIFIER = Math.max(...[...qualifiers.keys()].map((k) => k.length));

/** Default denominator unit for a qualifier written alone ('噸 / 員工' is per person). */
const QUALIFIER_DEFAULT_UNIT: Record<string, string> = { employees: '人', 'floor-area': 'm2' };

export function getUnit(idOrSpelling: string): UnitDefinition | undefined {
  if (typeof idOrSpelling !== 'string') return undefined;
  return unitsById.get(idOrSpelling) ?? unitsByKey.get(unitKey(idOrSpelling));
}

export function allUnits(): UnitDefinition[] {
  return catalog.units.slice();
}

/** Currency of a money unit (CNY unless its id names another); undefined for other dimensions. */
export function currencyOf(unit: UnitDefinition): 'CNY' | 'HKD' | 'USD' | undefined {
  if (unit.dimension !== 'money') return undefined;
  if (unit.id.startsWith('HKD')) return 'HKD';
  if (unit.id.startsWith('USD')) return 'USD';
  return 'CNY';
}

// ' per ' joins numerator and denominator in English units ('tCO2e per employee'); it must be a
// separate word so that 'persons' is not split.
const PER_WORD = /\s+per\s+/i;
const SLASHES = /[/／÷∕⁄]/;
const MAX_UNIT_LENGTH = 120;
const OUTER_BRACKETS = /^[(（\[]([^()（）[\]]*)[)）\]]$/;

interface DenominatorParse {
  unit: UnitDefinition;
  qualifier?: string;
}

/** Denominator forms: unit ('萬元'), unit+qualifier ('萬元收入'), qualifier+unit ('營收百萬元'), qualifier alone ('員工'). */
function parseDenominator(key: string): DenominatorParse | undefined {
  const direct = parseDenominatorKey(key);
  if (direct) return direct;
  // '噸 / 每萬元收入', 'tCO2e/per employee'
  if (key.startsWith('每')) return parseDenominatorKey(key.slice(1));
  if (key.startsWith('per')) return parseDenominatorKey(key.slice(3));
  return undefined;
}

function parseDenominatorKey(key: string): DenominatorParse | undefined {
  if (!key) return undefined;
  const whole = unitsByKey.get(key);
  if (whole) return { unit: whole, qualifier: qualifiers.get(key) };
  const q = qualifiers.get(key);
  if (q && QUALIFIER_DEFAULT_UNIT[q]) return { unit: unitsById.get(QUALIFIER_DEFAULT_UNIT[q])!, qualifier: q };
  // unit followed by a qualifier: longest unit prefix first
  for (let i = Math.min(key.length - 1, LONGEST_SPELLING); i > 0; i--) {
    const unit = unitsByKey.get(key.slice(0, i));
    const qual = unit && qualifiers.get(key.slice(i));
    if (unit && qual) return { unit, qualifier: qual };
  }
  // qualifier followed by a unit
  for (let i = Math.min(key.length - 1, LONGEST_QUALIFIER); i > 0; i--) {
    const qual = qualifiers.get(key.slice(0, i));
    const unit = qual && unitsByKey.get(key.slice(i));
    if (qual && unit) return { unit, qualifier: qual };
  }
  return undefined;
}

// A report repeats a few dozen unit spellings in thousands of cells, and every number check reads them
// again: parse each distinct spelling once. Hits get a copy, so no caller shares (or can alter) an entry.
const UNIT_CACHE_MAX = 4096;
const unitCache = new Map<string, UnitParse>();

export function parseUnit(raw: string): UnitParse {
  if (typeof raw !== 'string') return { ok: false, unknown: '' };
  let parsed = unitCache.get(raw);
  if (!parsed) {
    // Long texts are not units (and must not pin memory): only short spellings are kept, as copies.
    const key = raw.length <= 2 * MAX_UNIT_LENGTH ? detachedCopy(raw) : undefined;
    parsed = parseUnitText(key ?? raw);
    if (key !== undefined) {
      if (unitCache.size >= UNIT_CACHE_MAX) unitCache.clear();
      unitCache.set(key, parsed);
    }
  }
  return parsed.ok ? { ok: true, unit: { ...parsed.unit } } : { ...parsed };
}

function parseUnitText(raw: string): UnitParse {
  let text = raw.trim();
  const bracketed = OUTER_BRACKETS.exec(text);
  if (bracketed) text = bracketed[1].trim();
  if (!text) return { ok: false, unknown: '' };
  // A unit cell is short; a long text is not a unit (and the bound keeps every step linear).
  if (text.length > MAX_UNIT_LENGTH) return { ok: false, unknown: text };
  // Split on the separator before removing spaces, so that raw parts can be reported as unknown.
  const withSlash = text.replace(PER_WORD, '/');
  const parts = withSlash.split(SLASHES);
  if (parts.length > 2) return { ok: false, unknown: parts.slice(2).join('/').trim() || '/' };
  const numText = parts[0].trim();
  const numerator = unitsByKey.get(unitKey(numText));
  if (!numerator) return { ok: false, unknown: numText || '/' };
  const normalized = normalizeUnitText(withSlash);
  if (parts.length === 1) return { ok: true, unit: { raw, normalized, numerator, dimension: numerator.dimension } };
  const denText = parts[1].trim();
  if (!denText) return { ok: false, unknown: '/' };
  const den = parseDenominator(unitKey(denText));
  if (!den) return { ok: false, unknown: denText };
  const unit: ParsedUnit = { raw, normalized, numerator, denominator: den.unit, dimension: `${numerator.dimension}/${den.unit.dimension}` };
  if (den.qualifier) unit.denominatorQualifier = den.qualifier;
  return { ok: true, unit };
}

/** KPIs whose figure may be written as a mass: water ('噸' of water is 1 m³) and fuels (tonnes of diesel). */
function acceptsMass(kpi: KpiDefinition): boolean {
  return kpi.id.startsWith('water.') || FUEL_KPIS.has(kpi.id);
}
/** Fuels are reported as energy, mass or volume (litres, m³ of gas). */
const FUEL_KPIS = new Set(['energy.gasoline', 'energy.diesel', 'energy.natural_gas']);

/** Denominator dimensions that fit a KPI's `per`. */
const PER_DIMENSIONS: Record<string, string[]> = {
  revenue: ['money'],
  employees: ['count'],
  'floor-area': ['area'],
  production: ['count', 'mass', 'volume', 'energy'],
};

/**
 * Whether a parsed unit can express a KPI. Water KPIs (volume) accept mass because Chinese reports
 * write water in 噸 (1 t of water = 1 m³); fuel KPIs accept mass and volume. Percent KPIs take '%'
 * whatever their `per`; per-employee averages may omit the denominator ('小時'); other KPIs with
 * `per` need a denominator of the matching dimension and qualifier.
 */
export function unitFitsKpi(unit: ParsedUnit, kpi: KpiDefinition): boolean {
  const dim = unit.numerator.dimension;
  let numeratorFits = dim === kpi.dimension;
  if (!numeratorFits && dim === 'mass' && acceptsMass(kpi)) numeratorFits = true;
  if (!numeratorFits && FUEL_KPIS.has(kpi.id) && dim === 'volume') numeratorFits = true;
  if (!numeratorFits) return false;
  if (kpi.dimension === 'percent') return !unit.denominator;
  if (!kpi.per) return !unit.denominator;
  // Averages per head are written in the numerator's unit ('人均受訓時數 | 小時').
  if (!unit.denominator) return kpi.per === 'employees';
  if (unit.denominatorQualifier && unit.denominatorQualifier !== kpi.per) return false;
  const allowed = PER_DIMENSIONS[kpi.per];
  return !allowed || allowed.includes(unit.denominator.dimension);
}
