// The shape of a KPI table as HK reports print it: which header cells are periods (financial years
// in every spelling: `2025`, `FY2022/23`, `2019-20`, `二零二四年`, `截至2024年3月31日止年度`), which
// column holds units (a `Unit` column, or none: the unit in brackets in the label), which columns are
// labels, and which are neither (a GRI reference, report pages, remarks, targets, year-on-year change).
// Everything here reads the table's own cells only, so a table's reading can be cached by its text
// and patched by the incremental parser.
import type { KpiTable, Table, TableCell } from '../model';
import { parseNumber } from '../numbers/read';
import { stripFootnoteMarks, toHalfWidth } from '../text/normalize';
import { plainCell } from './indexTables';

export const UNIT_HEADER = /^(?:單位|单位|計量單位|计量单位|units?)$/i;

/** A column that is neither label nor period: a reference (GRI, HKEX KPI), report pages, remarks. */
const ASIDE_HEADER =
  /^(?:(?:GRI|SASB|HKEX|TCFD|SDGs?)(?:\s*(?:參考|参考|reference|references|ref\.?|標準|标准|指標|指标|index|disclosures?|KPI|standards?))?|參考|参考|references?|ref\.?|指標編號|指标编号|索引|頁碼|页码|頁數|页数|頁|页|pages?|report pages?|page (?:no\.?|number|reference)|備註|备注|附註|附注|remarks?|notes?|comments?|說明|说明)$/i;
/** A body cell that is a reference code: `GRI 305-1`, `305-1`, `G4-LA6`, `CRE6`, `KPI A1.2`, `A2.1`, `SDG 6`. */
const CODE_CELL =
  /^(?:GRI\s?)?\d{3}-\d{1,2}[a-z]?$|^G4-[A-Z]{2,3}\d{1,2}$|^CRE\d{1,2}$|^(?:KPI\s?)?[A-D]\d{1,2}(?:\.\d{1,2})?$|^SDGs?\s?\d{1,2}$/i;
/** A header with a year that is not a period: a target, a change between years. */
const NOT_A_PERIOD =
  /目標|目标|targets?\b|變動|变动|變化|变化|增減|增减|增幅|change|\bvs\.?(?:\s|$)|較|比較|比较|yoy|同比|按年/i;
/** The column that totals the segment columns of one year. */
const TOTAL_HEADER =
  /^(?:合計|合计|總計|总计|共計|共计|總額|总额|總數|总数|總體|总体|整體|整体|集團|集团|全集團|全集团|total|group|overall|group total)$/i;

const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
// A year in Chinese numerals: four digits, the first 一 or 二 (一九九八年, 二零二四年, 二〇二四).
const CN_YEAR = /[一二][〇零○一二三四五六七八九]{3}/g;
// A split financial year `2022/23`, `2022-2023`, `2019–20`: checked below that the second year follows the first.
const SPLIT_YEAR = /(?:^|[^0-9])((?:19|20)\d{2})\s?[/／\-–—]\s?(\d{4}|\d{2})(?![0-9])/;
const YEAR = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/g;
const SHORT_FY = /(?:^|[^A-Za-z])FY\s?'?(\d{2})(?![0-9/／\-–])/i;
const DATE_WORD = /[月日]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
// What a header says besides its year: `男性` in `2014/15* 男性`, `香港` in `2021年 香港`.
const YEAR_WORDS =
  /(?:截至|截止|止年度|財政年度|财政年度|財年|财年|年度|年數值|年数值|年數據|年数据|數值|数值|數據|数据|年|FY|fiscal year|financial year|year ended|for the year|year)/gi;

export interface HeaderPeriod {
  /** The financial year: the year it ends in (`2022/23` -> 2023). */
  year: number;
  /** What the header says besides the year (`男性`, `香港`), empty for a plain year. */
  qualifier: string;
}

/** The period a header cell names, or undefined when it names none (or names a target or a change). */
export function headerPeriod(cellText: string): HeaderPeriod | undefined {
  const text = chineseYears(toHalfWidth(plainCell(stripFootnoteMarks(cellText))))
    .replace(/\\?\*/g, '')
    .trim();
  if (!text || text.length > 80 || NOT_A_PERIOD.test(text)) return undefined;
  let year: number | undefined;
  let rest = text;
  const split = SPLIT_YEAR.exec(text);
  if (split) {
    const first = Number(split[1]);
    const second = split[2].length === 2 ? Math.floor(first / 100) * 100 + Number(split[2]) : Number(split[2]);
    // `2022/23` is one financial year, ending in 2023; `2016-2018` is a span of years (a baseline), read as before.
    if (second === first + 1 || (split[2].length === 2 && second + 100 === first + 1)) {
      year = first + 1;
      rest = text.replace(split[0].slice(split[0].indexOf(split[1])), ' ');
    }
  }
  if (year === undefined) {
    const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
    if (years.length) {
      // `2023年4月1日至2024年3月31日`: a date range ends in the financial year's last day.
      year = years.length > 1 && DATE_WORD.test(text) ? years[years.length - 1] : years[0];
      rest = text.replace(YEAR, (m) => m.replace(/\d{4}/, ' '));
    } else {
      const short = SHORT_FY.exec(text);
      if (!short) return undefined;
      year = 2000 + Number(short[1]);
      rest = text.replace(short[0], ' ');
    }
  }
  if (DATE_WORD.test(rest)) rest = '';
  const qualifier = rest
    .replace(YEAR_WORDS, ' ')
    .replace(/[()（）\s:：,，、/\-–—~]+/g, ' ')
    .trim();
  return { year, qualifier };
}

