import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, locate, missingIds, run } from '../util';

test('hkex/unknown-id: in tags, explanations and index rows, at the id', () => {
  const text = `${FRONT}# A {hkex="A1 A9.9"}\n\nx\n\n::: {.explain hkex="Z1"}\n因為。\n:::\n\n## 索引 {.hkex-index}\n\n| id | where |\n|---|---|\n| B9.9 | [A](#a) |\n`;
  const d = byRule(run(text), 'hkex/unknown-id');
  assert.deepEqual(
    d.map((x) => x.range.start),
    [locate(text, 'A9.9'), locate(text, 'Z1'), locate(text, 'B9.9')],
  );
  assert.match(d[0].message, /`A9.9`/);
  assert.equal(d[0].severity, 'error');
});

test('hkex/deleted: A1.2, A4, A4.1 claimed; a deleted row in the index and a range over A1.2 are fine', () => {
  const text = `${FRONT}# A {hkex="A1.2 A1.1-A1.4"}\n\nx\n\n::: {.explain hkex="A4.1"}\n因為。\n:::\n\n## 索引 {.hkex-index}\n\n| id | text | where |\n|---|---|---|\n| A1.2 | [ 於 2025 年 1 月 1 日刪除 ] | |\n| A4 | climate | [A](#a) |\n`;
  const d = byRule(run(text, { locale: 'en' }), 'hkex/deleted');
  assert.deepEqual(
    d.map((x) => x.data?.id),
    ['A1.2', 'A4.1', 'A4'],
  );
  assert.match(d[0].message, /deleted from the Code with effect from 2025-01-01.*28\(a\)-\(b\)/);
  assert.match(d[1].message, /Part D/);
});

test('hkex/missing: severity follows the obligation, issuer class and year; explanations and KPI rows count', () => {
  const base = `${FRONT}# 董事會聲明 {hkex="MDR-governance"}\n\nx\n`;
  const a = run(base);
  const missing = byRule(a, 'hkex/missing');
  const sev = (id: string) => missing.find((d) => missingIds(d).includes(id))?.severity;
  assert.equal(sev('MDR-governance'), undefined, 'disclosed');
  assert.equal(sev('MDR-boundary'), 'error', 'Part B is mandatory');
  assert.equal(sev('D28(a)'), 'error', 'Scope 1 is mandatory for everyone from 2025');
  assert.equal(sev('A1.1'), 'warning', "Part C is 'comply or explain'");
  assert.equal(sev('D19'), 'warning', "Part D is 'comply or explain' for Main Board in 2025");
  assert.equal(sev('A1.2'), undefined, 'deleted requirements are never missing');
  assert.equal(sev('D36'), undefined, 'D36 is voluntary');
  assert.equal(sev('D28'), undefined, 'only the leaves D28(a)-(c) are checked');
  // GEM: Part D beyond Scope 1/2 is voluntary.
  const gem = byRule(run(base.replace('period: 2025', 'period: 2025\n  issuer-class: gem')), 'hkex/missing');
  assert.equal(
    gem.some((d) => missingIds(d).includes('D19')),
    false,
  );
  assert.equal(
    gem.some((d) => missingIds(d).includes('D28(a)')),
    true,
  );
  // LargeCap in FY2026: Part D mandatory.
  const large = byRule(run(base.replace('period: 2025', 'period: 2026\n  issuer-class: largecap')), 'hkex/missing');
  assert.equal(large.find((d) => missingIds(d).includes('D19'))?.severity, 'error');
  // An explanation satisfies 'comply or explain' but not a mandatory requirement.
  const explained = run(`${base}\n::: {.explain hkex="A1.1 MDR-boundary"}\n本集團並無相關排放。\n:::\n`);
  const m = byRule(explained, 'hkex/missing');
  assert.equal(
    m.some((d) => missingIds(d).includes('A1.1')),
    false,
  );
  assert.match(
    m.find((d) => missingIds(d).includes('MDR-boundary'))!.message,
    /explanation does not satisfy|不能以解釋代替/,
  );
  // A KPI row whose catalog KPI discloses A2.2 counts.
  const kpi = run(`${base}\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 20,035.5 |\n`);
  assert.equal(
    byRule(kpi, 'hkex/missing').some((d) => missingIds(d).includes('A2.2')),
    false,
  );
  // The message carries the id, the title and the obligation in the report's language.
  assert.match(missing.find((d) => missingIds(d).includes('A1.1'))!.message, /2025.*「不遵守就解釋」.*A1\.1（/);
});

