// The rule runner. A rule that throws is dropped for this run (its error logged
// through `onRuleError`), and the other rules' results are still returned.
import type { EsgDocument } from '../model';
import type { AnalysisOptions, Diagnostic, Locale } from '../types';
import type { ModelPart, Rule, RuleContext } from './rule';
import { t, tFromKey, type MessageKey } from '../i18n';
import { formatNumber } from '../numbers/quantity';
import { LIMITS } from '../limits';
import { derivedOf, recordingView, recordReads, type LineSpan } from '../derived';
import { ALL_RULES, BUDGET_RULE } from './registry';

/**
 * Diagnostics of an earlier analysis that may be kept: a rule that read none of the `changed` parts when
 * it last ran gives the same result as before, moved by `move` (which returns undefined when it cannot
 * tell where a diagnostic goes; the rule then runs again).
 */
export interface RuleReuse {
  changed: ReadonlySet<ModelPart>;
  previous: ReadonlyMap<string, Diagnostic[]>;
  /** Rules whose results the previous analysis lacks (they threw, or the budget skipped them): they run again. */
  failed: ReadonlySet<string>;
  /** The parts each rule read in the previous analysis, as the derived layer recorded them; a rule missing here runs. */
  reads: ReadonlyMap<string, ReadonlySet<ModelPart>>;
  move(d: Diagnostic): Diagnostic | undefined;
  /** The whole findings of the rules with `factKeyOf` whose lists the cap cut, by rule. */
  uncapped?: ReadonlyMap<string, readonly Diagnostic[]>;
  /** The `kpi@period` keys whose facts the edit changed (undefined when unknown): rules with `factKeyOf` rerun over those. */
  changedFactKeys?(): ReadonlySet<string> | undefined;
  /** The lines whose tables and spans the edit changed (the edited table's, else the edited line): rules with `perTable` rerun over those. */
  editedLines?: readonly LineSpan[];
}

/**
 * The parts an edit of facts changes: a rule keyed by fact (or by table) that read no other changed part
 * reruns over the changed facts (or the edited lines) only.
 */
const FACT_EDIT_PARTS: ReadonlySet<ModelPart> = new Set(['tables', 'spans']);

/** Which rules ran and which were kept, for tests and the benchmark. */
export interface RuleRunStats {
  ran: number;
  kept: number;
  /** Of the rules run, those run over the changed facts only. */
  scoped?: number;
  /** Of the rules run, those run over the edited lines only (`perTable`). */
  tableScoped?: number;
  /** Ids of the rules that threw. */
  failed: string[];
  /** Ids of the rules skipped because the time budget ran out. */
  skipped?: string[];
}

/** Rule ids named in the budget message; the rest are counted. */
const BUDGET_NAMED = 6;

/** Milliseconds on a monotonic clock (the budget must not jump with the wall clock). */
export function clock(): number {
  return performance.now();
}

