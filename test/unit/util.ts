// Small helpers for engine tests: build a report from parts, find diagnostics, locate text.
import { analyze, type Analysis, type AnalysisOptions, type Diagnostic } from '../../server/src/engine';

export const FRONT = [
  '---',
  'title: 測試報告',
  'lang: zh-Hant',
  'esg:',
  '  issuer: 測試有限公司',
  '  period: 2025',
  '---',
  '',
].join('\n');

export function run(text: string, options: AnalysisOptions = {}): Analysis {
  return analyze({ uri: 'file:///test.esg.md', text }, options);
}

export function byRule(a: Analysis | Diagnostic[], rule: string): Diagnostic[] {
  const list = Array.isArray(a) ? a : a.diagnostics;
  return list.filter((d) => d.rule === rule);
}

/** 0-based line and column of the first occurrence of `needle` (after `after`, if given). */
export function locate(text: string, needle: string, after = ''): { line: number; character: number } {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The requirement ids an `hkex/missing` diagnostic names: one diagnostic may group several of an aspect. */
export function missingIds(d: Diagnostic): string[] {
  return Array.isArray(d.data?.ids) ? (d.data.ids as string[]) : typeof d.data?.id === 'string' ? [d.data.id] : [];
}
