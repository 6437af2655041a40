// Completion of requirement ids inside `hkex="..."` (headings and explanation blocks) and of KPI
// ids inside a span's `{#...}` or `kpi="..."`.
import type { Analysis } from '../index';
import type { Position, Range } from '../types';
import type { CompletionItem } from './types';
import { getFramework } from '../catalogs/hkex';
import { kpisWithPrefix } from '../catalogs/kpis';
import { localized, t } from '../i18n';
import { lineText } from './edits';

export function completionsAt(analysis: Analysis, pos: Position): CompletionItem[] {
  const doc = analysis.model;
  const line = lineText(doc, pos.line);
  const before = line.slice(0, pos.character);
  const locale = analysis.locale;
  // Inside hkex="...": the attribute opened before the cursor and not closed yet.
  const hkex = /hkex\s*=\s*"([^"]*)$/.exec(before) ?? /hkex\s*=\s*'([^']*)$/.exec(before);
  if (hkex) {
    const framework = getFramework(doc.config.framework);
    if (!framework) return [];
    const word = /[A-Za-z0-9.()\-]*$/.exec(before)![0];
    const range: Range = { start: { line: pos.line, character: pos.character - word.length }, end: pos };
    const issuerClass = analysis.options.issuerClass ?? doc.config.issuerClass;
    const year = doc.config.year ?? 2025;
    return framework.all
      .filter((r) => r.obligation !== 'deleted')
      .map((r, i) => ({
        label: r.id,
        kind: 'requirement' as const,
        detail: `${localized(r.title, locale)} — ${t(locale, `obligation.${framework.obligationFor(r.id, issuerClass, year)}`)}`,
        documentation: localized(r.text, locale),
        range,
        sortText: String(i).padStart(3, '0'),
      }));
  }
  const kpi = /(?:\{#|kpi\s*=\s*"?)([a-z0-9_.-]*)$/.exec(before);
  if (kpi && before.includes(']{')) {
    const range: Range = { start: { line: pos.line, character: pos.character - kpi[1].length }, end: pos };
    return kpisWithPrefix(kpi[1]).map((k) => ({
      label: k.id,
      kind: 'kpi' as const,
      detail: localized(k.names, locale),
      documentation: k.discloses.length ? `HKEX: ${k.discloses.join(', ')}${k.unit ? ` · ${k.unit}` : ''}` : k.unit,
      range,
    }));
  }
  return [];
}
