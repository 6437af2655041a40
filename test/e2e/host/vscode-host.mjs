// Starts a real VS Code (code-server, installed by scripts/vscode-host/install.mjs) on 127.0.0.1 and
// drives its web workbench with playwright-core and Debian's Chromium. Used by test/e2e/run-vscode.mjs
// (the in-editor suite, through the `test` command below) and test/e2e/ui.mjs (the UI workflow).
//
//   const server = await startCodeServer({ smokeTestDriver: true, settings });   // fresh profile, free port
//   const browser = await launchBrowser();
//   const page = await openWorkbench(browser, workbenchUrl(server, { folder, extensionDevelopmentPath }));
//   await openFile(page, 'report.esg.md'); await problems(page, { waitFor: /hkex\// });
//   await runCommand(page, 'esgmark: Open KPI Preview'); webviewFrame(page).locator('…');
//   await browser.close(); await server.stop();
//
// CLI: node test/e2e/host/vscode-host.mjs test --dev <extension dir> --tests <compiled suite index.js>
//        [--folder <workspace>] [--vsix <file>] [--screenshot <png>] [--timeout <ms>]   exits 0 or 1
//      node test/e2e/host/vscode-host.mjs serve [--dev <dir>] [--folder <dir>] [--vsix <file>]
// The host is looked up in $VSCODE_HOST_DIR (default /tmp/vscode-host). Runs on Node 18 or later; only
// code-server itself runs on the Node 24 the installer put beside it.
//
// What code-server needs to behave like a test host (each learnt the hard way):
//  - `--vscode-option enable-smoke-test-driver` makes the built workbench honour the URL `payload`
//    (extensionDevelopmentPath / extensionTestsPath); without it the payload is silently ignored. It
//    also hides notification toasts, so it is off unless asked for.
//  - A fresh profile per run, with autosave and hot exit off: VS Code web autosaves after a delay by
//    default, and a reused profile restores the edits of the last run.
//  - XDG_CONFIG_HOME / XDG_DATA_HOME inside the profile, or code-server writes ~/.config/code-server.
//  - Playwright refuses --user-data-dir in launch() (it already uses a fresh profile).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const installer = await import(pathToFileURL(path.join(REPO, 'scripts', 'vscode-host', 'install.mjs')).href);

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** User settings of every fresh profile: quiet, nothing from the network, no autosave. */
export const DEFAULT_SETTINGS = {
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
};

/** The installed host (node and code-server entry), or an error that says how to install it. */
export function installedHost(dir = installer.hostDir()) {
  const manifest = installer.readInstalled(dir);
  if (!manifest) throw new Error(`no VS Code test host in ${dir}: run \`node scripts/vscode-host/install.mjs ${dir}\``);
  return manifest;
}

function codeServerEnv(host, dataDir, env = {}) {
  // VS Code's own temporary files (IPC sockets, a TypeScript server folder, Node's compile cache) go
  // into the profile too, so that removing the profile leaves nothing in the temp directory. Socket
  // paths are limited to about 100 bytes: a temp folder under a long path keeps the default.
  const tmp = path.join(dataDir, 'tmp');
  const ownTmp = tmp.length <= 60;
  if (ownTmp) mkdirSync(tmp, { recursive: true });
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dataDir, 'xdg-data'),
    ...(ownTmp ? { TMPDIR: tmp } : {}),
    PATH: [path.dirname(host.node), process.env.PATH].join(path.delimiter),
    ...env,
  };
}

/**
 * Starts code-server with a fresh profile on a free port. `vsix`: extensions to install first.
 * Resolves to { url, port, authority, dataDir, logFile, proc, stop() } once it listens.
 */
