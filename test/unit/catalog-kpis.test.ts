import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import kpiData from '../../server/src/engine/catalogs/data/kpis.json';
import { kpiCatalogSchema, type KpiCatalog } from '../../server/src/engine/catalogs/schema';
import { checkCatalogs } from '../../server/src/engine/catalogs/check';
import { allKpis, getKpi, kpisWithPrefix, matchKpi } from '../../server/src/engine/catalogs/kpis';
import { parseUnit, unitFitsKpi } from '../../server/src/engine/catalogs/units';
import { normalizeLabel } from '../../server/src/engine/text/normalize';

const catalog = kpiData as KpiCatalog;

/** Requirement ids a KPI may disclose (HKEX Appendix C2 as in the requirement catalog). */
const REQUIREMENT_IDS = new Set([
  'MDR-governance',
  'MDR-principles',
  'MDR-boundary',
  'A1',
  'A1.1',
  'A1.2',
  'A1.3',
  'A1.4',
  'A1.5',
  'A1.6',
  'A2',
  'A2.1',
  'A2.2',
  'A2.3',
  'A2.4',
  'A2.5',
  'A3',
  'A3.1',
  'A4',
  'A4.1',
  'B1',
  'B1.1',
  'B1.2',
  'B2',
  'B2.1',
  'B2.2',
  'B2.3',
  'B3',
  'B3.1',
  'B3.2',
  'B4',
  'B4.1',
  'B4.2',
  'B5',
  'B5.1',
  'B5.2',
  'B5.3',
  'B5.4',
  'B6',
  'B6.1',
  'B6.2',
  'B6.3',
  'B6.4',
  'B6.5',
  'B7',
  'B7.1',
  'B7.2',
  'B7.3',
  'B8',
  'B8.1',
  'B8.2',
  ...Array.from({ length: 22 }, (_, i) => `D${19 + i}`),
  'D28(a)',
  'D28(b)',
  'D28(c)',
]);

