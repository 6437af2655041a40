#!/usr/bin/env node
// Generates server/src/engine/catalogs/data/hkex-esg-2025.json from the reference catalog
// data/reference/hkex-esg-code-2025.yaml (its sources: data/reference/README.md). The JSON is committed
// as project data; this script documents how it was made and makes a re-run reproducible.
//
//   node scripts/gen-hkex-catalog.mjs [path/to/hkex-esg-code-2025.yaml] [--seeds path/to/seeds] [--check]
//
// --check compares the generated JSON with the committed file and exits 1 when they differ.
//
// zh-Hant texts are copied verbatim from the reference; zh-Hans is converted with opencc-js (hk -> cn).
// English texts are the reference's title_en; the short one-line titles are written here (own labels).
// When the seed reports are reachable (default test/fixtures/seed-reports), every zh-Hant text is checked against
// the seed line the reference names, and differences are printed (they do not stop the run).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import * as OpenCC from 'opencc-js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const seedsFlag = args.indexOf('--seeds');
const check = args.includes('--check');
const seedsDir = seedsFlag >= 0 ? resolve(args[seedsFlag + 1]) : resolve(repoRoot, 'test/fixtures/seed-reports');
const positional = args.filter((a, i) => !a.startsWith('--') && (seedsFlag < 0 || i !== seedsFlag + 1));
const referencePath = resolve(positional[0] ?? resolve(repoRoot, 'data/reference/hkex-esg-code-2025.yaml'));
const outPath = resolve(repoRoot, 'server/src/engine/catalogs/data/hkex-esg-2025.json');

const reference = parse(readFileSync(referencePath, 'utf8'));
const toHans = OpenCC.Converter({ from: 'hk', to: 'cn' });
const localize = (en, zhHant) => ({ en, 'zh-Hant': zhHant, 'zh-Hans': toHans(zhHant) });

// Short one-line titles (own labels) for the KPIs: [en, zh-Hant]. The full wording is in `text`.
const KPI_TITLES = {
  'A1.1': ['Types of emissions and emissions data', '排放物種類及相關排放數據'],
  'A1.2': ['Scope 1 and Scope 2 GHG emissions (deleted)', '範圍 1 及範圍 2 溫室氣體排放（已刪除）'],
  'A1.3': ['Hazardous waste produced', '所產生有害廢棄物總量'],
  'A1.4': ['Non-hazardous waste produced', '所產生無害廢棄物總量'],
  'A1.5': ['Emission targets and steps taken', '排放量目標及所採取的步驟'],
  'A1.6': ['Waste handling, reduction targets and steps taken', '廢棄物處理方法、減廢目標及所採取的步驟'],
  'A2.1': ['Energy consumption by type', '按類型劃分的能源總耗量'],
  'A2.2': ['Water consumption', '總耗水量'],
  'A2.3': ['Energy use efficiency targets and steps taken', '能源使用效益目標及所採取的步驟'],
  'A2.4': ['Sourcing water, water efficiency targets and steps taken', '求取適用水源及用水效益目標'],
  'A2.5': ['Packaging material for finished products', '製成品所用包裝材料'],
  'A3.1': ['Significant impacts on the environment and natural resources', '業務活動對環境及天然資源的重大影響'],
  'A4.1': ['Significant climate-related issues (deleted)', '重大氣候相關事宜（已刪除）'],
  'B1.1': [
    'Total workforce by gender, employment type, age group and region',
    '按性別、僱傭類型、年齡組別及地區劃分的僱員總數',
  ],
  'B1.2': ['Employee turnover rate by gender, age group and region', '按性別、年齡組別及地區劃分的僱員流失比率'],
  'B2.1': ['Work-related fatalities in each of the past three years', '過去三年每年因工亡故的人數及比率'],
  'B2.2': ['Lost days due to work injury', '因工傷損失工作日數'],
  'B2.3': ['Occupational health and safety measures', '職業健康與安全措施'],
  'B3.1': ['Percentage of employees trained by gender and employee category', '按性別及僱員類別劃分的受訓僱員百分比'],
  'B3.2': ['Average training hours by gender and employee category', '按性別及僱員類別劃分的平均受訓時數'],
  'B4.1': ['Measures to avoid child and forced labour', '避免童工及強制勞工的措施'],
  'B4.2': ['Steps to eliminate child and forced labour when discovered', '發現違規情況時所採取的消除步驟'],
  'B5.1': ['Number of suppliers by region', '按地區劃分的供應商數目'],
  'B5.2': ['Practices for engaging suppliers', '聘用供應商的慣例'],
  'B5.3': ['Identifying environmental and social risks in the supply chain', '識別供應鏈環境及社會風險的慣例'],
  'B5.4': ['Promoting environmentally preferable products and services', '促使多用環保產品及服務的慣例'],
  'B6.1': ['Products recalled for safety and health reasons', '因安全與健康理由而須回收的產品百分比'],
  'B6.2': ['Product and service complaints', '關於產品及服務的投訴數目及應對方法'],
  'B6.3': ['Intellectual property rights', '維護及保障知識產權的慣例'],
  'B6.4': ['Quality assurance and recall procedures', '質量檢定過程及產品回收程序'],
  'B6.5': ['Consumer data protection and privacy', '消費者資料保障及私隱政策'],
  'B7.1': ['Concluded corruption cases and outcomes', '已審結的貪污訴訟案件數目及結果'],
  'B7.2': ['Preventive measures and whistleblowing procedures', '防範措施及舉報程序'],
  'B7.3': ['Anti-corruption training', '反貪污培訓'],
  'B8.1': ['Focus areas of contribution', '專注貢獻範疇'],
  'B8.2': ['Resources contributed to the focus areas', '在專注範疇所動用資源'],
};

