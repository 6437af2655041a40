// What the incremental tests share: an analysis derived from an earlier version must equal a full
// analysis of the same text, and a failure should say where they first differ.
import assert from 'node:assert/strict';
import { analyze, getReportModel, type Analysis } from '../../server/src/engine';

/** Where two plain-data values first differ, as a property path (for a readable failure message). */
export function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/**
 * Fails unless `derived` (an analysis of `text` derived from an earlier one) equals a full analysis of
 * `text`: model, diagnostics and locale, and with `reportModel` the report model too. Returns the full one.
 */
export function assertDerivedEqualsFull(
  uri: string,
  derived: Analysis,
  text: string,
  step: string,
  options: { reportModel?: boolean } = {},
): Analysis {
  const full = analyze({ uri, text });
  const difference = firstDifference(
    { model: derived.model, diagnostics: derived.diagnostics, locale: derived.locale },
    { model: full.model, diagnostics: full.diagnostics, locale: full.locale },
  );
  if (difference) assert.fail(`${step}: derived and full analyses differ at ${difference}`);
  assert.deepStrictEqual(derived.model, full.model, `${step}: whole model`);
  assert.deepStrictEqual(derived.diagnostics, full.diagnostics, `${step}: diagnostics`);
  if (options.reportModel) {
    const report = firstDifference(getReportModel(derived), getReportModel(full));
    if (report) assert.fail(`${step}: derived and full report models differ at ${report}`);
  }
  return full;
}

/** The text with the first `from` after `after` replaced by `to`. */
export function replaceAfter(text: string, after: string, from: string, to: string): string {
  const at = text.indexOf(from, text.indexOf(after) + after.length);
  assert.ok(at >= 0, `${from} after ${after}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
