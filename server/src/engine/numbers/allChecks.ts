// Every check of the numbers engine for a document, computed once per locale (derived.ts keeps them). Hover and CodeLens
// (and later the preview) read this list; each rule reports only the failures of its own checks.
import type { EsgDocument } from '../model';
import type { Locale } from '../types';
import type { Check } from './checks';
import type { FactIndex } from './facts';
import type { FactorQuote } from './factorQuotes';
import type { FormulaCheckResult } from './formulaChecks';
import type { AverageCheck, RateCheck, SumResult } from './relations';
import { activityChecks } from './activityChecks';
import { factorQuantity } from './factorValues';
import type { FormulaEnvOptions } from './formula';

/** How formulas resolve factor ids (the emission-factor catalog). */
export const formulaOptions: FormulaEnvOptions = { resolveFactorId: (id) => factorQuantity(id) };

/**
 * What the producers read besides the document: the derived layer passes itself, so each part is
 * computed (and kept) on first use, inside the producer that needs it.
 */
export interface CheckSources {
  readonly facts: FactIndex;
  readonly factorQuotes: readonly FactorQuote[];
  readonly sums: SumResult;
  readonly rates: RateCheck[];
  readonly averages: AverageCheck[];
  readonly ghgSums: Check[];
  intensities(locale: Locale): Check[];
  formulaChecks(options: FormulaEnvOptions): FormulaCheckResult;
}

/** Producers of checks, in the order their results are listed. */
const PRODUCERS: ((doc: EsgDocument, sources: CheckSources, locale: Locale) => readonly Check[])[] = [
  (_doc, sources) => sources.ghgSums,
  (doc, sources, locale) => activityChecks(doc, sources, locale),
  (_doc, sources, locale) => sources.intensities(locale),
  (_doc, sources) => sources.sums.checks,
  (_doc, sources) => sources.rates,
  (_doc, sources) => sources.averages,
  (_doc, sources) => sources.formulaChecks(formulaOptions).checks,
];

/** Every check of a document, with labels in `locale` (derived.ts keeps the list, once per locale). */
export function buildAllChecks(doc: EsgDocument, sources: CheckSources, locale: Locale): Check[] {
  const list: Check[] = [];
  for (const produce of PRODUCERS) {
    try {
      for (const check of produce(doc, sources, locale)) list.push(check);
    } catch {
      // A failing producer must not take hover or CodeLens down; its rule reports the error.
    }
  }
  return list;
}

/** Of `checks`, those whose target or inputs include a value at this position. */
export function checksAt(checks: readonly Check[], line: number, character: number): Check[] {
  const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    r.start.line === line && r.start.character <= character && character <= r.end.character;
  return checks.filter((c) => at(c.target.range) || c.inputs.some((i) => i.fact && at(i.fact.range)));
}
