// Relations between KPI figures that need no annotation: breakdowns that add up to their total,
// shares and rates against their counts, averages against their breakdowns. Shared helpers for
// picking the fact a relation compares, summing facts, reading the table's own structure (rows
// marked as parts of the row above) and deciding whether a breakdown is complete come first; the
// check producers of kpi/sum-mismatch, kpi/rate-mismatch and kpi/average-bounds follow.
import { frontMatterQuantity } from './formula/env';
import type { EsgDocument, KpiRow, KpiTable, KpiValue } from '../model';
import { unitOf, type Unit } from './factDeps';
import type { Locale, RelatedLocation } from '../types';
import { getKpi, allKpis } from '../catalogs/kpis';
import type { KpiDefinition } from '../catalogs/schema';
import { tFromKey } from '../i18n';
import { factInterval, nilFact, tableFact, type Fact, type FactIndex } from './facts';
import { cleanLabel, compareFact, inputOf, type Check, type CheckInput } from './checks';
import { add, div, exact, inUnit, meets, mul, sameDim, DIMENSIONLESS, type Interval, type Quantity } from './quantity';

// ---------------------------------------------------------------------------------------------
// Facts and sums

/**
 * The fact a relation compares for a KPI and period: a table fact, preferably in the same table as
 * `near` (a breakdown is read from the table its total is in), else the first table fact, else a
 * prose statement. A KPI stated twice is kpi/value-conflict's business, not the relation's.
 */
export function pickFact(index: FactIndex, kpiId: string, period: string, near?: Fact): Fact | undefined {
  if (near?.row) {
    const same = index.inTable(kpiId, period, near.row.table)[0];
    if (same) return same;
  }
  return index.first(kpiId, period);
}

/**
 * A fact's quantity as an input of a relation. A whole number of people, suppliers or cases in a unit
 * of one (人, 家, 件) is exact, not ± 0.5: there are no 2.3 directors, and treating 640 + 297 as
 * [936, 938] would let a total that is off by one pass.
 */
export function inputQuantity(f: Fact): Quantity | undefined {
  const q = f.quantity;
  // A bound or an approximate figure keeps the interval it states; a nil member is exactly 0.
  if (f.interval || f.nil) return q;
  if (!q || !f.unit || f.unit.denominator || f.unit.numerator.dimension !== 'count' || f.unit.numerator.factor !== 1)
    return q;
  if (f.decimals !== 0 || !Number.isInteger(f.value)) return q;
  return { value: exact(f.value), dim: q.dim };
}

/** Sum of facts' quantities; undefined when one has no quantity or the dimensions differ. */
export function sumQuantities(list: Fact[]): Quantity | undefined {
  let total: Quantity | undefined;
  for (const f of list) {
    const q = inputQuantity(f);
    if (!q) return undefined;
    if (!total) total = q;
    else if (!sameDim(total.dim, q.dim)) return undefined;
    else total = { value: add(total.value, q.value), dim: total.dim };
  }
  return total;
}

/** The printed interval of a fact in its own unit ('28.64' -> [28.635, 28.645]). */
export function printedOf(f: Fact): Interval {
  return factInterval(f);
}

/** A fact's value expressed in another fact's unit (undefined when they cannot be compared). */
export function inUnitOf(f: Fact, like: Fact): Interval | undefined {
  if (f.quantity && like.quantity) return inUnit(f.quantity, like.unit);
  // Neither has a known unit: comparable only when written alike.
  if (!f.quantity && !like.quantity && (f.unitRaw ?? '') === (like.unitRaw ?? '')) return printedOf(f);
  return undefined;
}

/** The label a formula uses for a fact: the row label without its part mark ('其中：外購電力' -> '外購電力'). */
export function termOf(f: Fact): string {
  return cleanLabel(f.label);
}

/** Related information at each input cell: '男性員工: 640 人'. */
export function relatedOf(doc: EsgDocument, inputs: CheckInput[]): RelatedLocation[] {
  return inputs
    .filter((i) => i.fact)
    .map((i) => ({ uri: doc.uri, range: i.fact!.range, message: `${i.label}: ${i.text}` }));
}

/** Last segment of a member id: `employees.gender.female` -> `female`. */
export function memberKey(kpiId: string): string {
  return kpiId.slice(kpiId.lastIndexOf('.') + 1);
}

