import { test } from 'node:test';
import assert from 'node:assert/strict';
import unitData from '../../server/src/engine/catalogs/data/units.json';
import { unitCatalogSchema } from '../../server/src/engine/catalogs/schema';
import {
  allUnits,
  currencyOf,
  denominatorNameOf,
  getUnit,
  looksLikeUnitTypo,
  parseUnit,
  unitFitsKpi,
  unitForKpi,
  type ParsedUnit,
} from '../../server/src/engine/catalogs/units';
import * as quantity from '../../server/src/engine/numbers/quantity';
import { getKpi } from '../../server/src/engine/catalogs/kpis';
import { normalizeUnitText } from '../../server/src/engine/text/normalize';

function parsed(raw: string): ParsedUnit {
  const r = parseUnit(raw);
  if (!r.ok) assert.fail(`'${raw}' did not parse (unknown: '${r.unknown}')`);
  return r.unit;
}

test('units.json matches the schema', () => {
  const result = unitCatalogSchema.safeParse(unitData);
  assert.equal(result.success, true, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 5)));
});

test('no spelling names two units (after normalisation and case folding)', () => {
  const owner = new Map<string, string>();
  for (const u of allUnits()) {
    for (const s of [u.id, ...u.spellings]) {
      const key = normalizeUnitText(s).toLowerCase();
      const prev = owner.get(key);
      assert.ok(prev === undefined || prev === u.id, `'${s}' is a spelling of ${prev} and ${u.id}`);
      owner.set(key, u.id);
    }
  }
});

const SPELLINGS: Record<string, string[]> = {
  mass: ['t', '噸', '吨', '公噸', '公吨', 'kg', '千克', '公斤'],
  co2e: ['tCO2e', 'tCO₂e', '噸二氧化碳當量', '吨二氧化碳当量', 'kgCO2e', 'tCO2', '噸二氧化碳'],
  energy: [
    'kWh',
    '千瓦時',
    '千瓦时',
    '度',
    'MWh',
    '兆瓦時',
    'GWh',
    'GJ',
    '吉焦',
    'TJ',
    'tce',
    '噸標準煤',
    '萬千瓦時',
    '萬度',
  ],
  volume: ['m³', 'm3', '立方米'],
  money: ['元', '萬元', '万元', '百萬元', '人民幣百萬元', '億元', 'RMB million', 'HK$', '港元'],
  count: ['人', '名', '人次', '件', '家', '次', '項', '個', '宗', '起'],
  time: ['小時', '小时', 'h', 'hours', '天', '日', 'days'],
  percent: ['%', '％'],
};

test('every listed spelling parses with its dimension', () => {
  for (const [dimension, spellings] of Object.entries(SPELLINGS)) {
    for (const s of spellings) {
      const u = parsed(s);
      assert.equal(u.dimension, dimension, s);
      assert.equal(u.denominator, undefined, s);
      assert.equal(getUnit(s)?.dimension, dimension, s);
    }
  }
  // Case and width variants written in reports.
  assert.equal(parsed('KWH').numerator.id, 'kWh');
  assert.equal(parsed('ｔＣＯ２ｅ').numerator.id, 'tCO2e');
  assert.equal(parsed('(噸)').numerator.id, 't');
});

test('factors convert to the base unit of each dimension', () => {
  const f = (s: string) => getUnit(s)!.factor;
  assert.equal(f('kg'), 0.001);
  assert.equal(f('公噸'), 1);
  assert.equal(f('kgCO2e'), 0.001);
  assert.equal(f('MWh'), 1000);
  assert.equal(f('GWh'), 1e6);
  assert.equal(f('萬度'), 1e4);
  assert.equal(f('萬千瓦時'), 1e4);
  assert.ok(Math.abs(f('GJ') - 1e6 / 3600) < 1e-9, 'GJ = 1000/3.6 kWh');
  assert.ok(Math.abs(f('TJ') - 1e9 / 3600) < 1e-6, 'TJ = 10^6/3.6 kWh');
  // GB/T 2589: 1 kgce = 29 307 kJ; 1 kWh = 3 600 kJ.
  assert.ok(Math.abs(f('噸標準煤') - (29307 * 1000) / 3600) < 1e-6);
  assert.ok(Math.abs(f('kgce') - 29307 / 3600) < 1e-9);
  assert.equal(f('萬元'), 1e4);
  assert.equal(f('人民幣百萬元'), 1e6);
  assert.equal(f('億元'), 1e8);
  assert.equal(f('天'), 24);
  assert.equal(f('%'), 1);
  // The electricity equivalent value used by Chinese reports is recorded as data next to the factor.
  assert.match(getUnit('tce')!.source ?? '', /0\.1229 kgce\/kWh/);
  // Physical conversion and the 0.1229 equivalent value agree to 4 significant figures.
  assert.ok(Math.abs(1000 / f('kgce') - 122.9) < 0.1);
});

