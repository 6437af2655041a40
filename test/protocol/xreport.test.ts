// Cross-report checks over LSP (stdio): the server loads the linked reports through the gate, publishes
// xreport/ diagnostics, offers the quick fix that marks a restatement, re-checks a report when a version
// it links is edited or changes on disk, and shows the other version's and last year's figure on hover.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  WorkspaceDiagnosticRequest,
  type CodeAction,
  type FullDocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { lspRequest } from '../helpers/protocol';
import { ReportRequest as Report } from '../../server/src/protocol';
import { REPO_ROOT } from '../helpers/paths';
import { positionIn } from '../helpers/text';

const ReportRequest = lspRequest(Report);

describe('cross-report checks over LSP', () => {
  let client: LspTestClient;
  let dir: string;
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  const read = (relative: string) => readFileSync(path.join(dir, relative), 'utf8');

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'esgmark-xreport-lsp-'));
    cpSync(path.join(REPO_ROOT, 'examples', 'cross-report'), dir, { recursive: true });
    client = await LspTestClient.start({
      settings: { debounceMs: 0 },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'reports' }],
    });
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("publishes xreport/restated at the cell, with last year's cell as related information, and fixes it with the marker", async () => {
    const file = 'planted/restated-unmarked.en.esg.md';
    const text = read(file);
    await client.open(uri(file), text);
    const published = await client.waitForDiagnostics(uri(file), (p) =>
      p.diagnostics.some((d) => d.code === 'xreport/restated'),
    );
    const found = published.diagnostics.filter((d) => d.code === 'xreport/restated');
    assert.equal(found.length, 1);
    const d = found[0];
    assert.deepEqual(d.range.start, positionIn(text, '38.4 | 39.6', 7));
    assert.equal(d.relatedInformation?.[0].location.uri, uri('2024/report.en.esg.md'));
    assert.deepEqual(
      d.relatedInformation?.[0].location.range.start,
      positionIn(read('2024/report.en.esg.md'), '41.0 | 43.5', 0),
    );
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri(file) },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const mark = actions.find((a) => a.title === 'Mark the row as restated');
    assert.ok(mark, JSON.stringify(actions.map((a) => a.title)));
    const edits = mark.edit?.changes?.[uri(file)];
    assert.deepEqual(
      edits?.map((e) => e.newText),
      ['[Non-hazardous waste]{restated="reason"}'],
    );
    assert.deepEqual(edits?.[0].range.start, positionIn(text, 'Non-hazardous waste | t | 38.4 | 39.6', 0));
  });

  it("re-checks a version when the other is edited, hovers the other version's figure, and copies it across", async () => {
    const en = '2025/report.en.esg.md';
    const zh = '2025/report.zh-hant.esg.md';
    const enText = read(en);
    const zhText = read(zh);
    await client.open(uri(en), enText);
    await client.waitForDiagnostics(uri(en), (p) => !p.diagnostics.some((d) => String(d.code).startsWith('xreport/')));
    await client.open(uri(zh), zhText);
    const start = positionIn(zhText, '38.4 | 41.0', 0);
    await client.change(uri(zh), 2, [
      { range: { start, end: { line: start.line, character: start.character + 4 } }, text: '34.8' },
    ]);
    const published = await client.waitForDiagnostics(uri(en), (p) =>
      p.diagnostics.some((d) => d.code === 'xreport/translation-mismatch'),
    );
    const d = published.diagnostics.find((x) => x.code === 'xreport/translation-mismatch')!;
    assert.deepEqual(d.range.start, positionIn(enText, '38.4 | 41.0', 0));
    assert.equal(d.relatedInformation?.[0].location.uri, uri(zh));
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uri(en) },
      position: positionIn(enText, '38.4 | 41.0', 1),
    });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /Traditional Chinese version: 34\.8 噸 \(differs\)/);
    const copy = (
      (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: uri(en) },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[]
    ).find((a) => a.title.startsWith('Use 34.8'));
    assert.ok(copy);
    assert.deepEqual(
      copy.edit?.changes?.[uri(en)]?.map((e) => e.newText),
      ['34.8'],
    );
    // Hover on a prior-year figure shows last year's report too.
    const prior = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uri(en) },
      position: positionIn(enText, '41.0 |', 1),
    });
    assert.match((prior!.contents as MarkupContent).value, /Last year's report: 41\.0 t \(agrees\)/);
  });

  it("the report model carries last year's figures of its KPIs, with the verdict, for the preview's column", async () => {
    const file = 'planted/restated-unmarked.en.esg.md';
    const text = read(file);
    await client.open(uri(file), text);
    await client.waitForDiagnostics(uri(file), (p) => p.diagnostics.some((d) => d.code === 'xreport/restated'));
    const model = await client.connection.sendRequest(ReportRequest, { uri: uri(file) });
    assert.ok(model);
    assert.deepEqual(
      model.linked?.map((l) => [l.kind, l.path, l.uri, l.language]),
      [['previous', '../2024/report.en.esg.md', uri('2024/report.en.esg.md'), 'English']],
    );
    const row = model.kpiGroups.flatMap((g) => g.rows).find((r) => r.label === 'Non-hazardous waste')!;
    const [current, prior] = row.values;
    const figures = model.linked![0].figures;
    // Last year's report has no figure for this year; for last year it printed 41.0, here 39.6 (unmarked).
    assert.equal(figures[`${row.kpiId}@${current.period}`], undefined);
    const last = figures[`${row.kpiId}@${prior.period}`];
    assert.deepEqual([last.raw, last.verdict, last.uri], ['41.0 t', 'different', uri('2024/report.en.esg.md')]);
    assert.deepEqual(last.range.start, positionIn(read('2024/report.en.esg.md'), '41.0 | 43.5', 0));
    const electricity = model.kpiGroups.flatMap((g) => g.rows).find((r) => r.label === 'Electricity consumption')!;
    assert.equal(figures[`${electricity.kpiId}@${prior.period}`]?.verdict, 'same');
  });

  it("re-checks a report when last year's report changes on disk (didChangeWatchedFiles)", async () => {
    const file = 'planted/restated-marked.en.esg.md';
    await client.open(uri(file), read(file));
    await client.waitForDiagnostics(
      uri(file),
      (p) => !p.diagnostics.some((d) => String(d.code).startsWith('xreport/')),
    );
    // Last year's report now says 39.6 too: the marked restatement restates nothing.
    const previous = path.join(dir, '2024', 'report.en.esg.md');
    writeFileSync(
      previous,
      readFileSync(previous, 'utf8').replace(
        '| Non-hazardous waste | t | 41.0 | 43.5 |',
        '| Non-hazardous waste | t | 39.6 | 43.5 |',
      ),
    );
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri('2024/report.en.esg.md'), type: FileChangeType.Changed }],
    });
    const published = await client.waitForDiagnostics(uri(file), (p) =>
      p.diagnostics.some((d) => d.code === 'xreport/restated'),
    );
    assert.match(
      published.diagnostics.find((d) => d.code === 'xreport/restated')!.message as string,
      /marked as restated, but its 2024 figures equal/,
    );
  });
});

