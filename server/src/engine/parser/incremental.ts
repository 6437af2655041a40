// Incremental parsing. Typing changes one line at a time, and on almost every keystroke that line keeps
// its kind: prose stays prose, a table row stays a row of the same table, a heading keeps its level.
// Then the rest of the document parses exactly as before, so the new model is the previous one with
// that line's block re-read and every later offset moved; positions (line, column) on other lines do
// not change at all. A line of the front matter's YAML or a div fence that keeps its role is patched too.
// Any edit this module cannot prove local (a line break typed or deleted, a line changing kind, a front
// matter fence, a setext heading...) returns undefined and the caller parses the whole document. test/unit/incremental.test.ts checks the result equals a full parse.
// Syntax only: the interpretation above (recognition/document.ts) reads the edited table and headings again.
import type { Explanation, Heading, Section, SyntaxProblem, SyntaxTree, Table } from '../model';
import { isDelimiterRow } from './tables';
import {
  ATX,
  DIV_FENCE,
  FENCE,
  LineKind,
  SETEXT,
  assignAnchors,
  explanationText,
  headingFields,
  inlineOf,
  joinProblems,
  openDiv,
  parseStateOf,
  readHeading,
  readTable,
  rememberParseState,
  innermostSection,
  type ParseState,
} from './document';
import { isFrontMatterFence } from '../frontmatterFence';
import { lineRange, lineText, positionAt, range } from './lines';
import { attr } from './attributes';
import { splitRequirementList } from './requirements';
import { detachedCopy } from '../text/normalize';

/** A change confined to one line: columns of the changed text on the old and on the new line. */
export interface LineEdit {
  line: number;
  start: number;
  oldEnd: number;
  newEnd: number;
  oldLength: number;
  newLength: number;
}

export type EditKind = 'prose' | 'code' | 'table' | 'heading' | 'div' | 'frontMatter';

/**
 * Which parts of the syntax the edit replaced. When none is set, the edit changed only text the syntax
 * does not hold (plain prose, code): the tree then differs from the previous one in `text`,
 * `lineStarts` and the ends of ranges that end on the edited line.
 */
export interface SyntaxChanges {
  links: boolean;
  spans: boolean;
  syntaxProblems: boolean;
  explanations: boolean;
  tables: boolean;
  /** Headings and sections. */
  headings: boolean;
  /** The front matter's YAML text (its block keeps its range). */
  frontMatter: boolean;
}

export interface SyntaxReparse {
  doc: SyntaxTree;
  edit: LineEdit;
  kind: EditKind;
  changed: SyntaxChanges;
  /** Index of the table the edit was in (its cells were read again). */
  table?: number;
  /**
   * The edited line with the non-blank lines around it, before and after the edit, for the rules that read
   * prose; undefined when that run of lines is too long to compare cheaply.
   */
  around?: { before: string; after: string };
}

const CHUNK = 2048;
const LIST_ITEM = /^ {0,3}([-*+]|\d+[.)])\s/;
/** How far `around` reaches from the edited line; beyond it the caller must assume the prose changed. */
const AROUND_MAX_LINES = 200;

