// server/src/lsp/publish.ts: diagnostics kept by an incremental analysis, and the equal ones a rule that
// ran again finds, are published from their earlier conversion, and a publication equals converting
// every diagnostic afresh. server/src/lsp/wire.ts: the JSON written for a publication is the message's
// JSON.stringify, with each diagnostic's text reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, getCodeActions } from '../../server/src/engine';
import { diagnosticFieldsOf, fromLspDiagnostic, toLspDiagnostic } from '../../server/src/lsp/convert';
import { DiagnosticConverter, sameJsonValue } from '../../server/src/lsp/publish';
import { encodeMessage, usesStdio } from '../../server/src/lsp/wire';
import { resultIdOf } from '../../server/src/lsp/pull';
import { REPO_ROOT } from '../helpers/paths';

const URI = 'file:///publish.esg.md';
const defects = () => readFileSync(path.join(REPO_ROOT, 'examples/zhipu-2025-defects.esg.md'), 'utf8');

test('publish: kept diagnostics reuse their conversion; the publication equals a fresh conversion', () => {
  const text = defects();
  const converter = new DiagnosticConverter();
  const first = analyze({ uri: URI, text });
  assert.ok(first.diagnostics.length > 5);
  const published = converter.convert(first.diagnostics, undefined, URI);
  assert.deepStrictEqual(published, first.diagnostics.map(toLspDiagnostic));
  assert.equal(converter.stats.converted, first.diagnostics.length);
  assert.equal(converter.stats.reused, 0);

  // A prose edit reruns no rule: every diagnostic is kept, so every conversion is reused.
  const edited = text.replace('本報告內容覆蓋', '本報告內容 覆蓋');
  assert.notEqual(edited, text);
  const second = analyze({ uri: URI, text: edited }, {}, first);
  const again = converter.convert(second.diagnostics, undefined, URI);
  assert.deepStrictEqual(again, second.diagnostics.map(toLspDiagnostic));
  const kept = second.diagnostics.filter((d) => first.diagnostics.includes(d)).length;
  assert.ok(kept > 0, 'some diagnostics are the same objects');
  assert.equal(converter.stats.reused, kept);
  assert.equal(
    converter.stats.converted + converter.stats.matched,
    first.diagnostics.length + second.diagnostics.length - kept,
  );
  for (const [i, d] of second.diagnostics.entries())
    if (first.diagnostics.includes(d)) assert.equal(again[i], published[first.diagnostics.indexOf(d)]);
});

test('publish: a rule that ran again gets the LSP objects of its equal findings; a changed finding is converted', () => {
  const text = defects();
  const converter = new DiagnosticConverter();
  const first = analyze({ uri: URI, text });
  const published = converter.convert(first.diagnostics, undefined, URI);
  // A table cell edit: the numbers rules run again and find what they found before, as new objects,
  // and the edited figure's findings change.
  const edited = text.replace(
    '| 總耗電密度[^5] | 千瓦時 / 萬元 | 15.5181 |',
    '| 總耗電密度[^5] | 千瓦時 / 萬元 | 15.5182 |',
  );
  assert.notEqual(edited, text);
  const second = analyze({ uri: URI, text: edited }, {}, first);
  assert.ok(second.reuse.rulesRun > 0, 'rules ran');
  const before = { ...converter.stats };
  const again = converter.convert(second.diagnostics, undefined, URI);
  assert.deepStrictEqual(again, second.diagnostics.map(toLspDiagnostic));
  const fresh = second.diagnostics.filter((d) => !first.diagnostics.includes(d));
  assert.ok(fresh.length > 0, 'some diagnostics are new objects');
  assert.ok(converter.stats.matched > before.matched, 'new objects equal to earlier ones are matched');
  const old = new Map(first.diagnostics.map((d, i) => [JSON.stringify(toLspDiagnostic(d)), published[i]]));
  for (const [i, d] of second.diagnostics.entries()) {
    const same = old.get(JSON.stringify(toLspDiagnostic(d)));
    // An equal finding has the earlier LSP object; one that changed (or is new) a fresh one.
    if (same) assert.equal(again[i], same, `${d.rule} at line ${d.range.start.line} reuses its LSP object`);
    else assert.ok(!published.includes(again[i]), `${d.rule} at line ${d.range.start.line} is converted again`);
  }
  // Another file's publication is matched against its own previous one only.
  const other = converter.convert(second.diagnostics, undefined, 'file:///other.esg.md');
  assert.deepStrictEqual(other, again);
});

test('publish: content matching compares data and related information as their JSON', () => {
  assert.ok(sameJsonValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }));
  assert.ok(!sameJsonValue({ a: 1, b: 2 }, { b: 2, a: 1 }), 'another key order is another text');
  assert.ok(!sameJsonValue({ a: [1] }, { a: { 0: 1 } }));
  assert.ok(!sameJsonValue({ a: 1 }, { a: 1, b: undefined }));
  assert.ok(sameJsonValue(undefined, undefined));
  assert.ok(!sameJsonValue(undefined, {}));
  const converter = new DiagnosticConverter();
  const d = {
    uri: URI,
    rule: 'kpi/sum-mismatch',
    severity: 'warning' as const,
    range: { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } },
    message: 'm',
    data: { total: 1 },
  };
  const [a] = converter.convert([d], undefined, URI);
  const [b] = converter.convert([{ ...d, data: { total: 1 } }], undefined, URI);
  assert.equal(b, a);
  const [c] = converter.convert([{ ...d, data: { total: 2 } }], undefined, URI);
  assert.notEqual(c, b);
  assert.deepStrictEqual(c, toLspDiagnostic({ ...d, data: { total: 2 } }));
  const [e] = converter.convert(
    [{ ...d, data: { total: 2 }, range: { ...d.range, end: { line: 3, character: 5 } } }],
    undefined,
    URI,
  );
  assert.notEqual(e, c);
  assert.equal(e.range.end.character, 5);
});

