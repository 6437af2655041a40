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
import type { KpiTable, Span } from '../model';
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
  const whole = () => {
    deps.push('*');
  };
  let ids: ReadonlySet<string> | undefined;
  return {
    get all() {
      whole();
      return index.all;
    },
    get periods() {
      whole();
      return index.periods;
    },
    get tableFacts() {
      whole();
      return index.tableFacts;
    },
    get tablePeriods() {
      deps.push('P');
      return index.tablePeriods;
    },
    get spanFacts() {
      whole();
      return index.spanFacts;
    },
    get ids() {
      // Only `has` is a lookup by id; anything else reads the whole set.
      ids ??= new Proxy(index.ids, {
        get(target, key) {
          if (key === 'has')
            return (id: string) => {
              deps.push(`i:${id}`);
              return target.has(id);
            };
          whole();
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return ids;
    },
    get: (id, period) => {
      deps.push(`k:${id}@${period}`);
      return index.get(id, period);
    },
    first: (id, period) => {
      deps.push(`k:${id}@${period}`);
      return index.first(id, period);
    },
    firstInTable: (id, period) => {
      deps.push(`k:${id}@${period}`);
      return index.firstInTable(id, period);
    },
    inTable: (id, period, table) => {
      deps.push(`k:${id}@${period}`);
      return index.inTable(id, period, table);
    },
    withPrefix: (prefix, period) => {
      deps.push(`x:${prefix.endsWith('.') ? prefix.slice(0, -1) : prefix}@${period}`);
      return index.withPrefix(prefix, period);
    },
    rowsOf: (id, table) => {
      deps.push(`r:${id}`);
      return index.rowsOf(id, table);
    },
    ofRow: (row, period) => {
      deps.push(`l:${row.line}`);
      return index.ofRow(row, period);
    },
    ofSpan: (span) => {
      deps.push(`l:${span.range.start.line}`);
      return index.ofSpan(span);
    },
    at: (position) => {
      deps.push(`l:${position.line}`);
      return index.at(position);
    },
  };
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
