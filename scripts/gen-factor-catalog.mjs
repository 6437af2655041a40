#!/usr/bin/env node
// Generates server/src/engine/catalogs/data/factors.json from the reference catalog
// data/reference/ghg-factors.yaml (its sources: data/reference/README.md). The JSON is committed as project data; this script documents
// how it was made and makes a re-run reproducible.
//
//   node scripts/gen-factor-catalog.mjs [path/to/ghg-factors.yaml] [--check]
//
// --check compares the generated JSON with the committed file and exits 1 when they differ.
//
// Values are taken from the YAML's source text (the scalar as written, e.g. '0.5500'), so no figure
// is re-rounded: `value` is the number and `printed` the published spelling with its decimals.
// Ids follow the project's dialect (`cn-grid-2023`, `cn-grid-north-2022`, `ipcc2006-diesel-co2`);
// the reference's own ids are kept as `aliases` so either resolves. Names are written here
// (own labels, from templates); zh-Hans is converted from zh-Hant with opencc-js (hk -> cn).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import * as OpenCC from 'opencc-js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const referencePath = resolve(
  args.find((a) => !a.startsWith('--')) ?? resolve(repoRoot, 'data/reference/ghg-factors.yaml'),
);
const outPath = resolve(repoRoot, 'server/src/engine/catalogs/data/factors.json');

const doc = parseDocument(readFileSync(referencePath, 'utf8'));
if (doc.errors.length) throw new Error(`${referencePath}: ${doc.errors[0].message}`);
const ref = doc.toJS();
const toHans = OpenCC.Converter({ from: 'hk', to: 'cn' });
const localize = (en, zhHant) => ({ en, 'zh-Hant': zhHant, 'zh-Hans': toHans(zhHant) });

