// Where the report addresses each requirement: tagged sections, KPI rows whose catalog KPI
// discloses it, explanation blocks, index rows. Computed once per analysis and shared by the
// rules (hkex/missing, the index checks), hover and, later, the coverage view.
import type { EsgDocument, IndexRow, KpiRow, RequirementRef, Section } from './model';
import { itemsAnsweredBy } from './catalogs/frameworks';
import { getFramework } from './catalogs/hkex';
import { getKpi } from './catalogs/kpis';
import type { Obligation } from './catalogs/schema';
import { normalizeTitle } from './recognition/indexTables';

export interface Evidence {
  sections: Section[];
  kpiRows: KpiRow[];
  explanations: { text: string; range: import('./types').Range }[];
  /** Index rows that point to a section that exists. */
  indexRows: IndexRow[];
}

export interface DisclosureIndex {
  /** Evidence per catalog id (leaf ids and parents alike). */
  get(id: string): Evidence | undefined;
  /** Sections an index target resolves to (by link anchor or title); undefined entries are unresolved. */
  resolveTarget(row: IndexRow): { sections: (Section | undefined)[]; labels: string[] };
  sectionByAnchor(anchor: string): Section | undefined;
  /** All ids tagged in a section and its subsections. */
  tagsInSubtree(section: Section): ReadonlySet<string>;
  /** KPI-disclosed ids inside a section and its subsections. */
  kpiIdsInSubtree(section: Section): ReadonlySet<string>;
  /** The first section tagged with any requirement of an aspect (A1 for A1.3, 'strategy' for D22). */
  aspectSection(aspect: string): Section | undefined;
  /**
   * Refs that claim a requirement deleted from the Code (A1.2, A4, A4.1) in a tag, an explanation or an
   * index row not marked deleted; a range such as A1.1-A1.6 does not claim the deleted id inside it.
   */
  deletedClaims: DeletedClaim[];
  /** Ids explained (with a reason) by explanation blocks inside a section and its subsections. */
  explainedInSubtree(section: Section): ReadonlySet<string>;
}

export type DeletedClaim =
  | { ref: RequirementRef; kind: 'section'; section: Section }
  | { ref: RequirementRef; kind: 'explanation' }
  | { ref: RequirementRef; kind: 'index'; row: IndexRow };

/** A KPI row is evidence of what its KPI discloses when it is recognised and reports a value (or states none). */
export function countsAsEvidence(row: KpiRow): row is KpiRow & { kpiId: string } {
  if (!row.kpiId) return false;
  // A loop, not `some`: the rules ask this of every KPI row, several times per analysis.
  for (const v of row.values) if (v.status === 'number' || v.status === 'none' || v.status === 'pair') return true;
  return false;
}

/** A KPI row that counts as evidence and answers framework pack items: where its table starts, and the items. */
export interface PackAnswer {
  line: number;
  items: readonly { packId: string; itemId: string }[];
}

/**
 * The evidence rows that answer pack items (`itemsAnsweredBy`), in document order: what the framework
 * index rules look through, read once per analysis (derived.ts `packAnswers`).
 */
export function packAnswers(doc: EsgDocument): PackAnswer[] {
  const out: PackAnswer[] = [];
  for (const kt of doc.kpiTables) {
    const line = doc.tables[kt.table].range.start.line;
    for (const row of kt.rows)
      if (countsAsEvidence(row)) {
        const items = itemsAnsweredBy(row.kpiId);
        if (items.length) out.push({ line, items });
      }
  }
  return out;
}

/** How a requirement is addressed: what hkex/missing reports and the coverage view shows. */
export type Addressed = 'disclosed' | 'explained' | 'missing' | 'not-required';

/**
 * Whether a requirement of this obligation (not deleted) is disclosed, explained or missing, from its
 * evidence: the one decision hkex/missing and the coverage view share. A mandatory requirement cannot
 * be explained away. An index row that points at the section holding the explanation does not make it
 * disclosed: only a tagged section or a KPI row does, or an index row of a requirement nothing explains.
 */
export function addressed(ev: Evidence | undefined, obligation: Obligation): Addressed {
  const explainable = !!ev && ev.explanations.length > 0 && obligation !== 'mandatory';
  const inText = !!ev && ev.sections.length + ev.kpiRows.length > 0;
  if (inText || (!!ev && ev.indexRows.length > 0 && !explainable)) return 'disclosed';
  if (explainable) return 'explained';
  return obligation === 'mandatory' || obligation === 'comply-or-explain' ? 'missing' : 'not-required';
}

