// factChanges (numbers/factDeps.ts) names the tokens whose answers an edit may change; a unit of the
// numbers relations is kept only when it read none of them. After lines are replaced, every KPI table
// below is a new table, so each of its facts must be named under every token a lookup could have noted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { buildFacts } from '../../server/src/engine/numbers/facts';
import { factChanges, factSnapshot } from '../../server/src/engine/numbers/factDeps';

const REPORT = `---
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 排放物

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| 範圍1溫室氣體排放 | 噸二氧化碳當量 | 100 | 120 |
| 範圍2溫室氣體排放 | 噸二氧化碳當量 | 200 | 210 |
| 溫室氣體排放總量 | 噸二氧化碳當量 | 300 | 330 |
`;

test('after a line pasted above a KPI table, factChanges names every fact of it under each token', () => {
  const before = parseDocument('file:///f.esg.md', REPORT);
  const after = parseDocument('file:///f.esg.md', REPORT.replace('# 排放物\n', '# 排放物\n\n本集團的排放。\n'));
  const was = buildFacts(before);
  const now = buildFacts(after);
  assert.ok(was.all.length >= 6, `${was.all.length} facts read`);
  const changed = factChanges(factSnapshot(was, before.spans, before.config), now, after.spans, after.config);
  assert.ok(changed, 'the periods are the same, so not everything is rebuilt');
  assert.ok(changed.has('*'));
  const expected = new Set<string>();
  for (const f of [...was.all, ...now.all]) {
    expected.add(`k:${f.kpiId}@${f.period}`);
    expected.add(`i:${f.kpiId}`);
    expected.add(`l:${f.range.start.line}`);
    const parts = f.kpiId.split('.');
    for (let n = 1; n <= parts.length; n++) expected.add(`x:${parts.slice(0, n).join('.')}@${f.period}`);
  }
  const missing = [...expected].filter((token) => !changed.has(token));
  assert.deepEqual(missing, [], 'every token of the moved facts is named');
  assert.ok(
    [...expected].some((t) => t.startsWith('x:') && !t.includes('.')),
    'a one-part prefix is among them',
  );
});
