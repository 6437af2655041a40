// hkex/index-broken-target: an index row's link or section title that matches no heading.
import { normalizeTitle } from '../../recognition/indexTables';
import { type Rule, RuleContext } from '../rule';
import { firstIdOf, indexRows } from './indexRows';
import { boundedEditDistance } from '../../text/distance';

/** The link that resolves to no heading, or the title that names none (and the heading it is near). */
export type IndexBrokenTargetData = { href: string } | { title: string; near?: string };

export const indexBrokenTarget: Rule<IndexBrokenTargetData> = {
  id: 'hkex/index-broken-target',
  defaultSeverity: 'error',
  description: {
    en: 'Every link and section title in the index table resolves to a heading of the report.',
    'zh-Hant': '索引表中每個連結及章節標題均對應報告中的標題。',
    'zh-Hans': '索引表中每个链接及章节标题均对应报告中的标题。',
  },
  run(ctx) {
    let nearTitles = 0;
    const nearHeadings: NearHeadings = {};
    for (const row of indexRows(ctx)) {
      if (row.markedDeleted) continue;
      const t = row.target;
      if (t.kind === 'links') {
        const { sections } = ctx.disclosures.resolveTarget(row);
        t.links.forEach((link, i) => {
          if (link.href.startsWith('#') && !sections[i])
            ctx.report({
              range: link.hrefRange,
              message: ctx.t('hkex.indexBrokenLink', { id: firstIdOf(row), href: link.href }),
              data: { href: link.href },
            });
        });
      } else if (t.kind === 'titles') {
        const { sections } = ctx.disclosures.resolveTarget(row);
        t.titles.forEach((title, i) => {
          if (sections[i]) return;
          // A title one or two edits from a heading is a typo or a variant, not a missing section.
          const near = nearTitles++ < MAX_NEAR_SEARCHES ? nearestHeading(ctx, title.text, nearHeadings) : undefined;
          if (near) {
            ctx.report({
              range: title.range,
              severity: 'warning',
              message: ctx.t('hkex.indexNearTitle', { id: firstIdOf(row), title: title.text, near }),
              data: { title: title.text, near },
            });
          } else
            ctx.report({
              range: title.range,
              message: ctx.t('hkex.indexUnknownTitle', { id: firstIdOf(row), title: title.text }),
              data: { title: title.text },
            });
        });
      }
    }
  },
};

/** Near-match searches per analysis: each compares with every heading, so a broken index of thousands of rows stays linear. */
const MAX_NEAR_SEARCHES = 50;

/** The heading title within a small edit distance of `title` (after normalising both), if exactly one is nearest. */
export function nearestHeading(ctx: RuleContext, title: string, headings: NearHeadings = {}): string | undefined {
  // The copies of an index repeat its broken titles: each is searched once per run.
  const known = headings.found?.get(title);
  if (known !== undefined) return known ?? undefined;
  const near = searchNearestHeading(ctx, title, headings);
  (headings.found ??= new Map()).set(title, near ?? null);
  return near;
}

function searchNearestHeading(ctx: RuleContext, title: string, headings: NearHeadings): string | undefined {
  const key = normalizeTitle(title);
  if (key.length < 2 || key.length > 80) return undefined;
  const limit = key.length <= 4 ? 1 : Math.min(3, Math.floor(key.length / 5) + 1);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  if (!headings.titles) {
    headings.titles = ctx.doc.headings.slice(0, 5000).map((h) => h.title);
    headings.keys = headings.titles.map(normalizeTitle);
  }
  const { titles, keys } = headings as Required<Pick<NearHeadings, 'titles' | 'keys'>>;
  for (let i = 0; i < titles.length; i++) {
    const other = keys[i];
    if (Math.abs(other.length - key.length) > limit) continue;
    const d = boundedEditDistance(key, other, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = titles[i];
      tie = false;
    } else if (d === bestDistance && best !== titles[i]) tie = true;
  }
  return best !== undefined && !tie ? best.trim() : undefined;
}

/** The headings a rule run's near-match searches compare with, and their normalised titles: read at the first search. */
export interface NearHeadings {
  titles?: string[];
  keys?: string[];
  /** The answers so far, by title searched (null: none). */
  found?: Map<string, string | null>;
}
