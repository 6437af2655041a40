// The published HKEX reports in test/fixtures/seed-reports, converted mechanically (scripts/seed-to-esg.mjs) into
// test/fixtures/seeds/*.esg.md, must get no 'missing' for a requirement their own index maps. What the
// index maps is read here from the raw seed text, independently of the engine's index parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis, type Diagnostic } from '../../server/src/engine';
import { getFramework } from '../../server/src/engine/catalogs/hkex';
import { REPO_ROOT, readFixture } from '../helpers/paths';
import { missingIds as idsOf } from './util';

const SEEDS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'seed-reports');
const CONVERTER = path.join(REPO_ROOT, 'scripts', 'seed-to-esg.mjs');

function seedFile(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  assert.ok(name, `no seed ${prefix}_*.txt in ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, name);
}

const analyses = new Map<string, { analysis: Analysis; ms: number; text: string }>();
function analysed(prefix: string) {
  let entry = analyses.get(prefix);
  if (!entry) {
    const text = readFixture('seeds', `${prefix}.esg.md`);
    const started = process.hrtime.bigint();
    const analysis = analyze({ uri: `file:///seeds/${prefix}.esg.md`, text });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      `# seed ${prefix}: analysed ${text.split('\n').length} lines in ${ms.toFixed(1)} ms, ${analysis.diagnostics.length} diagnostics`,
    );
    entry = { analysis, ms, text };
    analyses.set(prefix, entry);
  }
  return entry;
}

// ---------------------------------------------------------------------------------------------
// The seed's own index, read from the raw PDF text.

interface SeedIndexRow {
  /** 1-based line in the seed file. */
  line: number;
  ids: string[];
  /** Part D rows that name one paragraph ('25. 發行人須…'), as opposed to pillar rows. */
  paragraph?: string;
  target: string;
}

const PART_B_NAMES: Record<string, string> = {
  管治架構: 'MDR-governance',
  匯報原則: 'MDR-principles',
  匯報範圍: 'MDR-boundary',
};
const PILLARS: Record<string, string> = {
  管治: 'governance',
  策略: 'strategy',
  風險管理: 'risk-management',
  指標及目標: 'metrics-and-targets',
};

const plain = (cell: string) =>
  cell
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Leaves a catalog id stands for: D28 -> D28(a)-(c); deleted ids -> none. */
function leavesOf(id: string): string[] {
  const fw = getFramework()!;
  const leaves = new Set(fw.leaves().map((r) => r.id));
  return fw.covers(id).filter((c) => leaves.has(c));
}

function readSeedIndex(seedText: string): SeedIndexRow[] {
  const lines = seedText.replace(/\r\n?/g, '\n').split('\n');
  // The index starts at the last line naming an index that a tab-separated table follows.
  let start = -1;
  lines.forEach((l, i) => {
    if (l.includes('\t') || !/索引/.test(l)) return;
    let next = i + 1;
    while (next < lines.length && lines[next].trim() === '') next++;
    if (lines[next]?.includes('\t')) start = next;
  });
  assert.ok(start > 0, 'the seed has an index table');
  const rows: SeedIndexRow[] = [];
  const fw = getFramework()!;
  let aspect: string | undefined;
  let partB: string | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (!line.includes('\t')) break;
    const cells = line.split('\t').map(plain);
    const first = cells[0];
    const target = cells.length > 1 ? cells[cells.length - 1] : '';
    const text = cells.slice(0, -1).join(' ');
    if (/刪除|删除/.test(line)) continue;
    const pendingPartB = partB;
    partB = undefined;
    const push = (ids: string[], paragraph?: string) => rows.push({ line: i + 1, ids, paragraph, target });
    const aspectRow = /^層面\s*([AB]\d)/.exec(first);
    const kpi = /^(?:關鍵績效指標\s*)?([AB]\d\.\d)$/.exec(first);
    const pillar = /^\(\s*[IVX]+\s*\)$/.test(first) ? PILLARS[cells[1]] : undefined;
    const paragraph = /(?:^| )(\d{2}) ?\. /.exec(text);
    if (aspectRow) aspect = aspectRow[1];
    else if (first === '一般披露' && aspect) push([aspect]);
    else if (kpi) push([kpi[1]]);
    else if (PART_B_NAMES[first]) {
      if (target) push([PART_B_NAMES[first]]);
      // A name row with no target: the requirement's text and its target follow on the next row (seed 002).
      else partB = PART_B_NAMES[first];
      continue;
    } else if (pendingPartB) push([pendingPartB]);
    else if (paragraph && Number(paragraph[1]) >= 19 && Number(paragraph[1]) <= 40)
      push([`D${paragraph[1]}`], `D${paragraph[1]}`);
    else if (pillar) push(fw.all.filter((r) => r.part === 'D' && r.aspect === pillar).map((r) => r.id));
  }
  return rows;
}

