// The framework packs (server/src/engine/catalogs/data/frameworks): the checks pass on the shipped data
// and fire on planted defects; versions are chosen by the financial year start; ids as reports write
// them resolve; cross-maps read both ways; one KPI serves several frameworks; GRI omission reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { checkCatalogs } from '../../server/src/engine/catalogs/check';
import {
  FRAMEWORK_IDS,
  allCrossMaps,
  allPacks,
  getItem,
  getPack,
  griContentIndexRules,
  itemsAnsweredBy,
  itemsFor,
  mappedIds,
  matchGriClaim,
  matchOmissionReason,
  normalizeItemId,
  versionFor,
  type FrameworkPack,
} from '../../server/src/engine/catalogs/frameworks';
import {
  checkFrameworkPacks,
  frameworkCatalogData,
  type FrameworkCatalogData,
} from '../../server/src/engine/catalogs/frameworksCheck';

const ids = (packId: string, fyStart: string) => itemsFor(packId, fyStart).map((i) => i.id);

/** A deep copy of the shipped data with one pack changed by `edit`. */
function withPack(packId: string, edit: (p: FrameworkPack) => void): FrameworkCatalogData {
  const data = structuredClone(frameworkCatalogData());
  edit(data.packs[packId] as FrameworkPack);
  return data;
}

test('the shipped packs, cross-maps and content-index rules pass every check, also through checkCatalogs', () => {
  assert.deepEqual(checkFrameworkPacks(), []);
  assert.deepEqual(
    checkCatalogs().filter((p) => /^(framework|crossmaps|gri-content-index)/.test(p)),
    [],
  );
});

test('the checks fire: duplicate and malformed ids, unknown KPI, parent, group and version, long titles', () => {
  const dup = checkFrameworkPacks(withPack('gri-2021', (p) => p.items.push({ ...p.items[0] })));
  assert.ok(
    dup.some((m) => m.includes('item 2-1 twice')),
    dup.join('\n'),
  );
  const malformed = checkFrameworkPacks(withPack('sasb-tc-si', (p) => (p.items[0].id = 'TC-SI-130A.1')));
  assert.ok(
    malformed.some((m) => m.includes('TC-SI-130A.1 is not of the form sasb')),
    malformed.join('\n'),
  );
  const griShape = checkFrameworkPacks(withPack('gri-2021', (p) => (p.items[0].id = '2-31')));
  assert.ok(
    griShape.some((m) => m.includes('2-31 is not of the form gri')),
    griShape.join('\n'),
  );
  const kpi = checkFrameworkPacks(
    withPack('gri-2021', (p) => (p.items.find((i) => i.id === '305-1')!.kpis = ['ghg.scope_one'])),
  );
  assert.ok(
    kpi.some((m) => m.includes('305-1: unknown KPI ghg.scope_one')),
    kpi.join('\n'),
  );
  const parent = checkFrameworkPacks(withPack('ifrs-s2', (p) => (p.items.find((i) => i.id === '6(a)')!.parent = '7')));
  assert.ok(parent.some((m) => m.includes('unknown parent 7')));
  const group = checkFrameworkPacks(withPack('ashare-2024', (p) => (p.items[0].group = 'pillar-x')));
  assert.ok(group.some((m) => m.includes('unknown group pillar-x')));
  const version = checkFrameworkPacks(
    withPack('gri-2021', (p) => (p.items.find((i) => i.id === '102-5')!.from = '2030')),
  );
  assert.ok(version.some((m) => m.includes('unknown version 2030')));
  const copied = checkFrameworkPacks(
    withPack(
      'ifrs-s2',
      (p) =>
        (p.items[0].title.en =
          'An entity shall disclose information that enables users of general purpose financial reports to understand'),
    ),
  );
  assert.ok(
    copied.some((m) => m.includes('en title longer than')),
    copied.join('\n'),
  );
  const zh = checkFrameworkPacks(
    withPack(
      'gri-2021',
      (p) => (p.items[0].title['zh-Hant'] = '組織須匯報其法定名稱、所有權性質及法定形式以及總部所在地'),
    ),
  );
  assert.ok(zh.some((m) => m.includes('zh-Hant title longer than')));
});