function chineseYears(text: string): string {
  return text.replace(CN_YEAR, (run) => [...run].map((c) => CN_DIGIT[c] ?? c).join(''));
}

export interface KpiShape {
  labelColumns: number[];
  /** The unit column, or -1 when units are read from the labels. */
  unitColumn: number;
  periods: KpiTable['periods'];
}

/** Why a table that holds figures was not read as a KPI table (the `kpi/table-shape` message), or undefined. */
export type NotReadReason = 'noPeriod' | 'yearInLabels' | 'noLabel';

/** Why a table with figures is not a KPI table, and the headers of the columns it could not read. */
export interface NotRead {
  reason: NotReadReason;
  columns: string[];
}

export function kpiShape(table: Table): KpiShape | undefined {
  return kpiShapeAndReason(table).shape;
}

/** What one reading of a table gives: its KPI shape, or the reason it is not a KPI table (`notReadReason`). */
export function kpiShapeAndReason(table: Table): { shape?: KpiShape; notRead?: NotRead } {
  const r = readShape(table);
  if (!('reason' in r)) return { shape: r };
  return r.figures ? { notRead: { reason: r.reason, columns: r.columns } } : {};
}

/**
 * The reasons found when the KPI tables were read (recognition/kpiTables.ts, which caches them with the
 * KPI table by the table's text), by table: null for a table with none. The reason depends on the table's
 * cells only, and reading the shape of every table again for `kpi/table-shape` was 5% of a full analysis.
 */
const notReadByTable = new WeakMap<Table, NotRead | null>();

export function rememberNotRead(table: Table, notRead: NotRead | undefined): void {
  notReadByTable.set(table, notRead ?? null);
}

/**
 * The reason a table with figures is not a KPI table. Undefined for a KPI table and for a table that
 * does not look like one (text, a list of stakeholders, an index).
 */
export function notReadReason(table: Table): NotRead | undefined {
  const known = notReadByTable.get(table);
  if (known !== undefined) return known ?? undefined;
  return kpiShapeAndReason(table).notRead;
}

type ShapeResult = KpiShape | { reason: NotReadReason; figures: boolean; columns: string[] };

function readShape(table: Table): ShapeResult {
  const header = table.header.cells;
  const texts = header.map((c) => plainCell(stripFootnoteMarks(c.text)));
  const unitColumn = texts.findIndex((t) => UNIT_HEADER.test(t));
  const aside = header.map((_, c) => c !== unitColumn && isAsideColumn(table, c, texts[c]));
  // Periods: header cells with a year, after the first label column; a unit column must come first.
  const found: { column: number; period: HeaderPeriod; cell: TableCell }[] = [];
  header.forEach((cell, column) => {
    if (column === unitColumn || aside[column] || column === 0 || (unitColumn > 0 && column < unitColumn)) return;
    const period = headerPeriod(cell.text);
    if (period) found.push({ column, period, cell });
  });
  if (!found.length && unitColumn > 0) {
    // The unit column last (`指標 | 2022 | 2021 | 單位`): the periods before it, when their cells are figures.
    // Every column from the first period to the unit column is a period (or an aside column).
    const before: typeof found = [];
    let contiguous = true;
    for (let column = 1; column < unitColumn; column++) {
      if (aside[column]) continue;
      const period = headerPeriod(header[column].text);
      if (period) before.push({ column, period, cell: header[column] });
      else if (before.length) contiguous = false;
    }
    if (
      contiguous &&
      before.length &&
      looksLikeFigures(
        table,
        before.map((f) => f.column),
      )
    )
      found.push(...before);
  }
  const labelColumns: number[] = [];
  if (unitColumn > 0 || found.length) {
    const firstData = Math.min(unitColumn > 0 ? unitColumn : Infinity, found.length ? found[0].column : Infinity);
    for (let c = 0; c < Math.min(firstData, header.length); c++) if (!aside[c]) labelColumns.push(c);
  } else {
    // Neither a unit column nor a year: the label columns are the leading columns that are not figures.
    for (let c = 0; c < header.length; c++) {
      if (aside[c]) continue;
      if (looksLikeFigures(table, [c])) break;
      labelColumns.push(c);
    }
  }
  const columns = texts.filter((_, c) => !labelColumns.includes(c) && c !== unitColumn && !aside[c]);
  if (unitColumn === 0 || (!labelColumns.length && found.length))
    return {
      reason: 'noLabel',
      figures: looksLikeFigures(
        table,
        found.map((f) => f.column),
      ),
      columns,
    };
  if (!found.length) {
    // Segment or site columns (`香港 | 中國內地 | 合計`) under a year the table's own label header gives (`2021重要環境數據`).
    const year = labelColumns.length ? headerPeriod(header[labelColumns[0]].text)?.year : undefined;
    const start = unitColumn > 0 ? unitColumn + 1 : (labelColumns[labelColumns.length - 1] ?? -1) + 1;
    const segments: typeof found = [];
    for (let c = start; c < header.length; c++) {
      if (c === unitColumn || aside[c] || !texts[c] || NOT_A_PERIOD.test(texts[c])) continue;
      segments.push({ column: c, period: { year: year ?? 0, qualifier: texts[c] }, cell: header[c] });
    }
    const figures = looksLikeFigures(
      table,
      segments.map((s) => s.column),
    );
    if (year === undefined || !segments.length || !figures || labelColumns.length === 0) {
      const reason = labelColumns.length && yearsInLabels(table, labelColumns) ? 'yearInLabels' : 'noPeriod';
      return { reason, figures: figures || looksLikeFigures(table, allBut(header.length, labelColumns)), columns };
    }
    found.push(...segments);
  } else if (
    unitColumn < 0 &&
    !looksLikeFigures(
      table,
      found.map((f) => f.column),
    )
  ) {
    // No unit column: only a table whose period cells are figures is read (a timeline or a plan is text).
    return { reason: 'noPeriod', figures: false, columns };
  }
  return { unitColumn, labelColumns, periods: periodKeys(found) };
}

