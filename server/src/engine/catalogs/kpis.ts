// KPI catalog lookups and the matcher from KPI table row labels to catalog KPIs. All maps are
// built once at module load from normalised names and synonyms (normalizeLabel), so a lookup is a
// few hash probes per row.
import kpiData from './data/kpis.json';
import type { KpiCatalog, KpiDefinition } from './schema';
import { normalizeLabel } from '../text/normalize';
import { parseUnit } from './units';

const catalog = kpiData as KpiCatalog;

const kpisById = new Map<string, KpiDefinition>();
for (const k of catalog.kpis) kpisById.set(k.id, k);

/** The distinct normalised keys of a KPI's names and synonyms, in that order. */
function computeKeysOf(k: KpiDefinition): string[] {
  const keys = new Set<string>();
  for (const s of [k.names.en, k.names['zh-Hant'], k.names['zh-Hans'], ...k.synonyms]) {
    const key = normalizeLabel(s);
    if (key) keys.add(key);
  }
  return [...keys];
}

/** Every KPI's keys, in catalog order: what the build computes once and puts in the bundles. */
export function computeKpiNameKeys(): string[][] {
  return catalog.kpis.map(computeKeysOf);
}

/**
 * The keys as the build computed them (scripts/build.mjs defines ESGMARK_KPI_NAME_KEYS in the
 * bundles): normalising the 3,271 names and synonyms cost every CLI run about 10 ms at start. Absent
 * when the sources run directly (the tests), or if it does not fit the catalog: then computed here.
 */
declare const ESGMARK_KPI_NAME_KEYS: string[][] | undefined;
const builtKeys = typeof ESGMARK_KPI_NAME_KEYS === 'undefined' ? undefined : ESGMARK_KPI_NAME_KEYS;
const keysById = new Map<string, string[]>();
catalog.kpis.forEach((k, i) =>
  keysById.set(k.id, builtKeys?.length === catalog.kpis.length ? builtKeys[i] : computeKeysOf(k)),
);

function keysOf(k: KpiDefinition): string[] {
  return keysById.get(k.id) ?? computeKeysOf(k);
}

/**
 * Adds `key -> kpi` unless another KPI already claims the key; a key claimed twice is ambiguous
 * ('男性' names a member of several breakdowns) and is removed, so it only matches through a group.
 */
function addUnique(map: Map<string, KpiDefinition | null>, key: string, kpi: KpiDefinition): void {
  const prev = map.get(key);
  if (prev === undefined) map.set(key, kpi);
  else if (prev !== kpi) map.set(key, null);
}

const byName = new Map<string, KpiDefinition | null>();
/** `${parent}|${breakdown}` -> member key -> member. */
const membersOf = new Map<string, Map<string, KpiDefinition | null>>();
/** `${parent}|${breakdown}` -> characters allowed around a member word ('員工流失比率' around '男性'). */
const topicChars = new Map<string, Set<string>>();
for (const k of catalog.kpis) {
  const keys = keysOf(k);
  for (const key of keys) addUnique(byName, key, k);
  if (k.parent && k.breakdown) {
    const slot = `${k.parent}|${k.breakdown}`;
    let members = membersOf.get(slot);
    if (!members) membersOf.set(slot, (members = new Map()));
    for (const key of keys) addUnique(members, key, k);
  }
}
for (const slot of membersOf.keys()) {
  const parent = kpisById.get(slot.slice(0, slot.indexOf('|')));
  const chars = new Set<string>();
  if (parent) for (const key of keysOf(parent)) for (const ch of key) chars.add(ch);
  topicChars.set(slot, chars);
}

export interface GroupTarget {
  parent: string;
  breakdown: string;
}
const groupsByKey = new Map<string, GroupTarget | null>();
for (const g of catalog.groups) {
  for (const s of g.synonyms) {
    const key = normalizeLabel(s);
    if (!key) continue;
    const prev = groupsByKey.get(key);
    if (prev === undefined) groupsByKey.set(key, { parent: g.parent, breakdown: g.breakdown });
    else if (prev && (prev.parent !== g.parent || prev.breakdown !== g.breakdown)) groupsByKey.set(key, null);
  }
}

