// Index tables in the shapes issuers publish them (issue 8): how each row is read (parser) and what the
// hkex/index-* rules and hkex/missing make of it. Zero false alarms on rows whose target exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRule, locate, run, missingIds } from './util';
import { isPageReference, normalizeTitle } from '../../server/src/engine/recognition/indexTables';
import { getFramework } from '../../server/src/engine/catalogs/hkex';
import type { Analysis } from '../../server/src/engine';
import type { IndexRow } from '../../server/src/engine/model';

const front = (period = '2025', issuerClass = 'main-board') =>
  [
    '---',
    'title: 測試報告',
    'lang: zh-Hant',
    'esg:',
    '  issuer: 測試有限公司',
    `  period: ${period}`,
    `  issuer-class: ${issuerClass}`,
    '---',
    '',
  ].join('\n');

const BODY = [
  '# 環境、社會及管治管理 {#esg}',
  '## 排放物：溫室氣體 {#ghg}',
  '## 3.2 員工發展 {#dev}',
  '## 應對氣候變化 {#climate}',
  '## Health, Safety and Wellbeing {#hsw}',
  '## 生態共創 {#eco}',
  '## 環境保護 {#env}',
]
  .map((h) => `${h}\n\n內容\n`)
  .join('\n');

const INDEX = (rows: string[], header = '| 條文 | 內容 | 報告章節 |', sep = '|---|---|---|') =>
  `\n## 索引 {#idx .hkex-index}\n\n${header}\n${sep}\n${rows.join('\n')}\n`;

function report(
  rows: string[],
  opts: { period?: string; issuerClass?: string; header?: string; sep?: string } = {},
): string {
  return front(opts.period, opts.issuerClass) + BODY + INDEX(rows, opts.header, opts.sep);
}

/** Rows without a target; hkex/missing off, as it would otherwise report the requirement once on that row itself. */
function emptyTargets(text: string) {
  return byRule(run(text, { severity: { 'hkex/missing': 'off' } }), 'hkex/index-empty-target');
}

function indexRows(a: Analysis): IndexRow[] {
  return a.model.indexTables.flatMap((t) => t.rows);
}

/** The row read from the line that contains `needle`. */
function rowAt(a: Analysis, text: string, needle: string): IndexRow | undefined {
  const line = locate(text, needle, '.hkex-index').line;
  return indexRows(a).find((r) => r.row.line === line);
}

const ids = (r: IndexRow | undefined) => r?.refs.map((x) => x.id);
const INDEX_PROBLEMS = [
  'hkex/index-broken-target',
  'hkex/index-empty-target',
  'hkex/unknown-id',
  'esg/syntax',
  'hkex/index-duplicate',
];
const problems = (a: Analysis) =>
  a.diagnostics.filter((d) => INDEX_PROBLEMS.includes(d.rule) && d.severity !== 'hint' && d.severity !== 'information');

test('titles: colons, spaces, 、, chapter numbers and page references do not change the key', () => {
  const same: [string, string][] = [
    ['排放物:溫室氣體', '排放物：溫室氣體'],
    ['排放物 : 溫室氣體', '排放物：溫室氣體'],
    ['環境 社會及管治管理', '環境、社會及管治管理'],
    ['環境、社會 及 管治管理', '環境、社會及管治管理'],
    ['員工發展', '3.2 員工發展'],
    ['3.2員工發展', '3.2 員工發展'],
    ['第三章 員工發展', '員工發展'],
    ['第三章員工發展', '員工發展'],
    ['（一）員工發展', '員工發展'],
    ['一、員工發展', '員工發展'],
    ['Chapter 3 Emissions', 'Emissions'],
    ['II. Emissions', 'Emissions'],
    ['員工發展 P.12', '員工發展'],
    ['員工發展 p. 12-14', '員工發展'],
    ['員工發展（第12頁）', '員工發展'],
    ['Emissions page 12', 'Emissions'],
    ['「員工發展」', '員工發展'],
  ];
  for (const [a, b] of same) assert.equal(normalizeTitle(a), normalizeTitle(b), `${a} ~ ${b}`);
  // Numbers that are the title, and different numbers, stay apart.
  assert.notEqual(normalizeTitle('Step 1'), normalizeTitle('Step 2'));
  assert.equal(normalizeTitle('2025'), '2025');
  assert.notEqual(normalizeTitle('2025年報告'), normalizeTitle('2024年報告'));
});

