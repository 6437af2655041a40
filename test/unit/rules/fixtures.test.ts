// One fixture per rule: test/fixtures/rules/<namespace>/<name>.esg.md (or a folder <name>/ with a
// root report.esg.md and the files it names) is a small report, and a marker line names each line that
// must carry the rule's diagnostic, in the manner of rust-analyzer's `//^^ error` annotations:
//
//   <!-- ^ kpi/sum-mismatch -->                the nearest line above that is not a marker
//   <!-- ^ kpi/sum-mismatch: | 員工總數 -->    the nearest line above containing `| 員工總數`
//   <!-- ^ hkex/index-absent @ line 1 -->      line 1 (where no marker can go under it)
//
// A marker is an HTML comment, which the dialect does not read as content, but a comment line ends a
// table and sits inside the front matter's YAML: such lines are named by the quoted form from below the
// block, after a blank line. `<!-- fixture-options: {...} -->` gives the analysis options (JSON).
// Each fixture is checked three ways: every marked line has the rule's diagnostic, the rule reports
// nothing on other lines, and the same diagnostics come out with the markers taken away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES, type AnalysisOptions, type Diagnostic } from '../../../server/src/engine';
import { analyzeReport } from '../../../server/src/engine/project';
import { crossReport, withCrossReport } from '../../../server/src/engine/xreport/report';
import { decodeText } from '../../../server/src/engine/text/decode';
import type { FileRead, ReportWorkspace } from '../../../server/src/engine/workspace';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths';

const ROOT = join(FIXTURES, 'rules');
const MARKER = /^<!-- \^ ([\w-]+\/[\w-]+)(?: @ line (\d+)|: (.*?))? -->$/;
const OPTIONS = /^<!-- fixture-options: (\{.*\}) -->$/m;

/** Rule ids without a fixture, and why: what they check is not a report (the tests named cover them). */
const NO_FIXTURE: Record<string, string> = {
  'esg/too-large': 'a report past 16 Mi characters (test/unit/limits.test.ts)',
  'esg/config': 'the project file .esgmark.yaml, not a report (test/unit/projectConfig.test.ts)',
};

interface Fixture {
  rule: string;
  /** The fixture's files by name (a single-file fixture has only report.esg.md). */
  files: Map<string, string>;
  decoded: Map<string, ReturnType<typeof decodeText>>;
}

function loadFixture(rule: string): Fixture | undefined {
  const file = join(ROOT, `${rule}.esg.md`);
  const folder = join(ROOT, rule);
  const files = new Map<string, string>();
  const decoded = new Map<string, ReturnType<typeof decodeText>>();
  const add = (name: string, path: string) => {
    const d = decodeText(readFileSync(path));
    files.set(name, d.text);
    decoded.set(name, d);
  };
  if (existsSync(file)) add('report.esg.md', file);
  else if (existsSync(folder) && statSync(folder).isDirectory()) {
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else add(relative(folder, path).split('\\').join('/'), path);
      }
    };
    walk(folder);
    if (!files.has('report.esg.md')) throw new Error(`${rule}: the folder fixture has no report.esg.md`);
  } else return undefined;
  return { rule, files, decoded };
}

const BASE = 'file:///fixture/';

/** The fixture's folder as a workspace: its files, nothing outside it. */
function workspaceOf(files: ReadonlyMap<string, string>): ReportWorkspace {
  const nameOf = (uri: string) => (uri.startsWith(BASE) ? decodeURIComponent(uri.slice(BASE.length)) : undefined);
  return {
    resolve(from, reference) {
      if (!reference || /^[a-z][a-z0-9+.-]+:/i.test(reference)) return undefined;
      return new URL(reference, from).href;
    },
    read(uri): FileRead {
      const name = nameOf(uri);
      if (name === undefined) return { ok: false, uri, refusal: 'outside-workspace', detail: uri };
      const text = files.get(name);
      if (text === undefined) return { ok: false, uri, refusal: 'not-found', detail: 'no such file' };
      return { ok: true, uri, text, decoded: { encoding: 'utf-8', bom: false } };
    },
    list: () => [...files.keys()].map((name) => BASE + name),
    contains: (uri) => uri.startsWith(BASE),
    stamp: (uri) => files.get(nameOf(uri) ?? ''),
  };
}

/** Diagnostics per file name: the report's own (with its chapters) and those across the reports it links. */
function diagnosticsOf(fixture: Fixture, files: ReadonlyMap<string, string>): Map<string, Diagnostic[]> {
  const options = optionsOf(files.get('report.esg.md') ?? '');
  const workspace = workspaceOf(files);
  const decoded = fixture.decoded.get('report.esg.md');
  const root = {
    uri: `${BASE}report.esg.md`,
    text: files.get('report.esg.md')!,
    ...(decoded ? { decoded: { encoding: decoded.encoding, bom: decoded.bom, invalidAt: decoded.invalidAt } } : {}),
  };
  const own = analyzeReport(root, workspace, options);
  const project = withCrossReport(own, crossReport(own, workspace, options));
  const out = new Map<string, Diagnostic[]>();
  for (const [uri, list] of project.diagnostics) out.set(decodeURIComponent(uri.slice(BASE.length)), list);
  return out;
}

