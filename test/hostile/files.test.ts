// Hostile files through the CLI as a process: chapters that are FIFOs, devices, paths out of the
// workspace, symlinks to /etc, cycles, repetition, UTF-16, and folders `index`/`kpis` cannot use.
// Each case asserts the exit code, the diagnostic at its entry, that no refused file was read (its
// contents appear nowhere), and that time and memory stayed far inside generous bounds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describeRun, fifoSupported, runCliBounded, type BoundedRun } from '../helpers/bounded';
import { parseCheckJson, type JsonDiagnostic } from '../helpers/cli';

const SECRET = 'TOP-SECRET-7f3a9c';
const BOUND_MS = 15_000;
const BOUND_MIB = 400;

function root(chapters: string[], body = '# Report {hkex="A1"}\n\nText.\n'): string {
  return `---\nesg:\n  period: 2025\n  chapters:\n${chapters.map((c) => `    - ${JSON.stringify(c)}\n`).join('')}---\n\n${body}`;
}

const CHAPTER = '# Environment {hkex="A2"}\n\nWater and energy.\n';

function within(run: BoundedRun & { stdoutLength: number }): void {
  assert.ok(!run.timedOut && run.ms < BOUND_MS, `took too long: ${describeRun(run)}`);
  assert.ok(run.peakMiB < BOUND_MIB, `used too much memory: ${describeRun(run)}`);
}

function json(run: BoundedRun): JsonDiagnostic[] {
  try {
    return parseCheckJson(run.stdout, run.stderr).diagnostics;
  } catch {
    throw new Error(`not JSON: ${describeRun(run)}`);
  }
}