// Part B titles: [en, zh-Hant] (own labels; the zh-Hant aspect names are the seeds' row names).
const PART_B_TITLES = {
  'MDR-governance': ['Board statement (governance structure)', '管治架構：董事會聲明'],
  'MDR-principles': ['Reporting principles: materiality, quantitative, consistency', '匯報原則：重要性、量化、一致性'],
  'MDR-boundary': ['Reporting boundary', '匯報範圍'],
};

// Part D titles: [en, zh-Hant]. zh-Hant follows the seeds' row headings (topic_zh_hant) where they
// name the paragraph; the rest are own labels.
const PART_D_TITLES = {
  D19: ['Climate governance', '管治'],
  D20: ['Climate-related risks and opportunities', '氣候相關風險和機遇'],
  D21: ['Business model and value chain', '業務模式和價值鏈'],
  D22: ['Strategy and decision-making', '策略和決策'],
  D23: ['Progress of plans disclosed previously', '先前披露計劃的進度'],
  D24: ['Current financial effects', '當前財務影響'],
  D25: ['Anticipated financial effects', '預期財務影響'],
  D26: ['Climate resilience', '氣候韌性'],
  D27: ['Climate risk management', '風險管理'],
  D28: ['Greenhouse gas emissions', '溫室氣體排放'],
  'D28(a)': ['Scope 1 GHG emissions', '範圍 1 溫室氣體排放'],
  'D28(b)': ['Scope 2 GHG emissions', '範圍 2 溫室氣體排放'],
  'D28(c)': ['Scope 3 GHG emissions', '範圍 3 溫室氣體排放'],
  D29: ['GHG measurement approach', '溫室氣體排放核算方法'],
  D30: ['Assets and activities vulnerable to transition risks', '氣候相關轉型風險'],
  D31: ['Assets and activities vulnerable to physical risks', '氣候相關物理風險'],
  D32: ['Assets and activities aligned with climate-related opportunities', '氣候相關機遇'],
  D33: ['Capital deployment', '資本運用'],
  D34: ['Internal carbon prices', '內部碳定價'],
  D35: ['Remuneration', '薪酬'],
  D36: ['Industry-based metrics (encouraged)', '行業指標（鼓勵披露）'],
  D37: ['Climate-related targets', '氣候相關目標'],
  D38: ['Setting, reviewing and monitoring targets', '目標的設定、審核及進度監察'],
  D39: ['Performance against climate-related targets', '氣候相關目標的績效'],
  D40: ['GHG emissions targets', '溫室氣體排放目標'],
};

// Part D pillars: aspect id -> [en, zh-Hant]; zh-Hant as in seed 002's index (lines 2323-2350).
const PILLARS = {
  Governance: ['governance', 'Governance', '管治'],
  Strategy: ['strategy', 'Strategy', '策略'],
  'Risk management': ['risk-management', 'Risk management', '風險管理'],
  'Metrics and targets': ['metrics-and-targets', 'Metrics and targets', '指標及目標'],
};

