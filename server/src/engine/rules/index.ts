// The rule registry and runner. A rule that throws is dropped for this run (its error logged
// through `onRuleError`), and the other rules' results are still returned.
import type { EsgDocument } from '../model';
import type { AnalysisOptions, Diagnostic, Locale } from '../types';
import type { Rule, RuleContext, RuleInfo } from './rule';
import { getFramework } from '../catalogs/hkex';
import { disclosures } from '../disclosures';
import { t } from '../i18n';
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
export type { RuleInfo };

/** First financial year the 2025 Code applies to; used when the report gives no period. */
export const DEFAULT_YEAR = 2025;

export function runRules(
  doc: EsgDocument,
  env: { locale: Locale; options: AnalysisOptions; onRuleError?: (rule: string, error: unknown) => void },
  rules: Rule[] = ALL_RULES,
): Diagnostic[] {
  const framework = getFramework(doc.config.framework);
  if (!framework) return [];
  const diagnostics: Diagnostic[] = [];
  const overrides = env.options.severity ?? {};
  const base = {
    doc,
    locale: env.locale,
    framework,
    issuerClass: env.options.issuerClass ?? doc.config.issuerClass,
    year: doc.config.year ?? DEFAULT_YEAR,
    disclosures: disclosures(doc),
    options: env.options,
    t: (key: string, args?: Record<string, string | number>) => t(env.locale, key, args),
  };
  for (const rule of rules) {
    const override = overrides[rule.id];
    if (override === 'off') continue;
    const found: Diagnostic[] = [];
    const ctx: RuleContext = {
      ...base,
      report: (d) => found.push({ uri: doc.uri, rule: rule.id, range: d.range, message: d.message, severity: override ?? d.severity ?? rule.defaultSeverity, data: d.data, related: d.related }),
    };
    try {
      if (env.options.faultRules?.has(rule.id)) throw new Error(`fault injected into ${rule.id}`);
      rule.run(ctx);
      diagnostics.push(...found);
    } catch (error) {
      env.onRuleError?.(rule.id, error);
    }
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
