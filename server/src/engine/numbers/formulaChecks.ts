// Checks written by the author: `formula="..."` on a KPI row (checked in every period column) and
// `check="..."` / `kpi=...` on a figure quoted in the prose. Formula errors are reported at their
// exact column inside the attribute value.
import type { EsgDocument, KpiTable, Span } from '../model';
import { unitOf, type Unit } from './factDeps';
import type { Range } from '../types';
import { attr } from '../parser/attributes';
import { parseNumber } from './read';
import { detachedCopy } from '../text/normalize';
import { getFactor } from '../catalogs/factors';
import { factInterval, spanFigure, tableFact, type Fact, type FactIndex } from './facts';
import { compareFact, factText, type Check, type CheckInput } from './checks';
import {
  DIMENSIONLESS,
  dimOf,
  formatDim,
  formatQuantity,
  inUnit,
  meets,
  sameDim,
  type Interval,
  type Quantity,
} from './quantity';
import {
  evaluateFormula,
  formulaEnvFor,
  frontMatterValue,
  MAX_FORMULA_LENGTH,
  parseFormula,
  type FormulaEnvOptions,
  type ParseResult,
  type FormulaInput,
} from './formula';

export interface FormulaProblem {
  rule: 'kpi/formula-mismatch' | 'kpi/prose-mismatch';
  range: Range;
  key: string;
  args: Record<string, string | number>;
  severity: 'error' | 'warning' | 'information';
}

export interface FormulaCheckResult {
  checks: Check[];
  problems: FormulaProblem[];
}

// A report's formulas are parsed once per distinct text: the AST is never altered (the evaluator only
// reads it), so the same one serves every row, span and analysis that writes the formula. Bounded.
const PARSED_MAX = 2048;
const parsedFormulas = new Map<string, ParseResult>();

function parsedFormula(text: string): ParseResult {
  if (text.length > MAX_FORMULA_LENGTH) return parseFormula(text);
  let parsed = parsedFormulas.get(text);
  if (!parsed) {
    parsed = parseFormula(text);
    if (parsedFormulas.size >= PARSED_MAX) parsedFormulas.clear();
    parsedFormulas.set(detachedCopy(text), parsed);
  }
  return parsed;
}

/** Maps offsets in an attribute value to the document (attribute values sit on one line). */
function at(valueRange: Range, start: number, end: number): Range {
  const line = valueRange.start.line;
  const base = valueRange.start.character;
  const last = valueRange.end.character;
  return {
    start: { line, character: Math.min(base + start, last) },
    end: { line, character: Math.min(base + Math.max(end, start + 1), last) },
  };
}

/**
 * The inputs of a formula as a message lists them: a KPI with its row label, value and unit; a
 * front-matter value with the text it was given (`3,029.5 百萬元`, `cn-grid-2023 = 0.5306 kgCO2/kWh`);
 * each with its period, shown when it is not the check's.
 */
function inputsOf(doc: EsgDocument, all: FormulaInput[]): CheckInput[] {
  return all.map((i): CheckInput => {
    if (i.fact)
      return {
        label: i.label ?? i.text,
        ref: `${i.text}@${i.period}`,
        fact: i.fact,
        text: factText(i.fact),
        period: i.period,
      };
    return {
      label: i.text,
      ref: `${i.text}@${i.period}`,
      text: frontMatterText(doc, i) ?? (i.value ? formatQuantity(i.value, doc.config.currency) : ''),
      period: i.period,
    };
  });
}

/** What the front matter says for a denominator or factor input, as written. */
function frontMatterText(doc: EsgDocument, i: FormulaInput): string | undefined {
  const name = i.text.slice(i.text.indexOf('.') + 1);
  if (i.kind === 'denominator') return frontMatterValue(doc.config.denominators, name, i.period)?.raw;
  if (i.kind !== 'factor') return undefined;
  const entry = frontMatterValue(doc.config.factors, name, i.period);
  if (!entry?.catalogId) return entry?.raw;
  const f = getFactor(entry.catalogId);
  return f ? `${entry.catalogId} = ${f.printed} ${f.unit}` : entry.catalogId;
}

/** A formula's result against the figure it must equal: the comparison, or why there can be none. */
type Comparison =
  | { ok: boolean; computed: Interval; noteKey?: Check['noteKey'] }
  | { key: string; args: Record<string, string | number> };

/**
 * A ratio and a percentage 100 times apart: `[8.4]` for change() (0.084), or `[8.4%]` for a formula
 * that multiplies by 100 (8.4 is 840%). The mismatch stands; the note says what went wrong.
 */
