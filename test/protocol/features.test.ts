// Editor features through the real server process: hover, completion, code actions, the index-table
// command (with its workspace/applyEdit round trip), the custom request and document symbols.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionItemKind,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fixtureUri, readFixture } from '../helpers/paths';
import { lineOf, lines, positionIn } from '../helpers/text';
import { requirement } from '../helpers/catalog';
import { lspRequest } from '../helpers/protocol';
import { GENERATE_INDEX_TABLE_COMMAND, IndexTableRequest as IndexTable } from '../../server/src/protocol';

const PROBLEMS = readFixture('problems.esg.md');
const IndexTableRequest = lspRequest(IndexTable);

function completionItems(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

describe('editor features over LSP', () => {
  let client: LspTestClient;
  const uri = fixtureUri(`features-${process.pid}.esg.md`);
  let diagnostics: Diagnostic[] = [];

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(uri, PROBLEMS);
    diagnostics = (await client.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics;
  });

  after(async () => {
    await client?.stop();
  });

  it('hover on a requirement id inside hkex="..." shows the requirement text', async () => {
    // The `A1` of `hkex="A1 A9.9"`, cursor on its second character.
    const position = positionIn(PROBLEMS, 'hkex="A1 A9.9"', 'hkex="A'.length);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.ok(hover, 'hover returned nothing');
    const value =
      typeof hover.contents === 'object' && 'value' in hover.contents
        ? (hover.contents as MarkupContent).value
        : String(hover.contents);
    const a1 = requirement('A1');
    const inAnyLanguage = [a1.text['zh-Hant'], a1.text.en, a1.title['zh-Hant'], a1.title.en].some((t) =>
      value.includes(t),
    );
    assert.ok(inAnyLanguage, `hover does not contain A1's catalog text:\n${value}`);
    assert.equal(hover.range?.start.line, lineOf(PROBLEMS, 'hkex="A1 A9.9"'));
  });

  it('completion right after hkex=" offers requirement ids', async () => {
    const position = positionIn(PROBLEMS, 'hkex="D19"', 'hkex="'.length);
    const result = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: { triggerKind: 2, triggerCharacter: '"' },
    });
    const items = completionItems(result);
    const labels = new Set(items.map((i) => i.label));
    for (const id of ['A1.1', 'B6.1', 'MDR-boundary', 'D28(a)']) assert.ok(labels.has(id), `completion lacks ${id}`);
    const a11 = items.find((i) => i.label === 'A1.1')!;
    assert.equal(a11.kind, CompletionItemKind.EnumMember);
    // An edit range, when given, lies on the cursor's line.
    if (a11.textEdit && 'range' in a11.textEdit) assert.equal(a11.textEdit.range.start.line, position.line);
  });

  it('code actions for hkex/missing include an explanation quick fix', async () => {
    const missing = diagnostics.find((d) => d.code === 'hkex/missing');
    assert.ok(missing, 'fixture has a hkex/missing diagnostic');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    assert.ok(Array.isArray(actions) && actions.length > 0, 'no code actions');
    const explain = actions.find(
      (a) =>
        a.kind === 'quickfix' &&
        Object.values(a.edit?.changes ?? {})
          .flat()
          .some((e) => /::: \{\.explain hkex="[^"]+"\}/.test(e.newText)),
    );
    assert.ok(explain, `no explanation quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const edit = explain.edit!.changes![uri][0];
    const id = /::: \{\.explain hkex="([^"]+)"\}/.exec(edit.newText)![1];
    assert.ok(
      String(missing.message).includes(id),
      `the fix explains ${id}, the diagnostic is about: ${String(missing.message)}`,
    );
    // The fix is for the diagnostic it was asked about.
    assert.deepEqual(explain.diagnostics?.[0]?.range, missing.range);
    // The div is inserted at a line start, so it forms a block of its own.
    assert.equal(edit.range.start.character, 0);
  });

  it("code actions honour the request's `only` filter", async () => {
    const missing = diagnostics.find((d) => d.code === 'hkex/missing')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing], only: ['refactor'] },
    })) as CodeAction[];
    assert.ok(actions.every((a) => a.kind?.startsWith('refactor')));
  });

  it('executeCommand generateIndexTable applies the table through workspace/applyEdit', async () => {
    const before = client.applyEditRequests.length;
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: GENERATE_INDEX_TABLE_COMMAND,
      arguments: [uri],
    })) as { applied: boolean; markdown: string };
    assert.equal(client.applyEditRequests.length, before + 1, 'server sent no workspace/applyEdit');
    const request = client.applyEditRequests[before];
    const edits: TextEdit[] = request.edit.changes?.[uri] ?? [];
    assert.equal(edits.length, 1);
    assert.equal(result.applied, true);
    assert.ok(result.markdown.length > 0);
    assert.ok(edits[0].newText.includes(result.markdown.trim()), 'the edit writes the returned markdown');
    const tableLines = lines(result.markdown).filter((l) => l.trim().startsWith('|'));
    assert.ok(tableLines.length >= 3, 'markdown holds a pipe table');
    assert.match(tableLines[1], /^\|\s*:?-+/, 'second table line is the delimiter row');
    // The tagged requirements appear as rows.
    assert.ok(
      tableLines.some(
        (l) => l.includes('MDR-governance') || l.includes(requirement('MDR-governance').title['zh-Hant']),
      ),
    );

    // A declined edit is reported as not applied.
    client.applyEditResult = { applied: false };
    const declined = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: GENERATE_INDEX_TABLE_COMMAND,
      arguments: [uri],
    })) as { applied: boolean; markdown: string };
    client.applyEditResult = { applied: true };
    assert.equal(declined.applied, false);
    assert.equal(declined.markdown, result.markdown);
  });

  it('the esgmark/indexTable request returns the same table without editing', async () => {
    const before = client.applyEditRequests.length;
    const table = await client.connection.sendRequest(IndexTableRequest, { uri });
    assert.ok(table && typeof table.markdown === 'string' && table.markdown.includes('|'));
    assert.equal(client.applyEditRequests.length, before);
  });

  it('documentSymbol returns the section tree', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    const headingTitles = [...PROBLEMS.matchAll(/^(#{1,6}) (.+?) \{/gm)].map((m) => ({
      level: m[1].length,
      title: m[2],
    }));
    const top = symbols.filter((s) => s.kind === SymbolKind.Namespace);
    assert.equal(top.length, 1, 'one level-1 heading');
    assert.ok(top[0].name.includes(headingTitles[0].title));
    assert.equal(top[0].range.start.line, lineOf(PROBLEMS, `# ${headingTitles[0].title}`));
    const level2 = top[0].children!.filter((s) => s.kind === SymbolKind.Namespace).map((s) => s.name);
    const expected2 = headingTitles.filter((h) => h.level === 2).map((h) => h.title);
    assert.equal(level2.length, expected2.length);
    expected2.forEach((title, i) => assert.ok(level2[i].includes(title), `${level2[i]} vs ${title}`));
    // `### 資源使用` nests under `## 環境`, with its KPI table inside.
    const environment = top[0].children!.find((s) => s.name.includes('環境'))!;
    const resources = environment.children!.find((s) => s.name.includes('資源使用'));
    assert.ok(resources, 'subsection nested under its parent');
    assert.ok(
      resources.children!.some((s) => s.kind === SymbolKind.Struct || s.kind === SymbolKind.Number),
      'the KPI table is a child of its section',
    );
    // Every selectionRange lies within its range (VS Code rejects the outline otherwise).
    const check = (s: DocumentSymbol): void => {
      const r = s.range;
      const sel = s.selectionRange;
      const le = (a: { line: number; character: number }, b: { line: number; character: number }) =>
        a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(le(r.start, sel.start) && le(sel.end, r.end), `selectionRange outside range for ${s.name}`);
      s.children?.forEach(check);
    };
    symbols.forEach(check);
  });

  it('definition resolves without error', async () => {
    const position = positionIn(PROBLEMS, 'hkex="D19"', 'hkex="D'.length);
    const result = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position,
    })) as Location[] | null;
    assert.ok(result === null || Array.isArray(result));
  });

  it('requests for a document that is not open return empty results', async () => {
    const other = fixtureUri('not-open.esg.md');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: other },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } });
    assert.deepEqual(symbols, []);
  });
});