test('money units carry their currency', () => {
  assert.equal(currencyOf(getUnit('萬元')!), 'CNY');
  assert.equal(currencyOf(getUnit('RMB million')!), 'CNY');
  assert.equal(currencyOf(getUnit('HK$')!), 'HKD');
  assert.equal(currencyOf(getUnit('HK$ million')!), 'HKD');
  assert.equal(getUnit('HK$ million')!.factor, 1e6);
  assert.equal(currencyOf(getUnit('kWh')!), undefined);
});

test('compound units parse with dimension and denominator qualifier', () => {
  const cases: [string, string, string, string, string | undefined][] = [
    ['噸 / 萬元', 't', '萬元', 'mass/money', undefined],
    ['tCO₂e/萬元收入', 'tCO2e', '萬元', 'co2e/money', 'revenue'],
    ['兆瓦時 / 百萬元收入', 'MWh', '百萬元', 'energy/money', 'revenue'],
    ['噸標準煤 / 人', 'tce', '人', 'energy/count', 'employees'],
    ['kgCO2/kWh', 'kgCO2', 'kWh', 'co2e/energy', undefined],
    ['噸二氧化碳當量 / 人民幣百萬元', 'tCO2e', '百萬元', 'co2e/money', undefined],
    ['千瓦時 / 萬元', 'kWh', '萬元', 'energy/money', undefined],
    ['兆瓦時 / 人民幣百萬元', 'MWh', '百萬元', 'energy/money', undefined],
    ['千瓦時／萬元營業收入', 'kWh', '萬元', 'energy/money', 'revenue'],
    ['tCO2e/營收百萬元', 'tCO2e', '百萬元', 'co2e/money', 'revenue'],
    ['噸/每萬元營收', 't', '萬元', 'mass/money', 'revenue'],
    ['tCO2e per employee', 'tCO2e', '人', 'co2e/count', 'employees'],
    ['kWh/m²', 'kWh', 'm2', 'energy/area', 'floor-area'],
    ['tCO2e / HK$ million revenue', 'tCO2e', 'HKD-million', 'co2e/money', 'revenue'],
    ['m³ ÷ 員工', 'm3', '人', 'volume/count', 'employees'],
  ];
  for (const [raw, num, den, dimension, qualifier] of cases) {
    const u = parsed(raw);
    assert.equal(u.numerator.id, num, raw);
    assert.equal(u.denominator?.id, den, raw);
    assert.equal(u.dimension, dimension, raw);
    assert.equal(u.denominatorQualifier, qualifier, raw);
    assert.equal(u.raw, raw);
  }
});

test('unknown units fail with the part not recognised', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['   ', ''],
    ['噸噸', '噸噸'],
    ['foo/bar', 'foo'],
    ['噸/kWhh', 'kWhh'],
    ['kWhh', 'kWhh'],
    ['kWh/emplyee', 'emplyee'],
    ['tCO2e/revenue', 'revenue'],
    ['男性/女性', '男性'],
    ['千瓦时 /', '/'],
    ['/萬元', '/'],
    ['噸/萬元/人', '人'],
    ['單位', '單位'],
    ['噸/收入', '收入'],
  ];
  for (const [raw, unknown] of cases) assert.deepEqual(parseUnit(raw), { ok: false, unknown }, raw);
});

