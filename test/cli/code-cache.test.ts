// The V8 code cache of the commands' bundle (server/src/cli/codeCache.ts): the build writes one that this
// Node uses, and a missing, stale or refused cache changes nothing but the time: the bundle is compiled
// from source and behaves the same.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCachePath, loadBundle } from '../../server/src/cli/codeCache';
import { REPO_ROOT, requireBuilt } from '../helpers/paths';

let dir = '';
before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'esgmark-code-cache-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A small CommonJS bundle that reports what it was given, as the real one uses it. */
function writeBundle(name: string, answer: number): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `const nodePath = require('node:path');
exports.answer = function () { return ${answer}; };
exports.seen = { filename: __filename, dirname: __dirname, isMain: require.main === module, base: nodePath.basename(__filename) };
`,
  );
  return file;
}

const CODE_CACHE_MODULE = require.resolve('../../server/src/cli/codeCache');

/**
 * Loads a bundle with loadBundle in a fresh process (a process that compiled the same source already
 * takes V8's in-memory compilation and ignores any cache; and without the test runner's V8 options,
 * under which V8 refuses a cache) and calls `answer()` on it; with `write`, first writes its cache.
 */
function loadInFreshProcess(file: string, write = false): { cache: string; answer?: number; seen?: unknown } {
  const probe = `const { loadBundle, writeCodeCache } = require(${JSON.stringify(CODE_CACHE_MODULE)});
const loaded = loadBundle(${JSON.stringify(file)}, module);
const answer = loaded.exports.answer?.();
if (${write}) writeCodeCache(${JSON.stringify(file)}, loaded);
const registered = require.cache[${JSON.stringify(file)}];
process.stdout.write(JSON.stringify({ cache: loaded.cache, answer, seen: loaded.exports.seen,
  registered: registered?.exports === loaded.exports && registered.loaded }));`;
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { cache: string; answer?: number; seen?: unknown; registered: boolean };
  assert.equal(result.registered, true, 'the bundle is in require.cache, loaded, as require leaves it');
  return result;
}

describe('code cache: loading a bundle with and without it', () => {
  it('a cache written after a warm-up is used, and the bundle sees what require would give it', () => {
    const file = writeBundle('used.js', 42);
    assert.equal(loadInFreshProcess(file, true).cache, 'missing');
    assert.ok(existsSync(codeCachePath(file)));
    const second = loadInFreshProcess(file);
    assert.equal(second.cache, 'used');
    assert.equal(second.answer, 42);
    assert.deepEqual(second.seen, { filename: file, dirname: dir, isMain: false, base: 'used.js' });
  });

  it('a cache made for other code of the same length is not used (stale), and the new code runs', () => {
    const file = writeBundle('stale.js', 42);
    loadInFreshProcess(file, true);
    writeBundle('stale.js', 43); // same length, other code: V8 alone would accept the old bytecode
    const loaded = loadInFreshProcess(file);
    assert.equal(loaded.cache, 'stale');
    assert.equal(loaded.answer, 43);
  });

  it('a cache V8 refuses (damaged, or made by another V8) falls back to compiling', () => {
    const file = writeBundle('rejected.js', 7);
    loadInFreshProcess(file, true);
    const cache = readFileSync(codeCachePath(file));
    const header = cache.indexOf(0x0a) + 1;
    // V8's data begins with its magic number: change it, keep the header naming this bundle.
    for (let i = header; i < header + 8; i++) cache[i] ^= 0xff;
    writeFileSync(codeCachePath(file), cache);
    const loaded = loadInFreshProcess(file);
    assert.equal(loaded.cache, 'rejected');
    assert.equal(loaded.answer, 7);
  });

  it('an error of the bundle itself propagates and leaves nothing in require.cache', () => {
    const file = path.join(dir, 'throws.js');
    writeFileSync(file, `throw new Error('bundle failed');\n`);
    assert.throws(() => loadBundle(file, module), /bundle failed/);
    assert.equal(require.cache[file], undefined);
  });
});

describe('code cache: the built CLI', () => {
  it('the build wrote a cache for dist/cli-main.js that this Node uses', () => {
    const bundle = path.join(path.dirname(requireBuilt('cli.js')), 'cli-main.js');
    assert.ok(existsSync(codeCachePath(bundle)), 'dist/cli-main.js.cache is missing: run `npm run build`');
    assert.equal(loadInFreshProcess(bundle).cache, 'used');
  });

  it('dist/cli-main.js is ASCII (read as Latin-1, without a UTF-8 decode)', () => {
    const bytes = readFileSync(path.join(path.dirname(requireBuilt('cli.js')), 'cli-main.js'));
    assert.ok(isAscii(bytes), 'scripts/build.mjs escapes every non-ASCII character of the bundle');
  });

  it('check gives the same output and exit code with the cache, without it and with a stale one', () => {
    const dist = path.dirname(requireBuilt('cli.js'));
    const copy = mkdtempSync(path.join(dir, 'dist-'));
    for (const name of ['cli.js', 'cli-main.js']) copyFileSync(path.join(dist, name), path.join(copy, name));
    const input = path.join(REPO_ROOT, 'examples', 'zhipu-2025-no-index.esg.md');
    const check = (cli: string) =>
      spawnSync(process.execPath, [cli, 'check', '--format', 'json', input], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const withCache = check(path.join(dist, 'cli.js'));
    assert.ok(withCache.stdout.includes('"diagnostics"'), withCache.stderr);
    const without = check(path.join(copy, 'cli.js'));
    writeFileSync(path.join(copy, 'cli-main.js.cache'), 'esgmark-v8-code-cache 1 not-this-bundle\n');
    const stale = check(path.join(copy, 'cli.js'));
    for (const other of [without, stale]) {
      assert.equal(other.status, withCache.status, other.stderr);
      assert.equal(other.stdout, withCache.stdout);
      assert.equal(other.stderr, withCache.stderr);
    }
  });
});
