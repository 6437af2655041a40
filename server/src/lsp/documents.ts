// Which open documents esgmark checks, and the per-document cache of the latest analysis that the
// editor features reuse between keystrokes.
import type { Analysis } from '../engine';

export const ESG_LANGUAGE_ID = 'esg-markdown';

/** Front matter longer than this is not looked at: the check must stay cheap on every keystroke. */
const FRONT_MATTER_SCAN_CHARS = 16_384;

/**
 * True when a plain `markdown` document is an ESG report: its YAML front matter (first line `---`)
 * has a top-level `esg:` key before the closing `---`/`...`. A regex over the first lines, not a YAML
 * parse, because this runs for every markdown file the user opens.
 */
export function hasEsgFrontMatter(text: string): boolean {
  const head = text.slice(0, FRONT_MATTER_SCAN_CHARS).replace(/^\uFEFF/, '');
  const lines = head.split(/\r\n|\r|\n/);
  if (lines.length === 0 || !/^---[ \t]*$/.test(lines[0])) return false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) return false;
    // Top-level key only: no indentation. Quoted keys ('esg': / "esg":) are valid YAML too.
    if (/^(esg|'esg'|"esg")[ \t]*:/.test(line)) return true;
  }
  return false;
}

export function isEsgDocument(languageId: string, text: string): boolean {
  if (languageId === ESG_LANGUAGE_ID) return true;
  if (languageId === 'markdown') return hasEsgFrontMatter(text);
  return false;
}

interface CacheEntry {
  version: number;
  /** Settings generation the analysis was made with; a settings change invalidates every entry. */
  generation: number;
  analysis: Analysis;
}

/** The latest analysis per document uri, valid for one document version and one settings generation. */
export class AnalysisCache {
  private readonly entries = new Map<string, CacheEntry>();

  get(uri: string, version: number, generation: number): Analysis | undefined {
    const entry = this.entries.get(uri);
    if (!entry || entry.version !== version || entry.generation !== generation) return undefined;
    return entry.analysis;
  }

  set(uri: string, version: number, generation: number, analysis: Analysis): void {
    const current = this.entries.get(uri);
    // Never let a late result for an older version replace a newer one.
    if (current && current.version > version && current.generation >= generation) return;
    this.entries.set(uri, { version, generation, analysis });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
