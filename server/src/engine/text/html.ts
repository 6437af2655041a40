// Raw HTML in report text (Pandoc's `raw_html`): the one place that recognises it, so that every label,
// title and cell loses the same markup and keeps everything else. Only real tags go: a tag name right
// after `<` or `</` (CommonMark's open and closing tags, `<sup>1</sup>`, `<br>`, `<br/>`,
// `<span class="x">`) and comments. Any other `<…>` is text: `Employees aged <30 or >50` keeps both signs.

// CommonMark §6.6: an open tag (tag name, attributes each with an optional `= value`, optional `/`, `>`)
// or a closing tag. Every repeated part is separated by a mandatory character its neighbours exclude, so
// matching is linear (the regex census checks it).
const HTML_TAG =
  /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>/g;

/**
 * `text` without HTML comments (a `<!--` with no `-->` after it is text). Scans with indexOf: a lazy
 * `<!--[\s\S]*?-->` regex restarts at every `<!--` of an unclosed run, quadratic.
 */
export function stripHtmlComments(text: string): string {
  let start = text.indexOf('<!--');
  if (start < 0) return text;
  let out = '';
  let from = 0;
  while (start >= 0) {
    const end = text.indexOf('-->', start + 4);
    // No later comment can close either.
    if (end < 0) break;
    out += text.slice(from, start);
    from = end + 3;
    start = text.indexOf('<!--', from);
  }
  return out + text.slice(from);
}

/** Tags that separate words (`<br>`, `<br/>`, `<p>`, `</p>`): Pandoc's plain text has a space there. */
const WORD_BREAK_TAG = /^<(?:br\s*\/?|\/?p)>$/i;

/**
 * `text` with HTML comments removed and each HTML tag replaced: by a space for `<br>` and `<p>`, by
 * nothing for the others (`<sup>`, `<b>`, `<span class="x">`), or by `replacement` when given. The
 * content between tags stays, as in Pandoc's plain text.
 */
export function stripHtml(text: string, replacement?: string): string {
  if (!text.includes('<')) return text;
  const withoutComments = stripHtmlComments(text);
  return withoutComments.replace(HTML_TAG, (tag) => replacement ?? (WORD_BREAK_TAG.test(tag) ? ' ' : ''));
}

/** `text` with every HTML tag and comment replaced by as many spaces: offsets into `text` stay valid. */
export function maskHtml(text: string): string {
  if (!text.includes('<')) return text;
  let masked = '';
  let from = 0;
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', from)) {
    const end = text.indexOf('-->', start + 4);
    if (end < 0) break;
    masked += text.slice(from, start) + ' '.repeat(end + 3 - start);
    from = end + 3;
  }
  masked += text.slice(from);
  return masked.replace(HTML_TAG, (tag) => ' '.repeat(tag.length));
}
