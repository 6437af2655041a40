// The project file `.esgmark.yaml`, `esgmark init`, `check --fix` / `--fix-dry-run` and the SARIF
// fields for code scanning (helpUri, fullDescription, partialFingerprints), all through the CLI as a
// process in a temporary folder (the working directory, so the project file there applies).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, runJson } from '../helpers/cli';
import { RULES } from '../../server/src/engine';

const FRONT = '---\ntitle: 測試報告\nlang: zh-Hant\nesg:\n  issuer: 測試有限公司\n  period: 2025\n---\n';

/** A report with an unknown unit (MWHr), an unrecognised water label, and an index row to an untagged section. */
const REPORT = `${FRONT}# 環境 {#env hkex="A1 A2"}\n\n內容\n\n| 指標 | 單位 | 2025 |\n|---|---|--:|\n| 自來水耗用總量 | 立方米 | 1,200 |\n| 總耗電量 | MWHr | 350 |\n\n# 僱傭 {#emp}\n\n內容\n\n## 索引 {#idx .hkex-index}\n\n| 條文 | 內容 | 報告章節 |\n|---|---|---|\n| A1 | x | [環境](#env) |\n| B1 | x | [僱傭](#emp) |\n`;

/** Safe fixes to make: the index row of the tagged A1.1, and a tag for two index rows naming one untagged section. */
const FIXABLE = `${FRONT}# 環境 {#env hkex="A1 A1.1"}\n\n內容\n\n# 僱傭 {#emp}\n\n內容\n\n## 索引 {#idx .hkex-index}\n\n| 條文 | 內容 | 報告章節 |\n|---|---|---|\n| A1 | x | [環境](#env) |\n| B1 | x | [僱傭](#emp) |\n| B2 | x | 僱傭 |\n`;
const FIXED = FIXABLE.replace(
  '| A1 | x | [環境](#env) |\n',
  '| A1 | x | [環境](#env) |\n| A1.1 | 關鍵績效指標 A1.1 排放物種類及相關排放數據 | [環境](#env) |\n',
).replace('# 僱傭 {#emp}', '# 僱傭 {#emp hkex="B1 B2"}');