/** The next version's syntax from the previous one, or undefined when only a full parse is safe. */
export function reparseSyntax(previous: SyntaxTree, uri: string, text: string): SyntaxReparse | undefined {
  const state = parseStateOf(previous);
  if (!state || previous.uri !== uri) return undefined;
  const edit = lineEditBetween(previous, state, text);
  if (!edit) return undefined;
  const L = edit.line;
  const oldLine = lineText(previous.text, previous.lineStarts, L) ?? '';
  // Lines are copied out of the document: what is read from them (cells, titles) would otherwise keep
  // this version's whole text alive as long as the block is not read again.
  const newLine = detachedCopy(
    oldLine.slice(0, edit.start) +
      text.slice(previous.lineStarts[L] + edit.start, previous.lineStarts[L] + edit.newEnd) +
      oldLine.slice(edit.oldEnd),
  );
  if (closesFrontMatter(previous, state, L, newLine)) return undefined;

  const delta = edit.newLength - edit.oldLength;
  const lineStarts = delta === 0 ? previous.lineStarts : previous.lineStarts.map((s, k) => (k > L ? s + delta : s));
  const doc: SyntaxTree = { ...syntaxOf(previous), text, lineStarts };
  const problems: ParseState['problems'] = { ...state.problems };
  const nextState: ParseState = { ...state, problems };
  const lineAt = (k: number) => {
    if (k === L) return newLine;
    const line = lineText(text, lineStarts, k);
    return line === undefined ? undefined : detachedCopy(line);
  };
  const prevKind = L > 0 ? state.kinds[L - 1] : 0;
  const afterTable = prevKind === LineKind.TableRow || prevKind === LineKind.TableDelimiter;

  let kind: EditKind;
  let editedTable: number | undefined;
  const changed: SyntaxChanges = {
    links: false,
    spans: false,
    syntaxProblems: false,
    explanations: false,
    tables: false,
    headings: false,
    frontMatter: false,
  };
  switch (state.kinds[L]) {
    case LineKind.Prose:
    case LineKind.Blank: {
      const wasBlank = state.kinds[L] === LineKind.Blank;
      const isBlank = newLine.trim() === '';
      if (!isBlank && !staysProse(state, L, newLine, lineAt(L + 1), afterTable)) return undefined;
      if (wasBlank !== isBlank) {
        // The next line's "after a blank line" flips: it matters only to a setext heading's text line,
        // which needs a blank line before it (now lost, or now gained before a line underlined by === or ---).
        if (state.kinds[L + 1] === LineKind.Setext) return undefined;
        const next = lineAt(L + 1);
        const afterNext = lineAt(L + 2);
        if (
          isBlank &&
          next !== undefined &&
          afterNext !== undefined &&
          state.kinds[L + 1] === LineKind.Prose &&
          SETEXT.test(afterNext)
        )
          return undefined;
        const kinds = state.kinds.slice();
        kinds[L] = isBlank ? LineKind.Blank : LineKind.Prose;
        nextState.kinds = kinds;
        changed.headings = refreshHasContent(doc, kinds, L);
      }
      kind = 'prose';
      replaceInline(doc, problems, L, oldLine, newLine, false, changed);
      break;
    }
    case LineKind.Code:
      if (FENCE.test(newLine) || /^\s*(`{3,}|~{3,})/.test(oldLine) || /^\s*(`{3,}|~{3,})/.test(newLine))
        return undefined;
      kind = 'code';
      break;
    case LineKind.TableHeader:
    case LineKind.TableDelimiter:
    case LineKind.TableRow: {
      if (!staysInTable(state.kinds[L], newLine)) return undefined;
      const index = tableAt(doc.tables, L);
      if (index < 0) return undefined;
      const old = doc.tables[index];
      const table: Table = { ...readTable(lineAt, old.range.start.line, index), section: old.section };
      if (table.range.end.line !== old.range.end.line) return undefined;
      kind = 'table';
      doc.tables = doc.tables.slice();
      doc.tables[index] = table;
      replaceInline(doc, problems, L, oldLine, newLine, true, changed);
      editedTable = index;
      changed.tables = true;
      break;
    }
    case LineKind.Heading: {
      const heading = rereadHeading(doc, problems, L, newLine, afterTable);
      if (!heading) return undefined;
      kind = 'heading';
      changed.headings = changed.syntaxProblems = true;
      break;
    }
    case LineKind.DivFence:
      if (!rereadDivFence(doc, state.kinds, problems, L, oldLine, newLine, lineAt, afterTable, changed))
        return undefined;
      kind = 'div';
      break;
    case LineKind.FrontMatter: {
      // A YAML line: the block keeps its fences (closesFrontMatter refused the opening line; the closing
      // one, a new closing fence or a blank second line would move or end the block) and only its text changes.
      const closing = state.bodyStart - 1;
      if (
        !doc.frontMatter ||
        L >= closing ||
        isFrontMatterFence(newLine, 'close') ||
        (L === 1 && newLine.trim() === '')
      )
        return undefined;
      const { range: blockRange, yamlStart } = doc.frontMatter;
      doc.frontMatter = { range: blockRange, yamlStart, yamlText: text.slice(yamlStart, lineStarts[closing]) };
      kind = 'frontMatter';
      changed.frontMatter = true;
      break;
    }
    default:
      return undefined;
  }
  // An explanation's reason is the text of its body, whatever blocks it holds (an unclosed div runs to the end).
  for (let k = 0; k < doc.explanations.length; k++) {
    const e = doc.explanations[k];
    const last = e.closed ? e.range.end.line - 1 : e.range.end.line;
    if (e.openRange.start.line < L && L <= last) {
      if (!changed.explanations) doc.explanations = doc.explanations.slice();
      doc.explanations[k] = { ...e, text: explanationText(lineAt, e.openRange.start.line + 1, last) };
      changed.explanations = true;
    }
  }
  patchLineEnds(doc, L, edit);
  doc.syntaxProblems = joinProblems(problems);
  rememberParseState(doc, nextState);
  return {
    doc,
    edit,
    kind,
    changed,
    table: editedTable,
    around: around((k) => lineText(previous.text, previous.lineStarts, k), lineAt, lineStarts.length, L),
  };
}

