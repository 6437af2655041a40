// Markdown written by the quick fixes and the generated index table. A leaf: the rules and the
// features both write table rows, and neither layer should import the other for it.

/** Text as one pipe-table cell: pipes escaped, line breaks folded into a space. */
export function escapeCell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ')
    .trim();
}
