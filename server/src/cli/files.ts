// Finding and reading the reports named on the command line. Every read goes through the gate of
// host/workspace.ts: regular files only, under the size limit, inside the input's workspace.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './args';
import { NodeWorkspace } from '../host/workspace';
import type { DecodedText } from '../engine';

export const REPORT_SUFFIX = '.esg.md';

export interface InputFile {
  /** Path as shown to the user: as given, or the folder as given joined with the relative path. */
  display: string;
  absolute: string;
  /** The folder this report and its chapters may be read from (absolute). */
  workspace: string;
  /**
   * The highest folder searched for `.esgmark.yaml` (absolute): `--workspace` when given, else the
   * working directory when the report lies inside it (the repository esgmark runs in), else `workspace`.
   */
  configRoot: string;
}

function isInsideFolder(child: string, folder: string): boolean {
  const relative = path.relative(folder, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Code-point order, independent of the machine's locale, so the output is the same everywhere. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function walk(
  folderDisplay: string,
  folderAbsolute: string,
  workspace: string,
  found: Omit<InputFile, 'configRoot'>[],
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folderAbsolute, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read folder ${folderDisplay}: ${describeError(error)}`);
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    const display = path.join(folderDisplay, entry.name);
    const absolute = path.join(folderAbsolute, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) walk(display, absolute, workspace, found);
      continue;
    }
    if (!entry.name.endsWith(REPORT_SUFFIX)) continue;
    if (entry.isFile()) {
      found.push({ display, absolute, workspace });
    } else if (entry.isSymbolicLink()) {
      // Follow links to files but never links to folders (they can form cycles).
      try {
        if (statSync(absolute).isFile()) found.push({ display, absolute, workspace });
      } catch {
        // A dangling link is not a report.
      }
    }
  }
}

/**
 * Expands the inputs into report files: a folder gives its `*.esg.md` files (recursively, sorted,
 * skipping node_modules and dot-folders); a file is taken whatever its extension. Files reached twice
 * are checked once. Throws UsageError for a path that does not exist. A report's workspace is
 * `workspace` when given, else the folder given, else the report's own folder.
 */
export function collectInputs(inputs: readonly string[], cwd: string = process.cwd(), workspace?: string): InputFile[] {
  let workspaceAbsolute: string | undefined;
  if (workspace !== undefined) {
    workspaceAbsolute = path.resolve(cwd, workspace);
    let isFolder: boolean;
    try {
      isFolder = statSync(workspaceAbsolute).isDirectory();
    } catch (error) {
      throw new UsageError(`cannot use --workspace ${workspace}: ${describeError(error)}`);
    }
    if (!isFolder) throw new UsageError(`cannot use --workspace ${workspace}: not a folder`);
  }
  const result: InputFile[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      throw new UsageError(`cannot read ${input}: ${describeError(error)}`);
    }
    const found: Omit<InputFile, 'configRoot'>[] = [];
    if (isDirectory) walk(input, absolute, workspaceAbsolute ?? absolute, found);
    else found.push({ display: input, absolute, workspace: workspaceAbsolute ?? path.dirname(absolute) });
    for (const file of found) {
      if (seen.has(file.absolute)) continue;
      seen.add(file.absolute);
      const configRoot = workspaceAbsolute ?? (isInsideFolder(file.absolute, cwd) ? cwd : file.workspace);
      result.push({ ...file, configRoot });
    }
  }
  return result;
}

/** The gate a report's files are read through: its workspace folder. */
export function workspaceOf(file: InputFile, openText?: (uri: string) => string | undefined): NodeWorkspace {
  return new NodeWorkspace({ folders: [file.workspace], openText });
}

/** The gate the project file is searched through: from the report's folder up to `configRoot`. */
export function configWorkspaceOf(file: InputFile): NodeWorkspace {
  return new NodeWorkspace({ folders: [file.configRoot] });
}

/**
 * A report's text through the gate, without a byte order mark, and how it was decoded (UTF-16 too).
 * A file over the size limit is not read: `tooLarge` gives its size, for the one diagnostic it gets.
 */
export function readReport(
  file: InputFile,
  workspace: NodeWorkspace = workspaceOf(file),
): { uri: string; text: string; decoded: Omit<DecodedText, 'text'>; tooLarge?: { size: number; limit: number } } {
  const uri = pathToFileURL(file.absolute).href;
  const read = workspace.read(uri);
  if (!read.ok && read.refusal === 'too-large') {
    let size = Number.NaN;
    try {
      size = statSync(file.absolute).size;
    } catch {
      // Gone since: the size stays unknown.
    }
    return { uri, text: '', decoded: { encoding: 'utf-8', bom: false }, tooLarge: { size, limit: workspace.maxBytes } };
  }
  if (!read.ok) {
    const why: Record<typeof read.refusal, string> = {
      'not-found': 'no such file or directory',
      'not-a-file': `not a regular file (${read.detail ?? ''})`,
      'outside-workspace': `outside the workspace ${workspace.roots.join(', ')} (${read.detail ?? ''}); use --workspace to widen it`,
      'too-large': `larger than the limit of ${workspace.maxBytes} bytes (${read.detail ?? ''})`,
      unreadable: read.detail ?? 'unreadable',
      'not-a-path': 'not a file path',
    };
    throw new UsageError(`cannot read ${file.display}: ${why[read.refusal]}`);
  }
  return { uri, text: read.text, decoded: read.decoded };
}
