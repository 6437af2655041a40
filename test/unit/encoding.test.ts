// The column conversions behind position encodings (server/src/lsp/encoding.ts), at their edges:
// astral characters, a column inside a character, past the end of a line, a lone surrogate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnFromEncoding, columnToEncoding, negotiateEncoding } from '../../server/src/lsp/encoding';

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
