// docs/rules.md against the rule modules: each rule's section opens with its default severity and says
// **Safe fix:** exactly when the rule has one; every rule's module exists where docs/rules.md says
// (rules/<namespace>/<name>.ts). The sections' ids against RULES are checked in test/unit/docs.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/engine';
import { REPO_ROOT } from '../../helpers/paths';

const sections = (): Map<string, string> => {
  const md = readFileSync(join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
  const out = new Map<string, string>();
  const parts = md.split(/^## (\S+)$/m);
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i], parts[i + 1]);
  return out;
};

test("each rule's section opens with its default severity", () => {
  const docs = sections();
  for (const rule of RULES) {
    const text = docs.get(rule.id);
    assert.ok(text, `${rule.id}: no section in docs/rules.md`);
    const opening = /^\s*\*([^*]+)\*/.exec(text)?.[1];
    assert.ok(opening, `${rule.id}: the section does not open with its severity in italics`);
    assert.match(
      opening.toLowerCase(),
      new RegExp(`\\b${rule.defaultSeverity}\\b`),
      `${rule.id}: default severity ${rule.defaultSeverity}, the section says *${opening}*`,
    );
  }
});

test('a section says **Safe fix:** exactly for the rules whose fixes include safe ones', () => {
  const docs = sections();
  for (const rule of RULES) assert.equal(/\*\*Safe fix:\*\*/.test(docs.get(rule.id) ?? ''), !!rule.safeFix, rule.id);
});