test('the checks fire: versions out of order, a successor missing, no source link, no retrieval date', () => {
  const order = checkFrameworkPacks(withPack('gri-2021', (p) => p.versions.reverse()));
  assert.ok(
    order.some((m) => m.includes('is not after')),
    order.join('\n'),
  );
  const succ = checkFrameworkPacks(
    withPack('gri-2021', (p) => (p.items.find((i) => i.id === '305-1')!.successors = ['102-55'])),
  );
  assert.ok(succ.some((m) => m.includes('unknown successor 102-55')));
  const noLinks = checkFrameworkPacks(withPack('un-sdg', (p) => (p.links = [])));
  assert.ok(
    noLinks.some((m) => m.startsWith('framework un-sdg: links')),
    noLinks.join('\n'),
  );
  const noDate = checkFrameworkPacks(
    withPack('nasdaq-esg', (p) => delete (p.links[0] as { retrieved?: string }).retrieved),
  );
  assert.ok(
    noDate.some((m) => m.startsWith('framework nasdaq-esg: links.0.retrieved')),
    noDate.join('\n'),
  );
  const badDate = checkFrameworkPacks(withPack('sasb-tc-si', (p) => (p.versions[0].effectiveFrom = '2018-02-30')));
  assert.ok(badDate.some((m) => m.includes('not a calendar date')));
});

test('the checks fire: a cross-map end that does not exist, on either side, and a fifth omission reason', () => {
  const data = structuredClone(frameworkCatalogData());
  const maps = (data.crossMaps as { maps: { pairs: { from: string; to: string[] }[] }[] }).maps;
  maps[0].pairs.push({ from: 'D41', to: ['29(z)'] });
  const problems = checkFrameworkPacks(data);
  assert.ok(
    problems.some((m) => m.includes('hkex-esg-2025 has no D41')),
    problems.join('\n'),
  );
  assert.ok(problems.some((m) => m.includes('ifrs-s2 has no 29(z)')));
  const rules = structuredClone(frameworkCatalogData());
  (rules.griContentIndex as { omissionReasons: unknown[] }).omissionReasons.push({
    id: 'cost',
    title: { en: 'Cost', 'zh-Hant': '成本', 'zh-Hans': '成本' },
    synonyms: ['cost'],
  });
  assert.ok(checkFrameworkPacks(rules).some((m) => m.startsWith('gri-content-index')));
});

