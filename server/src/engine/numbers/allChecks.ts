// Every check of the numbers engine for a document, computed once per locale (derived.ts keeps them). Hover and CodeLens
// (and later the preview) read this list; each rule reports only the failures of its own checks.
import type { EsgDocument } from '../model';
import type { Locale } from '../types';
import type { Check } from './checks';
import { ghgSumChecks } from './ghgChecks';
import { intensityChecks } from './intensityChecks';
import { formulaChecks } from './formulaChecks';
import { activityChecks } from './activityChecks';
import { kpiAverageChecks, kpiRateChecks, kpiSumChecks } from './relations';
import { factorQuantity } from './factorValues';
import type { FormulaEnvOptions } from './formula';
import { derivedOf } from '../derived';

/** How formulas resolve factor ids (the emission-factor catalog). */
export const formulaOptions: FormulaEnvOptions = { resolveFactorId: (id) => factorQuantity(id) };

/**
 * Producers of checks, in the order their results are listed. Called through arrows: this module and
 * the producers' import each other through the derived layer, so a producer may not be loaded yet when
 * this module is.
 */
const PRODUCERS: ((doc: EsgDocument, locale: Locale) => Check[])[] = [
  (doc) => ghgSumChecks(doc),
  (doc, locale) => activityChecks(doc, locale),
  (doc, locale) => intensityChecks(doc, locale),
  (doc) => kpiSumChecks(doc),
  (doc) => kpiRateChecks(doc),
  (doc) => kpiAverageChecks(doc),
  (doc) => formulaChecks(doc, formulaOptions).checks,
];

/** Every check of a document, with labels in `locale` (computed once per locale, in its derived layer). */
export function allChecks(doc: EsgDocument, locale: Locale): Check[] {
  return derivedOf(doc).checks(locale);
}

export function buildAllChecks(doc: EsgDocument, locale: Locale): Check[] {
  const list: Check[] = [];
  for (const produce of PRODUCERS) {
    try {
      for (const check of produce(doc, locale)) list.push(check);
    } catch {
      // A failing producer must not take hover or CodeLens down; its rule reports the error.
    }
  }
  return list;
}

/** Checks whose target or inputs include a value at this position. */
export function checksAt(doc: EsgDocument, locale: Locale, line: number, character: number): Check[] {
  const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    r.start.line === line && r.start.character <= character && character <= r.end.character;
  return allChecks(doc, locale).filter((c) => at(c.target.range) || c.inputs.some((i) => i.fact && at(i.fact.range)));
}
