#!/usr/bin/env node
// Generates the ESG Markdown snippets from the catalogs, so that the index table, the KPI tables and
// the climate skeleton always list exactly the requirements and KPI ids the checker knows.
//   node scripts/gen-snippets.mjs          write snippets/esg-markdown.json, snippets/markdown.json and
//                                          snippets/aspect-kpi-tables.json (used by 'Insert KPI Table for an Aspect')
//   node scripts/gen-snippets.mjs --check  fail if the files on disk are not what would be generated
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'server/src/engine/catalogs/data');
const OUT_ESG = join(ROOT, 'snippets/esg-markdown.json');
const OUT_MARKDOWN = join(ROOT, 'snippets/markdown.json');
const OUT_ASPECTS = join(ROOT, 'snippets/aspect-kpi-tables.json');

const LOCALES = /** @type {const} */ (['zh-Hant', 'zh-Hans', 'en']);
const SUFFIX = { 'zh-Hant': 'hant', 'zh-Hans': 'hans', en: 'en' };
const LANGUAGE_NAME = { 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文', en: 'English' };

/** Words of the generated text, per locale. */
const WORDS = {
  'zh-Hant': {
    indexHeading: '附錄：香港聯交所《環境、社會及管治報告守則》內容索引',
    indexHeader: ['指標', '內容', '報告章節／解釋'],
    kpi: (id) => `關鍵績效指標 ${id}`,
    general: (id) => `一般披露 ${id}`,
    deleted: (d) => `[ 於 ${d.y} 年 ${d.m} 月 ${d.d} 日刪除 ]`,
    kpiHeader: ['指標', '單位'],
    year: (n, y) => `\${${n}:${y}} 年`,
    envGroups: { ghg: '溫室氣體排放', energy: '能源', water: '水資源', waste: '廢棄物', packaging: '包裝材料' },
    ghgGroups: { scope: '範圍一及範圍二', scope3: '範圍三（按類別）', total: '總量及密度' },
    socialGroups: { employees: '僱員', turnover: '僱員流失', training: '發展及培訓', safety: '健康與安全' },
    aspectGroups: {
      air: '廢氣排放',
      suppliers: '供應商',
      product: '產品責任',
      corruption: '反貪污',
      community: '社區投資',
    },
    climateHeading: '氣候相關披露',
    explainBody: (n) => `\${${n}:說明不作披露的原因，例如：本集團業務不涉及此範疇，故不適用。}`,
    frontMatter: {
      title: '某某集團 2025 年環境、社會及管治報告',
      issuer: '某某集團有限公司',
      revenue: '萬元',
      employees: '人',
    },
    sectionTitle: '環境管理',
  },
  'zh-Hans': {
    indexHeading: '附录：香港联交所《环境、社会及管治报告守则》内容索引',
    indexHeader: ['指标', '内容', '报告章节／解释'],
    kpi: (id) => `关键绩效指标 ${id}`,
    general: (id) => `一般披露 ${id}`,
    deleted: (d) => `[ 于 ${d.y} 年 ${d.m} 月 ${d.d} 日删除 ]`,
    kpiHeader: ['指标', '单位'],
    year: (n, y) => `\${${n}:${y}} 年`,
    envGroups: { ghg: '温室气体排放', energy: '能源', water: '水资源', waste: '废弃物', packaging: '包装材料' },
    ghgGroups: { scope: '范围一及范围二', scope3: '范围三（按类别）', total: '总量及密度' },
    socialGroups: { employees: '雇员', turnover: '雇员流失', training: '发展及培训', safety: '健康与安全' },
    aspectGroups: {
      air: '废气排放',
      suppliers: '供应商',
      product: '产品责任',
      corruption: '反贪污',
      community: '社区投资',
    },
    climateHeading: '气候相关披露',
    explainBody: (n) => `\${${n}:说明不作披露的原因，例如：本集团业务不涉及此范畴，故不适用。}`,
    frontMatter: {
      title: '某某集团 2025 年环境、社会及管治报告',
      issuer: '某某集团有限公司',
      revenue: '万元',
      employees: '人',
    },
    sectionTitle: '环境管理',
  },
  en: {
    indexHeading: 'Appendix: HKEX ESG Reporting Code content index',
    indexHeader: ['Indicator', 'Requirement', 'Section / explanation'],
    kpi: (id) => `KPI ${id}`,
    general: (id) => `General disclosure ${id}`,
    deleted: (d) => `[ Deleted with effect from ${Number(d.d)} ${MONTHS[Number(d.m) - 1]} ${d.y} ]`,
    kpiHeader: ['Indicator', 'Unit'],
    year: (n, y) => `FY\${${n}:${y}}`,
    envGroups: {
      ghg: 'Greenhouse gas emissions',
      energy: 'Energy',
      water: 'Water',
      waste: 'Waste',
      packaging: 'Packaging materials',
    },
    ghgGroups: { scope: 'Scope 1 and Scope 2', scope3: 'Scope 3 by category', total: 'Total and intensity' },
    socialGroups: {
      employees: 'Employees',
      turnover: 'Employee turnover',
      training: 'Development and training',
      safety: 'Health and safety',
    },
    aspectGroups: {
      air: 'Air emissions',
      suppliers: 'Suppliers',
      product: 'Product responsibility',
      corruption: 'Anti-corruption',
      community: 'Community investment',
    },
    climateHeading: 'Climate-related disclosures',
    explainBody: (n) =>
      `\${${n}:Explain why this is not disclosed, for example: the Group's business does not involve this area, so it does not apply.}`,
    frontMatter: {
      title: 'Example Group 2025 Environmental, Social and Governance Report',
      issuer: 'Example Group Limited',
      revenue: 'RMB million',
      employees: 'persons',
    },
    sectionTitle: 'Environmental management',
  },
};
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** KPI rows of the environmental table, by group; ids must exist in kpis.json (checked below). */
const ENV_TABLE = [
  ['ghg', ['ghg.scope1', 'ghg.scope2', 'ghg.total', 'ghg.intensity']],
  ['energy', ['energy.total', 'energy.electricity', 'energy.intensity']],
  ['water', ['water.total', 'water.intensity']],
  ['waste', ['waste.hazardous', 'waste.hazardous.intensity', 'waste.non_hazardous', 'waste.non_hazardous.intensity']],
  ['packaging', ['packaging.total']],
];
const GHG_TABLE = [
  ['scope', ['ghg.scope1', 'ghg.scope2.location', 'ghg.scope2.market', 'ghg.scope12']],
  ['scope3', ['ghg.scope3', ...Array.from({ length: 15 }, (_, i) => `ghg.scope3.cat${i + 1}`)]],
  ['total', ['ghg.total', 'ghg.intensity']],
];

/** Employees by gender, age group and region, turnover, training and safety (Aspects B1-B3). */
const SOCIAL_TABLE = [
  [
    'employees',
    [
      'employees.total',
      'employees.gender.male',
      'employees.gender.female',
      'employees.age.under30',
      'employees.age.30_50',
      'employees.age.over50',
      'employees.region.mainland',
      'employees.region.hong_kong',
      'employees.region.overseas',
    ],
  ],
  [
    'turnover',
    [
      'turnover.rate',
      'turnover.rate.gender.male',
      'turnover.rate.gender.female',
      'turnover.rate.age.under30',
      'turnover.rate.age.30_50',
      'turnover.rate.age.over50',
      'turnover.rate.region.mainland',
      'turnover.rate.region.hong_kong',
      'turnover.rate.region.overseas',
    ],
  ],
  [
    'training',
    [
      'training.trained.share',
      'training.trained.gender.male',
      'training.trained.gender.female',
      'training.hours.avg',
      'training.hours.gender.male',
      'training.hours.gender.female',
    ],
  ],
  ['safety', ['safety.fatalities', 'safety.fatality_rate', 'safety.lost_days']],
];

/**
 * The KPI table of one HKEX aspect, for the 'Insert KPI Table for an Aspect' command; `D` is the GHG
 * table. Group names come from `envGroups`, `socialGroups` or `aspectGroups`.
 */
const ASPECT_TABLES = {
  A1: [
    ['air', ['air.nox', 'air.sox', 'air.pm']],
    ['ghg', ['ghg.scope1', 'ghg.scope2', 'ghg.total', 'ghg.intensity']],
    ['waste', ['waste.hazardous', 'waste.hazardous.intensity', 'waste.non_hazardous', 'waste.non_hazardous.intensity']],
  ],
  A2: [
    ['energy', ['energy.total', 'energy.direct', 'energy.indirect', 'energy.electricity', 'energy.intensity']],
    ['water', ['water.total', 'water.intensity']],
    ['packaging', ['packaging.total', 'packaging.intensity']],
  ],
  B1: SOCIAL_TABLE.slice(0, 2),
  B2: [SOCIAL_TABLE[3]],
  B3: [SOCIAL_TABLE[2]],
  B5: [['suppliers', ['suppliers.total', 'suppliers.region.domestic', 'suppliers.region.overseas']]],
  B6: [['product', ['product.recalls.share', 'product.recalls.count', 'complaints.total']]],
  B7: [
    [
      'corruption',
      [
        'corruption.cases',
        'anticorruption.training.sessions',
        'anticorruption.training.hours',
        'anticorruption.training.participants',
      ],
    ],
  ],
  B8: [['community', ['community.investment', 'community.volunteer_hours', 'community.volunteers']]],
  D: GHG_TABLE,
};

/** The catalog writes counts and durations in Chinese; an English table gets English units. */
const UNIT_WORDS = {
  人: { 'zh-Hans': '人', en: 'persons' },
  小時: { 'zh-Hans': '小时', en: 'hours' },
  天: { 'zh-Hans': '天', en: 'days' },
  家: { 'zh-Hans': '家', en: 'suppliers' },
  次: { 'zh-Hans': '次', en: 'times' },
  人次: { 'zh-Hans': '人次', en: 'attendances' },
  件: { 'zh-Hans': '件', en: 'cases' },
  萬元: { 'zh-Hans': '万元', en: 'RMB 10,000' },
};

function unitFor(kpi, locale) {
  const unit = kpi.unit ?? '';
  return locale === 'zh-Hant' ? unit : (UNIT_WORDS[unit]?.[locale] ?? unit);
}

/** Snippet text must not contain an unescaped `$`, `}` or `\`: they are snippet syntax. */
export function escapeSnippetText(text) {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A table cell: one line, no pipe that would split it. */
function cell(text) {
  return escapeSnippetText(
    text
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\|/g, '\\|')
      .trim(),
  );
}

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

function dateParts(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { y: m[1], m: String(Number(m[2])), d: String(Number(m[3])) } : { y: '2025', m: '1', d: '1' };
}

/** Leaf requirements: D28 is covered by its children D28(a)-(c). */
function isLeaf(r) {
  return !r.children || r.children.length === 0;
}

function indexSnippet(framework, locale) {
  const w = WORDS[locale];
  const lines = [
    `## ${escapeSnippetText(w.indexHeading)} {#hkex-index .hkex-index}`,
    '',
    row(w.indexHeader.map(cell)),
    '| --- | --- | --- |',
  ];
  let stop = 1;
  let aspect;
  for (const r of framework.requirements) {
    if (!isLeaf(r)) continue;
    const deleted = r.obligation === 'deleted';
    if (r.part === 'C' && r.aspect !== aspect) {
      aspect = r.aspect;
      // An aspect row with an empty last cell only sets the aspect for the rows below it.
      lines.push(row([`**${cell(r.aspectTitle[locale])}**`, '', '']));
    }
    let label;
    if (r.part === 'B') label = r.aspectTitle[locale];
    else if (r.kind === 'general-disclosure') label = w.general(r.id);
    else if (r.kind === 'kpi') label = w.kpi(r.id);
    else label = r.id;
    if (deleted) lines.push(row([cell(label), cell(w.deleted(dateParts(r.deletedFrom))), '']));
    else lines.push(row([cell(label), cell(r.text[locale]), `\${${stop++}}`]));
  }
  return lines;
}

// ---- One content index table per framework pack (issue 11) ----

/** The packs that print a content index, with the heading class the engine looks for (features/coverage.ts INDEX_CLASSES). */
const PACK_INDEXES = [
  {
    pack: 'gri-2021',
    cls: 'gri-index',
    prefix: 'gri',
    name: { en: 'GRI content index', 'zh-Hant': 'GRI 內容索引', 'zh-Hans': 'GRI 内容索引' },
  },
  {
    pack: 'ifrs-s2',
    cls: 'issb-index',
    prefix: 'issb',
    name: { en: 'IFRS S2 content index', 'zh-Hant': 'IFRS S2 內容索引', 'zh-Hans': 'IFRS S2 内容索引' },
  },
  {
    pack: 'hkfrs-s2',
    cls: 'hkfrs-index',
    prefix: 'hkfrs',
    name: { en: 'HKFRS S2 content index', 'zh-Hant': 'HKFRS S2 內容索引', 'zh-Hans': 'HKFRS S2 内容索引' },
  },
  {
    pack: 'sasb-tc-si',
    cls: 'sasb-index',
    prefix: 'sasb',
    name: {
      en: 'SASB index (Software & IT Services)',
      'zh-Hant': 'SASB 索引（軟件及資訊科技服務）',
      'zh-Hans': 'SASB 索引（软件及信息技术服务）',
    },
  },
  {
    pack: 'ashare-2024',
    cls: 'ashare-index',
    prefix: 'ashare',
    name: {
      en: 'A-share guidelines topic index',
      'zh-Hant': '滬深北交易所指引議題索引',
      'zh-Hans': '沪深北交易所指引议题索引',
    },
  },
];

const PACK_INDEX_HEADER = {
  en: { id: 'Item', disclosure: 'Disclosure', title: 'Title', location: 'Location', omission: 'Reason for omission' },
  'zh-Hant': { id: '項目', disclosure: '披露', title: '標題', location: '位置', omission: '省略原因' },
  'zh-Hans': { id: '项目', disclosure: '披露', title: '标题', location: '位置', omission: '省略原因' },
};

/** The pack's items of its first version, leaves only (IFRS S2 29(a) is listed through 29(a)(i)(1)...), a tab stop per location. */
function packIndexSnippet(pack, entry, locale) {
  const h = PACK_INDEX_HEADER[locale];
  const gri = pack.id === 'gri-2021';
  const header = gri ? [h.disclosure, h.title, h.location, h.omission] : [h.id, h.title, h.location];
  const lines = [
    `## ${escapeSnippetText(entry.name[locale])} {#${entry.cls} .${entry.cls}}`,
    '',
    row(header.map(cell)),
    `|${header.map(() => ' --- ').join('|')}|`,
  ];
  const parents = new Set(pack.items.map((i) => i.parent).filter(Boolean));
  let stop = 1;
  for (const item of pack.items) {
    if (item.from || parents.has(item.id)) continue;
    const cells = [cell(item.id), cell(item.title[locale]), `\${${stop++}}`];
    if (gri) cells.push('');
    lines.push(row(cells));
  }
  return lines;
}

function addPackIndexSnippets(esg) {
  for (const entry of PACK_INDEXES) {
    const pack = JSON.parse(readFileSync(join(DATA, 'frameworks', `${entry.pack}.json`), 'utf8'));
    for (const locale of LOCALES) {
      const lang = LANGUAGE_NAME[locale];
      esg[`${entry.name.en} (${lang})`] = {
        prefix: [`esg-${entry.prefix}-index-${SUFFIX[locale]}`],
        description: `${entry.name.en}: one row per item of ${pack.id}, under a .${entry.cls} heading (${lang})`,
        body: packIndexSnippet(pack, entry, locale),
      };
    }
  }
}

/**
 * `attribute` is how a label names its KPI: `#` (an anchor, as in `{#water.total}`) or `kpi=`; the GHG
 * table uses `kpi=` so that inserting it next to the environmental table does not duplicate anchors.
 */
function kpiTableSnippet(kpisById, groups, groupNames, locale, attribute) {
  const w = WORDS[locale];
  const lines = [row([...w.kpiHeader, w.year(1, 2024), w.year(2, 2025)]), '| --- | --- | ---: | ---: |'];
  let stop = 3;
  for (const [group, ids] of groups) {
    lines.push(row([`**${cell(groupNames[group])}**`, '', '', '']));
    for (const id of ids) {
      const kpi = kpisById.get(id);
      if (!kpi) throw new Error(`snippet KPI ${id} is not in kpis.json`);
      lines.push(
        row([
          `[${cell(kpi.names[locale])}]{${attribute}${id}}`,
          cell(unitFor(kpi, locale)),
          `\${${stop++}}`,
          `\${${stop++}}`,
        ]),
      );
    }
  }
  return lines;
}

function stripIdPrefix(title, id) {
  const at = title.indexOf(id);
  return at >= 0 ? title.slice(at + id.length).trim() : title;
}

function climateSnippet(framework, locale) {
  const w = WORDS[locale];
  const lines = [`## ${escapeSnippetText(w.climateHeading)} {#climate}`, ''];
  // D28(a)-(c) are covered by the D28 section, so only top-level paragraphs get a heading.
  const paragraphs = framework.requirements.filter((r) => r.part === 'D' && !r.parent);
  const pillars = [...new Set(paragraphs.map((r) => r.aspect))];
  let stop = 1;
  for (const pillar of pillars) {
    const members = paragraphs.filter((r) => r.aspect === pillar);
    const title = cell(members[0].aspectTitle[locale]);
    if (members.length === 1) {
      // A pillar of one paragraph (governance, risk management): the pillar heading carries the tag.
      lines.push(`### ${title} {#climate-${pillar} hkex="${members[0].id}"}`, '', `\${${stop++}}`, '');
      continue;
    }
    lines.push(`### ${title} {#climate-${pillar}}`, '');
    for (const r of members) {
      const anchor = `climate-${r.id.toLowerCase().replace(/[()]/g, '')}`;
      lines.push(
        `#### ${cell(stripIdPrefix(r.title[locale], r.id))} {#${anchor} hkex="${r.id}"}`,
        '',
        `\${${stop++}}`,
        '',
      );
    }
  }
  return lines;
}

function frontMatterSnippet(locale) {
  const f = WORDS[locale].frontMatter;
  return [
    '---',
    `title: \${1:${escapeSnippetText(f.title)}}`,
    `lang: ${locale}`,
    'esg:',
    '  framework: hkex-esg-2025',
    `  issuer: \${2:${escapeSnippetText(f.issuer)}}`,
    '  stock-code: "${3:0000}"',
    '  period: ${4:2025}',
    '  issuer-class: ${5|main-board,largecap,gem|}',
    '  currency: ${6|CNY,HKD,USD|}',
    '  denominators:',
    `    revenue: \${7:100,000} ${escapeSnippetText(f.revenue)}`,
    `    employees: \${8:1,000} ${escapeSnippetText(f.employees)}`,
    '---',
    '',
    '$0',
  ];
}

function explainSnippet(locale) {
  return ['::: {.explain hkex="${1:B6.1}"}', WORDS[locale].explainBody(2), ':::', '$0'];
}

function sectionSnippet(locale) {
  return [`## \${1:${escapeSnippetText(WORDS[locale].sectionTitle)}} {#\${2:env} hkex="\${3:A1 A1.1}"}`, '', '$0'];
}

/** Aspect -> locale -> snippet body, for the command; not contributed as completions (too many). */
function aspectTables(kpisById) {
  const tables = {};
  for (const [aspect, groups] of Object.entries(ASPECT_TABLES)) {
    tables[aspect] = {};
    for (const locale of LOCALES) {
      const w = WORDS[locale];
      const names = aspect === 'D' ? w.ghgGroups : { ...w.envGroups, ...w.socialGroups, ...w.aspectGroups };
      tables[aspect][locale] = kpiTableSnippet(kpisById, groups, names, locale, aspect === 'D' ? 'kpi=' : '#');
    }
  }
  return tables;
}

/** Words of the A-share double-materiality table (recognition/ashareMateriality.ts reads them back). */
const ASHARE_WORDS = {
  'zh-Hant': {
    heading: '雙重重要性評估結果',
    header: ['議題', '重要性結論', '說明', '對應章節'],
    conclusions: ['雙重重要性', '財務重要性', '影響重要性', '不具有重要性'],
  },
  'zh-Hans': {
    heading: '双重重要性评估结果',
    header: ['议题', '重要性结论', '说明', '对应章节'],
    conclusions: ['双重重要性', '财务重要性', '影响重要性', '不具有重要性'],
  },
  en: {
    heading: 'Double materiality assessment',
    header: ['Topic', 'Conclusion', 'Explanation', 'Section'],
    conclusions: ['both', 'financial materiality', 'impact materiality', 'not material'],
  },
};

/** The A-share double-materiality table: one row per topic of the ashare-2024 pack, a conclusion to choose, an explanation. */
function ashareMaterialitySnippet(pack, locale) {
  const w = ASHARE_WORDS[locale];
  const lines = [
    `## ${w.heading} {#double-materiality .ashare-materiality}`,
    '',
    row(w.header),
    row(w.header.map(() => '---')),
  ];
  let stop = 1;
  for (const item of pack.items.filter((i) => i.kind === 'topic')) {
    const choice = `\${${stop++}|${w.conclusions.join(',')}|}`;
    lines.push(row([cell(item.title[locale]), choice, `\${${stop++}}`, '']));
  }
  lines.push('', '$0');
  return lines;
}

export function generate() {
  const framework = JSON.parse(readFileSync(join(DATA, 'hkex-esg-2025.json'), 'utf8'));
  const kpiCatalog = JSON.parse(readFileSync(join(DATA, 'kpis.json'), 'utf8'));
  const kpisById = new Map(kpiCatalog.kpis.map((k) => [k.id, k]));
  const ashare = JSON.parse(readFileSync(join(DATA, 'frameworks/ashare-2024.json'), 'utf8'));
  const esg = {};
  const markdown = {};
  const add = (target, name, prefixes, description, body) => {
    target[name] = { prefix: prefixes, description, body };
  };
  for (const locale of LOCALES) {
    const s = SUFFIX[locale];
    const lang = LANGUAGE_NAME[locale];
    const w = WORDS[locale];
    // In ESG Markdown each snippet has one prefix that names its language (esg-index-hant): the language
    // server offers them, the report's language first (features/snippets.ts). Plain Markdown keeps the
    // shared prefix of the front matter, the one snippet it has.
    add(
      esg,
      `ESG front matter (${lang})`,
      [`esg-frontmatter-${s}`],
      `YAML front matter with the esg: key (${lang})`,
      frontMatterSnippet(locale),
    );
    add(
      markdown,
      `ESG front matter (${lang})`,
      [`esg-frontmatter-${s}`, 'esg-frontmatter'],
      `YAML front matter with the esg: key (${lang})`,
      frontMatterSnippet(locale),
    );
    add(
      esg,
      `HKEX index table (${lang})`,
      [`esg-index-${s}`],
      `HKEX ESG Reporting Code index: one row per requirement, deleted ones marked (${lang})`,
      indexSnippet(framework, locale),
    );
    add(
      esg,
      `Environmental KPI table (${lang})`,
      [`esg-kpi-env-${s}`],
      `Environmental KPI table with catalog KPI ids (${lang})`,
      kpiTableSnippet(kpisById, ENV_TABLE, w.envGroups, locale, '#'),
    );
    add(
      esg,
      `Social KPI table (${lang})`,
      [`esg-kpi-social-${s}`],
      `Social KPI table: employees by gender, age group and region, turnover, training, safety (${lang})`,
      kpiTableSnippet(kpisById, SOCIAL_TABLE, w.socialGroups, locale, '#'),
    );
    add(
      esg,
      `GHG emissions table (${lang})`,
      [`esg-ghg-${s}`],
      `Scope 1, Scope 2 (location/market), Scope 3 by category, total and intensity (${lang})`,
      kpiTableSnippet(kpisById, GHG_TABLE, w.ghgGroups, locale, 'kpi='),
    );
    add(
      esg,
      `Climate section, Part D (${lang})`,
      [`esg-climate-${s}`],
      `Part D skeleton: governance, strategy, risk management, metrics and targets, headings tagged with their paragraphs (${lang})`,
      climateSnippet(framework, locale),
    );
    add(
      esg,
      `Explanation block (${lang})`,
      [`esg-explain-${s}`],
      `'Comply or explain': a fenced div that explains why a requirement is not disclosed (${lang})`,
      explainSnippet(locale),
    );
    add(
      esg,
      `Tagged section (${lang})`,
      [`esg-section-${s}`],
      `Heading tagged with HKEX requirement ids (${lang})`,
      sectionSnippet(locale),
    );
    add(
      esg,
      `A-share double-materiality table (${lang})`,
      [`esg-ashare-materiality-${s}`],
      `A-share guidelines: one row per topic with its conclusion (financial, impact, both, not material) and explanation (${lang})`,
      ashareMaterialitySnippet(ashare, locale),
    );
  }
  addPackIndexSnippets(esg);
  return { esg, markdown, aspects: aspectTables(kpisById) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { esg, markdown, aspects } = generate();
  const outputs = [
    [OUT_ESG, JSON.stringify(esg, null, 2) + '\n'],
    [OUT_MARKDOWN, JSON.stringify(markdown, null, 2) + '\n'],
    [OUT_ASPECTS, JSON.stringify(aspects, null, 2) + '\n'],
  ];
  if (process.argv.includes('--check')) {
    const stale = outputs.filter(([file, text]) => {
      try {
        return readFileSync(file, 'utf8') !== text;
      } catch {
        return true;
      }
    });
    for (const [file] of stale) console.error(`${file} is out of date: run node scripts/gen-snippets.mjs`);
    process.exit(stale.length ? 1 : 0);
  }
  mkdirSync(dirname(OUT_ESG), { recursive: true });
  for (const [file, text] of outputs) writeFileSync(file, text);
  console.log(
    `wrote ${Object.keys(esg).length} snippets to ${OUT_ESG}, ${Object.keys(markdown).length} to ${OUT_MARKDOWN} and ${Object.keys(aspects).length} aspect tables to ${OUT_ASPECTS}`,
  );
}
