// The one gate for every file esgmark reads from disk, shared by the CLI and the language server.
// A report is untrusted input, and so is every path it names: a chapter may be a FIFO that blocks a
// read forever, /dev/zero that never ends, /proc/self/environ, a symlink to /etc, or `../../` out of
// the repository. The gate reads a file only if, after resolving symlinks, it lies inside one of the
// workspace's folders and is a regular file under the size limit; it opens without blocking and
// checks the opened file itself, so a path swapped for a FIFO after the check is refused too.
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  writeSync,
} from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LIMITS, decodeText, type FileRead, type ReadRefusal, type ReportWorkspace } from '../engine';

export interface NodeWorkspaceOptions {
  /** Absolute folders inside which files may be read. */
  folders: readonly string[];
  /** The texts of documents open in an editor: read instead of the disk (after the same checks of the path). */
  openText?: (uri: string) => string | undefined;
  /** Largest file read, in bytes (default LIMITS.maxFileBytes). */
  maxFileBytes?: number;
}

/** A file path from a `file:` uri, or undefined for any other uri. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function describe(code: string | undefined, fallback: string): { refusal: ReadRefusal; detail: string } {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { refusal: 'not-found', detail: 'no such file' };
    case 'EACCES':
    case 'EPERM':
      return { refusal: 'unreadable', detail: 'permission denied' };
    case 'ELOOP':
      return { refusal: 'unreadable', detail: 'too many levels of symbolic links' };
    case 'ENAMETOOLONG':
      return { refusal: 'not-a-path', detail: 'name too long' };
    case 'EISDIR':
      return { refusal: 'not-a-file', detail: 'a folder' };
    default:
      return { refusal: 'unreadable', detail: fallback };
  }
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** The real path of `p`; for a path that does not exist, its nearest existing ancestor's real path joined with the rest. */
function realOrNearest(p: string): string {
  let rest = '';
  let current = p;
  for (;;) {
    try {
      const real = realpathSync.native(current);
      return rest ? path.join(real, rest) : real;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return p;
      rest = rest ? path.join(path.basename(current), rest) : path.basename(current);
      current = parent;
    }
  }
}

