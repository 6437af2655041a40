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
  /** What a named-count or activity denominator counts: 'restaurants' ('Ton/number of restaurants'), 'bus', 'energy sold' ('GJ of energy sold'). */
  denominatorNamed?: string;
  /** A numerator that is a named count ('# ships'). */
  numeratorNamed?: string;
  /** A plain mass read as CO2e because the KPI is a GHG figure (`unitForKpi`). */
  massAsCo2e?: boolean;
  /** The HKEX guide's placeholder numerator ('Unit/HK$ million'): the author did not fill the unit in. */
  placeholder?: boolean;
  /** 'co2e', 'energy', 'co2e/money', 'mass/count:restaurants', 'co2e/energy:energy sold' ... */
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
/** Qualifier words, longest first (so '營業收入' is tried before '收入'). */
const QUALIFIERS_LONGEST_FIRST = [...qualifiers.entries()].sort((a, b) => b[0].length - a[0].length);

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
// '╱' (U+2571) is the slash of many HK Chinese reports ('噸╱人', '千瓦時╱人').
const SLASHES = /[/／÷∕⁄╱]/;
const MAX_UNIT_LENGTH = 120;
const OUTER_BRACKETS = /^[(（[]([^()（）[\]]*)[)）\]]$/;
const QUOTES = /^["'“‘「『]([^"'“”‘’「」『』]+)["'”’」』]$/;

interface DenominatorParse {
  unit: UnitDefinition;
  qualifier?: string;
  /** What a named-count or activity denominator counts ('restaurants', 'bus', 'ore mined'). */
  named?: string;
}

// ---- scales, CO2e phrases, currencies and named counts (units as HK reports print them) ----

