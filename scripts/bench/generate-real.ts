// Real-shaped benchmark reports (scripts/bench/bench.mjs, profile.mjs): built from the bodies of real
// reports (the converted corpus, test/corpus/*/report.esg.md, and the examples) repeated up to the
// target size, with a segment table of `formula=` rows and `check=` spans after each copy. Where the
// clean generator (generate.ts) writes a report that checks clean, this one carries what real reports
// carry: KPI tables of every shape, breakdowns, footnotes, index tables, the examples' defects, and
// the thousands of diagnostics they bring once repeated.
//
// Each copy of a source gets fresh names where a repeat would be a new defect of its own: heading
// anchors already used get a suffix (and the links to them follow), their titles the copy number,
// footnote labels a suffix; a `{#kpi.id}` already defined becomes `{kpi=kpi.id}` (its second
// occurrence, as the dialect asks). The KPI ids themselves stay, so the catalog's relations still
// apply to every copy; the segment tables use ids of their own (`seg7.water.office`), so each
// copy's formulas have inputs of their own and hold, except where a defect is written on purpose.
// Pure: the sources come in as text, no file system and no clock; the same seed, sources and size
// always give the same text.
import { mulberry32 } from './generate';

export interface RealSource {
  /** For the comment that marks each copy (`examples/zhipu-2025.esg.md`). */
  name: string;
  text: string;
}

export interface RealShapedOptions {
  seed: number;
  /** Target size in UTF-8 bytes; the result ends within one copy of a source above it. */
  targetBytes: number;
  /** The report bodies to repeat, in order; the first one's front matter heads the report. */
  sources: RealSource[];
}

export interface RealShapedReport {
  text: string;
  bytes: number;
  shape: {
    /** Copies of source bodies written. */
    copies: number;
    /** Segment tables written (one per copy). */
    segments: number;
    /** `formula=` rows written in segment tables. */
    formulaRows: number;
    /** `check=` spans written in segment prose. */
    checkSpans: number;
    /** Figures written wrong on purpose in segment tables. */
    defects: number;
    /** The numbers of the segments with a figure written wrong (`seg7.` ids, `#segment-7`). */
    defectSegments: number[];
  };
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Splits a report into its YAML front matter (with the closing line) and its body. */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? { frontMatter: m[0], body: text.slice(m[0].length) } : { frontMatter: '', body: text };
}

/** The front matter the report starts with: the host's, with a grid factor for the segment formulas. */
function hostFrontMatter(frontMatter: string): string {
  if (!frontMatter) {
    return ['---', 'title: Real-shaped benchmark report', 'lang: zh-Hant', 'esg:', '  framework: hkex-esg-2025', '  period: 2025', '  denominators:', '    revenue: 72,434 萬元', '  factors:', '    grid: 0.5306 kgCO2/kWh', '---', ''].join('\n');
  }
  if (/^\s+factors:/m.test(frontMatter)) return frontMatter;
  return frontMatter.replace(/\r?\n---\r?\n$/, '\n  factors:\n    grid: 0.5306 kgCO2/kWh\n---\n');
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*(\{[^{}]*\})?[ \t]*$/;
const ANCHOR_IN_ATTRS = /(^\{|\s)#([^\s}]+)/;

/**
 * One copy of a source body, renamed so that it adds no duplicate anchors, footnotes or `{#id}`.
 * `copy` counts the copies of this source (0 for its first); `instance` counts every copy written (0 for
 * the report's first), and names what is renamed, so two sources' names never meet.
 */
function copyOf(body: string, copy: number, instance: number, seenAnchors: Set<string>, seenIds: Set<string>): string {
  const lines = body.split('\n');
  // Anchors and titles renamed in this copy, so that links into it follow.
  const anchorMap = new Map<string, string>();
  const titleMap = new Map<string, string>();
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const h = HEADING.exec(line);
    if (!h) continue;
    const [, hashes, title, attrs] = h;
    const anchor = attrs ? ANCHOR_IN_ATTRS.exec(attrs)?.[2] : undefined;
    const seen = !!anchor && seenAnchors.has(anchor);
    if (copy === 0 && !seen) {
      if (anchor) seenAnchors.add(anchor);
      continue;
    }
    const newTitle = copy > 0 ? `${title}（${copy}）` : title;
    if (newTitle !== title) titleMap.set(title, newTitle);
    let newAttrs = attrs ?? '';
    if (anchor) {
      const renamed = seen ? `${anchor}-${instance}` : anchor;
      if (renamed !== anchor) anchorMap.set(anchor, renamed);
      seenAnchors.add(renamed);
      newAttrs = attrs!.replace(ANCHOR_IN_ATTRS, (_m, lead: string) => `${lead}#${renamed}`);
    }
    lines[i] = `${hashes} ${newTitle}${newAttrs ? ` ${newAttrs}` : ''}`;
  }
  fence = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || HEADING.test(line)) continue;
    // Links into renamed sections: `[title](#anchor)`.
    line = line.replace(/\[([^\]\n]*)\]\(#([^)\s]+)\)/g, (m, text: string, anchor: string) => {
      const renamed = anchorMap.get(anchor);
      return renamed ? `[${titleMap.get(text) ?? text}](#${renamed})` : m;
    });
    // A KPI id defined a second time is a second occurrence: `{kpi=id}`.
    line = line.replace(/\{#([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)*)(?=[\s}])/g, (m, id: string) => {
      if (!seenIds.has(id)) {
        seenIds.add(id);
        return m;
      }
      return `{kpi=${id}`;
    });
    if (instance > 0) line = line.replace(/\[\^([^\]\s]+)\]/g, (_m, label: string) => `[^${label}-${instance}]`);
    lines[i] = line;
  }
  return lines.join('\n');
}

