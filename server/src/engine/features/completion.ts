// Completion of requirement ids inside `hkex="..."` (headings and explanation blocks) and of KPI
// ids inside a span's `{#...}` or `kpi="..."`.
import { obligationIn } from '../context';
import { contextOf } from '../derived';
import type { Analysis } from '../analysis';
import type { Position, Range } from '../types';
import type { CompletionItem } from './types';
import { getFramework } from '../catalogs/hkex';
import { kpisWithPrefix } from '../catalogs/kpis';
import { allUnits } from '../catalogs/units';
import { allFactors, factorName } from '../catalogs/factors';
import { localized, t } from '../i18n';
import { lineText } from './edits';
import { snippetCompletions } from './snippets';

export function completionsAt(analysis: Analysis, pos: Position): CompletionItem[] {
  const doc = analysis.model;
  const line = lineText(doc, pos.line);
  const before = line.slice(0, pos.character);
  const locale = analysis.locale;
  const snippets = snippetCompletions(before, pos, locale);
  if (snippets) return snippets;
  // Inside hkex="...": the attribute opened before the cursor and not closed yet.
  const hkex = /hkex\s*=\s*"([^"]*)$/.exec(before) ?? /hkex\s*=\s*'([^']*)$/.exec(before);
  if (hkex) {
    const framework = getFramework(doc.config.framework);
    if (!framework) return [];
    const word = wordBefore(before, /[A-Za-z0-9.()-]/);
    const range: Range = { start: { line: pos.line, character: pos.character - word.length }, end: pos };
    const rc = contextOf(doc, analysis.options).reporting;
    return framework.all
      .filter((r) => r.obligation !== 'deleted')
      .map((r, i) => ({
        label: r.id,
        kind: 'requirement' as const,
        detail: `${localized(r.title, locale)} — ${t(locale, `obligation.${obligationIn(framework, r.id, rc)}`)}`,
        documentation: localized(r.text, locale),
        range,
        sortText: String(i).padStart(3, '0'),
      }));
  }
  const factorValue = factorIdCompletions(analysis, pos, before);
  if (factorValue) return factorValue;
  const formula = /(?:formula|check)\s*=\s*"([^"]*)$/.exec(before);
  if (formula) return formulaCompletions(analysis, pos, formula[1]);
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

const FUNCTIONS: { name: string; detail: string }[] = [
  { name: 'sum', detail: 'sum(a, b, …) · sum(ghg.scope3.*)' },
  { name: 'change', detail: 'change(a@2024, a@2025) = (new − old) / old' },
];

/** Inside formula="..." / check="...": KPI ids, front-matter names, functions, and units after a number. */
function formulaCompletions(analysis: Analysis, pos: Position, inside: string): CompletionItem[] {
  const doc = analysis.model;
  const locale = analysis.locale;
  // A unit may follow a number and a space: `0.5306 kg…`.
  const unitWord = /\d\s+([^\s()+*,-]*)$/.exec(inside);
  if (unitWord) {
    const range: Range = { start: { line: pos.line, character: pos.character - unitWord[1].length }, end: pos };
    return allUnits().flatMap((u) =>
      u.spellings
        .slice(0, 3)
        .map((sp) => ({ label: sp, kind: 'unit' as const, detail: `${u.id} · ${u.dimension}`, range })),
    );
  }
  const word = wordBefore(inside, /[A-Za-z0-9_.*@]/);
  const range: Range = { start: { line: pos.line, character: pos.character - word.length }, end: pos };
  const items: CompletionItem[] = [];
  if (word.startsWith('denominators.') || word.startsWith('factors.')) {
    const [kind] = word.split('.');
    const names = Object.keys(kind === 'factors' ? doc.config.factors : doc.config.denominators);
    return names.map((n) => ({ label: `${kind}.${n}`, kind: 'value' as const, range }));
  }
  for (const k of kpisWithPrefix(word.replace(/@.*$/, '')))
    items.push({ label: k.id, kind: 'kpi', detail: localized(k.names, locale), range });
  for (const f of FUNCTIONS)
    if (f.name.startsWith(word))
      items.push({ label: f.name, kind: 'value', detail: f.detail, insertText: `${f.name}(`, range });
  for (const kind of ['denominators', 'factors'] as const) {
    for (const n of Object.keys(doc.config[kind]))
      if (`${kind}.${n}`.startsWith(word)) items.push({ label: `${kind}.${n}`, kind: 'value', range });
  }
  return items;
}

/** Catalog factor ids for a value under `esg.factors:` in the front matter (`grid: cn-grid-2023`). */
function factorIdCompletions(analysis: Analysis, pos: Position, before: string): CompletionItem[] | undefined {
  const fm = analysis.model.frontMatter;
  if (!fm || pos.line > fm.range.end.line) return undefined;
  const value = /^\s+[\w-]+\s*:\s*(?:\{[^}]*:\s*)?([a-z0-9-]*)$/.exec(before);
  if (!value) return undefined;
  // Only under `factors:`: the nearest less-indented key above must be `factors`.
  const doc = analysis.model;
  const indent = before.length - before.trimStart().length;
  let parent: string | undefined;
  for (let l = pos.line - 1; l > fm.range.start.line; l--) {
    const text = lineText(doc, l);
    const m = /^(\s*)([\w-]+)\s*:/.exec(text);
    if (m && m[1].length < indent) {
      parent = m[2];
      break;
    }
  }
  if (parent !== 'factors') return undefined;
  const range: Range = { start: { line: pos.line, character: pos.character - value[1].length }, end: pos };
  return allFactors()
    .filter((f) => f.id.startsWith(value[1]))
    .map((f) => ({
      label: f.id,
      kind: 'value' as const,
      detail: `${f.printed} ${f.unit} · ${factorName(f, analysis.locale)}`,
      range,
    }));
}

/** The run of word characters that ends at the cursor: a backwards scan, linear in the word. */
function wordBefore(text: string, wordChar: RegExp): string {
  let i = text.length;
  while (i > 0 && wordChar.test(text[i - 1])) i--;
  return text.slice(i);
}
