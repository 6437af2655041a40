// The interpretation of the parser's syntax: what the front matter says (the config), which tables are
// index and KPI tables and what their rows mean, which requirement ids the `hkex` lists name. The parser
// (parser/) knows no catalog; this layer does, and turns a `SyntaxTree` into the `EsgDocument` that rules
// and features read. It runs once per document version: on a full parse over everything, on a patched
// parse (parser/incremental.ts) over what the edit touched, carrying the rest from the previous version.
// The memos are the KPI tables' by table text (recognition/kpiTables.ts) and, by table, why a table is not
// a KPI table (recognition/kpiShape.ts).
import type {
  EsgDocument,
  Explanation,
  FrontMatter,
  FrontMatterBlock,
  KpiTable,
  Section,
  SyntaxProblem,
  SyntaxTree,
  Table,
} from '../model';
import type { EsgConfig } from '../frontmatter';
import { DEFAULT_CONFIG, emptyMap, parseFrontMatter } from '../frontmatter';
import { parseStateOf, parseSyntax, rememberParseState } from '../parser/document';
import { reparseSyntax, type SyntaxChanges, type SyntaxReparse } from '../parser/incremental';
import { movedBelow } from '../parser/lineShift';
import { buildIndexTables, indexTablesKeptByHeadingEdit, isInIndexSection, rereadIndexSection } from './indexTables';
import { buildKpiTables, kpiTableOf } from './kpiTables';
import { resolveRequirements } from './requirements';

/** Which parts of the model an edit replaced: the syntax's, and the index tables read from it. */
export interface ChangedParts extends SyntaxChanges {
  indexTables: boolean;
}

export interface Reparse extends Omit<SyntaxReparse, 'doc' | 'changed'> {
  doc: EsgDocument;
  changed: ChangedParts;
}

/** Parses and interprets a whole document. */
export function parseDocument(uri: string, text: string): EsgDocument {
  const syntax = parseSyntax(uri, text);
  const { config, frontMatter } = configOf(syntax.frontMatter);
  // The fresh tree becomes the document, without a copy: nothing else holds it, and the parse state the
  // next edit patches from stays keyed by it.
  const doc = syntax as EsgDocument;
  if (frontMatter) doc.frontMatter = frontMatter;
  doc.config = config;
  doc.sections = resolveSectionTags(syntax.sections);
  doc.explanations = resolveExplanationRefs(syntax.explanations);
  doc.kpiTables = [];
  doc.syntaxProblems = withIndexProblems(syntax.syntaxProblems, readIndexTables(doc));
  buildKpiTables(doc);
  return doc;
}

/** The next version's document from the previous one, or undefined when only a full parse is safe. */
export function reparse(previous: EsgDocument, uri: string, text: string): Reparse | undefined {
  const patched = reparseSyntax(previous, uri, text);
  if (!patched) return undefined;
  const syntax = patched.doc;
  const changed: ChangedParts = { ...patched.changed, indexTables: false };
  const table = patched.table === undefined ? undefined : syntax.tables[patched.table];
  // The front matter is read again only when its YAML was edited; else its block, config and problems are as before.
  const { frontMatter: block, ...blocks } = syntax;
  const read = changed.frontMatter ? configOf(block) : { config: previous.config, frontMatter: previous.frontMatter };
  const doc: EsgDocument = {
    ...blocks,
    config: read.config,
    sections: patched.kind === 'heading' ? resolveSectionTags(syntax.sections) : syntax.sections,
    // A div fence's edit may give an explanation new (unresolved) refs.
    explanations: changed.explanations ? resolveExplanationRefs(syntax.explanations) : syntax.explanations,
    indexTables: previous.indexTables,
    // Lines replaced (in a table's rows, say) moved the tables below: theirs are rebased, the edited one read again.
    kpiTables:
      patched.kind === 'lines'
        ? table
          ? replaceKpiTable(movedKpiTables(previous, syntax), syntax, table)
          : movedKpiTables(previous, syntax)
        : table
          ? replaceKpiTable(previous.kpiTables, syntax, table)
          : previous.kpiTables,
  };
  if (read.frontMatter) doc.frontMatter = read.frontMatter;
  let indexProblems = indexProblemsOf(previous);
  // Index tables read rows across the tables of a section and resolve anchors: rebuilt whole (they are
  // few) when a heading was edited, unless its title only changed and no index cell asked for it, or
  // when the edited table is under an `.hkex-index` heading. (A section
  // gaining or losing content changes `headings` too, but nothing an index table reads.)
  if (patched.kind === 'heading' && indexTablesKeptByHeadingEdit(previous, doc, patched.edit.line)) {
    // A title no index cell names: the index tables (and their problems) are those of the previous version.
  } else if (
    patched.kind === 'heading' ||
    (table && table.section !== undefined && isInIndexSection(doc, table.section))
  ) {
    // A keystroke in a row of an index table, or its rows replaced by rows: its section's tables read
    // again, the other sections' kept (moved with the lines).
    const { shift } = patched.edit;
    const reread =
      table && (patched.kind === 'table' || patched.kind === 'lines')
        ? rereadIndexSection(
            previous,
            doc,
            table,
            patched.edit.line,
            indexProblems,
            shift && { first: patched.edit.line, lastLine: shift.lastLine, lines: shift.lines },
          )
        : undefined;
    if (reread) {
      doc.indexTables = reread.tables;
      indexProblems = reread.problems;
    } else indexProblems = readIndexTables(doc);
    changed.indexTables = changed.syntaxProblems = true;
  } else if (patched.edit.shift) {
    // What the index tables hold moved with the tables and headings they are read from (read again if a
    // position lies on the replaced lines, which only a table or heading there could give).
    const { line: first, shift } = patched.edit;
    const moved = movedBelow(
      { tables: previous.indexTables, problems: indexProblems },
      first,
      shift.lastLine,
      shift.lines,
    );
    if (moved) {
      doc.indexTables = moved.tables;
      indexProblems = moved.problems;
    } else indexProblems = readIndexTables(doc);
  }
  doc.syntaxProblems = withIndexProblems(syntax.syntaxProblems, indexProblems);
  carryParseState(syntax, doc);
  return { ...patched, doc, changed };
}

