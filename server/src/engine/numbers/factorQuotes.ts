// Emission factors quoted in prose ('以全國電力平均二氧化碳排放因子 0.5306 (kgCO<sub>2</sub>/kWh) 計算')
// and named in the front matter (`esg.factors`), with their locations, for the ghg/factor-* rules.
//
// Prose: a paragraph is a run of consecutive non-blank lines outside tables, code fences, headings,
// div fences and the front matter. Only paragraphs that mention an emission factor or a CO2 unit are
// scanned, each with a handful of linear regex passes, so the cost is one pass over the text.
// For each number followed by a grid-factor unit (kgCO2/kWh, tCO2/MWh, kgCO2e/kWh, 千克二氧化碳/千瓦時 ...)
// the paragraph gives:
// - the factor's year: a year tied to factor wording — inside a title such as 《關於發佈 2023 年電力二氧化碳
//   排放因子的公告》, followed by factor words in the same clause ('2023 年全國電網排放因子'), or after them
//   ('emission factor for 2023'). A bare year ('2025 年，我們…') is the reporting period, not the factor's.
//   The tied year nearest to the number in the same sentence wins; else the paragraph's only tied year.
// - the region: the nearest region word (全國, 華北, national, 中電 ...) in the sentence, else the only one in
//   the paragraph; national when the year comes from the MEE announcement's title and no region is named.
// - the basis: average, excluding market-traded non-fossil, fossil-only, life-cycle carbon footprint, or
//   market-based (not compared).
// A sentence may quote several factors ('location-based: the 2022 average factor 0.5366 kgCO2/kWh,
// market-based: the 2023 factor excluding market-traded non-fossil power 0.6096 kgCO2/kWh'): each quote
// owns its clause (from the clause break after the quote before it to the clause break after it), and the
// year, basis, region and period words of one clause are never applied to another quote. Words outside
// every quote's clause (a sentence or paragraph that introduces the figures) apply to the quotes whose own
// clause says nothing.
import { isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { EsgDocument } from '../model';
import type { Range } from '../types';
import { positionAt } from '../parser/lines';
import { detachedCopy, isWhiteSpaceCode } from '../text/normalize';
import { factorRegions, factorsFor } from '../catalogs/factors';
import { parseUnit, type ParsedUnit } from '../catalogs/units';
import type { StatedQuantity as ConfigQuantity } from '../frontmatter';

/** `market`: a market-based factor the catalog has no series for (supplier-specific, certificates): not compared. */
export type FactorBasis = 'average' | 'excl-market-nonfossil' | 'fossil' | 'life-cycle' | 'market';

export interface FactorQuote {
  value: number;
  decimals: number;
  /** The number as written ('0.5366'). */
  raw: string;
  /** The unit as written ('kgCO<sub>2</sub>/kWh'). */
  unitRaw: string;
  unit?: ParsedUnit;
  /** The factor's data year, when the paragraph ties one to the factor. */
  year?: number;
  yearRange?: Range;
  /** Region code from the factor catalog (`CN`, `CN-grid-north`, `HK`). */
  region?: string;
  /** The word the region was read from ('全國', '中電'); absent when defaulted to national. */
  regionWord?: string;
  basis: FactorBasis;
  /** A year in the same sentence not tied to the factor ('2024 年採用…'): the period the factor is applied to. */
  periodYear?: number;
  /** The number. */
  range: Range;
  unitRange: Range;
  paragraphRange: Range;
}

const TRIGGER =
  /排放因子|排放因數|排放因数|排放係數|排放系數|排放系数|碳足跡因子|碳足迹因子|emission factor|kgCO|tCO|二氧化碳\s*[/／每]/i;

// number [space] [(] unit; the unit is mass + CO2 (+e) / energy, in the spellings reports use.
const NUM = String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const GAP = String.raw`[ \t\u3000]*(?:[(（][ \t\u3000]*)?`;
const CO2 = String.raw`(?:CO(?:<sub>\s?2\s?<\/sub>|₂|2)(?:\s?-?\s?eq?)?|二氧化碳(?:當量|当量)?)`;
const MASS = String.raw`(?:kg|t|千克|公斤|噸|吨|公噸|公吨)`;
const SEP = String.raw`(?:\s?[/／]\s?|每|\s+per\s+)`;
const ENERGY = String.raw`(?:kWh|MWh|kW·h|MW·h|千瓦時|千瓦时|兆瓦時|兆瓦时|度)`;
const QUOTE = new RegExp(`${NUM}${GAP}(${MASS}\\s?${CO2}${SEP}${ENERGY})`, 'gi');

const YEAR = /(?<![\d.,])((?:19|20)\d\d)(?![\d]|[.,]\d)/g;
const TITLE = /[《〈][^《》〈〉]{0,200}[》〉]/g;
const FACTOR_WORD =
  /排放因子|排放因數|排放因数|排放係數|排放系數|排放系数|碳足跡因子|碳足迹因子|emission factors?|grid factors?|carbon footprint factors?/i;
const FACTOR_WORD_BEFORE =
  /(?:排放因子|排放因數|排放因数|排放係數|排放系數|排放系数|emission factors?|grid factors?)\s*(?:for|of|in)?\s*(?:the\s+year\s+)?[(（]?\s*$/i;
// The MEE/NBS announcements: a year tied through such a title means the national factor unless a region is named.
const MEE_TITLE = /電力二氧化碳排放因[子數数]|电力二氧化碳排放因[子数]|electricity CO2 emission factors?/i;
const CLAUSE_END = /[，,。；;：:、！？!?]/;
const SENTENCE_END = /[。；;！？!?]|\.(?=\s|$)/g;

const BASES: [RegExp, FactorBasis][] = [
  [/不包括市場化交易|不包括市场化交易|excluding market-?(?:traded|based)/i, 'excl-market-nonfossil'],
  [/(?<!非)化石能源電力|(?<!非)化石能源电力|fossil[- ]fuel power|fossil power/i, 'fossil'],
  [/碳足跡|碳足迹|carbon footprint/i, 'life-cycle'],
  [/市場基準|市场基准|市場法|市场法|market[- ]based/i, 'market'],
  [
    /位置基準|位置基准|位置法|location[- ]based|平均(?:二氧化碳)?排放因[子數数]|grid average|average (?:grid )?(?:CO2 )?emission factor/i,
    'average',
  ],
];

interface RegionWord {
  code: string;
  word: string;
}
let regionPattern: { re: RegExp; byWord: Map<string, string> } | undefined;
function regionMatcher(): { re: RegExp; byWord: Map<string, string> } {
  if (regionPattern) return regionPattern;
  const byWord = new Map<string, string>();
  for (const r of factorRegions()) for (const s of r.synonyms) byWord.set(s.toLowerCase(), r.code);
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Latin words only as whole words ('national' must not match inside 'international').
  const alts = words.map((w) => (/^[a-z]/i.test(w) ? `(?<![A-Za-z])${escape(w)}(?![A-Za-z])` : escape(w)));
  regionPattern = { re: new RegExp(alts.join('|'), 'gi'), byWord };
  return regionPattern;
}

interface Paragraph {
  start: number;
  end: number;
}

/** The code fence mark a line starts with at `at` (three or more backticks or tildes), else undefined. */
function fenceRun(text: string, at: number, end: number): string | undefined {
  const c = text.charCodeAt(at);
  if (c !== 0x60 && c !== 0x7e) return undefined;
  let e = at + 1;
  while (e < end && text.charCodeAt(e) === c) e++;
  return e - at >= 3 ? text.slice(at, e) : undefined;
}

/** Paragraph offsets: consecutive non-blank lines outside tables, fences, headings and the front matter. */
function paragraphs(doc: EsgDocument): Paragraph[] {
  const starts = doc.lineStarts;
  const lineCount = starts.length;
  const excluded = new Uint8Array(lineCount);
  for (const t of doc.tables)
    for (let l = t.range.start.line; l <= t.range.end.line && l < lineCount; l++) excluded[l] = 1;
  if (doc.frontMatter)
    for (let l = doc.frontMatter.range.start.line; l <= doc.frontMatter.range.end.line && l < lineCount; l++)
      excluded[l] = 1;
  const out: Paragraph[] = [];
  let fence: string | undefined;
  let cur: Paragraph | undefined;
  const close = () => {
    if (cur) out.push(cur);
    cur = undefined;
  };
  for (let l = 0; l < lineCount; l++) {
    const lineStart = starts[l];
    let lineEnd = l + 1 < lineCount ? starts[l + 1] : doc.text.length;
    // The line without its line break (a loop: no regex or copy per line of a long report).
    while (lineEnd > lineStart && (doc.text.charCodeAt(lineEnd - 1) === 10 || doc.text.charCodeAt(lineEnd - 1) === 13))
      lineEnd--;
    // The line is read where it lies (its first character after what `trim` takes away, and a fence's
    // run of marks), not copied: a long report has tens of thousands of lines.
    let first = lineStart;
    while (first < lineEnd && isWhiteSpaceCode(doc.text.charCodeAt(first))) first++;
    const blank = first === lineEnd;
    const fenceMark = blank ? undefined : fenceRun(doc.text, first, lineEnd);
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMark) {
      close();
      fence = fenceMark;
      continue;
    }
    if (excluded[l] || blank || doc.text.charCodeAt(first) === 0x23 || doc.text.startsWith(':::', first)) {
      close();
      continue;
    }
    if (cur) cur.end = lineEnd;
    else cur = { start: lineStart, end: lineEnd };
  }
  close();
  return out;
}

interface TiedYear {
  year: number;
  start: number;
  end: number;
  viaMeeTitle: boolean;
}

/** Index of the first item whose start is >= offset (items sorted by start). */
function lowerBound(starts: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Span {
  start: number;
  end: number;
}

/** The span (sorted, non-overlapping) that contains [start, end), if any. */
function containing<T extends Span>(spans: T[], start: number, end: number): T | undefined {
  const i = lowerBound(spans, end) - 1;
  return i >= 0 && spans[i].start <= start && end <= spans[i].end ? spans[i] : undefined;
}

/** Years of a paragraph: those tied to factor wording, and the others (periods, dates). */
function paragraphYears(text: string, quoteSpans: Span[]): { tied: TiedYear[]; untied: TiedYear[] } {
  const titles: (Span & { text: string })[] = [];
  for (const m of text.matchAll(TITLE)) titles.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  const out: TiedYear[] = [];
  const untied: TiedYear[] = [];
  for (const m of text.matchAll(YEAR)) {
    const start = m.index!;
    const end = start + m[0].length;
    const q = lowerBound(quoteSpans, end) - 1;
    if (q >= 0 && quoteSpans[q].end > start) continue;
    const y = { year: Number(m[1]), start, end, viaMeeTitle: false };
    const title = containing(titles, start, end);
    if (title) {
      if (FACTOR_WORD.test(title.text)) out.push({ ...y, viaMeeTitle: MEE_TITLE.test(title.text) });
      else untied.push(y);
      continue;
    }
    // Factor words after the year in the same clause, with no other figure in between.
    let after = text.slice(end, end + 40);
    const cut = after.search(CLAUSE_END);
    if (cut >= 0) after = after.slice(0, cut);
    const digit = after.search(/\d/);
    if (digit >= 0) after = after.slice(0, digit);
    const before = text.slice(Math.max(0, start - 40), start);
    if (FACTOR_WORD.test(after) || FACTOR_WORD_BEFORE.test(before)) out.push(y);
    else untied.push(y);
  }
  return { tied: out, untied };
}

/** Sentences of a paragraph as sorted spans. */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index! + m[0].length;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length || !out.length) out.push({ start, end: Math.max(start, text.length) });
  return out;
}

