// Incremental analysis must never change a result. Starting from real reports, random edits are applied
// one after another, and after each edit
//  - the analysis with the KPI-table parse cache (server/src/engine/recognition/kpiTables.ts) warm from the
//    previous versions must equal, field for field, the analysis of the same text with the cache cleared;
//  - the analysis derived from the previous version's (`analyze(doc, options, previous)`: the patched
//    parse of parser/incremental.ts and the kept rules of reanalyze.ts) must equal a full analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { assertDerivedEqualsFull, firstDifference, replaceAfter } from '../helpers/derived';
import { analyze, getReportModel, type Analysis } from '../../server/src/engine';
import { clearParseCaches, parseCacheCounts } from '../../server/src/engine/recognition/kpiTables';
import { LIMITS } from '../../server/src/engine/limits';
import { allChecks, formulaChecks, kpiSums } from '../../server/src/engine/derived';
import { formulaOptions } from '../../server/src/engine/numbers/allChecks';
import { REPO_ROOT } from '../helpers/paths';
import { params } from './fuzz/support';
import { generateRealShapedReport } from '../../scripts/bench/generate-real';

const URI = 'file:///incremental.esg.md';
const EDITS_PER_RUN = 30;

function reportsIn(dir: string): { name: string; text: string }[] {
  const abs = path.join(REPO_ROOT, dir);
  return readdirSync(abs)
    .filter((n) => n.endsWith('.esg.md'))
    .sort()
    .map((n) => ({ name: `${dir}/${n}`, text: readFileSync(path.join(abs, n), 'utf8') }));
}

const STARTS = [...reportsIn('examples'), ...reportsIn('test/fixtures/seed-tables')];

type Edit =
  | { kind: 'insertChar'; at: number; ch: string }
  | { kind: 'deleteChar'; at: number }
  | { kind: 'insertLine'; at: number; line: string }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'changeTableDigit'; at: number; digit: string }
  | { kind: 'blankLineAboveTable'; at: number }
  | { kind: 'insertInFormula'; at: number; ch: string };

const position = fc.nat({ max: 1_000_000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insertChar' as const),
    at: position,
    ch: fc.constantFrom('a', '7', '|', ' ', '\n', '\r\n', '中', '-', '%', '#', '{', ']'),
  }),
  fc.record({ kind: fc.constant('deleteChar' as const), at: position }),
  fc.record({
    kind: fc.constant('insertLine' as const),
    at: position,
    line: fc.constantFrom(
      '',
      '文字',
      '## 新章節',
      '| 指標 | 單位 | 2025 |',
      '|---|---|---:|',
      '| 用電量 | 千瓦時 | 1,234 |',
      '| 男性 | 人 | 12 |',
      '::: {.explain}',
    ),
  }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: position }),
  fc.record({
    kind: fc.constant('changeTableDigit' as const),
    at: position,
    digit: fc.constantFrom('0', '1', '2', '5', '9'),
  }),
  fc.record({ kind: fc.constant('blankLineAboveTable' as const), at: position }),
);

const EOL = /\r\n|\r|\n/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(EOL)) starts.push(m.index + m[0].length);
  return starts;
}

/** Offsets of digits on lines that hold a '|' (table cells, near enough). */
function tableDigits(text: string): number[] {
  const offsets: number[] = [];
  const starts = lineStarts(text);
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const line = text.slice(start, end);
    if (!line.includes('|')) return;
    for (let c = 0; c < line.length; c++) if (line[c] >= '0' && line[c] <= '9') offsets.push(start + c);
  });
  return offsets;
}

/** Line numbers of table headers: a line with '|' followed by a delimiter row. */
function tableHeaders(text: string): number[] {
  const lines = text.split(EOL);
  const out: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++)
    if (lines[i].includes('|') && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(lines[i + 1])) out.push(i);
  return out;
}

function insertLineAt(text: string, line: number, content: string): string {
  const starts = lineStarts(text);
  const offset = starts[line % starts.length];
  return text.slice(0, offset) + content + '\n' + text.slice(offset);
}

