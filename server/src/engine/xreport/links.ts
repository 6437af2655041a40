// Links between reports: `esg.translations` (the other language versions of the same report) and
// `esg.previous` (last year's report). Each entry is resolved relative to the report and read through
// the injected workspace's gate, like a chapter; an entry that cannot be followed becomes one problem
// at the entry that named it, and the report is otherwise checked as before.
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { esgFrontMatter } from '../chapters';
import { LIMITS } from '../limits';
import type { Range } from '../types';
import type { ReadRefusal, ReportWorkspace } from '../workspace';
import type { DecodedText } from '../text/decode';
import type { ProjectAnalysis } from '../analysis';

export type LinkKind = 'translation' | 'previous';

export interface LinkEntry {
  kind: LinkKind;
  /** The path as written. */
  reference: string;
  /** Where it is written in the report (the list item or the value). */
  range: Range;
}

export type LinkProblemKind =
  ReadRefusal | 'self' | 'duplicate' | 'both' | 'cycle' | 'too-many' | 'period' | 'not-earlier' | 'not-a-report';

export interface LinkProblem {
  kind: LinkProblemKind;
  link: LinkKind;
  range: Range;
  args: Record<string, string | number>;
}

export interface LinkedFile {
  kind: LinkKind;
  entry: LinkEntry;
  uri: string;
  text: string;
  decoded: Omit<DecodedText, 'text'>;
  /** The analysis kept from an earlier read, when the file has not changed since (it was not read again). */
  kept?: ProjectAnalysis;
}

/** At most this many translations are followed (a report has two or three language versions). */
export const MAX_TRANSLATIONS = 4;

/** Whether a text may link other reports: the cheap test run before any YAML is parsed. */
export function mayLink(text: string): boolean {
  const head = text.slice(0, 16384);
  return /^[ \t]*(?:translations|previous)[ \t]*:/m.test(head);
}

/**
 * The entries of `esg.translations` and `esg.previous` with their ranges in the report, or [] when
 * there are none (or the front matter is not YAML: the front-matter rule reports that).
 */
export function linkEntries(text: string): LinkEntry[] {
  if (!mayLink(text)) return [];
  const front = esgFrontMatter(text, 'esg');
  if (!front) return [];
  const { esg, position } = front;
  const entryOf = (kind: LinkKind, node: YamlNode | undefined): LinkEntry | undefined => {
    if (!node || !isScalar(node) || typeof node.value !== 'string' || node.value === '' || !node.range)
      return undefined;
    return { kind, reference: node.value, range: { start: position(node.range[0]), end: position(node.range[1]) } };
  };
  const entries: LinkEntry[] = [];
  const translations = esg.get('translations', true) as YamlNode | undefined;
  if (isSeq(translations)) {
    for (const item of translations.items) {
      const e = entryOf('translation', item as YamlNode);
      if (e) entries.push(e);
    }
  }
  const previous = entryOf('previous', esg.get('previous', true) as YamlNode | undefined);
  if (previous) entries.push(previous);
  return entries;
}

/**
 * Resolves and reads the reports a report links. Reads nothing outside the workspace's gate; reads
 * each linked file once. Circular links are those whose target names this report as its own
 * `previous` (a previous year whose previous year is this one), or that name the same file both as a
 * translation and as the previous year.
 */
export function loadLinks(
  root: { uri: string; text: string },
  workspace: ReportWorkspace,
  entries: LinkEntry[] = linkEntries(root.text),
  /** An analysis kept of a linked report that has not changed since: the file is then not read again. */
  kept: (uri: string) => ProjectAnalysis | undefined = () => undefined,
): { files: LinkedFile[]; problems: LinkProblem[] } {
  const files: LinkedFile[] = [];
  const problems: LinkProblem[] = [];
  const seen = new Map<string, LinkEntry>();
  let translations = 0;
  let tooMany = false;
  const repeats = new Map<string, { count: number; second: LinkEntry; line: number }>();
  for (const entry of entries) {
    // Past the limit, the translations are not looked at (one diagnostic says so); `previous` still is.
    if (tooMany && entry.kind === 'translation') continue;
    const problem = (kind: LinkProblemKind, args: Record<string, string | number> = {}) =>
      problems.push({ kind, link: entry.kind, range: entry.range, args: { path: entry.reference, ...args } });
    const uri = workspace.resolve(root.uri, entry.reference);
    if (!uri) {
      problem('not-a-path', { detail: '' });
      continue;
    }
    if (uri === root.uri) {
      problem('self');
      continue;
    }
    const first = seen.get(uri);
    if (first) {
      if (first.kind !== entry.kind) problem('both', { line: first.range.start.line + 1 });
      else {
        // One diagnostic per repeated path, at its second entry, with the count.
        const repeat = repeats.get(uri);
        if (repeat) repeat.count++;
        else repeats.set(uri, { count: 2, second: entry, line: first.range.start.line + 1 });
      }
      continue;
    }
    seen.set(uri, entry);
    if (entry.kind === 'translation' && ++translations > MAX_TRANSLATIONS) {
      problem('too-many', { limit: MAX_TRANSLATIONS });
      tooMany = true;
      continue;
    }
    const reused = kept(uri);
    // The kept analysis's text starts with the file's own front matter: enough for the cycle check.
    const read = reused
      ? ({ ok: true, uri, text: reused.analysis.model.text, decoded: { encoding: 'utf-8', bom: false } } as const)
      : workspace.read(uri);
    if (!read.ok) {
      problem(read.refusal, {
        detail: read.detail ?? '',
        limit: `${Math.round(LIMITS.maxFileBytes / 1024 / 1024)} MiB`,
      });
      continue;
    }
    if (entry.kind === 'previous') {
      // Last year's report must not name this one as its own previous year.
      const back = linkEntries(read.text).find((e) => e.kind === 'previous');
      if (back && workspace.resolve(uri, back.reference) === root.uri) {
        problem('cycle', { line: entry.range.start.line + 1 });
        continue;
      }
    }
    files.push({
      kind: entry.kind,
      entry,
      uri,
      text: read.text,
      decoded: read.decoded,
      ...(reused ? { kept: reused } : {}),
    });
  }
  for (const { count, second, line } of repeats.values()) {
    problems.push({
      kind: 'duplicate',
      link: second.kind,
      range: second.range,
      args: { path: second.reference, count, line },
    });
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { files, problems };
}
