#!/usr/bin/env node
// End-to-end test in a real VS Code (code-server, driven headless by test/e2e/host/vscode-host.mjs):
//  0. installs code-server into the cache directory when it is not there (scripts/vscode-host/install.mjs,
//     about 5 minutes the first time, a second after that),
//  1. bundles the in-editor suite (test/e2e/suite) into out/e2e/index.js,
//  2. copies the fixture workspace to a scratch directory (the tests edit it),
//  3. runs the suite in VS Code with this repository loaded as the extension under development,
//  4. runs the Playwright UI workflow (test/e2e/ui.mjs): Problems panel, light-bulb quick fix, snippet,
//     KPI preview (values, check status, click to reveal), status bar, coverage view, dark theme.
// Prints `N passed, N failed` last; exits non-zero when anything failed.
// Env: VSCODE_HOST_DIR (the cache, default /tmp/vscode-host), E2E_SKIP_UI=1 to run only the in-editor suite.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, ensureExtensionBuilt, prepare } from './prepare.mjs';
import { hostDir, install } from '../../scripts/vscode-host/install.mjs';

const HOST_DIR = hostDir();
const HOST = join(REPO, 'test', 'e2e', 'host', 'vscode-host.mjs');
const ARTIFACTS = join(REPO, 'test-artifacts');

let passed = 0;
let failed = 0;

function finish(code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

if (!ensureExtensionBuilt()) {
  failed++;
  finish(1);
}

try {
  await install(HOST_DIR);
} catch (error) {
  console.error(`E2E FAIL the VS Code test host could not be installed into ${HOST_DIR}: ${error?.message ?? error}`);
  failed++;
  finish(1);
}

const { scratch, workspace, suite } = await prepare();
mkdirSync(ARTIFACTS, { recursive: true });

// In-editor suite. Its `E2E PASS` / `E2E FAIL` lines arrive on the host tool's stdout.
const suiteExit = await new Promise((resolveExit) => {
  const args = [HOST, 'test', '--dev', REPO, '--tests', suite, '--folder', workspace, '--screenshot', join(ARTIFACTS, 'e2e.png')];
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (/\bE2E PASS /.test(line)) passed++;
      else if (/\bE2E FAIL /.test(line)) failed++;
    }
  });
  child.on('exit', (code) => resolveExit(code ?? 1));
});
if (suiteExit !== 0 && failed === 0) failed++; // the suite crashed or timed out before reporting

if (process.env.E2E_SKIP_UI !== '1') {
  // Each UI step prints its own `E2E PASS ui: …` / `E2E FAIL ui: …` line.
  const { runUiWorkflow } = await import(pathToFileURL(join(REPO, 'test/e2e/ui.mjs')).href);
  try {
    const steps = await runUiWorkflow({ hostModule: HOST, repo: REPO, folder: join(REPO, 'test/e2e/workspace'), artifacts: ARTIFACTS });
    for (const step of steps) {
      if (step.error) failed++;
      else passed++;
    }
  } catch (error) {
    failed++;
    console.log(`E2E FAIL ui: the workbench could not be driven: ${error?.stack ?? error}`);
  }
}

rmSync(scratch, { recursive: true, force: true });
finish(failed === 0 && suiteExit === 0 ? 0 : 1);
