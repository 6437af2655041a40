// The block parser of ESG Markdown. One linear pass over the lines finds the front matter, code
// fences, headings (ATX and setext) with Pandoc attributes, fenced divs, and pipe tables; then the
// section tree and explanations are derived from those blocks. Syntax only: what the front matter,
// the index and KPI tables and the requirement ids mean is read above it (recognition/document.ts).
// Hand-written rather than built on a Markdown library: the model needs exact ranges for every
// attribute, cell and id, and a block scanner is what incremental re-parsing will build on.
import type { Explanation, Heading, Link, Section, Span, SyntaxProblem, SyntaxTree, Table, TableRow } from '../model';
import { attr, findAttributeClose, parseAttributes } from './attributes';
import { scanInline } from './inline';
import { lineRange, positionAt, range, splitLines } from './lines';
import { splitRequirementList } from './requirements';
import { splitRow, isDelimiterRow, parseAlignments } from './tables';
import { isFrontMatterFence, opensFrontMatter } from '../frontmatterFence';
import { pandocIdentifier, uniqueIdentifier } from './identifiers';
import { LIMITS } from '../limits';
import { stripHtmlComments } from '../text/html';
import { isBlank, isWhiteSpaceCode } from '../text/normalize';

export const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
export const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const DIV_FENCE = /^ {0,3}(:{3,})(.*)$/;

/** What the block scanner made of each line; the incremental parser decides from it what an edit can change. */
export const LineKind = {
  FrontMatter: 1,
  Blank: 2,
  /** A code fence's opening or closing line. */
  Fence: 3,
  /** A line inside a code fence. */
  Code: 4,
  DivFence: 5,
  /** An ATX heading. */
  Heading: 6,
  /** The text line of a setext heading and its underline. */
  Setext: 7,
  TableHeader: 8,
  TableDelimiter: 9,
  TableRow: 10,
  /** Any other line: paragraph text, list items, block quotes, footnote definitions. */
  Prose: 11,
} as const;

/**
 * What a parse keeps beside its model so that the next version of the document can be parsed by
 * patching this one (parser/incremental.ts). Immutable once built: a patched parse shares what it
 * does not change.
 */
export interface ParseState {
  kinds: Uint8Array;
  /** First line after the front matter (where `prevBlank` starts true). */
  bodyStart: number;
  /** Syntax problems by the phase that found them; the model's list is their concatenation in this order. */
  problems: { scan: SyntaxProblem[]; unclosedDivs: SyntaxProblem[]; explanations: SyntaxProblem[] };
}

/**
 * Where a model keeps its parse state: a hidden field (not enumerable, so neither copied by a spread nor
 * compared nor serialised), which lives as long as the model does.
 */
const PARSE_STATE = Symbol('esgmark.parseState');

export function parseStateOf(doc: SyntaxTree): ParseState | undefined {
  return (doc as SyntaxTree & { [PARSE_STATE]?: ParseState })[PARSE_STATE];
}

export function rememberParseState(doc: SyntaxTree, state: ParseState): void {
  Object.defineProperty(doc, PARSE_STATE, { value: state, enumerable: false, writable: true, configurable: true });
}

export function joinProblems(p: ParseState['problems']): SyntaxProblem[] {
  return [...p.scan, ...p.unclosedDivs, ...p.explanations];
}

export interface OpenDiv {
  line: number;
  fenceEnd: number;
  classes: string[];
  attrsText?: ReturnType<typeof parseAttributes>;
}

