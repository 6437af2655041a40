// Relations among figures the recognition layer describes (parts, intensities on any basis, shares)
// rather than finds in the catalog: kinds listed beside their total, the shares of GHG scopes, and an
// intensity measured against the denominator most of the others imply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRule, run } from './util';

const EN = [
  '---',
  'title: Test',
  'lang: en',
  'esg:',
  '  issuer: Test Ltd',
  '  period: 2024',
  '---',
  '',
  '# Data {#data}',
  '',
].join('\n');
const table = (rows: string[]) =>
  `${EN}| Indicator | Unit | FY2023 | FY2024 |\n|---|---|--:|--:|\n${rows.join('\n')}\n`;
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

test('kinds listed beside their total add up to it when a part is the rest ("Other ...")', () => {
  const text = table([
    '| Mercury, lead and zinc waste | tonne | 0.3 | 0.66 |',
    '| Organic resins waste | tonne | 50.08 | 31.29 |',
    '| Organic solvent waste | tonne | 33.4 | 29.75 |',
    '| Other hazardous waste | tonne | 21.9 | 50.28 |',
    '| Total hazardous waste | tonne | 105.37 | 111.98 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1, JSON.stringify(d.map((x) => x.message)));
  assert.equal(d[0].range.start.line, lineOf(text, '| Total hazardous waste'));
  assert.match(d[0].message, /105\.68/);
  assert.match(d[0].message, /2023/);
});

test('two complementary kinds (recyclable, non-recyclable) are complete; other kinds only when they exceed the total', () => {
  const text = table([
    '| General solid waste generation (recyclable) | tonnes | 139 | 144 |',
    '| General solid waste output (non-recyclable) | tonnes | 6,285 | 5,371 |',
    '| Total generation of general solid waste | tonnes | 6,436 | 5,515 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/sum-mismatch');
  assert.equal(d.length, 1, JSON.stringify(d.map((x) => x.message)));
  assert.match(d[0].message, /6,424/);
  // Two kinds that are not the whole: below the total is partial (information), never a warning.
  const partial = table([
    '| Food waste | tonnes | 20 | 25 |',
    '| Glass waste | tonnes | 5 | 5 |',
    '| Total waste | tonnes | 100 | 120 |',
  ]);
  const a = run(partial, { locale: 'en' });
  assert.equal(a.diagnostics.filter((x) => x.rule === 'kpi/sum-mismatch' && x.severity !== 'information').length, 0);
  // The same rows exceeding the total are a mismatch.
  const over = table([
    '| Food waste | tonnes | 90 | 25 |',
    '| Glass waste | tonnes | 50 | 5 |',
    '| Total waste | tonnes | 100 | 120 |',
  ]);
  assert.equal(
    byRule(run(over, { locale: 'en' }), 'kpi/sum-mismatch').filter((x) => x.severity === 'warning').length,
    1,
  );
});

test('a GHG scope proportion is the scope over the total, or the ratio of their intensities', () => {
  const text = table([
    '| GHG emissions Scope 1 proportion (Group) | % | 5.57 | 1.83 |',
    '| GHG emissions Scope 3 proportion (Group) | % | 1.37 | 5.98 |',
    '| Scope 1 GHG emissions | tCO2e | | 1,088.05 |',
    '| Scope 3 GHG emissions | tCO2e | | 332.58 |',
    '| Total GHG emissions | tCO2e | | 18,206.08 |',
    '| Scope 1 GHG intensity | tCO2e/HK$ million | 1.22 | 1.14 |',
    '| Scope 3 GHG intensity | tCO2e/HK$ million | 0.3 | 0.35 |',
    '| Total GHG intensity | tCO2e/HK$ million | 21.91 | 19.08 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/rate-mismatch');
  // FY2024 from the figures (5.98 and 1.83 are swapped); FY2023 from the intensities agrees (5.57 = 1.22 / 21.91).
  assert.deepEqual(
    d.map((x) => [x.range.start.line, /5\.98/.test(x.message) || /1\.83/.test(x.message)]),
    [
      [lineOf(text, '| GHG emissions Scope 1'), true],
      [lineOf(text, '| GHG emissions Scope 3'), true],
    ],
  );
});

test('an intensity is measured against the denominator the largest agreeing group implies', () => {
  const text = table([
    '| Total GHG emissions | tCO2e | 60,861 | 64,731 |',
    '| GHG emissions per unit area | tCO2e per sq.m | 0.064 | 0.071 |',
    '| Wastewater discharge volume | m3 | 58,600 | 65,000 |',
    '| Wastewater discharge per unit area | m3 per sq.m | 0.0616 | 0.0713 |',
    '| Total hazardous waste generated | kg | 85 | 85 |',
    '| Hazardous waste generated per unit area | g per sq.m | 0.0012 | 0.0012 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch');
  assert.ok(d.length >= 1, 'the hazardous waste intensity is flagged');
  assert.ok(
    d.every((x) => x.range.start.line === lineOf(text, '| Hazardous waste generated per unit area')),
    JSON.stringify(d.map((x) => x.message)),
  );
  // Two intensities that disagree say one of them is wrong, not which: neither is flagged.
  const two = table([
    '| Total GHG emissions | tCO2e | 60,861 | 64,731 |',
    '| GHG emissions per unit area | tCO2e per sq.m | 0.064 | 0.071 |',
    '| Total hazardous waste generated | kg | 85 | 85 |',
    '| Hazardous waste generated per unit area | g per sq.m | 0.0012 | 0.0012 |',
  ]);
  const twoRun = run(two, { locale: 'en' });
  assert.deepEqual(
    twoRun.model.kpiTables[0].rows.map((r) => r.kpiId),
    ['ghg.total', 'ghg.intensity_per_floor_area.total', 'waste.hazardous', 'waste.hazardous.intensity.per-floor-area'],
    'both intensities are read',
  );
  assert.equal(byRule(twoRun, 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information').length, 0);
});

test('two equally large agreeing groups: the coarse odd member is measured against the one ten times more precise; two as precise as each other are left', () => {
  const one = (rows: string[]) => `${EN}| Indicator | Unit | FY2024 |\n|---|---|--:|\n${rows.join('\n')}\n`;
  // Kwoon Chung 2022/23: 39.87 implies HK$1,193.1-1,193.4 million, 0.03 allows 916-1,283, 0.008 allows
  // 1,229-1,393: both groups {GHG, non-hazardous} and {solids, non-hazardous} agree.
  const text = one([
    '| Total GHG Emissions (Scope 1 and 2) | Tonnes CO2e | 47,574.8 |',
    '| Intensity of GHG Emissions | Tonnes CO2e/million HKD revenue | 39.87 |',
    '| Total Hazardous Waste (Solids) | Tonnes | 10.45 |',
    '| Intensity of Hazardous Waste (Solids) | Tonnes/million HKD revenue | 0.008 |',
    '| Total Non-hazardous Waste | Tonnes | 32.07 |',
    '| Intensity of Non-hazardous Waste | Tonnes/million HKD revenue | 0.03 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information');
  assert.deepEqual(
    d.map((x) => x.range.start.line),
    [lineOf(text, '| Intensity of Hazardous Waste (Solids)')],
    JSON.stringify(d.map((x) => x.message)),
  );
  // 10.45 / 1,193.2 = 0.00876.
  assert.match(d[0].message, /\b0\.009\b/);
  // VTech FY2021: 0.542 and 45.5 pin the production volume about as tightly (154,610-154,896 against
  // 154,087-154,426 thousand units), 0.028 allows both: nothing says which one is wrong.
  const even = one([
    '| GHG emission Scope 1 | tonne of CO2e | 4,367 |',
    '| GHG emission Scope 1 per production output | tonne of CO2e per 1000 unit | 0.028 |',
    '| GHG emission Scope 2 | tonne of CO2e | 83,876 |',
    '| GHG emission Scope 2 per production output | tonne of CO2e per 1000 unit | 0.542 |',
    '| GHG emission Scope 3 | tonne of CO2e | 7,018,644 |',
    '| GHG emission Scope 3 per production output | tonne of CO2e per 1000 unit | 45.5 |',
  ]);
  const evenRun = run(even, { locale: 'en' });
  assert.ok(
    evenRun.model.kpiTables[0].rows.every((r) => r.kpiId),
    'every row is read',
  );
  assert.deepEqual(
    byRule(evenRun, 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information'),
    [],
  );
});

test("an intensity per employee of any family divides that family's figure, so a GHG intensity per person is measured by the water and electricity ones", () => {
  const text = table([
    '| Electricity | kWh | 52,796 | 54,813 |',
    '| Electricity per employee | kWh/person | 89.48 | 98.06 |',
    '| Water | m3 | 2,399,407 | 1,948,043 |',
    '| Water consumption per employee | m3/person | 4,066.79 | 3,484.87 |',
    '| Total GHG emissions | tCO2e | 174,542 | 174,199 |',
    '| GHG emission intensity per employee | tCO2e/person | 296 | 311 |',
  ]);
  const all = byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch');
  const d = all.filter((x) => x.severity !== 'information');
  // FY2024: 174,199 / 559 employees (what electricity and water imply) = 311.6, printed 311 (truncated).
  assert.deepEqual(
    d.map((x) => x.range.start.line),
    [lineOf(text, '| GHG emission intensity per employee')],
    JSON.stringify(all.map((x) => x.message)),
  );
  assert.match(d[0].message, /\b312\b/);
  assert.match(d[0].message, /2024/);
});

test("a numerator row with no unit is read in its intensity's numerator unit, only to find the common denominator; the computed figure uses what all the agreeing ones imply", () => {
  const rows = [
    '| Total GHG emissions | tCO2e | 60,861 | 64,731 |',
    '| GHG emissions per unit area | tCO2e per sq.m | 0.064 | 0.071 |',
    '| Total general solid waste | tonnes | 6,436 | 5,515 |',
    '| General solid waste per unit area | kg per sq.m | 6.8 | 10.27 |',
    '| Wastewater discharge volume | | 380,000 | 400,241 |',
    '| Wastewater discharge per unit area | m³ per sq.m | 0.40 | 0.437 |',
  ];
  const text = table(rows);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information');
  // FY2024: GHG (905,328-918,170 m²) and wastewater (914,835-916,934 m², read in m³) agree; the solid
  // waste intensity 10.27 implies 537,000 m²: 5,515 t over the area both share is 6.01-6.03 kg per sq.m.
  assert.deepEqual(
    d.map((x) => x.range.start.line),
    [lineOf(text, '| General solid waste per unit area')],
    JSON.stringify(d.map((x) => x.message)),
  );
  assert.match(d[0].message, /the inputs give 6\.02\b/);
  assert.match(d[0].message, /2024/);
  // The same wastewater figure is never flagged on its assumed unit: as the odd one out it is only left unchecked.
  const odd = table([
    rows[0],
    rows[1],
    rows[2],
    '| General solid waste per unit area | kg per sq.m | 6.8 | 6.02 |',
    '| Wastewater discharge volume | | 380 | 400 |',
    rows[5],
  ]);
  assert.deepEqual(
    byRule(run(odd, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information'),
    [],
  );
  // Without the unitless pair, the two that disagree tell nothing: no finding.
  const two = table(rows.slice(0, 4));
  assert.deepEqual(
    byRule(run(two, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information'),
    [],
  );
});

test('of two intensities that disagree, the one whose denominator jumps tenfold from the other years while the other stays is flagged', () => {
  const EN3 = (rows: string[]) =>
    `${EN}| Indicator | Unit | FY2022 | FY2023 | FY2024 |\n|---|---|--:|--:|--:|\n${rows.join('\n')}\n`;
  const ghg = '| Total GHG emissions | tCO2e | 19,548 | 25,260.93 | 18,236.45 |';
  const ghgIntensity = '| GHG emission intensity | tCO2e per HK$ million revenue | 4.67 | 6.01 | 4.52 |';
  const waste = '| Total hazardous waste | tonne | 105.37 | 114.33 | 111.98 |';
  const text = EN3([
    ghg,
    ghgIntensity,
    waste,
    '| Hazardous waste intensity | kg per HK$ million revenue | 25.18 | 27.19 | 0.03 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information');
  // FY2024: 0.03 implies about 3.7 million HK$ million, the GHG intensity HK$4,030-4,039 million as in the
  // other years (about 4,190-4,200): 111,980 kg over that is 27.72-27.79 kg per HK$ million.
  assert.deepEqual(
    d.map((x) => x.range.start.line),
    [lineOf(text, '| Hazardous waste intensity')],
    JSON.stringify(d.map((x) => x.message)),
  );
  assert.match(d[0].message, /\(2024\)/);
  assert.match(d[0].message, /27\.7[2-9]/);
  // A plain disagreement of two (neither tenfold off the other years) still says nothing of which is wrong.
  const near = EN3([
    ghg,
    ghgIntensity,
    waste,
    '| Hazardous waste intensity | kg per HK$ million revenue | 25.18 | 27.19 | 30.10 |',
  ]);
  assert.deepEqual(
    byRule(run(near, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information'),
    [],
  );
  // Nor does a single year: nothing to compare the jump with.
  const single = `${EN}| Indicator | Unit | FY2024 |\n|---|---|--:|\n| Total GHG emissions | tCO2e | 18,236.45 |\n| GHG emission intensity | tCO2e per HK$ million revenue | 4.52 |\n| Total hazardous waste | tonne | 111.98 |\n| Hazardous waste intensity | kg per HK$ million revenue | 0.03 |\n`;
  assert.deepEqual(
    byRule(run(single, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information'),
    [],
  );
});

test('a GHG intensity with no all-scope total divides Scope 1 + 2; a segment divides by its own denominator, a kind by the common one', () => {
  const text = table([
    '| Total GHG emissions (Scope 1 and 2) | tCO2e | 4,000 | 4,400 |',
    '| GHG intensity | tCO2e/HK$ million | 4.00 | 4.40 |',
    '| Total non-hazardous waste | tonnes | 100 | 110 |',
    '| Intensity of non-hazardous waste | tonnes/HK$ million | 0.100 | 0.110 |',
    '| Total hazardous waste (solids) | tonnes | 10 | 11 |',
    '| Intensity of hazardous waste (solids) | tonnes/HK$ million | 0.010 | 0.030 |',
    '| Total GHG emissions (excluding the logistics business) | tCO2e | 1,000 | 1,100 |',
    '| GHG intensity (excluding the logistics business) | tCO2e/HK$ million | 2.00 | 2.20 |',
  ]);
  const d = byRule(run(text, { locale: 'en' }), 'kpi/intensity-mismatch').filter((x) => x.severity !== 'information');
  // The solid waste intensity of FY2024 (0.030 where 11 / 1,000 = 0.011) against the revenue the GHG and
  // non-hazardous intensities agree on; the segment's intensity (its own revenue of 500) is not measured by it.
  assert.deepEqual(
    d.map((x) => [x.range.start.line, /2024/.test(x.message)]),
    [[lineOf(text, '| Intensity of hazardous waste (solids)'), true]],
    JSON.stringify(d.map((x) => x.message)),
  );
  assert.match(d[0].message, /0\.011/);
});

test('ids recognition builds are not categories of a wildcard sum, nor one figure across tables', () => {
  // A site's Scope 3 figure is a part of Scope 3, not one of its categories: sum(ghg.scope3.*) leaves it out.
  const sum = table([
    '| Scope 3 Category 1: Purchased goods and services | tCO2e | 100 | 100 |',
    '| Scope 3 Category 6: Business travel | tCO2e | 200 | 200 |',
    '| Scope 3 GHG emissions - Brazil | tCO2e | 50 | 50 |',
    '| [Scope 3 GHG emissions]{#ghg.scope3 formula="sum(ghg.scope3.*)"} | tCO2e | 300 | 300 |',
  ]);
  const a = run(sum, { locale: 'en' });
  assert.match(a.model.kpiTables[0].rows[2].kpiId ?? '', /^ghg\.scope3\.p-/);
  assert.equal(
    a.diagnostics.filter((d) => d.rule.startsWith('formula/') && d.severity !== 'information').length,
    0,
    JSON.stringify(a.diagnostics.map((d) => d.message)),
  );
  // 'Hong Kong' under 'Diesel' in a table of stationary and one of mobile sources: two figures.
  const twoTables = `${EN}## Stationary sources\n\n| Indicator | | Unit | FY2024 |\n|---|---|---|--:|\n| Diesel | | litres | 1,000 |\n| | Hong Kong | litres | 900 |\n\n## Mobile sources\n\n| Indicator | | Unit | FY2024 |\n|---|---|---|--:|\n| Diesel | | litres | 300 |\n| | Hong Kong | litres | 100 |\n`;
  const b = run(twoTables, { locale: 'en' });
  assert.ok(
    b.model.kpiTables.every((t) => t.rows[1].kpiId),
    'both rows are recognised',
  );
  // (The two Diesel totals still conflict: the section heading above a table is not read, a known limit.)
  const hk = byRule(b, 'kpi/value-conflict').filter((d) => d.message.includes('Hong Kong'));
  assert.equal(hk.length, 0, JSON.stringify(hk.map((d) => d.message)));
});

test('a built intensity needs a unit that divides; a bilingual label whose English half is a built figure is that figure', async () => {
  const { recogniseLabel } = await import('../../server/src/engine/recognition/labels');
  assert.equal(recogniseLabel('Scope 1 intensity', { unit: 'kg' }), undefined);
  assert.equal(recogniseLabel('Scope 1 intensity', { unit: 'tCO2e/HK$ million' })?.kpiId, 'ghg.scope1.intensity');
  assert.match(
    recogniseLabel('Scope 1 GHG emissions - Brazil 範圍一溫室氣體排放－巴西', { unit: 'tCO2e' })?.kpiId ?? '',
    /^ghg\.scope1\.(?:p-|part\.open-)/,
  );
});
