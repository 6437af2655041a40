// Keystrokes in heading titles on real-shaped reports (the examples with HKEX, GRI and HKFRS S2 content
// indexes): the index tables are read again only when the title is one an index cell asked for (or a
// numbered heading's, or the heading opens an index), else kept from the previous version. Each derived
// analysis must equal a full one; the test checks that both the kept and the re-read paths are taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertDerivedEqualsFull } from '../helpers/derived';
import { analyze } from '../../server/src/engine';
import { derivedOf } from '../../server/src/engine/derived';
import { REPO_ROOT } from '../helpers/paths';

const EXAMPLES = [
  'examples/frameworks-gri-2025-defects.esg.md',
  'examples/frameworks-hkfrs-2026-defects.zh-hant.esg.md',
  'examples/zhipu-2025.esg.md',
];

/**
 * Added to the GRI example: index cells naming sections by title, and by number, as many published
 * indexes do (the examples link to anchors): keystrokes in those titles make the index be read again.
 */
const TITLED_INDEXES = `
## 3.1 Water {#water}

Water use is reported with the resources above.

## Index by title {#titled-index .hkex-index}

| Requirement | Description | Section |
|---|---|---|
| KPI A2.2 | Water consumption | 3.1 |
| KPI B1.1 | Workforce | Employment |
| KPI B2.1 | Fatalities | Health and safety; Employment |

## GRI index by title {#titled-gri .gri-index}

| Disclosure | Title | Location |
|---|---|---|
| 303-5 | Water consumption | Use of resources |
| 401-1 | New employee hires | Employment |
`;

/** Titles the cells above name: half the keystrokes of the GRI example go into these headings. */
const NAMED = ['### Employment', '### Health and safety', '### Use of resources', '## 3.1 Water'];

/** The characters typed: letters, a CJK character, the marks of a heading number ('3.1 '), a space. */
const TYPED = ['a', 'e', '環', '1', '3', '.', ' ', 'G'];

for (const example of EXAMPLES) {
  test(`incremental: keystrokes in heading titles of ${path.basename(example)} equal full analyses`, () => {
    const uri = `file:///${path.basename(example)}`;
    const titled = example.includes('gri');
    let text = readFileSync(path.join(REPO_ROOT, example), 'utf8') + (titled ? TITLED_INDEXES : '');
    let previous = analyze({ uri, text });
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let hkexKept = 0;
    let hkexRead = 0;
    let packKept = 0;
    let headingPath = 0;
    // A keystroke in a title, then (every other step) the same title restored: the second edit gives back
    // a title an index cell may name.
    let undo: { line: number; title: string } | undefined;
    for (let i = 0; i < 60; i++) {
      const lines = text.split('\n');
      let line: number;
      if (undo) {
        line = undo.line;
        lines[line] = undo.title;
        undo = undefined;
      } else {
        const headings = lines.map((l, k) => (/^#{1,6} \S/.test(l) ? k : -1)).filter((k) => k >= 0);
        const named = headings.filter((k) => NAMED.some((n) => lines[k].startsWith(n)));
        const among = titled && named.length && next() < 0.5 ? named : headings;
        line = among[Math.floor(next() * among.length)];
        const hashes = lines[line].indexOf(' ') + 1;
        const brace = lines[line].indexOf(' {');
        const end = brace > hashes ? brace : lines[line].length;
        const at = hashes + Math.floor(next() * (end - hashes + 1));
        undo = { line, title: lines[line] };
        lines[line] = lines[line].slice(0, at) + TYPED[Math.floor(next() * TYPED.length)] + lines[line].slice(at);
      }
      text = lines.join('\n');
      const derived = analyze({ uri, text }, {}, previous);
      if (derived.reuse.parse === 'heading') {
        headingPath++;
        if (derived.model.indexTables === previous.model.indexTables) hkexKept++;
        else hkexRead++;
        // Read by the framework rules in both versions: the same list when carried.
        const tables = derivedOf(derived.model).packIndexTables;
        if (tables.length && tables === derivedOf(previous.model).packIndexTables) packKept++;
      }
      assertDerivedEqualsFull(uri, derived, text, `${example}: keystroke ${i + 1} on line ${line + 1}`);
      previous = derived;
    }
    assert.ok(headingPath >= 50, `${headingPath} keystrokes took the heading path`);
    assert.ok(hkexKept > 0, `the HKEX index tables kept ${hkexKept} times`);
    if (titled) {
      assert.ok(hkexRead > 0, `the HKEX index tables read again ${hkexRead} times`);
      assert.ok(packKept > 0, `the content index tables carried ${packKept} times`);
      assert.ok(packKept < headingPath, `the content index tables read again ${headingPath - packKept} times`);
    }
  });
}
