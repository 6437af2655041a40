// The project file `.esgmark.yaml` in the engine: parsing and validation at the key, the search from
// the report's folder up to the workspace root through an injected workspace, the precedence of its
// values, and its vocabulary (unit spellings, KPI synonyms) applied per analysis, incrementally too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze,
  findProjectFile,
  loadProjectConfig,
  mergeAnalysisOptions,
  parseProjectConfig,
  PROJECT_FILE_NAME,
  ruleAnchor,
  ruleDocsUrl,
  RULES,
  RULES_DOCS_URL,
} from '../../server/src/engine';
import type { FileRead, ReportWorkspace } from '../../server/src/engine/workspace';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRONT, byRule, missingIds, run } from './util';

const URI = 'file:///w/.esgmark.yaml';

function at(text: string, needle: string): { line: number; character: number } {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('a valid file: profile, severities, units, synonyms and frameworks', () => {
  const text =
    'frameworks: [hkex-esg-2025]\nissuer:\n  board: main\n  largecap: true\n  year-end: "03-31"\n  locale: zh-Hans\nrules:\n  kpi/unknown-unit: off\n  hkex/index-untagged: warning\nunits:\n  MWHr: MWh\nkpis:\n  water.total: [自來水耗用總量, 用水合計]\n  energy.electricity: 外購電力\n';
  const { config, diagnostics } = parseProjectConfig(URI, text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(config.profile, { issuerClass: 'largecap', yearEnd: '03-31', locale: 'zh-Hans' });
  assert.deepEqual(config.severity, { 'kpi/unknown-unit': 'off', 'hkex/index-untagged': 'warning' });
  assert.deepEqual({ ...config.vocabulary.units }, { MWHr: 'MWh' });
  assert.deepEqual(
    { ...config.vocabulary.kpis },
    { 'water.total': ['自來水耗用總量', '用水合計'], 'energy.electricity': ['外購電力'] },
  );
  assert.deepEqual(config.frameworks, ['hkex-esg-2025']);
});

test('every problem is an esg/config error at its key or value, and the rest still applies', () => {
  const text =
    'issuer:\n  board: nasdaq\n  year-end: 3-31\n  size: big\nrules:\n  kpi/unknown-unit: silent\n  hkex/nope: off\n  hkex/missing: warning\nunits:\n  MWHr: furlongs\n  kWh: MWh\nkpis:\n  water.totl: [x]\n  water.total: [a]\n  energy.total: [a]\nframeworks: [gri]\ncolour: red\n';
  const { config, diagnostics } = parseProjectConfig(URI, text);
  assert.ok(diagnostics.every((d) => d.rule === 'esg/config' && d.severity === 'error' && d.uri === URI));
  const where = (needle: string) =>
    diagnostics.find(
      (d) => d.range.start.line === at(text, needle).line && d.range.start.character === at(text, needle).character,
    );
  for (const needle of [
    'nasdaq',
    '3-31',
    'size',
    'silent',
    'hkex/nope',
    'furlongs',
    'kWh:',
    'water.totl',
    'gri',
    'colour',
  ])
    assert.ok(where(needle.replace(':', '')), `a diagnostic at ${needle}`);
  assert.match(where('nasdaq')!.message, /expected one of: main, gem/);
  assert.match(
    where('a]\nframeworks')?.message ?? diagnostics.find((d) => /given to both/.test(d.message))!.message,
    /water\.total and energy\.total/,
  );
  // What is valid is applied.
  assert.deepEqual(config.severity, { 'hkex/missing': 'warning' });
  assert.deepEqual({ ...config.vocabulary.kpis }, { 'water.total': ['a'] });
  assert.equal(config.vocabulary.units, undefined);
  // Messages in the file's locale when it names one, else English, else as asked.
  const zh = parseProjectConfig(URI, 'issuer:\n  locale: zh-Hant\nrules:\n  hkex/nope: off\n');
  assert.match(zh.diagnostics[0].message, /不是 esgmark 規則/);
  assert.match(
    parseProjectConfig(URI, 'rules:\n  hkex/nope: off\n', 'zh-Hans').diagnostics[0].message,
    /不是 esgmark 规则/,
  );
});

test('broken, empty and hostile files never throw', () => {
  assert.deepEqual(parseProjectConfig(URI, '').diagnostics, []);
  assert.deepEqual(parseProjectConfig(URI, '# only a comment\n').diagnostics, []);
  for (const text of [
    'rules: [\n',
    '- a\n- b\n',
    '42\n',
    'a: &x [*x]\n',
    `${'['.repeat(5000)}`,
    'rules:\n  a: 1\n  a: 2\n',
    'kpis:\n  __proto__: [x]\n',
    '\u0000\u0001',
  ]) {
    const { diagnostics, config } = parseProjectConfig(URI, text);
    assert.ok(diagnostics.length >= 1, JSON.stringify(text.slice(0, 20)));
    assert.ok(diagnostics.every((d) => d.rule === 'esg/config' && d.range.start.line >= 0));
    assert.equal(Object.getPrototypeOf({}).polluted, undefined);
    assert.deepEqual(config.severity, {});
  }
  const gemLarge = parseProjectConfig(URI, 'issuer:\n  board: gem\n  largecap: true\n');
  assert.equal(gemLarge.config.profile.issuerClass, 'gem');
  assert.match(gemLarge.diagnostics[0].message, /LargeCap issuer is a Main Board issuer/);
});

/** A workspace of in-memory files under `root` (uris), as the CLI's and server's gates behave. */
function memoryWorkspace(root: string, files: Record<string, string>): ReportWorkspace & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    resolve: () => undefined,
    list: () => [],
    contains: (uri) => uri.startsWith(root),
    read: (uri): FileRead => {
      reads.push(uri);
      if (!uri.startsWith(root)) return { ok: false, uri, refusal: 'outside-workspace' };
      const text = files[uri];
      return text === undefined
        ? { ok: false, uri, refusal: 'not-found' }
        : { ok: true, uri, text, decoded: { encoding: 'utf-8', bom: false } };
    },
  };
}