export function runRules(
  doc: EsgDocument,
  env: {
    locale: Locale;
    options: AnalysisOptions;
    onRuleError?: (rule: string, error: unknown) => void;
    /** `clock()` when the analysis started: the budget counts from there. */ started?: number;
  },
  rules: Rule[] = ALL_RULES,
  reuse?: RuleReuse,
  stats?: RuleRunStats,
): Diagnostic[] {
  const layer = derivedOf(doc);
  const { framework, reporting } = layer.context(env.options);
  if (!framework) return [];
  const diagnostics: Diagnostic[] = [];
  const overrides = env.options.severity ?? {};
  // What each rule reads, as the layer records it while the rule runs: the next analysis keeps a rule's
  // diagnostics when the edit changed none of it.
  const reads = new Map<string, ReadonlySet<ModelPart>>();
  const uncapped = new Map<string, readonly Diagnostic[]>();
  const view = recordingView(doc);
  const translate = (key: MessageKey, args?: Record<string, string | number>) => t(env.locale, key, args);
  const budget = env.options.budgetMs !== undefined && env.options.budgetMs > 0 ? env.options.budgetMs : undefined;
  const started = env.started ?? clock();
  const skipped: string[] = [];
  let stoppedAfter = 0;
  for (const rule of rules) {
    const override = overrides[rule.id];
    if (override === 'off') continue;
    const before = reuse && !reuse.failed.has(rule.id) ? reuse.reads.get(rule.id) : undefined;
    const kept = before && ![...before].some((part) => reuse!.changed.has(part)) ? keep(reuse!, rule.id) : undefined;
    if (kept) {
      reads.set(rule.id, before!);
      const whole = reuse!.uncapped?.get(rule.id);
      const movedWhole = whole && moveAll(reuse!, whole);
      if (movedWhole) uncapped.set(rule.id, movedWhole);
      for (const d of kept) diagnostics.push(d);
      if (stats) stats.kept++;
      continue;
    }
    // Past the budget nothing new starts: kept results above cost nothing, a rule to run may cost seconds.
    if (budget !== undefined && (skipped.length > 0 || clock() - started >= budget)) {
      if (skipped.length === 0) stoppedAfter = clock() - started;
      skipped.push(rule.id);
      continue;
    }
    if (stats) stats.ran++;
    const found: Diagnostic[] = [];
    const read = new Set<ModelPart>();
    // A rule keyed by fact, after an edit of facts only: its findings about the other keys are kept; a
    // rule keyed by table, its findings on the lines the edit left alone.
    const scope = before && rule.factKeyOf ? factScope(reuse!, rule, before) : undefined;
    const linesScope = before && rule.perTable ? tableScope(reuse!, rule, before) : undefined;
    // The context comes from the front matter (and the options, the same for every version).
    const fromFrontMatter = <T>(value: T): T => {
      read.add('frontMatter');
      return value;
    };
    const ctx: RuleContext = {
      doc: view,
      locale: env.locale,
      get framework() {
        return fromFrontMatter(framework);
      },
      get issuerClass() {
        return fromFrontMatter(reporting.issuerClass);
      },
      get year() {
        return fromFrontMatter(reporting.fyYear);
      },
      get reporting() {
        return fromFrontMatter(reporting);
      },
      // Built on first use (and kept in the layer): rules of the numbers engine never need it.
      get disclosures() {
        return layer.disclosures;
      },
      derived: layer,
      options: env.options,
      t: translate,
      tFromKey: (key, args) => tFromKey(env.locale, key, args),
      report: (d) =>
        found.push({
          uri: doc.uri,
          rule: rule.id,
          range: d.range,
          message: d.message,
          severity: override ?? d.severity ?? rule.defaultSeverity,
          data: d.data,
          related: d.related,
        }),
    };
    try {
      if (env.options.faultRules?.has(rule.id)) throw new Error(`fault injected into ${rule.id}`);
      if (scope) {
        if (stats) stats.scoped = (stats.scoped ?? 0) + 1;
        layer.withFactScope(scope.keys, () => recordReads(read, () => rule.run(ctx)));
        // What it read over the whole index before counts still: the kept findings came from there.
        for (const part of before!) read.add(part);
      } else if (linesScope) {
        if (stats) stats.tableScoped = (stats.tableScoped ?? 0) + 1;
        layer.withTableScope(linesScope.lines, () => recordReads(read, () => rule.run(ctx)));
        // What it read over every table before counts still: the kept findings came from there.
        for (const part of before!) read.add(part);
      } else recordReads(read, () => rule.run(ctx));
      reads.set(rule.id, read);
      for (const d of (scope ?? linesScope)?.kept ?? []) found.push(d);
      if ((rule.factKeyOf || rule.perTable) && found.length > LIMITS.maxDiagnosticsPerRule + 1)
        uncapped.set(rule.id, found);
      for (const d of capDiagnostics(found, rule.id, translate)) diagnostics.push(d);
    } catch (error) {
      stats?.failed.push(rule.id);
      env.onRuleError?.(rule.id, error);
    }
  }
  if (skipped.length > 0) {
    stats?.skipped?.push(...skipped);
    const override = overrides[BUDGET_RULE.id];
    if (override !== 'off') {
      const named = skipped.slice(0, BUDGET_NAMED).join(', ') + (skipped.length > BUDGET_NAMED ? ', …' : '');
      diagnostics.push({
        uri: doc.uri,
        rule: BUDGET_RULE.id,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: override ?? BUDGET_RULE.defaultSeverity,
        message: translate('limit.budget', {
          ms: formatNumber(stoppedAfter, 0),
          budget: formatNumber(budget ?? 0, Number.isInteger(budget) ? 0 : 3),
          count: skipped.length,
          rules: named,
        }),
        data: { skipped: [...skipped], budgetMs: budget, elapsedMs: Math.round(stoppedAfter) },
      });
    }
  }
  layer.ruleReads = reads;
  layer.uncappedFindings = uncapped;
  // Stable: diagnostics at the same position stay in rule order, then in the order the rule reported them.
  return diagnostics.sort(byPosition);
}