test('parseUnit never throws and stays fast on long or odd input', () => {
  const odd: unknown[] = [
    undefined,
    null,
    42,
    'x'.repeat(100_000),
    ' per '.repeat(20_000),
    '/'.repeat(100_000),
    '噸'.repeat(100_000),
  ];
  for (const input of odd) {
    const r = parseUnit(input as string);
    assert.equal(r.ok, false);
  }
  assert.equal(getUnit(undefined as unknown as string), undefined);
});

test('unitFitsKpi accepts mass for water, per-revenue units for intensities, and % for rates', () => {
  const fits = (unit: string, id: string) => unitFitsKpi(parsed(unit), getKpi(id)!);
  assert.equal(fits('噸', 'water.total'), true);
  assert.equal(fits('m³', 'water.total'), true);
  assert.equal(fits('kWh', 'water.total'), false);
  assert.equal(fits('噸 / 萬元', 'water.intensity'), true);
  assert.equal(fits('噸', 'water.intensity'), false);
  assert.equal(fits('噸', 'waste.hazardous'), true);
  assert.equal(fits('m³', 'waste.hazardous'), false);
  assert.equal(fits('噸二氧化碳當量 / 人民幣百萬元', 'ghg.scope12.intensity'), true);
  // Intensities are published per whatever the issuer divides by (HKEX: per unit of production, per facility).
  assert.equal(fits('tCO2e/人', 'ghg.scope12.intensity'), true);
  assert.equal(fits('t/employee', 'waste.non_hazardous.intensity'), true);
  assert.equal(fits('tCO2e per million km', 'ghg.intensity'), true);
  assert.equal(fits('m3 per bus', 'water.intensity'), true);
  assert.equal(fits('kgCO2e/GJ of energy sold', 'ghg.intensity'), true);
  assert.equal(fits('tonne CO2e per sq.m', 'ghg.intensity'), true);
  assert.equal(fits('kg/%', 'waste.hazardous.intensity'), false);
  // A GHG row in plain tonnes is tonnes of CO2e in practice; a mass of methane or carbon is not.
  assert.equal(fits('tonnes', 'ghg.scope1'), true);
  assert.equal(fits('公噸', 'ghg.scope3.cat1'), true);
  assert.equal(fits('kgCH4', 'ghg.scope1'), false);
  assert.equal(fits('tonnes/m²', 'ghg.scope12.intensity'), true);
  assert.equal(fits('tCO2e', 'ghg.scope12.intensity'), false);
  assert.equal(fits('噸二氧化碳', 'ghg.scope1'), true);
  assert.equal(fits('噸標準煤', 'energy.direct'), true);
  assert.equal(fits('升', 'energy.diesel'), true);
  assert.equal(fits('噸', 'energy.diesel'), true);
  assert.equal(fits('%', 'turnover.rate'), true);
  assert.equal(fits('人', 'turnover.rate'), false);
  assert.equal(fits('小時', 'training.hours.avg'), true);
  assert.equal(fits('小時 / 人', 'training.hours.avg'), true);
  assert.equal(fits('小時 / 萬元', 'training.hours.avg'), false);
  assert.equal(fits('人', 'training.hours.avg'), false);
});

// ---- units as HK reports print them (spellings from the real-report corpus and the HKEX guide) ----

test('tonne spellings, and masses of CO2e as published', () => {
  const mass: [string, string, number][] = [
    ['tonne', 't', 1],
    ['tonnes', 't', 1],
    ['ton', 't', 1],
    ['tons', 't', 1],
    ['t', 't', 1],
    ['T', 't', 1],
    ['MT', 't', 1],
    ['公噸', 't', 1],
    ['噸', 't', 1],
    ['千公噸', 'kt', 1000],
    ['metric tonnes', 't', 1],
    ['Kg', 'kg', 0.001],
    ['kilograms (kg)', 'kg', 0.001],
  ];
  for (const [raw, id, factor] of mass) {
    const u = parsed(raw);
    assert.equal(u.numerator.id, id, raw);
    assert.equal(u.numerator.factor, factor, raw);
    assert.equal(u.dimension, 'mass', raw);
  }
  for (const raw of ['million T', 'million tonnes']) {
    const u = parsed(raw);
    assert.equal(u.dimension, 'mass', raw);
    assert.equal(u.numerator.factor, 1e6, raw);
  }
  const co2e: [string, number][] = [
    ['tonne CO2e', 1],
    ['tonne of CO2e', 1],
    ['tonnes of CO2-e', 1],
    ['tons of CO₂ equivalent', 1],
    ['MT CO2e', 1],
    ['tCO2eq', 1],
    ['kgCO2e', 0.001],
    ['Tonnes of CO2e', 1],
    ['metric tons CO2e', 1],
    ['tonnes carbon dioxide equivalent (tCO2e)', 1],
    ['tCO<sub>2</sub>e', 1],
    ['grams CO2', 1e-6],
  ];
  for (const [raw, factor] of co2e) {
    const u = parsed(raw);
    assert.equal(u.dimension, 'co2e', raw);
    assert.ok(Math.abs(u.numerator.factor - factor) < 1e-15, raw);
  }
});

