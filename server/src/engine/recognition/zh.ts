// Chinese (Traditional and Simplified) and bilingual row labels, as HK reports print them. Called by
// recogniseLabel (labels.ts) when the catalog lookup and the English rules found nothing. Everything is
// compared on normalizeLabel keys (Traditional folded to Simplified, 一..九 to digits, punctuation and
// 的 dropped), so one rule covers both scripts.
//
//   1. bilingual cells ('Total GHG emissions 溫室氣體排放總量', 'Electricity 電力'): each half is
//      recognised on its own; the row is the KPI when one half names it and the other names nothing
//      else (two different KPIs leave the row unrecognised);
//   2. the label cleaned: brackets that only qualify ('（CO2e）', '（LTIR）', '（附註1）', a unit) go,
//      '範疇' is read as '範圍' (both mean scope), a leading '按X劃分' is dropped;
//   3. a consolidation basis ('—按權益計算', '按營運控制權計算'): the same KPI on another basis is another
//      fact, so a basis gives the KPI's basis variant (`ghg.total.equity_share`,
//      `ghg.total.operational_control`) when the catalog has one and leaves the row unrecognised
//      otherwise (also for a basis it does not know, '按權益及長期購電容量和購電安排計算');
//   4. GHG labels by scope ('二氧化碳當量（CO2e）排放量（範疇一）', '直接溫室氣體排放', '總排放量' in a
//      GHG section), every character accounted for: a source, site or gas ('二氧化碳（CO2）') that the
//      rule does not know leaves the row unrecognised;
//   5. a table of labels a reviewer names (收入, 員工, 耗水量, 包裝物料, 損失工作日比率, 缺勤率, parental
//      leave...) and the catalog's own names after the cleaning above;
//   6. a KPI whose unit divides by a head count or by money: its per-employee or revenue intensity when
//      the catalog has one ('水' in 立方米╱人); a part of a KPI ('來自固定源的柴油消耗', '包裝物料(塑料)'):
//      an id of its own, `<kpi>.part.open-<hash>`, never the KPI.
// Every result passes the caller's unit check, so a row whose unit cannot express the KPI stays
// unrecognised. Pure and bounded like labels.ts.
import { getKpi, uniqueKpiByKey } from '../catalogs/kpis';
import { denominatorNameOf, parseUnit } from '../catalogs/units';
import { normalizeLabel, stripFootnoteMarks, toHalfWidth } from '../text/normalize';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Ids recognition builds (an open member or part, a part or described figure of the English containment): checked against the unit when made. */
const OPEN_ID =
  /\.(?:open|p|r)-[0-9a-z]+$|\.p-[0-9a-z]+\.intensity(?:\.per-[a-z-]+)?$|\.(?:intensity(?:\.per-[a-z-]+)?|share)$/;
const MAX_LABEL = 160;

export interface ZhContext {
  group?: string;
  unit?: string;
  /** The caption row above the row in its table ('溫室氣體排放', '按年齡及性別劃分流失的員工'). */
  section?: string;
}

/** The KPI a part id is built on (`energy.diesel.part.open-x`, `energy.diesel.p-x` -> `energy.diesel`), else undefined. */
function partBase(id: string): string | undefined {
  const m = /^(.+?)(?:\.(?:part|cross)\.open-[0-9a-z]+|\.p-[0-9a-z]+)$/.exec(id);
  return m ? m[1] : undefined;
}

/** What the caller provides: its whole recogniser (for the halves of a bilingual label) and its unit check. */
export interface ZhHelpers {
  recognise: (label: string, ctx: ZhContext) => { kpiId: string } | undefined;
  /** The KPI when it exists and the row's unit can express it. */
  fits: (kpiId: string, unit: string | undefined) => boolean;
}

// ---------------------------------------------------------------------------------------------
// Bilingual cells

/** A Latin word of three letters at least: an English half, not 'CO2e' inside a Chinese label. */
const LATIN_WORD = /[A-Za-z]{3,}/;

/**
 * The English and the Chinese half of a bilingual label ('Electricity 電力', '電力 Electricity'), or
 * undefined. A half is a run without Han of at least one English word, the other starts (or ends) with
 * Han; 'CO2e' or '(LTIR)' inside a Chinese label is not a half.
 */