test('the nearest project file from the report folder upwards, never above the workspace root', () => {
  const ws = memoryWorkspace('file:///repo/', {
    'file:///repo/.esgmark.yaml': 'rules: {hkex/missing: off}\n',
    'file:///repo/reports/2025/.esgmark.yaml': 'rules: {kpi/unknown-unit: off}\n',
    'file:///.esgmark.yaml': 'rules: {esg/syntax: off}\n',
  });
  assert.deepEqual(findProjectFile(ws, 'file:///repo/reports/2025/r.esg.md'), {
    found: true,
    uri: 'file:///repo/reports/2025/.esgmark.yaml',
    read: {
      ok: true,
      uri: 'file:///repo/reports/2025/.esgmark.yaml',
      text: 'rules: {kpi/unknown-unit: off}\n',
      decoded: { encoding: 'utf-8', bom: false },
    },
  });
  assert.equal(
    (findProjectFile(ws, 'file:///repo/reports/2024/r.esg.md') as { uri: string }).uri,
    'file:///repo/.esgmark.yaml',
  );
  const outside = memoryWorkspace('file:///repo/reports/', { 'file:///repo/.esgmark.yaml': 'x' });
  assert.deepEqual(findProjectFile(outside, 'file:///repo/reports/2024/r.esg.md'), { found: false });
  assert.ok(
    outside.reads.every((u) => u.startsWith('file:///repo/reports/')),
    'nothing read above the root',
  );
  // A candidate the gate refuses (a folder, a FIFO) is one diagnostic, not a crash or a silent skip.
  const refusing: ReportWorkspace = {
    ...memoryWorkspace('file:///w/', {}),
    read: (uri) => ({ ok: false, uri, refusal: 'not-a-file', detail: 'a named pipe' }),
  };
  const loaded = loadProjectConfig(refusing, 'file:///w/r.esg.md');
  assert.equal(loaded.diagnostics.length, 1);
  assert.match(loaded.diagnostics[0].message, /\.esgmark\.yaml could not be read \(not-a-file: a named pipe\)/);
  assert.equal(PROJECT_FILE_NAME, '.esgmark.yaml');
});

