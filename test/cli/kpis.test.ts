// `esgmark kpis` as a process: CSV that parses back (with the byte order mark Excel needs), JSON of the
// documented shape, the locale option and usage errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/cli';
import { analyze } from '../../server/src/engine';
import { csvObjects } from '../helpers/csv';
import type { KpiExport } from '../../server/src/engine';

const ZHIPU = path.join('examples', 'zhipu-2025.esg.md');

describe('esgmark kpis', () => {
  it('prints CSV by default: BOM, header, and the employee total 937 that agrees', () => {
    const run = runCli(['kpis', ZHIPU]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.ok(run.stdout.startsWith('\uFEFFaspect,kpi_id,name,label,group,period,value_as_printed,value,unit,'));
    const rows = csvObjects(run.stdout.slice(1));
    const total = rows.filter((r) => r.label === '員工總數');
    assert.equal(total.length, 1);
    assert.equal(total[0].value, '937');
    assert.equal(total[0].kpi_id, 'employees.total');
    assert.equal(total[0].check_status, 'agrees');
    assert.equal(rows.find((r) => r.kpi_id === 'turnover.rate')!.check_status, 'disagrees');
    assert.equal(rows.find((r) => r.kpi_id === 'ghg.scope2')!.value, '596.41');
  });

  it('--format csv is the same as the default', () => {
    assert.equal(runCli(['kpis', ZHIPU, '--format', 'csv']).stdout, runCli(['kpis', ZHIPU]).stdout);
  });

  it('--format json prints the KPI export', () => {
    const run = runCli(['kpis', ZHIPU, '--format=json']);
    assert.equal(run.status, 0, run.stderr);
    const parsed = JSON.parse(run.stdout) as KpiExport;
    assert.equal(parsed.format, 'esgmark-kpis');
    assert.equal(parsed.version, 1);
    assert.equal(parsed.locale, 'zh-Hant');
    assert.deepEqual(parsed.periods, ['2023', '2024', '2025']);
    assert.ok(parsed.uri.startsWith('file://') && parsed.uri.endsWith('/examples/zhipu-2025.esg.md'));
    const b1 = parsed.groups.find((g) => g.aspect === 'B1')!;
    assert.equal(b1.title, '層面 B1：僱傭');
    const total = b1.rows.find((r) => r.kpiId === 'employees.total')!;
    assert.deepEqual(
      { raw: total.values[0].raw, value: total.values[0].value, check: total.values[0].check },
      { raw: '937', value: 937, check: 'agrees' },
    );
    assert.deepEqual(parsed.ghg, [{ period: '2025', scope1: 0, scope2: 596.41 }]);
  });

  it('--locale en names KPIs and groups in English', () => {
    const run = runCli(['kpis', ZHIPU, '--format', 'json', '--locale', 'en']);
    const parsed = JSON.parse(run.stdout) as KpiExport;
    assert.equal(parsed.groups.find((g) => g.aspect === 'B1')!.title, 'Aspect B1: Employment');
    assert.equal(
      parsed.groups.find((g) => g.aspect === 'B1')!.rows.find((r) => r.kpiId === 'employees.total')!.name,
      'Total number of employees',
    );
  });

  for (const [name, args, expected] of [
    ['no file', ['kpis'], /'kpis' needs exactly one file/],
    ['two files', ['kpis', ZHIPU, ZHIPU], /'kpis' needs exactly one file/],
    [
      'a check-only format',
      ['kpis', ZHIPU, '--format', 'sarif'],
      /invalid value 'sarif' for --format \(expected one of: csv, json\)/,
    ],
    ['an option of check only', ['kpis', ZHIPU, '--quiet'], /option --quiet is not accepted by 'kpis'/],
    ['a missing file', ['kpis', 'examples/nope.esg.md'], /nope\.esg\.md/],
  ] as const) {
    it(`exits 2 on a usage error: ${name}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 2, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
      assert.match(run.stderr, expected);
      assert.equal(run.stdout, '');
    });
  }

  it('csv is not a format of check', () => {
    const run = runCli(['check', ZHIPU, '--format', 'csv']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /invalid value 'csv' for --format/);
  });

  it('is listed in --help', () => {
    assert.match(runCli(['--help']).stdout, /esgmark kpis <file> \[--format csv\|json\]/);
  });
  it('--unrecognised lists the metric rows whose label was not recognised (file:line, label), JSON too', () => {
    const report = path.join('test', 'corpus', '03939-wanguo-2023', 'report.esg.md');
    const run = runCli(['kpis', report, '--unrecognised']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n').filter(Boolean);
    assert.ok(lines.length > 0);
    for (const line of lines)
      assert.match(line, /^test[\\/]corpus[\\/]03939-wanguo-2023[\\/]report\.esg\.md:\d+\t\S/, line);
    // Every listed label is one the engine leaves unrecognised (the list follows recognition as it grows).
    const unrecognisedLabels = new Set(
      analyze({ uri: 'file:///r.esg.md', text: readFileSync(report, 'utf8') }).model.kpiTables.flatMap((t) =>
        t.rows
          .filter((r) => !r.kpiId && !r.isCaption && r.values.some((v) => v.value !== undefined))
          .map((r) => (r.group ? `${r.group} / ${r.label}` : r.label)),
      ),
    );
    assert.equal(lines.length, unrecognisedLabels.size, run.stdout);
    for (const line of lines) assert.ok(unrecognisedLabels.has(line.slice(line.indexOf('\t') + 1)), line);
    const json = JSON.parse(runCli(['kpis', report, '--unrecognised', '--format', 'json']).stdout) as {
      file: string;
      line: number;
      label: string;
    }[];
    assert.equal(json.length, lines.length);
    assert.ok(json.every((e) => typeof e.line === 'number' && e.line > 0 && e.label));
    // Recognised rows are not listed.
    assert.ok(!json.some((e) => e.label === 'Number of male employees'));
    assert.equal(runCli(['check', report, '--unrecognised']).status, 2);
    assert.equal(runCli(['kpis', report, '--unrecognised=yes']).status, 2);
  });
});
