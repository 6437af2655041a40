// The engine's view of the files around a report. The engine reads no disk itself: the CLI and the
// server inject a ReportWorkspace (server/src/host/workspace.ts), whose one gate decides which files
// may be read at all. Chapters, the root search and linked reports all go through it.
import type { DecodedText } from './text/decode';

/** Why a file was not read. Each becomes one diagnostic at the key that named the file. */
export type ReadRefusal =
  /** No file at that path. */
  | 'not-found'
  /** A folder, FIFO, socket, device or anything but a regular file. */
  | 'not-a-file'
  /** The path, or the file a symlink leads to, lies outside the workspace. */
  | 'outside-workspace'
  /** Larger than LIMITS.maxFileBytes. */
  | 'too-large'
  /** Permission denied, or another error of the system. */
  | 'unreadable'
  /** Not a path esgmark can read (a URL, an empty string, a NUL byte). */
  | 'not-a-path';

export type FileRead =
  | { ok: true; uri: string; text: string; decoded: Omit<DecodedText, 'text'> }
  | { ok: false; uri?: string; refusal: ReadRefusal; detail?: string };

export interface ReportWorkspace {
  /**
   * The uri that `reference`, written in the file `fromUri`, names (relative to that file's folder),
   * or undefined when it is not a file path at all.
   */
  resolve(fromUri: string, reference: string): string | undefined;
  /** Reads a file through the gate; `maxBytes` reads only a prefix (enough for a front matter). */
  read(uri: string, options?: { maxBytes?: number }): FileRead;
  /** Files directly in a folder, as uris (for the root search); [] where the folder is refused. */
  list(folderUri: string): string[];
  /** True when the uri lies inside the workspace (after resolving symlinks). */
  contains(uri: string): boolean;
  /**
   * A cheap identity of a file's current content (size, modification time, inode), or undefined when
   * it is unknown (an open document, a refused path): lets a reader that keeps what it read of a file
   * (linked reports) skip reading it again while it has not changed. Optional.
   */
  stamp?(uri: string): string | undefined;
}
