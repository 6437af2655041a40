import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import factorData from '../../server/src/engine/catalogs/data/factors.json';
import { factorCatalogSchema, type FactorCatalog } from '../../server/src/engine/catalogs/schema';
import { checkCatalogs } from '../../server/src/engine/catalogs/check';
import {
  allFactors,
  factorDecimals,
  factorsFor,
  getFactor,
  gridFactorsCN,
  matchScope3Category,
  newestInSeries,
  scope3Categories,
  suggestFactorId,
} from '../../server/src/engine/catalogs/factors';
import { factorQuantity, findFactorsByValue } from '../../server/src/engine/numbers/factorValues';
import { parseUnit } from '../../server/src/engine/catalogs/units';
import { REPO_ROOT } from '../helpers/paths';

const catalog = factorData as FactorCatalog;

test('factor catalog: matches its schema and passes the cross checks', () => {
  const parsed = factorCatalogSchema.safeParse(factorData);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  assert.deepEqual(
    checkCatalogs().filter((p) => p.startsWith('factors')),
    [],
  );
});

test('factor catalog: the schema rejects a value that is not its printed form, and an unknown kind', () => {
  const first = catalog.factors[0];
  const bad = { ...catalog, factors: [{ ...first, printed: '0.5367' }] };
  assert.equal(factorCatalogSchema.safeParse(bad).success, false);
  const badKind = { ...catalog, factors: [{ ...first, kind: 'grid-ish' }] };
  assert.equal(factorCatalogSchema.safeParse(badKind).success, false);
});

test('factor catalog: the committed JSON is what the generator makes from data/reference/ghg-factors.yaml', () => {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'gen-factor-catalog.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.match(out, /up to date/);
});

test('factor catalog: every unit parses, and every factor has an exact quantity', () => {
  for (const f of allFactors()) {
    const u = parseUnit(f.unit);
    assert.ok(u.ok, `${f.id}: ${f.unit}`);
    const q = factorQuantity(f.id);
    assert.ok(q, f.id);
    assert.equal(q.value.lo, q.value.hi, `${f.id} is exact`);
  }
  // kgCO2/kWh in base units is tCO2e per kWh.
  const q = factorQuantity('cn-grid-2023')!;
  assert.deepEqual(q.dim, { co2e: 1, energy: -1 });
  assert.ok(Math.abs(q.value.lo - 0.5306e-3) < 1e-15);
});