test("convert: `data` is the rule's own data; a published diagnostic sent back alone rebuilds it, with the same fixes", () => {
  const text = defects();
  const analysis = analyze({ uri: URI, text });
  let withData = 0;
  let withFixes = 0;
  for (const d of analysis.diagnostics) {
    const lsp = toLspDiagnostic(d);
    // Nothing repeated: the rule is the code, the severity the LSP severity.
    assert.strictEqual(lsp.data, d.data);
    if (d.data !== undefined) withData++;
    // As the client sends it back (through JSON), for an analysis that no longer has it.
    const sent = JSON.parse(JSON.stringify(lsp)) as typeof lsp;
    const rebuilt = fromLspDiagnostic(URI, sent, []);
    const { related: _related, ...own } = d;
    assert.deepStrictEqual(rebuilt, JSON.parse(JSON.stringify(own)), d.rule);
    const strip = (actions: ReturnType<typeof getCodeActions>) =>
      actions.map(({ diagnostics: _diagnostics, ...action }) => action);
    const fixes = strip(getCodeActions(analysis, d.range, [d]));
    if (fixes.length > 0) withFixes++;
    assert.deepStrictEqual(strip(getCodeActions(analysis, d.range, [rebuilt!])), fixes, d.rule);
  }
  assert.ok(withData > 5 && withFixes > 5, `${withData} with data, ${withFixes} with fixes`);
});

test('convert: only the optional fields the client declares, in either capability; all for a client that declares none', () => {
  assert.deepStrictEqual(diagnosticFieldsOf(undefined, undefined), { codeDescription: true, relatedInformation: true });
  assert.deepStrictEqual(diagnosticFieldsOf({ relatedInformation: true }, undefined), {
    codeDescription: false,
    relatedInformation: true,
  });
  assert.deepStrictEqual(diagnosticFieldsOf({}, { codeDescriptionSupport: true }), {
    codeDescription: true,
    relatedInformation: false,
  });
  const analysis = analyze({ uri: URI, text: defects() });
  const converter = new DiagnosticConverter();
  const full = converter.convert(analysis.diagnostics, undefined, URI);
  assert.ok(full.some((d) => d.relatedInformation) && full.every((d) => d.codeDescription));
  converter.fields = { codeDescription: false, relatedInformation: false };
  const bare = converter.convert(analysis.diagnostics, undefined, URI);
  assert.deepStrictEqual(
    bare,
    full.map(({ codeDescription: _href, relatedInformation: _related, ...rest }) => rest),
  );
  // The same keys in the same order as before, less the two.
  for (const [i, d] of bare.entries())
    assert.deepEqual(
      Object.keys(d),
      Object.keys(full[i]).filter((k) => k !== 'codeDescription' && k !== 'relatedInformation'),
    );
});

test('wire: a publication is written as JSON.stringify writes it, other messages too', () => {
  const text = defects();
  const first = analyze({ uri: URI, text });
  const converter = new DiagnosticConverter();
  const diagnostics = converter.convert(first.diagnostics, undefined, URI);
  const publish = (version?: number) => ({
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri: URI, version, diagnostics },
  });
  for (const message of [
    publish(3),
    publish(undefined),
    publish(4), // the second time from the kept text of each diagnostic
    {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///"diagnostics":[]', diagnostics },
    },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, diagnostics: [] } },
    // One diagnostic (no separator), and bytes beyond ASCII before and after the list.
    {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///報告.esg.md', diagnostics: diagnostics.slice(0, 1), note: '智譜 \u{1F600}' },
    },
    { jsonrpc: '2.0', id: 7, result: { items: diagnostics.slice(0, 3) } },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 4, message: 'Zhipu 智譜 \u{1F600}' } },
  ])
    assert.ok(encodeMessage(message).equals(Buffer.from(JSON.stringify(message), 'utf8')), JSON.stringify(message));
});

test('wire: --stdio is read as the language server library reads the transport arguments', () => {
  assert.ok(usesStdio(['node', 'server.js', '--stdio']));
  assert.ok(usesStdio(['node', 'server.js', '--clientProcessId=3', '--stdio']));
  assert.ok(!usesStdio(['node', 'server.js', '--node-ipc']));
  assert.ok(!usesStdio(['node', 'server.js', '--node-ipc', '--stdio']));
  assert.ok(!usesStdio(['node', 'server.js', '--socket=5000']));
});

test('pull: a result id is the same for equal lists (other objects, another time) and differs when an item or the order does', () => {
  const first = analyze({ uri: URI, text: defects() }).diagnostics.map((d) => toLspDiagnostic(d));
  const copy = first.map((d) => JSON.parse(JSON.stringify(d)) as typeof d);
  assert.equal(resultIdOf(copy), resultIdOf(first));
  assert.equal(resultIdOf(first), resultIdOf(first), 'kept hashes give the same id');
  assert.notEqual(resultIdOf([first[1], first[0], ...first.slice(2)]), resultIdOf(first));
  assert.notEqual(resultIdOf(first.slice(1)), resultIdOf(first));
  assert.notEqual(resultIdOf([{ ...first[0], message: `${first[0].message}.` }, ...first.slice(1)]), resultIdOf(first));
  assert.notEqual(resultIdOf([]), resultIdOf(first));
  assert.match(
    resultIdOf(first),
    new RegExp(`^${JSON.stringify(first).length.toString(36)}-`),
    'led by the JSON length',
  );
});
