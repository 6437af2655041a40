import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProject, chaptersOf } from '../../server/src/engine/project';
import { getCodeActions } from '../../server/src/engine';
import { locate, missingIds } from './util';

const ROOT = [
  '---',
  'title: 報告',
  'lang: zh-Hant',
  'esg:',
  '  period: 2025',
  '  chapters: [chapters/env.esg.md, chapters/social.esg.md]',
  '---',
  '',
  '# 關於本報告 {#about hkex="MDR-governance MDR-principles MDR-boundary"}',
  '',
  '本報告……',
  '',
].join('\n');
const ENV = ['---', 'title: 環境', '---', '# 環境管理 {#env hkex="A1 A1.1 A9.9"}', '', '內容', ''].join('\n');
const SOCIAL = [
  '# 僱傭 {#emp hkex="B1"}',
  '',
  '| 指標 | | 單位 | 2025 |',
  '|---|---|---|---|',
  '| 員工總數 | | 人 | 900 |',
  '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |',
  '| | 女性員工 | 人 | 297 |',
  '',
].join('\n');

const files = () => ({
  root: { uri: 'file:///r/report.esg.md', text: ROOT },
  chapters: [
    { uri: 'file:///r/chapters/env.esg.md', text: ENV },
    { uri: 'file:///r/chapters/social.esg.md', text: SOCIAL },
  ],
});

test('chaptersOf reads esg.chapters from the root', () => {
  assert.deepEqual(chaptersOf(ROOT), ['chapters/env.esg.md', 'chapters/social.esg.md']);
  assert.deepEqual(chaptersOf('# no front matter'), []);
});

test('a report split into chapters: tags in every file count, diagnostics land in the file and line of the problem', () => {
  const { root, chapters } = files();
  const p = analyzeProject(root, chapters);
  const all = [...p.diagnostics.values()].flat();
  const missing = all.filter((d) => d.rule === 'hkex/missing').flatMap(missingIds);
  for (const id of ['MDR-governance', 'A1', 'A1.1', 'B1'])
    assert.ok(!missing.includes(id), `${id} is tagged in a chapter`);
  const unknown = p.diagnostics.get('file:///r/chapters/env.esg.md')!.find((d) => d.rule === 'hkex/unknown-id')!;
  assert.deepEqual(unknown.range.start, locate(ENV, 'A9.9'));
  const sum = p.diagnostics.get('file:///r/chapters/social.esg.md')!.find((d) => d.rule === 'kpi/sum-mismatch')!;
  assert.deepEqual(sum.range.start, locate(SOCIAL, '900'));
  assert.ok(sum.related!.every((r) => r.uri === 'file:///r/chapters/social.esg.md'));
  assert.deepEqual(
    sum.related!.map((r) => r.range.start),
    [locate(SOCIAL, '640'), locate(SOCIAL, '297')],
  );
  // The chapter's own front matter does not count as the report's, and does not shift its lines.
  assert.equal(p.analysis.model.config.title, '報告');
});

test('code actions of a chapter diagnostic edit that chapter', () => {
  const { root, chapters } = files();
  const p = analyzeProject(root, chapters);
  const sum = p.analysis.diagnostics.find((d) => d.rule === 'kpi/sum-mismatch')!;
  const fix = getCodeActions(p.analysis, sum.range, [sum]).find((a) => a.title.includes('937'))!;
  const edits = p.mapEdits(fix.edits[p.analysis.model.uri]);
  assert.deepEqual(Object.keys(edits), ['file:///r/chapters/social.esg.md']);
  assert.deepEqual(edits['file:///r/chapters/social.esg.md'][0].range.start, locate(SOCIAL, '900'));
  // Positions go both ways.
  const pos = p.fromFile('file:///r/chapters/social.esg.md', locate(SOCIAL, '900'))!;
  assert.deepEqual(p.toFile(pos), { uri: 'file:///r/chapters/social.esg.md', position: locate(SOCIAL, '900') });
});

test('an edit in a chapter is analysed incrementally, with the same result as a fresh project analysis', () => {
  const { root, chapters } = files();
  const before = analyzeProject(root, chapters);
  assert.ok(before.analysis.diagnostics.some((d) => d.rule === 'kpi/sum-mismatch'));
  // The total corrected in the chapter's table: 640 + 297 = 937.
  const edited = [chapters[0], { ...chapters[1], text: SOCIAL.replace('| 900 |', '| 937 |') }];
  const derived = analyzeProject(root, edited, {}, before);
  const fresh = analyzeProject(root, edited);
  assert.equal(derived.analysis.reuse.parse, 'table');
  assert.deepStrictEqual(derived.analysis.model, fresh.analysis.model);
  assert.deepStrictEqual([...derived.diagnostics], [...fresh.diagnostics]);
  assert.ok(!derived.analysis.diagnostics.some((d) => d.rule === 'kpi/sum-mismatch'), 'the corrected total agrees');
});
