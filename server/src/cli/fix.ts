// `esgmark check --fix` and `--fix-dry-run`: every safe fix of a report (engine getFixAll, the same
// function the editor's fix-all calls) applied in one pass. Files are written only through the
// workspace gate (host/workspace.ts), only inside the report's workspace, only when they still hold
// the bytes that were read, and only when they are UTF-8 that decoded cleanly (anything else would
// change bytes the fix does not touch).
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import {
  applyTextEdits,
  getFixAll,
  analyzeReport,
  splitLines,
  offsetAt,
  type AnalysisOptions,
  type TextEdit,
} from '../engine';
import { readReport, workspaceOf, type InputFile } from './files';
import type { NodeWorkspace } from '../host/workspace';

export interface FileFix {
  display: string;
  absolute: string;
  uri: string;
  before: string;
  after: string;
  edits: TextEdit[];
  /** Findings the fixes of this file resolve. */
  resolved: number;
  /** Why the file was left as it was, when it was. */
  skipped?: string;
  /** The file began with a byte order mark (written back with it). */
  bom: boolean;
}

function sliceOf(text: string, starts: number[], range: TextEdit['range']): string {
  return text.slice(offsetAt(starts, range.start), offsetAt(starts, range.end));
}

/** The safe fixes of one input (a report, or a root with its chapters), per file; nothing is written. */
export function planFixes(file: InputFile, options: AnalysisOptions, cwd: string): FileFix[] {
  const workspace = workspaceOf(file);
  const root = readReport(file, workspace);
  if (root.tooLarge) return [];
  const project = analyzeReport(root, workspace, options);
  const fix = getFixAll(project.analysis);
  if (fix.edits.length === 0) return [];
  const doc = project.analysis.model;
  // Each edit in its file's lines, with the text it replaces as the analysis saw it.
  const byUri = new Map<string, { edits: TextEdit[]; expected: string[]; resolved: number }>();
  for (const f of fix.fixes) {
    for (const e of f.edits) {
      const mapped = project.parts.length > 1 ? project.mapRange(e.range) : { uri: doc.uri, range: e.range };
      const entry = byUri.get(mapped.uri) ?? { edits: [], expected: [], resolved: 0 };
      entry.edits.push({ range: mapped.range, newText: e.newText });
      entry.expected.push(sliceOf(doc.text, doc.lineStarts, e.range));
      byUri.set(mapped.uri, entry);
    }
    const first = f.edits[0];
    if (first) {
      const uri = project.parts.length > 1 ? project.mapRange(first.range).uri : doc.uri;
      byUri.get(uri)!.resolved += f.diagnostics.length;
    }
  }
  const out: FileFix[] = [];
  for (const [uri, entry] of byUri) {
    const absolute = fileURLToPath(uri);
    const display = uri === root.uri ? file.display : path.relative(cwd, absolute) || absolute;
    const read = uri === root.uri ? { ok: true as const, text: root.text, decoded: root.decoded } : workspace.read(uri);
    const base = {
      display,
      absolute,
      uri,
      edits: entry.edits,
      resolved: entry.resolved,
      bom: read.ok && read.decoded.bom,
    };
    if (!read.ok) {
      out.push({ ...base, before: '', after: '', skipped: `cannot read it again (${read.refusal})` });
      continue;
    }
    if (read.decoded.encoding !== 'utf-8' || read.decoded.invalidAt !== undefined) {
      out.push({
        ...base,
        before: read.text,
        after: read.text,
        skipped:
          'not fixed: the file is not clean UTF-8 (esg/encoding), and rewriting it would change bytes no fix touches',
      });
      continue;
    }
    // A fix edits exactly what it says: the text under each edit is the text the analysis saw there.
    const starts = splitLines(read.text).starts;
    if (entry.edits.some((e, i) => sliceOf(read.text, starts, e.range) !== entry.expected[i])) {
      out.push({
        ...base,
        before: read.text,
        after: read.text,
        skipped: 'not fixed: its text differs from what was checked',
      });
      continue;
    }
    out.push({ ...base, before: read.text, after: applyTextEdits(read.text, entry.edits) });
  }
  return out;
}

/** Writes a planned fix through the gate; the error text when it was refused. */
export function writeFix(fix: FileFix, workspace: NodeWorkspace): string | undefined {
  const prefix = fix.bom ? '\uFEFF' : '';
  const result = workspace.write(fix.uri, Buffer.from(prefix + fix.after, 'utf8'), {
    expected: Buffer.from(prefix + fix.before, 'utf8'),
  });
  if (result.ok) return undefined;
  return `${result.refusal}${result.detail ? ` (${result.detail})` : ''}`;
}