export function parseSyntax(uri: string, text: string): SyntaxTree {
  const { texts: lines, starts } = splitLines(text);
  const doc: SyntaxTree = {
    uri,
    text,
    lineStarts: starts,
    headings: [],
    sections: [],
    explanations: [],
    tables: [],
    links: [],
    spans: [],
    syntaxProblems: [],
  };
  const problems: ParseState['problems'] = { scan: [], unclosedDivs: [], explanations: [] };
  const collector =
    (into: SyntaxProblem[]) =>
    (r: SyntaxProblem['range'], key: string, args: SyntaxProblem['args'] = {}) => {
      into.push({ range: r, key, args });
    };
  const problem = collector(problems.scan);
  const kinds = new Uint8Array(lines.length).fill(LineKind.Prose);

  let i = readFrontMatter(doc, lines, starts, problem);
  kinds.fill(LineKind.FrontMatter, 0, i);
  const bodyStart = i;
  const headingLines: number[] = [];
  /** Lines holding content other than headings (for empty-section checks). */
  const contentLines: number[] = [];
  const divStack: OpenDiv[] = [];
  const explanationDivs: { open: OpenDiv; closeLine: number; closed: boolean }[] = [];
  let codeFence: string | undefined;
  let prevBlank = true;
  /** Fences opened past `LIMITS.maxDivDepth` and not yet closed, with the problem reported for them. */
  let tooDeep: { open: number; inside: number; problem: SyntaxProblem } | undefined;

  for (; i < lines.length; i++) {
    const line = lines[i];
    if (codeFence !== undefined) {
      contentLines.push(i);
      const m = FENCE.exec(line);
      if (m && m[1][0] === codeFence[0] && m[1].length >= codeFence.length && line.trim() === m[1]) {
        codeFence = undefined;
        kinds[i] = LineKind.Fence;
      } else kinds[i] = LineKind.Code;
      continue;
    }
    if (isBlank(line)) {
      kinds[i] = LineKind.Blank;
      prevBlank = true;
      continue;
    }
    // The block openers below start with one of these characters after up to three spaces: the
    // regexes run only on the lines that can match them.
    const lead = blockMark(line);
    const fence = lead === 96 /* ` */ || lead === 126 /* ~ */ ? FENCE.exec(line) : null;
    if (fence) {
      kinds[i] = LineKind.Fence;
      codeFence = fence[1];
      contentLines.push(i);
      prevBlank = false;
      continue;
    }
    const div = lead === 58 /* : */ ? DIV_FENCE.exec(line) : null;
    if (div) {
      const rest = div[2].trim();
      const fenceEnd = line.indexOf(div[1]) + div[1].length;
      if (rest === '' || /^:+$/.test(rest)) {
        if (tooDeep) {
          // Closes an ignored fence: the divs kept stay paired with their own closing fences.
          if (--tooDeep.open === 0) tooDeep = undefined;
        } else {
          const open = divStack.pop();
          if (open && open.classes.includes('explain')) explanationDivs.push({ open, closeLine: i, closed: true });
        }
        // A closing fence with nothing open is an ordinary paragraph for Pandoc: not an error.
      } else if (tooDeep || divStack.length >= LIMITS.maxDivDepth) {
        // Past the depth limit a fence is not read as a div (its attributes neither): one problem for
        // the outermost ignored fence, counting the ones opened inside it, keeps the work and the output bounded.
        if (tooDeep) {
          tooDeep.open++;
          tooDeep.problem.args.count = ++tooDeep.inside;
          tooDeep.problem.key = 'div.tooDeepMore';
        } else {
          const p: SyntaxProblem = {
            range: lineRange(i, 0, line.length),
            key: 'div.tooDeep',
            args: { max: LIMITS.maxDivDepth, count: 0 },
          };
          problems.scan.push(p);
          tooDeep = { open: 1, inside: 0, problem: p };
        }
      } else {
        divStack.push(openDiv(line, i, fenceEnd, problem));
      }
      kinds[i] = LineKind.DivFence;
      contentLines.push(i);
      prevBlank = false;
      continue;
    }
    const atx = lead === 35 /* # */ ? ATX.exec(line) : null;
    if (atx) {
      doc.headings.push(readHeading(line, i, atx[1].length, line.indexOf(atx[1]) + atx[1].length, problem));
      kinds[i] = LineKind.Heading;
      headingLines.push(i);
      prevBlank = false;
      continue;
    }
    // Setext heading: a one-line paragraph underlined by === or ---.
    if (
      prevBlank &&
      i + 1 < lines.length &&
      SETEXT.test(lines[i + 1]) &&
      !line.includes('|') &&
      !/^ {0,3}([-*+]|\d+[.)])\s/.test(line)
    ) {
      const level = lines[i + 1].trim()[0] === '=' ? 1 : 2;
      const h = readHeading(line, i, level, 0, problem);
      h.range = range(i, 0, i + 1, lines[i + 1].length);
      doc.headings.push(h);
      headingLines.push(i);
      kinds[i] = kinds[i + 1] = LineKind.Setext;
      i++;
      prevBlank = false;
      continue;
    }
    // Pipe table: a row with '|' followed by a delimiter row.
    if (line.includes('|') && i + 1 < lines.length && isDelimiterRow(lines[i + 1])) {
      const table = readTable((k) => lines[k], i, doc.tables.length);
      doc.tables.push(table);
      kinds[i] = LineKind.TableHeader;
      kinds[i + 1] = LineKind.TableDelimiter;
      kinds.fill(LineKind.TableRow, i + 2, table.range.end.line + 1);
      for (let l = i; l <= table.range.end.line; l++) {
        contentLines.push(l);
        collectInline(doc, lines[l], l, problem, true);
      }
      i = table.range.end.line;
      prevBlank = false;
      continue;
    }
    contentLines.push(i);
    collectInline(doc, line, i, problem, false);
    prevBlank = false;
  }
  for (const open of divStack) {
    problems.unclosedDivs.push({
      range: lineRange(open.line, 0, lines[open.line].length),
      key: 'div.unclosed',
      args: {},
    });
    if (open.classes.includes('explain')) explanationDivs.push({ open, closeLine: lines.length - 1, closed: false });
  }

  buildSections(doc, lines, headingLines, contentLines);
  buildExplanations(doc, lines, explanationDivs, collector(problems.explanations));
  for (const t of doc.tables) t.section = innermostSection(doc, t.range.start.line);
  doc.syntaxProblems = joinProblems(problems);
  rememberParseState(doc, { kinds, bodyStart, problems });
  return doc;
}

