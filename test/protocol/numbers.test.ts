// The numbers engine through the real server process: a GHG total that disagrees with its parts is
// published with related information for each input, its quick fix replaces the figure, and the
// KPI table gets a CodeLens.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, CodeLensRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri } from '../helpers/paths';
import { positionIn } from '../helpers/text';

const TEXT = [
  '---',
  'lang: en',
  'esg:',
  '  period: 2025',
  '---',
  '# GHG emissions {hkex="D28"}',
  '',
  '| Indicator | Unit | 2025 |',
  '|---|---|---|',
  '| Total GHG emissions (Scope 1 and 2) | tCO2e | 56,711.15 |',
  '| Scope 1 GHG emissions | tCO2e | 89.17 |',
  '| Scope 2 GHG emissions | tCO2e | 56,622.34 |',
  '',
].join('\n');

describe('numbers over LSP', () => {
  let client: LspTestClient;
  const uri = fixtureUri(`numbers-${process.pid}.esg.md`);
  let sum: Diagnostic;

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(uri, TEXT);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'ghg/sum-mismatch'));
    sum = published.diagnostics.find((d) => d.code === 'ghg/sum-mismatch')!;
  });

  after(async () => {
    await client?.stop();
  });

  it('publishes the mismatch at the total with related information at each input', () => {
    assert.deepEqual(sum.range.start, positionIn(TEXT, '56,711.15', 0));
    assert.match(String(sum.message), /the inputs give 56,711\.51, the report says 56,711\.15/);
    const related = sum.relatedInformation ?? [];
    assert.deepEqual(related.map((r) => r.location.range.start), [positionIn(TEXT, '89.17', 0), positionIn(TEXT, '56,622.34', 0)]);
    assert.ok(related.every((r) => r.location.uri === uri));
  });

  it('offers the replace-value quick fix, whose edit touches only the figure', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: sum.range,
      context: { diagnostics: [sum] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.includes('56,711.51'));
    assert.ok(fix, `no replace-value action among ${actions.map((a) => a.title).join(' | ')}`);
    const edits = fix.edit!.changes![uri];
    assert.deepEqual(edits, [{ range: sum.range, newText: '56,711.51' }]);
  });

  it('shows a CodeLens over the KPI table', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses?.length, 1);
    assert.equal(lenses![0].range.start.line, positionIn(TEXT, '| Indicator', 0).line);
    assert.equal(lenses![0].command?.title, '3 of 3 figures checked, 1 disagree');
  });
});