/** The item nearest to an offset within [lo, hi) (items sorted by start): one of the two neighbours. */
function nearestWithin<T extends { start: number }>(items: T[], offset: number, lo: number, hi: number): T | undefined {
  const i = lowerBound(items, offset);
  const before = i > 0 && items[i - 1].start >= lo ? items[i - 1] : undefined;
  const after = i < items.length && items[i].start < hi ? items[i] : undefined;
  if (!before) return after;
  if (!after) return before;
  return offset - before.start <= after.start - offset ? before : after;
}

/** The single item of a paragraph, or the nearest when they all say the same (`key`). */
function onlyValue<T extends { start: number }>(
  items: T[],
  key: (t: T) => string | number,
  offset: number,
): T | undefined {
  if (!items.length) return undefined;
  const first = key(items[0]);
  if (items.some((it) => key(it) !== first)) return undefined;
  return nearestWithin(items, offset, -Infinity, Infinity);
}

/** False when `text` cannot hold a factor quote: every quote is found in a paragraph this matches. */
export function mayQuoteFactors(text: string): boolean {
  return TRIGGER.test(text);
}

/** Emission factors quoted in the report's prose, in document order (derived.ts keeps them). */
export function findFactorQuotes(doc: EsgDocument): FactorQuote[] {
  const out: FactorQuote[] = [];
  const pos = (offset: number) => positionAt(doc.lineStarts, offset);
  const rangeOf = (s: number, e: number): Range => ({ start: pos(s), end: pos(e) });
  for (const p of paragraphs(doc)) {
    const text = doc.text.slice(p.start, p.end);
    if (!TRIGGER.test(text)) continue;
    const matches = [...text.matchAll(QUOTE)];
    if (!matches.length) continue;
    const spans = matches.map((m): Span => ({ start: m.index!, end: m.index! + m[0].length }));
    const { tied: years, untied } = paragraphYears(text, spans);
    const { re, byWord } = regionMatcher();
    const regions: (RegionWord & { start: number })[] = [];
    for (const m of text.matchAll(re))
      regions.push({ code: byWord.get(m[0].toLowerCase())!, word: m[0], start: m.index! });
    const sentenceSpans = sentences(text);
    // Each quote's clause: quotes of one sentence split it at the first clause break after each quote.
    // The clauses of a sentence with quotes tile it; words in sentences without quotes introduce them all.
    const clauses = quoteClauses(text, spans, sentenceSpans);
    const inNoClause = <T extends { start: number }>(items: T[]) =>
      items.filter((it) => !containing(clauses, it.start, it.start + 1));
    const introYears = inNoClause(years);
    const introRegions = inNoClause(regions);
    const introYear = onlyValue(introYears, (y) => y.year, 0) && introYears;
    const introRegion = onlyValue(introRegions, (r) => r.code, 0) && introRegions;
    const introBasis = basisOf(outsideClauses(text, clauses));
    // What the last quote's own clause said, for a quote whose clause says nothing (a list: '華北 0.6776，華東 0.5703').
    let inherited:
      { sentence: number; year?: TiedYear; region?: RegionWord & { start: number }; basis?: FactorBasis } | undefined;
    let lastOwn: typeof inherited;
    for (const [k, m] of matches.entries()) {
      const at = m.index!;
      const numberText = m[2] !== undefined ? `${m[1]}.${m[2]}` : m[1];
      const value = Number(numberText.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      const unitRaw = m[3];
      const unitAt = at + m[0].length - unitRaw.length;
      const parsed = parseUnit(unitRaw.replace(/<\/?sub>/gi, '').replace('每', '/'));
      const sentence = containing(sentenceSpans, at, at + 1) ?? { start: 0, end: text.length };
      const clause = clauses[k];
      const own = {
        sentence: sentence.start,
        year: nearestWithin(years, at, clause.start, clause.end),
        region: nearestWithin(regions, at, clause.start, clause.end),
        basis: basisOf(text.slice(clause.start, clause.end)),
      };
      inherited = lastOwn;
      const sameSentence = inherited?.sentence === sentence.start ? inherited : undefined;
      // Own clause; else an earlier clause of the sentence; else the paragraph's introduction; else an earlier quote's.
      const year =
        own.year ??
        sameSentence?.year ??
        (introYear && nearestWithin(introYear, at, -Infinity, Infinity)) ??
        inherited?.year;
      const region =
        own.region ??
        sameSentence?.region ??
        (introRegion && nearestWithin(introRegion, at, -Infinity, Infinity)) ??
        inherited?.region;
      const basis = own.basis ?? sameSentence?.basis ?? introBasis ?? inherited?.basis ?? 'average';
      lastOwn = {
        sentence: sentence.start,
        year: own.year ?? sameSentence?.year,
        region: own.region ?? sameSentence?.region,
        basis: own.basis ?? sameSentence?.basis,
      };
      // The period a factor is applied to: the nearest bare year before the quote in its sentence.
      const periodIndex = lowerBound(untied, at) - 1;
      const period = periodIndex >= 0 && untied[periodIndex].start >= sentence.start ? untied[periodIndex] : undefined;
      const quote: FactorQuote = {
        value,
        decimals: m[2]?.length ?? 0,
        raw: numberText,
        unitRaw,
        basis,
        range: rangeOf(p.start + at, p.start + at + numberText.length),
        unitRange: rangeOf(p.start + unitAt, p.start + unitAt + unitRaw.length),
        paragraphRange: rangeOf(p.start, p.end),
      };
      if (parsed.ok) quote.unit = parsed.unit;
      if (period) quote.periodYear = period.year;
      if (year) {
        quote.year = year.year;
        quote.yearRange = rangeOf(p.start + year.start, p.start + year.end);
      }
      if (region) {
        quote.region = region.code;
        quote.regionWord = region.word;
      } else if (year?.viaMeeTitle) quote.region = 'CN';
      out.push(quote);
    }
  }
  return out;
}

/** The basis a text names, if any. */
function basisOf(text: string): FactorBasis | undefined {
  return BASES.find(([b]) => b.test(text))?.[1];
}

interface Clause extends Span {
  quote: number;
}

/**
 * The clause of each quote (sorted, one per quote). A quote alone in its sentence owns the sentence; in a
 * sentence with several, the boundary between two quotes is the first clause break (，,；、 …) after the
 * first one (see boundary).
 */
function quoteClauses(text: string, quotes: Span[], sentenceSpans: Span[]): Clause[] {
  const out: Clause[] = [];
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k];
    const sentence = containing(sentenceSpans, q.start, q.start + 1) ?? { start: 0, end: text.length };
    const prev = k > 0 && quotes[k - 1].start >= sentence.start ? quotes[k - 1] : undefined;
    const next = k + 1 < quotes.length && quotes[k + 1].start < sentence.end ? quotes[k + 1] : undefined;
    const start = prev ? boundary(text, prev, q) : sentence.start;
    const end = next ? boundary(text, q, next) : sentence.end;
    out.push({ start, end, quote: k });
  }
  return out;
}

