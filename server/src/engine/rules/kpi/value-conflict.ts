// kpi/value-conflict: the same KPI for the same period stated more than once (highlights, body,
// appendix, prose) with values that cannot be the same figure, or in units of different kinds.
import { type Rule } from '../rule';
import { getKpi } from '../../catalogs/kpis';
import type { KpiDefinition } from '../../catalogs/schema';
import { recogniseLabel } from '../../recognition/labels';
import { localized } from '../../i18n';
import { unitFitsKpi } from '../../catalogs/units';
import { type Fact, type FactIndex } from '../../numbers/facts';
import type { KpiRow, KpiTable } from '../../model';
import { factText } from '../../numbers/checks';
import { formatNumber, meets, sameDim } from '../../numbers/quantity';
import { inUnitOf, printedOf, termOf } from '../../numbers/relations';
import { facts } from '../../derived';

/** Water is written in 噸 or in m³ (1 t of water is 1 m³): the base values compare directly. */
const MASS_IS_VOLUME = (kpiId: string) => kpiId.startsWith('water.');

/** `kpi`: the catalog's entry for the fact's KPI id (looked up once per KPI and period by the caller). */
function misfitGuess(f: Fact, kpi: KpiDefinition | undefined): boolean {
  return f.row?.kpiIdSource === 'catalog' && !!kpi && !!f.unit && !unitFitsKpi(f.unit, kpi);
}

/**
 * Two rows in two tables that print the same numbers in every period both state, in units that
 * measure different things (tCO2e/GJ of energy consumed in the body, kgCO2e/GJ of energy sold in the
 * appendix): one figure printed twice, and one of the units is wrong. Two rows of one table are two
 * figures (the table states both intensities), and rows whose numbers differ may be two real
 * intensities; neither is this. Two different figures print alike by chance when they are short
 * ('0.2' and '0.2'): the agreeing figures must carry three significant digits between them ('0.2' and
 * '0.21' in two years), each one making a chance match about ten times less likely.
 */
function sameFigureInTwoUnits(a: Fact, b: Fact, index: FactIndex, pairs: PairMemo): boolean {
  if (!a.row || !b.row || a.row.table === b.row.table) return false;
  // The answer is the rows', not the period's: computed once per pair (a large report asks per period).
  let byRow = pairs.get(a.row);
  const known = byRow?.get(b.row);
  if (known !== undefined) return known;
  const answer = compareRows(a.row, b.row, index);
  if (!byRow) pairs.set(a.row, (byRow = new Map()));
  byRow.set(b.row, answer);
  return answer;
}

/** One run's answers of sameFigureInTwoUnits, by pair of rows. */
type PairMemo = Map<KpiRow, Map<KpiRow, boolean>>;

function compareRows(aRow: KpiRow, bRow: KpiRow, index: FactIndex): boolean {
  const a = { row: aRow };
  const b = { row: bRow };
  let digits = 0;
  for (const period of index.periods) {
    const x = index.ofRow(a.row, period);
    const y = index.ofRow(b.row, period);
    if (!x || !y) continue;
    if (x.inexact || y.inexact || x.value !== y.value) return false;
    digits += significantDigits(x.raw);
  }
  return digits >= 3;
}

/** Digits of a printed figure from its first non-zero one ('0.21' has 2, '1,200' 4, '0' none). */
function significantDigits(raw: string): number {
  return raw.replace(/\D/g, '').replace(/^0+/, '').length;
}

type ConflictKind = 'different' | 'units' | 'same-figure';

/**
 * 'different' when the printed figures cannot be the same value, 'units' when their units measure
 * different things, 'same-figure' when one figure is printed in two units the KPI accepts.
 */
function conflict(
  a: Fact,
  b: Fact,
  kpi: KpiDefinition | undefined,
  index: FactIndex,
  pairs: PairMemo,
): ConflictKind | undefined {
  // A row whose unit does not fit the KPI its label was matched to is kpi/unit-dimension's (the match
  // may be what is wrong: an intensity row, an emissions source named after its fuel). `b`'s fit is
  // the caller's test (it is the reference of every comparison of its KPI and period).
  if (misfitGuess(a, kpi)) return undefined;
  if (a.quantity && b.quantity && !sameDim(a.quantity.dim, b.quantity.dim)) {
    // Two units the KPI accepts (fuel in 升 and in 噸) are not a conflict, only not comparable.
    if (!kpi || !a.unit || !b.unit || !unitFitsKpi(a.unit, kpi) || !unitFitsKpi(b.unit, kpi)) return 'units';
    if (!MASS_IS_VOLUME(a.kpiId) || a.unit.denominator || b.unit.denominator)
      return sameFigureInTwoUnits(a, b, index, pairs) ? 'same-figure' : undefined;
    return meets(a.quantity.value, b.quantity.value) ? undefined : 'different';
  }
  const other = inUnitOf(a, b);
  // Unknown units written differently cannot be compared (kpi/unknown-unit reports them).
  if (!other) return undefined;
  return meets(other, printedOf(b)) ? undefined : 'different';
}