const fmt = (value: number, decimals: number): string => {
  const [whole, fraction] = value.toFixed(decimals).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
};

/**
 * A segment table in the style of the big issuers' reports: water of two sites adding up to a total,
 * electricity and the Scope 2 it implies at the grid factor, the water intensity over the front
 * matter's revenue; every derived row has a `formula=`, and the prose quotes two figures with `check=`.
 * One segment in eight has a figure written wrong (a total that does not add up).
 */
function segment(n: number, rng: () => number, revenue: number | undefined, shape: RealShapedReport['shape']): string {
  const id = (name: string) => `seg${n}.${name}`;
  const year = (k: 0 | 1) => {
    const office = Math.round(500 + rng() * 5_000);
    const dc = Math.round(5_000 + rng() * 80_000);
    const electricity = Math.round(100_000 + rng() * 9_000_000);
    return { office, dc, total: office + dc, electricity, scope2: (electricity * 0.5306) / 1000, k };
  };
  const now = year(0);
  const before = year(1);
  const defect = rng() < 0.125;
  if (defect) {
    shape.defects++;
    shape.defectSegments.push(n);
  }
  const total = (y: typeof now) => fmt(y.total + (defect && y.k === 0 ? 1_000 : 0), 0);
  const rows = [
    `| [第 ${n} 分部總耗水量]{#${id('water.total')} formula="${id('water.office')} + ${id('water.dc')}"} | 噸 | ${total(now)} | ${total(before)} |`,
    `| [辦公室耗水量]{#${id('water.office')}} | 噸 | ${fmt(now.office, 0)} | ${fmt(before.office, 0)} |`,
    `| [數據中心耗水量]{#${id('water.dc')}} | 噸 | ${fmt(now.dc, 0)} | ${fmt(before.dc, 0)} |`,
    `| [外購電力]{#${id('electricity')}} | 千瓦時 | ${fmt(now.electricity, 0)} | ${fmt(before.electricity, 0)} |`,
    `| [範圍二排放]{#${id('scope2')} formula="${id('electricity')} * factors.grid"} | 噸二氧化碳當量 | ${fmt(now.scope2, 2)} | ${fmt(before.scope2, 2)} |`,
  ];
  shape.formulaRows += 2;
  if (revenue) {
    rows.push(`| [耗水密度]{#${id('water.intensity')} formula="${id('water.total')} / denominators.revenue"} | 噸 / 萬元 | ${fmt(now.total / revenue, 4)} | / |`);
    shape.formulaRows++;
  }
  const change = ((now.total - before.total) / before.total) * 100;
  const share = (now.dc / now.total) * 100;
  shape.checkSpans += 2;
  shape.segments++;
  return [
    `### 第 ${n} 分部環境績效 {#segment-${n}}`,
    '',
    '| 指標 | 單位 | 2025 年 | 2024 年 |',
    '|---|---|--:|--:|',
    ...rows,
    '',
    `本分部總耗水量較上年${change >= 0 ? '上升' : '下降'} [${fmt(change, 1)}%]{check="change(${id('water.total')}@2024, ${id('water.total')}@2025)"}，` +
      `其中數據中心佔 [${fmt(share, 1)}%]{check="${id('water.dc')} / ${id('water.total')}"}。`,
    '',
  ].join('\n');
}

/** A report of about `targetBytes` UTF-8 bytes built from the sources; deterministic in seed and sources. */
export function generateRealShapedReport(options: RealShapedOptions): RealShapedReport {
  const rng = mulberry32(options.seed);
  const shape: RealShapedReport['shape'] = { copies: 0, segments: 0, formulaRows: 0, checkSpans: 0, defects: 0, defectSegments: [] };
  const parts = options.sources.map((s) => ({ name: s.name, ...splitFrontMatter(s.text.replace(/\r\n?/g, '\n')) }));
  const head = hostFrontMatter(parts[0]?.frontMatter ?? '');
  const revenueMatch = /^\s+revenue:\s*([\d,.]+)\s*萬元\s*$/m.exec(head);
  const revenue = revenueMatch ? Number(revenueMatch[1].replace(/,/g, '')) : undefined;
  const out: string[] = [head, '\n<!-- Real-shaped report written by scripts/bench/generate-real.ts for the benchmark. -->\n\n'];
  let bytes = utf8(out[0]) + utf8(out[1]);
  const seenAnchors = new Set<string>();
  const seenIds = new Set<string>();
  const copies = new Map<string, number>();
  if (parts.length === 0) throw new Error('generateRealShapedReport needs at least one source');
  for (let i = 0; bytes < options.targetBytes; i++) {
    const source = parts[i % parts.length];
    const copy = copies.get(source.name) ?? 0;
    copies.set(source.name, copy + 1);
    const chunk = `<!-- ${source.name}, copy ${copy} -->\n\n${copyOf(source.body, copy, i, seenAnchors, seenIds).trim()}\n\n${segment(i + 1, rng, revenue, shape)}\n`;
    out.push(chunk);
    bytes += utf8(chunk);
    shape.copies++;
  }
  const text = out.join('');
  return { text, bytes: utf8(text), shape };
}
