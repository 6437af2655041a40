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
import {
  getKpi,
  matchKpi,
  bareBreakdownMembers,
  bareBreakdownOf,
  memberByLabel,
  parentsWithBreakdown,
  resolveGroupLabel,
  uniqueKpiByKey,
  allKpis,
} from '../catalogs/kpis';
import type { KpiDefinition } from '../catalogs/schema';
import { denominatorNameOf, parseUnit, unitFitsKpi } from '../catalogs/units';
import { normalizeLabel, stripFootnoteMarks, toHalfWidth } from '../text/normalize';
import { hashKey, recogniseChinese } from './zh';
import { recogniseSegment } from './segments';

export interface RowContext {
  /** The breakdown group label of a two-column row ('按性別劃分' | '男性'). */
  group?: string;
  /** The row's unit cell as written ('%', '人', 'tCO2e'). */
  unit?: string;
  /**
   * The table's caption row above the row ('Hazardous Waste'), or the first-column label a
   * second-column label sits under: read only when the label alone names no figure.
   */
  context?: string;
  /** The last caption row above the row in its table (a row with a label and no figures). */
  section?: string;
}

export type RecognitionVia = 'name' | 'group' | 'variant' | 'words' | 'family' | 'unit' | 'open-member' | 'described';

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
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
  ₓ: 'x',
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
const UNIT_PHRASE =
  /^(?:in\s+)?(?:metric\s+)?(?:tonnes?|tons?|kg|kilograms?|mwh|kwh|gj|m3|cubic\s+metres?)(?:\s+(?:of\s+)?co2\s*e(?:q|quivalent)?)?$/i;

function isUnitText(s: string): boolean {
  const t = s.trim();
  if (UNIT_PHRASE.test(t)) return true;
  if (!t || t.length > 40) return false;
  return parseUnit(t).ok;
}

/** The label with unit and qualifier brackets removed (other brackets kept as written). */
function withoutQualifiers(text: string): string {
  return text
    .replace(BRACKET, (all, inner: string) => (isUnitText(inner) || QUALIFIER.test(inner.trim()) ? ' ' : all))
    .replace(/\s+/g, ' ')
    .trim();
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
const SINGULAR_EXCEPTIONS = new Set([
  'gas',
  'less',
  'loss',
  'process',
  'glass',
  'business',
  'mass',
  'sox',
  'nox',
  'bus',
  'us',
  'its',
  'this',
  'plus',
  'status',
  'ghgs',
]);

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
  generated: 'produced',
  generation: 'produced',
  output: 'produced',
  production: 'produced',
  consumed: 'consumption',
  usage: 'consumption',
  use: 'consumption',
  used: 'consumption',
  emitted: 'emission',
  staff: 'employee',
  workforce: 'employee',
  headcount: 'employee',
};
const BAG_DROPPED = new Set(['total', 'overall', 'amount']);

function bagKey(words: string[]): string {
  return [...new Set(words.map((w) => SAME_WORD[w] ?? w).filter((w) => !BAG_DROPPED.has(w)))].sort().join(' ');
}

let bagIndex: Map<string, KpiDefinition | null> | undefined;

/**
 * Word bag -> KPI, from every English name and synonym; a bag two KPIs share names neither. Built on
 * first use: a process that reads no English label (a CLI run on a Chinese report) never pays for it.
 */
function byBag(): Map<string, KpiDefinition | null> {
  if (bagIndex) return bagIndex;
  bagIndex = new Map();
  for (const k of allKpis()) {
    if (k.parent && k.breakdown) continue; // members are matched through their groups
    for (const s of [k.names.en, ...k.synonyms]) {
      const words = englishWords(withoutQualifiers(plain(s)));
      if (!words || words.length < 2) continue;
      const key = bagKey(words);
      const prev = bagIndex.get(key);
      if (prev === undefined) bagIndex.set(key, k);
      else if (prev !== k) bagIndex.set(key, null);
    }
  }
  return bagIndex;
}

// ---------------------------------------------------------------------------------------------
// Family rules

const ROMAN_SCOPE = /\bscopes?\s*(iii|ii|i)\b/gi;
const SCOPE_LIST = /\bscopes?\s*([123])((?:\s*(?:\+|&|,|and|or)\s*(?:scopes?\s*)?[123])*)/gi;

/** Words that say a figure is a ratio of the thing, not the thing. */
const RATIO_WORDS = new Set([
  'intensity',
  'density',
  'per',
  'proportion',
  'share',
  'percentage',
  'ratio',
  'rate',
  'reduction',
  'target',
  'average',
  'avg',
  'change',
  'saved',
  'avoided',
  'offset',
  'increase',
  'decrease',
]);

