// A report split into chapters, checked through the CLI: the root names its chapters, the chapters are
// checked with it (not on their own when a folder is walked), and diagnostics name the chapter's file.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, runJson } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

const copies: string[] = [];
after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of examples/multi-file, removed when the file's tests are done. */
function copyExample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'esgmark-multi-'));
  copies.push(dir);
  cpSync(path.join(REPO_ROOT, 'examples', 'multi-file'), dir, { recursive: true });
  return dir;
}

test('the multi-file example checks clean as one report, from its root or its folder', () => {
  for (const target of ['examples/multi-file/report.esg.md', 'examples/multi-file']) {
    const run = runCli(['check', target]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /0 errors, 0 warnings in 3 files/);
  }
});

test('a problem in a chapter is reported in that chapter, at its own line', () => {
  const dir = copyExample();
  const chapter = path.join(dir, 'chapters', 'social.esg.md');
  const text = readFileSync(chapter, 'utf8').replace('hkex="B1 B1.1 B1.2"', 'hkex="B1 B1.1 B1.2 B9.9"');
  writeFileSync(chapter, text);
  const { run, diagnostics } = runJson(['check', dir, '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 1);
  const unknown = diagnostics.filter((d) => d.rule === 'hkex/unknown-id');
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0].file, path.join('chapters', 'social.esg.md'));
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('B9.9'));
  assert.equal(unknown[0].line, line + 1);
  assert.equal(unknown[0].column, lines[line].indexOf('B9.9') + 1);
});

test('a missing chapter is an esg/chapters error at the entry naming it, and the rest is still checked', () => {
  const dir = copyExample();
  const root = path.join(dir, 'report.esg.md');
  const text = readFileSync(root, 'utf8').replace('chapters/social.esg.md', 'chapters/nowhere.esg.md');
  writeFileSync(root, text);
  const { run, diagnostics } = runJson(['check', root]);
  assert.equal(run.status, 1, run.stderr);
  const chapters = diagnostics.filter((d) => d.rule === 'esg/chapters');
  assert.equal(chapters.length, 1);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('nowhere.esg.md'));
  assert.equal(chapters[0].line, line + 1);
  assert.equal(chapters[0].column, lines[line].indexOf('chapters/nowhere') + 1);
  assert.match(chapters[0].message, /chapters\/nowhere\.esg\.md.*does not exist/);
  // What the missing chapter disclosed is now missing; what the chapter that exists discloses is not.
  const missing = diagnostics.filter((d) => d.rule === 'hkex/missing').map((d) => d.message.split(' ')[0]);
  assert.ok(missing.includes('B1'), missing.join(' '));
  assert.ok(!missing.includes('A1'), missing.join(' '));
});
