// Text edits shared by code actions and commands. Each builds the smallest edit that does what its
// title says, so a quick fix never touches the author's text outside it.
import type { EsgDocument, Section } from '../model';
import type { Locale, Position, TextEdit } from '../types';
import { attr } from '../parser/attributes';
import { lineText as lineTextOf } from '../parser/lines';
import { t } from '../i18n';
import { getFramework } from '../catalogs/hkex';
import { localized } from '../i18n';

export function lineText(doc: EsgDocument, line: number): string {
  return lineTextOf(doc.text, doc.lineStarts, line) ?? '';
}

/** The end-of-line sequence the document already uses. */
export function eol(doc: EsgDocument): string {
  const m = /\r\n|\r|\n/.exec(doc.text);
  return m ? m[0] : '\n';
}

export function endOfDocument(doc: EsgDocument): Position {
  const line = doc.lineStarts.length - 1;
  return { line, character: lineText(doc, line).length };
}

/** Adds an id to a section heading's `hkex` attribute, creating the attribute (or block) if needed. */
export function tagSectionEdit(doc: EsgDocument, section: Section, id: string): TextEdit {
  const heading = section.heading;
  const hkex = attr(heading.attrs, 'hkex');
  if (hkex) {
    const at = hkex.valueRange.end;
    return { range: { start: at, end: at }, newText: hkex.value.trim() ? ` ${id}` : id };
  }
  if (heading.attrs) {
    const close = heading.attrs.range.end.character - 1;
    const at = { line: heading.attrs.range.end.line, character: close };
    return { range: { start: at, end: at }, newText: ` hkex="${id}"` };
  }
  const line = heading.titleRange.start.line;
  const text = lineText(doc, line);
  const end = text.trimEnd().length;
  const at = { line, character: end };
  return { range: { start: at, end: at }, newText: ` {hkex="${id}"}` };
}

/** Text as literal snippet text: `$`, `}` and `\\` escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * An explanation block for an id, inserted at the end of `section` (or the document), with the same
 * block as a snippet whose tab stop selects the placeholder reason: the author types over it. The
 * placeholder is an HTML comment, which explains nothing: until a reason is written the block is
 * reported by hkex/empty-explanation and the requirement stays missing.
 */
export function explanationSnippet(
  doc: EsgDocument,
  id: string,
  locale: Locale,
  section?: Section,
): { edit: TextEdit; snippet: string } {
  const nl = eol(doc);
  const req = getFramework()?.get(id);
  const placeholder = `<!-- ${t(locale, 'explain.placeholder', { id, title: req ? localized(req.title, locale) : id })} -->`;
  const open = `::: {.explain hkex="${id}"}`;
  const edit = explanationEdit(doc, id, locale, section);
  const at = edit.newText.indexOf(open);
  const before = edit.newText.slice(0, at);
  const after = edit.newText.slice(at + open.length + nl.length + placeholder.length);
  return {
    edit,
    snippet: `${snippetText(before)}${snippetText(open)}${nl}\${1:${snippetText(placeholder)}}${snippetText(after)}`,
  };
}

/** An explanation block for an id, inserted at the end of `section` (or the document). */
export function explanationEdit(doc: EsgDocument, id: string, locale: Locale, section?: Section): TextEdit {
  const nl = eol(doc);
  const req = getFramework()?.get(id);
  const placeholder = t(locale, 'explain.placeholder', { id, title: req ? localized(req.title, locale) : id });
  const block = `::: {.explain hkex="${id}"}${nl}<!-- ${placeholder} -->${nl}:::${nl}`;
  if (section) {
    // After the last non-blank line of the section, separated by a blank line.
    let line = section.range.end.line;
    while (line > section.heading.range.end.line && lineText(doc, line).trim() === '') line--;
    const at = { line, character: lineText(doc, line).length };
    return { range: { start: at, end: at }, newText: `${nl}${nl}${block.slice(0, -nl.length)}` };
  }
  const end = endOfDocument(doc);
  const lead =
    lineText(doc, end.line).trim() === ''
      ? end.line > 0 && lineText(doc, end.line - 1).trim() === ''
        ? ''
        : nl
      : nl + nl;
  return { range: { start: end, end }, newText: `${lead}${block}` };
}
