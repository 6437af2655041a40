// Typed access to the framework packs (data/frameworks/*.json) and their cross-maps. The JSON is
// bundled and validated at build and test time (frameworksCheck.ts), so it is only cast here, and the
// pack schemas (zod) are not built when a report is checked. Every function takes untrusted text and
// must not throw.
import griData from './data/frameworks/gri-2021.json';
import ifrsS2Data from './data/frameworks/ifrs-s2.json';
import hkfrsS2Data from './data/frameworks/hkfrs-s2.json';
import ashareData from './data/frameworks/ashare-2024.json';
import sasbData from './data/frameworks/sasb-tc-si.json';
import sdgData from './data/frameworks/un-sdg.json';
import nasdaqData from './data/frameworks/nasdaq-esg.json';
import crossMapData from './data/frameworks/crossmaps.json';
import griIndexData from './data/frameworks/gri-content-index.json';
import { boundedEditDistance } from '../text/distance';
import { detachedCopy } from '../text/normalize';
import { isCalendarDate } from './dates';
import type {
  CrossMap,
  CrossMaps,
  FrameworkPack,
  GriContentIndexRules,
  PackItem,
  PackVersion,
} from './frameworkPackSchema';

export type { FrameworkPack, PackItem, PackVersion, CrossMap, GriContentIndexRules } from './frameworkPackSchema';

/** The HKEX Code's id; its requirements live in data/hkex-esg-2025.json (hkex.ts), not in a pack. */
export const HKEX_FRAMEWORK_ID = 'hkex-esg-2025';

/** Pack data in a fixed order (the order the coverage view lists them); as shipped, for the checks too. */
export const PACK_DATA: Record<string, unknown> = {
  'hkfrs-s2': hkfrsS2Data,
  'ifrs-s2': ifrsS2Data,
  'gri-2021': griData,
  'ashare-2024': ashareData,
  'sasb-tc-si': sasbData,
  'un-sdg': sdgData,
  'nasdaq-esg': nasdaqData,
};

/** Ids of every pack, plus the HKEX Code: the values `frameworks:` in front matter may name. */
export const FRAMEWORK_IDS: readonly string[] = [HKEX_FRAMEWORK_ID, ...Object.keys(PACK_DATA)];

const MAX_INPUT = 200;

/**
 * The forms item ids take, by pack `idShape`: literals (no `new RegExp` in the engine), anchored and
 * linear, so the regex census covers them. `sasb` fits every SASB industry code (`FN-CB-410a.1`).
 */
export const ID_SHAPES: Record<FrameworkPack['idShape'], RegExp> = {
  gri: /^(?:2-(?:[1-9]|[12][0-9]|30)|3-[1-3]|[1-4][0-9]{2}-[1-9][0-9]?)$/,
  paragraph:
    /^(?:[0-9]{1,2}[A-C]?(?:\([a-z]\)(?:\((?:i|ii|iii|iv|v|vi|vii)\)(?:\([1-9]\))?)?)?|B[0-9]{1,2}|C[0-9](?:\([a-z]\))?)$/,
  sasb: /^[A-Z]{2}-[A-Z]{2}-(?:[0-9]{3}[a-z]\.[1-9]|000\.[A-Z])$/,
  slug: /^[a-z]+(?:-[a-z]+)*$/,
  sdg: /^(?:[1-9]|1[0-7])$/,
  nasdaq: /^[ESG](?:[1-9]|10)$/,
};

interface PackIndex {
  pack: FrameworkPack;
  byId: Map<string, PackItem>;
  versionIndex: Map<string, number>;
  /** Titles folded (`fold`) to ids, for packs whose items are cited by name (A-share topics). */
  byTitle: Map<string, string>;
  /** `normalizeItemId`'s answers by the text as written (null: no item), bounded by `NORMALIZED_MAX`. */
  normalized: Map<string, string | null>;
}

/** Most answers `normalizeItemId` remembers per pack (a report cites a few hundred distinct ids). */
const NORMALIZED_MAX = 4096;

let packs: Map<string, PackIndex> | undefined;

