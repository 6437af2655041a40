// The formula language of `formula="..."` and `check="..."`: parse once, evaluate per period.
// docs/formulas.md is the language reference.
import type { FormulaNode } from './ast';

export * from './ast';
export { parseFormula, type ParseResult } from './parser';
export { lex, normalizeFormulaText, type Token, type TokenKind } from './lexer';
export {
  evaluateFormula,
  type FormulaEnv,
  type FormulaInput,
  type FormulaKpiValue,
  type FormulaResult,
} from './evaluate';
export { formulaEnvFor, frontMatterQuantity, frontMatterValue, type FormulaEnvOptions } from './env';

export interface FormulaReference {
  /** KPI id, prefix (`ghg.scope3` for `ghg.scope3.*`), or `denominators.x` / `factors.x` as written. */
  id: string;
  scope: 'kpi' | 'prefix' | 'denominator' | 'factor';
  period?: string;
  start: number;
  end: number;
}

/** Every reference of a formula, in text order (for completion, hover and dependency tracking). */
export function formulaIds(ast: FormulaNode | undefined): FormulaReference[] {
  const out: FormulaReference[] = [];
  // An explicit stack: a long chain of `+` is a deep tree.
  const stack: FormulaNode[] = ast ? [ast] : [];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'ref': {
        const ref: FormulaReference = { id: node.text, scope: node.scope, start: node.start, end: node.end };
        if (node.period !== undefined) ref.period = node.period;
        out.push(ref);
        break;
      }
      case 'prefix': {
        const ref: FormulaReference = { id: node.prefix, scope: 'prefix', start: node.start, end: node.end };
        if (node.period !== undefined) ref.period = node.period;
        out.push(ref);
        break;
      }
      case 'unary':
        stack.push(node.operand);
        break;
      case 'group':
        stack.push(node.inner);
        break;
      case 'binary':
        stack.push(node.right, node.left);
        break;
      case 'call':
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]);
        break;
      case 'number':
        break;
    }
  }
  return out;
}
