// hkex/index-broken-target: an index row's link or section title that matches no heading.
import { normalizeTitle } from '../../recognition/indexTables';
import { type Rule, RuleContext } from '../rule';
import type { Heading } from '../../model';
import { firstIdOf, indexRows } from './indexRows';
import { boundedEditDistance } from '../../text/distance';
import { detachedCopy } from '../../text/normalize';

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
  // The copies of an index repeat its broken titles, and a keystroke in a table keeps the headings: each
  // title is searched once per list of headings, for the three rules that ask and the versions that follow.
  const near = (headings.shared ??= nearOf(ctx.doc.headings));
  const known = near.found.get(title);
  if (known !== undefined) return known ?? undefined;
  const found = searchNearestHeading(title, near);
  if (near.found.size >= MAX_REMEMBERED_TITLES) near.found.clear();
  // A copy as the key: the memo outlives this version, and a slice would keep its whole text alive.
  near.found.set(detachedCopy(title), found ?? null);
  return found;
}

/** Answers kept per list of headings: typing in an index cell searches a new title at each keystroke. */
const MAX_REMEMBERED_TITLES = 2000;

/** The near-match state of each list of headings (a document version's; an edit elsewhere keeps the list). */
const nearByHeadings = new WeakMap<readonly Heading[], SharedNear>();

function nearOf(list: readonly Heading[]): SharedNear {
  let near = nearByHeadings.get(list);
  if (!near) {
    const titles = list.slice(0, 5000).map((h) => h.title);
    near = { titles, keys: titles.map(normalizeTitle), found: new Map() };
    nearByHeadings.set(list, near);
  }
  return near;
}

function searchNearestHeading(title: string, { titles, keys }: SharedNear): string | undefined {
  const key = normalizeTitle(title);
  if (key.length < 2 || key.length > 80) return undefined;
  const limit = key.length <= 4 ? 1 : Math.min(3, Math.floor(key.length / 5) + 1);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
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

/** The headings the near-match searches compare with, their normalised titles, and the answers so far (null: none). */
interface SharedNear {
  titles: string[];
  keys: string[];
  found: Map<string, string | null>;
}

/** A rule run's handle on the near-match state: taken at its first search, so a run that searches nothing reads no heading. */
export interface NearHeadings {
  shared?: SharedNear;
}
