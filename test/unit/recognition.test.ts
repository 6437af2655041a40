// The recognition layer (server/src/engine/recognition/labels.ts): labels as published and the KPI
// each must get, and labels that must stay unrecognised (a part or a ratio taken for the whole makes
// false alarms in the numbers rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clearRecognitionMemo,
  describeKpiId,
  isOpenMemberId,
  labelVariants,
  recogniseLabel,
} from '../../server/src/engine/recognition/labels';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { getHover } from '../../server/src/engine';
import { FRONT, run } from './util';

type Case = [label: string, expected: string, ctx?: { group?: string; unit?: string }];

function check(cases: Case[]): void {
  for (const [label, expected, ctx] of cases) {
    assert.equal(
      recogniseLabel(label, ctx ?? {})?.kpiId,
      expected,
      `'${label}'${ctx ? ` ${JSON.stringify(ctx)}` : ''}`,
    );
  }
}

test('GHG scopes in any word order, with qualifier and unit brackets', () => {
  check([
    ['GHG Emissions Scope 1', 'ghg.scope1'],
    ['Scope 1 greenhouse gas (GHG) emissions', 'ghg.scope1'],
    ['Direct (Scope 1) GHG emission', 'ghg.scope1'],
    ['Scope 1 (Direct Emissions) GHG', 'ghg.scope1'],
    ['Scope 1: Direct GHG emissions', 'ghg.scope1', { unit: 'tCO2e' }],
    ['GHG emissions (Scope 1) (tCO2e)', 'ghg.scope1'],
    ['GHG emission Scope 1 (tonne of CO2e)', 'ghg.scope1'],
    ['Greenhouse Gas Emissions - Scope 2', 'ghg.scope2'],
    ['Scope 2 (energy-related indirect emissions)', 'ghg.scope2'],
    ['Scope 3 (other indirect emissions)', 'ghg.scope3'],
    ['Indirect GHG emissions (Scope 3)', 'ghg.scope3'],
    ['Scope 1 GHG emissions¹', 'ghg.scope1'],
    ['Scope 1 GHG emissions (1)', 'ghg.scope1'],
    ['Scope 1 GHG emissions*', 'ghg.scope1'],
  ]);
});

test('Roman scopes, scope lists and totals', () => {
  check([
    ['Greenhouse gas direct emission (Scope I)', 'ghg.scope1'],
    ['Greenhouse gas indirect emission (Scope II)', 'ghg.scope2'],
    ['Scope 1 + 2', 'ghg.scope12'],
    ['GHG emissions (Scope 1 + 2)', 'ghg.scope12'],
    ['Total GHG emissions (Scopes 1 and 2) (tCO2e)', 'ghg.scope12'],
    ['Total GHG emissions (Scope 1 and Scope 2 inclusive)', 'ghg.scope12'],
    ['Total GHG emission (Scope 1 and 2)', 'ghg.scope12'],
    ['Total GHG emissions (Scope 1 + 2 + 3)', 'ghg.total'],
    ['Total GHG Emissions (Scope 1, 2 & 3)', 'ghg.total'],
    ['Scope 1+2+3', 'ghg.total'],
    ['範圍一 + 範圍二', 'ghg.scope12'],
    ['范围一+范围二温室气体排放量', 'ghg.scope12'],
  ]);
});

test('location- and market-based Scope 2', () => {
  check([
    ['GHG Emissions Scope 2 (location-based)', 'ghg.scope2.location'],
    ['GHG Emissions Scope 2 (market-based)', 'ghg.scope2.market'],
    ['Indirect GHG emissions (Scope 2 – location-based)', 'ghg.scope2.location'],
    ['Indirect GHG emissions (Scope 2 – market-based)', 'ghg.scope2.market'],
  ]);
});

test('Scope 3 categories by GHG Protocol number and name', () => {
  check([
    ['Category 3: Fuel- and energy-related activities', 'ghg.scope3.cat3', { group: 'Scope 3 emissions' }],
    ['Scope 3 Category 3 – Fuel- and energy-related activities', 'ghg.scope3.cat3', { unit: 'tCO2e' }],
    ['Scope 3 category 6: Business travel', 'ghg.scope3.cat6'],
    ['Category 7 Employee commuting', 'ghg.scope3.cat7', { group: 'Scope 3 GHG emissions' }],
  ]);
});

