// The checks the build and the tests run on the framework packs: schema, ids, versions, KPI links,
// cross-maps and content-index rules. Apart from frameworks.ts, so that checking a report never
// builds the pack schemas (zod): the shipped data is validated here, at build and test time.
import crossMapData from './data/frameworks/crossmaps.json';
import griIndexData from './data/frameworks/gri-content-index.json';
import kpiData from './data/kpis.json';
import hkexData from './data/hkex-esg-2025.json';
import { HKEX_FRAMEWORK_ID, ID_SHAPES, PACK_DATA, fold } from './frameworks';
import {
  MAX_TITLE,
  crossMapSchema,
  frameworkPackSchema,
  griContentIndexSchema,
  type FrameworkPack,
} from './frameworkPackSchema';

function titleTooLong(title: { en: string; 'zh-Hant': string; 'zh-Hans': string }): string | undefined {
  if (title.en.length > MAX_TITLE.en) return `en title longer than ${MAX_TITLE.en}`;
  for (const k of ['zh-Hant', 'zh-Hans'] as const)
    if ([...title[k]].length > MAX_TITLE.zh) return `${k} title longer than ${MAX_TITLE.zh}`;
  if (/[\n\r]/.test(title.en + title['zh-Hant'] + title['zh-Hans'])) return 'title spans lines';
  return undefined;
}

/** The data the checks read; the tests pass altered copies to show each check fires. */
export interface FrameworkCatalogData {
  packs: Record<string, unknown>;
  crossMaps: unknown;
  griContentIndex: unknown;
}

export function frameworkCatalogData(): FrameworkCatalogData {
  return { packs: PACK_DATA, crossMaps: crossMapData, griContentIndex: griIndexData };
}

/** Schema, ids, versions, KPI links, cross-maps and content-index rules of the packs; [] when all hold. */
export function checkFrameworkPacks(data: FrameworkCatalogData = frameworkCatalogData()): string[] {
  const problems: string[] = [];
  const kpiIds = new Set((kpiData as { kpis: { id: string }[] }).kpis.map((k) => k.id));
  const parsed = new Map<string, FrameworkPack>();
  for (const [key, pack] of Object.entries(data.packs)) {
    const r = frameworkPackSchema.safeParse(pack);
    if (!r.success) {
      for (const i of r.error.issues) problems.push(`framework ${key}: ${i.path.map(String).join('.')}: ${i.message}`);
      continue;
    }
    if (r.data.id !== key) problems.push(`framework ${key}: pack id is ${r.data.id}`);
    parsed.set(key, r.data);
  }
  for (const [key, pack] of parsed) {
    const at = `framework ${key}`;
    if (pack.kind === 'standard' && !pack.links.some((l) => l.consulted))
      problems.push(`${at}: no consulted source among the links`);
    const versionIds = new Map<string, number>();
    pack.versions.forEach((v, n) => {
      if (versionIds.has(v.id)) problems.push(`${at}: version ${v.id} twice`);
      versionIds.set(v.id, n);
      if (n > 0 && pack.versions[n - 1].effectiveFrom >= v.effectiveFrom)
        problems.push(`${at}: version ${v.id} is not after ${pack.versions[n - 1].id}`);
    });
    const pattern = ID_SHAPES[pack.idShape];
    const groups = new Set<string>();
    for (const g of pack.groups) {
      if (groups.has(g.id)) problems.push(`${at}: group ${g.id} twice`);
      groups.add(g.id);
      // Group titles name a whole standard ('GRI 403: Occupational Health and Safety 2018'): a looser bound.
      if (g.title.en.length > 64 || [...g.title['zh-Hant']].length > 32)
        problems.push(`${at}: group ${g.id}: title too long`);
    }
    const itemIds = new Set<string>();
    for (const i of pack.items) {
      if (itemIds.has(i.id)) problems.push(`${at}: item ${i.id} twice`);
      itemIds.add(i.id);
      if (!pattern.test(i.id)) problems.push(`${at}: item id ${i.id} is not of the form ${pack.idShape}`);
    }
    for (const i of pack.items) {
      const it = `${at}: item ${i.id}`;
      const bad = titleTooLong(i.title);
      if (bad) problems.push(`${it}: ${bad} (own short titles only, never a standard's text)`);
      if (i.group !== undefined && !groups.has(i.group)) problems.push(`${it}: unknown group ${i.group}`);
      if (i.parent !== undefined && !itemIds.has(i.parent)) problems.push(`${it}: unknown parent ${i.parent}`);
      for (const v of [i.from, i.until])
        if (v !== undefined && !versionIds.has(v)) problems.push(`${it}: unknown version ${v}`);
      if (i.from !== undefined && i.until !== undefined && versionIds.get(i.from)! >= versionIds.get(i.until)!)
        problems.push(`${it}: until is not after from`);
      for (const s of i.successors ?? []) {
        const succ = pack.items.find((x) => x.id === s);
        if (!succ) problems.push(`${it}: unknown successor ${s}`);
        else if (i.until === undefined) problems.push(`${it}: has successors but no until`);
        else if (succ.from !== i.until && versionIds.get(succ.from ?? pack.versions[0].id)! > versionIds.get(i.until)!)
          problems.push(`${it}: successor ${s} starts after ${i.id} ends`);
      }
      for (const k of i.kpis ?? []) if (!kpiIds.has(k)) problems.push(`${it}: unknown KPI ${k}`);
      if (i.kpis && new Set(i.kpis).size !== i.kpis.length) problems.push(`${it}: a KPI listed twice`);
    }
    if (pack.alignedWith !== undefined) {
      const other = parsed.get(pack.alignedWith);
      if (!other) problems.push(`${at}: aligned with unknown pack ${pack.alignedWith}`);
      else
        for (const i of pack.items) {
          const o = other.items.find((x) => x.id === i.id);
          if (!o) problems.push(`${at}: item ${i.id} is not in ${pack.alignedWith}`);
          else if (o.kind !== i.kind || (o.kpis ?? []).join() !== (i.kpis ?? []).join())
            problems.push(`${at}: item ${i.id} differs in kind or KPIs from ${pack.alignedWith}`);
        }
    }
  }
  problems.push(...checkCrossMaps(data.crossMaps, parsed), ...checkGriIndex(data.griContentIndex, parsed));
  return problems;
}