// Part D: the headings under which index tables list a paragraph instead of its id (own list, in
// en and zh-Hant; zh-Hans converted). They are the Code's topic headings as the Implementation Guidance's
// table of contents and seed 002's index (sub-topic column, lines 2323-2350) print them, with the
// spellings reports use for them. A heading over several paragraphs is given to each of them; the pillar
// names (PILLARS) are matched separately and are not repeated here.
const SCOPE12 = [
  'Scope 1 and Scope 2 greenhouse gas emissions',
  'Scope 1 and Scope 2 GHG emissions',
  'Scope 1 and 2 GHG emissions',
  'Scope 1 and 2 emissions',
  '範圍1及範圍2溫室氣體排放',
  '範圍一及範圍二溫室氣體排放',
  '範圍1和範圍2溫室氣體排放',
];
const GHG = ['Greenhouse gas emissions', 'GHG emissions', '溫室氣體排放'];
const TARGETS = ['Climate-related targets', '氣候相關目標'];
const FINANCIAL = ['Financial position, financial performance and cash flows', '財務狀況、財務表現及現金流量'];
const DECISIONS = ['Strategy and decision-making', '策略和決策', '策略及決策'];
const PART_D_INDEX_NAMES = {
  D19: ['Climate governance', 'Climate-related governance', '氣候管治', '氣候相關管治'],
  D20: ['Climate-related risks and opportunities', '氣候相關風險和機遇', '氣候相關風險及機遇', '氣候相關風險與機遇'],
  D21: ['Business model and value chain', '業務模式和價值鏈', '業務模式及價值鏈'],
  // The transition plan is one of the items of paragraph 22(a) (see the reference's note on D22).
  D22: [
    ...DECISIONS,
    'Transition plans',
    'Transition plan',
    'Climate-related transition plan',
    '轉型計劃',
    '氣候相關轉型計劃',
  ],
  D23: [...DECISIONS, 'Progress of plans disclosed previously', '先前披露計劃的進度'],
  D24: [...FINANCIAL, 'Current financial effects', '當前財務影響'],
  D25: [...FINANCIAL, 'Anticipated financial effects', '預期財務影響'],
  D26: ['Climate resilience', 'Climate-related scenario analysis', '氣候韌性', '氣候相關情景分析'],
  D27: ['Climate risk management', 'Climate-related risk management', '氣候風險管理', '氣候相關風險管理'],
  D28: GHG,
  'D28(a)': [
    'Scope 1 greenhouse gas emissions',
    'Scope 1 GHG emissions',
    'Scope 1 emissions',
    '範圍1溫室氣體排放',
    '範圍一溫室氣體排放',
    ...SCOPE12,
  ],
  'D28(b)': [
    'Scope 2 greenhouse gas emissions',
    'Scope 2 GHG emissions',
    'Scope 2 emissions',
    '範圍2溫室氣體排放',
    '範圍二溫室氣體排放',
    ...SCOPE12,
  ],
  'D28(c)': [
    'Scope 3 greenhouse gas emissions',
    'Scope 3 GHG emissions',
    'Scope 3 emissions',
    '範圍3溫室氣體排放',
    '範圍三溫室氣體排放',
  ],
  D29: [
    ...GHG,
    'GHG measurement approach',
    'Measurement approach of GHG emissions',
    '溫室氣體排放核算方法',
    '溫室氣體核算方法',
  ],
  D30: ['Climate-related transition risks', '氣候相關轉型風險'],
  D31: ['Climate-related physical risks', '氣候相關物理風險'],
  D32: ['Climate-related opportunities', '氣候相關機遇'],
  D33: ['Capital deployment', '資本運用', '資本配置'],
  D34: ['Internal carbon prices', 'Internal carbon pricing', '內部碳定價', '內部碳價格'],
  D35: ['Remuneration', '薪酬'],
  D36: ['Industry-based metrics', '行業指標', '行業特定指標'],
  D37: TARGETS,
  D38: [...TARGETS, 'Setting, reviewing and monitoring targets', '目標的設定、審核及進度監察'],
  D39: [...TARGETS, 'Performance against climate-related targets', '氣候相關目標的績效'],
  D40: [...TARGETS, 'GHG emissions targets', 'Greenhouse gas emissions targets', '溫室氣體排放目標'],
};

