// The CLI is two bundles so that start-up stays cheap (issue 10: `esgmark check` of a 1 KB report as a
// process in 80 ms): dist/cli.js answers --help and --version alone, and requires dist/cli-main.js (the
// engine, the catalogs, the output formats) for every other command. These tests run the built bundles
// with a preloaded probe that reports which of the two a process loaded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireBuilt, REPO_ROOT } from '../helpers/paths';
import { HELP_TEXT } from '../../server/src/cli/help';

const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const MARK = 'esgmark-test-loaded:';
let probeDir = '';
let probe = '';

before(() => {
  probeDir = mkdtempSync(path.join(os.tmpdir(), 'esgmark-entry-'));
  probe = path.join(probeDir, 'probe.cjs');
  // On exit, lists on standard error the dist/ bundles the process loaded.
  writeFileSync(
    probe,
    `process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((f) => /[\\\\/]dist[\\\\/]cli(-main)?\\.js$/.test(f));
  process.stderr.write(${JSON.stringify(MARK)} + loaded.map((f) => require('path').basename(f)).sort().join(',') + '\\n');
});
`,
  );
});

after(() => rmSync(probeDir, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; loaded: string[] } {
  const result = spawnSync(process.execPath, ['--require', probe, requireBuilt('cli.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  const line = result.stderr.split('\n').find((l) => l.startsWith(MARK));
  assert.ok(line, `no probe line in: ${result.stderr}`);
  return { status: result.status, stdout: result.stdout, loaded: line.slice(MARK.length).split(',').filter(Boolean) };
}

describe('esgmark entry: --help and --version without the engine', () => {
  it('dist/cli.js bundles no engine module and no catalog (the development build names each module it holds)', () => {
    const entry = readFileSync(requireBuilt('cli.js'), 'utf8');
    assert.doesNotMatch(entry, /^\/\/ server\/src\/(?:engine|host)\//m);
    assert.match(entry, /^\/\/ server\/src\/cli\/entry\.ts$/m);
    // The commands are loaded (through their code cache) by a path esbuild could not follow.
    assert.match(entry, /loadBundle\([^)]*["']cli-main\.js["']\)/);
  });

  for (const args of [['--version'], ['-v'], ['check', 'x.esg.md', '--version']]) {
    it(`${args.join(' ')} prints the version and loads only dist/cli.js`, () => {
      const r = run(args);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, `${version}\n`);
      assert.deepEqual(r.loaded, ['cli.js']);
    });
  }

  for (const args of [['--help'], ['-h'], ['help'], ['index', '--help']]) {
    it(`${args.join(' ')} prints the help and loads only dist/cli.js`, () => {
      const r = run(args);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, HELP_TEXT);
      assert.deepEqual(r.loaded, ['cli.js']);
    });
  }

  it('after `--`, --version is an input: the commands run (and find no such file)', () => {
    const r = run(['check', '--', '--version']);
    assert.equal(r.status, 2);
    assert.deepEqual(r.loaded, ['cli-main.js', 'cli.js']);
  });

  it('a command loads dist/cli-main.js and gives its result', () => {
    const r = run(['rules', '--format', 'json']);
    assert.equal(r.status, 0);
    assert.ok(Array.isArray(JSON.parse(r.stdout)));
    assert.deepEqual(r.loaded, ['cli-main.js', 'cli.js']);
  });

  it('a usage error is reported by the commands, exit 2', () => {
    const r = run(['lint']);
    assert.equal(r.status, 2);
    assert.deepEqual(r.loaded, ['cli-main.js', 'cli.js']);
  });
});
