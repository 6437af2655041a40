// Hostile input, part "formulas and output": formulas whose result cannot be compared with their figure,
// messages that named the wrong period or value, front matters that crashed the YAML library, and
// control characters that a report could send through the CLI to a terminal or a CI log. Each case goes
// through the CLI as a process (runCliBounded) and, for the formulas and messages, through the language
// server over stdio; each asserts the exit code, the diagnostic (rule, message with its numbers, exact
// range) and that time and memory stayed far inside generous bounds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeRun, peakRssOfPid, runCliBounded } from '../helpers/bounded';
import { LspTestClient } from '../helpers/lsp-client';
import { offsetOf, positionAt, rangeOf, type Span } from '../helpers/text';
import { getFactor } from '../../server/src/engine/catalogs/factors';
import { formatNumber } from '../../server/src/engine/numbers/quantity';
import { LIMITS } from '../../server/src/engine/limits';
import { parseCheckJson } from '../helpers/cli';

/** Generous: a hang, a quadratic blow-up or a runaway heap is orders of magnitude past these. */
const MAX_MS = 20_000;
const MAX_MIB = 700;

/** Raw characters a terminal or a viewer would obey: C0 except tab and line feed, DEL, C1, separators, bidi. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// ---- the reports ----

const ELECTRICITY = 1_124_032;
const GRID = 0.5306; // kgCO2/kWh, written in the front matter
const REVENUE = '3,029.5 百萬元';

/** A report with no error of its own (mandatory requirements disclosed): a case's errors set the exit code. */
function report(extraFrontMatter: string, body: string): string {
  return [
    '---',
    'esg:',
    '  period: 2025',
    '  factors:',
    `    grid: ${GRID} kgCO2/kWh`,
    '    catalog: cn-grid-2023',
    '  denominators:',
    `    revenue: ${REVENUE}`,
    ...(extraFrontMatter ? [extraFrontMatter] : []),
    '---',
    '# Board statement {hkex="MDR-governance MDR-principles MDR-boundary"}',
    '',
    'The board oversees ESG matters.',
    '',
    '# Emissions {hkex="D28(a) D28(b)"}',
    '',
    '| Indicator | Unit | 2024 | 2025 |',
    '|---|---|---|---|',
    `| [Electricity]{#energy.electricity} | kWh | 1,000,000 | ${formatNumber(ELECTRICITY, 0)} |`,
    '| [Scope 1]{#ghg.scope1} | tCO2e | 10 | 20 |',
    '',
    body,
    '',
  ].join('\n');
}

interface Expected {
  rule: string;
  severity: 'error' | 'warning';
  message: RegExp;
  /** Must not be in the message (the wrong period, a leaked internal error). */
  notMessage?: RegExp;
  range: Span;
}

interface Case {
  name: string;
  text: string;
  exit: number;
  /** The one diagnostic of `rule` the case must produce. */
  expected: Expected;
  /** Also through the language server. */
  lsp: boolean;
}