/**
 * Index names of an entry with the zh-Hans spellings added (first-seen order, no repeats). Part B's
 * reporting principles get the names of its principles ('Materiality', '重要性', …), which indexes list
 * as rows of their own under a 'Reporting principles' caption.
 */
function indexNamesOf(entry) {
  const principles = (entry.principles ?? []).flatMap((p) => [p.id[0].toUpperCase() + p.id.slice(1), String(p.zh)]);
  const names = entry.part === 'D' ? PART_D_INDEX_NAMES[entry.id] : principles.length ? principles : undefined;
  if (!names) {
    if (entry.part === 'D') fail(`${entry.id}: no index names`);
    return undefined;
  }
  const out = [];
  for (const n of names) for (const v of [n, toHans(n)]) if (!out.includes(v)) out.push(v);
  return out;
}

const problems = [];
const fail = (msg) => problems.push(msg);

/** The reference's long source strings, shortened to `{ref, note}` entries. */
function englishSource(raw) {
  const s = String(raw ?? '');
  if (s.startsWith('own_label')) {
    const detail = s
      .slice('own_label'.length)
      .trim()
      .replace(/^\((.*)\)$/s, '$1');
    return {
      ref: 'own_label',
      note: detail ? `English text is an own label: ${detail}` : 'English text is an own label, not official wording',
    };
  }
  if (s.startsWith('public: PCCW')) {
    return {
      ref: "PCCW Limited, ESG Report 2021, 'References to HKEX ESG Reporting Guide' pp.63-70",
      note: 'English text (pre-2025 Guide wording; PCCW abridges some parenthetical examples)',
    };
  }
  if (s.startsWith('public: esg.hkubs.ai')) {
    const first = s.match(/https:\/\/\S+/)?.[0];
    return {
      ref: `esg.hkubs.ai report pages${first ? ` (e.g. ${first})` : ''}`,
      note: 'English text (HKEX KPI wording in section headings)',
    };
  }
  if (s.startsWith('public: HKEX, Implementation Guidance')) {
    return {
      ref: 'HKEX, Implementation Guidance for Climate Disclosures under HKEX ESG Reporting Framework, April 2024 (table of contents)',
      note: 'English heading',
    };
  }
  fail(`unrecognised title_en_source: ${s}`);
  return { ref: s };
}

function textSource(raw) {
  const s = String(raw ?? '');
  const m = s.match(/^seed (\S+) lines? ([\d-]+)/);
  if (!m) {
    fail(`unrecognised text_zh_hant_source: ${s}`);
    return { ref: s };
  }
  return { ref: `${m[1]} line ${m[2]}`, note: 'zh-Hant text (PDF-to-text <p> markup removed)' };
}

function sourcesOf(entry) {
  const out = [textSource(entry.text_zh_hant_source), englishSource(entry.title_en_source)];
  const textSeed = out[0].ref.split(' ')[0];
  const alsoIn = new Set(entry.text_zh_hant_also_in ?? []);
  for (const s of entry.source ?? []) {
    const str = String(s);
    const file = str.split(' ')[0];
    if (file === textSeed) continue;
    if (/^\d{3}_[0-9a-f]+\.txt$/.test(file)) {
      let note = alsoIn.has(file)
        ? 'same zh-Hant text in its index'
        : 'cited by the reference; wording differs or is not reproduced';
      // Seed 000's index has one row per Part D pillar (lines 1165-1168), not the paragraphs.
      if (entry.part === 'D' && file.startsWith('000_'))
        note = 'index lists only the Part D pillar (lines 1165-1168), not the paragraph text';
      out.push({ ref: str, note });
    } else {
      out.push({ ref: str, note: entry.part === 'D' ? 'obligation / phase-in' : undefined });
    }
  }
  return out.map((s) => (s.note === undefined ? { ref: s.ref } : s));
}

/** `{ 'fy2025': x, 'fy2026-onwards': y }` -> `[{fromYear: 2025, obligation: x}, {fromYear: 2026, obligation: y}]`. */
function phaseSteps(byYear, id) {
  const steps = Object.entries(byYear).map(([key, obligation]) => {
    const m = key.match(/^fy(\d{4})(-onwards)?$/);
    if (!m) fail(`${id}: unrecognised phase-in key ${key}`);
    return { fromYear: Number(m?.[1]), obligation };
  });
  steps.sort((a, b) => a.fromYear - b.fromYear);
  return steps;
}