export async function startCodeServer({ dataDir, vsix = [], settings = {}, env = {}, smokeTestDriver = false, extraArgs = [] } = {}) {
  const host = installedHost();
  dataDir ??= mkdtempSync(path.join(tmpdir(), 'vscode-host-'));
  const userData = path.join(dataDir, 'user-data');
  const extensions = path.join(dataDir, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), `${JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2)}\n`);
  const profile = ['--user-data-dir', userData, '--extensions-dir', extensions];
  const childEnv = codeServerEnv(host, dataDir, env);

  for (const file of [].concat(vsix)) {
    const r = spawnSync(host.node, [host.entry, ...profile, '--install-extension', path.resolve(file), '--force'], { encoding: 'utf8', env: childEnv });
    if (r.status !== 0 || !/successfully installed/i.test(r.stdout)) throw new Error(`installing ${file} into code-server failed:\n${r.stdout}${r.stderr}`);
  }

  const args = [host.entry, ...profile, '--auth', 'none', '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), ...extraArgs];
  // In its own process group: stop() ends the extension host, the language server, TypeScript's
  // tsserver and the file watchers with it, and waits for them, so none writes into the profile after
  // it is removed.
  const proc = spawn(host.node, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const signalGroup = (signal) => {
    try {
      process.kill(-proc.pid, signal);
    } catch {
      // The group is gone.
    }
  };
  const killOnExit = () => signalGroup('SIGKILL');
  process.on('exit', killOnExit);
  const logFile = path.join(dataDir, 'code-server.log');
  const log = createWriteStream(logFile);
  proc.stdout.pipe(log, { end: false });
  proc.stderr.pipe(log, { end: false });
  if (process.env.VSCODE_HOST_LOG) {
    proc.stdout.pipe(process.stderr, { end: false });
    proc.stderr.pipe(process.stderr, { end: false });
  }

  const port = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not listen within 90 s; log: ${logFile}`)), 90_000);
    const onData = (chunk) => {
      seen += chunk;
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) done(Number(m[1]));
    };
    const onExit = (code) => fail(new Error(`code-server exited (${code}) before listening; log: ${logFile}`));
    const cleanup = () => {
      clearTimeout(timer);
      proc.stdout.off('data', onData);
      proc.off('exit', onExit);
    };
    const done = (p) => (cleanup(), resolve(p));
    const fail = (e) => (cleanup(), process.off('exit', killOnExit), signalGroup('SIGKILL'), reject(e));
    proc.stdout.on('data', onData);
    proc.on('exit', onExit);
  });

  // SIGTERM to the whole group, SIGKILL to what is left after 5 s; resolves when the group is empty.
  const stop = async () => {
    process.off('exit', killOnExit);
    signalGroup('SIGTERM');
    const started = Date.now();
    while (groupAlive(proc.pid) && Date.now() - started < 10_000) {
      if (Date.now() - started > 5000) signalGroup('SIGKILL');
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => log.end(r));
  };
  return { url: `http://127.0.0.1:${port}`, port, authority: `127.0.0.1:${port}`, dataDir, logFile, proc, stop };
}

/** Whether a process of the group `pgid` is still running (zombies, which only wait to be reaped, do not count). */
function groupAlive(pgid) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    // No /proc: ask the kernel about the group as a whole.
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

/** The workbench URL: a folder to open, and an extension under development with its test module. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const query = new URLSearchParams();
  if (folder) query.set('folder', path.resolve(folder));
  // Paths are on the server (this machine), named through the remote authority.
  const remote = (p) => `vscode-remote://${server.authority}${path.resolve(p)}`;
  const payload = [];
  for (const dir of [].concat(extensionDevelopmentPath ?? [])) payload.push(['extensionDevelopmentPath', remote(dir)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

/** Headless Debian Chromium; fails with what to install when it is absent. */
export async function launchBrowser({ headless = true } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: ${installer.SETUP_HINT} (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}

/** Opens the workbench in a new page and waits for it (and for the Explorer when a folder is open). */
export async function openWorkbench(browser, url, { viewport = { width: 1400, height: 900 }, beforeGoto } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (beforeGoto) await beforeGoto(page);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  if (new URL(url).searchParams.has('folder')) await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  return page;
}

/** Runs a command from the Command Palette (F1) by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Opens a file of the workspace by name through Quick Open (Ctrl+P) and waits for its tab. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
}

/**
 * Opens the Problems panel (Ctrl+Shift+M) and returns its visible rows as text ('message source
 * [Ln 2, Col 14]'); with `waitFor` (string or RegExp), first waits for a row that matches.
 */
export async function problems(page, { waitFor, timeout = 30_000 } = {}) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ timeout });
  const rows = page.locator('.markers-panel .monaco-list-row');
  if (waitFor) await rows.filter({ hasText: waitFor }).first().waitFor({ timeout });
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The visible lines of the active editor, with Monaco's U+00A0 spaces made plain. */
export async function editorText(page) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/** The content of the last webview that is ready (a webview is two nested iframes). */
export function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/**
 * Runs an extension's in-editor tests the way @vscode/test-electron's runTests does: the extension is
 * loaded unpacked from `extensionDevelopmentPath`, and the module at `extensionTestsPath` (exporting
 * `run(): Promise<void>`) runs in the extension host. Its console output is echoed here. Resolves to
 * the exit code the workbench reports (0: passed), or 124 on a timeout.
 */
export async function runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, folder, vsix = [], env, settings, timeoutMs = 300_000, screenshot } = {}) {
  const server = await startCodeServer({ vsix, env, settings, smokeTestDriver: true });
  let browser;
  let code = 1;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    // The workbench's automation hooks while extension tests run (IAutomatedWindow).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...[].concat(args));
      // Gallery lookups fail offline; they say nothing about the tests.
      if (!/open-vsx|queryGallery|ENOTFOUND|ERR_NAME_NOT_RESOLVED/.test(line)) console.log(`[vscode:${type}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (c) => exit(c));
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }));
    let timer;
    code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (screenshot) {
      mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot }).catch(() => {});
    }
    if (code === 'timeout') {
      console.error(`the extension tests did not finish within ${timeoutMs} ms (code-server log: ${server.logFile})`);
      code = 124;
    }
    return code;
  } finally {
    await browser?.close();
    await server.stop();
    // The profile holds the logs: kept only when the run failed.
    if (code === 0) rmSync(server.dataDir, { recursive: true, force: true });
    else console.error(`code-server profile and logs kept in ${server.dataDir}`);
  }
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(.+)$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    options[m[1]] = argv[++i];
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  const o = parseArgs(rest);
  if (command === 'test') {
    const code = await runExtensionTests({
      extensionDevelopmentPath: o.dev,
      extensionTestsPath: o.tests,
      folder: o.folder,
      vsix: o.vsix ? [o.vsix] : [],
      screenshot: o.screenshot,
      timeoutMs: o.timeout ? Number(o.timeout) : undefined,
    });
    console.log(`extension tests exit code: ${code}`);
    process.exit(code === 0 ? 0 : 1);
  } else if (command === 'serve') {
    const server = await startCodeServer({ vsix: o.vsix ? [o.vsix] : [], smokeTestDriver: Boolean(o.dev) });
    console.log(workbenchUrl(server, { folder: o.folder, extensionDevelopmentPath: o.dev }));
    process.on('SIGINT', () => server.stop().then(() => process.exit(0)));
  } else {
    console.error('usage: vscode-host.mjs test --dev <dir> --tests <index.js> [--folder <dir>] [--vsix <file>] [--screenshot <png>] [--timeout <ms>]\n       vscode-host.mjs serve [--dev <dir>] [--folder <dir>] [--vsix <file>]');
    process.exit(2);
  }
}