/** A quantity given in the front matter (`denominators.employees: 937 人`), for a period or for all. */
export function configQuantity(
  doc: EsgDocument,
  name: string,
  period: string,
): { quantity: Quantity; text: string } | undefined {
  const per = doc.config.denominators[name];
  const given = per?.[period] ?? per?.['*'];
  const quantity = given && frontMatterQuantity(given);
  return quantity ? { quantity, text: given.raw } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Breakdowns: which members make a whole

/**
 * Sets of catalog members (by last id segment) that together make the whole of a breakdown. A
 * breakdown whose members include one of these sets is complete: its sum must equal the total. A
 * breakdown whose members are part of one set is partial (only managers by rank; three of the seven
 * regions). Members of different sets together (華北 with 中國內地) overlap, and are not summed.
 */
export const BREAKDOWN_PARTITIONS: Record<string, string[][]> = {
  gender: [['male', 'female']],
  age: [
    ['under30', '30_39', '40_49', '50_and_over'],
    ['under30', '30_39', '40_49', 'over50'],
    ['under30', '30_50', 'over50'],
    ['under30', '30_50', '50_and_over'],
  ],
  rank: [
    ['senior', 'middle', 'junior'],
    ['management', 'non_management'],
  ],
  'employment-type': [
    ['full_time', 'part_time'],
    ['full_time', 'part_time', 'other'],
    ['full_time', 'other'],
  ],
  education: [['below_bachelor', 'bachelor', 'master_and_above']],
  region: [
    ['domestic', 'overseas'],
    ['mainland', 'hk_macao_taiwan', 'overseas'],
    ['mainland', 'hong_kong', 'overseas'],
    // China's seven geographical regions, and abroad (境外, with or without Hong Kong, Macao, Taiwan).
    ['north', 'northeast', 'east', 'central', 'south', 'southwest', 'northwest', 'overseas'],
    ['north', 'northeast', 'east', 'central', 'south', 'southwest', 'northwest', 'hk_macao_taiwan', 'overseas'],
  ],
  'direct-indirect': [['direct', 'indirect']],
  scope: [['scope1', 'scope2']],
};

export type Coverage = 'complete' | 'partial' | 'overlapping';

/** Whether members (last id segments) of a breakdown make a whole, a part of one, or overlap. */
export function coverage(breakdown: string, members: string[]): Coverage {
  const partitions = BREAKDOWN_PARTITIONS[breakdown] ?? [];
  const present = new Set(members);
  if (partitions.some((p) => p.length === present.size && p.every((m) => present.has(m)))) return 'complete';
  if (partitions.some((p) => members.every((m) => p.includes(m)))) return 'partial';
  return 'overlapping';
}

/** Catalog members of a parent, by breakdown. */
const membersByParent = new Map<string, Map<string, KpiDefinition[]>>();
for (const k of allKpis()) {
  if (!k.parent || !k.breakdown) continue;
  let byBreakdown = membersByParent.get(k.parent);
  if (!byBreakdown) membersByParent.set(k.parent, (byBreakdown = new Map()));
  const list = byBreakdown.get(k.breakdown);
  if (list) list.push(k);
  else byBreakdown.set(k.breakdown, [k]);
}

export function breakdownsOf(parentId: string): Map<string, KpiDefinition[]> {
  return membersByParent.get(parentId) ?? new Map();
}

/** A total of quantities that add up (not a percentage, not a per-something average). */
export function isAdditive(kpi: KpiDefinition): boolean {
  return kpi.dimension !== 'percent' && !kpi.per;
}

export interface BreakdownGroup {
  parent: KpiDefinition;
  breakdown: string;
  total: Fact;
  members: Fact[];
  coverage: Coverage;
}

/**
 * Every breakdown of a total that has at least one member figure in the period, members read near the
 * total. With `countNils`, a member whose cell in the total's table reads as nil (`-`,
 * `N/A`) is a member of value 0 (sums); without, it is absent (averages).
 */
export function breakdownGroups(
  index: FactIndex,
  period: string,
  parentFilter: (k: KpiDefinition) => boolean,
  countNils = false,
): BreakdownGroup[] {
  const out: BreakdownGroup[] = [];
  for (const parentId of membersByParent.keys()) {
    const parent = getKpi(parentId);
    if (parent && parentFilter(parent))
      for (const g of breakdownsOfTotal(index, period, parent, countNils)) out.push(g);
  }
  return out;
}

/** The catalog parents that have breakdowns, in catalog order. */
export function breakdownParents(): IterableIterator<string> {
  return membersByParent.keys();
}

/** The breakdowns of one catalog total in a period (see `breakdownGroups`). */
function breakdownsOfTotal(
  index: FactIndex,
  period: string,
  parent: KpiDefinition,
  countNils: boolean,
): BreakdownGroup[] {
  const out: BreakdownGroup[] = [];
  const byBreakdown = membersByParent.get(parent.id);
  if (!byBreakdown) return out;
  const total = pickFact(index, parent.id, period);
  if (!total) return out;
  for (const [breakdown, defs] of byBreakdown) {
    // A member printed as nil (`-`, `N/A`) in the total's table counts as 0; a breakdown of nils only says nothing.
    const members: Fact[] = [];
    let figures = false;
    for (const d of defs) {
      const f = pickFact(index, d.id, period, total) ?? (countNils ? nilMember(index, d.id, period, total) : undefined);
      if (!f) continue;
      members.push(f);
      if (!f.nil) figures = true;
    }
    if (!figures) continue;
    out.push({
      parent,
      breakdown,
      total,
      members,
      coverage: coverage(
        breakdown,
        members.map((m) => memberKey(m.kpiId)),
      ),
    });
  }
  return out;
}

/** A row of a member KPI in the total's table whose cell for the period reads as nil. */
function nilMember(index: FactIndex, kpiId: string, period: string, total: Fact): Fact | undefined {
  const table = total.row?.table;
  if (table === undefined) return undefined;
  const row = index.rowsOf(kpiId, table)[0];
  return row ? nilFact(row, period) : undefined;
}

/** The members read as nil, for the message: `女性員工 (-)`. */
export function nilNote(members: Fact[]): Check['noteKey'] | undefined {
  const nils = members.filter((m) => m.nil);
  if (!nils.length) return undefined;
  return {
    key: 'kpi.sumNil',
    args: { members: nils.map((m) => `${termOf(m)} (${m.raw})`).join(', '), count: nils.length },
  };
}

// ---------------------------------------------------------------------------------------------
// The table's own structure: rows marked as parts of the row above them

/** '其中：', '其中:', 'of which', 'including:' */
const OF_WHICH = /^\s*(?:其中\s*[:：]?|of\s+which\b\s*:?|including\s*:)/i;
/** '•', '·', '-', '–', '—', '▪', '◦' at the start of a label. */
const BULLET = /^\s*[•·\-–—▪◦●]\s*/;

/** The first characters of OF_WHICH and BULLET. */
const MARK_STARTS = new Set(['其', 'o', 'O', 'i', 'I', '•', '·', '-', '–', '—', '▪', '◦', '●']);

export type PartMark = 'of-which' | 'bullet' | 'column';

export function partMark(label: string): 'of-which' | 'bullet' | undefined {
  // Most labels start with none of the marks' first characters: no expression is tried on them.
  if (!MARK_STARTS.has(label.trimStart().charAt(0))) return undefined;
  if (OF_WHICH.test(label)) return 'of-which';
  if (BULLET.test(label)) return 'bullet';
  return undefined;
}

export interface StructuralGroup {
  table: number;
  total: KpiRow;
  members: KpiRow[];
  mark: PartMark;
}

/** True when the row's label sits in a later label column with the first one empty and no group carried. */
function inSecondColumn(doc: EsgDocument, row: KpiRow, labelColumns: number[]): boolean {
  if (labelColumns.length < 2 || row.group) return false;
  const tableRow = doc.tables[row.table]?.rows.find((r) => r.line === row.line);
  const first = tableRow?.cells[labelColumns[0]];
  return !!first && !first.text && row.labelRange.start.character > first.range.start.character;
}

function hasNumber(row: KpiRow): boolean {
  return row.values.some((v) => v.status === 'number');
}

/**
 * Groups of rows that the table marks as parts of the row above them. A group starts under a row
 * with figures and continues while rows carry the same mark: a bullet (•, -, –, ·), '其中' (of
 * which), or a label in the second label column under a row whose label is in the first. After a
 * '其中' row, unmarked rows in the same unit continue the group only when the catalog makes them
 * members of the same total as the first part (seed 002: '其中：外購商品及服務' then 資本商品, 員工通勤
 * ... are all Scope 3 categories); any other row ends it. A group needs one part at least.
 */
export function structuralGroups(doc: EsgDocument): StructuralGroup[] {
  const out: StructuralGroup[] = [];
  for (const kt of doc.kpiTables) for (const g of structuralGroupsOf(doc, kt)) out.push(g);
  return out;
}

/** The groups of one KPI table (see `structuralGroups`). */
function structuralGroupsOf(doc: EsgDocument, kt: KpiTable): StructuralGroup[] {
  const out: StructuralGroup[] = [];
  // Caption rows stay in: a caption between a total and the rows below it ends the group.
  const rows = kt.rows;
  const markOf = (r: KpiRow): PartMark | undefined =>
    partMark(r.label) ?? (inSecondColumn(doc, r, kt.labelColumns) ? 'column' : undefined);
  for (let i = 0; i < rows.length; i++) {
    const total = rows[i];
    if (markOf(total) || !hasNumber(total)) continue;
    const first = rows[i + 1];
    const mark = first && !first.isCaption ? markOf(first) : undefined;
    if (!first || !mark) continue;
    const members = [first];
    const firstParent = first.kpiId ? getKpi(first.kpiId)?.parent : undefined;
    let j = i + 2;
    for (; j < rows.length; j++) {
      const r = rows[j];
      if (r.isCaption) break;
      const m = markOf(r);
      if (m === mark) {
        members.push(r);
        continue;
      }
      const continues =
        mark === 'of-which' &&
        !m &&
        !!firstParent &&
        !!r.kpiId &&
        getKpi(r.kpiId)?.parent === firstParent &&
        (r.unit?.raw ?? '') === (first.unit?.raw ?? '');
      if (!continues) break;
      members.push(r);
    }
    out.push({ table: kt.table, total, members, mark });
    i = j - 1;
  }
  return out;
}

/** A row's figure for a period as a fact, whether or not the row is a catalog KPI (kpiId '' then). */
export function rowFact(index: FactIndex, row: KpiRow, period: string): Fact | undefined {
  const v: KpiValue | undefined = row.values.find((x) => x.period === period);
  if (!v || v.status !== 'number' || v.value === undefined) return undefined;
  // The row's own fact for the period (the one at the cell), from the index's facts by row.
  const known = index.ofRow(row, period);
  if (known) return known;
  return tableFact(row, v);
}

// ---------------------------------------------------------------------------------------------
// kpi/sum-mismatch

export interface PartialBreakdown {
  total: Fact;
  members: Fact[];
  /** Sum of the members, in the total's unit. */
  sum: Interval;
  /** Catalog breakdown, or the table mark. */
  breakdown: string;
}

export interface SumResult {
  checks: Check[];
  partial: PartialBreakdown[];
}

function sumCheck(total: Fact, members: Fact[]): { check: Check; sum: Interval; exceeds: boolean } | undefined {
  const sum = sumQuantities(members);
  const cmp = sum && compareFact(total, sum);
  if (!cmp) return undefined;
  const formula = `${members.map(termOf).join(' + ')} = ${termOf(total)}`;
  const noteKey = nilNote(members);
  const check: Check = {
    rule: 'kpi/sum-mismatch',
    target: total,
    formula,
    inputs: members.map(inputOf),
    computed: cmp.computed,
    ok: cmp.ok,
    ...(noteKey ? { noteKey } : {}),
  };
  const reported = printedOf(total);
  return { check, sum: cmp.computed, exceeds: !cmp.ok && cmp.computed.lo > reported.hi };
}

/** GHG totals and their parts are ghg/sum-mismatch's. */
const isGhg = (id: string) => id === 'ghg' || id.startsWith('ghg.');

/**
 * Breakdowns against their totals, per period. A complete breakdown (see BREAKDOWN_PARTITIONS) must
 * add up to its total; a partial one is reported as partial when it stays below the total, and as a
 * mismatch when its members alone exceed it. Rows the table marks as parts of the row above them
 * must add up to it when marked with bullets or placed in the second label column; rows under
 * '其中' (of which) may be some of the parts only, so they are partial when below. Groups the
 * catalog already relates are left to the catalog check (or to ghg/sum-mismatch for emissions).
 */
/**
 * The sums' units, each with the facts it read (numbers/factDeps.ts): a catalog total's breakdowns in a
 * period, and a KPI table's own groups (keyed by the table object: an edit of another table keeps it).
 */
export interface SumUnits {
  breakdowns: Map<string, Unit<SumResult>>;
  tables: Map<KpiTable, Unit<{ periods: string; own: SumResult; adjacent: SumResult }>>;
}

/**
 * The sums (above) with their units; with `earlier` (the units of a version whose facts differ from
 * these in the `changed` tokens, `factChanges`), a unit that read none of them is carried as it was.
 */
export function buildKpiSumUnits(
  doc: EsgDocument,
  index: FactIndex,
  earlier?: SumUnits,
  changed?: ReadonlySet<string>,
): { result: SumResult; units: SumUnits } {
  const result: SumResult = { checks: [], partial: [] };
  const units: SumUnits = { breakdowns: new Map(), tables: new Map() };
  const take = (part: SumResult) => {
    for (const c of part.checks) result.checks.push(c);
    for (const p of part.partial) result.partial.push(p);
  };
  for (const period of index.periods) {
    for (const parentId of membersByParent.keys()) {
      const parent = getKpi(parentId);
      if (!parent || !isAdditive(parent) || isGhg(parent.id)) continue;
      const key = `${period}\u0000${parentId}`;
      const unit = unitOf(earlier?.breakdowns.get(key), changed, index, (facts) =>
        breakdownSums(facts, period, parent),
      );
      units.breakdowns.set(key, unit);
      take(unit.value);
    }
  }
  const tablePeriods = new Map<number, string[]>();
  for (const kt of doc.kpiTables)
    if (!tablePeriods.has(kt.table))
      tablePeriods.set(
        kt.table,
        kt.periods.map((p) => p.period),
      );
  const ofTable: { own: SumResult; adjacent: SumResult }[] = [];
  for (const kt of doc.kpiTables) {
    const periods = tablePeriods.get(kt.table) ?? [];
    const periodsKey = periods.join('\u0000');
    let before = earlier?.tables.get(kt);
    if (before && before.value.periods !== periodsKey) before = undefined;
    const unit = unitOf(before, changed, index, (facts) => ({
      periods: periodsKey,
      ...tableSums(doc, facts, kt, periods),
    }));
    units.tables.set(kt, unit);
    ofTable.push(unit.value);
  }
  // Every table's marked groups, then every table's adjacent ones, as the report lists them.
  for (const t of ofTable) take(t.own);
  for (const t of ofTable) take(t.adjacent);
  return { result, units };
}

/** The sums of one catalog total's breakdowns in a period. */
function breakdownSums(index: FactIndex, period: string, parent: KpiDefinition): SumResult {
  const result: SumResult = { checks: [], partial: [] };
  for (const g of breakdownsOfTotal(index, period, parent, true)) {
    if (g.coverage === 'overlapping') continue;
    const c = sumCheck(g.total, g.members);
    if (!c) continue;
    if (c.check.ok || g.coverage === 'complete' || c.exceeds) {
      // A single member that fits within its total says nothing worth listing.
      if (g.members.length > 1 || !c.check.ok) result.checks.push(c.check);
    } else if (g.members.length > 1)
      result.partial.push({ total: g.total, members: g.members, sum: c.sum, breakdown: g.breakdown });
  }
  return result;
}

/** The sums of the groups one KPI table presents: marked parts, then adjacent kinds. */
function tableSums(
  doc: EsgDocument,
  index: FactIndex,
  kt: KpiTable,
  periods: string[],
): { own: SumResult; adjacent: SumResult } {
  const own: SumResult = { checks: [], partial: [] };
  for (const g of structuralGroupsOf(doc, kt)) {
    const totalKpi = g.total.kpiId;
    const related = (r: KpiRow) => !!totalKpi && !!r.kpiId && getKpi(r.kpiId)?.parent === totalKpi;
    if (g.members.every(related)) continue;
    // Catalog GHG parts of a GHG total are ghg/sum-mismatch's; described parts (sources, sites) are summed here.
    if (totalKpi && isGhg(totalKpi) && g.members.every((r) => r.kpiId && isGhg(r.kpiId) && getKpi(r.kpiId))) continue;
    // Bullets and second-column rows present the parts of the row above; '其中' (of which) may list some only.
    rowSums(index, g, periods, g.mark !== 'of-which', g.mark, own);
  }
  const adjacent: SumResult = { checks: [], partial: [] };
  for (const g of adjacentGroupsOf(kt)) rowSums(index, g, periods, g.complete, 'adjacent', adjacent);
  return { own, adjacent };
}

/**
 * Rows that a table presents as the parts of a total row, per period: a check when they add up, when
 * they exceed the total, or when they are the whole (`complete`); else a partial breakdown. A part
 * printed as nil (`-`, `N/A`, `不適用`) counts as 0; any other part without a figure leaves the period
 * unchecked.
 */
function rowSums(
  index: FactIndex,
  g: { total: KpiRow; members: KpiRow[] },
  periods: string[],
  complete: boolean,
  breakdown: string,
  result: SumResult,
): void {
  for (const period of periods) {
    const total = rowFact(index, g.total, period);
    const members = g.members.map((r) => rowFact(index, r, period) ?? nilFact(r, period));
    if (!total || members.some((m) => !m) || members.every((m) => m!.nil)) continue;
    const parts = members as Fact[];
    const c = sumCheck(total, parts);
    if (!c) continue;
    if (c.check.ok || c.exceeds || complete) result.checks.push(c.check);
    else if (parts.length > 1) result.partial.push({ total, members: parts, sum: c.sum, breakdown });
  }
}

/** A part's label says it is the rest: 'Other hazardous waste', 'Rest of the World', '其他'. */
const REST_PART = /\bother(?:s)?\b|\brest\s+of\b|\bremaining\b|其他|其它/i;
/** 'Recyclable' and 'Non-recyclable': two parts that are each other's complement. */
function complementary(a: string, b: string): boolean {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .replace(/\bnon[\s-]+/g, 'non')
        .split(/[^a-z]+/)
        .filter(Boolean),
    );
  const wa = words(a);
  const wb = words(b);
  for (const w of wa) if (w.startsWith('non') && wb.has(w.slice(3))) return true;
  for (const w of wb) if (w.startsWith('non') && wa.has(w.slice(3))) return true;
  return false;
}

