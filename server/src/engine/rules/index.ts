// The rule registry and runner. A rule that throws is dropped for this run (its error logged
// through `onRuleError`), and the other rules' results are still returned.
import type { EsgDocument } from '../model';
import type { AnalysisOptions, Diagnostic, Locale } from '../types';
import type { ModelPart, Rule, RuleContext, RuleInfo } from './rule';
import { getFramework } from '../catalogs/hkex';
import { disclosures } from '../disclosures';
import { t } from '../i18n';
import { LIMITS } from '../limits';
import { frontmatterSchema } from './frontmatterSchema';
import { syntax } from './syntax';
import { unknownId } from './unknownId';
import { deleted } from './deleted';
import { missing } from './missing';
import { emptySection } from './emptySection';
import { emptyExplanation } from './emptyExplanation';
import { indexAbsent, indexBrokenTarget, indexDuplicate, indexEmptyTarget, indexMismatch, indexMissingRow, indexUntagged } from './indexRules';
import { badNumber, unknownUnit } from './kpiRules';
import { factorMismatch, unknownFactor } from './factorMismatch';
import { factorYear } from './factorYear';
import { ghgSum } from './ghgSum';
import { intensity } from './intensity';
import { activity } from './activity';
import { formulaMismatch, proseMismatch } from './formulaRules';
import { kpiSum } from './kpiSum';
import { kpiPercentage } from './kpiPercentage';
import { kpiRate } from './kpiRate';
import { kpiAverage } from './kpiAverage';
import { kpiValueConflict } from './kpiValueConflict';
import { kpiUnitDimension } from './kpiUnitDimension';

export const ALL_RULES: Rule[] = [
  frontmatterSchema,
  syntax,
  unknownId,
  deleted,
  missing,
  emptySection,
  emptyExplanation,
  indexAbsent,
  indexMissingRow,
  indexBrokenTarget,
  indexMismatch,
  indexUntagged,
  indexDuplicate,
  indexEmptyTarget,
  unknownUnit,
  badNumber,
  factorMismatch,
  unknownFactor,
  factorYear,
  ghgSum,
  activity,
  intensity,
  formulaMismatch,
  proseMismatch,
  kpiSum,
  kpiPercentage,
  kpiRate,
  kpiAverage,
  kpiValueConflict,
  kpiUnitDimension,
];

export const RULES: RuleInfo[] = ALL_RULES.map(({ id, defaultSeverity, description }) => ({ id, defaultSeverity, description }));
export type { ModelPart, RuleInfo };

/** First financial year the 2025 Code applies to; used when the report gives no period. */
export const DEFAULT_YEAR = 2025;

/**
 * Diagnostics of an earlier analysis that may be kept: a rule that reads none of the `changed` parts
 * gives the same result as before, moved by `move` (which returns undefined when it cannot tell where a
 * diagnostic goes; the rule then runs again).
 */
export interface RuleReuse {
  changed: ReadonlySet<ModelPart>;
  previous: ReadonlyMap<string, Diagnostic[]>;
  /** Rules that threw last time: they run again, so their failure is logged again. */
  failed: ReadonlySet<string>;
  move(d: Diagnostic): Diagnostic | undefined;
}

/** Which rules ran and which were kept, for tests and the benchmark. */
export interface RuleRunStats {
  ran: number;
  kept: number;
  /** Ids of the rules that threw. */
  failed: string[];
}

export function runRules(
  doc: EsgDocument,
  env: { locale: Locale; options: AnalysisOptions; onRuleError?: (rule: string, error: unknown) => void },
  rules: Rule[] = ALL_RULES,
  reuse?: RuleReuse,
  stats?: RuleRunStats,
): Diagnostic[] {
  const framework = getFramework(doc.config.framework);
  if (!framework) return [];
  const diagnostics: Diagnostic[] = [];
  const overrides = env.options.severity ?? {};
  const issuerClass = env.options.issuerClass ?? doc.config.issuerClass;
  const year = doc.config.year ?? DEFAULT_YEAR;
  const translate = (key: string, args?: Record<string, string | number>) => t(env.locale, key, args);
  for (const rule of rules) {
    const override = overrides[rule.id];
    if (override === 'off') continue;
    const kept = reuse && !reuse.failed.has(rule.id) && !rule.reads.some((part) => reuse.changed.has(part)) ? keep(reuse, rule.id) : undefined;
    if (kept) {
      for (const d of kept) diagnostics.push(d);
      if (stats) stats.kept++;
      continue;
    }
    if (stats) stats.ran++;
    const found: Diagnostic[] = [];
    const ctx: RuleContext = {
      doc,
      locale: env.locale,
      framework,
      issuerClass,
      year,
      // Built on first use (and cached per model): rules of the numbers engine never need it.
      get disclosures() {
        return disclosures(doc);
      },
      options: env.options,
      t: translate,
      report: (d) => found.push({ uri: doc.uri, rule: rule.id, range: d.range, message: d.message, severity: override ?? d.severity ?? rule.defaultSeverity, data: d.data, related: d.related }),
    };
    try {
      if (env.options.faultRules?.has(rule.id)) throw new Error(`fault injected into ${rule.id}`);
      rule.run(ctx);
      for (const d of capDiagnostics(found, rule.id, translate)) diagnostics.push(d);
    } catch (error) {
      stats?.failed.push(rule.id);
      env.onRuleError?.(rule.id, error);
    }
  }
  // Stable: diagnostics at the same position stay in rule order, then in the order the rule reported them.
  return diagnostics.sort(byPosition);
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * A rule's diagnostics, at most `LIMITS.maxDiagnosticsPerRule` of them: past the limit the first ones by
 * position are kept and the next one says how many more there are. Repeated structure (thousands of ids,
 * rows, explanations) must not give an unbounded list.
 */
function capDiagnostics(found: Diagnostic[], rule: string, t: (key: string, args?: Record<string, string | number>) => string): Diagnostic[] {
  const max = LIMITS.maxDiagnosticsPerRule;
  if (found.length <= max + 1) return found;
  const sorted = found.slice().sort(byPosition);
  const kept = sorted.slice(0, max);
  const next = sorted[max];
  kept.push({ ...next, message: t('diagnostics.more', { message: next.message, count: found.length - max - 1, max, rule }) });
  return kept;
}

/** A rule's earlier diagnostics moved with the edit, or undefined when one of them cannot be moved. */
function keep(reuse: RuleReuse, ruleId: string): Diagnostic[] | undefined {
  const previous = reuse.previous.get(ruleId) ?? [];
  const moved: Diagnostic[] = [];
  for (const d of previous) {
    const m = reuse.move(d);
    if (!m) return undefined;
    moved.push(m);
  }
  return moved;
}