/** The character code after a line's first (up to three) spaces: where a fence, div fence or ATX heading starts. */
function blockMark(line: string): number {
  let k = 0;
  while (k < 3 && line.charCodeAt(k) === 32) k++;
  return line.charCodeAt(k);
}

function readFrontMatter(
  doc: SyntaxTree,
  lines: string[],
  starts: number[],
  problem: (r: SyntaxProblem['range'], key: string, args?: SyntaxProblem['args']) => void,
): number {
  if (!opensFrontMatter(lines[0], lines[1])) return 0;
  let end = -1;
  for (let l = 1; l < lines.length; l++) {
    if (isFrontMatterFence(lines[l], 'close')) {
      end = l;
      break;
    }
  }
  if (end < 0) {
    // Only an error when it looks like YAML was meant; otherwise it is a horizontal rule.
    if (/^[A-Za-z_-]+\s*:/.test(lines[1] ?? '')) problem(lineRange(0, 0, lines[0].length), 'fm.unclosed');
    return 0;
  }
  const yamlStart = starts[1];
  const yamlText = doc.text.slice(yamlStart, starts[end]);
  doc.frontMatter = { range: range(0, 0, end, lines[end].length), yamlStart, yamlText };
  return end + 1;
}

export function openDiv(
  line: string,
  lineNo: number,
  fenceEnd: number,
  problem: (r: SyntaxProblem['range'], key: string) => void,
): OpenDiv {
  const open: OpenDiv = { line: lineNo, fenceEnd, classes: [] };
  const brace = line.indexOf('{', fenceEnd);
  if (brace >= 0) {
    const close = findAttributeClose(line, brace);
    if (close < 0) {
      problem(lineRange(lineNo, brace, line.length), 'attr.unclosed');
      return open;
    }
    open.attrsText = parseAttributes(line, lineNo, brace, close);
    for (const p of open.attrsText.problems) problem(lineRange(lineNo, p.start, p.end), p.key);
    open.classes = open.attrsText.attrs.classes;
  } else {
    // `::: explain` — a bare class name, optionally followed by more colons.
    const word = line
      .slice(fenceEnd)
      .replace(/(?<!:):+\s*$/, '')
      .trim();
    if (word && !/\s/.test(word)) open.classes = [word];
  }
  return open;
}

