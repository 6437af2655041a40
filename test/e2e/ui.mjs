#!/usr/bin/env node
// Playwright UI checks in a real VS Code workbench (code-server) with the extension loaded from the
// repository, driven the way a person works: open the fixture report and see the Problems panel fill,
// apply a quick fix from the light bulb (Ctrl+. then Enter), insert the index table by its snippet
// prefix, run 'esgmark: Open KPI Preview' from the Command Palette and read a KPI and its check status
// inside the webview, click a figure and see the editor's cursor move, read the HKEX Coverage view and
// the status bar item, and switch to a dark theme. Screenshots go to test-artifacts/vscode-*.png.
// Used by run-vscode.mjs; can also run alone:
//   node test/e2e/ui.mjs [--vsix dist/esgmark.vsix] [--update-docs-images]
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LIGHT_THEME = 'Default Light Modern';
const DARK_THEME = 'Default Dark Modern';

/** One-based line of the first line of `file` containing `needle`. */
function lineNumberOf(file, needle) {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${file} has no line containing ${needle}`);
  return index + 1;
}

/** Zero-based column of `needle` on the 1-based `line` of `file` (UTF-16 units, as the editor counts). */
function columnOf(file, line, needle) {
  const column = readFileSync(file, 'utf8').split('\n')[line - 1]?.indexOf(needle) ?? -1;
  if (column < 0) throw new Error(`${file}:${line} has no ${needle}`);
  return column;
}

async function startSession(host, { repo, folder, vsix, settings }) {
  // A fresh copy: the in-editor suite may have run on `folder` already, and this run edits the report.
  const scratch = mkdtempSync(join(tmpdir(), 'esgmark-ui-'));
  const workspace = join(scratch, 'workspace');
  cpSync(folder, workspace, { recursive: true });
  // The smoke-test driver lets the workbench URL load the extension under development.
  const server = vsix ? await host.startCodeServer({ vsix: [vsix], settings }) : await host.startCodeServer({ smokeTestDriver: true, settings });
  const browser = await host.launchBrowser();
  const url = host.workbenchUrl(server, vsix ? { folder: workspace } : { folder: workspace, extensionDevelopmentPath: repo });
  const page = await host.openWorkbench(browser, url, { viewport: { width: 1500, height: 940 } });
  const close = async () => {
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  };
  return { server, browser, page, workspace, close };
}

async function esgRowsInProblems(host, page) {
  // The row shows `esgmark(hkex/missing)`; the parentheses may be CSS, so they are optional here.
  const rows = await host.problems(page, { waitFor: /hkex\//, timeout: 60000 });
  const esgRows = rows.filter((r) => /esgmark\W*hkex\/[a-z-]+/.test(r));
  assert.ok(esgRows.length > 0, `Problems panel rows: ${rows.join(' / ')}`);
  assert.ok(rows.some((r) => /\[Ln \d+, Col \d+\]/.test(r)), 'rows carry positions');
  return esgRows;
}

/** The Problems panel check alone; with `vsix`, against the packaged extension. */
export async function runProblemsPanelCheck({ hostModule, repo = REPO, folder, screenshot, vsix }) {
  const host = await import(pathToFileURL(hostModule).href);
  const session = await startSession(host, { repo, folder, vsix });
  const { page } = session;
  try {
    await host.openFile(page, 'report.esg.md');
    await page.locator('.statusbar', { hasText: 'ESG Markdown' }).waitFor({ timeout: 30000 });
    const esgRows = await esgRowsInProblems(host, page);
    console.log(`Problems panel: ${esgRows.length} esgmark rows visible, e.g. ${esgRows[0]}`);
    await page.locator('.markers-panel .monaco-list-row', { hasText: /hkex\/unknown-id/ }).first().click();
    await page.waitForTimeout(1000);
    if (screenshot) {
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
    return esgRows;
  } catch (error) {
    if (screenshot) await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png') }).catch(() => {});
    throw error;
  } finally {
    await session.close();
  }
}

/** The line and column VS Code shows in the status bar ('Ln 23, Col 3'). */
async function cursorPosition(page) {
  const text = await page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText();
  const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), selected: m[3] ? Number(m[3]) : 0 } : undefined;
}

async function goToLine(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`); // the ':' prefix is the 'go to line' mode of the quick input
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([l, c]) => [...document.querySelectorAll('.statusbar-item')].some((e) => e.textContent?.includes(`Ln ${l}, Col ${c}`)),
    [line, column],
    { timeout: 10000 },
  );
}

