// The `esg:` front matter: parsed with the `yaml` library (which keeps node ranges, so an error
// points at the exact key), validated with zod, then turned into a typed EsgConfig with defaults.
import {
  isMap,
  isPair,
  isScalar,
  LineCounter,
  Parser,
  parseDocument,
  type CST,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import * as z from 'zod';
import { parseUnit } from './catalogs/units';
import { parseNumber } from './numbers/read';
import { detachedCopy } from './text/normalize';
import { LIMITS } from './limits';
import type { IssuerClass, Locale } from './types';
import { FRAMEWORK_IDS, HKEX_FRAMEWORK_ID } from './catalogs/frameworks';
import { isCalendarDate } from './catalogs/dates';

export { frontMatterBlock, isFrontMatterFence, type FrontMatterBlock } from './frontmatterFence';

/** A quantity as the front matter states it (`72,434 萬元`): printed value, unit text, decimals. What the numbers engine computes with is numbers/quantity.ts's `Quantity`. */
export interface StatedQuantity {
  value: number;
  unit: string;
  raw: string;
  decimals: number;
}

/** Values given for all periods (`'*'`) or per year (`'2024'`). */
export type PerPeriod<T> = Record<string, T>;

export interface EsgConfig {
  /** The front matter has an `esg:` key. */
  present: boolean;
  title?: string;
  lang?: string;
  framework: string;
  issuer?: string;
  stockCode?: string;
  /** Financial year the report covers, named by the year it ends in (the year of `period.to` for a date range). */
  year?: number;
  /** First and last day of the financial year, when given as dates (`{from, to}` or `from/to`). */
  period?: { from?: string; to?: string };
  /** `esg.year-end` (`MM-DD`): the last day of a financial year given as a year (`period: 2026`). */
  yearEnd?: string;
  issuerClass: IssuerClass;
  /** `esg.issuer-class` is written in the front matter (else `issuerClass` is the default, and a project file's profile may set it). */
  issuerClassGiven?: boolean;
  currency: string;
  locale?: Locale;
  denominators: Record<string, PerPeriod<StatedQuantity>>;
  /** Catalog ids or custom quantities. */
  factors: Record<string, PerPeriod<{ catalogId?: string; quantity?: StatedQuantity; raw: string }>>;
  chapters: string[];
  /** `esg.translations`: the other language versions of this report, as written (relative paths). */
  translations: string[];
  /** `esg.previous`: last year's report, as written (a relative path). */
  previous?: string;
  /** `esg.frameworks`: the framework packs the report claims (known ids only); HKEX alone when absent. */
  frameworks: string[];
  /** `esg.listings`: the exchanges the issuer is listed on, lower case (`hkex` alone when absent); a mainland one makes the A-share guideline apply. */
  listings: string[];
  /** `esg.published`: the day the report was (or is to be) published, `YYYY-MM-DD` (checked against the due dates). */
  published?: string;
}

/** The exchanges `esg.listings` may name: Hong Kong and the three mainland exchanges (A+H issuers). */
export const LISTINGS = ['hkex', 'sse', 'szse', 'bse'] as const;

export interface FrontMatterProblem {
  /** Offsets relative to the YAML text. */
  start: number;
  end: number;
  key: string;
  args: Record<string, string | number>;
}

export const DEFAULT_CONFIG: EsgConfig = {
  present: false,
  framework: 'hkex-esg-2025',
  issuerClass: 'main-board',
  currency: 'CNY',
  denominators: {},
  factors: {},
  chapters: [],
  translations: [],
  frameworks: [HKEX_FRAMEWORK_ID],
  listings: ['hkex'],
};

/** The years `esg.period` may name. */
export const YEAR_RANGE = { min: 1990, max: 2100 } as const;

function isYear(v: unknown): boolean {
  const n = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max;
}

// One check with one message: separate int / max / safe-integer checks gave two contradictory errors
// for `period: 99999999999999999999`.
const yearKey = z.union([z.number(), z.string()]).superRefine((v, ctx) => {
  if (!isYear(v)) ctx.addIssue({ code: 'custom', message: 'not a year', params: { esgmark: 'fm.periodRange' } });
});
const date = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'), z.date()]);
/** `2025-04-01/2026-03-31`: a financial year by its first and last day. */
const COMPACT_PERIOD = /^\s*(\d{4}-\d{2}-\d{2})\s*\/\s*(\d{4}-\d{2}-\d{2})\s*$/;
const compactPeriod = z.string().regex(COMPACT_PERIOD, 'expected YYYY-MM-DD/YYYY-MM-DD');
// A year (`2026`) is a string too: a string that is not `from/to` is checked as a year.
const periodValue = z.union([compactPeriod, yearKey, z.object({ from: date, to: date }).strict()]);
const yearEnd = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  if (typeof v !== 'string' || !isMonthDay(v))
    ctx.addIssue({ code: 'custom', message: 'not a month-day', params: { esgmark: 'fm.yearEnd' } });
});

