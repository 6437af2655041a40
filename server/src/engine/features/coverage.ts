// Coverage of every framework a report claims (issue 11): each item of a framework with its status for
// this report and year, where it is disclosed, and why it applies. One pure computation serves the
// coverage view, the status bar, `esgmark index --framework` and hover. Evidence is direct (a tag of
// the framework, a row of its content index, a KPI figure that answers the item) or implied through a
// cross-map (an HKEX tag implies the IFRS S2 paragraph paired with it): implied evidence is always
// marked with the id it came from, never counted as the framework's own.
import type { Analysis } from '../analysis';
import type { EsgDocument, Section } from '../model';
import type { Locale, Range } from '../types';
import type { ReportingContext } from '../context';
import { obligationIn } from '../context';
import { getFramework } from '../catalogs/hkex';
import {
  getPack,
  HKEX_FRAMEWORK_ID,
  itemsAnsweredBy,
  itemsFor,
  mappedIds,
  versionFor,
  type FrameworkPack,
  type PackItem,
} from '../catalogs/frameworks';
import { countsAsEvidence } from '../disclosures';
import { contextOf, derivedOf, disclosures } from '../derived';
import { asIndexRow, GRI_PACK } from '../recognition/packIndex';
import { localized, t } from '../i18n';

/** How binding a framework, or one of its items, is for this issuer and financial year. */
export type FrameworkSeverity = 'mandatory' | 'comply-or-explain' | 'voluntary' | 'not-in-force' | 'reference';

/** An item's status: `implied` rests only on a cross-map from another framework's evidence. */
export type FrameworkItemStatus = 'disclosed' | 'implied' | 'explained' | 'missing' | 'not-in-force' | 'reference';

/** Another framework's id that a cross-map (or HKFRS S2's alignment with IFRS S2) pairs with the item. */
export interface ImpliedBy {
  framework: string;
  id: string;
}

export interface FrameworkPlace {
  /** The section title, or the KPI row's label. */
  label: string;
  /** The section's anchor, for index links. */
  anchor?: string;
  source: 'tag' | 'index' | 'kpi';
  /** Set when the place discloses another framework's id that a cross-map pairs with this item. */
  implied?: ImpliedBy;
  uri: string;
  range: Range;
}

export interface FrameworkItemCoverage {
  id: string;
  title: string;
  /** The pack's group (GRI standard, IFRS S2 pillar, A-share pillar); the HKEX aspect for the Code. */
  group?: string;
  status: FrameworkItemStatus;
  severity: FrameworkSeverity;
  /** The status and severity in the report's language; an implied status names the id it came from. */
  statusLabel: string;
  severityLabel: string;
  places: FrameworkPlace[];
  explanation?: { text: string; implied?: ImpliedBy; uri: string; range: Range };
  /** For an item no longer in force: the ids that replace it (GRI 305-1 -> 102-5 from 2027). */
  successors?: string[];
}

export interface FrameworkCoverage {
  id: string;
  title: string;
  kind: 'standard' | 'reference-tags' | 'code';
  /** Claimed in `esg.frameworks` (the HKEX Code always applies). */
  claimed: boolean;
  /** The version in force for the financial year (its title), if any. */
  version?: string;
  severity: FrameworkSeverity;
  /** Why that severity: the profile and the date that decided it. */
  reason: string;
  /** The groups items belong to, with their titles, in pack order. */
  groups: { id: string; title: string }[];
  items: FrameworkItemCoverage[];
  counts: Record<FrameworkItemStatus, number>;
  /** 'GRI 12/114 (3 implied)'. */
  summary: string;
}

/** The heading class of each framework's content index (`## GRI content index {.gri-index}`). */
export const INDEX_CLASSES: Readonly<Record<string, string>> = {
  [HKEX_FRAMEWORK_ID]: 'hkex-index',
  'gri-2021': 'gri-index',
  'ifrs-s2': 'issb-index',
  'hkfrs-s2': 'hkfrs-index',
  'sasb-tc-si': 'sasb-index',
  'ashare-2024': 'ashare-index',
  'un-sdg': 'sdg-index',
  'nasdaq-esg': 'nasdaq-index',
};

