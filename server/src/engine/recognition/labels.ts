// Recognising KPI row labels as a reviewer reads them. The catalog lookup (catalogs/kpis.ts: exact
// synonyms after normalizeLabel, breakdown groups and their members) comes first; when it finds
// nothing, this layer tries, in order:
//   1. label variants: qualifier and unit brackets dropped ('(GHG)', '(Group)', '(tCO2e)', '（千公噸）'),
//      bullets and 'of which' / '其中' dropped, leading 'Total' / 'Number of' dropped;
//   2. English word-bag keys: the words of the label, singular, in any order ('GHG Emissions Scope 1'
//      = 'Scope 1 GHG emissions');
//   3. family rules: GHG scopes and totals ('Direct (Scope 1) GHG emission', 'Scope I', 'Scopes 1
//      and 2', 'Scope 1 + 2 + 3', location- and market-based), Scope 3 categories by number, air
//      emissions (NOx, SOx / SO2, PM in any spelling), each read as a set of words in which every word
//      must be known: a word the rule does not know ('Mexico', 'headquarter', 'proportion',
//      'excluding') leaves the row unrecognised, since a part of a figure taken for the whole makes
//      false alarms;
//   4. dimension-ambiguous labels decided by the unit ('Employee turnover' in % is the rate, in
//      persons the count);
//   5. open breakdown members: a row under a group naming a breakdown ('By region', '按地區劃分')
//      whose label is in no catalog ('Other regions', a site, an employee category) is a member of that breakdown with an
//      id of its own (`<parent>.<breakdown>.open-<hash>`), which no sum takes as a catalog member.
// Everything here is pure and bounded: labels longer than MAX_LABEL are not read by the rules.
import { getKpi, matchKpi, bareBreakdownMembers, bareBreakdownOf, memberByLabel, parentsWithBreakdown, resolveGroupLabel, uniqueKpiByKey, allKpis } from '../catalogs/kpis';
import type { KpiDefinition } from '../catalogs/schema';
import { denominatorNameOf, parseUnit, unitFitsKpi } from '../catalogs/units';
import { normalizeLabel, stripFootnoteMarks, toHalfWidth } from '../text/normalize';
import { recogniseChinese } from './zh';
import { recogniseSegment } from './segments';

export interface RowContext {
  /** The breakdown group label of a two-column row ('按性別劃分' | '男性'). */
  group?: string;
  /** The row's unit cell as written ('%', '人', 'tCO2e'). */
  unit?: string;
  /** The last caption row above the row in its table (a row with a label and no figures). */
  section?: string;
}

export type RecognitionVia = 'name' | 'group' | 'variant' | 'words' | 'family' | 'unit' | 'open-member';

export interface Recognition {
  kpiId: string;
  /** The catalog KPI, or undefined for an open breakdown member. */
  kpi?: KpiDefinition;
  via: RecognitionVia;
}

const MAX_LABEL = 160;

// ---------------------------------------------------------------------------------------------
// Text helpers

const SCRIPT_DIGITS: Record<string, string> = {
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', 'ₓ': 'x',
};
const SCRIPTS = /[₀-₉ₓ]/g;

