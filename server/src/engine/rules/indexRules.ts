// The hkex/index-* rules: the index table against the Code and against the report's own tags.
// Each rule is its own Rule object (own id, severity, description) sharing the helpers below.
import { normalizeTitle } from '../recognition/indexTables';
import type { IndexRow, Section } from '../model';
import { HKEX_INPUTS, type Rule, RuleContext } from './rule';
import { localized } from '../i18n';
import { obligationIn } from '../context';
import { isReportedMissing } from './missing';

function* indexRows(ctx: RuleContext): Generator<IndexRow> {
  for (const t of ctx.doc.indexTables) for (const row of t.rows) yield row;
}

/** An id is satisfied by a set of covered ids when it is in it, or all its children are. */
function satisfied(ctx: RuleContext, id: string, ids: ReadonlySet<string>): boolean {
  if (ids.has(id)) return true;
  const children = ctx.framework.get(id)?.children;
  return !!children?.length && children.every((c) => ids.has(c));
}

function firstIdOf(row: IndexRow): string {
  return row.refs.length > 1 && row.refs[0].fromRange ? row.refs[0].raw : row.refs.map((r) => r.id).join(', ');
}

export const indexAbsent: Rule = {
  id: 'hkex/index-absent',
  defaultSeverity: 'information',
  reads: HKEX_INPUTS,
  description: {
    en: 'The report has an HKEX content index table (a heading with class `.hkex-index` and a pipe table).',
    'zh-Hant': '報告載有香港聯交所內容索引表（帶有 `.hkex-index` 類別的標題及表格）。',
    'zh-Hans': '报告载有香港联交所内容索引表（带有 `.hkex-index` 类别的标题及表格）。',
  },
  run(ctx) {
    if (ctx.doc.indexTables.length || !ctx.doc.config.present) return;
    const r = ctx.doc.frontMatter?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    ctx.report({ range: { start: r.start, end: { line: r.start.line, character: 3 } }, message: ctx.t('hkex.indexAbsent') });
  },
};

export const indexMissingRow: Rule = {
  id: 'hkex/index-missing-row',
  defaultSeverity: 'warning',
  reads: HKEX_INPUTS,
  // Adding the rows of requirements that tagged sections disclose (codeActions.ts).
  safeFix: true,
  description: {
    en: "The index table has a row for every mandatory and 'comply or explain' requirement.",
    'zh-Hant': '索引表涵蓋每項強制及「不遵守就解釋」條文。',
    'zh-Hans': '索引表涵盖每项强制及“不遵守就解释”条文。',
  },
  run(ctx) {
    if (!ctx.doc.indexTables.length) return;
    const listed = new Set<string>();
    for (const row of indexRows(ctx)) for (const ref of row.refs) if (ref.known) for (const id of ctx.framework.covers(ref.id)) listed.add(id);
    const first = ctx.doc.indexTables[0];
    const section = ctx.doc.sections[first.section];
    for (const req of ctx.framework.leaves()) {
      const obligation = obligationIn(ctx.framework, req.id, ctx.reporting);
      if (obligation !== 'mandatory' && obligation !== 'comply-or-explain') continue;
      if (listed.has(req.id) || (req.parent && listed.has(req.parent))) continue;
      // Before the Code, its list of rows is guidance: an index of the old Guide is not wrong for lacking them.
      const severity = ctx.reporting.codeVersion === 'pre-2025' ? 'information' : undefined;
      ctx.report({ range: section.heading.titleRange, message: ctx.t('hkex.indexMissingRow', { id: req.id, title: localized(req.title, ctx.locale) }), severity, data: { id: req.id, table: first.table } });
    }
  },
};

