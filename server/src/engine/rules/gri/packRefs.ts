// Helpers shared by the framework rules (gri/, issb/, sasb/): whether a pack applies to the report and
// in which version, every id of it the report cites, and what a section discloses of it. The index
// rules of each framework are built here once (`packIndexRules`), parameterised by framework, so the
// gri/, issb/ and sasb/ modules are one line each and agree on what a row, a target and a tag mean.
import type { FixContext, Rule, RuleContext } from '../rule';
import type { CodeAction, Localized, TextEdit } from '../../types';
import type { EsgDocument, Section } from '../../model';
import {
  HKEX_FRAMEWORK_ID,
  getItem,
  getPack,
  itemIdsFor,
  itemsOverlap,
  mappedIds,
  nearestItemId,
  versionFor,
  type PackItem,
  type PackVersion,
} from '../../catalogs/frameworks';
import { eol, lineText } from '../../features/edits';
import { escapeCell } from '../../text/markdown';
import { localized } from '../../i18n';
import { attr } from '../../parser/attributes';
import {
  GRI_PACK,
  PACK_NAMES,
  TAG_ATTRIBUTES,
  asIndexRow,
  packIndexTables,
  type GriIndexTable,
  type PackIndexTable,
  type PackRef,
} from '../../recognition/packIndex';
import { nearestHeading, type NearHeadings } from '../hkex/index-broken-target';

/** The GRI content index tables when GRI applies to the report (claimed, or an index printed); undefined when it does not. */
export function griScope(ctx: RuleContext): { tables: GriIndexTable[] } | undefined {
  const tables = ctx.derived.griIndexTables;
  // GRI applies when claimed in `esg.frameworks` or when a GRI content index is printed.
  if (!tables.length && !ctx.doc.config.frameworks.includes(GRI_PACK)) return undefined;
  // A year before the GRI 2021 Standards applied: its index uses the 2016 numbering (102-1 … 102-56 were
  // general disclosures then), which the pack does not hold; nothing is checked rather than misread.
  // But GRI 2021 applies to reports published from 1 January 2023, so a FY2022 report published in 2023 is
  // on it: one that cites a GRI 2 or GRI 3 disclosure (numbers the 2016 Standards did not have) is checked.
  if (!versionFor(GRI_PACK, ctx.reporting.fyStart) && !citesUniversal2021(ctx, tables)) return undefined;
  return { tables };
}

/** Whether the report cites a disclosure of GRI 2 or GRI 3 (2021): `2-29`, `3-1`; the 2016 Standards had none. */
function citesUniversal2021(ctx: RuleContext, tables: GriIndexTable[]): boolean {
  return griCitations(ctx, tables).some((r) => r.known && /^[23]-\d+$/.test(r.id));
}

/** GRI ids cited by the report: tags on headings, then the index rows' ids. */
export function griCitations(ctx: RuleContext, tables: GriIndexTable[]): PackRef[] {
  const tags = ctx.derived.packTags.filter((t) => t.pack === GRI_PACK);
  const rows = tables.flatMap((t) => t.rows.flatMap((r) => r.refs));
  return [...tags, ...rows];
}

// ---- Any pack ----

export interface PackScope {
  pack: string;
  name: string;
  /** The version in force for the financial year, or the first one when the report adopts the pack early. */
  version: PackVersion;
  /** The pack is not yet in force for the year: the report applies it early. */
  early: boolean;
  claimed: boolean;
  tables: PackIndexTable[];
  tags: PackRef[];
  /** Ids in force for the year (`itemIdsFor`; the first version's when early). */
  inForce: ReadonlySet<string>;
}

/**
 * Each of `packs` that applies to the report: claimed in `esg.frameworks`, or cited (an index table or a
 * tag). Undefined version: the pack has none for the year and no earlier one either (never: each pack
 * has a first version, taken as early adoption).
 */