/** Half-width, footnote marks gone, subscripts as ASCII ('NOₓ' -> 'NOx', 'SO₂' -> 'SO2'), HTML tags gone. */
function plain(label: string): string {
  return stripFootnoteMarks(toHalfWidth(label))
    .replace(/<[^<>]{0,40}>/g, ' ')
    .replace(SCRIPTS, (ch) => SCRIPT_DIGITS[ch] ?? ch)
    .replace(/[‐‑‒–—―−]/g, ' - ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Han characters: a label with any is read by the Chinese rules. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const BRACKET = /[(（]([^()（）]{0,60})[)）]/g;
/** Bracket contents that qualify without changing what is counted. */
const QUALIFIER =
  /^(?:ghg|ghgs|group|the group|total|overall|inclusive|consolidated|\*+|note\s*\d{1,2}|\d{1,2}|[a-z]|i{1,3}|集團|本集團|總計|合計|總體|整體|附註\s*\d{1,2}|注\s*\d{1,2})$/i;

/** Units spelled out in words: '(tonne of CO2e)', '(tonnes)', '(in kg)', '(metric tons CO2e)'. */
const UNIT_PHRASE = /^(?:in\s+)?(?:metric\s+)?(?:tonnes?|tons?|kg|kilograms?|mwh|kwh|gj|m3|cubic\s+metres?)(?:\s+(?:of\s+)?co2\s*e(?:q|quivalent)?)?$/i;

function isUnitText(s: string): boolean {
  const t = s.trim();
  if (UNIT_PHRASE.test(t)) return true;
  if (!t || t.length > 40) return false;
  return parseUnit(t).ok;
}

/** The label with unit and qualifier brackets removed (other brackets kept as written). */
function withoutQualifiers(text: string): string {
  return text.replace(BRACKET, (all, inner: string) => (isUnitText(inner) || QUALIFIER.test(inner.trim()) ? ' ' : all)).replace(/\s+/g, ' ').trim();
}

const LEADING_BULLET = /^(?:[-–—•·●○▪■◦*>]+|\d{1,2}[.)、]|[a-z][.)]|[（(][a-z0-9ivx]{1,4}[)）])\s*/i;
const LEADING_OF_WHICH = /^(?:of\s+which|including|incl\.?|among\s+which|其中|包括)\s*[:：,，]?\s*/i;
const LEADING_TOTAL = /^(?:total|overall|the)\s+/i;
const LEADING_NUMBER_OF = /^(?:number|no\.?|amount|quantity|volume)\s+of\s+/i;
const TRAILING_UNIT_WORDS = /[\s,，](?:in )?(?:tonnes?|tons?|kg|mwh|kwh|gj|m3|tco2e)$/i;

/** The text without trailing spaces and commas (a loop: an anchored regex would rescan long runs). */
function trimCommas(t: string): string {
  let end = t.length;
  while (end > 0 && ' ,，\t'.includes(t[end - 1])) end--;
  return t.slice(0, end);
}

/** Variants of a label to look up in the catalog, most literal first. */
export function labelVariants(label: string): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    const t = s.trim();
    if (t && !out.includes(t)) out.push(t);
  };
  let t = plain(label);
  push(t);
  t = withoutQualifiers(t);
  push(t);
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(LEADING_BULLET, '').replace(LEADING_OF_WHICH, '').replace(TRAILING_UNIT_WORDS, '');
    t = trimCommas(t);
    if (t === before) break;
  }
  push(t);
  const noTotal = t.replace(LEADING_TOTAL, '');
  push(noTotal);
  push(noTotal.replace(LEADING_NUMBER_OF, ''));
  return out;
}

// ---------------------------------------------------------------------------------------------
// English word bags

const STOP = new Set(['of', 'the', 'a', 'an', 'in', 'for']);
const SINGULAR_EXCEPTIONS = new Set(['gas', 'less', 'loss', 'process', 'glass', 'business', 'mass', 'sox', 'nox', 'bus', 'us', 'its', 'this', 'plus', 'status', 'ghgs']);