/**
 * Where the clause of quote `a` ends and that of the next quote `b` begins: after the first clause break
 * between them; with none, right after `a` (and a bracket that follows it).
 */
function boundary(text: string, a: Span, b: Span): number {
  // A comma inside a number (1,124) is not a clause break.
  const between = text.slice(a.end, b.start);
  const m = /[，；;、！？]|,(?!\d)|\s(?:and|while|whereas)\s|以及|而/.exec(between);
  if (m) return a.end + m.index + m[0].length;
  // No break: the words before a figure describe it, except a bracket right after the first ('(2022)').
  const bracket = /^[ \t\u3000]*[(（][^()（）]*[)）]/.exec(between);
  return a.end + (bracket ? bracket[0].length : 0);
}

/** The text of a paragraph outside every quote's clause (its sentences without quotes). */
function outsideClauses(text: string, clauses: Clause[]): string {
  let out = '';
  let from = 0;
  for (const c of clauses) {
    if (c.start > from) out += `${text.slice(from, c.start)}\n`;
    from = Math.max(from, c.end);
  }
  return out + text.slice(from);
}

/**
 * The catalog series a quote speaks of (`cn-grid:CN:average`), when the catalog has one: mainland grid
 * factors by region and basis, the national carbon-footprint factor, a Hong Kong utility named in the
 * paragraph (中電/CLP, 港燈/HK Electric).
 */
