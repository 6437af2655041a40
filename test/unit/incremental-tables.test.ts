// The scoped paths of incremental analysis (reanalyze.ts, rules/runner.ts): a rule whose findings each
// come from one table or span (`perTable`) reruns over the edited table, or the edited line, only and keeps
// its other findings. Each step's derived analysis must equal a full one (the random edit sequences of
// incremental.test.ts go through these paths too); these cases pin down that the scope is really taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertDerivedEqualsFull, replaceAfter } from '../helpers/derived';
import { analyze, type Analysis } from '../../server/src/engine';
import { LIMITS } from '../../server/src/engine/limits';

const URI = 'file:///incremental-tables.esg.md';

const rulesOf = (a: Analysis, rule: string) => a.diagnostics.filter((d) => d.rule === rule);

// Two tables of figures esgmark does not read as KPI tables (one column per region: kpi/table-shape), and
// a KPI table with a bad number, an unknown unit, a unit of the wrong kind and a share over 100%.
const TABLES_REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 環境

## 能源使用（甲）

| 項目 | 單位 | 香港 | 中國內地 | 合計 |
|---|---|--:|--:|--:|
| 總耗電量 | 千瓦時 | 1,000 | 2,000 | 3,000 |

## 用水（乙）

| 項目 | 單位 | 香港 | 中國內地 | 合計 |
|---|---|--:|--:|--:|
| 總耗水量 | 立方米 | 10 | 20 | 30 |

## 附錄

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗水量 | 噸 | 20,0x35.5 |
| 溫室氣體排放總量 | 千瓦時 | 5 |
| 總耗電量 | 兆瓦 | 5 |
| 受訓僱員百分比 | % | 120 |