/** `onTextRead` is called whenever an explanation's text is read from the index (the derived layer records it). */
export function buildDisclosures(doc: EsgDocument, onTextRead?: () => void): DisclosureIndex {
  const framework = getFramework();
  const evidence = new Map<string, Evidence>();
  const entry = (id: string) => {
    let e = evidence.get(id);
    if (!e) evidence.set(id, (e = { sections: [], kpiRows: [], explanations: [], indexRows: [] }));
    return e;
  };
  // A tag on a parent (D28) covers its children (D28(a)-(c)).
  const covered = (id: string) => framework?.covers(id) ?? [id];

  for (const s of doc.sections)
    for (const ref of s.tags) if (ref.known) for (const id of covered(ref.id)) entry(id).sections.push(s);
  for (const ex of doc.explanations) {
    if (!ex.text) continue;
    const text = ex.text;
    const reason = {
      get text() {
        onTextRead?.();
        return text;
      },
      range: ex.range,
    };
    for (const ref of ex.refs) if (ref.known) for (const id of covered(ref.id)) entry(id).explanations.push(reason);
  }
  const kpiRowsByTable = new Map<number, KpiRow[]>();
  for (const kt of doc.kpiTables) {
    for (const row of kt.rows) {
      if (!countsAsEvidence(row)) continue;
      for (const id of getKpi(row.kpiId)?.discloses ?? []) for (const c of covered(id)) entry(c).kpiRows.push(row);
      const list = kpiRowsByTable.get(kt.table) ?? [];
      list.push(row);
      kpiRowsByTable.set(kt.table, list);
    }
  }

  const anchors = new Map<string, Section>();
  for (const s of doc.sections) if (!anchors.has(s.heading.anchor)) anchors.set(s.heading.anchor, s);
  const titles = new Map<string, Section>();
  for (const s of doc.sections) {
    const key = normalizeTitle(s.heading.title);
    if (!titles.has(key)) titles.set(key, s);
  }
  // Every index rule resolves every row's target: each target is resolved once (the answer is read only).
  const resolved = new Map<IndexRow['target'], { sections: (Section | undefined)[]; labels: string[] }>();
  const resolveTarget = (row: IndexRow) => {
    let answer = resolved.get(row.target);
    if (!answer) resolved.set(row.target, (answer = resolveTargetOnce(row)));
    return answer;
  };
  const resolveTargetOnce = (row: IndexRow) => {
    const t = row.target;
    if (t.kind === 'links') {
      return {
        sections: t.links.map((l) => (l.href.startsWith('#') ? anchors.get(decodeAnchor(l.href.slice(1))) : undefined)),
        labels: t.links.map((l) => l.href),
      };
    }
    if (t.kind === 'titles')
      return { sections: t.titles.map((x) => titles.get(normalizeTitle(x.text))), labels: t.titles.map((x) => x.text) };
    return { sections: [], labels: [] };
  };

  for (const table of doc.indexTables) {
    for (const row of table.rows) {
      if (row.markedDeleted) continue;
      // Not remembered here: the rules that ask again are fewer than the rows read here.
      const { sections } = resolveTargetOnce(row);
      if (row.target.kind === 'explanation') {
        for (const ref of row.refs)
          for (const id of covered(ref.id))
            entry(id).explanations.push({ text: row.target.text, range: row.target.range });
      } else if (sections.some((s) => s) || row.target.kind === 'place') {
        // A page number ('P.23') points into the printed report: taken at its word, as it cannot be checked here.
        for (const ref of row.refs) for (const id of covered(ref.id)) entry(id).indexRows.push(row);
      }
    }
  }

  // Subtree sets are remembered per section and built from the children's: the index rules ask for them
  // once per row and section, and walking the subtree (and every table and explanation) each time is
  // quadratic in the sections, rows and explanations. Sections nest at most six deep (heading levels).
  const subtree = (collect: (s: Section, out: Set<string>) => void) => {
    const memo = new Map<number, Set<string>>();
    const of = (s: Section): Set<string> => {
      let out = memo.get(s.index);
      if (!out) {
        out = new Set<string>();
        collect(s, out);
        for (const c of s.children) for (const id of of(doc.sections[c])) out.add(id);
        memo.set(s.index, out);
      }
      return out;
    };
    return (section: Section): ReadonlySet<string> => of(section);
  };
  const bySection = <T extends { section?: number }>(items: T[]) => {
    const map = new Map<number, T[]>();
    for (const item of items) {
      if (item.section === undefined) continue;
      const list = map.get(item.section);
      if (list) list.push(item);
      else map.set(item.section, [item]);
    }
    return map;
  };
  const tablesBySection = bySection(doc.tables);
  const explanationsBySection = bySection(doc.explanations);
  const kpiInSection = (s: Section, out: Set<string>) => {
    for (const t of tablesBySection.get(s.index) ?? []) {
      for (const row of kpiRowsByTable.get(t.index) ?? [])
        for (const id of getKpi(row.kpiId!)?.discloses ?? []) for (const c of covered(id)) out.add(c);
    }
  };

  const byAspect = new Map<string, Section>();
  for (const s of doc.sections) {
    for (const ref of s.tags) {
      const aspect = ref.known ? framework?.get(ref.id)?.aspect : undefined;
      if (aspect && !byAspect.has(aspect)) byAspect.set(aspect, s);
    }
  }

  const isDeletedClaim = (ref: RequirementRef) =>
    ref.known && !ref.fromRange && framework?.get(ref.id)?.obligation === 'deleted';
  const deletedClaims: DeletedClaim[] = [];
  for (const section of doc.sections)
    for (const ref of section.tags) if (isDeletedClaim(ref)) deletedClaims.push({ ref, kind: 'section', section });
  for (const e of doc.explanations)
    for (const ref of e.refs) if (isDeletedClaim(ref)) deletedClaims.push({ ref, kind: 'explanation' });
  for (const table of doc.indexTables) {
    for (const row of table.rows)
      if (!row.markedDeleted)
        for (const ref of row.refs) if (isDeletedClaim(ref)) deletedClaims.push({ ref, kind: 'index', row });
  }

  return {
    get: (id) => evidence.get(id),
    deletedClaims,
    aspectSection: (aspect) => byAspect.get(aspect),
    resolveTarget,
    sectionByAnchor: (a) => anchors.get(a),
    tagsInSubtree: subtree((s, out) => s.tags.forEach((r) => r.known && covered(r.id).forEach((id) => out.add(id)))),
    kpiIdsInSubtree: subtree(kpiInSection),
    explainedInSubtree: subtree((s, out) => {
      for (const e of explanationsBySection.get(s.index) ?? [])
        if (e.text) for (const r of e.refs) if (r.known) covered(r.id).forEach((id) => out.add(id));
    }),
  };
}

function decodeAnchor(a: string): string {
  // Most anchors are plain (`#a1-emissions`): nothing to decode.
  if (!a.includes('%')) return a;
  try {
    return decodeURIComponent(a);
  } catch {
    return a;
  }
}
