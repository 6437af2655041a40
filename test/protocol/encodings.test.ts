// Position encodings over stdio: a client that counts columns in UTF-8 bytes, UTF-16 code units or code
// points (`general.positionEncodings`) gets ranges, hovers, code actions and incremental edits right on
// lines with Chinese text and an astral character (𠀀, U+20000: 4 UTF-8 bytes, 2 UTF-16 units, 1 code point).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  HoverRequest,
  type CodeAction,
  type Hover,
  type MarkupContent,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri } from '../helpers/paths';

type Encoding = 'utf-8' | 'utf-16' | 'utf-32';

const LINES = [
  '---',
  'title: 測試',
  'lang: zh-Hant',
  'esg:',
  '  issuer: 測試有限公司',
  '  period: 2025',
  '---',
  '',
  '# 環境𠀀管理 {hkex="A1 A1.7"}',
  '',
  '內容',
  '',
  '| 指標 | 單位 | 2025 |',
  '|---|---|---|',
  '| 總耗水量𠀀 | 噸 | 20,035.5 |',
  '',
];
const TEXT = LINES.join('\n');
const HEADING = 8;
const ROW = 14;

/** A UTF-16 column of a line in the encoding, counted independently of the server's code. */
function column(line: string, utf16: number, encoding: Encoding): number {
  const before = line.slice(0, utf16);
  if (encoding === 'utf-8') return Buffer.byteLength(before, 'utf8');
  if (encoding === 'utf-32') return [...before].length;
  return utf16;
}

function at(lineNo: number, needle: string, encoding: Encoding, delta = 0): Position {
  const line = LINES[lineNo];
  const i = line.indexOf(needle);
  assert.ok(i >= 0, needle);
  return { line: lineNo, character: column(line, i + delta, encoding) };
}

function span(lineNo: number, needle: string, encoding: Encoding): Range {
  return { start: at(lineNo, needle, encoding), end: at(lineNo, needle, encoding, needle.length) };
}

/** The text of a line between two columns of the encoding. */
function slice(line: string, start: number, end: number, encoding: Encoding): string {
  if (encoding === 'utf-16') return line.slice(start, end);
  if (encoding === 'utf-32') return [...line].slice(start, end).join('');
  return Buffer.from(line, 'utf8').subarray(start, end).toString('utf8');
}

for (const encoding of ['utf-8', 'utf-16', 'utf-32'] as const) {
  describe(`position encoding ${encoding}`, () => {
    let client: LspTestClient;
    const uri = fixtureUri(`encoding-${encoding}-${process.pid}.esg.md`);

    before(async () => {
      client = await LspTestClient.start({
        settings: { debounceMs: 0 },
        capabilities: { general: { positionEncodings: [encoding, 'utf-16'] } },
      });
      await client.open(uri, TEXT);
    });

    after(async () => {
      await client?.stop();
    });

    it('is negotiated', () => {
      assert.equal(client.initializeResult.capabilities.positionEncoding, encoding);
    });

    it('diagnostic ranges count columns in it', async () => {
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const unknown = published.diagnostics.find((d) => d.code === 'hkex/unknown-id');
      assert.ok(unknown, 'hkex/unknown-id for A1.7');
      assert.deepEqual(unknown.range, span(HEADING, 'A1.7', encoding));
      assert.equal(slice(LINES[HEADING], unknown.range.start.character, unknown.range.end.character, encoding), 'A1.7');
    });

    it('hover reads the position in it and answers with a range in it', async () => {
      const hover: Hover | null = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: at(ROW, '035', encoding),
      });
      assert.ok(hover?.range, 'a hover with a range');
      const contents =
        typeof hover.contents === 'string'
          ? hover.contents
          : 'value' in hover.contents
            ? (hover.contents as MarkupContent).value
            : JSON.stringify(hover.contents);
      assert.match(contents, /20,035\.5/);
      assert.deepEqual(hover.range, span(ROW, '20,035.5', encoding));
    });

    it('code actions take the diagnostic as sent and edit in it', async () => {
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const unknown = published.diagnostics.find((d) => d.code === 'hkex/unknown-id')!;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: unknown.range,
        context: { diagnostics: [unknown], only: ['quickfix'] },
      })) as CodeAction[];
      const replace = actions.find((a) => a.title.includes('A1.6'));
      assert.ok(replace, actions.map((a) => a.title).join(' | '));
      assert.deepEqual(replace.diagnostics?.[0]?.range, unknown.range, 'the diagnostic it fixes, in the encoding');
      const edit = replace.edit!.changes![uri][0];
      assert.deepEqual(edit.range, span(HEADING, 'A1.7', encoding));
      assert.equal(edit.newText, 'A1.6');
    });

    it('incremental changes are read in it', async () => {
      // Replace A1.7 with A9.9 on the heading line, after the astral character.
      await client.change(uri, 2, [{ range: span(HEADING, 'A1.7', encoding), text: 'A9.9' }]);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 2);
      const unknown = published.diagnostics.find((d) => d.code === 'hkex/unknown-id');
      assert.ok(
        unknown && String(unknown.message).includes('A9.9'),
        published.diagnostics.map((d) => d.message).join('\n'),
      );
      assert.deepEqual(unknown.range, span(HEADING, 'A1.7', encoding), 'the same place, the new id');
      // An insertion right after the astral character on the table row moves the value's hover range.
      await client.change(uri, 3, [
        { range: { start: at(ROW, '𠀀', encoding, 2), end: at(ROW, '𠀀', encoding, 2) }, text: '（總）' },
      ]);
      await client.waitForDiagnostics(uri, (p) => p.version === 3);
      const moved: Hover | null = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: ROW, character: at(ROW, '035', encoding).character + column('（總）', 3, encoding) },
      });
      const shift = column('（總）', 3, encoding);
      const expected = span(ROW, '20,035.5', encoding);
      assert.deepEqual(moved?.range, {
        start: { line: ROW, character: expected.start.character + shift },
        end: { line: ROW, character: expected.end.character + shift },
      });
    });
  });
}
