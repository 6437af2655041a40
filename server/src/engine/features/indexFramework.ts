// The content index of one framework for a report (`esgmark index --framework <id>`): one row per item
// in force for the financial year, with the sections that disclose it (implied ones marked with the id
// they come from) or its explanation, or 'not reported'. The rows are data (JSON, CSV in the CLI); the
// Markdown table and the edit that replaces the report's own index table for that framework (a table
// under the framework's heading class, `.gri-index` ...) are built here, so the editor could offer it too.
import type { Analysis } from '../analysis';
import type { EsgDocument, Section } from '../model';
import type { Range, TextEdit } from '../types';
import { HKEX_FRAMEWORK_ID } from '../catalogs/frameworks';
import { griIndexTables, GRI_PACK } from '../recognition/packIndex';
import { t } from '../i18n';
import { contextOf } from '../derived';
import { escapeCell } from '../text/markdown';
import { endOfDocument, eol, lineText } from './edits';
import { buildIndexTable, renderTable } from './indexTable';
import {
  frameworkCoverageOf,
  INDEX_CLASSES,
  SHORT_NAMES,
  type FrameworkItemStatus,
  type FrameworkSeverity,
  type ImpliedBy,
} from './coverage';

export interface FrameworkIndexRow {
  id: string;
  title: string;
  status: FrameworkItemStatus;
  severity: FrameworkSeverity;
  sections: { title: string; anchor?: string; implied?: ImpliedBy }[];
  /** Only for an item explained (not disclosed): the reason, and the id it was carried from when implied. */
  explanation?: string;
  explanationImplied?: ImpliedBy;
}

export interface FrameworkIndex {
  framework: string;
  title: string;
  version?: string;
  fyStart: string;
  severity: FrameworkSeverity;
  reason: string;
  rows: FrameworkIndexRow[];
}

/** The rows of a framework's content index; undefined for an unknown framework id. */
export function frameworkIndex(analysis: Analysis, framework: string): FrameworkIndex | undefined {
  const coverage = frameworkCoverageOf(analysis, framework, true);
  if (!coverage) return undefined;
  const rows: FrameworkIndexRow[] = coverage.items.map((item) => {
    // One entry per section: a section tagged directly and implied as well is listed once, as direct.
    const seen = new Set<string>();
    const sections: FrameworkIndexRow['sections'] = [];
    // An explained row gives its reason, not the sections a cross-map suggests.
    for (const p of item.status === 'explained' ? [] : item.places) {
      const key = p.anchor ?? p.label;
      if (seen.has(key)) continue;
      seen.add(key);
      // A KPI row is listed by the section its table stands in.
      const title = p.source === 'kpi' ? (sectionTitle(analysis.model, p.anchor) ?? p.label) : p.label;
      const entry: FrameworkIndexRow['sections'][number] = { title, anchor: p.anchor };
      if (p.implied) entry.implied = p.implied;
      sections.push(entry);
    }
    const row: FrameworkIndexRow = {
      id: item.id,
      title: item.title,
      status: item.status,
      severity: item.severity,
      sections,
    };
    if (item.status === 'explained' && item.explanation) {
      row.explanation = item.explanation.text;
      if (item.explanation.implied) row.explanationImplied = item.explanation.implied;
    }
    return row;
  });
  return {
    framework,
    title: coverage.title,
    version: coverage.version,
    fyStart: contextOf(analysis.model, analysis.options).reporting.fyStart,
    severity: coverage.severity,
    reason: coverage.reason,
    rows,
  };
}

function sectionTitle(doc: EsgDocument, anchor: string | undefined): string | undefined {
  if (!anchor) return undefined;
  return doc.sections.find((s) => s.heading.anchor === anchor)?.heading.title;
}