function optionsOf(text: string): AnalysisOptions {
  const m = OPTIONS.exec(text);
  return m ? (JSON.parse(m[1]) as AnalysisOptions) : {};
}

interface Mark {
  rule: string;
  /** 0-based line the marker names. */
  line: number;
  /** 0-based line of the marker itself. */
  at: number;
}

function marksOf(text: string): Mark[] {
  const lines = text.split(/\r\n|\r|\n/);
  const marks: Mark[] = [];
  lines.forEach((line, at) => {
    const m = MARKER.exec(line);
    if (!m) return;
    if (m[2] !== undefined) {
      marks.push({ rule: m[1], line: Number(m[2]) - 1, at });
      return;
    }
    let target = at - 1;
    while (target >= 0 && (MARKER.test(lines[target]) || (m[3] !== undefined && !lines[target].includes(m[3]))))
      target--;
    assert.ok(target >= 0, `line ${at + 1}: the marker names no line above it`);
    marks.push({ rule: m[1], line: target, at });
  });
  return marks;
}

/** The text without its marker lines, and the original line of each line kept. */
function withoutMarkers(text: string): { text: string; original: number[] } {
  const lines = text.split(/(?<=\r\n|\r|\n)/);
  const kept: string[] = [];
  const original: number[] = [];
  lines.forEach((line, i) => {
    if (MARKER.test(line.replace(/\r?\n$|\r$/, ''))) return;
    kept.push(line);
    original.push(i);
  });
  return { text: kept.join(''), original };
}

const lineSet = (ds: Diagnostic[], rule: string, map: (line: number) => number = (l) => l) =>
  [...new Set(ds.filter((d) => d.rule === rule).map((d) => map(d.range.start.line)))].sort((a, b) => a - b);

function fixtureIds(): string[] {
  const ids: string[] = [];
  for (const ns of readdirSync(ROOT, { withFileTypes: true })) {
    if (!ns.isDirectory()) continue;
    for (const entry of readdirSync(join(ROOT, ns.name), { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.esg.md'))
        ids.push(`${ns.name}/${entry.name.slice(0, -'.esg.md'.length)}`);
      else if (entry.isDirectory()) ids.push(`${ns.name}/${entry.name}`);
    }
  }
  return ids.sort();
}

test('every rule has a fixture, and every fixture is a rule', () => {
  const ids = RULES.map((r) => r.id);
  const expected = ids.filter((id) => !(id in NO_FIXTURE)).sort();
  assert.deepEqual(fixtureIds(), expected);
  for (const id of Object.keys(NO_FIXTURE)) assert.ok(ids.includes(id), `${id} in NO_FIXTURE is not a rule`);
});

test('every rule run on the model is a module at rules/<namespace>/<name>.ts', () => {
  for (const { id } of RULES) {
    const module = join(REPO_ROOT, 'server', 'src', 'engine', 'rules', `${id}.ts`);
    assert.ok(existsSync(module), `${id}: no module ${relative(REPO_ROOT, module)}`);
  }
});

for (const rule of fixtureIds()) {
  test(`fixture ${rule}`, () => {
    const fixture = loadFixture(rule);
    assert.ok(fixture, `${rule}: no fixture`);
    const found = diagnosticsOf(fixture, fixture.files);
    // The same report without its markers: what the parser reads must not depend on them.
    const stripped = new Map<string, string>();
    const originals = new Map<string, number[]>();
    for (const [name, text] of fixture.files) {
      const w = withoutMarkers(text);
      stripped.set(name, w.text);
      originals.set(name, w.original);
    }
    const plain = diagnosticsOf(fixture, stripped);
    let marked = 0;
    for (const [name, text] of fixture.files) {
      if (!name.endsWith('.esg.md')) continue;
      const marks = marksOf(text);
      const ds = found.get(name) ?? [];
      const rules = new Set([rule, ...marks.map((m) => m.rule)]);
      for (const r of rules) {
        const want = [...new Set(marks.filter((m) => m.rule === r).map((m) => m.line))].sort((a, b) => a - b);
        assert.deepEqual(
          lineSet(ds, r).map((l) => l + 1),
          want.map((l) => l + 1),
          `${rule}: ${r} in ${name} (1-based lines)`,
        );
        const original = originals.get(name)!;
        assert.deepEqual(
          lineSet(plain.get(name) ?? [], r, (l) => original[l]),
          lineSet(ds, r),
          `${rule}: ${r} in ${name} changes without the markers`,
        );
        marked += want.length;
      }
    }
    assert.ok(marked > 0, `${rule}: the fixture marks no line`);
  });
}
