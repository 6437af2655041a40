// Pull diagnostics over stdio (LSP 3.17): the capability, `textDocument/diagnostic` for an open report
// (the same findings a push publishes), `workspace/diagnostic` for every report of the workspace
// folders read through the file gate, and result ids so an unchanged report answers `unchanged`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticRequest,
  WorkspaceDiagnosticRequest,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { REPO_ROOT, readFixture } from '../helpers/paths';
import { rangeOf } from '../helpers/text';

const PROBLEMS = readFixture('problems.esg.md');
const PULL = {
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: true } },
  workspace: { diagnostics: { refreshSupport: true } },
};

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full', JSON.stringify(report).slice(0, 300));
  return report as FullDocumentDiagnosticReport;
}

describe('pull diagnostics over LSP', () => {
  let client: LspTestClient;
  let pushOnly: LspTestClient;
  let dir: string;
  let outside: string;
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'esgmark-pull-'));
    outside = mkdtempSync(path.join(tmpdir(), 'esgmark-pull-outside-'));
    writeFileSync(path.join(dir, 'problems.esg.md'), PROBLEMS);
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(
      path.join(dir, 'sub', 'english.esg.md'),
      readFixture('problems.esg.md').replace('lang: zh-Hant', 'lang: en'),
    );
    cpSync(path.join(REPO_ROOT, 'examples', 'multi-file'), path.join(dir, 'multi'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', 'skipped.esg.md'), PROBLEMS);
    writeFileSync(path.join(dir, 'notes.md'), '# not a report\n');
    // A link to a report outside the workspace: the gate refuses to read it.
    writeFileSync(path.join(outside, 'secret.esg.md'), PROBLEMS);
    symlinkSync(path.join(outside, 'secret.esg.md'), path.join(dir, 'link.esg.md'));
    const folders = [{ uri: pathToFileURL(dir).href, name: 'pull' }];
    client = await LspTestClient.start({ settings: { debounceMs: 0 }, workspaceFolders: folders, capabilities: PULL });
    pushOnly = await LspTestClient.start({ settings: { debounceMs: 0 }, workspaceFolders: folders });
  });

  after(async () => {
    await client?.stop();
    await pushOnly?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (outside) rmSync(outside, { recursive: true, force: true });
  });

  it('advertises a diagnostic provider with workspace diagnostics', () => {
    const provider = client.initializeResult.capabilities.diagnosticProvider as {
      identifier?: string;
      interFileDependencies: boolean;
      workspaceDiagnostics: boolean;
    };
    assert.deepEqual(provider, { identifier: 'esgmark', interFileDependencies: true, workspaceDiagnostics: true });
  });

  it('textDocument/diagnostic gives the findings of an open report; unchanged for its result id; full after an edit', async () => {
    const target = uri('problems.esg.md');
    await client.open(target, PROBLEMS);
    const first = full(
      await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: target } }),
    );
    const unknown = first.items.filter((d) => d.code === 'hkex/unknown-id');
    assert.equal(unknown.length, 1);
    assert.deepEqual(unknown[0].range, rangeOf(PROBLEMS, 'A9.9'));
    assert.ok(first.resultId, 'a result id');
    // The same findings a push-only client gets for the same text.
    await pushOnly.open(target, PROBLEMS);
    const pushed = await pushOnly.waitForDiagnostics(target, (p) => p.version === 1);
    assert.deepEqual(first.items, pushed.diagnostics);
    // A client that pulls gets no push as well (it would show every finding twice).
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(client.published.get(target), undefined, 'nothing pushed to a pulling client');

    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: target },
      previousResultId: first.resultId,
    });
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    const line = rangeOf(PROBLEMS, 'A9.9');
    await client.change(target, 2, [{ range: line, text: 'A1.1' }]);
    const edited = full(
      await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri: target },
        previousResultId: first.resultId,
      }),
    );
    assert.notEqual(edited.resultId, first.resultId);
    assert.equal(edited.items.filter((d) => d.code === 'hkex/unknown-id').length, 0);
    // Undo: the same findings as at first, so the same result id.
    await client.change(target, 3, [
      {
        range: { start: line.start, end: { line: line.start.line, character: line.start.character + 4 } },
        text: 'A9.9',
      },
    ]);
    const undone = await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: target },
      previousResultId: first.resultId,
    });
    assert.deepEqual(undone, { kind: 'unchanged', resultId: first.resultId });
  });

  it('a document that is not open gets an empty report', async () => {
    const report = full(
      await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri: uri('sub/english.esg.md') },
      }),
    );
    assert.deepEqual(report.items, []);
  });

  it('workspace/diagnostic lists every report of the workspace, read through the gate; unchanged ones answer unchanged', async () => {
    const report: WorkspaceDiagnosticReport = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: [],
    });
    const byUri = new Map(report.items.map((i) => [i.uri, i]));
    // The open report (with its version), a closed one on disk in a subfolder, the files of a multi-file report.
    assert.equal(byUri.get(uri('problems.esg.md'))?.version, 3);
    const english = byUri.get(uri('sub/english.esg.md'));
    assert.ok(english && english.kind === 'full' && english.version === null, [...byUri.keys()].join('\n'));
    const unknown = english.items.find((d) => d.code === 'hkex/unknown-id');
    assert.ok(unknown, 'the closed report is checked');
    assert.match(String(unknown.message), /is not a requirement/, 'in its own language');
    assert.ok(byUri.has(uri('multi/report.esg.md')), 'the root of the multi-file report');
    for (const [u, item] of byUri) {
      if (!u.includes('/multi/')) continue;
      assert.equal(item.kind, 'full');
      if (item.kind === 'full')
        assert.ok(
          !item.items.some((d) => d.code === 'hkex/missing' && /B1\b/.test(String(d.message))),
          `${u}: a chapter is checked as part of its report`,
        );
    }
    // Not listed: node_modules, a plain Markdown file, a link leading outside the workspace.
    assert.ok(
      ![...byUri.keys()].some((u) => u.includes('node_modules') || u.endsWith('notes.md') || u.endsWith('link.esg.md')),
      [...byUri.keys()].join('\n'),
    );

    const previousResultIds = report.items
      .filter((i) => i.kind === 'full')
      .map((i) => ({ uri: i.uri, value: i.resultId! }));
    // One file changes on disk meanwhile: only it is sent in full again.
    writeFileSync(
      path.join(dir, 'sub', 'english.esg.md'),
      readFixture('problems.esg.md').replace('lang: zh-Hant', 'lang: en').replace('A9.9', 'A1.1'),
    );
    const second: WorkspaceDiagnosticReport = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds,
    });
    for (const item of second.items) {
      if (item.uri === uri('sub/english.esg.md')) {
        assert.equal(item.kind, 'full');
        if (item.kind === 'full')
          assert.equal(
            item.items.some((d) => d.code === 'hkex/unknown-id'),
            false,
          );
      } else {
        assert.equal(item.kind, 'unchanged', item.uri);
      }
    }
  });
});
