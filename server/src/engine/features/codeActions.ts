// Quick fixes for the diagnostics in a range, plus the 'generate index table' source action.
// Every fix is built from the diagnostic's `data` and the model, never by re-parsing messages.
import { obligationIn } from '../context';
import { contextOf } from '../derived';
import type { Analysis } from '../analysis';
import type { IndexTable } from '../model';
import type { CodeAction, Diagnostic, Range, TextEdit } from '../types';
import { getFramework } from '../catalogs/hkex';
import { disclosures } from '../disclosures';
import { localized, t } from '../i18n';
import { overlaps } from '../parser/lines';
import { explanationEdit, explanationSnippet, lineText, tagSectionEdit, eol } from './edits';
import { buildIndexTable, escapeCell } from './indexTable';
import { missingTotalActions, unitFixes } from './numberActions';

export function codeActionsFor(analysis: Analysis, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const doc = analysis.model;
  const uri = doc.uri;
  const say = (key: string, args?: Record<string, string | number>) => t(analysis.locale, key, args);
  const framework = getFramework(doc.config.framework);
  if (!framework) return actions;
  const relevant = diagnostics.filter((d) => overlaps(d.range, range));

  for (const d of relevant) {
    // Any numbers rule: replace the reported figure with the computed one, printed the same way.
    if (d.data?.kind === 'replace-value' && typeof d.data.text === 'string') {
      const reported = lineText(doc, d.range.start.line).slice(d.range.start.character, d.range.end.character);
      actions.push({ title: say('action.replaceValue', { reported, computed: d.data.text }), kind: 'quickfix', edits: { [uri]: [{ range: d.range, newText: d.data.text }] }, diagnostics: [d] });
    }
    actions.push(...unitFixes(analysis, d));
    const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
    switch (d.rule) {
      case 'hkex/missing': {
        // One diagnostic may stand for several requirements of an aspect (`data.ids`): a fix per requirement, and one for all.
        const ids = Array.isArray(d.data?.ids) ? d.data.ids.filter((x): x is string => typeof x === 'string') : id ? [id] : [];
        if (!ids.length) break;
        const req = framework.get(ids[0]);
        const aspectSection = disclosures(doc).aspectSection(req?.aspect ?? '');
        const context = contextOf(doc, analysis.options).reporting;
        const explainable = ids.filter((x) => obligationIn(framework, x, context) !== 'mandatory');
        if (explainable.length > 1) {
          const edits = explainable.map((x) => explanationEdit(doc, x, analysis.locale, aspectSection));
          const merged = { range: edits[0].range, newText: edits.map((e) => e.newText).join('') };
          actions.push({ title: say('action.addExplanations', { ids: explainable.join(', ') }), kind: 'quickfix', edits: { [uri]: [merged] }, diagnostics: [d] });
        }
        if (aspectSection && ids.length > 1) {
          actions.push({ title: say('action.tagSection', { section: aspectSection.heading.title, id: ids.join(' ') }), kind: 'quickfix', edits: { [uri]: [tagSectionEdit(doc, aspectSection, ids.join(' '))] }, diagnostics: [d] });
        }
        for (const one of ids) {
          if (explainable.includes(one)) {
            const { edit, snippet } = explanationSnippet(doc, one, analysis.locale, aspectSection);
            actions.push({
              title: say('action.addExplanation', { id: one }),
              kind: 'quickfix',
              edits: { [uri]: [edit] },
              snippet: { uri, range: edit.range, value: snippet },
              diagnostics: [d],
              isPreferred: ids.length === 1,
            });
          }
          if (aspectSection) {
            actions.push({ title: say('action.tagSection', { section: aspectSection.heading.title, id: one }), kind: 'quickfix', edits: { [uri]: [tagSectionEdit(doc, aspectSection, one)] }, diagnostics: [d] });
          }
        }
        break;
      }
      case 'hkex/index-untagged': {
        const section = typeof d.data?.section === 'number' ? doc.sections[d.data.section] : undefined;
        if (!id || !section) break;
        // Every untagged row given for the same section gets one tag: two tags written separately
        // would give the heading two attribute blocks.
        const group = diagnostics.filter((x) => x.rule === d.rule && x.data?.section === d.data?.section && typeof x.data?.id === 'string');
        const ids = [...new Set([id, ...group.map((x) => x.data!.id as string)])].join(' ');
        actions.push({ title: say('action.tagSection', { section: section.heading.title, id: ids }), kind: 'quickfix', edits: { [uri]: [tagSectionEdit(doc, section, ids)] }, diagnostics: group.length ? group : [d], isPreferred: true, safe: true });
        break;
      }
      case 'hkex/index-mismatch': {
        const section = typeof d.data?.section === 'number' ? doc.sections[d.data.section] : undefined;
        if (!id || !section) break;
        actions.push({ title: say('action.tagSection', { section: section.heading.title, id }), kind: 'quickfix', edits: { [uri]: [tagSectionEdit(doc, section, id)] }, diagnostics: [d] });
        break;
      }
      case 'hkex/index-missing-row': {
        const table = doc.indexTables.find((x) => x.table === d.data?.table) ?? doc.indexTables[0];
        if (!id || !table) break;
        actions.push({ title: say('action.addIndexRow', { id }), kind: 'quickfix', edits: { [uri]: indexRowEdits(analysis, table, [id]) }, diagnostics: [d] });
        const all = diagnostics.filter((x) => x.rule === 'hkex/index-missing-row' && typeof x.data?.id === 'string');
        if (all.length > 1) {
          actions.push({ title: say('action.addIndexRows', { count: all.length }), kind: 'quickfix', edits: { [uri]: indexRowEdits(analysis, table, all.map((x) => x.data!.id as string)) }, diagnostics: all, isPreferred: true });
        }
        // Safe: the rows of requirements a tagged section discloses already. Each points at that
        // section, so the index then says what the tags say, and no finding changes but these.
        const index = disclosures(doc);
        const tagged = all.filter((x) => (x.data?.table ?? table.table) === (d.data?.table ?? table.table) && !!index.get(x.data!.id as string)?.sections[0]);
        if (tagged[0] === d) {
          actions.push({ title: tagged.length > 1 ? say('action.addIndexRows', { count: tagged.length }) : say('action.addIndexRow', { id }), kind: 'quickfix', edits: { [uri]: indexRowEdits(analysis, table, tagged.map((x) => x.data!.id as string)) }, diagnostics: tagged, safe: true });
        }
        break;
      }
      case 'hkex/deleted': {
        if (!id) break;
        const replacement = typeof d.data?.replacement === 'string' ? d.data.replacement : undefined;
        if (replacement) {
          // Not safe: the successor D28(a)/(b) is mandatory, and the claim would silence its hkex/missing.
          actions.push({ title: say('action.replaceId', { from: id, to: replacement }), kind: 'quickfix', edits: { [uri]: [{ range: d.range, newText: replacement }] }, diagnostics: [d], isPreferred: true });
        }
        const removal = removeRefEdit(analysis, d.range);
        if (removal) actions.push({ title: say('action.removeId', { id }), kind: 'quickfix', edits: { [uri]: [removal] }, diagnostics: [d] });
        break;
      }
      case 'hkex/unknown-id': {
        const raw = typeof d.data?.id === 'string' ? d.data.id : '';
        for (const candidate of closeIds(raw, framework.all.filter((r) => r.obligation !== 'deleted').map((r) => r.id))) {
          actions.push({ title: say('action.replaceId', { from: raw, to: candidate }), kind: 'quickfix', edits: { [uri]: [{ range: d.range, newText: candidate }] }, diagnostics: [d] });
        }
        break;
      }
    }
  }
  actions.push(...missingTotalActions(analysis, range));
  const generated = buildIndexTable(analysis);
  actions.push({ title: say('action.generateIndex'), kind: 'source', edits: { [uri]: [generated.edit] } });
  return actions;
}

