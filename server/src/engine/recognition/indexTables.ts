// Reading the HKEX index table: which requirement(s) each row speaks for, and where it points.
// Rows come in the shapes the published reports use: bare ids, '關鍵績效指標 A1.1', aspect rows
// followed by '一般披露' rows, Part B rows by name, Part D rows by paragraph number or pillar.
import type {
  EsgDocument,
  IndexRow,
  IndexTable,
  IndexTarget,
  Link,
  RequirementRef,
  SyntaxProblem,
  Table,
  TableRow,
} from '../model';
import { getFramework, type FrameworkIndex } from '../catalogs/hkex';
import { detachedCopy, toHalfWidth } from '../text/normalize';
import { scanInline } from '../parser/inline';
import { lineRange, sameRange } from '../parser/lines';
import { movedBelow } from '../parser/lineShift';
import { parseRequirementList } from './requirements';
import { plainTitle } from '../parser/identifiers';
import { maskHtml, stripHtml } from '../text/html';

const ASPECT_ROW = /^(?:層面|层面|aspect)\s*([AB]\s*\d+)/i;
// An aspect written by its id and name without the word 'Aspect': 'A1 排放物', 'B5: Supply Chain Management'.
const NAMED_ASPECT = /^([AB]\d{1,2})(?![\d.]\d|[A-Za-z])\s*[:.、]?\s*(?=[^\s\d.()\-–~,，、/及和&至])/i;
const GENERAL_DISCLOSURE = /^(?:一般披露|general\s*disclosures?)\s*:?$/i;
const DELETED = /刪除|删除|\bdeleted\b/i;
// Ids inside a cell: `A1.1`, `KPI A1.1`, `D28(a)`, `MDR-boundary`; ranges `A2.1-A2.5`, `A1.1–A1.6`,
// `A1.1 至 A1.6`, `A1.1 to A1.6`, and `KPI A1.1-1.6` whose end takes the letter of its start.
const ID_IN_CELL =
  /(?<![A-Za-z0-9])(MDR-[A-Za-z]+|[ABD]\d{1,2}(?:\.\d{1,2})?(?:\s*\([a-c]\))?)(?:\s*(?:[-–—~～]|至|to)\s*([ABD]\d{1,2}(?:\.\d{1,2})?(?:\s*\([a-c]\))?|\d{1,2}\.\d{1,2}))?/g;
const SENTENCE = /[，。,；;！!？?]|\.\s|\.$/;
const EXPLANATION_START = /^(?:解釋|解释|說明|说明|explanation|not applicable|不適用|不适用|n\/a)\s*[:：]?/i;
// Words that make a short target cell an explanation wherever they stand ('本集團不適用', 'Not material').
const EXPLANATION_WORDS =
  /不適用|不适用|未有披露|未披露|沒有披露|没有披露|暫無|暂无|不涉及|不重大|並不重大|并不重大|非重大|不具重大性|not\s+applicable|not\s+material|immaterial|not\s+relevant|not\s+disclosed|not\s+reported|^n\/?a$|\bn\.a\./i;
// A note beside the titles of a target cell, not a title: '應對氣候變化 目標暫未經第三方驗證' (seed 002, D38).
const NOTE_WORDS = /暫未|暂未|尚未|未有|未經|未经|並無|并无|沒有|没有|不涉及|不適用|不适用|\bnot\b|\bno\b/i;
// A no-value mark in the target cell is no target: the row is reported as empty.
const NO_VALUE = /^(?:[-–—/／]+|無|无|none|nil)$/i;
// Page numbers in a target cell or a page column: '23', 'P.23', 'p. 12-14', 'pp.12, 14', '第23頁', 'page 5'.
const PAGE_PART = /^(?:(?:p{1,2}\.?|pages?|頁|页)\s?)?(?:第\s?)?\d{1,4}(?:\s?[-–—~～至]\s?\d{1,4})?\s?[頁页]?$/i;
const PAGE_ANY = /(?:(?:p{1,2}\.?|pages?|頁|页)\s?)?(?:第\s?)?\d{1,4}(?:\s?[-–—~～至]\s?\d{1,4})?\s?[頁页]?/gi;
// A section by number only: '3.1', 'Section 3.1', '第3.1節', '§3.1', 'Chapter 3'.
const SECTION_NUMBER = /^(?:sections?|chapters?|§|第)?\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:節|节|章)?$/i;
// The number a heading starts with: '3.1 排放物', '3.1排放物', '3. Environment'.
const HEADING_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s|(?=[^\x00-\x7f]))/;
// Another document than the ESG report: the annual or interim report, the corporate governance report, a website.
const OTHER_DOCUMENT =
  /年報|年报|年度報告|年度报告|中期報告|中期报告|annual\s+report|interim\s+report|企業管治報告|企业管治报告|corporate\s+governance\s+report|網站|网站|website|https?:\/\/|www\./i;
// A page column's header: '頁碼', 'Page', 'Page No.', 'Page number(s)'.
const PAGE_HEADER =
  /^(?:報告|报告|report)?(?:頁碼|页码|頁數|页数|頁次|页次|頁|页|page(?:s|no|number|numbers|reference|references)?)+$/i;
