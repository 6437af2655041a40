// What the npm package ships: the self-contained CLI bundles (the entry and the commands it loads) and the files npm always adds, nothing else
// (.npmignore is an allowlist). package.json is also the VS Code extension's manifest: the .vsix contents
// are listed in .vscodeignore, and vsce refuses to package when package.json has a "files" list too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, requireBuilt } from '../helpers/paths';

test('npm pack ships dist/cli.js, dist/cli-main.js, package.json, README.md and LICENSE only', () => {
  requireBuilt('cli.js');
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const [packed] = JSON.parse(run.stdout) as { files: { path: string }[] }[];
  assert.deepEqual(packed.files.map((f) => f.path).sort(), [
    'LICENSE',
    'README.md',
    'dist/cli-main.js',
    'dist/cli.js',
    'package.json',
  ]);
});

test('the extension manifest leaves the .vsix contents to .vscodeignore (no "files" list), and the license is MIT', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    files?: unknown;
    license?: string;
  };
  assert.equal(manifest.files, undefined);
  assert.ok(existsSync(path.join(REPO_ROOT, '.vscodeignore')));
  assert.equal(manifest.license, 'MIT');
  assert.match(
    readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'),
    /^MIT License\n\nCopyright \(c\) 2026 esgmark contributors\n/,
  );
});