test('page references: what counts as page numbers only', () => {
  for (const p of [
    '23',
    'P.23',
    'p. 23',
    'P23',
    'pp. 12-14',
    'pp.12, 14',
    'page 5',
    'Pages 5-7',
    '第23頁',
    '第 23 頁',
    '第23-25页',
    '12–14',
    '(P.23)',
    '23、25',
  ])
    assert.ok(isPageReference(p), p);
  for (const p of ['Step 2', '環境管理 23', 'A1.1', 'Scope 3', 'P.', '第三章', '']) assert.ok(!isPageReference(p), p);
});

test('caption rows inside the table are ignored, never hkex/index-empty-target', () => {
  const rows = [
    '| **A. Environmental** | | |',
    '| A. Environmental | | |',
    '| B 社會 | | |',
    '| 環境範疇 | | |',
    '| (I) 管治 | | |',
    '| ( II ) | 策略 | |',
    '| 指標及目標 | | |',
    '| 氣候韌性 | | |',
    '| D. 氣候相關披露 | | |',
    '| 營運慣例 |',
    '| A1 排放物 | A1 排放物 | A1 排放物 |',
    '| 一般披露 | 有關廢氣… | 排放物：溫室氣體 |',
    '| A2 資源使用 | | |',
    '| 一般披露 | 有效使用資源… | 環境保護 |',
    '| B1 | 僱傭 | |',
    '| 一般披露 | 有關薪酬… | 3.2 員工發展 |',
  ];
  const text = report(rows);
  const a = run(text);
  assert.deepEqual(problems(a), []);
  assert.deepEqual(
    indexRows(a).map(ids),
    [['A1'], ['A2'], ['B1']],
    'only the general-disclosure rows are rows; each takes the aspect of the caption above it',
  );
  // A row with a requirement's text and no target is still a row without a target.
  const missingTarget = report([
    '| 管治 | 19. 發行人須披露有關以下方面的資料 | |',
    '| A1.1 | 排放物種類及相關排放數據。 | |',
  ]);
  assert.equal(emptyTargets(missingTarget).length, 2);
});

test('an aspect written by id only, over a 一般披露 row, is a caption; with a target it is a row', () => {
  const rows = ['| A1 | | |', '| 一般披露 | x | 排放物：溫室氣體 |', '| B1 | 僱傭 | 3.2 員工發展 |', '| B2 | | |'];
  const a = run(report(rows));
  assert.deepEqual(indexRows(a).map(ids), [['A1'], ['B1'], ['B2']]);
  // B2 is followed by nothing: a row whose target is missing.
  assert.equal(emptyTargets(report(rows)).length, 1);
});

