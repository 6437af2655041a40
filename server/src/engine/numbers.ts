// Reading figures as reports print them: `1,124,032`, `0.2766`, `28.64%`, full-width
// `１２３，４５６`, and the tokens that mean 'no value'. Decimals are kept because a printed
// figure stands for an interval (the numbers engine compares with rounding in mind).

export interface ParsedNumber {
  status: 'number' | 'none' | 'empty' | 'bad';
  value?: number;
  decimals?: number;
  percent?: boolean;
}

const NONE_TOKENS = new Set(['-', '--', '—', '–', '－', '―', '/', '／', 'n/a', 'na', 'n.a.', 'nil', 'none', '不適用', '不适用', '無', '无', '暫無', '暂无', '不涉及', '—-', '*']);

/**
 * The 'no value' cells that say the quantity is nil: a dash, a slash, 'not applicable', 'none'
 * (`-`, `—`, `/`, `N/A`, `不適用`, `無` …). A member of a breakdown printed so counts as 0 in the sum of
 * its total. The other no-value cells (`暫無` 'not yet available', `*`) say nothing of the amount.
 */
const NIL_TOKENS = new Set(['-', '--', '—', '–', '－', '―', '—-', '/', '／', 'n/a', 'na', 'n.a.', 'nil', 'none', '不適用', '不适用', '無', '无', '不涉及']);

/** Whether a no-value cell reads as nil (see NIL_TOKENS). */
export function isNilToken(raw: string): boolean {
  return NIL_TOKENS.has(asciiDigits(raw).trim().toLowerCase());
}

/** Full-width digits and separators, the Unicode minus, and ideographic spaces to ASCII. */
function asciiDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if (c === 0xff0c) out += ',';
    else if (c === 0xff0e) out += '.';
    else if (c === 0xff05) out += '%';
    else if (c === 0x2212 || c === 0xff0d) out += '-';
    else if (c === 0xff0b) out += '+';
    else if (c === 0x3000 || c === 0xa0) out += ' ';
    else out += s[i];
  }
  return out;
}

// Digits with optional thousands groups of exactly three, optional decimals, optional percent.
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%)?$/;

export function parseNumber(raw: string): ParsedNumber {
  const text = asciiDigits(raw).trim();
  if (text === '') return { status: 'empty' };
  if (NONE_TOKENS.has(text.toLowerCase())) return { status: 'none' };
  const m = text.length <= 64 ? NUMBER.exec(text) : null;
  if (!m) return { status: 'bad' };
  const digits = m[2].replace(/,/g, '') + (m[3] ? '.' + m[3] : '');
  let value = Number(digits);
  if (!Number.isFinite(value)) return { status: 'bad' };
  if (m[1] === '-') value = -value;
  return { status: 'number', value, decimals: m[3]?.length ?? 0, percent: m[4] === '%' };
}
