// `source.fixAll.esgmark` over stdio: advertised, offered when the client asks for fix-all (as
// `editor.codeActionsOnSave` does), applying every safe fix in one edit; never in the quick-fix menu.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri } from '../helpers/paths';

// Two sections the index names without tags (hkex/index-untagged), and a tagged section whose
// requirement has no index row (hkex/index-missing-row): the safe fixes tag the sections and add the row.
const TEXT = [
  '---',
  'title: 測試',
  'lang: zh-Hant',
  'esg:',
  '  issuer: 測試有限公司',
  '  period: 2025',
  '---',
  '',
  '# 環境 {#env hkex="A1 A1.1"}',
  '',
  '內容',
  '',
  '# 僱傭 {#emp}',
  '',
  '內容',
  '',
  '## 索引 {#idx .hkex-index}',
  '',
  '| 條文 | 內容 | 報告章節 |',
  '|---|---|---|',
  '| A1 | x | [環境](#env) |',
  '| B1 | x | [僱傭](#emp) |',
  '| B2 | x | 僱傭 |',
  '',
].join('\n');

function apply(
  text: string,
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('source.fixAll.esgmark over LSP', () => {
  let client: LspTestClient;
  const uri = fixtureUri(`fixall-${process.pid}.esg.md`);
  const clean = fixtureUri(`fixall-clean-${process.pid}.esg.md`);
  const whole = { start: { line: 0, character: 0 }, end: { line: 26, character: 0 } };
  const request = (target: string, only?: string[]) =>
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: target },
      range: whole,
      context: { diagnostics: [], ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(uri, TEXT);
    await client.open(
      clean,
      TEXT.replace('# 僱傭 {#emp}', '# 僱傭 {#emp hkex="B1 B2"}').replace(
        '| A1 | x | [環境](#env) |',
        '| A1 | x | [環境](#env) |\n| A1.1 | x | [環境](#env) |',
      ),
    );
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
      assert.equal(edits.length, 2, 'the tags of the untagged section and the missing index row');
      // Two edits resolve three findings (the tag fixes both untagged index rows of the section).
      assert.match(fixAll[0].title, /3/);
      const after = apply(TEXT, edits);
      assert.ok(after.includes('# 僱傭 {#emp hkex="B1 B2"}'), after);
      assert.match(after, /\n\| A1\.1 \|[^\n]*\| \[環境\]\(#env\) \|\n/);
      // Nothing else changed: every line of the report is still there.
      for (const line of TEXT.split('\n').filter((l) => !l.startsWith('# 僱傭'))) assert.ok(after.includes(line), line);
      if (only[0] === 'source.fixAll.esgmark') assert.equal(actions.length, 1, 'nothing but fix-all');
    });
  }

  it('is not in the quick-fix menu, and not offered when nothing is safely fixable', async () => {
    assert.ok(!(await request(uri, ['quickfix'])).some((a) => a.kind === 'source.fixAll.esgmark'));
    assert.ok(
      !(await request(uri)).some((a) => a.kind === 'source.fixAll.esgmark'),
      'a plain request (the light bulb) does not get it',
    );
    await client.waitForDiagnostics(clean, (p) => p.version === 1);
    assert.deepEqual(await request(clean, ['source.fixAll.esgmark']), []);
  });
});