test('air emissions in any spelling', () => {
  check([
    ['Sulphur dioxide (SO2)', 'air.sox'],
    ['Total SO₂ emissions (tonnes)', 'air.sox'],
    ['Sulfur dioxide emissions (kg)', 'air.sox'],
    ['Total NOₓ emissions (tonnes)', 'air.nox'],
    ['Nitrogen Oxides (NOx) Air Emissions', 'air.nox'],
    ['Direct waste gas emissions - Nitrogen Oxides (NOx)', 'air.nox'],
    ['Particulate matter (PM) emission', 'air.pm'],
    ['RSP emissions', 'air.pm'],
    ['SO₂ emissions', 'air.sox', { group: 'Pollutant emissions' }],
  ]);
});

test('energy, waste and breakdowns through variants and word bags', () => {
  check([
    ['Comprehensive energy consumption', 'energy.total'],
    ['Diesel Oil Consumption', 'energy.diesel'],
    ['Purchased electricity', 'energy.electricity.purchased', { unit: 'MWh' }],
    ['Total hazardous waste generated', 'waste.hazardous'],
    ['Total non-hazardous waste generated', 'waste.non_hazardous'],
    ['Number of male employees', 'employees.gender.male', { group: 'By gender', unit: 'Persons' }],
    ['Number of female employees', 'employees.gender.female', { group: 'By gender', unit: 'Persons' }],
    ['其中：男性', 'employees.gender.male', { group: '按性別劃分的員工人數' }],
    ['Number of employees aged under 30', 'employees.age.under30', { group: 'By age', unit: 'Persons' }],
    ['Number of senior management', 'employees.rank.senior', { group: 'By rank', unit: 'Persons' }],
    ['Employee turnover', 'turnover.rate', { unit: '%' }],
    ['Employee turnover', 'turnover.count', { unit: 'persons' }],
  ]);
});

test('open breakdown members: rows under a recognised group whose labels are in no catalog', () => {
  for (const [label, group] of [
    ['Other regions', 'Employees by region'],
    ['其他國家地區', '按地區劃分的員工人數'],
    ['中國 (含港澳臺地區)', '按地區劃分的員工人數'],
  ]) {
    const r = recogniseLabel(label, { group });
    assert.ok(r && isOpenMemberId(r.kpiId) && r.via === 'open-member', `'${label}' under '${group}': ${r?.kpiId}`);
    assert.ok(r!.kpiId.startsWith('employees.total.region.open-'), r!.kpiId);
  }
  // A bare 'By region' group takes its parent from the label.
  assert.match(
    recogniseLabel('Number of employees in Jiangxi Province', { group: 'By region', unit: 'Persons' })?.kpiId ?? '',
    /^employees\.total\.region\.open-/,
  );
  // 'By category' in a workforce table is the employee category (rank) breakdown.
  assert.match(
    recogniseLabel('Mining production employees', { group: 'By category', unit: 'Persons' })?.kpiId ?? '',
    /^employees\.total\.rank\.open-/,
  );
  assert.doesNotMatch(
    recogniseLabel('Food waste', { group: 'By category', unit: 'tonnes' })?.kpiId ?? '',
    /^employees\./,
  );
  // Closed breakdowns (gender, age) have no open members; nor has a group whose parent the unit does not fit.
  assert.equal(recogniseLabel('Non-binary', { group: '按性別劃分的員工人數' }), undefined);
  assert.equal(recogniseLabel('Site A', { group: 'Employees by region', unit: 'tCO2e' }), undefined);
  // A member the label leaves ambiguous between parents ('Mainland China' under 'By region': employees or suppliers) stays unrecognised.
  assert.equal(recogniseLabel('Mainland China', { group: 'By region', unit: 'Persons' }), undefined);
  // Two different open members get different ids (no value conflict between them).
  assert.notEqual(
    recogniseLabel('Other regions', { group: 'Employees by region' })?.kpiId,
    recogniseLabel('Site A', { group: 'Employees by region' })?.kpiId,
  );
  // A total row in the group is not a member.
  assert.equal(recogniseLabel('Total', { group: 'Employees by region' }), undefined);
});