/** Short names for summaries and implied-by notes. */
export const SHORT_NAMES: Readonly<Record<string, string>> = {
  [HKEX_FRAMEWORK_ID]: 'HKEX',
  'gri-2021': 'GRI',
  'ifrs-s2': 'IFRS S2',
  'hkfrs-s2': 'HKFRS S2',
  'sasb-tc-si': 'SASB',
  'ashare-2024': 'A-share',
  'un-sdg': 'SDG',
  'nasdaq-esg': 'Nasdaq',
};

/** The first day from which the A-share guidelines bind A+H issuers: financial year 2025 (first reports by 30 April 2026). */
const ASHARE_MANDATORY_FROM = '2025-01-01';
const MAINLAND_LISTINGS = ['sse', 'szse', 'bse'];
/** The packs a cross-map or alignment may imply an item from (besides HKEX). */
const MAPPED_PACKS = ['ifrs-s2', 'hkfrs-s2', 'gri-2021'];

/** How binding a pack is for this report, and why (a message in the report's language). */
export function packSeverity(
  pack: FrameworkPack,
  doc: EsgDocument,
  rc: ReportingContext,
  locale: Locale,
): { severity: FrameworkSeverity; reason: string } {
  const fy = rc.fyStart;
  if (pack.kind === 'reference-tags') return { severity: 'reference', reason: t(locale, 'fw.reason.reference') };
  const version = versionFor(pack.id, fy);
  if (!version) {
    const first = pack.versions[0]?.effectiveFrom ?? '';
    return { severity: 'not-in-force', reason: t(locale, 'fw.reason.notYet', { fyStart: fy, date: first }) };
  }
  if (pack.id === 'ashare-2024') {
    const mainland = doc.config.listings.filter((l) => MAINLAND_LISTINGS.includes(l));
    if (mainland.length && fy >= ASHARE_MANDATORY_FROM)
      return {
        severity: 'mandatory',
        reason: t(locale, 'fw.reason.ashare', { listings: mainland.join(', '), fyStart: fy }),
      };
    return { severity: 'voluntary', reason: t(locale, 'fw.reason.ashareVoluntary', { fyStart: fy }) };
  }
  if (pack.id === 'hkfrs-s2')
    return {
      severity: 'voluntary',
      reason: t(locale, 'fw.reason.hkfrs', { fyStart: fy, issuerClass: t(locale, `issuerClass.${rc.issuerClass}`) }),
    };
  return { severity: 'voluntary', reason: t(locale, 'fw.reason.voluntary', { fyStart: fy }) };
}

function sectionPlace(doc: EsgDocument, s: Section, source: FrameworkPlace['source'], implied?: ImpliedBy) {
  const place: FrameworkPlace = {
    label: s.heading.title,
    anchor: s.heading.anchor,
    source,
    uri: doc.uri,
    range: s.heading.range,
  };
  if (implied) place.implied = implied;
  return place;
}