function aspectOf(entry) {
  if (entry.part === 'B') {
    return { aspect: entry.id, aspectTitle: localize(entry.aspect, entry.aspect_zh_hant) };
  }
  if (entry.part === 'C') {
    const id = entry.id.split('.')[0];
    const en = String(entry.aspect).replace(/\s*\(deleted[^)]*\)\s*$/, '');
    return { aspect: id, aspectTitle: localize(en, entry.aspect_zh_hant) };
  }
  const pillar = PILLARS[entry.pillar];
  if (!pillar) fail(`${entry.id}: unknown pillar ${entry.pillar}`);
  return { aspect: pillar?.[0] ?? 'unknown', aspectTitle: localize(pillar?.[1] ?? '?', pillar?.[2] ?? '?') };
}

function titleOf(entry) {
  let en;
  let zh;
  if (entry.part === 'B') {
    [en, zh] = PART_B_TITLES[entry.id] ?? [];
  } else if (entry.part === 'D') {
    const t = PART_D_TITLES[entry.id];
    if (t) [en, zh] = [`${entry.id} ${t[0]}`, `${entry.id} ${t[1]}`];
  } else if (entry.kind === 'general-disclosure') {
    const enName = String(entry.aspect)
      .replace(/^Aspect \w+:\s*/, '')
      .replace(/\s*\(deleted[^)]*\)\s*$/, '');
    const zhName = String(entry.aspect_zh_hant).replace(/^層面 \w+：/, '');
    const deleted = entry.obligation === 'deleted';
    en = `General disclosure ${entry.id} (${enName}${deleted ? ', deleted' : ''})`;
    zh = `一般披露 ${entry.id}（${zhName}${deleted ? '，已刪除' : ''}）`;
  } else {
    const t = KPI_TITLES[entry.id];
    if (t) [en, zh] = [`KPI ${entry.id} ${t[0]}`, `關鍵績效指標 ${entry.id} ${t[1]}`];
  }
  if (!en || !zh) {
    fail(`${entry.id}: no title`);
    return localize(entry.id, entry.id);
  }
  return localize(en, zh);
}

function notesOf(entry) {
  const notes = [];
  if (entry.obligation_note) notes.push(`Obligation: ${entry.obligation_note}.`);
  for (const n of entry.notes ?? []) notes.push(String(n));
  // The reference's notes point at its own YAML fields; say it in words a user understands.
  for (let i = 0; i < notes.length; i++) {
    notes[i] = notes[i]
      .replace(/obligation_by_issuer_class/g, 'the phase-in')
      .replace(/phase_in(\.reliefs)?/g, 'the phase-in schedule');
  }
  if (entry.principles) {
    for (const p of entry.principles) {
      notes.push(`${p.zh} (${p.id})${p.required_in_part_b ? '' : ' — not required by Part B'}: ${p.summary_en}`);
    }
  }
  return notes;
}

// Children are derived from the sub-entries' `parent`, in catalog order.
const childrenOf = new Map();
for (const entry of reference.requirements) {
  if (entry.parent) childrenOf.set(entry.parent, [...(childrenOf.get(entry.parent) ?? []), entry.id]);
}

const requirements = [];
for (const entry of reference.requirements) {
  const req = {
    id: entry.id,
    part: entry.part,
    ...aspectOf(entry),
    kind: entry.kind,
    obligation: entry.obligation,
  };
  if (entry.obligation_by_issuer_class) {
    req.phaseIn = {};
    for (const cls of ['main-board', 'largecap', 'gem']) {
      const byYear = entry.obligation_by_issuer_class[cls];
      if (!byYear) fail(`${entry.id}: no phase-in for ${cls}`);
      else req.phaseIn[cls] = phaseSteps(byYear, entry.id);
    }
  }
  if (childrenOf.has(entry.id)) req.children = childrenOf.get(entry.id);
  if (entry.parent) req.parent = entry.parent;
  if (typeof entry.paragraph === 'number') req.paragraph = entry.paragraph;
  req.title = titleOf(entry);
  req.text = localize(String(entry.title_en).trim(), String(entry.text_zh_hant).trim());
  if (entry.deleted_with_effect_from) req.deletedFrom = String(entry.deleted_with_effect_from);
  const indexNames = indexNamesOf(entry);
  if (indexNames) req.indexNames = indexNames;
  req.sources = sourcesOf(entry);
  const notes = notesOf(entry);
  if (notes.length) req.notes = notes;
  requirements.push(req);
}

