// `esgmark check` as a process: exit codes, the three output formats, folder walking, BOM handling
// and message locale.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, runJson } from '../helpers/cli';
import { fixturePath, readFixture, REPO_ROOT } from '../helpers/paths';
import { rangeOf } from '../helpers/text';

const PROBLEMS_REL = path.join('test', 'fixtures', 'problems.esg.md');
const CLEAN_REL = path.join('test', 'fixtures', 'clean.esg.md');
const PROBLEMS = readFixture('problems.esg.md');
const CJK = /[\u3400-\u9fff]/;

describe('esgmark check: exit codes', () => {
  it('exits 1 when a report has an error', () => {
    const run = runCli(['check', PROBLEMS_REL]);
    assert.equal(run.status, 1, run.stderr);
  });

  it('exits 0 when a report has no error', () => {
    const { run, diagnostics } = runJson(['check', CLEAN_REL]);
    assert.equal(
      run.status,
      0,
      `${run.stderr}\n${JSON.stringify(
        diagnostics.filter((d) => d.severity === 'error'),
        null,
        1,
      )}`,
    );
    assert.ok(!diagnostics.some((d) => d.severity === 'error'));
  });

  for (const [name, args, expected] of [
    ['no arguments', [], /no command/],
    ['unknown command', ['lint', PROBLEMS_REL], /unknown command 'lint'/],
    ['no inputs', ['check'], /at least one file/],
    ['unknown option', ['check', PROBLEMS_REL, '--colour'], /unknown option '--colour'/],
    ['bad --format value', ['check', PROBLEMS_REL, '--format', 'xml'], /invalid value 'xml' for --format/],
    ['bad --locale value', ['check', PROBLEMS_REL, '--locale', 'fr'], /invalid value 'fr' for --locale/],
    ['bad --issuer-class value', ['check', PROBLEMS_REL, '--issuer-class=small'], /invalid value 'small'/],
    ['missing value', ['check', PROBLEMS_REL, '--format'], /--format needs a value/],
    ['missing file', ['check', 'test/fixtures/does-not-exist.esg.md'], /does-not-exist\.esg\.md/],
  ] as const) {
    it(`exits 2 on a usage error: ${name}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 2, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
      assert.match(run.stderr, expected);
      assert.equal(run.stdout, '', 'usage errors go to stderr only');
    });
  }

  it('a missing file is a usage error even next to a good one', () => {
    const run = runCli(['check', CLEAN_REL, 'nope/missing.md']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /nope[\\/]missing\.md/);
  });
});

describe('esgmark check --format json', () => {
  it('prints 1-based positions matching the fixture text', () => {
    const { run, diagnostics } = runJson(['check', PROBLEMS_REL]);
    assert.equal(run.status, 1);
    assert.ok(Array.isArray(diagnostics) && diagnostics.length > 0);
    for (const d of diagnostics) {
      // `requirements` only where a finding names them (hkex/missing, which may group several of an aspect).
      const base = ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity'];
      assert.deepEqual(
        Object.keys(d).sort(),
        d.rule === 'hkex/missing' ? [...base.slice(0, 6), 'requirements', ...base.slice(6)] : base,
      );
      assert.equal(d.file, PROBLEMS_REL);
      assert.ok(d.line >= 1 && d.column >= 1, 'positions are 1-based');
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    }
    const unknown = diagnostics.filter((d) => d.rule === 'hkex/unknown-id');
    assert.equal(unknown.length, 1);
    const expected = rangeOf(PROBLEMS, 'A9.9');
    assert.deepEqual(
      {
        line: unknown[0].line,
        column: unknown[0].column,
        endLine: unknown[0].endLine,
        endColumn: unknown[0].endColumn,
      },
      {
        line: expected.start.line + 1,
        column: expected.start.character + 1,
        endLine: expected.end.line + 1,
        endColumn: expected.end.character + 1,
      },
    );
    // Columns count characters, not bytes: the bad value sits after CJK text on its line.
    const bad = diagnostics.find((d) => d.rule === 'kpi/bad-number')!;
    const badRange = rangeOf(PROBLEMS, '12,3x4');
    assert.equal(bad.line, badRange.start.line + 1);
    assert.equal(bad.column, badRange.start.character + 1);
    // Sorted by position.
    const keys = diagnostics.map((d) => d.line * 100000 + d.column);
    assert.deepEqual(
      keys,
      [...keys].sort((a, b) => a - b),
    );
    // Grouped hkex/missing findings name each requirement in data: none twice, Scope 1 among them.
    const requirements = diagnostics.flatMap((d) => d.requirements ?? []);
    assert.equal(new Set(requirements).size, requirements.length);
    assert.ok(requirements.includes('D28(a)'), requirements.join(' '));
  });

  it('--quiet keeps only errors', () => {
    const all = runJson(['check', PROBLEMS_REL]).diagnostics;
    const { run, diagnostics } = runJson(['check', PROBLEMS_REL, '--quiet']);
    assert.equal(run.status, 1);
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity === 'error'));
    assert.equal(diagnostics.length, all.filter((d) => d.severity === 'error').length);
    assert.ok(all.length > diagnostics.length, 'the fixture also has non-errors');
  });

  it('--issuer-class is passed to the engine', () => {
    // GEM issuers have no comply-or-explain Part D duties beyond Scope 1/2, so fewer D-paragraph warnings.
    const mainBoard = runJson(['check', PROBLEMS_REL, '--issuer-class', 'main-board']).diagnostics;
    const gem = runJson(['check', PROBLEMS_REL, '--issuer-class', 'gem']).diagnostics;
    const partD = (list: typeof gem) =>
      list
        .filter((d) => d.rule === 'hkex/missing')
        .flatMap((d) => d.requirements ?? [])
        .filter((id) => /^D(2[0-9]|3[0-9]|40)\b/.test(id)).length;
    assert.ok(partD(gem) < partD(mainBoard), `gem ${partD(gem)} vs main-board ${partD(mainBoard)}`);
  });
});

describe('esgmark check --format sarif', () => {
  it('prints a SARIF 2.1.0 log', () => {
    const run = runCli(['check', PROBLEMS_REL, '--format', 'sarif']);
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex?: number;
          level: string;
          message: { text: string };
          properties?: { requirements?: string[] };
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'esgmark');
    const ruleIds = sarifRun.tool.driver.rules.map((r) => r.id);
    assert.ok(ruleIds.includes('hkex/missing') && ruleIds.includes('kpi/bad-number'));
    for (const rule of sarifRun.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0);

    const json = runJson(['check', PROBLEMS_REL]).diagnostics;
    assert.equal(sarifRun.results.length, json.length);
    sarifRun.results.forEach((result, i) => {
      const d = json[i];
      assert.equal(result.ruleId, d.rule);
      assert.equal(result.level, d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');
      assert.equal(result.message.text, d.message);
      assert.deepEqual(result.properties?.requirements, d.requirements);
      if (result.ruleIndex !== undefined) assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uri, 'test/fixtures/problems.esg.md');
      assert.deepEqual(location.region, {
        startLine: d.line,
        startColumn: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      });
    });
  });
});

describe('esgmark check --format text', () => {
  it('prints file:line:col  severity  message  rule lines and a summary', () => {
    const run = runCli(['check', PROBLEMS_REL]);
    const json = runJson(['check', PROBLEMS_REL]).diagnostics;
    const outputLines = run.stdout.trimEnd().split('\n');
    const problemLines = outputLines.filter((l) => l.startsWith(`${PROBLEMS_REL}:`));
    assert.equal(problemLines.length, json.length);
    problemLines.forEach((line, i) => {
      const d = json[i];
      assert.equal(
        line,
        `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message.replace(/\s*\n\s*/g, ' ')}  ${d.rule}`,
      );
    });
    const errors = json.filter((d) => d.severity === 'error').length;
    const warnings = json.filter((d) => d.severity === 'warning').length;
    const summary = outputLines[outputLines.length - 1];
    assert.match(summary, new RegExp(`^${errors} errors?, ${warnings} warnings?(, .*)? in 1 file$`));
    assert.ok(!run.stdout.includes('\u001b['), 'no colour when stdout is not a terminal');
  });

  it('--locale changes the messages', () => {
    const zh = runJson(['check', PROBLEMS_REL]).diagnostics;
    const en = runJson(['check', PROBLEMS_REL, '--locale', 'en']).diagnostics;
    const hans = runJson(['check', PROBLEMS_REL, '--locale', 'zh-Hans']).diagnostics;
    assert.deepEqual(
      en.map((d) => d.rule),
      zh.map((d) => d.rule),
      'same problems in every language',
    );
    const zhUnknown = zh.find((d) => d.rule === 'hkex/unknown-id')!;
    const enUnknown = en.find((d) => d.rule === 'hkex/unknown-id')!;
    const hansUnknown = hans.find((d) => d.rule === 'hkex/unknown-id')!;
    assert.match(zhUnknown.message, CJK);
    assert.doesNotMatch(enUnknown.message, CJK);
    assert.notEqual(hansUnknown.message, zhUnknown.message);
    assert.match(hansUnknown.message, CJK);
  });
});

describe('esgmark check: inputs', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'esgmark-cli-'));
    const report = fixturePath('problems.esg.md');
    for (const rel of [
      'b.esg.md',
      'a.esg.md',
      'sub/c.esg.md',
      'sub/deeper/d.esg.md',
      'node_modules/x.esg.md',
      '.hidden/y.esg.md',
    ]) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      copyFileSync(report, path.join(dir, rel));
    }
    writeFileSync(path.join(dir, 'sub', 'notes.md'), '# not a report\n');
    writeFileSync(path.join(dir, 'plain.txt'), readFileSync(report));
    writeFileSync(path.join(dir, 'bom.esg.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(report)]));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks folders for *.esg.md recursively, sorted, skipping node_modules and dot-folders', () => {
    const result = runJson(['check', path.basename(dir)], { cwd: path.dirname(dir) });
    const files = [...new Set(result.diagnostics.map((d) => d.file))];
    const base = path.basename(dir);
    assert.deepEqual(files, [
      path.join(base, 'a.esg.md'),
      path.join(base, 'b.esg.md'),
      path.join(base, 'bom.esg.md'),
      path.join(base, 'sub', 'c.esg.md'),
      path.join(base, 'sub', 'deeper', 'd.esg.md'),
    ]);
  });

  it('checks a file given explicitly whatever its extension, once even if named twice', () => {
    const { diagnostics } = runJson(['check', 'plain.txt', 'plain.txt', 'a.esg.md'], { cwd: dir });
    const files = [...new Set(diagnostics.map((d) => d.file))];
    assert.deepEqual(files, ['plain.txt', 'a.esg.md']);
    const perFile = (file: string) => diagnostics.filter((d) => d.file === file).length;
    assert.equal(perFile('plain.txt'), perFile('a.esg.md'));
  });

  it('a BOM does not shift positions', () => {
    const withBom = runJson(['check', 'bom.esg.md'], { cwd: dir }).diagnostics;
    const without = runJson(['check', 'a.esg.md'], { cwd: dir }).diagnostics;
    const strip = (list: typeof withBom) => list.map(({ file: _file, ...rest }) => rest);
    assert.ok(withBom.length > 0);
    assert.deepEqual(strip(withBom), strip(without));
  });

  it('a folder without reports is a usage error', () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const run = runCli(['check', empty]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no \.esg\.md files/);
  });
});

describe('esgmark index, rules, --help, --version', () => {
  it('index prints the generated pipe table', () => {
    const run = runCli(['index', PROBLEMS_REL]);
    assert.equal(run.status, 0, run.stderr);
    const tableLines = run.stdout.split('\n').filter((l) => l.trim().startsWith('|'));
    assert.ok(tableLines.length >= 3, run.stdout);
    assert.match(tableLines[1], /^\|\s*:?-{3,}/, 'second line is the delimiter row');
    const columns = (line: string) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|').length;
    assert.ok(
      tableLines.every((l) => columns(l) === columns(tableLines[0])),
      'every row has the same number of cells',
    );
    assert.ok(tableLines.some((l) => l.includes('MDR-governance') || l.includes('管治')));
  });

  it('the printed index, appended to a report without one, passes the index rules', () => {
    // clean.esg.md without its index section: everything is tagged, so the generated index is complete.
    const clean = readFixture('clean.esg.md');
    const withoutIndex = clean.slice(0, clean.indexOf('\n## 香港聯交所'));
    assert.ok(withoutIndex.length < clean.length, 'clean.esg.md has an index section to strip');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'esgmark-index-'));
    try {
      writeFileSync(path.join(dir, 'report.esg.md'), withoutIndex);
      const printed = runCli(['index', 'report.esg.md'], { cwd: dir });
      assert.equal(printed.status, 0, printed.stderr);
      writeFileSync(path.join(dir, 'report.esg.md'), `${withoutIndex}\n\n${printed.stdout}`);
      const { diagnostics } = runJson(['check', 'report.esg.md'], { cwd: dir });
      const indexProblems = diagnostics.filter((d) => d.rule.startsWith('hkex/index'));
      assert.deepEqual(
        indexProblems.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`),
        [],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('index takes exactly one file', () => {
    assert.equal(runCli(['index']).status, 2);
    assert.equal(runCli(['index', PROBLEMS_REL, CLEAN_REL]).status, 2);
  });

  it('rules lists every rule with its default severity, in the chosen locale', () => {
    const run = runCli(['rules']);
    assert.equal(run.status, 0);
    const rows = run.stdout.trimEnd().split('\n');
    for (const id of ['frontmatter/schema', 'hkex/missing', 'hkex/unknown-id', 'kpi/bad-number']) {
      const row = rows.find((r) => r.startsWith(`${id} `));
      assert.ok(row, `rules lacks ${id}`);
      assert.match(row, /\s(error|warning|information|hint)\s/);
    }
    const zhRows = runCli(['rules', '--locale', 'zh-Hant']).stdout.trimEnd().split('\n');
    const missingRow = (list: string[]) => list.find((r) => r.startsWith('hkex/missing '))!;
    assert.match(missingRow(zhRows), CJK);
    assert.doesNotMatch(missingRow(rows), CJK);
    assert.equal(zhRows.length, rows.length);
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string }[];
    assert.equal(json.length, rows.length);
  });

  it('--version prints the package version and --help the usage', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const run = runCli([flag]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), pkg.version);
    }
    for (const flag of ['--help', '-h']) {
      const run = runCli([flag]);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /esgmark check/);
      assert.match(run.stdout, /--format/);
    }
  });
});

