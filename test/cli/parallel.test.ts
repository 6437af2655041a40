// `esgmark check --jobs N` on a workspace of 500 reports: worker threads give exactly the output and exit
// code of the in-process check, really run in separate threads, keep the process's peak memory bounded,
// and report a failing input as the sequential check does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { requireBuilt, REPO_ROOT } from '../helpers/paths';
import { parseCheckJson } from '../helpers/cli';

const REPORTS = 500;
/** Peak resident memory allowed for checking the 500 reports with two workers (see docs/performance.md). */
const MAX_RSS_MB = 400;

/** Prints the process's peak RSS on exit (main thread only; workers inherit --require too). */
const RSS_PROBE = `const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => process.stderr.write('\\nmax-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  maxRssKb?: number;
}

function check(cwd: string, args: readonly string[], nodeFlags: readonly string[] = []): Run {
  const result = spawnSync(process.execPath, [...nodeFlags, requireBuilt('cli.js'), 'check', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  const probe = /\nmax-rss-kb (\d+)\n$/.exec(result.stderr);
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: probe ? result.stderr.slice(0, probe.index) : result.stderr,
    maxRssKb: probe ? Number(probe[1]) : undefined,
  };
}

/**
 * 500 variants of the English example in ten folders, each with its own problems (a Scope 1 figure
 * that breaks the total, a gender breakdown that no longer adds up, an unknown requirement id, a lost
 * tag), plus the multi-file example, so the output has many diagnostics and a root with chapters.
 */
function writeWorkspace(root: string): void {
  const example = readFileSync(path.join(REPO_ROOT, 'examples', 'annual-report-en.esg.md'), 'utf8');
  for (let i = 0; i < REPORTS; i++) {
    const folder = path.join(root, `group-${i % 10}`);
    mkdirSync(folder, { recursive: true });
    let text = example.replace(/Harbour Cloud Holdings Ltd/g, `Issuer ${i} Ltd`);
    if (i % 3 === 0) text = text.replace('| 112.6 | 120.3 |', `| ${100 + i} | 120.3 |`);
    if (i % 5 === 1) text = text.replace('| 802 | 771 |', `| ${700 + i} | 771 |`);
    if (i % 7 === 2) text = text.replace('hkex="B6 B6.2-B6.5"', 'hkex="B6 B6.2-B6.9"');
    if (i % 11 === 4) text = text.replace('hkex="A2.5"', '');
    writeFileSync(path.join(folder, `report-${String(i).padStart(3, '0')}.esg.md`), text);
  }
  cpSync(path.join(REPO_ROOT, 'examples', 'multi-file'), path.join(root, 'multi'), { recursive: true });
}

describe('esgmark check --jobs on 500 reports', () => {
  let workspace: string;
  let sequential: Run;
  let parallel: Run;

  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'esgmark-parallel-'));
    writeWorkspace(workspace);
    const probe = path.join(workspace, '.rss-probe.js');
    writeFileSync(probe, RSS_PROBE);
    sequential = check(workspace, ['.', '--format', 'json', '--jobs', '1'], ['--require', probe]);
    parallel = check(workspace, ['.', '--format', 'json', '--jobs', '2'], ['--require', probe]);
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('prints the same JSON and exit code with 2 workers as in process', () => {
    assert.equal(sequential.stderr, '', sequential.stderr);
    assert.equal(parallel.stderr, '', parallel.stderr);
    assert.equal(sequential.status, 1, 'the generated reports have errors');
    assert.equal(parallel.status, sequential.status);
    assert.equal(parallel.stdout, sequential.stdout);
  });

  it('reports every file of the workspace, in sorted order', () => {
    const diagnostics = parseCheckJson(parallel.stdout).diagnostics;
    const files = [...new Set(diagnostics.map((d) => d.file))];
    // Every third report has a broken Scope 1 total: those files must all appear, in folder order.
    const broken = Array.from({ length: REPORTS }, (_, i) => i).filter((i) => i % 3 === 0);
    const expected = broken
      .map((i) => path.join(`group-${i % 10}`, `report-${String(i).padStart(3, '0')}.esg.md`))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const withSumError = files.filter((f) => diagnostics.some((d) => d.file === f && d.rule === 'ghg/sum-mismatch'));
    assert.deepEqual(withSumError, expected);
    const order = files.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(files, order);
  });

  it(`keeps the peak memory of the process under ${MAX_RSS_MB} MB`, () => {
    assert.ok(parallel.maxRssKb !== undefined && sequential.maxRssKb !== undefined, 'the RSS probe printed nothing');
    assert.ok(
      parallel.maxRssKb < MAX_RSS_MB * 1024,
      `peak RSS with 2 workers: ${Math.round(parallel.maxRssKb / 1024)} MB`,
    );
    assert.ok(
      sequential.maxRssKb < MAX_RSS_MB * 1024,
      `peak RSS in process: ${Math.round(sequential.maxRssKb / 1024)} MB`,
    );
  });

  it('prints the same text and SARIF with 2 workers (subset of 41 reports)', () => {
    // Six more runs over all 500 would be slow; 20 files of two folders and the multi-file report suffice.
    const firstTwenty = (folder: string): string[] =>
      readdirSync(path.join(workspace, folder))
        .slice(0, 20)
        .map((f) => path.join(folder, f));
    const subset = [...firstTwenty('group-0'), ...firstTwenty('group-7'), 'multi'];
    for (const format of ['text', 'sarif']) {
      const one = check(workspace, [...subset, '--format', format, '--jobs', '1']);
      const two = check(workspace, [...subset, '--format', format, '--jobs', '2']);
      assert.equal(one.stderr, '');
      assert.equal(two.status, one.status, format);
      assert.equal(two.stdout, one.stdout, format);
    }
    const quietOne = check(workspace, [...subset, '--quiet', '--jobs', '1']);
    const quietTwo = check(workspace, [...subset, '--quiet', '--jobs', '2']);
    assert.equal(quietTwo.stdout, quietOne.stdout);
    assert.match(quietTwo.stdout, /error/);
  });

  it('runs the checks in worker threads only when asked for more than one job and given 8 files or more', () => {
    // One CPU profile per JavaScript thread: the main thread plus one per worker.
    const threadsUsed = (args: string[]): number => {
      const dir = mkdtempSync(path.join(tmpdir(), 'esgmark-prof-'));
      try {
        const run = check(workspace, args, ['--cpu-prof', '--cpu-prof-dir', dir]);
        assert.equal(run.stderr, '');
        return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).length;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    assert.equal(threadsUsed(['group-1', '--jobs', '2']), 3);
    assert.equal(threadsUsed(['group-1', '--jobs', '1']), 1);
    const few = readdirSync(path.join(workspace, 'group-1'))
      .slice(0, 7)
      .map((f) => path.join('group-1', f));
    assert.equal(threadsUsed([...few, '--jobs', '2']), 1);
  });

  it('reports a root with a missing chapter exactly as the in-process check does', () => {
    // A root naming a missing chapter, in the middle of the folder order, next to many good reports.
    const broken = path.join(workspace, 'group-5', 'report-250-root.esg.md');
    writeFileSync(broken, '---\nesg:\n  chapters:\n    - nowhere/missing.esg.md\n---\n\n# Report\n');
    try {
      const one = check(workspace, ['group-5', '--jobs', '1']);
      const two = check(workspace, ['group-5', '--jobs', '2']);
      assert.equal(one.status, 1, one.stderr);
      assert.match(one.stdout, /esg\/chapters/);
      assert.match(one.stdout, /nowhere\/missing\.esg\.md/);
      assert.equal(two.status, one.status);
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.stdout, one.stdout);
    } finally {
      rmSync(broken);
    }
  });

  it('rejects a --jobs value that is not a positive whole number', () => {
    for (const value of ['0', '-1', 'two', '1.5', '1e3']) {
      const run = check(workspace, ['group-1', '--jobs', value]);
      assert.equal(run.status, 2, value);
      assert.match(run.stderr, /invalid value .* for --jobs|--jobs needs a value/, value);
    }
  });
});