function percentNote(target: Fact, computed: Interval): Check['noteKey'] | undefined {
  const figure = factInterval(target);
  const percent = target.percentSign || target.unitRaw === '%';
  if (!target.unit && !target.unitRaw && meets(figure, { lo: computed.lo * 100, hi: computed.hi * 100 }))
    return { key: 'numbers.hint.percent', args: { reported: target.raw } };
  if (percent && meets(figure, { lo: computed.lo / 100, hi: computed.hi / 100 }))
    return {
      key: 'numbers.hint.ratio',
      args: {
        reported: factText(target),
        ratio: formatQuantity({ value: { lo: figure.lo / 100, hi: figure.hi / 100 }, dim: DIMENSIONLESS }),
      },
    };
  return undefined;
}

/**
 * One comparison for `formula=` and `check=` alike. A figure without a unit, or with a unit esgmark
 * does not know, is a plain number: it compares with a dimensionless result only. A figure with a
 * unit compares with a result of the same dimension only. Anything else is reported, never skipped.
 */
export function compareResult(
  doc: EsgDocument,
  target: Fact,
  result: { value: Quantity },
  formula: string,
): Comparison {
  const currency = doc.config.currency;
  // The message arguments are written only when there is no comparison to make (the rare case).
  const base = () => ({
    formula,
    period: target.period,
    computed: formatQuantity(result.value, currency),
    reported: factText(target),
  });
  const resultDim = () => formatDim(result.value.dim);
  // A result that involves a KPI of unknown unit is dimensionless too (the evaluator allows nothing else).
  const resultPlain = sameDim(result.value.dim, DIMENSIONLESS);
  const plain = (): Comparison => {
    const computed = result.value.value;
    if (!Number.isFinite(computed.lo) || !Number.isFinite(computed.hi))
      return { key: 'numbers.formula.notFinite', args: base() };
    const ok = meets(factInterval(target), computed);
    const noteKey = ok ? undefined : percentNote(target, computed);
    return noteKey ? { ok, computed, noteKey } : { ok, computed };
  };
  if (!target.unit) {
    if (resultPlain) return plain();
    if (target.unitRaw)
      return {
        key: 'numbers.formula.figureUnknownUnit',
        args: { ...base(), unit: target.unitRaw, resultDim: resultDim() },
      };
    return { key: 'numbers.formula.figureNoUnit', args: { ...base(), resultDim: resultDim() } };
  }
  const targetDim = dimOf(target.unit).dim;
  const unitDim = () => formatDim(targetDim);
  const targetPlain = sameDim(targetDim, DIMENSIONLESS);
  // A result of numbers (or of KPIs without a known unit) against a figure in tCO2e: esgmark does not guess the unit.
  if (resultPlain && !targetPlain)
    return { key: 'numbers.formula.resultNoUnit', args: { ...base(), unit: target.unitRaw ?? '', unitDim: unitDim() } };
  const inTarget = inUnit(result.value, target.unit);
  if (!inTarget)
    return {
      key: 'numbers.formula.unit',
      args: { ...base(), unit: target.unitRaw ?? '', unitDim: unitDim(), resultDim: resultDim() },
    };
  if (!Number.isFinite(inTarget.lo) || !Number.isFinite(inTarget.hi))
    return { key: 'numbers.formula.notFinite', args: base() };
  const ok = meets(factInterval(target), inTarget);
  const noteKey = ok || !targetPlain ? undefined : percentNote(target, inTarget);
  return noteKey ? { ok, computed: inTarget, noteKey } : { ok, computed: inTarget };
}

/**
 * The formula checks' units, each with the facts it read (numbers/factDeps.ts): the `formula=` rows of
 * a KPI table (keyed by the table object) and the `check=` or `kpi=` of a span (keyed by the span).
 */
export interface FormulaUnits {
  tables: Map<KpiTable, Unit<FormulaCheckResult>>;
  spans: Map<Span, Unit<FormulaCheckResult>>;
}

/**
 * The formula checks of a document under `options` (derived.ts keeps them, once per options object),
 * with their units; with `earlier` (the units, under the same options, of a version
 * whose facts differ from these in the `changed` tokens, `factChanges`), a unit that read none of them
 * is carried as it was.
 */
export function buildFormulaCheckUnits(
  doc: EsgDocument,
  index: FactIndex,
  options: FormulaEnvOptions,
  earlier?: FormulaUnits,
  changed?: ReadonlySet<string>,
): { result: FormulaCheckResult; units: FormulaUnits } {
  const result: FormulaCheckResult = { checks: [], problems: [] };
  const units: FormulaUnits = { tables: new Map(), spans: new Map() };
  // One problem per place and message, whichever unit found it first.
  const reported = new Set<string>();
  const take = (part: FormulaCheckResult) => {
    for (const c of part.checks) result.checks.push(c);
    for (const p of part.problems) {
      const key = `${p.range.start.line}:${p.range.start.character}:${p.key}`;
      if (!reported.has(key)) {
        reported.add(key);
        result.problems.push(p);
      }
    }
  };
  for (const table of doc.kpiTables) {
    if (!table.rows.some((row) => row.formula)) continue;
    const unit = unitOf(earlier?.tables.get(table), changed, index, (facts) =>
      tableFormulaChecks(doc, facts, table, options),
    );
    units.tables.set(table, unit);
    take(unit.value);
  }
  for (const span of doc.spans) {
    if (!attr(span.attrs, 'check') && !attr(span.attrs, 'kpi')) continue;
    const unit = unitOf(earlier?.spans.get(span), changed, index, (facts) =>
      spanFormulaChecks(doc, facts, span, options),
    );
    units.spans.set(span, unit);
    take(unit.value);
  }
  return { result, units };
}