function apply(text: string, e: Edit): string {
  switch (e.kind) {
    case 'insertChar': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.ch + text.slice(at);
    }
    case 'deleteChar': {
      if (!text.length) return text;
      const at = e.at % text.length;
      return text.slice(0, at) + text.slice(at + 1);
    }
    case 'insertLine':
      return insertLineAt(text, e.at, e.line);
    case 'deleteLine': {
      const starts = lineStarts(text);
      const i = e.at % starts.length;
      return text.slice(0, starts[i]) + (i + 1 < starts.length ? text.slice(starts[i + 1]) : '');
    }
    case 'changeTableDigit': {
      const digits = tableDigits(text);
      if (!digits.length) return text;
      const at = digits[e.at % digits.length];
      return text.slice(0, at) + e.digit + text.slice(at + 1);
    }
    case 'blankLineAboveTable': {
      const headers = tableHeaders(text);
      return headers.length ? insertLineAt(text, headers[e.at % headers.length], '') : text;
    }
    case 'insertInFormula': {
      // Inside the value of a `formula="…"` or `check="…"` attribute.
      const spots = [...text.matchAll(/(?:formula|check)="([^"\n]*)"/g)].map((m) => m.index + m[0].indexOf('"') + 1);
      if (!spots.length) return text;
      const start = spots[e.at % spots.length];
      const at = start + (e.at % 7);
      return text.slice(0, at) + e.ch + text.slice(at);
    }
  }
}

function assertIncrementalEqualsFull(text: string, step: string) {
  const warm = analyze({ uri: URI, text });
  clearParseCaches();
  const full = analyze({ uri: URI, text });
  assert.deepStrictEqual(warm.model.kpiTables, full.model.kpiTables, `${step}: kpiTables`);
  assert.deepStrictEqual(warm.model.tables, full.model.tables, `${step}: tables`);
  assert.deepStrictEqual(warm.model.sections, full.model.sections, `${step}: sections`);
  assert.deepStrictEqual(warm.model, full.model, `${step}: whole model`);
  assert.deepStrictEqual(warm.diagnostics, full.diagnostics, `${step}: diagnostics`);
}

for (const start of STARTS) {
  test(`incremental: ${start.name} — warm-cache analysis equals a fresh one after each of ${EDITS_PER_RUN} random edits`, () => {
    const before = parseCacheCounts();
    fc.assert(
      fc.property(fc.array(edit, { minLength: EDITS_PER_RUN, maxLength: EDITS_PER_RUN }), (edits) => {
        clearParseCaches();
        let text = start.text;
        analyze({ uri: URI, text });
        edits.forEach((e, i) => {
          text = apply(text, e);
          assertIncrementalEqualsFull(text, `edit ${i + 1} (${e.kind})`);
        });
      }),
      params(start.text.length > 20_000 ? 1 : 3),
    );
    const after = parseCacheCounts();
    // Without hits the comparison above would be vacuous.
    assert.ok(after.hits > before.hits, `the cache was used (${after.hits - before.hits} hits)`);
  });
}

test('incremental: a table moved down by inserted lines is served from the cache with its lines rebased', () => {
  const text = [
    '# 環境',
    '',
    '| 指標 | 單位 | 2024 | 2025 |',
    '|---|---|---:|---:|',
    '| 用電量 | 千瓦時 | 1,200 | 1,234 |',
    '| 用水量 | 立方米 | 30 |',
    '',
  ].join('\n');
  clearParseCaches();
  analyze({ uri: URI, text });
  const moved = 'intro\n\n\n' + text;
  const hitsBefore = parseCacheCounts().hits;
  const warm = analyze({ uri: URI, text: moved });
  assert.equal(parseCacheCounts().hits, hitsBefore + 1);
  const rows = warm.model.kpiTables[0].rows;
  assert.deepEqual(
    rows.map((r) => r.line),
    [7, 8],
  );
  assert.deepEqual(rows[0].labelRange.start, { line: 7, character: 2 });
  // The half-typed row's missing 2025 cell points at the end of its own line, moved with it.
  assert.deepEqual(rows[1].values[1].range.start, { line: 8, character: '| 用水量 | 立方米 | 30 |'.length });
  clearParseCaches();
  assert.deepStrictEqual(warm.model.kpiTables, analyze({ uri: URI, text: moved }).model.kpiTables);
});

test('incremental: the cache stays bounded', () => {
  clearParseCaches();
  const table = (n: number) => `| 指標 | 單位 | 2025 |\n|---|---|---:|\n| 用電量 ${n} | 千瓦時 | ${n} |\n`;
  const parts: string[] = [];
  for (let n = 0; n < 2500; n++) parts.push(table(n));
  analyze({ uri: URI, text: parts.join('\n') });
  assert.ok(parseCacheCounts().entries <= 2000, `${parseCacheCounts().entries} entries`);
  clearParseCaches();
  assert.equal(parseCacheCounts().entries, 0);
});

// Typing: mostly one character inserted or deleted anywhere, in the characters that change what a line is
// (table pipes, heading hashes, setext and fence marks, attribute braces, link brackets, line breaks),
// plus digits and words; now and then a whole line inserted or deleted, or a table digit changed.
const TYPED = [
  'a',
  'e',
  ' ',
  '7',
  '0',
  '.',
  ',',
  '中',
  '。',
  '|',
  '#',
  '-',
  '=',
  ':',
  '`',
  '~',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '^',
  '*',
  '>',
  '\n',
  '\r\n',
  '"',
  'kgCO2e/kWh',
  '排放因子',
];
const typing: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('insertChar' as const), at: position, ch: fc.constantFrom(...TYPED) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deleteChar' as const), at: position }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('changeTableDigit' as const),
      at: position,
      digit: fc.constantFrom('0', '1', '5', '9'),
    }),
  },
  { weight: 1, arbitrary: edit },
);