// A status column's marks ('| A1.1 | … | 環境管理 | ✓ |'): whether the requirement is disclosed, not where.
const STATUS_MARK = /^(?:[✓✔√☑●○✗✘×]|yes|no|是|否|已披露|部分披露|未披露|disclosed|partially\s+disclosed|reported)$/i;
const STATUS_HEADER = /^(?:披露情況|披露情况|是否披露|披露狀況|披露状况|status|disclosed\??|disclosurestatus)$/i;
// A remarks column after the section column ('| 條文 | 內容 | 章節 | 備註 |'): read when the section cell is empty.
const REMARKS_HEADER =
  /^(?:備註|备注|附註|附注|說明|说明|解釋|解释|原因|remarks?|notes?|omissions?|reasons?foromission|explanations?)$/i;
// What may surround a section title named in a target cell: '請參閱「環境管理」章節', 'See "Emissions" section'.
const REFERENCE_WORDS =
  /^(?:請參閱|请参阅|參閱|参阅|參見|参见|詳見|详见|請見|请见|見|见|載於|载于|載列於|载列于|\b(?:please|refer|to|see|under|in|the|sections?|chapters?|and)\b|章節|章节|一節|一节|部分|部份|一章|及|和|與|与|[\s,，、;；:：.。])*$/i;