export function splitBilingual(label: string): { en: string; zh: string } | undefined {
  if (typeof label !== 'string' || label.length > MAX_LABEL || !HAN.test(label)) return undefined;
  const first = label.search(HAN);
  const en = label.slice(0, first).trim();
  if (first > 0 && LATIN_WORD.test(en) && /[A-Za-z]/.test(en[0] ?? '')) {
    const zh = label.slice(first).trim();
    if (!LATIN_WORD.test(zh.replace(/[(（][^()（）]*[)）]/g, ''))) return { en: trimOpen(en), zh };
  }
  // Chinese first: the English half is the text after the last Han character (and its closing brackets).
  let last = -1;
  for (let i = label.length - 1; i >= 0; i--) {
    if (HAN.test(label[i])) {
      last = i;
      break;
    }
  }
  let cut = last + 1;
  while (cut < label.length && /[)）」』\s]/.test(label[cut])) cut++;
  const tail = label.slice(cut).trim();
  if (first === 0 && tail && /^[A-Za-z]/.test(tail) && LATIN_WORD.test(tail)) {
    const zh = label.slice(0, cut).trim();
    if (!LATIN_WORD.test(zh.replace(/[(（][^()（）]*[)）]/g, ''))) return { en: tail, zh };
  }
  return undefined;
}

/** An English half ending in an unclosed bracket's opening ('Water (') is trimmed of it. */
function trimOpen(s: string): string {
  // A loop: an anchored regex would rescan long runs of brackets.
  let end = s.length;
  while (end > 0 && '(（ \t'.includes(s[end - 1])) end--;
  return s.slice(0, end).trim();
}

// ---------------------------------------------------------------------------------------------
// Cleaning

const BRACKET = /[(（]([^()（）]{0,60})[)）]/g;
/** Bracket contents that say nothing about what is counted. */
const QUALIFIER =
  /^(?:co2e|co2eq|co2-e|ghg|集團|本集團|总计|總計|合計|合计|整體|整体|附註\s*\d{1,2}|附注\s*\d{1,2}|註\s*\d{1,2}|注\s*\d{1,2}|note\s*\d{1,2}|\d{1,2}|[A-Z]{2,6}|\*+)$/i;

function isUnit(s: string): boolean {
  const t = s.trim();
  return !!t && t.length <= 40 && !/^[\d\s.,]+$/.test(t) && parseUnit(t).ok;
}

