// The language server as a process: diagnostics published over stdio for open/change/close, and the
// settings that shape them (severity overrides, locale, debounce).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lsp-client';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixtureUri, readFixture, REPO_ROOT } from '../helpers/paths';
import { rangeOf } from '../helpers/text';

const PROBLEMS = readFixture('problems.esg.md');
const CJK = /[\u3400-\u9fff]/;

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => String(d.code));
}

function withCode(params: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return params.diagnostics.filter((d) => d.code === code);
}

function uniqueUri(name: string): string {
  return fixtureUri(`${name}-${process.pid}-${Math.random().toString(36).slice(2)}.esg.md`);
}

describe('diagnostics over LSP', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
  });

  it('publishes the fixture problems on open with exact ranges', async () => {
    const uri = uniqueUri('open');
    await client.open(uri, PROBLEMS);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);

    const unknown = withCode(published, 'hkex/unknown-id');
    assert.equal(unknown.length, 1, `expected one hkex/unknown-id, got ${codes(published).join(', ')}`);
    assert.deepEqual(unknown[0].range, rangeOf(PROBLEMS, 'A9.9'));
    assert.equal(unknown[0].source, 'esgmark');

    const badNumber = withCode(published, 'kpi/bad-number');
    assert.equal(badNumber.length, 1);
    assert.deepEqual(badNumber[0].range, rangeOf(PROBLEMS, '12,3x4'));

    const emptyExplanation = withCode(published, 'hkex/empty-explanation');
    assert.equal(emptyExplanation.length, 1);
    assert.equal(emptyExplanation[0].range.start.line, rangeOf(PROBLEMS, '::: {.explain hkex="B6.1"}').start.line);

    // D28(a)/(b) (Scope 1/2 emissions) are mandatory in FY2025 and the fixture discloses neither.
    const missing = withCode(published, 'hkex/missing');
    const missingMandatory = missing.filter((d) => d.severity === 1 && /D28\(a\)/.test(String(d.message)));
    assert.equal(missingMandatory.length, 1, 'D28(a) missing is reported as an error');
    // Tagged requirements are not reported missing.
    assert.ok(!missing.some((d) => /MDR-governance/.test(String(d.message))), 'tagged MDR-governance reported missing');

    // `data` is the rule's own data for code actions (the rule is the code): the requirement ids of a missing one.
    for (const d of published.diagnostics)
      assert.ok(d.data === undefined || !('rule' in (d.data as object)), String(d.code));
    assert.ok(missing.every((d) => Array.isArray((d.data as { ids?: unknown } | undefined)?.ids)));
  });

  it('an incremental change that fixes a problem removes its diagnostic', async () => {
    const uri = uniqueUri('change');
    await client.open(uri, PROBLEMS);
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && withCode(p, 'hkex/unknown-id').length === 1);

    // Replace only the bad id with a real one, as an editor does for a keystroke-sized edit.
    await client.change(uri, 2, [{ range: rangeOf(PROBLEMS, 'A9.9'), text: 'A1.1' }]);
    const fixed = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.equal(withCode(fixed, 'hkex/unknown-id').length, 0);
    // The other problems are still there, at unchanged positions (same line length after the edit).
    assert.deepEqual(withCode(fixed, 'kpi/bad-number')[0]?.range, rangeOf(PROBLEMS, '12,3x4'));

    // Breaking it again brings the diagnostic back at the new text.
    const broken = PROBLEMS.replace('A9.9', 'A1.1');
    await client.change(uri, 3, [{ range: rangeOf(broken, 'A1.1'), text: 'B9' }]);
    const again = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    const expectedText = broken.replace('hkex="A1 A1.1"', 'hkex="A1 B9"');
    assert.equal(expectedText.split('B9').length, 2, 'B9 occurs once in the edited text');
    assert.deepEqual(withCode(again, 'hkex/unknown-id')[0]?.range, rangeOf(expectedText, 'B9'));
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = uniqueUri('close');
    await client.open(uri, PROBLEMS);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.equal(cleared.diagnostics.length, 0);
  });

  it('checks markdown only when its front matter has an esg: key', async () => {
    const plain = uniqueUri('plain').replace(/\.esg\.md$/, '.md');
    const esg = uniqueUri('esgfm').replace(/\.esg\.md$/, '.md');
    await client.open(plain, PROBLEMS.replace(/^esg:$/m, 'other:'), 'markdown');
    await client.open(esg, PROBLEMS, 'markdown');
    const plainPublished = await client.waitForDiagnostics(plain, (p) => p.version === 1);
    assert.deepEqual(plainPublished.diagnostics, []);
    const esgPublished = await client.waitForDiagnostics(esg, (p) => p.version === 1);
    assert.ok(withCode(esgPublished, 'hkex/unknown-id').length === 1, 'markdown with esg: front matter is checked');
  });
});

