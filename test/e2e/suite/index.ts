// In-editor end-to-end test: runs inside a real VS Code extension host (code-server, or VS Code via
// @vscode/test-electron) with the extension loaded from the repository, against a scratch copy of
// test/e2e/workspace. Each check logs `E2E PASS name` or `E2E FAIL name: reason`; the runner counts them.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { EsgmarkApi } from '../../../client/src/extension';

const EXTENSION_ID = 'esgmark.esgmark';
const WAIT_MS = 30_000;
/** How long a check waits for a killed server to be restarted and running: generous, for a loaded machine. */
const RESTART_WAIT_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = WAIT_MS,
): Promise<T> {
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
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'esgmark' && (code === undefined || codeOf(d) === code));
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
  // One diagnostic may name several requirements of an aspect: the server's data lists them
  // (`data.ids`, kept by the language client on the diagnostic), the message names each 'B8.1（…）'.
  const ids = (d: vscode.Diagnostic): unknown => (d as vscode.Diagnostic & { data?: { ids?: unknown } }).data?.ids;
  return esgDiagnostics(uri, 'hkex/missing').find((d) => {
    const listed = ids(d);
    return Array.isArray(listed)
      ? listed.includes(id)
      : new RegExp(`(^|[：；;:] ?)${id.replace(/[.()]/g, '\\$&')}[（ ]`).test(d.message);
  });
}

/**
 * The esgmark language servers this extension host started: node processes running the extension's
 * dist/server.js whose parent is this process (the client forks the server from the extension host).
 */
