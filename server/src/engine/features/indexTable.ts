// Generating the HKEX index table from the report itself: one row per requirement of the Code in
// catalog order, pointing to the sections tagged with it (or the KPI tables that disclose it),
// or carrying its explanation; deleted requirements are listed as deleted, as reports do.
import type { Analysis } from '../analysis';
import type { EsgDocument, Section } from '../model';
import type { Locale, Range, TextEdit } from '../types';
import { getFramework } from '../catalogs/hkex';
import { disclosures } from '../derived';
import { localized, t } from '../i18n';
import { endOfDocument, eol, lineText } from './edits';
import { escapeCell } from '../text/markdown';

export interface IndexTableEdit {
  /** The table (and, when inserted, its heading) as Markdown. */
  markdown: string;
  edit: TextEdit;
  /** True when an existing index table is replaced; false when a new section is appended. */
  replaced: boolean;
}

function sectionLink(s: Section): string {
  return `[${escapeCell(s.heading.title).replace(/[[\]]/g, '')}](#${s.heading.anchor})`;
}

/** Rows of the index table for every requirement of the framework. */
export function indexRows(doc: EsgDocument, locale: Locale): string[][] {
  const framework = getFramework(doc.config.framework);
  if (!framework) return [];
  const index = disclosures(doc);
  const rows: string[][] = [];
  for (const req of framework.all) {
    if (req.children?.length) continue; // D28 is listed through D28(a)-(c)
    const title = localized(req.title, locale);
    if (req.obligation === 'deleted') {
      rows.push([req.id, t(locale, 'index.deletedRow', { date: req.deletedFrom ?? '2025-01-01' }), '']);
      continue;
    }
    const ev = index.get(req.id);
    const sections = new Map<number, Section>();
    for (const s of ev?.sections ?? []) sections.set(s.index, s);
    if (!sections.size) {
      for (const row of ev?.kpiRows ?? []) {
        const s = doc.tables[row.table]?.section;
        if (s !== undefined) sections.set(s, doc.sections[s]);
      }
    }
    let target = '';
    if (sections.size) target = [...sections.values()].map(sectionLink).join(' ');
    else if (ev?.explanations.length) target = escapeCell(ev.explanations[0].text);
    rows.push([req.id, escapeCell(title), target]);
  }
  return rows;
}

export function renderTable(header: string[], rows: string[][], nl: string): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join(nl);
}

export function buildIndexTable(analysis: Analysis): IndexTableEdit {
  const doc = analysis.model;
  const locale = analysis.locale;
  const nl = eol(doc);
  const header = [t(locale, 'index.colId'), t(locale, 'index.colText'), t(locale, 'index.colWhere')];
  const table = renderTable(header, indexRows(doc, locale), nl);
  const existing = doc.indexTables[0];
  if (existing) {
    const range: Range = doc.tables[existing.table].range;
    return { markdown: table, edit: { range, newText: table }, replaced: true };
  }
  const end = endOfDocument(doc);
  const last = lineText(doc, end.line);
  const lead = last.trim() === '' ? nl : nl + nl;
  const markdown = `## ${t(locale, 'index.heading')} {#hkex-index .hkex-index}${nl}${nl}${table}${nl}`;
  return { markdown, edit: { range: { start: end, end }, newText: lead + markdown }, replaced: false };
}