describe('suppressions and the warning budget through the CLI', () => {
  let dir: string;
  const file = () => path.join(dir, 'suppressed.esg.md');
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'esgmark-suppress-'));
    writeFileSync(
      file(),
      '---\nesg:\n  period: 2025\n---\n\n<!-- esgmark-disable-next-line hkex/unknown-id -- the issuer numbers its own sections -->\n# A {hkex="A9.9"}\n\nx\n\n# B {hkex="B9.9"}\n\ny\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--format json is a versioned document listing what was silenced and why', () => {
    const { run, report } = runJson(['check', file(), '--locale', 'en']);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(report.format, 'esgmark-check');
    assert.equal(report.version, 1);
    assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
    const unknown = report.diagnostics.filter((d) => d.rule === 'hkex/unknown-id');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0].message, /B9\.9/);
    assert.equal(report.suppressed.length, 1);
    assert.equal(report.suppressed[0].rule, 'hkex/unknown-id');
    assert.equal(report.suppressed[0].line, 7);
    assert.equal(report.suppressed[0].reason, 'the issuer numbers its own sections');
  });

  it('SARIF keeps a silenced finding, marked as suppressed in the source with its justification', () => {
    const run = runCli(['check', file(), '--format', 'sarif']);
    const results = (
      JSON.parse(run.stdout) as {
        runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[];
      }
    ).runs[0].results;
    const silenced = results.filter((r) => r.suppressions);
    assert.equal(silenced.length, 1);
    assert.deepEqual(silenced[0].suppressions, [
      { kind: 'inSource', justification: 'the issuer numbers its own sections' },
    ]);
    assert.ok(results.some((r) => r.ruleId === 'hkex/unknown-id' && !r.suppressions));
  });

  it('--max-warnings fails a run with more warnings than allowed', () => {
    const clean = path.join(dir, 'warnings.esg.md');
    writeFileSync(clean, readFileSync(path.join(REPO_ROOT, 'examples', 'zhipu-2025.esg.md'), 'utf8'));
    const { diagnostics } = runJson(['check', clean]);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    assert.ok(warnings > 0 && !diagnostics.some((d) => d.severity === 'error'));
    assert.equal(runCli(['check', clean]).status, 0);
    assert.equal(runCli(['check', clean, '--max-warnings', String(warnings)]).status, 0);
    const over = runCli(['check', clean, '--max-warnings', String(warnings - 1)]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
    assert.equal(runCli(['check', clean, '--max-warnings', 'many']).status, 2);
  });
});