const DERIVED_EDITS = 150;

test(`incremental: analyses derived from the previous version equal full analyses over ${DERIVED_EDITS} random edits per report`, () => {
  const parses = new Map<string, number>();
  let kept = 0;
  let ran = 0;
  let reportsReused = 0;
  // The same reports with CRLF line ends and a byte-order mark, as Windows editors save them.
  const crlf = STARTS.filter((s) => s.name.includes('annual-report-en') || s.name.includes('zhipu-2025.esg')).map(
    (s) => ({ name: `${s.name} (CRLF, BOM)`, text: '\uFEFF' + s.text.replace(/\r?\n/g, '\r\n') }),
  );
  [...STARTS, ...crlf].forEach((start, n) => {
    // A plain sequence rather than fc.assert: shrinking 150 edits on a 50 KB report takes minutes, and the
    // step that fails is printed with its edit instead.
    const seed = params(1).seed! + n;
    const edits = fc.sample(typing, { seed, numRuns: DERIVED_EDITS });
    let text = start.text;
    let previous = analyze({ uri: URI, text });
    edits.forEach((e, i) => {
      text = apply(text, e);
      const derived = analyze({ uri: URI, text }, {}, previous);
      const step = `${start.name} (seed ${seed}), edit ${i + 1} ${JSON.stringify(e)}, ${derived.reuse.parse}`;
      assertDerivedEqualsFull(URI, derived, text, step);
      // The report model (preview, coverage, status bar) is reused after edits that change none of its inputs.
      const report = getReportModel(derived);
      const reportDifference = firstDifference(report, getReportModel(analyze({ uri: URI, text })));
      if (reportDifference) assert.fail(`${step}: derived and full report models differ at ${reportDifference}`);
      if (report === getReportModel(previous)) reportsReused++;
      parses.set(derived.reuse.parse, (parses.get(derived.reuse.parse) ?? 0) + 1);
      kept += derived.reuse.rulesKept;
      ran += derived.reuse.rulesRun;
      previous = derived;
    });
  });
  // Every path was taken, so the equalities above are not vacuous.
  for (const kind of ['full', 'prose', 'table', 'heading'])
    assert.ok((parses.get(kind) ?? 0) > 0, `some edits took the '${kind}' path: ${JSON.stringify([...parses])}`);
  assert.ok(kept > 0 && ran > 0, `rules kept ${kept}, run ${ran}`);
  assert.ok(reportsReused > 0, 'some report models were reused');
});

test('incremental: options must match for an analysis to be derived', () => {
  const text = readFileSync(path.join(REPO_ROOT, 'examples/zhipu-2025.esg.md'), 'utf8');
  const previous = analyze({ uri: URI, text }, { locale: 'en' });
  const edited = text.replace('本報告內容覆蓋智譜', '本報告內容覆蓋智 譜');
  assert.notEqual(edited, text);
  const derived = analyze({ uri: URI, text: edited }, { locale: 'en' }, previous);
  assert.equal(derived.reuse.parse, 'prose');
  assert.equal(derived.reuse.rulesRun, 0, 'a plain prose edit runs no rule');
  const otherLocale = analyze({ uri: URI, text: edited }, { locale: 'zh-Hans' }, previous);
  assert.equal(otherLocale.reuse.parse, 'full');
  assert.deepStrictEqual(
    otherLocale.diagnostics,
    analyze({ uri: URI, text: edited }, { locale: 'zh-Hans' }).diagnostics,
  );
  const otherUri = analyze({ uri: 'file:///other.esg.md', text: edited }, { locale: 'en' }, previous);
  assert.equal(otherUri.reuse.parse, 'full');
});

// Real-shaped reports (scripts/bench/generate-real.ts: the examples and the corpus repeated, with segment
// tables of formulas): many KPI tables sharing ids, thousands of relations and findings. Edits in tables
// and formulas are the ones that rerun the numbers rules, so they are weighted up here.
const REAL_EDITS = 60;
const realTyping: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: typing },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('changeTableDigit' as const),
      at: position,
      digit: fc.constantFrom('0', '1', '5', '9'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insertInFormula' as const),
      at: position,
      ch: fc.constantFrom('1', ' ', '+', 'a', '.', ')'),
    }),
  },
);

