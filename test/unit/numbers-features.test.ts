import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCodeActions, getCodeLenses, getHover } from '../../server/src/engine';
import { FRONT, byRule, locate, run } from './util';

const TABLE = (total: string) => `${FRONT}# 溫室氣體

| 指標 | 單位 | 2025 |
|---|---|---|
| 溫室氣體排放總量（範圍 1、2） | 噸二氧化碳當量 | ${total} |
| 範圍 1 溫室氣體排放量 | 噸二氧化碳當量 | 89.17 |
| 範圍 2 溫室氣體排放量 | 噸二氧化碳當量 | 56,622.34 |
| 員工總數 | 人 | 937 |
`;

test('quick fix: replace a reported figure with the computed one, keeping separators and decimals', () => {
  const text = TABLE('56,711.15');
  const a = run(text);
  const d = byRule(a, 'ghg/sum-mismatch')[0];
  const fix = getCodeActions(a, d.range, [d]).find((x) => x.title.includes('56,711.51'))!;
  assert.ok(fix, 'replace-value action offered');
  const [edit] = fix.edits['file:///test.esg.md'];
  assert.deepEqual(edit.range, d.range);
  const lines = text.split('\n');
  const l = lines[edit.range.start.line];
  lines[edit.range.start.line] =
    l.slice(0, edit.range.start.character) + edit.newText + l.slice(edit.range.end.character);
  const after = lines.join('\n');
  assert.equal(after, text.replace('56,711.15', '56,711.51'));
  assert.deepEqual(byRule(run(after), 'ghg/sum-mismatch'), []);
});

test('hover on a figure: KPI, value in base units and the checks it takes part in', () => {
  const text = TABLE('56,711.15');
  const h = getHover(run(text, { locale: 'en' }), locate(text, '89.17'))!;
  assert.match(h.contents, /ghg\.scope1/);
  assert.match(h.contents, /89\.17 噸二氧化碳當量/);
  assert.match(h.contents, /in base units: 89\.17 tCO2e/);
  assert.match(
    h.contents,
    /✗ 範圍 1 溫室氣體排放量 \+ 範圍 2 溫室氣體排放量 = 溫室氣體排放總量（範圍 1、2） \(2025\): 56,711\.51 \/ 56,711\.15/,
  );
  const unchecked = getHover(run(text, { locale: 'en' }), locate(text, '937'))!;
  assert.match(unchecked.contents, /not checked/);
});

test('hover shows base units as people write them, and nothing when the figure is written in them', () => {
  const text = `${FRONT}# 資源\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗電量 | 兆瓦時 | 1.5 |\n| 總耗電量（千瓦時） | 千瓦時 | 1,500 |\n| 女性員工比例 | % | 28.64 |\n`;
  const a = run(text, { locale: 'en' });
  const mwh = getHover(a, locate(text, '1.5'))!.contents;
  assert.match(mwh, /in base units: 1500 kWh/);
  assert.doesNotMatch(mwh, /in base units: [\d.]+ (?:energy|mass|co2e)\b/);
  assert.doesNotMatch(getHover(a, locate(text, '28.64'))!.contents, /in base units|0\.2864/);
});

test('hover: lost days are days, not hours at 24 h a day', () => {
  const text = `${FRONT}# 健康 {hkex="B2 B2.2"}\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 因工傷損失工作日數 | 日 | 120 |\n`;
  const a = run(text, { locale: 'en' });
  const lost = getHover(a, locate(text, '120'))!.contents;
  assert.match(lost, /safety\.lost_days/);
  assert.match(lost, /120 日/);
  assert.doesNotMatch(lost, /in base units|2880|\bh\b/);
});

test('CodeLens over a KPI table counts checked and disagreeing figures', () => {
  const bad = getCodeLenses(run(TABLE('56,711.15'), { locale: 'en' }));
  assert.equal(bad.length, 1);
  assert.deepEqual([bad[0].checked, bad[0].disagree], [3, 1]);
  assert.equal(bad[0].title, '3 of 4 figures checked, 1 disagree');
  const good = getCodeLenses(run(TABLE('56,711.51'), { locale: 'en' }));
  assert.equal(good[0].title, '3 of 4 figures checked, all agree');
  assert.equal(bad[0].range.start.line, locate(TABLE('x'), '| 指標').line);
});

