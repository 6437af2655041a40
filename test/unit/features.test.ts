import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  generateIndexTable,
  getCodeActions,
  getCompletions,
  getDefinition,
  getDocumentSymbols,
  getHover,
  type TextEdit,
} from '../../server/src/engine';
import { FRONT, byRule, locate, missingIds, run } from './util';

/** Applies edits (non-overlapping) to a text, last first. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The text outside the edited ranges is unchanged: compare prefix before the first edit and suffix after the last. */
function assertOnlyEdited(before: string, after: string, edits: TextEdit[]) {
  const lines = before.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const first = Math.min(...edits.map((e) => offset(e.range.start)));
  const last = Math.max(...edits.map((e) => offset(e.range.end)));
  assert.equal(after.slice(0, first), before.slice(0, first));
  assert.equal(after.slice(after.length - (before.length - last)), before.slice(last));
}

const BODY = `${FRONT}# 環境管理 {#env hkex="A1 A1.1 A1.2"}\n\n內容\n\n# 僱傭 {#emp}\n\n內容\n\n## 索引 {#idx .hkex-index}\n\n| 條文 | 內容 | 報告章節 |\n|---|---|---|\n| A1 | x | [環境管理](#env) |\n| B1 | x | [僱傭](#emp) |\n| B2 | x | 僱傭 |\n`;

test('quick fix: add an explanation block removes hkex/missing and adds an empty-explanation prompt', () => {
  const a = run(BODY);
  const target = byRule(a, 'hkex/missing').find((d) => missingIds(d).includes('A1.3'))!;
  const action = getCodeActions(a, target.range, [target]).find((x) => /A1\.3 加入解釋/.test(x.title))!;
  assert.ok(action, 'explanation action offered');
  const edits = action.edits['file:///test.esg.md'];
  const after = apply(BODY, edits);
  assertOnlyEdited(BODY, after, edits);
  assert.match(after, /::: \{\.explain hkex="A1\.3"\}\n<!-- .* -->\n:::/);
  const b = run(after);
  assert.equal(
    byRule(b, 'hkex/missing').some((d) => missingIds(d).includes('A1.3')),
    true,
    'still missing until a reason is written',
  );
  assert.equal(byRule(b, 'hkex/empty-explanation').length, 1);
  const filled = after.replace(/<!-- .* -->/, '本集團業務不產生有害廢棄物。');
  assert.equal(
    byRule(run(filled), 'hkex/missing').some((d) => missingIds(d).includes('A1.3')),
    false,
  );
});

test('quick fix: the explanation block also comes as a snippet whose one tab stop selects the placeholder reason', () => {
  const a = run(BODY);
  const target = byRule(a, 'hkex/missing').find((d) => missingIds(d).includes('A1.3'))!;
  const action = getCodeActions(a, target.range, [target]).find((x) => /A1\.3 加入解釋/.test(x.title))!;
  const [edit] = action.edits['file:///test.esg.md'];
  const snippet = action.snippet!;
  assert.deepEqual(snippet.range, edit.range);
  assert.equal(snippet.uri, 'file:///test.esg.md');
  // One tab stop, around the placeholder comment; expanded, the snippet is the plain edit's text.
  assert.equal(snippet.value.match(/\$\{\d+:/g)?.length, 1);
  const placeholder = /\$\{1:(<!-- .*? -->)\}/.exec(snippet.value)!;
  assert.ok(placeholder, snippet.value);
  const expanded = snippet.value.replace(placeholder[0], placeholder[1]).replace(/\\([$}\\])/g, '$1');
  assert.equal(expanded, edit.newText);
});

