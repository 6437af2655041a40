// Pandoc's automatic heading identifiers (the `auto_identifiers` extension), so that links written
// for Pandoc output (`[環境管理](#環境管理)`) resolve the same way in esgmark.
import { stripHtml } from '../text/html';

const EMPHASIS_MARK = /[*`~]/;

/** Plain text of a heading title: markup, links and footnote references removed as Pandoc's stringify does. */
export function plainTitle(title: string): string {
  // Each replace runs only when the character it needs is there: most titles are plain words.
  const withoutInlines = !title.includes('[')
    ? title
    : title
        .replace(/\[\^[^[\]]*\]/g, '') // footnote references
        .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1') // links and images keep their text
        .replace(/\[([^[\]]*)\]\{[^{}]*\}/g, '$1'); // bracketed spans keep their text
  // Raw HTML tags go (their content stays, `<br>` is a space, as in Pandoc); any other `<` or `>` is text.
  let plain = stripHtml(withoutInlines);
  if (EMPHASIS_MARK.test(plain)) plain = plain.replace(/[*`~]/g, '');
  // Emphasis underscores; intraword ones (b_c) stay, as in Pandoc.
  if (plain.includes('_')) plain = plain.replace(/(^|\s)_+|(?<!_)_+(?=\s|$)/g, '$1');
  return plain.includes('\\') ? plain.replace(/\\(.)/g, '$1') : plain;
}

/** What an identifier drops: anything but letters, digits, `_-.` and white space. */
const NOT_IN_IDENTIFIER = /[^\p{L}\p{N}_.\-\s]+/gu;

export function pandocIdentifier(title: string): string {
  // Keep letters, digits, `_-.` and white space; then words joined by single hyphens (runs of spaces collapse).
  const kept = plainTitle(title).toLowerCase().replace(NOT_IN_IDENTIFIER, '');
  let out = kept.trim().split(/\s+/).join('-');
  // Identifiers start with a letter: drop everything before the first one.
  const first = out.search(/\p{L}/u);
  out = first < 0 ? '' : out.slice(first);
  return out || 'section';
}

/** Pandoc appends -1, -2 ... to repeated identifiers. */
export function uniqueIdentifier(id: string, used: Map<string, number>): string {
  if (!used.has(id)) {
    used.set(id, 0);
    return id;
  }
  let n = used.get(id)!;
  let candidate: string;
  do candidate = `${id}-${++n}`;
  while (used.has(candidate));
  used.set(id, n);
  used.set(candidate, 0);
  return candidate;
}