test('a unit with its symbol in brackets', () => {
  assert.equal(parsed('kilograms (kg)').numerator.id, 'kg');
  assert.equal(parsed('gigajoules (GJ)').numerator.id, 'GJ');
  assert.equal(parsed('megawatt-hours (MWh)').numerator.id, 'MWh');
  assert.equal(parsed('cubic metres (m³)').numerator.id, 'm3');
  // Name and symbol that disagree are not one unit.
  assert.equal(parseUnit('kilograms (GJ)').ok, false);
});

test('money denominators as printed: currency and scale in either order', () => {
  const cases: [string, number, string][] = [
    ["tCO2e/HK$'000", 1e3, 'HKD'],
    ["tCO2e per HKD'000000 revenue", 1e6, 'HKD'],
    ["tCO2e/US$'000", 1e3, 'USD'],
    ['tCO2e/RMB 1 million', 1e6, 'CNY'],
    ['tCO2e/RMB1 million', 1e6, 'CNY'],
    ['噸/RMB 10,000', 1e4, 'CNY'],
    ['噸/萬元', 1e4, 'CNY'],
    ['噸/百萬元', 1e6, 'CNY'],
    ['Grams/100 million yuan', 1e8, 'CNY'],
    ['kg/RMB 100 M', 1e8, 'CNY'],
    ['噸/億元', 1e8, 'CNY'],
    ['Tonnes/million HKD revenue', 1e6, 'HKD'],
    ['tonnes CO2e/HK$ million', 1e6, 'HKD'],
    ['t/RMB Ten Thousand Revenue', 1e4, 'CNY'],
    ['metric tons per US$ million revenue', 1e6, 'USD'],
  ];
  for (const [raw, factor, currency] of cases) {
    const u = parsed(raw);
    assert.equal(u.denominator?.dimension, 'money', raw);
    assert.equal(u.denominator?.factor, factor, raw);
    assert.equal(currencyOf(u.denominator!), currency, raw);
  }
  assert.equal(parsed('million HKD revenue'.replace(/^/, 'Tonnes CO2e/')).denominatorQualifier, 'revenue');
  // The CO2e words after the denominator belong to the numerator ('Tons/100 million yuan CO₂ equivalent').
  const u = parsed('Tons/100 million yuan CO₂ equivalent');
  assert.equal(u.dimension, 'co2e/money');
  assert.equal(u.denominator?.factor, 1e8);
  assert.equal(parsed('千美元').numerator.factor, 1000);
  assert.equal(currencyOf(parsed('千美元').numerator), 'USD');
});

test('floor area and per-person denominators', () => {
  for (const raw of [
    'g per sq.m',
    'kg per sq.m',
    'm³ per sq.m',
    'kWh/m²',
    'kWh per m2',
    'kWh per m<sup>2</sup>',
    'tCO2e/平方米',
    'kg/sq.m.',
    'tonnes per square meter',
  ]) {
    const u = parsed(raw);
    assert.equal(u.denominator?.dimension, 'area', raw);
    assert.equal(denominatorNameOf(u, getKpi('ghg.intensity')), 'floor-area', raw);
  }
  for (const raw of [
    'tCO2e/employee',
    'tonnes of CO2e / FTE',
    'kg/capita',
    'tons of CO₂ equivalent/person',
    '噸/人',
    'tonnes per employee',
    'kWh per FTE',
  ]) {
    const u = parsed(raw);
    assert.equal(u.denominator?.dimension, 'count', raw);
    assert.equal(u.denominatorQualifier, 'employees', raw);
    assert.equal(denominatorNameOf(u, getKpi('ghg.intensity')), 'employees', raw);
  }
  // 'per 1,000 employees' with nothing before it, and a note in brackets after it.
  const rate = parsed('每千名員工（男性/女性）');
  assert.equal(rate.denominator?.factor, 1000);
  assert.equal(rate.denominatorQualifier, 'employees');
});

