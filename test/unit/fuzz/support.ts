// Shared pieces of the property-based tests: the fixed seed and run counts, the corpus of real
// reports the mutators start from, the invariants every analysis must satisfy, and a text-edit
// applier that works on LSP positions (UTF-16 columns, LF/CR/CRLF line breaks) like an editor does.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { RULES, type Analysis, type Position, type Range, type TextEdit } from '../../../server/src/engine';
import { REPO_ROOT } from '../../helpers/paths';

/**
 * One seed for every property so a failure reproduces exactly; override with FUZZ_SEED=<n> to explore,
 * and FUZZ_RUNS=<factor> to scale every run count (e.g. FUZZ_RUNS=10 for a long local session).
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 20250105);
const SCALE = Math.max(0.01, Number(process.env.FUZZ_RUNS ?? 1));

export function params<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), ...extra };
}

export const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Lines as LSP counts them: `\r\n`, `\r` and `\n` each end a line. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function assertPositionInside(p: Position, lines: string[], what: string) {
  assert.ok(
    Number.isInteger(p.line) && Number.isInteger(p.character),
    `${what}: integer position ${JSON.stringify(p)}`,
  );
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  assert.ok(
    p.character >= 0 && p.character <= lines[p.line].length,
    `${what}: character ${p.character} outside 0..${lines[p.line].length} on line ${p.line}`,
  );
}

export function assertRangeInside(r: Range, lines: string[], what: string) {
  assertPositionInside(r.start, lines, `${what} start`);
  assertPositionInside(r.end, lines, `${what} end`);
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: start after end ${JSON.stringify(r)}`,
  );
}

/** The contract every analysis keeps, whatever the input: ranges inside, a message, a known rule. */
export function assertWellFormed(text: string, analysis: Analysis) {
  const lines = lspLines(text);
  for (const d of analysis.diagnostics) {
    const what = `${d.rule} "${String(d.message).slice(0, 80)}"`;
    assert.ok(RULE_IDS.has(d.rule), `unregistered rule id ${d.rule}`);
    assert.equal(typeof d.message, 'string', `${what}: message is a string`);
    assert.ok(d.message.trim().length > 0, `${d.rule}: empty message`);
    // A `{name}` left from a message template (one the report itself does not contain).
    for (const m of d.message.match(/\{\w+\}/g) ?? [])
      assert.ok(text.includes(m), `${what}: unfilled placeholder ${m} in message`);
    // A placeholder filled with nothing useful, or an internal error leaking into a message.
    for (const word of ['undefined', 'NaN', 'call stack'])
      if (d.message.includes(word)) assert.ok(text.includes(word), `${what}: '${word}' in message`);
    assert.ok(!/Inputs: \.|數據：。|数据：。/.test(d.message), `${what}: empty list of inputs`);
    assertRangeInside(d.range, lines, what);
    for (const rel of d.related ?? []) if (rel.uri === d.uri) assertRangeInside(rel.range, lines, `${what} related`);
  }
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.esg.md')) out.push(p);
  }
  return out;
}

/** Real reports the mutators start from: the examples and every `.esg.md` fixture (not the fuzz corpus). */
export const REAL_DOCUMENTS: { name: string; text: string }[] = [
  ...walk(path.join(REPO_ROOT, 'examples')),
  ...walk(path.join(REPO_ROOT, 'test', 'fixtures')).filter((p) => !p.includes(`${path.sep}fuzz-corpus${path.sep}`)),
].map((p) => ({ name: path.relative(REPO_ROOT, p), text: readFileSync(p, 'utf8') }));

export const CORPUS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'fuzz-corpus');

/** Offset of an LSP position in a text; throws on a position outside the text (an edit bug). */
export function offsetOf(text: string, p: Position): number {
  let line = 0;
  let offset = 0;
  while (line < p.line) {
    const n = text.slice(offset).search(/\r\n|\r|\n/);
    if (n < 0) throw new Error(`position ${JSON.stringify(p)} past the last line`);
    offset += n + (text.startsWith('\r\n', offset + n) ? 2 : 1);
    line++;
  }
  const rest = text.slice(offset);
  const eol = rest.search(/\r\n|\r|\n/);
  const length = eol < 0 ? rest.length : eol;
  if (p.character > length) throw new Error(`position ${JSON.stringify(p)} past the end of its line (${length})`);
  return offset + p.character;
}

/**
 * Applies edits as an editor does (all ranges refer to the original text; they must not overlap).
 * Returns the new text and the original-text offsets [start, end) of each edit, sorted.
 */
export function applyEdits(
  text: string,
  edits: TextEdit[],
): { text: string; spans: { start: number; end: number; newText: string }[] } {
  const spans = edits
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    assert.ok(
      spans[i].start >= spans[i - 1].end,
      `overlapping edits at offsets ${spans[i - 1].start}-${spans[i - 1].end} and ${spans[i].start}-${spans[i].end}`,
    );
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return { text: out + text.slice(at), spans };
}

/** Wall-clock milliseconds of one call. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const t = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}
