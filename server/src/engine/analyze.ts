// Analysing one report: parse (or patch the previous parse), run the rules, apply suppressions. Its own
// module, below the facade, so that multi-file reports (project.ts) analyse without importing index.ts.
import { parseDocument } from './recognition/document';
import { analyzeFully, reanalyze } from './reanalyze';
import { derivedOf, optionsKey } from './derived';
import type { Analysis } from './analysis';
import type { AnalysisOptions, Diagnostic } from './types';
import { LIMITS } from './limits';
import { clock, RULES, TOO_LARGE_RULE } from './rules';
import { applySuppressions } from './rules/esg/suppression';
import { guessLocale, t } from './i18n';
import { formatNumber } from './numbers/quantity';

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/**
 * Parses a report and runs every enabled rule. Never throws on any input text.
 * With `previous`, an earlier analysis of the same document (same uri, same options), the work is
 * incremental where the edit allows: the result is the same as without it, only faster.
 */
export function analyze(
  doc: { uri: string; text: string },
  options: AnalysisOptions = {},
  previous?: Analysis,
): Analysis {
  const started = clock();
  if (doc.text.length > LIMITS.maxReportChars) return tooLarge(doc, options);
  const key = optionsKey(options);
  // Only an analysis whose rules ran under the same options is a base (a report too large has none).
  const base =
    previous && derivedOf(previous.model).analysedWith === key
      ? { model: previous.model, diagnostics: previous.unsuppressed, locale: previous.locale }
      : undefined;
  const core =
    (base && reanalyze(base, doc.uri, doc.text, options, started)) ||
    analyzeFully(parseDocument(doc.uri, doc.text), options, started);
  const { diagnostics, suppressed } = applySuppressions(core.model, core.diagnostics, core.locale, options, RULE_IDS);
  const analysis: Analysis = {
    model: core.model,
    diagnostics,
    locale: core.locale,
    options,
    reuse: core.reuse,
    suppressed,
    unsuppressed: core.diagnostics,
  };
  return analysis;
}

/**
 * A report past `LIMITS.maxReportChars`: not parsed (the model is that of an empty text, so every feature
 * still answers), one diagnostic at the start naming the size and the limit. Never the base of a later
 * incremental analysis (no key), so the next version below the limit gets a full one.
 */
function tooLarge(doc: { uri: string; text: string }, options: AnalysisOptions): Analysis {
  // The locale from the override or the script of the first few KB: reading more would defeat the cap.
  const locale = options.locale ?? guessLocale(doc.text.slice(0, 4096)) ?? 'en';
  const override = options.severity?.[TOO_LARGE_RULE.id];
  const diagnostics: Diagnostic[] =
    override === 'off'
      ? []
      : [
          {
            uri: doc.uri,
            rule: TOO_LARGE_RULE.id,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: override ?? TOO_LARGE_RULE.defaultSeverity,
            message: t(locale, 'limit.tooLarge', {
              size: formatNumber(doc.text.length, 0),
              limit: formatNumber(LIMITS.maxReportChars, 0),
            }),
            data: { chars: doc.text.length, maxChars: LIMITS.maxReportChars },
          },
        ];
  return {
    model: parseDocument(doc.uri, ''),
    diagnostics,
    locale,
    options,
    reuse: { parse: 'full', rulesRun: 0, rulesKept: 0 },
    suppressed: [],
    unsuppressed: diagnostics,
  };
}