/** Direct evidence of a pack's items: its tags, its content index rows, the KPI figures that answer them. */
interface PackEvidence {
  places: Map<string, FrameworkPlace[]>;
  explanations: Map<string, { text: string; uri: string; range: Range }>;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each pack's evidence, computed once per coverage request (several frameworks read the same packs). */
type EvidenceCache = Map<string, PackEvidence>;

function packEvidence(doc: EsgDocument, packId: string, cache: EvidenceCache): PackEvidence {
  const cached = cache.get(packId);
  if (cached) return cached;
  const evidence = readPackEvidence(doc, packId);
  cache.set(packId, evidence);
  return evidence;
}

function readPackEvidence(doc: EsgDocument, packId: string): PackEvidence {
  const places = new Map<string, FrameworkPlace[]>();
  const explanations = new Map<string, { text: string; uri: string; range: Range }>();
  for (const tag of derivedOf(doc).packTags) {
    if (tag.pack !== packId || !tag.known || tag.section === undefined) continue;
    add(places, tag.id, sectionPlace(doc, doc.sections[tag.section], 'tag'));
  }
  if (packId === GRI_PACK) {
    const index = disclosures(doc);
    for (const table of derivedOf(doc).griIndexTables)
      for (const row of table.rows) {
        const { sections } = index.resolveTarget(asIndexRow(row));
        for (const ref of row.refs) {
          if (!ref.known) continue;
          for (const s of sections) if (s) add(places, ref.id, sectionPlace(doc, s, 'index'));
          if (row.omission && !explanations.has(ref.id))
            explanations.set(ref.id, { text: row.omission, uri: doc.uri, range: row.row.range });
        }
      }
  }
  for (const kt of doc.kpiTables)
    for (const row of kt.rows) {
      if (!countsAsEvidence(row)) continue;
      for (const a of itemsAnsweredBy(row.kpiId)) {
        if (a.packId !== packId) continue;
        const section = doc.tables[row.table]?.section;
        const s = section !== undefined ? doc.sections[section] : undefined;
        add(places, a.itemId, {
          label: row.label,
          anchor: s?.heading.anchor,
          source: 'kpi',
          uri: doc.uri,
          range: row.labelRange,
        });
      }
    }
  return { places, explanations };
}

/** Keeps one place per section (or KPI row) and source, direct places first. */
function uniquePlaces(list: FrameworkPlace[]): FrameworkPlace[] {
  const seen = new Set<string>();
  const sorted = [...list.filter((p) => !p.implied), ...list.filter((p) => p.implied)];
  return sorted.filter((p) => {
    const key = `${p.anchor ?? ''}|${p.range.start.line}|${p.implied ? 'i' : 'd'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** 'implied by a cross-map (HKEX D28(a))', 'not in force this year (102-5)'. */
function labels(
  status: FrameworkItemStatus,
  severity: FrameworkSeverity,
  places: FrameworkPlace[],
  explanation: FrameworkItemCoverage['explanation'],
  successors: string[] | undefined,
  locale: Locale,
): { statusLabel: string; severityLabel: string } {
  let statusLabel = t(locale, `fw.status.${status}`);
  const via = status === 'implied' ? places[0]?.implied : status === 'explained' ? explanation?.implied : undefined;
  if (via) statusLabel += ` (${SHORT_NAMES[via.framework] ?? via.framework} ${via.id})`;
  if (status === 'not-in-force' && successors?.length) statusLabel += ` → ${successors.join(', ')}`;
  return { statusLabel, severityLabel: t(locale, `fw.severity.${severity}`) };
}

function countsOf(items: FrameworkItemCoverage[]): Record<FrameworkItemStatus, number> {
  const counts: Record<FrameworkItemStatus, number> = {
    disclosed: 0,
    implied: 0,
    explained: 0,
    missing: 0,
    'not-in-force': 0,
    reference: 0,
  };
  for (const i of items) counts[i.status]++;
  return counts;
}

function summaryOf(id: string, counts: Record<FrameworkItemStatus, number>, locale: Locale): string {
  const inForce = counts.disclosed + counts.implied + counts.explained + counts.missing + counts.reference;
  return t(locale, 'fw.summary', {
    name: SHORT_NAMES[id] ?? id,
    addressed: counts.disclosed + counts.implied + counts.explained,
    total: inForce,
    implied: counts.implied,
  });
}

/** Leaf items only: a parent (IFRS S2 29(a)) is listed through its children, as the HKEX index lists D28. */
function leaves(items: PackItem[]): PackItem[] {
  const parents = new Set(items.map((i) => i.parent).filter((p): p is string => p !== undefined));
  return items.filter((i) => !parents.has(i.id));
}

/** The coverage of one pack; `inForceOnly` drops items not in force for the year (the content index). */
export function packCoverage(
  analysis: Analysis,
  packId: string,
  inForceOnly = false,
  cache: EvidenceCache = new Map(),
): FrameworkCoverage | undefined {
  const pack = getPack(packId);
  if (!pack) return undefined;
  const doc = analysis.model;
  const locale = analysis.locale;
  const rc = contextOf(doc, analysis.options).reporting;
  const { severity, reason } = packSeverity(pack, doc, rc, locale);
  const version = versionFor(packId, rc.fyStart);
  const inForce = new Set(itemsFor(packId, rc.fyStart).map((i) => i.id));
  const own = packEvidence(doc, packId, cache);
  // Other packs' direct evidence, for what their maps (or alignment) imply here.
  const others = new Map<string, PackEvidence>();
  for (const other of MAPPED_PACKS) if (other !== packId) others.set(other, packEvidence(doc, other, cache));
  const hkexIndex = disclosures(doc);
  const aligned = pack.alignedWith ?? (packId === 'ifrs-s2' ? 'hkfrs-s2' : undefined);
  const items: FrameworkItemCoverage[] = [];
  for (const item of leaves(pack.items)) {
    const active = version !== undefined && inForce.has(item.id);
    if (inForceOnly && !active) continue;
    const ids = item.parent ? [item.id, item.parent] : [item.id];
    const places: FrameworkPlace[] = [];
    let explanation: FrameworkItemCoverage['explanation'];
    for (const id of ids) places.push(...(own.places.get(id) ?? []));
    explanation = own.explanations.get(item.id);
    // Implied: HKEX evidence through the HKEX map, other packs' tags through theirs, HKFRS S2 = IFRS S2.
    for (const id of ids) {
      for (const m of mappedIds(packId, id, HKEX_FRAMEWORK_ID)) {
        const ev = hkexIndex.get(m.id);
        const via = { framework: HKEX_FRAMEWORK_ID, id: m.id };
        for (const s of ev?.sections ?? []) places.push(sectionPlace(doc, s, 'tag', via));
        if (!explanation && ev?.explanations.length)
          explanation = { ...ev.explanations[0], uri: doc.uri, implied: via };
      }
      for (const [other, evidence] of others) {
        const mapped = other === aligned ? [{ id }] : mappedIds(packId, id, other).map((m) => ({ id: m.id }));
        for (const m of mapped)
          for (const p of evidence.places.get(m.id) ?? [])
            if (!p.implied) places.push({ ...p, implied: { framework: other, id: m.id } });
      }
    }
    const unique = uniquePlaces(places);
    const direct = unique.some((p) => !p.implied);
    const status: FrameworkItemStatus = !active
      ? 'not-in-force'
      : direct
        ? 'disclosed'
        : // The report's own omission in this framework's index outweighs what a cross-map suggests.
          explanation && !explanation.implied
          ? 'explained'
          : unique.length
            ? 'implied'
            : explanation
              ? 'explained'
              : severity === 'reference'
                ? 'reference'
                : 'missing';
    const itemSeverity: FrameworkSeverity = active ? severity : 'not-in-force';
    const successors =
      !active && item.successors?.length && version && item.until !== undefined ? item.successors : undefined;
    const entry: FrameworkItemCoverage = {
      id: item.id,
      title: localized(item.title, locale),
      group: item.group,
      status,
      severity: itemSeverity,
      ...labels(status, itemSeverity, unique, explanation, successors, locale),
      places: unique,
    };
    if (explanation) entry.explanation = explanation;
    if (successors) entry.successors = successors;
    items.push(entry);
  }
  const counts = countsOf(items);
  return {
    id: packId,
    title: localized(pack.title, locale),
    kind: pack.kind,
    claimed: doc.config.frameworks.includes(packId),
    version: version ? localized(version.title, locale) : undefined,
    severity,
    reason,
    groups: pack.groups.map((g) => ({ id: g.id, title: localized(g.title, locale) })),
    items,
    counts,
    summary: summaryOf(packId, counts, locale),
  };
}

/** The HKEX Code's requirements in the same shape, with pack tags implying them through the cross-maps. */
export function hkexCoverage(analysis: Analysis, cache: EvidenceCache = new Map()): FrameworkCoverage | undefined {
  const doc = analysis.model;
  const framework = getFramework(doc.config.framework);
  if (!framework) return undefined;
  const locale = analysis.locale;
  const rc = contextOf(doc, analysis.options).reporting;
  const index = disclosures(doc);
  const evidence = new Map<string, PackEvidence>();
  for (const other of MAPPED_PACKS) evidence.set(other, packEvidence(doc, other, cache));
  const items: FrameworkItemCoverage[] = [];
  for (const req of framework.all) {
    if (req.children?.length) continue;
    const obligation = obligationIn(framework, req.id, rc);
    if (obligation === 'deleted') continue;
    const ev = index.get(req.id);
    const places: FrameworkPlace[] = (ev?.sections ?? []).map((s) => sectionPlace(doc, s, 'tag'));
    for (const row of ev?.kpiRows ?? []) {
      const section = doc.tables[row.table]?.section;
      places.push({
        label: row.label,
        anchor: section !== undefined ? doc.sections[section].heading.anchor : undefined,
        source: 'kpi',
        uri: doc.uri,
        range: row.labelRange,
      });
    }
    for (const [other, e] of evidence)
      for (const m of mappedIds(HKEX_FRAMEWORK_ID, req.id, other))
        for (const p of e.places.get(m.id) ?? [])
          if (!p.implied) places.push({ ...p, implied: { framework: other, id: m.id } });
    const unique = uniquePlaces(places);
    const explanation = ev?.explanations[0] ? { ...ev.explanations[0], uri: doc.uri } : undefined;
    const status: FrameworkItemStatus = unique.some((p) => !p.implied)
      ? 'disclosed'
      : unique.length
        ? 'implied'
        : explanation
          ? 'explained'
          : 'missing';
    const entry: FrameworkItemCoverage = {
      id: req.id,
      title: localized(req.title, locale),
      group: req.aspect,
      status,
      severity: obligation,
      ...labels(status, obligation, unique, explanation, undefined, locale),
      places: unique,
    };
    if (explanation) entry.explanation = explanation;
    items.push(entry);
  }
  const counts = countsOf(items);
  return {
    id: HKEX_FRAMEWORK_ID,
    title: t(locale, 'fw.hkexTitle'),
    kind: 'code',
    claimed: true,
    version: rc.codeVersion,
    severity: 'mandatory',
    reason: t(locale, 'fw.reason.hkex', {
      fyStart: rc.fyStart,
      issuerClass: t(locale, `issuerClass.${rc.issuerClass}`),
    }),
    groups: [...new Set(items.map((i) => i.group ?? ''))].map((id) => ({ id, title: id })),
    items,
    counts,
    summary: summaryOf(HKEX_FRAMEWORK_ID, counts, locale),
  };
}

/** One framework's coverage by id (the HKEX Code or a pack); undefined for an unknown id. */
export function frameworkCoverageOf(
  analysis: Analysis,
  id: string,
  inForceOnly = false,
  cache: EvidenceCache = new Map(),
): FrameworkCoverage | undefined {
  try {
    return id === HKEX_FRAMEWORK_ID ? hkexCoverage(analysis, cache) : packCoverage(analysis, id, inForceOnly, cache);
  } catch {
    return undefined; // never throw into a view; the diagnostics still say what is wrong
  }
}

/** The coverage of every framework the report claims other than the HKEX Code (which has its own tree), in claim order. */
export function claimedFrameworks(analysis: Analysis): FrameworkCoverage[] {
  const out: FrameworkCoverage[] = [];
  const cache: EvidenceCache = new Map();
  for (const id of analysis.model.config.frameworks) {
    if (id === HKEX_FRAMEWORK_ID) continue;
    const c = frameworkCoverageOf(analysis, id, false, cache);
    if (c) out.push(c);
  }
  return out;
}
