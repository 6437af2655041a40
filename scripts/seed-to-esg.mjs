#!/usr/bin/env node
// Mechanical conversion of a report's PDF text (tables as tab-separated lines, headings as `#` lines
// where the PDF tool found them) into ESG Markdown: what a user pasting a report gets before adding
// any `hkex` tag. Deterministic: same input, same output byte for byte.
//
//   node scripts/seed-to-esg.mjs <report.txt> [out.esg.md] [--issuer NAME] [--year YYYY] [--lang zh-Hant|zh-Hans|en]
//                                  [--keep-page-breaks]
//
// Without an output path the result goes to stdout. The fixtures in test/fixtures/seeds/ are made with
//   node scripts/seed-to-esg.mjs test/fixtures/seed-reports/000_60a5996da05be3d1.txt test/fixtures/seeds/000.esg.md
// (and 002, 004 likewise); test/unit/seeds.test.ts checks that they are still what this script makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Longest line promoted to a heading when the PDF text has no `#` lines at all. */
const MAX_HEADING_CHARS = 25;
const SENTENCE_PUNCTUATION = /[。，；;！!？?：:,]|\.\s|\.$/;
// Bullets, footnote marks and list items that stand alone on a line are not headings.
const NOT_A_HEADING_START = /^(?:[-*•▶►◊·>|:+]|<sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\d+\s*$)/u;
const INDEX_TITLE = /索引|\bindex\b/i;
// Chapter lines like '01 公司治理': the number is page layout (pandoc --number-sections numbers chapters).
const CHAPTER_LINE = /^(\d{2})\s+(\S.*)$/u;

