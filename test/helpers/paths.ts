// Locating the repository, the built bundles and the fixtures from compiled tests (which run from
// out/test/...), independent of the working directory the test runner was started in.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root: the first ancestor with both package.json and scripts/build.mjs (tsc also copies
 *  package.json into out/, so package.json alone would find the wrong folder). */
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scripts', 'build.mjs'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the esgmark repository above ${start}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/** Path of a built bundle; throws a message that says what to run when it is missing. */
export function requireBuilt(name: 'cli.js' | 'server.js'): string {
  const file = path.join(REPO_ROOT, 'dist', name);
  if (!existsSync(file)) {
    throw new Error(`dist/${name} is missing: run \`npm run build\` before these tests (\`npm test\` builds first).`);
  }
  return file;
}

export function fixturePath(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** Fixture text as UTF-8, BOM removed (what the CLI and the editor both see). */
export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8').replace(/^\uFEFF/, '');
}

export function fixtureUri(...parts: string[]): string {
  return pathToFileURL(fixturePath(...parts)).href;
}
