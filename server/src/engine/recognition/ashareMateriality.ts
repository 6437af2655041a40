// What an A+H report says under the mainland exchanges' 2024 guidelines (pack `ashare-2024`): its
// double-materiality table (a table under a `.ashare-materiality` heading, or a heading that names it:
// '双重重要性评估结果', '議題重要性評估', 'Double materiality assessment'), one row per topic with its
// conclusion, and the sections of the topics (`ashare="climate"` on a heading, or a heading titled with
// the topic's name). Read on demand, so a report the guideline does not concern costs nothing.
import type { EsgDocument, IndexTarget, Table, TableCell, TableRow } from '../model';
import type { Range } from '../types';
import { attr } from '../parser/attributes';
import { normalizeItemId } from '../catalogs/frameworks';
import { toHalfWidth } from '../text/normalize';
import { cellTarget, plainCell } from './indexTables';

export const ASHARE_PACK = 'ashare-2024';

/** The mainland exchanges of `esg.listings`: a listing on one of them makes an issuer A+H. */
export const MAINLAND_LISTINGS: readonly string[] = ['sse', 'szse', 'bse'];

/** The closed list of conclusions a topic may have. */
export type MaterialityConclusion = 'financial' | 'impact' | 'both' | 'not-material';

export const MATERIALITY_CONCLUSIONS: readonly MaterialityConclusion[] = [
  'financial',
  'impact',
  'both',
  'not-material',
];

export interface MaterialityRow {
  row: TableRow;
  /** The topic's pack id, or undefined when the cell names no topic of the guideline. */
  topic?: string;
  topicCell: TableCell;
  /** The conclusion read from the row; undefined when it is not one of the closed list. */
  conclusion?: MaterialityConclusion;
  /** The cell(s) the conclusion was read from (for a range), and their text as written. */
  conclusionRange: Range;
  conclusionText: string;
  /** The reason given for the conclusion (explanation column, or the text after the conclusion in its cell). */
  explanation: string;
  /** Where the row points for the topic's section (a section column), when the table has one. */
  target?: IndexTarget;
}

export interface MaterialityTable {
  table: number;
  section: number;
  rows: MaterialityRow[];
}

/** A heading that names the materiality table without the class: double materiality, or topic materiality. */
const MATERIALITY_TITLE =
  /^\s*(?:[\d.]+\s*)?(?:(?:议题|議題|可持续发展议题|可持續發展議題)?(?:的)?(?:双重重要性|雙重重要性)(?:评估|評估|分析)?(?:结果|結果|结论|結論)?(?:表)?|(?:议题|議題)重要性(?:评估|評估|分析)(?:结果|結果|结论|結論)?(?:表)?|double[-\s]materiality(?:\s+(?:assessment|analysis))?(?:\s+(?:results?|table))?|topic\s+materiality(?:\s+(?:assessment|table))?)\s*$/i;

/** Header spellings of the table's columns (compared folded: half-width, lower case, no spaces). */
const COLUMNS: { kind: ColumnKind; spellings: string[] }[] = [
  {
    kind: 'topic',
    spellings: ['议题', '議題', '议题名称', '議題名稱', '可持续发展议题', '可持續發展議題', 'topic', 'topics', 'issue'],
  },
  {
    kind: 'conclusion',
    spellings: [
      '重要性结论',
      '重要性結論',
      '结论',
      '結論',
      '重要性',
      '双重重要性',
      '雙重重要性',
      '双重重要性结论',
      '雙重重要性結論',
      '重要性判断',
      '重要性判斷',
      '评估结果',
      '評估結果',
      'conclusion',
      'materiality',
      'materialityconclusion',
    ],
  },
  { kind: 'financial', spellings: ['财务重要性', '財務重要性', 'financialmateriality', 'financial'] },
  { kind: 'impact', spellings: ['影响重要性', '影響重要性', 'impactmateriality', 'impact'] },
  {
    kind: 'explanation',
    spellings: [
      '说明',
      '說明',
      '原因',
      '理由',
      '解释',
      '解釋',
      '不具重要性的原因',
      '备注',
      '備註',
      '说明或原因',
      '說明或原因',
      'explanation',
      'reason',
      'note',
      'notes',
    ],
  },
  {
    kind: 'section',
    spellings: [
      '章节',
      '章節',
      '对应章节',
      '對應章節',
      '披露位置',
      '报告章节',
      '報告章節',
      '所在章节',
      '所在章節',
      'section',
      'location',
    ],
  },
];