const byPosition = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * A rule's diagnostics, at most `LIMITS.maxDiagnosticsPerRule` of them: past the limit the first ones by
 * position are kept and the next one says how many more there are. Repeated structure (thousands of ids,
 * rows, explanations) must not give an unbounded list.
 */
function capDiagnostics(
  found: Diagnostic[],
  rule: string,
  t: (key: MessageKey, args?: Record<string, string | number>) => string,
): Diagnostic[] {
  const max = LIMITS.maxDiagnosticsPerRule;
  if (found.length <= max + 1) return found;
  const sorted = found.slice().sort(byPosition);
  const kept = sorted.slice(0, max);
  const next = sorted[max];
  kept.push({
    ...next,
    message: t('diagnostics.more', { message: next.message, count: found.length - max - 1, max, rule }),
  });
  return kept;
}

/**
 * For a rule with `factKeyOf` whose earlier reads the edit changed only in facts: the changed keys and
 * the earlier findings about the other keys, moved. Undefined when the rule must run over everything:
 * another part changed, the changed keys are unknown, a finding has no key or cannot be moved, or the
 * earlier findings reached the cap (the one past it counts the others).
 */
function factScope(
  reuse: RuleReuse,
  rule: Rule,
  before: ReadonlySet<ModelPart>,
): { keys: ReadonlySet<string>; kept: Diagnostic[] } | undefined {
  const previous = scopablePrevious(reuse, rule, before);
  if (!previous) return undefined;
  const keys = reuse.changedFactKeys?.();
  if (!keys) return undefined;
  const kept: Diagnostic[] = [];
  for (const d of previous) {
    const key = d.data ? rule.factKeyOf!(d.data) : undefined;
    if (key === undefined) return undefined;
    if (keys.has(key)) continue;
    const moved = reuse.move(d);
    if (!moved) return undefined;
    kept.push(moved);
  }
  return { keys, kept };
}

/**
 * For a rule with `perTable` whose earlier reads the edit changed only in tables and spans: the edited
 * lines and the earlier findings on the other lines, moved. Undefined when the rule must run over
 * everything (as for `factScope`).
 */
function tableScope(
  reuse: RuleReuse,
  rule: Rule,
  before: ReadonlySet<ModelPart>,
): { lines: readonly LineSpan[]; kept: Diagnostic[] } | undefined {
  const lines = reuse.editedLines;
  if (!lines) return undefined;
  const previous = scopablePrevious(reuse, rule, before);
  if (!previous) return undefined;
  const kept: Diagnostic[] = [];
  for (const d of previous) {
    const line = d.range.start.line;
    if (lines.some((s) => s.first <= line && line <= s.last)) continue;
    const moved = reuse.move(d);
    if (!moved) return undefined;
    kept.push(moved);
  }
  return { lines, kept };
}

/**
 * A scoped rule's earlier findings, whole: undefined when the edit changed a part it read other than
 * tables and spans, or when the cap cut its list and the whole one was not kept (the one past the cap
 * counts the others).
 */
function scopablePrevious(
  reuse: RuleReuse,
  rule: Rule,
  before: ReadonlySet<ModelPart>,
): readonly Diagnostic[] | undefined {
  for (const part of before) if (reuse.changed.has(part) && !FACT_EDIT_PARTS.has(part)) return undefined;
  // A capped list lacks findings: the whole one stands in for it, or the rule runs over everything.
  const previous = reuse.uncapped?.get(rule.id) ?? reuse.previous.get(rule.id) ?? [];
  if (!reuse.uncapped?.has(rule.id) && previous.length > LIMITS.maxDiagnosticsPerRule) return undefined;
  return previous;
}

/** A rule's earlier diagnostics moved with the edit, or undefined when one of them cannot be moved. */
function keep(reuse: RuleReuse, ruleId: string): Diagnostic[] | undefined {
  return moveAll(reuse, reuse.previous.get(ruleId) ?? []);
}

function moveAll(reuse: RuleReuse, previous: readonly Diagnostic[]): Diagnostic[] | undefined {
  const moved: Diagnostic[] = [];
  for (const d of previous) {
    const m = reuse.move(d);
    if (!m) return undefined;
    moved.push(m);
  }
  return moved;
}