本集團的排放為 [50 千瓦時]{kpi=ghg.total}。
`;

test('incremental: a cell edit in one table keeps the per-table findings of the others', () => {
  const base = analyze({ uri: URI, text: TABLES_REPORT });
  const shapes = rulesOf(base, 'kpi/table-shape');
  assert.equal(shapes.length, 2, 'both region tables are said');
  for (const rule of ['kpi/bad-number', 'kpi/unknown-unit', 'kpi/percentage-range'])
    assert.equal(rulesOf(base, rule).length, 1, rule);
  assert.equal(rulesOf(base, 'kpi/unit-dimension').length, 2, 'the table row and the span');

  // A cell of table 甲: kpi/table-shape runs over 甲 only; 乙's finding is the one found before.
  const inFirst = replaceAfter(TABLES_REPORT, '（甲）', '1,000', '1,500');
  const derived = analyze({ uri: URI, text: inFirst }, {}, base);
  assert.equal(derived.reuse.parse, 'table');
  assert.ok((derived.reuse.rulesTableScoped ?? 0) >= 5, `${derived.reuse.rulesTableScoped} rules ran over 甲 only`);
  assertDerivedEqualsFull(URI, derived, inFirst, 'cell of 甲');
  const [first, second] = rulesOf(derived, 'kpi/table-shape');
  assert.ok(second === shapes[1], 'the finding on 乙 was kept, not found again');
  assert.ok(first !== shapes[0], 'the finding on 甲 was found again');
  // The KPI table's findings were kept too.
  assert.ok(rulesOf(derived, 'kpi/bad-number')[0] === rulesOf(base, 'kpi/bad-number')[0]);

  // The KPI table's bad number mended: its finding goes, the units' and the share's stay.
  const mended = replaceAfter(inFirst, '## 附錄', '20,0x35.5', '20,035.5');
  const after = analyze({ uri: URI, text: mended }, {}, derived);
  assert.equal(after.reuse.parse, 'table');
  assertDerivedEqualsFull(URI, after, mended, 'bad number mended');
  assert.equal(rulesOf(after, 'kpi/bad-number').length, 0);
  assert.equal(rulesOf(after, 'kpi/unknown-unit').length, 1);
  assert.equal(rulesOf(after, 'kpi/unit-dimension').length, 2);
  assert.ok(rulesOf(after, 'kpi/table-shape')[1] === shapes[1], 'still the finding found first');

  // A header edit that makes 乙 a KPI table (a year column): its table-shape finding goes.
  const yearly = replaceAfter(mended, '（乙）', '| 合計 |', '| 2025 |');
  const asKpi = analyze({ uri: URI, text: yearly }, {}, after);
  assertDerivedEqualsFull(URI, asKpi, yearly, '乙 read as a KPI table');
});

test('incremental: an edit of a span in prose reruns the per-table rules over its line only', () => {
  const base = analyze({ uri: URI, text: TABLES_REPORT });
  const row = rulesOf(base, 'kpi/unit-dimension').find((d) => d.range.start.line < 30)!;
  const text = TABLES_REPORT.replace('[50 千瓦時]', '[55 千瓦時]');
  const derived = analyze({ uri: URI, text }, {}, base);
  assert.equal(derived.reuse.parse, 'prose');
  assertDerivedEqualsFull(URI, derived, text, 'span figure');
  assert.ok(rulesOf(derived, 'kpi/unit-dimension').includes(row), 'the table row’s finding was kept');
  // The span's unit made right: its finding goes, the row's stays.
  const fixed = text.replace('[55 千瓦時]', '[55 噸]');
  const again = analyze({ uri: URI, text: fixed }, {}, derived);
  assertDerivedEqualsFull(URI, again, fixed, 'span unit');
});

test('incremental: a per-table rule past the diagnostics cap keeps its whole findings across table edits', () => {
  const limits = LIMITS as { maxDiagnosticsPerRule: number };
  const cap = limits.maxDiagnosticsPerRule;
  // A low cap stands for a report with thousands of bad cells: the path is the same, the test is fast.
  limits.maxDiagnosticsPerRule = 5;
  try {
    const table = (name: string) =>
      `## ${name}\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n` +
      Array.from({ length: 6 }, (_, i) => `| 總耗水量 | 噸 | ${i}x |`).join('\n') +
      '\n\n';
    let text = TABLES_REPORT.replace('## 附錄', `${table('甲表')}${table('乙表')}## 附錄`);
    let previous = analyze({ uri: URI, text });
    assert.equal(rulesOf(previous, 'kpi/bad-number').length, 6, '5 listed, then one saying how many more');
    // Mend a cell of the second table (past the listed ones), one of the first, then break one again.
    for (const [table, from, to] of [
      ['乙表', '| 3x |', '| 3 |'],
      ['甲表', '| 1x |', '| 1 |'],
      ['乙表', '| 3 |', '| 3y |'],
    ]) {
      text = replaceAfter(text, `## ${table}`, from, to);
      const derived = analyze({ uri: URI, text }, {}, previous);
      assert.equal(derived.reuse.parse, 'table');
      assert.ok((derived.reuse.rulesTableScoped ?? 0) > 0, 'the per-table rules ran over the edited table only');
      assertDerivedEqualsFull(URI, derived, text, `${table} ${from} → ${to}`);
      previous = derived;
    }
  } finally {
    limits.maxDiagnosticsPerRule = cap;
  }
});