test('factor catalog: published values (spot checks against the MEE/NBS, IPCC, GB/T 2589 figures in the reference)', () => {
  const expect: [string, string, string, number?][] = [
    ['cn-grid-2021', '0.5568', 'kgCO2/kWh', 2021],
    ['cn-grid-2022', '0.5366', 'kgCO2/kWh', 2022],
    ['cn-grid-2023', '0.5306', 'kgCO2/kWh', 2023],
    ['cn-grid-2022-excl-nonfossil', '0.5856', 'kgCO2/kWh', 2022],
    ['cn-grid-2023-excl-nonfossil', '0.6096', 'kgCO2/kWh', 2023],
    ['cn-grid-2021-fossil', '0.8426', 'kgCO2/kWh'],
    ['cn-grid-2022-fossil', '0.8325', 'kgCO2/kWh'],
    ['cn-grid-2023-fossil', '0.8273', 'kgCO2/kWh'],
    ['cn-grid-north-2022', '0.6776', 'kgCO2/kWh'],
    ['cn-grid-east-2023', '0.5500', 'kgCO2/kWh'],
    ['cn-grid-yunnan-2022', '0.1073', 'kgCO2/kWh'],
    ['cn-elec-cf-2024', '0.5777', 'kgCO2e/kWh'],
    ['hk-clp-2019', '0.49', 'kgCO2/kWh', 2019],
    ['hk-hkelectric-2018', '0.80', 'kgCO2e/kWh'],
    ['ipcc2006-diesel-co2', '74100', 'kgCO2/TJ'],
    ['ipcc2006-diesel-ncv', '43.0', 'TJ/Gg'],
    ['cn-ndrc-natural-gas-co2', '2.1622', 'kgCO2/m3'],
    ['gbt2589-electricity', '0.1229', 'kgce/kWh'],
    ['gbt2589-gasoline', '1.4714', 'kgce/kg'],
    ['gbt2589-natural-gas-oilfield', '1.3300', 'kgce/m3'],
    ['gwp-ar5-ch4', '28', 'kgCO2e/kg'],
    ['gwp-ar6-ch4-fossil', '29.8', 'kgCO2e/kg'],
    ['gwp-ar6-ch4-non-fossil', '27.0', 'kgCO2e/kg'],
    ['gwp-ar6-n2o', '273', 'kgCO2e/kg'],
    ['gwp-ar4-hfc-134a', '1430', 'kgCO2e/kg'],
    ['gwp-ar5-hfc-134a', '1300', 'kgCO2e/kg'],
  ];
  for (const [id, printed, unit, year] of expect) {
    const f = getFactor(id);
    assert.ok(f, id);
    assert.equal(f.printed, printed, id);
    assert.equal(f.value, Number(printed), id);
    assert.equal(f.unit, unit, id);
    if (year !== undefined) assert.equal(f.year, year, id);
    assert.ok(f.verified.length > 0 && f.source.title.length > 0, id);
  }
  assert.equal(factorDecimals(getFactor('cn-grid-east-2023')!), 4, 'trailing zeros keep the published precision');
  // The reference's own ids resolve to the same entries.
  assert.equal(getFactor('cn-grid-avg-2023')?.id, 'cn-grid-2023');
  assert.equal(getFactor('cn-grid-avg-2022-north')?.id, 'cn-grid-north-2022');
  assert.equal(getFactor('ipcc2006-co2-gas-diesel-oil')?.id, 'ipcc2006-diesel-co2');
  assert.equal(getFactor('no-such-factor'), undefined);
});

test('factor catalog: coefficients agree with the relations they come from', () => {
  // GB/T 2589: electricity 3 600 kJ/kWh over 29 307 kJ/kgce is 0.12284, one unit in the last place
  // below the published 0.1229 (which is 860 kcal/kWh over 7 000 kcal/kgce = 0.12286, rounded).
  const kgce = getFactor('gbt2589-kgce')!.value;
  const electricity = getFactor('gbt2589-electricity')!.value;
  assert.ok(Math.abs(3600 / kgce - electricity) <= 0.0001);
  assert.ok(Math.abs(860 / 7000 - electricity) < 0.00005);
  // NDRC defaults: EF = NCV x carbon content x oxidation x 44/12 (to the printed precision).
  for (const fuel of ['gasoline', 'diesel', 'lpg']) {
    const ncv = getFactor(`cn-ndrc-${fuel}-ncv`)!.value; // GJ/t
    const cc = getFactor(`cn-ndrc-${fuel}-carbon`)!.value; // tC/TJ
    const co2 = getFactor(`cn-ndrc-${fuel}-co2`)!;
    const computed = (ncv * cc * co2.oxidation! * 44) / 12 / 1000; // tCO2/t
    assert.ok(Math.abs(computed - co2.value) < 0.00005 + 1e-9, `${fuel}: ${computed} vs ${co2.value}`);
  }
  // IPCC: CO2 factor (kg/TJ) = carbon content (kgC/GJ) x 44/12 x 1000, as tabulated (to 0.1%).
  for (const fuel of ['gasoline', 'diesel', 'natural-gas', 'lpg']) {
    const computed = (getFactor(`ipcc2006-${fuel}-carbon`)!.value * 44 * 1000) / 12;
    const tabulated = getFactor(`ipcc2006-${fuel}-co2`)!.value;
    assert.ok(Math.abs(computed - tabulated) / tabulated < 0.001, fuel);
  }
});