function index(): Map<string, PackIndex> {
  if (packs) return packs;
  packs = new Map();
  for (const [id, data] of Object.entries(PACK_DATA)) {
    const pack = data as FrameworkPack;
    const byId = new Map(pack.items.map((i) => [i.id, i]));
    const versionIndex = new Map(pack.versions.map((v, n) => [v.id, n]));
    const byTitle = new Map<string, string>();
    for (const i of pack.items) for (const t of Object.values(i.title)) byTitle.set(fold(t), i.id);
    packs.set(id, { pack, byId, versionIndex, byTitle, normalized: new Map() });
  }
  return packs;
}

/** NFKC (full-width to ASCII), lower case, no spaces: the comparison form of ids and cell texts. */
export function fold(raw: string, max: number = MAX_INPUT): string {
  return String(raw).slice(0, max).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Longest statement of use searched for a claim. */
const MAX_STATEMENT = 4000;

export function getPack(id: string): FrameworkPack | undefined {
  return index().get(id)?.pack;
}

export function allPacks(): FrameworkPack[] {
  return [...index().values()].map((p) => p.pack);
}

export function getItem(packId: string, itemId: string): PackItem | undefined {
  return index().get(packId)?.byId.get(itemId);
}

/**
 * The version in force for a financial year commencing on `financialYearStart` (`YYYY-MM-DD`): the latest
 * whose `effectiveFrom` is on or before it. Undefined before the first version (not yet in force) or
 * for a malformed date or unknown pack.
 */
export function versionFor(packId: string, financialYearStart: string): PackVersion | undefined {
  const p = index().get(packId);
  if (!p || !isCalendarDate(financialYearStart)) return undefined;
  let found: PackVersion | undefined;
  for (const v of p.pack.versions) if (v.effectiveFrom <= financialYearStart) found = v;
  return found;
}

/** Whether an item is in the version with position `at` (from <= at < until). */
function inForce(p: PackIndex, item: { from?: string; until?: string }, at: number): boolean {
  const from = item.from === undefined ? 0 : (p.versionIndex.get(item.from) ?? Infinity);
  const until = item.until === undefined ? Infinity : (p.versionIndex.get(item.until) ?? Infinity);
  return from <= at && at < until;
}

/**
 * The items of a pack in force for a financial year commencing on `financialYearStart`, in pack order:
 * GRI 305-1 for a year starting 2026-01-01, 102-5 for one starting 2027-01-01. Empty when the pack is
 * not yet in force, unknown, or the date is malformed.
 */
export function itemsFor(packId: string, financialYearStart: string): readonly PackItem[] {
  return inForceOf(packId, financialYearStart)?.items ?? [];
}

/** The ids of `itemsFor` (the rules ask whether an id is in force once per id). */
export function itemIdsFor(packId: string, financialYearStart: string): ReadonlySet<string> {
  return inForceOf(packId, financialYearStart)?.ids ?? NO_IDS;
}

const NO_IDS: ReadonlySet<string> = new Set();

/** The items in force of each pack's versions, by pack and version: a version's list is the same for every year it covers. */
const inForceByVersion = new Map<string, { items: readonly PackItem[]; ids: ReadonlySet<string> }>();

function inForceOf(
  packId: string,
  financialYearStart: string,
): { items: readonly PackItem[]; ids: ReadonlySet<string> } | undefined {
  const p = index().get(packId);
  const v = versionFor(packId, financialYearStart);
  if (!p || !v) return undefined;
  const key = `${packId}\n${v.id}`;
  let found = inForceByVersion.get(key);
  if (!found) {
    const at = p.versionIndex.get(v.id)!;
    const items = p.pack.items.filter((i) => inForce(p, i, at));
    found = { items, ids: new Set(items.map((i) => i.id)) };
    inForceByVersion.set(key, found);
  }
  return found;
}

/**
 * The pack's id for an id as a report writes it, or undefined when it names no item:
 * GRI 'GRI 305-1', 'Disclosure 2-1', '３０５－１'; IFRS/HKFRS S2 'S2.29(a)', 'IFRS S2 29(a)(i)', '29a',
 * '第 29(a) 段'; SASB 'tc-si-130A.1'; SDGs 'SDG 6', 'Goal 6', '目標 6'; Nasdaq 'e1'; A-share the id
 * or the topic's name ('应对气候变化', '應對氣候變化').
 */
export function normalizeItemId(packId: string, raw: string): string | undefined {
  const p = index().get(packId);
  if (!p || typeof raw !== 'string') return undefined;
  // Every copy of an index row or tag cites the same ids: each text is normalised once.
  const known = p.normalized.get(raw);
  if (known !== undefined) return known ?? undefined;
  const id = readItemId(p, packId, raw);
  if (p.normalized.size >= NORMALIZED_MAX) p.normalized.clear();
  // Slices of a report would keep its text alive: the memo holds copies.
  if (raw.length <= MAX_INPUT) p.normalized.set(detachedCopy(raw), id === undefined ? null : detachedCopy(id));
  return id;
}

function readItemId(p: PackIndex, packId: string, raw: string): string | undefined {
  const s = raw
    .slice(0, MAX_INPUT)
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[‐-―−]/g, '-');
  if (p.byId.has(s)) return s;
  let id: string;
  switch (packId) {
    case 'gri-2021':
      id = s
        .replace(/^GRI\s*/i, '')
        .replace(/^(Disclosure|披露項?|披露项?)\s*/i, '')
        .replace(/ ?- ?/g, '-');
      break;
    case 'ifrs-s2':
    case 'hkfrs-s2':
      id = s
        .replace(/^(IFRS|HKFRS|ISSB)?\s*S2\s*[.:]?\s*/i, '')
        .replace(/^(para(graph)?\.?|第)\s*/i, '')
        .replace(/段$/, '')
        .replace(/\s+/g, '')
        .replace(/^(\d+)([a-h])(?=$|\()/, '$1($2)')
        .replace(/\(([A-Za-z]+)\)/g, (_, x: string) => `(${x.toLowerCase()})`);
      break;
    case 'sasb-tc-si':
      id = s
        .replace(/^SASB\s*/i, '')
        .toUpperCase()
        .replace(/\s+/g, '')
        .replace(/^(TC-SI-\d{3})A\./, '$1a.');
      break;
    case 'un-sdg':
      id = s.replace(/^(UN\s*)?(SDGs?|Goal|目標|目标|可持續發展目標|可持续发展目标)\s*0*/i, '');
      break;
    case 'nasdaq-esg':
      id = s.toUpperCase().replace(/\s+/g, '');
      break;
    default:
      id = s.toLowerCase();
  }
  if (p.byId.has(id)) return id;
  return p.pack.id === 'ashare-2024' ? p.byTitle.get(fold(s)) : undefined;
}

/**
 * Whether `id` is `other`, or one is a parent (at any depth) of the other in the pack: an index row for
 * 29(a) covers 29(a)(i)(1), a tag 29(a)(v) is part of 29. False for unknown ids.
 */
export function itemsOverlap(packId: string, id: string, other: string): boolean {
  if (id === other) return true;
  const within = (a: string, b: string): boolean => {
    let item = getItem(packId, a);
    for (let depth = 0; item?.parent !== undefined && depth < 8; depth++) {
      if (item.parent === b) return true;
      item = getItem(packId, item.parent);
    }
    return false;
  };
  return within(id, other) || within(other, id);
}

/** Longest id compared for a 'did you mean'. */
const MAX_NEAR_ID = 24;

/**
 * The id among `candidates` nearest to `raw` as written (spaces removed, case folded), within two edits,
 * if exactly one is nearest: 'TC-SI-231a.2' -> 'TC-SI-230a.2'; 'TC-SI-230a.3' -> none (230a.1 and 230a.2
 * are both one edit away).
 */
export function nearestItemId(raw: string, candidates: readonly string[]): string | undefined {
  const key = String(raw).slice(0, MAX_NEAR_ID).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!key) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  let tie = false;
  for (const c of candidates) {
    const other = c.toLowerCase();
    if (Math.abs(other.length - key.length) >= bestDistance) continue;
    const d = boundedEditDistance(key, other, 2);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
      tie = false;
    } else if (d === bestDistance && best !== c) tie = true;
  }
  return best !== undefined && !tie ? best : undefined;
}

