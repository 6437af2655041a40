// Multi-file reports: a root `*.esg.md` whose front matter lists its chapters (`esg.chapters`).
// As Pandoc does with several input files, the report is the concatenation of the root and its
// chapters (a blank line between files); it is analysed as one document, and every range is mapped
// back to the file and line it came from. A chapter's own front matter is blanked out (same number of
// lines) so that line numbers inside each file are unchanged.
import { analyze } from './analyze';
import type { AnalysisOptions, Diagnostic, Position, Range, RelatedLocation, TextEdit } from './types';
import { splitLines } from './parser/lines';
import { chapterEntries, loadChapters, type ChapterProblem } from './chapters';
import type { ReportWorkspace } from './workspace';
import type { DecodedText } from './text/decode';
import { chapterDiagnostics } from './rules/esg/chapters';
import { encodingDiagnostics } from './rules/esg/encoding';
import type { SuppressedDiagnostic } from './rules/esg/suppression';
import { frontMatterBlock } from './frontmatterFence';

export interface ProjectFile {
  uri: string;
  text: string;
  /** How the file's bytes were decoded, where it was read from disk (an open document has none). */
  decoded?: Omit<DecodedText, 'text'>;
}

import type { ProjectAnalysis, ProjectPart } from './analysis';

export type { ProjectAnalysis, ProjectPart } from './analysis';

/** The chapter paths a root's front matter lists, as written, or [] (cheap: YAML of the front matter only). */
export function chaptersOf(rootText: string): string[] {
  return chapterEntries(rootText).map((e) => e.reference);
}

/** What loading a report's files found, besides their texts: said as diagnostics of the files. */
export interface LoadNotes {
  /** Chapter entries that were not included, at their place in the root. */
  problems: readonly ChapterProblem[];
}

/** Blanks a chapter's front matter (keeping its line count) so the root's is the report's. */
function withoutFrontMatter(text: string): string {
  const block = frontMatterBlock(text);
  if (!block) return text.replace(/^\uFEFF/, '');
  return '\n'.repeat(block.closingLine) + text.slice(block.end);
}

/**
 * Analyses a multi-file report as one document. With `previous`, the project's analysis before an edit,
 * the concatenated text's analysis is derived from it where the edit allows (see `analyze`).
 */
export function analyzeProject(
  root: ProjectFile,
  chapters: ProjectFile[],
  options: AnalysisOptions = {},
  previous?: ProjectAnalysis,
  notes: LoadNotes = { problems: [] },
): ProjectAnalysis {
  const parts: ProjectPart[] = [];
  const texts: string[] = [];
  let line = 0;
  [root, ...chapters].forEach((file, i) => {
    const text = i === 0 ? file.text : withoutFrontMatter(file.text);
    const lines = splitLines(text).texts;
    const count = lines.length;
    parts.push({ uri: file.uri, firstLine: line, lineCount: count, lastLineLength: lines[count - 1].length });
    texts.push(text);
    // One blank line between files, as Pandoc separates several inputs.
    line += count + 1;
  });
  const analysis = analyze({ uri: root.uri, text: texts.join('\n\n') }, options, previous?.analysis);

  const partAt = (l: number): ProjectPart => {
    let found = parts[0];
    for (const p of parts) if (p.firstLine <= l) found = p;
    return found;
  };
  const toFile = (p: Position) => {
    const part = partAt(p.line);
    const local = p.line - part.firstLine;
    // The blank separator line after a file maps to the end of that file.
    if (local >= part.lineCount)
      return { uri: part.uri, position: { line: part.lineCount - 1, character: part.lastLineLength } };
    return { uri: part.uri, position: { line: Math.max(0, local), character: p.character } };
  };
  const mapRange = (r: Range) => {
    const start = toFile(r.start);
    let end = toFile(r.end);
    // A range never crosses into the next file: clamp it to the end of its start's file.
    if (end.uri !== start.uri) end = { uri: start.uri, position: start.position };
    return { uri: start.uri, range: { start: start.position, end: end.position } };
  };
  const diagnostics = new Map<string, Diagnostic[]>(parts.map((p) => [p.uri, []]));
  for (const d of analysis.diagnostics) {
    const mapped = mapRange(d.range);
    const related: RelatedLocation[] | undefined = d.related?.map((r) => {
      const m = mapRange(r.range);
      return { uri: m.uri, range: m.range, message: r.message };
    });
    diagnostics.get(mapped.uri)!.push({ ...d, uri: mapped.uri, range: mapped.range, related });
  }
  const suppressed = new Map<string, SuppressedDiagnostic[]>(parts.map((p) => [p.uri, []]));
  for (const d of analysis.suppressed) {
    const mapped = mapRange(d.range);
    suppressed.get(mapped.uri)!.push({
      ...d,
      uri: mapped.uri,
      range: mapped.range,
      suppressedBy: mapRange(d.suppressedBy).range,
      related: undefined,
    });
  }
  // What loading found is in each file's own lines already.
  const fileNotes: Diagnostic[] = chapterDiagnostics(root.uri, notes.problems, analysis.locale, options);
  for (const file of [root, ...chapters])
    if (file.decoded)
      fileNotes.push(...encodingDiagnostics(file.uri, file.text, file.decoded, analysis.locale, options));
  for (const d of fileNotes) {
    const list = diagnostics.get(d.uri);
    if (!list) continue;
    list.push(d);
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return {
    analysis,
    parts,
    diagnostics,
    suppressed,
    toFile,
    fromFile: (uri, p) => {
      const part = parts.find((x) => x.uri === uri);
      return part ? { line: part.firstLine + p.line, character: p.character } : undefined;
    },
    mapRange,
    mapEdits: (edits) => {
      const out: Record<string, TextEdit[]> = {};
      for (const e of edits) {
        const m = mapRange(e.range);
        (out[m.uri] ??= []).push({ range: m.range, newText: e.newText });
      }
      return out;
    },
  };
}

/**
 * A report read through a workspace: the root with the chapters it lists that the workspace's gate
 * accepts, analysed as one; the entries it refused are diagnostics at their place in the root.
 */
export function analyzeReport(
  root: ProjectFile,
  workspace: ReportWorkspace,
  options: AnalysisOptions = {},
  previous?: ProjectAnalysis,
): ProjectAnalysis {
  const loaded = loadChapters(root, workspace);
  return analyzeProject(root, loaded.chapters, options, previous, loaded);
}
