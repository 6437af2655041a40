// Pandoc's automatic heading identifiers (the `auto_identifiers` extension), so that links written
// for Pandoc output (`[環境管理](#環境管理)`) resolve the same way in esgmark.

/** Plain text of a heading title: markup, links and footnote references removed as Pandoc's stringify does. */
export function plainTitle(title: string): string {
  return title
    .replace(/\[\^[^\]]*\]/g, '') // footnote references
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
    .replace(/\[([^\]]*)\]\{[^}]*\}/g, '$1') // bracketed spans keep their text
    .replace(/<[^>]*>/g, '') // raw HTML tags (their content stays, as in Pandoc)
    .replace(/[*_`~]/g, '')
    .replace(/\\(.)/g, '$1');
}

export function pandocIdentifier(title: string): string {
  const text = plainTitle(title);
  let out = '';
  for (const ch of text.toLowerCase()) {
    if (/[\p{L}\p{N}_.-]/u.test(ch)) out += ch;
    else if (/\s/.test(ch)) out += '-';
  }
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
