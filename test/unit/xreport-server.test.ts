// The server's cache of cross-report results (lsp/crossReports.ts): a keystroke that changes nothing the
// checks read reuses the last result, moved with the edit; a change of a linked file computes it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis, type ProjectAnalysis } from '../../server/src/engine';
import { NodeWorkspace } from '../../server/src/host/workspace';
import { CrossReports } from '../../server/src/lsp/crossReports';
import { singleFileProject, singleFileView } from '../../server/src/engine/xreport/report';

/** The cross-report cache's error callback: no error is expected here. */
const fail = (error: unknown): never => assert.fail(String(error));

const front = (lang: string, links = '') =>
  ['---', `lang: ${lang}`, 'esg:', '  period: 2025', links, '---', ''].filter((l) => l !== '').join('\n');
const table = (rows: string[]) =>
  ['', '| Indicator | Unit | 2025 | 2024 |', '|---|---|--:|--:|', ...rows, ''].join('\n');

test('an edit in a paragraph reuses the result, moved; an edit of the linked report recomputes it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'esgmark-xreport-cache-'));
  try {
    const en = `${front('en', '  translations: [r.zh.esg.md]')}\n# Environment {#env hkex="A1"}\n\nSome prose here. | Non-hazardous waste | t | 38.4 | 41.0 |\n${table(['| Non-hazardous waste | t | 38.4 | 41.0 |'])}`;
    const zh = `${front('zh-Hant')}\n# 環境 {#env hkex="A1"}\n${table(['| 無害廢棄物 | 噸 | 34.8 | 41.0 |'])}`;
    writeFileSync(path.join(dir, 'r.zh.esg.md'), zh);
    const uri = pathToFileURL(path.join(dir, 'r.en.esg.md')).href;
    const zhUri = pathToFileURL(path.join(dir, 'r.zh.esg.md')).href;
    const workspace = new NodeWorkspace({ folders: [dir] });
    // Counts the looks at the linked file: a reused result does not look at it at all.
    let looks = 0;
    const stamp = workspace.stamp.bind(workspace);
    workspace.stamp = (u: string) => {
      looks++;
      return stamp(u);
    };
    const reports = new CrossReports();
    const errors: unknown[] = [];
    const first = analyze({ uri, text: en });
    const a = reports.of(singleFileView(first), workspace, {}, (e) => errors.push(e));
    assert.deepEqual(
      a.diagnostics.map((d) => d.data?.kind),
      ['value'],
    );
    // A keystroke in the prose line: nothing the checks read changed; the same diagnostics, not recomputed.
    const edited = en.replace('Some prose here.', 'Some more prose here.');
    const second = analyze({ uri, text: edited }, {}, first);
    const looksBefore = looks;
    const b = reports.of(singleFileView(second), workspace, {}, (e) => errors.push(e));
    assert.equal(looks, looksBefore, 'reused, not recomputed');
    assert.equal(b.links, a.links, 'the linked reports are the same objects');
    assert.deepEqual(
      b.diagnostics,
      a.diagnostics.map((d) => ({ ...d })),
    );
    // The linked report changes: the next result is computed from it.
    writeFileSync(path.join(dir, 'r.zh.esg.md'), zh.replace('34.8', '38.4'));
    assert.deepEqual(reports.changed(zhUri), [uri]);
    const c = reports.of(singleFileView(second), workspace, {}, (e) => errors.push(e));
    assert.ok(looks > looksBefore);
    assert.deepEqual(c.diagnostics, []);
    assert.deepEqual(errors, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a suppression comment typed into the report silences the kept cross-report finding', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'esgmark-xreport-suppress-'));
  try {
    const en = `${front('en', '  translations: [r.zh.esg.md]')}\n# Environment {#env hkex="A1"}\n\nSome prose here.\n${table(['| Non-hazardous waste | t | 38.4 | 41.0 |'])}`;
    writeFileSync(
      path.join(dir, 'r.zh.esg.md'),
      `${front('zh-Hant')}\n# 環境 {#env hkex="A1"}\n${table(['| 無害廢棄物 | 噸 | 34.8 | 41.0 |'])}`,
    );
    const uri = pathToFileURL(path.join(dir, 'r.en.esg.md')).href;
    const workspace = new NodeWorkspace({ folders: [dir] });
    const reports = new CrossReports();
    const first = analyze({ uri, text: en });
    assert.equal(reports.of(singleFileView(first), workspace, {}, fail).diagnostics.length, 1);
    // The prose line becomes a suppression of the table below it.
    const edited = en.replace(
      'Some prose here.',
      '<!-- esgmark-disable xreport/translation-mismatch -- revised later -->',
    );
    const second = analyze({ uri, text: edited }, {}, first);
    const cross = reports.of(singleFileView(second), workspace, {}, fail);
    assert.deepEqual(cross.diagnostics, []);
    assert.deepEqual(
      cross.suppressed.map((d) => [d.rule, d.reason]),
      [['xreport/translation-mismatch', 'revised later']],
    );
    // And typed away again: the finding is back.
    const third = analyze({ uri, text: en }, {}, second);
    assert.equal(reports.of(singleFileView(third), workspace, {}, fail).diagnostics.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("two open versions linking each other: each is analysed once, and a keystroke in one keeps the other's analysis and its own result", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'esgmark-xreport-open-'));
  try {
    const enText = `${front('en', '  translations: [r.zh.esg.md]')}\n# Environment {#env hkex="A1"}\n\nSome prose here.\n${table(['| Non-hazardous waste | t | 38.4 | 41.0 |'])}`;
    const zhText = `${front('zh-Hant', '  translations: [r.en.esg.md]')}\n# 環境 {#env hkex="A1"}\n${table(['| 無害廢棄物 | 噸 | 34.8 | 41.0 |'])}`;
    // On disk the files say something else: an open version is read from the editor, not the disk.
    writeFileSync(path.join(dir, 'r.en.esg.md'), 'stale\n');
    writeFileSync(path.join(dir, 'r.zh.esg.md'), 'stale\n');
    const enUri = pathToFileURL(path.join(dir, 'r.en.esg.md')).href;
    const zhUri = pathToFileURL(path.join(dir, 'r.zh.esg.md')).href;
    // The editor: each open document's current analysis (as the server's validation makes it).
    const open = new Map<string, Analysis>([
      [enUri, analyze({ uri: enUri, text: enText })],
      [zhUri, analyze({ uri: zhUri, text: zhText })],
    ]);
    const asProjects = new Map<Analysis, ProjectAnalysis>();
    let asked = 0;
    const reports = new CrossReports((uri, text) => {
      asked++;
      const analysis = open.get(uri);
      if (!analysis || analysis.model.text !== text) return undefined;
      if (!asProjects.has(analysis)) asProjects.set(analysis, singleFileProject(analysis));
      return asProjects.get(analysis);
    });
    const workspace = new NodeWorkspace({ folders: [dir], openText: (uri) => open.get(uri)?.model.text });
    const enFirst = reports.of(singleFileView(open.get(enUri)!), workspace, {}, fail);
    assert.equal(enFirst.links[0].project.analysis, open.get(zhUri), "the open version's own analysis");
    assert.deepEqual(
      enFirst.diagnostics.map((d) => d.data?.kind),
      ['value'],
    );
    const zhFirst = reports.of(singleFileView(open.get(zhUri)!), workspace, {}, fail);
    assert.equal(zhFirst.links[0].project.analysis, open.get(enUri));
    // A keystroke in the English prose: the English version is analysed (once, by its editor) ...
    const enEdited = analyze(
      { uri: enUri, text: enText.replace('Some prose', 'Some more prose') },
      {},
      open.get(enUri),
    );
    open.set(enUri, enEdited);
    assert.deepEqual(reports.changed(enUri), [zhUri], 'the Chinese version links it');
    asked = 0;
    // ... its own result is kept, moved (the Chinese version did not change) ...
    const enSecond = reports.of(singleFileView(enEdited), workspace, {}, fail);
    assert.equal(enSecond.links, enFirst.links);
    assert.equal(asked, 0, 'the linked version is not even looked up');
    // ... and the Chinese version's result is computed again, from the English version's new analysis.
    const zhSecond = reports.of(singleFileView(open.get(zhUri)!), workspace, {}, fail);
    assert.notEqual(zhSecond, zhFirst);
    assert.equal(zhSecond.links[0].project.analysis, enEdited);
    assert.deepEqual(
      zhSecond.diagnostics.map((d) => d.data?.kind),
      ['value'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