// ---- KPIs serving several frameworks ----

let byKpi: Map<string, { packId: string; itemId: string }[]> | undefined;

/** Every pack item a KPI's figure answers (ghg.scope1 -> GRI 305-1 and 102-5, IFRS S2 29(a)(i)(1) ...). */
export function itemsAnsweredBy(kpiId: string): { packId: string; itemId: string }[] {
  if (!byKpi) {
    byKpi = new Map();
    for (const { pack } of index().values())
      for (const i of pack.items)
        for (const k of i.kpis ?? []) {
          const list = byKpi.get(k) ?? [];
          list.push({ packId: pack.id, itemId: i.id });
          byKpi.set(k, list);
        }
  }
  return byKpi.get(kpiId) ?? [];
}

// ---- Cross-maps ----

const crossMaps = (crossMapData as CrossMaps).maps;

export function allCrossMaps(): CrossMap[] {
  return crossMaps;
}

/**
 * Ids in `toFramework` that a cross-map pairs with `id` of `fromFramework`, read both ways (HKEX D28(a)
 * -> IFRS S2 29(a)(i)(1), and back), each with the map it came from so hover can cite its basis.
 */
export function mappedIds(
  fromFramework: string,
  id: string,
  toFramework: string,
): readonly { id: string; map: CrossMap }[] {
  return mappedIndex(fromFramework, toFramework).get(id) ?? NOTHING_MAPPED;
}