/**
 * Period keys: the year (`2023`); a second column of the same year numbered (`2023#2`, a restated
 * figure); columns of one year told apart by their header (`2015#男性`, `2021#香港`), where a total
 * column (`合計`, `Total`) is the year itself.
 */
function periodKeys(found: { column: number; period: HeaderPeriod; cell: TableCell }[]): KpiTable['periods'] {
  const byYear = new Map<number, typeof found>();
  for (const f of found) {
    const list = byYear.get(f.period.year);
    if (list) list.push(f);
    else byYear.set(f.period.year, [f]);
  }
  const keys = new Map<number, string>();
  for (const [year, list] of byYear) {
    const qualifiers = list.map((f) => f.period.qualifier);
    const distinct = list.length > 1 && new Set(qualifiers).size === list.length && qualifiers.every((q) => q);
    const seen = new Set<string>();
    list.forEach((f, n) => {
      let key = String(year);
      if (distinct) key = TOTAL_HEADER.test(f.period.qualifier) ? String(year) : `${year}#${f.period.qualifier}`;
      else if (n) key = `${year}#${n + 1}`;
      if (seen.has(key)) key = `${year}#${n + 1}`;
      seen.add(key);
      keys.set(f.column, key);
    });
  }
  return found.map((f) => ({ column: f.column, period: keys.get(f.column)!, range: f.cell.range }));
}

/** Two rows at least whose labels name different years (`2023 年因工亡故總人數`, `2024 年因工亡故總人數`). */
function yearsInLabels(table: Table, labelColumns: number[]): boolean {
  const years = new Set<number>();
  for (const row of table.rows) {
    for (const c of labelColumns) {
      const p = row.cells[c] ? headerPeriod(row.cells[c].text) : undefined;
      if (p) years.add(p.year);
    }
  }
  return years.size >= 2;
}

function allBut(n: number, skip: number[]): number[] {
  const out: number[] = [];
  for (let c = 0; c < n; c++) if (!skip.includes(c)) out.push(c);
  return out;
}

function isAsideColumn(table: Table, column: number, headerText: string): boolean {
  if (ASIDE_HEADER.test(headerText)) return true;
  // A column of reference codes (`GRI 305-1`, `CRE6`) with no header of its own.
  let codes = 0;
  for (const row of table.rows) {
    const t = plainCell(stripFootnoteMarks(row.cells[column]?.text ?? ''));
    if (!t) continue;
    if (!CODE_CELL.test(t)) return false;
    codes++;
  }
  return codes > 0 && !headerPeriod(headerText);
}

/**
 * The cells of these columns are figures: at least two numbers, and numbers at least three quarters
 * of the cells that are not empty or a no-value mark. Used where nothing else (no unit column) says
 * the table holds figures.
 */
function looksLikeFigures(table: Table, columns: number[]): boolean {
  let numbers = 0;
  let other = 0;
  for (const row of table.rows) {
    for (const c of columns) {
      const cell = row.cells[c];
      if (!cell) continue;
      const status = parseNumber(stripFootnoteMarks(cell.text)).status;
      if (status === 'number') numbers++;
      else if (status === 'bad') other++;
    }
  }
  return numbers >= 2 && numbers >= 3 * other;
}
