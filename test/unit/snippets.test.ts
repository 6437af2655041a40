// The generated snippets: well-formed snippet syntax, up to date with the catalogs, and the index
// snippet lists every current leaf requirement of the HKEX catalog exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

const ROOT = REPO_ROOT;

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}
interface CatalogRequirement {
  id: string;
  part: 'B' | 'C' | 'D';
  obligation: string;
  children?: string[];
  aspectTitle: Record<string, string>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const snippets = readJson<Record<string, Snippet>>('snippets/esg-markdown.json');
const markdownSnippets = readJson<Record<string, Snippet>>('snippets/markdown.json');
const catalog = readJson<{ requirements: CatalogRequirement[] }>('server/src/engine/catalogs/data/hkex-esg-2025.json');
const kpiIds = new Set(
  readJson<{ kpis: { id: string }[] }>('server/src/engine/catalogs/data/kpis.json').kpis.map((k) => k.id),
);

/**
 * Checks VS Code snippet syntax: `$1`, `${1}`, `${1:placeholder}` (nested), `${1|a,b|}`, `$name`,
 * `${name:default}`, and `\` escapes. Returns the tab stop numbers; throws on an unclosed `${`.
 */
function parseSnippet(body: string): number[] {
  const stops: number[] = [];
  let i = 0;
  const parseUntil = (closer: string | undefined): void => {
    while (i < body.length) {
      const c = body[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (closer && c === closer) return;
      if (c === '$') {
        const simple = /^\$(\d+|[A-Za-z_]\w*)/.exec(body.slice(i));
        if (simple) {
          if (/^\d/.test(simple[1])) stops.push(Number(simple[1]));
          i += simple[0].length;
          continue;
        }
        if (body[i + 1] === '{') {
          const head = /^\$\{(\d+|[A-Za-z_]\w*)/.exec(body.slice(i));
          if (!head) throw new Error(`bad \${ at ${i}: ${body.slice(i, i + 20)}`);
          if (/^\d/.test(head[1])) stops.push(Number(head[1]));
          i += head[0].length;
          if (body[i] === '}') {
            i++;
            continue;
          }
          if (body[i] === '|') {
            const choice = /^\|((?:[^|\\]|\\.)+)\|\}/.exec(body.slice(i));
            if (!choice) throw new Error(`bad choice at ${i}`);
            i += choice[0].length;
            continue;
          }
          if (body[i] !== ':') throw new Error(`expected ':' '|' or '}' at ${i}: ${body.slice(i - 5, i + 15)}`);
          i++;
          parseUntil('}');
          if (body[i] !== '}') throw new Error(`unclosed \${ in ${body.slice(0, 60)}`);
          i++;
          continue;
        }
      }
      i++;
    }
  };
  parseUntil(undefined);
  return stops;
}

const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const byPrefix = (prefix: string): Snippet => {
  const found = Object.values(snippets).filter((s) => prefixes(s).includes(prefix));
  assert.equal(found.length, 1, `exactly one snippet has prefix ${prefix}`);
  return found[0];
};

test('the snippet parser itself rejects unbalanced placeholders', () => {
  assert.deepEqual(parseSnippet('a ${1:x ${2:y}} $3 \\${4 ${5|a,b|}'), [1, 2, 3, 5]);
  assert.throws(() => parseSnippet('${1:open'));
  assert.throws(() => parseSnippet('${1:a ${2:b}'));
});

test('every snippet body is valid snippet syntax with numbered tab stops', () => {
  for (const [name, snippet] of [...Object.entries(snippets), ...Object.entries(markdownSnippets)]) {
    assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, name);
    assert.ok(snippet.description, `${name} has a description`);
    const stops = parseSnippet(snippet.body.join('\n'));
    assert.ok(stops.length > 0, `${name} has tab stops`);
  }
});

test('the expected prefixes exist in the three languages', () => {
  for (const kind of ['frontmatter', 'index', 'kpi-env', 'kpi-social', 'ghg', 'climate', 'explain', 'section']) {
    for (const lang of ['hant', 'hans', 'en']) byPrefix(`esg-${kind}-${lang}`);
  }
});

test('the snippet files are what scripts/gen-snippets.mjs generates from the catalogs', () => {
  assert.doesNotThrow(() =>
    execFileSync(process.execPath, [join(ROOT, 'scripts/gen-snippets.mjs'), '--check'], { stdio: 'pipe' }),
  );
});

/** Rows of the first pipe table in a body: cells without the outer pipes, header and rule skipped. */
function tableRows(body: string[]): string[][] {
  const rows = body
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
  return rows.slice(2);
}

const ID =
  /^(?:關鍵績效指標|关键绩效指标|KPI|一般披露|General disclosure)?\s*(MDR-[a-z]+|[AB]\d(?:\.\d+)?|D\d{2}(?:\([a-c]\))?)$/;

for (const [lang, locale] of [
  ['hant', 'zh-Hant'],
  ['hans', 'zh-Hans'],
  ['en', 'en'],
] as const) {
  test(`esg-index-${lang} lists every current leaf requirement exactly once`, () => {
    const snippet = byPrefix(`esg-index-${lang}`);
    assert.match(snippet.body[0], /^## .*\{#hkex-index \.hkex-index\}$/);
    const partB = new Map(catalog.requirements.filter((r) => r.part === 'B').map((r) => [r.aspectTitle[locale], r.id]));
    const listed: string[] = [];
    const deleted: string[] = [];
    for (const cells of tableRows(snippet.body)) {
      const first = cells[0].replace(/\*\*/g, '');
      if (/^(層面|层面|Aspect) [AB]\d/.test(first)) {
        assert.equal(cells[cells.length - 1], '', `aspect row ${first} points nowhere`);
        continue;
      }
      const id = partB.get(first) ?? ID.exec(first)?.[1];
      assert.ok(id, `row label ${first} names a requirement`);
      if (/刪除|删除|Deleted/.test(cells[1])) deleted.push(id);
      else {
        listed.push(id);
        assert.match(cells[cells.length - 1], /^\$\{\d+\}$/, `row ${id} ends in a tab stop`);
      }
    }
    const leaves = catalog.requirements.filter((r) => !r.children?.length);
    const expected = leaves.filter((r) => r.obligation !== 'deleted').map((r) => r.id);
    assert.deepEqual([...listed].sort(), [...expected].sort());
    assert.equal(new Set(listed).size, listed.length, 'no requirement twice');
    assert.deepEqual(
      deleted.sort(),
      leaves
        .filter((r) => r.obligation === 'deleted')
        .map((r) => r.id)
        .sort(),
    );
    const stops = parseSnippet(snippet.body.join('\n'));
    assert.equal(new Set(stops).size, expected.length, 'one tab stop per row');
  });

  test(`KPI snippets (${lang}) use catalog KPI ids and have a unit and year columns`, () => {
    for (const prefix of [`esg-kpi-env-${lang}`, `esg-ghg-${lang}`]) {
      const body = byPrefix(prefix).body;
      const header = body[0]
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      assert.match(header[1], /^(單位|单位|Unit)$/);
      assert.ok(
        header.slice(2).every((h) => /\$\{\d+:20\d\d\}/.test(h)),
        `${prefix} period columns carry a year`,
      );
      const ids = body.flatMap((l) => [...l.matchAll(/\]\{(?:#|kpi=)([^}\s]+)\}/g)].map((m) => m[1]));
      assert.ok(ids.length >= 8, `${prefix} has KPI rows`);
      for (const id of ids) assert.ok(kpiIds.has(id), `${prefix}: ${id} is a catalog KPI`);
    }
    const env = byPrefix(`esg-kpi-env-${lang}`).body.join('\n');
    for (const id of [
      'ghg.scope1',
      'ghg.scope2',
      'energy.total',
      'energy.electricity',
      'water.total',
      'water.intensity',
      'waste.hazardous',
      'waste.non_hazardous',
    ]) {
      assert.ok(env.includes(`{#${id}}`), `environmental table has ${id}`);
    }
    const ghg = byPrefix(`esg-ghg-${lang}`).body.join('\n');
    for (const id of [
      'ghg.scope1',
      'ghg.scope2.location',
      'ghg.scope2.market',
      'ghg.scope3.cat1',
      'ghg.scope3.cat15',
      'ghg.total',
      'ghg.intensity',
    ]) {
      assert.ok(ghg.includes(`{kpi=${id}}`), `GHG table has ${id}`);
    }
  });

  test(`esg-climate-${lang} tags every Part D paragraph once`, () => {
    const body = byPrefix(`esg-climate-${lang}`).body;
    const tagged = body.flatMap((l) => [...l.matchAll(/^#{2,6} .*hkex="([^"]+)"/g)].map((m) => m[1]));
    const paragraphs = catalog.requirements
      .filter((r) => r.part === 'D' && !(r as { parent?: string }).parent)
      .map((r) => r.id);
    assert.deepEqual(tagged.sort(), paragraphs.sort());
  });
}

interface Unit {
  spellings: string[];
}
const unitSpellings = new Set(
  readJson<{ units: Unit[] }>('server/src/engine/catalogs/data/units.json').units.flatMap((u) => u.spellings),
);
const kpiCatalog = new Map(
  readJson<{ kpis: { id: string; discloses: string[] }[] }>('server/src/engine/catalogs/data/kpis.json').kpis.map(
    (k) => [k.id, k],
  ),
);
const aspectTables = readJson<Record<string, Record<string, string[]>>>('snippets/aspect-kpi-tables.json');

/** KPI ids and unit cells of a generated KPI table. */
function kpiRows(body: string[]): { id: string; unit: string }[] {
  return body.flatMap((line) => {
    const m = /^\| \[[^\]]+\]\{(?:#|kpi=)([^}\s]+)\} \| ([^|]*) \|/.exec(line);
    return m ? [{ id: m[1], unit: m[2].trim() }] : [];
  });
}

/** A unit cell like 'tCO2e/RMB million' or '噸': every part is a spelling the unit catalog knows. */
function unitKnown(unit: string): boolean {
  return unit.split('/').every((part) => unitSpellings.has(part.trim()));
}

for (const [lang, locale] of [
  ['hant', 'zh-Hant'],
  ['hans', 'zh-Hans'],
  ['en', 'en'],
] as const) {
  test(`esg-kpi-social-${lang}: employees by gender, age and region, turnover, training and safety`, () => {
    const body = byPrefix(`esg-kpi-social-${lang}`).body;
    const rows = kpiRows(body);
    const ids = rows.map((r) => r.id);
    for (const prefix of [
      'employees.gender.',
      'employees.age.',
      'employees.region.',
      'turnover.rate',
      'training.trained.',
      'training.hours.',
      'safety.',
    ]) {
      assert.ok(
        ids.some((id) => id.startsWith(prefix)),
        `social table has a ${prefix}* row`,
      );
    }
    for (const { id, unit } of rows) {
      assert.ok(kpiIds.has(id), `${id} is a catalog KPI`);
      assert.ok(unitKnown(unit), `${locale} unit '${unit}' of ${id} is in the unit catalog`);
    }
    assert.equal(new Set(ids).size, ids.length, 'no KPI twice');
    assert.ok(parseSnippet(body.join('\n')).length >= rows.length * 2, 'a tab stop per figure');
    if (locale === 'en')
      assert.ok(!rows.some((r) => /[\u4e00-\u9fff]/.test(r.unit)), 'English units in the English table');
  });
}

test("aspect KPI tables (for 'Insert KPI Table for an Aspect') cover their aspect in the three languages", () => {
  const aspects = Object.keys(aspectTables);
  for (const wanted of ['A1', 'A2', 'B1', 'B2', 'B3', 'D'])
    assert.ok(aspects.includes(wanted), `a table for ${wanted}`);
  for (const [aspect, byLocale] of Object.entries(aspectTables)) {
    assert.deepEqual(Object.keys(byLocale).sort(), ['en', 'zh-Hans', 'zh-Hant']);
    for (const [locale, body] of Object.entries(byLocale)) {
      const rows = kpiRows(body);
      assert.ok(rows.length >= 3, `${aspect} ${locale} has KPI rows`);
      parseSnippet(body.join('\n'));
      for (const { id, unit } of rows) {
        assert.ok(kpiIds.has(id), `${aspect}: ${id} is a catalog KPI`);
        assert.ok(unitKnown(unit), `${aspect} ${locale}: unit '${unit}' is in the unit catalog`);
      }
      // The table discloses something of its own aspect (D: the Part D 28 emissions).
      const discloses = rows.flatMap((r) => kpiCatalog.get(r.id)?.discloses ?? []);
      const own =
        aspect === 'D' ? (d: string) => d.startsWith('D28') : (d: string) => d === aspect || d.startsWith(`${aspect}.`);
      assert.ok(discloses.some(own), `${aspect} table discloses a requirement of ${aspect}: ${discloses.join(' ')}`);
    }
  }
  // The D table is the GHG snippet itself, so the two cannot drift apart.
  assert.deepEqual(aspectTables.D.en, byPrefix('esg-ghg-en').body);
});

test('snippet completions: each entry names its language, the report language first', async () => {
  const { analyze, getCompletions } = await import('../../server/src/engine');
  const labelsFor = (lang: string, typed: string) => {
    const text = `---\ntitle: x\nlang: ${lang}\nesg:\n  issuer: x\n  period: 2025\n---\n\n${typed}`;
    const items = getCompletions(analyze({ uri: 'file:///s.esg.md', text }), { line: 8, character: typed.length });
    return items.filter((i) => i.label.startsWith(typed.trim())).sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
  };
  const hant = labelsFor('zh-Hant', 'esg-index');
  assert.deepEqual(
    hant.map((i) => i.label),
    ['esg-index-hant', 'esg-index-hans', 'esg-index-en'],
  );
  assert.equal(new Set(hant.map((i) => i.detail)).size, 3, 'three different entries');
  assert.match(hant[0].detail!, /繁體中文/);
  assert.match(hant[2].detail!, /English/);
  assert.ok(hant.every((i) => i.kind === 'snippet' && i.snippet && i.insertText!.includes('.hkex-index')));
  assert.deepEqual(hant[0].range, { start: { line: 8, character: 0 }, end: { line: 8, character: 9 } });
  assert.deepEqual(
    labelsFor('en', 'esg-index').map((i) => i.label),
    ['esg-index-en', 'esg-index-hant', 'esg-index-hans'],
  );
  assert.deepEqual(labelsFor('zh-Hans', 'esg-explain').map((i) => i.label)[0], 'esg-explain-hans');
  // Only at the start of a line: in prose 'esg-' is just text.
  const text = '---\ntitle: x\nesg:\n  issuer: x\n---\n\n見 esg-index';
  assert.equal(getCompletions(analyze({ uri: 'file:///s.esg.md', text }), { line: 6, character: 11 }).length, 0);
});
