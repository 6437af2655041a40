// What a relation reads of the facts, and what an edit changed of them: the dependency map that lets
// the relations (sums, formula checks) be rebuilt after a table or span edit for the units the edit
// touched only, the others' results carried from the version they were built in.
//
// A unit (a catalog breakdown in a period, a table's own groups, a table's formula rows, a span's
// check) is computed over `recordingFacts(index, deps)`, which notes in `deps` a token for every
// lookup; `factChanges` gives the tokens two versions differ in. A unit whose tokens the changes miss
// reads the same facts in both versions, so its result is the same: it is correct by construction as
// long as the unit reads the document only through the index, its own table, row or span, and the
// front matter (an edit of which is never patched: every unit is rebuilt).
import type { KpiRow, KpiTable, Span } from '../model';
import type { EsgConfig } from '../frontmatter';
import type { Fact, FactIndex } from './facts';

/**
 * Tokens, one string each: `k:id@period` (the facts of a key), `i:id` (whether an id has a fact),
 * `x:prefix@period` (the table facts of an id and its descendants), `r:id` (the KPI rows of an id,
 * with or without a figure), `l:line` (the facts on a line), `P` (the periods of the tables), `*`
 * (anything: always changed).
 */
export type FactDeps = string[];

/** What the relations of one version were built from, to tell later what an edit changed. */
export interface FactSnapshot {
  tableFacts: ReadonlyMap<KpiTable, readonly Fact[]>;
  spanFacts: ReadonlyMap<Span, Fact>;
  spans: readonly Span[];
  periods: readonly string[];
  config: EsgConfig;
}

export function factSnapshot(index: FactIndex, spans: readonly Span[], config: EsgConfig): FactSnapshot {
  return { tableFacts: index.tableFacts, spanFacts: index.spanFacts, spans, periods: index.periods, config };
}

/** The facts of `index` answering as it does, each lookup noting its token in `deps`. */
export function recordingFacts(index: FactIndex, deps: FactDeps): FactIndex {
  return new RecordingFacts(index, deps);
}

// A report has thousands of units, each with its own recording view: one small object whose methods sit
// on the prototype (no closures per unit), noting tokens that are built once per distinct text.
class RecordingFacts implements FactIndex {
  private idSet?: RecordingIds;
  constructor(
    private readonly index: FactIndex,
    private readonly deps: FactDeps,
  ) {}
  get all(): Fact[] {
    this.deps.push('*');
    return this.index.all;
  }
  get periods(): string[] {
    this.deps.push('*');
    return this.index.periods;
  }
  get tableFacts(): ReadonlyMap<KpiTable, readonly Fact[]> {
    this.deps.push('*');
    return this.index.tableFacts;
  }
  get tablePeriods(): ReadonlySet<string> {
    this.deps.push('P');
    return this.index.tablePeriods;
  }
  get spanFacts(): ReadonlyMap<Span, Fact> {
    this.deps.push('*');
    return this.index.spanFacts;
  }
  get ids(): ReadonlySet<string> {
    return (this.idSet ??= new RecordingIds(this.index.ids, this.deps));
  }
  get(id: string, period: string): Fact[] {
    this.deps.push(keyToken(id, period));
    return this.index.get(id, period);
  }
  first(id: string, period: string): Fact | undefined {
    this.deps.push(keyToken(id, period));
    return this.index.first(id, period);
  }
  firstInTable(id: string, period: string): Fact | undefined {
    this.deps.push(keyToken(id, period));
    return this.index.firstInTable(id, period);
  }
  inTable(id: string, period: string, table: number): Fact[] {
    this.deps.push(keyToken(id, period));
    return this.index.inTable(id, period, table);
  }
  withPrefix(prefix: string, period: string): Fact[] {
    this.deps.push(prefixToken(prefix.endsWith('.') ? prefix.slice(0, -1) : prefix, period));
    return this.index.withPrefix(prefix, period);
  }
  rowsOf(id: string, table?: number): KpiRow[] {
    this.deps.push(idToken('r:', id));
    return this.index.rowsOf(id, table);
  }
  ofRow(row: KpiRow, period: string): Fact | undefined {
    this.deps.push(lineToken(row.line));
    return this.index.ofRow(row, period);
  }
  ofSpan(span: Span): Fact | undefined {
    this.deps.push(lineToken(span.range.start.line));
    return this.index.ofSpan(span);
  }
  at(position: { line: number; character: number }): Fact | undefined {
    this.deps.push(lineToken(position.line));
    return this.index.at(position);
  }
}

/** The index's set of ids: `has` is a lookup by id; anything else reads the whole set. */
class RecordingIds implements ReadonlySet<string> {
  constructor(
    private readonly ids: ReadonlySet<string>,
    private readonly deps: FactDeps,
  ) {}
  has(id: string): boolean {
    this.deps.push(idToken('i:', id));
    return this.ids.has(id);
  }
  private whole(): ReadonlySet<string> {
    this.deps.push('*');
    return this.ids;
  }
  get size(): number {
    return this.whole().size;
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.whole().forEach(fn, thisArg);
  }
  entries(): IterableIterator<[string, string]> {
    return this.whole().entries();
  }
  keys(): IterableIterator<string> {
    return this.whole().keys();
  }
  values(): IterableIterator<string> {
    return this.whole().values();
  }
  [Symbol.iterator](): IterableIterator<string> {
    return this.whole()[Symbol.iterator]();
  }
}