export function quoteSeries(q: FactorQuote): string | undefined {
  let series: string | undefined;
  if (q.basis === 'life-cycle')
    series = q.region === undefined || q.region === 'CN' ? 'cn-elec-cf:CN:life-cycle' : undefined;
  else if (q.region === 'HK') {
    const w = (q.regionWord ?? '').toLowerCase();
    if (w === '中電' || w === '中电' || w === 'clp') series = 'hk-grid:clp';
    else if (w === '港燈' || w === '港灯' || w === 'hk electric') series = 'hk-grid:hkelectric';
  } else if (q.region && (q.region === 'CN' || q.region.startsWith('CN-'))) series = `cn-grid:${q.region}:${q.basis}`;
  return series && factorsFor({ series }).length ? series : undefined;
}

// ---- front matter ----

export interface FrontMatterFactor {
  /** The key under `esg.factors` ('grid', or a catalog id). */
  name: string;
  /** `'*'` for all periods, else the year key. */
  period: string;
  catalogId?: string;
  quantity?: ConfigQuantity;
  raw: string;
  /** The value in the front matter. */
  range: Range;
}

/** The `esg.factors` entries with the range of each value, the YAML re-read only when there are factors (derived.ts keeps them). */
export function readFrontMatterFactors(doc: EsgDocument): FrontMatterFactor[] {
  const out: FrontMatterFactor[] = [];
  const fm = doc.frontMatter;
  const factors = doc.config.factors;
  if (fm && Object.keys(factors).length) {
    const yaml = yamlOf(fm.yamlText);
    const whole: Range = {
      start: positionAt(doc.lineStarts, fm.yamlStart),
      end: positionAt(doc.lineStarts, fm.yamlStart + fm.yamlText.length),
    };
    for (const [name, perPeriod] of Object.entries(factors)) {
      for (const [period, entry] of Object.entries(perPeriod)) {
        const path: (string | number)[] = ['esg', 'factors', name];
        if (period !== '*') path.push(period);
        const r = yaml ? valueRange(yaml, path) : undefined;
        const range = r
          ? {
              start: positionAt(doc.lineStarts, fm.yamlStart + r[0]),
              end: positionAt(doc.lineStarts, fm.yamlStart + r[1]),
            }
          : whole;
        const f: FrontMatterFactor = { name, period, raw: entry.raw, range };
        if (entry.catalogId) f.catalogId = entry.catalogId;
        if (entry.quantity) f.quantity = entry.quantity;
        out.push(f);
      }
    }
  }
  return out;
}