/** The scalar as written in the YAML (e.g. '0.5500'), so the published precision survives. */
function printedAt(path) {
  const node = doc.getIn(path, true);
  if (!node || node.source === undefined) throw new Error(`no scalar at ${path.join('.')}`);
  const text = String(node.source).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a plain number at ${path.join('.')}: ${text}`);
  return text;
}
const numberOf = (printed) => Number(printed);

// ---- publications ----------------------------------------------------------------------------

/** Dates as the reference gives them; free-text dates keep their wording. */
function publication(key) {
  const s = ref.sources[key];
  if (!s) throw new Error(`unknown source ${key}`);
  const out = {
    title: s.title_en,
    publisher: s.publisher,
    date: String(s.date instanceof Date ? s.date.toISOString().slice(0, 10) : s.date),
  };
  if (s.title_zh) {
    out.titleZh = s.title_zh;
    out.titleZhHans = toHans(s.title_zh);
  }
  // The first verification that is a bare URL is the place a reader can check the publication.
  const url = (s.verified ?? []).map((v) => /^(https?:\/\/\S+)/.exec(v)?.[1]).find(Boolean);
  if (url) out.url = url;
  return out;
}

/** HK utility entries carry their source inline in the reference. */
function inlineSource(s) {
  return {
    title: s.title,
    publisher: s.publisher,
    date: String(s.date instanceof Date ? s.date.toISOString().slice(0, 10) : s.date),
  };
}

// ---- regions ---------------------------------------------------------------------------------

// [code, slug in the reference ids, en, zh-Hant, synonyms used to recognise the region in prose]
const REGIONS = [
  ['CN', null, 'China (national)', '全國', ['全國', '全国', 'national', 'nationwide']],
  ['CN-grid-north', 'north', 'North China grid', '華北', ['華北', '华北', 'North China']],
  ['CN-grid-northeast', 'northeast', 'Northeast China grid', '東北', ['東北', '东北', 'Northeast China']],
  ['CN-grid-east', 'east', 'East China grid', '華東', ['華東', '华东', 'East China']],
  ['CN-grid-central', 'central', 'Central China grid', '華中', ['華中', '华中', 'Central China']],
  ['CN-grid-northwest', 'northwest', 'Northwest China grid', '西北', ['西北', 'Northwest China']],
  [
    'CN-grid-south',
    'south',
    'China Southern grid',
    '南方',
    ['南方電網', '南方电网', '南方區域', '南方区域', 'South China grid', 'China Southern'],
  ],
  ['CN-grid-southwest', 'southwest', 'Southwest China grid', '西南', ['西南', 'Southwest China']],
  ['CN-HE', 'hebei', 'Hebei', '河北', ['河北', 'Hebei']],
  ['CN-SX', 'shanxi', 'Shanxi', '山西', ['山西', 'Shanxi']],
  ['CN-TJ', 'tianjin', 'Tianjin', '天津', ['天津', 'Tianjin']],
  ['CN-NM', 'inner-mongolia', 'Inner Mongolia', '內蒙古', ['內蒙古', '内蒙古', 'Inner Mongolia']],
  ['CN-AH', 'anhui', 'Anhui', '安徽', ['安徽', 'Anhui']],
  ['CN-FJ', 'fujian', 'Fujian', '福建', ['福建', 'Fujian']],
  ['CN-GX', 'guangxi', 'Guangxi', '廣西', ['廣西', '广西', 'Guangxi']],
  ['CN-QH', 'qinghai', 'Qinghai', '青海', ['青海', 'Qinghai']],
  ['CN-SC', 'sichuan', 'Sichuan', '四川', ['四川', 'Sichuan']],
  ['CN-YN', 'yunnan', 'Yunnan', '雲南', ['雲南', '云南', 'Yunnan']],
  ['HK', null, 'Hong Kong', '香港', ['香港', 'Hong Kong', '中電', '中电', 'CLP', '港燈', '港灯', 'HK Electric']],
  ['global', null, 'Global default', '全球缺省值', []],
];
const regionBySlug = new Map(REGIONS.filter((r) => r[1]).map((r) => [r[1], r]));
const regions = REGIONS.map(([code, , en, zh, synonyms]) => ({ code, names: localize(en, zh), synonyms }));

// ---- factors ---------------------------------------------------------------------------------

const factors = [];
const add = (f) => factors.push(f);

// 1. Mainland grid CO2 factors. Reference ids: cn-grid-{avg|fossil|excl-mkt-nonfossil}-YEAR[-region].
ref.grid_factors_cn.forEach((g, i) => {
  const m = /^cn-grid-(avg|fossil|excl-mkt-nonfossil)-(\d{4})(?:-([a-z-]+))?$/.exec(g.id);
  if (!m) throw new Error(`unexpected grid id ${g.id}`);
  const [, basisKey, year, slug] = m;
  if (Number(year) !== g.year) throw new Error(`${g.id}: year ${g.year}`);
  const region = slug ? regionBySlug.get(slug) : REGIONS[0];
  if (!region) throw new Error(`${g.id}: unknown region ${slug}`);
  const basis = { avg: 'average', fossil: 'fossil', 'excl-mkt-nonfossil': 'excl-market-nonfossil' }[basisKey];
  const id = slug
    ? `cn-grid-${slug}-${year}`
    : basis === 'average'
      ? `cn-grid-${year}`
      : `cn-grid-${year}-${basis === 'fossil' ? 'fossil' : 'excl-nonfossil'}`;
  const province = /^CN-[A-Z]{2}$/.test(region[0]);
  let names;
  if (basis === 'fossil')
    names = localize(
      `China national fossil-fuel power CO2 emission factor ${year}`,
      `${year}年全國化石能源電力二氧化碳排放因子`,
    );
  else if (basis === 'excl-market-nonfossil')
    names = localize(
      `China national grid average CO2 emission factor excluding market-traded non-fossil electricity ${year}`,
      `${year}年全國電力平均二氧化碳排放因子（不包括市場化交易的非化石能源電量）`,
    );
  else if (!slug)
    names = localize(
      `China national grid average CO2 emission factor ${year}`,
      `${year}年全國電力平均二氧化碳排放因子`,
    );
  else
    names = localize(
      `${region[2]} average CO2 emission factor ${year}`,
      `${year}年${region[3]}${province ? '省級' : '區域'}電力平均二氧化碳排放因子`,
    );
  const printed = printedAt(['grid_factors_cn', i, 'value']);
  add({
    id,
    aliases: [g.id],
    kind: 'grid',
    series: `cn-grid:${region[0]}:${basis}`,
    names,
    value: numberOf(printed),
    printed,
    unit: g.unit,
    year: g.year,
    region: region[0],
    gas: g.gas,
    basis,
    source: publication(g.source),
    verified: g.verified,
  });
});

// 2. Electricity carbon-footprint factors (life-cycle, CO2e).
ref.electricity_carbon_footprint_cn.forEach((c, i) => {
  if (!c.id) return; // notes
  const printed = printedAt(['electricity_carbon_footprint_cn', i, 'value']);
  add({
    id: `cn-elec-cf-${c.year}`,
    aliases: [c.id],
    kind: 'electricity-footprint',
    series: 'cn-elec-cf:CN:life-cycle',
    names: localize(
      `China national electricity carbon footprint factor ${c.year}`,
      `${c.year}年全國電力平均碳足跡因子`,
    ),
    value: numberOf(printed),
    printed,
    unit: c.unit,
    year: c.year,
    region: 'CN',
    gas: c.gas,
    basis: 'life-cycle',
    source: publication(c.source),
    verified: c.verified,
    notes: 'Life-cycle (CO2e) factor for product footprints and Scope 3; not a Scope 2 location-based factor.',
  });
});

// 3. Hong Kong utilities (only the years confirmed in the reference).
ref.grid_factors_hk.forEach((h, i) => {
  if (!h.id) return;
  const clp = h.id.startsWith('hk-clp');
  const printed = printedAt(['grid_factors_hk', i, 'value']);
  add({
    id: h.id,
    kind: 'grid',
    series: clp ? 'hk-grid:clp' : 'hk-grid:hkelectric',
    names: clp
      ? localize(`CLP Power Hong Kong carbon intensity of electricity sold ${h.year}`, `${h.year}年中電售電碳排放強度`)
      : localize(`HK Electric CO2e per unit of electricity sold ${h.year}`, `${h.year}年港燈每度售電二氧化碳當量排放`),
    value: numberOf(printed),
    printed,
    unit: h.unit,
    year: h.year,
    region: 'HK',
    gas: h.gas,
    basis: 'sold-electricity',
    source: inlineSource(h.source),
    verified: h.verified,
    notes: h.basis,
  });
});

// 4. IPCC 2006 Tier 1 defaults.
const IPCC_FUELS = {
  'motor-gasoline': ['gasoline', 'motor gasoline', '車用汽油'],
  'gas-diesel-oil': ['diesel', 'gas/diesel oil', '柴油'],
  'natural-gas': ['natural-gas', 'natural gas', '天然氣'],
  lpg: ['lpg', 'liquefied petroleum gases', '液化石油氣'],
};
const IPCC_QUANTITIES = {
  ncv: ['ncv', 'fuel-ncv', 'net calorific value', '淨發熱值'],
  cc: ['carbon', 'fuel-carbon-content', 'carbon content', '單位熱值含碳量'],
  co2: ['co2', 'fuel-co2', 'CO2 emission factor', '二氧化碳排放因子'],
};
ref.ipcc_2006_defaults.forEach((e, i) => {
  const printed = printedAt(['ipcc_2006_defaults', i, 'value']);
  let id, kind, enName, zhName, gas;
  const stationary = /^ipcc2006-stationary-diesel-(ch4|n2o)$/.exec(e.id);
  if (stationary) {
    const g = stationary[1];
    id = `ipcc2006-diesel-stationary-${g}`;
    kind = `fuel-${g}`;
    gas = g.toUpperCase();
    enName = `IPCC 2006 default ${gas} emission factor, stationary combustion (energy industries): gas/diesel oil`;
    zhName = `IPCC 2006 缺省${g === 'ch4' ? '甲烷' : '氧化亞氮'}排放因子（固定燃燒，能源工業）：柴油`;
  } else {
    const m = /^ipcc2006-(ncv|cc|co2)-(.+)$/.exec(e.id);
    if (!m || !IPCC_FUELS[m[2]]) throw new Error(`unexpected IPCC id ${e.id}`);
    const [slug, fuelEn, fuelZh] = IPCC_FUELS[m[2]];
    const [qSlug, qKind, qEn, qZh] = IPCC_QUANTITIES[m[1]];
    id = `ipcc2006-${slug}-${qSlug}`;
    kind = qKind;
    gas = m[1] === 'co2' ? 'CO2' : undefined;
    enName = `IPCC 2006 default ${qEn}: ${fuelEn}`;
    zhName = `IPCC 2006 缺省${qZh}：${fuelZh}`;
  }
  const f = {
    id,
    aliases: [e.id],
    kind,
    names: localize(enName, zhName),
    value: numberOf(printed),
    printed,
    unit: e.unit,
    year: 2006,
    region: 'global',
    basis: 'default',
    fuel: e.fuel,
    table: e.table,
    source: publication(e.source),
    verified: e.verified,
  };
  if (gas) f.gas = gas;
  if (e.notes) f.notes = e.notes;
  add(f);
});

// 5. Chinese fuel defaults (GB/T 2589-2008 NCV + NDRC carbon content and oxidation): one entry per quantity.
const CN_FUEL_NOTE =
  'GB/T 2589-2008 net calorific value with the NDRC enterprise GHG accounting guidelines’ carbon content and oxidation rate; EF = NCV x carbon content x oxidation x 44/12.';
ref.cn_fuel_defaults.forEach((e, i) => {
  if (!e.id) return;
  const slug = e.id.replace(/^cn-ndrc-/, '');
  const [fuelZh, ...fuelEnWords] = String(e.fuel).split(' ');
  const fuelEn = fuelEnWords.join(' ');
  const source = {
    title:
      'Compilation 《各種能源折標準煤及碳排放參考系數》 (GB/T 2589-2008 NCV; NDRC enterprise GHG accounting guidelines carbon content and oxidation)',
    publisher: 'GB/T 2589 (SAC) and NDRC guidelines, as compiled',
    date: '2008 (GB/T 2589 edition)',
  };
  const url = e.verified.map((v) => /^(https?:\/\/\S+)/.exec(v)?.[1]).find(Boolean);
  if (url) source.url = url;
  const parts = [
    ['ncv', 'ncv', 'fuel-ncv', 'net calorific value', '低位發熱量', undefined, undefined],
    [
      'carbon_content',
      'carbon',
      'fuel-carbon-content',
      'carbon content per unit of heat',
      '單位熱值含碳量',
      undefined,
      undefined,
    ],
    ['co2_factor', 'co2', 'fuel-co2', 'CO2 emission factor', '二氧化碳排放因子', 'CO2', e.id],
  ];
  for (const [key, qSlug, kind, qEn, qZh, gas, alias] of parts) {
    const printed = printedAt(['cn_fuel_defaults', i, key, 'value']);
    const f = {
      id: `cn-ndrc-${slug}-${qSlug}`,
      kind,
      names: localize(`China default ${qEn}: ${fuelEn}`, `中國缺省${qZh}：${fuelZh}`),
      value: numberOf(printed),
      printed,
      unit: e[key].unit,
      year: 2008,
      region: 'CN',
      basis: 'default',
      fuel: e.fuel,
      source,
      verified: e.verified,
      notes: CN_FUEL_NOTE,
    };
    if (alias) f.aliases = [alias];
    if (gas) {
      f.gas = gas;
      f.oxidation = e.oxidation;
    }
    add(f);
  }
});

// 6. GB/T 2589 standard-coal coefficients.
ref.standard_coal_cn.forEach((e, i) => {
  if (!e.id) return;
  const base = { source: publication(e.source), verified: e.verified };
  if (e.id === 'gbt2589-kgce-definition') {
    const printed = printedAt(['standard_coal_cn', i, 'value']);
    add({
      id: 'gbt2589-kgce',
      aliases: [e.id],
      kind: 'energy-definition',
      names: localize('GB/T 2589: lower heating value of 1 kgce', 'GB/T 2589：1 千克標準煤的低位發熱量'),
      value: numberOf(printed),
      printed,
      unit: 'kJ/kgce',
      year: 2008,
      region: 'CN',
      basis: 'definition',
      edition: e.edition,
      ...base,
    });
    return;
  }
  if (e.id === 'gbt2589-electricity-equivalent') {
    const printed = printedAt(['standard_coal_cn', i, 'value']);
    add({
      id: 'gbt2589-electricity',
      aliases: [e.id],
      kind: 'standard-coal',
      names: localize(
        'GB/T 2589 standard-coal coefficient: electricity (equivalent value)',
        'GB/T 2589 折標準煤係數：電力（當量值）',
      ),
      value: numberOf(printed),
      printed,
      unit: e.unit,
      year: 2008,
      region: 'CN',
      basis: 'equivalent-value',
      fuel: 'electricity 電力',
      edition: e.edition,
      notes: e.notes,
      ...base,
    });
    return;
  }
  if (e.id === 'seed003-gbt2589-2020-gasoline-ncv') {
    const printed = printedAt(['standard_coal_cn', i, 'ncv', 'value']);
    add({
      id: 'gbt2589-2020-gasoline-ncv-as-cited',
      aliases: [e.id],
      kind: 'fuel-ncv',
      names: localize(
        'Gasoline net calorific value as cited from GB/T 2589-2020 (not confirmed against the standard)',
        '汽油低位發熱量（引自 GB/T 2589-2020，未經標準原文核實）',
      ),
      value: numberOf(printed),
      printed,
      unit: e.ncv.unit,
      year: 2020,
      region: 'CN',
      basis: 'as-cited',
      fuel: e.fuel,
      edition: e.edition,
      notes: e.notes,
      ...base,
    });
    return;
  }
  const m = /^gbt2589-2008-(.+)$/.exec(e.id);
  if (!m) throw new Error(`unexpected GB/T 2589 id ${e.id}`);
  const slug = m[1];
  const [fuelZh, ...fuelEnWords] = String(e.fuel).split(' ');
  const fuelEn = fuelEnWords.join(' ');
  const coef = printedAt(['standard_coal_cn', i, 'coefficient', 'value']);
  add({
    id: `gbt2589-${slug}`,
    aliases: [e.id],
    kind: 'standard-coal',
    names: localize(`GB/T 2589 standard-coal coefficient: ${fuelEn}`, `GB/T 2589 折標準煤係數：${fuelZh}`),
    value: numberOf(coef),
    printed: coef,
    unit: e.coefficient.unit,
    year: 2008,
    region: 'CN',
    basis: 'default',
    fuel: e.fuel,
    edition: e.edition,
    ...base,
  });
  const ncv = printedAt(['standard_coal_cn', i, 'ncv', 'value']);
  add({
    id: `gbt2589-${slug}-ncv`,
    kind: 'fuel-ncv',
    names: localize(`GB/T 2589 net calorific value: ${fuelEn}`, `GB/T 2589 低位發熱量：${fuelZh}`),
    value: numberOf(ncv),
    printed: ncv,
    unit: e.ncv.unit,
    year: 2008,
    region: 'CN',
    basis: 'default',
    fuel: e.fuel,
    edition: e.edition,
    notes: `${e.ncv.kcal} kcal/kg (or /m3) as tabulated`,
    ...base,
  });
});

// 7. GWP-100.
const GWP_YEAR = { AR4: 2007, AR5: 2013, AR6: 2021 };
const GAS_ZH = { CO2: '二氧化碳', CH4: '甲烷', N2O: '氧化亞氮', SF6: '六氟化硫', NF3: '三氟化氮' };
function gasName(gas) {
  const m = /^CH4-(fossil|non-fossil|unspecified)$/.exec(gas);
  if (m)
    return [
      `CH4 (${m[1]})`,
      `甲烷（${{ fossil: '化石來源', 'non-fossil': '非化石來源', unspecified: '未區分來源' }[m[1]]}）`,
    ];
  return [gas, GAS_ZH[gas] ?? gas];
}
for (const ar of ['AR4', 'AR5', 'AR6']) {
  const set = ref.gwp100[ar];
  for (const gas of Object.keys(set.values)) {
    const printed = printedAt(['gwp100', ar, 'values', gas]);
    const [en, zh] = gasName(gas);
    const slug = gas.toLowerCase();
    add({
      id: `gwp-${ar.toLowerCase()}-${slug === 'ch4-unspecified' ? 'ch4' : slug}`,
      ...(slug === 'ch4-unspecified' ? { aliases: ['gwp-ar6-ch4-unspecified'] } : {}),
      kind: 'gwp',
      names: localize(`GWP-100 (${ar}): ${en}`, `全球變暖潛能值 GWP-100（${ar}）：${zh}`),
      value: numberOf(printed),
      printed,
      unit: 'kgCO2e/kg',
      year: GWP_YEAR[ar],
      region: 'global',
      gas: gas.replace(/-(fossil|non-fossil|unspecified)$/, ''),
      basis: ar,
      source: publication(set.source),
      verified: set.verified,
      ...(set.notes ? { notes: set.notes } : {}),
    });
  }
}
ref.gwp100.blends.forEach((b, i) => {
  for (const ar of ['AR4', 'AR5', 'AR6']) {
    const printed = printedAt(['gwp100', 'blends', i, ar]);
    add({
      id: `gwp-${ar.toLowerCase()}-${b.id.toLowerCase()}`,
      kind: 'gwp',
      names: localize(
        `GWP-100 (${ar}): ${b.id} (${b.composition})`,
        `全球變暖潛能值 GWP-100（${ar}）：${b.id}（${b.composition}）`,
      ),
      value: numberOf(printed),
      printed,
      unit: 'kgCO2e/kg',
      year: GWP_YEAR[ar],
      region: 'global',
      gas: b.id,
      basis: ar,
      source: publication(ref.gwp100[ar].source),
      verified: b.verified,
      notes: b.method,
    });
  }
});

// ---- Scope 3 categories ----------------------------------------------------------------------

// zh-Hant names: CLP's Traditional Chinese wording where the reference has it, else own labels in
// the same style. The seeds' wordings become synonyms.
const SCOPE3_ZH_OWN = {
  4: '上游運輸和配送',
  8: '上游租賃資產',
  9: '下游運輸和配送',
  10: '已售產品的加工',
  12: '已售產品的報廢處理',
  13: '下游租賃資產',
  14: '特許經營',
  15: '投資',
};
const scope3Categories = ref.scope3_categories.list.map((c) => {
  const zh = c.zh_clp ?? SCOPE3_ZH_OWN[c.n];
  if (!zh) throw new Error(`no zh-Hant name for Scope 3 category ${c.n}`);
  const seedNames = (c.zh_seeds ?? []).map((s) => s.replace(/\s*\([^)]*\)\s*$/, '').trim());
  const synonyms = [...new Set([...seedNames, ...seedNames.map(toHans), toHans(zh)].filter((s) => s && s !== zh))];
  return {
    n: c.n,
    id: `scope3.c${c.n}`,
    direction: c.direction,
    names: localize(c.en, zh),
    synonyms,
    namesSource: c.zh_clp
      ? 'en: GHG Protocol; zh-Hant: CLP sustainability report (zh-hk)'
      : 'en: GHG Protocol; zh-Hant: own label',
  };
});

// ---- output ----------------------------------------------------------------------------------

const catalog = {
  id: 'ghg-factors',
  sources: [
    {
      ref: 'data/reference/ghg-factors.yaml',
      note: 'every entry lists where its value was confirmed (`verified`); values as published, never re-rounded',
    },
    {
      ref: 'data/reference/README.md (ghg-factors.yaml; Could not be verified 7-11)',
      note: 'what is deliberately missing: 2021 regional factors, 2023 provincial factors, Hong Kong factors after 2019, GB/T 2589-2020 Appendix A',
    },
  ],
  regions,
  factors,
  scope3Categories,
};

const ids = new Set();
for (const f of factors)
  for (const k of [f.id, ...(f.aliases ?? [])]) {
    if (ids.has(k)) throw new Error(`duplicate id ${k}`);
    ids.add(k);
  }

const json = JSON.stringify(catalog, null, 2) + '\n';
if (check) {
  const current = readFileSync(outPath, 'utf8');
  if (current !== json) {
    console.error(`${outPath} is out of date: run node scripts/gen-factor-catalog.mjs`);
    process.exit(1);
  }
  console.log(`${outPath} is up to date (${factors.length} factors, ${scope3Categories.length} Scope 3 categories)`);
} else {
  writeFileSync(outPath, json);
  console.log(
    `wrote ${outPath}: ${factors.length} factors, ${regions.length} regions, ${scope3Categories.length} Scope 3 categories`,
  );
}