function realShapedSources(): { name: string; text: string }[] {
  const corpus = readdirSync(path.join(REPO_ROOT, 'test/corpus'))
    .sort()
    .map((d) => `test/corpus/${d}/report.esg.md`)
    .filter((f) => existsSync(path.join(REPO_ROOT, f)))
    .map((f) => ({ name: f, text: readFileSync(path.join(REPO_ROOT, f), 'utf8') }));
  const examples = STARTS.filter((s) => s.name.startsWith('examples/'));
  const host = examples.find((s) => s.name.endsWith('zhipu-2025.esg.md'))!;
  return [host, ...corpus, ...examples.filter((s) => s !== host)];
}

test(`incremental: on real-shaped reports, analyses derived over ${REAL_EDITS} edits (tables, formulas, prose) equal full analyses`, () => {
  const sources = realShapedSources();
  let tableRuns = 0;
  let rowsReused = 0;
  [
    { seed: 11, targetBytes: 40_000, sources },
    // Another mix: the corpus first (its front matter heads the report), the examples after.
    { seed: 12, targetBytes: 60_000, sources: [...sources.slice(1), sources[0]] },
  ].forEach((options, n) => {
    let text = generateRealShapedReport(options).text;
    const seed = params(1).seed! + 100 + n;
    const edits = fc.sample(realTyping, { seed, numRuns: REAL_EDITS });
    let previous = analyze({ uri: URI, text });
    edits.forEach((e, i) => {
      text = apply(text, e);
      const derived = analyze({ uri: URI, text }, {}, previous);
      const step = `real-shaped ${options.targetBytes} (seed ${options.seed}, edits seed ${seed}), edit ${i + 1} ${JSON.stringify(e)}, ${derived.reuse.parse}`;
      assertDerivedEqualsFull(URI, derived, text, step);
      // The rows of the previous version's model that a table edit left alone are reused (features/report.ts).
      const earlierRows = new Set(getReportModel(previous).kpiGroups.flatMap((g) => g.rows));
      const report = getReportModel(derived);
      const full = analyze({ uri: URI, text });
      const reportDifference = firstDifference(report, getReportModel(full));
      if (reportDifference) assert.fail(`${step}: derived and full report models differ at ${reportDifference}`);
      // The relations themselves, carried in part from earlier versions (numbers/factDeps.ts).
      const relationsDifference = firstDifference(
        [kpiSums(derived.model), formulaChecks(derived.model, formulaOptions)],
        [kpiSums(full.model), formulaChecks(full.model, formulaOptions)],
      );
      if (relationsDifference) assert.fail(`${step}: derived and full relations differ at ${relationsDifference}`);
      if (derived.reuse.parse === 'table' && derived.reuse.rulesRun > 0) {
        tableRuns++;
        rowsReused += report.kpiGroups.flatMap((g) => g.rows).filter((r) => earlierRows.has(r)).length;
      }
      previous = derived;
    });
  });
  assert.ok(tableRuns > 10, `${tableRuns} table edits reran rules: the numbers path was exercised`);
  assert.ok(rowsReused > 0, 'the report model reused rows of the tables an edit left alone');
});

// The paths an edit of facts takes: kpi/value-conflict reruns over the KPIs and periods the edit changed
// and keeps its other findings; a prose keystroke touching no fact reruns no numbers rule.
const FACTS_REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 摘要

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗水量 | 噸 | 20,035.5 |
| 員工總數 | 人 | 937 |

本集團持續推動節約用水。

# 附錄