/** The config the front matter gives (the defaults without one), and the block with its problems. */
function configOf(block: FrontMatterBlock | undefined): { config: EsgConfig; frontMatter?: FrontMatter } {
  if (!block) return { config: { ...DEFAULT_CONFIG, denominators: emptyMap(), factors: emptyMap(), chapters: [] } };
  // The YAML library does not break lines at a lone CR (old Mac files); LF keeps every offset.
  const { config, problems } = parseFrontMatter(block.yamlText.replace(/\r(?!\n)/g, '\n'));
  return { config, frontMatter: { ...block, problems } };
}

/** Sections with their `hkex` tags resolved; the same list (and sections) where nothing was left to resolve. */
function resolveSectionTags(sections: Section[]): Section[] {
  let out: Section[] | undefined;
  sections.forEach((s, k) => {
    const tags = resolveRequirements(s.tags);
    if (tags === s.tags) return;
    out ??= sections.slice();
    out[k] = { ...s, tags };
  });
  return out ?? sections;
}

function resolveExplanationRefs(explanations: Explanation[]): Explanation[] {
  let out: Explanation[] | undefined;
  explanations.forEach((e, k) => {
    const refs = resolveRequirements(e.refs);
    if (refs === e.refs) return;
    out ??= explanations.slice();
    out[k] = { ...e, refs };
  });
  return out ?? explanations;
}

/** Reads the index tables into `doc.indexTables`; returns the problems found in them. */
function readIndexTables(doc: EsgDocument): SyntaxProblem[] {
  const found: SyntaxProblem[] = [];
  doc.indexTables = [];
  buildIndexTables(doc, (range, key, args = {}) => found.push({ range, key, args }));
  return found;
}

/** A document's syntax problems are the parser's, then the index tables' (`withIndexProblems`). */
function withIndexProblems(syntaxProblems: SyntaxProblem[], indexProblems: SyntaxProblem[]): SyntaxProblem[] {
  return indexProblems.length ? [...syntaxProblems, ...indexProblems] : syntaxProblems;
}

/** The index tables' problems of a document: what follows the parser's own in its list. */
function indexProblemsOf(doc: EsgDocument): SyntaxProblem[] {
  const state = parseStateOf(doc);
  if (!state) return [];
  const { scan, unclosedDivs, explanations } = state.problems;
  return doc.syntaxProblems.slice(scan.length + unclosedDivs.length + explanations.length);
}

/** The KPI tables with the one read from the edited `table` in its place (or dropped, or added). */
function replaceKpiTable(kpiTables: KpiTable[], syntax: SyntaxTree, table: Table): KpiTable[] {
  const kpiTable = kpiTableOf(syntax, table);
  const out = kpiTables.filter((k) => k.table !== table.index);
  if (kpiTable) {
    let at = 0;
    while (at < out.length && out[at].table < table.index) at++;
    out.splice(at, 0, kpiTable);
  }
  return out;
}

/** After lines were replaced: the KPI tables of the tables that moved, read again (from the cache, rebased); the others as they were. */
function movedKpiTables(previous: EsgDocument, syntax: SyntaxTree): KpiTable[] {
  const out: KpiTable[] = [];
  for (const k of previous.kpiTables) {
    const table = syntax.tables[k.table];
    // The same text, so the same KPI table (the cache gives it at its new lines).
    const read = table === previous.tables[k.table] ? k : kpiTableOf(syntax, table);
    if (read) out.push(read);
  }
  return out;
}

/** The next edit patches the document as it patched its syntax tree. */
function carryParseState(syntax: SyntaxTree, doc: EsgDocument): void {
  const state = parseStateOf(syntax);
  if (state) rememberParseState(doc, state);
}