/** Seed 000 (Zhipu 2025) appendix, lines 966-1091: [group, label, expected KPI id or null]. */
const SEED_000: [string, string, string | null][] = [
  ['', '環境績效', null],
  ['', '直接溫室氣體排放量（範圍一）', 'ghg.scope1'],
  ['', '間接溫室氣體排放量（範圍二）', 'ghg.scope2'],
  ['', '總耗水量', 'water.total'],
  ['', '總耗水密度 <sup>11</sup>', 'water.intensity'],
  ['', '直接能源消耗量', 'energy.direct'],
  ['', '間接能源消耗量 - 總耗電量 <sup>12</sup>', 'energy.electricity'],
  ['', '總耗電密度 <sup>13</sup>', 'energy.electricity.intensity'],
  ['', '社會績效', null],
  ['', '員工總數 <sup>14</sup>', 'employees.total'],
  ['按性別劃分的員工人數', '男性員工', 'employees.gender.male'],
  ['按性別劃分的員工人數', '女性員工', 'employees.gender.female'],
  ['按年齡組別劃分的員工人數', '29 周歲及以下', 'employees.age.under30'],
  ['按年齡組別劃分的員工人數', '30-39 周歲', 'employees.age.30_39'],
  ['按年齡組別劃分的員工人數', '40-49 周歲', 'employees.age.40_49'],
  ['按年齡組別劃分的員工人數', '50 周歲及以上', 'employees.age.50_and_over'],
  ['按職級劃分的員工人數', '高層管理人員', 'employees.rank.senior'],
  ['按職級劃分的員工人數', '中層管理人員', 'employees.rank.middle'],
  ['按職級劃分的員工人數', '基層人員', 'employees.rank.junior'],
  ['按學歷劃分的員工人數', '專科及以下', 'employees.education.below_bachelor'],
  ['按學歷劃分的員工人數', '本科', 'employees.education.bachelor'],
  ['按學歷劃分的員工人數', '碩士及以上', 'employees.education.master_and_above'],
  ['按地區劃分的員工人數', '華北地區', 'employees.region.north'],
  ['按地區劃分的員工人數', '東北地區', 'employees.region.northeast'],
  ['按地區劃分的員工人數', '華東地區', 'employees.region.east'],
  ['按地區劃分的員工人數', '華中地區', 'employees.region.central'],
  ['按地區劃分的員工人數', '華南地區', 'employees.region.south'],
  ['按地區劃分的員工人數', '西南地區', 'employees.region.southwest'],
  ['按地區劃分的員工人數', '西北地區', 'employees.region.northwest'],
  ['按地區劃分的員工人數', '境外（含港澳台地區）', 'employees.region.overseas'],
  ['', '員工總體流失人數', 'turnover.count'],
  ['', '員工總體流失比率 <sup>15</sup>', 'turnover.rate'],
  ['按性別劃分的員工流失比率', '男性員工流失比率', 'turnover.rate.gender.male'],
  ['按性別劃分的員工流失比率', '女性員工流失比率', 'turnover.rate.gender.female'],
  ['按年齡組別劃分的員工流失比率', '29 周歲及以下員工流失比率', 'turnover.rate.age.under30'],
  ['按年齡組別劃分的員工流失比率', '30-39 周歲員工流失比率', 'turnover.rate.age.30_39'],
  ['按年齡組別劃分的員工流失比率', '40-49 周歲員工流失比率', 'turnover.rate.age.40_49'],
  ['按年齡組別劃分的員工流失比率', '50 周歲及以上員工流失比率', 'turnover.rate.age.50_and_over'],
  ['按學歷劃分的員工流失比率', '專科及以下流失比率', 'turnover.rate.education.below_bachelor'],
  ['按學歷劃分的員工流失比率', '本科流失比率', 'turnover.rate.education.bachelor'],
  ['按學歷劃分的員工流失比率', '碩士及以上流失比率', 'turnover.rate.education.master_and_above'],
  ['按地區劃分的員工流失比率', '華北地區流失比率', 'turnover.rate.region.north'],
  ['按地區劃分的員工流失比率', '東北地區流失比率', 'turnover.rate.region.northeast'],
  ['按地區劃分的員工流失比率', '華東地區流失比率', 'turnover.rate.region.east'],
  ['按地區劃分的員工流失比率', '華中地區流失比率', 'turnover.rate.region.central'],
  ['按地區劃分的員工流失比率', '華南地區流失比率', 'turnover.rate.region.south'],
  ['按地區劃分的員工流失比率', '西南地區流失比率', 'turnover.rate.region.southwest'],
  ['按地區劃分的員工流失比率', '西北地區流失比率', 'turnover.rate.region.northwest'],
  ['按地區劃分的員工流失比率', '境外（含港澳台地區）流失比率', 'turnover.rate.region.overseas'],
  ['', '人均帶薪年假', null],
  ['', '培訓總次數', 'training.sessions'],
  ['', '培訓總時長', 'training.hours.total'],
  ['', '培訓參與總人次', 'training.participants'],
  ['', '受訓百分比 <sup>16</sup>', 'training.trained.share'],
  ['', '員工受訓百分比', 'training.trained.share'],
  ['按性別劃分', '男性員工受訓百分比', 'training.trained.gender.male'],
  ['按性別劃分', '女性員工受訓百分比', 'training.trained.gender.female'],
  ['按職級劃分', '高級管理層受訓百分比', 'training.trained.rank.senior'],
  ['按職級劃分', '中級管理層受訓百分比', 'training.trained.rank.middle'],
  ['按職級劃分', '基層員工受訓百分比', 'training.trained.rank.junior'],
  ['', '人均受訓時數 <sup>17</sup>', 'training.hours.avg'],
  ['', '員工人均受訓時數', 'training.hours.avg'],
  ['按性別劃分', '男性員工人均受訓時數', 'training.hours.gender.male'],
  ['按性別劃分', '女性員工人均受訓時數', 'training.hours.gender.female'],
  ['按職級劃分', '高級管理層人均受訓時數', 'training.hours.rank.senior'],
  ['按職級劃分', '中級管理層人均受訓時數', 'training.hours.rank.middle'],
  ['按職級劃分', '基層員工人均受訓時數', 'training.hours.rank.junior'],
  ['', '員工關愛與幫扶總投入', null],
  ['', '員工關心關愛活動次數', null],
  ['', '工單解決率', null],
  ['', '因工作關係而死亡的員工人數', 'safety.fatalities'],
  ['', '因工作關係而死亡的員工比率', 'safety.fatality_rate'],
  ['', '因工傷損失工作日數 <sup>18</sup>', 'safety.lost_days'],
  ['', '職業健康體檢覆蓋率', 'safety.health_check_coverage'],
  ['', '國傢標準制定', null],
  ['', '行業標準制定', null],
  ['', '團體標準制定', null],
  ['', '研發投入', null],
  ['', '應用於主營業務的發明專利數量', null],
  ['', '截至年末累計授權專利數量', 'ip.patents.granted_cumulative'],
  ['', '年度內申請專利數量', 'ip.patents.applied'],
  ['', '年度內授權專利數量', 'ip.patents.granted'],
  ['', '截至年末累計軟件著權登記數量', 'ip.software_copyrights.cumulative'],
  ['', '年度內軟件著權登記數量', 'ip.software_copyrights.registered'],
  ['', '數據安全 / 客戶隱私保護培訓次數', 'privacy.training.sessions'],
  ['', '數據安全 / 客戶隱私保護培訓時長', 'privacy.training.hours'],
  ['', '數據安全 / 客戶隱私保護培訓人次', 'privacy.training.participants'],
  ['', '供應商總數', 'suppliers.total'],
  ['按地區劃分', '國內供應商總數 (含港、澳、台)', 'suppliers.region.domestic'],
  ['按地區劃分', '國內供應商比例 (含港、澳、台)', 'suppliers.domestic_share'],
  ['按地區劃分', '海外供應商總數', 'suppliers.region.overseas'],
  ['按地區劃分', '海外供應商比例', 'suppliers.overseas_share'],
  ['', '供應商廉潔協定簽署率', 'suppliers.integrity_agreement_share'],
  ['', '擁有品質管制體系認證的供應商比例', 'suppliers.certified_share.quality'],
  ['', '擁有環境管理體系認證的供應商比例', 'suppliers.certified_share.environmental'],
  ['', '擁有職業健康安全體系認證的供應商比例', 'suppliers.certified_share.ohs'],
  ['', '公益志願活動投入資金金額', 'community.investment'],
  ['', '治理績效', null],
  ['', '董事會總人數', 'board.directors'],
  ['', '女性董事人數', 'board.directors.gender.female'],
  ['', '女性董事占比', 'board.female_share'],
  ['', '獨立董事人數', 'board.independent'],
  ['', '獨立董事占比', 'board.independent_share'],
  ['', '董事會召開次數', null],
  ['', '董事會審議議案數目', null],
  ['', '風控合規培訓次數', null],
  ['', '風控合規培訓時長', null],
  ['', '風控合規培訓參與人次', null],
  ['', '因貪污賄賂或不正当競爭行為產生的訴訟案件', 'corruption.cases'],
  ['', '因貪污賄賂或不正当競爭行為導致重大行政處罰的涉案金額', null],
];
/** Seed 002 (Kingsoft Cloud 2025), lines 892-940 and 1656-1703: [group, label, expected KPI id or null]. */
const SEED_002: [string, string, string | null][] = [
  ['按僱傭類型劃分僱員人數', '全職僱員', 'employees.employment-type.full_time'],
  ['按僱傭類型劃分僱員人數', '其他類別僱員 ⁽¹⁾', 'employees.employment-type.other'],
  ['按性別劃分僱員人數', '男性', 'employees.gender.male'],
  ['按性別劃分僱員人數', '女性', 'employees.gender.female'],
  ['按年齡組別劃分僱員人數', '30 歲以下', 'employees.age.under30'],
  ['按年齡組別劃分僱員人數', '30-50 歲', 'employees.age.30_50'],
  ['按年齡組別劃分僱員人數', '50 歲以上', 'employees.age.over50'],
  ['按地區劃分僱員人數', '中國大陸地區', 'employees.region.mainland'],
  ['按地區劃分僱員人數', '港澳台地區', 'employees.region.hk_macao_taiwan'],
  ['按地區劃分僱員人數', '國外地區', 'employees.region.overseas'],
  ['', '僱員總體流失率 ⁽²⁾', 'turnover.rate'],
  ['按性別劃分僱員流失率', '男性', 'turnover.rate.gender.male'],
  ['按性別劃分僱員流失率', '女性', 'turnover.rate.gender.female'],
  ['按年齡組別劃分僱員流失率', '30 歲以下', 'turnover.rate.age.under30'],
  ['按年齡組別劃分僱員流失率', '30-50 歲', 'turnover.rate.age.30_50'],
  ['按年齡組別劃分僱員流失率', '50 歲以上', 'turnover.rate.age.over50'],
  ['按地區劃分僱員流失率', '中國大陸地區', 'turnover.rate.region.mainland'],
  ['按地區劃分僱員流失率', '港澳台地區', 'turnover.rate.region.hk_macao_taiwan'],
  ['按地區劃分僱員流失率', '境外地區', 'turnover.rate.region.overseas'],
  ['按性別劃分受訓僱員百分比', '男性', 'training.trained.gender.male'],
  ['按性別劃分受訓僱員百分比', '女性', 'training.trained.gender.female'],
  ['按管理層級劃分受訓僱員百分比', '管理層', 'training.trained.rank.management'],
  ['按管理層級劃分受訓僱員百分比', '非管理層', 'training.trained.rank.non_management'],
  ['', '僱員平均受訓小時數', 'training.hours.avg'],
  ['按性別劃分僱員平均受訓小時數', '男性', 'training.hours.gender.male'],
  ['按性別劃分僱員平均受訓小時數', '女性', 'training.hours.gender.female'],
  ['按管理層級劃分僱員平均受訓小時數', '管理層', 'training.hours.rank.management'],
  ['按管理層級劃分僱員平均受訓小時數', '非管理層', 'training.hours.rank.non_management'],
  ['', '2023 年因工亡故總人數', 'safety.fatalities'],
  ['', '2024 年因工亡故總人數', 'safety.fatalities'],
  ['', '2025 年因工亡故總人數', 'safety.fatalities'],
  ['', '2025 年因工傷損失工作日數 ⁽²⁾', 'safety.lost_days'],
  ['', '溫室氣體排放總量 ⁽¹⁾ （範圍 1、2） ⁽²⁾', 'ghg.scope12'],
  ['', '範圍 1 溫室氣體排放量', 'ghg.scope1'],
  ['', '範圍 2 溫室氣體排放量', 'ghg.scope2'],
  ['', '範圍 3 溫室氣體排放量', 'ghg.scope3'],
  ['', '其中：外購商品及服務', 'ghg.scope3.cat1'],
  ['', '資本商品', 'ghg.scope3.cat2'],
  ['', '員工通勤', 'ghg.scope3.cat7'],
  ['', '員工差旅', 'ghg.scope3.cat6'],
  ['', '燃料和能源相關活動', 'ghg.scope3.cat3'],
  ['', '上遊資產租賃', 'ghg.scope3.cat8'],
  ['', '單位營收溫室氣排放量（範圍 1、2）', 'ghg.scope12.intensity'],
  ['', '能源消耗總量 ⁽¹⁾', 'energy.total'],
  ['', '直接能源消耗總量', 'energy.direct'],
  ['', '間接能源消耗總量', 'energy.indirect'],
  ['', '單位營收能源消耗', 'energy.intensity'],
  ['', '耗水總量 ⁽²⁾', 'water.total'],
  ['', '單位營收耗水量', 'water.intensity'],
  ['', '無害廢棄物排放總量 ⁽³⁾', 'waste.non_hazardous'],
  ['', '單位營收無害廢棄物排放量', 'waste.non_hazardous.intensity'],
  ['', '有害廢棄物排放總量 ⁽⁴⁾', 'waste.hazardous'],
  ['', '單位營收有害廢棄物排放量', 'waste.hazardous.intensity'],
  ['', '有害廢棄物無害化處置率', 'waste.hazardous.safe_disposal_rate'],
];

