// Reading figures as reports print them: `1,124,032`, `0.2766`, `28.64%`, full-width
// `１２３，４５６`, scientific notation (`2.29 x 10⁻²`, `1.2E-3`), bounds (`<0.01`), approximate
// values (`approximately 100`, `約100`), two figures in one cell (`20.5 / 28.9`, male / female),
// and the tokens that mean 'no value'. Decimals are kept because a printed figure stands for an
// interval (the numbers engine compares with rounding in mind).

export interface ParsedNumber {
  /** `pair`: two figures in one cell ('0 / 0', '20.5 / 28.9'), not one value: read, not checked. */
  status: 'number' | 'none' | 'empty' | 'bad' | 'pair';
  value?: number;
  /**
   * Decimals of the printed precision: the figure stands for value ± 0.5 × 10^-decimals. Negative for
   * scientific notation with a positive exponent ('1.2 x 10³' is 1,200 ± 50: decimals -2).
   */
  decimals?: number;
  percent?: boolean;
  /** The interval the text states when it is not value ± half a unit: a bound ('<0.01' is [0, 0.01]), an approximate value. */
  interval?: { lo: number; hi: number };
  /** '<', '≤', '>', '≥' for a bound ('<0.01', 'less than 0.01', '低於0.01'). */
  bound?: '<' | '≤' | '>' | '≥';
  /** 'approximately 100', '約100', '~100'. */
  approximate?: boolean;
  /** The two figures of a `pair`. */
  pair?: [ParsedNumber, ParsedNumber];
}

const NONE_TOKENS = new Set([
  '-',
  '--',
  '—',
  '–',
  '－',
  '―',
  '/',
  '／',
  'n/a',
  'na',
  'n.a.',
  'nil',
  'none',
  '不適用',
  '不适用',
  '無',
  '无',
  '暫無',
  '暂无',
  '不涉及',
  '—-',
  '*',
]);

/** The longest no-value token. */
const NONE_TOKEN_MAX_LENGTH = Math.max(...[...NONE_TOKENS].map((t) => t.length));

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

/**
 * The 'no value' cells that say the quantity is nil: a dash, a slash, 'not applicable', 'none'
 * (`-`, `—`, `/`, `N/A`, `不適用`, `無` …). A member of a breakdown printed so counts as 0 in the sum of
 * its total. The other no-value cells (`暫無` 'not yet available', `*`) say nothing of the amount.
 */
/** The no-value cells that say nothing of the amount: 'not yet available', a bare mark. */
const NOT_NIL = new Set(['暫無', '暂无', '*']);
const NIL_TOKENS = new Set([...NONE_TOKENS].filter((t) => !NOT_NIL.has(t)));

/** Whether a no-value cell reads as nil (see NIL_TOKENS). */
export function isNilToken(raw: string): boolean {
  return NIL_TOKENS.has(asciiDigits(raw).trim().toLowerCase());
}

/** Full-width digits and separators, the Unicode minus, and ideographic spaces to ASCII. */
function asciiDigits(s: string): string {
  // Most cells have none of these: the text itself, with no copy built character by character.
  let first = 0;
  while (first < s.length && !needsAscii(s.charCodeAt(first))) first++;
  if (first === s.length) return s;
  let out = s.slice(0, first);
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if (c === 0xff0c) out += ',';
    else if (c === 0xff0e) out += '.';
    else if (c === 0xff05) out += '%';
    else if (c === 0x2212 || c === 0xff0d) out += '-';
    else if (c === 0xff0b) out += '+';
    else if (c === 0xff1c) out += '<';
    else if (c === 0xff1e) out += '>';
    else if (c === 0xff5e) out += '~';
    else if (c === 0x3000 || c === 0xa0) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Whether `asciiDigits` changes the character. */
function needsAscii(c: number): boolean {
  if (c < 0xa0) return false;
  return (
    (c >= 0xff10 && c <= 0xff19) ||
    c === 0xff0c ||
    c === 0xff0e ||
    c === 0xff05 ||
    c === 0x2212 ||
    c === 0xff0d ||
    c === 0xff0b ||
    c === 0xff1c ||
    c === 0xff1e ||
    c === 0xff5e ||
    c === 0x3000 ||
    c === 0xa0
  );
}

// Digits with optional thousands groups of exactly three, optional decimals, optional percent.
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%)?$/;
// Scientific notation as printed: '2.29 x 10⁻²', '2.29×10-2', '2.29 × 10^-2', '1.2E-3', '1.2e3'.
const SCIENTIFIC = /^([+-])?(\d+)(?:\.(\d+))?\s*(?:[x×*·]\s*10\s*\^?\s*([+-]?\d{1,3})|[eE]([+-]?\d{1,3}))\s*(%)?$/;
const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]/g;
// Bounds: '<0.01', '< 0.01', '≤ 5', '>99%', 'less than 0.01', 'below 1', '低於0.01', '少於 1', '不足1', '逾100', '超過100'.
const BOUND =
  /^(<=?|>=?|≤|≥|less than|lower than|below|under|more than|greater than|over|above|低於|低于|少於|少于|小於|小于|不足|不到|逾|超過|超过|大於|大于|多於|多于)\s*(.+)$/i;