test('production and activity denominators; an unknown activity is a named count of its own', () => {
  const km = parsed('tCO2e per million km');
  assert.equal(km.dimension, 'co2e/length');
  assert.equal(km.denominator?.factor, 1e9);
  assert.equal(parsed('kilograms (kg) per million km').dimension, 'mass/length');
  assert.equal(parsed('GJ per million km').dimension, 'energy/length');
  const bus = parsed('m3 per bus');
  assert.equal(bus.dimension, 'volume/count:bus');
  assert.equal(bus.denominatorNamed, 'bus');
  assert.equal(parsed('m<sup>3</sup> per bus').dimension, 'volume/count:bus');
  assert.equal(parsed('t/restaurant').dimension, 'mass/count:restaurant');
  assert.equal(parsed('Ton/number of restaurants').dimension, 'mass/count:restaurants');
  assert.equal(parsed('tonnes of CO2e/tonnes of ore mined').dimension, 'co2e/mass:ore mined');
  assert.equal(parsed('kgCO2e/GJ of energy sold').dimension, 'co2e/energy:energy sold');
  assert.equal(parsed('tCO2e/GJ of energy consumed').dimension, 'co2e/energy:energy consumed');
  const unit = parsed('tonne of CO2e per 1000 unit');
  assert.equal(unit.dimension, 'co2e/count');
  assert.equal(unit.denominator?.factor, 1000);
  assert.equal(unit.denominatorQualifier, 'production');
  assert.equal(parsed('kg/month').dimension, 'mass/time');
  assert.equal(parsed('kg/month').denominator?.factor, 730.5);
  assert.equal(parsed('grams CO2 per tonne-mile').dimension, 'co2e/count:tonne-mile');
  // The HKEX guide's placeholder: parsed, and marked so that nothing is converted.
  for (const raw of ['Unit/HK$ million', 'Ton/number of restaurants']) assert.equal(parseUnit(raw).ok, true, raw);
  assert.equal(parsed('Unit/HK$ million').placeholder, true);
  assert.equal(parsed('Ton/number of restaurants').placeholder, undefined);
});

test('counts and labels that are units in HK tables', () => {
  assert.equal(parsed('# ships').dimension, 'count:ships');
  for (const raw of ['number', 'persons', 'Persons', 'people', '人次', '人員', '人数', 'employees', 'pieces'])
    assert.equal(parsed(raw).dimension, 'count', raw);
  for (const raw of ['小時', 'hours']) assert.equal(parsed(raw).dimension, 'time', raw);
  assert.equal(parsed('%').dimension, 'percent');
  assert.equal(parsed('員工百分比').dimension, 'percent');
  assert.equal(parsed('percent').dimension, 'percent');
});

test('what must still be reported: typos and words that are not units', () => {
  for (const raw of [
    'kWhh',
    '噸噸',
    'tCO2ee',
    'kWh/emplyee',
    'tCO2e/revenue',
    'tCO2e/收入',
    '男性/女性',
    'kg/%x',
    '噸/萬园',
  ])
    assert.equal(parseUnit(raw).ok, false, raw);
  assert.equal(looksLikeUnitTypo('kWhh'), true);
  assert.equal(looksLikeUnitTypo('噸噸'), true);
  assert.equal(looksLikeUnitTypo('萬园'), true);
  assert.equal(looksLikeUnitTypo('男性'), false);
  assert.equal(looksLikeUnitTypo('Female'), false);
  assert.equal(looksLikeUnitTypo('Scope 1'), false);
  assert.equal(looksLikeUnitTypo('範圍1'), false);
  assert.equal(looksLikeUnitTypo('2023'), false);
  assert.equal(looksLikeUnitTypo('m33'), true);
  assert.equal(looksLikeUnitTypo('RMB1 milion'), true);
});