// Tokens by their parts, each built once: the units of a report note the same few thousand tokens again
// and again. A memo of string concatenation, shared across documents, dropped when it grows too large.
const TOKEN_MEMO_MAX = 50_000;
let tokenCount = 0;
const keyTokens = new Map<string, Map<string, string>>();
const prefixTokens = new Map<string, Map<string, string>>();
const hasIdTokens = new Map<string, string>();
const rowTokens = new Map<string, string>();
const lineTokens = new Map<number, string>();

function rememberToken(): void {
  if (++tokenCount <= TOKEN_MEMO_MAX) return;
  keyTokens.clear();
  prefixTokens.clear();
  hasIdTokens.clear();
  rowTokens.clear();
  lineTokens.clear();
  tokenCount = 1;
}

function pairToken(memo: Map<string, Map<string, string>>, kind: string, id: string, period: string): string {
  const token = memo.get(id)?.get(period);
  if (token !== undefined) return token;
  rememberToken();
  let byPeriod = memo.get(id);
  if (!byPeriod) memo.set(id, (byPeriod = new Map()));
  const made = `${kind}${id}@${period}`;
  byPeriod.set(period, made);
  return made;
}

/** `k:id@period`: the facts of a key. */
function keyToken(id: string, period: string): string {
  return pairToken(keyTokens, 'k:', id, period);
}

/** `x:prefix@period`: the table facts of an id and its descendants. */
function prefixToken(prefix: string, period: string): string {
  return pairToken(prefixTokens, 'x:', prefix, period);
}

/** `i:id` (whether an id has a fact) and `r:id` (the KPI rows of an id). */
function idToken(kind: 'i:' | 'r:', id: string): string {
  const memo = kind === 'i:' ? hasIdTokens : rowTokens;
  let token = memo.get(id);
  if (token === undefined) {
    rememberToken();
    memo.set(id, (token = kind + id));
  }
  return token;
}

/** `l:line`: the facts on a line. */
function lineToken(line: number): string {
  let token = lineTokens.get(line);
  if (token === undefined) {
    rememberToken();
    lineTokens.set(line, (token = `l:${line}`));
  }
  return token;
}

/**
 * The tokens whose answers may differ between the version `before` was taken of and the one `index`
 * indexes (`spans` and `config` its document's), `*` always among them. Undefined when every unit must
 * be rebuilt: the front matter or the set of periods changed.
 */
export function factChanges(
  before: FactSnapshot,
  index: FactIndex,
  spans: readonly Span[],
  config: EsgConfig,
): Set<string> | undefined {
  if (config !== before.config) return undefined;
  const periods = index.periods;
  if (periods.length !== before.periods.length || periods.some((p, k) => p !== before.periods[k])) return undefined;
  const changed = new Set<string>(['*']);
  const addFact = (f: Fact) => {
    changed.add(`k:${f.kpiId}@${f.period}`);
    changed.add(`i:${f.kpiId}`);
    changed.add(`l:${f.range.start.line}`);
    // Under the id and each of its dotted prefixes, as the prefix index files it.
    for (let end = f.kpiId.indexOf('.'); end >= 0; end = f.kpiId.indexOf('.', end + 1))
      changed.add(`x:${f.kpiId.slice(0, end)}@${f.period}`);
    changed.add(`x:${f.kpiId}@${f.period}`);
  };
  const tablePeriods = (tables: KpiTable[]) => {
    const set = new Set<string>();
    for (const kt of tables) for (const p of kt.periods) set.add(p.period);
    return set;
  };
  const tablesOnlyIn = (a: ReadonlyMap<KpiTable, readonly Fact[]>, b: ReadonlyMap<KpiTable, readonly Fact[]>) => {
    const out: KpiTable[] = [];
    for (const [table, list] of a) {
      if (b.has(table)) continue;
      out.push(table);
      for (const f of list) addFact(f);
      for (const row of table.rows) {
        changed.add(`l:${row.line}`);
        if (row.kpiId) changed.add(`r:${row.kpiId}`);
      }
    }
    return out;
  };
  const gone = tablePeriods(tablesOnlyIn(before.tableFacts, index.tableFacts));
  const come = tablePeriods(tablesOnlyIn(index.tableFacts, before.tableFacts));
  if (gone.size !== come.size || [...gone].some((p) => !come.has(p))) changed.add('P');
  const spansOnlyIn = (list: readonly Span[], other: readonly Span[], factOf: (s: Span) => Fact | undefined) => {
    if (list === other) return;
    const kept = new Set(other);
    for (const span of list) {
      if (kept.has(span)) continue;
      changed.add(`l:${span.range.start.line}`);
      const f = factOf(span);
      if (f) addFact(f);
    }
  };
  spansOnlyIn(before.spans, spans, (s) => before.spanFacts.get(s));
  spansOnlyIn(spans, before.spans, (s) => index.ofSpan(s));
  return changed;
}

/** Whether a unit that read `deps` may read something else now. */
export function affected(deps: readonly string[], changed: ReadonlySet<string>): boolean {
  for (const d of deps) if (changed.has(d)) return true;
  return false;
}

/** A unit's result with the tokens it read. */
export interface Unit<T> {
  value: T;
  deps: FactDeps;
}

/**
 * The unit's result: the earlier one when the unit read nothing `changed` holds, else computed anew
 * over a recording index.
 */
export function unitOf<T>(
  earlier: Unit<T> | undefined,
  changed: ReadonlySet<string> | undefined,
  index: FactIndex,
  compute: (facts: FactIndex) => T,
): Unit<T> {
  if (earlier && changed && !affected(earlier.deps, changed)) return earlier;
  const deps: FactDeps = [];
  return { value: compute(recordingFacts(index, deps)), deps };
}
