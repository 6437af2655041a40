#!/usr/bin/env node
// The same in-editor suite through @vscode/test-electron, for machines that can download VS Code
// (this one cannot: use run-vscode.mjs there). Prints `N passed, N failed` last.
import { rmSync } from 'node:fs';
import { runTests } from '@vscode/test-electron';
import { REPO, ensureExtensionBuilt, prepare } from './prepare.mjs';

if (!ensureExtensionBuilt()) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const { scratch, workspace, suite } = await prepare();
let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: suite,
    // Other installed extensions stay out of the way; built-in ones (the Markdown grammar) remain.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(error);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// runTests reports only the exit code; the per-check lines (E2E PASS/FAIL) are in the output above.
console.log(code === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(code === 0 ? 0 : 1);
