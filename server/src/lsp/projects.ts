// Multi-file reports in the server: which root a document belongs to, the texts of all its files
// (open documents first, else the file on disk), and the project analysis, cached on the texts.
// Every file is read through the workspace gate (host/workspace.ts): the editor's workspace folders
// that hold the report, or the report's own folder when none does.
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  analyzeProject,
  chapterEntries,
  chapterUris,
  loadChapters,
  hasEsgFrontMatter,
  type ProjectAnalysis,
  type AnalysisOptions,
} from '../engine';
import { NodeWorkspace, pathOfUri } from '../host/workspace';

export interface ProjectRef {
  root: string;
  chapters: string[];
}

/** What a project's analysis depends on: the settings generation, and every file's text. */
interface ProjectKey {
  generation: number;
  root: string;
  rootText: string;
  problems: string;
  chapters: { uri: string; text: string }[];
}

function sameKey(a: ProjectKey, b: ProjectKey): boolean {
  if (
    a.generation !== b.generation ||
    a.root !== b.root ||
    a.problems !== b.problems ||
    a.chapters.length !== b.chapters.length
  )
    return false;
  if (a.rootText !== b.rootText) return false;
  return a.chapters.every((c, i) => c.uri === b.chapters[i].uri && c.text === b.chapters[i].text);
}

/** Whether a text may list chapters: a `chapters:` key near its start (cheap, run on every keystroke). */
function mayListChapters(text: string): boolean {
  return /^\s*chapters\s*:/m.test(text.slice(0, 8192));
}

/** How much of a candidate file the root search reads: enough for any front matter that lists chapters. */
const ROOT_SEARCH_BYTES = 256 * 1024;

/** Project analyses kept (each holds its files' texts and the analysis). */
const MAX_CACHED_PROJECTS = 8;

export class Projects {
  /** Chapter uri -> root uri, learned from every root seen. */
  private readonly rootOfChapter = new Map<string, string>();
  /** The latest analysis per root (a few roots: the workspace report analyses every root of the workspace). */
  private readonly cached = new Map<string, { key: ProjectKey; project: ProjectAnalysis }>();
  private folders: string[] = [];
  private everywhere?: NodeWorkspace;

  constructor(private readonly openText: (uri: string) => string | undefined) {}

