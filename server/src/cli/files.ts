// Finding and reading the reports named on the command line.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

export const REPORT_SUFFIX = '.esg.md';

export interface InputFile {
  /** Path as shown to the user: as given, or the folder as given joined with the relative path. */
  display: string;
  absolute: string;
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

function walk(folderDisplay: string, folderAbsolute: string, found: InputFile[]): void {
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
      if (!isSkippedFolder(entry.name)) walk(display, absolute, found);
      continue;
    }
    if (!entry.name.endsWith(REPORT_SUFFIX)) continue;
    if (entry.isFile()) {
      found.push({ display, absolute });
    } else if (entry.isSymbolicLink()) {
      // Follow links to files but never links to folders (they can form cycles).
      try {
        if (statSync(absolute).isFile()) found.push({ display, absolute });
      } catch {
        // A dangling link is not a report.
      }
    }
  }
}

/**
 * Expands the inputs into report files: a folder gives its `*.esg.md` files (recursively, sorted,
 * skipping node_modules and dot-folders); a file is taken whatever its extension. Files reached twice
 * are checked once. Throws UsageError for a path that does not exist.
 */
export function collectInputs(inputs: readonly string[], cwd: string = process.cwd()): InputFile[] {
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
    const found: InputFile[] = [];
    if (isDirectory) walk(input, absolute, found);
    else found.push({ display: input, absolute });
    for (const file of found) {
      if (seen.has(file.absolute)) continue;
      seen.add(file.absolute);
      result.push(file);
    }
  }
  return result;
}

const utf8 = new TextDecoder('utf-8');

/** Reads a report as UTF-8 without a leading byte order mark (positions then match editors). */
export function readReport(file: InputFile): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.absolute);
  } catch (error) {
    throw new UsageError(`cannot read ${file.display}: ${describeError(error)}`);
  }
  // TextDecoder strips a UTF-8 BOM by default; the replace also covers a BOM that survived as U+FEFF.
  return utf8.decode(bytes).replace(/^\uFEFF/, '');
}