// Headings: a keystroke in a title changes the titles and anchors only (`headingText`); the rules that
// read neither (the per-table ones, the pack tags) keep their findings, the others run again.
const HEADINGS_REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 匯報原則 {#mdr hkex="MDR-governance MDR-principles MDR-boundary"}

本報告依照聯交所指引編製。

# 環境 {hkex="A1 A1.1 A2 A2.1"}

## 能源使用

| 項目 | 單位 | 香港 | 中國內地 | 合計 |
|---|---|--:|--:|--:|
| 總耗電量 | 千瓦時 | 1,000 | 2,000 | 3,000 |

# 社會 {#soc hkex="B1 B1.1"}

本集團重視員工。

# 索引 {#idx .hkex-index}

| 條文 | 內容 | 報告章節 |
|---|---|---|
| MDR-governance | 匯報原則 | [匯報原則](#mdr) |
| A1 | 環境 | [環境](#環境) |
| A1.1 | 環境 | 環境 |
| B1 | 社會 | 社會 |

| 項目 | 單位 | 香港 | 中國內地 | 合計 |
|---|---|--:|--:|--:|
| 總耗水量 | 立方米 | 10 | 20 | 30 |
`;

test('incremental: a keystroke in a heading title reruns the rules reading titles and keeps the others', () => {
  const base = analyze({ uri: URI, text: HEADINGS_REPORT });
  const shape = rulesOf(base, 'kpi/table-shape');
  assert.equal(shape.length, 1);
  assert.equal(rulesOf(base, 'hkex/index-broken-target').length, 0, 'every target resolves');
  const steps: [string, string, string][] = [
    // An explicit anchor: only the title changes, and with it the target the index names by title.
    ['# 社會 {#soc', '社會', '社會責任'],
    // An automatic anchor: the link `#環境` breaks, and the title the index names.
    ['# 環境 {hkex', '環境', '環境績效'],
    // Back again: both resolve.
    ['# 環境績效 {hkex', '環境績效', '環境'],
    // A tag in the attributes: structure.
    ['# 社會責任 {#soc', 'B1.1"', 'B1.2"'],
    // The index class lost: its tables are tables like the others (the second one is said), then again.
    ['# 索引', '.hkex-index', '.hkex-inde'],
    ['# 索引', '.hkex-inde', '.hkex-index'],
  ];
  let previous = base;
  let text = HEADINGS_REPORT;
  const broken: number[] = [];
  const shapes: number[] = [];
  for (const [after, from, to] of steps) {
    // The first `from` at or after the heading `after`.
    const at = text.indexOf(from, text.indexOf(after));
    text = text.slice(0, at) + to + text.slice(at + from.length);
    const derived = analyze({ uri: URI, text }, {}, previous);
    assert.equal(derived.reuse.parse, 'heading', after);
    assertDerivedEqualsFull(URI, derived, text, `${after}: ${from} → ${to}`);
    if (!from.includes('B1.1') && !from.includes('.hkex'))
      assert.ok(rulesOf(derived, 'kpi/table-shape')[0] === shape[0], `${after}: kpi/table-shape kept`);
    broken.push(rulesOf(derived, 'hkex/index-broken-target').length);
    shapes.push(rulesOf(derived, 'kpi/table-shape').length);
    previous = derived;
  }
  assert.deepEqual(broken.slice(0, 3), [1, 3, 1], 'targets break and resolve with the titles');
  assert.deepEqual(shapes.slice(4), [2, 1], 'the table under the index heading is said only without its class');
});

test('incremental: random keystrokes in headings (titles and attributes) equal full analyses', () => {
  let text = HEADINGS_REPORT;
  let previous = analyze({ uri: URI, text });
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const typed = ['社', '環', 'a', ' ', '{', '}', '#', '"', '1', '.'];
  let headingPath = 0;
  for (let i = 0; i < 80; i++) {
    const lines = text.split('\n');
    const headings = lines.map((l, k) => (l.startsWith('#') ? k : -1)).filter((k) => k >= 0);
    const line = headings[Math.floor(next() * headings.length)];
    const at = 2 + Math.floor(next() * (lines[line].length - 1));
    lines[line] =
      next() < 0.3 && at < lines[line].length
        ? lines[line].slice(0, at) + lines[line].slice(at + 1)
        : lines[line].slice(0, at) + typed[Math.floor(next() * typed.length)] + lines[line].slice(at);
    text = lines.join('\n');
    const derived = analyze({ uri: URI, text }, {}, previous);
    if (derived.reuse.parse === 'heading') headingPath++;
    assertDerivedEqualsFull(URI, derived, text, `keystroke ${i + 1} on line ${line}`);
    previous = derived;
  }
  assert.ok(headingPath > 20, `${headingPath} keystrokes took the heading path`);
});