/** The Markdown table of a framework's index (GRI's with the columns its content index rules read). */
export function frameworkIndexMarkdown(analysis: Analysis, index: FrameworkIndex): string {
  const locale = analysis.locale;
  const nl = eol(analysis.model);
  const gri = index.framework === GRI_PACK;
  const header = [
    t(locale, gri ? 'fw.index.colDisclosure' : 'fw.index.colId'),
    t(locale, 'fw.index.colTitle'),
    t(locale, 'fw.index.colLocation'),
  ];
  if (gri) header.push(t(locale, 'fw.index.colOmission'));
  const rows = index.rows.map((r) => {
    const links = r.sections.map((s) => {
      const text = escapeCell(s.title).replace(/[[\]]/g, '');
      const link = s.anchor ? `[${text}](#${s.anchor})` : text;
      return s.implied
        ? `${link} ${t(locale, 'fw.index.implied', { name: SHORT_NAMES[s.implied.framework] ?? s.implied.framework, id: s.implied.id })}`
        : link;
    });
    const implied = r.explanationImplied
      ? ` ${t(locale, 'fw.index.implied', { name: SHORT_NAMES[r.explanationImplied.framework] ?? r.explanationImplied.framework, id: r.explanationImplied.id })}`
      : '';
    const explanation = r.explanation ? escapeCell(r.explanation.replace(/\s+/g, ' ')) + implied : '';
    let location = links.join(' ');
    // GRI keeps the omission in its own column; elsewhere the explanation stands where the location would.
    if (!location) location = gri && explanation ? '' : explanation || t(locale, 'fw.index.notReported');
    if (gri && !location && !explanation) location = t(locale, 'fw.index.notReported');
    const cells = [r.id, escapeCell(r.title), location];
    if (gri) cells.push(explanation);
    return cells;
  });
  return renderTable(header, rows, nl);
}

/** Where a framework's index table stands in the report: the one table under its heading class. */
export type IndexTableLocation = { table: number } | { none: true } | { several: number };

function underClass(doc: EsgDocument, section: Section | undefined, cls: string): boolean {
  for (let s = section; s; s = s.parent !== undefined ? doc.sections[s.parent] : undefined)
    if (s.heading.attrs?.classes.includes(cls)) return true;
  return false;
}

export function findFrameworkIndexTable(doc: EsgDocument, framework: string): IndexTableLocation {
  let tables: number[];
  if (framework === HKEX_FRAMEWORK_ID) tables = doc.indexTables.map((i) => i.table);
  else if (framework === GRI_PACK) tables = griIndexTables(doc).map((i) => i.table);
  else {
    const cls = INDEX_CLASSES[framework];
    tables = doc.tables
      .filter((tb) => tb.section !== undefined && cls !== undefined && underClass(doc, doc.sections[tb.section], cls))
      .map((tb) => tb.index);
  }
  const unique = [...new Set(tables)];
  if (unique.length === 0) return { none: true };
  if (unique.length > 1) return { several: unique.length };
  return { table: unique[0] };
}

export type FrameworkIndexEdit =
  | { ok: true; edit: TextEdit; replaced: boolean; markdown: string }
  | { ok: false; reason: 'unknown-framework' | 'no-table' | 'several-tables'; tables?: number };

/**
 * The edit that writes a framework's index into the report: the existing table replaced (only its
 * lines), or, with `insert`, a new section at the end when there is none; only the rows the report
 * addresses (disclosed, implied, explained). The HKEX Code's table is the
 * one the editor's 'Generate the HKEX index table' writes (indexTable.ts).
 */
export function frameworkIndexEdit(analysis: Analysis, framework: string, insert: boolean): FrameworkIndexEdit {
  const doc = analysis.model;
  const found = findFrameworkIndexTable(doc, framework);
  if ('several' in found) return { ok: false, reason: 'several-tables', tables: found.several };
  if (framework === HKEX_FRAMEWORK_ID) {
    if ('none' in found && !insert) return { ok: false, reason: 'no-table' };
    const built = buildIndexTable(analysis);
    return { ok: true, edit: built.edit, replaced: built.replaced, markdown: built.markdown };
  }
  const index = frameworkIndex(analysis, framework);
  if (!index) return { ok: false, reason: 'unknown-framework' };
  // The report's own index lists what it addresses: a 'not reported' row would claim an omission
  // without a reason (gri/omission-reason). The printed index keeps every row.
  // Nor does another framework's explanation give this one's reason (an HKEX 'not applicable' is no GRI reason).
  const addressed = index.rows.filter(
    (r) => r.status === 'disclosed' || r.status === 'implied' || (r.status === 'explained' && !r.explanationImplied),
  );
  const table = frameworkIndexMarkdown(analysis, { ...index, rows: addressed });
  if ('table' in found) {
    const range: Range = doc.tables[found.table].range;
    return { ok: true, edit: { range, newText: table }, replaced: true, markdown: table };
  }
  if (!insert) return { ok: false, reason: 'no-table' };
  const nl = eol(doc);
  const end = endOfDocument(doc);
  const lead = lineText(doc, end.line).trim() === '' ? nl : nl + nl;
  const cls = INDEX_CLASSES[framework] ?? `${framework}-index`;
  const heading = t(analysis.locale, 'fw.index.heading', { name: SHORT_NAMES[framework] ?? framework });
  const markdown = `## ${heading} {#${cls} .${cls}}${nl}${nl}${table}${nl}`;
  return { ok: true, edit: { range: { start: end, end }, newText: lead + markdown }, replaced: false, markdown };
}