| 績效指標 | | 單位 | 2025 年數值 |
|---|---|---|--:|
| 員工總數 | | 人 | 919 |
| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |
| | 女性員工 | 人 | 279 |

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗水量 | 噸 | 20,035.5 |
`;

const rulesOf = (a: Analysis, rule: string) => a.diagnostics.filter((d) => d.rule === rule);

test('incremental: a table-cell edit that changes one total keeps the other KPIs’ conflicts and equals a full analysis', () => {
  let previous = analyze({ uri: URI, text: FACTS_REPORT });
  // The two employee totals conflict (937 and 919), and the summary's 937 is not the breakdown's sum.
  const conflictsOf = (a: Analysis) =>
    rulesOf(a, 'kpi/value-conflict')
      .map((d) => (d.data as { kpi: string }).kpi)
      .sort();
  assert.deepEqual(conflictsOf(previous), ['employees.total']);
  assert.equal(rulesOf(previous, 'kpi/sum-mismatch').length, 1);
  // The appendix's water figure changes: a new conflict, about another KPI, beside the kept one.
  let text = replaceAfter(FACTS_REPORT, '# 附錄\n\n| 績效指標', '20,035.5', '21,035.5');
  let derived = analyze({ uri: URI, text }, {}, previous);
  assert.equal(derived.reuse.parse, 'table');
  assert.equal(derived.reuse.rulesScoped, 1, 'kpi/value-conflict ran over the water facts only');
  assertDerivedEqualsFull(URI, derived, text, 'appendix water 21,035.5');
  assert.deepEqual(conflictsOf(derived), ['employees.total', 'water.total']);
  // The summary's total becomes the breakdown's sum: its conflict and its sum mismatch go, the water one stays.
  previous = derived;
  text = replaceAfter(text, '# 摘要', '937', '919');
  derived = analyze({ uri: URI, text }, {}, previous);
  assertDerivedEqualsFull(URI, derived, text, 'summary total 919');
  assert.deepEqual(conflictsOf(derived), ['water.total']);
  assert.equal(rulesOf(derived, 'kpi/sum-mismatch').length, 0);
});

test('incremental: an edit that makes two tables’ facts conflict, then agree again, equals a full analysis', () => {
  const base = replaceAfter(FACTS_REPORT, '# 附錄', '919', '937');
  let previous = analyze({ uri: URI, text: base });
  assert.equal(rulesOf(previous, 'kpi/value-conflict').length, 0);
  const steps = [
    replaceAfter(base, '# 附錄\n\n| 績效指標', '20,035.5', '20,935.5'),
    replaceAfter(base, '# 附錄\n\n| 績效指標', '20,035.5', '19,035.5'),
    base,
  ];
  const conflicts = steps.map((text, i) => {
    const derived = analyze({ uri: URI, text }, {}, previous);
    assertDerivedEqualsFull(URI, derived, text, `step ${i + 1}`);
    previous = derived;
    return rulesOf(derived, 'kpi/value-conflict').length;
  });
  assert.deepEqual(conflicts, [1, 1, 0]);
});

test('incremental: a prose keystroke that touches no fact reruns no rule; one in an explanation’s reason reruns few', () => {
  const previous = analyze({ uri: URI, text: FACTS_REPORT });
  const text = FACTS_REPORT.replace('節約用水', '節約用水源');
  const derived = analyze({ uri: URI, text }, {}, previous);
  assert.equal(derived.reuse.parse, 'prose');
  assert.equal(derived.reuse.rulesRun, 0, 'no numbers rule, no structure rule');
  assertDerivedEqualsFull(URI, derived, text, 'prose keystroke');

  const explained = `${FACTS_REPORT}\n::: {.explain hkex="B8"}\n本集團未有相關數據。\n:::\n`;
  const before = analyze({ uri: URI, text: explained });
  const typed = explained.replace('未有相關數據', '未有相關的數據');
  const after = analyze({ uri: URI, text: typed }, {}, before);
  assertDerivedEqualsFull(URI, after, typed, 'explanation keystroke');
  assert.ok(
    after.reuse.rulesKept > after.reuse.rulesRun,
    `${after.reuse.rulesRun} rules ran, ${after.reuse.rulesKept} kept`,
  );
  // Emptying the reason is structure: hkex/empty-explanation must see it.
  const emptied = explained.replace('本集團未有相關數據。', '');
  const empty = analyze({ uri: URI, text: emptied }, {}, before);
  assertDerivedEqualsFull(URI, empty, emptied, 'explanation emptied');
  assert.equal(rulesOf(empty, 'hkex/empty-explanation').length, 1);
});

test('incremental: a cell edit in a GRI content index reruns the gri/ rules; one in another table keeps them', () => {
  const source = readFileSync(path.join(REPO_ROOT, 'examples/frameworks-gri-2025-defects.esg.md'), 'utf8');
  const base = analyze({ uri: URI, text: source });
  const griOf = (a: Analysis) => a.diagnostics.filter((d) => d.rule.startsWith('gri/'));
  // The index row of 2-7 points at a title no heading has any more: gri/index-broken-target.
  const inIndex = source.replace('| 2-7 | Employees | Social performance |', '| 2-7 | Employees | Social performanc |');
  const derived = analyze({ uri: URI, text: inIndex }, {}, base);
  assert.equal(derived.reuse.parse, 'table');
  assertDerivedEqualsFull(URI, derived, inIndex, 'GRI index cell');
  assert.notDeepEqual(griOf(derived), griOf(base), 'the broken target is reported');
  // A KPI table's cell: the gri/ rules' findings are kept, moved with nothing (another line).
  const firstKpiRow = source.split('\n').findIndex((l, i) => i < 300 && /^\| .*\d/.test(l));
  assert.ok(firstKpiRow > 0);
  const lines = source.split('\n');
  lines[firstKpiRow] = lines[firstKpiRow].replace(/\d/, (d) => String((Number(d) + 1) % 10));
  const elsewhere = lines.join('\n');
  const kept = analyze({ uri: URI, text: elsewhere }, {}, base);
  assert.equal(kept.reuse.parse, 'table');
  assertDerivedEqualsFull(URI, kept, elsewhere, 'KPI table cell');
  assert.deepEqual(griOf(kept), griOf(base));
});

test('incremental: a fact-keyed rule past the diagnostics cap keeps its whole findings across table edits', () => {
  const limits = LIMITS as { maxDiagnosticsPerRule: number };
  const cap = limits.maxDiagnosticsPerRule;
  // A low cap stands for a report with thousands of conflicts: the path is the same, the test is fast.
  limits.maxDiagnosticsPerRule = 10;
  try {
    const rows = (base: number) =>
      Array.from({ length: 30 }, (_, i) => `| [Water use ${i}]{#site.w${i}} | 噸 | ${base + i} |`).join('\n');
    const table = (base: number) => `| 指標 | 單位 | 2025 |\n|---|---|---|\n${rows(base)}\n`;
    let text = `${FACTS_REPORT.slice(0, FACTS_REPORT.indexOf('# 摘要'))}# A\n\n${table(100)}\n# B\n\n${table(500)}`;
    let previous = analyze({ uri: URI, text });
    const conflicts = (a: Analysis) => rulesOf(a, 'kpi/value-conflict');
    assert.equal(conflicts(previous).length, 11, '10 listed, then one saying how many more');
    // Row 20 of B agrees with A (out of the listed ten), then row 3 (one of them), then row 20 conflicts again.
    for (const [row, value] of [
      [20, 120],
      [3, 103],
      [20, 999],
    ]) {
      text = text.replace(
        new RegExp(`(\\{#site\\.w${row}\\} \\| 噸 \\| )\\d+( \\|\\n(?![\\s\\S]*\\{#site\\.w${row}\\}))`),
        `$1${value}$2`,
      );
      const derived = analyze({ uri: URI, text }, {}, previous);
      assert.equal(derived.reuse.parse, 'table');
      assert.equal(derived.reuse.rulesScoped, 1, 'kpi/value-conflict ran over the edited row’s KPI only');
      assertDerivedEqualsFull(URI, derived, text, `row ${row} of B = ${value}`);
      previous = derived;
    }
    assert.match(conflicts(previous)[10].message, /18/, 'of 29 conflicts 10 are listed, the 11th says 18 more follow');
  } finally {
    limits.maxDiagnosticsPerRule = cap;
  }
});

