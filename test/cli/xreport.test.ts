// Cross-report checks through the CLI as a process: `check` follows esg.translations and esg.previous
// through the workspace gate, and `compare` prints every KPI and period of two reports with the verdict.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, parseCheckJson } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'cross-report');
const copies: string[] = [];
after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

function copyExample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'esgmark-xreport-'));
  copies.push(dir);
  cpSync(EXAMPLE, path.join(dir, 'reports'), { recursive: true });
  return path.join(dir, 'reports');
}

test("check follows the links: the pair and last year's report are clean, each planted copy shows its one finding", () => {
  const run = runCli(['check', EXAMPLE, '--format', 'json']);
  assert.equal(run.status, 0, run.stderr);
  const report = parseCheckJson(run.stdout, run.stderr);
  const serious = report.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
  const got = serious
    .map((d) => `${path.relative(EXAMPLE, path.resolve(REPO_ROOT, d.file))}:${d.line} ${d.rule}`)
    .sort();
  const lineOf = (file: string, label: string) =>
    readFileSync(path.join(EXAMPLE, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('|') && l.includes(label)) + 1;
  const want = [
    ['planted/drift-value.en.esg.md', 'xreport/translation-mismatch'],
    ['planted/restated-equal.en.esg.md', 'xreport/restated'],
    ['planted/restated-no-reason.en.esg.md', 'xreport/restated'],
    ['planted/restated-unmarked.en.esg.md', 'xreport/restated'],
  ].map(([file, rule]) => `${file}:${lineOf(file, 'Non-hazardous waste')} ${rule}`);
  assert.deepEqual(got, want.sort(), run.stdout);
});

test('a drift appears when either version is checked, and the message names the other file and line', () => {
  const dir = copyExample();
  const zh = path.join(dir, '2025', 'report.zh-hant.esg.md');
  writeFileSync(
    zh,
    readFileSync(zh, 'utf8').replace('| 無害廢棄物 | 噸 | 38.4 | 41.0 |', '| 無害廢棄物 | 噸 | 34.8 | 41.0 |'),
  );
  const run = runCli(['check', path.join(dir, '2025'), '--workspace', dir, '--locale', 'en']);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n').filter((l) => l.includes('xreport/translation-mismatch'));
  assert.equal(lines.length, 2, run.stdout);
  assert.match(
    lines.find((l) => l.includes('report.en.esg.md:'))!,
    /38\.4 t here, but 34\.8 噸 in the Traditional Chinese version `report\.zh-hant\.esg\.md` \(line \d+\)/,
  );
  assert.match(
    lines.find((l) => l.includes('report.zh-hant.esg.md:'))!,
    /34\.8 噸 here, but 38\.4 t in the English version `report\.en\.esg\.md`/,
  );
});

test('a link out of the workspace, or to a missing file, is one xreport/link warning at its key; nothing outside is read', () => {
  const dir = copyExample();
  const en = path.join(dir, '2025', 'report.en.esg.md');
  // A file given alone has its own folder as workspace: ../2024 is outside it.
  const alone = runCli(['check', en, '--format', 'json']);
  const links = parseCheckJson(alone.stdout, alone.stderr).diagnostics.filter((d) => d.rule === 'xreport/link');
  assert.deepEqual(
    links.map((d) => d.line),
    [14],
  );
  assert.match(
    links[0].message,
    /`esg\.previous` names `\.\.\/2024\/report\.en\.esg\.md`, which lies outside the workspace/,
  );
  writeFileSync(
    en,
    readFileSync(en, 'utf8').replace('translations: [report.zh-hant.esg.md]', 'translations: [report.zh-hans.esg.md]'),
  );
  const missing = runCli(['check', en, '--workspace', dir, '--format', 'json']);
  const d = parseCheckJson(missing.stdout, missing.stderr).diagnostics.filter((x) => x.rule === 'xreport/link');
  assert.deepEqual(
    d.map((x) => [x.line, x.column]),
    [[13, 18]],
  );
  assert.match(d[0].message, /does not exist/);
  // Otherwise checked as before: clean.
  assert.equal(missing.status, 0);
});

test('compare: text, CSV and JSON list every KPI and period with both values and the verdict; exit 1 when a figure differs', () => {
  const a = path.join(EXAMPLE, '2025', 'report.en.esg.md');
  const b = path.join(EXAMPLE, 'planted', 'drift-value.en.esg.md');
  const text = runCli(['compare', a, b]);
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /30 KPI figures, 1 differ, 29 agree, 0 in one report only/);
  assert.match(text.stdout, /waste\.non_hazardous\s+2025\s+38\.4 t :\d+\s+34\.8 t :\d+\s+differs/);
  const csv = runCli(['compare', a, path.join(EXAMPLE, '2025', 'report.zh-hant.esg.md'), '--format', 'csv']);
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  assert.equal(
    rows[0],
    'kpi_id,name,period,verdict,first_label,first_value,first_line,second_label,second_value,second_line',
  );
  // Every catalog KPI agrees; a part recognition names from a label's own words (`.p-`, `.part.open-`)
  // has an id of each language's words, so the two versions list theirs apart.
  const catalogRows = rows.slice(1).filter((r) => !/\.(?:p-|part\.open-)/.test(r.split(',')[0]));
  assert.equal(catalogRows.length, 28);
  assert.ok(
    catalogRows.every((r) => r.split(',')[3] === 'same'),
    rows.join('\n'),
  );
  assert.ok(
    rows.some((r) =>
      /^waste\.hazardous\.p-[0-9a-z]+,Total hazardous waste produced: Hazardous waste \(used batteries\),2025,only-first,/.test(
        r,
      ),
    ),
    rows.join('\n'),
  );
  assert.ok(
    rows.some((r) =>
      r.startsWith('energy.electricity,Electricity consumption,2025,same,Electricity consumption,"18,400 MWh",'),
    ),
  );
  const json = runCli(['compare', a, path.join(EXAMPLE, '2024', 'report.en.esg.md'), '--format', 'json']);
  assert.equal(json.status, 0, json.stderr);
  const doc = JSON.parse(json.stdout) as {
    format: string;
    rows: { kpi: string; period: string; verdict: string; first?: { value: string }; second?: { value: string } }[];
  };
  assert.equal(doc.format, 'esgmark-compare');
  const verdicts = new Set(doc.rows.map((r) => `${r.period} ${r.verdict}`));
  assert.deepEqual([...verdicts].sort(), ['2023 only-second', '2024 same', '2025 only-first']);
});

