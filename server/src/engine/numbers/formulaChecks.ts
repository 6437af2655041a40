// Checks written by the author: `formula="..."` on a KPI row (checked in every period column) and
// `check="..."` / `kpi=...` on a figure quoted in the prose. Formula errors are reported at their
// exact column inside the attribute value.
import type { EsgDocument, Span } from '../model';
import type { Range } from '../types';
import { attr } from '../parser/attributes';
import { facts, spanFigure, type Fact } from './facts';
import { compareFact, factText, type Check, type CheckInput } from './checks';
import { evaluateFormula, formulaEnvFor, parseFormula, type FormulaEnvOptions, type FormulaInput } from './formula';

export interface FormulaProblem {
  rule: 'kpi/formula-mismatch' | 'kpi/prose-mismatch';
  range: Range;
  key: string;
  args: Record<string, string | number>;
  severity: 'error' | 'warning';
}

export interface FormulaCheckResult {
  checks: Check[];
  problems: FormulaProblem[];
}

const cache = new WeakMap<EsgDocument, FormulaCheckResult>();

/** Maps offsets in an attribute value to the document (attribute values sit on one line). */
function at(valueRange: Range, start: number, end: number): Range {
  const line = valueRange.start.line;
  const base = valueRange.start.character;
  const last = valueRange.end.character;
  return { start: { line, character: Math.min(base + start, last) }, end: { line, character: Math.min(base + Math.max(end, start + 1), last) } };
}

function inputsOf(all: FormulaInput[]): CheckInput[] {
  // An input used twice in a formula is listed once.
  const seen = new Set<string>();
  const list = all.filter((i) => {
    const key = `${i.text}@${i.period}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return list.map((i) => (i.fact ? { label: i.label ?? i.text, ref: `${i.text}@${i.period}`, fact: i.fact, text: factText(i.fact) } : { label: i.text, ref: i.text, text: i.label ?? i.text }));
}

export function formulaChecks(doc: EsgDocument, options: FormulaEnvOptions = {}): FormulaCheckResult {
  const cached = cache.get(doc);
  if (cached) return cached;
  const result: FormulaCheckResult = { checks: [], problems: [] };
  const index = facts(doc);
  const reported = new Set<string>();
  const problem = (p: FormulaProblem) => {
    const key = `${p.range.start.line}:${p.range.start.character}:${p.key}`;
    if (!reported.has(key)) {
      reported.add(key);
      result.problems.push(p);
    }
  };

  // 1. `formula="..."` on KPI rows: each period's figure against the formula in that period.
  for (const table of doc.kpiTables) {
    for (const row of table.rows) {
      if (!row.formula) continue;
      const parsed = parseFormula(row.formula.text);
      if (!parsed.ast) {
        for (const e of parsed.errors) problem({ rule: 'kpi/formula-mismatch', range: at(row.formula.range, e.start, e.end), key: e.key, args: e.args, severity: 'error' });
        continue;
      }
      for (const value of row.values) {
        if (value.status !== 'number') continue;
        const target = index.ofRow(row, value.period);
        if (!target) continue;
        const evaluated = evaluateFormula(parsed.ast, formulaEnvFor(doc, value.period, options));
        if (!evaluated.ok) {
          problem({ rule: 'kpi/formula-mismatch', range: at(row.formula.range, evaluated.error.start, evaluated.error.end), key: evaluated.error.key, args: { ...evaluated.error.args, period: value.period }, severity: 'warning' });
          continue;
        }
        const cmp = compareFact(target, evaluated.value);
        if (!cmp) {
          problem({ rule: 'kpi/formula-mismatch', range: row.formula.range, key: 'numbers.formula.unit', args: { unit: target.unitRaw ?? '' }, severity: 'warning' });
          continue;
        }
        result.checks.push({ rule: 'kpi/formula-mismatch', target, formula: `${row.formula.text} = ${row.label}`, inputs: inputsOf(evaluated.inputs), computed: cmp.computed, ok: cmp.ok });
      }
    }
  }

  // 2. Prose: `[8.4%]{check="change(ghg.total@2024, ghg.total@2025)"}` and `[229.3 噸]{kpi=ghg.total}`.
  for (const span of doc.spans) {
    const fact = spanFact(doc, span);
    const check = attr(span.attrs, 'check');
    if (check) {
      if (!fact) {
        problem({ rule: 'kpi/prose-mismatch', range: span.range, key: 'numbers.prose.notNumber', args: { text: span.text }, severity: 'warning' });
        continue;
      }
      const parsed = parseFormula(check.value);
      if (!parsed.ast) {
        for (const e of parsed.errors) problem({ rule: 'kpi/prose-mismatch', range: at(check.valueRange, e.start, e.end), key: e.key, args: e.args, severity: 'error' });
        continue;
      }
      const evaluated = evaluateFormula(parsed.ast, formulaEnvFor(doc, fact.period, options));
      if (!evaluated.ok) {
        problem({ rule: 'kpi/prose-mismatch', range: at(check.valueRange, evaluated.error.start, evaluated.error.end), key: evaluated.error.key, args: evaluated.error.args, severity: 'warning' });
        continue;
      }
      const cmp = compareFact(fact, evaluated.value);
      if (cmp) result.checks.push({ rule: 'kpi/prose-mismatch', target: fact, formula: check.value, inputs: inputsOf(evaluated.inputs), computed: cmp.computed, ok: cmp.ok });
      continue;
    }
    // A quoted KPI figure against the table's figure for the same KPI and period.
    if (!fact || !attr(span.attrs, 'kpi')) continue;
    const table = index.firstInTable(fact.kpiId, fact.period);
    if (!table?.quantity) continue;
    const cmp = compareFact(fact, table.quantity);
    if (cmp) result.checks.push({ rule: 'kpi/prose-mismatch', target: fact, formula: `${fact.kpiId}@${fact.period}`, inputs: [{ label: table.label, ref: `${table.kpiId}@${table.period}`, fact: table, text: factText(table) }], computed: cmp.computed, ok: cmp.ok });
  }
  cache.set(doc, result);
  return result;
}

/** The figure a prose span quotes: the `kpi=` fact when it has one, else the span's own figure. */
function spanFact(doc: EsgDocument, span: Span): Fact | undefined {
  if (attr(span.attrs, 'kpi')?.value) return facts(doc).ofSpan(span);
  return spanFigure(doc, span);
}