const span = (text: string, needle: string): Span => rangeOf(text, needle);
/** The range of `inner` inside the first occurrence of `outer`. */
const within = (text: string, outer: string, inner: string): Span => {
  const start = offsetOf(text, outer) + outer.indexOf(inner);
  assert.ok(outer.includes(inner), `${inner} in ${outer}`);
  return { start: positionAt(text, start), end: positionAt(text, start + inner.length) };
};
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function formulaCases(): Case[] {
  const cases: Case[] = [];
  const prose = (name: string, snippet: string, expected: (text: string) => Expected, exit = 0) => {
    const text = report('', `In prose: ${snippet}.`);
    cases.push({ name, text, exit, expected: expected(text), lsp: true });
  };
  // A result of another dimension than the figure.
  prose('check= giving energy for a figure in tCO2e', '[596.41 tCO2e]{check="1 kWh"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message:
      /^`1 kWh` \(2025\) gives 1 kWh \(dimension energy\), but the figure 596\.41 tCO2e is in `tCO2e` \(dimension co2e\)/,
    range: span(text, '[596.41 tCO2e]{check="1 kWh"}'),
  }));
  // Whole numbers are exact: 5 is [4.5, 5.5], 2 + 2 is 4.
  prose('check= of plain numbers: 5 is not 2 + 2', '[5]{check="2 + 2"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message: new RegExp(`^2 \\+ 2 \\(2025\\): the formula gives ${2 + 2}, the report says 5\\.$`),
    range: within(text, '[5]{check="2 + 2"}', '5'),
  }));
  prose('check= without a unit against a figure with one', '[5 tCO2e]{check="2 + 3"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message:
      /^`2 \+ 3` \(2025\) gives 5, a number without a unit, but the figure 5 tCO2e is in `tCO2e` \(dimension co2e\)/,
    range: span(text, '[5 tCO2e]{check="2 + 3"}'),
  }));
  prose('check= with a unit against a figure without one', '[5]{check="2 t + 3 t"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message: /^`2 t \+ 3 t` \(2025\) gives 5 t \(dimension mass\), but the figure 5 has no unit/,
    range: span(text, '[5]{check="2 t + 3 t"}'),
  }));
  // A percentage is a ratio: 50% against 0.4 is 50 against 40, not a silent pass.
  prose('check= percent against a fraction', '[50%]{check="0.4"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message: new RegExp(`^0\\.4 \\(2025\\): the formula gives ${0.4 * 100}, the report says 50%\\.$`),
    range: within(text, '[50%]{check="0.4"}', '50'),
  }));
  // The other way round: a ratio against a figure written without %, with a note saying so.
  prose('check= a ratio against a figure written without %', '[8.4]{check="0.084"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message: new RegExp(
      `^0\\.084 \\(2025\\): the formula gives ${esc(formatNumber(0.084, 1))}, the report says 8\\.4\\. As a percentage the result agrees: write 8\\.4%\\.$`,
    ),
    range: within(text, '[8.4]{check="0.084"}', '8.4'),
  }));
  prose('check= against a figure in an unknown unit', '[5 foo]{check="5 t"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message: /^`5 t` \(2025\) gives 5 t \(dimension mass\), but the unit `foo` of the figure 5 foo is not a known unit/,
    range: span(text, '[5 foo]{check="5 t"}'),
  }));
  // A quoted KPI figure whose unit is written after the span is read in the table's unit, not skipped.
  prose('kpi= without a unit against the table figure', '[25]{kpi=ghg.scope1} tCO2e', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message: /^ghg\.scope1@2025 \(2025\): the inputs give 20, the report says 25\. Inputs: Scope 1 20 tCO2e\.$/,
    range: within(text, '[25]{kpi=ghg.scope1}', '25'),
  }));
  prose(
    'an empty check=',
    '[5 tCO2e]{check=""}',
    (text) => {
      const at = positionAt(text, offsetOf(text, '[5 tCO2e]{check=""}') + '[5 tCO2e]{check="'.length);
      return {
        rule: 'kpi/prose-mismatch',
        severity: 'error',
        message: /^The formula is empty\.$/,
        range: { start: at, end: at },
      };
    },
    1,
  );
  prose('a check= that cannot be evaluated', '[5]{check="1 / 0"}', (text) => ({
    rule: 'kpi/prose-mismatch',
    severity: 'warning',
    message: /^Division by a value that is or may be zero\.$/,
    range: within(text, '[5]{check="1 / 0"}', '/'),
  }));
  // The same class in a row's formula=.
  {
    const text = report(
      '',
      '| Indicator | Unit | 2025 |\n|---|---|---|\n| [Scope 2]{#ghg.scope2 formula="energy.electricity"} | tCO2e | 20 |',
    );
    cases.push({
      name: 'formula= giving energy for a row in tCO2e',
      text,
      exit: 0,
      lsp: true,
      expected: {
        rule: 'kpi/formula-mismatch',
        severity: 'warning',
        message: new RegExp(
          `^\`energy\\.electricity\` \\(2025\\) gives ${esc(formatNumber(ELECTRICITY, 0))} kWh \\(dimension energy\\), but the figure 20 tCO2e is in \`tCO2e\``,
        ),
        range: within(text, 'formula="energy.electricity"', 'energy.electricity'),
      },
    });
  }
  return cases;
}