test('precedence: engine default < project file < front matter < explicit options', () => {
  const { config } = parseProjectConfig(
    URI,
    'issuer:\n  board: gem\n  locale: en\nrules:\n  hkex/missing: off\n  hkex/index-absent: warning\n',
  );
  const body = '# 環境 {hkex="A1"}\n\n內容\n';
  const noClass = `${FRONT}${body}`;
  const mainBoard = noClass.replace('  period: 2025\n', '  period: 2025\n  issuer-class: main-board\n');
  const options = mergeAnalysisOptions(config, {});
  const a = analyze({ uri: 'file:///w/a.esg.md', text: noClass }, options);
  assert.equal(byRule(a, 'hkex/missing').length, 0, 'off from the project file');
  assert.equal(byRule(a, 'hkex/index-absent')[0]?.severity, 'warning');
  // The report says lang: zh-Hant: the front matter's language wins over the profile's `en`.
  assert.equal(a.locale, 'zh-Hant');
  assert.equal(
    analyze({ uri: 'file:///w/a.esg.md', text: `---\nesg:\n  period: 2025\n---\n${body}` }, options).locale,
    'en',
  );
  const explicit = mergeAnalysisOptions(config, { severity: { 'hkex/missing': 'error' } });
  assert.ok(
    byRule(analyze({ uri: 'file:///w/a.esg.md', text: noClass }, explicit), 'hkex/missing').every(
      (d) => d.severity === 'error',
    ),
  );
  // Issuer class: GEM from the profile (D20 voluntary); main-board from the front matter; largecap from the option.
  const part = (text: string, o = explicit) =>
    byRule(analyze({ uri: 'file:///w/a.esg.md', text }, o), 'hkex/missing').some((d) => missingIds(d).includes('D20'));
  assert.equal(part(noClass), false);
  assert.equal(part(mainBoard), true);
  assert.equal(part(noClass, { ...explicit, issuerClass: 'main-board' }), true);
});

test('a profile year-end decides the financial year of a report that gives only a year', () => {
  const { config } = parseProjectConfig(URI, 'issuer:\n  year-end: "03-31"\n');
  const text = `${FRONT}# 環境 {hkex="A1"}\n\n內容\n`;
  const fy = (o = {}) => run(text, o).diagnostics.find((d) => d.rule === 'hkex/missing')!.message;
  assert.match(fy(), /2025 財政年度/);
  assert.match(fy(mergeAnalysisOptions(config)), /2024年4月1日至2025年3月31日/);
});

test('vocabulary: a synonym row discloses its KPI, a mapped unit is read as the known one; the catalog is not changed', () => {
  const table =
    '# 環境 {hkex="A2"}\n\n| 指標 | 單位 | 2025 |\n|---|---|--:|\n| 自來水耗用總量 | 立方米 | 1,200 |\n| 總耗電量 | MWHr | 350 |\n';
  const text = `${FRONT}${table}`;
  const vocabulary = { kpis: { 'water.total': ['自來水耗用總量'] }, units: { MWHr: 'MWh' } };
  const plain = run(text);
  assert.ok(byRule(plain, 'hkex/missing').some((d) => missingIds(d).includes('A2.2')));
  assert.equal(byRule(plain, 'kpi/unknown-unit').length, 1);
  const withWords = run(text, { vocabulary });
  assert.ok(!byRule(withWords, 'hkex/missing').some((d) => missingIds(d).includes('A2.2')));
  assert.equal(byRule(withWords, 'kpi/unknown-unit').length, 0);
  assert.equal(withWords.model.kpiTables[0].rows[0].kpiId, 'water.total');
  // Another analysis without the vocabulary is as before: nothing was kept in module state.
  assert.deepEqual(run(text).diagnostics, plain.diagnostics);
});