test('a GHG row in plain tonnes is recognised (the unit rule reads the mass as CO2e, with a hint)', () => {
  assert.equal(
    recogniseLabel('Total GHG emissions (Scopes 1 and 2) (tonnes)', { unit: 'tonnes' })?.kpiId,
    'ghg.scope12',
  );
});

test('a part, intensity or share of a catalog figure is recognised as that, never as the whole', () => {
  const P = '[0-9a-z]+';
  const described: Array<[string, string, { group?: string; unit?: string }?]> = [
    // Parts: sources, sites, kinds of a catalog figure; the id keeps the base and hashes the other words.
    ['Scope 1 GHG Emissions - Mexico (location-based)', `ghg\\.scope1\\.p-${P}`],
    ['Total GHG emissions (excluding integrated energy business)', `ghg\\.total\\.p-${P}`],
    ['Scope 2 emissions from headquarter activities', `ghg\\.scope2\\.p-${P}`],
    ['Water consumption and sewage discharge GHG emissions (Scope 3)', `ghg\\.scope3\\.p-${P}`],
    ['Purchased electricity GHG emissions', `ghg\\.total\\.p-${P}`],
    ['Purchased electricity', `ghg\\.scope2\\.p-${P}`, { group: 'Scope 2', unit: 'tCO2e' }],
    ['Diesel', `ghg\\.total\\.p-${P}`, { unit: 'tCO2e' }],
    ['Nitrogen Oxides, NOx emissions at Lamma Power Station', `air\\.nox\\.p-${P}`],
    [
      'Equipment cables',
      `waste\\.hazardous\\.p-${P}`,
      { group: 'Total hazardous waste produced and recycled', unit: 'tonnes' },
    ],
    ['Food waste', `waste\\.total\\.p-${P}`, { group: 'By category', unit: 'tonnes' }],
    // Intensities on any basis, and shares.
    ['GHG emissions Scope 1 proportion (Group)', 'ghg\\.scope1\\.share'],
    ['GHG emission density (scope 1) (tCO2e/RMB 100 M)', 'ghg\\.scope1\\.intensity'],
    ['Intensity of direct (Scope 1) GHG emission', 'ghg\\.scope1\\.intensity'],
    ['Direct emission', 'ghg\\.scope1\\.intensity', { group: 'Greenhouse gas emission intensity' }],
    ['GHG emissions Scope 2 (location-based) per employee', 'ghg\\.scope2\\.location\\.intensity\\.per-employees'],
    ['Nitrogen oxide emission density (kg/RMB 100 M)', 'air\\.nox\\.intensity'],
    ['NOx emissions intensity', 'air\\.nox\\.intensity'],
    ['SO₂ emissions', 'air\\.sox\\.intensity', { group: 'Pollutant emission density' }],
    ['Hazardous waste per capita', 'waste\\.hazardous\\.intensity\\.per-employees', { unit: 'tonnes per employee' }],

    ['Diesel Oil Consumption Intensity', 'energy\\.diesel\\.intensity'],
    ['Comprehensive energy consumption (excluding delivery session) intensity', `energy\\.total\\.p-${P}\\.intensity`],
    // Kinds of waste by what they are, in a unit of mass: hazardous kinds, and recyclables said to be waste.
    ['Lead-acid batteries (kg)', `waste\\.hazardous\\.p-${P}`, { unit: 'kg' }],
    ['Toner cartridge', `waste\\.hazardous\\.p-${P}`, { unit: 'kg' }],
    ['Disposal/recycle of expired drugs', `waste\\.hazardous\\.p-${P}`, { unit: 'ton' }],
    ['Glass collected for recycling', `waste\\.non_hazardous\\.p-${P}`, { unit: 'tonnes' }],
    // Carbon and CO2e name GHG emissions; a GHG intensity per unit of electricity is on that basis.
    ['CO2e per electricity unit sold', `ghg\\.total\\.p-${P}\\.intensity\\.per-energy`, { unit: 'kg/kWh' }],
    ['Tin and its compounds air emissions', `air\\.total\\.p-${P}`, { unit: 'kg' }],
  ];
  for (const [label, pattern, ctx] of described) {
    const r = recogniseLabel(label, ctx ?? {});
    assert.match(r?.kpiId ?? '(none)', new RegExp(`^${pattern}$`), `'${label}' ${JSON.stringify(ctx ?? {})}`);
    assert.ok(r!.via === 'described' || r!.via === 'family', label);
  }
  // A part and its intensity share the part's words, so the intensity check finds its numerator.
  const part = recogniseLabel('Comprehensive energy consumption (excluding delivery session)')!.kpiId;
  assert.equal(
    recogniseLabel('Comprehensive energy consumption (excluding delivery session) intensity')!.kpiId,
    `${part}.intensity`,
  );
  // Different parts get different ids; 'non-hazardous' is not a part of 'hazardous'.
  assert.notEqual(
    recogniseLabel('Scope 1 GHG Emissions - Mexico')!.kpiId,
    recogniseLabel('Scope 1 GHG Emissions - Brazil')!.kpiId,
  );
  assert.equal(
    recogniseLabel('Non-hazardous waste generated - Waste cooking oil generated')?.kpiId.startsWith(
      'waste.non_hazardous.p-',
    ),
    true,
  );
  assert.deepEqual(describeKpiId('ghg.scope1.p-abc'), { base: 'ghg.scope1', kind: 'part' });
  assert.deepEqual(describeKpiId('air.nox.intensity'), { base: 'air.nox', kind: 'intensity', basis: 'revenue' });
  assert.equal(describeKpiId('ghg.scope1'), undefined);

  const none: Array<[string, { group?: string; unit?: string }?]> = [
    ['Category 16: Other'],
    ['Employee turnover'],
    ['研發投入', { group: '按性別劃分的員工人數' }],
    ['研發投入', { group: '按地區劃分的員工人數', unit: '萬元' }],
    ['Customer satisfaction score', { unit: 'points' }],
    ['Other'],
    ['Male'],
    // A kind of waste in another unit, or said to be something else, is not a waste figure.
    ['Toner cartridge', { unit: 'pieces' }],
    ['Glass', { unit: 'tonnes' }],
    ['Battery electric buses', { unit: 'vehicles' }],
  ];
  for (const [label, ctx] of none)
    assert.equal(recogniseLabel(label, ctx ?? {})?.kpiId, undefined, `'${label}' ${JSON.stringify(ctx ?? {})}`);
});