test('named counts and activities are dimensions of their own (never compared with heads or plain energy)', () => {
  const { dimOf, sameDim } = quantity;
  assert.equal(sameDim(dimOf(parsed('t/bus')).dim, dimOf(parsed('t/employee')).dim), false);
  assert.equal(sameDim(dimOf(parsed('kgCO2e/GJ of energy sold')).dim, dimOf(parsed('kgCO2e/GJ')).dim), false);
  // The same activity in another unit converts: MWh of energy sold vs GJ of energy sold.
  const a = dimOf(parsed('kgCO2e/GJ of energy sold'));
  const b = dimOf(parsed('kgCO2e/MWh of energy sold'));
  assert.equal(sameDim(a.dim, b.dim), true);
  assert.ok(Math.abs(b.factor / a.factor - 1e6 / 3600 / 1000) < 1e-9);
});

test('unitFitsKpi: a water row in kWh and a GHG row in kWh still do not fit; unitForKpi reads tonnes of a GHG row as CO2e', () => {
  const fits = (unit: string, id: string) => unitFitsKpi(parsed(unit), getKpi(id)!);
  assert.equal(fits('kWh', 'water.total'), false);
  assert.equal(fits('kWh', 'ghg.scope1'), false);
  assert.equal(fits('Unit/HK$ million', 'ghg.intensity'), true);
  const read = unitForKpi(parsed('tonnes'), getKpi('ghg.scope1'));
  assert.equal(read.dimension, 'co2e');
  assert.equal(read.massAsCo2e, true);
  assert.equal(unitForKpi(parsed('tonnes'), getKpi('waste.hazardous')).dimension, 'mass');
  assert.equal(unitForKpi(parsed('kg/employee'), getKpi('ghg.scope12.intensity')).dimension, 'co2e/count');
});

test('the slash of HK Chinese reports (╱) and units quoted as a defined term', () => {
  assert.equal(parsed('噸╱人').dimension, 'mass/count');
  assert.equal(parsed('噸二氧化碳當量╱人').dimension, 'co2e/count');
  assert.equal(parsed('千瓦時╱人').denominatorQualifier, 'employees');
  assert.equal(parsed('"tCO<sub>2</sub>e"').numerator.id, 'tCO2e');
  assert.equal(parsed('「噸二氧化碳當量」').numerator.id, 'tCO2e');
});

test('more HK spellings: GFA, per year, Mt vs MT, thousands, safety-rate bases, output value', () => {
  assert.equal(parsed('kg/m2 GFA').denominatorQualifier, 'floor-area');
  assert.equal(parsed('tCO2e/m2 of GFA').denominatorQualifier, 'floor-area');
  assert.equal(parsed('kWh/HK$ million of revenue').denominatorQualifier, 'revenue');
  assert.equal(parsed('kWh per square foot').dimension, 'energy/area');
  assert.equal(parsed('kWh/m²/year').dimension, 'energy/area');
  assert.equal(parsed('kWh/m2 per annum').dimension, 'energy/area');
  assert.equal(parsed('Mt CO2e').numerator.factor, 1e6);
  assert.equal(parsed('MT CO2e').numerator.factor, 1);
  assert.equal(parsed("'000 m³").numerator.factor, 1000);
  assert.equal(parsed("'000 GJ").dimension, 'energy');
  assert.equal(parsed('cases per 200,000 hours').denominator?.factor, 200000);
  assert.equal(parsed('per million hours worked').dimension, 'dimensionless/time');
  assert.equal(parsed('rate per 100 employees').denominator?.factor, 100);
  assert.equal(parsed('噸/萬元產值').denominatorQualifier, 'output-value');
  for (const raw of ['man-hours', 'lost days', 'No. of cases', 'trips', 'participants'])
    assert.equal(parseUnit(raw).ok, true, raw);
  // A year in the unit cell is not a scale.
  assert.equal(parseUnit('2023 kWh').ok, false);
});
