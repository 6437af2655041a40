// The rules: the registry (registry.ts, the list of rule modules) and the runner (runner.ts), kept apart
// so that a new rule and a change to the runner touch different files.
export {
  ALL_RULES,
  BUDGET_RULE,
  FILE_RULES,
  QUOTES_LINE_NUMBERS,
  RULES,
  RULES_BY_ID,
  TOO_LARGE_RULE,
  XREPORT_RULES,
} from './registry';
export { clock, runRules, type RuleReuse, type RuleRunStats } from './runner';
export type { FixContext, ModelPart, NoData, Rule, RuleContext, RuleData, RuleDiagnostic, RuleInfo } from './rule';

export { DEFAULT_YEAR } from '../context';