test('Part D rows that name a topic or paragraph heading are read as the requirements they name', () => {
  const cases: [string, string[]][] = [
    ['| Governance | x | 應對氣候變化 |', ['D19']],
    ['| 管治 | x | 應對氣候變化 |', ['D19']],
    ['| Strategy | Climate-related risks and opportunities | 應對氣候變化 |', ['D20']],
    ['| 策略 | 氣候韌性 | 應對氣候變化 |', ['D26']],
    ['| 策略 | 財務狀況、財務表現及現金流量 | 預期財務影響 | 應對氣候變化 |', ['D25']],
    ['| Risk management | x | 應對氣候變化 |', ['D27']],
    ['| 風險管理 | x | 應對氣候變化 |', ['D27']],
    ['| Scope 1 and Scope 2 greenhouse gas emissions | x | 應對氣候變化 |', ['D28(a)', 'D28(b)']],
    ['| 指標及目標 | 溫室氣體排放 | 應對氣候變化 |', ['D28', 'D29']],
    ['| | Transition plans | 應對氣候變化 |', ['D22']],
    ['| Climate-related transition risks | x | 應對氣候變化 |', ['D30']],
    ['| 气候相关机遇 | x | 應對氣候變化 |', ['D32']],
    ['| (c) Internal carbon pricing | x | 應對氣候變化 |', ['D34']],
    // The paragraph number still wins over the heading.
    ['| 指標及目標 | 溫室氣體排放 29. 發行人須： | 應對氣候變化 |', ['D29']],
  ];
  for (const [row, expected] of cases) {
    const text = report([row]);
    assert.deepEqual(ids(rowAt(run(text), text, row)), expected, row);
  }
  // The whole pillar, and the rows of a pillar: every requirement named is disclosed for hkex/missing.
  const text = report(
    [
      '| Governance | | 應對氣候變化 |',
      '| Strategy | | |',
      '| | Climate-related risks and opportunities | 應對氣候變化 |',
      '| | Business model and value chain | 應對氣候變化 |',
      '| | Strategy and decision-making | 應對氣候變化 |',
      '| | Financial position, financial performance and cash flows | 應對氣候變化 |',
      '| | Climate resilience | 應對氣候變化 |',
      '| Risk management | | 應對氣候變化 |',
      '| Metrics and targets | | |',
      '| | Greenhouse gas emissions | 應對氣候變化 |',
      '| | Climate-related transition risks | 應對氣候變化 |',
      '| | Climate-related physical risks | 應對氣候變化 |',
      '| | Climate-related opportunities | 應對氣候變化 |',
      '| | Capital deployment | 應對氣候變化 |',
      '| | Internal carbon prices | 應對氣候變化 |',
      '| | Remuneration | 應對氣候變化 |',
      '| | Climate-related targets | 應對氣候變化 |',
    ],
    { period: '2026', issuerClass: 'largecap' },
  );
  const a = run(text);
  assert.deepEqual(problems(a), []);
  const missing = byRule(a, 'hkex/missing')
    .flatMap(missingIds)
    .filter((id) => id.startsWith('D'));
  assert.deepEqual(missing, [], 'no Part D requirement is reported missing');
  const missingRow = byRule(a, 'hkex/index-missing-row')
    .map((d) => String(d.data?.id))
    .filter((id) => id.startsWith('D'));
  assert.deepEqual(missingRow, []);
  // Without the rows, the same report misses them: the test can fail.
  const without = run(report(['| Governance | | 應對氣候變化 |'], { period: '2026', issuerClass: 'largecap' }));
  assert.ok(byRule(without, 'hkex/missing').some((d) => missingIds(d).includes('D26')));
});

test('several ids in one cell, ranges and prefixes', () => {
  const cases: [string, string[]][] = [
    ['| A1.1, A1.3 | x | 排放物：溫室氣體 |', ['A1.1', 'A1.3']],
    ['| A1.3/A1.4 | x | 排放物：溫室氣體 |', ['A1.3', 'A1.4']],
    ['| A1.3 及 A1.4 | x | 排放物：溫室氣體 |', ['A1.3', 'A1.4']],
    ['| A1.3、A1.4 | x | 排放物：溫室氣體 |', ['A1.3', 'A1.4']],
    ['| A1.3-A1.6 | x | 排放物：溫室氣體 |', ['A1.3', 'A1.4', 'A1.5', 'A1.6']],
    ['| A1.3–A1.6 | x | 排放物：溫室氣體 |', ['A1.3', 'A1.4', 'A1.5', 'A1.6']],
    ['| A1.3 至 A1.6 | x | 排放物：溫室氣體 |', ['A1.3', 'A1.4', 'A1.5', 'A1.6']],
    ['| A1.3 to A1.6 | x | 排放物：溫室氣體 |', ['A1.3', 'A1.4', 'A1.5', 'A1.6']],
    ['| KPI A2.1-2.5 | x | 排放物：溫室氣體 |', ['A2.1', 'A2.2', 'A2.3', 'A2.4', 'A2.5']],
    ['| 關鍵績效指標A2.2 | x | 排放物：溫室氣體 |', ['A2.2']],
    ['| 關鍵績效指標 A2.2 | x | 排放物：溫室氣體 |', ['A2.2']],
    ['| KPI B1.1 | x | 3.2 員工發展 |', ['B1.1']],
    ['| 層面A2 | x | 排放物：溫室氣體 |', ['A2']],
    ['| Aspect B1 | x | 3.2 員工發展 |', ['B1']],
    ['| D30-D33 | x | 應對氣候變化 |', ['D30', 'D31', 'D32', 'D33']],
  ];
  for (const [row, expected] of cases) {
    const text = report([row]);
    const a = run(text);
    assert.deepEqual(ids(rowAt(a, text, row)), expected, row);
    assert.deepEqual(problems(a), [], row);
  }
  // 'General Disclosure' / '一般披露' rows under an aspect row.
  const text = report([
    '| Aspect A1: Emissions | | |',
    '| General Disclosure | x | 排放物：溫室氣體 |',
    '| 層面 B1：僱傭 | | |',
    '| 一般披露： | x | 3.2 員工發展 |',
  ]);
  assert.deepEqual(indexRows(run(text)).map(ids), [['A1'], ['B1']]);
  // An unknown id in a range is still reported.
  assert.equal(byRule(run(report(['| A1.1-A9.9 | x | 排放物：溫室氣體 |'])), 'hkex/unknown-id').length, 1);
});

