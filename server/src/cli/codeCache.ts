// Loading the commands' bundle (dist/cli-main.js, 2 MB) with a V8 code cache, so that a process does not
// compile it from source each time (issue 10: a one-file check as a process in 80 ms; compiling the bundle
// and its lazily compiled functions took about a third of such a run). The build (scripts/build.mjs)
// writes the cache beside the bundle after a warm-up run; the entry (entry.ts) loads the bundle through it.
// The cache is an optimisation only: when it is missing, was made for another build of the bundle, or V8
// refuses it (another Node or V8 version, other V8 flags), the bundle is compiled from source as before.
// Nothing is written at run time.
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Where the cache of `bundle` lives: beside it (dist/cli-main.js.cache). */
export function codeCachePath(bundle: string): string {
  return `${bundle}.cache`;
}

/**
 * The cache file: this header line, naming the SHA-1 of the bundle's bytes, then V8's data. V8 itself
 * checks only the source's length, so a bundle rebuilt to the same length would otherwise run the
 * bytecode of the old one.
 */
const HEADER_PREFIX = 'esgmark-v8-code-cache 1 ';
const HEADER_LENGTH = HEADER_PREFIX.length + 40 + 1;

function sourceDigest(bytes: Buffer): string {
  // Required here, not at the top: loading node:crypto costs about 2 ms, which --version need not pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha1').update(bytes).digest('hex');
}

/** What happened to the cache when a bundle was loaded (tests and the benchmark read it). */
export type CodeCacheOutcome = 'used' | 'missing' | 'stale' | 'rejected';

export interface LoadedBundle {
  exports: unknown;
  cache: CodeCacheOutcome;
  /** The compiled script, for `createCodeCache`. */
  script: vm.Script;
}

/** V8's data from the cache file when it was made for exactly these bytes of the bundle. */
function readCache(cacheFile: string, bytes: Buffer): { data?: Buffer; outcome: 'missing' | 'stale' | 'found' } {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return { outcome: 'missing' };
  }
  const header = file.subarray(0, HEADER_LENGTH).toString('latin1');
  if (header !== `${HEADER_PREFIX}${sourceDigest(bytes)}\n`) return { outcome: 'stale' };
  return { data: file.subarray(HEADER_LENGTH), outcome: 'found' };
}

/**
 * Loads a CommonJS bundle as `require` would (its own module object, registered in `require.cache`,
 * with `require`, `module`, `__filename` and `__dirname`), compiled with its code cache when that
 * applies. Errors of the bundle's own code propagate; only the cache is optional.
 */
export function loadBundle(bundle: string, parent?: NodeJS.Module, cacheFile = codeCachePath(bundle)): LoadedBundle {
  const filename = path.resolve(bundle);
  const bytes = readFileSync(filename);
  const found = readCache(cacheFile, bytes);
  // The build makes the bundle ASCII (scripts/build.mjs), which reads as Latin-1 in a copy where UTF-8
  // costs a decode (about 7 ms for 2 MB). Module.wrap is the wrapper require uses: the same text whether
  // the cache is made or used.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename,
    ...(found.data ? { cachedData: found.data } : {}),
  });
  const cache: CodeCacheOutcome =
    found.outcome === 'found' ? (script.cachedDataRejected ? 'rejected' : 'used') : found.outcome;
  const mod = new Module(filename, parent);
  mod.filename = filename;
  require.cache[filename] = mod;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: NodeJS.Module,
    filename: string,
    dirname: string,
  ) => void;
  try {
    wrapper.call(mod.exports, mod.exports, createRequire(filename), mod, filename, path.dirname(filename));
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  mod.loaded = true;
  return { exports: mod.exports, cache, script };
}

/**
 * Writes the code cache of a bundle loaded with `loadBundle`, after whatever warm-up the caller ran
 * (functions compiled by then are in the cache too). Written to a temporary file and renamed, so a
 * process starting meanwhile reads the old cache or the new one, never half of one.
 */
export function writeCodeCache(bundle: string, loaded: LoadedBundle, cacheFile = codeCachePath(bundle)): number {
  const header = Buffer.from(`${HEADER_PREFIX}${sourceDigest(readFileSync(bundle))}\n`, 'latin1');
  const data = loaded.script.createCachedData();
  const partial = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.concat([header, data]));
  renameSync(partial, cacheFile);
  return header.length + data.length;
}