/** Leaf ids the seed's index maps to a chapter or an explanation (non-empty last column). */
function mappedBySeed(rows: SeedIndexRow[]): Set<string> {
  const out = new Set<string>();
  for (const row of rows) if (row.target) for (const id of row.ids) for (const leaf of leavesOf(id)) out.add(leaf);
  return out;
}

function missingIds(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.rule === 'hkex/missing').flatMap(idsOf);
}

function assertRangesInside(prefix: string) {
  const { analysis, text } = analysed(prefix);
  const lines = text.split('\n');
  for (const d of analysis.diagnostics) {
    const { start, end } = d.range;
    const where = `${prefix} ${d.rule} ${JSON.stringify(d.range)}`;
    assert.ok(start.line >= 0 && end.line < lines.length, `line outside the document: ${where}`);
    assert.ok(
      start.line < end.line || (start.line === end.line && start.character <= end.character),
      `range ends before it starts: ${where}`,
    );
    assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `start outside its line: ${where}`);
    assert.ok(end.character <= lines[end.line].length, `end outside its line: ${where}`);
  }
}

// ---------------------------------------------------------------------------------------------

for (const prefix of ['000', '002', '004']) {
  test(`seed ${prefix}: the committed fixture is what scripts/seed-to-esg.mjs makes of the seed`, () => {
    const converted = execFileSync(process.execPath, [CONVERTER, seedFile(prefix)], { encoding: 'utf8' });
    assert.ok(
      converted === readFixture('seeds', `${prefix}.esg.md`),
      `test/fixtures/seeds/${prefix}.esg.md is stale: regenerate it (docs/seed-conversion.md)`,
    );
  });
}

for (const prefix of ['000', '002']) {
  test(`seed ${prefix}: the index table is recognised inside the .hkex-index section`, () => {
    const { analysis } = analysed(prefix);
    const doc = analysis.model;
    assert.ok(doc.indexTables.length > 0, 'no index table recognised');
    const inIndexSection = (s: number | undefined): boolean =>
      s !== undefined && (doc.sections[s].isIndex || inIndexSection(doc.sections[s].parent));
    for (const t of doc.indexTables)
      assert.ok(inIndexSection(t.section), `index table ${t.table} outside the .hkex-index section`);
    assert.ok(doc.indexTables.reduce((n, t) => n + t.rows.length, 0) > 40, 'index rows recognised');
    const engineIds = new Set(
      doc.indexTables.flatMap((t) => t.rows.flatMap((r) => r.refs.map((x) => x.id))).flatMap(leavesOf),
    );
    const seedRows = readSeedIndex(readFileSync(seedFile(prefix), 'utf8'));
    for (const row of seedRows)
      for (const id of row.ids)
        for (const leaf of leavesOf(id))
          assert.ok(engineIds.has(leaf), `seed line ${row.line}: no index row for ${leaf}`);
  });

  test(`seed ${prefix}: no hkex/missing for a requirement the seed's index maps; the rest are unmapped`, () => {
    const { analysis } = analysed(prefix);
    const seedRows = readSeedIndex(readFileSync(seedFile(prefix), 'utf8'));
    const mapped = mappedBySeed(seedRows);
    assert.ok(mapped.size > 30, `only ${mapped.size} requirements read from the seed's index`);
    console.log(`# seed ${prefix}: the index maps ${[...mapped].join(' ')}`);
    const missing = missingIds(analysis.diagnostics);
    const falseMissing = missing.filter((id) => mapped.has(id));
    assert.deepEqual(
      falseMissing,
      [],
      `false 'missing' for requirements the seed's index maps (seed lines ${seedRows
        .filter((r) => r.ids.some((id) => leavesOf(id).some((l) => falseMissing.includes(l))))
        .map((r) => r.line)
        .join(', ')})`,
    );
    // Whatever remains is a requirement the index leaves out or leaves without a target.
    const fw = getFramework()!;
    for (const id of missing) assert.ok(!mapped.has(id) && fw.get(id), `${id}`);
    console.log(
      `# seed ${prefix}: ${mapped.size} requirements mapped by the index; hkex/missing left: ${missing.join(' ') || 'none'}`,
    );
  });

  test(`seed ${prefix}: no diagnostic range outside the document`, () => assertRangesInside(prefix));
}

for (const prefix of ['000', '002']) {
  test(`seed ${prefix}: an index left split at its page breaks gets the same hkex/missing`, () => {
    // A plain paste keeps each page of the index as its own table, whose first row becomes the header:
    // in seed 000 that header is '層面 B5 供應鏈管理', the aspect of the rows that follow.
    const split = execFileSync(process.execPath, [CONVERTER, seedFile(prefix), '--keep-page-breaks'], {
      encoding: 'utf8',
    });
    const splitAnalysis = analyze({ uri: `file:///seeds/${prefix}-split.esg.md`, text: split });
    assert.ok(
      splitAnalysis.model.indexTables.length > analysed(prefix).analysis.model.indexTables.length,
      'the split conversion has more index tables',
    );
    assert.deepEqual(missingIds(splitAnalysis.diagnostics), missingIds(analysed(prefix).analysis.diagnostics));
  });
}