test('an explanation or "not applicable" in the target cell is an explanation, not a broken target', () => {
  for (const target of [
    '不適用',
    '不适用',
    '本集團不適用',
    '未有披露',
    'Not material',
    'Not applicable',
    'N/A',
    'Explanation: no packaging is used',
    '解釋：本集團不涉及包裝材料',
    '與主營業務不相關，故不適用',
  ]) {
    const row = `| A2.5 | 包裝材料 | ${target} |`;
    const text = report([row]);
    const a = run(text);
    assert.equal(rowAt(a, text, row)?.target.kind, 'explanation', target);
    assert.deepEqual(problems(a), [], target);
    assert.equal(
      byRule(a, 'hkex/missing').some((d) => d.data?.id === 'A2.5'),
      false,
      `${target} explains A2.5`,
    );
  }
  // A bare no-value mark is no target at all.
  assert.equal(emptyTargets(report(['| A2.5 | 包裝材料 | - |'])).length, 1);
});

test('a page number only is a target, not a broken section reference; a page column keeps the section column', () => {
  for (const target of ['P.23', '第23頁', '23', 'pp. 12-14', '(P.23)']) {
    const row = `| A2.5 | 包裝材料 | ${target} |`;
    const text = report([row]);
    const a = run(text);
    assert.equal(rowAt(a, text, row)?.target.kind, 'place', target);
    assert.deepEqual(problems(a), [], target);
    assert.equal(
      byRule(a, 'hkex/missing').some((d) => d.data?.id === 'A2.5'),
      false,
      `${target} points somewhere`,
    );
  }
  const header = '| 條文 | 內容 | 報告章節 | 頁碼 |';
  const sep = '|---|---|---|---|';
  const text = report(
    [
      '| A1.1 | x | 排放物：溫室氣體 | 23 |',
      '| A1.3 | x | | 24 |',
      '| A1.4 | x | 不存在的章節 | |',
      '| A1.5 | x | 環境保護 | 25-26 |',
    ],
    { header, sep },
  );
  const a = run(text);
  const [r1, r2, r3, r4] = indexRows(a);
  assert.equal(r1.target.kind, 'titles');
  assert.equal(r2.target.kind, 'place');
  assert.equal(r3.target.kind, 'titles');
  assert.equal(r4.target.kind, 'titles');
  const broken = byRule(a, 'hkex/index-broken-target');
  assert.deepEqual(
    broken.map((d) => d.range.start),
    [locate(text, '不存在的章節')],
  );
  assert.equal(byRule(a, 'hkex/index-empty-target').length, 0);
  // Four columns without a 'page' header: a page number in the last cell also keeps the section column.
  const plain = report(['| A1.1 | x | 排放物：溫室氣體 | P.23 |'], { header: '| 條文 | 內容 | 章節 | 備註 |', sep });
  assert.equal(indexRows(run(plain))[0].target.kind, 'titles');
});

