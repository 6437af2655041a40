// In-editor end-to-end test: runs inside a real VS Code extension host (code-server, or VS Code via
// @vscode/test-electron) with the extension loaded from the repository, against a scratch copy of
// test/e2e/workspace. Each check logs `E2E PASS name` or `E2E FAIL name: reason`; the runner counts them.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'esgmark.esgmark';
const WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

function esgDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'esgmark' && (code === undefined || codeOf(d) === code));
}

/** Zero-based line of the first line containing `needle`. */
function lineOf(document: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(needle)) return i;
  throw new Error(`fixture has no line containing ${needle}`);
}

function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  if (at < 0) throw new Error(`fixture has no ${needle}`);
  return document.positionAt(at + offsetInNeedle);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function missingFor(uri: vscode.Uri, id: string): vscode.Diagnostic | undefined {
  // The message starts with the id: 'B8.1（…）對主板發行人…'.
  return esgDiagnostics(uri, 'hkex/missing').find((d) => d.message.startsWith(`${id}（`) || d.message.startsWith(`${id} (`));
}

interface Catalog {
  requirements: { id: string; text: Record<string, string> }[];
}

export async function run(): Promise<void> {
  const results: { name: string; error?: unknown }[] = [];
  const check = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
      results.push({ name });
      console.log(`E2E PASS ${name}`);
    } catch (error) {
      results.push({ name, error });
      console.log(`E2E FAIL ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e test needs the fixture workspace opened as a folder');
  const reportUri = vscode.Uri.joinPath(folder.uri, 'report.esg.md');
  const plainUri = vscode.Uri.joinPath(folder.uri, 'plain.md');
  const notesUri = vscode.Uri.joinPath(folder.uri, 'notes.md');
  let report!: vscode.TextDocument;

  await check('extension is installed and opens *.esg.md as esg-markdown', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    report = await vscode.workspace.openTextDocument(reportUri);
    await vscode.window.showTextDocument(report);
    assert.equal(report.languageId, 'esg-markdown');
    await waitFor('extension activation', () => extension.isActive);
  });

  await check('diagnostics: unknown id, deleted id, empty explanation, missing requirements', async () => {
    const wanted = ['hkex/unknown-id', 'hkex/deleted', 'hkex/empty-explanation', 'hkex/missing'];
    await waitFor(`diagnostics ${wanted.join(', ')}`, () => wanted.every((code) => esgDiagnostics(reportUri, code).length > 0));
    const [unknown] = esgDiagnostics(reportUri, 'hkex/unknown-id');
    assert.equal(unknown.range.start.line, lineOf(report, 'A9.9'));
    assert.equal(report.getText(unknown.range), 'A9.9');
    const [deleted] = esgDiagnostics(reportUri, 'hkex/deleted');
    assert.equal(deleted.range.start.line, lineOf(report, 'A9.9 A1.2'));
    assert.equal(report.getText(deleted.range), 'A1.2');
    const [empty] = esgDiagnostics(reportUri, 'hkex/empty-explanation');
    assert.equal(empty.range.start.line, lineOf(report, '::: {.explain'));
    // A requirement of an aspect the report has a section for is shown at that section's heading;
    // one of an aspect without a section at the front matter.
    const a13 = missingFor(reportUri, 'A1.3');
    assert.ok(a13, 'A1.3 is reported missing');
    assert.equal(a13.range.start.line, lineOf(report, '## 環境管理'));
    const b81 = missingFor(reportUri, 'B8.1');
    assert.ok(b81, 'B8.1 is reported missing');
    assert.equal(b81.range.start.line, 0);
    assert.ok(!missingFor(reportUri, 'A1.1'), 'A1.1 is tagged, so not missing');
  });

  await check('hover on an id inside hkex="…" shows the requirement text', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const catalog = JSON.parse(readFileSync(join(ext.extensionPath, 'server/src/engine/catalogs/data/hkex-esg-2025.json'), 'utf8')) as Catalog;
    const a11 = catalog.requirements.find((r) => r.id === 'A1.1')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', reportUri, positionOf(report, 'A1.1 A2"', 1));
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes('A1.1'), `hover names A1.1: ${text}`);
    assert.ok(text.includes(a11.text['zh-Hant'].split('\n')[0]), `hover has the zh-Hant requirement text: ${text}`);
  });

  await check('completion inside hkex=" offers requirement ids', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', reportUri, positionOf(report, 'hkex="A1 A1.1', 'hkex="'.length));
    const labels = new Set((list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    for (const id of ['A1.1', 'B6.1', 'D28(a)', 'MDR-boundary']) assert.ok(labels.has(id), `completion offers ${id} (got ${[...labels].slice(0, 20).join(' ')})`);
  });

  await check("quick fix 'add an explanation block', then a reason, removes the hkex/missing diagnostic", async () => {
    const diagnostic = missingFor(reportUri, 'B8.1');
    assert.ok(diagnostic, 'B8.1 is still missing before the fix');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', reportUri, diagnostic.range);
    const explain = (actions ?? []).find(
      (a): a is vscode.CodeAction => 'edit' in a && !!a.edit && a.title.includes('B8.1') && /explanation block|解釋區塊|解释区块/i.test(a.title),
    );
    assert.ok(explain, `an explanation action for B8.1 among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(explain.edit!), 'the edit applies');
    assert.match(report.getText(), /\{\.explain hkex="B8\.1"\}/);
    // The block the fix inserts holds only a placeholder comment: the server sees it (an empty
    // explanation) and the diagnostic goes once the writer gives the reason.
    const fenceLine = lineOf(report, 'hkex="B8.1"');
    let closeLine = fenceLine + 1;
    while (closeLine < report.lineCount && !/^:{3,}\s*$/.test(report.lineAt(closeLine).text)) closeLine++;
    assert.ok(closeLine < report.lineCount, 'the inserted block is closed');
    const reason = new vscode.WorkspaceEdit();
    reason.replace(reportUri, new vscode.Range(fenceLine + 1, 0, closeLine, 0), '本集團未有設立社區投資的專注範疇，相關資料將於下一個報告年度披露。\n');
    assert.ok(await vscode.workspace.applyEdit(reason), 'the reason is written');
    await waitFor('the hkex/missing diagnostic for B8.1 to go away', () => !missingFor(reportUri, 'B8.1'));
    const emptyAtB81 = esgDiagnostics(reportUri, 'hkex/empty-explanation').filter((d) => d.range.start.line === lineOf(report, 'hkex="B8.1"'));
    assert.equal(emptyAtB81.length, 0, 'the explanation is not empty');
    assert.ok(missingFor(reportUri, 'B8.2'), 'other missing requirements are still reported');
  });

  await check('command esgmark.generateIndexTable inserts the index table', async () => {
    await vscode.window.showTextDocument(report);
    assert.ok(!/\.hkex-index/.test(report.getText()), 'the fixture starts without an index table');
    await vscode.commands.executeCommand('esgmark.generateIndexTable');
    await waitFor('the index table in the document', () => /\.hkex-index/.test(report.getText()));
    const text = report.getText();
    assert.match(text, /^#{1,6} .*\{[^}]*\.hkex-index[^}]*\}\s*$/m, 'a heading with class .hkex-index');
    assert.match(text, /^\|.*A1\.1.*\|\s*$/m, 'a table row for A1.1');
    assert.match(text, /^\|\s*:?-{3,}/m, 'a pipe table delimiter row');
    await waitFor('hkex/index-absent to be gone', () => esgDiagnostics(reportUri, 'hkex/index-absent').length === 0);
  });

  await check('a Markdown file with esg: front matter is switched to esg-markdown', async () => {
    const plain = await vscode.workspace.openTextDocument(plainUri);
    await vscode.window.showTextDocument(plain);
    const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === plainUri.toString());
    await waitFor('plain.md to become esg-markdown', () => current()?.languageId === 'esg-markdown');
    await waitFor('plain.md to be checked', () => esgDiagnostics(plainUri).length > 0);
  });

  await check('a Markdown file without esg: stays Markdown', async () => {
    const notes = await vscode.workspace.openTextDocument(notesUri);
    await vscode.window.showTextDocument(notes);
    await sleep(1500);
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === notesUri.toString());
    assert.equal(current?.languageId, 'markdown');
    assert.equal(esgDiagnostics(notesUri).length, 0);
  });

  const failed = results.filter((r) => r.error !== undefined).length;
  console.log(`E2E SUMMARY ${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} end-to-end check(s) failed`);
}