export const indexBrokenTarget: Rule = {
  id: 'hkex/index-broken-target',
  defaultSeverity: 'error',
  reads: HKEX_INPUTS,
  description: {
    en: 'Every link and section title in the index table resolves to a heading of the report.',
    'zh-Hant': '索引表中每個連結及章節標題均對應報告中的標題。',
    'zh-Hans': '索引表中每个链接及章节标题均对应报告中的标题。',
  },
  run(ctx) {
    let nearTitles = 0;
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted) continue;
      const t = row.target;
      if (t.kind === 'links') {
        const { sections } = ctx.disclosures.resolveTarget(row);
        t.links.forEach((link, i) => {
          if (link.href.startsWith('#') && !sections[i]) ctx.report({ range: link.hrefRange, message: ctx.t('hkex.indexBrokenLink', { id: firstIdOf(row), href: link.href }), data: { href: link.href } });
        });
      } else if (t.kind === 'titles') {
        const { sections } = ctx.disclosures.resolveTarget(row);
        t.titles.forEach((title, i) => {
          if (sections[i]) return;
          // A title one or two edits from a heading is a typo or a variant, not a missing section.
          const near = nearTitles++ < MAX_NEAR_SEARCHES ? nearestHeading(ctx, title.text) : undefined;
          if (near) {
            ctx.report({ range: title.range, severity: 'warning', message: ctx.t('hkex.indexNearTitle', { id: firstIdOf(row), title: title.text, near }), data: { title: title.text, near } });
          } else ctx.report({ range: title.range, message: ctx.t('hkex.indexUnknownTitle', { id: firstIdOf(row), title: title.text }), data: { title: title.text } });
        });
      }
    }
  },
};

/** Near-match searches per analysis: each compares with every heading, so a broken index of thousands of rows stays linear. */
const MAX_NEAR_SEARCHES = 50;

/** The heading title within a small edit distance of `title` (after normalising both), if exactly one is nearest. */
function nearestHeading(ctx: RuleContext, title: string): string | undefined {
  const key = normalizeTitle(title);
  if (key.length < 2 || key.length > 80) return undefined;
  const limit = key.length <= 4 ? 1 : Math.min(3, Math.floor(key.length / 5) + 1);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const h of ctx.doc.headings.slice(0, 5000)) {
    const other = normalizeTitle(h.title);
    if (Math.abs(other.length - key.length) > limit) continue;
    const d = editDistance(key, other, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = h.title;
      tie = false;
    } else if (d === bestDistance && best !== h.title) tie = true;
  }
  return best !== undefined && !tie ? best.trim() : undefined;
}

/** Levenshtein distance, stopping once it exceeds `limit` (returns limit + 1 then). */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

function targetSections(ctx: RuleContext, row: IndexRow): Section[] {
  return ctx.disclosures.resolveTarget(row).sections.filter((s): s is Section => !!s);
}

export const indexMismatch: Rule = {
  id: 'hkex/index-mismatch',
  defaultSeverity: 'warning',
  reads: HKEX_INPUTS,
  description: {
    en: 'An index row points to a section whose tags, KPI rows or explanation blocks include the requirement.',
    'zh-Hant': '索引行指向的章節，其標註、關鍵績效指標行或解釋區塊包含該條文。',
    'zh-Hans': '索引行指向的章节，其标注、关键绩效指标行或解释区块包含该条文。',
  },
  run(ctx) {
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted) continue;
      const sections = targetSections(ctx, row);
      const tagged = sections.filter((s) => ctx.disclosures.tagsInSubtree(s).size > 0);
      if (!tagged.length) continue;
      for (const ref of row.refs) {
        if (!ref.known) continue;
        // The section discloses it (tag, KPI row) or explains it there: a reader following the row finds it.
        const ok = sections.some(
          (s) => satisfied(ctx, ref.id, ctx.disclosures.tagsInSubtree(s)) || satisfied(ctx, ref.id, ctx.disclosures.kpiIdsInSubtree(s)) || satisfied(ctx, ref.id, ctx.disclosures.explainedInSubtree(s)),
        );
        if (ok) continue;
        const s = tagged[0];
        const tags = [...new Set(s.tags.map((r) => r.raw))].join(' ') || [...ctx.disclosures.tagsInSubtree(s)].join(' ');
        ctx.report({
          range: row.target.range,
          message: ctx.t('hkex.indexMismatch', { id: ref.id, section: s.heading.title, tags }),
          data: { id: ref.id, section: s.index },
          related: [{ uri: ctx.doc.uri, range: s.heading.range, message: s.heading.title }],
        });
      }
    }
  },
};

