// Caches must not keep old versions of a document alive. A string sliced from a document shares the
// document's storage, so a cache entry holding such a slice (a KPI table's key or labels, a heading
// title, a unit spelling) keeps that version's whole text in memory. Typing produces a new version per
// keystroke: the heap would grow with every edited table (measured before the fix: 19 → 114 MiB after
// 600 edits of a 1 MB report). These tests measure the heap after full garbage collections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyze, type Analysis } from '../../server/src/engine';
import { clearParseCaches } from '../../server/src/engine/recognition/kpiTables';
import { detachedCopy } from '../../server/src/engine/text/normalize';
import { generateReport, mulberry32 } from '../../scripts/bench/generate';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMiB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

test('detachedCopy keeps no reference to the string it was sliced from', () => {
  const before = heapMiB();
  const kept: string[] = [];
  // 40 strings of 1.5 M UTF-16 units (3 MB each); a 40-character slice of each is kept.
  for (let i = 0; i < 40; i++) kept.push(detachedCopy(`中${i}`.repeat(500_000).slice(1000, 1040)));
  const grown = heapMiB() - before;
  assert.equal(kept[7], `中7`.repeat(500_000).slice(1000, 1040));
  // Plain slices would keep all 40 parents: about 120 MiB.
  assert.ok(grown < 20, `the heap grew by ${grown.toFixed(1)} MiB`);
});

test('editing tables of a report again and again does not keep old versions of the text alive', () => {
  clearParseCaches();
  let text = generateReport({ seed: 7, targetBytes: 300_000 }).text;
  const digits: number[] = [];
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    if (line.startsWith('|') && !/^\|[-:| ]+\|$/.test(line))
      for (let c = 0; c < line.length; c++) if (line[c] >= '0' && line[c] <= '9') digits.push(offset + c);
    offset += line.length + 1;
  }
  assert.ok(digits.length > 100, 'the generated report has tables with figures');
  const random = mulberry32(11);
  let derived: Analysis = analyze({ uri: 'file:///memory.esg.md', text });
  const before = heapMiB();
  // Each edit changes one figure: a new table text, a KPI-cache miss, a new version of the document.
  for (let i = 0; i < 150; i++) {
    const at = digits[Math.floor(random() * digits.length)];
    text = text.slice(0, at) + String(Math.floor(random() * 10)) + text.slice(at + 1);
    // Alternately derived from the previous analysis and analysed in full, as the server and the CLI do.
    derived =
      i % 2 === 0
        ? analyze({ uri: 'file:///memory.esg.md', text }, {}, derived)
        : analyze({ uri: 'file:///memory.esg.md', text });
  }
  const grown = heapMiB() - before;
  assert.ok(derived.model.text === text);
  // Measured: 3.8 MiB; 29.7 MiB when the cached strings still shared the document's storage.
  assert.ok(grown < 15, `the heap grew by ${grown.toFixed(1)} MiB over 150 edits`);
  clearParseCaches();
});
