// Reading the HKEX index table: which requirement(s) each row speaks for, and where it points.
// Rows come in the shapes the published reports use: bare ids, '關鍵績效指標 A1.1', aspect rows
// followed by '一般披露' rows, Part B rows by name, Part D rows by paragraph number or pillar.
import type { EsgDocument, IndexRow, IndexTarget, RequirementRef, SyntaxProblem, TableRow } from '../model';
import { getFramework } from '../catalogs/hkex';
import { detachedCopy, toHalfWidth } from '../text/normalize';
import { scanInline } from './inline';
import { lineRange } from './lines';
import { parseRequirementList } from './requirements';
import { plainTitle } from './identifiers';
import { maskHtml, stripHtml } from '../text/html';

const ASPECT_ROW = /^(?:層面|层面|aspect)\s*([AB]\s*\d+)/i;
const GENERAL_DISCLOSURE = /^(?:一般披露|general\s*disclosures?)$/i;
const DELETED = /刪除|删除|\bdeleted\b/i;
// Ids inside a cell: `A1.1`, `KPI A1.1`, `D28(a)`, `MDR-boundary`, ranges `A2.1-A2.5`.
const ID_IN_CELL = /(?:MDR-[A-Za-z]+|[ABD]\d{1,2}(?:\.\d{1,2})?(?:\s*\([a-c]\))?)(?:\s*[-–~～]\s*(?:[ABD]\d{1,2}(?:\.\d{1,2})?(?:\s*\([a-c]\))?))?/g;
const SENTENCE = /[，。,；;！!？?]|\.\s|\.$/;
const EXPLANATION_START = /^(?:解釋|解释|說明|说明|explanation|not applicable|不適用|不适用|n\/a)\s*[:：]?/i;