const GHG_WORDS = new Set([
  'ghg',
  'emission',
  'co2e',
  'co2eq',
  'carbon',
  'total',
  'and',
  'direct',
  'indirect',
  'other',
  'energy',
  'related',
  'location',
  'market',
  'based',
  'group',
  'inclusive',
  'from',
  'scope',
  'gross',
  'equivalent',
  'dioxide',
  'overall',
]);
const REVENUE_WORDS = new Set([
  'revenue',
  'income',
  'operating',
  'unit',
  'rmb',
  'hk',
  'hkd',
  'us',
  'usd',
  'million',
  'm',
  '10000',
  'ten',
  'thousand',
  'sale',
  'turnover',
  'yuan',
]);
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
  const lower = text
    .toLowerCase()
    .replace(/location[\s-]*based/g, ' location ')
    .replace(/market[\s-]*based/g, ' market ');
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
    if (intensity && (INTENSITY_WORDS.has(w) || REVENUE_WORDS.has(w) || EMPLOYEE_WORDS.has(w) || AREA_WORDS.has(w)))
      continue;
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
  if (basis === 'employees' || basis === 'floor-area')
    return `ghg.intensity_per_${basis === 'employees' ? 'employee' : 'floor_area'}.${id.slice('ghg.'.length)}`;
  if (id === 'ghg.total') return 'ghg.intensity';
  if (id === 'ghg.scope12') return 'ghg.scope12.intensity';
  // Scope 1, 2 or 3 per revenue: a described intensity (the catalog lists none).
  return `${id}.intensity`;
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
  const id =
    k === '1'
      ? 'ghg.scope1'
      : k === '2'
        ? 'ghg.scope2'
        : k === '3'
          ? 'ghg.scope3'
          : k === '12'
            ? 'ghg.scope12'
            : k === '123'
              ? 'ghg.total'
              : undefined;
  if (!id || !intensity) return id;
  const basis = basisOfUnit(unit);
  if (basis !== 'revenue' && basis !== 'unknown') return undefined;
  return id === 'ghg.total' ? 'ghg.intensity' : id === 'ghg.scope12' ? 'ghg.scope12.intensity' : `${id}.intensity`;
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
  const restKey = normalizeLabel(
    rest
      .replace(/\bscope\b/g, ' ')
      .replace(/\b(?:ghg|emissions?|upstream|downstream)\b/g, (w) =>
        w.startsWith('up') || w.startsWith('down') ? w : ' ',
      ),
  );
  if (!restKey) return id;
  // The words after the number must be the category's own name (any hyphens, brackets, case).
  const names = [kpi.names.en, ...kpi.synonyms].map((s) =>
    s.replace(/^.*?(?:category|cat\.?)\s*\d{1,2}\s*[:：\-–—]?\s*/i, ''),
  );
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
const AIR_WORDS = new Set([
  'emission',
  'air',
  'total',
  'waste',
  'gas',
  'direct',
  'exhaust',
  'and',
  'pollutant',
  'group',
  'amount',
  'discharge',
  'volume',
  'generated',
  'released',
]);

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
  const basisWords = words.filter(
    (w) => INTENSITY_WORDS.has(w) || REVENUE_WORDS.has(w) || EMPLOYEE_WORDS.has(w) || AREA_WORDS.has(w),
  );
  if (basisWords.some((w) => EMPLOYEE_WORDS.has(w) || AREA_WORDS.has(w))) return undefined;
  const unitBasis = basisOfUnit(unit);
  if (unitBasis !== 'unknown' && unitBasis !== 'revenue') return undefined;
  const rest = words.filter((w) => !basisWords.includes(w));
  if (rest.length < 1) return undefined;
  const base = byBag().get(bagKey(rest));
  if (!base || base.per || base.dimension === 'percent') return undefined;
  // `water.total` -> `water.intensity` (the numbers rules read the pair the same way), else `<id>.intensity`.
  for (const id of [
    base.id.endsWith('.total') ? `${base.id.slice(0, -'.total'.length)}.intensity` : '',
    `${base.id}.intensity`,
  ]) {
    const kpi = id ? getKpi(id) : undefined;
    if (kpi && kpi.per === 'revenue') return id;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dimension-ambiguous labels: the unit decides which KPI.

const BY_UNIT: Array<{ labels: string[]; percent: string; count: string }> = [
  {
    labels: [
      'Employee turnover',
      'Staff turnover',
      'Turnover',
      'Employee turnover (total)',
      '員工流失',
      '僱員流失',
      '员工流失',
    ],
    percent: 'turnover.rate',
    count: 'turnover.count',
  },
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
// Open breakdown members (ids hashed with zh.ts's hashKey, FNV-1a in base 36)

/** Labels that are not members however they are grouped: totals and subtotals of the breakdown. */
const NOT_A_MEMBER = /^(?:total|subtotal|sub-total|overall|all|合計|總計|总计|合计|小計|小计|總數|总数|總計人數)$/i;

/** Breakdowns whose members a catalog cannot list: places and sites, employee categories. */
const OPEN_BREAKDOWNS = new Set(['region', 'rank']);

function openMember(
  labelKey: string,
  labelText: string,
  group: string | undefined,
  unit: string | undefined,
): string | undefined {
  if (!group) return undefined;
  let target = resolveGroupLabel(group);
  if (!target) {
    // A bare 'By region' group: the parent is the one KPI the label names ('Number of employees in X').
    const breakdown = bareBreakdownOf(group);
    if (!breakdown || !OPEN_BREAKDOWNS.has(breakdown)) return undefined;
    const parents = parentsWithBreakdown(breakdown).filter(
      (p) => withoutParentWords(labelText, p) !== undefined && unitAgrees(getKpi(p)!, unit),
    );
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
// Described figures: a catalog KPI the label contains, and what the other words say about it
//
// Real tables name many figures no catalog lists: a source or site of a catalog figure ('Scope 1 GHG
// emissions - Brazil', 'Stationary combustion GHG emissions'), a kind of it ('Recycled waste', 'Tyres'
// under 'Hazardous waste'), its intensity on any basis ('Diesel consumption per employee', 'NOx
// emission density'), its share ('Scope 1 proportion'). A reviewer names them by the catalog figure
// they qualify. Their ids say so, built from the base KPI:
//   `<base>.p-<hash>`                 a part of the base (source, site, kind, segment) named by the other words;
//   `<x>.intensity`                   x per revenue (or per the unit's basis when the label names none);
//   `<x>.intensity.per-<basis>`       x per employee / floor area / another basis;
//   `<x>.share`                       x as a percentage of a whole;
//   `<x>.r-<hash>`                    another ratio of x (a reduction, a target, a change).
// None of them is a catalog member, so no catalog breakdown sums them; the intensity check reads
// `<x>.intensity` against x like any catalog intensity, and finds x only when the numerator row has the
// same part words.

/** Words of a label that do not change which figure it is. */
const NEUTRAL = new Set([
  'pollutant',
  'total',
  'overall',
  'amount',
  'number',
  'quantity',
  'produced',
  'consumption',
  'emission',
  'group',
  'annual',
  'all',
  'comprehensive',
  'gross',
  'inclusive',
  'kpi',
  'indicator',
  'data',
  'figure',
  'value',
]);
const SHARE_WORDS = new Set(['proportion', 'share', 'percentage', 'percent']);
const OTHER_RATIO_WORDS = new Set([
  'reduction',
  'target',
  'change',
  'saved',
  'avoided',
  'offset',
  'increase',
  'decrease',
  'rate',
  'ratio',
  'average',
  'avg',
  'yoy',
]);
const BASIS_FILLER = new Set([
  'unit',
  'sq',
  'ft',
  'square',
  'metre',
  'meter',
  'm2',
  'sqm',
  'gfa',
  'floor',
  'area',
  'million',
  'm',
  'thousand',
  '10000',
  '000',
  'hk',
  'hkd',
  'rmb',
  'us',
  'usd',
  'yuan',
  'operating',
  'revenue',
  'income',
  'sale',
  'capita',
  'head',
  'employee',
  'fte',
  'person',
  'staff',
  'headcount',
  'every',
  'each',
]);

interface NameBag {
  kpi: KpiDefinition;
  words: string[];
}

/** Words that name no figure on their own: a catalog name of these only ('Other', 'Male') is not contained in a label. */
const GENERIC = new Set([
  'other',
  'others',
  'male',
  'female',
  'direct',
  'indirect',
  'total',
  'and',
  'rate',
  'share',
  'average',
  'full',
  'time',
  'part',
  'senior',
  'middle',
  'junior',
  'management',
  'under',
  'over',
  'above',
  'below',
  'aged',
  'age',
]);

/** Label words for containment: bagKey's words, 'non-X' one word, pollutants in one spelling ('nitrogen oxide' -> 'nox'). */
function describedWords(text: string): string[] | undefined {
  let t = text.replace(/\bnon[\s-]+(?=[a-z])/gi, 'non');
  if (!HAN.test(t)) {
    t = t.toLowerCase();
    for (const [re, id] of POLLUTANTS) t = t.replace(re, ` ${id.slice('air.'.length)} `);
  }
  const words = englishWords(withoutQualifiers(t));
  return words?.map((w) => SAME_WORD[w] ?? w).filter((w) => !BAG_DROPPED.has(w));
}

/** A catalog name's words for containment, neutral words out; undefined when nothing specific is left. */
function nameBag(name: string): string[] | undefined {
  const words = describedWords(plain(name));
  if (!words) return undefined;
  const specific = [...new Set(words.filter((w) => !NEUTRAL.has(w)))].sort();
  return specific.length && specific.some((w) => !GENERIC.has(w) && (!/^\d+$/.test(w) || specific.includes('scope')))
    ? specific
    : undefined;
}

let nameBags: Map<string, NameBag[]> | undefined;

/**
 * Catalog name bags by their first word. A bag several KPIs share ('Employee turnover': the rate and
 * the count) is kept for each: the row's unit decides between them, or the label stays unrecognised.
 * Built on first use, like `byBag`.
 */
function bagsByWord(): Map<string, NameBag[]> {
  if (nameBags) return nameBags;
  const bags = new Map<string, NameBag[]>();
  // A breakdown member's name is written relative to its group ('Female employees' names a member of
  // employees, new hires and turnover alike): a member bag several KPIs share takes its parent's words.
  const owners = new Map<string, Set<string>>();
  const named: { kpi: KpiDefinition; words: string[] }[] = [];
  for (const k of allKpis()) {
    for (const s of [k.names.en, ...k.synonyms]) {
      const words = nameBag(s);
      if (!words) continue;
      named.push({ kpi: k, words });
      const key = words.join(' ');
      (owners.get(key) ?? owners.set(key, new Set()).get(key)!).add(k.id);
    }
  }
  const seen = new Set<string>();
  for (const { kpi: k, words: own } of named) {
    let words = own;
    const parent = k.parent ? getKpi(k.parent) : undefined;
    if (parent && (owners.get(own.join(' '))?.size ?? 0) > 1) {
      const parentWords = nameBag(parent.names.en) ?? [];
      words = [...new Set([...own, ...parentWords])].sort();
    }
    const key = `${k.id}|${words.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const first = words[0];
    (bags.get(first) ?? bags.set(first, []).get(first)!).push({ kpi: k, words });
  }
  return (nameBags = bags);
}

/**
 * The catalog KPI whose name the words contain, with the words left over. A label that says GHG
 * ('Purchased electricity GHG emissions') contains a GHG figure, whatever else it names; otherwise the
 * longest name wins, and of two equally long, the one whose leftover words only say 'per' or 'share'
 * ('Direct emission' | 'GHG emission intensity' is Scope 1 per revenue, not a part of GHG intensity).
 */
function containedKpis(
  words: string[],
  accept?: (kpi: KpiDefinition, rest: string[]) => boolean,
): { kpi: KpiDefinition; rest: string[] }[] {
  const have = new Set(words);
  const restOf = (b: NameBag) => words.filter((w) => !b.words.includes(w) && !NEUTRAL.has(w));
  let found: NameBag[] = [];
  // Names the row's unit cannot measure are left out first: 'Turnover of employees aged under 30 | %'
  // contains 'employees under 30' (a head count) and 'employee turnover' (a rate); only the rate fits.
  for (const w of have)
    for (const bag of bagsByWord().get(w) ?? [])
      if (bag.words.every((x) => have.has(x)) && (!accept || accept(bag.kpi, restOf(bag)))) found.push(bag);
  if (
    have.has('ghg') ||
    have.has('co2e') ||
    have.has('co2eq') ||
    (have.has('carbon') && have.has('emission')) ||
    (have.has('scope') && (have.has('1') || have.has('2') || have.has('3')))
  ) {
    const ghg = found.filter((b) => b.kpi.dimension === 'co2e');
    if (ghg.length) found = ghg;
  }
  const longest = found.reduce((n, b) => Math.max(n, b.words.length), 0);
  let best = found.filter((b) => b.words.length === longest);
  if (new Set(best.map((b) => b.kpi)).size > 1) {
    const ratioOnly = best.filter(
      (b) => !b.kpi.per && restOf(b).every((w) => INTENSITY_WORDS.has(w) || SHARE_WORDS.has(w) || BASIS_FILLER.has(w)),
    );
    if (ratioOnly.length) best = ratioOnly;
  }
  const kpis = [...new Set(best.map((b) => b.kpi))];
  return kpis.map((kpi) => ({ kpi, rest: restOf(best.find((b) => b.kpi === kpi)!) }));
}

/** An intensity's basis: revenue, employees, floor-area, or the unit's denominator ('energy'). */
function basisOfWords(words: string[], unit: string | undefined): string {
  if (words.some((w) => EMPLOYEE_WORDS.has(w))) return 'employees';
  if (words.some((w) => AREA_WORDS.has(w))) return 'floor-area';
  if (words.some((w) => REVENUE_WORDS.has(w) && w !== 'unit')) return 'revenue';
  return unitBasis(unit) ?? 'revenue';
}

/**
 * The basis a unit's denominator names: revenue, employees, floor area as the unit catalog says, else
 * the denominator's own name or dimension ('kgCO2e/kWh' -> energy, 'kg/million km' -> length).
 */
function unitBasis(unit: string | undefined): string | undefined {
  const u = parsedUnit(unit);
  if (!u?.denominator) return undefined;
  const name = denominatorNameOf(u, undefined);
  const basis = name ?? u.denominator.dimension;
  return /^[a-z][a-z-]*$/.test(basis) ? basis : undefined;
}

/** The parsed unit of a row, when it parses. */
function parsedUnit(unit: string | undefined) {
  if (!unit || !unit.trim()) return undefined;
  const parsed = parseUnit(unit.trim());
  return parsed.ok ? parsed.unit : undefined;
}

/** Whether the unit's numerator can measure the base KPI (mass for fuels and water, as unitFitsKpi allows). */
function numeratorFits(base: KpiDefinition, unit: string | undefined): boolean {
  const u = parsedUnit(unit);
  if (!u) return true;
  if (base.per || base.dimension === 'percent') return unitFitsKpi(u, base);
  const numeratorOnly = { ...u, denominator: undefined, denominatorQualifier: undefined, denominatorNamed: undefined };
  return unitFitsKpi(numeratorOnly, base);
}

/**
 * A catalog intensity named in a unit of another basis ('Non-hazardous waste intensity | t/employee'):
 * the same numerator over the unit's basis.
 */
function otherBasis(
  base: KpiDefinition,
  qualifiers: string[],
  unit: string | undefined,
): { id: string; base: KpiDefinition } | undefined {
  if (base.per !== 'revenue' || !base.id.endsWith('.intensity')) return undefined;
  const basis = unitBasis(unit);
  const stem = base.id.slice(0, -'.intensity'.length);
  const numeratorId = getKpi(stem) ? stem : getKpi(`${stem}.total`) ? `${stem}.total` : undefined;
  const numerator = numeratorId ? getKpi(numeratorId) : undefined;
  if (!basis || basis === 'revenue' || !numerator || !numeratorFits(numerator, unit)) return undefined;
  return { id: intensityIdOf(partId(numerator.id, qualifiers), basis), base: numerator };
}

/**
 * A part of a catalog figure. A part of a catalog intensity is the intensity of the part
 * (`<numerator>.p-x.intensity`), the id the intensity check pairs with the part's own row.
 */
function partOf(base: KpiDefinition, qualifiers: string[]): string {
  if (qualifiers.length && base.per === 'revenue' && base.id.endsWith('.intensity')) {
    const stem = base.id.slice(0, -'.intensity'.length);
    const numerator = getKpi(stem) ? stem : getKpi(`${stem}.total`) ? `${stem}.total` : undefined;
    if (numerator) return `${partId(numerator, qualifiers)}.intensity`;
  }
  return partId(base.id, qualifiers);
}

function partId(baseId: string, rest: string[]): string {
  return rest.length ? `${baseId}.p-${hashKey([...new Set(rest)].sort().join(' '))}` : baseId;
}

/**
 * A figure described by a catalog KPI the words contain: the KPI itself when the other words are
 * neutral, else a part, an intensity, a share or another ratio of it (ids above). Undefined when no
 * KPI is contained, two fit equally, or the unit cannot measure what the words describe.
 */
function describe(
  words: string[],
  unit: string | undefined,
  sourceEmissions = true,
): { id: string; base: KpiDefinition } | undefined {
  let found = containedKpis(words, (k, rest) => numeratorFits(k, unit) || isRatioWords(rest) || countShare(k, unit));
  if (found.length > 1) {
    // 'Purchased electricity GHG emissions' in tCO2e: the GHG figure, not the electricity.
    const byUnit = found.filter((c) => unitMeasures(c.kpi, unit));
    if (byUnit.length) found = byUnit;
  }
  // A figure in tCO2e whose words name a source, not a GHG figure ('Diesel | tCO2e'): the emissions of that source.
  const u0 = parsedUnit(unit);
  const contained =
    sourceEmissions && u0 && !u0.denominator && u0.numerator.dimension === 'co2e' ? containedKpis(words) : [];
  if (contained.length && contained.every((c) => c.kpi.dimension !== 'co2e')) {
    const total = getKpi('ghg.total');
    if (total) found = [{ kpi: total, rest: words.filter((w) => !NEUTRAL.has(w)) }];
  }
  if (found.length !== 1) return undefined;
  const { kpi: base, rest } = found[0];
  const u = parsedUnit(unit);
  const ratio = rest.filter((w) => INTENSITY_WORDS.has(w) || SHARE_WORDS.has(w) || OTHER_RATIO_WORDS.has(w));
  const qualifiers = rest.filter((w) => !ratio.includes(w));
  if (!ratio.length) {
    // The base itself, or a part of it; an intensity or share KPI keeps its own basis.
    if (u && u.denominator && !base.per) return undefined;
    if (base.per && !unitAgrees(base, unit)) return otherBasis(base, qualifiers, unit);
    // A head count printed in % ('Female | percent' under 'Employee structure by gender'): its share.
    if (countShare(base, unit)) return { id: `${partId(base.id, qualifiers)}.share`, base };
    if (!qualifiers.length) return unitAgrees(base, unit) ? { id: base.id, base } : undefined;
    if (!numeratorFits(base, unit)) return undefined;
    return { id: partOf(base, qualifiers), base };
  }
  if (base.per || base.dimension === 'percent') {
    // 'GHG intensity (excluding ...)': a part of an intensity; other ratio words of a ratio are not read.
    if (ratio.some((w) => !INTENSITY_WORDS.has(w))) return undefined;
    if (!unitAgrees(base, unit)) return otherBasis(base, qualifiers, unit);
    return { id: partOf(base, qualifiers), base };
  }
  const intensity = ratio.some((w) => INTENSITY_WORDS.has(w));
  const share = ratio.some((w) => SHARE_WORDS.has(w));
  const parts = qualifiers.filter((w) => !BASIS_FILLER.has(w) && !REVENUE_WORDS.has(w));
  const of = partId(base.id, intensity ? parts : qualifiers);
  if (intensity && !ratio.some((w) => OTHER_RATIO_WORDS.has(w) || SHARE_WORDS.has(w))) {
    if (u && !u.denominator) return undefined;
    const basis = basisOfWords(qualifiers, unit);
    const fromUnit = unitBasis(unit);
    if (fromUnit && fromUnit !== basis) return undefined;
    if (!numeratorFits(base, unit)) return undefined;
    return { id: intensityIdOf(of, basis), base };
  }
  if (share && !ratio.some((w) => OTHER_RATIO_WORDS.has(w) || INTENSITY_WORDS.has(w))) {
    if (u && u.numerator.dimension !== 'percent') return undefined;
    return { id: `${of}.share`, base };
  }
  return { id: `${partId(base.id, qualifiers)}.r-${hashKey(ratio.sort().join(' '))}`, base };
}

/**
 * Wastes named by what they are, in a unit of mass. Hazardous: what Hong Kong's Waste Disposal
 * (Chemical Waste) Regulation and the mainland's National Hazardous Waste List class as such and
 * reports list by kind (batteries, lamps and fluorescent tubes, toner and ink cartridges, printer drums
 * and ribbons, waste oil, solvents, chemicals, expired drugs, clinical waste, electronic waste).
 * Non-hazardous: recyclables (glass, furniture, food, metal, plastic, cardboard, wood, textiles), when
 * the label says waste, recycling or disposal. Each kind is a part (`waste.hazardous.p-x`), never the total.
 */
const HAZARDOUS_KINDS = new Set([
  'battery',
  'batterie',
  'lamp',
  'tube',
  'fluorescent',
  'toner',
  'cartridge',
  'drum',
  'ribbon',
  'ink',
  'solvent',
  'chemical',
  'drug',
  'medicine',
  'pharmaceutical',
  'clinical',
  'medical',
  'electronic',
  'e-waste',
  'ewaste',
  'asbestos',
  'mercury',
  'acid',
  'lube',
  'lubricant',
]);
const NON_HAZARDOUS_KINDS = new Set([
  'glass',
  'furniture',
  'food',
  'kitchen',
  'metal',
  'aluminium',
  'aluminum',
  'plastic',
  'cardboard',
  'carton',
  'wood',
  'textile',
  'clothing',
  'organic',
  'garden',
  'yard',
  'construction',
  'demolition',
  'rubble',
  'household',
]);
const WASTE_CONTEXT = new Set([
  'waste',
  'recycling',
  'recycled',
  'recycle',
  'disposal',
  'disposed',
  'collected',
  'scrap',
]);

function wasteKind(label: string, unit: string | undefined): Recognition | undefined {
  const u = parsedUnit(unit);
  if (u && (u.denominator || u.numerator.dimension !== 'mass')) return undefined;
  const words = describedWords(plain(label));
  if (!words?.length || words.some((w) => RATIO_WORDS.has(w) || SHARE_WORDS.has(w))) return undefined;
  if (words.some((w) => w.startsWith('non') || w === 'ghg' || w === 'co2e' || w === 'emission')) return undefined;
  const hazardous = words.some((w) => HAZARDOUS_KINDS.has(w));
  const general = words.some((w) => NON_HAZARDOUS_KINDS.has(w)) && words.some((w) => WASTE_CONTEXT.has(w));
  if (hazardous === general) return undefined;
  const base = hazardous ? 'waste.hazardous' : 'waste.non_hazardous';
  if (!getKpi(base)) return undefined;
  return {
    kpiId: partId(
      base,
      words.filter((w) => !NEUTRAL.has(w)),
    ),
    via: 'described',
  };
}

/** A count KPI (employees, suppliers) in a percent unit: the figure is its share of a whole. */
function countShare(kpi: KpiDefinition, unit: string | undefined): boolean {
  const u = parsedUnit(unit);
  return !!u && !u.denominator && u.numerator.dimension === 'percent' && kpi.dimension === 'count' && !kpi.per;
}

function isRatioWords(rest: string[]): boolean {
  return rest.some((w) => INTENSITY_WORDS.has(w) || SHARE_WORDS.has(w) || OTHER_RATIO_WORDS.has(w));
}

/** Whether the unit's numerator dimension is the KPI's own (no mass-for-fuel allowance). */
function unitMeasures(kpi: KpiDefinition, unit: string | undefined): boolean {
  const u = parsedUnit(unit);
  return !!u && u.numerator.dimension === kpi.dimension;
}

/** A label described through a contained catalog KPI, alone or read with its group. */
function described(
  label: string,
  group: string | undefined,
  groupQualifies: boolean,
  unit: string | undefined,
  groupOnly = false,
): Recognition | undefined {
  const own = describedWords(plain(label));
  if (!own || !own.length) return undefined;
  const alone = groupOnly ? undefined : describe(own, unit);
  if (!group) return alone && { kpiId: alone.id, kpi: getKpi(alone.id), via: 'described' };
  const groupWords = describedWords(plain(group));
  if (!groupWords) return undefined;
  // The group names the figure and the label a part of it ('Total hazardous waste' | 'Equipment
  // cables'; 'Direct GHG emissions (Scope 1)' | 'Consolidated entities'), or qualifies the label's
  // figure ('Pollutant emission density' | 'NOx emissions').
  const both = describe([...groupWords, ...own], unit, false);
  if (both && (!alone || groupQualifies || both.base !== alone.base))
    return { kpiId: both.id, kpi: getKpi(both.id), via: 'described' };
  if (alone && !groupQualifies) return { kpiId: alone.id, kpi: getKpi(alone.id), via: 'described' };
  return undefined;
}

/** The catalog's own id for an intensity where it has one (`water.total` per revenue is `water.intensity`). */
function intensityIdOf(of: string, basis: string): string {
  if (basis === 'revenue') {
    for (const id of [of.endsWith('.total') ? `${of.slice(0, -'.total'.length)}.intensity` : '', `${of}.intensity`]) {
      const k = id ? getKpi(id) : undefined;
      if (k && k.per === 'revenue') return id;
    }
    return `${of}.intensity`;
  }
  const ghg = /^ghg\.(total|scope12|scope1|scope2|scope3)$/.exec(of);
  if (ghg && (basis === 'employees' || basis === 'floor-area')) {
    const id = `ghg.intensity_per_${basis === 'employees' ? 'employee' : 'floor_area'}.${ghg[1]}`;
    if (getKpi(id)) return id;
  }
  return `${of}.intensity.per-${basis}`;
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
  const key = memoKey(label, ctx);
  if (key === undefined || key.length > MEMO_MAX_KEY) return recogniseUncached(label, ctx);
  const memoised = recognitionMemo.get(key);
  if (memoised !== undefined) return memoised ?? undefined;
  const found = recogniseUncached(label, ctx);
  if (recognitionMemo.size >= MEMO_MAX_ENTRIES) recognitionMemo.delete(recognitionMemo.keys().next().value!);
  recognitionMemo.set(key, found ?? null);
  return found;
}

// A report repeats its labels (every year's table, every site's, the highlights and the appendix), and
// recognition is a pure function of the label and its context over static catalogs: its answers are
// memoised by that text (a bounded module-level memo, shared across documents; safe to drop at any time).
const MEMO_MAX_ENTRIES = 20_000;
/** Longer inputs are not memoised (a label past MAX_LABEL is only looked up, which is cheap). */
const MEMO_MAX_KEY = 4 * MAX_LABEL;
const recognitionMemo = new Map<string, Recognition | null>();

/** Forgets every memoised recognition (tests compare warm and cold results). */
export function clearRecognitionMemo(): void {
  recognitionMemo.clear();
}

/**
 * The memo key of a recognition, each part prefixed by its length (no two inputs share a key); undefined
 * (not memoised) when a context field is not a string.
 */
function memoKey(label: string, ctx: RowContext): string | undefined {
  const { group, unit, context, section } = ctx;
  if (
    (group !== undefined && typeof group !== 'string') ||
    (unit !== undefined && typeof unit !== 'string') ||
    (context !== undefined && typeof context !== 'string') ||
    (section !== undefined && typeof section !== 'string')
  )
    return undefined;
  const part = (s: string | undefined) => (s === undefined ? '-' : `${s.length}:${s}`);
  return `${label.length}:${label}${part(group)}${part(unit)}${part(context)}${part(section)}`;
}

function recogniseUncached(label: string, ctx: RowContext): Recognition | undefined {
  const group = typeof ctx.group === 'string' && ctx.group.trim() ? ctx.group : undefined;
  const tooLong = label.length > MAX_LABEL || (!!group && group.length > MAX_LABEL);
  const groupQualifies = !!group && !tooLong && groupQualifiesRows(group);
  const groupIsGhg = !!group && !tooLong && groupNamesGhg(group);
  // Under a group that names another measure, a label's own name does not decide: 'Purchased
  // electricity' under 'Scope 2' is an emission source, 'SO2 emissions' under 'Pollutant emission
  // density' a density.
  const nameFits = (k: KpiDefinition) =>
    !((groupQualifies && !k.per && k.dimension !== 'percent') || (groupIsGhg && k.dimension !== 'co2e'));
  const exact = matchKpi(label, group);
  if (
    exact &&
    (exact.via === 'group' || nameFits(exact.kpi)) &&
    !emissionsOfSource(exact.kpi, ctx.unit) &&
    !otherIntensityBasis(exact.kpi, ctx.unit)
  ) {
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
    if (m && (m.via === 'group' || nameFits(m.kpi)) && unitAgrees(m.kpi, unit))
      return { kpiId: m.kpi.id, kpi: m.kpi, via: m.via === 'group' ? 'group' : 'variant' };
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
      const k = byBag().get(bagKey(words));
      if (k && nameFits(k) && unitAgrees(k, unit)) return { kpiId: k.id, kpi: k, via: 'words' };
    }
    // 3. Families.
    const fam =
      scope3Category(text, groupSaysScope3) ??
      ghgFamily(withoutQualifiers(text), unit) ??
      airFamily(withoutQualifiers(text)) ??
      intensityOf(withoutQualifiers(text), unit);
    const r = known(fam, 'family', unit);
    if (r && nameFits(r.kpi!)) return r;
    // A described intensity the family rules build ('Direct emission' | 'GHG emission intensity').
    // Its unit, when it parses, must divide by something: 'Scope 1 intensity | kg' is no intensity.
    const pu = parsedUnit(unit);
    if (
      fam &&
      !r &&
      !getKpi(fam) &&
      openMemberParent(fam) &&
      (!group || groupQualifies || !fam.endsWith('.intensity')) &&
      (!pu || !!pu.denominator)
    )
      return { kpiId: fam, via: 'family' };
  }
  // Chinese and bilingual labels (recognition/zh.ts), under the same unit check.
  const zh = recogniseChinese(
    label,
    { group, unit, section: ctx.section },
    { recognise: recogniseLabel, fits: (id, u) => !!known(id, 'family', u) },
  );
  // A catalog KPI passes the unit check here; an id recognition built was checked when it was made.
  if (zh)
    return getKpi(zh)
      ? known(zh, 'family', unit)
      : { kpiId: zh, via: isOpenMemberId(zh) ? 'open-member' : 'described' };
  // 4. The unit decides.
  for (const v of variants) {
    const r = known(byUnit(normalizeLabel(v), unit), 'unit', unit);
    if (r) return r;
  }
  // 5. An open member of the group's breakdown.
  const open = openMember(normalizeLabel(variants[variants.length - 1]), label, group, unit);
  if (open) return { kpiId: open, via: 'open-member' };
  // 6. A part of a KPI: a boundary or entity under it, a cell of a cross breakdown (recognition/segments.ts).
  const part = recogniseSegment(
    label,
    { group, unit, section: ctx.section },
    { recognise: recogniseLabel, fits: (id, u) => !!known(id, 'family', u) },
  );
  if (part) return { kpiId: part, via: 'open-member' };
  // 7. A figure described by a catalog KPI its words (or its group's) contain.
  const d = described(variants[variants.length - 1], group, groupQualifies, unit);
  if (d) return d;
  // 8. A kind of waste by what it is ('Lead-acid batteries', 'Toner cartridge', 'Glass collected for recycling').
  const kind = wasteKind(variants[variants.length - 1], unit);
  if (kind) return kind;
  // 9. A part of what the caption above names ('Hazardous Waste' | 'Tyres (recycled)').
  const context =
    typeof ctx.context === 'string' && ctx.context.trim() && ctx.context.length <= MAX_LABEL ? ctx.context : undefined;
  if (context) {
    const outer = group ? `${context} ${group}` : context;
    return described(variants[variants.length - 1], outer, groupQualifiesRows(outer), unit, true);
  }
  return undefined;
}

/** Whether a KPI id is an open breakdown member's (not a catalog KPI). */
export function isOpenMemberId(id: string): boolean {
  return typeof id === 'string' && /\.open-[0-9a-z]+$/.test(id);
}

/** The suffixes of a described figure's id, outermost first (see 'Described figures'). */
const DESCRIBED_SUFFIX = /\.(?:intensity\.per-[a-z-]+|intensity|share|r-[0-9a-z]+|p-[0-9a-z]+)$/;

/**
 * The catalog KPI an id not in the catalog is built on: the parent of an open breakdown member
 * (`employees.total.region.open-x` -> `employees.total`), the base of a described figure
 * (`ghg.scope1.p-x` -> `ghg.scope1`, `air.nox.intensity` -> `air.nox`); undefined for a catalog id.
 */
export function openMemberParent(id: string): string | undefined {
  if (typeof id !== 'string' || getKpi(id)) return undefined;
  if (isOpenMemberId(id)) return id.replace(/\.[a-z0-9_-]+\.open-[0-9a-z]+$/, '');
  let base = id;
  for (let i = 0; i < 4 && !getKpi(base); i++) {
    const next = base.replace(DESCRIBED_SUFFIX, '');
    if (next === base) return undefined;
    base = next;
  }
  return getKpi(base) ? base : undefined;
}

export interface DescribedId {
  /** The catalog KPI the id is built on. */
  base: string;
  kind: 'member' | 'part' | 'intensity' | 'share' | 'ratio';
  /** For an intensity: revenue, employees, floor-area or another basis. */
  basis?: string;
}

/** What an id that recognition built means (undefined for a catalog id or an id it did not build). */
export function describeKpiId(id: string): DescribedId | undefined {
  const base = openMemberParent(id);
  if (!base) return undefined;
  if (isOpenMemberId(id)) return { base, kind: 'member' };
  const per = /\.intensity\.per-([a-z-]+)$/.exec(id);
  if (per) return { base, kind: 'intensity', basis: per[1] };
  if (id.endsWith('.intensity')) return { base, kind: 'intensity', basis: 'revenue' };
  if (id.endsWith('.share')) return { base, kind: 'share' };
  if (/\.r-[0-9a-z]+$/.test(id)) return { base, kind: 'ratio' };
  return { base, kind: 'part' };
}
