// Quantities for the numbers engine: an interval of values in base units with a dimension vector.
// A printed figure with d decimals stands for [v - h, v + h] with h = 0.5 * 10^-d, so arithmetic on
// intervals tells whether a reported figure can be the rounded result of a formula.
import type { ParsedUnit } from '../catalogs/units';

export interface Interval {
  lo: number;
  hi: number;
}

/** Base dimension -> exponent, e.g. `{ co2e: 1, money: -1 }` for tCO2e/萬元. Zero exponents are omitted. */
export type Dim = Readonly<Record<string, number>>;

export interface Quantity {
  /** In base units (t, tCO2e, kWh, m3, currency unit, 1, h; '%' is the ratio 0.01). */
  value: Interval;
  dim: Dim;
}

export const DIMENSIONLESS: Dim = {};

// ---- intervals ----

export function exact(v: number): Interval {
  return { lo: v, hi: v };
}

/** The interval a printed figure stands for. */
export function printed(value: number, decimals: number): Interval {
  // Negative decimals: scientific notation with a positive exponent ('1.2 x 10³' is 1,200 ± 50).
  const h = 0.5 * 10 ** -(Number.isFinite(decimals) ? decimals : 0);
  return { lo: value - h, hi: value + h };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function mul(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

/** Division; a divisor interval containing 0 gives (-inf, +inf): nothing can be concluded. */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return { lo: -Infinity, hi: Infinity };
  return mul(a, { lo: 1 / b.hi, hi: 1 / b.lo });
}

export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? { lo: a.lo * k, hi: a.hi * k } : { lo: a.hi * k, hi: a.lo * k };
}

/** True when the two intervals share at least one value (with a tiny allowance for float error). */
export function meets(a: Interval, b: Interval): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(a.lo), Math.abs(a.hi), Math.abs(b.lo), Math.abs(b.hi));
  return a.lo <= b.hi + eps && b.lo <= a.hi + eps;
}

export function midpoint(a: Interval): number {
  if (!Number.isFinite(a.lo) || !Number.isFinite(a.hi)) return Number.NaN;
  return (a.lo + a.hi) / 2;
}

// ---- dimensions ----

/**
 * Coal-equivalent units (kgce, tce): Chinese reports convert electricity with GB/T 2589's equivalent
 * value 0.1229 kgce/kWh, while the physical conversion (29,307 kJ/kgce, 3.6 MJ/kWh) gives 0.12284. A
 * figure in kgce/tce may rest on either, so its conversion to kWh is an interval, not a point: the
 * catalog factor (physical) down to 1/0.1229 kWh per kgce, a relative spread of 0.0507 %.
 */
const COAL_EQUIVALENT_SPREAD = 1 / 0.1229 / (29307 / 3600);
const COAL_EQUIVALENT = /^(?:kgce|tce|萬噸標準煤)$/;

function spreadOf(unit: ParsedUnit): number {
  const involved =
    COAL_EQUIVALENT.test(unit.numerator.id) ||
    (unit.denominator !== undefined && COAL_EQUIVALENT.test(unit.denominator.id));
  return involved ? COAL_EQUIVALENT_SPREAD : 1;
}

// A unit's dimension and factor, by unit object: the facts of a table share their row's parsed unit, and
// the relations convert the same units again and again. Neither a unit nor a Dim is ever mutated.
const dimsOfUnits = new WeakMap<ParsedUnit, { dim: Dim; factor: number; spread: number }>();

/** The unit asked last and its answer: a table's facts convert the same unit object in a row. */
let lastUnit: ParsedUnit | undefined;
let lastDims: { dim: Dim; factor: number; spread: number } | undefined;

function dimAndSpreadOf(unit: ParsedUnit): { dim: Dim; factor: number; spread: number } {
  if (unit === lastUnit) return lastDims!;
  let known = dimsOfUnits.get(unit);
  if (!known) {
    known = { ...computeDimOf(unit), spread: spreadOf(unit) };
    dimsOfUnits.set(unit, known);
  }
  lastUnit = unit;
  lastDims = known;
  return known;
}