/** A cell's text without HTML tags (`<p>` and `<br>` separate words), bold marks and repeated spaces; `<30`, `>50` stay. */
export function plainCell(text: string): string {
  return stripHtml(text)
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildIndexTables(doc: EsgDocument, problem: (r: SyntaxProblem['range'], key: string, args?: SyntaxProblem['args']) => void) {
  const framework = getFramework();
  if (!framework) return;
  // A table split by a page break continues the aspect of the table before it in the same section.
  let aspect: string | undefined;
  let aspectSection: number | undefined;
  for (const table of doc.tables) {
    const sectionIndex = table.section;
    if (sectionIndex === undefined || !isInIndexSection(doc, sectionIndex)) continue;
    if (aspectSection !== sectionIndex) aspect = undefined;
    aspectSection = sectionIndex;
    const rows: IndexRow[] = [];
    // The header of a continuation table is often an index row ('層面 B5 供應鏈管理', 'A1.3 | …'):
    // it is read like the others, and a plain header ('層面 | 內容 | 報告章節') yields no refs.
    for (const row of [table.header, ...table.rows]) {
      const first = row.cells[0];
      if (!first) continue;
      const firstText = toHalfWidth(plainCell(first.text));
      const markedDeleted = row.cells.some((c) => DELETED.test(c.text));
      let refs: RequirementRef[] = [];
      const aspectMatch = ASPECT_ROW.exec(firstText);
      if (aspectMatch) {
        aspect = framework.normalizeId(aspectMatch[1].replace(/\s+/g, ''));
        // An aspect row speaks for the general disclosure only when it points somewhere.
        if (!aspect || lastCellText(row) === '' || row.cells.length < 2) {
          if (markedDeleted && aspect) rows.push({ row, refs: [ref(aspect, aspectMatch[1], first.range)], target: targetOf(doc, row), markedDeleted });
          continue;
        }
        refs = [ref(aspect, aspectMatch[1], first.range)];
      } else if (GENERAL_DISCLOSURE.test(firstText)) {
        if (!aspect) {
          problem(first.range, 'index.generalWithoutAspect');
          continue;
        }
        refs = [ref(aspect, first.text, first.range)];
      } else {
        refs = idsInCell(first.text, first.range.start.line, first.range.start.character);
        if (!refs.length) {
          // Part B rows by name; Part D rows by pillar in the first cell or paragraph number in the text.
          const byName = framework.matchRowText(firstText);
          const second = row.cells[1];
          // The requirement text is in a middle column: the second, or the third when a sub-topic column
          // comes first ('策略 | 氣候韌性 | 26. 發行人須… | 章節'). A paragraph number wins.
          let byText: string | undefined;
          for (const cell of row.cells.slice(1, -1)) {
            const id = framework.matchRowText(toHalfWidth(plainCell(cell.text)));
            if (id && /^D\d/.test(id)) {
              byText = id;
              break;
            }
            byText ??= id;
          }
          const id = byText && /^D\d/.test(byText) ? byText : byName ?? byText;
          // A Part B name row with nothing after the name ('管治架構 |') heads the row that follows
          // with the requirement's text and target, like an aspect row: not a row of its own.
          if (id && !byText && framework.get(id)?.part === 'B' && lastCellText(row) === '' && row.cells.slice(1).every((c) => plainCell(c.text) === '')) continue;
          if (id) refs = [ref(id, first.text, first.range)];
          else {
            const pillar = pillarOf(firstText, second ? plainCell(second.text) : '');
            if (pillar) refs = pillar.map((p) => ({ ...ref(p, first.text, first.range), fromRange: true }));
          }
        }
      }
      if (!refs.length) continue;
      rows.push({ row, refs, target: targetOf(doc, row), markedDeleted });
    }
    doc.indexTables.push({ table: table.index, section: sectionIndex, rows });
  }
}

export function isInIndexSection(doc: EsgDocument, index: number): boolean {
  for (let s: number | undefined = index; s !== undefined; s = doc.sections[s].parent) if (doc.sections[s].isIndex) return true;
  return false;
}

function ref(id: string, raw: string, range: RequirementRef['range']): RequirementRef {
  return { id, raw, range, known: true };
}

function lastCellText(row: TableRow): string {
  return row.cells.length ? plainCell(row.cells[row.cells.length - 1].text) : '';
}

function idsInCell(text: string, line: number, base: number): RequirementRef[] {
  const half = toHalfWidth(text);
  // Half-width conversion keeps the length of BMP text, so offsets still match the source.
  if (half.length !== text.length) return [];
  const refs: RequirementRef[] = [];
  for (const m of half.matchAll(ID_IN_CELL)) {
    for (const ref of parseRequirementList(m[0].replace(/(?<!\s)\s+(?=\()/g, ''), lineRange(line, base + m.index!, base + m.index! + m[0].length))) refs.push(ref);
  }
  // Keep the unknown ones (A9.9) so that hkex/unknown-id can point at them.
  return refs;
}

/** Part D rows like '( I ) | 管治' or 'Governance' that speak for a whole pillar. */
function pillarOf(first: string, second: string): string[] | undefined {
  const framework = getFramework()!;
  const candidates = [first, second].map((s) => s.replace(/^[(（]?\s*[IVX]+\s*[)）]?\s*/i, '').trim().toLowerCase());
  for (const a of framework.aspects()) {
    if (a.part !== 'D') continue;
    const titles = [a.title.en, a.title['zh-Hant'], a.title['zh-Hans']].map((t) => t.toLowerCase());
    if (candidates.some((c) => c && titles.some((t) => t === c || t.endsWith(c) || t.endsWith(`— ${c}`)))) {
      return framework.all.filter((r) => r.part === 'D' && r.aspect === a.id && !r.children).map((r) => r.id);
    }
  }
  return undefined;
}

function targetOf(doc: EsgDocument, row: TableRow): IndexTarget {
  const cell = row.cells.length >= 2 ? row.cells[row.cells.length - 1] : undefined;
  if (!cell) return { kind: 'empty', range: row.range };
  const text = plainCell(cell.text);
  if (text === '') return { kind: 'empty', range: cell.range };
  if (cell.text.includes('](')) {
    const links = scanInline(doc.text.slice(doc.lineStarts[row.line], doc.lineStarts[row.line] + row.range.end.character), row.line, cell.range.start.character, cell.range.end.character).links;
    if (links.length) return { kind: 'links', links, range: cell.range };
  }
  if (EXPLANATION_START.test(text) || SENTENCE.test(text) || text.length > 40) return { kind: 'explanation', text, range: cell.range };
  // Section titles separated by spaces, '、' or line breaks. Titles may contain spaces themselves
  // ('ESG 管治'), so tokens are joined greedily into the longest known heading title.
  const known = headingTitles(doc);
  const tokens: { text: string; start: number; end: number }[] = [];
  // Tags are masked by spaces (offsets stay those of the cell); a `<` that is not a tag is text.
  for (const m of maskHtml(cell.text).matchAll(/[^\s、]+/g)) {
    tokens.push({ text: m[0], start: cell.range.start.character + m.index!, end: cell.range.start.character + m.index! + m[0].length });
  }
  const titles: { text: string; range: IndexTarget['range'] }[] = [];
  let pending: typeof tokens = [];
  const flush = () => {
    if (!pending.length) return;
    titles.push({ text: pending.map((t) => t.text).join(' '), range: lineRange(row.line, pending[0].start, pending[pending.length - 1].end) });
    pending = [];
  };
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    for (let j = tokens.length; j > i; j--) {
      if (known.has(normalizeTitle(tokens.slice(i, j).map((t) => t.text).join(' ')))) {
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
  return { kind: 'titles', titles, range: cell.range };
}

// Every heading's title is normalised for each analysis (index targets, the disclosure index), and after
// an edit all but one are the same: remember the results for short titles (bounded).
const TITLE_CACHE_MAX = 20_000;
const normalizedTitles = new Map<string, string>();

// Chapter numbering an index cell or a heading may carry ('3.', '3.1', '第三章', '（一）', '一、', 'II.'),
// and an explicit page reference after a title ('P.12', 'p. 12-14', '第12頁', 'page 12').
const CHAPTER_NUMBER = /^(?:第[一二三四五六七八九十百零〇\d]+[章節节部篇]\s*|[(（]?[一二三四五六七八九十]+[)）、.]\s*|[(（]\d{1,2}[)）]\s*|\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+|[IVX]{1,5}[.、)]\s*)/i;
const PAGE_REFERENCE = /(?:^|(?<=[\s(（]))(?:(?:p{1,2}\.?|pages?)\s?\d{1,4}(?:\s?[-–~至]\s?\d{1,4})?|第\s?\d{1,4}(?:\s?[-–~至]\s?\d{1,4})?\s?[頁页])[)）]?$/i;
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
    const withoutMarks = title.replace(/<sup>[^<]*<\/sup>/gi, '').replace(/[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+/g, '');
    normalized = titleKey(toHalfWidth(plainTitle(withoutMarks)));
    if (title.length <= 200) {
      if (normalizedTitles.size >= TITLE_CACHE_MAX) normalizedTitles.clear();
      normalizedTitles.set(detachedCopy(title), detachedCopy(normalized));
    }
  }
  return normalized;
}

const titleCache = new WeakMap<EsgDocument, Set<string>>();
function headingTitles(doc: EsgDocument): Set<string> {
  let set = titleCache.get(doc);
  if (!set) {
    set = new Set(doc.headings.map((h) => normalizeTitle(h.title)));
    titleCache.set(doc, set);
  }
  return set;
}
