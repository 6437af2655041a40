// Nesting and repetition through the real interfaces: 20 000 nested explanation divs and 20 000 unclosed
// openers (both ran out of a 4 GB heap before the depth limit), checked by the CLI as a process and by
// the language server over stdio; and a KPI label with `<` and `>` exported by the CLI. Each case
// asserts the exit code, the diagnostic the user gets (rule, message, exact range), that the output
// stays bounded, and that time and memory stay far below what the failures took.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeRun, peakRssOfPid, runCliBounded } from '../helpers/bounded';
import { LspTestClient } from '../helpers/lsp-client';
import { LIMITS } from '../../server/src/engine/limits';
import { parseCheckJson } from '../helpers/cli';

/** Generous bounds (CI is noisy); the failures they guard against took 9–22 s and 4 GB. */
const MAX_MS = 10_000;
const MAX_MIB = 600;
const N = 20_000;

const HEADER = '---\nesg:\n  period: 2025\n---\n# T\n\n';
const HEADER_LINES = HEADER.split('\n').length - 1;
const OPENER = '::: {.explain hkex="B6.1"}';

interface CliDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  message: string;
  severity: string;
}

/** The opener that is one past the depth limit: 0-based line in the file. */
const FIRST_TOO_DEEP = HEADER_LINES + LIMITS.maxDivDepth;
/** Fences ignored inside the first one past the limit. */
const IGNORED_INSIDE = N - LIMITS.maxDivDepth - 1;

