// movedBelow (parser/lineShift.ts) moves the kept findings, index tables and carried data of every edit
// that replaces whole lines. Its fast paths for positions and ranges must give what the generic walk
// gives: the same values, the same refusals, and the same objects where nothing moved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { movedBelow } from '../../server/src/engine/parser/lineShift';

/**
 * The reference, written another way: a full copy with every position moved, a refusal found by a
 * separate search, then the original object put back wherever the copy came out equal to it (which is
 * what copying "only where something moved" gives).
 */
function reference<T>(
  value: T,
  first: number,
  last: number,
  lines: number,
  bareLines: 'move' | 'refuse',
): T | undefined {
  const isPosition = (o: Record<string, unknown>) =>
    typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2;
  const refuses = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (Array.isArray(v)) return v.some(refuses);
    const o = v as Record<string, unknown>;
    if (typeof o.line === 'number') {
      const bare = bareLines === 'refuse' && !isPosition(o);
      if (bare ? o.line >= first : o.line >= first && o.line <= last) return true;
    }
    return Object.entries(o).some(([key, field]) => key !== 'line' && refuses(field));
  };
  if (refuses(value)) return undefined;
  const copy = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(copy);
    return Object.fromEntries(
      Object.entries(v).map(([key, field]) => [
        key,
        key === 'line' && typeof field === 'number' ? (field > last ? field + lines : field) : copy(field),
      ]),
    );
  };
  const restore = (moved: unknown, original: unknown): unknown => {
    if (moved === null || typeof moved !== 'object') return moved;
    if (JSON.stringify(moved) === JSON.stringify(original)) return original;
    for (const key of Object.keys(moved))
      (moved as never)[key] = restore((moved as never)[key], (original as never)[key]) as never;
    return moved;
  };
  return restore(copy(value), value) as T;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Findings-like data: ranges, positions, related locations, bare line numbers, look-alikes with a third key. */
function value(next: () => number, depth: number): unknown {
  const line = () => Math.floor(next() * 40);
  const position = () => ({ line: line(), character: Math.floor(next() * 9) });
  const pick = next();
  if (depth > 3 || pick < 0.15) return next() < 0.5 ? `text ${line()}` : line();
  if (pick < 0.35) return position();
  if (pick < 0.55) return { start: position(), end: position() };
  if (pick < 0.62) return { start: position(), end: position(), label: 'x' };
  if (pick < 0.68) return { line: line(), character: 3, extra: true };
  if (pick < 0.74) return { line: line(), rule: 'kpi/x' };
  if (pick < 0.85) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
  return {
    rule: 'r',
    range: { start: position(), end: position() },
    data: value(next, depth + 1),
    related: [{ range: { start: position(), end: position() }, message: 'm' }],
  };
}

/** The paths of the objects and arrays `a` and `b` share (the same object at the same place). */
function shared(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return out;
  if (a === b) out.push(path);
  for (const key of Object.keys(a)) shared((a as never)[key], (b as never)[key], `${path}.${key}`, out);
  return out;
}

test('movedBelow gives what the generic walk gives, objects kept alike, on 3,000 random values', () => {
  const next = random(5);
  let moved = 0;
  let refused = 0;
  for (let i = 0; i < 3000; i++) {
    const v = value(next, 0);
    const first = Math.floor(next() * 40);
    const last = first + Math.floor(next() * 3);
    const lines = Math.floor(next() * 7) - 3;
    const mode = next() < 0.5 ? 'move' : 'refuse';
    const got = movedBelow(v, first, last, lines, mode);
    const want = reference(v, first, last, lines, mode);
    const what = `value ${JSON.stringify(v)}, lines ${first}…${last} by ${lines}, ${mode}`;
    assert.deepEqual(got, want, what);
    if (want === undefined) refused++;
    else {
      if (want !== v) moved++;
      assert.equal(got === v, want === v, `${what}: the same object when nothing moved`);
      assert.deepEqual(shared(got, v), shared(want, v), `${what}: the parts that did not move are kept`);
    }
  }
  assert.ok(moved > 500 && refused > 300, `${moved} moved, ${refused} refused`);
});

test('movedBelow moves a position below the replaced lines and refuses one on them', () => {
  const finding = { range: { start: { line: 9, character: 2 }, end: { line: 9, character: 7 } }, data: { line: 3 } };
  assert.deepEqual(movedBelow(finding, 4, 5, 2), {
    range: { start: { line: 11, character: 2 }, end: { line: 11, character: 7 } },
    data: { line: 3 },
  });
  assert.equal(movedBelow(finding, 9, 9, 1), undefined, 'a position on the replaced line');
  assert.equal(movedBelow(finding, 2, 2, 1, 'refuse'), undefined, 'a bare line at or below the edit');
  assert.ok(movedBelow(finding, 12, 13, 4) === finding, 'nothing below: the same object');
});
