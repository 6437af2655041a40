// Recognises an ESG Markdown report by its front matter, without the `vscode` module, so that the
// check can be unit-tested and stays cheap: only the first lines of a document are read.

/** How far into a Markdown file we look for the front matter's `esg:` key; a front matter is short. */
export const FRONT_MATTER_SCAN_LINES = 50;

/** True when the lines start a YAML front matter (`---`) that has a top-level `esg:` key before it closes. */
export function hasEsgFrontMatter(lines: readonly string[]): boolean {
  if (lines.length === 0 || lines[0].replace(/^\uFEFF/, '').trimEnd() !== '---') return false;
  const last = Math.min(lines.length, FRONT_MATTER_SCAN_LINES);
  for (let i = 1; i < last; i++) {
    const line = lines[i];
    if (/^(---|\.\.\.)\s*$/.test(line)) return false;
    if (/^esg\s*:/.test(line)) return true;
  }
  return false;
}
