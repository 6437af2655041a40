// Incremental parsing. Typing changes one line at a time, and on almost every keystroke that line keeps
// its kind: prose stays prose, a table row stays a row of the same table, a heading keeps its level.
// Then the rest of the document parses exactly as before, so the new model is the previous one with
// that line's block re-read and every later offset moved; positions (line, column) on other lines do
// not change at all. A line of the front matter's YAML or a div fence that keeps its role is patched too.
// A line break typed or deleted, or a line pasted or deleted, among lines of prose and blank lines (or among
// a table's body rows, each new line holding a pipe), replaces those lines and moves everything below by the
// difference in lines (`reparseLines`). Any edit this module
// cannot prove local (a line changing kind, a front matter fence, a setext heading...) returns undefined and
// the caller parses the whole document. test/unit/incremental.test.ts checks the result equals a full parse.
// Syntax only: the interpretation above (recognition/document.ts) reads the edited table and headings again.
import type {
  Attributes,
  Explanation,
  Heading,
  Link,
  RequirementRef,
  Section,
  Span,
  SyntaxProblem,
  SyntaxTree,
  Table,
  TableCell,
  TableRow,
} from '../model';
import type { Position, Range } from '../types';
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
import { lineRange, lineText, positionAt, range, splitLines } from './lines';
import { attr } from './attributes';
import { splitRequirementList } from './requirements';
import { detachedCopy, isBlank } from '../text/normalize';

/** A change confined to one line: columns of the changed text on the old and on the new line. */
export interface LineEdit {
  line: number;
  start: number;
  oldEnd: number;
  newEnd: number;
  oldLength: number;
  newLength: number;
  /**
   * Set when the edit replaced whole lines of prose (a line break typed or deleted, a line pasted or
   * deleted): the old lines `line`…`lastLine` became `lines` more (or fewer) lines, and every line below
   * moved by `lines`. The columns above then describe nothing: a position on the replaced lines cannot be moved.
   */
  shift?: { lastLine: number; lines: number };
}

export type EditKind = 'prose' | 'code' | 'table' | 'heading' | 'div' | 'frontMatter' | 'lines';

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
  const region = changedRegion(previous.text, text);
  if (!region) return undefined;
  const edit = lineEditBetween(previous, text, region);
  if (!edit) return reparseLinesSliding(previous, state, text, region);
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
  const changed = nothingChanged();
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
/** Changes as an edit starts them: none, each set as the patch finds what it replaced. */
function nothingChanged(): SyntaxChanges {
  return {
    links: false,
    spans: false,
    syntaxProblems: false,
    explanations: false,
    tables: false,
    headings: false,
    frontMatter: false,
  };
}

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