export function packScopes(ctx: RuleContext, packs: readonly string[]): PackScope[] {
  const out: PackScope[] = [];
  for (const pack of packs) {
    const tables = ctx.derived.packIndexTables.filter((t) => t.pack === pack);
    const tags = ctx.derived.packTags.filter((t) => t.pack === pack);
    const claimed = ctx.doc.config.frameworks.includes(pack);
    if (!claimed && !tables.length && !tags.length) continue;
    const p = getPack(pack);
    if (!p) continue;
    const fyStart = ctx.reporting.fyStart;
    const inForceVersion = versionFor(pack, fyStart);
    const version = inForceVersion ?? p.versions[0];
    const inForce = inForceVersion ? itemIdsFor(pack, fyStart) : itemIdsFor(pack, version.effectiveFrom);
    out.push({
      pack,
      name: PACK_NAMES[pack] ?? pack,
      version,
      early: !inForceVersion,
      claimed,
      tables,
      tags,
      inForce,
    });
  }
  return out;
}

/** The pack's ids the report cites: tags on headings, then its index rows' ids. */
export function packCitations(scope: PackScope): PackRef[] {
  return [...scope.tags, ...scope.tables.flatMap((t) => t.rows.flatMap((r) => r.refs))];
}

/** Items a claim of the pack requires of every report for the year: in force, top level, not conditional. */
export function requiredItems(scope: PackScope): PackItem[] {
  return [...scope.inForce]
    .map((id) => getItem(scope.pack, id)!)
    .filter((i) => i.parent === undefined && !i.conditional && (i.kind === 'disclosure' || i.kind === 'metric'));
}

/** Whether a section, or one of its subsections, lies within `outer` (a section's range spans its subsections). */
export function within(outer: Section, line: number): boolean {
  return outer.range.start.line <= line && line <= outer.range.end.line;
}

/**
 * How a section (with its subsections) discloses a pack item, if it does: a tag of the pack overlapping
 * the id ('tag'), an HKEX or GRI tag the cross-maps pair with it ('map', with the map's id), or a KPI
 * row with a value whose KPI answers it ('kpi'). Undefined when none does.
 */
export function disclosedIn(
  ctx: RuleContext,
  pack: string,
  id: string,
  section: Section,
  lookup: DisclosureLookup = {},
): { how: 'tag' | 'map' | 'kpi'; via?: string } | undefined {
  const tags = (lookup.tags ??= taggedLines(ctx));
  for (let i = tags.inOrder ? firstAtOrAfter(tags.lines, section.range.start.line) : 0; i < tags.refs.length; i++) {
    const line = tags.lines[i];
    if (tags.inOrder && line > section.range.end.line) break;
    if (!within(section, line)) continue;
    const tag = tags.refs[i];
    if (tag.pack === pack && itemsOverlap(pack, tag.id, id)) return { how: 'tag' };
    if (tag.pack === GRI_PACK)
      for (const m of mappedIds(GRI_PACK, tag.id, pack))
        if (itemsOverlap(pack, m.id, id)) return { how: 'map', via: m.map.id };
  }
  for (const hkexId of ctx.disclosures.tagsInSubtree(section))
    for (const m of mappedIds(HKEX_FRAMEWORK_ID, hkexId, pack))
      if (itemsOverlap(pack, m.id, id)) return { how: 'map', via: m.map.id };
  // Any answering row will do (the answer names none): the rows are taken by line, whatever their order.
  const answers = (lookup.answers ??= answeringRows(ctx));
  for (let i = firstAtOrAfter(answers.lines, section.range.start.line); i < answers.lines.length; i++) {
    if (answers.lines[i] > section.range.end.line) break;
    for (const a of answers.items[i]) if (a.packId === pack && itemsOverlap(pack, a.itemId, id)) return { how: 'kpi' };
  }
  return undefined;
}

/**
 * What `disclosedIn` looks through, gathered once per rule run, each part when first needed (so a run
 * reads the model's parts at the same decisions as without it).
 */
export interface DisclosureLookup {
  /** The known tags on headings with their heading lines, in tag order; `inOrder` when the lines ascend. */
  tags?: { refs: PackRef[]; lines: number[]; inOrder: boolean };
  /** The start line of the KPI table of each evidence row that answers a pack item, sorted, and its answers. */
  answers?: { lines: number[]; items: (readonly { packId: string; itemId: string }[])[] };
}