export const indexUntagged: Rule = {
  id: 'hkex/index-untagged',
  defaultSeverity: 'hint',
  reads: HKEX_INPUTS,
  // Tagging the section with what the index row already says it covers (codeActions.ts).
  safeFix: true,
  description: {
    en: 'An index row points to a section that carries no tags at all: tag it so the link can be checked.',
    'zh-Hant': '索引行指向沒有任何標註的章節：請加上標註以便核對。',
    'zh-Hans': '索引行指向没有任何标注的章节：请加上标注以便核对。',
  },
  run(ctx) {
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted) continue;
      const sections = targetSections(ctx, row);
      if (!sections.length || sections.some((s) => ctx.disclosures.tagsInSubtree(s).size > 0)) continue;
      const s = sections[sections.length - 1];
      for (const ref of row.refs) {
        if (!ref.known || satisfied(ctx, ref.id, ctx.disclosures.kpiIdsInSubtree(s)) || satisfied(ctx, ref.id, ctx.disclosures.explainedInSubtree(s))) continue;
        ctx.report({ range: row.target.range, message: ctx.t('hkex.indexUntagged', { id: ref.id, section: s.heading.title }), data: { id: ref.id, section: s.index } });
      }
    }
  },
};

export const indexDuplicate: Rule = {
  id: 'hkex/index-duplicate',
  defaultSeverity: 'warning',
  reads: HKEX_INPUTS,
  description: {
    en: 'Each requirement has one row in the index table.',
    'zh-Hant': '每項條文在索引表中只有一行。',
    'zh-Hans': '每项条文在索引表中只有一行。',
  },
  run(ctx) {
    const seen = new Map<string, number>();
    for (const row of indexRows(ctx)) {
      for (const ref of row.refs) {
        if (!ref.known || ref.fromRange) continue;
        const prev = seen.get(ref.id);
        if (prev !== undefined && prev !== row.row.line) ctx.report({ range: ref.range, message: ctx.t('hkex.indexDuplicate', { id: ref.id, line: prev + 1 }), data: { id: ref.id, line: prev } });
        else seen.set(ref.id, row.row.line);
      }
    }
  },
};

export const indexEmptyTarget: Rule = {
  id: 'hkex/index-empty-target',
  defaultSeverity: 'warning',
  reads: HKEX_INPUTS,
  description: {
    en: 'Every index row points to a section or gives an explanation.',
    'zh-Hant': '每個索引行均指向章節或提供解釋。',
    'zh-Hans': '每个索引行均指向章节或提供解释。',
  },
  run(ctx) {
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted || row.target.kind !== 'empty') continue;
      // A requirement hkex/missing reports (on this row) is not reported a second time here: a generated
      // index leaves the rows of missing requirements empty, and one finding per requirement is enough.
      const missingOn = ctx.options.severity?.['hkex/missing'] !== 'off';
      const refs = missingOn ? row.refs.filter((r) => !r.known || !!ctx.framework.get(r.id)?.children?.length || !isReportedMissing(ctx, r.id)) : row.refs;
      if (row.refs.length > 0 && refs.length === 0) continue;
      ctx.report({ range: row.target.range, message: ctx.t('hkex.indexEmptyTarget', { id: refs.length ? refs[0].id : firstIdOf(row) }), data: { ids: (refs.length ? refs : row.refs).map((r) => r.id) } });
    }
  },
};