function messageCases(): Case[] {
  const cases: Case[] = [];
  {
    // The period the formula asked for, not the column's.
    const text = report(
      '',
      '| Indicator | Unit | 2025 |\n|---|---|---|\n| [Scope 2]{#ghg.scope2 formula="energy.electricity@1999 * factors.grid"} | tCO2e | 596.41 |',
    );
    cases.push({
      name: 'a formula asking for a period the report does not have names that period',
      text,
      exit: 0,
      lsp: true,
      expected: {
        rule: 'kpi/formula-mismatch',
        severity: 'warning',
        message: /^`energy\.electricity` has no value for 1999 in this report\.$/,
        notMessage: /2025/,
        range: span(text, 'energy.electricity@1999'),
      },
    });
  }
  {
    // Each input once, with its value and unit: the factor as written in the front matter.
    const reported = '600.00';
    const computed = formatNumber((ELECTRICITY * GRID) / 1000, 2);
    const text = report(
      '',
      `| Indicator | Unit | 2025 |\n|---|---|---|\n| [Scope 2]{#ghg.scope2 formula="energy.electricity * factors.grid + 0 * energy.electricity * factors.grid"} | tCO2e | ${reported} |`,
    );
    cases.push({
      name: 'the inputs of a mismatch: each once, with value and unit (factor, KPI)',
      text,
      exit: 0,
      lsp: true,
      expected: {
        rule: 'kpi/formula-mismatch',
        severity: 'warning',
        message: new RegExp(
          `the inputs give ${esc(computed)}, the report says ${reported} tCO2e\\. Inputs: Electricity ${esc(formatNumber(ELECTRICITY, 0))} kWh; factors\\.grid ${GRID} kgCO2/kWh\\.$`,
        ),
        notMessage: /factors\.grid factors\.grid|Electricity.*Electricity/,
        range: within(text, `| tCO2e | ${reported} |`, reported),
      },
    });
  }
  {
    // A catalog factor, a denominator and a KPI of another period.
    const factor = getFactor('cn-grid-2023')!;
    const text = report(
      '',
      '[1 tCO2e/百萬元]{check="energy.electricity@2024 * factors.catalog / denominators.revenue"}.',
    );
    cases.push({
      name: 'the inputs of a mismatch: a catalog factor, a denominator, a KPI of another period',
      text,
      exit: 0,
      lsp: true,
      expected: {
        rule: 'kpi/prose-mismatch',
        severity: 'warning',
        message: new RegExp(
          `Inputs: Electricity \\(2024\\) 1,000,000 kWh; factors\\.catalog cn-grid-2023 = ${esc(factor.printed)} ${esc(factor.unit)}; denominators\\.revenue ${esc(REVENUE)}\\.$`,
        ),
        range: within(text, '[1 tCO2e/百萬元]', '1'),
      },
    });
  }
  {
    const value = '99999999999999999999';
    const text = report('', '').replace('  period: 2025', `  period: ${value}`);
    cases.push({
      name: 'a period out of range is one error naming the value and the range',
      text,
      exit: 1,
      lsp: true,
      expected: {
        rule: 'frontmatter/schema',
        severity: 'error',
        message: new RegExp(`^Invalid value for \`esg\\.period\`: \`${value}\` is not a year from 1990 to 2100\\.`),
        notMessage: /9007199254740991|Too big/,
        range: span(text, value),
      },
    });
  }
  return cases;
}

/** A front matter nested `depth` levels under `esg.chapters`, as a flow sequence or as block lists. */
function deepCases(): Case[] {
  const flow = '---\nesg:\n  chapters: ' + '['.repeat(100_000) + '\n---\n# x\n';
  // Block lists indent two more spaces a level, so the text grows with the square of the depth: 2 000
  // levels are 4 M characters, well inside the report size limit (5 000 would be 25 M, past it).
  const block =
    '---\nesg:\n  chapters:\n' +
    Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i + 4)}- \n`).join('') +
    '---\n# x\n';
  const mixed = '---\nesg:\n  chapters: ' + '[{a: '.repeat(20_000) + '\n---\n# x\n';
  return [
    ['100 000 nested flow sequences', flow],
    ['2 000 nested block lists', block],
    ['20 000 nested flow sequences and maps', mixed],
  ].map(([name, text]) => ({
    name: `a front matter of ${name} is one "nested too deeply" error at its key`,
    text,
    exit: 1,
    lsp: true,
    expected: {
      rule: 'frontmatter/schema',
      severity: 'error',
      message: new RegExp(
        `^Front matter is nested too deeply: \`esg\\.chapters\` holds lists or maps more than ${LIMITS.maxYamlDepth} levels deep\\.`,
      ),
      notMessage: /call stack|recursion/i,
      range: span(text, 'chapters'),
    },
  }));
}

// ---- running ----

let dir: string;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'esgmark-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

