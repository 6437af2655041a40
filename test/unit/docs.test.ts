// The rules documentation stays true to the code: every rule has a section, and no section
// documents a rule that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/engine';
import { parse as parseYaml } from 'yaml';

test('docs/rules.md has one section per rule, and only those', () => {
  const md = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');
  const documented = [...md.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
  assert.deepEqual([...documented].sort(), RULES.map((r) => r.id).sort());
});

test('every rule has a description in the three languages', () => {
  for (const r of RULES)
    for (const l of ['en', 'zh-Hant', 'zh-Hans'] as const) assert.ok(r.description[l].length > 10, `${r.id} ${l}`);
});

test('the pre-commit hook runs the command package.json installs, on ESG Markdown files', () => {
  const root = join(__dirname, '..', '..', '..');
  const hooks = parseYaml(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string;
    entry: string;
    files: string;
  }[];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.equal(hooks.length, 1);
  assert.equal(hooks[0].entry.split(' ')[0], Object.keys(pkg.bin)[0]);
  assert.ok(new RegExp(hooks[0].files).test('reports/2025.esg.md'));
  assert.ok(!new RegExp(hooks[0].files).test('README.md'));
});