function idsOf(framework: string, parsed: Map<string, FrameworkPack>): Set<string> | undefined {
  if (framework === HKEX_FRAMEWORK_ID)
    return new Set((hkexData as { requirements: { id: string }[] }).requirements.map((r) => r.id));
  const pack = parsed.get(framework);
  return pack ? new Set(pack.items.map((i) => i.id)) : undefined;
}

function checkCrossMaps(crossMapInput: unknown, parsed: Map<string, FrameworkPack>): string[] {
  const problems: string[] = [];
  const r = crossMapSchema.safeParse(crossMapInput);
  if (!r.success) return r.error.issues.map((i) => `crossmaps: ${i.path.map(String).join('.')}: ${i.message}`);
  const mapIds = new Set<string>();
  for (const map of r.data.maps) {
    const at = `crossmaps ${map.id}`;
    if (mapIds.has(map.id)) problems.push(`${at}: id twice`);
    mapIds.add(map.id);
    const from = idsOf(map.from, parsed);
    const to = idsOf(map.to, parsed);
    if (!from) problems.push(`${at}: unknown framework ${map.from}`);
    if (!to) problems.push(`${at}: unknown framework ${map.to}`);
    const seen = new Set<string>();
    for (const pair of map.pairs) {
      if (seen.has(pair.from)) problems.push(`${at}: ${pair.from} paired twice`);
      seen.add(pair.from);
      if (from && !from.has(pair.from)) problems.push(`${at}: ${map.from} has no ${pair.from}`);
      for (const t of pair.to) if (to && !to.has(t)) problems.push(`${at}: ${map.to} has no ${t}`);
    }
  }
  return problems;
}

function checkGriIndex(rulesInput: unknown, parsed: Map<string, FrameworkPack>): string[] {
  const r = griContentIndexSchema.safeParse(rulesInput);
  if (!r.success) return r.error.issues.map((i) => `gri-content-index: ${i.path.map(String).join('.')}: ${i.message}`);
  const problems: string[] = [];
  const rules = r.data;
  const ids = idsOf(rules.pack, parsed);
  if (!ids) problems.push(`gri-content-index: unknown pack ${rules.pack}`);
  for (const d of rules.omissionNotAllowed)
    if (ids && !ids.has(d)) problems.push(`gri-content-index: unknown disclosure ${d}`);
  const reqIds = new Set(rules.requirements.map((q) => q.id));
  for (const c of rules.claims)
    for (const q of c.requires)
      if (!reqIds.has(q)) problems.push(`gri-content-index: claim ${c.id} requires unknown ${q}`);
  const reasons = new Set(rules.omissionReasons.map((o) => o.id));
  if (reasons.size !== 4 || rules.omissionReasons.length !== 4)
    problems.push("gri-content-index: the reasons for omission are not exactly GRI's four");
  const owner = new Map<string, string>();
  for (const o of rules.omissionReasons)
    for (const s of o.synonyms) {
      const k = fold(s);
      const prev = owner.get(k);
      if (prev && prev !== o.id) problems.push(`gri-content-index: '${s}' names both ${prev} and ${o.id}`);
      owner.set(k, o.id);
    }
  const claimOwner = new Map<string, string>();
  for (const c of rules.claims)
    for (const s of c.synonyms) {
      const k = fold(s);
      for (const [other, id] of claimOwner)
        if (id !== c.id && (other.includes(k) || k.includes(other)))
          problems.push(`gri-content-index: claim synonym '${s}' overlaps one of ${id}`);
      claimOwner.set(k, c.id);
    }
  return problems;
}