describe('cross-report checks in pull diagnostics', () => {
  let client: LspTestClient;
  let dir: string;
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  const read = (relative: string) => readFileSync(path.join(dir, relative), 'utf8');
  const rules = (items: readonly { code?: number | string }[] | undefined) => (items ?? []).map((d) => String(d.code));
  const workspaceItems = async () => {
    const report: WorkspaceDiagnosticReport = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: [],
    });
    return new Map(
      report.items.map((item) => [item.uri, item.kind === 'full' ? (item as FullDocumentDiagnosticReport).items : []]),
    );
  };
  const documentItems = async (relative: string) => {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: uri(relative) },
    });
    assert.equal(report.kind, 'full');
    return (report as FullDocumentDiagnosticReport).items;
  };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'esgmark-xreport-pull-'));
    cpSync(path.join(REPO_ROOT, 'examples', 'cross-report'), dir, { recursive: true });
    // The planted restatement, silenced by a comment above its table.
    writeFileSync(
      path.join(dir, 'planted', 'restated-suppressed.en.esg.md'),
      read('planted/restated-unmarked.en.esg.md').replace(
        '\n| Indicator | Unit | FY2025 | FY2024 |',
        '\n<!-- esgmark-disable-next-line xreport/restated -- restated in the 2025 annual report, note 3 -->\n| Indicator | Unit | FY2025 | FY2024 |',
      ),
    );
    client = await LspTestClient.start({
      settings: { debounceMs: 0 },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'reports' }],
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: true } },
        workspace: { diagnostics: { refreshSupport: true } },
      },
    });
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('workspace/diagnostic includes the cross-report findings of closed reports, less the suppressed ones', async () => {
    const items = await workspaceItems();
    const unmarked = items.get(uri('planted/restated-unmarked.en.esg.md'));
    assert.deepEqual(
      rules(unmarked).filter((r) => r.startsWith('xreport/')),
      ['xreport/restated'],
    );
    const d = unmarked!.find((x) => x.code === 'xreport/restated')!;
    assert.deepEqual(d.range.start, positionIn(read('planted/restated-unmarked.en.esg.md'), '38.4 | 39.6', 7));
    assert.equal(d.relatedInformation?.[0].location.uri, uri('2024/report.en.esg.md'));
    assert.deepEqual(
      rules(items.get(uri('planted/drift-value.en.esg.md'))).filter((r) => r.startsWith('xreport/')),
      ['xreport/translation-mismatch'],
    );
    // Silenced, and the comment is not said to silence nothing.
    const suppressed = rules(items.get(uri('planted/restated-suppressed.en.esg.md')));
    assert.ok(!suppressed.some((r) => r === 'xreport/restated' || r === 'esg/suppression'));
    assert.ok(items.has(uri('planted/restated-suppressed.en.esg.md')));
  });

  it("asks the client to pull again when last year's report changes on disk, and the pulls follow it", async () => {
    const file = 'planted/restated-marked.en.esg.md';
    await client.open(uri(file), read(file));
    assert.deepEqual(
      rules(await documentItems(file)).filter((r) => r.startsWith('xreport/')),
      [],
    );
    // Last year's report now says 39.6: the marked restatement restates nothing, the unmarked one is no restatement.
    const previous = path.join(dir, '2024', 'report.en.esg.md');
    writeFileSync(
      previous,
      readFileSync(previous, 'utf8').replace(
        '| Non-hazardous waste | t | 41.0 | 43.5 |',
        '| Non-hazardous waste | t | 39.6 | 43.5 |',
      ),
    );
    const before = client.diagnosticRefreshes;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri('2024/report.en.esg.md'), type: FileChangeType.Changed }],
    });
    const deadline = Date.now() + 20_000;
    while (client.diagnosticRefreshes === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(client.diagnosticRefreshes, before + 1, 'one refresh for the change');
    const open = await documentItems(file);
    assert.deepEqual(
      rules(open).filter((r) => r.startsWith('xreport/')),
      ['xreport/restated'],
    );
    assert.match(
      String(open.find((d) => d.code === 'xreport/restated')!.message),
      /marked as restated, but its 2024 figures equal/,
    );
    const items = await workspaceItems();
    assert.deepEqual(
      rules(items.get(uri('planted/restated-unmarked.en.esg.md'))).filter((r) => r.startsWith('xreport/')),
      [],
    );
    // A push-only server is not asked anything: the open report was published again instead (other describe).
    assert.equal(client.published.get(uri(file)), undefined, 'a pull client gets no publication of its own');
  });
});