function isInside(child: string, folder: string): boolean {
  if (child === folder) return true;
  const relative = path.relative(folder, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

const FILE_TYPES_TO_LIST = /\.(?:esg\.)?md$/i;

export class NodeWorkspace implements ReportWorkspace {
  private readonly folders: string[];
  private readonly maxFileBytes: number;

  constructor(private readonly options: NodeWorkspaceOptions) {
    // Compared after resolving symlinks on both sides (a workspace may itself be reached through one).
    this.folders = options.folders.map((f) => realOrNearest(path.resolve(f)));
    this.maxFileBytes = options.maxFileBytes ?? LIMITS.maxFileBytes;
  }

  /** The largest file read, in bytes. */
  get maxBytes(): number {
    return this.maxFileBytes;
  }

  /** The folders files may be read from, symlinks resolved. */
  get roots(): readonly string[] {
    return this.folders;
  }

  resolve(fromUri: string, reference: string): string | undefined {
    const from = pathOfUri(fromUri);
    if (!from || reference.trim() === '' || reference.includes('\0')) return undefined;
    // A URL (`https://…`, `file:…`) is not a chapter path; a Windows drive letter is.
    if (/^[a-z][a-z0-9+.-]+:/i.test(reference) && !/^[a-z]:[\\/]/i.test(reference)) return undefined;
    try {
      return pathToFileURL(path.resolve(path.dirname(from), reference)).href;
    } catch {
      return undefined;
    }
  }

  contains(uri: string): boolean {
    const p = pathOfUri(uri);
    if (!p) return false;
    const real = realOrNearest(p);
    return this.folders.some((f) => isInside(real, f));
  }

  /**
   * The real path of a file uri inside the workspace (symlinks resolved), or why not: the one check
   * every read, stamp and write starts with.
   */
  private inside(
    uri: string,
  ):
    | { ok: true; path: string; real: string }
    | { ok: false; refusal: 'not-a-path' | 'outside-workspace'; detail?: string } {
    const p = pathOfUri(uri);
    if (!p || p.includes('\0')) return { ok: false, refusal: 'not-a-path' };
    const real = realOrNearest(p);
    if (!this.folders.some((f) => isInside(real, f)))
      return { ok: false, refusal: 'outside-workspace', detail: real === p ? p : `${p} → ${real}` };
    return { ok: true, path: p, real };
  }

  read(uri: string, options: { maxBytes?: number } = {}): FileRead {
    const where = this.inside(uri);
    if (!where.ok) return { ok: false, uri, refusal: where.refusal, ...(where.detail ? { detail: where.detail } : {}) };
    const real = where.real;
    const open = this.options.openText?.(uri);
    if (open !== undefined) return { ok: true, uri, text: open, decoded: { encoding: 'utf-8', bom: false } };
    let fd: number;
    try {
      // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; O_NOCTTY: a terminal
      // device never becomes the controlling one. The opened file is checked below, not the path.
      fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, uri, ...describe(code, (error as Error).message) };
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, uri, refusal: 'not-a-file', detail: kindOf(stat) };
      if (stat.size > this.maxFileBytes) return { ok: false, uri, refusal: 'too-large', detail: `${stat.size} bytes` };
      const cap = Math.min(options.maxBytes ?? this.maxFileBytes, this.maxFileBytes);
      // Read to the end, never past the cap: some files (under /proc) say size 0 and still have content.
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const want = Math.min(64 * 1024, cap + 1 - total);
        if (want <= 0) break;
        const chunk = Buffer.allocUnsafe(want);
        const n = readSync(fd, chunk, 0, want, null);
        if (n === 0) break;
        chunks.push(n === want ? chunk : chunk.subarray(0, n));
        total += n;
      }
      if (total > cap && options.maxBytes === undefined)
        return { ok: false, uri, refusal: 'too-large', detail: `more than ${this.maxFileBytes} bytes` };
      const bytes = Buffer.concat(chunks, Math.min(total, cap));
      const { text, ...decoded } = decodeText(bytes);
      return { ok: true, uri, text, decoded };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // EAGAIN: a special file that slipped through would block; EISDIR on some systems.
      return { ok: false, uri, ...describe(code, (error as Error).message) };
    } finally {
      try {
        closeSync(fd);
      } catch {
        // Closing a descriptor we opened cannot fail in a way worth reporting.
      }
    }
  }

  stamp(uri: string): string | undefined {
    // An open document changes without touching the disk: never stamped (it is read from memory anyway).
    if (this.options.openText?.(uri) !== undefined) return undefined;
    const where = this.inside(uri);
    if (!where.ok) return undefined;
    try {
      const stat = statSync(where.real, { bigint: true });
      return stat.isFile() ? `${stat.size}:${stat.mtimeNs}:${stat.ino}` : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Rewrites an existing regular file inside the workspace (the only way esgmark writes a report: fix-all
   * from the command line). The same checks as `read` (symlinks resolved, regular file, size limit) apply;
   * with `expected`, the file is written only if it still holds exactly those bytes, so an edit made
   * since it was read is never overwritten. Never creates a file: `create` does that.
   */
  write(
    uri: string,
    bytes: Uint8Array,
    options: { expected?: Uint8Array } = {},
  ): { ok: true } | { ok: false; refusal: ReadRefusal | 'changed'; detail?: string } {
    const where = this.inside(uri);
    if (!where.ok) return where;
    const real = where.real;
    let fd: number;
    try {
      fd = openSync(real, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (error) {
      return { ok: false, ...describe((error as NodeJS.ErrnoException).code, (error as Error).message) };
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, refusal: 'not-a-file', detail: kindOf(stat) };
      if (stat.size > this.maxFileBytes || bytes.length > this.maxFileBytes)
        return { ok: false, refusal: 'too-large', detail: `${Math.max(stat.size, bytes.length)} bytes` };
      if (options.expected) {
        const current = Buffer.alloc(stat.size);
        let got = 0;
        while (got < stat.size) {
          const n = readSync(fd, current, got, stat.size - got, got);
          if (n === 0) break;
          got += n;
        }
        if (got !== options.expected.length || !current.subarray(0, got).equals(Buffer.from(options.expected)))
          return { ok: false, refusal: 'changed', detail: 'the file changed since it was read' };
      }
      writeWhole(fd, bytes);
      return { ok: true };
    } catch (error) {
      return { ok: false, ...describe((error as NodeJS.ErrnoException).code, (error as Error).message) };
    } finally {
      closeQuietly(fd);
    }
  }

  /**
   * Creates a new file inside the workspace (`esgmark init`); refuses when something already exists at
   * the path unless `overwrite`, and then only a regular file.
   */
  create(
    uri: string,
    text: string,
    options: { overwrite?: boolean } = {},
  ): { ok: true } | { ok: false; refusal: ReadRefusal | 'exists'; detail?: string } {
    const where = this.inside(uri);
    if (!where.ok) return where;
    const { path: p, real } = where;
    let fd: number;
    try {
      fd = openSync(
        real,
        constants.O_WRONLY |
          constants.O_CREAT |
          constants.O_NOCTTY |
          constants.O_NONBLOCK |
          (options.overwrite ? 0 : constants.O_EXCL),
        0o644,
      );
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return { ok: false, refusal: 'exists', detail: p };
      return { ok: false, ...describe(code, (error as Error).message) };
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, refusal: 'not-a-file', detail: kindOf(stat) };
      const bytes = Buffer.from(text, 'utf8');
      writeWhole(fd, bytes);
      return { ok: true };
    } catch (error) {
      return { ok: false, ...describe((error as NodeJS.ErrnoException).code, (error as Error).message) };
    } finally {
      closeQuietly(fd);
    }
  }

  list(folderUri: string): string[] {
    const p = pathOfUri(folderUri);
    if (!p) return [];
    const real = realOrNearest(p);
    if (!this.folders.some((f) => isInside(real, f))) return [];
    try {
      return readdirSync(p, { withFileTypes: true })
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && FILE_TYPES_TO_LIST.test(e.name))
        .map((e) => pathToFileURL(path.join(p, e.name)).href);
    } catch {
      return [];
    }
  }
}

/** Writes all of `bytes` from the start of the open file, then cuts it to that length. */
function writeWhole(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
  ftruncateSync(fd, bytes.length);
}

/** Closes a descriptor; a failure to close after the work is done changes nothing (as in read). */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do.
  }
}
