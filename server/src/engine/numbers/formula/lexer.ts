// The formula lexer. It reads the text once, left to right, with no backtracking regex, and stops at
// the first error. Full-width characters (`（`, `＋`, `１`), the Unicode minus and `×` `÷` are read as
// their ASCII operators; the mapping keeps one code unit per character, so offsets are those of the
// original text.
//
// A unit belongs to the number before it: `12 kWh`, `28.64%`, `0.5306 kgCO2/kWh` (a `/` with no space
// around it, between two unit words, is part of the unit unless the word after it goes on with `.`,
// `@` or `(`, i.e. is a KPI id or a function), or anything in brackets: `18.72 [tCO2e/萬元收入]`,
// `5 [RMB million]`. Identifiers never follow a number directly, so there is no other ambiguity.
import { parseUnit, type ParsedUnit } from '../../catalogs/units';
import { toHalfWidth } from '../../text/normalize';
import type { FormulaError } from './ast';

/** `error` ends the token list where the text could not be read; `eof` ends a list that was read whole. */
export type TokenKind =
  'number' | 'id' | 'prefix' | 'at' | 'period' | 'op' | 'lparen' | 'rparen' | 'comma' | 'error' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Normalised text: the operator for `op`, the id for `id`, the prefix (without `.*`) for `prefix`. */
  text: string;
  start: number;
  end: number;
  /** For `number`. */
  value?: number;
  decimals?: number;
  /** End of the digits (before the unit) for `number`. */
  digitsEnd?: number;
  unit?: ParsedUnit;
  unitText?: string;
}

export interface LexResult {
  /** The tokens read, ending with `eof`, or with an `error` token at `error.start`. */
  tokens: Token[];
  error?: FormulaError;
}

