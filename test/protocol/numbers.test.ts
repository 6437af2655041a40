// The numbers engine through the real server process: a GHG total that disagrees with its parts is
// published with related information for each input, its quick fix replaces the figure, and the
// KPI table gets a CodeLens.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CodeLensRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
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
    const published = await client.waitForDiagnostics(uri, (p) =>
      p.diagnostics.some((d) => d.code === 'ghg/sum-mismatch'),
    );
    sum = published.diagnostics.find((d) => d.code === 'ghg/sum-mismatch')!;
  });

  after(async () => {
    await client?.stop();
  });

  it('publishes the mismatch at the total with related information at each input', () => {
    assert.deepEqual(sum.range.start, positionIn(TEXT, '56,711.15', 0));
    assert.match(String(sum.message), /the inputs give 56,711\.51, the report says 56,711\.15/);
    const related = sum.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => r.location.range.start),
      [positionIn(TEXT, '89.17', 0), positionIn(TEXT, '56,622.34', 0)],
    );
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

describe('numbers quick fixes over LSP: the unit the figures imply, and a missing total row', () => {
  let client: LspTestClient;
  const uri = fixtureUri(`numbers-fixes-${process.pid}.esg.md`);
  const INTENSITIES = [
    '---',
    'lang: zh-Hant',
    'esg:',
    '  period: 2025',
    '---',
    '# 環境 {hkex="A2"}',
    '',
    '| 指標 | 單位 | 2025 |',
    '|---|---|---|',
    '| 總耗水量 | 噸 | 20,035.5 |',
    '| 總耗水密度 | 噸 / 萬元 | 0.2766 |',
    '| 總耗電量 | 千瓦時 | 1,124,032 |',
    '| 總耗電密度 | 千瓦時 / 萬元 | 15.5181 |',
    '| 溫室氣體排放總量 | tCO2e | 596.41 |',
    '| 溫室氣體排放密度 | tCO2e/萬元 | 0.8234 |',
    '',
    '| 指標 | | 單位 | 2025 |',
    '|---|---|---|---|',
    '| 按性別劃分的員工人數 | 男性員工 | 人 | 640 |',
    '| | 女性員工 | 人 | 297 |',
    '',
  ].join('\n');

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(uri, INTENSITIES);
  });

  after(async () => {
    await client?.stop();
  });

  it('fixes an intensity unit to the one the other intensities imply', async () => {
    const published = await client.waitForDiagnostics(uri, (p) =>
      p.diagnostics.some((d) => d.code === 'kpi/intensity-mismatch'),
    );
    const d = published.diagnostics.find((x) => x.code === 'kpi/intensity-mismatch')!;
    assert.deepEqual(d.range.start, positionIn(INTENSITIES, '0.8234', 0));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.includes('tCO2e/百萬元'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const start = positionIn(INTENSITIES, '萬元 | 0.8234', 0);
    assert.deepEqual(fix.edit!.changes![uri], [
      { range: { start, end: { line: start.line, character: start.character + 2 } }, newText: '百萬元' },
    ]);
  });

  it('adds the missing total row above a complete breakdown', async () => {
    const at = positionIn(INTENSITIES, '男性員工', 0);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const add = actions.find((a) => a.title.includes('員工總數') || a.title.includes('合計'));
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    const [edit] = add.edit!.changes![uri];
    assert.deepEqual(edit.range, { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } });
    assert.match(edit.newText, /\{#employees\.total\} \| {2}\| 人 \| 937 \|\n$/);
  });
});
