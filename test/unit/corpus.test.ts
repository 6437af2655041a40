// The real-report corpus holds esgmark to what it achieved: per report, no fewer metric rows
// recognised, no fewer audited defects flagged, no more false alarms than test/corpus/pinned.json
// records (`npm run corpus -- --pin` after an improvement). Every report has an audit that parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CORPUS_DIR, corpusEntries, runEntry, type Pinned } from '../corpus-runner/corpus';

const pinnedFile = path.join(CORPUS_DIR, 'pinned.json');
const pinned = (existsSync(pinnedFile) ? JSON.parse(readFileSync(pinnedFile, 'utf8')) : {}) as Record<string, Pinned>;
const entries = corpusEntries();

test('every corpus report has an audit with its source and verdicts', () => {
  for (const id of entries) {
    const audit = parseYaml(readFileSync(path.join(CORPUS_DIR, id, 'audit.yaml'), 'utf8')) as Record<string, unknown>;
    assert.ok(audit.issuer && audit.language && audit.source, `${id}: issuer, language and source are required`);
    for (const r of (audit.relations ?? []) as { verdict: string; what: string }[])
      assert.match(r.verdict, /^(holds|fails|unchecked)$/, `${id}: ${r.what}`);
  }
});

test('every pinned report is still in the corpus', () => {
  for (const id of Object.keys(pinned))
    assert.ok(entries.includes(id), `${id} is pinned but missing from test/corpus/`);
});

for (const id of entries) {
  test(`corpus ${id}: no regression against the pinned results`, () => {
    const r = runEntry(id);
    const pin = pinned[id];
    assert.ok(pin, `${id} has no pinned results: run \`npm run corpus -- --pin\``);
    assert.equal(r.metricRows, pin.metricRows, `${id}: metric rows changed (the parser reads the tables differently)`);
    assert.ok(
      r.recognised >= pin.recognised,
      `${id}: ${r.recognised} rows recognised, ${pin.recognised} pinned; unrecognised: ${r.unrecognised.join('; ')}`,
    );
    assert.ok(
      r.flagged >= pin.flagged,
      `${id}: ${r.flagged} audited defects flagged, ${pin.flagged} pinned; missed: ${r.misses.map((m) => `${m.rule}@${m.line}`).join(', ')}`,
    );
    assert.ok(
      r.falseAlarms.length <= pin.falseAlarms,
      `${id}: ${r.falseAlarms.length} false alarms, ${pin.falseAlarms} pinned:\n${r.falseAlarms.map((f) => `  ${f.rule}@${f.line} ${f.message}`).join('\n')}`,
    );
  });
}
