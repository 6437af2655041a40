// gri/index-broken-target: a GRI content index row whose location names no section of the report.
// The location cell is read and matched as the HKEX index's target cell is (recognition/indexTables.ts).
import type { Rule } from '../rule';
import { asIndexRow } from '../../recognition/packIndex';
import { nearestHeading, type NearHeadings } from '../hkex/index-broken-target';
import { griScope } from './packRefs';

export type GriIndexBrokenTargetData = { href: string } | { title: string; near?: string };

/** Near-match searches per analysis (each compares with every heading). */
const MAX_NEAR_SEARCHES = 50;

export const griIndexBrokenTarget: Rule<GriIndexBrokenTargetData> = {
  id: 'gri/index-broken-target',
  defaultSeverity: 'error',
  description: {
    en: 'Every link and section title in the GRI content index resolves to a heading of the report.',
    'zh-Hant': 'GRI 內容索引中每個連結及章節標題均對應報告中的標題。',
    'zh-Hans': 'GRI 内容索引中每个链接及章节标题均对应报告中的标题。',
  },
  run(ctx) {
    const scope = griScope(ctx);
    if (!scope) return;
    let nearSearches = 0;
    const nearHeadings: NearHeadings = {};
    for (const table of scope.tables)
      for (const row of table.rows) {
        const t = row.target;
        const id = row.refs.map((r) => r.id).join(', ');
        if (t.kind === 'links') {
          const { sections } = ctx.disclosures.resolveTarget(asIndexRow(row));
          t.links.forEach((link, i) => {
            if (link.href.startsWith('#') && !sections[i])
              ctx.report({
                range: link.hrefRange,
                message: ctx.t('gri.indexBrokenLink', { id, href: link.href }),
                data: { href: link.href },
              });
          });
        } else if (t.kind === 'titles') {
          const { sections } = ctx.disclosures.resolveTarget(asIndexRow(row));
          t.titles.forEach((title, i) => {
            if (sections[i]) return;
            // A title a few edits from a heading is a typo or a variant: a warning with the heading, never an error.
            const near = nearSearches++ < MAX_NEAR_SEARCHES ? nearestHeading(ctx, title.text, nearHeadings) : undefined;
            if (near)
              ctx.report({
                range: title.range,
                severity: 'warning',
                message: ctx.t('gri.indexNearTitle', { id, title: title.text, near }),
                data: { title: title.text, near },
              });
            else
              ctx.report({
                range: title.range,
                message: ctx.t('gri.indexUnknownTitle', { id, title: title.text }),
                data: { title: title.text },
              });
          });
        }
      }
  },
};