/**
 * Kinds of a figure listed beside its total without any mark ('Mercury, lead and zinc waste', ...,
 * 'Other hazardous waste', then 'Total hazardous waste'): a run of two or more rows right above (or else
 * right below) a catalog total, each a part the recognition layer names of a KPI of the same family
 * (`waste.total.p-x` beside `waste.hazardous`) and dimension. Complete when a part is 'the rest'
 * ('Other ...') or two parts are complements ('recyclable' / 'non-recyclable'); otherwise partial.
 * GHG figures are ghg/sum-mismatch's and are left out.
 */
export function adjacentGroups(doc: EsgDocument): (StructuralGroup & { complete: boolean })[] {
  const out: (StructuralGroup & { complete: boolean })[] = [];
  for (const kt of doc.kpiTables) for (const g of adjacentGroupsOf(kt)) out.push(g);
  return out;
}

/** The adjacent groups of one KPI table (see `adjacentGroups`). */
function adjacentGroupsOf(kt: KpiTable): (StructuralGroup & { complete: boolean })[] {
  const out: (StructuralGroup & { complete: boolean })[] = [];
  const rows = kt.rows;
  const used = new Set<KpiRow>();
  for (let i = 0; i < rows.length; i++) {
    const total = rows[i];
    const kpi = total.kpiId ? getKpi(total.kpiId) : undefined;
    if (!kpi || kpi.parent || isGhg(kpi.id) || !isAdditive(kpi) || partMark(total.label) || !hasNumber(total)) continue;
    const family = kpi.id.slice(0, kpi.id.indexOf('.') + 1) || `${kpi.id}.`;
    const fits = (r: KpiRow) => {
      if (used.has(r) || r.isCaption || partMark(r.label) || !r.kpiId || !hasNumber(r)) return false;
      const base = partBase(r.kpiId);
      const bk = base ? getKpi(base) : undefined;
      return !!bk && (bk.id === kpi.id || bk.id.startsWith(family)) && bk.dimension === kpi.dimension && !bk.per;
    };
    const run = (step: number) => {
      const list: KpiRow[] = [];
      for (let j = i + step; j >= 0 && j < rows.length && fits(rows[j]); j += step) list.push(rows[j]);
      return step < 0 ? list.reverse() : list;
    };
    let members = run(-1);
    if (members.length < 2) members = run(1);
    if (members.length < 2) continue;
    for (const m of members) used.add(m);
    const complete =
      members.some((m) => REST_PART.test(m.label)) ||
      (members.length === 2 && complementary(members[0].label, members[1].label));
    out.push({ table: kt.table, total, members, mark: 'column', complete });
  }
  return out;
}

