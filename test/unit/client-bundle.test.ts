// The client is split so that activation stays cheap (issue 5: bundle under 200 KB, activation under
// 50 ms): dist/client.js holds the commands and views, and vscode-languageclient (90% of the client's
// code) lives in dist/lsp.js, required when the first report opens. These tests read the bundles
// `npm run build` wrote, and build the production entry into a temporary folder to check its size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..', '..');
const ENTRY_BUNDLE = join(ROOT, 'dist', 'client.js');
const LSP_BUNDLE = join(ROOT, 'dist', 'lsp.js');
const SIZE_LIMIT_BYTES = 200 * 1000;

/** Text only the language client's code contains and minifying keeps: LSP method names it registers. */
const PROTOCOL_MARKERS = [
  /["']client\/registerCapability["']/,
  /["']textDocument\/publishDiagnostics["']/,
  /["']textDocument\/didOpen["']/,
];
/** In the development build `npm run build` writes, also its module paths and class names. */
const SOURCE_MARKERS = [/vscode-languageclient/, /vscode-jsonrpc/, /\bBaseLanguageClient = class\b/];
const isMinified = (text: string) => !/\n\/\/ client\/src\//.test(text);

function readBundle(path: string): string {
  assert.ok(existsSync(path), `${path} is missing: run \`npm run build\` first`);
  return readFileSync(path, 'utf8');
}

test('dist/client.js does not contain the language client', () => {
  const entry = readBundle(ENTRY_BUNDLE);
  for (const marker of [...PROTOCOL_MARKERS, ...SOURCE_MARKERS]) assert.doesNotMatch(entry, marker);
  // It loads the other bundle at run time instead, by a path esbuild could not follow.
  assert.match(entry, /require\([^)]*["']dist\/lsp\.js["']\)/);
});

test('dist/lsp.js exists and holds the language client', () => {
  const lsp = readBundle(LSP_BUNDLE);
  // The markers must be found here, or the test above would pass for the wrong reason.
  for (const marker of PROTOCOL_MARKERS) assert.match(lsp, marker);
  if (!isMinified(lsp)) for (const marker of SOURCE_MARKERS) assert.match(lsp, marker);
  assert.match(lsp, /createLanguageClient/);
  assert.match(lsp, /executeServerCommand/);
});

test('the production entry bundle is under 200 KB and takes nothing from vscode-languageclient', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'esgmark-client-bundle-'));
  try {
    const outfile = join(dir, 'client.js');
    // The options of `scripts/build.mjs --production` for dist/client.js.
    const result = await esbuild.build({
      entryPoints: [join(ROOT, 'client', 'src', 'extension.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      sourcemap: false,
      minify: true,
      legalComments: 'none',
      external: ['vscode'],
      logLevel: 'silent',
      metafile: true,
    });
    const bytes = statSync(outfile).size;
    assert.ok(bytes < SIZE_LIMIT_BYTES, `production dist/client.js is ${bytes} bytes, limit ${SIZE_LIMIT_BYTES}`);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(
      inputs.some((path) => path.endsWith('client/src/extension.ts')),
      'the metafile lists the entry',
    );
    const fromLanguageClient = inputs.filter((path) =>
      /node_modules\/vscode-(?:languageclient|jsonrpc|languageserver-protocol)\//.test(path),
    );
    assert.deepEqual(fromLanguageClient, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
