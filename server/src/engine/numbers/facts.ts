// The figures of a report as facts: one per KPI, period and place (table cell or prose span), with
// its printed precision, its unit and its quantity in base units. The relation rules, the formula
// evaluator, hover and the preview read facts, never table cells.
import type { EsgDocument, KpiRow, KpiTable, Span } from '../model';
import type { Range } from '../types';
import { parseUnit, unitForKpi, type ParsedUnit } from '../catalogs/units';
import { getKpi } from '../catalogs/kpis';
import { attr } from '../parser/attributes';
import { isNilToken, parseNumber } from './read';
import { exact, fromPrinted, printed, type Interval, type Quantity } from './quantity';
import { headerPeriod } from '../recognition/kpiShape';
import { detachedCopy, stripFootnoteMarks } from '../text/normalize';

export interface Fact {
  kpiId: string;
  period: string;
  value: number;
  decimals: number;
  /** The text as printed ('57,695.89'), to keep its style in quick fixes. */
  raw: string;
  percentSign: boolean;
  unitRaw?: string;
  unit?: ParsedUnit;
  /** Undefined when the unit is unknown or missing (nothing can be converted). */
  quantity?: Quantity;
  /**
   * The interval the printed text stands for, in the figure's own unit, when it is not value ± half a
   * unit in the last place: a bound ('<0.01' is [0, 0.01]) or an approximate figure ('約100').
   */
  interval?: Interval;
  /** '<0.01', 'approximately 100': the figure is a bound or an approximation (see `interval`). */
  inexact?: 'bound' | 'approximate';
  /** The value's range (table cell or span). */
  range: Range;
  source: 'table' | 'prose';
  /** The table row for table facts. */
  row?: KpiRow;
  /** Label as written (row label or span text). */
  label: string;
  /**
   * A no-value cell read as nil (`-`, `/`, `N/A`, `不適用`, `無` …): value 0, exact. Never in the fact
   * index; only a sum of a breakdown uses it, for a member of a total that is given.
   */
  nil?: boolean;
}

export interface FactIndex {
  all: Fact[];
  /** Facts of a KPI in a period (several when the report states it more than once). */
  get(kpiId: string, period: string): Fact[];
  /** The first table fact of a KPI in a period (the one relations check), else its first fact. */
  first(kpiId: string, period: string): Fact | undefined;
  /** The first table fact of a KPI in a period. */
  firstInTable(kpiId: string, period: string): Fact | undefined;
  /** The fact of a KPI row's value in a period. */
  ofRow(row: KpiRow, period: string): Fact | undefined;
  /** The fact a prose span with `kpi=` states. */
  ofSpan(span: Span): Fact | undefined;
  /** The first fact whose value starts at a position. */
  at(position: { line: number; character: number }): Fact | undefined;
  /** Every period that has at least one fact, sorted. */
  periods: string[];
  /** Table facts of a KPI id or its descendants in a period (`ghg.scope3` and `ghg.scope3.cat1`; with a trailing dot, the descendants only), in report order. */
  withPrefix(prefix: string, period: string): Fact[];
  /** Facts of a KPI in a period that sit in one table (by `KpiRow.table`), in report order. */
  inTable(kpiId: string, period: string, table: number): Fact[];
  /** Every KPI id that has a fact. */
  ids: ReadonlySet<string>;
  /** Every period some KPI table has a column for, with or without figures. */
  tablePeriods: ReadonlySet<string>;
  /** The KPI rows of a KPI id (in one table, with `table`), in report order, whether or not they hold a figure. */
  rowsOf(kpiId: string, table?: number): KpiRow[];
  /** The facts read from each KPI table: a pure function of the table, so a later version of the document that kept the table object reuses them. */
  tableFacts: ReadonlyMap<KpiTable, readonly Fact[]>;
  /** The fact of each prose span with `kpi=` that states one: a later version that kept the span (and the front matter) reuses it. */
  spanFacts: ReadonlyMap<Span, Fact>;
}

/**
 * The unit a figure is read in: undefined when unknown or a placeholder ('Unit/HK$ million': nothing can
 * be converted); a plain mass on a GHG row is read as CO2e (`unitForKpi`).
 */