/**
 * Rows of one table under different captions or groups ('Fuel purchased for owned fleet' | 'Heavy fuel
 * oil', then 'Fuel purchased for chartered fleet' | 'Heavy fuel oil') are different figures of the same
 * KPI, not one figure stated twice. Key: the caption row above the row and the row's group.
 */
function contextsOf(doc: import('../../model').EsgDocument): Contexts {
  const kpiTables = new Map<number, KpiTable[]>();
  for (const kt of doc.kpiTables) {
    const list = kpiTables.get(kt.table);
    if (list) list.push(kt);
    else kpiTables.set(kt.table, [kt]);
  }
  return { kpiTables, byTable: new Map() };
}

/** The context of a row (undefined for a caption row or a row of no KPI table), read per table when first asked. */
function contextOf(contexts: Contexts, row: KpiRow): string | undefined {
  let byLine = contexts.byTable.get(row.table);
  if (!byLine) {
    byLine = new Map();
    for (const kt of contexts.kpiTables.get(row.table) ?? []) {
      let caption = '';
      for (const r of kt.rows) {
        if (r.isCaption) caption = r.label;
        else byLine.set(r.line, `${caption}|${r.group ?? ''}`);
      }
    }
    contexts.byTable.set(row.table, byLine);
  }
  return byLine.get(row.line);
}

/** The KPI tables by their table, and the contexts of the rows of the tables compared so far, by line. */
interface Contexts {
  kpiTables: Map<number, KpiTable[]>;
  byTable: Map<number, Map<number, string>>;
}

function differentContexts(
  a: Fact,
  b: Fact,
  kpi: KpiDefinition | undefined,
  contexts: Contexts,
  named: NamedMemo,
): boolean {
  if (!a.row || !b.row) return false;
  if (a.row.table !== b.row.table) return !namedByLabel(a, kpi, named) || !namedByLabel(b, kpi, named);
  return contextOf(contexts, a.row) !== contextOf(contexts, b.row);
}

/**
 * Whether a row's KPI is what its label alone says. An id recognition built from a row's context (its
 * group, the caption above, the header: 'Hong Kong' under 'Diesel') names different figures in two
 * tables ('Stationary sources', 'Mobile sources'); one its own label names ('GHG intensity (excluding
 * integrated energy business)') is the same figure wherever it is printed.
 */
function namedByLabel(f: Fact, kpi: KpiDefinition | undefined, named: NamedMemo): boolean {
  if (f.row?.kpiIdSource !== 'catalog' || kpi) return true;
  // The answer is the row's: a reference figure is compared with every other statement of its KPI.
  let answer = named.get(f.row);
  if (answer === undefined) {
    answer = recogniseLabel(f.row.label, { unit: f.row.unit?.raw })?.kpiId === f.kpiId;
    named.set(f.row, answer);
  }
  return answer;
}

/** One run's answers of namedByLabel, by row. */
type NamedMemo = Map<KpiRow, boolean>;

/**
 * Two statements of one figure where one is about a thousand times the other (7,018,644 against
 * 7,016.684 tonnes): the commonest slip behind such a pair is a figure in kg labelled tonnes (or MWh
 * labelled kWh). Within 0.5% of exactly 1,000 a chance match is unlikely; the larger figure is read a
 * thousand times smaller, as printed with three more decimals.
 */
function thousandfold(other: Fact, reference: Fact): { which: 'other' | 'this'; scaled: string } | undefined {
  const ref = inUnitOf(reference, other);
  if (!ref || !other.value || other.inexact || reference.inexact) return undefined;
  const ratio = (ref.lo + ref.hi) / 2 / other.value;
  const near = (r: number) => Math.abs(r / 1000 - 1) < 0.005;
  const scaled = (f: Fact) => `${formatNumber(f.value / 1000, f.decimals + 3)}${f.unitRaw ? ` ${f.unitRaw}` : ''}`;
  if (near(ratio)) return { which: 'other', scaled: scaled(reference) };
  if (ratio > 0 && near(1 / ratio)) return { which: 'this', scaled: scaled(other) };
  return undefined;
}