/** Where two texts differ: the first offset, and the end of the differing text in each (found by comparing both ends). */
interface Region {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function changedRegion(old: string, text: string): Region | undefined {
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
  return { start: p, oldEnd: old.length - s, newEnd: text.length - s };
}

/** The single-line change a region makes; undefined when a line break is involved. */
function lineEditBetween(
  previous: SyntaxTree,
  text: string,
  { start: p, oldEnd, newEnd }: Region,
): LineEdit | undefined {
  const old = previous.text;
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

// ---- lines replaced by lines ----

/** How far a pure insertion or deletion is slid back to find the lines it replaces (`reparseLinesSliding`). */
const MAX_SLIDE = 64;

/**
 * `reparseLines` of the region, or of the same insertion or deletion placed earlier: comparing both ends
 * places it as late as it can go, so a paragraph pasted after a blank line is seen as inserted after the
 * next line's break, on the line below (a table's, say), when it equally replaces the blank line.
 */
function reparseLinesSliding(
  previous: SyntaxTree,
  state: ParseState,
  text: string,
  region: Region,
): SyntaxReparse | undefined {
  let r = region;
  for (let k = 0; ; k++) {
    const done = reparseLines(previous, state, text, r);
    if (done) return done;
    // One character earlier when the character before it also ends it.
    const inserted = r.oldEnd === r.start;
    if (!inserted && r.newEnd !== r.start) return undefined;
    const side = inserted ? text : previous.text;
    const end = inserted ? r.newEnd : r.oldEnd;
    if (k >= MAX_SLIDE || r.start === 0 || side.charCodeAt(r.start - 1) !== side.charCodeAt(end - 1)) return undefined;
    r = { start: r.start - 1, oldEnd: r.oldEnd - 1, newEnd: r.newEnd - 1 };
  }
}

/** Kinds a line may have on either side of an edit that replaces lines (the block scanner reads nothing across them). */
const isProseOrBlank = (kind: number) => kind === LineKind.Prose || kind === LineKind.Blank;

/**
 * The next version's syntax when lines of prose became other lines of prose (Enter or Backspace at a line's
 * end, a paragraph line pasted or deleted), or body rows of one table other rows: the replaced lines are
 * read again (the table too), and everything below moves by the difference in lines. Undefined when a
 * replaced or new line is (or makes a neighbour) anything else, and near the front matter.
 */
function reparseLines(
  previous: SyntaxTree,
  state: ParseState,
  text: string,
  region: Region,
): SyntaxReparse | undefined {
  const old = previous.text;
  const starts = previous.lineStarts;
  const first = positionAt(starts, region.start).line;
  if (first === 0 || first < state.bodyStart) return undefined;
  const lineEnd = (k: number) => starts[k] + (lineText(old, starts, k) ?? '').length;
  let last = positionAt(starts, region.oldEnd).line;
  // An end inside a line break (between CR and LF) takes the next line in.
  while (last < starts.length && lineEnd(last) < region.oldEnd) last++;
  if (last >= starts.length) return undefined;
  // Rows of one table (below its delimiter row) replaced by rows: the table is read again, the rest moves.
  const inTable = rowsOfOneTable(previous.tables, state.kinds, first, last);
  if (inTable === undefined) for (let k = first; k <= last; k++) if (!isProseOrBlank(state.kinds[k])) return undefined;

  const blockStart = starts[first];
  const delta = region.newEnd - region.oldEnd;
  const blockEnd = lineEnd(last) + delta;
  const block = text.slice(blockStart, blockEnd);
  // A CR before the block and an LF starting it, or a CR ending it before the LF after it, would join into one break.
  if (old.charCodeAt(blockStart - 1) === 13 && text.charCodeAt(blockStart) === 10) return undefined;
  if (block.charCodeAt(block.length - 1) === 13 && text.charCodeAt(blockEnd) === 10) return undefined;
  const { texts: sliced, starts: newStarts } = splitLines(block);
  // Copied out of the document, as the one-line patch does: what is read from them would keep this text alive.
  const newLines = sliced.map(detachedCopy);
  const lines = newLines.length - (last - first + 1);
  // Under a first line `---` that is a thematic break, a new closing fence would make a front matter.
  if (state.bodyStart === 0 && isFrontMatterFence(lineText(old, starts, 0) ?? '', 'open')) {
    if (first <= 1 || newLines.some((l) => isFrontMatterFence(l, 'close'))) return undefined;
  }
  const after = lineText(old, starts, last + 1);
  const newKinds = inTable === undefined ? kindsOfProse(state, first, newLines, after) : kindsOfRows(newLines);
  if (!newKinds) return undefined;
  // The line below sees a blank line before it or not: that matters only to a setext heading's text line.
  const blankBefore = newKinds[newKinds.length - 1] === LineKind.Blank;
  if (blankBefore !== (state.kinds[last] === LineKind.Blank)) {
    if (state.kinds[last + 1] === LineKind.Setext) return undefined;
    const below = lineText(old, starts, last + 2);
    if (blankBefore && state.kinds[last + 1] === LineKind.Prose && below !== undefined && SETEXT.test(below))
      return undefined;
  }

  const lineStarts = starts.slice(0, first + 1);
  for (let j = 1; j < newStarts.length; j++) lineStarts.push(blockStart + newStarts[j]);
  for (let k = last + 1; k < starts.length; k++) lineStarts.push(starts[k] + delta);
  const kinds = new Uint8Array(state.kinds.length + lines);
  kinds.set(state.kinds.subarray(0, first));
  kinds.set(newKinds, first);
  kinds.set(state.kinds.subarray(last + 1), first + newLines.length);

  const newLast = first + newLines.length - 1;
  const oldLastLength = lineEnd(last) - starts[last];
  const shift = lineShift(first, last, lines, oldLastLength, newLines[newLines.length - 1].length);
  // Headings and sections only move with the lines, unless a section gains or loses its content.
  const changed = nothingChanged();
  const prior = syntaxOf(previous);
  const doc: SyntaxTree = { ...prior, text, lineStarts };
  // Inline items of the replaced lines go, the new lines' come, those below move.
  const inline: { links: Link[]; spans: Span[]; problems: SyntaxProblem[] } = { links: [], spans: [], problems: [] };
  newLines.forEach((line, j) => {
    if (newKinds[j] !== LineKind.Prose && newKinds[j] !== LineKind.TableRow) return;
    const found = inlineOf(line, first + j, newKinds[j] === LineKind.TableRow);
    if (!found) return;
    for (const l of found.links) inline.links.push(l);
    for (const sp of found.spans) inline.spans.push(sp);
    for (const pr of found.problems) inline.problems.push(pr);
  });
  const replace = <T extends { range: Range }>(items: T[], added: T[], move: (item: T) => T): T[] => {
    const from = firstOnOrAfter(items, first);
    let to = from;
    while (to < items.length && items[to].range.start.line <= last) to++;
    const out = items.slice(0, from);
    for (const item of added) out.push(item);
    for (let k = to; k < items.length; k++) out.push(move(items[k]));
    return out;
  };
  const hadInline = (items: { range: Range }[]) => {
    const from = firstOnOrAfter(items, first);
    return from < items.length && items[from].range.start.line <= last;
  };
  changed.links = hadInline(prior.links) || inline.links.length > 0;
  changed.spans = hadInline(prior.spans) || inline.spans.length > 0;
  const problems: ParseState['problems'] = {
    scan: [],
    unclosedDivs: state.problems.unclosedDivs.map((pr) => shiftProblem(pr, shift)),
    explanations: state.problems.explanations.map((pr) => shiftProblem(pr, shift)),
  };
  changed.syntaxProblems = hadInline(state.problems.scan) || inline.problems.length > 0;
  problems.scan = replace(state.problems.scan, inline.problems, (pr) => shiftProblem(pr, shift));
  doc.links = replace(prior.links, inline.links, (l) => ({
    ...l,
    range: shift.range(l.range),
    hrefRange: shift.range(l.hrefRange),
  }));
  doc.spans = replace(prior.spans, inline.spans, (sp) => ({
    ...sp,
    range: shift.range(sp.range),
    attrs: shiftAttributes(sp.attrs, shift),
  }));
  const below = (r: Range) => r.start.line > last;
  doc.headings = prior.headings.map((h) => (below(h.range) ? shiftHeading(h, shift) : h));
  doc.sections = prior.sections.map((sec, k) => {
    if (sec.range.end.line < first) return sec;
    const moved: Section = { ...sec, heading: doc.headings[k], range: shift.range(sec.range) };
    if (below(sec.range)) {
      moved.tags = sec.tags.map((ref) => shiftRef(ref, shift));
      if (sec.tagRange) moved.tagRange = shift.range(sec.tagRange);
    }
    return moved;
  });
  doc.tables = prior.tables.map((t) => (below(t.range) ? shiftTable(t, shift, lines) : t));
  const lineAt = (k: number) => {
    if (k >= first && k <= newLast) return newLines[k - first];
    const l = lineText(text, lineStarts, k);
    return l === undefined ? undefined : detachedCopy(l);
  };
  if (inTable !== undefined) {
    const old = prior.tables[inTable];
    const table: Table = { ...readTable(lineAt, old.range.start.line, inTable), section: old.section };
    // Rows with a pipe continue the table: it ends where it ended, moved by the lines added.
    if (table.range.end.line !== shift.range(old.range).end.line) return undefined;
    doc.tables[inTable] = table;
    changed.tables = true;
  }
  doc.explanations = prior.explanations.map((e) => {
    if (e.range.end.line < first) return e;
    if (below(e.range)) {
      return {
        ...e,
        refs: e.refs.map((ref) => shiftRef(ref, shift)),
        range: shift.range(e.range),
        openRange: shift.range(e.openRange),
      };
    }
    // The edit is in its body: its reason is read again (an unclosed div runs to the end).
    changed.explanations = true;
    const range = shift.range(e.range);
    const lastText = e.closed ? range.end.line - 1 : range.end.line;
    return { ...e, range, text: explanationText(lineAt, e.openRange.start.line + 1, lastText) };
  });
  if (shift.broken) return undefined;
  // Prose on both sides (or on neither) leaves every section's content as it was.
  let hadProse = false;
  for (let k = first; k <= last; k++) hadProse ||= state.kinds[k] === LineKind.Prose;
  if (hadProse !== newKinds.includes(LineKind.Prose)) changed.headings = refreshHasContent(doc, kinds, first);
  doc.syntaxProblems = joinProblems(problems);
  rememberParseState(doc, { kinds, bodyStart: state.bodyStart, problems });
  const oldLineAt = (k: number) => lineText(old, starts, k);
  return {
    doc,
    edit: {
      line: first,
      start: 0,
      oldEnd: oldLastLength,
      newEnd: 0,
      oldLength: oldLastLength,
      newLength: 0,
      shift: { lastLine: last, lines },
    },
    kind: 'lines',
    changed,
    table: inTable,
    around: aroundLines(oldLineAt, first, last, lineAt, newLast),
  };
}

/** The index of the table whose body rows (below the delimiter row) include lines `first`…`last`, if one does. */
function rowsOfOneTable(tables: Table[], kinds: Uint8Array, first: number, last: number): number | undefined {
  for (let k = first; k <= last; k++) if (kinds[k] !== LineKind.TableRow) return undefined;
  const index = tableAt(tables, first);
  if (index < 0 || tables[index].range.end.line < last) return undefined;
  return index;
}

/** New lines among a table's rows: rows when each holds a pipe (and is not blank), as the table reader takes them. */
function kindsOfRows(lines: string[]): Uint8Array | undefined {
  for (const line of lines) if (isBlank(line) || !line.includes('|')) return undefined;
  return new Uint8Array(lines.length).fill(LineKind.TableRow);
}

/**
 * The kinds of new lines replacing lines `first`… when each is prose or blank as the block scanner reads it
 * there (with the line after them, `after`); undefined when one is anything else or turns a neighbour into a table or heading.
 */
function kindsOfProse(
  state: ParseState,
  first: number,
  lines: string[],
  after: string | undefined,
): Uint8Array | undefined {
  const kinds = new Uint8Array(lines.length);
  const prevKind = state.kinds[first - 1];
  const afterTable = prevKind === LineKind.TableRow || prevKind === LineKind.TableDelimiter;
  let prevBlank = first === state.bodyStart || prevKind === LineKind.Blank;
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j];
    const next = j + 1 < lines.length ? lines[j + 1] : after;
    if (line.trim() === '') {
      kinds[j] = LineKind.Blank;
      prevBlank = true;
      continue;
    }
    if (FENCE.test(line) || DIV_FENCE.test(line) || ATX.test(line) || SETEXT.test(line) || isDelimiterRow(line))
      return undefined;
    const pipe = line.includes('|');
    if (pipe && ((j === 0 && afterTable) || (next !== undefined && isDelimiterRow(next)))) return undefined;
    if (prevBlank && next !== undefined && SETEXT.test(next) && !pipe && !LIST_ITEM.test(line)) return undefined;
    kinds[j] = LineKind.Prose;
    prevBlank = false;
  }
  return kinds;
}

