// GHG relations that need no annotation once the KPIs are recognised:
// Scope 1 + Scope 2 = the Scope 1+2 total; Scope 1 + 2 + 3 = the grand total; Scope 3 = the sum of
// its categories. Every period of the report is checked on its own.
import { factInterval, type Fact, type FactIndex } from './facts';
import { cleanLabel, compareFact, inputOf, type Check } from './checks';
import { sumQuantities } from './relations';
import { unitOf, type Unit } from './factDeps';

export const SCOPE3_CATEGORY = /^ghg\.scope3\.cat([0-9]+)$/;

function check(rule: string, target: Fact | undefined, parts: Fact[], join = ' + '): Check | undefined {
  if (!target || parts.length < 2 || parts.includes(target)) return undefined;
  const sum = sumQuantities(parts);
  if (!sum) return undefined;
  const cmp = compareFact(target, sum);
  if (!cmp) return undefined;
  return {
    rule,
    target,
    formula: `${parts.map((p) => cleanLabel(p.label)).join(join)} = ${cleanLabel(target.label)}`,
    inputs: parts.map(inputOf),
    computed: cmp.computed,
    ok: cmp.ok,
  };
}

function scope2(index: FactIndex, period: string): Fact | undefined {
  return index.first('ghg.scope2', period) ?? index.first('ghg.scope2.location', period);
}

/**
 * The GHG sum checks (ghg/sum-mismatch) by period, each period's checks with the facts they read (numbers/factDeps.ts); with
 * `earlier` (a version's units whose facts differ from these in the `changed` tokens), a period that
 * read none of them is carried.
 */
export function buildGhgSumUnits(
  index: FactIndex,
  earlier?: ReadonlyMap<string, Unit<Check[]>>,
  changed?: ReadonlySet<string>,
): { result: Check[]; units: Map<string, Unit<Check[]>> } {
  const result: Check[] = [];
  const units = new Map<string, Unit<Check[]>>();
  for (const period of index.periods) {
    const unit = unitOf(earlier?.get(period), changed, index, (facts) => ghgSumChecksIn(facts, period));
    units.set(period, unit);
    for (const c of unit.value) result.push(c);
  }
  return { result, units };
}

function ghgSumChecksIn(index: FactIndex, period: string): Check[] {
  const out: Check[] = [];
  const s1 = index.first('ghg.scope1', period);
  const s2 = scope2(index, period);
  const s3 = index.first('ghg.scope3', period);
  const scopes12 = [s1, s2].filter((f): f is Fact => !!f);
  const c12 = check('ghg/sum-mismatch', index.first('ghg.scope12', period), scopes12);
  if (c12) out.push(c12);
  // The grand total: Scope 1 + 2 (+ 3 when the report gives Scope 3).
  const total = index.first('ghg.total', period);
  if (total && scopes12.length === 2) {
    const c = check('ghg/sum-mismatch', total, s3 ? [...scopes12, s3] : scopes12);
    if (c) out.push(c);
  }
  const categories = index
    .withPrefix('ghg.scope3.', period)
    .filter((f) => SCOPE3_CATEGORY.test(f.kpiId) && Number(SCOPE3_CATEGORY.exec(f.kpiId)![1]) <= 15);
  // One fact per category (the first): a category stated twice is kpi/value-conflict's business.
  const seen = new Set<string>();
  const unique = categories.filter((f) => !seen.has(f.kpiId) && seen.add(f.kpiId));
  const c3 = check('ghg/sum-mismatch', s3, unique);
  if (c3 && !c3.ok && isPartialList(s3!, unique, c3)) {
    // Categories listed in a table of their own, fewer than all 15, summing to less than the total:
    // the rest may sit in categories the report does not list, so a shortfall is not a defect by
    // itself (a sum above the total is). Said as information, with the amount not accounted for.
    c3.severity = 'information';
    c3.noteKey = { key: 'ghg.scope3.partialList', args: { count: unique.length } };
  }
  if (c3) out.push(c3);
  return out;
}

/** Whether the categories come from another table than the Scope 3 total, are not all 15, and sum to less than it. */
function isPartialList(total: Fact, categories: Fact[], c: Check): boolean {
  if (categories.length >= 15 || !total.row || categories.some((f) => !f.row || f.row.table === total.row!.table))
    return false;
  const reported = factInterval(total);
  return c.computed.hi < reported.lo;
}

/** KPI ids written in spans that claim to be Scope 3 categories but are not one of the GHG Protocol's 15. */
export function invalidScope3Categories(index: FactIndex): Fact[] {
  return index.all.filter((f) => {
    if (!f.kpiId.startsWith('ghg.scope3.')) return false;
    // Only an id the author wrote can name a category that does not exist; recognition builds ids of its own ('ghg.scope3.p-x').
    if (f.row && f.row.kpiIdSource !== 'span') return false;
    const m = SCOPE3_CATEGORY.exec(f.kpiId);
    return !m || Number(m[1]) < 1 || Number(m[1]) > 15 || m[1].startsWith('0');
  });
}
