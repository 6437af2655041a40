// Seeded generator of ESG Markdown reports of a requested size, for the benchmark (scripts/bench/bench.mjs)
// and its test. The shape follows the bundled examples and the seed reports: front matter with
// denominators, a fully tagged core (Parts B, C and D of the HKEX Code, with 'comply or explain' blocks),
// then as many operating-review chapters as the size needs (prose in Chinese and English, lists, ordinary
// and KPI tables, footnotes, Pandoc divs, figures quoted in prose), a KPI appendix shaped like the seeds'
// and the content index. Figures are consistent (totals, breakdowns, intensities, Scope 2 against
// electricity), so the engine does all its checks without drowning the run in diagnostics.
// Pure: no file system, no clock; the same seed and size always give the same text.

/** mulberry32: a small, fast 32-bit PRNG; good enough for test data and trivially reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed: number;
  /** Target size in UTF-8 bytes. The result is at least the fixed core (about 45 KB) and ends within a few KB above the target. */
  targetBytes: number;
}

/** What was written, counted while writing, so a test can compare it with what the parser finds. */
export interface GeneratedShape {
  headings: number;
  /** Headings carrying an `hkex="..."` attribute. */
  taggedHeadings: number;
  explanations: number;
  /** Pipe tables of every kind (KPI, index, ordinary). */
  tables: number;
  /** Tables with a unit column and period columns. */
  kpiTables: number;
  /** Data rows of the content index (aspect and caption rows included). */
  indexRows: number;
  /** Rows of the content index that name a requirement (caption and aspect-title rows excluded). */
  indexEntries: number;
  footnoteDefinitions: number;
  /** Operating-review chapters added to reach the size. */
  chapters: number;
}

export interface GeneratedReport {
  text: string;
  bytes: number;
  shape: GeneratedShape;
}

const YEAR = 2025;
const PRIOR = YEAR - 1;
/** National average grid factor the seeds use (kgCO2/kWh, MEE 2023 announcement), also declared in the front matter. */
const GRID_FACTOR = 0.5306;

type Rng = () => number;

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
/** Thousands separators and a fixed number of decimals, the way the reports print figures. */
function fmt(value: number, decimals = 0): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (value < 0 ? '-' : '') + grouped + (fraction ? `.${fraction}` : '');
}

