// A chapter opened on its own in the editor: the server finds its root on disk, checks the whole
// report, and publishes each file's diagnostics at that file's lines; hover works in the chapter.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { REPO_ROOT } from '../helpers/paths';
import { positionIn } from '../helpers/text';

describe('multi-file report over LSP', () => {
  let client: LspTestClient;
  let dir: string;
  let chapterUri: string;
  let rootUri: string;
  let text: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'esgmark-multi-lsp-'));
    cpSync(path.join(REPO_ROOT, 'examples', 'multi-file'), dir, { recursive: true });
    chapterUri = pathToFileURL(path.join(dir, 'chapters', 'social.esg.md')).href;
    rootUri = pathToFileURL(path.join(dir, 'report.esg.md')).href;
    text = readFileSync(path.join(dir, 'chapters', 'social.esg.md'), 'utf8').replace(
      'hkex="B1 B1.1 B1.2"',
      'hkex="B1 B1.1 B1.2 B9.9"',
    );
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.open(chapterUri, text);
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the chapter diagnostics of the whole report, with no false missing requirement', async () => {
    const published = await client.waitForDiagnostics(chapterUri, (p) =>
      p.diagnostics.some((d) => d.code === 'hkex/unknown-id'),
    );
    const unknown = published.diagnostics.find((d) => d.code === 'hkex/unknown-id')!;
    assert.deepEqual(unknown.range.start, positionIn(text, 'B9.9', 0));
    // A standalone chapter would miss Part B and every environmental requirement; as part of its report it does not.
    assert.equal(published.diagnostics.filter((d) => d.code === 'hkex/missing').length, 0);
    // The root's diagnostics are published too (here: none).
    const root = await client.waitForDiagnostics(rootUri, () => true);
    assert.deepEqual(
      root.diagnostics.filter((d) => d.severity === 1),
      [],
    );
  });

  it('hovers an id in the chapter with its place in the report', async () => {
    const position = positionIn(text, 'B1.1 B1.2 B9.9', 1);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: chapterUri },
      position,
    });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /B1\.1/);
    assert.equal(hover.range?.start.line, position.line);
  });
});