/** The syntax fields of a tree, without what an interpretation added to it (the patch must not carry that). */
function syntaxOf(tree: SyntaxTree): SyntaxTree {
  const { uri, text, lineStarts, headings, sections, explanations, tables, links, spans, syntaxProblems } = tree;
  const syntax: SyntaxTree = {
    uri,
    text,
    lineStarts,
    headings,
    sections,
    explanations,
    tables,
    links,
    spans,
    syntaxProblems,
  };
  // A key present only with a value, as in a full parse.
  if (tree.frontMatter) syntax.frontMatter = tree.frontMatter;
  return syntax;
}

/** The single-line change from the previous text to `text`, found by comparing both ends; undefined when a line break is involved. */
function lineEditBetween(previous: SyntaxTree, state: ParseState, text: string): LineEdit | undefined {
  const old = previous.text;
  if (old === text) return undefined;
  const min = Math.min(old.length, text.length);
  // Compare whole chunks first: string equality runs in the engine's native code, a loop over
  // charCodeAt is several times slower on a megabyte.
  let p = 0;
  while (p + CHUNK <= min && old.slice(p, p + CHUNK) === text.slice(p, p + CHUNK)) p += CHUNK;
  while (p < min && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  const maxSuffix = min - p;
  while (
    s + CHUNK <= maxSuffix &&
    old.slice(old.length - s - CHUNK, old.length - s) === text.slice(text.length - s - CHUNK, text.length - s)
  )
    s += CHUNK;
  while (s < maxSuffix && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  if (hasLineBreak(old, p, oldEnd) || hasLineBreak(text, p, newEnd)) return undefined;
  // Text typed between the CR and the LF of a CRLF splits one line break into two.
  if (p > 0 && old.charCodeAt(p - 1) === 13 && old.charCodeAt(oldEnd) === 10) return undefined;
  const line = positionAt(previous.lineStarts, p).line;
  const lineStart = previous.lineStarts[line];
  const oldLength = (lineText(old, previous.lineStarts, line) ?? '').length;
  if (oldEnd - lineStart > oldLength) return undefined;
  return {
    line,
    start: p - lineStart,
    oldEnd: oldEnd - lineStart,
    newEnd: newEnd - lineStart,
    oldLength,
    newLength: oldLength + (newEnd - oldEnd),
  };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Edits that may open or close the front matter: the first line becoming or ceasing to be `---`, and,
 * under a first line `---` that is still a thematic break, its second line or a line that could close it.
 */
function closesFrontMatter(previous: SyntaxTree, state: ParseState, line: number, newLine: string): boolean {
  const lineAt = (k: number) => lineText(previous.text, previous.lineStarts, k) ?? '';
  const opener = (l: string) => isFrontMatterFence(l, 'open');
  if (line === 0) return opener(newLine) || opener(lineAt(0));
  if (state.bodyStart !== 0 || !opener(lineAt(0))) return false;
  const closer = (l: string) => isFrontMatterFence(l, 'close');
  return line <= 1 || closer(newLine) || closer(lineAt(line));
}

/** True when the block scanner would still read the new text of a prose line as prose, and nothing around it changes kind. */
function staysProse(
  state: ParseState,
  line: number,
  newLine: string,
  nextLine: string | undefined,
  afterTable: boolean,
): boolean {
  if (newLine.trim() === '') return false; // a blank line ends paragraphs and tables, and starts setext headings
  if (
    FENCE.test(newLine) ||
    DIV_FENCE.test(newLine) ||
    ATX.test(newLine) ||
    SETEXT.test(newLine) ||
    isDelimiterRow(newLine)
  )
    return false;
  const pipe = newLine.includes('|');
  if (pipe && (afterTable || (nextLine !== undefined && isDelimiterRow(nextLine)))) return false;
  const prevBlank = line === state.bodyStart || state.kinds[line - 1] === LineKind.Blank;
  if (prevBlank && nextLine !== undefined && SETEXT.test(nextLine) && !pipe && !LIST_ITEM.test(newLine)) return false;
  return true;
}

function staysInTable(kind: number, newLine: string): boolean {
  if (newLine.trim() === '' || !newLine.includes('|')) return false;
  if (kind === LineKind.TableDelimiter) return isDelimiterRow(newLine);
  if (kind === LineKind.TableHeader)
    return !FENCE.test(newLine) && !DIV_FENCE.test(newLine) && !ATX.test(newLine) && !isDelimiterRow(newLine);
  return true;
}

/** Index of the table whose lines include `line` (tables are in document order). */
function tableAt(tables: Table[], line: number): number {
  let lo = 0;
  let hi = tables.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = tables[mid].range;
    if (line < r.start.line) hi = mid - 1;
    else if (line > r.end.line) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** First index in a list sorted by start line whose start line is >= `line`. */
function firstOnOrAfter<T extends { range: { start: { line: number } } }>(items: T[], line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].range.start.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Replaces the items that start on `line` in a list sorted by start line. */
function spliceLine<T extends { range: { start: { line: number } } }>(items: T[], line: number, replacement: T[]): T[] {
  const from = firstOnOrAfter(items, line);
  let to = from;
  while (to < items.length && items[to].range.start.line === line) to++;
  if (to === from && replacement.length === 0) return items;
  return [...items.slice(0, from), ...replacement, ...items.slice(to)];
}

/** Re-reads the links, spans and inline problems of the edited line, and notes which it has or had. */
function replaceInline(
  doc: SyntaxTree,
  problems: ParseState['problems'],
  line: number,
  oldLine: string,
  newLine: string,
  inTable: boolean,
  changed: SyntaxChanges,
): void {
  const before = inlineOf(oldLine, line, inTable);
  const after = inlineOf(newLine, line, inTable);
  if (!before && !after) return;
  if (before?.links.length || after?.links.length) {
    doc.links = spliceLine(doc.links, line, after?.links ?? []);
    changed.links = true;
  }
  if (before?.spans.length || after?.spans.length) {
    doc.spans = spliceLine(doc.spans, line, after?.spans ?? []);
    changed.spans = true;
  }
  if (before?.problems.length || after?.problems.length) {
    problems.scan = spliceLine(problems.scan, line, after?.problems ?? []);
    changed.syntaxProblems = true;
  }
}

/** A heading edited in place, keeping its level: its section keeps its range, while ids, tags and classes may change. */
function rereadHeading(
  doc: SyntaxTree,
  problems: ParseState['problems'],
  line: number,
  newLine: string,
  afterTable: boolean,
): Heading | undefined {
  const atx = ATX.exec(newLine);
  if (!atx || FENCE.test(newLine) || DIV_FENCE.test(newLine) || (afterTable && newLine.includes('|'))) return undefined;
  const index = doc.headings.findIndex((h) => h.range.start.line === line);
  if (index < 0 || doc.headings[index].level !== atx[1].length) return undefined;
  const found: SyntaxProblem[] = [];
  const heading = readHeading(newLine, line, atx[1].length, newLine.indexOf(atx[1]) + atx[1].length, (range, key) =>
    found.push({ range, key, args: {} }),
  );
  problems.scan = spliceLine(problems.scan, line, found);
  // Automatic ids depend on every heading before them: recompute them all, on copies.
  const headings = doc.headings.map((h, k) => (k === index ? heading : { ...h }));
  assignAnchors(headings);
  doc.headings = headings;
  doc.sections = doc.sections.map((s, k): Section =>
    k === index ? { ...s, heading: headings[k], ...headingFields(heading) } : { ...s, heading: headings[k] },
  );
  return heading;
}

/** A div fence's text after its colons: a closing fence has nothing there but more colons. */
function isClosingFence(rest: string): boolean {
  const r = rest.trim();
  return r === '' || /^:+$/.test(r);
}

/**
 * A div fence edited in place: it stays an opening fence or a closing one, so every div keeps its extent.
 * An opening fence's attributes are read again, and with them the explanation it opens (gained, lost or
 * changed when the `explain` class or the `hkex` list is edited). False when only a full parse is safe.
 */
function rereadDivFence(
  doc: SyntaxTree,
  kinds: Uint8Array,
  problems: ParseState['problems'],
  line: number,
  oldLine: string,
  newLine: string,
  lineAt: (k: number) => string | undefined,
  afterTable: boolean,
  changed: SyntaxChanges,
): boolean {
  const fence = DIV_FENCE.exec(newLine);
  // Under a table a line with `|` is a row; over one (a delimiter row) it would be a table's header.
  if (!fence || FENCE.test(newLine) || isDelimiterRow(newLine) || (afterTable && newLine.includes('|'))) return false;
  const closes = isClosingFence(fence[2]);
  if (closes !== isClosingFence(DIV_FENCE.exec(oldLine)?.[2] ?? '')) return false;
  // Past the depth limit fences are counted, not read: which one a problem names depends on all of them.
  if (problems.scan.some((p) => p.key === 'div.tooDeep' || p.key === 'div.tooDeepMore')) return false;
  // A closing fence holds nothing but colons; an explanation ending on it follows the line's length (patchLineEnds).
  if (closes) return true;

  const found: SyntaxProblem[] = [];
  const fenceEnd = newLine.indexOf(fence[1]) + fence[1].length;
  const open = openDiv(newLine, line, fenceEnd, (r, key) => found.push({ range: r, key, args: {} }));
  const scan = spliceLine(problems.scan, line, found);
  if (scan !== problems.scan) {
    problems.scan = scan;
    changed.syntaxProblems = true;
  }
  const openRange = lineRange(line, 0, newLine.length);
  if (problems.unclosedDivs.some((p) => p.range.start.line === line)) {
    problems.unclosedDivs = problems.unclosedDivs.map((p) =>
      p.range.start.line === line ? { ...p, range: openRange } : p,
    );
    changed.syntaxProblems = true;
  }

  const at = doc.explanations.findIndex((e) => e.openRange.start.line === line);
  const explains = open.classes.includes('explain');
  if (at < 0 && !explains) return true;
  let explanation: Explanation | undefined;
  if (explains) {
    let closeLine: number;
    let closed: boolean;
    if (at >= 0)
      ({
        closed,
        range: {
          end: { line: closeLine },
        },
      } = doc.explanations[at]);
    else ({ closeLine, closed } = closingFenceOf(kinds, lineAt, line));
    const hkex = attr(open.attrsText?.attrs, 'hkex');
    const lastText = closed ? closeLine - 1 : closeLine;
    explanation = {
      refs: hkex ? splitRequirementList(hkex.value, hkex.valueRange) : [],
      range: range(line, 0, closeLine, (closeLine === line ? newLine : (lineAt(closeLine) ?? '')).length),
      openRange,
      text: explanationText(lineAt, line + 1, lastText),
      section: innermostSection(doc, line),
      closed,
    };
  }
  const explanations = doc.explanations.filter((_, k) => k !== at);
  if (explanation) explanations.splice(firstOpenOnOrAfter(explanations, line), 0, explanation);
  doc.explanations = explanations;
  // Explanations without an `hkex` list are named in their order, which is the order of their fences.
  const noIds: SyntaxProblem[] =
    explanation && !attr(open.attrsText?.attrs, 'hkex') ? [{ range: openRange, key: 'explain.noIds', args: {} }] : [];
  problems.explanations = spliceLine(problems.explanations, line, noIds);
  changed.explanations = changed.syntaxProblems = true;
  return true;
}

/** The fence closing the div opened on `line` (nested divs paired as the block scanner pairs them), or the last line when none does. */
function closingFenceOf(
  kinds: Uint8Array,
  lineAt: (k: number) => string | undefined,
  line: number,
): { closeLine: number; closed: boolean } {
  let depth = 1;
  for (let k = line + 1; k < kinds.length; k++) {
    if (kinds[k] !== LineKind.DivFence) continue;
    if (!isClosingFence(DIV_FENCE.exec(lineAt(k) ?? '')?.[2] ?? '')) depth++;
    else if (--depth === 0) return { closeLine: k, closed: true };
  }
  return { closeLine: kinds.length - 1, closed: false };
}

/** First index of an explanation whose fence is on or after `line` (explanations are in the order of their fences). */
function firstOpenOnOrAfter(explanations: Explanation[], line: number): number {
  let k = 0;
  while (k < explanations.length && explanations[k].openRange.start.line < line) k++;
  return k;
}

/** Kinds of the lines a section's `hasContent` counts (everything but blank lines, headings and the front matter). */
const CONTENT_KINDS = new Set<number>([
  LineKind.Prose,
  LineKind.Code,
  LineKind.Fence,
  LineKind.DivFence,
  LineKind.TableHeader,
  LineKind.TableDelimiter,
  LineKind.TableRow,
]);

/** Recomputes `hasContent` of the sections containing a line that became or stopped being blank; returns whether one changed. */
function refreshHasContent(doc: SyntaxTree, kinds: Uint8Array, line: number): boolean {
  let sections: Section[] | undefined;
  for (let k = innermostSection(doc, line); k !== undefined; k = doc.sections[k].parent) {
    const s = doc.sections[k];
    if (line <= s.heading.range.end.line) continue;
    let hasContent = CONTENT_KINDS.has(kinds[line]);
    for (let l = s.heading.range.end.line + 1; !hasContent && l <= s.range.end.line; l++)
      hasContent = CONTENT_KINDS.has(kinds[l]);
    if (hasContent === s.hasContent) continue;
    sections ??= doc.sections.slice();
    sections[k] = { ...s, hasContent };
  }
  if (sections) doc.sections = sections;
  return sections !== undefined;
}

/** Ranges that end at the end of the edited line (sections, an unclosed explanation) follow its new length. */
function patchLineEnds(doc: SyntaxTree, line: number, edit: LineEdit): void {
  if (edit.newLength === edit.oldLength) return;
  const endsHere = (r: { end: { line: number; character: number } }) =>
    r.end.line === line && r.end.character === edit.oldLength;
  if (doc.sections.some((s) => endsHere(s.range))) {
    doc.sections = doc.sections.map((s) =>
      endsHere(s.range) ? { ...s, range: { start: s.range.start, end: { line, character: edit.newLength } } } : s,
    );
  }
  if (doc.explanations.some((e) => endsHere(e.range))) {
    doc.explanations = doc.explanations.map((e) =>
      endsHere(e.range) ? { ...e, range: { start: e.range.start, end: { line, character: edit.newLength } } } : e,
    );
  }
}

/** The run of non-blank lines around the edited line, before and after the edit. */
function around(
  oldLineAt: (k: number) => string | undefined,
  newLineAt: (k: number) => string | undefined,
  lineCount: number,
  line: number,
): SyntaxReparse['around'] {
  // The edited line counts as text: it is in one version or the other, and joins the runs around it.
  const blank = (k: number) => k !== line && (oldLineAt(k) ?? '').trim() === '';
  let first = line;
  while (first > 0 && line - first < AROUND_MAX_LINES && !blank(first - 1)) first--;
  let last = line;
  while (last + 1 < lineCount && last - line < AROUND_MAX_LINES && !blank(last + 1)) last++;
  if (line - first >= AROUND_MAX_LINES || last - line >= AROUND_MAX_LINES) return undefined;
  const before: string[] = [];
  const after: string[] = [];
  for (let k = first; k <= last; k++) {
    before.push(oldLineAt(k) ?? '');
    after.push(newLineAt(k) ?? '');
  }
  return { before: before.join('\n'), after: after.join('\n') };
}