/** The checks of the `formula=` rows of one KPI table, problems not yet deduplicated. */
function tableFormulaChecks(
  doc: EsgDocument,
  index: FactIndex,
  table: KpiTable,
  options: FormulaEnvOptions,
): FormulaCheckResult {
  const result: FormulaCheckResult = { checks: [], problems: [] };
  const problem = (p: FormulaProblem) => result.problems.push(p);
  // 1. `formula="..."` on KPI rows: each period's figure against the formula in that period.
  for (const row of table.rows) {
    if (!row.formula) continue;
    const parsed = parsedFormula(row.formula.text);
    if (!parsed.ast) {
      for (const e of parsed.errors)
        problem({
          rule: 'kpi/formula-mismatch',
          range: at(row.formula.range, e.start, e.end),
          key: e.key,
          args: { ...e.args },
          severity: 'error',
        });
      continue;
    }
    for (const value of row.values) {
      if (value.status !== 'number') continue;
      // A row without a KPI id has no fact in the index, but its formula is checked all the same.
      const target = index.ofRow(row, value.period) ?? tableFact(row, value);
      if (!target) continue;
      const evaluated = evaluateFormula(parsed.ast, formulaEnvFor(doc, index, value.period, options));
      if (!evaluated.ok) {
        // The error's own period (`energy.electricity@1999`) wins over the column's.
        const args = { period: value.period, ...evaluated.error.args };
        const unchecked = noValueInput(index, evaluated.error.key, args);
        problem({
          rule: 'kpi/formula-mismatch',
          range: at(row.formula.range, evaluated.error.start, evaluated.error.end),
          ...(unchecked ?? { key: evaluated.error.key, args, severity: 'warning' }),
        });
        continue;
      }
      const cmp = compareResult(doc, target, evaluated, row.formula.text);
      if (!('ok' in cmp)) {
        problem({
          rule: 'kpi/formula-mismatch',
          range: row.formula.range,
          key: cmp.key,
          args: cmp.args,
          severity: 'warning',
        });
        continue;
      }
      result.checks.push({
        rule: 'kpi/formula-mismatch',
        target,
        formula: `${row.formula.text} = ${row.label}`,
        inputs: inputsOf(doc, evaluated.inputs),
        computed: cmp.computed,
        ok: cmp.ok,
        ...(cmp.noteKey ? { noteKey: cmp.noteKey } : {}),
      });
    }
  }
  return result;
}