describe('settings', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
  });

  it("severity override 'off' removes a rule and other values change the severity", async () => {
    const uri = uniqueUri('severity');
    await client.open(uri, PROBLEMS);
    const before = await client.waitForDiagnostics(uri, (p) => withCode(p, 'kpi/bad-number').length === 1);
    assert.ok(withCode(before, 'hkex/unknown-id').length === 1);

    await client.changeSettings({ debounceMs: 0, severity: { 'kpi/bad-number': 'off', 'hkex/unknown-id': 'hint' } });
    const after = await client.waitForDiagnostics(uri, (p) => withCode(p, 'kpi/bad-number').length === 0);
    const unknown = withCode(after, 'hkex/unknown-id');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 4 /* Hint */);
    // Nothing else disappeared.
    assert.equal(after.diagnostics.length, before.diagnostics.length - 1);

    await client.changeSettings({ debounceMs: 0 });
    await client.waitForDiagnostics(uri, (p) => withCode(p, 'kpi/bad-number').length === 1);
  });

  it('locale setting changes the message language', async () => {
    const uri = uniqueUri('locale');
    await client.changeSettings({ debounceMs: 0, locale: 'auto' });
    await client.open(uri, PROBLEMS);
    const zh = await client.waitForDiagnostics(uri, (p) => withCode(p, 'hkex/unknown-id').length === 1);
    const zhMessage = String(withCode(zh, 'hkex/unknown-id')[0].message);
    assert.match(zhMessage, CJK, 'the zh-Hant report gets Chinese messages by default');

    await client.changeSettings({ debounceMs: 0, locale: 'en' });
    const en = await client.waitForDiagnostics(uri, (p) => {
      const d = withCode(p, 'hkex/unknown-id')[0];
      return d !== undefined && !CJK.test(String(d.message));
    });
    const enMessage = String(withCode(en, 'hkex/unknown-id')[0].message);
    assert.match(enMessage, /A9\.9/);
    assert.match(enMessage, /[A-Za-z]{4,}/);
    // Same problems, only the language differs.
    assert.deepEqual(codes(en).sort(), codes(zh).sort());
    await client.changeSettings({ debounceMs: 0 });
  });
});

describe('debounce and cancellation', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 300 } });
  });

  after(async () => {
    await client?.stop();
  });

  it('a newer version supersedes a pending validation: stale versions are never published', async () => {
    const uri = uniqueUri('debounce');
    await client.open(uri, PROBLEMS);
    await client.change(uri, 2, [{ range: rangeOf(PROBLEMS, 'A9.9'), text: 'A1.1' }]);
    const fixedText = PROBLEMS.replace('A9.9', 'A1.1');
    await client.change(uri, 3, [{ range: rangeOf(fixedText, 'A1.1'), text: 'Z7' }]);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(
      (client.published.get(uri) ?? []).map((p) => p.version),
      [3],
      'only the last version is validated',
    );
    assert.equal(withCode(published, 'hkex/unknown-id').length, 1);
  });
});

describe('the optional diagnostic fields follow the client capabilities', () => {
  let full: LspTestClient;
  let bare: LspTestClient;

  before(async () => {
    full = await LspTestClient.start({ settings: { debounceMs: 0 } });
    // Says it takes diagnostics, but neither related information nor code descriptions.
    bare = await LspTestClient.start({
      settings: { debounceMs: 0 },
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true, dataSupport: true } } },
    });
  });

  after(async () => {
    await full?.stop();
    await bare?.stop();
  });

  it('sends codeDescription and relatedInformation only to a client that declares them; everything else alike', async () => {
    const uri = uniqueUri('fields');
    const text = readFileSync(path.join(REPO_ROOT, 'examples/zhipu-2025-defects.esg.md'), 'utf8');
    await full.open(uri, text);
    await bare.open(uri, text);
    const all = (await full.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics;
    const some = (await bare.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics;
    assert.ok(all.length > 5 && all.every((d) => d.codeDescription?.href));
    assert.ok(all.some((d) => d.relatedInformation?.length));
    assert.deepEqual(
      some,
      all.map(({ codeDescription: _href, relatedInformation: _related, ...rest }) => rest),
    );
  });
});

describe('without the workspace/configuration capability', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ configurationCapability: false });
  });

  after(async () => {
    await client?.stop();
  });

  it('validates with default settings and accepts pushed settings', async () => {
    const uri = uniqueUri('noconfig');
    await client.open(uri, PROBLEMS);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.equal(withCode(published, 'kpi/bad-number').length, 1);

    await client.changeSettings({ severity: { 'kpi/bad-number': 'off' } });
    const after = await client.waitForDiagnostics(uri, (p) => withCode(p, 'kpi/bad-number').length === 0);
    assert.ok(after.diagnostics.length > 0);
  });
});