test('pack ids, kinds, and a source link with a retrieval date on every pack', () => {
  assert.deepEqual(FRAMEWORK_IDS, [
    'hkex-esg-2025',
    'hkfrs-s2',
    'ifrs-s2',
    'gri-2021',
    'ashare-2024',
    'sasb-tc-si',
    'un-sdg',
    'nasdaq-esg',
  ]);
  for (const p of allPacks()) {
    assert.ok(
      p.links.length > 0 && p.links.every((l) => /^https?:\/\//.test(l.url) && /^\d{4}-\d{2}-\d{2}$/.test(l.retrieved)),
      p.id,
    );
    assert.equal(p.kind, p.id === 'un-sdg' || p.id === 'nasdaq-esg' ? 'reference-tags' : 'standard');
    if (p.kind === 'standard')
      assert.ok(
        p.links.some((l) => l.consulted),
        `${p.id} has a source that was read`,
      );
  }
  const unread = checkFrameworkPacks(withPack('ashare-2024', (p) => p.links.forEach((l) => (l.consulted = false))));
  assert.ok(
    unread.some((m) => m.includes('ashare-2024: no consulted source')),
    unread.join('\n'),
  );
  assert.equal(getPack('gri-2022'), undefined);
});

test('GRI: 2-1..2-30, 3-1..3-3 and the topic disclosures the seeds and HK reports use', () => {
  const all = new Set(getPack('gri-2021')!.items.map((i) => i.id));
  for (let n = 1; n <= 30; n++) assert.ok(all.has(`2-${n}`), `2-${n}`);
  for (const id of [
    '3-1',
    '3-2',
    '3-3',
    '201-1',
    '201-2',
    '205-3',
    '206-1',
    '301-1',
    '302-1',
    '302-5',
    '303-5',
    '305-1',
    '305-7',
    '306-5',
    '308-2',
    '401-3',
    '403-10',
    '404-3',
    '405-2',
    '406-1',
    '408-1',
    '409-1',
    '413-2',
    '414-2',
    '416-2',
    '417-3',
    '418-1',
  ])
    assert.ok(all.has(id), id);
  for (let n = 1; n <= 10; n++) assert.ok(all.has(`102-${n}`), `102-${n}`);
  for (let n = 1; n <= 5; n++) assert.ok(all.has(`103-${n}`), `103-${n}`);
  assert.equal(all.has('2-31'), false);
});

test('itemsFor: GRI 305/302 for a year starting in 2026, GRI 102/103 from 1 January 2027', () => {
  const fy2026 = ids('gri-2021', '2026-01-01');
  const fy2027 = ids('gri-2021', '2027-01-01');
  for (const id of ['305-1', '305-2', '305-3', '305-4', '305-5', '302-1', '302-3', '201-2']) {
    assert.ok(fy2026.includes(id), `${id} in FY2026`);
    assert.ok(!fy2027.includes(id), `${id} not in FY2027`);
  }
  for (const id of ['102-1', '102-5', '102-6', '102-7', '103-2']) {
    assert.ok(!fy2026.includes(id), `${id} not in FY2026`);
    assert.ok(fy2027.includes(id), `${id} in FY2027`);
  }
  // A year starting 1 April 2026 still runs under the 2021 set; the day before the change too.
  assert.ok(ids('gri-2021', '2026-04-01').includes('305-1'));
  assert.ok(ids('gri-2021', '2026-12-31').includes('305-1'));
  assert.ok(fy2027.includes('2-1') && fy2027.includes('305-7') && fy2027.includes('418-1'));
  assert.equal(getItem('gri-2021', '305-1')!.successors![0], '102-5');
  assert.equal(versionFor('gri-2021', '2027-06-30')!.id, '2027');
});

test('itemsFor: IFRS S2 amendments from 2027, HKFRS S2 from 1 August 2025, nothing before the first version', () => {
  assert.ok(!ids('ifrs-s2', '2026-01-01').includes('29A'));
  assert.ok(ids('ifrs-s2', '2027-01-01').includes('29A'));
  assert.ok(ids('ifrs-s2', '2027-01-01').includes('29(a)(i)(1)'));
  assert.deepEqual(ids('ifrs-s2', '2023-01-01'), []);
  assert.deepEqual(ids('hkfrs-s2', '2025-01-01'), []);
  assert.ok(ids('hkfrs-s2', '2025-08-01').includes('29(a)(v)'));
  assert.equal(versionFor('hkfrs-s2', '2025-07-31'), undefined);
  for (const bad of ['2026', '2026-13-01', '2026-02-30', '', 'FY2026']) assert.deepEqual(ids('gri-2021', bad), [], bad);
  assert.deepEqual(ids('no-such-pack', '2026-01-01'), []);
});

test('IFRS S2 metrics: Scope 1/2/3, location-based Scope 2, Scope 3 categories, measurement approach, GWP', () => {
  const s2 = (id: string) => getItem('ifrs-s2', id);
  assert.deepEqual(s2('29(a)(i)(1)')!.kpis, ['ghg.scope1']);
  assert.deepEqual(s2('29(a)(i)(2)')!.kpis, ['ghg.scope2']);
  assert.deepEqual(s2('29(a)(i)(3)')!.kpis, ['ghg.scope3']);
  assert.deepEqual(s2('29(a)(v)')!.kpis, ['ghg.scope2.location']);
  assert.equal(s2('29(a)(vi)(1)')!.kpis!.length, 15);
  assert.ok(s2('29(a)(iii)') && s2('B21') && s2('29(a)(iv)'));
  assert.equal(s2('29(a)(i)(1)')!.parent, '29(a)(i)');
  assert.equal(s2('29(a)(i)')!.parent, '29(a)');
});

test('A-share 2024: 21 topics in three parts (8 / 9 / 4), the four elements and double materiality', () => {
  const pack = getPack('ashare-2024')!;
  const topics = pack.items.filter((i) => i.kind === 'topic');
  assert.equal(topics.length, 21);
  const count = (g: string) => topics.filter((t) => t.group === g).length;
  assert.deepEqual([count('environment'), count('social'), count('sustainability-governance')], [8, 9, 4]);
  for (const id of ['governance', 'strategy', 'iro-management', 'metrics-targets', 'double-materiality'])
    assert.equal(getItem('ashare-2024', id)!.kind, 'disclosure');
  assert.equal(getItem('ashare-2024', 'climate')!.title['zh-Hans'], '应对气候变化');
  assert.equal(getItem('ashare-2024', 'climate')!.title['zh-Hant'], '應對氣候變化');
});

test('SASB TC-SI codes, 17 SDGs, 30 Nasdaq metrics', () => {
  const sasb = getPack('sasb-tc-si')!.items.map((i) => i.id);
  for (const id of [
    'TC-SI-130a.1',
    'TC-SI-130a.3',
    'TC-SI-220a.5',
    'TC-SI-230a.1',
    'TC-SI-230a.2',
    'TC-SI-330a.3',
    'TC-SI-520a.1',
    'TC-SI-550a.2',
    'TC-SI-000.A',
    'TC-SI-000.B',
    'TC-SI-000.C',
  ])
    assert.ok(sasb.includes(id), id);
  assert.deepEqual(
    getPack('un-sdg')!.items.map((i) => i.id),
    Array.from({ length: 17 }, (_, i) => String(i + 1)),
  );
  assert.equal(getPack('nasdaq-esg')!.items.length, 30);
});

test('normalizeItemId: ids as reports write them', () => {
  const cases: [string, string, string | undefined][] = [
    ['gri-2021', 'GRI 305-1', '305-1'],
    ['gri-2021', 'GRI305-1', '305-1'],
    ['gri-2021', '３０５－１', '305-1'],
    ['gri-2021', 'Disclosure 2-27', '2-27'],
    ['gri-2021', 'GRI 2-31', undefined],
    ['gri-2021', 'G4-LA6', undefined],
    ['ifrs-s2', 'S2.29(a)', '29(a)'],
    ['ifrs-s2', 'IFRS S2 29(a)(i)', '29(a)(i)'],
    ['ifrs-s2', 'S2 29 (a) (v)', '29(a)(v)'],
    ['ifrs-s2', '29a', '29(a)'],
    ['ifrs-s2', '29A', '29A'],
    ['ifrs-s2', '第 22 段', '22'],
    ['hkfrs-s2', 'HKFRS S2 6(a)', '6(a)'],
    ['hkfrs-s2', '29A', undefined],
    ['sasb-tc-si', 'tc-si-130A.1', 'TC-SI-130a.1'],
    ['sasb-tc-si', 'SASB TC-SI-000.a', 'TC-SI-000.A'],
    ['sasb-tc-si', 'TC-SI-999a.1', undefined],
    ['un-sdg', 'SDG 6', '6'],
    ['un-sdg', 'SDG13', '13'],
    ['un-sdg', '目標 7', '7'],
    ['un-sdg', 'SDG 18', undefined],
    ['nasdaq-esg', 'e1', 'E1'],
    ['ashare-2024', '应对气候变化', 'climate'],
    ['ashare-2024', '應對氣候變化', 'climate'],
    ['ashare-2024', 'Climate', 'climate'],
    ['no-such-pack', '305-1', undefined],
  ];
  for (const [pack, raw, want] of cases) assert.equal(normalizeItemId(pack, raw), want, `${pack} ${raw}`);
  for (const hostile of ['', ' '.repeat(5000), '('.repeat(3000), '\u0000', 'x'.repeat(100000)])
    assert.equal(normalizeItemId('ifrs-s2', hostile), undefined);
  assert.equal(normalizeItemId('gri-2021', null as unknown as string), undefined);
});

test('cross-maps read both ways, each carrying its basis and source', () => {
  const d28a = mappedIds('hkex-esg-2025', 'D28(a)', 'ifrs-s2');
  assert.deepEqual(
    d28a.map((m) => m.id),
    ['29(a)(i)(1)'],
  );
  assert.equal(d28a[0].map.basis, 'derived');
  assert.ok(d28a[0].map.source.url.startsWith('https://'));
  assert.deepEqual(
    mappedIds('ifrs-s2', '29(a)(i)(1)', 'hkex-esg-2025').map((m) => m.id),
    ['D28(a)'],
  );
  assert.deepEqual(
    mappedIds('ifrs-s2', '29(a)(v)', 'hkex-esg-2025').map((m) => m.id),
    ['D29'],
  );
  assert.deepEqual(
    mappedIds('hkex-esg-2025', 'A1.1', 'gri-2021').map((m) => m.id),
    ['305-6', '305-7'],
  );
  assert.deepEqual(
    mappedIds('gri-2021', '102-5', 'hkex-esg-2025').map((m) => m.id),
    ['D28(a)'],
  );
  assert.deepEqual(
    mappedIds('hkex-esg-2025', 'D19', 'hkfrs-s2').map((m) => m.id),
    ['6', '6(a)', '6(b)'],
  );
  assert.deepEqual(mappedIds('hkex-esg-2025', 'Z9', 'ifrs-s2'), []);
  for (const m of allCrossMaps()) assert.ok(m.note.length > 20 && ['published', 'derived'].includes(m.basis), m.id);
});

test('one KPI serves several frameworks: Scope 1 answers GRI 305-1 and 102-5, IFRS/HKFRS S2 29(a)(i)(1), A-share climate, Nasdaq E1', () => {
  const answered = itemsAnsweredBy('ghg.scope1').map((a) => `${a.packId}:${a.itemId}`);
  for (const want of [
    'gri-2021:305-1',
    'gri-2021:102-5',
    'ifrs-s2:29(a)(i)(1)',
    'hkfrs-s2:29(a)(i)(1)',
    'ashare-2024:climate',
    'nasdaq-esg:E1',
  ])
    assert.ok(answered.includes(want), want);
  assert.deepEqual(itemsAnsweredBy('no.such.kpi'), []);
});

test('GRI content index: the four reasons for omission as indexes print them, the two claims', () => {
  const cases: [string, string | undefined][] = [
    ['Not applicable', 'not-applicable'],
    ['N/A', 'not-applicable'],
    ['不適用', 'not-applicable'],
    ['不适用：本集团不涉及', 'not-applicable'],
    ['不適用於本集團', undefined],
    ['Confidentiality constraints. Commercially sensitive.', 'confidentiality-constraints'],
    ['保密限制', 'confidentiality-constraints'],
    ['Legal prohibitions', 'legal-prohibitions'],
    ['Information unavailable/incomplete', 'information-unavailable'],
    ['資料不可得', 'information-unavailable'],
    ['Too costly', undefined],
    ['Nature reserves', undefined],
    ['', undefined],
  ];
  for (const [cell, want] of cases) assert.equal(matchOmissionReason(cell), want, cell);
  assert.equal(matchOmissionReason(undefined as unknown as string), undefined);
  assert.equal(
    matchGriClaim(
      'Kingsoft Cloud has reported in accordance with the GRI Standards for the period 1 January 2025 to 31 December 2025.',
    ),
    'in-accordance',
  );
  assert.equal(matchGriClaim('本報告參考《GRI可持續發展報告標準》編制'), 'with-reference');
  assert.equal(matchGriClaim('This report follows the HKEX ESG Reporting Code.'), undefined);
  // The claim is found after a long preamble, and a statement naming both claims names neither.
  assert.equal(matchGriClaim(`${'本報告涵蓋本集團的主要業務。'.repeat(40)}本報告參照GRI準則編制。`), 'with-reference');
  assert.equal(
    matchGriClaim('Reported in accordance with the GRI Standards; some sections with reference to the GRI Standards.'),
    undefined,
  );
  const rules = griContentIndexRules();
  assert.deepEqual(rules.omissionNotAllowed, ['2-1', '2-2', '2-3', '2-4', '2-5', '3-1', '3-2']);
  assert.equal(rules.claims.find((c) => c.id === 'with-reference')!.requires.length, 3);
});

/** GRI and SASB ids printed in a text: 'GRI 305-1', '305-1' after 'GRI', 'TC-SI-130a.1'. */
function printedIds(text: string): { gri: string[]; sasb: string[] } {
  const gri = [...text.matchAll(/GRI\s*(\d{1,3}-\d{1,2})\b/g)].map((m) => m[1]);
  const sasb = [...text.matchAll(/TC-SI-[0-9]{3}[aA]\.[0-9]|TC-SI-000\.[A-Z]/g)].map((m) => m[0]);
  return { gri, sasb };
}

test('every GRI and SASB id the seed reports and the corpus print exists in the packs', () => {
  const dirs = [path.join(REPO_ROOT, 'test', 'fixtures', 'seed-reports'), path.join(REPO_ROOT, 'test', 'corpus')];
  const files: string[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.txt')) files.push(path.join(dir, e.name));
      if (e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'report.esg.md')))
        files.push(path.join(dir, e.name, 'report.esg.md'));
    }
  }
  assert.ok(files.length >= 3, 'the seeds are found');
  const unknown: string[] = [];
  for (const f of files) {
    const { gri, sasb } = printedIds(fs.readFileSync(f, 'utf8'));
    for (const id of gri)
      if (normalizeItemId('gri-2021', id) === undefined)
        unknown.push(`${path.basename(path.dirname(f))}/${path.basename(f)}: GRI ${id}`);
    for (const id of sasb)
      if (normalizeItemId('sasb-tc-si', id) === undefined) unknown.push(`${path.basename(f)}: ${id}`);
  }
  assert.deepEqual(unknown, []);
  // The scanner itself finds ids (so an empty result above means something).
  assert.deepEqual(printedIds('見 GRI 305-1 及 TC-SI-130a.1'), { gri: ['305-1'], sasb: ['TC-SI-130a.1'] });
});
