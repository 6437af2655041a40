// `esgmark index --framework <id>` as a process: the framework's content index as Markdown, JSON and
// CSV; `--write` replaces the report's own table for it and nothing else; refusals and usage errors.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { csvObjects } from '../helpers/csv';
import type { FrameworkIndex } from '../../server/src/engine';

const GRI = path.join('examples', 'frameworks-gri-2025.esg.md');

describe('esgmark index --framework', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'esgmark-fwindex-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints the GRI content index as a Markdown table: links, implied rows marked, "not reported"', () => {
    const run = runCli(['index', GRI, '--framework', 'gri-2021']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], '| Disclosure | Title | Location | Reason for omission |');
    assert.ok(
      lines.includes(
        '| 305-1 | Scope 1 GHG emissions | [Emissions](#emissions) [Environmental performance](#environmental-performance) [Metrics and targets](#climate-metrics) (implied by HKEX D28(a)) |  |',
      ),
    );
    assert.ok(lines.includes('| 2-2 | Entities in the report | not reported |  |'));
    // Only what is in force for FY2025: GRI 305, not its 2027 successor GRI 102.
    assert.ok(!lines.some((l) => l.startsWith('| 102-5 |')));
  });

  it('--format json gives every row with status, severity and sections', () => {
    const run = runCli(['index', GRI, '--framework=ifrs-s2', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const index = JSON.parse(run.stdout) as FrameworkIndex;
    assert.equal(index.framework, 'ifrs-s2');
    assert.equal(index.fyStart, '2025-01-01');
    assert.equal(index.severity, 'voluntary');
    // The Scope 1 figure answers 29(a)(i)(1) itself; the governance paragraph is implied by the HKEX tag D19.
    const s1 = index.rows.find((r) => r.id === '29(a)(i)(1)')!;
    assert.equal(s1.status, 'disclosed');
    assert.ok(s1.sections.some((s) => s.anchor === 'environmental-performance' && !s.implied));
    const oversight = index.rows.find((r) => r.id === '6(a)')!;
    assert.equal(oversight.status, 'implied');
    assert.deepEqual(oversight.sections, [
      { title: 'Governance', anchor: 'climate-governance', implied: { framework: 'hkex-esg-2025', id: 'D19' } },
    ]);
    assert.ok(!index.rows.some((r) => r.id === '29A'), 'the 2025 amendments are not in force for FY2025');
  });

  it('--format csv: byte order mark, one line per item', () => {
    const run = runCli(['index', GRI, '--framework', 'sasb-tc-si', '--format', 'csv', '--locale', 'zh-Hant']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith('\uFEFFframework,id,title,status,severity,sections,explanation\r\n'));
    const rows = csvObjects(run.stdout.slice(1));
    assert.equal(rows.length, 19);
    // The electricity figure answers the energy metric; nothing answers the privacy one.
    assert.deepEqual(
      [rows[0].framework, rows[0].id, rows[0].status, rows[0].severity],
      ['sasb-tc-si', 'TC-SI-130a.1', 'disclosed', 'voluntary'],
    );
    assert.equal(rows.find((r) => r.id === 'TC-SI-220a.1')!.status, 'missing');
  });

  it('--write replaces the GRI index table in place: every byte outside it stays', () => {
    const file = path.join(tmp, 'gri.esg.md');
    copyFileSync(GRI, file);
    const before = readFileSync(file, 'utf8');
    const run = runCli(['index', file, '--framework', 'gri-2021', '--write']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /updated the gri-2021 index table/);
    const after = readFileSync(file, 'utf8');
    const start = before.indexOf('| Disclosure |');
    assert.equal(after.slice(0, start), before.slice(0, start));
    assert.ok(
      after.includes(
        '| 2-6 | Activities and value chain | [Supply chain management](#supply-chain) (implied by HKEX B5.1) |  |',
      ),
    );
    // The report still checks clean after the write.
    const check = runCli(['check', file, '--format', 'json']);
    assert.equal(check.status, 0, check.stdout);
  });

  it('--write refuses when the report has no table for the framework; --insert appends one', () => {
    const file = path.join(tmp, 'sasb.esg.md');
    copyFileSync(GRI, file);
    const before = readFileSync(file, 'utf8');
    const refused = runCli(['index', file, '--framework', 'sasb-tc-si', '--write']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /no sasb-tc-si index table to update.*--insert/);
    assert.equal(readFileSync(file, 'utf8'), before);
    const inserted = runCli(['index', file, '--framework', 'sasb-tc-si', '--write', '--insert']);
    assert.equal(inserted.status, 0, inserted.stderr);
    const after = readFileSync(file, 'utf8');
    assert.equal(after.slice(0, before.length), before);
    assert.match(
      after.slice(before.length),
      /^\n## SASB content index \{#sasb-index \.sasb-index\}\n\n\| Item \| Title \| Location \|\n/,
    );
  });

  it('usage errors: an unknown framework, --insert without --write, --write with --format json', () => {
    const unknown = runCli(['index', GRI, '--framework', 'gri-2016']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /invalid value 'gri-2016' for --framework \(expected one of: hkex-esg-2025, /);
    assert.equal(runCli(['index', GRI, '--framework', 'gri-2021', '--insert']).status, 2);
    assert.equal(runCli(['index', GRI, '--framework', 'gri-2021', '--write', '--format', 'json']).status, 2);
    assert.equal(runCli(['kpis', GRI, '--framework', 'gri-2021']).status, 2);
  });

  it('without --framework the HKEX index table is printed as before', () => {
    const run = runCli(['index', GRI]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\| Requirement \| Description \| Section \/ explanation \|/);
  });
});