/** `MM-DD` of a day that exists in some year (`02-29` included). */
function isMonthDay(v: string): boolean {
  return /^\d{2}-\d{2}$/.test(v) && isCalendarDate(`2024-${v}`);
}

const quantityText = z.union([z.string().min(1), z.number()]);
const perPeriod = <T extends z.ZodType>(value: T) =>
  z.union([value, z.record(z.string().regex(/^(19|20)\d\d$/, 'expected a year'), value)]);

const esgSchema = z
  .object({
    framework: z.enum(['hkex-esg-2025']).optional(),
    issuer: z.union([z.string(), z.number()]).optional(),
    'stock-code': z.union([z.string(), z.number()]).optional(),
    period: periodValue.optional(),
    'year-end': yearEnd.optional(),
    'issuer-class': z.enum(['main-board', 'largecap', 'gem']).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as CNY, HKD, USD')
      .optional(),
    locale: z.enum(['en', 'zh-Hant', 'zh-Hans']).optional(),
    denominators: z.record(z.string(), perPeriod(quantityText)).optional(),
    factors: z.record(z.string(), perPeriod(quantityText)).optional(),
    chapters: z.array(z.string()).optional(),
    translations: z.array(z.string().min(1)).optional(),
    previous: z.string().min(1).optional(),
    // Ids are checked one by one after the schema (readFrameworks), so each unknown one gets its own range and suggestion.
    frameworks: z.array(z.string()).optional(),
    // Exchange ids in any case (`SSE`, `Hkex`): compared in lower case.
    listings: z
      .array(z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(LISTINGS)))
      .optional(),
    published: date.optional(),
  })
  .strict();

const topSchema = z.object({
  title: z.union([z.string(), z.number()]).optional(),
  lang: z.string().optional(),
  esg: esgSchema.nullable().optional(),
});

export function localeFromLang(lang: string | undefined): Locale | undefined {
  if (!lang) return undefined;
  const l = lang.toLowerCase();
  if (/^zh[-_](hant|hk|tw|mo)/.test(l)) return 'zh-Hant';
  if (/^zh([-_](hans|cn|sg)|$)/.test(l)) return 'zh-Hans';
  if (/^en\b/.test(l)) return 'en';
  return undefined;
}

/** Parses a quantity such as `72,434 萬元` or `0.5306 kgCO2/kWh`. */
export function parseQuantity(raw: string | number): StatedQuantity | { error: string } {
  if (typeof raw === 'number') return { error: 'quantity.noUnit' };
  const m = /^\s*([-+−]?[0-9０-９][0-9０-９,，.．]*)\s*(.*?)\s*$/.exec(raw);
  if (!m) return { error: 'quantity.notNumber' };
  const n = parseNumber(m[1]);
  if (n.status !== 'number') return { error: 'quantity.notNumber' };
  if (!m[2]) return { error: 'quantity.noUnit' };
  if (!parseUnit(m[2]).ok) return { error: 'quantity.unknownUnit' };
  return { value: n.value!, unit: m[2], raw, decimals: n.decimals ?? 0 };
}

/** Parses the YAML text of a front matter block into a config and its problems. */
// The front matter is the same from one keystroke (and one analysis) to the next: its parse is kept by
// text, a few entries, and shared: nothing changes a config or its problems once they are built.
const FRONT_MATTER_CACHE_MAX = 16;
const FRONT_MATTER_CACHE_MAX_CHARS = 64 * 1024;
const parsedFrontMatters = new Map<string, { config: EsgConfig; problems: FrontMatterProblem[] }>();

export function parseFrontMatter(yamlText: string): { config: EsgConfig; problems: FrontMatterProblem[] } {
  const cached = parsedFrontMatters.get(yamlText);
  if (cached) return cached;
  if (yamlText.length > FRONT_MATTER_CACHE_MAX_CHARS) return parseFrontMatterText(yamlText);
  // Parsed from a copy: the config's strings may be slices of its text, and must not keep the document alive.
  const key = detachedCopy(yamlText);
  const parsed = parseFrontMatterText(key);
  if (parsedFrontMatters.size >= FRONT_MATTER_CACHE_MAX)
    parsedFrontMatters.delete(parsedFrontMatters.keys().next().value!);
  parsedFrontMatters.set(key, parsed);
  return parsed;
}

