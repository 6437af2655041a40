// Facts across reports: the KPI figures of two reports matched by KPI id and period (the recognition
// layer makes a `溫室氣體排放總量` row and a 'Total GHG emissions' row the same KPI), compared after
// unit conversion and within rounding (each printed figure stands for an interval, as in the numbers
// rules). Used by the cross-report rules, hover and `esgmark compare`.
import type { EsgDocument, KpiRow } from '../model';
import type { Range } from '../types';
import { factInterval, type Fact, type FactIndex } from '../numbers/facts';
import { getKpi } from '../catalogs/kpis';
import { unitFitsKpi } from '../catalogs/units';
import { inUnit, meets, sameDim } from '../numbers/quantity';
import { scanInline } from '../parser/inline';
import { attr } from '../parser/attributes';

export type Verdict =
  /** The two figures can be the same value (within rounding, after unit conversion). */
  | 'same'
  /** They cannot. */
  | 'different'
  /** Their units measure different things (t and kWh). */
  | 'units'
  /** Units unknown or written differently, or a guessed KPI whose unit does not fit it: not compared. */
  | 'not-comparable'
  /** Only the first report states the KPI for the period. */
  | 'only-first'
  /** Only the second report does. */
  | 'only-second';

export interface FactPair {
  kpiId: string;
  period: string;
  first?: Fact;
  second?: Fact;
  verdict: Verdict;
}

/** A row guessed from its label whose unit does not fit the guessed KPI: the match itself may be wrong. */
function misfitGuess(f: Fact): boolean {
  const kpi = getKpi(f.kpiId);
  return f.row?.kpiIdSource === 'catalog' && !!kpi && !!f.unit && !unitFitsKpi(f.unit, kpi);
}

/** How two statements of the same KPI and period compare. */
export function compareFact(a: Fact, b: Fact): Exclude<Verdict, 'only-first' | 'only-second'> {
  if (misfitGuess(a) || misfitGuess(b)) return 'not-comparable';
  if (a.quantity && b.quantity) {
    if (!sameDim(a.quantity.dim, b.quantity.dim)) {
      const kpi = getKpi(a.kpiId);
      // Two units the KPI accepts (fuel in 升 and in 噸) are not a drift, only not comparable.
      if (kpi && a.unit && b.unit && unitFitsKpi(a.unit, kpi) && unitFitsKpi(b.unit, kpi)) return 'not-comparable';
      return 'units';
    }
    const converted = inUnit(a.quantity, b.unit);
    if (!converted) return 'not-comparable';
    return meets(converted, factInterval(b)) ? 'same' : 'different';
  }
  // Neither unit is known: comparable only when written alike.
  if (!a.quantity && !b.quantity && (a.unitRaw ?? '').trim() === (b.unitRaw ?? '').trim())
    return meets(factInterval(a), factInterval(b)) ? 'same' : 'different';
  return 'not-comparable';
}

/** The facts that stand for a KPI and period: recognised KPI, a value (not a nil mark), one per key (derived.ts keeps them). */
export function buildKeyedFacts(index: FactIndex): Map<string, Fact> {
  const out = new Map<string, Fact>();
  for (const f of index.all) {
    if (!f.kpiId || f.nil) continue;
    const key = `${f.kpiId}@${f.period}`;
    if (out.has(key)) continue;
    const first = index.first(f.kpiId, f.period);
    if (first) out.set(key, first);
  }
  return out;
}

/** A period that names a financial year alone (`2025`), not a segment or a site (`2021#香港`). */
export function plainPeriod(period: string): boolean {
  return /^\d{4}$/.test(period);
}

/**
 * Every KPI and period of two reports (their keyed facts, `derivedOf(doc).keyedFacts`), both values and
 * the verdict, sorted by KPI id then period.
 * `keep` selects the periods compared (all by default). Periods qualified by a segment or site are
 * compared only when both reports have them (their names are in each report's language).
 */
export function compareReports(
  a: ReadonlyMap<string, Fact>,
  b: ReadonlyMap<string, Fact>,
  keep: (period: string) => boolean = () => true,
): FactPair[] {
  const pairs: FactPair[] = [];
  for (const [key, fa] of a) {
    if (!keep(fa.period)) continue;
    const fb = b.get(key);
    if (fb) pairs.push({ kpiId: fa.kpiId, period: fa.period, first: fa, second: fb, verdict: compareFact(fa, fb) });
    else if (plainPeriod(fa.period))
      pairs.push({ kpiId: fa.kpiId, period: fa.period, first: fa, verdict: 'only-first' });
  }
  for (const [key, fb] of b) {
    if (!keep(fb.period) || a.has(key) || !plainPeriod(fb.period)) continue;
    pairs.push({ kpiId: fb.kpiId, period: fb.period, second: fb, verdict: 'only-second' });
  }
  return pairs.sort((x, y) =>
    x.kpiId < y.kpiId ? -1 : x.kpiId > y.kpiId ? 1 : x.period < y.period ? -1 : x.period > y.period ? 1 : 0,
  );
}

export interface RestatedMarker {
  /** The reason written (`restated="emission factor updated"`); '' when none is given. */
  reason: string;
  /** The attribute or class that marks the row. */
  range: Range;
}

/**
 * The restatement marker of a KPI row: `restated="reason"` or the class `.restated` in the attribute
 * block of the row's label, `[Total GHG emissions]{kpi=ghg.total restated="factor update"}` (derived.ts
 * keeps it, once per row).
 */
export function findRestatedMarker(doc: EsgDocument, row: KpiRow): RestatedMarker | undefined {
  let found: RestatedMarker | undefined;
  const line = row.labelRange.start.line;
  const start = doc.lineStarts[line];
  if (start !== undefined) {
    const lineText = doc.text.slice(start, start + row.labelRange.end.character);
    if (lineText.includes(']{') && lineText.includes('restated')) {
      const span = scanInline(lineText, line, row.labelRange.start.character, row.labelRange.end.character).spans[0];
      if (span) {
        const pair = attr(span.attrs, 'restated');
        if (pair)
          found = { reason: pair.value.trim(), range: { start: pair.keyRange.start, end: pair.valueRange.end } };
        else if (span.attrs.classes.includes('restated')) found = { reason: '', range: span.attrs.range };
      }
    }
  }
  return found;
}
