// `esgmark check` as a process on a report whose content index is laid out the way issuers publish it
// (caption rows, ranges, a page column, Part D rows by heading, explanations and page numbers in the
// target column): no error, no warning, and exit 0. The same report with its Part D heading rows and
// principle rows taken out fails, so the test shows that those rows are what is read.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runJson } from '../helpers/cli';
import { readFixture } from '../helpers/paths';

const REL = path.join('test', 'fixtures', 'index-shapes.esg.md');

describe('esgmark check: an index table in published shapes', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'esgmark-index-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 with no error or warning; every row is read (one hint per untagged target)', () => {
    const { run, diagnostics } = runJson(['check', REL, '--locale', 'en']);
    const loud = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(loud, [], JSON.stringify(loud, null, 1));
    assert.equal(run.status, 0, run.stderr);
    const untagged = new Set(
      diagnostics
        .filter((d) => d.rule === 'hkex/index-untagged')
        .map((d) => d.message.match(/says (\S+) is disclosed/)?.[1]),
    );
    for (const id of [
      'MDR-governance',
      'MDR-principles',
      'A1.3',
      'A1.4',
      'A2.4',
      'B4.2',
      'B7.3',
      'D19',
      'D22',
      'D23',
      'D25',
      'D26',
      'D27',
      'D28',
      'D29',
      'D35',
      'D40',
    ]) {
      assert.ok(untagged.has(id), `${id} is read from its row`);
    }
  });

  it('without the heading rows, Part D and the reporting principles are missing (exit 1)', () => {
    const text = readFixture('index-shapes.esg.md')
      .split('\n')
      .filter((l) => !/^\| (?:重要性|量化|一致性) \||^\| \| (?:薪酬|氣候韌性) \|/.test(l))
      .join('\n');
    const file = path.join(tmp, 'cut.esg.md');
    writeFileSync(file, text);
    const { run, diagnostics } = runJson(['check', file, '--locale', 'en']);
    assert.equal(run.status, 1);
    const missing = diagnostics.filter((d) => d.rule === 'hkex/missing').map((d) => d.message.split(' ')[0]);
    assert.deepEqual(missing.sort(), ['D26', 'D35', 'MDR-principles']);
  });
});