/** Words naming a breakdown in group labels ('按性別劃分的…', '… by gender'), normalised at load. */
const BREAKDOWN_WORDS: Record<string, string[]> = {
  gender: ['性別', 'gender', 'sex'],
  age: ['年齡組別', '年齡', '年齡段', '年齡組', 'agegroup', 'age'],
  region: [
    '地區',
    '地域',
    '區域',
    '地理區域',
    '地理位置',
    '地理',
    'region',
    'geographicalregion',
    'geography',
    'location',
  ],
  rank: [
    '職級',
    '級別',
    '管理層級',
    '僱員類別',
    '員工類別',
    '職位',
    '職位級別',
    '層級',
    'employeecategory',
    'category',
    'rank',
    'level',
    'grade',
  ],
  'employment-type': [
    '僱傭類型',
    '僱用類型',
    '僱傭類別',
    '用工類型',
    '聘用類型',
    '僱傭形式',
    '用工形式',
    'employmenttype',
    'contracttype',
  ],
  education: ['學歷', '教育程度', '教育背景', '學歷層次', 'education', 'educationlevel', 'educationalbackground'],
};
const breakdownByWord = new Map<string, string>();
for (const [breakdown, words] of Object.entries(BREAKDOWN_WORDS))
  for (const w of words) breakdownByWord.set(normalizeLabel(w), breakdown);

// Group label patterns after normalisation: '按性別劃分的員工人數' -> 按性别划分员工人数 ('的' is folded away).
const ZH_GROUP = /^按(.{1,8}?)划分(.*)$/;
const EN_GROUP = /^(.+)by(.+)$/;
/** Limit for the affix search and the group patterns: longer text is not a table label. */
const MAX_LABEL_KEY = 80;

function uniqueName(key: string): KpiDefinition | undefined {
  return byName.get(key) ?? undefined;
}

/** The parent and breakdown a group label names, from the catalog groups or the '按X劃分Y' / 'Y by X' pattern. */
function resolveGroup(groupKey: string): GroupTarget | undefined {
  const listed = groupsByKey.get(groupKey);
  if (listed !== undefined) return listed ?? undefined;
  if (groupKey.length > MAX_LABEL_KEY) return undefined;
  let topic: string | undefined;
  let breakdownWord: string | undefined;
  const zh = ZH_GROUP.exec(groupKey);
  if (zh) [breakdownWord, topic] = [zh[1], zh[2]];
  else {
    const en = EN_GROUP.exec(groupKey);
    if (en) [topic, breakdownWord] = [en[1], en[2]];
  }
  if (!topic || !breakdownWord) return undefined;
  const breakdown = breakdownByWord.get(breakdownWord);
  const parent = uniqueName(topic);
  if (!breakdown || !parent) return undefined;
  const target = { parent: parent.id, breakdown };
  return membersOf.has(`${target.parent}|${target.breakdown}`) ? target : undefined;
}

/**
 * A member of the group's breakdown named by the label: the whole label, or a member word at its
 * start or end with the rest made only of the group's and the parent's words ('華北地區流失比率'
 * under '按地區劃分的員工流失比率'). Longest member word first, so 'female' wins over 'male'.
 */
function matchMember(labelKey: string, groupKey: string, target: GroupTarget): KpiDefinition | undefined {
  const slot = `${target.parent}|${target.breakdown}`;
  const members = membersOf.get(slot);
  if (!members) return undefined;
  const whole = members.get(labelKey);
  if (whole) return whole;
  if (labelKey.length > MAX_LABEL_KEY) return undefined;
  const allowed = topicChars.get(slot)!;
  const isTopic = (s: string) => {
    for (const ch of s) if (!allowed.has(ch) && !groupKey.includes(ch)) return false;
    return true;
  };
  for (let i = labelKey.length - 1; i > 0; i--) {
    const head = members.get(labelKey.slice(0, i));
    if (head && isTopic(labelKey.slice(i))) return head;
    const tail = members.get(labelKey.slice(labelKey.length - i));
    if (tail && isTopic(labelKey.slice(0, labelKey.length - i))) return tail;
  }
  return undefined;
}

const LEADING_YEAR = /^(?:19|20)\d{2}年?度?/;
const LEADING_OF_WHICH = /^(?:其中|包括|ofwhich|including)/;
const TRAILING_BRACKET = /[(（]([^()（）]*)[)）]\s*$/;

/**
 * Label variants tried after the label as written: without a leading year ('2025 年因工傷損失工作
 * 日數'), without '其中：' ('of which'), and without a trailing bracket that holds a unit ('Total
 * energy consumption (MWh)').
 */
function labelVariants(label: string, key: string): string[] {
  const variants: string[] = [];
  if (key.length > MAX_LABEL_KEY) return variants;
  const bracket = TRAILING_BRACKET.exec(label);
  if (bracket && parseUnit(bracket[1]).ok) variants.push(normalizeLabel(label.slice(0, bracket.index)));
  const noYear = key.replace(LEADING_YEAR, '');
  if (noYear !== key) variants.push(noYear);
  const noOfWhich = key.replace(LEADING_OF_WHICH, '');
  if (noOfWhich !== key) variants.push(noOfWhich);
  return variants.filter((v) => v.length > 0);
}