export function convert(text, options = {}) {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const isTabLine = (l) => l.includes('\t');
  const isBlank = (l) => l.trim() === '';
  const hasHashHeadings = lines.some((l) => /^#{1,6}\s/.test(l));

  // 1. Headings: `#` lines as they are; without any, standalone short lines (what the PDF set as headings).
  /** line number -> { level, title } for every heading of the output. */
  const headings = new Map();
  lines.forEach((line, i) => {
    const atx = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (atx) {
      headings.set(i, { level: atx[1].length, title: atx[2] });
      return;
    }
    if (hasHashHeadings || isTabLine(line) || isBlank(line)) return;
    const standalone = (i === 0 || isBlank(lines[i - 1])) && (i === lines.length - 1 || isBlank(lines[i + 1]));
    const t = line.trim();
    if (
      !standalone ||
      [...t].length < 2 ||
      [...t].length > MAX_HEADING_CHARS ||
      SENTENCE_PUNCTUATION.test(t) ||
      NOT_A_HEADING_START.test(t)
    )
      return;
    if (!/[\p{L}]/u.test(t)) return;
    const chapter = CHAPTER_LINE.exec(t);
    headings.set(i, chapter ? { level: 1, title: chapter[2] } : { level: 2, title: t });
  });

  // 2. The index table's heading: the last heading-like line mentioning an index that a table follows.
  let indexLine = -1;
  for (let i = 0; i < lines.length; i++) {
    if (isTabLine(lines[i]) || isBlank(lines[i]) || !INDEX_TITLE.test(lines[i])) continue;
    let next = i + 1;
    while (next < lines.length && isBlank(lines[next])) next++;
    if (next < lines.length && isTabLine(lines[next]) && [...lines[i].replace(/^#+\s*/, '').trim()].length <= 60)
      indexLine = i;
  }
  let indexEnd = lines.length;
  if (indexLine >= 0) {
    const h = headings.get(indexLine) ?? { level: 2, title: lines[indexLine].trim() };
    h.index = true;
    headings.set(indexLine, h);
    for (let i = indexLine + 1; i < lines.length; i++) {
      const other = headings.get(i);
      if (other && other.level <= h.level) {
        indexEnd = i;
        break;
      }
    }
  }

  // 3. Tables: runs of tab lines. Inside the index section, runs of the same width separated only by
  // blank lines are one table split by page breaks: merged, so that no index row becomes a header
  // (--keep-page-breaks leaves them split, as a plain paste would).
  const runs = [];
  for (let i = 0; i < lines.length;) {
    if (!isTabLine(lines[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && isTabLine(lines[i])) i++;
    runs.push({ start, end: i, rows: lines.slice(start, i).map(splitCells) });
  }
  const merged = [];
  for (const run of runs) {
    const prev = merged[merged.length - 1];
    const inIndex = (r) => indexLine >= 0 && r.start > indexLine && r.end <= indexEnd;
    if (
      !options.keepPageBreaks &&
      prev &&
      inIndex(prev) &&
      inIndex(run) &&
      width(prev.rows) === width(run.rows) &&
      lines.slice(prev.end, run.start).every(isBlank)
    ) {
      prev.rows.push(...run.rows);
      prev.end = run.end;
    } else merged.push({ ...run, rows: [...run.rows] });
  }

  // 4. Output.
  const out = [...frontMatter(text, options), ''];
  if (options.source) out.push(`<!-- converted mechanically from ${options.source} by scripts/seed-to-esg.mjs -->`, '');
  let r = 0;
  for (let i = 0; i < lines.length;) {
    const run = merged[r];
    if (run && run.start === i) {
      out.push(...renderTable(run.rows, indexLine >= 0 && run.start > indexLine && run.end <= indexEnd));
      i = run.end;
      r++;
      continue;
    }
    const h = headings.get(i);
    if (h) out.push(`${'#'.repeat(h.level)} ${h.title}${h.index ? ' {.hkex-index}' : ''}`);
    else out.push(lines[i].replace(/\s+$/, ''));
    i++;
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

function splitCells(line) {
  return line.split('\t').map((c) => c.trim().replace(/\|/g, '\\|'));
}

function width(rows) {
  return Math.max(...rows.map((r) => r.length));
}

/**
 * A run as a pipe table: first line = header, rows padded to the widest row. Leading lines with a
 * single non-empty cell ('環境績效') are captions the PDF typeset as a full-width row: they go before
 * the table as a paragraph, so the real header ('績效指標 | 單位 | 2025 年數值') stays the header.
 * Not in the index, where such a line is an aspect row ('層面 B5 供應鏈管理') the rows below need.
 */
function renderTable(rows, inIndex) {
  const out = [''];
  const nonEmpty = (row) => row.filter((c) => c !== '').length;
  let first = 0;
  while (
    !inIndex &&
    first < rows.length - 1 &&
    nonEmpty(rows[first]) <= 1 &&
    rows.slice(first + 1).some((row) => nonEmpty(row) >= 2)
  ) {
    const caption = rows[first].find((c) => c !== '');
    if (caption) out.push(caption, '');
    first++;
  }
  const body = rows.slice(first);
  const n = Math.max(2, width(body));
  const line = (cells) =>
    `| ${[...cells, ...Array(n - cells.length).fill('')].join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  out.push(line(body[0]), line(Array(n).fill('---')));
  for (const row of body.slice(1)) out.push(line(row));
  out.push('');
  return out;
}

function frontMatter(text, options) {
  const issuer = options.issuer ?? detectIssuer(text);
  const year = options.year ?? detectYear(text);
  const lang = options.lang ?? detectLang(text);
  const fm = ['---', `lang: ${lang}`, 'esg:'];
  if (issuer) fm.push(`  issuer: ${JSON.stringify(issuer)}`);
  if (year) fm.push(`  period: ${year}`);
  fm.push('  issuer-class: main-board', '---');
  return fm;
}

/** The issuer: a line that is only a company name, else the name a 'hereinafter' clause abbreviates. */
function detectIssuer(text) {
  const own = /^\s*([^\s\t，。,]{2,40}(?:有限公司|Limited|Ltd\.?))\s*$/mu.exec(text);
  if (own) return own[1];
  const named =
    /([^\s，。,：:（(“"]{2,40}(?:有限公司|Limited))\s*[（(]?\s*(?:以下簡稱|以下简称|簡稱|简称|hereinafter)/u.exec(text);
  return named ? named[1] : undefined;
}

/** The financial year: the end of the first 'YYYY 年 1 月 1 日至 YYYY 年 12 月 31 日' period. */
function detectYear(text) {
  const m = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|-|–)\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/u.exec(
    text,
  );
  if (m) return Number(m[2]);
  const fy = /\b(?:FY|financial year\s*)((?:19|20)\d{2})\b/i.exec(text);
  return fy ? Number(fy[1]) : undefined;
}

/** Traditional or Simplified Chinese by characters that differ between the two; English without CJK. */
function detectLang(text) {
  const traditional = (text.match(/[們這會與為發經環報與關國業員數據體電績]/gu) ?? []).length;
  const simplified = (text.match(/[们这会与为发经环报与关国业员数据体电绩]/gu) ?? []).length;
  if (traditional + simplified === 0) return /\p{Script=Han}/u.test(text) ? 'zh-Hant' : 'en';
  return traditional >= simplified ? 'zh-Hant' : 'zh-Hans';
}

function parseArgs(argv) {
  const positional = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep-page-breaks') options.keepPageBreaks = true;
    else if (a === '--issuer' || a === '--year' || a === '--lang') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      options[a.slice(2)] = a === '--year' ? Number(value) : value;
    } else positional.push(a);
  }
  return { positional, options };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { positional, options } = parseArgs(process.argv.slice(2));
    if (positional.length < 1 || positional.length > 2) {
      process.stderr.write(
        'usage: seed-to-esg.mjs <report.txt> [out.esg.md] [--issuer NAME] [--year YYYY] [--lang zh-Hant|zh-Hans|en] [--keep-page-breaks]\n',
      );
      process.exit(2);
    }
    const [input, output] = positional;
    const result = convert(readFileSync(input, 'utf8'), { ...options, source: basename(input) });
    if (output) writeFileSync(output, result);
    else process.stdout.write(result);
  } catch (e) {
    process.stderr.write(`seed-to-esg: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
