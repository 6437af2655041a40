// The A+H example (HKEX + the A-share guidelines, Simplified Chinese): the clean report checks clean, and
// the defects copy carries exactly its planted ashare/ findings (`<!-- defect: rule -->`, one per ashare/
// rule), each at the place it marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, getCodeActions, RULES } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/features/hover';

const root = join(__dirname, '..', '..', '..');
const read = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

test('frameworks-ah-2025.zh-hans.esg.md checks clean, the A-share guidelines included', () => {
  const a = analyze({ uri: 'ah', text: read('frameworks-ah-2025.zh-hans.esg.md') });
  assert.deepEqual(a.model.config.frameworks, ['hkex-esg-2025', 'ashare-2024']);
  assert.deepEqual(a.model.config.listings, ['hkex', 'sse']);
  assert.equal(a.model.config.published, '2026-04-28');
  const found = a.diagnostics.filter(
    (d) => d.severity === 'error' || d.severity === 'warning' || d.rule.startsWith('ashare/'),
  );
  assert.deepEqual(
    found.map((d) => `${d.range.start.line + 1}: ${d.rule} ${d.message}`),
    [],
  );
});

test('every planted A-share defect is reported at its place, and no other ashare/ finding', () => {
  const text = read('frameworks-ah-2025.zh-hans.defects.esg.md');
  const lines = text.split(/\r?\n/);
  const a = analyze({ uri: 'ah-defects', text });
  const ashare = a.diagnostics.filter((d) => d.rule.startsWith('ashare/'));
  const marker = /^<!-- defect: (\S+)(?: (row|line|topic)="([^"]+)")? -->$/;
  const planted: string[] = [];
  lines.forEach((line, i) => {
    const m = marker.exec(line);
    if (!m) return;
    const [, rule, kind, value] = m;
    planted.push(rule);
    const found = ashare.filter((d) => d.rule === rule);
    const at = found.map((d) => d.range.start.line + 1).join(', ');
    assert.ok(found.length > 0, `${rule} (marker line ${i + 1}) not reported`);
    if (kind === 'row' || kind === 'line') {
      const target = lines.findIndex((l) =>
        kind === 'row' ? (l.split('|')[1] ?? '').trim() === value && l.startsWith('|') : l.startsWith(value),
      );
      assert.ok(target >= 0, `${kind} ${value} not found`);
      assert.ok(
        found.some((d) => d.range.start.line === target),
        `${rule} not on ${value} (line ${target + 1}); got ${at}`,
      );
    } else if (kind === 'topic') {
      assert.ok(
        found.some((d) => d.data?.topic === value),
        `${rule} not reported for ${value}`,
      );
    } else {
      assert.ok(
        found.some((d) => d.range.start.line > i && d.range.start.line <= i + 3),
        `${rule} not near line ${i + 1}; got ${at}`,
      );
    }
  });
  // One finding per ashare/ rule, and every ashare/ rule planted.
  assert.deepEqual(ashare.map((d) => d.rule).sort(), planted.sort());
  assert.deepEqual(
    [...new Set(planted)].sort(),
    RULES.map((r) => r.id)
      .filter((id) => id.startsWith('ashare/'))
      .sort(),
  );
});

test('the A-share guidelines apply by listing or by claim, from FY2025, with listing ids in any case', () => {
  const report = (esg: string) =>
    analyze({
      uri: 'ah-profile',
      text: `---\nlang: zh-Hans\nesg:\n${esg}---\n\n# 报告\n`,
    }).diagnostics.filter((d) => d.rule.startsWith('ashare/'));
  // HKEX only: nothing of the A-share guidelines.
  assert.deepEqual(report('  period: 2025\n'), []);
  // A mainland listing in capitals: the guideline applies, and its not being claimed is a warning.
  const listed = report('  period: 2025\n  listings: [HKEX, SZSE]\n');
  const profile = listed.find((d) => d.rule === 'ashare/profile');
  assert.equal(profile?.severity, 'warning');
  assert.match(profile!.message, /SZSE.*深交所自律监管指引第17号/);
  assert.ok(listed.some((d) => d.rule === 'ashare/ghg-scope' && d.severity === 'error'));
  // Claimed without a mainland listing: information, and Scope 1/2 missing is a warning (voluntary).
  const claimed = report('  period: 2025\n  frameworks: [hkex-esg-2025, ashare-2024]\n');
  assert.equal(claimed.find((d) => d.rule === 'ashare/profile')?.severity, 'information');
  assert.ok(claimed.some((d) => d.rule === 'ashare/ghg-scope' && d.severity === 'warning'));
  // A financial year commencing before the guidelines were in force (1 May 2024): not checked.
  assert.deepEqual(report('  period: 2024\n  listings: [hkex, sse]\n'), []);
});