function serverProcesses(extensionPath: string): number[] {
  const serverJs = join(extensionPath, 'dist', 'server.js');
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const line of table.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (m && Number(m[2]) === process.pid && m[3].includes(serverJs)) pids.push(Number(m[1]));
  }
  return pids;
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
    await waitFor(`diagnostics ${wanted.join(', ')}`, () =>
      wanted.every((code) => esgDiagnostics(reportUri, code).length > 0),
    );
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
    const catalog = JSON.parse(
      readFileSync(join(ext.extensionPath, 'server/src/engine/catalogs/data/hkex-esg-2025.json'), 'utf8'),
    ) as Catalog;
    const a11 = catalog.requirements.find((r) => r.id === 'A1.1')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      reportUri,
      positionOf(report, 'A1.1 A2"', 1),
    );
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes('A1.1'), `hover names A1.1: ${text}`);
    assert.ok(text.includes(a11.text['zh-Hant'].split('\n')[0]), `hover has the zh-Hant requirement text: ${text}`);
  });

  await check('completion inside hkex=" offers requirement ids', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      reportUri,
      positionOf(report, 'hkex="A1 A1.1', 'hkex="'.length),
    );
    const labels = new Set((list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    for (const id of ['A1.1', 'B6.1', 'D28(a)', 'MDR-boundary'])
      assert.ok(labels.has(id), `completion offers ${id} (got ${[...labels].slice(0, 20).join(' ')})`);
  });

  await check("quick fix 'add an explanation block', then a reason, removes the hkex/missing diagnostic", async () => {
    const diagnostic = missingFor(reportUri, 'B8.1');
    assert.ok(diagnostic, 'B8.1 is still missing before the fix');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      reportUri,
      diagnostic.range,
    );
    const explain = (actions ?? []).find(
      (a): a is vscode.CodeAction =>
        'edit' in a &&
        !!a.edit &&
        a.title.includes('B8.1') &&
        !a.title.includes(',') &&
        /explanation block|解釋區塊|解释区块/i.test(a.title),
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
    reason.replace(
      reportUri,
      new vscode.Range(fenceLine + 1, 0, closeLine, 0),
      '本集團未有設立社區投資的專注範疇，相關資料將於下一個報告年度披露。\n',
    );
    assert.ok(await vscode.workspace.applyEdit(reason), 'the reason is written');
    await waitFor('the hkex/missing diagnostic for B8.1 to go away', () => !missingFor(reportUri, 'B8.1'));
    const emptyAtB81 = esgDiagnostics(reportUri, 'hkex/empty-explanation').filter(
      (d) => d.range.start.line === lineOf(report, 'hkex="B8.1"'),
    );
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

  // --- Issue 4: the views of the report (status bar, coverage tree, KPI preview) and the authoring commands.
  const api = () => vscode.extensions.getExtension<EsgmarkApi>(EXTENSION_ID)!.exports;
  const modelOf = (uri: vscode.Uri) => api().store.model(uri.toString());

  await check('status bar item summarises the HKEX coverage of the active report', async () => {
    await vscode.window.showTextDocument(report);
    const model = await waitFor('the report model', () => modelOf(reportUri));
    const item = api().statusBar.item;
    const expected = `$(checklist) ${model.coverage.parts.map((p) => `${p.part} ${p.addressed}/${p.required}`).join(' · ')}`;
    await waitFor(`status bar text ${expected}`, () => item.text === expected);
    assert.match(item.text, /^\$\(checklist\) B \d+\/3 · C \d+\/4\d · D \d+\/2\d$/);
    assert.equal(item.command, 'esgmark.openCoverage');
    const missing = model.requirements.filter(
      (r) => r.status === 'missing' && (r.obligation === 'mandatory' || r.obligation === 'comply-or-explain'),
    ).length;
    assert.ok(missing > 10, `the fixture misses many requirements (${missing})`);
    assert.ok(
      String(item.tooltip).includes(String(missing)),
      `tooltip names the missing count: ${String(item.tooltip)}`,
    );
  });

  await check(
    'language status item: coverage, issuer profile, framework and the time of the last analysis',
    async () => {
      await vscode.window.showTextDocument(report);
      const model = await waitFor('the report model', () => modelOf(reportUri));
      const item = api().languageStatus.item;
      const expected = `$(checklist) ${model.coverage.parts.map((p) => `${p.part} ${p.addressed}/${p.required}`).join(' · ')}`;
      await waitFor(`language status text ${expected}`, () => item.text === expected && !item.busy);
      assert.deepEqual(item.selector, { language: 'esg-markdown' });
      assert.match(item.detail ?? '', /Main Board|主板/, `issuer class in ${item.detail}`);
      assert.match(item.detail ?? '', /2025/, `financial year in ${item.detail}`);
      assert.match(item.detail ?? '', /HKEX ESG Reporting Code|報告守則|报告守则/, `framework in ${item.detail}`);
      assert.match(item.detail ?? '', /\d{1,2}:\d{2}/, `time of the last analysis in ${item.detail}`);
      assert.equal((item.command as vscode.Command | undefined)?.command, 'esgmark.openCoverage');
    },
  );

  await check('coverage view: parts, aspects and requirements with their status', async () => {
    const coverage = api().coverage;
    await vscode.commands.executeCommand('esgmark.openCoverage');
    const roots = coverage.getChildren();
    assert.deepEqual(
      roots.map((n) => (n.kind === 'part' ? n.part : n.kind)),
      ['B', 'C', 'D'],
    );
    assert.equal(coverage.view.description, modelOf(reportUri)!.coverage.summary);
    // Part B's three requirements sit directly under the part; this fixture tags none of them.
    const partB = coverage.getChildren(roots[0]);
    const governance = partB.find((n) => n.kind === 'requirement' && n.requirement.id === 'MDR-governance');
    assert.ok(governance, `MDR-governance under Part B: ${partB.map((n) => n.kind).join(',')}`);
    const governanceItem = coverage.getTreeItem(governance);
    assert.equal(
      (governanceItem.iconPath as vscode.ThemeIcon).id,
      'error',
      'a missing mandatory requirement is an error',
    );
    // Part C: aspect A1 -> A1.1, disclosed in the section 環境管理.
    const a1 = coverage.getChildren(roots[1]).find((n) => n.kind === 'aspect' && n.aspect === 'A1');
    assert.ok(a1, 'aspect A1 under Part C');
    assert.match(String(coverage.getTreeItem(a1).description), /^\d+\/\d+$/);
    const a11 = coverage.getChildren(a1).find((n) => n.kind === 'requirement' && n.requirement.id === 'A1.1');
    assert.ok(a11, 'A1.1 under A1');
    const a11Item = coverage.getTreeItem(a11);
    assert.match(String(a11Item.label), /^A1\.1 /);
    assert.equal((a11Item.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.ok(
      String(a11Item.description).includes('環境管理'),
      `A1.1 shows where it is disclosed: ${String(a11Item.description)}`,
    );
    // In one language: the status is in the report's language (Traditional Chinese) like the section title.
    assert.match(String(a11Item.description), /^已披露 · 環境管理/, 'the status in the report language');
    assert.match(String(coverage.getTreeItem(roots[0]).label), /^B 部分/);
    const a13 = coverage.getChildren(a1).find((n) => n.kind === 'requirement' && n.requirement.id === 'A1.3');
    assert.ok(a13, 'A1.3 under A1');
    assert.equal(
      (coverage.getTreeItem(a13).iconPath as vscode.ThemeIcon).id,
      'warning',
      "a missing 'comply or explain' requirement is a warning",
    );
  });

  await check('coverage view: clicking a disclosed requirement reveals its section', async () => {
    const a11 = api().coverage.getTreeItem({
      kind: 'requirement',
      requirement: modelOf(reportUri)!.requirements.find((r) => r.id === 'A1.1')!,
    });
    assert.ok(a11.command, 'the row has a command');
    await vscode.window.showTextDocument(report, { selection: new vscode.Range(0, 0, 0, 0) });
    await vscode.commands.executeCommand(a11.command.command, ...(a11.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), reportUri.toString());
    assert.equal(editor.selection.start.line, lineOf(report, '## 環境管理'));
  });

  await check("coverage view: the 'only missing' and part filters", async () => {
    const coverage = api().coverage;
    try {
      await vscode.commands.executeCommand('esgmark.coverage.showOnlyMissing');
      const leaves = (nodes: ReturnType<typeof coverage.getChildren>): string[] =>
        nodes.flatMap((n) => (n.kind === 'requirement' ? [n.requirement.status] : leaves(coverage.getChildren(n))));
      const statuses = leaves(coverage.getChildren());
      assert.ok(statuses.length > 0);
      assert.ok(
        statuses.every((st) => st === 'missing' || st === 'deleted-claimed'),
        `only missing ones: ${[...new Set(statuses)].join(',')}`,
      );
      assert.match(String(coverage.view.message), /missing|缺漏/);
      await coverage.setFilters({ parts: ['D'] });
      assert.deepEqual(
        coverage.getChildren().map((n) => (n.kind === 'part' ? n.part : '?')),
        ['D'],
      );
    } finally {
      await vscode.commands.executeCommand('esgmark.coverage.clearFilters');
    }
    assert.equal(coverage.getChildren().length, 3);
    // Without filters the message is only the reporting context (financial year and the rule applied).
    assert.doesNotMatch(String(coverage.view.message), /missing|缺漏/);
    assert.match(String(coverage.view.message), /2025/);
  });

  await check(
    'coverage view: clicking a missing requirement offers its quick fixes and applies the chosen one',
    async () => {
      assert.ok(!/hkex="B7\.1"/.test(report.getText()), 'B7.1 is not addressed yet');
      const run = vscode.commands.executeCommand('esgmark.coverage.openRequirement', reportUri.toString(), 'B7.1');
      // The quick pick of fixes is open now; take the first one, as Enter would.
      await sleep(1500);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await run;
      // The server offers one fix for B7.1 (no section of B7 to tag): an explanation block with a placeholder.
      await waitFor('the explanation block for B7.1 in the document', () =>
        /\{\.explain hkex="B7\.1"\}/.test(report.getText()),
      );
      const fence = lineOf(report, 'hkex="B7.1"');
      assert.match(report.lineAt(fence + 1).text, /^<!--/, 'the block holds a placeholder comment');
      const reason = new vscode.WorkspaceEdit();
      reason.replace(reportUri, report.lineAt(fence + 1).range, '本集團於報告期內並無已審結的貪污訴訟案件。');
      assert.ok(await vscode.workspace.applyEdit(reason));
      await waitFor(
        'B7.1 to be explained in the coverage model',
        () => modelOf(reportUri)?.requirements.find((r) => r.id === 'B7.1')?.status === 'explained',
      );
      const item = api().coverage.getTreeItem({
        kind: 'requirement',
        requirement: modelOf(reportUri)!.requirements.find((r) => r.id === 'B7.1')!,
      });
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'info');
    },
  );

  await check('KPI preview opens beside the report and receives the report model', async () => {
    await vscode.window.showTextDocument(report);
    await vscode.commands.executeCommand('esgmark.openPreview');
    const tab = await waitFor('the preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('esgmark.preview')),
    );
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'beside the editor');
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      reportUri.toString(),
      'the report keeps the focus',
    );
    const preview = api().preview;
    await waitFor('the page to say ready', () => preview.pageReady);
    const posted = await waitFor('a model posted to the page', () => preview.lastPosted);
    assert.equal(posted.uri, reportUri.toString());
    const total = posted.kpiGroups.flatMap((g) => g.rows).find((r) => r.kpiId === 'ghg.total');
    assert.ok(total, 'the GHG total row');
    assert.deepEqual(
      total.values.map((v) => [v.period, v.raw, v.check]),
      [
        ['2024', '9,875.64', 'agrees'],
        ['2025', '9,700.00', 'disagrees'],
      ],
    );
  });

  await check('KPI preview follows edits: correcting Scope 1 makes the total agree', async () => {
    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(report, '| 120.4 |', 2);
    edit.replace(reportUri, new vscode.Range(at, at.translate(0, '120.4'.length)), '187.7');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const total = () =>
      api()
        .preview.lastPosted?.kpiGroups.flatMap((g) => g.rows)
        .find((r) => r.kpiId === 'ghg.total');
    await waitFor(
      'the 2025 total to agree in the posted model',
      () => total()?.values.find((v) => v.period === '2025')?.check === 'agrees',
    );
    assert.equal(api().preview.lastPosted?.ghg.find((g) => g.period === '2025')?.scope1, 187.7);
  });

  await check('Export KPIs writes the CSV the server produces', async () => {
    const target = vscode.Uri.joinPath(folder.uri, 'report-kpis.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri>('esgmark.exportKpis', { format: 'csv', target });
    assert.equal(written?.toString(), target.toString());
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.match(lines[0], /^aspect,kpi_id,/);
    assert.ok(
      lines.some((l) => l.startsWith('D,ghg.total,') && l.includes(',2025,') && l.includes('agrees')),
      `the GHG total 2025 row: ${lines.join(' / ')}`,
    );
  });

  await check('Insert KPI Table for an Aspect inserts the table in the report language', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const kpis = JSON.parse(
      readFileSync(join(ext.extensionPath, 'server/src/engine/catalogs/data/kpis.json'), 'utf8'),
    ) as { kpis: { id: string; names: Record<string, string> }[] };
    const name = kpis.kpis.find((k) => k.id === 'employees.total')!.names['zh-Hant'];
    const editor = await vscode.window.showTextDocument(report);
    const end = report.lineAt(report.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.ok(await vscode.commands.executeCommand('esgmark.insertKpiTable', 'B1'), 'the snippet was inserted');
    await vscode.commands.executeCommand('leaveSnippet');
    assert.ok(report.getText().includes(`[${name}]{#employees.total}`), `the zh-Hant row ${name}`);
    assert.ok(report.getText().includes('{#turnover.rate.gender.female}'), 'the turnover rows');
    // A row discloses once it has figures: fill in the headcount, as the writer would at the tab stops.
    const row = report.lineAt(lineOf(report, '{#employees.total}'));
    assert.match(
      row.text,
      /^\| \[.+\]\{#employees\.total\} \| 人 \|\s+\|\s+\|$/,
      `an empty row with the unit: ${row.text}`,
    );
    const fill = new vscode.WorkspaceEdit();
    fill.replace(reportUri, row.range, row.text.replace(/\|\s+\|\s+\|$/, '| 1,204 | 1,287 |'));
    assert.ok(await vscode.workspace.applyEdit(fill));
    await waitFor(
      'B1.1 to count as disclosed',
      () => modelOf(reportUri)?.requirements.find((r) => r.id === 'B1.1')?.status === 'disclosed',
    );
    const headcount = await waitFor('the headcount in the preview', () =>
      api()
        .preview.lastPosted?.kpiGroups.flatMap((g) => g.rows)
        .find((r) => r.kpiId === 'employees.total'),
    );
    assert.deepEqual(
      headcount.values.map((v) => v.value),
      [1204, 1287],
    );
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

  // --- Issue 12, cross-report checks: the two quick fixes, on a copy of examples/cross-report in the workspace.
  const crossFolder = vscode.Uri.joinPath(folder.uri, 'cross-report');
  const crossUri = (relative: string) => vscode.Uri.joinPath(crossFolder, relative);
  const lineWith = (document: vscode.TextDocument, needle: string) => document.lineAt(lineOf(document, needle)).text;
  /** The quick fix of that title on the diagnostic, applied. */
  const applyFix = async (uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: (t: string) => boolean) => {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
    );
    const fix = (actions ?? []).find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && title(a.title));
    assert.ok(fix, `the quick fix among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
  };

  await check("quick fix 'Use … from the other version' copies the figure across language versions", async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    cpSync(join(ext.extensionPath, 'examples', 'cross-report'), crossFolder.fsPath, { recursive: true });
    const en = await vscode.workspace.openTextDocument(crossUri('2025/report.en.esg.md'));
    const zh = await vscode.workspace.openTextDocument(crossUri('2025/report.zh-hant.esg.md'));
    await vscode.window.showTextDocument(en);
    // The pair agrees (examples/cross-report is clean); then a figure is corrected in the Chinese version only.
    const zhLine = lineOf(zh, '| 無害廢棄物 | 噸 | 38.4 | 41.0 |');
    const drift = new vscode.WorkspaceEdit();
    drift.replace(zh.uri, zh.lineAt(zhLine).range, '| 無害廢棄物 | 噸 | 34.8 | 41.0 |');
    assert.ok(await vscode.workspace.applyEdit(drift));
    const mismatch = await waitFor(
      'xreport/translation-mismatch in the English version',
      () => esgDiagnostics(en.uri, 'xreport/translation-mismatch').find((d) => en.getText(d.range).startsWith('38.4')),
      RESTART_WAIT_MS,
    );
    await applyFix(en.uri, mismatch, (t) => t.startsWith('Use 34.8'));
    assert.equal(lineWith(en, '| Non-hazardous waste |'), '| Non-hazardous waste | t | 34.8 | 41.0 |');
    await waitFor(
      'the mismatch to go in both versions',
      () =>
        esgDiagnostics(en.uri, 'xreport/translation-mismatch').length === 0 &&
        esgDiagnostics(zh.uri, 'xreport/translation-mismatch').length === 0,
    );
  });

  await check("quick fix 'Mark the row as restated' writes the marker on the row's label", async () => {
    const uri = crossUri('planted/restated-unmarked.en.esg.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const restated = await waitFor(
      'xreport/restated on the unmarked prior-year figure',
      () => esgDiagnostics(uri, 'xreport/restated').find((d) => document.getText(d.range).startsWith('39.6')),
      RESTART_WAIT_MS,
    );
    await applyFix(uri, restated, (t) => t === 'Mark the row as restated');
    assert.equal(
      lineWith(document, '| t | 38.4 | 39.6 |'),
      '| [Non-hazardous waste]{restated="reason"} | t | 38.4 | 39.6 |',
    );
    await waitFor('the restatement to be no longer unmarked', () =>
      esgDiagnostics(uri, 'xreport/restated').every((d) => !/not marked/.test(d.message)),
    );
  });

  // --- Issue 5, robustness. Last, because they kill the language server; they leave the report as they found it
  // and the server running.
  await check('a killed language server is restarted, the output says so, and edits are checked again', async () => {
    const ext = vscode.extensions.getExtension<EsgmarkApi>(EXTENSION_ID)!;
    await vscode.window.showTextDocument(report);
    const [oldPid, ...others] = await waitFor('the running language server process', () => {
      const pids = serverProcesses(ext.extensionPath);
      return pids.length > 0 ? pids : undefined;
    });
    assert.deepEqual(others, [], 'one server for this window');
    // The `esgmark` LogOutputChannel writes to <logUri>/esgmark.log; only what follows the kill counts.
    const logFile = join(api().logUri.fsPath, 'esgmark.log');
    const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    const logBefore = readLog().length;

    process.kill(oldPid, 'SIGKILL');
    const newPid = await waitFor(
      'the client running a new language server',
      () => {
        const { state, pid } = api().server();
        return state === 'running' && pid !== undefined && pid !== oldPid ? pid : undefined;
      },
      RESTART_WAIT_MS,
    );
    assert.ok(!serverProcesses(ext.extensionPath).includes(oldPid), 'the killed server is gone');
    const logged = await waitFor(
      'the crash and the restart in the esgmark output',
      () => {
        const text = readLog().slice(logBefore);
        return /language server running again after restart/.test(text) ? text : undefined;
      },
      RESTART_WAIT_MS,
    );
    assert.match(
      logged,
      /esgmark language server stopped unexpectedly \(signal SIGKILL; crash 1 of 5 in 3 minutes\); restarting/,
    );
    assert.match(logged, new RegExp(`language server running again after restart \\(pid ${newPid}\\)`));

    // The new server checks edits made now: tagging A1.3 and mistyping A9.9 as A9.8 on the GHG heading
    // adds an unknown-id diagnostic, removes A1.3's missing one, and reaches the views through the store.
    const heading = lineOf(report, '{#ghg hkex="A9.9 A1.2"}');
    const original = report.lineAt(heading).text;
    const edited = original.replace('hkex="A9.9 A1.2"', 'hkex="A9.8 A1.2 A1.3"');
    const setHeading = async (text: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(reportUri, report.lineAt(heading).range, text);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    const unknownA98 = () =>
      esgDiagnostics(reportUri, 'hkex/unknown-id').find((d) => report.getText(d.range) === 'A9.8');
    try {
      await setHeading(edited);
      await waitFor('the hkex/unknown-id diagnostic for A9.8 from the new server', () => unknownA98());
      await waitFor('A1.3 to be no longer missing', () => !missingFor(reportUri, 'A1.3'));
      const model = await waitFor('the report model to show A1.3 tagged', () => {
        const m = modelOf(reportUri);
        return m && m.requirements.find((r) => r.id === 'A1.3')?.status !== 'missing' ? m : undefined;
      });
      const expected = `$(checklist) ${model.coverage.parts.map((p) => `${p.part} ${p.addressed}/${p.required}`).join(' · ')}`;
      await waitFor(`status bar text ${expected}`, () => api().statusBar.item.text === expected);
    } finally {
      await setHeading(original);
    }
    await waitFor(
      'the report to be checked as before the edit',
      () => !unknownA98() && !!missingFor(reportUri, 'A1.3') && esgDiagnostics(reportUri, 'hkex/unknown-id').length > 0,
    );
  });

  await check('after 5 crashes within 3 minutes the server stays stopped, until the restart command', async () => {
    const ext = vscode.extensions.getExtension<EsgmarkApi>(EXTENSION_ID)!;
    const servers = () => serverProcesses(ext.extensionPath);
    const logFile = join(api().logUri.fsPath, 'esgmark.log');
    const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    /**
     * The pid of the server the client runs (it answered `initialize`), once it is none of `old` and is
     * the only server process. Polls the client's real state, with a generous limit: under load a
     * restart can take far longer than usual, and a server killed before it runs is a failed start,
     * not a crash.
     */
    const running = (what: string, ...old: number[]) =>
      waitFor(
        what,
        () => {
          const { state, pid } = api().server();
          if (state !== 'running' || pid === undefined || old.includes(pid)) return undefined;
          const now = servers();
          return now.length === 1 && now[0] === pid ? pid : undefined;
        },
        RESTART_WAIT_MS,
      );
    // The restart command clears the crash count (the check above crashed the server once).
    const beforeRestart = servers();
    await vscode.commands.executeCommand('esgmark.restartServer');
    let pid = await running('the client running a new server after the restart command', ...beforeRestart);
    const logStart = readLog().length;
    for (let crash = 1; crash <= 4; crash++) {
      process.kill(pid, 'SIGKILL');
      const killed = pid;
      pid = await running(`the client running a new server after crash ${crash}`, killed);
      await waitFor(
        `crash ${crash} and the restart in the output`,
        () =>
          readLog().slice(logStart).includes(`crash ${crash} of 5 in 3 minutes); restarting`) &&
          readLog().slice(logStart).includes(`running again after restart (pid ${pid})`),
        RESTART_WAIT_MS,
      );
      // The restarted server has checked the report again before it is killed next.
      await waitFor(
        `diagnostics from the server after crash ${crash}`,
        () => esgDiagnostics(reportUri, 'hkex/unknown-id').length > 0,
        RESTART_WAIT_MS,
      );
    }
    process.kill(pid, 'SIGKILL');
    await waitFor(
      'the 5th crash, not restarted, in the output',
      () =>
        /stopped unexpectedly \(signal SIGKILL; crash 5 of 5 in 3 minutes\); not restarting it again: run "esgmark: Restart Language Server"/.test(
          readLog().slice(logStart),
        ),
      RESTART_WAIT_MS,
    );
    await waitFor('the client to have stopped', () => api().server().state === 'stopped', RESTART_WAIT_MS);
    await sleep(2000);
    assert.deepEqual(servers(), [], 'no server is started after the 5th crash');
    assert.equal(api().server().state, 'stopped', 'and the client stays stopped');
    // The client dropped the dead server's diagnostics; the restart command brings the server and them back.
    assert.equal(esgDiagnostics(reportUri).length, 0, 'no diagnostics while the server is stopped');
    await vscode.commands.executeCommand('esgmark.restartServer');
    await running('the client running a server after the restart command', pid);
    await waitFor(
      'diagnostics from the restarted server',
      () => esgDiagnostics(reportUri, 'hkex/unknown-id').length > 0,
      RESTART_WAIT_MS,
    );
  });

  const failed = results.filter((r) => r.error !== undefined).length;
  console.log(`E2E SUMMARY ${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} end-to-end check(s) failed`);
}