/** Moves ranges from the previous version to the next below replaced lines; notes a position it cannot place. */
interface LineShift {
  range(r: Range): Range;
  broken: boolean;
}

function lineShift(
  first: number,
  last: number,
  lines: number,
  oldLastLength: number,
  newLastLength: number,
): LineShift {
  const position = (p: Position): Position => {
    if (p.line > last) return { line: p.line + lines, character: p.character };
    if (p.line < first) return p;
    // A range ending at the end of the last replaced line (a section, an unclosed div) ends at the new last line's end.
    if (p.line === last && p.character === oldLastLength) return { line: last + lines, character: newLastLength };
    shift.broken = true;
    return p;
  };
  const shift: LineShift = {
    broken: false,
    range: (r) => ({ start: position(r.start), end: position(r.end) }),
  };
  return shift;
}

function shiftProblem(problem: SyntaxProblem, shift: LineShift): SyntaxProblem {
  return { ...problem, range: shift.range(problem.range) };
}

function shiftRef(ref: RequirementRef, shift: LineShift): RequirementRef {
  return { ...ref, range: shift.range(ref.range) };
}

function shiftAttributes(attrs: Attributes, shift: LineShift): Attributes {
  const moved: Attributes = {
    ...attrs,
    pairs: attrs.pairs.map((pair) => ({
      ...pair,
      keyRange: shift.range(pair.keyRange),
      valueRange: shift.range(pair.valueRange),
    })),
    range: shift.range(attrs.range),
  };
  if (attrs.idRange) moved.idRange = shift.range(attrs.idRange);
  return moved;
}