/** The check of one span with `check=` or `kpi=`, problems not yet deduplicated. */
function spanFormulaChecks(
  doc: EsgDocument,
  index: FactIndex,
  span: Span,
  options: FormulaEnvOptions,
): FormulaCheckResult {
  const result: FormulaCheckResult = { checks: [], problems: [] };
  const problem = (p: FormulaProblem) => result.problems.push(p);
  // 2. Prose: `[8.4%]{check="change(ghg.total@2024, ghg.total@2025)"}` and `[229.3 噸]{kpi=ghg.total}`.
  const fact = spanFact(doc, index, span);
  const check = attr(span.attrs, 'check');
  if (check) {
    if (!fact) {
      // A number without a period (no `esg.period`, no `period=`) is not "not a figure": say what is missing.
      const noPeriod = isFigureText(span.text);
      problem({
        rule: 'kpi/prose-mismatch',
        range: span.range,
        key: noPeriod ? 'numbers.prose.noPeriod' : 'numbers.prose.notNumber',
        args: { text: span.text },
        severity: 'warning',
      });
      return result;
    }
    const parsed = parsedFormula(check.value);
    if (!parsed.ast) {
      for (const e of parsed.errors)
        problem({
          rule: 'kpi/prose-mismatch',
          range: at(check.valueRange, e.start, e.end),
          key: e.key,
          args: { ...e.args },
          severity: 'error',
        });
      return result;
    }
    const evaluated = evaluateFormula(parsed.ast, formulaEnvFor(doc, index, fact.period, options));
    if (!evaluated.ok) {
      const unchecked = noValueInput(index, evaluated.error.key, {
        period: fact.period,
        ...evaluated.error.args,
      });
      problem({
        rule: 'kpi/prose-mismatch',
        range: at(check.valueRange, evaluated.error.start, evaluated.error.end),
        ...(unchecked ?? { key: evaluated.error.key, args: evaluated.error.args, severity: 'warning' }),
      });
      return result;
    }
    const cmp = compareResult(doc, fact, evaluated, check.value);
    if (!('ok' in cmp)) {
      problem({ rule: 'kpi/prose-mismatch', range: span.range, key: cmp.key, args: cmp.args, severity: 'warning' });
      return result;
    }
    result.checks.push({
      rule: 'kpi/prose-mismatch',
      target: fact,
      formula: check.value,
      inputs: inputsOf(doc, evaluated.inputs),
      computed: cmp.computed,
      ok: cmp.ok,
      ...(cmp.noteKey ? { noteKey: cmp.noteKey } : {}),
    });
    return result;
  }
  // A quoted KPI figure against the table's figure for the same KPI and period.
  if (!attr(span.attrs, 'kpi')) return result;
  if (!fact) {
    // `[abc]{kpi=ghg.total}` quotes no figure: said, as for check=, rather than skipped.
    problem({
      rule: 'kpi/prose-mismatch',
      range: span.range,
      key: isFigureText(span.text) ? 'numbers.prose.noPeriod' : 'numbers.prose.notNumber',
      args: { text: span.text },
      severity: 'warning',
    });
    return result;
  }
  const table = index.firstInTable(fact.kpiId, fact.period);
  if (!table) return result;
  const cmp = quotedComparison(fact, table);
  if (cmp)
    result.checks.push({
      rule: 'kpi/prose-mismatch',
      target: fact,
      formula: `${fact.kpiId}@${fact.period}`,
      inputs: [{ label: table.label, ref: `${table.kpiId}@${table.period}`, fact: table, text: factText(table) }],
      computed: cmp.computed,
      ok: cmp.ok,
    });
  return result;
}

/**
 * A formula input the report gives for some period but not this one (a cell `-`, `N/A`, `不適用`, empty,
 * or no column for the year): the check cannot be made for the period, which is said as information
 * naming the input, not as a warning on the figure. Undefined for any other error, for a KPI the report
 * gives in no period, and for a period no table has (a wrong id or year is the author's to fix:
 * `formula.noValue` stays a warning).
 */
function noValueInput(
  index: FactIndex,
  key: string,
  args: Record<string, string | number>,
): Pick<FormulaProblem, 'key' | 'args' | 'severity'> | undefined {
  if (key !== 'formula.noValue') return undefined;
  const id = String(args.id);
  const period = String(args.period);
  const rows = index.rowsOf(id);
  for (const row of rows) {
    const cell = row.values.find((v) => v.period === period);
    if (cell && (cell.status === 'none' || cell.status === 'empty')) {
      return {
        key: 'numbers.formula.inputNoValue',
        args: { id, period, label: row.label, value: cell.raw || '∅' },
        severity: 'information',
      };
    }
  }
  if (rows.length === 0 && !index.ids.has(id)) return undefined;
  // A period no table of the report has (`energy.electricity@1999`) is a mistake in the formula, not a gap in the data.
  if (!index.tablePeriods.has(period)) return undefined;
  return { key: 'numbers.formula.inputNotGiven', args: { id, period }, severity: 'information' };
}

/**
 * A figure quoted with `kpi=` against the table's. Both with units: after conversion (units of another
 * kind are kpi/value-conflict's). Otherwise as printed numbers, which used to be skipped: a span
 * without a unit (`[229.3]{kpi=ghg.total} 噸`, the unit written after it) is read in the table's unit,
 * and figures without a known unit compare when their units are written alike or one has none.
 */
function quotedComparison(fact: Fact, table: Fact): { ok: boolean; computed: Interval } | undefined {
  if (fact.quantity && table.quantity) return compareFact(fact, table.quantity);
  const comparable =
    !fact.unitRaw || !table.unitRaw || (!fact.quantity && !table.quantity && fact.unitRaw === table.unitRaw);
  if (!comparable) return undefined;
  const computed = factInterval(table);
  return { ok: meets(factInterval(fact), computed), computed };
}

/** Whether a span's text is a number (with an optional unit), whatever the period. */
function isFigureText(text: string): boolean {
  const m = /^\s*([-+−]?[0-9０-９][0-9０-９,，.．]*)/.exec(text);
  return !!m && parseNumber(m[1]).status === 'number';
}

/** The figure a prose span quotes: the `kpi=` fact when it has one, else the span's own figure. */
function spanFact(doc: EsgDocument, index: FactIndex, span: Span): Fact | undefined {
  if (attr(span.attrs, 'kpi')?.value) return index.ofSpan(span);
  return spanFigure(doc, span);
}