let root: string;
before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'esgmark-config-cli-'));
});
after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A fresh folder holding `files` (relative path → text). */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('esgmark init', () => {
  it('writes a commented project file that changes nothing, and refuses to overwrite it without --force', () => {
    const dir = folder('init', { 'r.esg.md': REPORT });
    const before = runJson(['check', 'r.esg.md'], { cwd: dir }).diagnostics;
    const first = runCli(['init'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /wrote \.esgmark\.yaml/);
    const text = readFileSync(path.join(dir, '.esgmark.yaml'), 'utf8');
    assert.match(text, /^# esgmark project file/);
    assert.match(text, /# kpi\/unknown-unit: off/);
    // Valid as written, and all its settings are commented out: the findings are the same.
    const afterInit = runJson(['check', 'r.esg.md'], { cwd: dir }).diagnostics;
    assert.deepEqual(afterInit, before);
    writeFileSync(path.join(dir, '.esgmark.yaml'), 'rules: {}\n');
    const again = runCli(['init'], { cwd: dir });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists; 'esgmark init --force' replaces it/);
    assert.equal(readFileSync(path.join(dir, '.esgmark.yaml'), 'utf8'), 'rules: {}\n');
    const forced = runCli(['init', '--force'], { cwd: dir });
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(readFileSync(path.join(dir, '.esgmark.yaml'), 'utf8'), text);
  });

  it('writes into a folder given, and refuses a path that is no folder', () => {
    const dir = folder('init-folder', { 'sub/r.esg.md': REPORT });
    assert.equal(runCli(['init', 'sub'], { cwd: dir }).status, 0);
    assert.ok(existsSync(path.join(dir, 'sub', '.esgmark.yaml')));
    const bad = runCli(['init', 'sub/r.esg.md'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a folder/);
  });
});

describe('esgmark check with a project file', () => {
  it('applies rule severities: off removes a rule, warning raises a hint', () => {
    const dir = folder('severity', { 'r.esg.md': REPORT });
    const plain = runJson(['check', 'r.esg.md'], { cwd: dir }).diagnostics;
    assert.ok(
      plain.some((d) => d.rule === 'kpi/unknown-unit' && d.severity === 'warning'),
      'baseline: MWHr is unknown',
    );
    assert.ok(
      plain.some((d) => d.rule === 'hkex/index-untagged' && d.severity === 'hint'),
      'baseline: a hint',
    );
    writeFileSync(path.join(dir, '.esgmark.yaml'), 'rules:\n  kpi/unknown-unit: off\n  hkex/index-untagged: warning\n');
    const configured = runJson(['check', 'r.esg.md'], { cwd: dir }).diagnostics;
    assert.equal(configured.filter((d) => d.rule === 'kpi/unknown-unit').length, 0);
    const untagged = configured.filter((d) => d.rule === 'hkex/index-untagged');
    assert.ok(untagged.length > 0 && untagged.every((d) => d.severity === 'warning'));
    // An explicit option still wins: --quiet is not a severity, but the file in a sub-folder finds the file above.
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'r2.esg.md'), REPORT);
    const nested = runJson(['check', 'sub/r2.esg.md'], { cwd: dir }).diagnostics;
    assert.equal(nested.filter((d) => d.rule === 'kpi/unknown-unit').length, 0, 'found from the report folder upwards');
  });

  it('recognises a company unit spelling and a KPI synonym', () => {
    const dir = folder('vocabulary', { 'r.esg.md': REPORT });
    const plainRows = runCli(['kpis', 'r.esg.md', '--unrecognised'], { cwd: dir });
    assert.match(plainRows.stdout, /自來水耗用總量/);
    const plain = runJson(['check', 'r.esg.md'], { cwd: dir }).diagnostics;
    assert.ok(
      plain.some((d) => d.rule === 'hkex/missing' && /A2\.2/.test(d.message)),
      'baseline: A2.2 not disclosed',
    );
    writeFileSync(path.join(dir, '.esgmark.yaml'), 'units:\n  MWHr: MWh\nkpis:\n  water.total: [自來水耗用總量]\n');
    const rows = runCli(['kpis', 'r.esg.md', '--unrecognised'], { cwd: dir });
    assert.equal(rows.status, 0, rows.stderr);
    assert.doesNotMatch(rows.stdout, /自來水耗用總量/);
    const exported = JSON.parse(runCli(['kpis', 'r.esg.md', '--format', 'json'], { cwd: dir }).stdout) as {
      groups: { rows: { kpiId?: string; label: string; normalizedUnit?: string }[] }[];
    };
    const all = exported.groups.flatMap((g) => g.rows);
    assert.equal(all.find((r) => r.label === '自來水耗用總量')?.kpiId, 'water.total');
    assert.equal(all.find((r) => r.label === '總耗電量')?.normalizedUnit, 'kWh', 'MWHr read as MWh');
    const configured = runJson(['check', 'r.esg.md'], { cwd: dir }).diagnostics;
    assert.ok(
      !configured.some((d) => d.rule === 'hkex/missing' && /A2\.2/.test(d.message)),
      'the synonym row discloses A2.2',
    );
    assert.equal(configured.filter((d) => d.rule === 'kpi/unknown-unit').length, 0);
    assert.equal(configured.filter((d) => d.rule === 'esg/config').length, 0);
  });

  it('uses the issuer profile where the front matter says nothing, and the front matter where it does', () => {
    const gemOnly = folder('profile', {
      'r.esg.md': REPORT,
      'gem-fm.esg.md': REPORT.replace('  period: 2025\n', '  period: 2025\n  issuer-class: main-board\n'),
      '.esgmark.yaml': 'issuer:\n  board: gem\n',
    });
    const d20 = (file: string, extra: string[] = []) =>
      runJson(['check', file, ...extra], { cwd: gemOnly }).diagnostics.some(
        (d) => d.rule === 'hkex/missing' && (d.requirements ?? []).includes('D20'),
      );
    assert.equal(d20('r.esg.md'), false, 'GEM: Part D (but D28(a)/(b)) is voluntary');
    assert.equal(d20('gem-fm.esg.md'), true, 'the front matter says main-board');
    assert.equal(d20('r.esg.md', ['--issuer-class', 'main-board']), true, 'the option overrides both');
  });

  it('reports an invalid project file at the key, in the file, and fails the run', () => {
    const config =
      'issuer:\n  board: main\n  largecap: maybe\nrules:\n  hkex/nope: off\n  kpi/unknown-unit: silent\nkpis:\n  water.totl: [x]\n';
    const dir = folder('invalid', { 'r.esg.md': REPORT.replace('MWHr', '千瓦時'), '.esgmark.yaml': config });
    const { run, diagnostics } = runJson(['check', 'r.esg.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const own = diagnostics.filter((d) => d.file === '.esgmark.yaml');
    assert.ok(own.every((d) => d.rule === 'esg/config' && d.severity === 'error'));
    const at = (needle: string) => {
      const lines = config.split('\n');
      const line = lines.findIndex((l) => l.includes(needle));
      return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
    };
    const where = own.map((d) => ({ line: d.line, column: d.column }));
    for (const needle of ['maybe', 'hkex/nope', 'silent', 'water.totl'])
      assert.deepEqual(
        where.find((w) => w.line === at(needle).line),
        at(needle),
        needle,
      );
    assert.match(
      own.find((d) => d.line === at('silent').line)!.message,
      /expected one of: error, warning, information, hint, off/,
    );
    // The text format names the file and the key's position too.
    const text = runCli(['check', 'r.esg.md'], { cwd: dir });
    assert.match(
      text.stdout,
      /^\.esgmark\.yaml:5:3 {2}error {2}`hkex\/nope` in \.esgmark\.yaml is not an esgmark rule/m,
    );
  });

  it('a YAML syntax error is one diagnostic where the parser stopped, and the report is checked without the file', () => {
    const dir = folder('broken', { 'r.esg.md': REPORT, '.esgmark.yaml': 'rules:\n  kpi/unknown-unit: off\n bad: [\n' });
    const { diagnostics } = runJson(['check', 'r.esg.md'], { cwd: dir });
    const own = diagnostics.filter((d) => d.rule === 'esg/config');
    assert.ok(own.length >= 1 && own.every((d) => d.file === '.esgmark.yaml' && d.line >= 2));
    assert.ok(
      diagnostics.some((d) => d.rule === 'kpi/unknown-unit'),
      'nothing of a broken file applies',
    );
  });
});

describe('esgmark check --fix', () => {
  it('applies every safe fix, changes exactly those bytes, and prints what remains', () => {
    const dir = folder('fix', { 'r.esg.md': FIXABLE });
    const run = runCli(['check', 'r.esg.md', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'r.esg.md'), 'utf8'), FIXED);
    assert.match(run.stderr, /r\.esg\.md: fixed 3 problems \(2 edits\)/);
    const remaining = (JSON.parse(run.stdout) as { diagnostics: { rule: string; message: string }[] }).diagnostics;
    assert.equal(
      remaining.filter((d) => d.rule === 'hkex/index-untagged' || d.rule === 'hkex/index-mismatch').length,
      0,
    );
    assert.ok(!remaining.some((d) => d.rule === 'hkex/index-missing-row' && /A1\.1/.test(d.message)));
    assert.ok(
      remaining.some((d) => d.rule === 'hkex/missing'),
      'what has no safe fix remains',
    );
    assert.equal(run.status, 1, 'errors remain');
    // Nothing left to fix: the file stays as it is.
    const again = runCli(['check', 'r.esg.md', '--fix', '--quiet'], { cwd: dir });
    assert.doesNotMatch(again.stderr, /fixed/);
    assert.equal(readFileSync(path.join(dir, 'r.esg.md'), 'utf8'), FIXED);
  });

  it('keeps a byte order mark and CRLF line ends', () => {
    const crlf = FIXABLE.replace(/\n/g, '\r\n');
    const dir = folder('fix-crlf', {});
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'r.esg.md'), `\uFEFF${crlf}`);
    runCli(['check', 'r.esg.md', '--fix'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'r.esg.md'), 'utf8'), `\uFEFF${FIXED.replace(/\n/g, '\r\n')}`);
  });

  it('does not rewrite a file that is not clean UTF-8', () => {
    const dir = folder('fix-utf16', {});
    mkdirSync(dir, { recursive: true });
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]);
    writeFileSync(path.join(dir, 'r.esg.md'), bytes);
    const run = runCli(['check', 'r.esg.md', '--fix'], { cwd: dir });
    assert.match(run.stderr, /not fixed: the file is not clean UTF-8/);
    assert.ok(readFileSync(path.join(dir, 'r.esg.md')).equals(bytes));
  });

  it('--fix-dry-run prints the diff and writes nothing', () => {
    const dir = folder('dry', { 'r.esg.md': FIXABLE });
    const run = runCli(['check', 'r.esg.md', '--fix-dry-run'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'r.esg.md'), 'utf8'), FIXABLE);
    assert.match(run.stdout, /^--- a\/r\.esg\.md\n\+\+\+ b\/r\.esg\.md\n@@ -9,7 \+9,7 @@\n/);
    assert.match(run.stdout, /^@@ -17,7 \+17,8 @@$/m);
    assert.match(run.stdout, /^-# 僱傭 \{#emp\}$/m);
    assert.match(run.stdout, /^\+# 僱傭 \{#emp hkex="B1 B2"\}$/m);
    assert.match(run.stdout, /^ \| A1 \| x \| \[環境\]\(#env\) \|\n\+\| A1\.1 \| /m);
    assert.equal(run.stdout.split('\n').filter((l) => /^[-+](?![-+]{2})/.test(l)).length, 3, 'one line out, two in');
    assert.match(run.stderr, /after these fixes: \d+ errors?/);
    assert.equal(runCli(['check', 'r.esg.md', '--fix', '--fix-dry-run'], { cwd: dir }).status, 2);
    assert.equal(runCli(['check', 'r.esg.md', '--fix-dry-run', '--format', 'json'], { cwd: dir }).status, 2);
  });
});

describe('SARIF for code scanning', () => {
  interface Sarif {
    runs: {
      tool: { driver: { rules: { id: string; helpUri?: string; fullDescription?: { text: string } }[] } };
      results: {
        ruleId: string;
        partialFingerprints?: Record<string, string>;
        locations: { physicalLocation: { region: { startLine: number } } }[];
      }[];
    }[];
  }
  const sarif = (dir: string, extra: string[] = []) =>
    JSON.parse(runCli(['check', 'r.esg.md', '--format', 'sarif', ...extra], { cwd: dir }).stdout) as Sarif;

  it('every rule has helpUri at its section of docs/rules.md and a fullDescription', () => {
    const dir = folder('sarif-rules', { 'r.esg.md': REPORT });
    const rules = sarif(dir).runs[0].tool.driver.rules;
    assert.equal(rules.length, RULES.length);
    for (const r of rules) {
      assert.equal(r.helpUri, `https://example.invalid/esgmark/blob/main/docs/rules.md#${r.id.replace('/', '')}`);
      assert.ok(r.fullDescription && r.fullDescription.text.includes(r.helpUri!), r.id);
    }
    assert.match(rules.find((r) => r.id === 'hkex/index-untagged')!.fullDescription!.text, /esgmark check --fix/);
    const custom = sarif(dir, ['--docs-url', 'https://docs.example.com/esgmark/rules.html']).runs[0].tool.driver.rules;
    assert.equal(
      custom.find((r) => r.id === 'kpi/unknown-unit')!.helpUri,
      'https://docs.example.com/esgmark/rules.html#kpiunknown-unit',
    );
    assert.equal(runCli(['check', 'r.esg.md', '--docs-url', 'javascript:alert(1)'], { cwd: dir }).status, 2);
  });

  it('partialFingerprints stay the same when a line is inserted above', () => {
    const dir = folder('sarif-prints', { 'r.esg.md': REPORT });
    const before = sarif(dir).runs[0].results;
    writeFileSync(path.join(dir, 'r.esg.md'), REPORT.replace('# 環境', '本報告涵蓋集團全部業務。\n\n# 環境'));
    const after = sarif(dir).runs[0].results;
    const located = (rs: typeof before) => rs.filter((r) => r.locations[0].physicalLocation.region.startLine > 1);
    assert.ok(located(before).length >= 3);
    const key = (rs: typeof before) =>
      located(rs)
        .map((r) => `${r.ruleId} ${r.partialFingerprints?.['esgmarkFinding/v1']}`)
        .sort();
    assert.deepEqual(key(after), key(before));
    // The lines did move: the fingerprint is not the line number.
    assert.notDeepEqual(
      located(after).map((r) => r.locations[0].physicalLocation.region.startLine),
      located(before).map((r) => r.locations[0].physicalLocation.region.startLine),
    );
    // Each finding has its own.
    const prints = before.map((r) => r.partialFingerprints?.['esgmarkFinding/v1']);
    assert.equal(new Set(prints).size, prints.length);
  });
});