export function unitOf(raw: string | undefined, kpiId?: string): ParsedUnit | undefined {
  if (!raw) return undefined;
  // Thousands of cells share a few dozen units: one unit object per spelling and KPI, so what is
  // computed from a unit object (its dimension, numbers/quantity.ts) is computed once. Never mutated.
  if (raw.length > UNIT_MEMO_MAX_TEXT || (kpiId !== undefined && kpiId.length > UNIT_MEMO_MAX_TEXT))
    return readUnit(raw, kpiId);
  let byKpi = unitMemo.get(raw);
  const memoised = byKpi?.get(kpiId ?? '');
  if (memoised !== undefined) return memoised ?? undefined;
  const unit = readUnit(raw, kpiId);
  if (!byKpi) {
    if (unitMemo.size >= UNIT_MEMO_MAX) unitMemo.clear();
    unitMemo.set(detachedCopy(raw), (byKpi = new Map()));
  }
  if (byKpi.size >= UNIT_MEMO_MAX) byKpi.clear();
  byKpi.set(kpiId === undefined ? '' : detachedCopy(kpiId), unit ?? null);
  return unit;
}

/** Distinct prefixes looked up by a scan of the facts before the whole prefix index is built. */
const PREFIX_SCANS = 16;

/** Entries per level (spellings; KPI ids of one spelling), and the longest text kept. */
const UNIT_MEMO_MAX = 2048;
const UNIT_MEMO_MAX_TEXT = 128;
/** Unit spelling -> KPI id ('' for none) -> its unit (null: none), see unitOf. */
const unitMemo = new Map<string, Map<string, ParsedUnit | null>>();

function readUnit(raw: string, kpiId: string | undefined): ParsedUnit | undefined {
  const parsed = parseUnit(raw);
  if (!parsed.ok || parsed.unit.placeholder) return undefined;
  return kpiId ? unitForKpi(parsed.unit, getKpi(kpiId)) : parsed.unit;
}

/**
 * The fact index of a document. `previous`: the facts of the KPI tables of the version it was derived
 * from (derived.ts); a table it kept (the same object) is not read again.
 */