const QUOTED = /[「『“"《〈]([^「『“"《〈」』”"》〉]{1,80})[」』”"》〉]/g;
// Marks that separate several titles in one cell when every part is a heading: '環境管理；員工發展', '生態共創 — 環境保護'.
// Tried in turn, from the strongest marks to the words that join two titles ('環境管理及員工發展'), so that a
// title with a comma in it stays whole ('Health, Safety and Wellbeing; Community').
const LIST_MARK = /[,，;；/／|｜>＞»→&＆—–－及和與与]|\sand\s|\s-\s/;
const QUOTE_MARK = /[「『“"《〈]/;
const TITLE_LIST_SEPARATORS = [
  /[;；/／|｜>＞»→]|\s[-–—]\s|[—–－]+/g,
  /[,，;；/／|｜>＞»→&＆]|\s[-–—]\s|[—–－]+/g,
  /[,，;；/／|｜>＞»→&＆]|\s[-–—]\s|[—–－]+|及|和|與|与|\band\b/g,
];

/** A run of white space that is not one plain space: what `plainCell` squashes into one. */
const SPACING_TO_SQUASH = /\s\s|[^\S ]/;

/** A cell's text without HTML tags (`<p>` and `<br>` separate words), bold marks and repeated spaces; `<30`, `>50` stay. */
export function plainCell(text: string): string {
  // Each replace only where it can change something: this runs on most cells of every table.
  let plain = stripHtml(text);
  if (plain.includes('**') || plain.includes('__')) plain = plain.replace(/\*\*|__/g, '');
  if (SPACING_TO_SQUASH.test(plain)) plain = plain.replace(/\s+/g, ' ');
  return plain.trim();
}

// A row's cells are read several times (its kind, its target, its caption test): while the index tables
// are built, each cell's plain text is remembered.
let plainMemo: Map<TableRow['cells'][number], string> | undefined;
function cellPlain(cell: TableRow['cells'][number]): string {
  let plain = plainMemo?.get(cell);
  if (plain === undefined) {
    plain = plainCell(cell.text);
    plainMemo?.set(cell, plain);
  }
  return plain;
}

/** Page numbers only ('23', 'P.23', '第23頁', 'pp. 12-14, 20'), in half-width text (exported for tests). */
export function isPageReference(text: string): boolean {
  if (text.length > 120) return false;
  const parts = text
    .replace(/[()[\]【】]/g, ' ')
    .split(/[,，、;；&]|及|和|\band\b/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.length <= 20 && parts.every((p) => PAGE_PART.test(p));
}

export function buildIndexTables(
  doc: EsgDocument,
  problem: (r: SyntaxProblem['range'], key: string, args?: SyntaxProblem['args']) => void,
) {
  const reads = titleReads();
  Object.defineProperty(doc.indexTables, TITLE_READS, { value: reads, enumerable: false, configurable: true });
  const framework = getFramework();
  if (!framework) return;
  const tables = indexSectionTables(doc);
  if (!tables.length) return;
  readingIndexTables(() => readIndexTables(doc, tables, 0, tables.length, framework, doc.indexTables, problem), reads);
}

/** The tables under an index heading, in document order: the tables the index tables are read from. */
function indexSectionTables(doc: EsgDocument): Table[] {
  return doc.tables.filter((t) => t.section !== undefined && isInIndexSection(doc, t.section));
}

/**
 * The index tables of `doc`, which differs from `before` by an edit inside one row of `table`, or by body
 * rows of `table` replaced by rows (`shift`: the old lines `first`…`lastLine` became `lines` more), and
 * their problems, from `before`'s (`problems`): the tables of `table`'s section read again, the others
 * kept (moved down past a shift). Sections are read independently but for one look ahead: a section's last
 * row reads the next index table's header (`readIndexTables`), so an edit of the header of a section's
 * first table gives undefined (read them all).
 */
export function rereadIndexSection(
  before: EsgDocument,
  doc: EsgDocument,
  table: Table,
  line: number,
  problems: SyntaxProblem[],
  shift?: { first: number; lastLine: number; lines: number },
): { tables: IndexTable[]; problems: SyntaxProblem[] } | undefined {
  const beforeReads = (before.indexTables as { [TITLE_READS]?: TitleReads })[TITLE_READS];
  const framework = getFramework();
  const section = table.section;
  if (!beforeReads || !framework || section === undefined) return undefined;
  const tables = indexSectionTables(doc);
  const from = tables.findIndex((t) => t.section === section);
  if (from < 0 || (tables[from] === table && line === table.header.range.start.line)) return undefined;
  let to = from;
  while (to < tables.length && tables[to].section === section) to++;
  const fresh: IndexTable[] = [];
  const found: SyntaxProblem[] = [];
  // What the kept tables' reading asked of the titles still holds; the section's new reading adds to it.
  const reads: TitleReads = { asked: new Set(beforeReads.asked), byNumber: beforeReads.byNumber };
  readingIndexTables(
    () =>
      readIndexTables(doc, tables, from, to, framework, fresh, (range, key, args = {}) =>
        found.push({ range, key, args }),
      ),
    reads,
  );
  const first = tables[from].range.start.line;
  const last = tables[to - 1].range.end.line;
  let out = before.indexTables.filter((t) => t.section !== section);
  // The section holds the edit, so its tables ended `lines` higher before it; what lies below them moves.
  let below = problems.filter((p) => p.range.start.line > last - (shift?.lines ?? 0));
  if (shift) {
    const moved = movedBelow({ out, below }, shift.first, shift.lastLine, shift.lines);
    if (!moved) return undefined;
    ({ out, below } = moved);
  }
  let at = 0;
  while (at < out.length && out[at].table < tables[from].index) at++;
  out.splice(at, 0, ...fresh);
  Object.defineProperty(out, TITLE_READS, { value: reads, enumerable: false, configurable: true });
  // A problem lies in the row it is about, so the section's are those on its tables' lines.
  return {
    tables: out,
    problems: [...problems.filter((p) => p.range.start.line < first), ...found, ...below],
  };
}

/** Where a document's index tables keep what their reading asked of the titles: a hidden field of the list. */
const TITLE_READS = Symbol('esgmark.indexTitleReads');

/**
 * Whether `after`, which differs from `before` by an edit of the heading on `line` that kept its level,
 * has the index tables of `before`: the heading still opens an index or still does not, and the reading
 * of `before`'s tables asked nothing of its title the edit changed.
 */
export function indexTablesKeptByHeadingEdit(before: EsgDocument, after: EsgDocument, line: number): boolean {
  const reads = (before.indexTables as { [TITLE_READS]?: TitleReads })[TITLE_READS];
  if (!reads) return false;
  const k = before.sections.findIndex((s) => s.heading.range.start.line === line);
  const was = before.sections[k];
  const now = after.sections[k];
  if (!was || !now || now.heading.range.start.line !== line || was.isIndex !== now.isIndex) return false;
  return titleEditKeeps(reads, was.heading.title, now.heading.title);
}

/**
 * Runs `read`, which reads the index tables of one document (through `cellTarget` and the readers
 * here), with the cells' plain texts and the document's heading titles remembered until it returns:
 * without, every target cell would list the headings again.
 */
export function readingIndexTables<T>(read: () => T, reads?: TitleReads): T {
  if (headingMemo) {
    if (!reads) return read();
    headingMemo.recorders.push(reads);
    try {
      return read();
    } finally {
      headingMemo.recorders.splice(headingMemo.recorders.indexOf(reads), 1);
    }
  }
  plainMemo = new Map();
  headingMemo = { recorders: reads ? [reads] : [] };
  try {
    return read();
  } finally {
    plainMemo = undefined;
    headingMemo = undefined;
  }
}

/**
 * What a reading of index tables asked of the headings' titles: the normalised titles it looked up, and
 * whether it looked a heading up by its number. Nothing else of a title reaches what it reads, so an edit
 * of one title that changes no looked-up key cannot change it (`titleEditKeeps`).
 */
export interface TitleReads {
  asked: Set<string>;
  byNumber: boolean;
}

export function titleReads(): TitleReads {
  return { asked: new Set(), byNumber: false };
}

/** Whether a reading that asked `reads` reads the same after one heading's title went from `before` to `after`. */
export function titleEditKeeps(reads: TitleReads, before: string, after: string): boolean {
  if (reads.asked.has(normalizeTitle(before)) || reads.asked.has(normalizeTitle(after))) return false;
  return !reads.byNumber || (headingNumber(before) === undefined && headingNumber(after) === undefined);
}

/** The number a heading's title starts with ('3.1 排放物' -> '3.1'), as `numberedHeadings` reads it. */
function headingNumber(title: string): string | undefined {
  return HEADING_NUMBER.exec(toHalfWidth(plainTitle(title)).trim())?.[1];
}

/** Reads `tables[from]`…`tables[to - 1]` into `out` (the table after them is looked at, not read). */
function readIndexTables(
  doc: EsgDocument,
  tables: Table[],
  from: number,
  to: number,
  framework: FrameworkIndex,
  out: IndexTable[],
  problem: (r: SyntaxProblem['range'], key: string, args?: SyntaxProblem['args']) => void,
) {
  // A table split by a page break continues the aspect of the table before it in the same section.
  let aspect: string | undefined;
  let aspectSection: number | undefined;
  for (let ti = from; ti < to; ti++) {
    const table = tables[ti];
    const sectionIndex = table.section!;
    if (aspectSection !== sectionIndex) aspect = undefined;
    aspectSection = sectionIndex;
    const rows: IndexRow[] = [];
    // A last column headed 'Page' ('| 條文 | 內容 | 報告章節 | 頁碼 |') holds page numbers; the section is the column before it.
    const headerCells = table.header.cells;
    const lastHeader =
      headerCells.length >= 3
        ? toHalfWidth(cellPlain(headerCells[headerCells.length - 1])).replace(/[\s.:/()]+/g, '')
        : '';
    const pageColumn =
      lastHeader !== '' &&
      (PAGE_HEADER.test(lastHeader) || REMARKS_HEADER.test(lastHeader) || STATUS_HEADER.test(lastHeader));
    // The header of a continuation table is often an index row ('層面 B5 供應鏈管理', 'A1.3 | …'):
    // it is read like the others, and a plain header ('層面 | 內容 | 報告章節') yields no refs.
    const list = [table.header, ...table.rows];
    list.forEach((row, k) => {
      const first = row.cells[0];
      if (!first) return;
      const firstText = toHalfWidth(cellPlain(first));
      // A merged cell pasted into every column ('| A1 排放物 | A1 排放物 | A1 排放物 |'): a caption.
      if (row.cells.length >= 2 && firstText !== '' && row.cells.every((c) => c.text === first.text)) {
        const a = aspectOf(firstText);
        if (a) aspect = a;
        return;
      }
      const markedDeleted = row.cells.some((c) => DELETED.test(c.text));
      // Where the row points, read only for the rows that speak for a requirement.
      let read: IndexTarget | undefined;
      const target = () => (read ??= targetOf(doc, row, pageColumn));
      let refs: RequirementRef[];
      const aspectMatch = ASPECT_ROW.exec(firstText) ?? namedAspect(firstText);
      if (aspectMatch) {
        aspect = framework.normalizeId(aspectMatch[1].replace(/\s+/g, ''));
        // The aspect's cell spans its rows: '| 層面 A1：排放物 | A1.1 | … | 章節 |' speaks for A1.1.
        const second = row.cells.length >= 3 ? row.cells[1] : undefined;
        const secondIds =
          second && LEADING_ID.test(toHalfWidth(cellPlain(second)))
            ? idsInCell(second.text, second.range.start.line, second.range.start.character)
            : [];
        if (secondIds.length) refs = secondIds;
        // An aspect row speaks for the general disclosure only when it points somewhere.
        else if (!aspect || target().kind === 'empty' || row.cells.length < 2) {
          if (markedDeleted && aspect)
            rows.push({ row, refs: [ref(aspect, aspectMatch[1], first.range)], target: target(), markedDeleted });
          return;
        } else refs = [ref(aspect, aspectMatch[1], first.range)];
      } else if (
        GENERAL_DISCLOSURE.test(firstText) ||
        (firstText === '' && row.cells.length >= 3 && GENERAL_DISCLOSURE.test(toHalfWidth(cellPlain(row.cells[1]))))
      ) {
        if (!aspect) {
          problem(first.range, 'index.generalWithoutAspect');
          return;
        }
        const cell = firstText === '' ? row.cells[1] : first;
        refs = [ref(aspect, cell.text, cell.range)];
      } else {
        refs = idsInCell(first.text, first.range.start.line, first.range.start.character);
        if (!refs.length) refs = paragraphRow(firstText, first);
        // The id in the second column, the first holding a caption or nothing ('| | A1.1 | … |', '| 環境 | A1.1-A1.6 | … |').
        if (!refs.length && row.cells.length >= 3 && LEADING_ID.test(toHalfWidth(cellPlain(row.cells[1])))) {
          const second = row.cells[1];
          refs = idsInCell(second.text, second.range.start.line, second.range.start.character);
        }
        const gd =
          refs.length === 1 && refs[0].known && framework.get(refs[0].id)?.kind === 'general-disclosure'
            ? refs[0].id
            : undefined;
        if (gd) {
          aspect = gd;
          // '| A1 | 排放物 | |' over a '一般披露' row: the aspect's caption, not a row of its own.
          const next = k + 1 < list.length ? list[k + 1] : tables[ti + 1]?.header;
          const nextCell = (i: number) => (next?.cells[i] ? toHalfWidth(cellPlain(next.cells[i])) : '');
          const nextGeneral =
            GENERAL_DISCLOSURE.test(nextCell(0)) || (nextCell(0) === '' && GENERAL_DISCLOSURE.test(nextCell(1)));
          if (target().kind === 'empty' && !markedDeleted && nextGeneral) return;
        }
        if (!refs.length) {
          refs = byName(row, firstText, first, targetColumn(doc, row, pageColumn));
          // A row named by a Part B topic, a pillar or a Part D heading with nothing else in it
          // ('管治架構 |', '(I) 管治 | |', '| ( I ) | 管治 | |') heads the rows that follow: a caption.
          if (refs.length && target().kind === 'empty' && row.cells.slice(1, -1).every((c) => isLabel(cellPlain(c))))
            return;
        }
      }
      if (!refs.length) return;
      rows.push({ row, refs, target: target(), markedDeleted });
    });
    out.push({ table: table.index, section: sectionIndex, rows });
  }
}

/** An id at the start of a cell: 'A1.1', 'KPI A1.1-1.6', '關鍵績效指標 B5.1', 'D28(a)'. */
const LEADING_ID = /^(?:KPI|關鍵績效指標|关键绩效指标)?\s*(?:[ABD]\d{1,2}(?![\d])|MDR-[A-Za-z])/i;
/** A Part D paragraph by number: '第 19 段', '第19段', 'Paragraph 19', 'Para. 28(a)'. */
const PARAGRAPH = /^(?:第\s*(\d{2})\s*段|para(?:graph)?\.?\s*(\d{2}))\s*(?:\(([a-c])\))?/i;

function paragraphRow(text: string, first: TableRow['cells'][number]): RequirementRef[] {
  const m = PARAGRAPH.exec(text);
  if (!m) return [];
  const framework = getFramework()!;
  const id = framework.normalizeId(`D${m[1] ?? m[2]}${m[3] ? `(${m[3]})` : ''}`);
  return id && framework.get(id)?.part === 'D' ? [ref(id, first.text, first.range)] : [];
}

/** The aspect a caption names: '層面 A1：排放物', 'A1 排放物', 'Aspect B5'. */
function aspectOf(text: string): string | undefined {
  const m = ASPECT_ROW.exec(text) ?? namedAspect(text) ?? /^([AB]\d{1,2})$/i.exec(text);
  const id = m ? getFramework()!.normalizeId(m[1].replace(/\s+/g, '')) : undefined;
  return id && getFramework()!.get(id)?.kind === 'general-disclosure' ? id : undefined;
}

/** 'A1 排放物', 'B5: Supply chain management': a general disclosure's id followed by the aspect's name. */
function namedAspect(text: string): RegExpExecArray | null {
  const m = NAMED_ASPECT.exec(text);
  if (!m) return null;
  const id = getFramework()!.normalizeId(m[1]);
  return id && getFramework()!.get(id)?.kind === 'general-disclosure' ? m : null;
}

/** A short label in a middle cell ('管治', '( I )', '氣候韌性'), not a requirement's text. */
function isLabel(text: string): boolean {
  return text === '' || (text.length <= 30 && !SENTENCE.test(text) && !/\d{2}\s*[.、]/.test(text));
}

/**
 * A row with no id in its first cell: Part D rows by the paragraph number of a middle cell, then by a
 * topic or paragraph heading ('氣候韌性', 'Transition plans') in a middle cell or the first; Part B rows
 * by name; Part D rows by pillar ('管治', '( I ) | 管治').
 */
function byName(
  row: TableRow,
  firstText: string,
  first: TableRow['cells'][number],
  targetCol: number,
): RequirementRef[] {
  const framework = getFramework()!;
  const byNameId = framework.matchRowText(firstText);
  // The requirement text is in a middle column: the second, or the third when a sub-topic column
  // comes first ('策略 | 氣候韌性 | 26. 發行人須… | 章節'). A paragraph number wins.
  let byText: string | undefined;
  let topic: string[] | undefined;
  for (const cell of row.cells.slice(1, Math.max(1, targetCol))) {
    const text = toHalfWidth(cellPlain(cell));
    // A cell that is exactly a heading ('Greenhouse gas emissions') names it; the most specific one wins:
    // '財務狀況、財務表現及現金流量 | 預期財務影響' is D25, not D24 and D25.
    const named = framework.matchTopic(text);
    if (named) {
      if (!topic || named.length < topic.length) topic = named;
      continue;
    }
    const id = paragraphRow(text, cell)[0]?.id ?? framework.matchRowText(text);
    if (id && /^D\d/.test(id)) {
      byText = id;
      break;
    }
    byText ??= id;
  }
  if (byText && /^D\d/.test(byText)) return [ref(byText, first.text, first.range)];
  topic ??= framework.matchTopic(firstText);
  // A heading names a part of the Code ('Materiality' of the reporting principles, 'Climate resilience' of
  // the strategy): several rows may name parts of one requirement, so they are not duplicates of each other.
  if (topic) return topic.map((id) => ({ ...ref(id, first.text, first.range), fromRange: true }));
  const id = byNameId ?? byText;
  if (id) return [ref(id, first.text, first.range)];
  const second = row.cells[1];
  const pillar = pillarOf(firstText, second ? cellPlain(second) : '');
  return pillar ? pillar.map((p) => ({ ...ref(p, first.text, first.range), fromRange: true })) : [];
}

export function isInIndexSection(doc: EsgDocument, index: number): boolean {
  for (let s: number | undefined = index; s !== undefined; s = doc.sections[s].parent)
    if (doc.sections[s].isIndex) return true;
  return false;
}

function ref(id: string, raw: string, range: RequirementRef['range']): RequirementRef {
  return { id, raw, range, known: true };
}

/** What every match of ID_IN_CELL holds: a letter A, B or D before a digit, or `MDR-`. */
const MAY_HOLD_ID = /[ABD]\d|MDR-/;

function idsInCell(text: string, line: number, base: number): RequirementRef[] {
  const framework = getFramework()!;
  const half = toHalfWidth(text);
  // Half-width conversion keeps the length of BMP text, so offsets still match the source.
  if (half.length !== text.length || !MAY_HOLD_ID.test(half)) return [];
  const refs: RequirementRef[] = [];
  for (const m of half.matchAll(ID_IN_CELL)) {
    const range = lineRange(line, base + m.index!, base + m.index! + m[0].length);
    const clean = (s: string) => s.replace(/(?<!\s)\s+(?=\()/g, '');
    if (m[2] !== undefined && /^\d/.test(m[2])) {
      // 'KPI A1.1-1.6': the end takes the start's letter; a range that does not expand is just its start.
      const from = framework.normalizeId(clean(m[1]));
      const to = framework.normalizeId(`${m[1][0]}${m[2]}`);
      const ids = from && to ? framework.expandRange(from, to) : undefined;
      if (ids?.length) {
        for (const id of ids) refs.push({ id, raw: m[0], range, known: true, fromRange: true });
        continue;
      }
      refs.push(...parseRequirementList(clean(m[1]), range));
      continue;
    }
    for (const r of parseRequirementList(clean(m[0]), range)) refs.push(r);
  }
  // Keep the unknown ones (A9.9) so that hkex/unknown-id can point at them. A copy of exactly their
  // number: the index rows keep this list, and one grown by push holds 17 slots or more.
  return refs.slice();
}

/** Part D rows like '( I ) | 管治' or 'Governance' that speak for a whole pillar. */
function pillarOf(first: string, second: string): string[] | undefined {
  const framework = getFramework()!;
  const candidates = [first, second].map((s) =>
    s
      .replace(/^[(（]?\s*[IVX]+\s*[)）]?\s*/i, '')
      .trim()
      .toLowerCase(),
  );
  for (const a of framework.aspects()) {
    if (a.part !== 'D') continue;
    const titles = [a.title.en, a.title['zh-Hant'], a.title['zh-Hans']].map((t) => t.toLowerCase());
    if (candidates.some((c) => c && titles.some((t) => t === c || t.endsWith(c) || t.endsWith(`— ${c}`)))) {
      return framework.all.filter((r) => r.part === 'D' && r.aspect === a.id && !r.children).map((r) => r.id);
    }
  }
  return undefined;
}

/** The column of a row's section cell: the last, or the one before a page or remarks column. */
function targetColumn(doc: EsgDocument, row: TableRow, pageColumn: boolean): number {
  const n = row.cells.length;
  if (n < 3) return n - 1;
  if (pageColumn) return n - 2;
  const lastText = toHalfWidth(cellPlain(row.cells[n - 1]));
  if (n < 4 || lastText === '' || headingTitles(doc).has(normalizeTitle(lastText))) return n - 1;
  return isPageReference(lastText) || STATUS_MARK.test(lastText) ? n - 2 : n - 1;
}

/**
 * Where an index row points: its last cell; with a page, remarks or status column after the section
 * column ('| A1.1 | … | 環境管理 | 23 |'), the section cell, or the page when no section is named there.
 */
function targetOf(doc: EsgDocument, row: TableRow, pageColumn: boolean): IndexTarget {
  const n = row.cells.length;
  if (n < 2) return { kind: 'empty', range: row.range };
  const last = row.cells[n - 1];
  if (targetColumn(doc, row, pageColumn) === n - 1) return cellTarget(doc, row, last);
  const lastText = toHalfWidth(cellPlain(last));
  const section = cellTarget(doc, row, row.cells[n - 2]);
  const known = headingTitles(doc);
  if (
    section.kind === 'links' ||
    (section.kind === 'titles' && section.titles.every((t) => known.has(normalizeTitle(t.text))))
  )
    return section;
  if (lastText !== '' && isPageReference(lastText) && !known.has(normalizeTitle(lastText)))
    return { kind: 'place', text: cellPlain(last), range: last.range };
  // A tick in a status column ('✓', '已披露') says nothing of where.
  if (section.kind === 'empty' && lastText !== '' && !STATUS_MARK.test(lastText)) return cellTarget(doc, row, last);
  return section;
}

type Span = { text: string; range: IndexTarget['range'] };

/** The titles of a cell split at `separator` when every part is a heading or a page number, else undefined (at the first part that is neither). */
function listedTitles(
  masked: string,
  separator: RegExp,
  isKnown: (t: string) => boolean,
  at: (start: number, end: number) => Span['range'],
): Span[] | undefined {
  const found: Span[] = [];
  let parts = 0;
  let from = 0;
  const part = (end: number): boolean => {
    const raw = masked.slice(from, end);
    const text = raw.trim();
    if (!text) return true;
    parts++;
    if (isKnown(text)) {
      const lead = raw.length - raw.trimStart().length;
      found.push({ text, range: at(from + lead, from + lead + text.length) });
      return true;
    }
    return isPageReference(toHalfWidth(text));
  };
  for (const m of masked.matchAll(separator)) {
    if (!part(m.index!)) return undefined;
    from = m.index! + m[0].length;
  }
  if (!part(masked.length)) return undefined;
  return parts >= 2 && found.length ? found : undefined;
}

/**
 * The document's own object for a link found again in a cell (the parser scanned the whole line), else
 * the link as found: the index tables would otherwise keep a second copy of each link and its ranges.
 * The document's links are in order of line, and of column within a line: a binary search on both
 * (a cell may hold thousands of links, and a scan of the line's for each would be quadratic).
 */
function documentLink(doc: EsgDocument, link: Link): Link {
  const links = doc.links;
  const { line, character } = link.range.start;
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = links[mid].range.start;
    if (start.line < line || (start.line === line && start.character < character)) lo = mid + 1;
    else hi = mid;
  }
  const l = links[lo];
  return l &&
    l.text === link.text &&
    l.href === link.href &&
    sameRange(l.range, link.range) &&
    sameRange(l.hrefRange, link.hrefRange)
    ? l
    : link;
}

export function cellTarget(doc: EsgDocument, row: TableRow, cell: TableRow['cells'][number]): IndexTarget {
  const text = cellPlain(cell);
  if (text === '' || NO_VALUE.test(text)) return { kind: 'empty', range: cell.range };
  if (cell.text.includes('](')) {
    const links = scanInline(
      doc.text.slice(doc.lineStarts[row.line], doc.lineStarts[row.line] + row.range.end.character),
      row.line,
      cell.range.start.character,
      cell.range.end.character,
    ).links;
    if (links.length) return { kind: 'links', links: links.map((l) => documentLink(doc, l)), range: cell.range };
  }
  const half = toHalfWidth(text);
  // Longer cells are explanations: titles and the shapes below are all short.
  if (half.length > 200) return { kind: 'explanation', text, range: cell.range };
  const known = headingTitles(doc);
  const isKnown = (t: string) => known.has(normalizeTitle(t));
  // Tags are masked by spaces (offsets stay those of the cell); a `<` that is not a tag is text.
  const masked = maskHtml(cell.text);
  const at = (start: number, end: number) =>
    lineRange(row.line, cell.range.start.character + start, cell.range.start.character + end);
  const titles = (list: Span[]): IndexTarget => ({ kind: 'titles', titles: list, range: cell.range });
  // The whole cell is one heading's title, whatever it contains ('Health, Safety and Wellbeing').
  if (isKnown(text)) {
    const lead = masked.length - masked.trimStart().length;
    return titles([{ text: masked.trim(), range: at(lead, lead + masked.trim().length) }]);
  }
  if (EXPLANATION_START.test(half) || EXPLANATION_WORDS.test(half))
    return { kind: 'explanation', text, range: cell.range };
  if (isPageReference(half)) return { kind: 'place', text, range: cell.range };
  // A section by number: the heading that carries it, or a place that cannot be checked when none does.
  const number = SECTION_NUMBER.exec(half.trim());
  if (number) {
    const heading = numberedHeadings(doc).get(number[1]);
    const lead = masked.length - masked.trimStart().length;
    if (heading) return titles([{ text: heading, range: at(lead, lead + masked.trim().length) }]);
    return { kind: 'place', text, range: cell.range };
  }
  // Titles in quotes, with only words of reference around them: '請參閱「環境管理」章節'.
  const quoted: Span[] = [];
  let rest = masked;
  if (QUOTE_MARK.test(masked))
    for (const m of masked.matchAll(QUOTED)) {
      const inner = m[1].trim();
      const start = m.index! + 1 + m[1].indexOf(inner);
      if (inner) quoted.push({ text: inner, range: at(start, start + inner.length) });
      rest = rest.slice(0, m.index!) + ' '.repeat(m[0].length) + rest.slice(m.index! + m[0].length);
    }
  if (quoted.length && REFERENCE_WORDS.test(toHalfWidth(rest).replace(PAGE_ANY, ' '))) return titles(quoted);
  // Titles separated by other marks, when every part is a heading or a page number.
  if (LIST_MARK.test(masked)) {
    for (const separator of TITLE_LIST_SEPARATORS) {
      const found = listedTitles(masked, separator, isKnown, at);
      if (found) return titles(found);
    }
  }
  if (SENTENCE.test(half) || half.length > 40) return { kind: 'explanation', text, range: cell.range };
  // Section titles separated by spaces, '、' or line breaks. Titles may contain spaces themselves
  // ('ESG 管治'), so tokens are joined greedily into the longest known heading title.
  const tokens: { text: string; start: number; end: number }[] = [];
  for (const m of masked.matchAll(/[^\s、]+/g))
    tokens.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  const found: Span[] = [];
  let pages = false;
  let note = false;
  let pending: typeof tokens = [];
  const flush = () => {
    if (!pending.length) return;
    const span = {
      text: pending.map((t) => t.text).join(' '),
      range: at(pending[0].start, pending[pending.length - 1].end),
    };
    pending = [];
    // Page numbers and words of reference between the titles ('環境管理 P.23', '詳見 環境管理') are no titles.
    const withoutPages = toHalfWidth(span.text).replace(PAGE_ANY, ' ');
    if (withoutPages !== toHalfWidth(span.text)) pages = true;
    if (!isKnown(span.text) && REFERENCE_WORDS.test(withoutPages)) return;
    if (!isKnown(span.text) && NOTE_WORDS.test(span.text)) {
      note = true;
      return;
    }
    found.push(span);
  };
  for (let i = 0; i < tokens.length;) {
    let matched = 0;
    for (let j = tokens.length; j > i; j--) {
      if (
        isKnown(
          tokens
            .slice(i, j)
            .map((t) => t.text)
            .join(' '),
        )
      ) {
        matched = j - i;
        break;
      }
    }
    if (matched) {
      flush();
      pending = tokens.slice(i, i + matched);
      flush();
      i += matched;
    } else pending.push(tokens[i++]);
  }
  flush();
  // Another document ('請參閱本公司2025年年報「企業管治報告」一節', 'Annual Report p.45'): a place that cannot be checked.
  if (found.some((t) => !isKnown(t.text)) && OTHER_DOCUMENT.test(half))
    return { kind: 'place', text, range: cell.range };
  if (!found.length)
    return pages && !note
      ? { kind: 'place', text, range: cell.range }
      : { kind: 'explanation', text, range: cell.range };
  return titles(found);
}

// Every heading's title is normalised for each analysis (index targets, the disclosure index), and after
// an edit all but one are the same: remember the results for short titles (bounded).
const TITLE_CACHE_MAX = 20_000;
const normalizedTitles = new Map<string, string>();

// Chapter numbering an index cell or a heading may carry ('3.', '3.1', '第三章', '（一）', '一、', 'II.'),
// and an explicit page reference after a title ('P.12', 'p. 12-14', '第12頁', 'page 12').
const CHAPTER_NUMBER =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章節节部篇]\s*|[(（]?[一二三四五六七八九十]+[)）、.]\s*|[(（]\d{1,2}[)）]\s*|(?:chapter|section|part)\s+\d{1,2}(?:\.\d{1,2}){0,3}[.:]?\s+|\d{1,2}(?:\.\d{1,2}){0,3}\.?(?:\s+|(?=[\u3400-\u9fff]))|[IVX]{1,5}[.、)]\s*)/i;
const PAGE_REFERENCE =
  /(?:^|(?<=[\s(（]))(?:(?:p{1,2}\.?|pages?)\s?\d{1,4}(?:\s?[-–~至]\s?\d{1,4})?|第\s?\d{1,4}(?:\s?[-–~至]\s?\d{1,4})?\s?[頁页])[)）]?$/i;