test('incremental: after a table edit the report model keeps the rows of the other tables and equals a fresh one', () => {
  const previous = analyze({ uri: URI, text: FACTS_REPORT });
  const before = getReportModel(previous);
  const rowsOf = (m: ReturnType<typeof getReportModel>) => m.kpiGroups.flatMap((g) => g.rows);
  const summaryTotal = (m: ReturnType<typeof getReportModel>) =>
    rowsOf(m).find((r) => r.label === '員工總數' && r.range.start.line < 15);
  // The summary's total (937) is checked against the appendix's breakdown (640 + 279).
  assert.equal(summaryTotal(before)?.values[0].check, 'disagrees');
  // It becomes the breakdown's sum: its table is read again, the appendix's tables are not.
  const text = replaceAfter(FACTS_REPORT, '# 摘要', '937', '919');
  const derived = analyze({ uri: URI, text }, {}, previous);
  assert.equal(derived.reuse.parse, 'table');
  const after = getReportModel(derived);
  assert.deepStrictEqual(after, getReportModel(analyze({ uri: URI, text })));
  assert.equal(summaryTotal(after)?.values[0].check, 'agrees');
  const kept = new Set(rowsOf(before));
  for (const row of rowsOf(after)) {
    const at = `${row.label} at line ${row.range.start.line}`;
    // The summary's rows are built again; the appendix's are the same objects unless their status changed.
    if (row.range.start.line < 15) assert.ok(!kept.has(row), at);
    else if (row.label === '總耗水量') assert.ok(kept.has(row), at);
    else if (row.label === '男性員工') {
      assert.ok(!kept.has(row), `${at}: an input of the check that now passes`);
      assert.equal(row.values[0].check, 'agrees');
    }
  }
  // A breakdown figure changes: the summary's row, in a table the edit kept, now disagrees.
  const broken = replaceAfter(text, '# 附錄', '640', '641');
  const next = analyze({ uri: URI, text: broken }, {}, derived);
  const model = getReportModel(next);
  assert.deepStrictEqual(model, getReportModel(analyze({ uri: URI, text: broken })));
  assert.equal(summaryTotal(model)?.values[0].check, 'disagrees');
  assert.ok(rowsOf(model).includes(rowsOf(after).find((r) => r.label === '總耗水量' && r.range.start.line < 15)!));
});

