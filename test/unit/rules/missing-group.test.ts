// hkex/missing groups the requirements of an aspect that share a place and a severity, and a
// requirement is never reported twice (hkex/missing and hkex/index-empty-target on a generated index).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT, byRule, missingIds, run } from '../util';
import { generateIndexTable, getCodeActions, type TextEdit } from '../../../server/src/engine';
import { getFramework } from '../../../server/src/engine/catalogs/hkex';

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const UNTAGGED = `${FRONT}# 關於我們\n\n本集團從事軟件開發。\n`;

test('hkex/missing: a report without tags gets one diagnostic per aspect and severity, each naming its requirements', () => {
  const a = run(UNTAGGED);
  const missing = byRule(a, 'hkex/missing');
  const ids = missing.flatMap(missingIds);
  // Every leaf that must be addressed is still named exactly once.
  const fw = getFramework()!;
  assert.equal(new Set(ids).size, ids.length, 'no requirement named twice');
  for (const id of ['MDR-governance', 'A1.1', 'A3.1', 'B1', 'B8.2', 'D28(a)', 'D40']) assert.ok(ids.includes(id), id);
  assert.ok(ids.length > 50, `${ids.length} requirements named`);
  assert.ok(missing.length < 25, `${missing.length} diagnostics for ${ids.length} requirements`);
  // One per aspect and obligation: B2 with its KPIs is one warning.
  const b2 = missing.filter((d) => missingIds(d).some((id) => fw.get(id)?.aspect === fw.get('B2')?.aspect));
  assert.equal(b2.length, 1);
  assert.deepEqual(missingIds(b2[0]), ['B2', 'B2.1', 'B2.2', 'B2.3']);
  assert.equal(b2[0].severity, 'warning');
  assert.match(b2[0].message, /^層面 B2：健康與安全的 4 項條文未披露亦未解釋/);
  assert.match(b2[0].message, /B2\.1（.*B2\.2（.*B2\.3（/);
  // Mandatory Scope 1/2 (errors) are not lumped with the 'comply or explain' D28(c) (a warning).
  const scope = missing.find((d) => missingIds(d).includes('D28(a)'))!;
  assert.equal(scope.severity, 'error');
  assert.ok(!missingIds(scope).includes('D28(c)'));
  assert.equal(missing.find((d) => missingIds(d).includes('D28(c)'))!.severity, 'warning');
});

test('hkex/missing: a grouped diagnostic in English lists ids and titles; a single one keeps its own message', () => {
  const a = run(UNTAGGED, { locale: 'en' });
  const b8 = byRule(a, 'hkex/missing').find((d) => missingIds(d).includes('B8'))!;
  assert.match(
    b8.message,
    /^3 requirements of .*B8.* are neither disclosed nor explained; they are 'comply or explain' for a Main Board issuer in FY2025: B8 \(.*\); B8\.1 \(.*\); B8\.2 \(.*\)\. Tag sections with B8 B8\.1 B8\.2/,
  );
  const text = `${FRONT}# 排放物 {hkex="A1 A1.1 A1.2 A1.3 A1.4 A1.5"}\n\nx\n`;
  const one = byRule(run(text, { locale: 'en' }), 'hkex/missing').find((d) => missingIds(d).includes('A1.6'))!;
  assert.deepEqual(one.data, { id: 'A1.6', ids: ['A1.6'] });
  assert.match(one.message, /^A1\.6 \(.*\) is neither disclosed nor explained/);
});

test('hkex/missing: a grouped diagnostic offers a fix per requirement and one for all of them', () => {
  const text = `${FRONT}# 排放物 {hkex="A1 A1.1"}\n\nx\n`;
  const a = run(text);
  const d = byRule(a, 'hkex/missing').find((x) => missingIds(x).includes('A1.3'))!;
  assert.deepEqual(missingIds(d), ['A1.3', 'A1.4', 'A1.5', 'A1.6']);
  const titles = getCodeActions(a, d.range, [d]).map((x) => x.title);
  for (const id of missingIds(d))
    assert.ok(
      titles.some((t) => t.includes(`${id} 加入解釋`)),
      `explanation for ${id}: ${titles.join(' | ')}`,
    );
  const all = getCodeActions(a, d.range, [d]).find((x) => x.title.includes('A1.3, A1.4, A1.5, A1.6'))!;
  assert.ok(all, 'one action for all');
  const after = apply(text, all.edits['file:///test.esg.md']);
  for (const id of missingIds(d)) assert.ok(after.includes(`::: {.explain hkex="${id}"}`), id);
  const tagAll = getCodeActions(a, d.range, [d]).find((x) => x.title.includes('A1.3 A1.4 A1.5 A1.6'))!;
  const tagged = run(apply(text, tagAll.edits['file:///test.esg.md']));
  assert.equal(
    byRule(tagged, 'hkex/missing').some((x) => missingIds(x).some((id) => id.startsWith('A1.'))),
    false,
  );
});

test('after "Generate HKEX index table" a missing requirement is reported once, by hkex/missing on its row', () => {
  const text = `${FRONT}# 排放物 {#em hkex="A1 A1.1"}\n\nx\n`;
  const a = run(text);
  const generated = apply(text, [generateIndexTable(a).edit]);
  const b = run(generated);
  const missing = byRule(b, 'hkex/missing');
  const empty = byRule(b, 'hkex/index-empty-target');
  const named = missing.flatMap(missingIds);
  assert.ok(named.includes('A1.3') && named.includes('B1'), named.join(' '));
  const emptyIds = empty.flatMap((d) => d.data?.ids as string[]);
  for (const id of named) assert.ok(!emptyIds.includes(id), `${id} reported twice`);
  // With hkex/missing turned off, the empty rows are still reported.
  const off = run(generated, { severity: { 'hkex/missing': 'off' } });
  assert.ok(byRule(off, 'hkex/index-empty-target').length > 10);
  // A voluntary requirement on an empty row is not missing: its row is reported.
  const voluntary = run(`${generated}| D36 | x | |\n`);
  assert.ok(byRule(voluntary, 'hkex/index-empty-target').some((d) => (d.data?.ids as string[]).includes('D36')));
});