// Approximate values: 'approximately 100', 'approx. 100', 'about', 'around', 'c. 100', 'circa', '~100', '約100', '大約', '近'.
const APPROXIMATE = /^(approximately|approx\.?|about|around|circa|ca\.|c\.|~|≈|約|约|大約|大约|近)\s*(.+)$/i;
// Two figures in one cell: '0 / 0', '20.5 / 28.9' (male / female).
const PAIR_SEPARATOR = /[/／]/;

/** ± half a unit in the last printed place. */
function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

function plain(text: string): ParsedNumber {
  const m = text.length <= 64 ? NUMBER.exec(text) : null;
  if (m) {
    const digits = m[2].replace(/,/g, '') + (m[3] ? '.' + m[3] : '');
    let value = Number(digits);
    if (!Number.isFinite(value)) return { status: 'bad' };
    if (m[1] === '-') value = -value;
    return { status: 'number', value, decimals: m[3]?.length ?? 0, percent: m[4] === '%' };
  }
  const s = text.length <= 64 ? SCIENTIFIC.exec(text.replace(SUPERSCRIPTS, (c) => SUPERSCRIPT[c])) : null;
  if (s) {
    const exponent = Number(s[4] ?? s[5]);
    const mantissaDecimals = s[3]?.length ?? 0;
    let value = Number(`${s[2]}${s[3] ? '.' + s[3] : ''}e${exponent}`);
    if (!Number.isFinite(value)) return { status: 'bad' };
    if (s[1] === '-') value = -value;
    // Rounded in the mantissa's last place: 2.29 x 10⁻² is 0.0229 ± 0.00005.
    const decimals = mantissaDecimals - exponent;
    return { status: 'number', value: Number(value.toPrecision(15)), decimals, percent: s[6] === '%' };
  }
  return { status: 'bad' };
}

export function parseNumber(raw: string): ParsedNumber {
  const text = asciiDigits(raw).trim();
  if (text === '') return { status: 'empty' };
  // Lower-casing never shortens a text: one longer than every token is none of them.
  if (text.length <= NONE_TOKEN_MAX_LENGTH && NONE_TOKENS.has(text.toLowerCase())) return { status: 'none' };
  if (text.length > 64) return { status: 'bad' };
  // Every figure has a digit (a bound, an approximation, a pair too): text without one is not a figure.
  if (!hasDigit(text)) return { status: 'bad' };
  const p = plain(text);
  if (p.status === 'number') return p;
  const bound = BOUND.exec(text);
  if (bound) {
    const n = plain(bound[2].trim());
    if (n.status !== 'number' || n.value === undefined) return { status: 'bad' };
    const word = bound[1].toLowerCase();
    const below = /^(<|≤|less|lower|below|under|低|少|小|不)/.test(word);
    const inclusive = /^(<=|>=|≤|≥)$/.test(word);
    const kind = below ? (inclusive ? '≤' : '<') : inclusive ? '≥' : '>';
    // A bound on a figure of this report (never negative): '<0.01' is [0, 0.01]; '>100' is [100, +∞).
    const interval = below
      ? { lo: Math.min(0, n.value), hi: n.value }
      : { lo: n.value, hi: n.percent ? 100 : Infinity };
    return { ...n, bound: kind, interval };
  }
  const approx = APPROXIMATE.exec(text);
  if (approx) {
    const n = plain(approx[2].trim());
    if (n.status !== 'number' || n.value === undefined) return { status: 'bad' };
    return { ...n, approximate: true, interval: approximateInterval(n.value, n.decimals ?? 0) };
  }
  // Two figures need a separator between them: no split of the text otherwise.
  const pair = text.includes('/') || text.includes('／') ? text.split(PAIR_SEPARATOR) : [];
  if (pair.length === 2) {
    const a = plain(pair[0].trim());
    const b = plain(pair[1].trim());
    if (a.status === 'number' && b.status === 'number') return { status: 'pair', pair: [a, b] };
  }
  return { status: 'bad' };
}

/**
 * What an approximate figure stands for. 'Approximately 1,000' is rounded to its last non-zero digit
 * at least (± 500), and never tighter than ± 5 %: an approximate figure is not compared as if exact.
 */
function approximateInterval(value: number, decimals: number): { lo: number; hi: number } {
  let h = halfUnit(decimals);
  const abs = Math.abs(value);
  if (abs > 0) {
    // Trailing zeros of the integer part: the place of the last non-zero digit.
    let place = 10 ** -decimals;
    while (place < abs && Math.abs(Math.round(abs / (place * 10)) * place * 10 - abs) < 1e-9 * abs) place *= 10;
    h = Math.max(h, place / 2);
  }
  h = Math.max(h, 0.05 * abs);
  return { lo: value - h, hi: value + h };
}