type ColumnKind = 'topic' | 'conclusion' | 'financial' | 'impact' | 'explanation' | 'section';

/** The comparison form of a cell: half-width, lower case, without spaces. */
function fold(text: string): string {
  return toHalfWidth(plainCell(text)).toLowerCase().replace(/\s+/g, '');
}

function columnKind(text: string): ColumnKind | undefined {
  const key = fold(text);
  return COLUMNS.find((c) => c.spellings.includes(key))?.kind;
}

/** Cells that say nothing: a dash, N/A. */
const BLANK = /^(?:|[-—–－/／]+|n\/?a|不适用|不適用|无|無)$/i;

/** Longest cell read as a conclusion: a paragraph is not one. */
const MAX_CONCLUSION = 60;

/**
 * The conclusion a cell states, and what follows it as an explanation ('不具有重要性：本公司不涉及……').
 * Only the closed list: financial, impact, both (double), not material; 'high', '重要' or '中等' are none of them.
 */
export function readConclusion(text: string): { conclusion?: MaterialityConclusion; rest: string } {
  const plain = toHalfWidth(plainCell(text));
  const cut = /[:：;；(（—]/.exec(plain);
  const head = (cut ? plain.slice(0, cut.index) : plain).trim();
  const rest = cut
    ? plain
        .slice(cut.index + 1)
        .replace(/[)）]\s*$/, '')
        .trim()
    : '';
  if (head.length > MAX_CONCLUSION) return { rest };
  const s = head.toLowerCase().replace(/\s+/g, '');
  if (!s) return { rest };
  const negated = /^(?:不|非|无|無|未|not|non|im(?=material))/.test(s);
  const financial = /财务|財務|financial/.test(s);
  const impact = /影响|影響|impact/.test(s);
  const double = /双重|雙重|double|both|兼具/.test(s);
  // Whatever is left once the words of the closed list and their joints are taken away must be nothing.
  const left = s
    .replace(/财务|財務|financial(?:ly)?|影响|影響|impact|双重|雙重|double|both|兼具/g, '')
    .replace(/^(?:不|非|无|無|未|not|non|im(?=material))/, '')
    .replace(
      /具有|具备|具備|具|重要性|重要|materiality|material|议题|議題|的|以及|和|及|与|與|and|&|\+|、|\/|,|，|-|・|·/g,
      '',
    );
  if (left) return { rest };
  if (negated) return financial || impact || double ? { rest } : { conclusion: 'not-material', rest };
  if (double || (financial && impact)) return { conclusion: 'both', rest };
  if (financial) return { conclusion: 'financial', rest };
  if (impact) return { conclusion: 'impact', rest };
  return { rest };
}

/** A tick column's cell: material (✓, 是, Yes), not (✗, 否, No, blank), or something else. */
function readMark(text: string): boolean | undefined {
  const s = fold(text);
  if (/^(?:✓|✔|√|☑|●|是|有|yes|y|高|high)$/.test(s)) return true;
  if (/^(?:|✗|✘|×|x|○|否|无|無|no|n|低|low|[-—–－/／]+)$/.test(s)) return false;
  return undefined;
}