/** Splits `total` into parts with the given weights; the parts add up exactly. */
function split(rng: Rng, total: number, weights: number[]): number[] {
  const jittered = weights.map((w) => w * (0.8 + 0.4 * rng()));
  const sum = jittered.reduce((a, b) => a + b, 0);
  const parts = jittered.map((w) => Math.floor((total * w) / sum));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

interface Group {
  title: string;
  members: { label: string; headcount: number; leavers: number; hours: number }[];
}

interface YearFigures {
  revenue: number; // 萬元
  electricity: number; // kWh
  scope1: number;
  scope2: number;
  scope12: number;
  ghgIntensity: number;
  water: number; // 噸
  waterIntensity: number;
  electricityIntensity: number;
  hazardous: number;
  nonHazardous: number;
  employees: number;
  groups: Group[];
  leavers: number;
  turnoverRate: number;
  trainingHours: number; // average per employee
  suppliers: number;
  domesticSuppliers: number;
  directors: number;
  femaleDirectors: number;
  lostDays: number;
}

function yearFigures(rng: Rng): YearFigures {
  const revenue = int(rng, 60_000, 900_000);
  const electricity = int(rng, 400_000, 40_000_000);
  const scope1 = round(rng() * 2_000, 2);
  const scope2 = round((electricity * GRID_FACTOR) / 1000, 2);
  const scope12 = round(scope1 + scope2, 2);
  const water = round(int(rng, 5_000, 400_000) + rng(), 1);
  const employees = int(rng, 600, 40_000);
  // Every breakdown shares the same leavers in total, so the overall turnover rate is a weighted
  // average of each breakdown's member rates (as kpi/average-bounds expects of real data).
  const leavers = Math.round(employees * (0.08 + 0.25 * rng()));
  const grouping = (title: string, labels: string[], weights: number[]): Group => {
    const counts = split(rng, employees, weights);
    const left = split(rng, leavers, counts);
    return { title, members: labels.map((label, i) => ({ label, headcount: counts[i], leavers: left[i], hours: round(10 + 70 * rng(), 1) })) };
  };
  const groups = [
    grouping('性別', ['男性員工', '女性員工'], [6, 4]),
    grouping('年齡組別', ['29 周歲及以下', '30-39 周歲', '40-49 周歲', '50 周歲及以上'], [35, 45, 15, 5]),
    grouping('職級', ['高層管理人員', '中層管理人員', '基層人員'], [1, 10, 89]),
    grouping('地區', ['華北地區', '華東地區', '華南地區', '西南地區', '境外（含港澳台地區）'], [50, 25, 15, 8, 2]),
  ];
  // Training hours are only broken down by gender: the overall average is their weighted average.
  const trainingHours = round(groups[0].members.reduce((a, m) => a + m.hours * m.headcount, 0) / employees, 1);
  const suppliers = int(rng, 150, 4_000);
  const directors = int(rng, 7, 15);
  return {
    revenue,
    electricity,
    scope1,
    scope2,
    scope12,
    ghgIntensity: round(scope12 / revenue, 4),
    water,
    waterIntensity: round(water / revenue, 4),
    electricityIntensity: round(electricity / revenue, 4),
    hazardous: round(rng() * 20, 2),
    nonHazardous: round(20 + rng() * 400, 2),
    employees,
    groups,
    leavers,
    turnoverRate: round((leavers / employees) * 100, 2),
    trainingHours,
    suppliers,
    domesticSuppliers: Math.round(suppliers * (0.85 + 0.14 * rng())),
    directors,
    femaleDirectors: int(rng, 1, Math.floor(directors / 2)),
    lostDays: round(rng() * 120, 1),
  };
}

// ---------------------------------------------------------------------------------------------------
// Prose. Written for this generator in the register of the seed reports; recombined at random.

const ZH_SUBJECTS = ['本集團', '公司', '我們', '各附屬公司', '董事會', 'ESG 工作小組', '營運團隊', '採購部', '人力資源部', '數據中心'];
const ZH_ACTIONS = [
  '持續完善環境管理體系，將節能降耗目標分解至各營運單位',
  '定期檢討相關政策的執行情況，並向 ESG 及戰略委員會匯報進度',
  '依據國家及地方法律法規，建立覆蓋全生命週期的管理制度',
  '透過線上平台收集持份者意見，並在下一年度的重要性評估中予以考慮',
  '推行無紙化辦公，辦公流程線上化，打印及複印提倡雙面用紙',
  '優先選擇採用可再生能源供電、具備完善碳排放管理體系的合作夥伴',
  '為全體員工提供職業健康檢查，並開展消防演練及應急疏散培訓',
  '嚴格遵守反貪污相關法律法規，設立獨立舉報渠道並保護舉報人',
  '加強供應商准入審核，將環境及社會風險納入年度評估',
  '積極參與社區公益活動，支持教育事業及青少年科技普及',
  '優化數據中心製冷系統，降低電能使用效率（PUE）',
  '對重大氣候相關風險進行識別、評估及排序，並納入全面風險管理',
];
const ZH_RESULTS = [
  '報告期內未發生重大違規事件',
  '相關措施已全面落實',
  '工作成效獲得持份者普遍認可',
  '有關進展將於未來報告中持續披露',
  '整體表現較上一年度有所改善',
  '並已設定明確的年度檢討機制',
];
const EN_SENTENCES = [
  'The Group reviews its environmental policies every year and reports progress to the Sustainability Committee.',
  'Data-centre staff receive electrical safety and working-at-height training before they start.',
  'We prefer suppliers with ISO 14001 and ISO 45001 certification and assess new suppliers against our Supplier Code of Conduct.',
  'Concerns can be raised through a whistle-blowing channel run by an independent provider.',
  'Our Privacy Policy follows the Personal Data (Privacy) Ordinance and the data centres are certified to ISO/IEC 27001.',
  'Climate-related risks are identified in the annual enterprise risk assessment and scored on the same scales as other risks.',
  'Retired servers are returned to a licensed recycler and used batteries are handled as chemical waste.',
  'No concluded legal case regarding corrupt practices was brought against the Group or its employees during the year.',
  'The chiller replacement announced in last year\'s report was completed on schedule.',
  'Employees volunteered for digital-skills workshops for secondary-school students.',
];
const CASE_TOPICS = ['綠色辦公', '節能改造', '供應鏈盡職調查', '員工培訓', '社區投資', '信息安全', '職業健康', '客戶服務', '反貪污', '氣候韌性'];
const REGIONS = ['華北', '華東', '華南', '西南', '香港', '新加坡', '華中', '西北'];

function zhSentence(rng: Rng): string {
  const n = int(rng, 2, 40);
  const tail = rng() < 0.5 ? `，${YEAR} 年共開展相關活動 ${n} 次` : '';
  return `${pick(rng, ZH_SUBJECTS)}${pick(rng, ZH_ACTIONS)}${tail}，${pick(rng, ZH_RESULTS)}。`;
}

function zhParagraph(rng: Rng, sentences = int(rng, 2, 5)): string {
  return Array.from({ length: sentences }, () => zhSentence(rng)).join('');
}

function enParagraph(rng: Rng): string {
  const sentences = Array.from({ length: int(rng, 2, 4) }, () => pick(rng, EN_SENTENCES));
  sentences.push(`In ${YEAR} the team completed ${int(rng, 3, 90)} initiatives, ${int(rng, 50, 100)}% of the annual plan.`);
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------------------

class Writer {
  private readonly parts: string[] = [];
  bytes = 0;
  footnote = 0;
  readonly shape: GeneratedShape = {
    headings: 0,
    taggedHeadings: 0,
    explanations: 0,
    tables: 0,
    kpiTables: 0,
    indexRows: 0,
    indexEntries: 0,
    footnoteDefinitions: 0,
    chapters: 0,
  };

  /** Appends a block followed by a blank line. */
  block(text: string): void {
    const chunk = `${text}\n\n`;
    this.parts.push(chunk);
    this.bytes += Buffer.byteLength(chunk, 'utf8');
  }

  heading(level: number, title: string, attrs = ''): void {
    this.shape.headings++;
    if (attrs.includes('hkex=')) this.shape.taggedHeadings++;
    this.block(`${'#'.repeat(level)} ${title}${attrs ? ` {${attrs}}` : ''}`);
  }

  explain(refs: string, text: string): void {
    this.shape.explanations++;
    this.block(`::: {.explain hkex="${refs}"}\n${text}\n:::`);
  }

  table(lines: string[], kind: 'kpi' | 'index' | 'plain', indexEntries = 0): void {
    this.shape.indexEntries += indexEntries;
    this.shape.tables++;
    if (kind === 'kpi') this.shape.kpiTables++;
    if (kind === 'index') this.shape.indexRows += lines.length - 2;
    this.block(lines.join('\n'));
  }

  /** A footnote mark and its definition text; definitions are written by `footnotes`. */
  note(pending: string[], text: string): string {
    const label = ++this.footnote;
    pending.push(`[^${label}]: ${text}`);
    return `[^${label}]`;
  }

  footnotes(pending: string[]): void {
    if (pending.length === 0) return;
    this.shape.footnoteDefinitions += pending.length;
    this.block(pending.join('\n'));
    pending.length = 0;
  }

  text(): string {
    return this.parts.join('');
  }
}

function frontMatter(w: Writer, rng: Rng, issuer: string, now: YearFigures, before: YearFigures): void {
  w.block(
    [
      '---',
      `title: ${issuer} ${YEAR} 年度環境、社會及管治報告`,
      'lang: zh-Hant',
      'esg:',
      '  framework: hkex-esg-2025',
      `  issuer: ${issuer}`,
      `  stock-code: "${String(int(rng, 1, 9999)).padStart(5, '0')}"`,
      `  period: ${YEAR}`,
      '  issuer-class: main-board',
      '  currency: CNY',
      '  denominators:',
      '    revenue:',
      `      ${PRIOR}: ${fmt(before.revenue)} 萬元`,
      `      ${YEAR}: ${fmt(now.revenue)} 萬元`,
      '    employees:',
      `      ${PRIOR}: ${fmt(before.employees)} 人`,
      `      ${YEAR}: ${fmt(now.employees)} 人`,
      '  factors:',
      `    grid: ${GRID_FACTOR} kgCO2/kWh`,
      '---',
    ].join('\n'),
  );
}

function ghgTable(w: Writer, notes: string[], now: YearFigures, before: YearFigures, explicitIds: boolean): void {
  const label = (text: string, id: string) => (explicitIds ? `[${text}]{#${id}}` : text);
  const row = (name: string, unit: string, a: string, b: string) => `| ${name} | ${unit} | ${a} | ${b} |`;
  w.table(
    [
      `| 指標 | 單位 | ${YEAR} 年 | ${PRIOR} 年 |`,
      '|---|---|--:|--:|',
      row(label('直接溫室氣體排放量（範圍一）', 'ghg.scope1'), '噸二氧化碳當量', fmt(now.scope1, 2), fmt(before.scope1, 2)),
      row(label('間接溫室氣體排放量（範圍二）', 'ghg.scope2'), '噸二氧化碳當量', fmt(now.scope2, 2), fmt(before.scope2, 2)),
      row('範圍一及範圍二溫室氣體排放總量', '噸二氧化碳當量', fmt(now.scope12, 2), fmt(before.scope12, 2)),
      row(`範圍一及範圍二溫室氣體排放密度${w.note(notes, '排放密度 = 範圍一及範圍二溫室氣體排放總量 ÷ 總營業收入')}`, '噸二氧化碳當量 / 萬元', fmt(now.ghgIntensity, 4), fmt(before.ghgIntensity, 4)),
      row(`耗電量${w.note(notes, '均為外購電力')}`, '千瓦時', fmt(now.electricity), fmt(before.electricity)),
      row('耗電密度', '千瓦時 / 萬元', fmt(now.electricityIntensity, 4), fmt(before.electricityIntensity, 4)),
    ],
    'kpi',
  );
  w.footnotes(notes);
}

function resourceTable(w: Writer, notes: string[], now: YearFigures, before: YearFigures, explicitIds: boolean): void {
  const water = explicitIds ? '[總耗水量]{#water.total}' : '總耗水量';
  w.table(
    [
      `| 績效指標 | 單位 | ${YEAR} 年數值 | ${PRIOR} 年數值 |`,
      '|---|---|--:|--:|',
      `| ${water} | 噸 | ${fmt(now.water, 1)} | ${fmt(before.water, 1)} |`,
      `| 耗水密度${w.note(notes, '耗水密度 = 總耗水量 ÷ 總營業收入')} | 噸 / 萬元 | ${fmt(now.waterIntensity, 4)} | ${fmt(before.waterIntensity, 4)} |`,
      `| 有害廢棄物總量 | 噸 | ${fmt(now.hazardous, 2)} | ${fmt(before.hazardous, 2)} |`,
      `| 無害廢棄物總量 | 噸 | ${fmt(now.nonHazardous, 2)} | ${fmt(before.nonHazardous, 2)} |`,
    ],
    'kpi',
  );
  w.footnotes(notes);
}

/** The seeds' appendix shape: two label columns, breakdown groups with empty first cells. */
function socialTable(w: Writer, notes: string[], now: YearFigures, before: YearFigures): void {
  const lines = [`| 績效指標 | | 單位 | ${YEAR} 年數值 | ${PRIOR} 年數值 |`, '|---|---|---|--:|--:|'];
  lines.push(`| 員工總數${w.note(notes, `統計範圍為截至 ${YEAR} 年 12 月 31 日所有財務報表合併實體的正式員工。`)} | | 人 | ${fmt(now.employees)} | ${fmt(before.employees)} |`);
  now.groups.forEach((group, g) => {
    group.members.forEach((m, i) => {
      lines.push(`| ${i === 0 ? `按${group.title}劃分的員工人數` : ''} | ${m.label} | 人 | ${fmt(m.headcount)} | ${fmt(before.groups[g].members[i].headcount)} |`);
    });
  });
  lines.push(`| 員工總體流失人數 | | 人 | ${fmt(now.leavers)} | ${fmt(before.leavers)} |`);
  lines.push(`| 員工總體流失比率${w.note(notes, '流失比率 = 該類別離職人數 ÷ 該類別員工人數 × 100%')} | | % | ${fmt(now.turnoverRate, 2)} | ${fmt(before.turnoverRate, 2)} |`);
  const rate = (m: Group['members'][number]) => fmt(round((m.leavers / m.headcount) * 100, 2), 2);
  now.groups.forEach((group, g) => {
    group.members.forEach((m, i) => {
      lines.push(`| ${i === 0 ? `按${group.title}劃分的員工流失比率` : ''} | ${m.label}流失比率 | % | ${rate(m)} | ${rate(before.groups[g].members[i])} |`);
    });
  });
  lines.push(`| 員工人均受訓時數 | | 小時 | ${fmt(now.trainingHours, 1)} | ${fmt(before.trainingHours, 1)} |`);
  now.groups[0].members.forEach((m, i) => {
    lines.push(`| ${i === 0 ? '按性別劃分' : ''} | ${m.label.replace('員工', '')}員工人均受訓時數 | 小時 | ${fmt(m.hours, 1)} | ${fmt(before.groups[0].members[i].hours, 1)} |`);
  });
  lines.push(`| 因工作關係而死亡的員工人數 | | 人 | 0 | 0 |`);
  lines.push(`| 因工傷損失工作日數 | | 天 | ${fmt(now.lostDays, 1)} | ${fmt(before.lostDays, 1)} |`);
  const share = (part: number, all: number) => fmt(round((part / all) * 100, 2), 2);
  lines.push(`| 供應商總數 | | 家 | ${fmt(now.suppliers)} | ${fmt(before.suppliers)} |`);
  lines.push(`| 按地區劃分 | 國內供應商總數（含港、澳、台） | 家 | ${fmt(now.domesticSuppliers)} | ${fmt(before.domesticSuppliers)} |`);
  lines.push(`| | 國內供應商比例（含港、澳、台） | % | ${share(now.domesticSuppliers, now.suppliers)} | ${share(before.domesticSuppliers, before.suppliers)} |`);
  lines.push(`| | 海外供應商總數 | 家 | ${fmt(now.suppliers - now.domesticSuppliers)} | ${fmt(before.suppliers - before.domesticSuppliers)} |`);
  lines.push(`| | 海外供應商比例 | % | ${share(now.suppliers - now.domesticSuppliers, now.suppliers)} | ${share(before.suppliers - before.domesticSuppliers, before.suppliers)} |`);
  lines.push(`| 董事會總人數 | | 人 | ${now.directors} | ${before.directors} |`);
  lines.push(`| 女性董事人數 | | 人 | ${now.femaleDirectors} | ${before.femaleDirectors} |`);
  lines.push(`| 女性董事占比 | | % | ${share(now.femaleDirectors, now.directors)} | ${share(before.femaleDirectors, before.directors)} |`);
  w.table(lines, 'kpi');
  w.footnotes(notes);
}

/** The fully tagged core: every requirement is disclosed in a tagged section or explained. */
function core(w: Writer, rng: Rng, notes: string[], now: YearFigures, before: YearFigures): void {
  w.heading(1, `${YEAR} 年度環境、社會及管治報告`, '#report');
  w.heading(2, '關於本報告', '#about-this-report');
  w.block(zhParagraph(rng));
  w.heading(3, '報告範圍', '#reporting-boundary hkex="MDR-boundary"');
  w.block(`本報告內容覆蓋本集團及其附屬公司，與財務報告合併報表範圍一致。${zhParagraph(rng, 2)}`);
  w.heading(3, '匯報原則', '#reporting-principles hkex="MDR-principles"');
  for (const name of ['重要性', '量化', '一致性']) w.block(`**${name}原則：** ${zhParagraph(rng, 2)}`);
  w.heading(2, '可持續發展管理', '#sustainability-management hkex="MDR-governance"');
  w.block(zhParagraph(rng, 4));
  w.block(enParagraph(rng));

  w.heading(2, '應對氣候變化', '#climate');
  w.block(`${zhParagraph(rng, 2)}${w.note(notes, '本集團參考 ISSB（IFRS S1 及 IFRS S2）及 TCFD 框架進行氣候相關信息披露。')}`);
  w.footnotes(notes);
  w.heading(3, '管治', '#climate-governance hkex="D19"');
  w.block(zhParagraph(rng, 3));
  w.heading(3, '策略', '#climate-strategy hkex="D20 D22"');
  w.block(zhParagraph(rng, 3));
  w.explain('D21', '我們已初步識別氣候相關風險和機遇，但尚未系統評估其對業務模式和價值鏈的影響，將於未來報告中披露。');
  w.explain('D23', '本集團先前匯報期並無已披露的氣候相關計劃，故暫無進度可供披露。');
  w.explain('D24 D25', '已識別的氣候相關風險和機遇對本匯報期財務狀況的影響未能單獨識別，預期財務影響亦未能可靠估算。');
  w.explain('D26', '本集團尚未開展氣候相關情景分析，將參考香港聯交所實施指引逐步開展。');
  w.heading(3, '風險管理', '#climate-risk-management hkex="D27"');
  w.block(zhParagraph(rng, 3));
  w.heading(3, '指標與目標', '#climate-metrics hkex="D28(a) D28(b) D29"');
  w.block(
    `${YEAR} 年，本集團範圍一溫室氣體排放量為 [${fmt(now.scope1, 2)} 噸二氧化碳當量]{kpi=ghg.scope1}，範圍二溫室氣體排放量為 [${fmt(now.scope2, 2)} 噸二氧化碳當量]{kpi=ghg.scope2}。外購電力的排放因子採用全國電力平均二氧化碳排放因子 ${GRID_FACTOR} kgCO<sub>2</sub>/kWh。`,
  );
  ghgTable(w, notes, now, before, true);
  w.explain('D28(c)', '本集團尚未計算範圍三溫室氣體排放，將梳理價值鏈上下游的排放來源，未來進一步披露。');
  w.explain('D30-D33', '本集團尚未建立按氣候相關風險及機遇歸集資產及業務活動的統計口徑，現階段未能披露相關金額及百分比。');
  w.explain('D34', '本集團目前沒有在決策中應用內部碳定價。');
  w.explain('D35', '本集團目前未將氣候相關考慮因素納入董事及高級管理層的薪酬政策。');
  w.explain('D37-D40', '本集團尚未設定碳排放、能源消耗及水資源消耗目標，故暫無目標績效可供披露。');

  w.heading(2, '環境管理', '#environment hkex="A1 A1.1 A1.3-A1.6 A2 A2.1-A2.4 A3 A3.1"');
  w.block(zhParagraph(rng, 4));
  w.block(Array.from({ length: 4 }, () => `- ${pick(rng, ZH_ACTIONS)}`).join('\n'));
  resourceTable(w, notes, now, before, true);
  w.explain('A2.5', '鑒於本集團業務屬性，日常營運無需使用包裝材料，故不適用。');

  const social: [string, string, string][] = [
    ['保障員工權益', 'employee-rights', 'B1 B1.1 B1.2 B4 B4.1 B4.2'],
    ['職業健康與安全', 'health-safety', 'B2 B2.1-B2.3'],
    ['助力人才發展', 'talent-development', 'B3 B3.1 B3.2'],
    ['供應管理', 'supply-chain', 'B5 B5.1-B5.4'],
    ['產品責任', 'product-responsibility', 'B6 B6.2-B6.5'],
    ['商業道德', 'business-ethics', 'B7 B7.1-B7.3'],
    ['社會貢獻', 'community', 'B8 B8.1 B8.2'],
  ];
  w.heading(2, '以人為本', '#people');
  for (const [title, anchor, tags] of social) {
    w.heading(3, title, `#${anchor} hkex="${tags}"`);
    w.block(zhParagraph(rng, 3));
    if (anchor === 'employee-rights') {
      w.block(`截至 ${YEAR} 年 12 月 31 日，本集團員工總數為 [${fmt(now.employees)} 人]{kpi=employees.total}，員工總體流失比率為 [${fmt(now.turnoverRate, 2)}%]{kpi=turnover.rate}。`);
    }
    if (anchor === 'product-responsibility') w.explain('B6.1', '本集團並無已售或已運送的實體產品，因安全與健康理由而須回收產品的情況不適用。');
  }
}

const INDEX_TARGETS: Record<string, string> = {
  'MDR-governance': 'sustainability-management',
  'MDR-principles': 'reporting-principles',
  'MDR-boundary': 'reporting-boundary',
  A1: 'environment',
  A2: 'environment',
  A3: 'environment',
  B1: 'employee-rights',
  B4: 'employee-rights',
  B2: 'health-safety',
  B3: 'talent-development',
  B5: 'supply-chain',
  B6: 'product-responsibility',
  B7: 'business-ethics',
  B8: 'community',
  D19: 'climate-governance',
  D20: 'climate-strategy',
  D22: 'climate-strategy',
  D27: 'climate-risk-management',
  'D28(a)': 'climate-metrics',
  'D28(b)': 'climate-metrics',
  D29: 'climate-metrics',
};
const ANCHOR_TITLES: Record<string, string> = {
  'sustainability-management': '可持續發展管理',
  'reporting-principles': '匯報原則',
  'reporting-boundary': '報告範圍',
  environment: '環境管理',
  'employee-rights': '保障員工權益',
  'health-safety': '職業健康與安全',
  'talent-development': '助力人才發展',
  'supply-chain': '供應管理',
  'product-responsibility': '產品責任',
  'business-ethics': '商業道德',
  community: '社會貢獻',
  'climate-governance': '管治',
  'climate-strategy': '策略',
  'climate-risk-management': '風險管理',
  'climate-metrics': '指標與目標',
};
const ASPECTS: [string, string, string[]][] = [
  ['A1', '層面 A1：排放物', ['A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5', 'A1.6']],
  ['A2', '層面 A2：資源使用', ['A2.1', 'A2.2', 'A2.3', 'A2.4', 'A2.5']],
  ['A3', '層面 A3：環境及天然資源', ['A3.1']],
  ['B1', '層面 B1：僱傭', ['B1.1', 'B1.2']],
  ['B2', '層面 B2：健康與安全', ['B2.1', 'B2.2', 'B2.3']],
  ['B3', '層面 B3：發展及培訓', ['B3.1', 'B3.2']],
  ['B4', '層面 B4：勞工準則', ['B4.1', 'B4.2']],
  ['B5', '層面 B5：供應鏈管理', ['B5.1', 'B5.2', 'B5.3', 'B5.4']],
  ['B6', '層面 B6：產品責任', ['B6.1', 'B6.2', 'B6.3', 'B6.4', 'B6.5']],
  ['B7', '層面 B7：反貪污', ['B7.1', 'B7.2', 'B7.3']],
  ['B8', '層面 B8：社區投資', ['B8.1', 'B8.2']],
];
const EXPLAINED: Record<string, string> = {
  'A2.5': '不適用：日常營運無需使用包裝材料。',
  'B6.1': '不適用：本集團並無實體產品。',
};

function indexTable(w: Writer): void {
  const target = (id: string, aspect = id): string => {
    const explained = EXPLAINED[id];
    if (explained) return explained;
    const anchor = INDEX_TARGETS[id] ?? INDEX_TARGETS[aspect];
    return anchor ? `[${ANCHOR_TITLES[anchor]}](#${anchor})` : '解釋：見相關章節的說明。';
  };
  const lines = ['| 層面 | 內容 | 報告章節 |', '|---|---|---|'];
  lines.push(`| 管治架構 | 董事會聲明 | ${target('MDR-governance')} |`);
  lines.push(`| 匯報原則 | 重要性、量化及一致性 | ${target('MDR-principles')} |`);
  lines.push(`| 匯報範圍 | 匯報範圍及挑選實體的過程 | ${target('MDR-boundary')} |`);
  for (const [aspect, title, kpis] of ASPECTS) {
    if (aspect === 'A1') lines.push('| **環境** | | |');
    if (aspect === 'B1') lines.push('| **社會** | | |');
    lines.push(`| ${title} | | |`);
    lines.push(`| 一般披露 | 政策及遵守相關法律及規例的資料 | ${target(aspect)} |`);
    for (const id of kpis) {
      if (id === 'A1.2') lines.push('| A1.2 | [ 於 2025 年 1 月 1 日刪除 ] | |');
      else lines.push(`| ${id} | 關鍵績效指標 ${id} | ${target(id, aspect)} |`);
    }
    if (aspect === 'A3') {
      lines.push('| 層面 A4：氣候變化 | [ 於 2025 年 1 月 1 日刪除 ] | |');
      lines.push('| A4.1 | [ 於 2025 年 1 月 1 日刪除 ] | |');
    }
  }
  lines.push('| **氣候相關披露** | | |');
  const climate = ['D19', 'D20', 'D21', 'D22', 'D23', 'D24', 'D25', 'D26', 'D27', 'D28(a)', 'D28(b)', 'D28(c)', 'D29'];
  for (let d = 30; d <= 40; d++) climate.push(`D${d}`);
  for (const id of climate) {
    const text = id === 'D36' ? '本集團暫無特定行業指標。' : target(id);
    lines.push(`| ${id} | 氣候相關披露 ${id} | ${text} |`);
  }
  // Caption rows (**環境**) and aspect-title rows carry no requirement of their own.
  const captions = 3 + ASPECTS.length;
  w.table(lines, 'index', lines.length - 2 - captions);
}

/** One operating-review chapter: the part of a long report that grows with the business. */
function chapter(w: Writer, rng: Rng, notes: string[], n: number, now: YearFigures, before: YearFigures): void {
  w.shape.chapters++;
  const region = REGIONS[n % REGIONS.length];
  w.heading(2, `營運回顧：${region}業務單元 ${n}`, `#operations-${n}`);
  w.block(zhParagraph(rng, 3));
  const cases = int(rng, 2, 4);
  for (let k = 1; k <= cases; k++) {
    const topic = pick(rng, CASE_TOPICS);
    w.heading(3, `${topic}個案 ${n}.${k}`, `#case-${n}-${k}`);
    w.block(`${zhParagraph(rng)}${rng() < 0.4 ? w.note(notes, `${topic}相關數據由${region}業務單元統計，未經第三方鑒證。`) : ''}`);
    w.block(enParagraph(rng));
    if (rng() < 0.5) w.block(Array.from({ length: int(rng, 2, 5) }, () => `- ${pick(rng, ZH_ACTIONS)}`).join('\n'));
    if (rng() < 0.25) w.block(`::: {.note}\n${zhSentence(rng)}\n:::`);
    w.footnotes(notes);
  }
  w.heading(3, `${region}業務單元績效`, `#operations-${n}-kpi`);
  const electricity = int(rng, 10_000, 2_000_000);
  const water = int(rng, 500, 50_000);
  const people = int(rng, 20, 3_000);
  w.table(
    [
      `| 指標 | 單位 | ${YEAR} 年 | ${PRIOR} 年 |`,
      '|---|---|--:|--:|',
      `| ${region}業務單元用電 | 千瓦時 | ${fmt(electricity)} | ${fmt(Math.round(electricity * (0.9 + 0.2 * rng())))} |`,
      `| ${region}業務單元用水 | 噸 | ${fmt(water)} | ${fmt(Math.round(water * (0.9 + 0.2 * rng())))} |`,
      `| ${region}業務單元僱員 | 人 | ${fmt(people)} | ${fmt(Math.round(people * (0.9 + 0.2 * rng())))} |`,
      `| ${region}業務單元培訓時數 | 小時 | ${fmt(people * int(rng, 8, 60))} | / |`,
    ],
    'kpi',
  );
  if (rng() < 0.5) {
    w.table(
      ['| 持份者 | 溝通方式 |', '|---|---|', ...Array.from({ length: int(rng, 3, 6) }, () => `| ${pick(rng, ZH_SUBJECTS)} | ${pick(rng, ZH_ACTIONS)} |`)],
      'plain',
    );
  }
  // Every few chapters restate group figures in prose, tied to the tables (checked by kpi/prose-mismatch).
  if (n % 3 === 0) {
    w.block(`本集團 ${YEAR} 年範圍二溫室氣體排放量為 [${fmt(now.scope2, 2)} 噸二氧化碳當量]{kpi=ghg.scope2}，總耗水量為 [${fmt(now.water, 1)} 噸]{kpi=water.total}，較 ${PRIOR} 年的 ${fmt(before.water, 1)} 噸有所變化。`);
  }
}

const ISSUERS = ['港灣雲科技控股有限公司', '北辰數據服務股份有限公司', '嶺南綠能集團有限公司', '東方智算科技股份有限公司'];

/** A report of about `targetBytes` UTF-8 bytes; deterministic in `seed`. */
export function generateReport(options: GenerateOptions): GeneratedReport {
  const rng = mulberry32(options.seed);
  const w = new Writer();
  const notes: string[] = [];
  const issuer = pick(rng, ISSUERS);
  const now = yearFigures(rng);
  const before = yearFigures(rng);
  frontMatter(w, rng, issuer, now, before);
  w.block(`<!-- Generated by scripts/bench/generate.ts (seed ${options.seed}, target ${options.targetBytes} bytes) for the benchmark. -->`);
  core(w, rng, notes, now, before);

  // The appendix and index close the report; their size is known only once written, so write them to
  // a scratch writer first (sharing footnote numbering) to know how much room the chapters have.
  const tail = new Writer();
  const chapterRng = mulberry32((options.seed * 31 + 7) >>> 0);
  const writeTail = (target: Writer) => {
    target.heading(2, '附錄一：關鍵績效', '#kpi-appendix');
    target.heading(3, '環境績效', '#kpi-environment');
    ghgTable(target, notes, now, before, false);
    resourceTable(target, notes, now, before, false);
    target.heading(3, '社會績效', '#kpi-social');
    socialTable(target, notes, now, before);
    target.heading(2, '附錄二：香港聯交所《環境、社會及管治報告守則》索引', '#hkex-index .hkex-index');
    indexTable(target);
  };
  tail.footnote = 10_000;
  writeTail(tail);
  let n = 0;
  while (w.bytes + tail.bytes < options.targetBytes) chapter(w, chapterRng, notes, ++n, now, before);
  writeTail(w);
  const text = w.text();
  return { text, bytes: Buffer.byteLength(text, 'utf8'), shape: { ...w.shape } };
}
