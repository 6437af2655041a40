// server/src/lsp/publish.ts: diagnostics kept by an incremental analysis are published from their
// earlier conversion, and a publication equals converting every diagnostic afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { DiagnosticConverter } from '../../server/src/lsp/publish';
import { REPO_ROOT } from '../helpers/paths';

const URI = 'file:///publish.esg.md';

test('publish: kept diagnostics reuse their conversion; the publication equals a fresh conversion', () => {
  const text = readFileSync(path.join(REPO_ROOT, 'examples/zhipu-2025-defects.esg.md'), 'utf8');
  const converter = new DiagnosticConverter();
  const first = analyze({ uri: URI, text });
  assert.ok(first.diagnostics.length > 5);
  const published = converter.convert(first.diagnostics);
  assert.deepStrictEqual(published, first.diagnostics.map(toLspDiagnostic));
  assert.equal(converter.stats.converted, first.diagnostics.length);
  assert.equal(converter.stats.reused, 0);

  // A prose edit reruns no rule: every diagnostic is kept, so every conversion is reused.
  const edited = text.replace('本報告內容覆蓋', '本報告內容 覆蓋');
  assert.notEqual(edited, text);
  const second = analyze({ uri: URI, text: edited }, {}, first);
  const again = converter.convert(second.diagnostics);
  assert.deepStrictEqual(again, second.diagnostics.map(toLspDiagnostic));
  const kept = second.diagnostics.filter((d) => first.diagnostics.includes(d)).length;
  assert.ok(kept > 0, 'some diagnostics are the same objects');
  assert.equal(converter.stats.reused, kept);
  assert.equal(converter.stats.converted, first.diagnostics.length + second.diagnostics.length - kept);
  for (const [i, d] of second.diagnostics.entries())
    if (first.diagnostics.includes(d)) assert.equal(again[i], published[first.diagnostics.indexOf(d)]);
});
