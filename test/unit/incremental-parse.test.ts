// The incremental parser's patches beyond one line of prose, a table row or a heading (parser/incremental.ts):
// a keystroke in the front matter's YAML and one in a div fence's attributes. Each analysis derived by such
// an edit must equal a full analysis of the same text (model, diagnostics, report model), on the examples and
// on a real-shaped report, under random keystrokes aimed at those lines, mixed with line breaks typed and
// lines pasted or deleted (which the patch refuses: those take the full path and must still agree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { assertDerivedEqualsFull } from '../helpers/derived';
import { analyze, type Analysis } from '../../server/src/engine';
import { LIMITS } from '../../server/src/engine/limits';
import { REPO_ROOT } from '../helpers/paths';
import { params } from './fuzz/support';
import { generateRealShapedReport } from '../../scripts/bench/generate-real';

const URI = 'file:///incremental-parse.esg.md';

/** The analysis of `text` derived from `previous`, checked against a full one. */
function derive(previous: Analysis, text: string, step: string): Analysis {
  const derived = analyze({ uri: URI, text }, {}, previous);
  assertDerivedEqualsFull(URI, derived, text, `${step} (${derived.reuse.parse})`, { reportModel: true });
  return derived;
}

const REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
  denominators:
    revenue: 1,000 萬元
---

# 環境 {hkex="A1"}

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗水量 | 噸 | 20,035.5 |
| 總耗水密度 | 噸/萬元 | 20.04 |

::: {.explain hkex="A2.5"}
本集團的業務不涉及包裝材料。
:::

::: {.note}
備註。
:::

