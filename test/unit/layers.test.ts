// The engine's layers, read from the sources' import statements: the parser yields syntax and knows no
// catalog, no recognition, no number reading; the catalogs know nothing of the numbers engine. A lint
// rule (issue 9) may take this over; until then this test is what holds the boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

const ENGINE = path.join(REPO_ROOT, 'server', 'src', 'engine');

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourcesUnder(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** What a source file imports (static, re-exported and dynamic), as paths relative to the engine folder. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]);
  return specifiers.map((s) =>
    s.startsWith('.')
      ? path
          .relative(ENGINE, path.resolve(path.dirname(file), s))
          .split(path.sep)
          .join('/')
      : s,
  );
}

/** The imports of the files under `folder` that reach into any of `forbidden` (engine-relative prefixes). */
function crossings(folder: string, forbidden: string[]): string[] {
  const found: string[] = [];
  for (const file of sourcesUnder(path.join(ENGINE, folder))) {
    for (const target of importsOf(file)) {
      if (forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
        found.push(`${path.relative(ENGINE, file)} -> ${target}`);
    }
  }
  return found;
}

test('layers: the import reader sees the imports it must judge', () => {
  const parser = importsOf(path.join(ENGINE, 'parser', 'document.ts'));
  assert.ok(parser.includes('parser/lines'), parser.join(', '));
  assert.ok(parser.includes('model'), parser.join(', '));
  const recognition = importsOf(path.join(ENGINE, 'recognition', 'requirements.ts'));
  assert.ok(recognition.includes('catalogs/hkex'), recognition.join(', '));
  // The same check as below, on a folder that does cross: it must report the crossing.
  assert.ok(crossings('recognition', ['catalogs']).length > 0);
});

test('layers: the parser imports no catalog, recognition, number reading, front-matter config or disclosures', () => {
  assert.deepEqual(
    crossings('parser', ['catalogs', 'recognition', 'numbers', 'disclosures', 'frontmatter', 'rules', 'features']),
    [],
  );
});

test('layers: the catalogs import nothing from the numbers engine or the layers above them', () => {
  assert.deepEqual(crossings('catalogs', ['numbers', 'recognition', 'parser', 'rules', 'features']), []);
});