export function buildFacts(
  doc: EsgDocument,
  previous?: ReadonlyMap<KpiTable, readonly Fact[]>,
  previousSpans?: ReadonlyMap<Span, Fact>,
): FactIndex {
  const all: Fact[] = [];
  const tableFacts = new Map<KpiTable, readonly Fact[]>();
  // Indexed loops: run once per analysis, this code is seldom optimised, and each step of a `for...of`
  // would then allocate an iterator result.
  const kpiTables = doc.kpiTables;
  for (let t = 0; t < kpiTables.length; t++) {
    const table = kpiTables[t];
    let list = previous?.get(table);
    if (!list) {
      const read: Fact[] = [];
      const rows = table.rows;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (!row.kpiId) continue;
        // The row's unit is looked up once for all its cells.
        let unit: ParsedUnit | undefined | null = null;
        const values = row.values;
        for (let c = 0; c < values.length; c++) {
          const v = values[c];
          if (v.status !== 'number' || v.value === undefined) continue;
          if (unit === null) unit = unitOf(row.unit?.as ?? row.unit?.raw, row.kpiId);
          read.push(tableFactIn(row, v, v.value, unit));
        }
      }
      list = read;
    }
    tableFacts.set(table, list);
    for (let i = 0; i < list.length; i++) all.push(list[i]);
  }
  // Prose spans `[229.3 噸二氧化碳當量]{kpi=ghg.total period=2025}`: a number followed by its unit.
  const bySpan = new Map<Span, Fact>();
  for (const span of doc.spans) {
    // A kept span states what it did: its text, its attributes and the report's year are as before.
    let fact = previousSpans?.get(span);
    if (!fact) {
      const kpiId = attr(span.attrs, 'kpi')?.value;
      fact = kpiId ? spanFigure(doc, span, kpiId) : undefined;
    }
    if (fact) {
      all.push(fact);
      bySpan.set(span, fact);
    }
  }
  // Lookups by key, row and span are maps: a search of `all` per figure is quadratic in the figures.
  // Keyed by KPI id, then period (maps of maps: a lookup builds no key string, and the relations look
  // facts up many times per analysis). A key's list is in `all` order, table facts first (`all` holds
  // them before the prose ones), so its first table fact, if any, is its first fact. A row's facts follow
  // one another in `all` (a period per column): the row maps to its first, searched from there by period.
  const byKey = new Map<string, Map<string, Fact[]>>();
  const byRow = new Map<KpiRow, number>();
  let scattered: Map<KpiRow, Fact[]> | undefined;
  const periodSet = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    const f = all[i];
    periodSet.add(f.period);
    let periodsOfId = byKey.get(f.kpiId);
    if (!periodsOfId) byKey.set(f.kpiId, (periodsOfId = new Map()));
    const list = periodsOfId.get(f.period);
    if (list) list.push(f);
    else periodsOfId.set(f.period, [f]);
    if (f.row && (i === 0 || all[i - 1].row !== f.row)) {
      if (!byRow.has(f.row)) byRow.set(f.row, i);
      else (scattered ??= new Map()).set(f.row, []);
    }
  }
  // A row whose facts are not all in one run (never made by buildFacts' own reading): listed apart.
  if (scattered) for (const f of all) if (f.row) scattered.get(f.row)?.push(f);
  const periods = [...periodSet].sort();
  // The other lookups are built on first use, once per document: each replaces a scan of every fact
  // (or every row) per query, which made the relations quadratic in the size of a report.
  let byLine: Map<number, Fact[]> | undefined;
  let byPrefix: Map<string, Map<string, Fact[]>> | undefined;
  let prefixScans = 0;
  let ids: Set<string> | undefined;
  let tablePeriods: Set<string> | undefined;
  let rows: Map<string, KpiRow[]> | undefined;
  const none: Fact[] = [];
  // The table facts under a prefix, by period: a report asks for a few prefixes (Scope 3's categories,
  // a formula's `x.*`), each found by one scan of the facts; past PREFIX_SCANS distinct prefixes, every
  // fact is filed under each dotted prefix of its id at once, so the cost stays linear in the facts.
  const prefixIndex = (prefix: string): Map<string, Fact[]> | undefined => {
    if (!byPrefix) byPrefix = new Map();
    else if (byPrefix.has(prefix) || prefixScans > PREFIX_SCANS) return byPrefix.get(prefix);
    if (++prefixScans > PREFIX_SCANS) {
      fileUnderEveryPrefix((byPrefix = new Map()));
      return byPrefix.get(prefix);
    }
    let periodsOfPrefix: Map<string, Fact[]> | undefined;
    for (const f of all) {
      if (f.source !== 'table') continue;
      const id = f.kpiId;
      if (!id.startsWith(prefix) || (id.length !== prefix.length && id.charCodeAt(prefix.length) !== 46)) continue;
      periodsOfPrefix ??= new Map();
      const list = periodsOfPrefix.get(f.period);
      if (list) list.push(f);
      else periodsOfPrefix.set(f.period, [f]);
    }
    if (periodsOfPrefix) byPrefix.set(prefix, periodsOfPrefix);
    else byPrefix.set(prefix, new Map());
    return periodsOfPrefix;
  };
  const fileUnderEveryPrefix = (index: Map<string, Map<string, Fact[]>>): void => {
    // Under the id itself and under every dotted prefix of it: `a.b.c` under `a`, `a.b` and `a.b.c`
    // (the prefixes of an id are cut once, not once per fact).
    const prefixesOf = new Map<string, string[]>();
    for (const f of all) {
      if (f.source !== 'table') continue;
      let prefixes = prefixesOf.get(f.kpiId);
      if (!prefixes) {
        prefixes = [];
        for (let end = f.kpiId.indexOf('.'); end >= 0; end = f.kpiId.indexOf('.', end + 1))
          prefixes.push(f.kpiId.slice(0, end));
        prefixes.push(f.kpiId);
        prefixesOf.set(f.kpiId, prefixes);
      }
      for (const prefix of prefixes) {
        let periodsOfPrefix = index.get(prefix);
        if (!periodsOfPrefix) index.set(prefix, (periodsOfPrefix = new Map()));
        const list = periodsOfPrefix.get(f.period);
        if (list) list.push(f);
        else periodsOfPrefix.set(f.period, [f]);
      }
    }
  };
  return {
    all,
    get: (id, period) => byKey.get(id)?.get(period) ?? none,
    first: (id, period) => byKey.get(id)?.get(period)?.[0],
    firstInTable: (id, period) => {
      const f = byKey.get(id)?.get(period)?.[0];
      return f?.source === 'table' ? f : undefined;
    },
    ofRow: (row, period) => {
      const first = byRow.get(row);
      if (first === undefined) return undefined;
      const apart = scattered?.get(row);
      if (apart) return apart.find((f) => f.period === period);
      for (let i = first; i < all.length && all[i].row === row; i++) if (all[i].period === period) return all[i];
      return undefined;
    },
    ofSpan: (span) => bySpan.get(span),
    at: (p) => {
      // By line, then the first fact starting at the character (built on first use: hover and a few checks ask).
      if (!byLine) {
        byLine = new Map();
        for (const f of all) {
          const list = byLine.get(f.range.start.line);
          if (list) list.push(f);
          else byLine.set(f.range.start.line, [f]);
        }
      }
      const list = byLine.get(p.line);
      if (list) for (const f of list) if (f.range.start.character === p.character) return f;
      return undefined;
    },
    periods,
    tableFacts,
    spanFacts: bySpan,
    withPrefix: (prefix, period) => {
      // `ghg.scope3.` means the descendants of `ghg.scope3`, not the id itself.
      const descendantsOnly = prefix.endsWith('.');
      const id = descendantsOnly ? prefix.slice(0, -1) : prefix;
      const list = prefixIndex(id)?.get(period);
      if (!list) return none;
      // The index's own list (never altered by a caller): no copy per lookup.
      return descendantsOnly ? list.filter((f) => f.kpiId !== id) : list;
    },
    inTable: (kpiId, period, table) => {
      // A key's facts are few (a figure stated once or twice): filtered by table from the key's list,
      // which is itself the answer when every fact of the key sits in that table.
      const list = byKey.get(kpiId)?.get(period);
      if (!list) return none;
      let count = 0;
      for (const f of list) if (f.row?.table === table) count++;
      if (count === list.length) return list;
      if (count === 0) return none;
      return list.filter((f) => f.row?.table === table);
    },
    get ids() {
      ids ??= new Set(all.map((f) => f.kpiId));
      return ids;
    },
    get tablePeriods() {
      if (!tablePeriods) {
        tablePeriods = new Set();
        for (const kt of doc.kpiTables) for (const p of kt.periods) tablePeriods.add(p.period);
      }
      return tablePeriods;
    },
    rowsOf: (kpiId, table) => {
      if (!rows) {
        rows = new Map();
        const push = (key: string, row: KpiRow) => {
          const list = rows!.get(key);
          if (list) list.push(row);
          else rows!.set(key, [row]);
        };
        for (const kt of doc.kpiTables) {
          for (const row of kt.rows) {
            if (row.kpiId) push(row.kpiId, row);
          }
        }
      }
      const list = rows.get(kpiId);
      if (!list) return [];
      if (table === undefined) return list;
      // An id's rows are few: those of one table filtered from them (no second key per row).
      return list.filter((row) => row.table === table);
    },
  };
}