  /** The editor's workspace folders (file uris; others are ignored). */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOfUri).filter((p): p is string => p !== undefined);
    this.everywhere = this.folders.length
      ? new NodeWorkspace({ folders: this.folders, openText: this.openText })
      : undefined;
    this.searched.clear();
    this.cached.clear();
  }

  /** The gate for a report's files: the workspace folders when they hold it, else its own folder. */
  workspaceFor(uri: string): NodeWorkspace | undefined {
    if (this.everywhere?.contains(uri)) return this.everywhere;
    const path = pathOfUri(uri);
    return path ? new NodeWorkspace({ folders: [dirname(path)], openText: this.openText }) : undefined;
  }

  /** A file's text: the open document's, else the file through the gate (undefined when refused). */
  text(uri: string, workspace = this.workspaceFor(uri)): string | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const read = workspace?.read(uri);
    return read?.ok ? read.text : undefined;
  }

  /** The chapter uris a root lists (resolved against the root's folder; nothing is read). */
  chaptersOfRoot(rootUri: string, rootText: string): string[] {
    // Cheap test first: this runs on every keystroke of every report.
    if (!mayListChapters(rootText)) return [];
    const workspace = this.workspaceFor(rootUri);
    if (!workspace) return [];
    const chapters = chapterUris({ uri: rootUri, text: rootText }, workspace);
    for (const c of chapters) this.rootOfChapter.set(c, rootUri);
    return chapters;
  }

  /** The project a document belongs to: its own (a root), a root seen before, or a root found beside it. */
  projectOf(uri: string, text: string): ProjectRef | undefined {
    const own = this.chaptersOfRoot(uri, text);
    // A root whose entries all failed to resolve is still a root (its entries get their diagnostics);
    // the front matter is parsed again only when the cheap test found a `chapters:` key.
    if (own.length || (mayListChapters(text) && chapterEntries(text).length)) return { root: uri, chapters: own };
    let root = this.rootOfChapter.get(uri);
    // A report with its own `esg:` front matter is a report, not a chapter: no disk search for a root
    // on its keystrokes (a root already seen that lists it still wins).
    if (!root && !hasEsgFrontMatter(text)) root = this.findRoot(uri);
    if (!root) return undefined;
    const rootText = this.text(root);
    if (rootText === undefined) return undefined;
    const chapters = this.chaptersOfRoot(root, rootText);
    return chapters.includes(uri) ? { root, chapters } : undefined;
  }

  /** Roots found (or not) beside a file, remembered for a few seconds: the search reads the disk. */
  private readonly searched = new Map<string, { root?: string; at: number }>();

  /** Looks for a root listing this file in its folder and the two above (a chapter opened on its own). */
  private findRoot(uri: string): string | undefined {
    const hit = this.searched.get(uri);
    if (hit && Date.now() - hit.at < 10_000) return hit.root;
    const root = this.searchRoot(uri);
    this.searched.set(uri, { root, at: Date.now() });
    return root;
  }

  /**
   * The search reads only what the gate lets through (regular files inside the workspace, a prefix of
   * each), and never climbs above the workspace folders: a FIFO or a device beside a chapter is never
   * opened for reading, and a folder outside the workspace is never listed. The root found is then read
   * through its own gate, which must contain the chapter.
   */
  private searchRoot(uri: string): string | undefined {
    const path = pathOfUri(uri);
    if (!path) return undefined;
    // Inside the workspace folders when they hold the file; with none, the search's own three folders.
    const workspace = this.everywhere?.contains(uri)
      ? this.everywhere
      : new NodeWorkspace({ folders: [dirname(dirname(dirname(path)))], openText: this.openText });
    let dir = dirname(path);
    for (let depth = 0; depth < 3; depth++) {
      const folder = pathToFileURL(dir).href;
      if (!workspace.contains(folder)) break;
      for (const candidate of workspace.list(folder).slice(0, 200)) {
        if (candidate === uri) continue;
        const open = this.openText(candidate);
        const read = open === undefined ? workspace.read(candidate, { maxBytes: ROOT_SEARCH_BYTES }) : undefined;
        const text = open ?? (read?.ok ? read.text : undefined);
        if (!text || !/^\uFEFF?---/.test(text)) continue;
        // The root search may have read only a prefix: the root is read whole, through the gate, later.
        if (this.chaptersOfRoot(candidate, text).includes(uri)) return candidate;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return undefined;
  }

  /** The analysis of a project, reused while none of its files' texts changed. */
  analyze(ref: ProjectRef, options: AnalysisOptions, generation: number): ProjectAnalysis | undefined {
    const workspace = this.workspaceFor(ref.root);
    if (!workspace) return undefined;
    const rootText = this.text(ref.root, workspace);
    if (rootText === undefined) return undefined;
    const root = { uri: ref.root, text: rootText };
    const loaded = loadChapters(root, workspace);
    const problems = loaded.problems
      .map((p) => `${p.kind}:${p.range.start.line}:${p.range.start.character}:${JSON.stringify(p.args)}`)
      .join(',');
    // Compared file by file: joining every text into one key would copy megabytes on each request.
    const key: ProjectKey = {
      generation,
      root: ref.root,
      rootText,
      problems,
      chapters: loaded.chapters.map((c) => ({ uri: c.uri, text: c.text })),
    };
    const cached = this.cached.get(ref.root);
    if (cached && sameKey(cached.key, key)) return cached.project;
    // Derived from the last analysis of the same root where the edit allows (the engine checks the options).
    const project = analyzeProject(root, loaded.chapters, options, cached?.project, loaded);
    this.cached.delete(ref.root);
    this.cached.set(ref.root, { key, project });
    // The most recently used few; the oldest goes first.
    if (this.cached.size > MAX_CACHED_PROJECTS) this.cached.delete(this.cached.keys().next().value as string);
    return project;
  }
}