test('compare: usage errors exit 2', () => {
  const one = runCli(['compare', path.join(EXAMPLE, '2025', 'report.en.esg.md')]);
  assert.equal(one.status, 2);
  assert.match(one.stderr, /'compare' needs exactly two files/);
  const format = runCli(['compare', 'a.esg.md', 'b.esg.md', '--format', 'sarif']);
  assert.equal(format.status, 2);
});

test('links to a folder, a named pipe, a device and a symlink out of the workspace are refused without being read', () => {
  const dir = copyExample();
  mkdirSync(path.join(dir, 'folder.esg.md'));
  const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.esg.md')]);
  symlinkSync('/dev/zero', path.join(dir, 'zero.esg.md'));
  symlinkSync('/etc/hostname', path.join(dir, 'escape.esg.md'));
  const en = path.join(dir, '2025', 'report.en.esg.md');
  const links = [
    '../folder.esg.md',
    ...(fifo.status === 0 ? ['../pipe.esg.md'] : []),
    '../zero.esg.md',
    '../escape.esg.md',
  ];
  writeFileSync(
    en,
    readFileSync(en, 'utf8').replace('translations: [report.zh-hant.esg.md]', `translations: [${links.join(', ')}]`),
  );
  const run = runCli(['check', en, '--workspace', dir, '--format', 'json']);
  assert.equal(run.status, 0, run.stderr);
  const found = parseCheckJson(run.stdout, run.stderr).diagnostics.filter((d) => d.rule === 'xreport/link');
  assert.equal(found.length, links.length, run.stdout);
  assert.ok(found.every((d) => d.line === 13));
  const messages = found.map((d) => d.message).join('\n');
  assert.match(messages, /folder\.esg\.md`, which is not a regular file \(a folder\)/);
  assert.match(messages, /escape\.esg\.md`, which lies outside the workspace/);
  assert.match(messages, /zero\.esg\.md`, which lies outside the workspace/);
  if (fifo.status === 0) assert.match(messages, /pipe\.esg\.md`, which is not a regular file \(a named pipe\)/);
});

test('check: a suppression comment silences the cross-report finding below it; JSON keeps it with its reason', () => {
  const dir = copyExample();
  const file = path.join(dir, 'planted', 'restated-unmarked.en.esg.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(
      '\n| Indicator | Unit | FY2025 | FY2024 |\n|---|---|--:|--:|\n| [Scope 1',
      '\n<!-- esgmark-disable-next-line xreport/restated -- restated in the 2025 annual report, note 3 -->\n| Indicator | Unit | FY2025 | FY2024 |\n|---|---|--:|--:|\n| [Scope 1',
    ),
  );
  const run = runCli(['check', file, '--workspace', dir, '--format', 'json']);
  assert.equal(run.status, 0, run.stderr);
  const report = parseCheckJson(run.stdout, run.stderr);
  assert.deepEqual(
    report.diagnostics.filter((d) => d.rule.startsWith('xreport/') || d.rule === 'esg/suppression'),
    [],
  );
  const line =
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('| Non-hazardous waste')) + 1;
  assert.deepEqual(
    report.suppressed.map((d) => [d.rule, d.line, d.reason]),
    [['xreport/restated', line, 'restated in the 2025 annual report, note 3']],
  );
});