test('GHG intensities by basis: revenue, employees, floor area', () => {
  check([
    ['GHG emission per unit of operating revenue', 'ghg.intensity'],
    ['Greenhouse gas emission per unit operating revenue (Scope I + Scope II)', 'ghg.scope12.intensity'],
    ['Intensity of GHG Emissions', 'ghg.intensity', { unit: 'tCO2e/HK$ million' }],
  ]);
  // Other intensities: a catalog KPI's words and a revenue basis, when the catalog has its intensity.
  check([
    ['Non-hazardous waste generated per unit of operating revenue', 'waste.non_hazardous.intensity'],
    ['Intensity of Non-Hazardous Waste', 'waste.non_hazardous.intensity', { unit: 't/萬元' }],
    ['Energy consumption per unit of revenue', 'energy.intensity', { unit: 'MWh/萬元' }],
  ]);
  // A per-employee KPI of the catalog by its own name (energy.electricity, water and packaging have one).
  assert.equal(
    recogniseLabel('Electricity consumption per employee')?.kpiId,
    'energy.electricity.intensity_per_employee',
  );
  // Per employee (FTE, capita) and per floor area: the intensities of their own, per scope set.
  check([
    ['Total GHG emissions per FTE', 'ghg.intensity_per_employee.total'],
    ['GHG emissions per FTE from Scope 1', 'ghg.intensity_per_employee.scope1'],
    ['GHG emissions (Scope 1 and 2) per employee', 'ghg.intensity_per_employee.scope12'],
    ['GHG emissions per capita', 'ghg.intensity_per_employee.total'],
    ['GHG emissions per sq. ft.', 'ghg.intensity_per_floor_area.total'],
    ['GHG emissions (Scope 1 and 2) per floor area', 'ghg.intensity_per_floor_area.scope12'],
    ['Intensity of GHG Emissions', 'ghg.intensity_per_employee.total', { unit: 'tCO2e/employee' }],
  ]);
  // The label's basis and the unit's must agree.
  assert.equal(recogniseLabel('Total GHG emissions per FTE', { unit: 'tCO2e/萬元' })?.kpiId, undefined);
});