const RELATIONS_REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
  denominators:
    revenue: 1,000 百萬元
---

# 員工

| 績效指標 | | 單位 | 2024 | 2025 |
|---|---|---|--:|--:|
| 員工總數 | | 人 | 900 | 919 |
| 按性別劃分的員工人數 | 男性員工 | 人 | 620 | 640 |
| | 女性員工 | 人 | 280 | 279 |

# 能源

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 總耗電量 | 千瓦時 | 1,000,000 | 1,100,000 |
| • 辦公室 | 千瓦時 | 400,000 | 500,000 |
| • 廠房 | 千瓦時 | 600,000 | 600,000 |
| [範圍 2 溫室氣體排放量]{#ghg.scope2 formula="energy.electricity * 0.5 kgCO2/kWh"} | 噸二氧化碳當量 | 500.00 | 550.00 |
| [女性比例]{#staff.female.ratio formula="employees.gender.female / employees.total"} | | 0.31 | 0.30 |

# 排放

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 溫室氣體排放總量 | 噸二氧化碳當量 | 600 | 650 |

員工人數為 [919 人]{kpi=employees.total}，女性佔 [30.4%]{check="employees.gender.female / employees.total * 100"}。
`;

test('incremental: sums and formula checks rebuilt for the edited facts only equal a full analysis (members, totals, formula ids, relations appearing and going)', () => {
  // Each step edits one line of the previous text; every derived analysis must equal a full one, and the
  // relations themselves (sums, formula checks: hover and the report model read them) too.
  const steps: [string, (text: string) => string][] = [
    ['a member changes', (t) => replaceAfter(t, '| | 女性員工 | 人 | 280 |', '279', '269')],
    ['the total changes', (t) => replaceAfter(t, '| 員工總數 | | 人 | 900 |', '919', '909')],
    ['a table part changes', (t) => replaceAfter(t, '| • 辦公室 | 千瓦時 | 400,000 |', '500,000', '510,000')],
    ['a formula input changes', (t) => replaceAfter(t, '| 總耗電量 | 千瓦時 | 1,000,000 |', '1,100,000', '1,120,000')],
    [
      'a formula names an id no fact has',
      (t) => replaceAfter(t, 'formula="', 'energy.electricity', 'energy.electricityx'),
    ],
    ['the id appears', (t) => replaceAfter(t, '| ', '總耗電量', '[總耗電量]{#energy.electricityx}')],
    ['the formula names it again', (t) => replaceAfter(t, 'formula="', 'energy.electricityx', 'energy.electricity')],
    ['a member becomes nil', (t) => replaceAfter(t, '| | 女性員工 | 人 | 280 |', '269', '-')],
    ['the member is given again', (t) => replaceAfter(t, '| | 女性員工 | 人 | 280 |', '-', '279')],
    ['a breakdown loses its total', (t) => replaceAfter(t, '| 員工總數 | | 人 |', ' 900 | 909 |', ' 900 | |')],
    ['the total comes back', (t) => replaceAfter(t, '| 員工總數 | | 人 |', ' 900 | |', ' 900 | 919 |')],
    ['a span is edited', (t) => replaceAfter(t, '女性佔 [', '30.4%', '31.4%')],
    ['another table is edited', (t) => replaceAfter(t, '| 溫室氣體排放總量 | 噸二氧化碳當量 | 600 |', '650', '651')],
    ['a year column is renamed', (t) => replaceAfter(t, '# 排放\n\n| 指標 | 單位 | 2024 |', ' 2025 |', ' 2026 |')],
    ['and back', (t) => replaceAfter(t, '# 排放\n\n| 指標 | 單位 | 2024 |', ' 2026 |', ' 2025 |')],
  ];
  let text = RELATIONS_REPORT;
  let previous = analyze({ uri: URI, text });
  assert.ok(kpiSums(previous.model).checks.length >= 2, 'the breakdown and the bulleted parts are summed');
  assert.ok(formulaChecks(previous.model, formulaOptions).checks.length >= 3, 'two formula rows and a check= span');
  for (const [step, change] of steps) {
    text = change(text);
    const derived = analyze({ uri: URI, text }, {}, previous);
    assert.notEqual(derived.reuse.parse, 'full', step);
    assertDerivedEqualsFull(URI, derived, text, step);
    const full = analyze({ uri: URI, text });
    assert.deepStrictEqual(kpiSums(derived.model), kpiSums(full.model), `${step}: sums`);
    assert.deepStrictEqual(
      formulaChecks(derived.model, formulaOptions),
      formulaChecks(full.model, formulaOptions),
      `${step}: formula checks`,
    );
    previous = derived;
  }
});

test('incremental: an edit of one table keeps the sums and formula checks of the others as they were', () => {
  const previous = analyze({ uri: URI, text: RELATIONS_REPORT });
  const sumsBefore = kpiSums(previous.model).checks;
  const formulasBefore = formulaChecks(previous.model, formulaOptions).checks;
  const text = replaceAfter(RELATIONS_REPORT, '| 溫室氣體排放總量 | 噸二氧化碳當量 | 600 |', '650', '651');
  const derived = analyze({ uri: URI, text }, {}, previous);
  assertDerivedEqualsFull(URI, derived, text, 'emissions table edited');
  // The same objects: carried, not rebuilt (nothing they read is in the edited table).
  assert.ok(sumsBefore.length >= 2 && formulasBefore.length >= 2);
  assert.deepEqual(
    kpiSums(derived.model).checks.map((c) => sumsBefore.includes(c)),
    sumsBefore.map(() => true),
  );
  assert.deepEqual(
    formulaChecks(derived.model, formulaOptions).checks.map((c) => formulasBefore.includes(c)),
    formulasBefore.map(() => true),
  );
  // An edit of a breakdown's member rebuilds the breakdown's sums and the formula that reads it.
  const member = replaceAfter(RELATIONS_REPORT, '| | 女性員工 | 人 | 280 |', '279', '269');
  const again = analyze({ uri: URI, text: member }, {}, previous);
  assertDerivedEqualsFull(URI, again, member, 'member edited');
  const female = (c: { target: { kpiId: string } }) => c.target.kpiId === 'staff.female.ratio';
  assert.ok(!formulasBefore.filter(female).some((c) => formulaChecks(again.model, formulaOptions).checks.includes(c)));
  // The energy table's own parts read nothing of the staff table: carried.
  const partsOfElectricity = sumsBefore.filter((c) => c.target.label === '總耗電量');
  assert.ok(partsOfElectricity.length > 0);
  assert.ok(partsOfElectricity.every((c) => kpiSums(again.model).checks.includes(c)));
});

const INTENSITY_REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
  denominators:
    employees: 500 人
---

# 環境

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| Total GHG emissions | tCO2e | 60,861 | 64,731 |
| GHG emissions per unit area | tCO2e per sq.m | 0.064 | 0.071 |
| Wastewater discharge volume | m3 | 58,600 | 65,000 |
| Wastewater discharge per unit area | m3 per sq.m | 0.0616 | 0.0713 |
| Total hazardous waste generated | kg | 85 | 85 |
| Hazardous waste generated per unit area | g per sq.m | 0.0012 | 0.0012 |

# 資源

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 總耗水量 | 噸 | 20,000 | 21,000 |
| 人均耗水量 | 噸/人 | 40 | 42 |

# 員工

| 指標 | 單位 | 2025 |
|---|---|---|
| 員工總數 | 人 | 500 |
`;

test('incremental: intensity checks rebuilt for the edited tables and series only equal a full analysis', () => {
  const steps: [string, (text: string) => string][] = [
    [
      'an intensity changes',
      (t) => replaceAfter(t, '| Hazardous waste generated per unit area | g per sq.m | 0.0012 |', '0.0012', '0.0013'),
    ],
    ['its numerator changes', (t) => replaceAfter(t, '| Total hazardous waste generated | kg | 85 |', '85', '86')],
    [
      'a numerator of a stated denominator changes',
      (t) => replaceAfter(t, '| 總耗水量 | 噸 | 20,000 |', '21,000', '25,000'),
    ],
    [
      'an intensity loses its denominator unit',
      (t) => replaceAfter(t, '| GHG emissions per unit area | tCO2e', ' per sq.m', ''),
    ],
    ['and gets it back', (t) => replaceAfter(t, '| GHG emissions per unit area | tCO2e', ' |', ' per sq.m |')],
    ['another table is edited', (t) => replaceAfter(t, '| 員工總數 | 人 |', '500', '501')],
    ['a per-person intensity changes', (t) => replaceAfter(t, '| 人均耗水量 | 噸/人 | 40 |', '42', '52')],
  ];
  let text = INTENSITY_REPORT;
  let previous = analyze({ uri: URI, text });
  assert.ok(rulesOf(previous, 'kpi/intensity-mismatch').length > 0);
  for (const [step, change] of steps) {
    text = change(text);
    const derived = analyze({ uri: URI, text }, {}, previous);
    assert.notEqual(derived.reuse.parse, 'full', step);
    assertDerivedEqualsFull(URI, derived, text, step);
    const full = analyze({ uri: URI, text });
    assert.deepStrictEqual(
      allChecks(derived.model, derived.locale),
      allChecks(full.model, full.locale),
      `${step}: checks`,
    );
    previous = derived;
  }
});