let fileCount = 0;
function write(text: string, name = `case-${++fileCount}.esg.md`): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function toJsonRange(r: Span) {
  return {
    line: r.start.line + 1,
    column: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

async function checkCase(c: Case): Promise<void> {
  const file = write(c.text);
  const run = await runCliBounded(['check', path.basename(file), '--format', 'json', '--locale', 'en'], { cwd: dir });
  try {
    assert.equal(run.status, c.exit, describeRun(run));
    assert.equal(run.stderr, '');
    assert.ok(run.ms < MAX_MS && run.peakMiB < MAX_MIB, describeRun(run));
    const diagnostics = parseCheckJson(run.stdout, run.stderr).diagnostics;
    const mine = diagnostics.filter((d) => d.rule === c.expected.rule);
    assert.equal(mine.length, 1, JSON.stringify(mine, null, 1));
    const d = mine[0];
    assert.equal(d.severity, c.expected.severity);
    assert.match(d.message, c.expected.message);
    if (c.expected.notMessage) assert.doesNotMatch(d.message, c.expected.notMessage);
    assert.deepEqual(
      { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn },
      toJsonRange(c.expected.range),
    );
    // The class, not only the instance: no message of the run has an empty, undefined or NaN placeholder.
    for (const other of diagnostics)
      assert.doesNotMatch(other.message, /undefined|NaN|\{\w+\}|``|Inputs: \./, other.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('hostile formulas, messages and front matters through the CLI', () => {
  for (const c of [...formulaCases(), ...messageCases(), ...deepCases()]) it(c.name, () => checkCase(c));

  it('a formula whose result agrees is silent, in every comparable pairing', async () => {
    // The negative control: the same paths with figures that are right give no prose-mismatch at all.
    const text = report(
      '',
      'Agreeing: [0.5]{check="50%"}, [40%]{check="0.4"}, [5 foo]{check="5"}, [4]{check="2 + 2"}, [1,124.032 MWh]{check="energy.electricity"}.',
    );
    const file = write(text);
    const run = await runCliBounded(['check', path.basename(file), '--format', 'json', '--locale', 'en'], { cwd: dir });
    rmSync(file, { force: true });
    assert.equal(run.status, 0, describeRun(run));
    const diagnostics = parseCheckJson(run.stdout, run.stderr).diagnostics;
    assert.deepEqual(
      diagnostics.filter((d) => d.rule.startsWith('kpi/')),
      [],
    );
  });
});

describe('the same formulas, messages and front matters through the language server', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({
      settings: { debounceMs: 0, locale: 'en' },
      nodeFlags: ['--max-old-space-size=1024'],
    });
  });

  after(async () => {
    await client?.stop();
  });

  for (const c of [...formulaCases(), ...messageCases(), ...deepCases()].filter((x) => x.lsp)) {
    it(c.name, async () => {
      const uri = pathToFileURL(path.join(dir, `lsp-${++fileCount}.esg.md`)).href;
      const started = Date.now();
      await client.open(uri, c.text);
      const published = await client.waitForDiagnostics(
        uri,
        (p) => p.diagnostics.some((d) => d.code === c.expected.rule),
        MAX_MS,
      );
      const ms = Date.now() - started;
      const mine = published.diagnostics.filter((d) => d.code === c.expected.rule);
      assert.equal(mine.length, 1, JSON.stringify(mine, null, 1));
      assert.equal(mine[0].severity, c.expected.severity === 'error' ? 1 : 2);
      const message = String(mine[0].message);
      assert.match(message, c.expected.message);
      if (c.expected.notMessage) assert.doesNotMatch(message, c.expected.notMessage);
      assert.deepEqual(mine[0].range, c.expected.range);
      await client.close(uri);
      assert.ok(ms < MAX_MS, `${ms} ms`);
      const rss = peakRssOfPid(client.pid!);
      assert.ok(!(rss >= MAX_MIB), `server peak RSS ${rss} MiB`);
      assert.ok(client.isRunning, client.stderr);
    });
  }
});

// ---- control characters in, escapes out ----

const ESC = '\u001b';
/** Erase the line, an OSC 8 link, an OSC title, a C1 CSI, bidi override and isolate, a backspace. */
const PAYLOAD = `${ESC}[2K${ESC}]8;;http://x\u0007${ESC}]0;title\u0007\u009b31m\u202e\u2066\u0008`;
/** In a file name: a carriage return too, and no '/'. */
const NAME_PAYLOAD = `${ESC}[2K\r${ESC}]8;;http:x\u0007${ESC}]0;title\u0007\u009b31m\u202e\u2066`;
/** What the CLI prints for PAYLOAD: each control as a visible escape. */
const SHOWN = '\\x1b[2K\\x1b]8;;http://x\\x07\\x1b]0;title\\x07\\x9b31m\\u202e\\u2066\\x08';

function hostileReport(): string {
  return report(
    '',
    [
      `# Section {#sec${PAYLOAD} hkex="A1"}`,
      '',
      'Text.',
      '',
      '# Index {.hkex-index}',
      '',
      '| 條文 | 內容 | 章節 |',
      '|---|---|---|',
      // A link to the heading's id with one letter more: broken, so the message quotes it.
      `| A1 | x | [Section](#sec${PAYLOAD}x) |`,
      '',
      '| Indicator | Unit | 2025 |',
      '|---|---|---|',
      `| Label${PAYLOAD} | tCO2e | 5x |`,
      `| [Scope 3]{#ghg.scope3} | tCO2e | 5${PAYLOAD} |`,
    ].join('\n'),
  );
}

describe('control characters from a report are shown, never obeyed', () => {
  const sites: [string, string, RegExp][] = [
    ['a heading id (as an index link)', 'hkex/index-broken-target', new RegExp(`links to \`#sec${esc(SHOWN)}x\``)],
    ['a KPI label', 'kpi/bad-number', new RegExp(`^"Label${esc(SHOWN)}" \\(2025\\)`)],
    ['a table cell', 'kpi/bad-number', new RegExp(`\`5${esc(SHOWN)}\` is not a number`)],
  ];

  it('text format: every site is shown escaped, the file name too, and nothing raw reaches stdout or stderr', async () => {
    const name = `r${NAME_PAYLOAD}.esg.md`;
    const file = write(hostileReport(), name);
    const run = await runCliBounded(['check', name, '--locale', 'en'], { cwd: dir });
    rmSync(file, { force: true });
    assert.equal(run.status, 1, describeRun(run));
    assert.ok(run.ms < MAX_MS && run.peakMiB < MAX_MIB, describeRun(run));
    assert.doesNotMatch(run.stdout, RAW_CONTROL);
    assert.doesNotMatch(run.stderr, RAW_CONTROL);
    const lines = run.stdout.split('\n');
    const shownName = 'r\\x1b[2K\\x0d\\x1b]8;;http:x\\x07\\x1b]0;title\\x07\\x9b31m\\u202e\\u2066.esg.md';
    for (const [site, rule, message] of sites) {
      const line = lines.find((l) => l.endsWith(`  ${rule}`) && message.test(l.split('  ')[2] ?? ''));
      assert.ok(line, `${site}: no ${rule} line matching ${String(message)} in\n${run.stdout}`);
      assert.ok(line.startsWith(`${shownName}:`), line);
    }
  });

  it('SARIF: message texts and rule descriptions hold visible escapes; the JSON has no raw control left', async () => {
    const name = `r${NAME_PAYLOAD}.esg.md`;
    const file = write(hostileReport(), name);
    const run = await runCliBounded(['check', name, '--locale', 'en', '--format', 'sarif'], { cwd: dir });
    rmSync(file, { force: true });
    assert.equal(run.status, 1, describeRun(run));
    assert.ok(run.ms < MAX_MS && run.peakMiB < MAX_MIB, describeRun(run));
    assert.doesNotMatch(run.stdout.replace(/\n/g, ''), RAW_CONTROL);
    assert.equal(run.stderr, '');
    const log = JSON.parse(run.stdout) as {
      runs: {
        results: {
          ruleId: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const results = log.runs[0].results;
    for (const [site, rule, message] of sites) {
      const hit = results.find((r) => r.ruleId === rule && message.test(r.message.text));
      assert.ok(hit, `${site}: no ${rule} result matching ${String(message)}`);
      // Decoded, the text a viewer renders still has no raw control.
      assert.doesNotMatch(hit.message.text, RAW_CONTROL);
      assert.equal(
        decodeURIComponent(hit.locations[0].physicalLocation.artifactLocation.uri),
        name,
        'the uri names the file faithfully, percent-encoded',
      );
    }
  });

  it('stderr: a file name with controls in a usage error is shown escaped', async () => {
    const run = await runCliBounded(['check', `missing${NAME_PAYLOAD}.esg.md`], { cwd: dir });
    assert.equal(run.status, 2, describeRun(run));
    assert.equal(run.stdout, '');
    assert.doesNotMatch(run.stderr, RAW_CONTROL);
    assert.match(
      run.stderr,
      /^esgmark: cannot read missing\\x1b\[2K\\x0d\\x1b\]8;;http:x\\x07.*\.esg\.md: no such file or directory\n/,
    );
  });

  it('index: the Markdown keeps its text, line breaks and bidi, but no C0 or C1 control', async () => {
    // The generated index links to the heading by its id: the payload reaches the Markdown there.
    const file = write(hostileReport());
    const run = await runCliBounded(['index', path.basename(file), '--locale', 'en'], { cwd: dir });
    rmSync(file, { force: true });
    assert.equal(run.status, 0, describeRun(run));
    assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    assert.ok(
      run.stdout.includes(`(#sec${SHOWN.replace('\\u202e', '\u202e').replace('\\u2066', '\u2066')})`),
      run.stdout,
    );
  });

  it('leaves nothing in the temporary folder', () => {
    assert.deepEqual(readdirSync(dir), []);
  });
});