function expectMatches(rows: [string, string, string | null][]): void {
  for (const [group, label, expected] of rows) {
    const m = matchKpi(label, group || undefined);
    assert.equal(m?.kpi.id ?? null, expected, `'${label}' under '${group}'`);
  }
}

test('kpis.json matches the schema and its cross-references resolve', () => {
  const result = kpiCatalogSchema.safeParse(kpiData);
  assert.equal(result.success, true, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 5)));
  const mine = checkCatalogs().filter((p) => p.startsWith('kpis') || p.startsWith('units'));
  assert.deepEqual(mine, []);
  for (const k of catalog.kpis)
    for (const d of k.discloses) assert.ok(REQUIREMENT_IDS.has(d), `${k.id} discloses ${d}`);
  // A1.2 is deleted from 2025: GHG figures disclose Part D paragraph 28.
  assert.ok(!catalog.kpis.some((k) => k.discloses.includes('A1.2')));
});

test('GHG KPIs disclose the D28 sub-paragraph of their scope', () => {
  assert.deepEqual(getKpi('ghg.scope1')?.discloses, ['D28(a)']);
  assert.deepEqual(getKpi('ghg.scope2')?.discloses, ['D28(b)']);
  assert.deepEqual(getKpi('ghg.scope2.market')?.discloses, ['D28(b)']);
  assert.deepEqual(getKpi('ghg.scope3')?.discloses, ['D28(c)']);
  assert.deepEqual(getKpi('ghg.scope12')?.discloses, ['D28(a)', 'D28(b)']);
  assert.deepEqual(getKpi('ghg.scope12.intensity')?.discloses, ['D28(a)', 'D28(b)']);
  assert.deepEqual(getKpi('ghg.intensity')?.discloses, []);
  const cats = kpisWithPrefix('ghg.scope3.cat');
  assert.equal(cats.length, 15);
  for (const c of cats) {
    assert.deepEqual(c.discloses, ['D28(c)']);
    assert.equal(c.parent, 'ghg.scope3');
    assert.equal(c.breakdown, 'scope3-category');
  }
  assert.match(getKpi('ghg.scope3.cat6')!.names.en, /Business travel/);
  assert.match(getKpi('ghg.scope3.cat7')!.names.en, /Employee commuting/);
});