/** Rows for `ids`, each inserted after the row of the requirement before it in catalog order. */
function indexRowEdits(analysis: Analysis, table: IndexTable, ids: string[]): TextEdit[] {
  const doc = analysis.model;
  const framework = getFramework(doc.config.framework)!;
  const order = new Map(framework.all.map((r, i) => [r.id, i]));
  const columns = doc.tables[table.table].header.cells.length;
  const nl = eol(doc);
  const index = disclosures(doc);
  const byLine = new Map<number, string[]>();
  const headerEnd = doc.tables[table.table].header.line + 1; // the delimiter row
  for (const id of [...new Set(ids)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const rank = order.get(id) ?? 0;
    let after = headerEnd;
    for (const row of table.rows) if (row.refs.some((r) => (order.get(r.id) ?? -1) < rank && (order.get(r.id) ?? -1) >= 0)) after = Math.max(after, row.row.line);
    const req = framework.get(id);
    const ev = index.get(id);
    const section = ev?.sections[0];
    const target = section ? `[${section.heading.title.replace(/[[\]|]/g, '')}](#${section.heading.anchor})` : ev?.explanations[0] ? escapeCell(ev.explanations[0].text) : '';
    const cells = [id, ...Array.from({ length: Math.max(0, columns - 2) }, (_, i) => (i === 0 && req ? escapeCell(localized(req.title, analysis.locale)) : '')), target].slice(0, Math.max(columns, 2));
    const list = byLine.get(after) ?? [];
    list.push(`| ${cells.join(' | ')} |`);
    byLine.set(after, list);
  }
  return [...byLine.entries()].map(([line, rows]) => {
    const at = { line, character: lineText(doc, line).length };
    return { range: { start: at, end: at }, newText: rows.map((r) => nl + r).join('') };
  });
}

/** Removes one id from an `hkex="..."` list, with the separator before (or after) it. */
function removeRefEdit(analysis: Analysis, range: Range): TextEdit | undefined {
  if (range.start.line !== range.end.line) return undefined;
  const text = lineText(analysis.model, range.start.line);
  let start = range.start.character;
  let end = range.end.character;
  const inTag = analysis.model.sections.some((s) => s.tagRange && s.tagRange.start.line === range.start.line) || analysis.model.explanations.some((e) => e.openRange.start.line === range.start.line);
  if (!inTag) return undefined;
  if (start > 0 && /[\s,，、]/.test(text[start - 1])) while (start > 0 && /[\s,，、]/.test(text[start - 1])) start--;
  else while (end < text.length && /[\s,，、]/.test(text[end])) end++;
  return { range: { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: end } }, newText: '' };
}

/** Known ids within edit distance 1 of a mistyped one (A1.7 -> A1.6? no: only 1 edit), at most 5. */
function closeIds(raw: string, ids: string[]): string[] {
  const norm = raw.trim().toUpperCase();
  if (!norm || norm.length > 20) return [];
  return ids.filter((id) => distance(norm, id.toUpperCase()) === 1).slice(0, 5);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