::: {.explain hkex="B6.1"}
不適用。
`;

test('incremental parse: a keystroke in the front matter YAML re-reads the front matter only', () => {
  const previous = analyze({ uri: URI, text: REPORT });
  const edited = REPORT.replace('issuer: 測試有限公司', 'issuer: 測試有限公司A');
  const derived = derive(previous, edited, 'issuer');
  assert.equal(derived.reuse.parse, 'frontMatter');
  assert.equal(derived.model.config.issuer, '測試有限公司A');
  // The body is the previous version's.
  assert.equal(derived.model.tables, previous.model.tables);
  assert.equal(derived.model.kpiTables, previous.model.kpiTables);
});

test('incremental parse: front-matter edits that change the config, the denominators or the locale equal a full analysis', () => {
  let previous = analyze({ uri: URI, text: REPORT });
  let text = REPORT;
  const steps: [string, string][] = [
    ['period: 2025', 'period: 2024'],
    ['revenue: 1,000 萬元', 'revenue: 2,000 萬元'],
    ['lang: zh-Hant', 'lang: en'],
    ['lang: en', 'lang: zh-Hans'],
    ['  period: 2024', '  period: [2024'],
    ['  period: [2024', '  period: 2025'],
  ];
  for (const [from, to] of steps) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    previous = derive(previous, text, `${from} → ${to}`);
  }
});

test('incremental parse: front-matter edits that move or end the block take the full path', () => {
  const previous = analyze({ uri: URI, text: REPORT });
  for (const [from, to] of [
    ['lang: zh-Hant', '---'], // a new closing fence ends the block early
    ['title: 測試報告', ''], // a blank second line: no front matter at all
    ['  revenue: 1,000 萬元\n---', '  revenue: 1,000 萬元\n--- x'], // the closing fence edited
  ]) {
    const text = REPORT.replace(from, to);
    assert.notEqual(text, REPORT);
    const derived = derive(previous, text, `${from} → ${to}`);
    assert.equal(derived.reuse.parse, 'full', `${from} → ${to}`);
  }
});

test('incremental parse: a div fence edited in place re-reads its explanation', () => {
  let previous = analyze({ uri: URI, text: REPORT });
  let text = REPORT;
  const steps: [string, string, string][] = [
    ['hkex="A2.5"', 'hkex="A2."', 'div'], // the list edited
    ['hkex="A2."', 'hkex="A2.5 B1"', 'div'],
    ['{.explain hkex="A2.5 B1"}', '{.expl-ain hkex="A2.5 B1"}', 'div'], // the explanation lost
    ['{.expl-ain hkex="A2.5 B1"}', '{.explain hkex="A2.5 B1"}', 'div'], // and found again, with its closing fence
    ['::: {.note}', '::: {.explain}', 'div'], // an explanation without ids
    ['::: {.explain}\n備註', '::: {.explain hkex="B1"\n備註', 'div'], // an unclosed attribute block
    ['::: {.explain hkex="B6.1"}', '::: {.explain hkex="B6.1 B7"}', 'div'], // the unclosed div at the end
    ['::: {.explain hkex="B6.1 B7"}', '::: explain', 'div'], // a bare class
    [':::\n\n::: {.explain hkex="B1"', '::::\n\n::: {.explain hkex="B1"', 'div'], // a closing fence
    ['::: explain', ':::', 'full'], // an opening fence becomes a closing one
  ];
  for (const [from, to, kind] of steps) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    previous = derive(previous, text, `${from} → ${to}`);
    assert.equal(previous.reuse.parse, kind, `${from} → ${to}`);
  }
});

test('incremental parse: fences nested in an explanation, and past the depth limit, equal a full analysis', () => {
  const nested = ['# A', '', '::: {.explain hkex="A1"}', '::: {.note}', '內文', ':::', '理由', ':::', ''].join('\n');
  let previous = analyze({ uri: URI, text: nested });
  let text = nested;
  for (const [from, to] of [
    ['::: {.note}', '::: {.explain hkex="B2"}'],
    ['::: {.explain hkex="B2"}', '::: {.explain hkex="B2" x}'],
    ['::: {.explain hkex="A1"}', '::: {.explain hkex="A1" }'],
  ]) {
    text = text.replace(from, to);
    previous = derive(previous, text, `${from} → ${to}`);
    assert.equal(previous.reuse.parse, 'div');
  }
  const depth = LIMITS.maxDivDepth + 3;
  const deep = Array.from({ length: depth }, (_, k) => `::: {.explain hkex="A${k}"}`).join('\n') + '\n理由\n';
  previous = analyze({ uri: URI, text: deep });
  const edited = deep.replace(`hkex="A${depth - 1}"`, `hkex="A${depth - 2}"`);
  assert.equal(derive(previous, edited, 'past the depth limit').reuse.parse, 'full');
});

const LINES_REPORT = `---
title: 測試報告
lang: zh-Hant
esg:
  issuer: 測試有限公司
  period: 2025
---

# 環境 {hkex="A1"}

本集團持續推動節約用水。第二句。

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗水量 | 噸 | 20,035.5 |

::: {.explain hkex="A2.5"}
本集團的業務不涉及包裝材料。
:::

# 附錄

| 指標 | 單位 | 2025 |
|---|---|---|
| 總耗水量 | 噸 | 19,000 |

