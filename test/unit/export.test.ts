// The KPI export: CSV that a strict RFC 4180 reader parses back to the model's figures, protected
// against formula injection, and JSON with the documented shape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, exportKpis, getReportModel, type KpiExport, type ReportModel } from '../../server/src/engine';
import { CSV_COLUMNS, csvField, neutralizeFormula } from '../../server/src/engine/features/export';
import { csvObjects, parseCsv } from '../helpers/csv';

const root = join(__dirname, '..', '..', '..');
const zhipu = getReportModel(
  analyze({ uri: 'file:///zhipu.esg.md', text: readFileSync(join(root, 'examples', 'zhipu-2025.esg.md'), 'utf8') }),
);

function csvBody(model: ReportModel): string {
  const csv = exportKpis(model, 'csv');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 byte order mark first, for Excel');
  return csv.slice(1);
}

describe('CSV export', () => {
  it('has the documented header and one record per KPI row and period', () => {
    const records = parseCsv(csvBody(zhipu));
    assert.deepEqual(records[0], [...CSV_COLUMNS]);
    const expected = zhipu.kpiGroups.reduce((n, g) => n + g.rows.reduce((m, r) => m + r.values.length, 0), 0);
    assert.equal(records.length - 1, expected);
  });

  it('ends every record with CRLF and has no bare line feed', () => {
    const body = csvBody(zhipu);
    assert.ok(body.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(body));
  });

  it('parses back to the figures of the model, Chinese text intact', () => {
    const objects = csvObjects(csvBody(zhipu));
    const total = objects.find((o) => o.kpi_id === 'employees.total')!;
    assert.deepEqual(
      {
        aspect: total.aspect,
        name: total.name,
        label: total.label,
        period: total.period,
        value: total.value,
        unit: total.unit,
        check: total.check_status,
      },
      { aspect: 'B1', name: '員工總數', label: '員工總數', period: '2025', value: '937', unit: '人', check: 'agrees' },
    );
    assert.match(total.checks, /男性員工 \+ 女性員工 = 員工總數 = 937/);
    const electricity = objects.find((o) => o.kpi_id === 'energy.electricity')!;
    // '1,124,032' holds commas: quoted in the file, intact after parsing.
    assert.equal(electricity.value_as_printed, '1,124,032');
    assert.equal(electricity.value, '1124032');
    const rate = objects.find((o) => o.kpi_id === 'turnover.rate')!;
    assert.equal(rate.check_status, 'disagrees');
    assert.equal(rate.normalized_value, '0.2864');
    assert.equal(rate.normalized_unit, '1');
    const group = objects.find((o) => o.kpi_id === 'employees.gender.male')!;
    assert.equal(group.group, '按性別劃分的員工人數');
    // Every model figure is in the file, in order.
    const figures = zhipu.kpiGroups.flatMap((g) => g.rows.flatMap((r) => r.values.map((v) => v.raw)));
    assert.deepEqual(
      objects.map((o) => o.value_as_printed.replace(/^'/, '')),
      figures,
    );
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\r\nlf'), '"cr\r\nlf"');
    assert.deepEqual(parseCsv(`${['a,b', 'say "hi"', 'two\nlines'].map(csvField).join(',')}\r\n`), [
      ['a,b', 'say "hi"', 'two\nlines'],
    ]);
  });
});

describe('CSV formula injection', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+cmd|calc', '-2+3+cmd', '@SUM(A1:A2)', '\t=1', '=1+1']) {
      assert.equal(neutralizeFormula(cell), `'${cell}`, cell);
    }
  });

  it('leaves plain numbers, a lone dash and ordinary text alone', () => {
    for (const cell of ['-12.5', '+3', '-1,234.56', '-8.4%', '1e-7', '-', '員工總數', 'N/A', '', '2025']) {
      assert.equal(neutralizeFormula(cell), cell, cell);
    }
  });

  it('protects labels and cells of a report', () => {
    const text = [
      '---',
      'lang: en',
      'esg:',
      '  period: 2025',
      '---',
      '# KPIs',
      '',
      '| Indicator | Unit | 2025 | 2024 |',
      '|---|---|---|---|',
      '| =HYPERLINK("http://evil.example","click") | t | @SUM(1) | -5 |',
      '| Total water consumption | m³ | -12.5 | - |',
      '',
    ].join('\n');
    const model = getReportModel(analyze({ uri: 'file:///inj.esg.md', text }));
    const objects = csvObjects(csvBody(model));
    const evil = objects.filter((o) => o.label.includes('HYPERLINK'));
    assert.equal(evil.length, 2);
    for (const o of evil) {
      assert.equal(o.label, `'=HYPERLINK("http://evil.example","click")`);
      assert.equal(o.name, o.label);
    }
    assert.equal(evil[0].value_as_printed, "'@SUM(1)");
    assert.equal(evil[1].value_as_printed, '-5');
    assert.equal(evil[1].value, '-5');
    const water = objects.filter((o) => o.kpi_id === 'water.total');
    assert.deepEqual(
      water.map((o) => o.value_as_printed),
      ['-12.5', '-'],
    );
    // No cell of the file starts a formula.
    for (const o of objects)
      for (const cell of Object.values(o)) assert.ok(!/^[=+@]/.test(cell) || /^[+-]?[\d.,]+%?$/.test(cell), cell);
  });
});

describe('JSON export', () => {
  const parsed = JSON.parse(exportKpis(zhipu, 'json')) as KpiExport;

  it('has the documented top-level shape', () => {
    assert.deepEqual(Object.keys(parsed), [
      'format',
      'version',
      'uri',
      'locale',
      'periods',
      'groups',
      'ghg',
      'scope3',
      'checks',
      'title',
      'issuer',
    ]);
    assert.equal(parsed.format, 'esgmark-kpis');
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.periods, zhipu.periods);
    assert.deepEqual(parsed.ghg, zhipu.ghg);
    assert.deepEqual(parsed.checks, zhipu.checks);
  });

  it('carries every row and value of the model, with 1-based lines instead of ranges', () => {
    assert.deepEqual(
      parsed.groups.map((g) => g.aspect),
      zhipu.kpiGroups.map((g) => g.aspect),
    );
    const total = parsed.groups.find((g) => g.aspect === 'B1')!.rows.find((r) => r.kpiId === 'employees.total')!;
    const modelRow = zhipu.kpiGroups.find((g) => g.aspect === 'B1')!.rows.find((r) => r.kpiId === 'employees.total')!;
    assert.equal(total.line, modelRow.range.start.line + 1);
    assert.deepEqual(Object.keys(total.values[0]).sort(), [
      'check',
      'checks',
      'line',
      'normalized',
      'period',
      'raw',
      'status',
      'value',
    ]);
    assert.equal(total.values[0].value, 937);
    assert.equal(total.values[0].check, 'agrees');
    assert.ok(!('range' in total) && !('uri' in total));
    const count = (groups: { rows: { values: unknown[] }[] }[]) =>
      groups.reduce((n, g) => n + g.rows.reduce((m, r) => m + r.values.length, 0), 0);
    assert.equal(count(parsed.groups), count(zhipu.kpiGroups));
  });

  it('ends with a newline and is stable', () => {
    const json = exportKpis(zhipu, 'json');
    assert.ok(json.endsWith('}\n'));
    assert.equal(exportKpis(zhipu, 'json'), json);
  });
});
