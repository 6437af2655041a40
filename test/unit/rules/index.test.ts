import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, missingIds, run } from '../util';

const INDEX = (rows: string[]) =>
  `\n## 索引 {#idx .hkex-index}\n\n| 條文 | 內容 | 報告章節 |\n|---|---|---|\n${rows.join('\n')}\n`;

const BODY = `${FRONT}# 環境管理 {#env hkex="A1 A1.1"}\n\n內容\n\n# 僱傭 {#emp}\n\n內容\n`;

test('hkex/index-absent only without an index table', () => {
  assert.equal(byRule(run(BODY), 'hkex/index-absent').length, 1);
  assert.equal(byRule(run(BODY + INDEX(['| A1 | x | [環境管理](#env) |'])), 'hkex/index-absent').length, 0);
});

test('hkex/index-missing-row lists each required id once, not the deleted or voluntary ones', () => {
  const d = byRule(
    run(BODY + INDEX(['| A1 | x | [環境管理](#env) |', '| D28 | GHG | [環境管理](#env) |'])),
    'hkex/index-missing-row',
  );
  const ids = d.map((x) => x.data?.id);
  assert.ok(ids.includes('A1.1'));
  assert.ok(!ids.includes('A1'));
  assert.ok(!ids.includes('A1.2'));
  assert.ok(!ids.includes('D36'));
  assert.ok(!ids.includes('D28(a)'), 'a D28 row covers D28(a)-(c)');
  assert.equal(new Set(ids).size, ids.length);
});

test('hkex/index-broken-target: unknown anchor and unknown title; explanations are not titles', () => {
  const text =
    BODY +
    INDEX([
      '| A1 | x | [環境](#nowhere) |',
      '| A1.1 | x | 不存在的章節 |',
      '| B6.1 | x | 與主營業務不相關，故不適用 |',
      '| B1 | x | 僱傭 |',
    ]);
  const d = byRule(run(text), 'hkex/index-broken-target');
  assert.deepEqual(
    d.map((x) => x.range.start),
    [locate(text, '#nowhere'), locate(text, '不存在的章節')],
  );
});

test('hkex/index-mismatch: the row points to a tagged section that does not carry the id', () => {
  const text = BODY + INDEX(['| A1.1 | x | [環境管理](#env) |', '| A1.3 | x | [環境管理](#env) |']);
  const d = byRule(run(text, { locale: 'en' }), 'hkex/index-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].data?.id, 'A1.3');
  assert.match(d[0].message, /A1\.3.*"環境管理".*A1 A1\.1/);
  assert.equal(d[0].related?.[0].range.start.line, locate(text, '# 環境管理').line);
});

test('hkex/index-mismatch: a tag on a subsection or a KPI row inside the section satisfies the row', () => {
  const text =
    `${FRONT}# 環境 {#env hkex="A1"}\n\nx\n\n## 水 {hkex="A2.4"}\n\ny\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 1 |\n` +
    INDEX(['| A2.4 | x | [環境](#env) |', '| A2.2 | x | [環境](#env) |']);
  assert.deepEqual(byRule(run(text), 'hkex/index-mismatch'), []);
});

test('hkex/index-untagged: a hint when the target section has no tags at all', () => {
  const text = BODY + INDEX(['| B1 | x | [僱傭](#emp) |']);
  const d = byRule(run(text), 'hkex/index-untagged');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'hint');
  assert.equal(d[0].data?.id, 'B1');
  assert.equal(byRule(run(text), 'hkex/index-mismatch').length, 0);
});

test('hkex/index-duplicate and hkex/index-empty-target', () => {
  const text = BODY + INDEX(['| A1 | x | [環境管理](#env) |', '| A1 | y | [環境管理](#env) |', '| A1.1 | x | |']);
  const a = run(text);
  const dup = byRule(a, 'hkex/index-duplicate');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].range.start.line, locate(text, '| A1 | y').line);
  assert.match(dup[0].message, new RegExp(`${locate(text, '| A1 | x').line + 1}`));
  const empty = byRule(a, 'hkex/index-empty-target');
  assert.equal(empty.length, 1);
  assert.equal(empty[0].range.start.line, locate(text, '| A1.1 | x |').line);
});

test('index rows pointing to existing sections count as disclosure for hkex/missing', () => {
  const text = BODY + INDEX(['| B1 | x | 僱傭 |']);
  assert.equal(
    byRule(run(text), 'hkex/missing').some((d) => missingIds(d).includes('B1')),
    false,
  );
  const broken = BODY + INDEX(['| B1 | x | 不存在 |']);
  assert.equal(
    byRule(run(broken), 'hkex/missing').some((d) => missingIds(d).includes('B1')),
    true,
  );
});

test('hkex/index-mismatch: an explanation block inside the target section satisfies the row', () => {
  const text =
    `${FRONT}# 環境 {#env hkex="A1"}\n\nx\n\n::: {.explain hkex="A1.3"}\n本集團不產生有害廢棄物。\n:::\n` +
    INDEX(['| A1.3 | x | [環境](#env) |']);
  assert.deepEqual(byRule(run(text), 'hkex/index-mismatch'), []);
});

test('index titles match headings whatever their colons, spaces, 、, chapter numbers and page references', () => {
  const body = `${FRONT}# 環境、社會及管治管理 {#esg}\n\nx\n\n## 排放物：溫室氣體 {#ghg}\n\ny\n\n## 3.2 員工 發展 {#dev}\n\nz\n\n## Step 1 {#s1 hkex="B1"}\n\na\n\n## Step 2 {#s2 hkex="B2"}\n\nb\n`;
  const rows = [
    '| A1 | x | 排放物:溫室氣體 |',
    '| A1.1 | x | 環境 社會及管治管理 |',
    '| B3 | x | 員工發展 P.12 |',
    '| B1 | x | 第三章 環境、社會及管治管理 |',
    '| B2 | x | Step 2 |',
  ];
  const text = body + '\n## 索引 {.hkex-index}\n\n| 條文 | 內容 | 章節 |\n|---|---|---|\n' + rows.join('\n') + '\n';
  const a = run(text, { locale: 'en' });
  assert.deepEqual(
    byRule(a, 'hkex/index-broken-target').map((d) => d.message),
    [],
  );
  // 'Step 1' and 'Step 2' stay two titles: the row for B2 resolves to the section tagged B2, not Step 1.
  assert.ok(!byRule(a, 'hkex/index-mismatch').some((d) => d.data?.id === 'B2'));
  const step1 = run(text.replace('| B2 | x | Step 2 |', '| B2 | x | Step 1 |'), { locale: 'en' });
  assert.ok(
    byRule(step1, 'hkex/index-mismatch').some((d) => d.data?.id === 'B2'),
    'the test can tell the two apart',
  );
});

test('hkex/index-broken-target: a title one edit from a heading is a warning with "did you mean"; an unknown one stays an error', () => {
  const text = BODY + INDEX(['| A1 | x | 環境管裡 |', '| A1.1 | x | 完全不存在的章節 |']);
  const d = byRule(run(text, { locale: 'en' }), 'hkex/index-broken-target');
  assert.equal(d.length, 2);
  assert.equal(d[0].severity, 'warning');
  assert.match(d[0].message, /Did you mean "環境管理"\?/);
  assert.equal(d[1].severity, 'error');
});