/**
 * The fact of one table cell; undefined when the cell holds no number. Also used for a row that has a
 * `formula=` but no KPI id (its kpiId is then ''), so that its formula is still checked.
 */
export function tableFact(row: KpiRow, v: KpiRow['values'][number]): Fact | undefined {
  if (v.status !== 'number' || v.value === undefined) return undefined;
  return tableFactIn(row, v, v.value, unitOf(row.unit?.as ?? row.unit?.raw, row.kpiId));
}

/** The fact of a table cell that holds a number, in its row's unit (`unitOf` of the row). */
function tableFactIn(row: KpiRow, v: KpiRow['values'][number], value: number, unit: ParsedUnit | undefined): Fact {
  const decimals = v.decimals ?? 0;
  // A '%' in the cell with no unit column value means a percentage.
  const percentSign = !!v.percent;
  const cellUnit = unit ?? (percentSign ? unitOf('%') : undefined);
  const stated = statedInterval(v.raw);
  const fact: Fact = {
    kpiId: row.kpiId ?? '',
    period: v.period,
    value,
    decimals,
    raw: v.raw,
    percentSign,
    unitRaw: row.unit?.raw ?? (percentSign ? '%' : undefined),
    unit: cellUnit,
    quantity: fromPrinted(value, decimals, cellUnit, false, stated?.interval),
    range: v.range,
    source: 'table',
    row,
    label: row.label,
  };
  return stated ? withStated(fact, stated) : fact;
}