// Two index sections, each read on its own but for one look ahead: the first section's last row ('A2' with
// nothing after it) is a caption when the next index table's header is a '一般披露' row. A continuation
// table carries its aspect; a '一般披露' row without an aspect is a problem of the index table.
const INDEX_SECTIONS_REPORT = `---
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 環境 {#env hkex="A1 A1.1 A1.2 A2"}

本集團的排放。

# 社會 {#soc hkex="B1 B1.1"}

本集團重視員工。

# 索引（環境） {#idx1 .hkex-index}

| 條文 | 內容 | 報告章節 | 頁碼 |
|---|---|---|---|
| 層面 A1：排放物 | | | |
| 一般披露 | 排放政策 | [環境](#env) | 3 |
| A1.1 | 排放物種類 | 環境 | 4 |

| 一般披露 | 續 | 環境 | 5 |
|---|---|---|---|
| A1.2 | 溫室氣體 | 環境 | 5 |
| A2 | 資源使用 | | |

# 索引（社會） {#idx2 .hkex-index}

| 一般披露 | 資源政策 | 環境 |
|---|---|---|
| 一般披露 | 沒有層面 | 社會 |
| B1 | 僱傭 | [社會](#soc) |
| B1.1 | 僱員總數 | 社會 |
`;

test('incremental: random keystrokes in index tables reread their section only and equal full analyses', () => {
  const base = analyze({ uri: URI, text: INDEX_SECTIONS_REPORT });
  assert.equal(base.model.indexTables.length, 3, 'three index tables');
  assert.equal(base.model.syntaxProblems.filter((p) => p.key === 'index.generalWithoutAspect').length, 2);
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const typed = ['A', '1', '.', '一', '般', ' ', 'B', '2', '披', '露', ':'];
  let kept = 0;
  let text = INDEX_SECTIONS_REPORT;
  let previous = base;
  for (let i = 0; i < 120; i++) {
    // A keystroke in a cell of a header or body row, then (half the time) its undoing: the tables stay
    // index tables, and ids and '一般披露' rows are made and unmade.
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('# 索引'));
    const rows = lines
      .map((l, k) => (k > first && l.startsWith('|') && !l.startsWith('|--') ? k : -1))
      .filter((k) => k >= 0);
    const line = rows[Math.floor(next() * rows.length)];
    const cells = [...lines[line].matchAll(/[^|]/g)].map((m) => m.index);
    const at = cells[Math.floor(next() * cells.length)];
    const steps = [lines[line].slice(0, at) + typed[Math.floor(next() * typed.length)] + lines[line].slice(at)];
    if (next() < 0.4) steps.push(lines[line].slice(0, at) + lines[line].slice(at + 1));
    else if (next() < 0.5) steps.push(lines[line]);
    for (const edited of steps) {
      lines[line] = edited;
      text = lines.join('\n');
      const derived = analyze({ uri: URI, text }, {}, previous);
      // The other section's index tables kept as they were: the keystroke's section alone was read again.
      if (derived.model.indexTables.some((t) => previous.model.indexTables.includes(t))) kept++;
      assertDerivedEqualsFull(URI, derived, text, `keystroke ${i + 1} on line ${line}: ${JSON.stringify(edited)}`);
      previous = derived;
    }
  }
  assert.ok(kept > 60, `${kept} keystrokes kept the other section's index tables`);
});