describe('hostile input: nesting and repetition', () => {
  let dir: string;
  let nested: string;
  let unclosed: string;
  let labels: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'esgmark-nesting-'));
    nested = path.join(dir, 'nested.esg.md');
    writeFileSync(nested, HEADER + `${OPENER}\n`.repeat(N) + ':::\n'.repeat(N));
    unclosed = path.join(dir, 'unclosed.esg.md');
    writeFileSync(unclosed, HEADER + `${OPENER}\n`.repeat(N));
    labels = path.join(dir, 'labels.esg.md');
    writeFileSync(
      labels,
      HEADER +
        '| 指標 | 單位 | 2025 |\n|---|---|---|\n' +
        '| Employees aged <30 or >50 | 人 | 120 |\n' +
        '| Staff<sup>1</sup> with a<br/>disability | 人 | 7 |\n',
    );
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function check(file: string): Promise<CliDiagnostic[]> {
    const run = await runCliBounded(['check', file, '--format', 'json', '--locale', 'en'], { timeoutMs: 60_000 });
    console.log(`  CLI check ${path.basename(file)} — ${run.ms.toFixed(0)} ms, peak ${run.peakMiB.toFixed(0)} MiB`);
    assert.equal(run.status, 1, `exit 1 (the report has hkex/missing errors): ${describeRun(run)}`);
    assert.ok(run.ms < MAX_MS, `time: ${describeRun(run)}`);
    assert.ok(run.peakMiB < MAX_MIB, `memory: ${describeRun(run)}`);
    return parseCheckJson(run.stdout, run.stderr).diagnostics as CliDiagnostic[];
  }

  function assertTooDeep(diagnostics: CliDiagnostic[]) {
    const tooDeep = diagnostics.filter(
      (d) => d.rule === 'esg/syntax' && d.message.includes(`nested more than ${LIMITS.maxDivDepth} deep`),
    );
    assert.equal(tooDeep.length, 1, 'one diagnostic for the fences past the depth limit');
    assert.match(tooDeep[0].message, new RegExp(`and the ${IGNORED_INSIDE} opened inside it are ignored`));
    // The CLI prints 1-based lines and columns, the end column exclusive.
    assert.deepEqual(
      {
        line: tooDeep[0].line,
        column: tooDeep[0].column,
        endLine: tooDeep[0].endLine,
        endColumn: tooDeep[0].endColumn,
      },
      { line: FIRST_TOO_DEEP + 1, column: 1, endLine: FIRST_TOO_DEEP + 1, endColumn: OPENER.length + 1 },
    );
  }

  it(`CLI: ${N} nested explanation divs get one depth diagnostic at the first fence past the limit`, async () => {
    const diagnostics = await check(nested);
    assertTooDeep(diagnostics);
    // Nothing else about the divs: each kept one is closed and has ids and a reason.
    assert.deepEqual(diagnostics.filter((d) => d.rule === 'esg/syntax').length, 1);
    assert.ok(diagnostics.length < 300, `bounded output: ${diagnostics.length} diagnostics`);
  });

  it(`CLI: ${N} unclosed openers get the first ${LIMITS.maxProblemsPerKind} unclosed divs, one summary and one depth diagnostic`, async () => {
    const diagnostics = await check(unclosed);
    assertTooDeep(diagnostics);
    const unclosedDivs = diagnostics.filter(
      (d) => d.rule === 'esg/syntax' && d.message.startsWith('This `:::` block is never closed'),
    );
    // The divs kept are the first maxDivDepth; of those, maxProblemsPerKind are listed and the next one sums up the rest.
    assert.equal(unclosedDivs.length, LIMITS.maxProblemsPerKind + 1);
    unclosedDivs.forEach((d, k) => {
      assert.deepEqual(
        [d.line, d.column, d.endLine, d.endColumn],
        [HEADER_LINES + k + 1, 1, HEADER_LINES + k + 1, OPENER.length + 1],
        `unclosed div ${k}`,
      );
    });
    const summary = unclosedDivs[LIMITS.maxProblemsPerKind];
    assert.match(
      summary.message,
      new RegExp(
        `\\(${LIMITS.maxDivDepth - LIMITS.maxProblemsPerKind - 1} more problems of this kind follow and are not listed`,
      ),
    );
    assert.ok(unclosedDivs.slice(0, -1).every((d) => !d.message.includes('more problems')));
    assert.equal(diagnostics.filter((d) => d.rule === 'esg/syntax').length, LIMITS.maxProblemsPerKind + 2);
    assert.ok(diagnostics.length < 300, `bounded output: ${diagnostics.length} diagnostics`);
  });

  it('CLI kpis: a label with < and > keeps them in JSON and CSV; real tags are removed', async () => {
    const json = await runCliBounded(['kpis', labels, '--format', 'json'], { timeoutMs: 60_000 });
    assert.equal(json.status, 0, describeRun(json));
    assert.ok(json.ms < MAX_MS && json.peakMiB < MAX_MIB, describeRun(json));
    const model = JSON.parse(json.stdout) as {
      groups: { rows: { label: string; name: string; values: { raw: string }[] }[] }[];
    };
    const rows = model.groups.flatMap((g) => g.rows);
    const aged = rows.find((r) => r.values[0]?.raw === '120');
    assert.equal(aged?.label, 'Employees aged <30 or >50');
    // A part of a catalog KPI is named after it, as the preview shows it.
    assert.equal(aged?.name, 'Total number of employees: Employees aged <30 or >50');
    const staff = rows.find((r) => r.values[0]?.raw === '7');
    assert.equal(
      staff?.label,
      'Staff with a disability',
      'the footnote mark goes and the <br/> tag separates the words',
    );

    const csv = await runCliBounded(['kpis', labels, '--format', 'csv'], { timeoutMs: 60_000 });
    assert.equal(csv.status, 0, describeRun(csv));
    assert.ok(
      csv.stdout.includes('Total number of employees: Employees aged <30 or >50,Employees aged <30 or >50,'),
      csv.stdout,
    );
    assert.ok(!csv.stdout.includes('<sup>') && !csv.stdout.includes('<br'), csv.stdout);
  });

  it(`server: ${N} nested divs and ${N} unclosed openers are published with the depth diagnostic, in bounded time and memory`, async () => {
    const client = await LspTestClient.start({ settings: { debounceMs: 0, locale: 'en' } });
    const figures: string[] = [];
    try {
      for (const file of [nested, unclosed]) {
        const uri = pathToFileURL(file).href;
        const text = HEADER + `${OPENER}\n`.repeat(N) + (file === nested ? ':::\n'.repeat(N) : '');
        const started = Date.now();
        await client.open(uri, text);
        const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000);
        const ms = Date.now() - started;
        assert.ok(ms < MAX_MS, `published after ${ms} ms`);
        figures.push(`${path.basename(file)}: published in ${ms} ms`);
        const messageOf = (d: { message: string | { value: string } }) =>
          typeof d.message === 'string' ? d.message : d.message.value;
        const tooDeep = published.diagnostics.filter(
          (d) => d.code === 'esg/syntax' && messageOf(d).includes(`nested more than ${LIMITS.maxDivDepth} deep`),
        );
        assert.equal(tooDeep.length, 1, JSON.stringify(published.diagnostics.filter((d) => d.code === 'esg/syntax')));
        assert.deepEqual(tooDeep[0].range, {
          start: { line: FIRST_TOO_DEEP, character: 0 },
          end: { line: FIRST_TOO_DEEP, character: OPENER.length },
        });
        assert.match(messageOf(tooDeep[0]), new RegExp(`the ${IGNORED_INSIDE} opened inside it`));
        assert.ok(published.diagnostics.length < 300, `bounded publication: ${published.diagnostics.length}`);

        // Typing in the heading: the analysis derived from the previous one is published as quickly.
        const typed = Date.now();
        await client.change(uri, 2, [
          {
            range: { start: { line: HEADER_LINES - 2, character: 3 }, end: { line: HEADER_LINES - 2, character: 3 } },
            text: 'x',
          },
        ]);
        const next = await client.waitForDiagnostics(uri, (p) => p.version === 2, 30_000);
        assert.ok(Date.now() - typed < MAX_MS, `published after the edit in ${Date.now() - typed} ms`);
        figures.push(`edit published in ${Date.now() - typed} ms`);
        assert.deepEqual(
          next.diagnostics.filter((d) => d.code === 'esg/syntax').map((d) => d.range),
          published.diagnostics.filter((d) => d.code === 'esg/syntax').map((d) => d.range),
          'the edit moved no syntax diagnostic',
        );
      }
      const peak = peakRssOfPid(client.pid!);
      // NaN where /proc is missing: the memory bound is then not measured.
      if (!Number.isNaN(peak)) assert.ok(peak < MAX_MIB, `server peak RSS ${peak.toFixed(0)} MiB`);
      // Printed so docs/robustness.md can quote current figures.
      console.log(`  server — ${figures.join('; ')}; peak RSS ${peak.toFixed(0)} MiB`);
      assert.ok(client.isRunning, `server still running: ${client.stderr}`);
    } finally {
      await client.stop();
    }
  });
});
