// The formula AST. Every node carries `start`/`end`: UTF-16 offsets into the formula text (end
// exclusive), so callers add the offset of the attribute value to get document positions.
import type { ParsedUnit } from '../../catalogs/units';

export interface FormulaError {
  /** Message key in messages.ts (`formula.*`). */
  key: string;
  args: Record<string, string | number>;
  start: number;
  end: number;
}

export interface NumberNode {
  kind: 'number';
  /** As written, without the unit ('1_124_032'). */
  text: string;
  value: number;
  decimals: number;
  /** The unit written after the number, when there is one. */
  unit?: ParsedUnit;
  unitText?: string;
  start: number;
  end: number;
}

/** `ghg.total`, `ghg.total@2024`, `denominators.revenue`, `factors.grid@2023`. */
export interface RefNode {
  kind: 'ref';
  scope: 'kpi' | 'denominator' | 'factor';
  /** KPI id for `kpi`; front-matter key for `denominator` and `factor`. */
  name: string;
  /** The reference as written, without the period ('denominators.revenue'). */
  text: string;
  period?: string;
  start: number;
  end: number;
}

/** `ghg.scope3.*` (only as an argument of sum/avg): the KPIs one level below `prefix`. */
export interface PrefixNode {
  kind: 'prefix';
  prefix: string;
  period?: string;
  start: number;
  end: number;
}

export interface UnaryNode {
  kind: 'unary';
  op: '-' | '+';
  operand: FormulaNode;
  start: number;
  end: number;
}

export interface BinaryNode {
  kind: 'binary';
  op: '+' | '-' | '*' | '/';
  left: FormulaNode;
  right: FormulaNode;
  /** Offset of the operator (errors about the operation point at it). */
  opStart: number;
  start: number;
  end: number;
}

export type FunctionName = 'sum' | 'avg' | 'change';

export interface CallNode {
  kind: 'call';
  name: FunctionName;
  args: FormulaNode[];
  /** End of the function name (start of `(`). */
  nameEnd: number;
  start: number;
  end: number;
}

/** `( expr )`: kept so that ranges cover the parentheses. */
export interface GroupNode {
  kind: 'group';
  inner: FormulaNode;
  start: number;
  end: number;
}

export type FormulaNode = NumberNode | RefNode | PrefixNode | UnaryNode | BinaryNode | CallNode | GroupNode;

/** Functions of the language; a Set, so that no user-given name is ever looked up on an object. */
export const FUNCTIONS: ReadonlySet<string> = new Set<FunctionName>(['sum', 'avg', 'change']);

/** Longest formula accepted, in UTF-16 code units. */
export const MAX_FORMULA_LENGTH = 2000;
/** Deepest nesting of parentheses, calls and unary operators. */
export const MAX_FORMULA_DEPTH = 64;