test('factorsFor, gridFactorsCN, newestInSeries', () => {
  const cn2022 = factorsFor({ kind: 'grid', region: 'CN', year: 2022 })
    .map((f) => f.id)
    .sort();
  assert.deepEqual(cn2022, ['cn-grid-2022', 'cn-grid-2022-excl-nonfossil', 'cn-grid-2022-fossil']);
  const national = factorsFor({ kind: 'grid', region: 'CN', basis: 'average' }).map((f) => f.year);
  assert.deepEqual(national, [2023, 2022, 2021], 'newest first');
  const grid = gridFactorsCN();
  assert.equal(grid.length, 32);
  assert.ok(grid.every((f) => f.kind === 'grid' && f.region.startsWith('CN')));
  assert.equal(newestInSeries('cn-grid:CN:average')?.id, 'cn-grid-2023');
  assert.equal(newestInSeries('hk-grid:clp')?.id, 'hk-clp-2019');
  assert.equal(newestInSeries('nope'), undefined);
});

test('findFactorsByValue: which catalog factors a printed value can stand for', () => {
  const ids = (xs: { id: string }[]) => xs.map((f) => f.id).sort();
  assert.deepEqual(ids(findFactorsByValue(0.5366, 'kgCO2/kWh')), ['cn-grid-2022']);
  assert.deepEqual(ids(findFactorsByValue(0.5366, 'tCO₂/MWh')), ['cn-grid-2022'], 'tCO2/MWh = kgCO2/kWh');
  assert.deepEqual(ids(findFactorsByValue(536.6, 'kgCO2/MWh')), ['cn-grid-2022']);
  // 0.54 with 2 decimals stands for 0.535..0.545.
  assert.deepEqual(ids(findFactorsByValue(0.54, 'kgCO2/kWh')), ['cn-grid-2022', 'cn-grid-central-2022']);
  assert.deepEqual(ids(findFactorsByValue(0.54, 'kgCO2/kWh', 4)), []);
  assert.deepEqual(findFactorsByValue(0.5366, 'kWh'), [], 'wrong dimension');
  assert.deepEqual(findFactorsByValue(0.5366, 'furlongs'), [], 'unknown unit');
  assert.deepEqual(findFactorsByValue(Number.NaN, 'kgCO2/kWh'), []);
  assert.deepEqual(ids(findFactorsByValue(0.1229, 'kgce/kWh')), ['gbt2589-electricity']);
});

test('Scope 3 categories: the 15 GHG Protocol categories, matched by name in any language and the seeds’ wordings', () => {
  const cats = scope3Categories();
  assert.deepEqual(
    cats.map((c) => c.n),
    Array.from({ length: 15 }, (_, i) => i + 1),
  );
  for (const c of cats)
    for (const l of ['en', 'zh-Hant', 'zh-Hans'] as const) assert.ok(c.names[l].length > 1, `${c.n} ${l}`);
  assert.equal(cats[5].names.en, 'Business travel');
  const n = (s: string | number) => matchScope3Category(s)?.n;
  assert.equal(n('員工差旅'), 6, 'seed 002 calls business travel 員工差旅');
  assert.equal(n('商務旅行'), 6);
  assert.equal(n('员工通勤'), 7);
  assert.equal(n('固定資產'), 2, 'seed 001 calls capital goods 固定資產');
  assert.equal(n('上遊資產租賃'), 8);
  assert.equal(n('燃料與能源相關活動'), 3);
  assert.equal(n('Purchased goods and services'), 1);
  assert.equal(n('scope3.c15'), 15);
  assert.equal(n(11), 11);
  assert.equal(n('出差'), undefined);
  assert.equal(n(16), undefined);
});

test('suggestFactorId: the nearest id for a typo, nothing for a stranger', () => {
  assert.equal(suggestFactorId('cn-grid-2032'), 'cn-grid-2022');
  assert.equal(suggestFactorId('cn-gird-2023'), 'cn-grid-2023');
  assert.equal(suggestFactorId('foo'), undefined);
  assert.equal(suggestFactorId(''), undefined);
});
