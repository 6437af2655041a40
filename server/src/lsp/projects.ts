// Multi-file reports in the server: which root a document belongs to, the texts of all its files
// (open documents first, else the file on disk), and the project analysis, cached on the texts.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeProject, chaptersOf, type ProjectAnalysis } from '../engine/project';
import type { AnalysisOptions } from '../engine';
import { hasEsgFrontMatter } from '../engine/detect';

export interface ProjectRef {
  root: string;
  chapters: string[];
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class Projects {
  /** Chapter uri -> root uri, learned from every root seen. */
  private readonly rootOfChapter = new Map<string, string>();
  private cached?: { key: string; project: ProjectAnalysis };

  constructor(private readonly openText: (uri: string) => string | undefined) {}

  text(uri: string): string | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  }

  /** The chapter uris of a root document (relative paths resolved against the root's folder). */
  chaptersOfRoot(rootUri: string, rootText: string): string[] {
    const path = pathOf(rootUri);
    // Cheap test first: this runs on every keystroke of every report.
    if (!path || !/^\s*chapters\s*:/m.test(rootText.slice(0, 8192))) return [];
    const chapters = chaptersOf(rootText).map((c) => pathToFileURL(resolve(dirname(path), c)).toString());
    for (const c of chapters) this.rootOfChapter.set(c, rootUri);
    return chapters;
  }

  /** The project a document belongs to: its own (a root), a root seen before, or a root found beside it. */
  projectOf(uri: string, text: string): ProjectRef | undefined {
    const own = this.chaptersOfRoot(uri, text);
    if (own.length) return { root: uri, chapters: own };
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

  private searchRoot(uri: string): string | undefined {
    const path = pathOf(uri);
    if (!path) return undefined;
    let dir = dirname(path);
    for (let depth = 0; depth < 3; depth++) {
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((n) => n.endsWith('.esg.md') || n.endsWith('.md'));
      } catch {
        names = [];
      }
      for (const name of names.slice(0, 200)) {
        const candidate = pathToFileURL(join(dir, name)).toString();
        if (candidate === uri) continue;
        const text = this.text(candidate);
        if (text && /^\uFEFF?---/.test(text) && this.chaptersOfRoot(candidate, text).includes(uri)) return candidate;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return undefined;
  }

  /** The analysis of a project, reused while none of its files' texts changed. */
  analyze(ref: ProjectRef, options: AnalysisOptions, generation: number): ProjectAnalysis | undefined {
    const rootText = this.text(ref.root);
    if (rootText === undefined) return undefined;
    const chapters = ref.chapters.map((uri) => ({ uri, text: this.text(uri) ?? '' }));
    const key = `${generation}\u0000${ref.root}\u0000${rootText}\u0000${chapters.map((c) => `${c.uri}\u0000${c.text}`).join('\u0000')}`;
    if (this.cached?.key === key) return this.cached.project;
    // Derived from the last analysis of the same root where the edit allows (the engine checks the options).
    const previous = this.cached?.project.analysis.model.uri === ref.root ? this.cached.project : undefined;
    const project = analyzeProject({ uri: ref.root, text: rootText }, chapters, options, previous);
    this.cached = { key, project };
    return project;
  }
}