describe('hostile files through the CLI', () => {
  let base: string;
  let work: string;

  before(() => {
    base = mkdtempSync(path.join(tmpdir(), 'esgmark-hostile-files-'));
    work = path.join(base, 'work');
    mkdirSync(path.join(work, 'chapters'), { recursive: true });
    mkdirSync(path.join(base, 'outside'));
    writeFileSync(
      path.join(base, 'outside', 'secret.txt'),
      `# ${SECRET}\n\n| KPI | 2025 |\n|---|---:|\n| ${SECRET} | 1 |\n`,
    );
    writeFileSync(path.join(base, 'outside', 'other.esg.md'), `# ${SECRET}\n`);
    writeFileSync(path.join(work, 'chapters', 'env.esg.md'), CHAPTER);
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  }

  it(
    'a chapter that is a FIFO is refused at its entry, not read (the run finishes)',
    { skip: !fifoSupported() },
    async () => {
      execFileSync('mkfifo', [path.join(work, 'chapters', 'pipe.esg.md')]);
      const file = write('fifo-root.esg.md', root(['chapters/env.esg.md', 'chapters/pipe.esg.md']));
      const run = await runCliBounded(['check', file, '--format', 'json']);
      within(run);
      assert.equal(run.status, 1, describeRun(run));
      const d = json(run).filter((x) => x.rule === 'esg/chapters');
      assert.equal(d.length, 1, describeRun(run));
      assert.match(d[0].message, /pipe\.esg\.md.*not a regular file \(a named pipe\)/);
      assert.equal(d[0].line, 6);
      assert.equal(d[0].column, 7);
      // A folder walk skips the FIFO itself (it is no report) and still finishes.
      const walk = await runCliBounded(['check', work, '--format', 'json']);
      within(walk);
      assert.ok(
        json(walk).some((x) => x.rule === 'esg/chapters' && /pipe\.esg\.md/.test(x.message)),
        describeRun(walk),
      );
      rmSync(path.join(work, 'chapters', 'pipe.esg.md'));
    },
  );

  it('/dev/zero and /dev/urandom as chapters are refused without reading a byte', async () => {
    const file = write('dev-root.esg.md', root(['/dev/zero', '/dev/urandom']));
    const run = await runCliBounded(['check', file, '--format', 'json']);
    within(run);
    assert.equal(run.status, 1);
    const d = json(run).filter((x) => x.rule === 'esg/chapters');
    assert.deepEqual(
      d.map((x) => x.line),
      [5, 6],
    );
    for (const x of d) assert.match(x.message, /outside the workspace/);
    // With the whole disk as the workspace they are still refused: a device is not a regular file.
    const wide = await runCliBounded(['check', file, '--format', 'json', '--workspace', '/']);
    within(wide);
    const w = json(wide).filter((x) => x.rule === 'esg/chapters');
    assert.equal(w.length, 2, describeRun(wide));
    for (const x of w) assert.match(x.message, /not a regular file \(a character device\)/);
  });

  it('paths out of the workspace, absolute paths, symlinks to /etc and /proc are refused and never read', async () => {
    symlinkSync('/etc', path.join(work, 'etc-link'));
    symlinkSync(path.join(base, 'outside', 'secret.txt'), path.join(work, 'chapters', 'innocent.esg.md'));
    const entries = [
      '../outside/secret.txt',
      path.join(base, 'outside', 'other.esg.md'),
      'etc-link/passwd',
      'chapters/innocent.esg.md',
      '/proc/self/environ',
    ];
    const file = write('escape-root.esg.md', root(entries));
    for (const format of ['json', 'sarif', 'text']) {
      const run = await runCliBounded(['check', file, '--format', format]);
      within(run);
      assert.equal(run.status, 1, describeRun(run));
      assert.ok(
        !run.stdout.includes(SECRET) && !run.stderr.includes(SECRET),
        `a refused file was read: ${describeRun(run)}`,
      );
      assert.ok(!run.stdout.includes('root:x:0:0'), 'the contents of /etc/passwd were printed');
    }
    const run = await runCliBounded(['check', file, '--format', 'json']);
    const d = json(run).filter((x) => x.rule === 'esg/chapters');
    assert.equal(d.length, entries.length, describeRun(run));
    for (const x of d) assert.match(x.message, /outside the workspace/);
    // Every diagnostic is about a file of the workspace: none names a refused file as its location.
    for (const x of json(run)) assert.ok(path.resolve(x.file).startsWith(work), x.file);
    const kpis = await runCliBounded(['kpis', file]);
    within(kpis);
    assert.equal(kpis.status, 0, describeRun(kpis));
    assert.ok(!kpis.stdout.includes(SECRET));
  });

  it('a root that lists itself, and two roots that list each other, are checked and fail', async () => {
    const dir = path.join(work, 'cycle');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'self.esg.md'), root(['self.esg.md']));
    writeFileSync(path.join(dir, 'a.esg.md'), root(['b.esg.md']));
    writeFileSync(path.join(dir, 'b.esg.md'), root(['a.esg.md']));
    const files = await runCliBounded([
      'check',
      path.join(dir, 'self.esg.md'),
      path.join(dir, 'a.esg.md'),
      '--format',
      'json',
    ]);
    const folder = await runCliBounded(['check', dir, '--format', 'json']);
    for (const run of [files, folder]) {
      within(run);
      assert.equal(run.status, 1, describeRun(run));
      const d = json(run).filter((x) => x.rule === 'esg/chapters');
      assert.ok(
        d.some((x) => x.file.endsWith('self.esg.md') && /this file itself/.test(x.message)),
        describeRun(run),
      );
      assert.ok(
        d.some((x) => x.file.endsWith('a.esg.md') && /b\.esg\.md.*cycle/.test(x.message)),
        describeRun(run),
      );
    }
    // Walking the folder checks all three reports: none is dropped as another's chapter.
    const checked = new Set(json(folder).map((x) => path.basename(x.file)));
    assert.deepEqual([...checked].sort(), ['a.esg.md', 'b.esg.md', 'self.esg.md']);
    const sarif = await runCliBounded(['check', dir, '--format', 'sarif']);
    const results = (JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs[0].results;
    assert.ok(results.length >= 3);
  });

  it('a missing chapter and a folder as a chapter are errors at their entries', async () => {
    mkdirSync(path.join(work, 'chapters', 'folder.esg.md'));
    const file = write(
      'missing-root.esg.md',
      root(['chapters/nowhere.esg.md', 'chapters/folder.esg.md', 'chapters/env.esg.md']),
    );
    const run = await runCliBounded(['check', file, '--format', 'json']);
    within(run);
    assert.equal(run.status, 1);
    const d = json(run).filter((x) => x.rule === 'esg/chapters');
    assert.deepEqual(
      d.map((x) => x.line),
      [5, 6],
    );
    assert.match(d[0].message, /does not exist/);
    assert.match(d[1].message, /not a regular file \(a folder\)/);
  });

  it('the same chapter listed 10,000 times is one diagnostic and is included once', async () => {
    const file = write('repeat-root.esg.md', root(Array.from({ length: 10_000 }, () => 'chapters/env.esg.md')));
    const run = await runCliBounded(['check', file, '--format', 'json']);
    within(run);
    const all = json(run);
    const d = all.filter((x) => x.rule === 'esg/chapters');
    assert.equal(d.length, 1, describeRun(run));
    assert.match(d[0].message, /listed 10000 times \(first on line 5\)/);
    assert.equal(d[0].line, 6);
    assert.ok(run.stdoutLength < 200_000, `output of ${run.stdoutLength} characters`);
    // Included once: the chapter's own findings appear once, not 10,000 times.
    const single = await runCliBounded([
      'check',
      write('once-root.esg.md', root(['chapters/env.esg.md'])),
      '--format',
      'json',
    ]);
    const inChapter = (list: JsonDiagnostic[]) => list.filter((x) => x.file.endsWith('env.esg.md')).length;
    assert.equal(inChapter(all), inChapter(json(single)));
  });

  it('more chapters than the limit: the entries past it are not read', async () => {
    const file = write('many-root.esg.md', root(Array.from({ length: 1500 }, (_, i) => `chapters/c${i}.esg.md`)));
    const run = await runCliBounded(['check', file, '--format', 'json']);
    within(run);
    const d = json(run).filter((x) => x.rule === 'esg/chapters');
    // 1,000 missing chapters and one diagnostic for the limit, not 1,500.
    assert.equal(d.length, 1001);
    assert.match(d[d.length - 1].message, /lists 1500 chapters; at most 1000 are read/);
  });

  it('a UTF-16 report with a BOM is decoded, checked like its UTF-8 twin, and reported as not UTF-8', async () => {
    const text = readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'zhipu-2025.esg.md'), 'utf8');
    const utf8 = write('twin-utf8.esg.md', text);
    const le = path.join(work, 'twin-utf16le.esg.md');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = path.join(work, 'twin-utf16be.esg.md');
    const beBytes = Buffer.from(text, 'utf16le');
    beBytes.swap16();
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), beBytes]));
    const expected = json(await runCliBounded(['check', utf8, '--format', 'json', '--locale', 'en']));
    assert.ok(expected.length > 0);
    for (const [file, name] of [
      [le, 'UTF-16 LE'],
      [be, 'UTF-16 BE'],
    ] as const) {
      const run = await runCliBounded(['check', file, '--format', 'json', '--locale', 'en']);
      within(run);
      const got = json(run);
      const encoding = got.filter((x) => x.rule === 'esg/encoding');
      assert.equal(encoding.length, 1);
      assert.equal(encoding[0].line, 1);
      assert.match(encoding[0].message, new RegExp(`saved as ${name}.*Pandoc reads UTF-8 only`));
      const strip = (list: JsonDiagnostic[]) =>
        list.filter((x) => x.rule !== 'esg/encoding').map((x) => `${x.rule}@${x.line}:${x.column} ${x.message}`);
      assert.deepEqual(strip(got), strip(expected));
    }
    // Invalid UTF-8 bytes are reported where they are.
    const bad = path.join(work, 'latin1.esg.md');
    writeFileSync(
      bad,
      Buffer.concat([
        Buffer.from('---\nesg:\n  period: 2025\n---\n\n# Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' report\n'),
      ]),
    );
    const run = await runCliBounded(['check', bad, '--format', 'json']);
    const invalid = json(run).filter((x) => x.rule === 'esg/encoding');
    assert.equal(invalid.length, 1);
    assert.deepEqual([invalid[0].line, invalid[0].column], [6, 6]);
  });

  it('index and kpis on an empty folder, or a folder of many reports, are usage errors (exit 2)', async () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    for (const command of ['index', 'kpis']) {
      const run = await runCliBounded([command, empty]);
      within(run);
      assert.equal(run.status, 2, describeRun(run));
      assert.match(run.stderr, /no \.esg\.md files found/);
      assert.doesNotMatch(run.stderr, /internal error/);
    }
    const many = path.join(work, 'many');
    mkdirSync(many);
    for (let i = 0; i < 50; i++) writeFileSync(path.join(many, `r${i}.esg.md`), '# R\n');
    for (const command of ['index', 'kpis']) {
      const run = await runCliBounded([command, many]);
      assert.equal(run.status, 2, describeRun(run));
      assert.match(run.stderr, new RegExp(`'${command}' works on one report, and .* holds 50`));
      assert.equal(run.stdout, '');
    }
    // A folder holding one root and its chapters is one report.
    const project = path.join(work, 'project');
    mkdirSync(path.join(project, 'chapters'), { recursive: true });
    writeFileSync(path.join(project, 'report.esg.md'), root(['chapters/env.esg.md']));
    writeFileSync(path.join(project, 'chapters', 'env.esg.md'), CHAPTER);
    const one = await runCliBounded(['kpis', project]);
    assert.equal(one.status, 0, describeRun(one));
  });

  it(
    'a FIFO or a device given as the report itself is a usage error, not a hang',
    { skip: !fifoSupported() },
    async () => {
      const fifo = path.join(work, 'input.fifo.esg.md');
      execFileSync('mkfifo', [fifo]);
      for (const input of [fifo, '/dev/zero']) {
        const run = await runCliBounded(['check', input]);
        within(run);
        assert.equal(run.status, 2, describeRun(run));
        assert.match(run.stderr, /not a regular file/);
      }
      rmSync(fifo);
    },
  );
});