test('hkex/missing: an issuer-class override applies', () => {
  const text = `${FRONT}# A\n\nx\n`;
  const d = byRule(run(text, { issuerClass: 'gem' }), 'hkex/missing');
  assert.equal(
    d.some((x) => missingIds(x).includes('D20')),
    false,
  );
});

test('hkex/empty-section and hkex/empty-explanation', () => {
  const text = `${FRONT}# 空 {hkex="B1"}\n\n## 子節\n\n# 有 {hkex="B2"}\n\n### 子\n\n內容\n\n::: {.explain hkex="B6.1"}\n\n:::\n`;
  const a = run(text);
  const empty = byRule(a, 'hkex/empty-section');
  assert.equal(empty.length, 1);
  assert.deepEqual(empty[0].range.start, locate(text, '空'));
  const ex = byRule(a, 'hkex/empty-explanation');
  assert.equal(ex.length, 1);
  assert.equal(ex[0].range.start.line, locate(text, '::: {.explain').line);
  assert.equal(ex[0].severity, 'error');
  assert.equal(
    a.diagnostics.some((d) => d.rule === 'hkex/missing' && missingIds(d).includes('B6.1')),
    true,
    'an empty explanation explains nothing',
  );
});

test('severity overrides and turning a rule off', () => {
  const text = `${FRONT}# A {hkex="A9.9"}\n\nx\n`;
  assert.equal(byRule(run(text, { severity: { 'hkex/unknown-id': 'hint' } }), 'hkex/unknown-id')[0].severity, 'hint');
  assert.deepEqual(byRule(run(text, { severity: { 'hkex/unknown-id': 'off' } }), 'hkex/unknown-id'), []);
});

test('a throwing rule is dropped and reported, the others still run', async () => {
  const { runRules } = await import('../../../server/src/engine/rules');
  const { parseDocument } = await import('../../../server/src/engine/recognition/document');
  const doc = parseDocument('file:///x', `${FRONT}# A {hkex="A9.9"}\n\nx\n`);
  const errors: string[] = [];
  const boom = {
    id: 'test/boom',
    defaultSeverity: 'error' as const,
    description: { en: 'x', 'zh-Hant': 'x', 'zh-Hans': 'x' },
    run: () => {
      throw new Error('boom');
    },
  };
  const { ALL_RULES } = await import('../../../server/src/engine/rules');
  const d = runRules(doc, { locale: 'en', options: {}, onRuleError: (rule) => errors.push(rule) }, [
    boom,
    ...ALL_RULES,
  ]);
  assert.deepEqual(errors, ['test/boom']);
  assert.ok(d.some((x) => x.rule === 'hkex/unknown-id'));
});

test('hkex/missing sits where the author would add the requirement: the section of its aspect', () => {
  const text = `${FRONT}# 排放物 {hkex="A1.1"}\n\nx\n\n# 氣候策略 {hkex="D20"}\n\ny\n`;
  const d = byRule(run(text), 'hkex/missing');
  const at = (id: string) => d.find((x) => missingIds(x).includes(id))!.range.start;
  assert.deepEqual(at('A1.3'), locate(text, '排放物'));
  assert.deepEqual(at('D22'), locate(text, '氣候策略'));
  assert.deepEqual(at('B1'), { line: 0, character: 0 }, 'no section of aspect B1: top of the file');
});
