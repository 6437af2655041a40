// The server survives a rule that throws: the failure is logged, that rule's diagnostics are dropped,
// the other rules' are still published, and the server keeps answering.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri } from '../helpers/paths';
import { positionIn } from '../helpers/text';

const TEXT = '---\nlang: en\nesg:\n  period: 2025\n---\n# Environment {hkex="A1 A9.9 A1.2"}\n\nText.\n';

describe('a failing rule over LSP', () => {
  let client: LspTestClient;
  const uri = fixtureUri(`faults-${process.pid}.esg.md`);

  before(async () => {
    client = await LspTestClient.start({
      settings: { debounceMs: 0 },
      env: { ESGMARK_FAULT_RULES: 'hkex/unknown-id' },
    });
    await client.open(uri, TEXT);
  });

  after(async () => {
    await client?.stop();
  });

  it('logs the failure, drops that rule and publishes the others', async () => {
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const codes = new Set(published.diagnostics.map((d) => d.code));
    assert.ok(!codes.has('hkex/unknown-id'), 'the failing rule reports nothing');
    assert.ok(codes.has('hkex/deleted') && codes.has('hkex/missing'), [...codes].join(', '));
    const deadline = Date.now() + 5000;
    while (!client.logs.some((l) => /rule hkex\/unknown-id failed/.test(l)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    assert.ok(
      client.logs.some((l) => /rule hkex\/unknown-id failed: Error: fault injected/.test(l)),
      client.logs.join('\n'),
    );
  });

  it('keeps answering requests', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionIn(TEXT, 'A1 ', 0),
    });
    assert.ok(hover);
    assert.equal(client.exitCode, null);
  });
});
