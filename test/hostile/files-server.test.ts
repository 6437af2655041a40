// Hostile files through the language server over stdio: a root whose chapters are a FIFO, a device,
// paths out of the workspace, a symlink to /etc, a missing file and a folder; a FIFO `*.md` beside a
// report that makes the server search for a root. The server must answer, publish one diagnostic per
// refused entry, publish nothing for a file outside the workspace, leak no byte of one, and offer no
// edit outside the workspace.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { fifoSupported, peakRssOfPid } from '../helpers/bounded';
import { lspRequest } from '../helpers/protocol';
import { ReportRequest as Report } from '../../server/src/protocol';

const SECRET = 'TOP-SECRET-b81d44';
const ReportRequest = lspRequest(Report);

async function timed<T>(promise: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await promise;
  return { value, ms: Date.now() - start };
}

describe('hostile files through the server', { skip: !fifoSupported() }, () => {
  let base: string;
  let work: string;
  let client: LspTestClient;

  before(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'esgmark-hostile-server-'));
    work = path.join(base, 'work');
    mkdirSync(path.join(work, 'chapters', 'folder.esg.md'), { recursive: true });
    mkdirSync(path.join(base, 'outside'));
    writeFileSync(
      path.join(base, 'outside', 'secret.esg.md'),
      `# ${SECRET} {hkex="A9.9"}\n\n| ${SECRET} | 2025 |\n|---|---:|\n| 總耗水量 | 1 |\n`,
    );
    writeFileSync(path.join(work, 'chapters', 'env.esg.md'), '# Environment {hkex="A2"}\n\nWater.\n');
    execFileSync('mkfifo', [path.join(work, 'chapters', 'pipe.esg.md')]);
    symlinkSync('/etc', path.join(work, 'etc-link'));
    client = await LspTestClient.start({
      settings: { debounceMs: 0 },
      workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'work' }],
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses each hostile chapter at its entry, publishes nothing outside the workspace, and keeps answering', async () => {
    const entries = [
      'chapters/env.esg.md',
      'chapters/pipe.esg.md',
      '/dev/zero',
      '../outside/secret.esg.md',
      'etc-link/passwd',
      '/proc/self/environ',
      'chapters/nowhere.esg.md',
      'chapters/folder.esg.md',
      'root.esg.md',
    ];
    const text = `---\nesg:\n  period: 2025\n  chapters:\n${entries.map((e) => `    - ${e}\n`).join('')}---\n\n# Report {hkex="A1"}\n\nText.\n`;
    const uri = pathToFileURL(path.join(work, 'root.esg.md')).href;
    writeFileSync(path.join(work, 'root.esg.md'), text);
    await client.open(uri, text);
    const diagnostics = (
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'esg/chapters'))
    ).diagnostics;
    const chapters = diagnostics
      .filter((d) => d.code === 'esg/chapters')
      .map((d) => ({ ...d, message: String(d.message) }));
    assert.deepEqual(
      chapters.map((d) => d.range.start.line),
      [5, 6, 7, 8, 9, 10, 11, 12],
      chapters.map((d) => d.message).join('\n'),
    );
    assert.match(chapters[0].message, /named pipe/);
    assert.match(chapters[1].message, /outside the workspace/);
    assert.match(chapters[5].message, /does not exist/);
    assert.match(chapters[6].message, /a folder/);
    assert.match(chapters[7].message, /this file itself/);
    // Only files of the workspace are published, and no published text carries the secret.
    for (const [published] of client.published) {
      assert.ok(published.startsWith(pathToFileURL(work).href), `published for ${published}`);
    }
    for (const list of client.published.values())
      for (const p of list) for (const d of p.diagnostics) assert.ok(!String(d.message).includes(SECRET));
    // The report model and every code action stay inside the workspace too.
    const report = JSON.stringify(await client.connection.sendRequest(ReportRequest, { uri }));
    assert.ok(!report.includes(SECRET) && !report.includes('root:x:0'));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
      context: { diagnostics },
    })) as { edit?: { changes?: Record<string, unknown> } }[];
    for (const action of actions ?? [])
      for (const target of Object.keys(action.edit?.changes ?? {}))
        assert.ok(target.startsWith(pathToFileURL(work).href), target);
    const hover = await timed(
      client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 15, character: 12 },
      }),
    );
    assert.ok(hover.ms < 2000, `hover took ${hover.ms} ms`);
    assert.ok(client.isRunning);
    const peak = peakRssOfPid(client.pid!);
    assert.ok(Number.isNaN(peak) || peak < 400, `server peak RSS ${peak} MiB`);
  });

  it('a FIFO *.md beside a report with no front matter does not block the root search', async () => {
    const dir = path.join(work, 'search');
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'trap.md')]);
    const uri = pathToFileURL(path.join(dir, 'chapter.md')).href;
    // No front matter: the server searches this folder and the two above for a root listing it.
    await client.open(uri, '# 環境 {hkex="A1"}\n\n| 績效指標 | 2025 |\n|---|---:|\n| 總耗水量 | 1 |\n');
    const symbols = await timed(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    assert.ok(symbols.ms < 3000, `symbols took ${symbols.ms} ms`);
    assert.ok(Array.isArray(symbols.value) && symbols.value.length > 0);
    await client.waitForDiagnostics(uri, () => true, 5000);
    assert.ok(client.isRunning);
  });

  it('a missing chapter and a folder as a chapter are diagnostics in the editor too', async () => {
    const text = '---\nesg:\n  chapters:\n    - chapters/gone.esg.md\n    - chapters/folder.esg.md\n---\n\n# R\n';
    const uri = pathToFileURL(path.join(work, 'editor-root.esg.md')).href;
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(
      uri,
      (x) => x.diagnostics.filter((d) => d.code === 'esg/chapters').length === 2,
    );
    const d = p.diagnostics.filter((x) => x.code === 'esg/chapters');
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.range.start.character, x.severity]),
      [
        [3, 6, 1],
        [4, 6, 1],
      ],
    );
  });
});