/** Half-width, footnote marks gone, qualifier and unit brackets dropped (other brackets kept). */
function cleaned(label: string): string {
  return stripFootnoteMarks(toHalfWidth(label))
    .replace(/<[^<>]{0,40}>/g, ' ')
    .replace(BRACKET, (all, inner: string) => (QUALIFIER.test(inner.trim()) || isUnit(inner) ? ' ' : all))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The normalised key with '范畴' read as '范围' and a leading '按X划分' dropped. */
function keyOf(text: string): string {
  return normalizeLabel(text).replace(/范畴/g, '范围');
}

const BY_PREFIX = /^按.{1,8}?划分/;

// ---------------------------------------------------------------------------------------------
// Consolidation bases

type Basis = 'equity_share' | 'operational_control' | 'financial_control' | 'other';

/** '按權益計算' / '按營運控制權計算' (after normalisation), at the end of the key. */
const BASIS = /(?:以|按|基于)(.{1,24}?)(?:法)?计算$/;

function basisOf(key: string): { basis?: Basis; rest: string } {
  const m = BASIS.exec(key);
  if (!m) return { rest: key };
  const word = m[1];
  const basis: Basis =
    word === '权益' || word === '股权'
      ? 'equity_share'
      : word === '营运控制权' || word === '运营控制权'
        ? 'operational_control'
        : word === '财务控制权'
          ? 'financial_control'
          : 'other';
  return { basis, rest: key.slice(0, m.index) };
}

// ---------------------------------------------------------------------------------------------
// GHG by scope

/** Words that name GHG emissions (after normalisation), longest first. */
const GHG_WORDS = ['温室气体', '二氧化碳当量', 'co2e', 'co2eq', '碳'].map((w) => normalizeLabel(w));
const EMISSION_WORDS = ['排放总量', '总排放量', '排放量', '排放', '总量', '总计', '合计', '总'].map((w) =>
  normalizeLabel(w),
);

/** '二氧化碳當量' after normalizeLabel (二 folds to 2) or 'co2e'. */
const CO2E = /2氧化碳当量|co2e/;

/** The GHG KPI a key names, or undefined; `inGhgSection` lets '总排放量' stand for total emissions. */
function ghgOf(key: string, inGhgSection: boolean): string | undefined {
  const scopes = new Set<number>();
  let rest = key.replace(/范围([123](?:[+及或]*(?:范围)?[123])*)/g, (all) => {
    for (const d of all.match(/[123]/g) ?? []) scopes.add(Number(d));
    return '';
  });
  let ghg = scopes.size > 0;
  for (const w of GHG_WORDS) {
    if (rest.includes(w)) {
      ghg = true;
      rest = rest.split(w).join('');
    }
  }
  let implied: number | undefined;
  if (rest.startsWith('能源间接')) {
    implied = 2;
    rest = rest.slice(4);
  } else if (rest.startsWith('其他间接')) {
    implied = 3;
    rest = rest.slice(4);
  } else if (rest.startsWith('间接')) {
    implied = 2;
    rest = rest.slice(2);
  } else if (rest.startsWith('直接')) {
    implied = 1;
    rest = rest.slice(2);
  }
  let location = false;
  let market = false;
  rest = rest
    .replace(/基于位置|按地点|地点基准|以地点为基础/g, () => ((location = true), ''))
    .replace(/基于市场|按市场|市场基准|以市场为基础/g, () => ((market = true), ''));
  let emission = false;
  for (const w of EMISSION_WORDS) {
    if (rest.includes(w)) {
      emission = true;
      rest = rest.split(w).join('');
    }
  }
  // Without an emission word, the label must name the scopes or CO2e itself ('範圍一', '二氧化碳當量（CO2e）').
  if (rest || (!emission && scopes.size === 0 && !CO2E.test(key))) return undefined;
  if (!ghg && !inGhgSection) return undefined;
  if (implied !== undefined) {
    if (scopes.size === 0) scopes.add(implied);
    else if (scopes.size !== 1 || !scopes.has(implied === 2 && scopes.has(3) ? 3 : implied)) return undefined;
  }
  if (location && market) return undefined;
  const k = [...scopes].sort().join('');
  if ((location || market) && k !== '2') return undefined;
  if (k === '') return 'ghg.total';
  if (k === '1') return 'ghg.scope1';
  if (k === '2') return location ? 'ghg.scope2.location' : market ? 'ghg.scope2.market' : 'ghg.scope2';
  if (k === '3') return 'ghg.scope3';
  if (k === '12') return 'ghg.scope12';
  if (k === '123') return 'ghg.total';
  return undefined;
}

/** A section or group that names GHG emissions ('溫室氣體排放', '範圍一', 'Greenhouse gas emissions'). */
function namesGhg(text: string | undefined): boolean {
  if (!text || text.length > MAX_LABEL) return false;
  const key = keyOf(cleaned(text));
  return /温室气体|范围[123]|2氧化碳当量|co2e|^ghg|ghg(?:emission)?s?$|greenhousegas/.test(key);
}

// ---------------------------------------------------------------------------------------------
// Labels a reviewer names that the catalog does not list in these words.

const ZH_LABELS: Array<[string, string[]]> = [
  ['revenue', ['收入', '營業收入', '營業額', '營收', '總收入', '收益', '總收益']],
  ['employees.total', ['員工', '僱員', '职工', '員工人員', '僱員總數目', '員工總數目']],
  ['water.total', ['水', '耗水', '用水', '水資源', '總耗水', '水消耗總量']],
  [
    'packaging.total',
    ['包裝物料', '包裝物料總量', '包裝物料使用量', '所用包裝物料總量', '製成品所用包裝物料總量', '包裝材料總使用量'],
  ],
  ['energy.electricity', ['耗電', '用電', '電力使用量', '電力使用']],
  ['safety.lost_day_rate', ['損失工作日比率', '工傷引致損失工作日比率', '損失工作日率', '損失日數比率']],
  ['safety.ltir', ['工傷引致損失工時比率', '損失工時工傷比率', '損失工時工傷率', '工傷損失工時比率']],
  ['safety.absentee_rate', ['缺勤率', '缺勤比率']],
  [
    'parental_leave.taken',
    ['放育嬰假的僱員', '放育嬰假的員工', '休育嬰假的僱員', '休育嬰假的員工', '放育嬰假僱員人數', '享有育嬰假的僱員'],
  ],
  [
    'parental_leave.returned',
    [
      '在育嬰假後復工的僱員',
      '在育嬰假後復工的員工',
      '育嬰假後復工的僱員',
      '育嬰假後復工的員工',
      '育嬰假後復工僱員人數',
    ],
  ],
  ['parental_leave.return_rate', ['復工比例', '復工率', '育嬰假後復工比例', '育嬰假後復工率', '育嬰假後的復工率']],
  ['turnover.count', ['流失的員工', '流失的僱員', '流失員工', '員工流失', '僱員流失']],
];
const zhLabels = new Map<string, string>();
for (const [id, labels] of ZH_LABELS) for (const l of labels) zhLabels.set(keyOf(l), id);

/** The KPI a cleaned key names: this module's table, then the catalog's names. */
function byKey(key: string): string | undefined {
  if (!key) return undefined;
  return zhLabels.get(key) ?? uniqueKpiByKey(key)?.id;
}

// ---------------------------------------------------------------------------------------------

/**
 * The KPI a Chinese or bilingual label names, or undefined. `helpers.fits` is applied to every
 * result, so the caller's unit check decides as it does for the English rules.
 */
export function recogniseChinese(label: string, ctx: ZhContext, helpers: ZhHelpers): string | undefined {
  if (typeof label !== 'string' || label.length > MAX_LABEL || !HAN.test(label)) return undefined;
  const unit = ctx.unit;
  const halves = splitBilingual(label);
  if (halves) {
    const en = helpers.recognise(halves.en, ctx)?.kpiId;
    const zh = helpers.recognise(halves.zh, ctx)?.kpiId;
    if (en && zh) {
      if (en === zh) return en;
      // Both halves name a part of one KPI (the English containment and the Chinese rules make their own
      // ids), or one names the KPI and the other a part of it: the part, never the whole.
      const enBase = partBase(en);
      const zhBase = partBase(zh);
      if (enBase && zhBase && enBase === zhBase) return zh;
      if (zhBase === en) return zh;
      if (enBase === zh) return en;
      return undefined;
    }
    const id = en ?? zh;
    // An open id (a part, a member) was checked against the unit when it was made.
    return id && ((OPEN_ID.test(id) && !getKpi(id)) || helpers.fits(id, unit)) ? id : undefined;
  }
  const text = cleaned(label);
  const { basis, rest } = basisOf(keyOf(text));
  const key = rest;
  // '總排放量' is total GHG under a GHG group, or in a GHG section when no group (a site, a segment) qualifies it.
  const inGhg = ctx.group ? namesGhg(ctx.group) : namesGhg(ctx.section);
  const found = ghgOf(key, inGhg) ?? byKey(key) ?? byKey(key.replace(BY_PREFIX, ''));
  if (!found) return basis ? undefined : partOf(text, key, unit, helpers);
  let id: string | undefined = found;
  if (basis) {
    id = basis === 'other' ? undefined : `${found}.${basis}`;
    if (id && !getKpi(id)) id = undefined;
  }
  if (id && !helpers.fits(id, unit)) id = perEmployee(id, unit, helpers);
  return id;
}

/**
 * A figure per employee or per revenue of a KPI ('電力' in 千瓦時╱人, '水' in 立方米/萬元): the KPI's
 * per-employee intensity (`water.total` -> `water.intensity_per_employee`) or its revenue intensity
 * (`water.intensity`), when the catalog has one and the unit divides by a head count or by money.
 */
function perEmployee(id: string, unit: string | undefined, helpers: ZhHelpers): string | undefined {
  const parsed = unit ? parseUnit(unit) : undefined;
  const by = parsed?.ok ? parsed.unit.denominator?.dimension : undefined;
  if (by !== 'count' && by !== 'money') return undefined;
  let variant: string;
  if (id.startsWith('ghg.')) {
    // GHG intensities are named by scope set: `ghg.intensity_per_employee.scope1`, `ghg.scope12.intensity`.
    const scopes = id.slice('ghg.'.length);
    variant =
      by === 'count'
        ? `ghg.intensity_per_employee.${scopes}`
        : scopes === 'total'
          ? 'ghg.intensity'
          : `${id}.intensity`;
  } else {
    const base = id.endsWith('.total') ? id.slice(0, -'.total'.length) : id;
    variant = by === 'count' ? `${base}.intensity_per_employee` : `${base}.intensity`;
  }
  const kpi = getKpi(variant);
  return kpi && kpi.per === (by === 'count' ? 'employees' : 'revenue') && helpers.fits(variant, unit)
    ? variant
    : undefined;
}

/** FNV-1a of a key, base 36: a short stable id segment (as labels.ts makes open member ids). */
export function hashKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The id of a part of an additive KPI (a source, a material, a boundary): `<kpi>.part.open-<hash>`. */
export function partId(kpiId: string, key: string): string {
  return `${kpiId}.part.open-${hashKey(key)}`;
}

/** Only absolute figures have parts: a part of an intensity, a rate or a share is not additive. */
export function hasParts(kpiId: string): boolean {
  const kpi = getKpi(kpiId);
  return !!kpi && !kpi.per && kpi.dimension !== 'percent';
}

/** A Chinese qualifier in brackets: a material, a site, a source ('塑料', '其他', '香港'), not a unit or a scope. */
const PART_BRACKET = /^(.+?)[(（]([^()（）]{1,12})[)）]$/;

/**
 * A part of a KPI the label names: '來自固定源的柴油消耗' (diesel from stationary sources) and
 * '包裝物料（塑料）' (packaging: plastic). The rest of the label must name the KPI exactly; the part
 * gets an id of its own, so a part is never taken for the whole.
 */
function partOf(text: string, key: string, unit: string | undefined, helpers: ZhHelpers): string | undefined {
  const from = /^来自(.{1,16}?)(?:产生)?(.+)$/.exec(key);
  if (from) {
    for (let i = 3; i < key.length; i++) {
      const id = byKey(key.slice(i));
      if (id && hasParts(id)) {
        const part = helpers.fits(id, unit) ? partId(id, key) : partIntensity(id, key, unit, helpers);
        if (part) return part;
      }
    }
    return undefined;
  }
  const bracket = PART_BRACKET.exec(text);
  if (!bracket || !HAN.test(bracket[2]) || /范围|範圍|範疇|范畴|[123一二三]/.test(bracket[2])) return undefined;
  const id = byKey(keyOf(bracket[1]));
  if (!id || !hasParts(id)) return undefined;
  return helpers.fits(id, unit) ? partId(id, key) : partIntensity(id, key, unit, helpers);
}

/**
 * A part printed per head or per money ('包裝物料(塑料)' in 噸╱人, beside the same part in 噸): the
 * part's intensity on that basis, whose numerator is the part's own row (same key, same id stem).
 */
function partIntensity(id: string, key: string, unit: string | undefined, helpers: ZhHelpers): string | undefined {
  const parsed = unit ? parseUnit(unit) : undefined;
  if (!parsed?.ok || !parsed.unit.denominator) return undefined;
  const basis = denominatorNameOf(parsed.unit, undefined);
  if (basis !== 'employees' && basis !== 'revenue') return undefined;
  if (!helpers.fits(id, parsed.unit.numerator.spellings[0])) return undefined;
  return `${partId(id, key)}.intensity${basis === 'employees' ? '.per-employees' : ''}`;
}

/** The KPI the topic of a section caption names ('按年齡及性別劃分流失的員工' -> the turnover count), or undefined. */
export function sectionTopic(section: string | undefined): string | undefined {
  if (!section || section.length > MAX_LABEL) return undefined;
  const key = keyOf(cleaned(section));
  const m = /^按(.{1,12}?)划分(.+)$/.exec(key);
  return m ? byKey(m[2]) : undefined;
}