test('every KPI has a typical unit that parses and fits it', () => {
  for (const k of allKpis()) {
    assert.ok(k.unit, `${k.id} has no unit`);
    const parsed = parseUnit(k.unit!);
    assert.ok(parsed.ok, `${k.id}: unit '${k.unit}' does not parse`);
    if (parsed.ok) assert.ok(unitFitsKpi(parsed.unit, k), `${k.id}: unit '${k.unit}' does not fit`);
  }
});

test('intensities and rates name what they are divided by', () => {
  for (const k of allKpis()) {
    if (/intensity/.test(k.id)) assert.ok(k.per, `${k.id} has no per`);
  }
  assert.equal(getKpi('ghg.intensity')?.per, 'revenue');
  assert.equal(getKpi('turnover.rate')?.per, 'employees');
});

test('members of one breakdown never share a normalised name, and every group reaches members', () => {
  const slots = new Map<string, Map<string, string>>();
  for (const k of allKpis()) {
    if (!k.parent) continue;
    assert.ok(k.breakdown, `${k.id} has a parent but no breakdown`);
    const slot = `${k.parent}|${k.breakdown}`;
    if (!slots.has(slot)) slots.set(slot, new Map());
    const owners = slots.get(slot)!;
    for (const s of [k.names.en, k.names['zh-Hant'], k.names['zh-Hans'], ...k.synonyms]) {
      const key = normalizeLabel(s);
      const prev = owners.get(key);
      assert.ok(prev === undefined || prev === k.id, `'${s}' names both ${prev} and ${k.id}`);
      owners.set(key, k.id);
    }
  }
  for (const g of catalog.groups)
    assert.ok(slots.has(`${g.parent}|${g.breakdown}`), `group ${g.synonyms[0]} has no members`);
});

