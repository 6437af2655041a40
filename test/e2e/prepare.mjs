// Shared by the e2e runners: bundle the in-editor suite and make a scratch copy of the fixture
// workspace (the suite edits documents, and VS Code may save them).
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SUITE = join(REPO, 'out', 'e2e', 'index.js');

/** The extension under test is the repository itself: it needs dist/client.js and dist/server.js. */
export function ensureExtensionBuilt() {
  if (existsSync(join(REPO, 'dist', 'client.js')) && existsSync(join(REPO, 'dist', 'server.js'))) return true;
  console.log('dist/ is not built; running scripts/build.mjs');
  return spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' }).status === 0;
}

/**
 * Bundles test/e2e/suite into out/e2e/index.js and returns a scratch directory with `workspace/`
 * (the fixture copy) and `suite/index.js`: out/ is also tsc's output directory, which other test
 * runs may clean while VS Code starts, so the extension host loads a private copy.
 */
export async function prepare() {
  await esbuild.build({
    entryPoints: [join(REPO, 'test/e2e/suite/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    outfile: SUITE,
    logLevel: 'warning',
  });
  const scratch = mkdtempSync(join(tmpdir(), 'esgmark-e2e-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO, 'test/e2e/workspace'), workspace, { recursive: true });
  const suite = join(scratch, 'suite', 'index.js');
  mkdirSync(dirname(suite), { recursive: true });
  copyFileSync(SUITE, suite);
  return { scratch, workspace, suite };
}
