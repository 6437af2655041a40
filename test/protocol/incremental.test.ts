// The server derives each analysis from the previous version's (server/src/engine/reanalyze.ts). Typing
// into a report over the protocol must publish, after every keystroke, exactly what a fresh analysis of
// the same text publishes: the reference is a second document opened with that text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { REPO_ROOT, fixtureUri } from '../helpers/paths';
import { mulberry32 } from '../../scripts/bench/generate';

const TYPED = ['a', '7', ' ', '|', '#', '-', '{', '}', '[', ']', '。', '0', '\n'];

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const comparable = (ds: Diagnostic[]) =>
  ds.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message }));

describe('incremental analysis through the server', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
  });

  it('after each of 60 keystrokes the diagnostics equal those of the same text opened afresh', async () => {
    let text = readFileSync(path.join(REPO_ROOT, 'examples/zhipu-2025.esg.md'), 'utf8');
    const uri = fixtureUri(`typing-${process.pid}.esg.md`);
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const random = mulberry32(20251122);
    let changedSomething = 0;
    for (let version = 2; version <= 61; version++) {
      // Edits in the body (after the front matter), where typing happens.
      const offset = 800 + Math.floor(random() * (text.length - 800));
      const deleting = random() < 0.3 && text[offset] !== '\n' && text[offset] !== '\r';
      const start = positionAt(text, offset);
      const inserted = deleting ? '' : TYPED[Math.floor(random() * TYPED.length)];
      const end = deleting ? positionAt(text, offset + 1) : start;
      text = text.slice(0, offset) + inserted + text.slice(deleting ? offset + 1 : offset);
      await client.change(uri, version, [{ range: { start, end }, text: inserted }]);
      const typed = await client.waitForDiagnostics(uri, (p) => p.version === version);

      const freshUri = fixtureUri(`typing-fresh-${version}-${process.pid}.esg.md`);
      await client.open(freshUri, text);
      const fresh = await client.waitForDiagnostics(freshUri, (p) => p.version === 1);
      await client.close(freshUri);
      assert.deepStrictEqual(
        comparable(typed.diagnostics),
        comparable(fresh.diagnostics),
        `after edit ${version - 1} (${JSON.stringify(inserted || 'delete')} at ${start.line}:${start.character})`,
      );
      if (typed.diagnostics.length !== 1) changedSomething++;
    }
    // The zhipu example has exactly one finding; typed characters add and remove others, so the
    // comparison covered more than an unchanged list.
    assert.ok(changedSomething > 0, 'no edit changed the diagnostics');
  });
});
