// `source.fixAll.esgmark` over stdio: advertised, offered when the client asks for fix-all (as
// `editor.codeActionsOnSave` does), applying every safe fix in one edit; never in the quick-fix menu.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri } from '../helpers/paths';

const TEXT = [
  '---',
  'title: 測試',
  'lang: zh-Hant',
  'esg:',
  '  issuer: 測試有限公司',
  '  period: 2025',
  '---',
  '',
  '# 排放物 {hkex="A1 A1.1 A1.2"}',
  '',
  '內容',
  '',
  '# 溫室氣體 {hkex="A1.2"}',
  '',
  '內容',
  '',
].join('\n');

function apply(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('source.fixAll.esgmark over LSP', () => {
  let client: LspTestClient;
  const uri = fixtureUri(`fixall-${process.pid}.esg.md`);
  const clean = fixtureUri(`fixall-clean-${process.pid}.esg.md`);
  const whole = { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } };
  const request = (target: string, only?: string[]) =>
    client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: target }, range: whole, context: { diagnostics: [], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(uri, TEXT);
    await client.open(clean, TEXT.replace(/ A1\.2"/, '"').replace('{hkex="A1.2"}', '{hkex="D28(a) D28(b)"}'));
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
  });

  it('advertises the kind', () => {
    const provider = client.initializeResult.capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.ok(provider.codeActionKinds.includes('source.fixAll.esgmark'), provider.codeActionKinds.join(', '));
  });

  for (const only of [['source.fixAll.esgmark'], ['source.fixAll'], ['source']]) {
    it(`only: ${only.join(',')} gets one action that fixes every safe finding at once`, async () => {
      const actions = await request(uri, only);
      const fixAll = actions.filter((a) => a.kind === 'source.fixAll.esgmark');
      assert.equal(fixAll.length, 1, actions.map((a) => `${a.kind} ${a.title}`).join(' | '));
      const edits = fixAll[0].edit!.changes![uri];
      assert.equal(edits.length, 2, 'both deleted A1.2 ids');
      assert.match(fixAll[0].title, /2/);
      const after = apply(TEXT, edits);
      assert.ok(!after.includes('A1.2'), after);
      assert.equal(after.match(/D28\(a\) D28\(b\)/g)?.length, 2);
      if (only[0] === 'source.fixAll.esgmark') assert.equal(actions.length, 1, 'nothing but fix-all');
    });
  }

  it('is not in the quick-fix menu, and not offered when nothing is safely fixable', async () => {
    assert.ok(!(await request(uri, ['quickfix'])).some((a) => a.kind === 'source.fixAll.esgmark'));
    assert.ok(!(await request(uri)).some((a) => a.kind === 'source.fixAll.esgmark'), 'a plain request (the light bulb) does not get it');
    await client.waitForDiagnostics(clean, (p) => p.version === 1);
    assert.deepEqual(await request(clean, ['source.fixAll.esgmark']), []);
  });
});
