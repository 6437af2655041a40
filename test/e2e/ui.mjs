#!/usr/bin/env node
// Playwright UI check in a real VS Code workbench (code-server): with the extension loaded from the
// repository, opening the report shows 'ESG Markdown' as the editor language and esgmark's rows
// (`… esgmark(hkex/…) [Ln x, Col y]`) in the Problems panel. Saves a screenshot.
// Used by run-vscode.mjs; can also run alone: node test/e2e/ui.mjs [--vsix dist/esgmark.vsix] [--update-docs-image]
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** With `vsix`, the packaged extension is installed instead of loading the repository unpacked. */
export async function runProblemsPanelCheck({ hostModule, repo = REPO, folder, screenshot, vsix }) {
  const host = await import(pathToFileURL(hostModule).href);
  // A fresh copy: the in-editor suite may have run on `folder` already.
  const scratch = mkdtempSync(join(tmpdir(), 'esgmark-ui-'));
  const workspace = join(scratch, 'workspace');
  cpSync(folder, workspace, { recursive: true });
  // The smoke-test driver lets the workbench URL load the extension under development.
  const server = vsix ? await host.startCodeServer({ vsix: [vsix] }) : await host.startCodeServer({ smokeTestDriver: true });
  const browser = await host.launchBrowser();
  let page;
  try {
    page = await host.openWorkbench(browser, host.workbenchUrl(server, vsix ? { folder: workspace } : { folder: workspace, extensionDevelopmentPath: repo }));
    await host.openFile(page, 'report.esg.md');
    await page.locator('.statusbar', { hasText: 'ESG Markdown' }).waitFor({ timeout: 30000 });
    // The row shows `esgmark(hkex/missing)`; the parentheses may be CSS, so they are optional here.
    const rows = await host.problems(page, { waitFor: /hkex\//, timeout: 60000 });
    const esgRows = rows.filter((r) => /esgmark\W*hkex\/[a-z-]+/.test(r));
    assert.ok(esgRows.length > 0, `Problems panel rows: ${rows.join(' / ')}`);
    assert.ok(rows.some((r) => /\[Ln \d+, Col \d+\]/.test(r)), 'rows carry positions');
    console.log(`Problems panel: ${esgRows.length} esgmark rows visible, e.g. ${esgRows[0]}`);
    // Put the first problem's location in view so the screenshot shows the squiggle next to the panel.
    await page.locator('.markers-panel .monaco-list-row', { hasText: /hkex\/unknown-id/ }).first().click();
    await page.waitForTimeout(1000);
    if (screenshot) {
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
    return esgRows;
  } catch (error) {
    if (page && screenshot) await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png') }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const hostDir = resolve(process.env.VSCODE_HOST_DIR || '/tmp/vscode-host');
  const screenshot = join(REPO, 'test-artifacts', 'problems.png');
  const vsixAt = process.argv.indexOf('--vsix');
  const vsix = vsixAt > 0 ? resolve(process.argv[vsixAt + 1]) : undefined;
  try {
    await runProblemsPanelCheck({ hostModule: join(hostDir, 'tools', 'vscode-host.mjs'), folder: join(REPO, 'test/e2e/workspace'), screenshot, vsix });
    if (process.argv.includes('--update-docs-image')) {
      mkdirSync(join(REPO, 'docs', 'images'), { recursive: true });
      copyFileSync(screenshot, join(REPO, 'docs', 'images', 'problems.png'));
    }
    console.log('1 passed, 0 failed');
  } catch (error) {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
