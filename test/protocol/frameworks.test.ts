// The claimed frameworks over LSP (stdio): the `esgmark/report` answer carries one coverage group per
// framework of `esg.frameworks` besides the HKEX Code, with each item's status and the id an implied one
// comes from; an edit that adds a tag is reflected in the next answer; hover names the severity.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri } from '../helpers/paths';
import { ReportChangedNotification, ReportRequest as Report } from '../../server/src/protocol';
import { lspNotification, lspRequest } from '../helpers/protocol';

const ReportRequest = lspRequest(Report);
const ReportChanged = lspNotification(ReportChangedNotification);

const TEXT = [
  '---',
  'lang: en',
  'esg:',
  '  frameworks: [hkex-esg-2025, ifrs-s2, un-sdg]',
  '  period: 2026',
  '  issuer-class: largecap',
  '---',
  '# Climate governance {#governance hkex="D19"}',
  '',
  'The Board oversees climate-related risks.',
  '',
  '# Scope 2 {#scope2}',
  '',
  'Location-based Scope 2 emissions are reported below.',
  '',
].join('\n');

describe('claimed frameworks over LSP', () => {
  let client: LspTestClient;
  const uri = fixtureUri(`frameworks-${process.pid}.esg.md`);
  const versions = new Set<number>();
  const waiters: { version: number; resolve(): void }[] = [];
  const reportChanged = (version: number) =>
    new Promise<void>((resolve, reject) => {
      if (versions.has(version)) return resolve();
      const timer = setTimeout(() => reject(new Error(`no esgmark/reportChanged for version ${version}`)), 10_000);
      waiters.push({ version, resolve: () => (clearTimeout(timer), resolve()) });
    });

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    client.connection.onNotification(ReportChanged, (params) => {
      if (params.uri !== uri) return;
      versions.add(params.version);
      for (const w of [...waiters])
        if (w.version === params.version) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
    });
    await client.open(uri, TEXT);
  });

  after(async () => {
    await client?.stop();
  });

  it('answers the report with a group per claimed framework, implied items naming their HKEX id', async () => {
    await reportChanged(1);
    const model = await client.connection.sendRequest(ReportRequest, { uri });
    assert.ok(model?.frameworks);
    assert.deepEqual(
      model.frameworks.map((f) => [f.id, f.severity]),
      [
        ['ifrs-s2', 'voluntary'],
        ['un-sdg', 'reference'],
      ],
    );
    const ifrs = model.frameworks[0];
    const oversight = ifrs.items.find((i) => i.id === '6(a)')!;
    assert.equal(oversight.status, 'implied');
    assert.deepEqual(oversight.places[0].implied, { framework: 'hkex-esg-2025', id: 'D19' });
    assert.equal(oversight.places[0].uri, uri);
    assert.equal(oversight.places[0].range.start.line, 7);
    assert.equal(ifrs.items.find((i) => i.id === '29(a)(i)(2)')!.status, 'missing');
    assert.ok(ifrs.groups.length > 0 && ifrs.items.every((i) => ifrs.groups.some((g) => g.id === i.group)));
    assert.ok(model.frameworks[1].items.every((i) => i.status === 'reference'));
  });

  it('reflects an edit: tagging the Scope 2 heading discloses 29(a)(i)(2)', async () => {
    const line = 11;
    const end = '# Scope 2 {#scope2'.length;
    await client.change(uri, 2, [
      { range: { start: { line, character: end }, end: { line, character: end } }, text: ' issb="29(a)(i)(2)"' },
    ]);
    await reportChanged(2);
    const model = await client.connection.sendRequest(ReportRequest, { uri });
    const item = model!.frameworks![0].items.find((i) => i.id === '29(a)(i)(2)')!;
    assert.equal(item.status, 'disclosed');
    assert.equal(item.places[0].anchor, 'scope2');
    // Hover on the new tag: the severity that applied and the HKEX paragraph paired with it.
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: end + ' issb="29('.length },
    });
    const contents = (hover as { contents: { value: string } }).contents.value;
    assert.match(contents, /\*\*IFRS S2\*\*: voluntary — claimed in esg\.frameworks \(year commencing 2026-01-01\)/);
    assert.match(contents, /\*\*HKEX Code\*\*: D28\(b\)/);
  });
});
