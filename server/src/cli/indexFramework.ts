// `esgmark index <file> --framework <id>`: one framework's content index for a report, computed by the
// engine (frameworkIndex), formatted here as Markdown, JSON or CSV; `--write` replaces the report's
// own index table for that framework (only that table's lines; every other byte stays), through the
// same workspace gate and stale-text check as `check --fix`.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import {
  applyTextEdits,
  csvField,
  frameworkIndex,
  frameworkIndexEdit,
  frameworkIndexMarkdown,
  neutralizeFormula,
  offsetAt,
  splitLines,
  type Analysis,
  type FrameworkIndex,
  type ProjectAnalysis,
} from '../engine';
import { readReport, workspaceOf, type InputFile } from './files';
import { writeFix, type FileFix } from './fix';

/** The index as JSON: the framework, its version and severity for the year, then one object per item. */
export function indexJson(index: FrameworkIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}

/** 'Title (implied by HKEX D28(a))' for one section of a row, in CSV. */
function sectionText(s: FrameworkIndex['rows'][number]['sections'][number]): string {
  const where = s.anchor ? `${s.title} (#${s.anchor})` : s.title;
  return s.implied ? `${where} [implied by ${s.implied.framework} ${s.implied.id}]` : where;
}

/** RFC 4180 with a byte order mark and CRLF, as `esgmark kpis` writes it, so Excel reads Chinese titles. */
export function indexCsv(index: FrameworkIndex): string {
  const line = (cells: string[]) => cells.map((c) => csvField(neutralizeFormula(c))).join(',');
  const lines = [line(['framework', 'id', 'title', 'status', 'severity', 'sections', 'explanation'])];
  for (const r of index.rows)
    lines.push(
      line([
        index.framework,
        r.id,
        r.title,
        r.status,
        r.severity,
        r.sections.map(sectionText).join('; '),
        r.explanation?.replace(/\s+/g, ' ') ?? '',
      ]),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function indexOutput(analysis: Analysis, framework: string, format: 'markdown' | 'json' | 'csv'): string {
  const index = frameworkIndex(analysis, framework);
  if (!index) return '';
  if (format === 'json') return indexJson(index);
  if (format === 'csv') return indexCsv(index);
  const table = frameworkIndexMarkdown(analysis, index);
  return table.endsWith('\n') ? table : `${table}\n`;
}

export type WriteOutcome = { ok: true; display: string; replaced: boolean } | { ok: false; message: string };

/** Plans and writes the framework's index table into the report (or the chapter that holds the table). */
export function writeFrameworkIndex(
  file: InputFile,
  project: ProjectAnalysis,
  framework: string,
  insert: boolean,
  cwd: string,
): WriteOutcome {
  const analysis = project.analysis;
  const planned = frameworkIndexEdit(analysis, framework, insert);
  if (!planned.ok) {
    if (planned.reason === 'several-tables')
      return {
        ok: false,
        message: `the ${framework} index spans ${planned.tables} tables; --write replaces one table: merge them first`,
      };
    if (planned.reason === 'no-table')
      return {
        ok: false,
        message: `the report has no ${framework} index table to update (a table under its heading class); add --insert to append one`,
      };
    return { ok: false, message: `unknown framework ${framework}` };
  }
  const doc = analysis.model;
  const mapped =
    project.parts.length > 1 ? project.mapRange(planned.edit.range) : { uri: doc.uri, range: planned.edit.range };
  const workspace = workspaceOf(file);
  const root = readReport(file, workspace);
  const read =
    mapped.uri === root.uri
      ? { ok: true as const, text: root.text, decoded: root.decoded }
      : workspace.read(mapped.uri);
  const absolute = fileURLToPath(mapped.uri);
  const display = mapped.uri === root.uri ? file.display : path.relative(cwd, absolute) || absolute;
  if (!read.ok) return { ok: false, message: `${display}: cannot read it again (${read.refusal})` };
  if (read.decoded.encoding !== 'utf-8' || read.decoded.invalidAt !== undefined)
    return { ok: false, message: `${display}: not written: the file is not clean UTF-8` };
  // The text under the edit must be the text the analysis saw there (the file did not change since).
  const expected = doc.text.slice(
    offsetAt(doc.lineStarts, planned.edit.range.start),
    offsetAt(doc.lineStarts, planned.edit.range.end),
  );
  const starts = splitLines(read.text).starts;
  const now = read.text.slice(offsetAt(starts, mapped.range.start), offsetAt(starts, mapped.range.end));
  if (now !== expected) return { ok: false, message: `${display}: not written: its text differs from what was read` };
  const edits = [{ range: mapped.range, newText: planned.edit.newText }];
  const fix: FileFix = {
    display,
    absolute,
    uri: mapped.uri,
    before: read.text,
    after: applyTextEdits(read.text, edits),
    edits,
    resolved: 0,
    bom: read.decoded.bom,
  };
  const refused = writeFix(fix, workspace);
  if (refused) return { ok: false, message: `${display}: not written: ${refused}` };
  return { ok: true, display, replaced: planned.replaced };
}
