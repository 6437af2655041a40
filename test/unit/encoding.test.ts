// The column conversions behind position encodings (server/src/lsp/encoding.ts), at their edges:
// astral characters, a column inside a character, past the end of a line, a lone surrogate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  columnFromEncoding,
  columnToEncoding,
  lineOfDocument,
  negotiateEncoding,
  PositionCodec,
} from '../../server/src/lsp/encoding';

test('negotiation: the first encoding of the client that the server knows, else UTF-16', () => {
  assert.equal(negotiateEncoding(['utf-8', 'utf-16']), 'utf-8');
  assert.equal(negotiateEncoding(['ucs-2', 'UTF-32']), 'utf-32');
  assert.equal(negotiateEncoding(undefined), 'utf-16');
  assert.equal(negotiateEncoding('utf-8'), 'utf-16');
  assert.equal(negotiateEncoding([]), 'utf-16');
});

test('columns round-trip on Chinese text and astral characters', () => {
  const line = '總耗水量𠀀 | 噸 | 20,035.5 😀x';
  for (let i = 0; i <= line.length; i++) {
    const splitsPair = i > 0 && i < line.length && /[\udc00-\udfff]/.test(line[i]);
    for (const enc of ['utf-8', 'utf-16', 'utf-32'] as const) {
      const c = columnToEncoding(line, i, enc);
      const back = columnFromEncoding(line, c, enc);
      assert.equal(back, splitsPair && enc !== 'utf-16' ? i - 1 : i, `${enc} at ${i}`);
    }
  }
  assert.equal(columnToEncoding(line, 4, 'utf-8'), 12);
  assert.equal(columnToEncoding(line, 6, 'utf-8'), 16);
  assert.equal(columnToEncoding(line, 6, 'utf-32'), 5);
});

test('a column inside a character is its start; past the end of the line, the end', () => {
  const line = '噸𠀀a';
  assert.equal(columnFromEncoding(line, 1, 'utf-8'), 0, 'inside 噸');
  assert.equal(columnFromEncoding(line, 5, 'utf-8'), 1, 'inside 𠀀');
  assert.equal(columnFromEncoding(line, 99, 'utf-8'), line.length);
  assert.equal(columnToEncoding(line, 99, 'utf-8'), 8);
  assert.equal(columnFromEncoding(line, 99, 'utf-32'), line.length);
  // A lone surrogate counts as one replacement character (3 bytes in UTF-8).
  assert.equal(columnToEncoding('\ud800x', 1, 'utf-8'), 3);
  assert.equal(columnFromEncoding('\ud800x', 3, 'utf-8'), 1);
});

test('lines of a document are read without their break, whichever it is', () => {
  const doc = TextDocument.create('file:///a.md', 'markdown', 1, 'a\r\nb\rc\n\r\nd');
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, -1].map((l) => lineOfDocument(doc, l)),
    ['a', 'b', 'c', '', 'd', undefined, undefined],
  );
});

test('a published list is converted item by item, each reused while the lines it was read against are the same', () => {
  const uri = 'file:///report.esg.md';
  let doc = TextDocument.create(uri, 'esg-markdown', 1, '總耗水量 | 20,035.5\n員工總數 | 937\nplain line');
  const codec = new PositionCodec((u, line) => (u === uri ? lineOfDocument(doc, line) : undefined));
  codec.encoding = 'utf-8';
  const at = (line: number, from: number, to: number) => ({
    range: { start: { line, character: from }, end: { line, character: to } },
    message: `line ${line}`,
    data: { range: { start: { line: 9, character: 9 }, end: { line: 9, character: 9 } } },
  });
  const list = [at(0, 7, 15), at(1, 7, 10), at(2, 0, 5)];
  const first = codec.outList(list, uri);
  assert.deepStrictEqual(first, codec.out(list, uri));
  assert.equal(first[0].range.start.character, 15, 'after four CJK characters and a space and a bar');
  assert.deepStrictEqual(first[0].data, list[0].data, 'data is not converted');
  assert.deepStrictEqual(codec.outList(list, uri), first);
  assert.ok(
    codec.outList(list, uri).every((d, i) => d === first[i]),
    'nothing changed: the same objects',
  );
  // The second line is edited: its diagnostic is converted again, the others are kept.
  doc = TextDocument.update(
    doc,
    [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, text: 'staff' }],
    2,
  );
  const second = codec.outList(list, uri);
  assert.deepStrictEqual(second, codec.out(list, uri));
  assert.equal(second[0], first[0]);
  assert.notEqual(second[1], first[1]);
  assert.equal(second[1].range.start.character, 7);
  assert.equal(second[2], first[2]);
  // Another encoding converts again.
  codec.encoding = 'utf-32';
  assert.deepStrictEqual(codec.outList(list, uri), codec.out(list, uri));
  codec.encoding = 'utf-16';
  assert.equal(codec.outList(list, uri), list);
});
