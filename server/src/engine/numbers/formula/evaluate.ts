// Evaluation of a formula AST in interval arithmetic, with dimensions carried through. Values come
// from a FormulaEnv only (KPI facts, front-matter denominators and factors), looked up by the names
// the formula gives, through functions of the env: nothing of the formula reaches a property access.
import type { Range } from '../../types';
import type { Fact } from '../facts';
import {
  add,
  DIMENSIONLESS,
  dimOf,
  div,
  exact,
  formatDim,
  mul,
  mulDim,
  sameDim,
  scale,
  sub,
  type Interval,
  type Quantity,
} from '../quantity';
import type { BinaryNode, CallNode, FormulaError, FormulaNode, PrefixNode, RefNode } from './ast';

/** A KPI figure as the evaluator sees it. */
export interface FormulaKpiValue {
  /** Undefined when the figure's unit is unknown or missing. */
  quantity?: Quantity;
  /** The printed figure's interval, used as a plain number when there is no quantity. */
  printed?: Interval;
  range: Range;
  label: string;
  /** The fact behind the value, for related information in diagnostics. */
  fact?: Fact;
}

export interface FormulaEnv {
  /** Default period for ids without @ (the column's period). */
  period: string;
  kpi(id: string, period: string): FormulaKpiValue | undefined;
  /** The KPIs one level below `prefix` (`ghg.scope3` -> `ghg.scope3.cat1` ...) that have a value in `period`. */
  prefix(prefix: string, period: string): (FormulaKpiValue & { kpiId: string })[];
  denominator(name: string, period: string): Quantity | undefined;
  factor(name: string, period: string): Quantity | undefined;
  /** Whether an id names a KPI at all (catalog or report); without it every missing KPI is `formula.noValue`. */
  knownId?(id: string): boolean;
}

export interface FormulaInput {
  /** The reference: a KPI id, `denominators.revenue`, `factors.grid`. */
  text: string;
  kind: 'kpi' | 'denominator' | 'factor';
  period: string;
  /** The figure's place in the document (KPI facts). */
  range?: Range;
  label?: string;
  value?: Quantity;
  /** Printed interval of a KPI figure without a known unit. */
  printed?: Interval;
  fact?: Fact;
  /** Offsets of the reference in the formula. */
  start: number;
  end: number;
}

export type FormulaResult =
  | {
      ok: true;
      value: Quantity;
      /** The result involves a KPI of unknown unit: compare it as a plain number, if at all. */
      unitless: boolean;
      inputs: FormulaInput[];
    }
  | { ok: false; error: FormulaError; inputs: FormulaInput[] };

interface Value {
  q: Quantity;
  /** Comes from a KPI figure whose unit is unknown. */
  unitless: boolean;
  /** What to name in a `formula.noUnit` message. */
  source?: string;
  node: { start: number; end: number };
}

class Stop {
  constructor(readonly error: FormulaError) {}
}

function fail(key: string, at: { start: number; end: number }, args: Record<string, string | number> = {}): never {
  throw new Stop({ key, args, start: at.start, end: at.end });
}

export function evaluateFormula(ast: FormulaNode, env: FormulaEnv): FormulaResult {
  const inputs: FormulaInput[] = [];
  try {
    const v = new Evaluator(env, inputs).evaluateNode(ast);
    return { ok: true, value: v.q, unitless: v.unitless, inputs };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.error, inputs };
    // An env that throws, or anything unforeseen: a formula never takes the analysis down.
    return {
      ok: false,
      error: { key: 'formula.internal', args: {}, start: ast?.start ?? 0, end: ast?.end ?? 0 },
      inputs,
    };
  }
}

class Evaluator {
  constructor(
    private readonly env: FormulaEnv,
    private readonly inputs: FormulaInput[],
  ) {}