function singular(w: string): string {
  if (w === 'ghgs') return 'ghg';
  if (w === 'gases') return 'gas';
  if (w.length <= 3 || SINGULAR_EXCEPTIONS.has(w) || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** Lowercase ASCII words of a label, singular, stop words out; undefined when the label has Han or other script. */
function englishWords(text: string): string[] | undefined {
  if (HAN.test(text)) return undefined;
  const words = text
    .toLowerCase()
    .replace(/greenhouse\s+gas(?:es)?/g, 'ghg')
    .split(/[^a-z0-9+<>]+/)
    .filter((w) => w && !STOP.has(w))
    .map(singular);
  return words;
}

/** Words that say the same in a label: the verb of a quantity, and 'total' (a total of what is named). */
const SAME_WORD: Record<string, string> = {
  generated: 'produced', generation: 'produced', output: 'produced', production: 'produced',
  consumed: 'consumption', usage: 'consumption', use: 'consumption', used: 'consumption',
  emitted: 'emission',
  staff: 'employee', workforce: 'employee', headcount: 'employee',
};
const BAG_DROPPED = new Set(['total', 'overall', 'amount']);

function bagKey(words: string[]): string {
  return [...new Set(words.map((w) => SAME_WORD[w] ?? w).filter((w) => !BAG_DROPPED.has(w)))].sort().join(' ');
}

/** Word bag -> KPI, from every English name and synonym; a bag two KPIs share names neither. */
const byBag = new Map<string, KpiDefinition | null>();
for (const k of allKpis()) {
  if (k.parent && k.breakdown) continue; // members are matched through their groups
  for (const s of [k.names.en, ...k.synonyms]) {
    const words = englishWords(withoutQualifiers(plain(s)));
    if (!words || words.length < 2) continue;
    const key = bagKey(words);
    const prev = byBag.get(key);
    if (prev === undefined) byBag.set(key, k);
    else if (prev !== k) byBag.set(key, null);
  }
}

// ---------------------------------------------------------------------------------------------
// Family rules

const ROMAN_SCOPE = /\bscopes?\s*(iii|ii|i)\b/gi;
const SCOPE_LIST = /\bscopes?\s*([123])((?:\s*(?:\+|&|,|and|or)\s*(?:scopes?\s*)?[123])*)/gi;

/** Words that say a figure is a ratio of the thing, not the thing. */
const RATIO_WORDS = new Set(['intensity', 'density', 'per', 'proportion', 'share', 'percentage', 'ratio', 'rate', 'reduction', 'target', 'average', 'avg', 'change', 'saved', 'avoided', 'offset', 'increase', 'decrease']);

const GHG_WORDS = new Set(['ghg', 'emission', 'co2e', 'co2eq', 'carbon', 'total', 'and', 'direct', 'indirect', 'other', 'energy', 'related', 'location', 'market', 'based', 'group', 'inclusive', 'from', 'scope', 'gross', 'equivalent', 'dioxide', 'overall']);
const REVENUE_WORDS = new Set(['revenue', 'income', 'operating', 'unit', 'rmb', 'hk', 'hkd', 'us', 'usd', 'million', 'm', '10000', 'ten', 'thousand', 'sale', 'turnover', 'yuan']);
const INTENSITY_WORDS = new Set(['intensity', 'density', 'per']);
const EMPLOYEE_WORDS = new Set(['employee', 'fte', 'capita', 'head', 'staff', 'person', 'headcount']);
const AREA_WORDS = new Set(['area', 'sq', 'ft', 'floor', 'square', 'metre', 'meter', 'm2', 'sqm', 'gfa']);

type Basis = 'revenue' | 'employees' | 'floor-area' | 'unknown';

/** The basis an intensity unit divides by, as the unit catalog names it ('tCO2e/HK$ million' -> revenue). */
function basisOfUnit(unit: string | undefined): Basis {
  if (!unit) return 'unknown';
  const parsed = parseUnit(unit);
  if (!parsed.ok) return 'unknown';
  const name = denominatorNameOf(parsed.unit, undefined);
  return name === 'revenue' || name === 'employees' || name === 'floor-area' ? name : 'unknown';
}

/** The scopes a label names (Arabic or Roman, English or Chinese), and the text with them removed. */
function scopesOf(text: string): { scopes: Set<number>; rest: string } {
  const scopes = new Set<number>();
  let t = text.replace(ROMAN_SCOPE, (_all, r: string) => `scope ${r.length}`);
  t = t.replace(SCOPE_LIST, (all) => {
    for (const d of all.match(/[123]/g) ?? []) scopes.add(Number(d));
    return ' scope ';
  });
  return { scopes, rest: t };
}

/**
 * GHG emissions by scope: the label's scope set and the words around it. Every word must be one the
 * rule knows; an intensity is recognised only on the revenue basis the catalog's intensities have.
 */
function ghgFamily(text: string, unit: string | undefined): string | undefined {
  if (HAN.test(text)) return ghgFamilyZh(text, unit);
  const lower = text.toLowerCase().replace(/location[\s-]*based/g, ' location ').replace(/market[\s-]*based/g, ' market ');
  const { scopes, rest } = scopesOf(lower);
  const words = englishWords(rest);
  if (!words) return undefined;
  const has = (w: string) => words.includes(w);
  const ghgish = has('ghg') || has('co2e') || has('co2eq') || (has('carbon') && has('emission')) || scopes.size > 0;
  if (!ghgish) return undefined;
  if (has('carbon') && !has('emission')) return undefined;
  if (has('dioxide') && !has('equivalent')) return undefined;
  const intensity = words.some((w) => INTENSITY_WORDS.has(w));
  for (const w of words) {
    if (GHG_WORDS.has(w)) continue;
    if (intensity && (INTENSITY_WORDS.has(w) || REVENUE_WORDS.has(w) || EMPLOYEE_WORDS.has(w) || AREA_WORDS.has(w))) continue;
    return undefined;
  }
  // Direct / indirect / other indirect name scopes too; with an explicit scope they must agree.
  let implied: number | undefined;
  if (has('indirect')) implied = has('other') ? 3 : 2;
  else if (has('direct')) implied = 1;
  if (has('other') && !has('indirect')) return undefined;
  if (has('energy') && implied !== 2 && !(scopes.size === 1 && scopes.has(2))) return undefined;
  // 'Indirect GHG emissions (Scope 3)': Scope 3 emissions are indirect too.
  if (implied === 2 && scopes.size === 1 && scopes.has(3)) implied = 3;
  if (implied !== undefined) {
    if (scopes.size === 0) scopes.add(implied);
    else if (scopes.size !== 1 || !scopes.has(implied)) return undefined;
  }
  const location = has('location');
  const market = has('market');
  if (location && market) return undefined;
  let id: string | undefined;
  const key = [...scopes].sort().join('');
  if (key === '') id = 'ghg.total';
  else if (key === '1') id = 'ghg.scope1';
  else if (key === '2') id = location ? 'ghg.scope2.location' : market ? 'ghg.scope2.market' : 'ghg.scope2';
  else if (key === '3') id = 'ghg.scope3';
  else if (key === '12') id = 'ghg.scope12';
  else if (key === '123') id = 'ghg.total';
  if (!id) return undefined;
  // Scope 1 or 3 has no location/market variant; a based total conflicts with the other basis.
  if ((location || market) && !id.startsWith('ghg.scope2.')) return undefined;
  if (!intensity) return id;
  const basisWords: Basis = words.some((w) => EMPLOYEE_WORDS.has(w))
    ? 'employees'
    : words.some((w) => AREA_WORDS.has(w))
      ? 'floor-area'
      : words.some((w) => REVENUE_WORDS.has(w))
        ? 'revenue'
        : 'unknown';
  const unitBasis = basisOfUnit(unit);
  const basis = basisWords !== 'unknown' ? basisWords : unitBasis;
  if (unitBasis !== 'unknown' && unitBasis !== basis) return undefined;
  // Per employee (FTE, capita) and per floor area: intensities of their own, one per scope set.
  if (basis === 'employees' || basis === 'floor-area') return `ghg.intensity_per_${basis === 'employees' ? 'employee' : 'floor_area'}.${id.slice('ghg.'.length)}`;
  if (id === 'ghg.total') return 'ghg.intensity';
  if (id === 'ghg.scope12') return 'ghg.scope12.intensity';
  return undefined;
}

/** Chinese GHG labels: '範圍一 + 範圍二' and '範圍一、二及三' forms the catalog lists in one order only. */
function ghgFamilyZh(text: string, unit: string | undefined): string | undefined {
  const key = normalizeLabel(text);
  if (!key.includes('范围')) return undefined;
  const scopes = new Set<number>();
  let rest = key.replace(/范围([123])((?:[+、,及或]+(?:范围)?[123])*)/g, (all) => {
    for (const d of all.match(/[123]/g) ?? []) scopes.add(Number(d));
    return '';
  });
  rest = rest.replace(/温室气体|排放量|排放总量|排放|总量|合计|总计|总|二氧化碳当量|碳/g, '');
  const intensity = /强度|密度/.test(rest);
  rest = rest.replace(/强度|密度|单位营收|每百万元收入|每万元收入/g, '');
  if (rest) return undefined;
  const k = [...scopes].sort().join('');
  const id = k === '1' ? 'ghg.scope1' : k === '2' ? 'ghg.scope2' : k === '3' ? 'ghg.scope3' : k === '12' ? 'ghg.scope12' : k === '123' ? 'ghg.total' : undefined;
  if (!id || !intensity) return id;
  const basis = basisOfUnit(unit);
  if (basis !== 'revenue' && basis !== 'unknown') return undefined;
  return id === 'ghg.total' ? 'ghg.intensity' : id === 'ghg.scope12' ? 'ghg.scope12.intensity' : undefined;
}

/** 'Category 3: Fuel- and energy-related activities', 'Scope 3 Category 6 – Business travel'. */
function scope3Category(text: string, groupSaysScope3: boolean): string | undefined {
  const lower = text.toLowerCase();
  const m = /\b(?:category|cat\.?)\s*(\d{1,2})\b/.exec(lower) ?? /类别\s*(\d{1,2})|類別\s*(\d{1,2})/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1] ?? m[2]);
  if (!(n >= 1 && n <= 15)) return undefined;
  const { scopes, rest } = scopesOf(lower.slice(0, m.index) + ' ' + lower.slice(m.index + m[0].length));
  if (scopes.size > 1 || (scopes.size === 1 && !scopes.has(3))) return undefined;
  if (scopes.size === 0 && !groupSaysScope3) return undefined;
  const id = `ghg.scope3.cat${n}`;
  const kpi = getKpi(id);
  if (!kpi) return undefined;
  const restKey = normalizeLabel(rest.replace(/\bscope\b/g, ' ').replace(/\b(?:ghg|emissions?|upstream|downstream)\b/g, (w) => (w.startsWith('up') || w.startsWith('down') ? w : ' ')));
  if (!restKey) return id;
  // The words after the number must be the category's own name (any hyphens, brackets, case).
  const names = [kpi.names.en, ...kpi.synonyms].map((s) => s.replace(/^.*?(?:category|cat\.?)\s*\d{1,2}\s*[:：\-–—]?\s*/i, ''));
  for (const name of names) {
    const nk = normalizeLabel(name);
    const nkPlain = normalizeLabel(name.replace(BRACKET, ' '));
    if (restKey === nk || restKey === nkPlain) return id;
  }
  return undefined;
}