function parseFrontMatterText(yamlText: string): { config: EsgConfig; problems: FrontMatterProblem[] } {
  const problems: FrontMatterProblem[] = [];
  const config: EsgConfig = {
    ...DEFAULT_CONFIG,
    denominators: emptyMap(),
    factors: emptyMap(),
    chapters: [],
    translations: [],
    frameworks: [...DEFAULT_CONFIG.frameworks],
    listings: [...DEFAULT_CONFIG.listings],
  };
  // The yaml library composes documents recursively: a deep nesting overflows the stack (and its
  // message leaked into the diagnostic). The depth is measured first, on the CST, without recursion.
  const tooDeep = nestingPastLimit(yamlText);
  if (tooDeep) {
    problems.push(tooDeep);
    return { config, problems };
  }
  const tooDeepRoot = (): FrontMatterProblem => ({
    start: 0,
    end: yamlText.length,
    key: 'fm.tooDeepRoot',
    args: { max: LIMITS.maxYamlDepth },
  });
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    problems.push(
      e instanceof RangeError
        ? tooDeepRoot()
        : { start: 0, end: yamlText.length, key: 'fm.yaml', args: { detail: 'unreadable YAML' } },
    );
    return { config, problems };
  }
  // One error per position and message, and a bounded number: a broken front matter can have one per line.
  const seen = new Set<string>();
  for (const err of doc.errors) {
    const detail = shortDetail(err.message);
    const key = `${err.pos[0]}:${detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > LIMITS.maxYamlErrors) break;
    // An internal failure of the library is never shown as if it were a YAML message.
    if (isInternalError(detail)) problems.push(tooDeepRoot());
    else
      problems.push({ start: err.pos[0], end: Math.max(err.pos[1], err.pos[0] + 1), key: 'fm.yaml', args: { detail } });
  }
  if (doc.errors.length) return { config, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    const detail = shortDetail(String((e as Error).message));
    problems.push(
      e instanceof RangeError || isInternalError(detail)
        ? tooDeepRoot()
        : { start: 0, end: yamlText.length, key: 'fm.yaml', args: { detail } },
    );
    return { config, problems };
  }
  if (data === null || data === undefined) return { config, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ start: 0, end: yamlText.length, key: 'fm.notMap', args: {} });
    return { config, problems };
  }
  const parsed = topSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const r = keyRange(doc, path, key) ?? nodeRange(doc, path);
          problems.push({
            ...r,
            key: 'fm.unknownKey',
            args: { key: [...path, key].join('.'), known: knownKeys(path) },
          });
        }
      } else {
        const range = nodeRange(doc, path);
        const { key, args } = describeIssue(issue, yamlText.slice(range.start, range.end));
        problems.push({ ...range, key, args: { key: path.join('.'), ...args } });
      }
    }
  }
  // Fill what is valid even when something else is not: one bad key must not hide the rest.
  const top = data as Record<string, unknown>;
  if (typeof top.title === 'string' || typeof top.title === 'number') config.title = String(top.title);
  if (typeof top.lang === 'string') config.lang = top.lang;
  config.locale = localeFromLang(config.lang);
  const esg = top.esg;
  if (esg === undefined) return { config, problems };
  config.present = true;
  if (!esg || typeof esg !== 'object' || Array.isArray(esg)) return { config, problems };
  const e = esg as Record<string, unknown>;
  if (e.framework === 'hkex-esg-2025') config.framework = e.framework;
  if (typeof e.issuer === 'string' || typeof e.issuer === 'number') config.issuer = String(e.issuer);
  if (typeof e['stock-code'] === 'string' || typeof e['stock-code'] === 'number')
    config.stockCode = String(e['stock-code']);
  const cls = e['issuer-class'];
  if (cls === 'main-board' || cls === 'largecap' || cls === 'gem') {
    config.issuerClass = cls;
    config.issuerClassGiven = true;
  }
  if (typeof e.currency === 'string' && /^[A-Z]{3}$/.test(e.currency)) config.currency = e.currency;
  if (e.locale === 'en' || e.locale === 'zh-Hant' || e.locale === 'zh-Hans') config.locale = e.locale;
  readPeriod(doc, e.period, e['year-end'], config, problems);
  if (Array.isArray(e.chapters)) config.chapters = e.chapters.filter((c): c is string => typeof c === 'string');
  if (Array.isArray(e.translations))
    config.translations = e.translations.filter((c): c is string => typeof c === 'string' && c !== '');
  if (typeof e.previous === 'string' && e.previous !== '') config.previous = e.previous;
  readQuantities(doc, e.denominators, ['esg', 'denominators'], problems, (name, period, q) => {
    (config.denominators[name] ??= emptyMap())[period] = q;
  });
  readFactors(doc, e.factors, config, problems);
  readFrameworks(doc, e.frameworks, config, problems);
  if (Array.isArray(e.listings)) {
    const listings = e.listings
      .map((l) => (typeof l === 'string' ? l.trim().toLowerCase() : ''))
      .filter((l) => (LISTINGS as readonly string[]).includes(l));
    if (listings.length) config.listings = [...new Set(listings)];
  }
  readPublished(doc, e.published, config, problems);
  return { config, problems };
}

/** `esg.frameworks`: known pack ids kept in order; each unknown one is a problem at its item, with the nearest id. */
function readFrameworks(doc: Document, value: unknown, config: EsgConfig, problems: FrontMatterProblem[]) {
  if (!Array.isArray(value)) return;
  const known: string[] = [];
  value.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const id = v.trim().toLowerCase();
    if (FRAMEWORK_IDS.includes(id)) {
      if (!known.includes(id)) known.push(id);
      return;
    }
    const near = nearestFrameworkId(id);
    const range = nodeRange(doc, ['esg', 'frameworks', i]);
    const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    if (near)
      problems.push({ ...range, key: 'fm.unknownFrameworkNear', args: { key: 'esg.frameworks', value: shown, near } });
    else
      problems.push({
        ...range,
        key: 'fm.unknownFramework',
        args: { key: 'esg.frameworks', value: shown, known: FRAMEWORK_IDS.join(', ') },
      });
  });
  // The list replaces the default: a report may claim GRI and not HKEX (the HKEX rules still run; they are the checker's base).
  if (known.length) config.frameworks = known;
}

/** The framework id a mistyped one is closest to ('gri-2012', 'gri', 'hkfrs-s1'), when it is near enough to be a slip. */
function nearestFrameworkId(raw: string): string | undefined {
  if (raw.length > 40) return undefined;
  const prefixed = FRAMEWORK_IDS.filter((id) => raw.length >= 2 && id.startsWith(raw));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = 4;
  for (const id of FRAMEWORK_IDS) {
    const d = levenshtein(raw, id);
    if (d < bestDistance) {
      bestDistance = d;
      best = id;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function readPeriod(
  doc: Document,
  period: unknown,
  yearEndValue: unknown,
  config: EsgConfig,
  problems: FrontMatterProblem[],
) {
  const at = (path: string[]) => nodeRange(doc, ['esg', ...path]);
  // Only a year the schema accepts: an invalid one is reported, and must not reach messages as "FY1e+20".
  const yearEnd = typeof yearEndValue === 'string' && isMonthDay(yearEndValue) ? yearEndValue : undefined;
  let from: string | undefined;
  let to: string | undefined;
  let path = ['period'];
  const compact = typeof period === 'string' ? COMPACT_PERIOD.exec(period) : null;
  if (compact) {
    from = compact[1];
    to = compact[2];
  } else if ((typeof period === 'number' || typeof period === 'string') && isYear(period)) {
    config.year = Number(period);
    if (yearEnd) config.yearEnd = yearEnd;
    return;
  } else if (period && typeof period === 'object' && !Array.isArray(period)) {
    const p = period as Record<string, unknown>;
    from = asDate(p.from);
    to = asDate(p.to);
  } else return;
  // The dates must exist, lie in the years esgmark knows, and run forwards.
  const bad = (d: string | undefined, key: string) => {
    if (d === undefined) return false;
    const sub = compact ? path : [...path, key];
    if (!isCalendarDate(d))
      problems.push({ ...at(sub), key: 'fm.periodDate', args: { key: ['esg', ...sub].join('.'), value: d } });
    else if (!isYear(d.slice(0, 4)))
      problems.push({
        ...at(sub),
        key: 'fm.periodRange',
        args: { key: ['esg', ...sub].join('.'), value: d, min: YEAR_RANGE.min, max: YEAR_RANGE.max },
      });
    else return false;
    return true;
  };
  // One error per period: a year written wrong in both dates is one mistake.
  if (bad(from, 'from') || bad(to, 'to')) return;
  if (from && to && from > to) {
    problems.push({ ...at(path), key: 'fm.periodOrder', args: { key: 'esg.period', from, to } });
    return;
  }
  config.period = { from, to };
  if (to) config.year = Number(to.slice(0, 4));
  // `year-end` with dates says the same thing twice: it must agree with them.
  if (yearEnd && to && to.slice(5) !== yearEnd) {
    path = ['year-end'];
    problems.push({ ...at(path), key: 'fm.yearEndConflict', args: { key: 'esg.year-end', yearEnd, to } });
  }
}

/** `esg.published`: a calendar date, else a problem at the value (the schema checked only its shape). */
function readPublished(doc: Document, value: unknown, config: EsgConfig, problems: FrontMatterProblem[]) {
  const d = asDate(value);
  if (d === undefined) return;
  if (isCalendarDate(d)) config.published = d;
  else
    problems.push({
      ...nodeRange(doc, ['esg', 'published']),
      key: 'fm.periodDate',
      args: { key: 'esg.published', value: d },
    });
}

function asDate(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return undefined;
}

/**
 * Maps keyed by names from the report: no prototype, so a key such as `__proto__` or `constructor`
 * is an ordinary (useless) name and can never reach Object.prototype.
 */
export function emptyMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function forEachPeriod(value: unknown, fn: (period: string, v: string | number, path: (string | number)[]) => void) {
  if (typeof value === 'string' || typeof value === 'number') fn('*', value, []);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') fn(k, v, [k]);
  }
}

function readQuantities(
  doc: Document,
  value: unknown,
  basePath: string[],
  problems: FrontMatterProblem[],
  add: (name: string, period: string, q: StatedQuantity) => void,
) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, v] of Object.entries(value)) {
    forEachPeriod(v, (period, raw, sub) => {
      const q = parseQuantity(raw);
      if ('error' in q)
        problems.push({
          ...nodeRange(doc, [...basePath, name, ...sub]),
          key: q.error,
          args: { key: [...basePath, name, ...sub].join('.'), value: String(raw) },
        });
      else add(name, period, q);
    });
  }
}

function readFactors(doc: Document, value: unknown, config: EsgConfig, problems: FrontMatterProblem[]) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, v] of Object.entries(value)) {
    forEachPeriod(v, (period, raw, sub) => {
      const text = String(raw).trim();
      const entry = (config.factors[name] ??= emptyMap());
      // A catalog id has no spaces and starts with a letter; anything numeric is a custom quantity.
      if (/^[a-z][a-z0-9._-]*$/i.test(text)) entry[period] = { catalogId: text, raw: text };
      else {
        const q = parseQuantity(raw);
        if ('error' in q)
          problems.push({
            ...nodeRange(doc, ['esg', 'factors', name, ...sub]),
            key: q.error,
            args: { key: ['esg', 'factors', name, ...sub].join('.'), value: text },
          });
        else entry[period] = { quantity: q, raw: text };
      }
    });
  }
}

/** A message key per kind of problem, so the text can be given in the report's language. */
function describeIssue(
  issue: z.core.$ZodIssue,
  source: string,
): { key: string; args: Record<string, string | number> } {
  if (issue.code === 'custom' && (issue.params as { esgmark?: string } | undefined)?.esgmark === 'fm.periodRange') {
    // The value as written (a long one cut), so `99999999999999999999` is not shown as 1e+20.
    const value = source.length > 40 ? `${source.slice(0, 40)}…` : source;
    return { key: 'fm.periodRange', args: { value, min: YEAR_RANGE.min, max: YEAR_RANGE.max } };
  }
  if (issue.code === 'custom' && (issue.params as { esgmark?: string } | undefined)?.esgmark === 'fm.yearEnd')
    return { key: 'fm.yearEnd', args: { value: source.slice(0, 40) } };
  if (issue.code === 'invalid_value' && 'values' in issue)
    return { key: 'fm.invalidEnum', args: { values: (issue.values as unknown[]).map(String).join(', ') } };
  if (issue.code === 'invalid_type') return { key: 'fm.invalidType', args: { expected: String(issue.expected) } };
  if (issue.code === 'invalid_format' || issue.code === 'invalid_union') return { key: 'fm.invalidShape', args: {} };
  return { key: 'fm.invalid', args: { detail: issue.message } };
}

function knownKeys(path: (string | number)[]): string {
  if (path.length === 1 && path[0] === 'esg') return Object.keys(esgSchema.shape).join(', ');
  if (path.length === 3 && path[1] === 'period') return 'from, to';
  return '';
}

/** Range of the node at `path` (the value), falling back to the nearest existing ancestor. */
export function nodeRange(doc: Document, path: (string | number)[]): { start: number; end: number } {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node = (sub.length ? doc.getIn(sub.map(yamlKey), true) : doc.contents) as YamlNode | undefined;
    if (node && (node as { range?: unknown }).range) {
      const [start, end] = (node as { range: [number, number, number] }).range;
      // For a whole map, point at its key instead of the whole block.
      if (n > 0 && isMap(node)) {
        const k = keyRange(doc, sub.slice(0, -1), sub[sub.length - 1]);
        if (k) return k;
      }
      return { start, end: Math.max(end, start + 1) };
    }
  }
  return { start: 0, end: 1 };
}

export function keyRange(
  doc: Document,
  parentPath: (string | number)[],
  key: string | number,
): { start: number; end: number } | undefined {
  const parent = (parentPath.length ? doc.getIn(parentPath.map(yamlKey), true) : doc.contents) as YamlNode | undefined;
  if (!parent || !isMap(parent)) return undefined;
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key) && item.key.range) {
      return { start: item.key.range[0], end: item.key.range[1] };
    }
  }
  return undefined;
}

/** YAML keys such as `2024:` are numbers in the YAML tree but strings in the JS object. */
function yamlKey(k: string | number): string | number {
  return typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k;
}

/** The first line of a yaml library message, cut: it may quote a whole token of the report. */
export function shortDetail(message: string): string {
  const line = message.split('\n')[0];
  if (line.length <= 160) return line;
  // Not between the halves of a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(line[159]) ? 159 : 160;
  return `${line.slice(0, cut)}…`;
}

/** A message of the yaml library that is an internal failure, not a statement about the text. */
export function isInternalError(detail: string): boolean {
  return /call stack|too much recursion|out of memory/i.test(detail);
}

/**
 * The first collection nested deeper than LIMITS.maxYamlDepth, as a problem at the key it is under
 * (`esg.chapters`), or at the whole front matter when it is under no key. Walks the CST of the yaml
 * library's parser, which is not recursive, with an explicit stack.
 */
export function nestingPastLimit(yamlText: string): FrontMatterProblem | undefined {
  // Deeper than the limit needs at least that many brackets, dashes, question marks or indented lines.
  if (yamlText.length < LIMITS.maxYamlDepth) return undefined;
  interface Entry {
    token: CST.Token;
    depth: number;
    path: string[];
    key?: { start: number; end: number };
  }
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser().parse(yamlText));
  } catch (e) {
    return {
      start: 0,
      end: yamlText.length,
      key: e instanceof RangeError ? 'fm.tooDeepRoot' : 'fm.yaml',
      args: e instanceof RangeError ? { max: LIMITS.maxYamlDepth } : { detail: 'unreadable YAML' },
    };
  }
  const stack: Entry[] = tokens.map((token) => ({ token, depth: 0, path: [] }));
  while (stack.length) {
    const { token, depth, path, key } = stack.pop()!;
    if (depth > LIMITS.maxYamlDepth) {
      if (key) return { ...key, key: 'fm.tooDeep', args: { key: path.join('.'), max: LIMITS.maxYamlDepth } };
      return { start: 0, end: yamlText.length, key: 'fm.tooDeepRoot', args: { max: LIMITS.maxYamlDepth } };
    }
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth, path, key });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    for (const item of token.items) {
      // The key path names the place for the message; two levels (`esg.chapters`) are enough to find it.
      let itemPath = path;
      let itemKey = key;
      const k = 'key' in item ? item.key : undefined;
      if (
        k &&
        path.length < 2 &&
        (k.type === 'scalar' || k.type === 'single-quoted-scalar' || k.type === 'double-quoted-scalar')
      ) {
        itemPath = [...path, k.source.slice(0, 40)];
        itemKey = { start: k.offset, end: k.offset + Math.max(1, k.source.length) };
      }
      if (k) stack.push({ token: k, depth: depth + 1, path: itemPath, key: itemKey });
      if (item.value) stack.push({ token: item.value, depth: depth + 1, path: itemPath, key: itemKey });
    }
  }
  return undefined;
}