const MESSAGE = {
  different: 'kpi.valueConflict',
  units: 'kpi.valueConflictUnits',
  'same-figure': 'kpi.valueConflictSameFigure',
} as const;

/** The KPI and period, and the figure (as printed) the statement disagrees with. */
export type ValueConflictData = { kind: 'value-conflict'; kpi: string; period: string; other: string };

export const kpiValueConflict: Rule<ValueConflictData> = {
  id: 'kpi/value-conflict',
  defaultSeverity: 'warning',
  quotesLineNumbers: true,
  description: {
    en: 'A KPI stated more than once for the same period (highlights, body, appendix, prose) has the same value each time, within rounding and after unit conversion.',
    'zh-Hant': '同一指標在同一期間多次列示（摘要、正文、附錄、文字）時，數值一致（容許四捨五入及單位換算）。',
    'zh-Hans': '同一指标在同一期间多次列示（摘要、正文、附录、文字）时，数值一致（容许四舍五入及单位换算）。',
  },
  factKeyOf: (data) => `${data.kpi}@${data.period}`,
  run(ctx) {
    const index = facts(ctx.doc);
    const pairs: PairMemo = new Map();
    const named: NamedMemo = new Map();
    let contexts: Contexts | undefined;
    for (const f of index.all) {
      const list = index.get(f.kpiId, f.period);
      // Each KPI and period once, at its first fact (the index lists a key's facts in report order).
      if (list.length < 2 || list[0] !== f) continue;
      // Each statement is compared with the first table figure (the one the relations check).
      const reference = index.first(f.kpiId, f.period)!;
      // Every fact of the key has its KPI id: one catalog lookup.
      const kpi = getKpi(f.kpiId);
      // A reference whose unit does not fit its KPI conflicts with nothing (see `conflict`).
      if (misfitGuess(reference, kpi)) continue;
      // The reference's name and figure, written once for all the statements that conflict with it.
      let referenceText: { term: string; figure: string; related: string } | undefined;
      for (const other of list) {
        if (other === reference) continue;
        if (differentContexts(other, reference, kpi, (contexts ??= contextsOf(ctx.doc)), named)) continue;
        const kind = conflict(other, reference, kpi, index, pairs);
        if (!kind) continue;
        // A prose figure whose value differs from the table is kpi/prose-mismatch's (one report, not two),
        // unless only the mass-volume equivalence of water makes them comparable, which that rule lacks.
        const proseMismatchSees =
          other.quantity && reference.quantity && sameDim(other.quantity.dim, reference.quantity.dim);
        if (kind === 'different' && other.source === 'prose' && reference.source === 'table' && proseMismatchSees)
          continue;
        if (!referenceText) {
          const term = termOf(reference);
          const figure = factText(reference);
          referenceText = { term, figure, related: `${term} ${figure}` };
        }
        // A prose span's text is the figure itself; name it by its KPI instead.
        const args = {
          label: other.source === 'prose' && kpi ? localized(kpi.names, ctx.locale) : termOf(other),
          period: other.period,
          value: factText(other),
          other: referenceText.figure,
          unit: other.unitRaw ?? '',
          otherUnit: reference.unitRaw ?? '',
          line: reference.range.start.line + 1,
          otherLabel: referenceText.term,
        };
        const thousand = kind === 'different' ? thousandfold(other, reference) : undefined;
        const message = thousand
          ? ctx.t('kpi.valueConflictThousand', {
              ...args,
              which: ctx.t(thousand.which === 'other' ? 'kpi.valueConflictThatFigure' : 'kpi.valueConflictThisFigure'),
              scaled: thousand.scaled,
            })
          : ctx.t(MESSAGE[kind], args);
        ctx.report({
          range: other.range,
          message,
          related: [
            {
              uri: ctx.doc.uri,
              range: reference.range,
              message: ctx.t('kpi.valueConflictRelated', { value: referenceText.related }),
            },
          ],
          data: { kind: 'value-conflict', kpi: f.kpiId, period: f.period, other: reference.raw },
        });
      }
    }
  },
};