// Counts must match the reference's own summary.
const counts = reference.counts;
if (requirements.length !== counts.total_entries) fail(`entries: ${requirements.length} != ${counts.total_entries}`);
for (const [field, key] of [
  ['part', 'by_part'],
  ['kind', 'by_kind'],
  ['obligation', 'by_obligation'],
]) {
  const got = {};
  for (const r of requirements) got[r[field]] = (got[r[field]] ?? 0) + 1;
  for (const [k, n] of Object.entries(counts[key])) if (got[k] !== n) fail(`${key}.${k}: ${got[k]} != ${n}`);
}
if (new Set(requirements.map((r) => r.id)).size !== requirements.length) fail('duplicate ids');

// Optional: check every zh-Hant text against the seed line the reference cites.
if (existsSync(seedsDir)) {
  const seedLines = new Map();
  const squash = (s) => s.replace(/<\/?p>/g, '').replace(/\s+/g, '');
  for (const entry of reference.requirements) {
    const m = String(entry.text_zh_hant_source).match(/^seed (\S+) lines? (\d+)/);
    if (!m) continue;
    const file = resolve(seedsDir, m[1]);
    if (!existsSync(file)) continue; // not every seed the reference used is shipped
    if (!seedLines.has(file)) seedLines.set(file, readFileSync(file, 'utf8').split('\n'));
    const line = seedLines.get(file)[Number(m[2]) - 1] ?? '';
    if (!squash(line).includes(squash(String(entry.text_zh_hant)))) {
      console.warn(`seed check: ${entry.id}: text not found on ${basename(file)} line ${m[2]}`);
    }
  }
} else {
  console.warn(`seed check skipped: ${seedsDir} not found`);
}

if (problems.length) {
  for (const p of problems) console.error(`gen-hkex-catalog: ${p}`);
  process.exit(1);
}

/** One entry per ref, notes joined, first-seen order. */
function mergeSources(list) {
  const byRef = new Map();
  for (const { ref: raw, note } of list) {
    const ref = raw.replace(/\s+lines?\s+[\d, ]+$/, ''); // '… index lines 2237-2350) line 2346' -> the seed entry

    const notes = byRef.get(ref) ?? [];
    if (note && !notes.includes(note)) notes.push(note);
    byRef.set(ref, notes);
  }
  return [...byRef].map(([ref, notes]) => (notes.length ? { ref, note: notes.join('; ') } : { ref }));
}

const framework = {
  id: 'hkex-esg-2025',
  title: localize(reference.code.title_en, reference.code.title_zh_hant),
  publisher: reference.code.publisher,
  appliesTo: reference.code.applies_to,
  sources: mergeSources([
    {
      ref: `data/reference/${basename(referencePath)}`,
      note: 'requirement catalog this file is generated from (scripts/gen-hkex-catalog.mjs)',
    },
    ...reference.code.structure_sources.map((s) => ({ ref: String(s), note: 'structure and texts of the Code' })),
    ...reference.phase_in.effective.verified.map((s) => ({ ref: String(s), note: 'effective date' })),
    ...reference.phase_in.issuer_classes_verified.map((s) => ({
      ref: String(s),
      note: 'issuer classes (LargeCap definition)',
    })),
    ...reference.phase_in.schedule.flatMap((step) =>
      step.verified.map((s) => ({ ref: String(s), note: 'phase-in schedule' })),
    ),
    ...reference.phase_in.reliefs.flatMap((r) =>
      r.verified.map((s) => ({
        ref: String(s),
        note: 'implementation reliefs (mostly unverified; see docs/catalogs.md)',
      })),
    ),
    {
      ref: 'own_label',
      note: 'short one-line titles (en, zh-Hant) written for this catalog; zh-Hans converted with opencc-js (hk -> cn)',
    },
  ]),
  requirements,
};

const json = `${JSON.stringify(framework, null, 2)}\n`;
if (check) {
  if (readFileSync(outPath, 'utf8') !== json) {
    console.error(`${outPath} is out of date: run node scripts/gen-hkex-catalog.mjs`);
    process.exit(1);
  }
  console.log(`${outPath} is up to date (${requirements.length} requirements)`);
} else {
  writeFileSync(outPath, json);
  console.log(`wrote ${requirements.length} requirements to ${outPath}`);
}
