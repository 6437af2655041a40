// Which open documents esgmark checks, and the per-document cache of the latest analysis that the
// editor features reuse between keystrokes.
import { hasEsgFrontMatter, type Analysis } from '../engine';
import { LANGUAGE_ID } from '../protocol';

export { hasEsgFrontMatter };

export const ESG_LANGUAGE_ID = LANGUAGE_ID;

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

  /** The newest analysis of a document under the current settings, whatever its version: the base for the next one. */
  latest(uri: string, generation: number): Analysis | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.generation === generation ? entry.analysis : undefined;
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
