// Recursive-descent parser for formulas. Grammar (docs/formulas.md has the EBNF):
//   expr    = term { ("+" | "-") term }
//   term    = unary { ("*" | "/") unary }
//   unary   = ("-" | "+") unary | primary
//   primary = number | ref | call | "(" expr ")"
//   call    = name "(" [ arg { "," arg } ] ")"      arg = prefix [ "@" period ] | expr
// Errors stop the parse: the first one is reported with its exact offsets. Nesting is bounded, and
// so is the length, so the recursion can never exhaust the stack.
import {
  FUNCTIONS,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  type FormulaError,
  type FormulaNode,
  type FunctionName,
  type RefNode,
} from './ast';
import { lex, type Token } from './lexer';

export interface ParseResult {
  ast?: FormulaNode;
  /** Empty when the formula parsed; otherwise the first error. */
  errors: FormulaError[];
}

/** Thrown inside the parser only, to unwind to parseFormula with the first error. */
class Stop {
  constructor(readonly error: FormulaError) {}
}

const ARITY: Record<FunctionName, { min: number; max: number }> = {
  sum: { min: 1, max: Infinity },
  avg: { min: 1, max: Infinity },
  change: { min: 2, max: 2 },
};

export function parseFormula(text: string): ParseResult {
  if (typeof text !== 'string') return { errors: [{ key: 'formula.empty', args: {}, start: 0, end: 0 }] };
  if (text.length > MAX_FORMULA_LENGTH) {
    return {
      errors: [
        {
          key: 'formula.tooLong',
          args: { max: MAX_FORMULA_LENGTH, length: text.length },
          start: MAX_FORMULA_LENGTH,
          end: text.length,
        },
      ],
    };
  }
  if (!text.trim()) return { errors: [{ key: 'formula.empty', args: {}, start: 0, end: text.length }] };
  let lexError: FormulaError | undefined;
  try {
    const lexed = lex(text);
    lexError = lexed.error;
    const parser = new Parser(text, lexed.tokens);
    const ast = parser.formula();
    // Not reachable: a token list with an error token has no `eof` to end a formula.
    return lexError ? { errors: [lexError] } : { ast, errors: [] };
  } catch (e) {
    // The first problem in the text wins: a parse error before the unreadable text, else the latter.
    if (e instanceof Stop) return { errors: [lexError && e.error.start >= lexError.start ? lexError : e.error] };
    // Not reachable by design; a formula must never take the analysis down.
    return { errors: [{ key: 'formula.internal', args: {}, start: 0, end: text.length }] };
  }
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  formula(): FormulaNode {
    const node = this.expr();
    const next = this.peek();
    if (next.kind !== 'eof') this.fail(this.unexpected(next, node));
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private fail(error: FormulaError): never {
    throw new Stop(error);
  }

  private error(key: string, start: number, end: number, args: Record<string, string | number> = {}): FormulaError {
    return { key, args, start, end };
  }

  /** Enters one nesting level (parenthesis, call, unary operator), failing past the limit. */
  private enter(at: Token): void {
    if (++this.depth > MAX_FORMULA_DEPTH)
      this.fail(this.error('formula.tooDeep', at.start, at.end, { max: MAX_FORMULA_DEPTH }));
  }

  private expr(): FormulaNode {
    let left = this.term();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      const right = this.term();
      left = { kind: 'binary', op: t.text, left, right, opStart: t.start, start: left.start, end: right.end };
    }
    return left;
  }

  private term(): FormulaNode {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.next();
      const right = this.unary();
      left = { kind: 'binary', op: t.text, left, right, opStart: t.start, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      this.enter(t);
      const operand = this.unary();
      this.depth--;
      return { kind: 'unary', op: t.text, operand, start: t.start, end: operand.end };
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.next();
        return {
          kind: 'number',
          text: t.text,
          value: t.value!,
          decimals: t.decimals!,
          unit: t.unit,
          unitText: t.unitText,
          start: t.start,
          end: t.end,
        };
      case 'id':
        this.next();
        if (this.peek().kind === 'lparen') return this.call(t);
        return this.ref(t);
      case 'prefix':
        return this.fail(this.error('formula.prefixOutsideSum', t.start, t.end, { prefix: t.text }));
      case 'lparen': {
        this.next();
        this.enter(t);
        const inner = this.expr();
        const close = this.peek();
        if (close.kind !== 'rparen')
          this.fail(
            close.kind === 'eof' ? this.error('formula.unclosedParen', t.start, t.end) : this.unexpected(close, inner),
          );
        this.next();
        this.depth--;
        return { kind: 'group', inner, start: t.start, end: close.end };
      }
      case 'eof':
        return this.fail(this.error('formula.unexpectedEnd', t.start, t.end));
      case 'rparen':
        return this.fail(this.error('formula.unmatchedParen', t.start, t.end));
      case 'at':
        return this.fail(this.error('formula.unexpectedAt', t.start, t.end));
      default:
        return this.fail(
          this.error('formula.expectedOperand', t.start, t.end, { found: this.text.slice(t.start, t.end) }),
        );
    }
  }

  /** `@period` after a reference, if any. */
  private period(): { period?: string; end?: number } {
    const at = this.peek();
    if (at.kind !== 'at') return {};
    this.next();
    const p = this.peek();
    // Zero-width at the column where the period should be.
    if (p.kind !== 'period') this.fail(this.error('formula.expectedPeriod', at.end, at.end));
    this.next();
    return { period: p.text, end: p.end };
  }

  private ref(t: Token): RefNode {
    const { period, end } = this.period();
    const dot = t.text.indexOf('.');
    const head = dot < 0 ? t.text : t.text.slice(0, dot);
    const scope = head === 'denominators' ? 'denominator' : head === 'factors' ? 'factor' : 'kpi';
    if (scope !== 'kpi' && dot < 0) this.fail(this.error('formula.expectedName', t.start, t.end, { scope: head }));
    const node: RefNode = {
      kind: 'ref',
      scope,
      name: scope === 'kpi' ? t.text : t.text.slice(dot + 1),
      text: t.text,
      start: t.start,
      end: end ?? t.end,
    };
    if (period !== undefined) node.period = period;
    return node;
  }

  private call(nameToken: Token): FormulaNode {
    const lower = nameToken.text.toLowerCase();
    if (!FUNCTIONS.has(lower)) {
      this.fail(
        this.error('formula.unknownFunction', nameToken.start, nameToken.end, {
          name: nameToken.text,
          known: [...FUNCTIONS].join(', '),
        }),
      );
    }
    const name = lower as FunctionName;
    const open = this.next();
    this.enter(open);
    const args: FormulaNode[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        args.push(this.argument(name));
        const sep = this.peek();
        if (sep.kind === 'comma') {
          this.next();
          continue;
        }
        if (sep.kind === 'rparen') break;
        this.fail(
          sep.kind === 'eof'
            ? this.error('formula.unclosedParen', open.start, open.end)
            : this.unexpected(sep, args[args.length - 1]),
        );
      }
    }
    const close = this.next();
    this.depth--;
    const { min, max } = ARITY[name];
    if (args.length < min || args.length > max) {
      this.fail(
        this.error('formula.arity', nameToken.start, close.end, {
          name,
          expected: max === min ? String(min) : `${min}+`,
          count: args.length,
        }),
      );
    }
    return { kind: 'call', name, args, nameEnd: nameToken.end, start: nameToken.start, end: close.end };
  }

  private argument(fn: FunctionName): FormulaNode {
    const t = this.peek();
    if (t.kind === 'prefix') {
      if (fn === 'change') this.fail(this.error('formula.prefixOutsideSum', t.start, t.end, { prefix: t.text }));
      this.next();
      const { period, end } = this.period();
      return period === undefined
        ? { kind: 'prefix', prefix: t.text, start: t.start, end: t.end }
        : { kind: 'prefix', prefix: t.text, period, start: t.start, end: end! };
    }
    return this.expr();
  }

  /** The error for a token where an operator, `,` or `)` was expected after `previous`. */
  private unexpected(t: Token, previous: FormulaNode): FormulaError {
    if (t.kind === 'rparen') return this.error('formula.unmatchedParen', t.start, t.end);
    if (t.kind === 'comma') {
      // '1,124,032' outside a call: a thousands separator, which formulas do not use.
      const thousands = previous.kind === 'number' && /^\d{3}(?!\d)/.test(this.text.slice(t.end, t.end + 4));
      return this.error(thousands ? 'formula.thousands' : 'formula.unexpectedComma', t.start, t.end);
    }
    if (t.kind === 'at') return this.error('formula.unexpectedAt', t.start, t.end);
    return this.error('formula.expectedOperator', t.start, t.end, { found: this.text.slice(t.start, t.end) });
  }
}