const POLLUTANTS: Array<[RegExp, string]> = [
  [/\bnitrogen\s+(?:oxides?|dioxide)\b|\bnox\b|\bno2\b/g, 'air.nox'],
  [/\bsulph?ur\s+(?:oxides?|dioxide)\b|\bsulfur\s+(?:oxides?|dioxide)\b|\bsox\b|\bso2\b/g, 'air.sox'],
  [/\b(?:respirable\s+suspended\s+)?particula(?:te|r)s?(?:\s+matters?)?\b|\bpm\b|\brsp\b/g, 'air.pm'],
];
const AIR_WORDS = new Set(['emission', 'air', 'total', 'waste', 'gas', 'direct', 'exhaust', 'and', 'pollutant', 'group', 'amount', 'discharge', 'volume', 'generated', 'released']);

/** NOx / SOx / SO2 / PM emissions in any spelling; exactly one pollutant, no other subject. */
function airFamily(text: string): string | undefined {
  if (HAN.test(text)) return undefined;
  let lower = text.toLowerCase();
  const found = new Set<string>();
  for (const [re, id] of POLLUTANTS) {
    lower = lower.replace(re, () => {
      found.add(id);
      return ' ';
    });
  }
  if (found.size !== 1) return undefined;
  const words = englishWords(lower);
  if (!words) return undefined;
  for (const w of words) if (!AIR_WORDS.has(w)) return undefined;
  return [...found][0];
}

