// Pull diagnostics (LSP 3.17 `textDocument/diagnostic` and `workspace/diagnostic`), beside the push
// model of server.ts. A document report is the same list a push would publish; a workspace report lists
// every report of the workspace folders, open or not, read through the file gate (host/workspace.ts).
// Each report carries a `resultId` derived from its content, so a client that sends it back for an
// unchanged report gets `unchanged` instead of the list again.
import { readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  Diagnostic as LspDiagnostic,
  DocumentDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { NodeWorkspace } from '../host/workspace';

/** The identifier the server registers its diagnostics under (`DiagnosticOptions.identifier`). */
export const DIAGNOSTIC_IDENTIFIER = 'esgmark';

/** At most this many reports are listed in one workspace report; folders deeper than this are not entered. */
export const WORKSPACE_LIMITS = { maxReports: 2000, maxDepth: 12, maxEntriesPerFolder: 5000 };

/** Two 32-bit FNV-1a-style hashes of a diagnostic's JSON and its length, kept per object. */
const itemHashes = new WeakMap<object, readonly [number, number, number]>();

function itemHash(item: LspDiagnostic): readonly [number, number, number] {
  let hash = itemHashes.get(item);
  if (!hash) {
    const json = JSON.stringify(item);
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ json.length;
    for (let i = 0; i < json.length; i++) {
      const c = json.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
    itemHashes.set(item, (hash = [a, b, json.length]));
  }
  return hash;
}

/**
 * A result id for a list of diagnostics: two 32-bit hashes over the hashes of each item's JSON, in
 * order, and the JSON's length, so the same list always gets the same id (also after a restart) and a
 * different list practically never does. An item's hashes are kept while the object lives: the
 * publication's converter (lsp/publish.ts) gives an unchanged diagnostic the same object, so a pull
 * after an edit hashes only the diagnostics that changed.
 */
export function resultIdOf(items: readonly LspDiagnostic[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ items.length;
  let length = 2 + Math.max(0, items.length - 1);
  for (const item of items) {
    const [ia, ib, il] = itemHash(item);
    a = Math.imul(a ^ ia, 0x01000193) >>> 0;
    b = Math.imul(b ^ ib, 0x5bd1e995) >>> 0;
    length += il;
  }
  return `${length.toString(36)}-${a.toString(36)}-${b.toString(36)}`;
}

/** A full report, or `unchanged` when the client already has this result. */
export function documentReport(
  items: LspDiagnostic[],
  previousResultId: string | undefined,
): { kind: 'full'; resultId: string; items: LspDiagnostic[] } | { kind: 'unchanged'; resultId: string } {
  const resultId = resultIdOf(items);
  return previousResultId === resultId ? { kind: 'unchanged', resultId } : { kind: 'full', resultId, items };
}

/** The text document report of one file, with the other files of its multi-file report as related documents. */
export function textDocumentReport(
  uri: string,
  perFile: ReadonlyMap<string, LspDiagnostic[]>,
  previousResultId: string | undefined,
): DocumentDiagnosticReport {
  const own = documentReport(perFile.get(uri) ?? [], previousResultId);
  const related: Record<string, { kind: 'full'; resultId: string; items: LspDiagnostic[] }> = {};
  for (const [other, items] of perFile)
    if (other !== uri) related[other] = { kind: 'full', resultId: resultIdOf(items), items };
  return Object.keys(related).length ? { ...own, relatedDocuments: related } : own;
}

function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * The `*.esg.md` files under the workspace folders (recursively; node_modules and dot-folders skipped,
 * symlinked folders not followed), as uris in a stable order. Only names are listed here: the files
 * are read later, through the gate, which refuses anything outside the folders or not a regular file.
 */
export function findReports(folders: readonly string[], limits = WORKSPACE_LIMITS): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    if (found.length >= limits.maxReports || depth > limits.maxDepth) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries = entries
      .slice(0, limits.maxEntriesPerFolder)
      .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      if (found.length >= limits.maxReports) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) walk(full, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.esg.md')) {
        const uri = pathToFileURL(full).href;
        if (!seen.has(uri)) {
          seen.add(uri);
          found.push(uri);
        }
      }
    }
  };
  for (const folder of folders) walk(folder, 0);
  return found;
}

/** What the workspace report needs from the server. */
export interface WorkspaceHost {
  /** The workspace folders as paths (none: only open documents are reported). */
  folders(): readonly string[];
  /** The open documents esgmark checks: uri, version and text. */
  openReports(): { uri: string; version: number; text: string }[];
  /** The diagnostics of a report given its text, per file (a multi-file report has several), ready to send. */
  diagnosticsOf(uri: string, text: string): Map<string, LspDiagnostic[]>;
  /** The version of an open document, or undefined. */
  versionOf(uri: string): number | undefined;
}

/**
 * Every report of the workspace with its diagnostics: the open ones from the editor's text, the others
 * from disk through the gate. A file that belongs to a multi-file report is reported with that report's
 * findings (each file once, whichever of its files is met first).
 */
export function workspaceReport(
  host: WorkspaceHost,
  previous: ReadonlyMap<string, string>,
  isCancelled: () => boolean = () => false,
): WorkspaceDocumentDiagnosticReport[] {
  const folders = host.folders();
  const gate = folders.length ? new NodeWorkspace({ folders }) : undefined;
  const texts = new Map<string, string>();
  for (const open of host.openReports()) texts.set(open.uri, open.text);
  const candidates = [...texts.keys()];
  for (const uri of gate ? findReports(gate.roots) : []) if (!texts.has(uri)) candidates.push(uri);
  const reported = new Map<string, LspDiagnostic[]>();
  for (const uri of candidates) {
    if (isCancelled()) break;
    if (reported.has(uri)) continue;
    let text = texts.get(uri);
    if (text === undefined) {
      const read = gate?.read(uri);
      if (!read?.ok) continue;
      text = read.text;
    }
    for (const [file, items] of host.diagnosticsOf(uri, text)) if (!reported.has(file)) reported.set(file, items);
  }
  const out: WorkspaceDocumentDiagnosticReport[] = [];
  for (const [uri, items] of reported) {
    // A file outside the folders (a chapter an open report names from elsewhere) is the document pull's business.
    if (gate && !gate.contains(uri) && !texts.has(uri)) continue;
    const report = documentReport(items, previous.get(uri));
    out.push({ ...report, uri, version: host.versionOf(uri) ?? null });
  }
  return out;
}