/** Scale words before a unit ('million T', '1000 unit', '100 million yuan'), on the lookup key. */
const SCALE_WORDS: [RegExp, number][] = [
  [/^'000,?000/, 1e6],
  [/^'000/, 1e3],
  [/^(?:billion|bn)/, 1e9],
  [/^(?:million|mn)/, 1e6],
  [/^(?:tenthousand)/, 1e4],
  [/^(?:thousand)/, 1e3],
  [/^(?:hundred)/, 1e2],
  [/^(?:百萬|百万)/, 1e6],
  [/^(?:億|亿)/, 1e8],
  [/^(?:萬|万)/, 1e4],
  [/^千/, 1e3],
];
const LEADING_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?=\D|$)/;

/** A scale at the start of a key: '100million...' -> [1e8, rest]; undefined when there is none. */
function leadingScale(key: string, anyNumber = false): [number, string] | undefined {
  let scale = 1;
  let rest = key;
  let found = false;
  const n = LEADING_NUMBER.exec(rest);
  if (n) {
    const v = Number(n[1].replace(/,/g, ''));
    // A denominator may be any base ('per 200,000 hours worked'); a numerator scale is a power of ten.
    if (!(v > 0) || (!anyNumber && !isPowerOfTen(v))) return undefined;
    scale *= v;
    rest = rest.slice(n[0].length);
    found = true;
  }
  for (let guard = 0; guard < 3; guard++) {
    const w = SCALE_WORDS.find(([re]) => re.test(rest));
    if (!w) break;
    scale *= w[1];
    rest = rest.replace(w[0], '');
    found = true;
  }
  return found && rest ? [scale, rest] : undefined;
}

function isPowerOfTen(v: number): boolean {
  const l = Math.log10(v);
  return Math.abs(l - Math.round(l)) < 1e-9;
}

/** A unit `scale` times `base` (the catalog's own unit when one has that factor). */
function scaled(base: UnitDefinition, scale: number, spelling: string): UnitDefinition {
  if (scale === 1) return base;
  const factor = base.factor * scale;
  const currency = currencyOf(base);
  const existing = catalog.units.find(
    (u) => u.dimension === base.dimension && Math.abs(u.factor - factor) <= 1e-9 * factor && currencyOf(u) === currency,
  );
  if (existing) return existing;
  const prefix = currency === 'HKD' ? 'HKD-' : currency === 'USD' ? 'USD-' : '';
  return { ...base, id: `${prefix}${formatScale(scale)}×${base.id}`, factor, spellings: [spelling] };
}

function formatScale(n: number): string {
  return n >= 1e6 && isPowerOfTen(n) ? `1e${Math.round(Math.log10(n))}` : String(n);
}

/** '...of CO2e', 'CO2-e', 'CO₂ equivalent', '二氧化碳當量' after a mass unit: that mass of CO2e. */
const CO2E_SUFFIX =
  /(?:of)?(?:co2-?e(?:q|quivalent)?|co2-?equivalents?|carbondioxideequivalents?|二氧化碳當量|二氧化碳当量|co2當量|co2当量)$/;
const CO2_SUFFIX = /(?:of)?(?:co2|carbondioxide|二氧化碳)$/;

function co2eUnit(mass: UnitDefinition, equivalent: boolean, spelling: string): UnitDefinition {
  const base = getUnit(equivalent ? 'tCO2e' : 'tCO2')!;
  const u = scaled(base, mass.factor, spelling);
  return catalog.units.includes(u) ? u : { ...u, id: `${mass.id}${equivalent ? 'CO2e' : 'CO2'}` };
}

/** Currency words of money units (before or after the scale). */
const CURRENCIES: [RegExp, string][] = [
  [/^(?:hk\$|hkd|港元|港幣|港币|hongkongdollars?|hkdollars?)/, 'HKD'],
  [/^(?:us\$|usd|美元|usdollars?)/, 'USD'],
  [/^(?:rmb|cny|人民幣|人民币|yuan|元)/, '元'],
];
const CURRENCY_SUFFIX: [RegExp, string][] = [
  [/(?:hk\$|hkd|港元|港幣|港币|hongkongdollars?|hkdollars?)$/, 'HKD'],
  [/(?:us\$|usd|美元|usdollars?)$/, 'USD'],
  [/(?:rmb|cny|人民幣|人民币|yuan|元)$/, '元'],
];

/** A money scale after the currency: "'000", "'000000", "'000,000", '1million', '100m', '10,000', 'k'. */
function moneyScale(s: string): number | undefined {
  if (!s) return 1;
  const thousands = /^'(0{3}(?:,?0{3})*)$/.exec(s);
  if (thousands) return 10 ** thousands[1].replace(/,/g, '').length;
  let rest = s;
  let scale = 1;
  const n = LEADING_NUMBER.exec(rest);
  if (n) {
    const v = Number(n[1].replace(/,/g, ''));
    if (!(v > 0) || !isPowerOfTen(v)) return undefined;
    scale = v;
    rest = rest.slice(n[0].length);
  }
  if (!rest) return n ? scale : undefined;
  const words: [RegExp, number][] = [
    [/^(?:billion|bn|b)$/, 1e9],
    [/^(?:million|mn|m)$/, 1e6],
    [/^(?:tenthousand)$/, 1e4],
    [/^(?:thousand|k)$/, 1e3],
    [/^(?:百萬|百万)$/, 1e6],
    [/^(?:億|亿)$/, 1e8],
    [/^(?:萬|万)$/, 1e4],
    [/^千$/, 1e3],
  ];
  const w = words.find(([re]) => re.test(rest));
  return w ? scale * w[1] : undefined;
}

/** Money as printed: currency then scale ('HKD'000000', 'RMB1 million', 'RMB 100 M'), or scale then currency ('million HKD', '100 million yuan'). */
function moneyUnit(key: string, spelling: string): UnitDefinition | undefined {
  for (const [re, id] of CURRENCIES) {
    const m = re.exec(key);
    if (!m) continue;
    const scale = moneyScale(key.slice(m[0].length));
    if (scale !== undefined) return scaled(getUnit(id)!, scale, spelling);
  }
  for (const [re, id] of CURRENCY_SUFFIX) {
    const m = re.exec(key);
    if (!m || m.index === 0) continue;
    const scale = moneyScale(key.slice(0, m.index));
    if (scale !== undefined && scale !== 1) return scaled(getUnit(id)!, scale, spelling);
  }
  return undefined;
}

/** A simple (non-compound) unit from its lookup key: catalog spelling, money, scale × unit, mass of CO2e. */
function simpleUnit(key: string, depth = 0): UnitDefinition | undefined {
  if (!key) return undefined;
  const direct = unitsByKey.get(key);
  if (direct) return direct;
  if (depth > 2) return undefined;
  const money = moneyUnit(key, key);
  if (money) return money;
  const co2e = CO2E_SUFFIX.exec(key) ?? undefined;
  const co2 = co2e ? undefined : (CO2_SUFFIX.exec(key) ?? undefined);
  const gas = co2e ?? co2;
  if (gas && gas.index > 0) {
    const mass = simpleUnit(key.slice(0, gas.index), depth + 1);
    if (mass?.dimension === 'mass') return co2eUnit(mass, !!co2e, key);
    if (mass?.dimension === 'co2e') return mass; // 'tCO2e CO2 equivalent'
  }
  const s = leadingScale(key);
  if (s) {
    const base = simpleUnit(s[1], depth + 1);
    if (base) return scaled(base, s[0], key);
  }
  // '員工百分比', 'percentage of employees': a percentage of a denominator the unit names.
  for (const [word] of QUALIFIERS_LONGEST_FIRST) {
    if (key.length > word.length && key.startsWith(word)) {
      const rest = unitsByKey.get(key.slice(word.length));
      if (rest?.dimension === 'percent') return rest;
    }
  }
  return undefined;
}

/** '(kg)' after a name: 'kilograms (kg)', 'gigajoules (GJ)', 'megawatt-hours (MWh)'. */
const PER_YEAR = /\S(?:\s*[/／╱]\s*(?:year|yr|annum|年)|\s+per\s+(?:year|yr|annum)|\s+p\.a\.)$/i;
/** 'rate per 100 employees', 'ratio per 1,000 employees': a rate, numerator 1. */
const RATE_WORDS = /^(?:rate|ratio|比率|比例)$/i;
const TRAILING_BRACKET = /[(（]([^()（）]+)[)）]$/;
/** The text before a final bracket and the bracket's content ('kilograms (kg)' -> ['kilograms', 'kg']). */
function splitTrailingBracket(text: string): [string, string] | undefined {
  const m = TRAILING_BRACKET.exec(text);
  return m ? [text.slice(0, m.index).trim(), m[1]] : undefined;
}
const NAME_ONLY = /^[\p{L}\s\-'.]+$/u;

/** A numerator or a whole unit side, as printed: a simple unit, or a name with its symbol in brackets. */
function unitSide(text: string): UnitDefinition | undefined {
  const key = unitKey(text);
  const simple = simpleUnit(key);
  if (simple) return simple;
  const b = splitTrailingBracket(text.trim());
  if (b) {
    const [outer, inner] = b;
    const symbol = simpleUnit(unitKey(inner));
    const name = outer ? simpleUnit(unitKey(outer)) : undefined;
    if (symbol && name && symbol.id === name.id) return symbol;
    if (symbol && !name && outer && NAME_ONLY.test(outer)) return symbol;
  }
  return undefined;
}

// Named counts: a denominator that counts something esgmark has no unit for ('bus', 'restaurant',
// 'number of restaurants', '# ships'). It is a count of that thing, a dimension of its own: '/bus'
// is not '/employee', so an intensity per bus is never compared with one per head.
const NAMED_COUNT = /^(?:(?:the\s+)?(?:number|no\.?)\s+of\s+|#\s*)?([\p{L}][\p{L}\s\-'&.]{0,40})$/iu;
/** Words that are not things to count: money without a scale, and words of a value. */
const NOT_NAMES = new Set(['income', 'operating income', 'operating revenue', 'value', 'amount', 'total']);

function namedCount(text: string): DenominatorParse | undefined {
  const m = NAMED_COUNT.exec(text.trim());
  if (!m) return undefined;
  const name = m[1].trim().toLowerCase().replace(/\s+/g, ' ');
  const key = unitKey(name);
  // Singular or plural of a known count ('unit' for 'units', 'incident' for 'incidents').
  const known =
    unitsByKey.get(key) ??
    unitsByKey.get(`${key}s`) ??
    (key.endsWith('s') ? unitsByKey.get(key.slice(0, -1)) : undefined);
  if (known?.dimension === 'count') return { unit: known, qualifier: qualifiers.get(key) };
  // Revenue without a scale ('收入', 'revenue') is not a count; any other known unit is not a name either.
  if (!name || known || qualifiers.has(key) || NOT_NAMES.has(name)) return undefined;
  // Money with a word esgmark does not know after it ('萬元產值' if 產值 were not a qualifier): money of that.
  for (let i = Math.min(key.length - 1, 12); i >= 1; i--) {
    const money = unitsByKey.get(key.slice(0, i));
    if (money?.dimension === 'money') return { unit: money, named: name.slice(i) || name };
  }
  // A near miss of a known spelling is a typo, not a name ('kwhh', 'emplyee').
  if (nearKnownSpelling(unitKey(name))) return undefined;
  const unit: UnitDefinition = {
    id: `#${name}`,
    dimension: 'count',
    factor: 1,
    spellings: [name],
    names: { en: name, 'zh-Hant': name, 'zh-Hans': name },
  };
  return { unit, named: name };
}

/** Whether a key is one edit (insertion, deletion, substitution) away from a catalog spelling or qualifier. */
export function nearKnownSpelling(key: string): boolean {
  // Two CJK characters are a word ('噸噸', '萬园'); two Latin letters are too short to tell.
  if (key.length < (/^[\x00-\x7f]*$/.test(key) ? 3 : 2)) return false;
  for (const k of [...unitsByKey.keys(), ...qualifiers.keys()]) {
    if (k.length < 2 || Math.abs(k.length - key.length) > 1 || k === key) continue;
    if (editDistanceAtMostOne(k, key)) return true;
  }
  return false;
}

/**
 * Whether an unrecognised part of a unit cell looks like a mistyped unit ('kWhh', '噸噸', 'tCO2ee', 'm3x')
 * rather than a label put in the unit column ('男性/女性', 'Scope 1'): a near miss of a known spelling,
 * a known spelling with something glued on, or a part with digits or symbols.
 */
export function looksLikeUnitTypo(unknown: string): boolean {
  const key = unitKey(unknown);
  if (!key) return true;
  // Labels with a number: 'Scope 1', '範圍1', 'Note 2', a year.
  if (LABEL_WITH_NUMBER.test(key)) return false;
  if (/[\d$%'#]/.test(key) || nearKnownSpelling(key)) return true;
  for (let i = Math.min(key.length - 1, 12); i >= 2; i--) {
    if (unitsByKey.has(key.slice(0, i)) && /^[a-z]{1,2}$/.test(key.slice(i))) return true;
  }
  return false;
}

const LABEL_WITH_NUMBER = /^(?:(?:scope|範圍|范围|範疇|范畴|note|附註|附注|類別|类别|category)\d{1,2}|(?:19|20)\d{2})$/;

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i) === b.slice(i + 1);
}

/** Denominator forms: unit ('萬元'), unit+qualifier ('萬元收入'), qualifier+unit ('營收百萬元'), qualifier alone ('員工'). */
function parseDenominator(text: string): DenominatorParse | undefined {
  const key = unitKey(text);
  const direct = parseDenominatorKey(key);
  if (direct) return direct;
  // '噸 / 每萬元收入', 'tCO2e/per employee'
  if (key.startsWith('每')) return parseDenominator(text.trim().slice(1));
  if (key.startsWith('per')) return parseDenominatorKey(key.slice(3));
  // A scale before a qualifier or unit: '每千名員工' (per 1,000 employees), 'per 200,000 hours worked'.
  const s = leadingScale(key, true);
  if (s) {
    const inner = parseDenominatorKey(s[1]);
    if (inner) return { ...inner, unit: scaled(inner.unit, s[0], key) };
  }
  // An activity in a unit: 'GJ of energy sold', 'tonnes of ore mined', 'm³ of water supplied'.
  const trimmed = text.trim();
  const of = /\sof\s/i.exec(trimmed);
  if (of && of.index > 0) {
    const unit = unitSide(trimmed.slice(0, of.index));
    const what = trimmed
      .slice(of.index + of[0].length)
      .trim()
      .toLowerCase();
    const qualifier = qualifiers.get(unitKey(what));
    if (unit && qualifier) return { unit, qualifier };
    if (unit && what) return { unit, named: what };
  }
  // A count of something esgmark has no unit for ('bus', 'number of restaurants'), or a scaled one ('1000 unit').
  const scaledName = /^(\d{1,3}(?:,\d{3})+|\d+)\s*(.+)$/.exec(text.trim());
  if (scaledName) {
    const n = Number(scaledName[1].replace(/,/g, ''));
    const named = n > 0 && isPowerOfTen(n) ? namedCount(scaledName[2]) : undefined;
    if (named) return { ...named, unit: scaled(named.unit, n, text.trim()) };
  }
  return namedCount(text);
}

function parseDenominatorKey(key: string): DenominatorParse | undefined {
  if (!key) return undefined;
  const whole = simpleUnit(key);
  if (whole) return { unit: whole, qualifier: qualifiers.get(key) };
  const q = qualifiers.get(key);
  if (q && QUALIFIER_DEFAULT_UNIT[q]) return { unit: unitsById.get(QUALIFIER_DEFAULT_UNIT[q])!, qualifier: q };
  // unit followed by a qualifier ('萬元收入', 'million HKD revenue'): longest qualifier first
  for (const [word, qual] of QUALIFIERS_LONGEST_FIRST) {
    if (key.length > word.length && key.endsWith(word)) {
      const unit = simpleUnit(key.slice(0, key.length - word.length));
      if (unit) return { unit, qualifier: qual };
    }
  }
  // qualifier followed by a unit ('營收百萬元')
  for (const [word, qual] of QUALIFIERS_LONGEST_FIRST) {
    if (key.length > word.length && key.startsWith(word)) {
      const unit = simpleUnit(key.slice(word.length));
      if (unit) return { unit, qualifier: qual };
    }
  }
  return undefined;
}

// A report repeats a few dozen unit spellings in thousands of cells, and every number check reads them
// again: parse each distinct spelling once. Hits get a copy, so no caller shares (or can alter) an entry.
const UNIT_CACHE_MAX = 4096;
const unitCache = new Map<string, UnitParse>();

export function parseUnit(raw: string): UnitParse {
  const parsed = sharedUnitParse(raw);
  return parsed.ok ? { ok: true, unit: { ...parsed.unit } } : { ...parsed };
}

/**
 * `parseUnit` without the copy, for a caller that only reads the answer (a rule testing every unit
 * cell): the cached entry itself, which must never be altered.
 */
export function readUnitOnly(raw: string): ReadonlyUnitParse {
  return sharedUnitParse(raw);
}

export type ReadonlyUnitParse =
  Readonly<{ ok: true; unit: Readonly<ParsedUnit> }> | Readonly<{ ok: false; unknown: string }>;

function sharedUnitParse(raw: string): UnitParse {
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
  return parsed;
}

/** `m<sup>3</sup>` -> `m3`, `CO<sub>2</sub>e` -> `CO2e`. */
const SCRIPT_TAGS = /<\/?su[bp]>/gi;

/** The HKEX guide's placeholder numerator ('Unit/HK$ million', '單位/百萬港元'): the unit was not filled in. */
const PLACEHOLDER = /^(?:unit|units|單位|单位)$/i;
const PLACEHOLDER_UNIT: UnitDefinition = {
  id: 'unit?',
  dimension: 'dimensionless',
  factor: 1,
  spellings: ['Unit'],
  names: { en: 'unit', 'zh-Hant': '單位', 'zh-Hans': '单位' },
};
/** 'per 1,000 employees' with nothing before it: a rate per head. */
const ONE: UnitDefinition = {
  id: '1',
  dimension: 'dimensionless',
  factor: 1,
  spellings: ['1'],
  names: { en: 'one', 'zh-Hant': '一', 'zh-Hans': '一' },
};

function parseUnitText(raw: string): UnitParse {
  let text = raw.trim();
  const bracketed = OUTER_BRACKETS.exec(text);
  if (bracketed) text = bracketed[1].trim();
  // Quoted as a defined term: '("tCO2e")', '(「噸二氧化碳當量」)'.
  const quoted = QUOTES.exec(text);
  if (quoted) text = quoted[1].trim();
  if (!text) return { ok: false, unknown: '' };
  // A unit cell is short; a long text is not a unit (and the bound keeps every step linear).
  if (text.length > MAX_UNIT_LENGTH) return { ok: false, unknown: text };
  if (text.includes('<')) text = text.replace(SCRIPT_TAGS, '');
  // A trailing bracket that is not a unit annotates it ('每千名員工（男性/女性）'): the unit is before it.
  const note = splitTrailingBracket(text);
  if (note && note[0] && !parseUnitText(note[1]).ok && !unitSide(text)) text = note[0];
  // 'kWh/m²/year', 'tCO2e per annum': a figure for the year, which every figure of the table is.
  const perYear = PER_YEAR.exec(text);
  if (perYear) text = text.slice(0, perYear.index + 1);
  // 'Mt' (capital M, small t) is the megatonne; 'MT' and 'mt' are the metric tonne HK reports mean.
  if (/^Mt(?![a-z])/.test(text)) text = `million t${text.slice(2)}`;
  // Split on the separator before removing spaces, so that raw parts can be reported as unknown.
  let withSlash = text.replace(PER_WORD, '/');
  // 'per employee', '每千名員工': a rate with no numerator.
  let leadingPer = false;
  const lead = /^(?:per\s+|每)/i.exec(withSlash);
  if (lead && !SLASHES.test(withSlash)) {
    withSlash = withSlash.slice(lead[0].length);
    leadingPer = true;
  }
  const parts = leadingPer ? ['', withSlash] : withSlash.split(SLASHES);
  if (parts.length > 2) return { ok: false, unknown: parts.slice(2).join('/').trim() || '/' };
  const numText = parts[0].trim();
  let denText = parts.length === 2 ? parts[1].trim() : undefined;
  if (denText === '') return { ok: false, unknown: '/' };
  // 'Tons/100 million yuan CO₂ equivalent': the CO2e words belong to the numerator.
  let gasWords = '';
  if (denText) {
    const gas = /\S(\s+(?:of\s+)?(?:CO2|CO₂|carbon dioxide)(?:-?e(?:q)?|\s*equivalents?)?)$/i.exec(denText);
    if (gas) {
      gasWords = gas[1];
      denText = denText.slice(0, gas.index + 1).trim();
    }
  }
  let numerator: UnitDefinition | undefined;
  let numNamed: string | undefined;
  if (leadingPer || (RATE_WORDS.test(numText) && denText)) numerator = ONE;
  else if (numText && PLACEHOLDER.test(numText) && denText) numerator = PLACEHOLDER_UNIT;
  else {
    numerator = unitSide(numText + gasWords);
    if (!numerator && /^(?:#|(?:number|no\.?)\s+of\s+)/i.test(numText)) {
      const named = namedCount(numText);
      if (named) {
        numerator = named.unit;
        numNamed = named.named;
      }
    }
  }
  if (!numerator) return { ok: false, unknown: numText || '/' };
  const normalized = normalizeUnitText(withSlash);
  const numDim = numNamed ? `count:${numNamed}` : numerator.dimension;
  if (denText === undefined) {
    const unit: ParsedUnit = { raw, normalized, numerator, dimension: numDim };
    if (numNamed) unit.numeratorNamed = numNamed;
    return { ok: true, unit };
  }
  const den = parseDenominator(denText);
  if (!den) return { ok: false, unknown: denText };
  const denDim = den.named ? `${den.unit.dimension}:${den.named}` : den.unit.dimension;
  const unit: ParsedUnit = { raw, normalized, numerator, denominator: den.unit, dimension: `${numDim}/${denDim}` };
  if (numNamed) unit.numeratorNamed = numNamed;
  if (den.qualifier) unit.denominatorQualifier = den.qualifier;
  if (den.named) unit.denominatorNamed = den.named;
  if (numerator === PLACEHOLDER_UNIT) unit.placeholder = true;
  return { ok: true, unit };
}

/** KPIs whose figure may be written as a mass: water ('噸' of water is 1 m³) and fuels (tonnes of diesel). */
function acceptsMass(kpi: KpiDefinition): boolean {
  return kpi.id.startsWith('water.') || FUEL_KPIS.has(kpi.id);
}
/** Fuels are reported as energy, mass or volume (litres, m³ of gas). */
const FUEL_KPIS = new Set([
  'energy.gasoline',
  'energy.diesel',
  'energy.natural_gas',
  'energy.heavy_fuel_oil',
  'energy.marine_gas_oil',
  'energy.coal',
  'energy.lpg',
  'energy.towngas',
]);

/** Denominator dimensions that fit a KPI's `per`. */
const PER_DIMENSIONS: Record<string, string[]> = {
  revenue: ['money'],
  employees: ['count'],
  'floor-area': ['area'],
  production: ['count', 'mass', 'volume', 'energy'],
  'hours-worked': ['time'],
};

/** Mass units that are not a mass of CO2e when a GHG row gives them: carbon, methane, N2O. */
const GAS_MASS = /^(?:tC|kgC|kgCH4|kgN2O)$/;

/**
 * A GHG row in a plain mass unit ('tonnes', '公噸'): HK tables often head the column 'tonnes' and mean
 * tonnes of CO2e (the table is the GHG table). The figure is read as CO2e of that mass.
 */
export function massReadAsCo2e(unit: ParsedUnit, kpi: KpiDefinition): boolean {
  return (
    kpi.dimension === 'co2e' &&
    unit.numerator.dimension === 'mass' &&
    !GAS_MASS.test(unit.numerator.id) &&
    !unit.numeratorNamed
  );
}

/** The unit a KPI's figure is read in: a plain mass on a GHG row is that mass of CO2e. */
export function unitForKpi(unit: ParsedUnit, kpi: KpiDefinition | undefined): ParsedUnit {
  if (!kpi || !massReadAsCo2e(unit, kpi)) return unit;
  const numerator = co2eUnit(unit.numerator, true, unit.numerator.id);
  const dimension = unit.denominator ? `co2e${unit.dimension.slice(unit.dimension.indexOf('/'))}` : 'co2e';
  return { ...unit, numerator, dimension, massAsCo2e: true };
}

/**
 * Intensity KPIs (a figure per revenue or per unit of production) are published per whatever the
 * issuer divides by: per HK$ million, per employee, per m² of floor area, per tonne of product, per
 * bus or restaurant. Any denominator that is a quantity (not a percentage) fits them.
 */
function anyIntensityDenominator(kpi: KpiDefinition): boolean {
  return !!kpi.per && kpi.per !== 'employees' && kpi.dimension !== 'percent';
}

/** The denominator name an intensity unit divides by: its qualifier, the KPI's `per` when the dimension fits it, else by dimension. */
export function denominatorNameOf(unit: ParsedUnit, kpi: KpiDefinition | undefined): string | undefined {
  if (!unit.denominator) return undefined;
  if (unit.denominatorQualifier) return unit.denominatorQualifier;
  if (unit.denominatorNamed) return unit.denominatorNamed;
  const dim = unit.denominator.dimension;
  if (kpi?.per && PER_DIMENSIONS[kpi.per]?.includes(dim)) return kpi.per;
  switch (dim) {
    case 'money':
      return 'revenue';
    case 'count':
      return 'employees';
    case 'area':
      return 'floor-area';
    default:
      return undefined;
  }
}

/**
 * Whether a parsed unit can express a KPI. Water KPIs (volume) accept mass because Chinese reports
 * write water in 噸 (1 t of water = 1 m³); fuel KPIs accept mass and volume; GHG KPIs accept a plain
 * mass (tonnes of CO2e in practice). Percent KPIs take '%' whatever their `per`; per-employee averages
 * may omit the denominator ('小時'); intensities per revenue or production take any quantity as
 * denominator ('t/employee', 'tCO2e/m²', 'GJ/bus'); per-employee KPIs need a count.
 */
export function unitFitsKpi(unit: ParsedUnit, kpi: KpiDefinition): boolean {
  if (unit.placeholder) return true;
  const dim = unit.numerator.dimension;
  let numeratorFits = dim === kpi.dimension && !unit.numeratorNamed;
  if (!numeratorFits && dim === 'mass' && acceptsMass(kpi)) numeratorFits = true;
  if (!numeratorFits && FUEL_KPIS.has(kpi.id) && dim === 'volume') numeratorFits = true;
  if (!numeratorFits && massReadAsCo2e(unit, kpi)) numeratorFits = true;
  // A rate per hours worked (lost day rate, LTIR) is printed per 200,000 hours or as a percentage.
  if (!numeratorFits && kpi.per === 'hours-worked' && dim === 'percent' && !unit.denominator) return true;
  if (!numeratorFits) return false;
  if (kpi.dimension === 'percent') return !unit.denominator;
  if (!kpi.per) return !unit.denominator;
  // Averages per head are written in the numerator's unit ('人均受訓時數 | 小時').
  if (!unit.denominator) return kpi.per === 'employees';
  const denDim = unit.denominator.dimension;
  if (anyIntensityDenominator(kpi)) return denDim !== 'percent' && denDim !== 'dimensionless';
  if (unit.denominatorQualifier && unit.denominatorQualifier !== kpi.per) return false;
  const allowed = PER_DIMENSIONS[kpi.per];
  return !allowed || allowed.includes(denDim);
}
