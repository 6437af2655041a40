// The report model over LSP: the `esgmark/report` request answers from the open document, and the
// server announces `esgmark/reportChanged` after publishing diagnostics for each new version.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri } from '../helpers/paths';
import { positionIn } from '../helpers/text';
import { ReportChangedNotification, ReportRequest as Report } from '../../server/src/protocol';
import { lspNotification, lspRequest } from '../helpers/protocol';

const ReportRequest = lspRequest(Report);
const ReportChanged = lspNotification(ReportChangedNotification);

const TEXT = [
  '---',
  'lang: en',
  'esg:',
  '  period: 2025',
  '---',
  '# GHG emissions {hkex="D28"}',
  '',
  '| Indicator | Unit | 2025 | 2024 |',
  '|---|---|---|---|',
  '| Total GHG emissions (Scope 1 and 2) | tCO2e | 56,711.15 | 300 |',
  '| Scope 1 GHG emissions | tCO2e | 89.17 | 100 |',
  '| Scope 2 GHG emissions | tCO2e | 56,622.34 | 200 |',
  '',
  '# Employees {hkex="B1.1"}',
  '',
  '| Indicator | Unit | 2025 |',
  '|---|---|---|',
  '| Total employees | persons | 1,206 |',
  '',
].join('\n');

describe(`${Report.method} over LSP`, () => {
  let client: LspTestClient;
  const uri = fixtureUri(`report-${process.pid}.esg.md`);
  const changes: { uri: string; version: number }[] = [];
  const waiters: { version: number; resolve(): void }[] = [];

  const reportChanged = (version: number, timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      if (changes.some((c) => c.uri === uri && c.version === version)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`no esgmark/reportChanged for version ${version}; got ${JSON.stringify(changes)}`)),
        timeoutMs,
      );
      waiters.push({ version, resolve: () => (clearTimeout(timer), resolve()) });
    });

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    client.connection.onNotification(ReportChanged, (params) => {
      changes.push(params);
      for (const w of [...waiters]) {
        if (params.uri === uri && params.version === w.version) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
    await client.open(uri, TEXT);
  });

  after(async () => {
    await client?.stop();
  });

  it('announces the report of the opened version after its diagnostics', async () => {
    await reportChanged(1);
    // The diagnostics of that version were published first.
    const published = client.published.get(uri) ?? [];
    assert.ok(published.some((p) => p.version === 1));
  });

  it('answers the request with KPI groups, figures with check status, GHG and coverage', async () => {
    const model = await client.connection.sendRequest(ReportRequest, { uri });
    assert.ok(model);
    assert.equal(model.uri, uri);
    assert.equal(model.locale, 'en');
    assert.deepEqual(
      model.kpiGroups.map((g) => g.aspect),
      ['B1', 'D'],
    );
    const d = model.kpiGroups.find((g) => g.aspect === 'D')!;
    const total = d.rows.find((r) => r.kpiId === 'ghg.scope12')!;
    assert.deepEqual(
      total.values.map((v) => [v.period, v.raw, v.check]),
      [
        ['2025', '56,711.15', 'disagrees'],
        ['2024', '300', 'agrees'],
      ],
    );
    assert.deepEqual(
      total.values[0].checks.map((c) => [c.rule, c.computed, c.ok]),
      [['ghg/sum-mismatch', '56,711.51', false]],
    );
    // A click on the figure reveals the cell the diagnostic is on.
    assert.deepEqual(total.values[0].range.start, positionIn(TEXT, '56,711.15', 0));
    assert.equal(total.values[0].uri, uri);
    const employees = model.kpiGroups.find((g) => g.aspect === 'B1')!.rows[0];
    assert.deepEqual(
      [employees.kpiId, employees.values[0].value, employees.values[0].check],
      ['employees.total', 1206, 'unchecked'],
    );
    assert.deepEqual(model.ghg, [
      { period: '2024', scope1: 100, scope2: 200 },
      { period: '2025', scope1: 89.17, scope2: 56622.34 },
    ]);
    const b11 = model.requirements.find((r) => r.id === 'B1.1')!;
    assert.equal(b11.status, 'disclosed');
    assert.ok(b11.places.some((p) => p.label === 'Employees'));
    assert.equal(model.requirements.find((r) => r.id === 'D28(b)')!.status, 'disclosed');
    assert.equal(model.requirements.find((r) => r.id === 'B1.2')!.status, 'missing');
    assert.match(model.coverage.summary, /^Part B 0\/3 · Part C \d+\/45 · Part D \d+\/23$/);
    assert.deepEqual(model.checks, { total: 2, disagree: 1 });
  });

  it('announces each new version, and the request then returns the edited figures', async () => {
    const at = positionIn(TEXT, '56,711.15', 0);
    await client.change(uri, 2, [
      { range: { start: at, end: { line: at.line, character: at.character + '56,711.15'.length } }, text: '56,711.51' },
    ]);
    await reportChanged(2);
    const model = await client.connection.sendRequest(ReportRequest, { uri });
    const total = model!.kpiGroups.find((g) => g.aspect === 'D')!.rows.find((r) => r.kpiId === 'ghg.scope12')!;
    assert.deepEqual([total.values[0].raw, total.values[0].check], ['56,711.51', 'agrees']);
    assert.deepEqual(model!.checks, { total: 2, disagree: 0 });
  });

  it('answers null for a document that is not open or not ESG Markdown', async () => {
    assert.equal(await client.connection.sendRequest(ReportRequest, { uri: fixtureUri('not-open.esg.md') }), null);
    const plain = fixtureUri(`plain-${process.pid}.md`);
    await client.open(plain, '# Just notes\n', 'markdown');
    assert.equal(await client.connection.sendRequest(ReportRequest, { uri: plain }), null);
    // A malformed request is answered, not crashed on.
    assert.equal(await client.connection.sendRequest(ReportRequest, {} as { uri: string }), null);
    assert.ok(client.isRunning);
  });
});