test('vocabulary and incremental analysis: an edit that makes a row a synonym updates the KPI evidence', () => {
  const vocabulary = { kpis: { 'water.total': ['自來水耗用總量'] } };
  const v1 = `${FRONT}# 環境 {hkex="A2"}\n\n| 指標 | 單位 | 2025 |\n|---|---|--:|\n| 自來水耗用 | 立方米 | 1,200 |\n`;
  const v2 = v1.replace('| 自來水耗用 |', '| 自來水耗用總量 |');
  const first = analyze({ uri: 'file:///t.esg.md', text: v1 }, { vocabulary });
  const second = analyze({ uri: 'file:///t.esg.md', text: v2 }, { vocabulary }, first);
  const full = analyze({ uri: 'file:///t.esg.md', text: v2 }, { vocabulary });
  assert.notEqual(second.reuse.parse, 'full', 'derived incrementally');
  assert.deepEqual(second.diagnostics, full.diagnostics);
  assert.ok(!byRule(second, 'hkex/missing').some((d) => missingIds(d).includes('A2.2')));
});

test('rule documentation: one base constant, an anchor per docs/rules.md heading, overridable', () => {
  const md = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    repository: { url: string };
  };
  assert.equal(RULES_DOCS_URL, `${pkg.repository.url.replace(/\.git$/, '')}/blob/main/docs/rules.md`);
  const headings = [...md.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
  const anchors = new Set(headings.map(ruleAnchor));
  assert.equal(anchors.size, headings.length, 'no two rules share an anchor');
  for (const r of RULES) assert.ok(anchors.has(ruleAnchor(r.id)), r.id);
  assert.equal(ruleAnchor('kpi/unknown-unit'), 'kpiunknown-unit');
  assert.equal(
    ruleDocsUrl('esg/config', 'https://docs.example.com/r.html#old'),
    'https://docs.example.com/r.html#esgconfig',
  );
  // docs link to rule sections in the same form.
  assert.match(md, /\(#esgconfig\)|rules\.md#esgchapters|## esg\/config/);
});

test('a project file past the size limit is one diagnostic and applies nothing', () => {
  const big = `rules:\n  hkex/missing: off\n# ${'x'.repeat(1_000_001)}\n`;
  const ws = memoryWorkspace('file:///w/', { 'file:///w/.esgmark.yaml': big });
  const loaded = loadProjectConfig(ws, 'file:///w/r.esg.md');
  assert.equal(loaded.diagnostics.length, 1);
  assert.match(loaded.diagnostics[0].message, /longer than 1000000 characters/);
  assert.deepEqual(loaded.config.severity, {});
});

test('hostile project files: deep nesting is one clear problem; a synonym written twice in another case is reported', () => {
  const deep = parseProjectConfig(URI, `kpis:\n  water.total: ${'['.repeat(5000)}${']'.repeat(5000)}\n`).diagnostics;
  assert.ok(deep.length >= 1);
  assert.ok(
    deep.every((d) => !/call stack/i.test(d.message)),
    JSON.stringify(deep.map((d) => d.message)),
  );
  assert.ok(
    deep.some((d) => /nested deeper than/.test(d.message)),
    JSON.stringify(deep.map((d) => d.message)),
  );
  const twice = parseProjectConfig(
    URI,
    'kpis:\n  water.total: [Water Used]\n  energy.total: [water used]\n',
  ).diagnostics;
  assert.ok(
    twice.some((d) => d.data?.key === 'config.duplicateSynonym'),
    JSON.stringify(twice.map((d) => d.message)),
  );
});
