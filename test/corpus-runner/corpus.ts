// The real-report corpus (test/corpus/): each report is analysed by the engine and its findings are
// compared with its audit (test/corpus/README.md). Shared by `npm run corpus`, which prints the
// figures, and the corpus test, which holds them to the pinned results.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyze, type Diagnostic } from '../../server/src/engine';
import { decodeText } from '../../server/src/engine/text/decode';

export interface AuditRelation {
  what: string;
  period?: string | number;
  line?: number;
  arithmetic?: string;
  verdict: 'holds' | 'fails' | 'unchecked';
  rule?: string;
  computed?: string | number;
  reason?: string;
  /** A defect whose proof needs a figure the report does not print (another report, the annual results): out of scope, listed apart. */
  needs?: string;
}

export interface Audit {
  issuer?: string;
  'stock-code'?: string;
  board?: string;
  industry?: string;
  language?: string;
  'year-end'?: string;
  period?: string | number;
  relations?: AuditRelation[];
  findings?: { what: string; line?: number; rule?: string; needs?: string }[];
  /** Value rows that are not metrics a reviewer would name (a target, a year-on-year change, an operating statistic), with why. */
  'not-metrics'?: { line: number; why: string }[];
}

export interface Finding {
  rule: string;
  line: number;
  message: string;
}

export interface CorpusResult {
  id: string;
  language: string;
  industry: string;
  /** KPI-table rows with a figure (not captions). */
  metricRows: number;
  recognised: number;
  unrecognised: string[];
  relations: { holds: number; fails: number; unchecked: number };
  /** Audited failures and findings that name a rule, and how many esgmark flags at their line. */
  /** Audited defects in scope (their proof is in the report) and how many esgmark flags. */
  defects: number;
  flagged: number;
  /** Audited defects whose proof needs a figure from outside the report, and how many are flagged anyway. */
  outside: number;
  outsideFlagged: number;
  misses: { what: string; line?: number; rule: string }[];
  /** Warnings and errors about figures, index rows and syntax that no audited defect explains. */
  falseAlarms: Finding[];
  /** Coverage findings (requirements missing, sections empty): they depend on what was converted, not on esgmark's accuracy. */
  coverage: number;
}

export const CORPUS_DIR = path.join(findRoot(__dirname), 'test', 'corpus');

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scripts', 'build.mjs'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
}

/** Rules whose findings are about what a conversion covers rather than about its figures or index rows. */
const COVERAGE_RULES = new Set([
  'hkex/missing',
  'hkex/empty-section',
  'hkex/index-missing-row',
  'hkex/index-absent',
  'hkex/empty-explanation',
]);

export function corpusEntries(dir = CORPUS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'report.esg.md')))
    .map((e) => e.name)
    .sort();
}

const digitsOnly = (s: string | number) => String(s).replace(/[,\s]/g, '');

export function runEntry(id: string, dir = CORPUS_DIR): CorpusResult {
  const folder = path.join(dir, id);
  const text = decodeText(readFileSync(path.join(folder, 'report.esg.md'))).text;
  const auditPath = path.join(folder, 'audit.yaml');
  const audit = (existsSync(auditPath) ? parseYaml(readFileSync(auditPath, 'utf8')) : {}) as Audit;
  const analysis = analyze({ uri: `file:///corpus/${id}/report.esg.md`, text }, { locale: 'en' });
  let metricRows = 0;
  let recognised = 0;
  const unrecognised: string[] = [];
  const notMetrics = new Set((audit['not-metrics'] ?? []).map((n) => n.line));
  for (const table of analysis.model.kpiTables) {
    for (const row of table.rows) {
      if (row.isCaption || !row.values.some((v) => v.value !== undefined)) continue;
      if (notMetrics.has(row.line + 1)) continue;
      metricRows++;
      if (row.kpiId) recognised++;
      else unrecognised.push(row.group ? `${row.group} / ${row.label}` : row.label);
    }
  }
  const relations = { holds: 0, fails: 0, unchecked: 0 };
  for (const r of audit.relations ?? []) relations[r.verdict] = (relations[r.verdict] ?? 0) + 1;
  const expected = [
    ...(audit.relations ?? []).filter((r) => r.verdict === 'fails' && r.rule && r.rule !== 'none'),
    ...(audit.findings ?? []).filter((f) => f.rule && f.rule !== 'none'),
  ] as { what: string; line?: number; rule: string; computed?: string | number; needs?: string }[];
  const serious = analysis.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  const explains = (d: Diagnostic) =>
    expected.some((e) => e.rule === d.rule && (e.line === undefined || e.line === d.range.start.line + 1));
  let flagged = 0;
  let outsideFlagged = 0;
  const misses: CorpusResult['misses'] = [];
  for (const e of expected) {
    const hit = serious.find(
      (d) =>
        d.rule === e.rule &&
        (e.line === undefined || d.range.start.line + 1 === e.line) &&
        (e.computed === undefined || digitsOnly(d.message).includes(digitsOnly(e.computed))),
    );
    // A defect that needs a figure from outside the report is not in scope: counted apart, never a miss.
    if (e.needs) outsideFlagged += hit ? 1 : 0;
    else if (hit) flagged++;
    else misses.push({ what: e.what, line: e.line, rule: e.rule });
  }
  const falseAlarms = serious
    .filter((d) => !COVERAGE_RULES.has(d.rule) && !explains(d))
    .map((d) => ({ rule: d.rule, line: d.range.start.line + 1, message: d.message }));
  return {
    id,
    language: audit.language ?? '?',
    industry: audit.industry ?? '?',
    metricRows,
    recognised,
    unrecognised,
    relations,
    defects: expected.filter((e) => !e.needs).length,
    flagged,
    outside: expected.filter((e) => e.needs).length,
    outsideFlagged,
    misses,
    falseAlarms,
    coverage: serious.filter((d) => COVERAGE_RULES.has(d.rule)).length,
  };
}

export function runCorpus(dir = CORPUS_DIR): CorpusResult[] {
  return corpusEntries(dir).map((id) => runEntry(id, dir));
}

/** The figures a regression must not worsen, per report. */
export interface Pinned {
  recognised: number;
  metricRows: number;
  flagged: number;
  falseAlarms: number;
}

export function pinOf(r: CorpusResult): Pinned {
  return { recognised: r.recognised, metricRows: r.metricRows, flagged: r.flagged, falseAlarms: r.falseAlarms.length };
}
