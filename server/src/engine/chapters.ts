// The chapters of a multi-file report, as a graph checked before anything is read: every entry of
// `esg.chapters` is resolved and read through the injected workspace's gate, and each entry that
// cannot be part of the report (refused by the gate, the root itself, listed twice, a cycle, a
// chapter with chapters of its own, past a limit) becomes one problem at the entry that named it.
// The report is then the root and the chapters that were accepted.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { LIMITS } from './limits';
import type { Position, Range } from './types';
import type { FileRead, ReadRefusal, ReportWorkspace } from './workspace';
import type { DecodedText } from './text/decode';
import { frontMatterBlock } from './frontmatterFence';

export interface ChapterEntry {
  /** The path as written. */
  reference: string;
  /** Where it is written in the root (the list item). */
  range: Range;
}

export type ChapterProblemKind =
  ReadRefusal | 'self' | 'duplicate' | 'cycle' | 'nested-root' | 'too-many' | 'report-too-large';

export interface ChapterProblem {
  kind: ChapterProblemKind;
  range: Range;
  args: Record<string, string | number>;
}

export interface LoadedChapter {
  uri: string;
  text: string;
  decoded: Omit<DecodedText, 'text'>;
}

export interface LoadedChapters {
  chapters: LoadedChapter[];
  problems: ChapterProblem[];
}

/**
 * The `esg:` map of a report's front matter and a way to place a YAML offset in the report, or
 * undefined when the front matter is absent, is not YAML, or does not contain `word` (a cheap test
 * first: most reports list neither chapters nor links). Shared by the chapter and the link readers.
 */
export function esgFrontMatter(
  text: string,
  word: string,
): { esg: YAMLMap; position: (offset: number) => Position } | undefined {
  const block = frontMatterBlock(text.length > LIMITS.maxReportChars ? text.slice(0, LIMITS.maxReportChars) : text);
  const yamlSource = block ? text.slice(block.yamlStart, block.yamlEnd) : '';
  if (!block || !yamlSource.includes(word)) return undefined;
  // The YAML parser counts lines at LF only: a CR-only file's breaks become LF (same length).
  const yamlText = yamlSource.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  let esg: unknown;
  try {
    const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length) return undefined;
    const top = doc.contents;
    esg = isMap(top) ? top.get('esg', true) : undefined;
  } catch {
    // A front matter too deeply nested for the YAML parser: the front-matter rule reports it.
    return undefined;
  }
  if (!isMap(esg)) return undefined;
  // linePos is 1-based within the YAML, whose first line is the report's line 1 (0-based, after `---`).
  const position = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, character: p.col - 1 };
  };
  return { esg, position };
}

/**
 * The entries of `esg.chapters` with their ranges in the root, or [] when there are none (or the
 * front matter is not YAML: the front-matter rule reports that). Cheap when the word is absent.
 */
export function chapterEntries(rootText: string): ChapterEntry[] {
  const front = esgFrontMatter(rootText, 'chapters');
  if (!front) return [];
  const list = front.esg.get('chapters', true);
  if (!isSeq(list)) return [];
  const position = front.position;
  const entries: ChapterEntry[] = [];
  for (const item of list.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
    const start = position(item.range[0]);
    const end = position(item.range[1]);
    entries.push({ reference: item.value, range: { start, end } });
  }
  return entries;
}

/**
 * The files a root lists as its chapters, as uris resolved through the workspace (nothing is read; the
 * root itself and entries that are no file path are left out). The one way the server and the CLI
 * find chapters, so that both agree on which files belong to a report.
 */
export function chapterUris(
  root: { uri: string; text: string },
  workspace: Pick<ReportWorkspace, 'resolve'>,
): string[] {
  const uris: string[] = [];
  for (const entry of chapterEntries(root.text)) {
    const uri = workspace.resolve(root.uri, entry.reference);
    if (uri && uri !== root.uri) uris.push(uri);
  }
  return uris;
}

function refusalArgs(read: Extract<FileRead, { ok: false }>, entry: ChapterEntry): Record<string, string | number> {
  return {
    path: entry.reference,
    detail: read.detail ?? '',
    limit: `${Math.round(LIMITS.maxFileBytes / 1024 / 1024)} MiB`,
  };
}

function lineOf(range: Range): number {
  return range.start.line + 1;
}

/**
 * Resolves, reads and checks the chapters a root lists. Reads nothing outside the workspace's gate;
 * reads each accepted chapter once, and the entries past a limit not at all.
 */
export function loadChapters(
  root: { uri: string; text: string },
  workspace: ReportWorkspace,
  entries: ChapterEntry[] = chapterEntries(root.text),
): LoadedChapters {
  const chapters: LoadedChapter[] = [];
  const problems: ChapterProblem[] = [];
  const firstEntry = new Map<string, ChapterEntry>();
  const repeats = new Map<string, { count: number; second: ChapterEntry }>();
  let total = root.text.length;
  let distinct = 0;
  for (const entry of entries) {
    const uri = workspace.resolve(root.uri, entry.reference);
    if (!uri) {
      problems.push({ kind: 'not-a-path', range: entry.range, args: { path: entry.reference, detail: '', limit: '' } });
      continue;
    }
    if (uri === root.uri) {
      problems.push({ kind: 'self', range: entry.range, args: { path: entry.reference } });
      continue;
    }
    const first = firstEntry.get(uri);
    if (first) {
      const repeat = repeats.get(uri);
      if (repeat) repeat.count++;
      else repeats.set(uri, { count: 2, second: entry });
      continue;
    }
    firstEntry.set(uri, entry);
    if (++distinct > LIMITS.maxChapters) {
      problems.push({
        kind: 'too-many',
        range: entry.range,
        args: { count: entries.length, limit: LIMITS.maxChapters },
      });
      break;
    }
    const read = workspace.read(uri);
    if (!read.ok) {
      problems.push({ kind: read.refusal, range: entry.range, args: refusalArgs(read, entry) });
      continue;
    }
    // One blank line joins each file to the next (project.ts), hence the 2.
    if (total + read.text.length + 2 > LIMITS.maxReportChars) {
      problems.push({
        kind: 'report-too-large',
        range: entry.range,
        args: { path: entry.reference, limit: `${Math.round(LIMITS.maxReportChars / 1024 / 1024)} Mi` },
      });
      break;
    }
    // A chapter is a part of one report. One that lists chapters itself is another report's root:
    // including it would include its front matter's promises without its chapters, and a root listed
    // by its own chapter would make the report contain itself.
    const own = chapterEntries(read.text);
    if (own.length) {
      const listsRoot = own.some((c) => workspace.resolve(uri, c.reference) === root.uri);
      problems.push({
        kind: listsRoot ? 'cycle' : 'nested-root',
        range: entry.range,
        args: { path: entry.reference, count: own.length },
      });
      continue;
    }
    total += read.text.length + 2;
    chapters.push({ uri, text: read.text, decoded: read.decoded });
  }
  for (const [uri, repeat] of repeats) {
    const first = firstEntry.get(uri)!;
    problems.push({
      kind: 'duplicate',
      range: repeat.second.range,
      args: { path: repeat.second.reference, count: repeat.count, line: lineOf(first.range) },
    });
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { chapters, problems };
}
