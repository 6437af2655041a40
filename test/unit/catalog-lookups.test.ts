// The catalogs' lookups that remember their answers or read from an index built once (speed issue 10):
// they answer as the plain scan of the catalog data would, whatever was asked before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FRAMEWORK_IDS,
  allCrossMaps,
  allPacks,
  mappedIds,
  normalizeItemId,
} from '../../server/src/engine/catalogs/frameworks';
import { getFramework } from '../../server/src/engine/catalogs/hkex';

/** The cross-map pairs of `id` from one framework to another, read from the maps one by one. */
function scannedPairs(from: string, id: string, to: string): { id: string; map: string }[] {
  const out: { id: string; map: string }[] = [];
  for (const map of allCrossMaps()) {
    if (map.from === from && map.to === to) {
      for (const pair of map.pairs) if (pair.from === id) for (const t of pair.to) out.push({ id: t, map: map.id });
    } else if (map.to === from && map.from === to) {
      for (const pair of map.pairs) if (pair.to.includes(id)) out.push({ id: pair.from, map: map.id });
    }
  }
  return out;
}

test('mappedIds gives every pair of every id in both directions, in the order of the maps and their pairs', () => {
  const ids = new Set<string>(['no-such-id', '']);
  for (const map of allCrossMaps())
    for (const pair of map.pairs) {
      ids.add(pair.from);
      for (const t of pair.to) ids.add(t);
    }
  let pairs = 0;
  for (const from of FRAMEWORK_IDS)
    for (const to of FRAMEWORK_IDS)
      for (const id of ids) {
        const expected = scannedPairs(from, id, to);
        // Asked twice: the second answer comes from the index the first built.
        for (let i = 0; i < 2; i++)
          assert.deepEqual(
            mappedIds(from, id, to).map((m) => ({ id: m.id, map: m.map.id })),
            expected,
            `${from} ${id} -> ${to}`,
          );
        pairs += expected.length;
      }
  assert.ok(pairs > 0, 'the cross-maps pair some ids');
  assert.deepEqual(mappedIds('not-a-framework', 'x', 'gri-2021'), []);
});

test('normalizeItemId gives each pack its own answer for the same text, asked again or not', () => {
  const texts = [
    'GRI 305-1',
    '305-1',
    'S2.29(a)',
    '29a',
    'tc-si-130A.1',
    'SDG 6',
    'e1',
    '应对气候变化',
    'nonsense',
    '',
  ];
  const first = new Map<string, (string | undefined)[]>();
  for (const text of texts)
    first.set(
      text,
      allPacks().map((p) => normalizeItemId(p.id, text)),
    );
  assert.equal(normalizeItemId('gri-2021', 'GRI 305-1'), '305-1');
  assert.equal(normalizeItemId('sasb-tc-si', 'GRI 305-1'), undefined);
  assert.equal(normalizeItemId('ifrs-s2', '29a'), '29(a)');
  for (const text of [...texts].reverse())
    assert.deepEqual(
      allPacks().map((p) => normalizeItemId(p.id, text)),
      first.get(text),
      text,
    );
});

test('the HKEX index: covers and matchRowText answer the same when asked again', () => {
  const framework = getFramework()!;
  for (const r of framework.all) {
    const covered = [r.id, ...(r.children ?? [])];
    assert.deepEqual(framework.covers(r.id), covered);
    assert.deepEqual(framework.covers(r.id), covered);
  }
  assert.deepEqual(framework.covers('no such id'), []);
  assert.deepEqual(framework.covers('a1.1'), ['A1.1']);
  const rows = ['層面 A1 排放物', '19. 管治架構', '匯報範圍', 'KPI A1.1 排放物種類', 'nothing it knows'];
  const answers = rows.map((text) => framework.matchRowText(text));
  assert.equal(answers[0], 'A1');
  assert.equal(answers[4], undefined);
  assert.deepEqual(
    rows.map((text) => framework.matchRowText(text)),
    answers,
  );
});