test('esg.published: a calendar date; both deadlines in the message; a non-date is a front-matter error', () => {
  const report = (published: string, period = '2025') =>
    analyze({
      uri: 'ah-due',
      text: `---\nesg:\n  period: ${period}\n  listings: [hkex, sse]\n  published: ${published}\n---\n\n# Report\n`,
    }).diagnostics;
  assert.equal(report('2026-04-30').filter((d) => d.rule === 'ashare/due-date').length, 0);
  const late = report('2026-05-01').find((d) => d.rule === 'ashare/due-date');
  assert.match(late!.message, /30 Apr 2026.*31 May 2026/);
  assert.match(report('2026-06-01').find((d) => d.rule === 'ashare/due-date')!.message, /after both deadlines/);
  // A year ending 31 March: four months is 31 July.
  const march = report('2026-08-01', '{from: 2025-04-01, to: 2026-03-31}').find((d) => d.rule === 'ashare/due-date');
  assert.match(march!.message, /31 Jul 2026.*31 Aug 2026/);
  const bad = report('2026-02-30').filter((d) => d.rule === 'frontmatter/schema');
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /esg\.published/);
});

test('hover says which A-share rule applies and why: on listings, on an ashare= tag, on a materiality row', () => {
  const text = read('frameworks-ah-2025.zh-hans.esg.md');
  const lines = text.split(/\r?\n/);
  const a = analyze({ uri: 'ah', text });
  const at = (line: number, character: number) => hoverAt(a, { line, character })?.contents ?? '';
  const listings = lines.findIndex((l) => l.startsWith('  listings:'));
  assert.match(at(listings, 4), /上交所自律监管指引第14号.*SSE.*须披露.*第三条/);
  assert.match(at(listings, 4), /2026年4月30日.*联交所：2026年5月31日/);
  const tag = lines.findIndex((l) => l.includes('ashare="climate"'));
  assert.match(at(tag, lines[tag].indexOf('ashare="climate"') + 9), /climate\*\* — 应对气候变化/);
  const row = lines.findIndex((l) => l.startsWith('| 应对气候变化 | 双重重要性'));
  const rowHover = at(row, 3);
  assert.match(rowHover, /重要性结论\*\*: 财务及影响重要性/);
  assert.match(rowHover, /“应对气候变化”的四项核心内容：已有 4\/4/);
  // Claimed voluntarily: said so; a year before the guidelines: not checked.
  const voluntary = analyze({
    uri: 'v',
    text: '---\nlang: en\nesg:\n  period: 2025\n  frameworks: [hkex-esg-2025, ashare-2024]\n---\n\n# Report\n',
  });
  assert.match(hoverAt(voluntary, { line: 4, character: 4 })!.contents, /\*\*voluntary\*\*/);
  const early = analyze({
    uri: 'e',
    text: '---\nlang: en\nesg:\n  period: 2024\n  listings: [hkex, sse]\n---\n\n# Report\n',
  });
  assert.match(
    hoverAt(early, { line: 4, character: 4 })!.contents,
    /do not cover a financial year commencing on 2024-01-01/,
  );
});

test('quick fix: a missing topic gets its row at the end of the materiality table, named in the report language', () => {
  const text = read('frameworks-ah-2025.zh-hans.defects.esg.md');
  const a = analyze({ uri: 'file:///ah.esg.md', text });
  const missing = a.diagnostics.find((d) => d.rule === 'ashare/materiality-topic')!;
  const actions = getCodeActions(a, missing.range, [missing]);
  const fix = actions.find((x) => x.title.includes('anti-unfair-competition'));
  assert.ok(fix, actions.map((x) => x.title).join('\n'));
  const [edit] = fix.edits!['file:///ah.esg.md'];
  assert.equal(edit.range.start.line, edit.range.end.line);
  assert.match(edit.newText, /^\r?\n\| 反不正当竞争 (?:\| {2}){3}\|$/);
  const lines = text.split('\n');
  const at = edit.range.start;
  lines[at.line] = lines[at.line].slice(0, at.character) + edit.newText + lines[at.line].slice(at.character);
  const fixed = analyze({ uri: 'file:///ah.esg.md', text: lines.join('\n') });
  const rules = fixed.diagnostics.filter((d) => d.rule.startsWith('ashare/'));
  // The topic is listed now; its conclusion is the author's to write.
  assert.ok(!rules.some((d) => d.rule === 'ashare/materiality-topic'));
  assert.ok(
    rules.some((d) => d.rule === 'ashare/materiality-conclusion' && d.data?.topic === 'anti-unfair-competition'),
  );
});