  evaluateNode(node: FormulaNode): Value {
    switch (node.kind) {
      case 'number': {
        if (!node.unit) return { q: { value: exact(node.value), dim: DIMENSIONLESS }, unitless: false, node };
        const { dim, factor } = dimOf(node.unit);
        return { q: { value: scale(exact(node.value), factor), dim }, unitless: false, node };
      }
      case 'ref':
        return this.ref(node);
      case 'prefix':
        // The parser only allows prefixes as arguments of sum/avg, which expand them.
        return fail('formula.prefixOutsideSum', node, { prefix: node.prefix });
      case 'group':
        return { ...this.evaluateNode(node.inner), node };
      case 'unary': {
        const v = this.evaluateNode(node.operand);
        return { ...v, q: node.op === '-' ? { value: scale(v.q.value, -1), dim: v.q.dim } : v.q, node };
      }
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  private ref(node: RefNode): Value {
    const period = node.period ?? this.env.period;
    if (node.scope === 'kpi') {
      const found = this.env.kpi(node.name, period);
      if (!found || (!found.quantity && !found.printed)) {
        if (this.env.knownId && !this.env.knownId(node.name)) {
          // 'ghg.total-ghg.scope1' reads as one id (ids may contain '-'): say how to subtract.
          if (node.name.includes('-'))
            fail('formula.unknownIdHyphen', node, { id: node.name, suggestion: node.name.replace(/-/g, ' - ') });
          fail('formula.unknownId', node, { id: node.name });
        }
        fail('formula.noValue', node, { id: node.name, period });
      }
      this.inputs.push({
        text: node.name,
        kind: 'kpi',
        period,
        range: found.range,
        label: found.label,
        value: found.quantity,
        printed: found.printed,
        fact: found.fact,
        start: node.start,
        end: node.end,
      });
      return this.kpiValue(found, node.name, node);
    }
    const q =
      node.scope === 'denominator' ? this.env.denominator(node.name, period) : this.env.factor(node.name, period);
    if (!q)
      fail(node.scope === 'denominator' ? 'formula.noDenominator' : 'formula.noFactor', node, {
        name: node.name,
        period,
      });
    this.inputs.push({ text: node.text, kind: node.scope, period, value: q, start: node.start, end: node.end });
    return { q, unitless: false, node };
  }

  private kpiValue(found: FormulaKpiValue, id: string, node: { start: number; end: number }): Value {
    if (found.quantity) return { q: found.quantity, unitless: false, node };
    return { q: { value: found.printed!, dim: DIMENSIONLESS }, unitless: true, source: id, node };
  }

  private prefix(node: PrefixNode): Value[] {
    const period = node.period ?? this.env.period;
    const members = this.env.prefix(node.prefix, period);
    if (!members.length) fail('formula.noMatch', node, { prefix: node.prefix, period });
    return members.map((m) => {
      if (!m.quantity && !m.printed) fail('formula.noValue', node, { id: m.kpiId, period });
      this.inputs.push({
        text: m.kpiId,
        kind: 'kpi',
        period,
        range: m.range,
        label: m.label,
        value: m.quantity,
        printed: m.printed,
        fact: m.fact,
        start: node.start,
        end: node.end,
      });
      return this.kpiValue(m, m.kpiId, node);
    });
  }

  /**
   * A figure of unknown unit combines only with a dimensionless operand (a plain number, a
   * percentage, another figure of unknown unit); the result stays of unknown unit.
   */
  private unitless(a: Value, b: Value): boolean {
    if (!a.unitless && !b.unitless) return false;
    if (a.unitless && !b.unitless && !sameDim(b.q.dim, DIMENSIONLESS))
      fail('formula.noUnit', a.node, { id: a.source ?? '', other: formatDim(b.q.dim) });
    if (b.unitless && !a.unitless && !sameDim(a.q.dim, DIMENSIONLESS))
      fail('formula.noUnit', b.node, { id: b.source ?? '', other: formatDim(a.q.dim) });
    return true;
  }

  private binary(node: BinaryNode): Value {
    const l = this.evaluateNode(node.left);
    const r = this.evaluateNode(node.right);
    const unitless = this.unitless(l, r);
    const source = l.source ?? r.source;
    const op = { start: node.opStart, end: node.opStart + 1 };
    switch (node.op) {
      case '+':
      case '-':
        if (!sameDim(l.q.dim, r.q.dim))
          fail('formula.dimension', op, { op: node.op, left: formatDim(l.q.dim), right: formatDim(r.q.dim) });
        return {
          q: { value: node.op === '+' ? add(l.q.value, r.q.value) : sub(l.q.value, r.q.value), dim: l.q.dim },
          unitless,
          source,
          node,
        };
      case '*':
        return { q: { value: mul(l.q.value, r.q.value), dim: mulDim(l.q.dim, r.q.dim) }, unitless, source, node };
      case '/':
        if (containsZero(r.q.value)) fail('formula.divisionByZero', op, {});
        return { q: { value: div(l.q.value, r.q.value), dim: mulDim(l.q.dim, r.q.dim, -1) }, unitless, source, node };
    }
  }

  private call(node: CallNode): Value {
    if (node.name === 'change') {
      // (b - a) / a computed as b / a - 1: each input appears once, so the interval stays tight.
      const a = this.evaluateNode(node.args[0]);
      const b = this.evaluateNode(node.args[1]);
      this.unitless(a, b);
      if (!sameDim(a.q.dim, b.q.dim))
        fail(
          'formula.dimension',
          { start: node.start, end: node.nameEnd },
          { op: 'change', left: formatDim(a.q.dim), right: formatDim(b.q.dim) },
        );
      if (containsZero(a.q.value)) fail('formula.divisionByZero', node.args[0], {});
      return { q: { value: sub(div(b.q.value, a.q.value), exact(1)), dim: DIMENSIONLESS }, unitless: false, node };
    }
    const values: Value[] = [];
    for (const arg of node.args) {
      if (arg.kind === 'prefix') for (const v of this.prefix(arg)) values.push(v);
      else values.push(this.evaluateNode(arg));
    }
    let total = values[0];
    for (const v of values.slice(1)) {
      const unitless = this.unitless(total, v);
      if (!sameDim(total.q.dim, v.q.dim))
        fail('formula.dimension', v.node, { op: node.name, left: formatDim(total.q.dim), right: formatDim(v.q.dim) });
      total = {
        q: { value: add(total.q.value, v.q.value), dim: total.q.dim },
        unitless,
        source: total.source ?? v.source,
        node: v.node,
      };
    }
    const value = node.name === 'avg' ? scale(total.q.value, 1 / values.length) : total.q.value;
    return { q: { value, dim: total.q.dim }, unitless: total.unitless, source: total.source, node };
  }
}

function containsZero(v: Interval): boolean {
  return v.lo <= 0 && v.hi >= 0;
}
