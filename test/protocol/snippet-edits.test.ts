// The 'add an explanation block' quick fix over stdio: a client that applies snippet edits (LSP 3.18
// `workspaceEdit.snippetEditSupport` with `documentChanges`, as VS Code does) gets the block as a
// snippet whose tab stop selects the placeholder reason; any other client gets the plain text edit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  InsertTextFormat,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
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
  '# 排放物 {hkex="A1 A1.1"}',
  '',
  '內容',
  '',
].join('\n');

async function explainA13(client: LspTestClient, uri: string): Promise<CodeAction> {
  await client.open(uri, TEXT);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const missing = published.diagnostics.find((d) => d.code === 'hkex/missing' && String(d.message).includes('A1.3'))!;
  assert.ok(missing, 'A1.3 is missing');
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: missing.range,
    context: { diagnostics: [missing] },
  })) as CodeAction[];
  const action = actions.find((a) => /A1\.3 加入解釋區塊/.test(a.title));
  assert.ok(action, actions.map((a) => a.title).join(' | '));
  return action;
}

describe('explanation quick fix as a snippet over LSP', () => {
  let snippets: LspTestClient;
  let plain: LspTestClient;

  before(async () => {
    snippets = await LspTestClient.start({
      settings: { debounceMs: 0 },
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
        textDocument: { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } } },
      },
    });
    plain = await LspTestClient.start({ settings: { debounceMs: 0 } });
  });

  after(async () => {
    await snippets?.stop();
    await plain?.stop();
  });

  it('a client that takes snippet edits gets a snippet with the cursor on the reason', async () => {
    const uri = fixtureUri(`snippet-${process.pid}.esg.md`);
    const action = await explainA13(snippets, uri);
    const change = action.edit?.documentChanges?.[0] as {
      textDocument: { uri: string };
      edits: { range: unknown; snippet?: { kind: string; value: string } }[];
    };
    assert.equal(change.textDocument.uri, uri);
    const snippet = change.edits[0].snippet!;
    assert.equal(snippet.kind, 'snippet');
    assert.match(
      snippet.value,
      /::: \{\.explain hkex="A1\.3"\\?\}\r?\n\$\{1:<!-- 請在此說明未披露 A1\.3.*-->\}\r?\n:::/,
    );
    assert.equal(action.edit?.changes, undefined);
  });

  it('another client gets the plain block', async () => {
    const uri = fixtureUri(`snippet-plain-${process.pid}.esg.md`);
    const action = await explainA13(plain, uri);
    assert.equal(action.edit?.documentChanges, undefined);
    const [edit] = action.edit!.changes![uri];
    assert.match(edit.newText, /::: \{\.explain hkex="A1\.3"\}\n<!-- 請在此說明未披露 A1\.3.* -->\n:::/);
  });

  it('snippet prefixes complete to the snippets in three languages, the report language first, for a client that inserts snippets', async () => {
    const text = `${TEXT}\nesg-index`;
    const complete = async (client: LspTestClient, uri: string) => {
      await client.open(uri, text);
      const result = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 12, character: 9 },
      })) as CompletionItem[] | CompletionList | null;
      return (Array.isArray(result) ? result : (result?.items ?? [])).filter((i) => i.label.startsWith('esg-index'));
    };
    const items = (await complete(snippets, fixtureUri(`snippet-complete-${process.pid}.esg.md`))).sort((a, b) =>
      a.sortText! < b.sortText! ? -1 : 1,
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['esg-index-hant', 'esg-index-hans', 'esg-index-en'],
    );
    assert.ok(items.every((i) => i.insertTextFormat === InsertTextFormat.Snippet));
    assert.match(String(items[0].detail), /繁體中文/);
    assert.deepEqual(
      await complete(plain, fixtureUri(`snippet-complete-plain-${process.pid}.esg.md`)),
      [],
      'no snippets for a client that cannot insert them',
    );
  });
});