test('zh-Hans forms of the catalog normalise like their zh-Hant originals', () => {
  const toHans = OpenCC.Converter({ from: 'hk', to: 'cn' });
  for (const k of allKpis()) {
    assert.equal(normalizeLabel(k.names['zh-Hans']), normalizeLabel(k.names['zh-Hant']), k.id);
    for (const s of k.synonyms) assert.equal(normalizeLabel(toHans(s)), normalizeLabel(s), `${k.id}: ${s}`);
  }
});

test('seed 000 appendix labels match their KPI, and the rest match nothing', () => {
  expectMatches(SEED_000);
  assert.ok(SEED_000.filter((r) => r[2]).length >= 70);
});

test('seed 002 workforce, safety, GHG and environment tables match', () => {
  expectMatches(SEED_002);
});

test('labels outside the standard KPIs do not match', () => {
  for (const label of [
    '研發投入',
    '國傢標準制定',
    '人均帶薪年假',
    '工單解決率',
    '董事會召開次數',
    '風控合規培訓次數',
    '環境績效',
    '績效指標',
    '單位',
    '2025 年數值',
    '',
    '   ',
    '（含港、澳、台）',
    '男性',
    '華北',
  ]) {
    assert.equal(matchKpi(label), undefined, label);
  }
  // A group does not turn an unrelated label into a member.
  assert.equal(matchKpi('研發投入', '按性別劃分的員工人數'), undefined);
  assert.equal(matchKpi('董事會召開次數', '按地區劃分'), undefined);
});