export function readHeading(
  line: string,
  lineNo: number,
  level: number,
  contentStart: number,
  problem: (r: SyntaxProblem['range'], key: string) => void,
): Heading {
  let end = line.length;
  while (end > contentStart && isWhiteSpaceCode(line.charCodeAt(end - 1))) end--;
  let attrs: Heading['attrs'];
  if (line[end - 1] === '}') {
    // Find the `{` whose block closes at the end of the line.
    for (let b = line.lastIndexOf('{', end - 1); b >= contentStart; b = line.lastIndexOf('{', b - 1)) {
      if (findAttributeClose(line, b) === end - 1) {
        const parsed = parseAttributes(line, lineNo, b, end - 1);
        for (const p of parsed.problems) problem(lineRange(lineNo, p.start, p.end), p.key);
        attrs = parsed.attrs;
        end = b;
        break;
      }
      if (b === 0) break;
    }
  } else if (line.lastIndexOf('{') > line.lastIndexOf('}') && /\{[^{}]*[#.=]/.test(line.slice(contentStart))) {
    problem(lineRange(lineNo, line.lastIndexOf('{'), line.length), 'attr.unclosed');
  }
  // Closing hashes of an ATX heading are not part of the title.
  let titleEnd = end;
  while (titleEnd > contentStart && isWhiteSpaceCode(line.charCodeAt(titleEnd - 1))) titleEnd--;
  if (level > 0 && contentStart > 0) {
    let h = titleEnd;
    while (h > contentStart && line[h - 1] === '#') h--;
    if (h < titleEnd && (h === contentStart || isWhiteSpaceCode(line.charCodeAt(h - 1)))) {
      titleEnd = h;
      while (titleEnd > contentStart && isWhiteSpaceCode(line.charCodeAt(titleEnd - 1))) titleEnd--;
    }
  }
  let titleStart = contentStart;
  while (titleStart < titleEnd && isWhiteSpaceCode(line.charCodeAt(titleStart))) titleStart++;
  const title = line.slice(titleStart, titleEnd);
  return {
    level,
    title,
    titleRange: lineRange(lineNo, titleStart, titleEnd),
    range: lineRange(lineNo, 0, line.length),
    attrs,
    anchor: attrs?.id ?? '',
  };
}

/** Reads the table whose header is on `headerLine`; `lineAt` gives a line's text, undefined past the end. */
export function readTable(lineAt: (line: number) => string | undefined, headerLine: number, index: number): Table {
  const header = splitRow(lineAt(headerLine) ?? '', headerLine);
  const alignments = parseAlignments(lineAt(headerLine + 1) ?? '');
  const rows: TableRow[] = [];
  let l = headerLine + 2;
  let lastText = lineAt(headerLine + 1) ?? '';
  for (; ; l++) {
    const t = lineAt(l);
    if (t === undefined || isBlank(t) || !t.includes('|')) break;
    rows.push(splitRow(t, l));
    lastText = t;
  }
  const last = l - 1;
  return { index, header, rows, alignments, range: range(headerLine, 0, last, lastText.length) };
}

function collectInline(
  doc: SyntaxTree,
  line: string,
  lineNo: number,
  problem: (r: SyntaxProblem['range'], key: string) => void,
  inTable: boolean,
) {
  const found = inlineOf(line, lineNo, inTable);
  if (!found) return;
  // Loops, not push(...list): a spread of a line's 10⁵ links would overflow the call stack.
  for (const link of found.links) doc.links.push(link);
  for (const p of found.problems) problem(p.range, p.key);
  for (const span of found.spans) doc.spans.push(span);
}

/** Links, number spans (outside tables) and inline syntax problems of one line; undefined when it has none. */
export function inlineOf(
  line: string,
  lineNo: number,
  inTable: boolean,
): { links: Link[]; spans: Span[]; problems: SyntaxProblem[] } | undefined {
  if (!line.includes('](') && !line.includes(']{')) return undefined;
  const found = scanInline(line, lineNo);
  return {
    links: found.links,
    problems: found.problems.map((p) => ({ range: lineRange(lineNo, p.start, p.end), key: p.key, args: {} })),
    spans: inTable ? [] : found.spans.filter((s) => attr(s.attrs, 'kpi') || attr(s.attrs, 'check')),
  };
}

/** Pandoc's identifiers, in document order: an explicit id is taken as written, an automatic one avoids every id seen before it. */
export function assignAnchors(headings: Heading[]): void {
  const used = new Map<string, number>();
  for (const h of headings) {
    if (h.attrs?.id) used.set(h.attrs.id, used.get(h.attrs.id) ?? 0);
    else h.anchor = uniqueIdentifier(pandocIdentifier(h.title), used);
  }
}

/** The section fields read from its heading's attributes. */
export function headingFields(heading: Heading): Pick<Section, 'tags' | 'tagRange' | 'isIndex'> {
  const hkex = attr(heading.attrs, 'hkex');
  return {
    tags: hkex ? splitRequirementList(hkex.value, hkex.valueRange) : [],
    tagRange: hkex?.valueRange,
    isIndex: heading.attrs?.classes.includes('hkex-index') ?? false,
  };
}

function buildSections(doc: SyntaxTree, lines: string[], headingLines: number[], contentLines: number[]) {
  assignAnchors(doc.headings);

  const stack: Section[] = [];
  doc.headings.forEach((heading, index) => {
    const startLine = headingLines[index];
    let endLine = lines.length - 1;
    for (let k = index + 1; k < doc.headings.length; k++) {
      if (doc.headings[k].level <= heading.level) {
        endLine = headingLines[k] - 1;
        break;
      }
    }
    while (stack.length && stack[stack.length - 1].heading.level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    const fields = headingFields(heading);
    // Fields named one by one (in headingFields' order): a spread in the middle of a literal is slow.
    const section: Section = {
      index,
      heading,
      range: range(startLine, 0, endLine, lines[endLine]?.length ?? 0),
      tags: fields.tags,
      tagRange: fields.tagRange,
      isIndex: fields.isIndex,
      parent: parent?.index,
      children: [],
      hasContent: hasContentBetween(contentLines, heading.range.end.line + 1, endLine),
    };
    parent?.children.push(index);
    doc.sections.push(section);
    stack.push(section);
  });
  // Each list of children as a copy of exactly its length: grown by push, it holds 17 slots or more.
  for (const section of doc.sections) if (section.children.length) section.children = section.children.slice();
}

/** True when a content line lies in [from, to]; `contentLines` is sorted. */
function hasContentBetween(contentLines: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = contentLines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (contentLines[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < contentLines.length && contentLines[lo] <= to;
}

/** The deepest section containing a line: binary search on start lines, then up the parent chain. */
export function innermostSection(doc: SyntaxTree, line: number): number | undefined {
  const sections = doc.sections;
  let lo = 0;
  let hi = sections.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].range.start.line <= line) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let s: number | undefined = last < 0 ? undefined : last; s !== undefined; s = sections[s].parent) {
    if (sections[s].range.end.line >= line) return s;
  }
  return undefined;
}

function buildExplanations(
  doc: SyntaxTree,
  lines: string[],
  divs: { open: OpenDiv; closeLine: number; closed: boolean }[],
  problem: (r: SyntaxProblem['range'], key: string) => void,
) {
  divs.sort((a, b) => a.open.line - b.open.line);
  for (const { open, closeLine, closed } of divs) {
    const hkex = attr(open.attrsText?.attrs, 'hkex');
    const openRange = lineRange(open.line, 0, lines[open.line].length);
    if (!hkex) problem(openRange, 'explain.noIds');
    const lastText = closed ? closeLine - 1 : closeLine;
    const explanation: Explanation = {
      refs: hkex ? splitRequirementList(hkex.value, hkex.valueRange) : [],
      range: range(open.line, 0, closeLine, lines[closeLine].length),
      openRange,
      text: explanationText((k) => lines[k], open.line + 1, lastText),
      section: innermostSection(doc, open.line),
      closed,
    };
    doc.explanations.push(explanation);
  }
}

/**
 * The reason given in an explanation: its body lines, without HTML comments (e.g. a placeholder left by a
 * quick fix). Only the first `LIMITS.maxExplanationChars` characters of the body are read: nested or
 * unclosed divs would otherwise each copy the rest of the report, quadratic in their number.
 */
export function explanationText(lineAt: (line: number) => string | undefined, first: number, last: number): string {
  const body: string[] = [];
  /** Characters taken so far, with the line break that will precede the next line. */
  let length = 0;
  for (let l = first; l <= last; l++) {
    const line = lineAt(l) ?? '';
    const room = LIMITS.maxExplanationChars - length;
    if (line.length > room) {
      // Cut, but not between the two halves of a surrogate pair.
      let end = room;
      if (end > 0 && /[\uD800-\uDBFF]/.test(line[end - 1])) end--;
      if (end > 0) body.push(line.slice(0, end));
      break;
    }
    body.push(line);
    length += line.length + 1;
  }
  return stripHtmlComments(body.join('\n')).trim();
}

export { positionAt };
export type { Link, Span };