/** Errors, warnings and infos as the status bar counts them. */
async function problemCounts(page) {
  const text = await page.locator('[id="status.problems"]').innerText();
  return (text.match(/\d+/g) ?? []).map(Number);
}

/** Puts the keyboard focus in the report's editor, away from a panel or a webview (F1 works from both). */
async function focusEditor(host, page) {
  await host.runCommand(page, 'View: Focus First Editor Group');
  await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null && document.activeElement?.closest('.monaco-editor') !== undefined, null, { timeout: 10000 });
}

/** Runs a palette command when it exists; returns false (palette closed) when it does not. */
async function tryCommand(host, page, title) {
  try {
    await host.runCommand(page, title);
    return true;
  } catch {
    await page.keyboard.press('Escape');
    return false;
  }
}

/** The color theme picker (Ctrl+K Ctrl+T), then the theme's name, as a person switches themes. */
async function setTheme(host, page, theme) {
  await focusEditor(host, page);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  // The picker shows 'Dark Modern' for the theme whose setting value is 'Default Dark Modern'.
  const label = theme.replace(/^Default /, '');
  const input = page.locator('.quick-input-widget input');
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  const dark = /dark/i.test(theme);
  await page.waitForFunction((d) => document.querySelector('.monaco-workbench')?.classList.contains(d ? 'vs-dark' : 'vs') ?? false, dark, { timeout: 20000 });
  await page.waitForTimeout(1500);
}

/**
 * The authoring workflow, one named step after the other. Returns `[{ name, error? }]`; a failed step
 * leaves a screenshot `<name>-failed.png` and the later steps still run (they say what else works).
 */