test('generic member labels resolve through their group', () => {
  const rows: [string, string, string][] = [
    ['按性別劃分的員工人數', '男性員工', 'employees.gender.male'],
    ['按性別劃分的員工流失比率', '男性員工', 'turnover.rate.gender.male'],
    ['按性別劃分的新進員工人數', '女性', 'new_hires.gender.female'],
    ['按性別劃分的董事人數', '女性', 'board.directors.gender.female'],
    ['按地區劃分的員工人數', '香港', 'employees.region.hong_kong'],
    ['按地區劃分的供應商數目', '香港', 'suppliers.region.hong_kong'],
    ['按地區劃分的供應商數目', '海外', 'suppliers.region.overseas'],
    ['範圍三溫室氣體排放量', '商務差旅', 'ghg.scope3.cat6'],
    ['範圍三溫室氣體排放量', 'Category 6', 'ghg.scope3.cat6'],
    ['按年齡組別劃分的員工流失比率', '≥50', 'turnover.rate.age.50_and_over'],
    // the group pattern '按X劃分Y' without a listed group
    ['按學歷劃分的僱員人數', '本科', 'employees.education.bachelor'],
  ];
  for (const [group, label, expected] of rows) {
    const m = matchKpi(label, group);
    assert.equal(m?.kpi.id, expected, `'${label}' under '${group}'`);
    // Labels that are not a KPI on their own ('女性', '香港') can only have matched through the group.
    if (matchKpi(label)?.kpi.id !== expected) assert.equal(m?.via, 'group', `'${label}' under '${group}'`);
  }
  // A label that is itself a KPI name matches by name, as the brief orders it.
  assert.deepEqual(matchKpi('男性員工流失比率', '按性別劃分的員工流失比率'), {
    kpi: getKpi('turnover.rate.gender.male'),
    via: 'name',
  });
  // turnover counts have no regional members: a generic region word under that group is not a match
  assert.equal(matchKpi('華北', '按地區劃分的員工流失人數'), undefined);
});