見 [環境](#環境) 及 [總耗水量]{kpi=water.total period=2025}。

## 空章節
`;

test('incremental parse: Enter, Backspace and pasted or deleted lines in prose move what is below instead of a full parse', () => {
  let previous = analyze({ uri: URI, text: LINES_REPORT });
  assert.ok(
    previous.diagnostics.some((d) => d.rule === 'kpi/value-conflict'),
    'a finding that quotes a line number',
  );
  let text = LINES_REPORT;
  const steps: [string, string, string][] = [
    ['節約用水。第二句', '節約用水。\n第二句', 'lines'], // Enter in a paragraph
    ['節約用水。\n第二句', '節約用水。第二句', 'lines'], // Backspace at a line's start
    ['第二句。\n', '第二句。\n\n新段落。\n', 'lines'], // a paragraph pasted
    ['\n新段落。\n', '\n', 'lines'], // and deleted
    ['包裝材料。', '包裝\n材料。', 'lines'], // in an explanation's reason
    ['見 [環境]', '\n見 [環境]', 'lines'], // above a link and a span
    ['\n見 [環境]', '見 [環境]', 'lines'],
    ['## 空章節\n', '## 空章節\n\n內容\n', 'lines'], // the empty section gains content
    ['## 空章節', '## 空\n章節', 'full'], // a heading's line: not prose
    ['本集團持續', '本集團\n| a | b |\n持續', 'lines'], // a pipe in prose, no delimiter row below
    ['持續推動', '持續\n---\n推動', 'full'], // a setext underline
    // A table's row split in two rows (each holds a pipe): the table is read again, what is below moves.
    ['| 總耗水量 | 噸 | 20,035.5 |', '| 總耗水量 | 噸 |\n20,035.5 |', 'lines'],
    ['| 總耗水量 | 噸 |\n20,035.5 |', '| 總耗水量 | 噸 | 20,035.5 |', 'lines'], // and joined again
    ['| 總耗水量 | 噸 | 20,035.5 |', '| 總耗水量 | 噸 | 20,035.5 |\n| 總耗水量 | 噸 | 20,035.5 |', 'lines'], // a row pasted
    ['| 總耗水量 | 噸 | 20,035.5 |\n| 總耗水量 | 噸 | 20,035.5 |', '| 總耗水量 | 噸 | 20,035.5 |', 'lines'], // and deleted
    ['| 總耗水量 | 噸 | 20,035.5 |', '| 總耗水量 | 噸 | 20,035.5 |\n總耗水量', 'lines'], // a line without a pipe under the table: a paragraph
    [
      '| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 20,035.5 |',
      '| 指標 |\n 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 20,035.5 |',
      'full',
    ], // the header split
  ];
  for (const [from, to, kind] of steps) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    previous = derive(previous, text, `${JSON.stringify(from)} → ${JSON.stringify(to)}`);
    assert.equal(previous.reuse.parse, kind, `${JSON.stringify(from)} → ${JSON.stringify(to)}`);
  }
});

test('incremental parse: line breaks that would join with a lone CR, and blank lines before a setext heading, take the full path', () => {
  const cr = '# A\r\r段落一。\r.\n段落二。\r';
  let previous = analyze({ uri: URI, text: cr });
  // Deleting the '.' joins the lone CR and the LF into one line break.
  const joined = cr.replace('.\n', '\n');
  previous = derive(previous, joined, 'CR and LF joined');
  assert.equal(previous.reuse.parse, 'full');
  const setext = '# A\n\n段落。\n標題\n===\n';
  previous = analyze({ uri: URI, text: setext });
  const blank = setext.replace('段落。\n', '段落。\n\n');
  assert.equal(derive(previous, blank, 'a blank line before a setext title').reuse.parse, 'full');
});

// Random typing aimed at the lines these patches handle, mixed with line breaks and whole lines.
type Edit =
  | { kind: 'inFrontMatter'; at: number; ch: string }
  | { kind: 'deleteInFrontMatter'; at: number }
  | { kind: 'inDivFence'; at: number; ch: string }
  | { kind: 'deleteInDivFence'; at: number }
  | { kind: 'enter'; at: number }
  | { kind: 'pasteLine'; at: number; line: string }
  | { kind: 'deleteLine'; at: number };

const position = fc.nat({ max: 1_000_000 });
const typed = fc.constantFrom('a', '1', ' ', ':', '-', '"', '{', '}', '.', '#', '|', '[', '\n', 'explain', 'hkex=');
const edits: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('inFrontMatter' as const), at: position, ch: typed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteInFrontMatter' as const), at: position }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('inDivFence' as const), at: position, ch: typed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteInDivFence' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('enter' as const), at: position }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pasteLine' as const),
      at: position,
      line: fc.constantFrom('文字', '::: {.explain hkex="A1"}', ':::', '  year: 2024', '| a | b |'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), at: position }) },
);

/** Offsets of every line start, and the lines' texts (LF, CR and CRLF each end a line). */
function linesOf(text: string): { starts: number[]; texts: string[] } {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return { starts, texts: text.split(/\r\n|\r|\n/) };
}

/** The offsets inside the lines that `pick` selects (from a line's start to its end, both included). */
function spotsIn(text: string, pick: (line: string, index: number, texts: string[]) => boolean): number[] {
  const { starts, texts } = linesOf(text);
  const spots: number[] = [];
  texts.forEach((line, k) => {
    if (pick(line, k, texts)) for (let c = 0; c <= line.length; c++) spots.push(starts[k] + c);
  });
  return spots;
}

/** Lines strictly between the opening and closing front-matter fences. */
function inFrontMatter(_line: string, k: number, texts: string[]): boolean {
  if (k === 0 || texts[0].replace(/^\uFEFF/, '').trim() !== '---') return false;
  const end = texts.findIndex((l, j) => j > 0 && (l.trim() === '---' || l.trim() === '...'));
  return end > 0 && k < end;
}

const isDivFence = (line: string) => /^ {0,3}:{3,}/.test(line);

function insertAt(text: string, spots: number[], at: number, ch: string): string {
  if (!spots.length) return text;
  const offset = spots[at % spots.length];
  return text.slice(0, offset) + ch + text.slice(offset);
}

function deleteAt(text: string, spots: number[], at: number): string {
  // Not a line break: the spot at a line's end deletes the character before it.
  const usable = spots.filter((s) => s < text.length && !/[\r\n]/.test(text[s]));
  if (!usable.length) return text;
  const offset = usable[at % usable.length];
  return text.slice(0, offset) + text.slice(offset + 1);
}

function apply(text: string, e: Edit): string {
  switch (e.kind) {
    case 'inFrontMatter':
      return insertAt(text, spotsIn(text, inFrontMatter), e.at, e.ch);
    case 'deleteInFrontMatter':
      return deleteAt(text, spotsIn(text, inFrontMatter), e.at);
    case 'inDivFence':
      return insertAt(text, spotsIn(text, isDivFence), e.at, e.ch);
    case 'deleteInDivFence':
      return deleteAt(text, spotsIn(text, isDivFence), e.at);
    case 'enter':
      return insertAt(
        text,
        spotsIn(text, () => true),
        e.at,
        '\n',
      );
    case 'pasteLine': {
      const { starts } = linesOf(text);
      const offset = starts[e.at % starts.length];
      return text.slice(0, offset) + e.line + '\n' + text.slice(offset);
    }
    case 'deleteLine': {
      const { starts } = linesOf(text);
      const k = e.at % starts.length;
      return text.slice(0, starts[k]) + (k + 1 < starts.length ? text.slice(starts[k + 1]) : '');
    }
  }
}

function reportsIn(dir: string): { name: string; text: string }[] {
  const abs = path.join(REPO_ROOT, dir);
  return readdirSync(abs)
    .filter((n) => n.endsWith('.esg.md'))
    .sort()
    .map((n) => ({ name: `${dir}/${n}`, text: readFileSync(path.join(abs, n), 'utf8') }));
}

function realShaped(targetBytes: number): { name: string; text: string } {
  const examples = reportsIn('examples');
  const host = examples.find((s) => s.name.endsWith('zhipu-2025.esg.md'))!;
  const corpus = readdirSync(path.join(REPO_ROOT, 'test/corpus'))
    .sort()
    .map((d) => `test/corpus/${d}/report.esg.md`)
    .filter((f) => existsSync(path.join(REPO_ROOT, f)))
    .map((f) => ({ name: f, text: readFileSync(path.join(REPO_ROOT, f), 'utf8') }));
  const sources = [host, ...corpus, ...examples.filter((s) => s !== host)];
  return {
    name: `real-shaped ${targetBytes}`,
    text: generateRealShapedReport({ seed: 21, targetBytes, sources }).text,
  };
}

const EDITS = 40;

test(`incremental parse: analyses derived over ${EDITS} keystrokes in front matters and div fences equal full analyses`, () => {
  const paths = new Map<string, number>();
  const starts = [REPORT, ...reportsIn('examples').map((r) => r.text), realShaped(40_000).text].map((text, n) => ({
    n,
    text,
  }));
  // The same report with CRLF line ends and a byte-order mark.
  starts.push({ n: starts.length, text: '\uFEFF' + REPORT.replace(/\n/g, '\r\n') });
  for (const start of starts) {
    const seed = params(1).seed! + 300 + start.n;
    let text = start.text;
    let previous = analyze({ uri: URI, text });
    fc.sample(edits, { seed, numRuns: EDITS }).forEach((e, i) => {
      text = apply(text, e);
      previous = derive(previous, text, `start ${start.n} (seed ${seed}), edit ${i + 1} ${JSON.stringify(e)}`);
      paths.set(previous.reuse.parse, (paths.get(previous.reuse.parse) ?? 0) + 1);
    });
  }
  // The patches were taken, and so was the full path: the equalities above are not vacuous.
  console.log(`paths: ${JSON.stringify([...paths])}`);
  for (const kind of ['frontMatter', 'div', 'lines', 'full'])
    assert.ok((paths.get(kind) ?? 0) > 10, `'${kind}' path taken often: ${JSON.stringify([...paths])}`);
});

test('incremental parse: line breaks typed through a real-shaped report move its findings, and those that quote line numbers are found again', () => {
  let text = realShaped(60_000).text;
  let previous = analyze({ uri: URI, text });
  assert.ok(
    previous.diagnostics.some((d) => d.rule === 'kpi/value-conflict'),
    'findings that name another line',
  );
  let patched = 0;
  for (let at = 0, k = 0; k < 12; k++) {
    at = text.indexOf('。', at + 4_000) + 1;
    if (at <= 0) break;
    text = text.slice(0, at) + (k % 3 === 2 ? '\n\n' : '\n') + text.slice(at);
    previous = derive(previous, text, `line break ${k + 1} at ${at}`);
    if (previous.reuse.parse === 'lines') patched++;
  }
  assert.ok(patched >= 6, `${patched} line breaks patched`);
});

/** The text with line `line` (0-based) replaced by `lines` (none: deleted). */
function replaceLine(text: string, line: number, lines: string[]): string {
  const all = text.split('\n');
  all.splice(line, 1, ...lines);
  return all.join('\n');
}

test('incremental parse: rows of a table pasted, deleted or split by a line break are patched, and equal full analyses', () => {
  let text = realShaped(60_000).text;
  let previous = analyze({ uri: URI, text });
  const rng = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { seed: params(1).seed! + 400, numRuns: 60 });
  const paths = new Map<string, number>();
  let step = 0;
  for (const r of rng) {
    const lines = text.split('\n');
    // A line of a table after another that is not a delimiter row (found again after each edit): body rows,
    // and now and then a delimiter row (its edits take the full path, and must agree too).
    const rows: number[] = [];
    for (let k = 2; k < lines.length; k++)
      if (
        lines[k].trimStart().startsWith('|') &&
        /^\s*\|?\s*:?-+/.test(lines[k - 1]) === false &&
        lines[k - 1].includes('|')
      )
        rows.push(k);
    if (!rows.length) break;
    const at = rows[r % rows.length];
    const row = lines[at];
    const kind = r % 4;
    const edited =
      kind === 0
        ? replaceLine(text, at, [row, lines[rows[(r >> 3) % rows.length]]]) // a row copied from elsewhere pasted below
        : kind === 1
          ? replaceLine(text, at, []) // a row deleted
          : kind === 2
            ? replaceLine(text, at, [row.slice(0, row.indexOf('|', 1) + 1), row.slice(row.indexOf('|', 1) + 1) || '|']) // Enter after a cell
            : replaceLine(text, at, [row, row]); // a row duplicated
    step++;
    text = edited;
    previous = derive(previous, text, `table lines edit ${step} (kind ${kind}) at line ${at}`);
    paths.set(previous.reuse.parse, (paths.get(previous.reuse.parse) ?? 0) + 1);
  }
  console.log(`paths: ${JSON.stringify([...paths])}`);
  assert.ok((paths.get('lines') ?? 0) >= 30, `table rows patched as lines: ${JSON.stringify([...paths])}`);
});
