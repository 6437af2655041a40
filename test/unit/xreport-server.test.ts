// The server's cache of cross-report results (lsp/crossReports.ts): a keystroke that changes nothing the
// checks read reuses the last result, moved with the edit; a change of a linked file computes it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine';
import { NodeWorkspace } from '../../server/src/host/workspace';
import { CrossReports } from '../../server/src/lsp/crossReports';
import { singleFileView } from '../../server/src/engine/xreport/report';

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
