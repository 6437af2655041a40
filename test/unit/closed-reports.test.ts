// The pull handlers' cache of closed reports: bounded, most recently used kept, a hit not re-analysed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClosedReports } from '../../server/src/lsp/pullHandlers';
import { FRONT } from './util';

test('closed reports: at most 32 kept, the oldest goes, an unchanged text is not analysed again', () => {
  const cache = new ClosedReports();
  const text = `${FRONT}# 環境 {hkex="A1"}\n\n內容\n`;
  const first = cache.analyze('file:///w/r0.esg.md', text, 1, () => ({}));
  assert.equal(
    cache.analyze('file:///w/r0.esg.md', text, 1, () => ({})),
    first,
    'a hit returns the same analysis',
  );
  for (let i = 1; i <= 40; i++) cache.analyze(`file:///w/r${i}.esg.md`, text, 1, () => ({}));
  assert.equal(cache.size, 32);
  assert.notEqual(
    cache.analyze('file:///w/r0.esg.md', text, 1, () => ({})),
    first,
    'the oldest was dropped and is analysed anew',
  );
});