export function dimOf(unit: ParsedUnit): { dim: Dim; factor: number } {
  const { dim, factor } = dimAndSpreadOf(unit);
  return { dim, factor };
}

function computeDimOf(unit: ParsedUnit): { dim: Dim; factor: number } {
  const d: Record<string, number> = {};
  let factor = 1;
  const put = (dimension: string, exp: number, f: number) => {
    // '%' and '‰' are ratios: dimensionless, scaled.
    if (dimension === 'percent') factor *= exp > 0 ? f / 100 : 100 / f;
    else {
      d[dimension] = (d[dimension] ?? 0) + exp;
      if (d[dimension] === 0) delete d[dimension];
      factor *= exp > 0 ? f : 1 / f;
    }
  };
  // A named count or an activity is a dimension of its own: '/bus' is not '/employee', 'GJ of energy
  // sold' is not 'GJ' consumed. A dimensionless numerator ('per 1,000 employees') adds nothing.
  const numDim = unit.numeratorNamed ? `${unit.numerator.dimension}:${unit.numeratorNamed}` : unit.numerator.dimension;
  if (unit.numerator.dimension === 'dimensionless') factor *= unit.numerator.factor;
  else put(numDim, 1, unit.numerator.factor);
  if (unit.denominator)
    put(
      unit.denominatorNamed ? `${unit.denominator.dimension}:${unit.denominatorNamed}` : unit.denominator.dimension,
      -1,
      unit.denominator.factor,
    );
  return { dim: d, factor };
}

const hasOwn = Object.prototype.hasOwnProperty;

export function sameDim(a: Dim, b: Dim): boolean {
  // The facts of one unit share its Dim object; otherwise compared key by key, with no key arrays built
  // (the relations compare dimensions for every pair of figures).
  if (a === b) return true;
  let count = 0;
  for (const k in a) {
    if (!hasOwn.call(a, k)) continue;
    if (!hasOwn.call(b, k) || a[k] !== b[k]) return false;
    count++;
  }
  for (const k in b) if (hasOwn.call(b, k)) count--;
  return count === 0;
}

export function mulDim(a: Dim, b: Dim, sign = 1): Dim {
  // Built key by key, never `delete`d (which makes the object slow for every later read): a's keys in
  // their order, then b's new ones, as a copy of a with b added would hold them; zero exponents left out.
  // for...in over own keys: no key arrays built (a formula multiplies dimensions per evaluation).
  const d: Record<string, number> = {};
  for (const k in a) {
    if (!hasOwn.call(a, k)) continue;
    const v = hasOwn.call(b, k) ? a[k] + sign * b[k] : a[k];
    if (v !== 0) d[k] = v;
  }
  for (const k in b) {
    if (!hasOwn.call(b, k) || hasOwn.call(a, k)) continue;
    const v = sign * b[k];
    if (v !== 0) d[k] = v;
  }
  return d;
}

export function formatDim(d: Dim): string {
  const num = Object.entries(d)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => (v === 1 ? k : `${k}^${v}`));
  const den = Object.entries(d)
    .filter(([, v]) => v < 0)
    .map(([k, v]) => (v === -1 ? k : `${k}^${-v}`));
  return (num.join('·') || '1') + (den.length ? `/${den.join('·')}` : '');
}

/** The base unit of a dimension vector, as a unit symbol: 'tCO2e', 'kWh', 't/CNY'. */
export function baseUnitName(dim: Dim, currency = 'CNY'): string {
  const symbol: Record<string, string> = {
    mass: 't',
    co2e: 'tCO2e',
    energy: 'kWh',
    volume: 'm3',
    money: currency,
    count: 'count',
    time: 'h',
    area: 'm2',
    length: 'm',
  };
  const name = (k: string, exp: number) => `${symbol[k] ?? k}${exp === 1 ? '' : `^${exp}`}`;
  const num = Object.entries(dim)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => name(k, v));
  const den = Object.entries(dim)
    .filter(([, v]) => v < 0)
    .map(([k, v]) => name(k, -v));
  return (num.join('·') || '1') + (den.length ? `/${den.join('·')}` : '');
}

