// The rule registry: every rule module, one line each, in the order the runner runs them (which is
// the order of diagnostics at one position). Adding a rule adds its module, its messages, its fixture
// (test/fixtures/rules/<namespace>/<name>.esg.md) and one line here.
import type { Rule, RuleInfo } from './rule';
import { schema } from './frontmatter/schema';
import { syntax } from './esg/syntax';
import { unknownId } from './hkex/unknown-id';
import { deleted } from './hkex/deleted';
import { predatesCode } from './hkex/predates-code';
import { missing } from './hkex/missing';
import { emptySection } from './hkex/empty-section';
import { emptyExplanation } from './hkex/empty-explanation';
import { indexAbsent } from './hkex/index-absent';
import { indexMissingRow } from './hkex/index-missing-row';
import { indexBrokenTarget } from './hkex/index-broken-target';
import { indexMismatch } from './hkex/index-mismatch';
import { indexUntagged } from './hkex/index-untagged';
import { indexDuplicate } from './hkex/index-duplicate';
import { indexEmptyTarget } from './hkex/index-empty-target';
import { griUnknownId } from './gri/unknown-id';
import { griIndexMissingRow } from './gri/index-missing-row';
import { griIndexBrokenTarget } from './gri/index-broken-target';
import { griOmissionReason } from './gri/omission-reason';
import { griSuperseded } from './gri/superseded';
import { ashareProfile } from './ashare/profile';
import { ashareMaterialityTopic } from './ashare/materiality-topic';
import { ashareMaterialityConclusion } from './ashare/materiality-conclusion';
import { ashareNotMaterialExplanation } from './ashare/not-material-explanation';
import { ashareFourElements } from './ashare/four-elements';
import { ashareGhgScope } from './ashare/ghg-scope';
import { ashareDueDate } from './ashare/due-date';
import { issbUnknownId } from './issb/unknown-id';
import { issbIndexMissingRow } from './issb/index-missing-row';
import { issbIndexBrokenTarget } from './issb/index-broken-target';
import { issbIndexNotDisclosed } from './issb/index-not-disclosed';
import { issbGwpSource } from './issb/gwp-source';
import { issbScope2Location } from './issb/scope2-location';
import { issbScope3Categories } from './issb/scope3-categories';
import { issbCategory15Limit } from './issb/category15-limit';
import { sasbUnknownCode } from './sasb/unknown-code';
import { sasbIndexMissingRow } from './sasb/index-missing-row';
import { sasbIndexBrokenTarget } from './sasb/index-broken-target';
import { sasbIndexNotDisclosed } from './sasb/index-not-disclosed';
import { sasbMetricMissing } from './sasb/metric-missing';
import { unknownUnit } from './kpi/unknown-unit';
import { badNumber } from './kpi/bad-number';
import { factorMismatch } from './ghg/factor-mismatch';
import { unknownFactor } from './ghg/unknown-factor';
import { factorYear } from './ghg/factor-year';
import { ghgSum } from './ghg/sum-mismatch';
import { activity } from './ghg/activity-mismatch';
import { intensity } from './kpi/intensity-mismatch';
import { formulaMismatch } from './kpi/formula-mismatch';
import { proseMismatch } from './kpi/prose-mismatch';
import { kpiSum } from './kpi/sum-mismatch';
import { kpiPercentage } from './kpi/percentage-range';
import { kpiRate } from './kpi/rate-mismatch';
import { kpiAverage } from './kpi/average-bounds';
import { kpiValueConflict } from './kpi/value-conflict';
import { kpiUnitDimension } from './kpi/unit-dimension';
import { kpiTableShape } from './kpi/table-shape';
import { TOO_LARGE_RULE } from './esg/too-large';
import { BUDGET_RULE } from './esg/budget';
import { chaptersRule } from './esg/chapters';
import { encodingRule } from './esg/encoding';
import { suppressionRule } from './esg/suppression';
import { configRule } from './esg/config';
import { linkRule } from './xreport/link';
import { translationMismatchRule } from './xreport/translation-mismatch';
import { restatedRule } from './xreport/restated';

export { TOO_LARGE_RULE, BUDGET_RULE };

/** The rules the runner runs on a document model. Each keeps its own `data` type; the runner needs none of it. */
// Each rule's `data` type is its own and a rule is contravariant in it, so the list's element type is open.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ALL_RULES: Rule<any>[] = [
  schema,
  syntax,
  unknownId,
  deleted,
  predatesCode,
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
  griUnknownId,
  griIndexMissingRow,
  griIndexBrokenTarget,
  griOmissionReason,
  griSuperseded,
  ashareProfile,
  ashareMaterialityTopic,
  ashareMaterialityConclusion,
  ashareNotMaterialExplanation,
  ashareFourElements,
  ashareGhgScope,
  ashareDueDate,
  issbUnknownId,
  issbIndexMissingRow,
  issbIndexBrokenTarget,
  issbIndexNotDisclosed,
  issbGwpSource,
  issbScope2Location,
  issbScope3Categories,
  issbCategory15Limit,
  sasbUnknownCode,
  sasbIndexMissingRow,
  sasbIndexBrokenTarget,
  sasbIndexNotDisclosed,
  sasbMetricMissing,
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
  kpiTableShape,
];

/**
 * Rules checked outside the rule runner (see their modules): on the files of a report (chapters,
 * encodings), on the suppression comments, which apply to every other rule's findings, and on the
 * project file `.esgmark.yaml` (engine/projectConfig.ts). `esg/too-large` and `esg/budget` are ids the
 * engine reports under itself; they are registered like rules so severities, `esgmark rules`, SARIF and
 * docs/rules.md know them.
 */
export const FILE_RULES: RuleInfo[] = [chaptersRule, encodingRule, suppressionRule, configRule];

/** Rules checked across reports, on the reports a report links (engine/xreport/report.ts). */
export const XREPORT_RULES: RuleInfo[] = [linkRule, translationMismatchRule, restatedRule];

/** Rules whose messages name line numbers (`quotesLineNumbers`): their findings are not moved past added or removed lines. */
export const QUOTES_LINE_NUMBERS: ReadonlySet<string> = new Set(
  [...ALL_RULES, ...FILE_RULES, ...XREPORT_RULES].filter((r) => r.quotesLineNumbers).map((r) => r.id),
);

/** What the rules list (`esgmark rules`, docs) shows of a rule: no detail of how it is run. */
const publicInfo = ({ id, defaultSeverity, description, safeFix }: RuleInfo): RuleInfo =>
  safeFix ? { id, defaultSeverity, description, safeFix } : { id, defaultSeverity, description };

export const RULES: RuleInfo[] = [
  ...ALL_RULES.map(publicInfo),
  TOO_LARGE_RULE,
  BUDGET_RULE,
  ...FILE_RULES.map(publicInfo),
  ...XREPORT_RULES.map(publicInfo),
];

/** The rules run on a model, by id: the code action provider asks them for their fixes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RULES_BY_ID: ReadonlyMap<string, Rule<any>> = new Map(ALL_RULES.map((r) => [r.id, r]));
