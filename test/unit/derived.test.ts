// The derived layer (server/src/engine/derived.ts): one object per document holding what is computed
// from it, kept per locale or options where it depends on them; the reads it records while a rule runs
// decide which rules' diagnostics an incremental analysis keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { contextOf, derivedOf, recordingView, recordReads, facts, allChecks } from '../../server/src/engine/derived';
import { addressed, type Evidence } from '../../server/src/engine/disclosures';
import { ALL_RULES, runRules } from '../../server/src/engine/rules';
import type { ModelPart, Rule } from '../../server/src/engine/rules/rule';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { frontMatterBlock, isFrontMatterFence } from '../../server/src/engine/frontmatterFence';
import { hasEsgFrontMatter } from '../../server/src/engine/detect';
import { REPO_ROOT } from '../helpers/paths';
import { FRONT } from './util';

const example = (name: string) => readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

test('derived: one layer per document; a rule’s view of the document has the same layer', () => {
  const { model } = analyze({ uri: 'file:///d.esg.md', text: example('zhipu-2025.esg.md') });
  assert.equal(derivedOf(model), derivedOf(model));
  assert.equal(facts(model), derivedOf(model).facts, 'the accessor delegates to the layer');
  assert.equal(facts(recordingView(model)), facts(model), 'the view is not another document');
  assert.notEqual(derivedOf(parseDocument('file:///d.esg.md', model.text)), derivedOf(model));
});

test('derived: checks are kept per locale, not per document alone', () => {
  const { model } = analyze({ uri: 'file:///d.esg.md', text: example('annual-report-en.esg.md') });
  const labels = (locale: 'en' | 'zh-Hant') => allChecks(model, locale).flatMap((c) => c.inputs.map((i) => i.label));
  const en = labels('en');
  const zh = labels('zh-Hant');
  assert.ok(en.includes('the factor quoted in the text'), en.join(' | '));
  assert.ok(zh.includes('正文所引用的排放因子'), `the second locale asked gets its own labels: ${zh.join(' | ')}`);
  assert.equal(allChecks(model, 'en'), allChecks(model, 'en'), 'computed once per locale');
});

test('derived: the context is computed once per options, and options change it', () => {
  const { model } = analyze({ uri: 'file:///d.esg.md', text: `${FRONT}# 概覽\n` });
  const main = contextOf(model, {});
  assert.equal(contextOf(model, {}), main);
  assert.equal(main.reporting.issuerClass, 'main-board');
  assert.equal(main.locale, 'zh-Hant');
  const large = contextOf(model, { issuerClass: 'largecap', locale: 'en' });
  assert.equal(large.reporting.issuerClass, 'largecap');
  assert.equal(large.locale, 'en');
  assert.equal(contextOf(model, {}).reporting.issuerClass, 'main-board', 'the first options are not overwritten');
});

test('derived: reads are recorded while a rule runs, through the view and through the layer', () => {
  const { model } = analyze({ uri: 'file:///d.esg.md', text: example('zhipu-2025.esg.md') });
  const view = recordingView(model);
  const read = (run: () => unknown) => {
    const parts = new Set<ModelPart>();
    recordReads(parts, run);
    return [...parts].sort();
  };
  assert.deepEqual(
    read(() => view.headings.length),
    ['headingText', 'structure'],
  );
  assert.deepEqual(
    read(() => view.tables[0]),
    ['structure', 'tables'],
    'a table knows its section',
  );
  assert.deepEqual(
    read(() => view.uri),
    [],
  );
  assert.deepEqual(
    read(() => facts(view).all.length),
    ['frontMatter', 'spans', 'tables'],
    'facts come from tables and spans: a prose keystroke changes none',
  );
  assert.deepEqual(
    read(() => derivedOf(view).factorQuotes.length),
    ['frontMatter', 'prose', 'spans', 'tables'],
  );
  assert.deepEqual(
    read(() => derivedOf(view).disclosures.get('A1')),
    ['frontMatter', 'headingText', 'indexTables', 'kpiEvidence', 'structure'],
  );
  const reason = model.explanations.find((e) => e.text && e.refs.some((r) => r.known));
  assert.ok(reason, 'the example explains a requirement');
  const explained = derivedOf(model).disclosures.get(reason.refs.find((r) => r.known)!.id);
  assert.ok(explained?.explanations.length);
  assert.deepEqual(
    read(() => explained.explanations[0].text),
    ['explanationText'],
    'a reason read from the index is recorded as such',
  );
  const outside = new Set<ModelPart>();
  recordReads(outside, () => undefined);
  void view.spans;
  assert.equal(outside.size, 0, 'nothing is recorded outside a rule');
});

