// The server must survive any text an editor can hold: random bytes, broken YAML, unclosed divs,
// CRLF, a BOM, full-width digits, and edits with ranges past the end of the document.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri, readFixture } from '../helpers/paths';
import { GENERATE_INDEX_TABLE_COMMAND } from '../../server/src/protocol';
import { mulberry32 } from '../../scripts/bench/generate';

/** Deterministic PRNG (mulberry32, shared with the benchmark's generator) so a failure can be reproduced from the seed. */
const prng = mulberry32;

/** Random UTF-16 including controls, lone surrogates, NUL and Markdown punctuation. */
function randomText(random: () => number, length: number): string {
  const pieces = [
    '{',
    '}',
    '|',
    ':::',
    '#',
    '"',
    '[',
    ']',
    '\r\n',
    '\n',
    '---',
    'hkex="',
    '\u0000',
    '\ud800',
    '\udfff',
    '１２３',
    '，',
  ];
  let out = '';
  while (out.length < length) {
    const r = random();
    if (r < 0.3) out += pieces[Math.floor(random() * pieces.length)];
    else out += String.fromCharCode(Math.floor(random() * 0xffff));
  }
  return out;
}

function garbageDocument(seed: number): string {
  const random = prng(seed);
  return [
    '\uFEFF---',
    'esg:',
    '  period: [2025',
    '  issuer-class: "gem',
    ' bad indent: : :',
    '---',
    '# 報告 {#r hkex="A1 A2.9-A2.1 D28( B1,,"}',
    '::: {.explain hkex="B6.1"',
    '::: {.explain}',
    '| 績效指標 | 單位 | ２０２５年 |',
    '|---|---|---:|',
    '| 總耗水量 | 噸 | １２３，４５６ |',
    '| 總耗電量 | 光年 | 12..3 |',
    '## {hkex="MDR-boundary"',
    randomText(random, 4000),
    '::::',
  ].join('\r\n');
}

describe('robustness of the server process', () => {
  // One server per test, so that a server wedged by one input does not fail the other test too.
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
  });

  afterEach(async () => {
    await client?.stop();
  });

  it('garbage documents get diagnostics and the server keeps answering', async () => {
    for (const seed of [1, 2, 3]) {
      const uri = fixtureUri(`garbage-${seed}-${process.pid}.esg.md`);
      const text = garbageDocument(seed);
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.ok(published.diagnostics.length > 0, `seed ${seed}: no diagnostics for a broken document`);
      for (const d of published.diagnostics) {
        assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0, 'negative position');
        assert.ok(typeof d.message === 'string' && d.message.length > 0, 'empty message');
      }

      // Every feature on every kind of position must answer, not fail.
      for (const position of [
        { line: 0, character: 0 },
        { line: 6, character: 12 },
        { line: 11, character: 8 },
        { line: 9999, character: 9999 },
      ]) {
        await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      }
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
        context: { diagnostics: published.diagnostics },
      });
      await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: GENERATE_INDEX_TABLE_COMMAND,
        arguments: [uri],
      });

      // Random incremental edits, some with ranges past the end of the document.
      const random = prng(seed * 7919);
      for (let version = 2; version <= 12; version++) {
        const line = Math.floor(random() * 40);
        const character = Math.floor(random() * 50);
        await client.change(uri, version, [
          {
            range: {
              start: { line, character },
              end: { line: line + Math.floor(random() * 3), character: Math.floor(random() * 80) },
            },
            text: randomText(random, Math.floor(random() * 30)),
          },
        ]);
      }
      await client.waitForDiagnostics(uri, (p) => p.version === 12);
    }

    // Still alive and still useful: a hover on a valid report works afterwards.
    const fixture = readFixture('problems.esg.md');
    const uri = fixtureUri(`after-garbage-${process.pid}.esg.md`);
    await client.open(uri, fixture);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const line = fixture.split('\n').findIndex((l) => l.includes('hkex="A1 A9.9"'));
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: fixture.split('\n')[line].indexOf('A1 A9.9') + 1 },
    });
    assert.ok(hover, 'no hover after the garbage documents');
    assert.ok(client.isRunning, `server exited: code ${client.exitCode} signal ${client.exitSignal}\n${client.stderr}`);
  });

  it('an empty document and a document of only a BOM are fine', async () => {
    for (const [name, text] of [
      ['empty', ''],
      ['bom', '\uFEFF'],
      ['crlf-only', '\r\n\r\n'],
    ] as const) {
      const uri = fixtureUri(`${name}-${process.pid}.esg.md`);
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.ok(Array.isArray(published.diagnostics));
    }
    assert.ok(client.isRunning);
  });
});