/** The text with full-width forms and operator look-alikes replaced, offset for offset. */
export function normalizeFormulaText(text: string): string {
  return toHalfWidth(text).replace(/[\u2212\u2013\u00d7\u00f7\u2215]/g, (ch) =>
    ch === '\u00d7' ? '*' : ch === '\u00f7' || ch === '\u2215' ? '/' : '-',
  );
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
const LETTER = /\p{L}/u;
const isAsciiLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isLetter = (c: string) => isAsciiLetter(c) || (c > '\u007f' && LETTER.test(c));
/** First character of an identifier segment after a dot ('30_39' is a segment). */
const isSegmentChar = (c: string) => isLetter(c) || isDigit(c) || c === '_';
const UNIT_CHAR = /[\p{L}\p{N}\p{M}$%‰·'’]/u;
/** Characters a unit may contain without brackets ('tCO₂e', 'm³', 'HK$', '%', 'kW·h'). */
const isUnitChar = (c: string) => c !== '' && UNIT_CHAR.test(c);
/** A unit starts with a letter or a symbol, never a digit (`1 2` is two numbers, not a unit '2'). */
const isUnitStart = (c: string) => c !== '' && !isDigit(c) && c !== '·' && c !== "'" && c !== '’' && isUnitChar(c);

function err(key: string, start: number, end: number, args: Record<string, string | number> = {}): FormulaError {
  return { key, args, start, end };
}

/**
 * Reads tokens up to the end or the first unreadable text. The parser runs over the tokens before
 * an error and reports whichever problem comes first in the text.
 */
export function lex(original: string): LexResult {
  const result = readTokens(original);
  if (result.error) result.tokens.push({ kind: 'error', text: '', start: result.error.start, end: result.error.end });
  return result;
}

function readTokens(original: string): LexResult {
  const text = normalizeFormulaText(original);
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const at = (k: number) => (k < n ? text[k] : '');

  /** End of an identifier that starts at `k` (segments of letters, digits, `_`, inner `-`, joined by `.`). */
  const segmentEnd = (k: number): number => {
    let j = k;
    while (j < n) {
      const c = text[j];
      if (isSegmentChar(c)) j++;
      // '-' inside a segment ('employment-type') only between two word characters.
      else if (c === '-' && j > k && isSegmentChar(at(j + 1)) && isSegmentChar(text[j - 1])) j++;
      else break;
    }
    return j;
  };

  while (i < n) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      const num = readNumber(start);
      if ('key' in num) return { tokens, error: num };
      tokens.push(num);
      i = num.end;
      continue;
    }
    if (isLetter(c) || c === '_') {
      let j = segmentEnd(i);
      let kind: TokenKind = 'id';
      let idEnd = j;
      while (at(j) === '.') {
        if (at(j + 1) === '*') {
          kind = 'prefix';
          idEnd = j;
          j += 2;
          break;
        }
        if (!isSegmentChar(at(j + 1)))
          return { tokens, error: err('formula.badId', j, j + 1, { id: original.slice(start, j + 1) }) };
        j = segmentEnd(j + 1);
        idEnd = j;
      }
      tokens.push({ kind, text: text.slice(start, idEnd), start, end: j });
      i = j;
      continue;
    }
    if (c === '@') {
      tokens.push({ kind: 'at', text: '@', start, end: i + 1 });
      i++;
      // A period is letters, digits, '_', '-' and '#' ('2024', 'FY2024', '2024#2'), right after '@'.
      let j = i;
      while (j < n && (isSegmentChar(text[j]) || text[j] === '-' || text[j] === '#')) j++;
      if (j > i) tokens.push({ kind: 'period', text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/') {
      tokens.push({ kind: 'op', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    // Report the character as written (a surrogate pair is shown whole).
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    return { tokens, error: err('formula.unexpectedChar', start, start + width, { char: String.fromCodePoint(cp) }) };
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return { tokens };

  function readNumber(start: number): Token | FormulaError {
    let j = start;
    let digits = '';
    // Digits, optionally grouped with '_' (1_124_032); ',' separates arguments, so it cannot group.
    while (j < n && (isDigit(text[j]) || (text[j] === '_' && isDigit(at(j + 1)) && j > start))) {
      if (text[j] !== '_') digits += text[j];
      j++;
    }
    let decimals = 0;
    if (at(j) === '.' && isDigit(at(j + 1))) {
      digits += '.';
      j++;
      while (j < n && isDigit(text[j])) {
        digits += text[j];
        decimals++;
        j++;
      }
    }
    const value = Number(digits);
    if (!Number.isFinite(value)) return err('formula.badNumber', start, j, { text: original.slice(start, j) });
    const token: Token = {
      kind: 'number',
      text: original.slice(start, j),
      start,
      end: j,
      value,
      decimals,
      digitsEnd: j,
    };
    let k = j;
    while (k < n && isSpace(text[k])) k++;
    if (at(k) === '[') {
      const close = text.indexOf(']', k + 1);
      if (close < 0) return err('formula.unclosedBracket', k, k + 1);
      const unitText = original.slice(k + 1, close);
      const parsed = parseUnit(unitText);
      if (!parsed.ok) return err('formula.unknownUnit', k, close + 1, { unit: unitText.trim(), part: parsed.unknown });
      token.unit = parsed.unit;
      token.unitText = unitText.trim();
      token.end = close + 1;
      return token;
    }
    if (!isUnitStart(at(k))) return token;
    let runEnd = k;
    while (runEnd < n && isUnitChar(text[runEnd])) runEnd++;
    // 'kgCO2/kWh': a slash with no spaces around it joins two unit words, unless the second word is
    // the start of a KPI id, `denominators.x` or a function ('t/employees.total' divides).
    if (at(runEnd) === '/' && isUnitStart(at(runEnd + 1))) {
      let denEnd = runEnd + 1;
      while (denEnd < n && isUnitChar(text[denEnd])) denEnd++;
      const next = at(denEnd);
      if (next !== '.' && next !== '@' && next !== '(') {
        const compound = parseUnit(original.slice(k, denEnd));
        if (compound.ok) {
          token.unit = compound.unit;
          token.unitText = original.slice(k, denEnd);
          token.end = denEnd;
          return token;
        }
      }
    }
    const unitText = original.slice(k, runEnd);
    const parsed = parseUnit(unitText);
    if (parsed.ok) {
      token.unit = parsed.unit;
      token.unitText = unitText;
      token.end = runEnd;
      return token;
    }
    // '2 ghg.total', '2 sum(...)': an operand where an operator should be.
    if (at(runEnd) === '.' || at(runEnd) === '(' || at(runEnd) === '@') {
      const idEnd = isLetter(text[k]) || text[k] === '_' ? idEndFrom(k) : runEnd;
      return err('formula.expectedOperator', k, idEnd, { found: original.slice(k, idEnd) });
    }
    return err('formula.unknownUnit', k, runEnd, { unit: unitText, part: parsed.unknown });
  }

  function idEndFrom(k: number): number {
    let j = segmentEnd(k);
    while (at(j) === '.' && (isSegmentChar(at(j + 1)) || at(j + 1) === '*'))
      j = at(j + 1) === '*' ? j + 2 : segmentEnd(j + 1);
    return j;
  }
}