function taggedLines(ctx: RuleContext): NonNullable<DisclosureLookup['tags']> {
  const refs: PackRef[] = [];
  const lines: number[] = [];
  for (const tag of ctx.derived.packTags) {
    if (tag.section === undefined || !tag.known) continue;
    refs.push(tag);
    lines.push(ctx.doc.sections[tag.section].heading.range.start.line);
  }
  let inOrder = true;
  for (let i = 1; i < lines.length && inOrder; i++) inOrder = lines[i - 1] <= lines[i];
  return { refs, lines, inOrder };
}

function answeringRows(ctx: RuleContext): NonNullable<DisclosureLookup['answers']> {
  const rows = [...ctx.derived.packAnswers].sort((a, b) => a.line - b.line);
  return { lines: rows.map((r) => r.line), items: rows.map((r) => r.items) };
}

/** Index of the first of `lines` (ascending) at or after `line`. */
function firstAtOrAfter(lines: readonly number[], line: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Messages an index rule family speaks with: the keys are the family's, the placeholders shared. */
export interface PackIndexMessages {
  unknownId: MessageKeyOf;
  unknownIdNear: MessageKeyOf;
  notInForce: MessageKeyOf;
  missingRow: MessageKeyOf;
  sourceRequired: MessageKeyOf;
  sourceTag: MessageKeyOf;
  sourceKpi: MessageKeyOf;
  brokenLink: MessageKeyOf;
  unknownTitle: MessageKeyOf;
  nearTitle: MessageKeyOf;
  notDisclosed: MessageKeyOf;
  addRow: MessageKeyOf;
  replaceId: MessageKeyOf;
  tagSection: MessageKeyOf;
}
type MessageKeyOf = Parameters<RuleContext['t']>[0];

export type PackUnknownIdData = { id: string; near?: string };
export type PackIndexMissingRowData = { id: string; pack: string; table: number };
export type PackIndexBrokenTargetData = { href: string } | { title: string; near?: string };
export type PackIndexNotDisclosedData = { id: string; pack: string; section: number };

/** Near-match searches per analysis (each compares with every heading). */
const MAX_NEAR_SEARCHES = 50;

/** The four index rules of a framework family, with their ids under its namespace. */
export function packIndexRules(family: {
  /** Rule namespace: `issb`, `sasb`. */
  namespace: string;
  /** Name of the unknown-id rule (`unknown-id`, `unknown-code`). */
  unknownName: string;
  packs: readonly string[];
  messages: PackIndexMessages;
  descriptions: { unknown: Localized; missingRow: Localized; brokenTarget: Localized; notDisclosed: Localized };
}): {
  unknownId: Rule<PackUnknownIdData>;
  indexMissingRow: Rule<PackIndexMissingRowData>;
  indexBrokenTarget: Rule<PackIndexBrokenTargetData>;
  indexNotDisclosed: Rule<PackIndexNotDisclosedData>;
} {
  const M = family.messages;
  const unknownId: Rule<PackUnknownIdData> = {
    id: `${family.namespace}/${family.unknownName}`,
    defaultSeverity: 'error',
    description: family.descriptions.unknown,
    run(ctx) {
      for (const scope of packScopes(ctx, family.packs)) {
        const pack = getPack(scope.pack)!;
        const fyStart = ctx.reporting.fyStart;
        for (const ref of packCitations(scope)) {
          if (!ref.known) {
            const near = nearestItemId(ref.raw, [...scope.inForce]);
            ctx.report({
              range: ref.range,
              message: near
                ? ctx.t(M.unknownIdNear, { framework: scope.name, id: ref.raw, near, version: scope.version.id })
                : ctx.t(M.unknownId, { framework: scope.name, id: ref.raw, version: scope.version.id }),
              data: near ? { id: ref.raw, near } : { id: ref.raw },
            });
            continue;
          }
          if (scope.inForce.has(ref.id)) continue;
          // An id of another version: the 2025 amendments' 29A in a year before they take effect.
          const item = getItem(scope.pack, ref.id);
          const from = pack.versions.find((v) => v.id === item?.from);
          ctx.report({
            range: ref.range,
            severity: 'warning',
            message: ctx.t(M.notInForce, {
              framework: scope.name,
              id: ref.id,
              fyStart,
              version: localized(scope.version.title, ctx.locale),
              effective: from?.effectiveFrom ?? item?.until ?? '',
            }),
            data: { id: ref.id },
          });
        }
      }
    },
    fixes(d, ctx) {
      const near = typeof d.data?.near === 'string' ? d.data.near : undefined;
      if (!near) return [];
      return [
        {
          title: ctx.t(M.replaceId, { id: String(d.data?.id ?? ''), near }),
          kind: 'quickfix',
          edits: { [ctx.doc.uri]: [{ range: d.range, newText: near }] },
          diagnostics: [d],
        },
      ];
    },
  };

  const indexMissingRow: Rule<PackIndexMissingRowData> = {
    id: `${family.namespace}/index-missing-row`,
    defaultSeverity: 'warning',
    description: family.descriptions.missingRow,
    run(ctx) {
      for (const scope of packScopes(ctx, family.packs)) {
        if (!scope.tables.length) continue;
        const listed = scope.tables.flatMap((t) =>
          t.rows.flatMap((r) => r.refs.filter((x) => x.known).map((x) => x.id)),
        );
        const covered = (id: string) => listed.some((l) => itemsOverlap(scope.pack, l, id));
        const first = scope.tables[0];
        const heading = ctx.doc.sections[first.section].heading;
        const wanted = new Map<string, MessageKeyOf>();
        for (const item of requiredItems(scope)) wanted.set(item.id, M.sourceRequired);
        for (const tag of scope.tags)
          if (tag.known && scope.inForce.has(tag.id) && !wanted.has(tag.id)) wanted.set(tag.id, M.sourceTag);
        for (const answer of ctx.derived.packAnswers)
          for (const a of answer.items)
            if (a.packId === scope.pack && scope.inForce.has(a.itemId) && !wanted.has(a.itemId))
              wanted.set(a.itemId, M.sourceKpi);
        for (const [id, source] of wanted) {
          if (covered(id)) continue;
          const item = getItem(scope.pack, id);
          ctx.report({
            range: heading.titleRange,
            message: ctx.t(M.missingRow, {
              framework: scope.name,
              id,
              title: item ? localized(item.title, ctx.locale) : id,
              source: ctx.t(source, {
                version: `${localized(getPack(scope.pack)!.title, ctx.locale)} (${scope.version.id})`,
              }),
            }),
            data: { id, pack: scope.pack, table: first.table },
          });
        }
      }
    },
    fixes(d, ctx) {
      const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
      const pack = typeof d.data?.pack === 'string' ? d.data.pack : undefined;
      if (!id || !pack || !family.packs.includes(pack) || !getItem(pack, id)) return [];
      const tables = packIndexTables(ctx.doc).filter((t) => t.pack === pack);
      const table = tables.find((t) => t.table === d.data?.table) ?? tables[0];
      if (!table) return [];
      const action: CodeAction = {
        title: ctx.t(M.addRow, { framework: PACK_NAMES[pack] ?? pack, id }),
        kind: 'quickfix',
        edits: { [ctx.doc.uri]: [indexRowEdit(ctx, pack, table.table, id)] },
        diagnostics: [d],
      };
      return [action];
    },
  };

  const indexBrokenTarget: Rule<PackIndexBrokenTargetData> = {
    id: `${family.namespace}/index-broken-target`,
    defaultSeverity: 'error',
    description: family.descriptions.brokenTarget,
    run(ctx) {
      let nearSearches = 0;
      const nearHeadings: NearHeadings = {};
      for (const scope of packScopes(ctx, family.packs))
        for (const table of scope.tables)
          for (const row of table.rows) {
            const t = row.target;
            const id = row.refs.map((r) => r.id).join(', ');
            const framework = scope.name;
            if (t.kind === 'links') {
              const { sections } = ctx.disclosures.resolveTarget(asIndexRow(row));
              t.links.forEach((link, i) => {
                if (link.href.startsWith('#') && !sections[i])
                  ctx.report({
                    range: link.hrefRange,
                    message: ctx.t(M.brokenLink, { framework, id, href: link.href }),
                    data: { href: link.href },
                  });
              });
            } else if (t.kind === 'titles') {
              const { sections } = ctx.disclosures.resolveTarget(asIndexRow(row));
              t.titles.forEach((title, i) => {
                if (sections[i]) return;
                const near =
                  nearSearches++ < MAX_NEAR_SEARCHES ? nearestHeading(ctx, title.text, nearHeadings) : undefined;
                if (near)
                  ctx.report({
                    range: title.range,
                    severity: 'warning',
                    message: ctx.t(M.nearTitle, { framework, id, title: title.text, near }),
                    data: { title: title.text, near },
                  });
                else
                  ctx.report({
                    range: title.range,
                    message: ctx.t(M.unknownTitle, { framework, id, title: title.text }),
                    data: { title: title.text },
                  });
              });
            }
          }
    },
  };

  const indexNotDisclosed: Rule<PackIndexNotDisclosedData> = {
    id: `${family.namespace}/index-not-disclosed`,
    defaultSeverity: 'warning',
    description: family.descriptions.notDisclosed,
    run(ctx) {
      const lookup: DisclosureLookup = {};
      for (const scope of packScopes(ctx, family.packs))
        for (const table of scope.tables)
          for (const row of table.rows) {
            if (row.target.kind !== 'links' && row.target.kind !== 'titles') continue;
            const sections = ctx.disclosures
              .resolveTarget(asIndexRow(row))
              .sections.filter((s): s is Section => s !== undefined);
            // A broken target is index-broken-target's finding.
            if (!sections.length) continue;
            for (const ref of row.refs) {
              if (!ref.known) continue;
              if (sections.some((s) => disclosedIn(ctx, scope.pack, ref.id, s, lookup))) continue;
              ctx.report({
                range: row.target.range,
                message: ctx.t(M.notDisclosed, {
                  framework: scope.name,
                  id: ref.id,
                  section: sections.map((s) => s.heading.title.trim()).join(', '),
                }),
                data: { id: ref.id, pack: scope.pack, section: sections[0].index },
              });
            }
          }
    },
    fixes(d, ctx) {
      const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
      const pack = typeof d.data?.pack === 'string' ? d.data.pack : undefined;
      const section = typeof d.data?.section === 'number' ? ctx.doc.sections[d.data.section] : undefined;
      const attribute = TAG_ATTRIBUTES.find((a) => a.pack === pack)?.attribute;
      if (!id || !pack || !section || !attribute || !getItem(pack, id)) return [];
      return [
        {
          title: ctx.t(M.tagSection, { id, section: section.heading.title.trim() }),
          kind: 'quickfix',
          edits: { [ctx.doc.uri]: [tagEdit(ctx.doc, section, attribute, id)] },
          diagnostics: [d],
        },
      ];
    },
  };

  return { unknownId, indexMissingRow, indexBrokenTarget, indexNotDisclosed };
}

/** Adds an id to a heading's `<attribute>=` tag, creating the attribute (or the block) if needed. */
export function tagEdit(doc: EsgDocument, section: Section, attribute: string, id: string): TextEdit {
  const heading = section.heading;
  const pair = attr(heading.attrs, attribute);
  if (pair) {
    const at = pair.valueRange.end;
    return { range: { start: at, end: at }, newText: pair.value.trim() ? ` ${id}` : id };
  }
  if (heading.attrs) {
    const at = { line: heading.attrs.range.end.line, character: heading.attrs.range.end.character - 1 };
    return { range: { start: at, end: at }, newText: ` ${attribute}="${id}"` };
  }
  const line = heading.titleRange.start.line;
  const at = { line, character: lineText(doc, line).trimEnd().length };
  return { range: { start: at, end: at }, newText: ` {${attribute}="${id}"}` };
}

/** A row for `id` at the end of an index table: its id, the pack's short title, and empty cells for the author to fill. */
export function indexRowEdit(ctx: FixContext, pack: string, tableIndex: number, id: string): TextEdit {
  const table = ctx.doc.tables[tableIndex];
  const item = getItem(pack, id)!;
  const columns = Math.max(2, table.header.cells.length);
  // With two columns the second is the location: the title would read as a section that does not exist.
  const cells =
    columns === 2
      ? [id, '']
      : [id, escapeCell(localized(item.title, ctx.locale)), ...Array.from({ length: columns - 2 }, () => '')];
  const last = table.rows.length ? table.rows[table.rows.length - 1].line : table.header.line + 1;
  const at = { line: last, character: lineText(ctx.doc, last).length };
  return { range: { start: at, end: at }, newText: `${eol(ctx.doc)}| ${cells.join(' | ')} |` };
}
