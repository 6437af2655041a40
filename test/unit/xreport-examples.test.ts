// examples/cross-report: the English and Traditional Chinese versions of a report and last year's
// report check clean against each other; each planted copy shows exactly one finding, of the rule and
// on the row its front matter comment names (`# finding: rule row="label"`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeWorkspace } from '../../server/src/host/workspace';
import { analyzeReport } from '../../server/src/engine/project';
import { crossReport, LinkedReportCache, withCrossReport } from '../../server/src/engine/xreport/report';

const folder = join(__dirname, '..', '..', '..', 'examples', 'cross-report');
const workspace = new NodeWorkspace({ folders: [folder] });
const cache = new LinkedReportCache();

function serious(relative: string) {
  const uri = pathToFileURL(join(folder, relative)).href;
  const text = readFileSync(join(folder, relative), 'utf8');
  const own = analyzeReport({ uri, text }, workspace);
  const cross = crossReport(own, workspace, {}, cache);
  const project = withCrossReport(own, cross);
  return {
    text,
    cross,
    found: (project.diagnostics.get(uri) ?? []).filter((d) => d.severity === 'error' || d.severity === 'warning'),
  };
}

for (const name of [
  '2025/report.en.esg.md',
  '2025/report.zh-hant.esg.md',
  '2024/report.en.esg.md',
  'planted/restated-marked.en.esg.md',
]) {
  test(`${name} checks clean against the reports it links`, () => {
    const { found, cross, text } = serious(name);
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1}: ${d.rule} ${d.message}`),
      [],
    );
    // Its links were followed (the 2024 report links nothing).
    assert.equal(cross.links.length, (text.match(/^ {2}(?:translations|previous):/gm) ?? []).length);
  });
}

const planted = readdirSync(join(folder, 'planted')).filter(
  (f) => f.endsWith('.esg.md') && !f.startsWith('restated-marked'),
);

test('there are planted copies for both rules', () => {
  assert.ok(planted.length >= 4, planted.join(', '));
});

for (const name of planted) {
  test(`planted/${name}: one finding, at the row it names`, () => {
    const { found, text } = serious(`planted/${name}`);
    const m = /# finding: (\S+) row="([^"]+)"/.exec(text);
    assert.ok(m, 'the file names its finding');
    const [, rule, row] = m;
    const lines = text.split('\n');
    const rowLine = lines.findIndex((l) => l.startsWith('|') && l.split('|')[1].includes(row));
    assert.deepEqual(
      found.map((d) => `${d.rule}@${d.range.start.line}`),
      [`${rule}@${rowLine}`],
      found.map((d) => d.message).join('\n'),
    );
  });
}