/**
 * A computed quantity in its base unit, for messages: '1 kWh', '4', '596.411 tCO2e'. Six significant
 * digits at most, since the value is the midpoint of an interval, not a printed figure.
 */
export function formatQuantity(q: Quantity, currency = 'CNY'): string {
  const mid = midpoint(q.value);
  const unit = sameDim(q.dim, DIMENSIONLESS) ? '' : ` ${baseUnitName(q.dim, currency)}`;
  if (!Number.isFinite(mid)) return `?${unit}`;
  // Whole digits are kept (1,124,032 kWh); decimals up to six significant digits, trailing zeros dropped.
  const whole = Math.abs(mid) >= 1 ? Math.floor(Math.log10(Math.abs(mid))) + 1 : 0;
  if (whole === 0 && mid !== 0) return `${String(Number(mid.toPrecision(6)))}${unit}`;
  let text = formatNumber(mid, Math.max(0, 6 - whole));
  if (text.includes('.')) {
    let end = text.length;
    while (text[end - 1] === '0') end--;
    if (text[end - 1] === '.') end--;
    text = text.slice(0, end);
  }
  return `${text}${unit}`;
}

/** A quantity from a printed figure in a unit. */
export function fromPrinted(
  value: number,
  decimals: number,
  unit: ParsedUnit | undefined,
  percentSign = false,
  stated?: Interval,
): Quantity | undefined {
  // A bound ('<0.01') or an approximate figure states its own interval.
  if (!unit) {
    if (!percentSign) return undefined;
    return { value: scale(stated ?? printed(value, decimals), 0.01), dim: DIMENSIONLESS };
  }
  const { dim, factor, spread } = dimAndSpreadOf(unit);
  // One interval per figure: the printed one scaled in place of a copy (factors are positive).
  let lo: number;
  let hi: number;
  if (stated) {
    lo = stated.lo;
    hi = stated.hi;
  } else {
    const h = 0.5 * 10 ** -(Number.isFinite(decimals) ? decimals : 0);
    lo = value - h;
    hi = value + h;
  }
  const scaled = factor >= 0 ? { lo: lo * factor, hi: hi * factor } : { lo: hi * factor, hi: lo * factor };
  return { value: widen(scaled, spread), dim };
}

/** The interval of a quantity expressed in a unit (undefined when the dimensions differ). */
export function inUnit(q: Quantity, unit: ParsedUnit | undefined): Interval | undefined {
  if (!unit) return sameDim(q.dim, DIMENSIONLESS) ? q.value : undefined;
  const { dim, factor, spread } = dimAndSpreadOf(unit);
  if (!sameDim(q.dim, dim)) return undefined;
  return widen(scale(q.value, 1 / factor), 1 / spread);
}

/** Stretches an interval by a relative conversion spread (k > 1 raises the top, k < 1 lowers the bottom). */
function widen(a: Interval, k: number): Interval {
  if (k === 1) return a;
  const lo = Math.min(a.lo, a.lo * k, a.lo / k);
  const hi = Math.max(a.hi, a.hi * k, a.hi / k);
  return { lo, hi };
}

// ---- printing ----

/** Formats a number with a fixed number of decimals and thousands separators, as reports print them. */
export function formatNumber(value: number, decimals: number, thousands = true): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(Math.max(0, Math.min(decimals, 20)));
  const [int, frac] = fixed.split('.');
  const grouped = thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return (value < 0 && Number(fixed) !== 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/** '57,695.89' -> true: the raw cell used thousands separators. */
export function usesThousands(raw: string): boolean {
  return /\d[,，]\d{3}/.test(raw);
}