/**
 * Match a KPI table row label (and its breakdown group label, for two-column rows) to a catalog KPI.
 * Order: exact synonym/name of the label; then the group names a parent+breakdown and the label
 * names a member of that breakdown; then label variants alone, then `${group}${label}`.
 * When both the name and the group match, and the name found a member of another breakdown
 * ('男性員工' is a synonym of employees.gender.male, but under '按性別劃分的員工流失比率' it is a
 * turnover member), the group wins. Returns undefined when nothing matches; never throws.
 */
export function matchKpi(label: string, group?: string): { kpi: KpiDefinition; via: 'name' | 'group' } | undefined {
  if (typeof label !== 'string') return undefined;
  const labelKey = normalizeLabel(label);
  const groupKey = typeof group === 'string' ? normalizeLabel(group) : '';
  if (!labelKey) return undefined;
  const byLabel = uniqueName(labelKey);
  const target = groupKey ? resolveGroup(groupKey) : undefined;
  const member = target ? matchMember(labelKey, groupKey, target) : undefined;
  if (byLabel && member && byLabel !== member && byLabel.parent && byLabel.parent !== target!.parent) {
    return { kpi: member, via: 'group' };
  }
  if (byLabel) return { kpi: byLabel, via: 'name' };
  if (member) return { kpi: member, via: 'group' };
  for (const variant of labelVariants(label, labelKey)) {
    const viaVariant = uniqueName(variant) ?? (target ? matchMember(variant, groupKey, target) : undefined);
    if (viaVariant) return { kpi: viaVariant, via: uniqueName(variant) ? 'name' : 'group' };
  }
  if (groupKey) {
    const combined = uniqueName(groupKey + labelKey);
    if (combined) return { kpi: combined, via: 'group' };
  }
  return undefined;
}

/** The parent and breakdown a group label names ('By region', '按地區劃分的員工人數'), or undefined. */
export function resolveGroupLabel(group: string): GroupTarget | undefined {
  if (typeof group !== 'string') return undefined;
  const key = normalizeLabel(group);
  return key ? resolveGroup(key) : undefined;
}

/** The one KPI a normalised key names (undefined when none or several do). */
export function uniqueKpiByKey(key: string): KpiDefinition | undefined {
  return typeof key === 'string' ? uniqueName(key) : undefined;
}

/**
 * A bare breakdown group ('By gender', '按性別劃分') names a breakdown but no parent: the members the
 * label names under every parent with that breakdown (the caller decides among them, by the unit).
 */
export function bareBreakdownMembers(label: string, group: string): KpiDefinition[] {
  if (typeof label !== 'string' || typeof group !== 'string') return [];
  const groupKey = normalizeLabel(group);
  const m = /^by(.+)$/.exec(groupKey) ?? /^按(.{1,8}?)划分$/.exec(groupKey);
  const breakdown = m ? breakdownByWord.get(m[1]) : undefined;
  if (!breakdown) return [];
  const labelKey = normalizeLabel(label);
  if (!labelKey) return [];
  const found = new Set<KpiDefinition>();
  for (const [slot, members] of membersOf) {
    if (!slot.endsWith(`|${breakdown}`)) continue;
    const member = members.get(labelKey);
    if (member) found.add(member);
  }
  return [...found];
}

/** The breakdown a bare group label names ('By region' -> region), or undefined. */
export function bareBreakdownOf(group: string): string | undefined {
  if (typeof group !== 'string') return undefined;
  const groupKey = normalizeLabel(group);
  const m = /^by(.+)$/.exec(groupKey) ?? /^按(.{1,8}?)划分$/.exec(groupKey);
  return m ? breakdownByWord.get(m[1]) : undefined;
}

/** Parents with members in a breakdown. */
export function parentsWithBreakdown(breakdown: string): string[] {
  const out: string[] = [];
  for (const slot of membersOf.keys()) if (slot.endsWith(`|${breakdown}`)) out.push(slot.slice(0, slot.indexOf('|')));
  return out;
}

/** The member of `parent`'s breakdown a label names as a whole, or undefined. */
export function memberByLabel(parent: string, breakdown: string, label: string): KpiDefinition | undefined {
  const key = typeof label === 'string' ? normalizeLabel(label) : '';
  return key ? (membersOf.get(`${parent}|${breakdown}`)?.get(key) ?? undefined) : undefined;
}

export function getKpi(id: string): KpiDefinition | undefined {
  return typeof id === 'string' ? kpisById.get(id) : undefined;
}

export function allKpis(): KpiDefinition[] {
  return catalog.kpis.slice();
}

/** KPI ids starting with a prefix, for completion (catalog order). */
export function kpisWithPrefix(prefix: string): KpiDefinition[] {
  if (typeof prefix !== 'string') return [];
  return catalog.kpis.filter((k) => k.id.startsWith(prefix));
}

/** Normalised keys that name more than one KPI (matched only through groups); for the catalog docs and tests. */
export function ambiguousNames(): string[] {
  return [...byName].filter(([, k]) => k === null).map(([key]) => key);
}
