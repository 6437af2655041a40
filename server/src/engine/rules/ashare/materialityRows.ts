// Helpers shared by the ashare/ materiality rules: the table's topic rows, and a topic's title.
import type { RuleContext } from '../rule';
import type { EsgDocument } from '../../model';
import { getItem } from '../../catalogs/frameworks';
import { localized } from '../../i18n';
import { plainCell } from '../../recognition/indexTables';
import { ASHARE_PACK, type MaterialityRow, type MaterialityTable } from '../../recognition/ashareMateriality';

/** A row that is a caption of the table ('环境', a group name): no topic, and only its first cell filled. */
export function isCaptionRow(row: MaterialityRow): boolean {
  return row.topic === undefined && row.row.cells.every((c) => c === row.topicCell || plainCell(c.text) === '');
}

/** The rows of every materiality table that name a topic and are not captions. */
export function topicRows(tables: readonly MaterialityTable[]): (MaterialityRow & { topic: string })[] {
  return tables.flatMap((t) => t.rows.filter((r): r is MaterialityRow & { topic: string } => r.topic !== undefined));
}

/** The topic's short title in the report's language. */
export function topicTitle(ctx: RuleContext, topic: string): string {
  const item = getItem(ASHARE_PACK, topic);
  return item ? localized(item.title, ctx.locale) : topic;
}

/** The section a row's section cell points at (a link to a heading, or a heading's title), if any. */
export function rowSection(doc: EsgDocument, row: MaterialityRow): number | undefined {
  const target = row.target;
  if (!target) return undefined;
  if (target.kind === 'links')
    for (const link of target.links)
      if (link.href.startsWith('#')) {
        const s = doc.sections.find((x) => x.heading.anchor === link.href.slice(1));
        if (s) return s.index;
      }
  if (target.kind === 'titles')
    for (const title of target.titles) {
      const s = doc.sections.find((x) => plainCell(x.heading.title) === plainCell(title.text));
      if (s) return s.index;
    }
  return undefined;
}