test('zh-Hans and English labels match', () => {
  const rows: [string, string, string][] = [
    ['', '范围一温室气体排放量', 'ghg.scope1'],
    ['', '温室气体排放总量（范围1、2）', 'ghg.scope12'],
    ['', '单位营收温室气体排放量（范围1、2）', 'ghg.scope12.intensity'],
    ['', '员工总数', 'employees.total'],
    ['按性别划分的员工人数', '女性员工', 'employees.gender.female'],
    ['按年龄组别划分的员工流失比率', '30-39 周岁员工流失比率', 'turnover.rate.age.30_39'],
    ['按地区划分的员工流失率', '华南', 'turnover.rate.region.south'],
    ['', '综合能耗', 'energy.total'],
    ['', '用水总量', 'water.total'],
    ['', '危险废物产生量', 'waste.hazardous'],
    ['', '因工伤损失工作日数', 'safety.lost_days'],
    ['', '供应商数量', 'suppliers.total'],
    ['', '其中：外购商品及服务', 'ghg.scope3.cat1'],
    ['', 'Scope 1 GHG emissions', 'ghg.scope1'],
    ['', 'Scope 2 emissions (market-based)', 'ghg.scope2.market'],
    ['', 'Total energy consumption (MWh)', 'energy.total'],
    ['', 'Total water consumption (m³)', 'water.total'],
    ['', 'Hazardous waste', 'waste.hazardous'],
    ['', 'Employee turnover rate', 'turnover.rate'],
    ['Employees by gender', 'Male', 'employees.gender.male'],
    ['Employee turnover rate by gender', 'Female', 'turnover.rate.gender.female'],
    ['Employees by age group', 'Under 30', 'employees.age.under30'],
    ['Number of employees by region', 'Hong Kong', 'employees.region.hong_kong'],
    ['', 'Lost days due to work injury', 'safety.lost_days'],
    ['', 'Category 7: Employee commuting', 'ghg.scope3.cat7'],
    ['', '**員工總數**', 'employees.total'],
    ['', '[員工總數]{kpi=employees.total}', 'employees.total'],
    ['', '２０２５年因工傷損失工作日數', 'safety.lost_days'],
  ];
  for (const [group, label, expected] of rows) {
    assert.equal(matchKpi(label, group || undefined)?.kpi.id, expected, `'${label}' under '${group}'`);
  }
});

test('matchKpi, getKpi and kpisWithPrefix never throw', () => {
  const odd: unknown[] = [
    undefined,
    null,
    42,
    {},
    '\u0000',
    '按'.repeat(100_000),
    '男性'.repeat(50_000),
    'by'.repeat(50_000),
  ];
  for (const a of odd) {
    for (const b of odd) {
      const m = matchKpi(a as string, b as string);
      assert.ok(m === undefined || typeof m.kpi.id === 'string');
    }
    assert.equal(getKpi(a as string), undefined);
  }
  assert.equal(kpisWithPrefix('nope.').length, 0);
  assert.ok(kpisWithPrefix('').length === allKpis().length);
  assert.ok(kpisWithPrefix('employees.gender.').every((k) => k.parent === 'employees.total'));
});