/** The fact with its stated interval, in the fields' usual order (a rare case: the common one spreads nothing). */
function withStated(fact: Fact, stated: { interval: Interval; inexact: 'bound' | 'approximate' }): Fact {
  const { range, source, row, label, ...head } = fact;
  return { ...head, interval: stated.interval, inexact: stated.inexact, range, source, row, label };
}

/**
 * A span's `period=` as a period key, the way table columns are read: `2022/23` and `FY2022/23` are
 * the financial year ending in 2023 (`2023`); `2025`, `2025#2` and anything else stay as written.
 */
function periodKey(written: string): string {
  if (/^\d{4}(?:#.*)?$/.test(written)) return written;
  const p = headerPeriod(written);
  return p && !p.qualifier ? String(p.year) : written;
}

/** The interval a cell states when it is a bound or an approximation (the table keeps only value and decimals). */
function statedInterval(raw: string): { interval: Interval; inexact: 'bound' | 'approximate' } | undefined {
  // Plain figures (digits, separators, '%') state value ± half a unit: no need to read them again.
  if (/^[\s\d,.%+-]*$/.test(raw)) return undefined;
  const n = parseNumber(stripFootnoteMarks(raw));
  if (n.status !== 'number' || !n.interval) return undefined;
  return { interval: n.interval, inexact: n.bound ? 'bound' : 'approximate' };
}

/** The interval a fact's printed figure stands for, in its own unit ('28.64' -> [28.635, 28.645]; '<0.01' -> [0, 0.01]). */
export function factInterval(f: Fact): Interval {
  return f.interval ?? printed(f.value, f.decimals);
}

/**
 * A member's cell that reads as nil (`-`, `N/A`, `不適用` …) as a fact of value 0, exact, in the row's
 * unit; undefined for a number, an empty cell or a no-value cell that says nothing of the amount (`暫無`).
 */
export function nilFact(row: KpiRow, period: string): Fact | undefined {
  const v = row.values.find((x) => x.period === period);
  if (!v || v.status !== 'none' || !isNilToken(v.raw)) return undefined;
  const unit = unitOf(row.unit?.as ?? row.unit?.raw);
  const q = fromPrinted(0, 0, unit);
  return {
    kpiId: row.kpiId ?? '',
    period,
    value: 0,
    decimals: 0,
    raw: v.raw,
    percentSign: false,
    unitRaw: row.unit?.raw,
    unit,
    quantity: q && { value: exact(0), dim: q.dim },
    range: v.range,
    source: 'table',
    row,
    label: row.label,
    nil: true,
  };
}

/** The range of the number inside a span `[229.3 噸]{...}`, so a quick fix replaces only the figure. */
export function numberRange(span: { range: Range; text: string }, number: string): Range {
  const offset = span.text.indexOf(number);
  const start = span.range.start.character + 1 + Math.max(0, offset);
  return {
    start: { line: span.range.start.line, character: start },
    end: { line: span.range.start.line, character: start + number.length },
  };
}

/**
 * The figure a prose span quotes (`[229.3 噸二氧化碳當量]`, `[8.4%]`): number, unit, and period (the
 * span's `period=`, else the report's year). Undefined when the text is not a number or no period is known.
 */
export function spanFigure(doc: EsgDocument, span: Span, kpiId = ''): Fact | undefined {
  const m = /^\s*([-+−]?[0-9０-９][0-9０-９,，.．]*)\s*(%|％)?\s*(.*?)\s*$/.exec(span.text);
  if (!m) return undefined;
  const n = parseNumber(m[1]);
  if (n.status !== 'number' || n.value === undefined) return undefined;
  const unitRaw = m[2] ? '%' : m[3] || undefined;
  const unit = unitOf(unitRaw, kpiId);
  const written = attr(span.attrs, 'period')?.value;
  const period =
    written !== undefined ? periodKey(written) : doc.config.year !== undefined ? String(doc.config.year) : '';
  if (!period) return undefined;
  return {
    kpiId,
    period,
    value: n.value,
    decimals: n.decimals ?? 0,
    raw: m[1],
    percentSign: !!m[2],
    unitRaw,
    unit,
    quantity: fromPrinted(n.value, n.decimals ?? 0, unit),
    range: numberRange(span, m[1]),
    source: 'prose',
    label: span.text,
  };
}