function shiftHeading(heading: Heading, shift: LineShift): Heading {
  const moved: Heading = { ...heading, titleRange: shift.range(heading.titleRange), range: shift.range(heading.range) };
  if (heading.attrs) moved.attrs = shiftAttributes(heading.attrs, shift);
  return moved;
}

// Rows and cells are built as literals in the shape `splitRow` gives them (a spread copy of each was most of
// moving the tables below a pasted line), in an array of exactly the row's length.
function shiftRow(row: TableRow, lines: number, shift: LineShift): TableRow {
  const from = row.cells;
  const cells = new Array<TableCell>(from.length);
  for (let i = 0; i < from.length; i++) cells[i] = { text: from[i].text, range: shift.range(from[i].range) };
  return { cells, line: row.line + lines, range: shift.range(row.range) };
}

function shiftTable(table: Table, shift: LineShift, lines: number): Table {
  return {
    ...table,
    header: shiftRow(table.header, lines, shift),
    rows: table.rows.map((row) => shiftRow(row, lines, shift)),
    range: shift.range(table.range),
  };
}

/** The runs of non-blank lines around replaced lines, before and after the edit. */
function aroundLines(
  oldLineAt: (k: number) => string | undefined,
  first: number,
  last: number,
  newLineAt: (k: number) => string | undefined,
  newLast: number,
): SyntaxReparse['around'] {
  const blank = (line: string | undefined) => (line ?? '').trim() === '';
  let from = first;
  while (from > 0 && first - from < AROUND_MAX_LINES && !blank(oldLineAt(from - 1))) from--;
  let to = last;
  while (to - last < AROUND_MAX_LINES && oldLineAt(to + 1) !== undefined && !blank(oldLineAt(to + 1))) to++;
  if (first - from >= AROUND_MAX_LINES || to - last >= AROUND_MAX_LINES) return undefined;
  const before: string[] = [];
  const after: string[] = [];
  for (let k = from; k <= to; k++) before.push(oldLineAt(k) ?? '');
  for (let k = from; k <= to + newLast - last; k++) after.push(newLineAt(k) ?? '');
  return { before: before.join('\n'), after: after.join('\n') };
}