// Spacing and punctuation that differ between an index cell and the heading it names: half- and
// full-width colons, '、' between words of one title, dashes, dots, quotes and brackets.
const TITLE_NOISE = /[\s:;,.、，。；·・'"“”‘’「」『』《》〈〉()（）[\]【】\-–—_/|]+/g;

/** The key two spellings of one section title share (exported for tests). */
export function titleKey(text: string): string {
  const trimmed = text.trim();
  const withoutNumber = trimmed.replace(CHAPTER_NUMBER, '');
  // A title that is only a number keeps it ('2025' stays a title).
  const base = withoutNumber.trim() ? withoutNumber : trimmed;
  const withoutPage = base.replace(PAGE_REFERENCE, '');
  return (withoutPage.trim() ? withoutPage : base).replace(TITLE_NOISE, '').toLowerCase();
}

export function normalizeTitle(title: string): string {
  let normalized = normalizedTitles.get(title);
  if (normalized === undefined) {
    const withoutMarks = title
      .replace(/<sup>[^<]*<\/sup>/gi, '')
      .replace(/[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+/g, '');
    normalized = titleKey(toHalfWidth(plainTitle(withoutMarks)));
    if (title.length <= 200) {
      if (normalizedTitles.size >= TITLE_CACHE_MAX) normalizedTitles.clear();
      normalizedTitles.set(detachedCopy(title), detachedCopy(normalized));
    }
  }
  return normalized;
}

/**
 * The document's headings by number and by title, read once while its index tables are built (like
 * `plainMemo`), and the readings noting what they ask of them (`TitleReads`).
 */
let headingMemo:
  { numbers?: Map<string, string>; titles?: Set<string>; recorders: TitleReads[]; asking?: TitleSet } | undefined;

/** Numbered headings by their number ('3.1' -> '3.1 排放物'); the first heading of a number wins. */
function numberedHeadings(doc: EsgDocument): Map<string, string> {
  if (headingMemo) for (const r of headingMemo.recorders) r.byNumber = true;
  let map = headingMemo?.numbers;
  if (!map) {
    map = new Map();
    for (const h of doc.headings) {
      const number = headingNumber(h.title);
      if (number !== undefined && !map.has(number)) map.set(number, h.title);
    }
    if (headingMemo) headingMemo.numbers = map;
  }
  return map;
}

/** A set of titles that notes each key looked up in the readings recording (`TitleReads`). */
class TitleSet {
  constructor(
    private readonly titles: ReadonlySet<string>,
    private readonly recorders: readonly TitleReads[],
  ) {}
  has(key: string): boolean {
    for (const r of this.recorders) r.asked.add(key);
    return this.titles.has(key);
  }
}

/** The document's heading titles, normalised (`normalizeTitle`); built once while its index tables are read. */
export function headingTitles(doc: EsgDocument): { has(key: string): boolean } {
  let set = headingMemo?.titles;
  if (!set) {
    set = new Set(doc.headings.map((h) => normalizeTitle(h.title)));
    if (headingMemo) headingMemo.titles = set;
  }
  if (!headingMemo?.recorders.length) return set;
  return (headingMemo.asking ??= new TitleSet(set, headingMemo.recorders));
}
