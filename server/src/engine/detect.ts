// Is a Markdown file an ESG report? Shared by the language server and the VS Code client (which
// bundles only this module), so that both agree on which files esgmark checks.

import { isFrontMatterFence } from './frontmatterFence';

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
  if (lines.length === 0 || !isFrontMatterFence(lines[0], 'open')) return false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (isFrontMatterFence(line, 'close')) return false;
    // Top-level key only: no indentation. Quoted keys ('esg': / "esg":) are valid YAML too.
    if (/^(esg|'esg'|"esg")[ \t]*:/.test(line)) return true;
  }
  return false;
}