test('label variants: qualifiers, units, bullets and of-which go; meaningful brackets stay', () => {
  const v = labelVariants('- Of which: Scope 1 GHG emissions (Group) (tCO2e)');
  assert.ok(v.includes('Scope 1 GHG emissions'), JSON.stringify(v));
  assert.ok(labelVariants('Scope 2 (location-based)').every((x) => x.includes('location-based')));
  assert.ok(labelVariants('Nitrogen oxides (NOx)').every((x) => x.includes('NOx')));
});

test('recogniseLabel never throws and bounds its work', () => {
  for (const s of [
    '',
    ' ',
    '()',
    '(((',
    'Scope',
    'Scope 9',
    'x'.repeat(100_000),
    '(' + 'a'.repeat(5000),
    '範圍' + '一'.repeat(1000),
  ]) {
    recogniseLabel(s, { group: s, unit: s });
  }
  recogniseLabel(undefined as unknown as string);
});

test('KPI tables use the recognition layer (two-column groups, units)', () => {
  const text = [
    '| Indicator | Unit | 2024 |',
    '|---|---|---|',
    '| GHG Emissions Scope 1 | tCO2e | 10 |',
    '| Sulphur dioxide (SO2) | kg | 5 |',
    '| Scope 1 GHG Emissions - Mexico (location-based) | tCO2e | 2 |',
    '',
  ].join('\n');
  const doc = parseDocument('file:///t.esg.md', text);
  const rows = doc.kpiTables[0].rows;
  assert.deepEqual(
    rows.slice(0, 2).map((r) => r.kpiId),
    ['ghg.scope1', 'air.sox'],
  );
  // A site's Scope 1 figure is a part of Scope 1, not Scope 1.
  assert.match(rows[2].kpiId ?? '', /^ghg\.scope1\.p-/);
});

test('hover shows an unrecognised metric row as unrecognised, and an open member with its parent', () => {
  const body = [
    '| 指標 | 單位 | 2024 |',
    '|---|---|---|',
    '| Customer satisfaction score | points | 10 |',
    '| NOx emissions intensity | kg/HK$ million | 2 |',
    '',
    '| 類別 | 指標 | 單位 | 2024 |',
    '|---|---|---|---|',
    '| 按地區劃分的員工人數 | 其他國家地區 | 人 | 5 |',
    '',
  ].join('\n');
  const a = run(`${FRONT}# Data {#d}\n\n${body}`, { locale: 'en' });
  const text = a.model.text;
  const at = (s: string) => {
    const off = text.indexOf(s);
    const line = text.slice(0, off).split('\n').length - 1;
    return { line, character: off - text.lastIndexOf('\n', off - 1) - 1 + 1 };
  };
  const h3 = getHover(a, at('NOx emissions intensity'));
  assert.ok(
    h3 && /air\.nox\.intensity/.test(String(h3.contents)) && /per revenue/.test(String(h3.contents)),
    JSON.stringify(h3),
  );
  const h1 = getHover(a, at('Customer satisfaction score'));
  assert.ok(h1 && /Not recognised/.test(String(h1.contents)), JSON.stringify(h1));
  const h2 = getHover(a, at('其他國家地區'));
  assert.ok(
    h2 && /breakdown of/.test(String(h2.contents)) && /employees\.total/.test(String(h2.contents)),
    JSON.stringify(h2),
  );
});

test("the recognition memo keys on the whole context: a memoised answer is never another context's", () => {
  clearRecognitionMemo();
  // Asked in turn, warm: each answer must be its own context's, not the first one memoised for the label.
  const asked: Array<[string, { group?: string; unit?: string; context?: string; section?: string }, string?]> = [
    ['Employee turnover', { unit: '%' }, 'turnover.rate'],
    ['Employee turnover', { unit: 'persons' }, 'turnover.count'],
    ['Employee turnover', {}, undefined],
    // The unit text and a context field hold the same characters: the parts must not run together.
    ['Employee turnover', { unit: '', context: '%' }, undefined],
  ];
  for (let round = 0; round < 2; round++)
    for (const [label, ctx, expected] of asked)
      assert.equal(recogniseLabel(label, ctx)?.kpiId, expected, `${label} ${JSON.stringify(ctx)} (round ${round})`);
});