test('titles in quotes, after words of reference, or separated by ；, / or a dash resolve to their headings', () => {
  for (const target of [
    '請參閱「3.2 員工發展」',
    '詳見「員工發展」章節',
    'See "Health, Safety and Wellbeing"',
    '詳見 員工發展',
    '生態共創；環境保護',
    '生態共創 / 環境保護',
    '生態共創—環境保護',
    '生態共創 - 環境保護',
    '生態共創 環境保護',
    '生態共創、環境保護',
    'Health, Safety and Wellbeing',
    'Health, Safety and Wellbeing; 生態共創',
    '生態共創及環境保護',
    '員工發展 P.12',
    '員工發展 23',
    '員工發展/P.12',
  ]) {
    const row = `| B3 | x | ${target} |`;
    const text = report([row]);
    const a = run(text);
    const r = rowAt(a, text, row);
    assert.equal(r?.target.kind, 'titles', target);
    assert.deepEqual(problems(a), [], target);
    assert.ok(
      a.model.indexTables.length && byRule(a, 'hkex/index-untagged').length > 0,
      `${target} points to an untagged section`,
    );
  }
  // A note beside the titles (seed 002, D38: '… 氣候指標與目標 目標暫未經第三方驗證') is not a title.
  const noted = report(['| D38 | x | <p>應對氣候變化</p> <p>生態共創</p> <p>目標暫未經第三方驗證</p> |']);
  const an = run(noted);
  const t = indexRows(an)[0].target;
  assert.deepEqual(t.kind === 'titles' ? t.titles.map((x) => x.text) : t.kind, ['應對氣候變化', '生態共創']);
  assert.deepEqual(problems(an), []);
  // A quoted title that is no heading is a broken reference, at the title.
  const text = report(['| B3 | x | 請參閱「不存在的章節」 |']);
  const d = byRule(run(text), 'hkex/index-broken-target');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  assert.deepEqual(d[0].range.start, locate(text, '不存在的章節'));
});

