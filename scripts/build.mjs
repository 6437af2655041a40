// Bundles the client, the language server and the CLI into dist/ with esbuild, after checking the
// catalogs against their schemas (a catalog error fails the build, not a user's session).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

mkdirSync('dist', { recursive: true });
// The code cache of the previous dist/cli-main.js goes first: a build that stops half-way leaves none
// rather than one for other code (the entry also checks the bundle's digest before using it).
rmSync('dist/cli-main.js.cache', { force: true });

// 1. Catalog validation: bundle the validator, run it, stop on failure.
await esbuild.build({
  ...common,
  sourcemap: false,
  entryPoints: ['server/src/engine/catalogs/validate.ts'],
  outfile: 'dist/validate-catalogs.js',
});
execFileSync(process.execPath, ['dist/validate-catalogs.js'], { stdio: 'inherit' });

// The KPI names normalised once here rather than by every process at start (catalogs/kpis.ts reads
// ESGMARK_KPI_NAME_KEYS; the sources run by the tests compute them). dist/kpi-name-keys.json keeps a
// copy for the test that compares it with the keys computed from the catalog.
await esbuild.build({
  ...common,
  sourcemap: false,
  entryPoints: ['server/src/engine/catalogs/nameKeys.ts'],
  outfile: 'dist/kpi-name-keys.js',
});
const kpiNameKeys = execFileSync(process.execPath, ['dist/kpi-name-keys.js'], { encoding: 'utf8' }).trim();
writeFileSync('dist/kpi-name-keys.json', `${kpiNameKeys}\n`);
const engineDefines = { define: { ESGMARK_KPI_NAME_KEYS: kpiNameKeys } };

// 2. The bundles. The client entry (dist/client.js) must stay small, it is what activation loads; the
// language client (dist/lsp.js, 90% of the client's code) is required by it when the first report opens.
await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  }),
  esbuild.build({ ...common, entryPoints: ['client/src/lsp.ts'], outfile: 'dist/lsp.js', external: ['vscode'] }),
  esbuild.build({ ...common, ...engineDefines, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The CLI: a small entry (dist/cli.js: --help, --version) that requires the commands (dist/cli-main.js,
  // the engine and its catalogs) only when a command needs them.
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/entry.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({ ...common, ...engineDefines, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
  // The KPI preview page runs in the webview (a browser): one script with Chart.js inside, one stylesheet.
  esbuild.build({
    ...common,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    entryPoints: ['client/webview/preview.ts'],
    outfile: 'dist/webview/preview.js',
  }),
  esbuild.build({
    ...common,
    platform: 'browser',
    entryPoints: ['client/webview/preview.css'],
    outfile: 'dist/webview/preview.css',
  }),
]);
if (!existsSync('dist/cli.js') || !existsSync('dist/cli-main.js')) throw new Error('build produced no CLI');
if (!existsSync('dist/lsp.js')) throw new Error('build produced no language client bundle');

// 3. dist/cli-main.js made ASCII: esbuild escapes non-ASCII characters in strings but leaves them in
// regular expression literals (and String.raw templates), and one such character makes the whole 2 MB
// text a UTF-8 decode and a two-byte string for V8; pure ASCII is read as Latin-1, a copy (codeCache.ts).
// \uXXXX means the same character in a regular expression (with or without the u flag; a pair of
// escaped surrogates is one code point under u) and in the regex sources the String.raw templates
// build (numbers/factorQuotes.ts). Comments change too, which does not matter. Lines stay where they
// were, so the source map holds but for the columns after an escape on the same line.
{
  const text = readFileSync('dist/cli-main.js', 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (ch, at) => {
    let backslashes = 0;
    while (text[at - 1 - backslashes] === '\\') backslashes++;
    // `\é` (an identity escape) would become `\\u00e9`: stop rather than change a pattern's meaning.
    if (backslashes % 2 === 1) throw new Error(`dist/cli-main.js: an escaped non-ASCII character at offset ${at}`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync('dist/cli-main.js', ascii);
}

// 4. The V8 code cache of dist/cli-main.js (server/src/cli/codeCache.ts), made by this Node after a warm-up
// check of the examples: a process then skips compiling the 2 MB bundle. Made for this Node and V8 only;
// any other falls back to compiling from source. Not shipped (.npmignore, .vscodeignore).
await esbuild.build({
  ...common,
  sourcemap: false,
  entryPoints: ['server/src/cli/warmCodeCache.ts'],
  outfile: 'dist/warm-code-cache.js',
});
// An optimisation only: without a cache the CLI compiles from source, so a failure here warns instead of
// failing the build (test/cli/code-cache.test.ts fails when no usable cache was written).
try {
  execFileSync(process.execPath, ['dist/warm-code-cache.js'], { stdio: 'inherit' });
} catch (error) {
  console.warn(`build: no code cache for dist/cli-main.js (${error.message.split('\n')[0]})`);
}