const NOTHING_MAPPED: readonly { id: string; map: CrossMap }[] = [];

/** Every id's pairs from one framework to another, in map and pair order; built once per direction from the maps. */
const mappedByDirection = new Map<string, Map<string, Map<string, { id: string; map: CrossMap }[]>>>();

function mappedIndex(fromFramework: string, toFramework: string): Map<string, { id: string; map: CrossMap }[]> {
  const known = mappedByDirection.get(fromFramework)?.get(toFramework);
  if (known) return known;
  const index = new Map<string, { id: string; map: CrossMap }[]>();
  const add = (id: string, entry: { id: string; map: CrossMap }) => {
    const list = index.get(id);
    if (list) list.push(entry);
    else index.set(id, [entry]);
  };
  for (const map of crossMaps) {
    if (map.from === fromFramework && map.to === toFramework) {
      for (const pair of map.pairs) for (const to of pair.to) add(pair.from, { id: to, map });
    } else if (map.to === fromFramework && map.from === toFramework) {
      // An id listed twice in one pair's `to` is paired once with it, as `includes` found it.
      for (const pair of map.pairs) for (const to of new Set(pair.to)) add(to, { id: pair.from, map });
    }
  }
  // Only directions between frameworks the catalog knows are kept (a bounded number).
  if (FRAMEWORK_IDS.includes(fromFramework) && FRAMEWORK_IDS.includes(toFramework)) {
    let byTo = mappedByDirection.get(fromFramework);
    if (!byTo) mappedByDirection.set(fromFramework, (byTo = new Map()));
    byTo.set(toFramework, index);
  }
  return index;
}

// ---- GRI content index rules ----

const griIndex = griIndexData as GriContentIndexRules;

export function griContentIndexRules(): GriContentIndexRules {
  return griIndex;
}

type OmissionReasonId = GriContentIndexRules['omissionReasons'][number]['id'];

/**
 * The GRI reason for omission an index cell gives ('Not applicable', '不適用：…', 'Confidentiality
 * constraints'), or undefined when it gives none of GRI's four. A synonym must be the whole cell or be
 * followed by punctuation or a space: '不適用於本集團' is not a reason (it is a sentence).
 */
export function matchOmissionReason(cell: string): OmissionReasonId | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = cell.slice(0, MAX_INPUT).normalize('NFKC').trim().toLowerCase();
  let best: { id: OmissionReasonId; length: number } | undefined;
  for (const r of griIndex.omissionReasons)
    for (const syn of r.synonyms) {
      const s = syn.normalize('NFKC').toLowerCase();
      if (!text.startsWith(s)) continue;
      const next = text.slice(s.length, s.length + 1);
      if (next && /[\p{L}\p{N}]/u.test(next)) continue;
      if (!best || s.length > best.length) best = { id: r.id, length: s.length };
    }
  return best?.id;
}

/**
 * The GRI claim a statement of use makes: 'in-accordance' or 'with-reference'; undefined when it names
 * neither, or both (a contradiction the author must resolve).
 */
export function matchGriClaim(statement: string): 'in-accordance' | 'with-reference' | undefined {
  if (typeof statement !== 'string') return undefined;
  const text = fold(statement, MAX_STATEMENT);
  const found = griIndex.claims.filter((c) => c.synonyms.some((s) => text.includes(fold(s))));
  return found.length === 1 ? found[0].id : undefined;
}