test('quick fix: tag this section, for an untagged index target', () => {
  const a = run(BODY);
  const hint = byRule(a, 'hkex/index-untagged').find((d) => d.data?.id === 'B1')!;
  const action = getCodeActions(a, hint.range, [hint]).find((x) => x.kind === 'quickfix' && x.title.includes('B1'))!;
  const edits = action.edits['file:///test.esg.md'];
  const after = apply(BODY, edits);
  assertOnlyEdited(BODY, after, edits);
  assert.match(after, /# 僱傭 \{#emp hkex="B1"\}/);
  assert.equal(
    byRule(run(after), 'hkex/index-untagged').some((d) => d.data?.id === 'B1'),
    false,
  );
  // A heading without attributes gets a new block; one with hkex gets the id appended.
  const plain = `${FRONT}# 僱傭\n\nx\n\n## 索引 {.hkex-index}\n\n| a | b |\n|---|---|\n| B1 | 僱傭 |\n`;
  const p = run(plain);
  const h = byRule(p, 'hkex/index-untagged')[0];
  const edited = apply(
    plain,
    getCodeActions(p, h.range, [h]).find((x) => x.kind === 'quickfix')!.edits['file:///test.esg.md'],
  );
  assert.match(edited, /# 僱傭 \{hkex="B1"\}\n/);
});

test('quick fix: add missing index rows (one and all), in catalog order, and they resolve the diagnostics', () => {
  const a = run(BODY);
  const missingRows = byRule(a, 'hkex/index-missing-row');
  const one = missingRows.find((d) => d.data?.id === 'A1.1')!;
  const actions = getCodeActions(a, one.range, [one, ...missingRows]);
  const single = actions.find((x) => x.title.includes('A1.1'))!;
  const after1 = apply(BODY, single.edits['file:///test.esg.md']);
  assert.match(after1, /\| A1 \| x \| \[環境管理\]\(#env\) \|\n\| A1\.1 \| .* \| \[環境管理\]\(#env\) \|/);
  const all = actions.find((x) => /\d+/.test(x.title) && x.diagnostics && x.diagnostics.length > 1)!;
  const after = apply(BODY, all.edits['file:///test.esg.md']);
  const b = run(after);
  assert.deepEqual(byRule(b, 'hkex/index-missing-row'), []);
  assert.equal(byRule(b, 'hkex/index-duplicate').length, 0);
  assert.ok(after.indexOf('| MDR-governance') < after.indexOf('| A1 |'), 'Part B rows go before Part C');
});

test('quick fix: replace the deleted A1.2 with D28(a) D28(b)', () => {
  const a = run(BODY);
  const d = byRule(a, 'hkex/deleted')[0];
  const action = getCodeActions(a, d.range, [d]).find((x) => x.title.includes('D28(a)'))!;
  const after = apply(BODY, action.edits['file:///test.esg.md']);
  assert.match(after, /hkex="A1 A1\.1 D28\(a\) D28\(b\)"/);
  const remove = getCodeActions(a, d.range, [d]).find((x) => x.title.includes('移除'))!;
  assert.match(apply(BODY, remove.edits['file:///test.esg.md']), /hkex="A1 A1\.1"/);
});

test('quick fix: a mistyped id gets the close known ids', () => {
  const text = `${FRONT}# A {hkex="B6.6"}\n\nx\n`;
  const a = run(text);
  const d = byRule(a, 'hkex/unknown-id')[0];
  const titles = getCodeActions(a, d.range, [d]).map((x) => x.title);
  assert.ok(titles.some((t) => t.includes('B6.5')));
});

test('hover on an id: requirement text, obligation for this issuer, and where it is disclosed', () => {
  const a = run(BODY);
  const h = getHover(a, locate(BODY, 'A1.1'))!;
  assert.match(h.contents, /\*\*A1\.1\*\*/);
  assert.match(h.contents, /排放物種類及相關排放數據/);
  assert.match(h.contents, /「不遵守就解釋」/);
  assert.match(h.contents, /環境管理/);
  const en = getHover(run(BODY, { locale: 'en' }), locate(BODY, 'A1.1'))!;
  assert.match(en.contents, /types of emissions/i);
  assert.equal(getHover(a, { line: 0, character: 0 }), undefined);
});

test('completion inside hkex="..." offers requirement ids and replaces the partial word', () => {
  const text = `${FRONT}# A {hkex="A1 B6."}\n`;
  const pos = locate(text, '"}');
  const items = getCompletions(run(text), pos);
  assert.ok(items.some((i) => i.label === 'B6.1'));
  assert.ok(!items.some((i) => i.label === 'A1.2'), 'deleted ids are not offered');
  const b61 = items.find((i) => i.label === 'B6.1')!;
  assert.equal(b61.range?.start.character, pos.character - 'B6.'.length);
  assert.deepEqual(getCompletions(run(text), { line: 0, character: 0 }), []);
});

test('definition: from a link and an index title to the heading', () => {
  const a = run(BODY);
  const fromLink = getDefinition(a, locate(BODY, '#env)'));
  assert.equal(fromLink[0].range.start.line, locate(BODY, '# 環境管理').line);
  const fromTitle = getDefinition(a, locate(BODY, '僱傭 |'));
  assert.equal(fromTitle[0].range.start.line, locate(BODY, '# 僱傭').line);
});

test('document symbols: section tree with tables and explanations inside', () => {
  const text = `${BODY}\n::: {.explain hkex="B6.1"}\n不適用。\n:::\n`;
  const symbols = getDocumentSymbols(run(text));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['環境管理', '僱傭'],
  );
  const emp = symbols[1];
  assert.equal(emp.children[0].name, '索引');
  assert.equal(emp.children[0].children.find((c) => c.kind === 'index') !== undefined, true);
  assert.ok(emp.children[0].children.some((c) => c.kind === 'explanation'));
});

test('generated index table: every requirement, links to tagged sections, deleted rows marked, and it re-parses clean', () => {
  const text = `${FRONT}# 環境管理 {#env hkex="A1 A1.1"}\n\n內容\n\n::: {.explain hkex="B6.1"}\n本集團不涉及實體產品。\n:::\n`;
  const a = run(text);
  const gen = generateIndexTable(a);
  assert.equal(gen.replaced, false);
  assert.match(gen.markdown, /\| A1\.1 \| .* \| \[環境管理\]\(#env\) \|/);
  assert.match(gen.markdown, /\| A1\.2 \| \[ 於 2025-01-01 刪除 \] \| {2}\|/);
  assert.match(gen.markdown, /\| B6\.1 \| .* \| 本集團不涉及實體產品。 \|/);
  const after = apply(text, [gen.edit]);
  const b = run(after);
  assert.equal(b.model.indexTables.length, 1);
  assert.deepEqual(byRule(b, 'hkex/index-missing-row'), []);
  assert.deepEqual(byRule(b, 'hkex/index-mismatch'), []);
  assert.deepEqual(byRule(b, 'hkex/index-broken-target'), []);
  // Regenerating replaces the table in place.
  const again = generateIndexTable(b);
  assert.equal(again.replaced, true);
  assert.equal(apply(after, [again.edit]), after);
});