/** The base of a part id the recognition layer built (`waste.total.p-x` -> `waste.total`), else undefined. */
function partBase(kpiId: string): string | undefined {
  const m = /^(.+)\.p-[0-9a-z]+$/.exec(kpiId);
  return m && getKpi(m[1]) ? m[1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// kpi/rate-mismatch

/** Shares the catalog has no formula for: share = numerator / denominator. */
export const SHARE_RELATIONS: { share: string; numerator: string; denominator: string }[] = [
  { share: 'board.female_share', numerator: 'board.directors.gender.female', denominator: 'board.directors' },
  { share: 'board.independent_share', numerator: 'board.independent', denominator: 'board.directors' },
  { share: 'suppliers.domestic_share', numerator: 'suppliers.region.domestic', denominator: 'suppliers.total' },
  { share: 'suppliers.overseas_share', numerator: 'suppliers.region.overseas', denominator: 'suppliers.total' },
  { share: 'energy.renewable.share', numerator: 'energy.renewable', denominator: 'energy.total' },
];

/**
 * The whole a recognised share is a share of: a GHG scope of the total GHG emissions (reports give
 * each scope's proportion of the total), a catalog breakdown member of its parent. Parts named by the
 * recognition layer ('ghg.scope1.p-x') have no known whole.
 */
function shareWhole(part: string): string | undefined {
  if (/^ghg\.scope[123](?:\.location|\.market)?$/.test(part)) return 'ghg.total';
  const k = getKpi(part);
  return k?.parent && k.breakdown ? k.parent : undefined;
}

export interface RateCheck extends Check {
  /** 'share': reported = numerator / denominator; 'turnover-floor': the rate is below leavers / (year-end + leavers); 'zero': a rate of 0 with a non-zero count, or the reverse. */
  kind: 'share' | 'turnover-floor' | 'zero';
  /** For 'turnover-floor': leavers / year-end headcount, in the rate's unit. */
  yearEnd?: Interval;
}

/** A ratio of two facts as a dimensionless quantity (undefined when it cannot be formed). */
function ratio(numerator: Fact, denominator: Quantity): Quantity | undefined {
  const q = inputQuantity(numerator);
  if (!q || !sameDim(q.dim, denominator.dim)) return undefined;
  const value = div(q.value, denominator.value);
  if (!Number.isFinite(value.lo) || !Number.isFinite(value.hi)) return undefined;
  return { value, dim: DIMENSIONLESS };
}

/** Year-end headcount: the table's employees.total, else `denominators.employees` of the front matter. */
function headcount(
  doc: EsgDocument,
  index: FactIndex,
  period: string,
  near?: Fact,
): { quantity: Quantity; input: CheckInput } | undefined {
  const f = pickFact(index, 'employees.total', period, near);
  const q = f && inputQuantity(f);
  if (q) return { quantity: q, input: inputOf(f!) };
  const given = configQuantity(doc, 'employees', period);
  if (!given) return undefined;
  return {
    quantity: given.quantity,
    input: { label: 'denominators.employees', ref: 'denominators.employees', text: given.text },
  };
}

/**
 * Rates and shares against their counts, per period:
 * - the shares of SHARE_RELATIONS equal numerator / denominator;
 * - the turnover rate (`turnover.rate`) is at least leavers / (year-end headcount + leavers): whatever
 *   headcount a report divides by (year-end, average, everyone employed during the year), nobody can
 *   be in it who was not employed during the year, and those are the year-end staff plus the leavers.
 *   A higher rate fits some average headcount and is not flagged;
 * - the fatality rate is 0 exactly when the fatalities are 0 (definitions of the rate vary: per
 *   employee, per 1,000 or 100,000 employees, over average headcount; only zero is unambiguous).
 */
export function buildRateChecks(doc: EsgDocument, index: FactIndex): RateCheck[] {
  const out: RateCheck[] = [];
  const describedShares = index.all.filter(
    (f) => f.source === 'table' && f.kpiId.endsWith('.share') && !getKpi(f.kpiId),
  );
  for (const period of index.periods) {
    for (const rel of SHARE_RELATIONS) {
      const share = pickFact(index, rel.share, period);
      const num = share && pickFact(index, rel.numerator, period, share);
      const den = share && pickFact(index, rel.denominator, period, share);
      const denominator = den && inputQuantity(den);
      if (!share || !num || !denominator) continue;
      const q = ratio(num, denominator);
      const cmp = q && compareFact(share, q);
      if (!cmp) continue;
      out.push({
        rule: 'kpi/rate-mismatch',
        kind: 'share',
        target: share,
        formula: `${termOf(num)} ÷ ${termOf(den)} = ${termOf(share)}`,
        inputs: [inputOf(num), inputOf(den)],
        computed: cmp.computed,
        ok: cmp.ok,
      });
    }
    for (const share of describedShares.filter((f) => f.period === period)) {
      const part = share.kpiId.slice(0, -'.share'.length);
      const whole = shareWhole(part);
      if (!whole) continue;
      // The part over the whole; without them, their intensities on one basis (the same revenue cancels).
      let num = pickFact(index, part, period, share);
      let den = pickFact(index, whole, period, share);
      if (!num || !den) {
        num = pickFact(index, `${part}.intensity`, period, share);
        den = pickFact(index, whole === 'ghg.total' ? 'ghg.intensity' : `${whole}.intensity`, period, share);
      }
      if (!num || !den) continue;
      const denominator = inputQuantity(den);
      // Two intensities in the same unit the catalog cannot read ('Unit/HK$ million', the guide's placeholder) still divide.
      const sameUnknownUnit = !denominator && !num.quantity && !!num.unitRaw && num.unitRaw === den.unitRaw;
      const q = denominator
        ? ratio(num, denominator)
        : sameUnknownUnit
          ? { value: div(printedOf(num), printedOf(den)), dim: DIMENSIONLESS }
          : undefined;
      const cmp = q && Number.isFinite(q.value.lo) && Number.isFinite(q.value.hi) ? compareFact(share, q) : undefined;
      if (!cmp) continue;
      out.push({
        rule: 'kpi/rate-mismatch',
        kind: 'share',
        target: share,
        formula: `${termOf(num)} ÷ ${termOf(den)} = ${termOf(share)}`,
        inputs: [inputOf(num), inputOf(den)],
        computed: cmp.computed,
        ok: cmp.ok,
      });
    }
    const rate = pickFact(index, 'turnover.rate', period);
    const leavers = rate && pickFact(index, 'turnover.count', period, rate);
    const staff = rate && headcount(doc, index, period, rate);
    const leaversQ = leavers && inputQuantity(leavers);
    if (rate?.quantity && leavers && leaversQ && staff && sameDim(leaversQ.dim, staff.quantity.dim)) {
      const everyone: Quantity = { value: add(staff.quantity.value, leaversQ.value), dim: staff.quantity.dim };
      const floor = ratio(leavers, everyone);
      const yearEndQ = ratio(leavers, staff.quantity);
      const floorIn = floor && inUnit(floor, rate.unit);
      const yearEnd = yearEndQ && inUnit(yearEndQ, rate.unit);
      if (floorIn && Number.isFinite(floorIn.lo)) {
        // Only a floor: any rate at or above it fits some headcount.
        const ok = printedOf(rate).hi >= floorIn.lo - 1e-9 * Math.max(1, Math.abs(floorIn.lo));
        const formula = `${termOf(leavers)} ÷ (${staff.input.label} + ${termOf(leavers)}) ≤ ${termOf(rate)}`;
        out.push({
          rule: 'kpi/rate-mismatch',
          kind: 'turnover-floor',
          target: rate,
          formula,
          inputs: [inputOf(leavers), staff.input],
          computed: floorIn,
          ok,
          yearEnd,
        });
      }
    }
    const fatalityRate = pickFact(index, 'safety.fatality_rate', period);
    const fatalities = fatalityRate && pickFact(index, 'safety.fatalities', period, fatalityRate);
    if (fatalityRate && fatalities) {
      const rateZero = fatalityRate.value === 0;
      const countZero = fatalities.value === 0;
      if (countZero) {
        out.push({
          rule: 'kpi/rate-mismatch',
          kind: 'zero',
          target: fatalityRate,
          formula: `${termOf(fatalities)} = 0 ⇒ ${termOf(fatalityRate)} = 0`,
          inputs: [inputOf(fatalities)],
          computed: exact(0),
          ok: rateZero,
        });
      } else if (rateZero) {
        const staffF = headcount(doc, index, period, fatalityRate);
        const q = staffF && ratio(fatalities, staffF.quantity);
        const computed = q && inUnit(q, fatalityRate.unit);
        if (computed && Number.isFinite(computed.lo)) {
          out.push({
            rule: 'kpi/rate-mismatch',
            kind: 'zero',
            target: fatalityRate,
            formula: `${termOf(fatalities)} ÷ ${staffF!.input.label} = ${termOf(fatalityRate)}`,
            inputs: [inputOf(fatalities), staffF!.input],
            computed,
            ok: false,
          });
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// kpi/average-bounds

/**
 * Averages whose breakdown rates are not weighted by the year-end headcounts a report gives: a
 * turnover rate divides by an average headcount (seed 000, note 15) or by headcount plus leavers
 * (seed 002, note 2) per group, which reports do not print, so only the bounds are checked.
 */
export const NOT_HEADCOUNT_WEIGHTED = new Set(['turnover.rate']);

export interface AverageCheck extends Check {
  kind: 'bounds' | 'weighted';
  breakdown: string;
  /** For 'bounds': the groups with the smallest and the largest value. */
  lowest?: Fact;
  highest?: Fact;
}

/** A quantity of a fact in a target fact's unit as a plain interval. */
function valueIn(f: Fact, like: Fact): Interval | undefined {
  const v = inUnitOf(f, like);
  return v && Number.isFinite(v.lo) && Number.isFinite(v.hi) ? v : undefined;
}

/**
 * Overall averages and rates (a KPI with `per`, or a percentage, that has breakdown members) against
 * each complete breakdown, per period: the overall figure lies between the smallest and the largest
 * group value; and, where the report gives the group sizes (employees by the same breakdown, adding
 * up to employees.total), it equals their mean weighted by the sizes.
 */
export function buildAverageChecks(doc: EsgDocument, index: FactIndex): AverageCheck[] {
  const out: AverageCheck[] = [];
  for (const period of index.periods) {
    for (const g of breakdownGroups(index, period, (k) => !isAdditive(k))) {
      // A partial breakdown bounds nothing: the groups left out may lie anywhere.
      if (g.coverage !== 'complete' || g.members.length < 2) continue;
      const values = g.members.map((m) => valueIn(m, g.total));
      if (values.some((v) => !v)) continue;
      const vs = values as Interval[];
      const range: Interval = {
        lo: vs.reduce((m, v) => Math.min(m, v.lo), Infinity),
        hi: vs.reduce((m, v) => Math.max(m, v.hi), -Infinity),
      };
      const terms = g.members.map(termOf).join(', ');
      const lowest = g.members[vs.findIndex((v) => v.lo === range.lo)];
      const highest = g.members[vs.findIndex((v) => v.hi === range.hi)];
      out.push({
        rule: 'kpi/average-bounds',
        kind: 'bounds',
        breakdown: g.breakdown,
        target: g.total,
        formula: `min(${terms}) ≤ ${termOf(g.total)} ≤ max(${terms})`,
        inputs: g.members.map(inputOf),
        computed: range,
        ok: meets(printedOf(g.total), range),
        lowest,
        highest,
      });
      if (NOT_HEADCOUNT_WEIGHTED.has(g.parent.id) || g.parent.per !== 'employees') continue;
      const weighted = weightedMean(index, period, g, vs);
      if (weighted) out.push(weighted);
    }
  }
  return out;
}

function weightedMean(
  index: FactIndex,
  period: string,
  g: BreakdownGroup,
  values: Interval[],
): AverageCheck | undefined {
  const staff = pickFact(index, 'employees.total', period, g.total);
  if (!staff?.quantity) return undefined;
  const sizes = g.members.map((m) => pickFact(index, `employees.${g.breakdown}.${memberKey(m.kpiId)}`, period, staff));
  const weights = sizes.map((s) => s && inputQuantity(s));
  if (weights.some((w) => !w)) return undefined;
  const ws = sizes as Fact[];
  const sizeSum = sumQuantities(ws);
  // The sizes must be the whole headcount, or the mean is over another population.
  if (!sizeSum || !sameDim(sizeSum.dim, staff.quantity.dim) || !meets(sizeSum.value, staff.quantity.value))
    return undefined;
  let numerator: Interval = exact(0);
  values.forEach((v, i) => (numerator = add(numerator, mul(v, weights[i]!.value))));
  const mean = div(numerator, sizeSum.value);
  if (!Number.isFinite(mean.lo) || !Number.isFinite(mean.hi)) return undefined;
  const formula = `(${g.members.map((m, i) => `${termOf(m)} × ${termOf(ws[i])}`).join(' + ')}) ÷ (${ws.map(termOf).join(' + ')}) = ${termOf(g.total)}`;
  return {
    rule: 'kpi/average-bounds',
    kind: 'weighted',
    breakdown: g.breakdown,
    target: g.total,
    formula,
    inputs: [...g.members.map(inputOf), ...ws.map(inputOf)],
    computed: mean,
    ok: meets(printedOf(g.total), mean),
  };
}

// ---------------------------------------------------------------------------------------------
// Messages shared by the relation rules

/** The breakdown's name in the report's language ('按性別', 'by gender'). */
export function breakdownName(locale: Locale, breakdown: string): string {
  const key = `kpi.breakdown.${breakdown}`;
  const text = tFromKey(locale, key);
  return text === key ? breakdown : text;
}