test('a target that nearly matches a heading is a warning with "did you mean", never an error', () => {
  const text = report([
    '| B3 | x | 員工發屏 |',
    '| B4 | x | Health Safety and Wellbeng |',
    '| B5 | x | 完全不同的標題 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'hkex/index-broken-target');
  assert.equal(d.length, 3);
  assert.equal(d[0].severity, 'warning');
  assert.match(d[0].message, /Did you mean "3\.2 員工發展"/);
  assert.equal(d[1].severity, 'warning');
  assert.match(d[1].message, /Did you mean "Health, Safety and Wellbeing"/);
  assert.equal(d[2].severity, 'error');
});

test('catalog: Part D index names resolve through matchTopic and stay in Part D', () => {
  const fw = getFramework()!;
  assert.deepEqual(fw.matchTopic('Climate resilience'), ['D26']);
  assert.deepEqual(fw.matchTopic('氣候韌性'), ['D26']);
  assert.deepEqual(fw.matchTopic('气候韧性'), ['D26']);
  assert.deepEqual(fw.matchTopic('<b>Transition plans</b>'), ['D22']);
  assert.deepEqual(fw.matchTopic('(b) 溫室氣體排放'), ['D28', 'D29']);
  assert.equal(fw.matchTopic('Climate'), undefined);
  assert.equal(fw.matchTopic('排放物'), undefined);
  assert.deepEqual(fw.matchTopic('重要性'), ['MDR-principles']);
  assert.deepEqual(fw.matchTopic('Consistency'), ['MDR-principles']);
  for (const r of fw.all) if (r.indexNames) assert.notEqual(r.part, 'C', r.id);
  for (const r of fw.all) if (r.part === 'D') assert.ok(r.indexNames?.length, `${r.id} has index names`);
});

test('ids in the second column, aspects spanning their rows, paragraph numbers and general disclosures', () => {
  const header = '| 層面 | 指標 | 內容 | 報告章節 |';
  const sep = '|---|---|---|---|';
  const text = report(
    [
      '| 層面 A1：排放物 | 一般披露 | 有關廢氣… | 排放物：溫室氣體 |',
      '| | A1.1 | 排放物種類… | 排放物：溫室氣體 |',
      '| | KPI A1.3-1.4 | 廢棄物 | 環境保護 |',
      '| 層面 A2：資源使用 | A2.1 | 能源 | 環境保護 |',
      '| | 一般披露 | 有效使用資源… | 環境保護 |',
      '| 環境 | A3.1 | 影響 | 環境保護 |',
      '| 第 19 段 | 管治 | x | 應對氣候變化 |',
      '| Paragraph 28(a) | Scope 1 | x | 應對氣候變化 |',
      '| Strategy | Paragraph 26 | x | 應對氣候變化 |',
    ],
    { header, sep },
  );
  const a = run(text);
  assert.deepEqual(indexRows(a).map(ids), [
    ['A1'],
    ['A1.1'],
    ['A1.3', 'A1.4'],
    ['A2.1'],
    ['A2'],
    ['A3.1'],
    ['D19'],
    ['D28(a)'],
    ['D26'],
  ]);
  assert.deepEqual(problems(a), []);
});

test('reporting principles listed one per row under a caption are MDR-principles, not duplicates', () => {
  const text = report([
    '| 匯報原則 | | |',
    '| 重要性 | 識別重要因素的過程 | 生態共創 |',
    '| 量化 | 標準及方法 | 生態共創 |',
    '| 一致性 | 方法的變更 | 生態共創 |',
    '| Balance | x | 生態共創 |',
  ]);
  const a = run(text);
  assert.deepEqual(indexRows(a).map(ids), [
    ['MDR-principles'],
    ['MDR-principles'],
    ['MDR-principles'],
    ['MDR-principles'],
  ]);
  assert.deepEqual(problems(a), []);
  assert.equal(
    byRule(a, 'hkex/missing').some((d) => d.data?.id === 'MDR-principles'),
    false,
  );
});

test('a remarks column after the section column is read only when the section cell is empty', () => {
  const header = '| 條文 | 內容 | 報告章節 | 備註 |';
  const sep = '|---|---|---|---|';
  const text = report(
    ['| A1.1 | x | 排放物：溫室氣體 | 已經第三方核證 |', '| A2.5 | x | | 本集團不涉及包裝材料，故不適用。 |'],
    { header, sep },
  );
  const a = run(text);
  assert.deepEqual(
    indexRows(a).map((r) => r.target.kind),
    ['titles', 'explanation'],
  );
  assert.deepEqual(problems(a), []);
});

test('a section number names the heading that carries it; another document is a place that cannot be checked', () => {
  const text = report(['| B3 | x | 3.2 |', '| B4 | x | Section 3.2 |', '| B5 | x | 第3.2節 |', '| B6 | x | 4.1 |']);
  const a = run(text);
  const [r3, r4, r5, r6] = indexRows(a);
  for (const r of [r3, r4, r5])
    assert.deepEqual(r.target.kind === 'titles' ? r.target.titles.map((t) => t.text) : r.target.kind, ['3.2 員工發展']);
  assert.equal(r6.target.kind, 'place', 'no heading is numbered 4.1: not checked');
  assert.deepEqual(problems(a), []);
  assert.equal(byRule(a, 'hkex/index-untagged').length, 3, 'B3-B5 point to 3.2 員工發展; B6 to no section');
  for (const target of [
    '請參閱本公司2025年年報「企業管治報告」一節',
    'Annual Report p.45',
    '企業管治報告（年報第30頁）',
    'www.example.com/esg',
  ]) {
    const row = `| MDR-governance | x | ${target} |`;
    const t = report([row]);
    const b = run(t);
    assert.equal(rowAt(b, t, row)?.target.kind, 'place', target);
    assert.deepEqual(problems(b), [], target);
    assert.equal(
      byRule(b, 'hkex/missing').some((d) => d.data?.id === 'MDR-governance'),
      false,
      target,
    );
  }
});

test('a status column after the section column is no target', () => {
  const sep = '|---|---|---|---|';
  const text = report(['| A1.1 | x | 排放物：溫室氣體 | ✓ |', '| A1.3 | x | | ✓ |'], {
    header: '| 條文 | 內容 | 章節 | 是否披露 |',
    sep,
  });
  const a = run(text);
  assert.deepEqual(
    indexRows(a).map((r) => r.target.kind),
    ['titles', 'empty'],
  );
  const plain = report(['| A1.1 | x | 排放物：溫室氣體 | 已披露 |'], { header: '| 條文 | 內容 | 章節 | 備考 |', sep });
  assert.deepEqual(problems(run(plain)), []);
});

test('an English index laid out like the Exchange content index reads every row, with no false alarm', () => {
  const head = [
    '---',
    'title: Example ESG Report',
    'lang: en',
    'esg:',
    '  issuer: Example Holdings Limited',
    '  period: 2025',
    '---',
    '',
  ].join('\n');
  const body = [
    '# Board Statement',
    '# About this Report',
    '# Environmental Protection',
    '## Environmental Performance Data',
    '# Our People',
    '## Health and Safety',
    '# Climate Governance',
    '# Climate Strategy',
  ]
    .map((h) => `${h}\n\nText.\n`)
    .join('\n');
  const rows = [
    '| **Mandatory Disclosure Requirements** | | | |',
    '| Governance Structure | A statement from the board | Board Statement | 2 |',
    '| Reporting Principles | Materiality, quantitative and consistency | About this Report | 3 |',
    '| Reporting Boundary | The reporting boundary | About this Report | 3 |',
    '| **"Comply or explain" Provisions** | | | |',
    '| A. Environmental | | | |',
    '| Aspect A1: Emissions | | | |',
    '| General Disclosure | Information on the policies | Environmental Protection | 4 |',
    '| KPI A1.1 | The types of emissions and respective emissions data. | Environmental Performance Data | 6 |',
    '| KPI A1.2 | Deleted | - | - |',
    '| KPI A1.3 – A1.6 | Waste, targets and steps taken | Environmental Protection | 4-5 |',
    "| KPI A2.5 | Total packaging material used for finished products | Not applicable to the Group's business | — |",
    '| B. Social | | | |',
    '| Aspect B2: Health and Safety | | | |',
    '| General Disclosure | Information on the policies | Our People – Health and Safety | 8 |',
    '| KPI B2.1-B2.3 | Fatalities, lost days and measures | Health and Safety | 8 |',
    '| **D. Climate-related Disclosures** | | | |',
    '| Governance | Paragraph 19 | Climate Governance | 10 |',
    '| Strategy | Climate-related risks and opportunities | Climate Strategy | 11 |',
    '| | Climate resilience | Climate Strategy | 12 |',
    '| Metrics and targets | Scope 1 and Scope 2 greenhouse gas emissions | Environmental Performance Data | 6 |',
  ];
  const text =
    head +
    body +
    INDEX(
      rows,
      '| Subject Areas, Aspects, General Disclosures and KPIs | Description | Section/Statement | Page |',
      '|---|---|---|---|',
    );
  const a = run(text);
  assert.deepEqual(
    a.diagnostics.filter(
      (d) =>
        d.rule.startsWith('hkex/index') &&
        (d.severity === 'error' || d.severity === 'warning') &&
        d.rule !== 'hkex/index-missing-row',
    ),
    [],
  );
  assert.deepEqual(problems(a), []);
  assert.deepEqual(indexRows(a).map(ids), [
    ['MDR-governance'],
    ['MDR-principles'],
    ['MDR-boundary'],
    ['A1'],
    ['A1.1'],
    ['A1.2'],
    ['A1.3', 'A1.4', 'A1.5', 'A1.6'],
    ['A2.5'],
    ['B2'],
    ['B2.1', 'B2.2', 'B2.3'],
    ['D19'],
    ['D20'],
    ['D26'],
    ['D28(a)', 'D28(b)'],
  ]);
});