/**
 * 'X per unit of operating revenue', 'Intensity of X', 'X intensity': the intensity of a catalog KPI X
 * (named by its word bag) on the revenue basis, when the catalog has `<X>.intensity`. Other bases
 * (employee, floor area, production) have no catalog intensity except for GHG (ghgFamily).
 */
function intensityOf(text: string, unit: string | undefined): string | undefined {
  const words = englishWords(text);
  if (!words || !words.some((w) => INTENSITY_WORDS.has(w))) return undefined;
  const basisWords = words.filter((w) => INTENSITY_WORDS.has(w) || REVENUE_WORDS.has(w) || EMPLOYEE_WORDS.has(w) || AREA_WORDS.has(w));
  if (basisWords.some((w) => EMPLOYEE_WORDS.has(w) || AREA_WORDS.has(w))) return undefined;
  const unitBasis = basisOfUnit(unit);
  if (unitBasis !== 'unknown' && unitBasis !== 'revenue') return undefined;
  const rest = words.filter((w) => !basisWords.includes(w));
  if (rest.length < 1) return undefined;
  const base = byBag.get(bagKey(rest));
  if (!base || base.per || base.dimension === 'percent') return undefined;
  // `water.total` -> `water.intensity` (the numbers rules read the pair the same way), else `<id>.intensity`.
  for (const id of [base.id.endsWith('.total') ? `${base.id.slice(0, -'.total'.length)}.intensity` : '', `${base.id}.intensity`]) {
    const kpi = id ? getKpi(id) : undefined;
    if (kpi && kpi.per === 'revenue') return id;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dimension-ambiguous labels: the unit decides which KPI.

const BY_UNIT: Array<{ labels: string[]; percent: string; count: string }> = [
  { labels: ['Employee turnover', 'Staff turnover', 'Turnover', 'Employee turnover (total)', '員工流失', '僱員流失', '员工流失'], percent: 'turnover.rate', count: 'turnover.count' },
];
const byUnitKey = new Map<string, { percent: string; count: string }>();
for (const e of BY_UNIT) for (const l of e.labels) byUnitKey.set(normalizeLabel(l), e);

function byUnit(key: string, unit: string | undefined): string | undefined {
  const e = byUnitKey.get(key);
  if (!e || !unit) return undefined;
  const parsed = parseUnit(unit);
  if (!parsed.ok || parsed.unit.denominator) return undefined;
  if (parsed.unit.numerator.dimension === 'percent') return e.percent;
  if (parsed.unit.numerator.dimension === 'count') return e.count;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Open breakdown members

/** FNV-1a of a key, base 36: a short stable id segment for an open member. */
function hashKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Labels that are not members however they are grouped: totals and subtotals of the breakdown. */
const NOT_A_MEMBER = /^(?:total|subtotal|sub-total|overall|all|合計|總計|总计|合计|小計|小计|總數|总数|總計人數)$/i;

/** Breakdowns whose members a catalog cannot list: places and sites, employee categories. */
const OPEN_BREAKDOWNS = new Set(['region', 'rank']);

function openMember(labelKey: string, labelText: string, group: string | undefined, unit: string | undefined): string | undefined {
  if (!group) return undefined;
  let target = resolveGroupLabel(group);
  if (!target) {
    // A bare 'By region' group: the parent is the one KPI the label names ('Number of employees in X').
    const breakdown = bareBreakdownOf(group);
    if (!breakdown || !OPEN_BREAKDOWNS.has(breakdown)) return undefined;
    const parents = parentsWithBreakdown(breakdown).filter((p) => withoutParentWords(labelText, p) !== undefined && unitAgrees(getKpi(p)!, unit));
    if (parents.length !== 1) return undefined;
    target = { parent: parents[0], breakdown };
  }
  if (!OPEN_BREAKDOWNS.has(target.breakdown)) return undefined;
  const parent = getKpi(target.parent);
  if (!parent || !unitAgrees(parent, unit)) return undefined;
  if (NOT_A_MEMBER.test(labelText.trim()) || !labelKey) return undefined;
  // A label that names some other KPI outright is not a member of this group.
  if (uniqueKpiByKey(labelKey)) return undefined;
  return `${target.parent}.${target.breakdown}.open-${hashKey(labelKey)}`;
}

// ---------------------------------------------------------------------------------------------

/**
 * Every recognition beyond the exact catalog lookup must agree with the row's unit: a unit that parses
 * and cannot express the KPI ('Purchased electricity' in tCO2e under a Scope 2 group, a GHG row in
 * plain tonnes) leaves the row unrecognised rather than feeding the numbers rules a wrong figure.
 */
function unitAgrees(kpi: KpiDefinition, unit: string | undefined): boolean {
  if (!unit || !unit.trim()) return true;
  const parsed = parseUnit(unit.trim());
  if (!parsed.ok) return true;
  return !otherIntensityBasis(kpi, unit) && unitFitsKpi(parsed.unit, kpi);
}

/**
 * The unit check accepts any denominator for an intensity; recognition must not: a per-employee or
 * per-floor-area figure is not the catalog's per-revenue intensity (those have KPIs of their own).
 */
function otherIntensityBasis(kpi: KpiDefinition, unit: string | undefined): boolean {
  if (kpi.per !== 'revenue') return false;
  const basis = basisOfUnit(unit);
  return basis === 'employees' || basis === 'floor-area';
}

/**
 * A row in CO2e whose label names a KPI that is not measured in CO2e ('Purchased electricity |
 * tCO2e', 'Diesel | tCO2e') gives the emissions of that source, not the source itself.
 */
function emissionsOfSource(kpi: KpiDefinition, unit: string | undefined): boolean {
  if (kpi.dimension === 'co2e' || !unit || !unit.trim()) return false;
  const parsed = parseUnit(unit.trim());
  return parsed.ok && parsed.unit.numerator.dimension === 'co2e' && !parsed.unit.denominator;
}

function known(id: string | undefined, via: RecognitionVia, unit: string | undefined): Recognition | undefined {
  if (!id) return undefined;
  const kpi = getKpi(id);
  return kpi && unitAgrees(kpi, unit) ? { kpiId: id, kpi, via } : undefined;
}

/** Whether a group label says its rows are ratios or parts of a figure, not the figure. */
function groupQualifiesRows(group: string): boolean {
  const words = englishWords(plain(group));
  if (words) return words.some((w) => RATIO_WORDS.has(w));
  return /强度|密度|比例|占比|百分比|率/.test(normalizeLabel(group));
}

/**
 * The label's words without the words of the parent's English name it contains ('Number of employees
 * aged under 30' -> 'aged under 30' for employees), or undefined when it names the parent nowhere.
 */
function withoutParentWords(label: string, parentId: string): string | undefined {
  const parent = getKpi(parentId);
  const words = englishWords(plain(label));
  if (!parent || !words) return undefined;
  let best: Set<string> | undefined;
  for (const name of [parent.names.en, ...parent.synonyms]) {
    const w = englishWords(withoutQualifiers(plain(name)));
    if (!w) continue;
    const need = new Set(w.map((x) => SAME_WORD[x] ?? x).filter((x) => !BAG_DROPPED.has(x)));
    if (!need.size || ![...need].every((x) => words.some((y) => (SAME_WORD[y] ?? y) === x))) continue;
    if (!best || need.size > best.size) best = need;
  }
  if (!best) return undefined;
  const dropped = best;
  return words.filter((y) => !dropped.has(SAME_WORD[y] ?? y) && !BAG_DROPPED.has(y) && y !== 'number').join(' ');
}

/** Whether every word of one of the parent's English names is in the label ('employees' in 'Number of male employees'). */
function labelNamesParent(label: string, parentId: string): boolean {
  const parent = getKpi(parentId);
  const words = englishWords(plain(label));
  if (!parent || !words) return false;
  const have = new Set(bagKey(words).split(' '));
  return [parent.names.en, ...parent.synonyms].some((name) => {
    const w = englishWords(withoutQualifiers(plain(name)));
    if (!w) return false;
    const need = bagKey(w).split(' ').filter(Boolean);
    return need.length > 0 && need.every((x) => have.has(x));
  });
}

/** Whether a group label names GHG emissions ('Scope 2', 'Greenhouse gas emissions', '範圍二'). */
function groupNamesGhg(group: string): boolean {
  const p = plain(group);
  if (HAN.test(p)) return /范围[123]|温室气体/.test(normalizeLabel(p));
  const lower = p.toLowerCase();
  if (scopesOf(lower).scopes.size > 0) return true;
  const words = englishWords(lower) ?? [];
  return words.includes('ghg') || (words.includes('carbon') && words.includes('emission'));
}

/**
 * What a KPI table row means: its catalog KPI (or an open breakdown member), or undefined when the
 * label is not recognised. `label` is the row's label cell as cleaned by the parser.
 */
export function recogniseLabel(label: string, ctx: RowContext = {}): Recognition | undefined {
  if (typeof label !== 'string' || !label.trim()) return undefined;
  const group = typeof ctx.group === 'string' && ctx.group.trim() ? ctx.group : undefined;
  const tooLong = label.length > MAX_LABEL || (!!group && group.length > MAX_LABEL);
  const groupQualifies = !!group && !tooLong && groupQualifiesRows(group);
  const groupIsGhg = !!group && !tooLong && groupNamesGhg(group);
  // Under a group that names another measure, a label's own name does not decide: 'Purchased
  // electricity' under 'Scope 2' is an emission source, 'SO2 emissions' under 'Pollutant emission
  // density' a density.
  const nameFits = (k: KpiDefinition) => !((groupQualifies && !k.per && k.dimension !== 'percent') || (groupIsGhg && k.dimension !== 'co2e'));
  const exact = matchKpi(label, group);
  if (exact && (exact.via === 'group' || nameFits(exact.kpi)) && !emissionsOfSource(exact.kpi, ctx.unit) && !otherIntensityBasis(exact.kpi, ctx.unit)) {
    return { kpiId: exact.kpi.id, kpi: exact.kpi, via: exact.via };
  }
  if (tooLong) return undefined;
  const unit = ctx.unit;
  const variants = labelVariants(label);
  // A label that names a rate or a count alike ('Employee turnover') is decided by its unit alone:
  // without one, no word bag may pick either.
  for (const v of variants) {
    if (!byUnitKey.has(normalizeLabel(v))) continue;
    return known(byUnit(normalizeLabel(v), unit), 'unit', unit);
  }
  // 1. Variants through the catalog (exact keys, the group's members).
  for (const v of variants.slice(1)) {
    const m = matchKpi(v, group);
    if (m && (m.via === 'group' || nameFits(m.kpi)) && unitAgrees(m.kpi, unit)) return { kpiId: m.kpi.id, kpi: m.kpi, via: m.via === 'group' ? 'group' : 'variant' };
  }
  // A bare breakdown group ('By gender' | 'Number of male employees').
  if (group) {
    for (const v of variants) {
      let fitting = bareBreakdownMembers(v, group).filter((k) => unitAgrees(k, unit));
      // Several parents have the member ('male employees'): the one the full label names ('Number of
      // male employees' names employees, not new hires).
      if (fitting.length > 1) fitting = fitting.filter((k) => labelNamesParent(label, k.parent!));
      if (fitting.length === 1) return { kpiId: fitting[0].id, kpi: fitting[0], via: 'group' };
    }
    // 'By age' | 'Number of employees aged under 30': the parent's words out, the member's name left.
    const breakdown = bareBreakdownOf(group);
    if (breakdown) {
      const found = new Set<KpiDefinition>();
      for (const parentId of parentsWithBreakdown(breakdown)) {
        const rest = withoutParentWords(variants[variants.length - 1], parentId);
        const k = rest ? memberByLabel(parentId, breakdown, rest) : undefined;
        if (k && unitAgrees(k, unit)) found.add(k);
      }
      if (found.size === 1) {
        const k = [...found][0];
        return { kpiId: k.id, kpi: k, via: 'group' };
      }
    }
  }
  // With a group, the families read the group and the label as one phrase ('Greenhouse gas
  // emissions' | 'Direct emission'); the label alone only when the group does not qualify it.
  const texts = group ? [`${plain(group)} ${variants[variants.length - 1]}`] : [];
  if (!groupQualifies) texts.push(...variants);
  const groupSaysScope3 = !!group && scopesOf(plain(group).toLowerCase()).scopes.has(3);
  for (const text of texts) {
    // 2. English word bags.
    const words = englishWords(withoutQualifiers(text));
    if (words && words.length >= 2) {
      const k = byBag.get(bagKey(words));
      if (k && nameFits(k) && unitAgrees(k, unit)) return { kpiId: k.id, kpi: k, via: 'words' };
    }
    // 3. Families.
    const fam =
      scope3Category(text, groupSaysScope3) ?? ghgFamily(withoutQualifiers(text), unit) ?? airFamily(withoutQualifiers(text)) ?? intensityOf(withoutQualifiers(text), unit);
    const r = known(fam, 'family', unit);
    if (r && nameFits(r.kpi!)) return r;
  }
  // Chinese and bilingual labels (recognition/zh.ts), under the same unit check.
  const zh = recogniseChinese(label, { group, unit, section: ctx.section }, { recognise: recogniseLabel, fits: (id, u) => !!known(id, 'family', u) });
  if (zh) return isOpenMemberId(zh) ? { kpiId: zh, via: 'open-member' } : known(zh, 'family', unit);
  // 4. The unit decides.
  for (const v of variants) {
    const r = known(byUnit(normalizeLabel(v), unit), 'unit', unit);
    if (r) return r;
  }
  // 5. An open member of the group's breakdown.
  const open = openMember(normalizeLabel(variants[variants.length - 1]), label, group, unit);
  if (open) return { kpiId: open, via: 'open-member' };
  // 6. A part of a KPI: a boundary or entity under it, a cell of a cross breakdown (recognition/segments.ts).
  const part = recogniseSegment(label, { group, unit, section: ctx.section }, { recognise: recogniseLabel, fits: (id, u) => !!known(id, 'family', u) });
  if (part) return { kpiId: part, via: 'open-member' };
  return undefined;
}

/** Whether a KPI id is an open breakdown member's (not a catalog KPI). */
export function isOpenMemberId(id: string): boolean {
  return typeof id === 'string' && /\.open-[0-9a-z]+$/.test(id);
}

/** The parent KPI id of an open breakdown member id (`employees.total.region.open-x` -> `employees.total`). */
export function openMemberParent(id: string): string | undefined {
  if (!isOpenMemberId(id)) return undefined;
  return id.replace(/\.[a-z0-9_-]+\.open-[0-9a-z]+$/, '');
}