type YamlTree = ReturnType<typeof parseDocument>;

/** The last front matter's YAML tree, by its text: the front matter is the same from one analysis to the next. */
let lastYaml: { text: string; tree: YamlTree | undefined } | undefined;
const YAML_MEMO_MAX_CHARS = 64 * 1024;

/** The YAML tree of a front matter's text (read only: `valueRange` looks, never changes), undefined when it does not parse. */
function yamlOf(text: string): YamlTree | undefined {
  if (lastYaml?.text === text) return lastYaml.tree;
  // Parsed from a copy: the tree's strings would otherwise keep the whole document alive.
  const source = text.length <= YAML_MEMO_MAX_CHARS ? detachedCopy(text) : text;
  let tree: YamlTree | undefined;
  try {
    tree = parseDocument(source);
  } catch {
    tree = undefined;
  }
  if (text.length <= YAML_MEMO_MAX_CHARS) lastYaml = { text: source, tree };
  return tree;
}

/** Offsets of the scalar at a path; year keys are numbers in the YAML tree, so both spellings are tried. */
function valueRange(yaml: ReturnType<typeof parseDocument>, path: (string | number)[]): [number, number] | undefined {
  let node: unknown = yaml.contents;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    const pair = (node.items as unknown[]).find(
      (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key),
    );
    if (!pair || !isPair(pair)) return undefined;
    node = pair.value;
  }
  const n = node as YamlNode | undefined;
  const range = n && (n as { range?: [number, number, number] }).range;
  return range ? [range[0], range[1]] : undefined;
}