export async function runUiWorkflow({ hostModule, repo = REPO, folder, artifacts, vsix }) {
  const host = await import(pathToFileURL(hostModule).href);
  mkdirSync(artifacts, { recursive: true });
  const session = await startSession(host, { repo, folder, vsix, settings: { 'workbench.colorTheme': LIGHT_THEME } });
  const { page, workspace } = session;
  const report = join(workspace, 'report.esg.md');
  const results = [];
  const step = async (name, body) => {
    try {
      await body();
      results.push({ name });
      console.log(`E2E PASS ui: ${name}`);
    } catch (error) {
      results.push({ name, error });
      console.log(`E2E FAIL ui: ${name}: ${error?.stack ?? error}`);
      await page.screenshot({ path: join(artifacts, `ui-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-failed.png`) }).catch(() => {});
    }
  };
  const preview = () => host.webviewFrame(page);

  try {
    await step('the Problems panel lists esgmark diagnostics of the report', async () => {
      await host.openFile(page, 'report.esg.md');
      await page.locator('.statusbar', { hasText: 'ESG Markdown' }).waitFor({ timeout: 30000 });
      const rows = await esgRowsInProblems(host, page);
      console.log(`Problems panel: ${rows.length} esgmark rows visible, e.g. ${rows[0]}`);
      // Errors come first in the panel: the unknown id sits on the line of the deleted one.
      await page.locator('.markers-panel .monaco-list-row', { hasText: /hkex\/unknown-id/ }).first().click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(artifacts, 'vscode-editor.png') });
    });

    await step('a quick fix from the light bulb (Ctrl+. then Enter) replaces the deleted id', async () => {
      const line = lineNumberOf(report, 'hkex="A9.9 A1.2"');
      // Inside the id: 'A1.2"}' ends the line, so End then three times Left puts the cursor before its '2'.
      // (Go to Line's column counts CJK characters as two, the status bar as one: do not type a column.)
      const column = columnOf(report, line, 'A1.2') + 4; // 1-based, as the status bar shows it
      const placeCursor = async () => {
        await focusEditor(host, page);
        await goToLine(page, line, 1);
        await page.keyboard.press('End');
        for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
        await page.waitForFunction((where) => [...document.querySelectorAll('.statusbar-item')].some((e) => e.textContent?.startsWith(where)), `Ln ${line}, Col ${column}`, { timeout: 10000 });
      };
      await placeCursor();
      // In one CI run the menu did not open within 15 s after Ctrl+. (cause not seen: no screenshot kept).
      // Press it again after placing the cursor afresh, as a user would, and log when that was needed.
      const first = page.locator('.action-widget .monaco-list-row.action').first();
      let attempts = 0;
      for (;;) {
        attempts++;
        await page.keyboard.press('Control+.');
        try {
          await first.waitFor({ timeout: 8000 });
          break;
        } catch (error) {
          if (attempts >= 4) throw error;
          await page.keyboard.press('Escape');
          await placeCursor();
        }
      }
      if (attempts > 1) console.log(`quick fix menu opened on attempt ${attempts}`);
      // The preferred fix comes first: 'A1.2 → D28(a) D28(b)' (the text is in the report's language).
      assert.match(await first.innerText(), /A1\.2.*D28\(a\) D28\(b\)/, 'the first quick fix replaces A1.2 by D28(a) D28(b)');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.editor-group-container.active .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes('A9.9 D28(a) D28(b)') ?? false, null, { timeout: 15000 });
    });

    await step("the index table snippet is inserted by its prefix 'esg-index-hant'", async () => {
      const problemsBefore = await problemCounts(page);
      assert.equal(problemsBefore.length, 3, `errors, warnings, infos in the status bar: ${problemsBefore}`);
      assert.equal(problemsBefore[2], 1, 'one information: the report has no index table');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('esg-index-hant', { delay: 20 });
      const suggest = page.locator('.suggest-widget.visible');
      if (!(await suggest.isVisible())) await page.keyboard.press('Control+Space');
      await suggest.locator('.monaco-list-row', { hasText: 'esg-index-hant' }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape'); // leave the snippet's tab stops
      await page.waitForFunction(() => document.querySelector('.editor-group-container.active .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes('{#hkex-index .hkex-index}') ?? false, null, { timeout: 15000 });
      // The server sees the index table: its one information ('no index table') is gone, and the
      // empty link cells of the new rows are warnings. The status bar's problem counts say so.
      await page.waitForFunction(
        ([errors, warnings]) => {
          const counts = (document.getElementById('status.problems')?.textContent ?? '').match(/\d+/g)?.map(Number) ?? [];
          // With no information left the status bar drops the third count.
          return counts[0] === errors && counts[1] > warnings + 50 && (counts.length === 2 || counts[2] === 0);
        },
        [problemsBefore[0], problemsBefore[1]],
        { timeout: 20000 },
      );
    });

    await step("'esgmark: Open KPI Preview' shows the KPIs and their check status", async () => {
      // More room for the preview: hide the panel.
      if (!(await tryCommand(host, page, 'View: Hide Panel'))) await tryCommand(host, page, 'View: Close Panel');
      await host.runCommand(page, 'esgmark: Open KPI Preview');
      const total = preview().locator('tr.kpi-row[data-kpi="ghg.total"]');
      await total.waitFor({ timeout: 30000 });
      const figure2025 = total.locator('td.check-disagrees .figure');
      assert.equal((await figure2025.innerText()).trim(), '9,700.00', 'the 2025 total as printed');
      const status = await total.locator('td.check-disagrees .badge').getAttribute('aria-label');
      assert.match(status ?? '', /不符|disagree/i, `check status of the 2025 total: ${status}`);
      assert.equal((await total.locator('td.check-agrees .figure').innerText()).trim(), '9,875.64', 'the 2024 total agrees');
      // Open the check: the formula and the computed value.
      await total.locator('td.check-disagrees button.badge').click();
      const checks = preview().locator('.check-list').first();
      await checks.waitFor({ timeout: 10000 });
      const text = await checks.innerText();
      assert.ok(text.includes('9,632.70'), `the computed sum is shown: ${text}`);
      await preview().locator('.check-list .check-failed').first().scrollIntoViewIfNeeded();
      await page.waitForTimeout(1500); // charts animate in
      await page.screenshot({ path: join(artifacts, 'vscode-preview-light.png') });
    });

    await step('clicking a figure in the preview moves the editor cursor to its cell', async () => {
      const expected = lineNumberOf(report, '{#ghg.scope2}');
      await focusEditor(host, page);
      await goToLine(page, 1, 1);
      const before = await cursorPosition(page);
      assert.equal(before?.line, 1, 'the cursor starts at the top');
      await preview().locator('tr.kpi-row[data-kpi="ghg.scope2"] .figure', { hasText: '9,512.30' }).click();
      await page.waitForFunction(
        (line) => [...document.querySelectorAll('.statusbar-item')].some((e) => new RegExp(`^Ln ${line}, Col \\d+`).test(e.textContent ?? '')),
        expected,
        { timeout: 15000 },
      );
      // The figure is selected; the cursor is at its end ('Ln 22, Col 60 (8 selected)').
      const after = await cursorPosition(page);
      assert.equal(after?.line, expected);
      const start = readFileSync(report, 'utf8').split('\n')[expected - 1].indexOf('9,512.30') + 1;
      assert.equal(after?.column, start + '9,512.30'.length, 'the cursor is at the figure');
      assert.equal(after?.selected, '9,512.30'.length, 'the figure is selected');
    });

    await step('the status bar item shows the coverage summary of the report', async () => {
      const item = page.locator('.statusbar-item', { hasText: /B \d+\/3 · C \d+\/\d+ · D \d+\/\d+/ }).first();
      await item.waitFor({ timeout: 15000 });
      const text = (await item.innerText()).trim();
      assert.match(text, /^B 0\/3 · C \d+\/45 · D \d+\/2\d$/, `status bar text: ${text}`);
      console.log(`status bar: ${text}`);
    });

    await step('the HKEX Coverage view lists requirements with their status', async () => {
      // The status bar item opens the view.
      await page.locator('.statusbar-item', { hasText: /B \d+\/3 · C/ }).first().click();
      // The view has a container of its own in the activity bar: it fills the side bar (its header merged
      // into the side bar's title when it is the container's only view).
      const pane = page.locator('.part.sidebar');
      const governance = pane.locator('.monaco-list-row', { hasText: 'MDR-governance' });
      await governance.waitFor({ timeout: 20000 });
      const row = (await governance.innerText()).replace(/\s+/g, ' ').trim();
      // The view's words are in the report's language (Traditional Chinese), like its titles.
      assert.match(row, /MDR-governance .*缺漏/, `row: ${row}`);
      assert.equal(await pane.locator('.monaco-list-row', { hasText: /^workspace$/i }).count(), 0, 'not in the Explorer: no file tree beside it');
      // Open aspect A1.
      await pane.locator('.monaco-list-row', { hasText: 'A1 排放物' }).first().click();
      const a11 = pane.locator('.monaco-list-row', { hasText: /^A1\.1/ }).first();
      await a11.waitFor({ timeout: 10000 });
      const a11Text = (await a11.innerText()).replace(/\s+/g, ' ').trim();
      assert.match(a11Text, /已披露 · 環境管理/, `A1.1 row: ${a11Text}`);
      // The view fills its container, whose title replaces the view's header: the counts are on the part rows.
      const shown = (await pane.innerText()).replace(/\s+/g, ' ');
      assert.match(shown, /HKEX Coverage/i, `the side bar's title names the view: ${shown.slice(0, 200)}`);
      assert.match(shown, /B 部分：強制披露規定 ?0\/3 .*C 部分：環境及社會 ?\d+\/45/, `the part rows have the counts: ${shown.slice(0, 300)}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(artifacts, 'vscode-coverage.png') });
    });

    await step('the preview follows a dark theme', async () => {
      await setTheme(host, page, DARK_THEME);
      const total = preview().locator('tr.kpi-row[data-kpi="ghg.total"]');
      await total.waitFor({ timeout: 20000 });
      const background = await preview().locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      assert.ok(r + g + b < 200, `the page background is dark: ${background}`);
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(artifacts, 'vscode-preview-dark.png') });
    });
  } finally {
    await session.close();
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The host (code-server) must be installed: node scripts/vscode-host/install.mjs (run-vscode.mjs does it).
  const hostModule = join(REPO, 'test', 'e2e', 'host', 'vscode-host.mjs');
  const artifacts = join(REPO, 'test-artifacts');
  const vsixAt = process.argv.indexOf('--vsix');
  const vsix = vsixAt > 0 ? resolve(process.argv[vsixAt + 1]) : undefined;
  const folder = join(REPO, 'test/e2e/workspace');
  let passed = 0;
  let failed = 0;
  try {
    await runProblemsPanelCheck({ hostModule, folder, screenshot: join(artifacts, 'problems.png'), vsix });
    passed++;
  } catch (error) {
    console.error(error);
    failed++;
  }
  const results = await runUiWorkflow({ hostModule, folder, artifacts, vsix }).catch((error) => [{ name: 'workflow', error }]);
  for (const r of results) {
    if (r.error) failed++;
    else passed++;
  }
  if (process.argv.includes('--update-docs-images') && failed === 0) {
    const images = join(REPO, 'docs', 'images');
    mkdirSync(images, { recursive: true });
    // (docs/images/preview-light.png and preview-dark.png come from the webview page test, test/webview.)
    for (const [from, to] of [['problems.png', 'problems.png'], ['vscode-editor.png', 'editor.png'], ['vscode-preview-light.png', 'preview.png'], ['vscode-coverage.png', 'coverage.png']]) {
      if (existsSync(join(artifacts, from))) copyFileSync(join(artifacts, from), join(images, to));
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
