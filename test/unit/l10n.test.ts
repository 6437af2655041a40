// The extension's UI is localised: every `%key%` placeholder of package.json has a string in the
// three nls files, and every runtime `vscode.l10n.t('...')` string of the client is in both l10n
// bundles (en is the key itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

const read = (...p: string[]) => readFileSync(join(REPO_ROOT, ...p), 'utf8');

test('every %key% of package.json is translated in package.nls.json, .zh-tw and .zh-cn', () => {
  const keys = new Set([...read('package.json').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
  assert.ok(keys.size > 10);
  for (const file of ['package.nls.json', 'package.nls.zh-tw.json', 'package.nls.zh-cn.json']) {
    const nls = JSON.parse(read(file)) as Record<string, string>;
    const missing = [...keys].filter((k) => typeof nls[k] !== 'string' || nls[k].trim() === '');
    assert.deepEqual(missing, [], file);
  }
});

test('every vscode.l10n.t string of the client has a zh-tw and a zh-cn translation', () => {
  const sources = readdirSync(join(REPO_ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts'));
  const strings = new Set<string>();
  for (const f of sources) {
    for (const m of read('client', 'src', f).matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g))
      strings.add(m[2].replace(/\\(['"`\\])/g, '$1'));
  }
  assert.ok(strings.size > 5);
  for (const bundle of ['bundle.l10n.zh-tw.json', 'bundle.l10n.zh-cn.json']) {
    const table = JSON.parse(read('l10n', bundle)) as Record<string, string>;
    const missing = [...strings].filter((s) => typeof table[s] !== 'string');
    assert.deepEqual(missing, [], bundle);
  }
});
