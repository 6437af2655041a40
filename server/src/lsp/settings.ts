// The `esgmark.*` settings as the server understands them. Values arrive from the client as untyped
// JSON (user settings can hold anything), so every field is checked and falls back to its default
// instead of failing: a typo in settings.json must not stop validation.
import type { AnalysisOptions, IssuerClass, Locale, Severity } from '../engine';

export type LocaleSetting = 'auto' | Locale;
export type IssuerClassSetting = 'auto' | IssuerClass;
export type SeveritySetting = Severity | 'off';

export interface ServerSettings {
  locale: LocaleSetting;
  issuerClass: IssuerClassSetting;
  severity: Record<string, SeveritySetting>;
  debounceMs: number;
  /** Time budget of one analysis in ms (`AnalysisOptions.budgetMs`); 0: none. */
  analysisBudgetMs: number;
  /** Base of the rule documentation links (`codeDescription.href`); '' for the default, RULES_DOCS_URL. */
  rulesDocumentationUrl: string;
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  locale: 'auto',
  issuerClass: 'auto',
  severity: {},
  debounceMs: 75,
  // Far above the 0.3 s a 5 MB report takes, so only a pathological report reaches it.
  analysisBudgetMs: 5000,
  rulesDocumentationUrl: '',
});

const LOCALE_VALUES: readonly LocaleSetting[] = ['auto', 'en', 'zh-Hant', 'zh-Hans'];
const ISSUER_CLASS_VALUES: readonly IssuerClassSetting[] = ['auto', 'main-board', 'largecap', 'gem'];
const SEVERITY_VALUES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
/** Upper bound so that a mistyped huge value does not make the editor look dead. */
const MAX_DEBOUNCE_MS = 10_000;
const MAX_BUDGET_MS = 600_000;

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Turns whatever the client sent for the `esgmark` section into complete, valid settings. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const input = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const severity: Record<string, SeveritySetting> = {};
  const rawSeverity = input.severity;
  if (rawSeverity !== null && typeof rawSeverity === 'object' && !Array.isArray(rawSeverity)) {
    for (const [rule, value] of Object.entries(rawSeverity as Record<string, unknown>)) {
      if (isOneOf(SEVERITY_VALUES, value)) severity[rule] = value;
    }
  }
  let debounceMs = DEFAULT_SETTINGS.debounceMs;
  if (typeof input.debounceMs === 'number' && Number.isFinite(input.debounceMs) && input.debounceMs >= 0) {
    debounceMs = Math.min(Math.round(input.debounceMs), MAX_DEBOUNCE_MS);
  }
  let analysisBudgetMs = DEFAULT_SETTINGS.analysisBudgetMs;
  if (
    typeof input.analysisBudgetMs === 'number' &&
    Number.isFinite(input.analysisBudgetMs) &&
    input.analysisBudgetMs >= 0
  ) {
    analysisBudgetMs = Math.min(Math.round(input.analysisBudgetMs), MAX_BUDGET_MS);
  }
  // An http(s) or file URL only: the link is opened by the editor when the rule id is clicked.
  const docs = input.rulesDocumentationUrl;
  const rulesDocumentationUrl =
    typeof docs === 'string' && /^(?:https?|file):\/\/\S+$/.test(docs) && docs.length < 2048 ? docs : '';
  return {
    locale: isOneOf(LOCALE_VALUES, input.locale) ? input.locale : DEFAULT_SETTINGS.locale,
    issuerClass: isOneOf(ISSUER_CLASS_VALUES, input.issuerClass) ? input.issuerClass : DEFAULT_SETTINGS.issuerClass,
    severity,
    debounceMs,
    analysisBudgetMs,
    rulesDocumentationUrl,
  };
}

/** Engine options for the settings; 'auto' means "let the report's front matter decide". */
export function toAnalysisOptions(settings: ServerSettings): AnalysisOptions {
  const options: AnalysisOptions = {};
  if (settings.locale !== 'auto') options.locale = settings.locale;
  if (settings.issuerClass !== 'auto') options.issuerClass = settings.issuerClass;
  if (Object.keys(settings.severity).length > 0) options.severity = { ...settings.severity };
  if (settings.analysisBudgetMs > 0) options.budgetMs = settings.analysisBudgetMs;
  return options;
}