test('completion inside formula="...": KPI ids, functions, front-matter names, and units after a number', async () => {
  const { getCompletions } = await import('../../server/src/engine');
  const fm = FRONT.replace('  period: 2025\n', '  period: 2025\n  denominators:\n    revenue: 72,434 萬元\n');
  const text = `${fm}# A\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| [強度]{#ghg.intensity formula="ghg.sc"} | tCO2e/萬元 | 1 |\n`;
  const at = (needle: string) => locate(text, needle);
  const pos = { line: at('ghg.sc"').line, character: at('ghg.sc"').character + 'ghg.sc'.length };
  const labels = getCompletions(run(text), pos).map((i) => i.label);
  assert.ok(labels.includes('ghg.scope1') && labels.includes('ghg.scope3.cat1'));
  const text2 = text.replace('ghg.sc"', 'su"');
  const p2 = { line: pos.line, character: locate(text2, 'su"').character + 2 };
  assert.ok(getCompletions(run(text2), p2).some((i) => i.label === 'sum' && i.insertText === 'sum('));
  const text3 = text.replace('ghg.sc"', 'den"');
  const p3 = { line: pos.line, character: locate(text3, 'den"').character + 3 };
  assert.ok(getCompletions(run(text3), p3).some((i) => i.label === 'denominators.revenue'));
  const text4 = text.replace('ghg.sc"', '0.5306 kg"');
  const p4 = { line: pos.line, character: locate(text4, 'kg"').character + 2 };
  const units = getCompletions(run(text4), p4);
  assert.ok(units.some((i) => i.kind === 'unit' && i.label.startsWith('kg')));
});

function applyEdits(
  text: string,
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('quick fix: change an intensity unit to the one the other figures imply (萬元 -> 百萬元)', () => {
  const text = `${FRONT}# E\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 20,035.5 |\n| 總耗水密度 | 噸 / 萬元 | 0.2766 |\n| 總耗電量 | 千瓦時 | 1,124,032 |\n| 總耗電密度 | 千瓦時 / 萬元 | 15.5181 |\n| 溫室氣體排放總量 | tCO2e | 596.41 |\n| 溫室氣體排放密度 | tCO2e/萬元 | 0.8234 |\n`;
  const a = run(text);
  const d = byRule(a, 'kpi/intensity-mismatch')[0];
  const fix = getCodeActions(a, d.range, [d]).find((x) => x.title.includes('tCO2e/百萬元'))!;
  assert.ok(
    fix,
    getCodeActions(a, d.range, [d])
      .map((x) => x.title)
      .join(' | '),
  );
  const after = applyEdits(text, fix.edits['file:///test.esg.md']);
  assert.equal(after, text.replace('tCO2e/萬元', 'tCO2e/百萬元'));
  assert.deepEqual(byRule(run(after), 'kpi/intensity-mismatch'), []);
});

test('code action: add the missing total row of a complete breakdown, with the sums per period', () => {
  const text = `${FRONT}# 員工\n\n| 指標 | | 單位 | 2024 | 2025 |\n|---|---|---|---|---|\n| 按性別劃分的員工人數 | 男性員工 | 人 | 600 | 640 |\n| | 女性員工 | 人 | 280 | 297 |\n`;
  const a = run(text);
  const action = getCodeActions(a, { start: locate(text, '男性員工'), end: locate(text, '男性員工') }, []).find(
    (x) => x.title.includes('員工總數') || x.title.includes('合計'),
  )!;
  assert.ok(action, 'missing total action offered');
  const after = applyEdits(text, action.edits['file:///test.esg.md']);
  assert.match(
    after,
    /\| \[.*\]\{#employees\.total\} \| {2}\| 人 \| 880 \| 937 \|\n\| 按性別劃分的員工人數 \| 男性員工/,
  );
  const b = run(after);
  assert.equal(b.model.kpiTables[0].rows[0].kpiId, 'employees.total');
  assert.deepEqual(byRule(b, 'kpi/sum-mismatch'), []);
});

test('completion of catalog factor ids under esg.factors in the front matter', async () => {
  const { getCompletions } = await import('../../server/src/engine');
  const text = '---\nesg:\n  period: 2025\n  factors:\n    grid: cn-grid-20\n---\n# A\n';
  const pos = { line: 4, character: '    grid: cn-grid-20'.length };
  const items = getCompletions(run(text), pos);
  assert.ok(
    items.some((i) => i.label === 'cn-grid-2023' && /0\.5306/.test(i.detail ?? '')),
    items.map((i) => i.label).join(','),
  );
  assert.equal(items[0].range?.start.character, '    grid: '.length);
  // Not under another key.
  const other = '---\nesg:\n  period: 2025\n  denominators:\n    revenue: cn\n---\n';
  assert.deepEqual(getCompletions(run(other), { line: 4, character: '    revenue: cn'.length }), []);
});