test('incremental: whole rows pasted, deleted or split in index tables reread their section only and equal full analyses', () => {
  let seed = 29;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let text = INDEX_SECTIONS_REPORT;
  let previous = analyze({ uri: URI, text });
  let linesPath = 0;
  let keptAbove = 0;
  for (let i = 0; i < 60; i++) {
    const lines = text.split('\n');
    const second = lines.findIndex((l) => l.startsWith('# 索引（社會）'));
    const rows = lines
      .map((l, k) => (k > lines.findIndex((x) => x.startsWith('# 索引')) && /^\|(?!-)/.test(l) ? k : -1))
      .filter((k) => k >= 0 && !/^\|-/.test(lines[k - 1] ?? '') && !/^\|-/.test(lines[k + 1] ?? ''));
    // Body rows only (a header or the row under a delimiter would unmake or make a table).
    const bodies = rows.filter((k) => /^\|-/.test(lines[k - 1] ?? '') || /^\|(?!-)/.test(lines[k - 1] ?? ''));
    if (bodies.length === 0) break;
    const line = bodies[Math.floor(next() * bodies.length)];
    const pick = next();
    if (pick < 0.4 || bodies.length < 6) {
      // A row copied from elsewhere in the index, pasted below this one.
      lines.splice(line + 1, 0, lines[bodies[Math.floor(next() * bodies.length)]]);
    } else if (pick < 0.7) {
      lines.splice(line, 1);
    } else {
      // Enter typed inside a cell: the row goes on on the next line, both with a pipe.
      const at = lines[line].indexOf('|', 1);
      if (at < 0) continue;
      lines.splice(line, 1, lines[line].slice(0, at + 1), `|${lines[line].slice(at + 1)}`);
    }
    text = lines.join('\n');
    const derived = analyze({ uri: URI, text }, {}, previous);
    if (derived.reuse.parse === 'lines') {
      linesPath++;
      // An edit in the second section: the first section's index tables are the previous version's objects.
      if (line > second && derived.model.indexTables.some((t) => previous.model.indexTables.includes(t))) keptAbove++;
    }
    assertDerivedEqualsFull(URI, derived, text, `line edit ${i + 1} at line ${line}`);
    previous = derived;
  }
  assert.ok(linesPath > 30, `${linesPath} edits took the lines path`);
  assert.ok(keptAbove > 5, `${keptAbove} edits kept the first section's index tables`);
});

// hkex/index-broken-target names the heading a mistyped title is near. The searches are remembered per
// list of headings, across versions: a table keystroke keeps the list, a heading edit makes a new one.
const NEAR_TITLE_REPORT = `---
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 排放物管理 {#env hkex="A1 A1.1"}

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗電量 | 千瓦時 | 1,000 |

# 索引 {#idx .hkex-index}

| 條文 | 內容 | 報告章節 |
|---|---|---|
| A1 | 排放物 | 排放物管裡 |
| A1.1 | 排放物種類 | 排放物管裡 |
`;

test('incremental: the heading a mistyped index title is near follows heading edits, not table keystrokes', () => {
  const nearOf = (a: Analysis) =>
    rulesOf(a, 'hkex/index-broken-target').map((d) => (d.data as { near?: string } | undefined)?.near ?? '-');
  const base = analyze({ uri: URI, text: NEAR_TITLE_REPORT });
  assert.deepEqual(nearOf(base), ['排放物管理', '排放物管理']);
  const steps: [string, string, string[]][] = [
    ['| 1,000 |', '| 1,200 |', ['排放物管理', '排放物管理']],
    ['# 排放物管理 ', '# 排放物治理 ', ['排放物治理', '排放物治理']],
    ['| 1,200 |', '| 1,300 |', ['排放物治理', '排放物治理']],
    ['# 排放物治理 ', '# 環境 ', ['-', '-']],
    ['# 環境 ', '# 排放物管理 ', ['排放物管理', '排放物管理']],
  ];
  let previous = base;
  let text = NEAR_TITLE_REPORT;
  for (const [from, to, near] of steps) {
    text = text.replace(from, to);
    const derived = analyze({ uri: URI, text }, {}, previous);
    assert.notEqual(derived.reuse.parse, 'full', `${from} → ${to} is patched`);
    assertDerivedEqualsFull(URI, derived, text, `${from} → ${to}`);
    assert.deepEqual(nearOf(derived), near, `${from} → ${to}`);
    previous = derived;
  }
});