test('derived: no rule module declares what it reads (the layer records it)', () => {
  assert.ok(ALL_RULES.length > 20);
  assert.deepEqual(
    ALL_RULES.filter((r) => 'reads' in r).map((r) => r.id),
    [],
  );
});

test('derived: the runner keeps a rule’s diagnostics from what it read, with no declaration', () => {
  const doc = parseDocument('file:///d.esg.md', `${FRONT}# 概覽\n\n| 指標 | 2025 |\n|---|---|\n| 用水量 | 1 |\n`);
  let runs = 0;
  const headingsOnly: Rule = {
    id: 'test/headings',
    defaultSeverity: 'warning',
    description: { en: 'test', 'zh-Hant': '測試', 'zh-Hans': '测试' },
    run(ctx) {
      runs++;
      for (const h of ctx.doc.headings) ctx.report({ range: h.range, message: h.title });
    },
  };
  const env = { locale: 'en' as const, options: {} };
  const first = runRules(doc, env, [headingsOnly]);
  assert.equal(runs, 1);
  assert.deepEqual([...(derivedOf(doc).ruleReads.get('test/headings') ?? [])].sort(), ['headingText', 'structure']);
  const reuse = (changed: ModelPart[]) => ({
    changed: new Set(changed),
    previous: new Map([['test/headings', first]]),
    failed: new Set<string>(),
    reads: derivedOf(doc).ruleReads,
    move: (d: (typeof first)[number]) => d,
  });
  const stats = { ran: 0, kept: 0, failed: [] as string[] };
  assert.deepEqual(runRules(doc, env, [headingsOnly], reuse(['tables', 'spans']), stats), first);
  assert.deepEqual([runs, stats.kept], [1, 1], 'an edit to what it did not read keeps its diagnostics');
  runRules(doc, env, [headingsOnly], reuse(['structure']), stats);
  assert.equal(runs, 2, 'an edit to what it read runs it again');
  const noReads = { ...reuse(['tables']), reads: new Map() };
  runRules(doc, env, [headingsOnly], noReads, stats);
  assert.equal(runs, 3, 'a rule whose reads are unknown runs');
});

test('derived: disclosed or explained is one decision', () => {
  const ev = (over: Partial<Evidence>): Evidence =>
    ({ sections: [], kpiRows: [], explanations: [], indexRows: [], ...over }) as Evidence;
  const explanation = {
    text: 'not material',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  };
  const indexRow = {} as Evidence['indexRows'][number];
  assert.equal(addressed(undefined, 'mandatory'), 'missing');
  assert.equal(addressed(undefined, 'voluntary'), 'not-required');
  assert.equal(addressed(ev({ explanations: [explanation] }), 'comply-or-explain'), 'explained');
  assert.equal(
    addressed(ev({ explanations: [explanation] }), 'mandatory'),
    'missing',
    'a mandatory requirement cannot be explained away',
  );
  assert.equal(addressed(ev({ indexRows: [indexRow] }), 'mandatory'), 'disclosed');
  assert.equal(
    addressed(ev({ indexRows: [indexRow], explanations: [explanation] }), 'comply-or-explain'),
    'explained',
    'an index row to the explanation does not disclose it',
  );
  assert.equal(addressed(ev({ indexRows: [indexRow], explanations: [explanation] }), 'mandatory'), 'disclosed');
});

test('front matter: one fence, read alike by the parser, the block reader and the ESG-report check', () => {
  assert.ok(isFrontMatterFence('\uFEFF---  ', 'open'));
  assert.ok(isFrontMatterFence('...', 'close'));
  assert.ok(!isFrontMatterFence('...', 'open'));
  assert.ok(!isFrontMatterFence('----', 'close'));
  const texts = [
    '---\nesg:\n  period: 2025\n---\n# A\n',
    '\uFEFF---\r\nesg: {}\r\n...\r\nbody',
    '---\r\resg: {}\r---\r',
    '---\n\nesg: {}\n---\n',
    '---\nesg: {}\n',
    '--- \nesg: {}\n---\t\n',
    '# A\n---\nesg: {}\n---\n',
  ];
  for (const text of texts) {
    const block = frontMatterBlock(text);
    const parsed = parseDocument('file:///f.esg.md', text).frontMatter;
    assert.equal(!!block, !!parsed, JSON.stringify(text));
    if (block && parsed) assert.equal(block.closingLine, parsed.range.end.line, JSON.stringify(text));
    if (block) assert.equal(hasEsgFrontMatter(text), true, JSON.stringify(text));
  }
  const block = frontMatterBlock('---\r\nesg: {}\r\n---\r\nbody')!;
  assert.equal('---\r\nesg: {}\r\n---\r\nbody'.slice(block.yamlStart, block.yamlEnd), 'esg: {}');
});