test('seed 002: each Part D paragraph row is read as that paragraph, not as its whole pillar', () => {
  const { analysis } = analysed('002');
  const seedRows = readSeedIndex(readFileSync(seedFile('002'), 'utf8')).filter((r) => r.paragraph);
  assert.ok(seedRows.length >= 20, `${seedRows.length} paragraph rows read from seed 002`);
  const engineRows = analysis.model.indexTables
    .flatMap((t) => t.rows)
    .map((r) =>
      r.refs
        .map((x) => x.id)
        .flatMap(leavesOf)
        .sort()
        .join(' '),
    );
  for (const row of seedRows) {
    const expected = leavesOf(row.paragraph!).sort().join(' ');
    assert.ok(
      engineRows.includes(expected),
      `seed line ${row.line}: no index row reads as exactly ${row.paragraph} (rows: ${engineRows.filter((r) => r.includes(row.paragraph!)).join(' | ')})`,
    );
  }
});

/** The value in the last numeric cell (the report year's column) of the first seed row with that label and figures. */
function seedValue(seedText: string, label: RegExp): number {
  const numbersOf = (line: string) =>
    line
      .split('\t')
      .slice(1)
      .map(plain)
      .filter((c) => /^[\d,]+(?:\.\d+)?$/.test(c));
  const row = seedText
    .split('\n')
    .find((l) => l.includes('\t') && label.test(plain(l.split('\t')[0])) && numbersOf(l).length > 0);
  assert.ok(row, `no seed row labelled ${label} with figures`);
  const numbers = numbersOf(row);
  return Number(numbers[numbers.length - 1].replace(/,/g, ''));
}

const EXPECTED_KPIS: Record<string, { kpi: string; label: RegExp }[]> = {
  '000': [
    { kpi: 'employees.total', label: /^員工總數/ },
    { kpi: 'ghg.scope2', label: /^間接溫室氣體排放量（範圍二）/ },
    { kpi: 'water.total', label: /^總耗水量$/ },
    { kpi: 'energy.electricity', label: /^間接能源消耗量 - 總耗電量/ },
    { kpi: 'safety.lost_days', label: /^因工傷損失工作日數/ },
  ],
  '002': [
    { kpi: 'ghg.scope1', label: /^範圍 1 溫室氣體排放量$/ },
    { kpi: 'ghg.scope2', label: /^範圍 2 溫室氣體排放量$/ },
    { kpi: 'ghg.scope3', label: /^範圍 3 溫室氣體排放量$/ },
    { kpi: 'energy.total', label: /^能源消耗總量/ },
    { kpi: 'water.total', label: /^耗水總量/ },
    { kpi: 'waste.hazardous', label: /^有害廢棄物排放總量/ },
  ],
};

for (const [prefix, expected] of Object.entries(EXPECTED_KPIS)) {
  test(`seed ${prefix}: KPI tables are recognised and carry the seed's figures`, () => {
    const { analysis } = analysed(prefix);
    const seedText = readFileSync(seedFile(prefix), 'utf8');
    assert.ok(analysis.model.kpiTables.length > 0, 'no KPI table recognised');
    const rows = analysis.model.kpiTables.flatMap((t) => t.rows);
    for (const { kpi, label } of expected) {
      const row = rows.find((r) => r.kpiId === kpi);
      assert.ok(row, `${kpi} not matched in any KPI table`);
      const value = row.values.find((v) => v.period === '2025');
      assert.equal(value?.value, seedValue(seedText, label), `${kpi} (${row.label})`);
    }
    console.log(
      `# seed ${prefix}: ${analysis.model.kpiTables.length} KPI tables, ${rows.filter((r) => r.kpiId).length} rows with a KPI id`,
    );
  });
}

test('seed 004 (Shenzhen CSR report, not HKEX): analysed without a crash and without an index table', () => {
  const { analysis } = analysed('004');
  assert.equal(analysis.model.indexTables.length, 0);
  assert.ok(!analysis.model.sections.some((s) => s.isIndex), 'no section is an index section');
  const rules = new Set(analysis.diagnostics.map((d) => d.rule));
  assert.ok(rules.has('hkex/index-absent'), 'the missing index is reported');
  for (const r of rules) assert.ok(!/^hkex\/index-(?!absent)/.test(r), `index rule ${r} on a report without an index`);
  assertRangesInside('004');
});

test('every analysis finishes quickly', () => {
  for (const prefix of ['000', '002', '004'])
    assert.ok(analysed(prefix).ms < 5000, `seed ${prefix}: ${analysed(prefix).ms} ms`);
});
