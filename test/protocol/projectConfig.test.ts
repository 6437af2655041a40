// The project file `.esgmark.yaml` in the language server, over stdio: its severities shape the
// report's diagnostics, an explicit setting wins over it, its own problems are published on the file
// at the key, a change on disk (workspace/didChangeWatchedFiles) is picked up, and every diagnostic
// links to its rule's documentation (codeDescription.href).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';

const FRONT = '---\ntitle: 測試報告\nlang: zh-Hant\nesg:\n  issuer: 測試有限公司\n  period: 2025\n---\n';
const REPORT = `${FRONT}# 環境 {#env hkex="A1 A2"}\n\n內容\n\n| 指標 | 單位 | 2025 |\n|---|---|--:|\n| 總耗電量 | MWHr | 350 |\n\n# 僱傭 {#emp}\n\n內容\n\n## 索引 {#idx .hkex-index}\n\n| 條文 | 內容 | 報告章節 |\n|---|---|---|\n| A1 | x | [環境](#env) |\n| B1 | x | [僱傭](#emp) |\n`;
const CONFIG = 'rules:\n  kpi/unknown-unit: off\n  hkex/index-untagged: warning\n  hkex/nope: error\n';

const has = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.some((d) => d.code === code);

describe('project file over LSP', () => {
  let client: LspTestClient;
  let dir: string;
  let reportUri: string;
  let configUri: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'esgmark-config-lsp-'));
    writeFileSync(path.join(dir, '.esgmark.yaml'), CONFIG);
    writeFileSync(path.join(dir, 'report.esg.md'), REPORT);
    reportUri = pathToFileURL(path.join(dir, 'report.esg.md')).href;
    configUri = pathToFileURL(path.join(dir, '.esgmark.yaml')).href;
    client = await LspTestClient.start({
      settings: { debounceMs: 0 },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
    });
    await client.open(reportUri, REPORT);
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies the severities of .esgmark.yaml to the report', async () => {
    const published = await client.waitForDiagnostics(reportUri, (p) => has(p, 'hkex/index-untagged'));
    assert.equal(
      published.diagnostics.filter((d) => d.code === 'kpi/unknown-unit').length,
      0,
      'off in the project file',
    );
    const untagged = published.diagnostics.filter((d) => d.code === 'hkex/index-untagged');
    assert.ok(
      untagged.every((d) => d.severity === 2),
      'warning (2), not hint (4)',
    );
  });

  it('publishes the project file problem at its key', async () => {
    const own = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.equal(own.diagnostics.length, 1);
    const [d] = own.diagnostics;
    assert.equal(d.code, 'esg/config');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 11 } });
    assert.match(String(d.message), /`hkex\/nope` in \.esgmark\.yaml is not an esgmark rule/);
  });

  it('every diagnostic links to its section of the rules documentation', async () => {
    const published = await client.waitForDiagnostics(reportUri, (p) => p.diagnostics.length > 0);
    for (const d of published.diagnostics)
      assert.equal(
        d.codeDescription?.href,
        `https://example.invalid/esgmark/blob/main/docs/rules.md#${String(d.code).replace('/', '')}`,
      );
    assert.equal(
      client.latestDiagnostics(configUri)?.diagnostics[0].codeDescription?.href,
      'https://example.invalid/esgmark/blob/main/docs/rules.md#esgconfig',
    );
  });

  it('an explicit setting wins over the project file', async () => {
    await client.changeSettings({
      debounceMs: 0,
      severity: { 'kpi/unknown-unit': 'error' },
      rulesDocumentationUrl: 'https://docs.example.com/rules.html',
    });
    const published = await client.waitForDiagnostics(reportUri, (p) => has(p, 'kpi/unknown-unit'));
    const unit = published.diagnostics.find((d) => d.code === 'kpi/unknown-unit')!;
    assert.equal(unit.severity, 1);
    assert.equal(unit.codeDescription?.href, 'https://docs.example.com/rules.html#kpiunknown-unit');
    assert.ok(
      published.diagnostics.filter((d) => d.code === 'hkex/index-untagged').every((d) => d.severity === 2),
      'the rest of the file still applies',
    );
    await client.changeSettings({ debounceMs: 0 });
    await client.waitForDiagnostics(reportUri, (p) => !has(p, 'kpi/unknown-unit'));
  });

  it('reads the file again when it changes on disk', async () => {
    writeFileSync(path.join(dir, '.esgmark.yaml'), 'rules:\n  hkex/index-untagged: off\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: configUri, type: FileChangeType.Changed }],
    });
    const published = await client.waitForDiagnostics(
      reportUri,
      (p) => !has(p, 'hkex/index-untagged') && has(p, 'kpi/unknown-unit'),
    );
    assert.ok(published);
    const own = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(own.diagnostics, []);
  });
});