/** The topic a cell names: the pack id, or the topic's name (numbering and a bracketed note taken away). */
export function readTopic(text: string): string | undefined {
  const plain = plainCell(text);
  const direct = normalizeItemId(ASHARE_PACK, plain);
  const isTopic = (id: string | undefined) => (id && !FRAMEWORK_ENTRIES.has(id) ? id : undefined);
  if (isTopic(direct)) return direct;
  const numbered = plain.replace(
    /^\s*(?:[\d一二三四五六七八九十]+\s*[.、)）]|[(（][\d一二三四五六七八九十]+[)）])\s*/,
    '',
  );
  // A bracketed note ends the name ('应对气候变化（第二十一条）'): cut at the first bracket.
  const bracket = numbered.search(/[(（【[]/);
  const bare = (bracket >= 0 ? numbered.slice(0, bracket) : numbered).trim();
  return bare !== plain ? isTopic(normalizeItemId(ASHARE_PACK, bare)) : undefined;
}

/** The pack's entries that are not topics (the four elements, the materiality and index requirements). */
const FRAMEWORK_ENTRIES = new Set([
  'governance',
  'strategy',
  'iro-management',
  'metrics-targets',
  'double-materiality',
  'topic-index',
]);

function isMaterialityHeading(doc: EsgDocument, index: number): boolean {
  const h = doc.sections[index].heading;
  return (
    !!h.attrs?.classes.includes('ashare-materiality') ||
    (h.title.length <= MAX_TITLE && MATERIALITY_TITLE.test(toHalfWidth(plainCell(h.title))))
  );
}

/** The report's double-materiality tables (none when no heading names one). */
export function materialityTables(doc: EsgDocument): MaterialityTable[] {
  const out: MaterialityTable[] = [];
  const decided: (boolean | undefined)[] = [];
  const under = (index: number): boolean => {
    const parent = doc.sections[index].parent;
    return (decided[index] ??= isMaterialityHeading(doc, index) || (parent !== undefined && under(parent)));
  };
  for (const table of doc.tables) {
    if (table.section === undefined || !under(table.section)) continue;
    out.push({ table: table.index, section: table.section, rows: readRows(doc, table) });
  }
  return out;
}

function readRows(doc: EsgDocument, table: Table): MaterialityRow[] {
  const kinds = table.header.cells.map((c) => columnKind(c.text));
  const col = (kind: ColumnKind) => kinds.indexOf(kind);
  const topicColumn = col('topic') >= 0 ? col('topic') : 0;
  const ticks = col('financial') >= 0 && col('impact') >= 0 && col('conclusion') < 0;
  let conclusionColumn = col('conclusion');
  if (!ticks && conclusionColumn < 0) conclusionColumn = topicColumn === 0 ? 1 : 0;
  let explanationColumn = col('explanation');
  // Three columns and no header the table knows: topic, conclusion, explanation.
  if (explanationColumn < 0 && kinds.every((k) => k === undefined) && kinds.length >= 3) explanationColumn = 2;
  const sectionColumn = col('section');
  const rows: MaterialityRow[] = [];
  for (const row of table.rows) {
    const topicCell = row.cells[topicColumn];
    if (!topicCell || plainCell(topicCell.text) === '') continue;
    let conclusion: MaterialityConclusion | undefined;
    let conclusionRange: Range;
    let conclusionText: string;
    let explanation = '';
    if (ticks) {
      const f = row.cells[col('financial')];
      const i = row.cells[col('impact')];
      const fm = f ? readMark(f.text) : false;
      const im = i ? readMark(i.text) : false;
      conclusionRange = f && i ? { start: f.range.start, end: i.range.end } : (f ?? i ?? topicCell).range;
      conclusionText = [f?.text ?? '', i?.text ?? ''].join(' | ');
      if (fm !== undefined && im !== undefined)
        conclusion = fm && im ? 'both' : fm ? 'financial' : im ? 'impact' : 'not-material';
    } else {
      const cell = row.cells[conclusionColumn];
      conclusionRange = (cell ?? topicCell).range;
      conclusionText = cell?.text ?? '';
      const read = readConclusion(conclusionText);
      conclusion = read.conclusion;
      explanation = read.rest;
    }
    const explanationCell = explanationColumn >= 0 ? row.cells[explanationColumn] : undefined;
    const written = explanationCell ? plainCell(explanationCell.text) : '';
    if (!BLANK.test(toHalfWidth(written).toLowerCase())) explanation = [explanation, written].filter(Boolean).join(' ');
    const sectionCell = sectionColumn >= 0 ? row.cells[sectionColumn] : undefined;
    rows.push({
      row,
      topic: readTopic(topicCell.text),
      topicCell,
      conclusion,
      conclusionRange,
      conclusionText: plainCell(conclusionText),
      explanation: BLANK.test(explanation.toLowerCase()) ? '' : explanation,
      target: sectionCell ? cellTarget(doc, row, sectionCell) : undefined,
    });
  }
  return rows;
}

/**
 * The section of each topic: the first heading tagged `ashare="<topic>"` (ids or names, several allowed),
 * else the first heading whose title is the topic's name.
 */
export function topicSections(doc: EsgDocument): Map<string, number> {
  const tagged = new Map<string, number>();
  const titled = new Map<string, number>();
  for (const section of doc.sections) {
    const pair = section.heading.attrs ? attr(section.heading.attrs, 'ashare') : undefined;
    if (pair)
      for (const raw of pair.value.split(/[\s,，;；、]+/)) {
        const id = raw ? readTopic(raw) : undefined;
        if (id && !tagged.has(id)) tagged.set(id, section.index);
      }
    const byTitle = readTopic(section.heading.title);
    if (byTitle && !titled.has(byTitle)) titled.set(byTitle, section.index);
  }
  for (const [id, index] of titled) if (!tagged.has(id)) tagged.set(id, index);
  return tagged;
}

/** The four elements a financially material topic is disclosed by. */
export type Pillar = 'governance' | 'strategy' | 'iro-management' | 'metrics-targets';

export const PILLARS: readonly Pillar[] = ['governance', 'strategy', 'iro-management', 'metrics-targets'];

/**
 * Heading words of each element, Simplified and Traditional, mainland and Hong Kong wording
 * ('治理' / '管治', '战略' / '策略'), and English. A heading names an element when it contains them.
 */
const PILLAR_WORDS: Record<Pillar, RegExp> = {
  governance: /治理|管治|governance/i,
  strategy: /战略|戰略|策略|strategy/i,
  'iro-management':
    /(?:影响|影響|风险|風險|机遇|機遇|机会|機會).*(?:管理)|risk\s+management|impacts?,?\s+risks?\s+and\s+opportunit/i,
  'metrics-targets':
    /(?:指标|指標|目标|目標).*(?:目标|目標|指标|指標)|metrics\s+and\s+targets|targets\s+and\s+metrics|^\s*(?:指标|指標|metrics|目标|目標|targets)\s*$/i,
};

/** Longest heading title read for an element. */
const MAX_TITLE = 200;

/** Which of the four elements a topic's section shows by its sub-headings (the section's own heading not counted). */
export function pillarsIn(doc: EsgDocument, section: number): Set<Pillar> {
  const found = new Set<Pillar>();
  const visit = (index: number) => {
    for (const child of doc.sections[index].children) {
      // Headings past a line's length are prose run into a heading, and the patterns below scan with `.*`.
      const title = toHalfWidth(plainCell(doc.sections[child].heading.title.slice(0, MAX_TITLE)));
      // '影响、风险和机遇管理' names risk management, not governance; the first element a heading names is the one.
      for (const p of ['iro-management', 'metrics-targets', 'strategy', 'governance'] as const)
        if (PILLAR_WORDS[p].test(title)) {
          found.add(p);
          break;
        }
      visit(child);
    }
  };
  visit(section);
  return found;
}
