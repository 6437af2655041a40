// gri/superseded: a GRI 305 / 302 disclosure cited for a financial year GRI 102 Climate Change or
// GRI 103 Energy applies to (commencing on or after 1 January 2027).
import type { Rule } from '../rule';
import { getItem, getPack, itemIdsFor, versionFor } from '../../catalogs/frameworks';
import { localized } from '../../i18n';
import { GRI_PACK } from '../../recognition/packIndex';
import { griCitations, griScope } from './packRefs';

export type GriSupersededData = { id: string; successors: string[] };

export const griSuperseded: Rule<GriSupersededData> = {
  id: 'gri/superseded',
  defaultSeverity: 'warning',
  description: {
    en: 'No GRI disclosure is cited for a financial year after the standard that replaces it took effect.',
    'zh-Hant': '財政年度適用取代準則後，不再引用已被取代的 GRI 披露項目。',
    'zh-Hans': '财政年度适用取代准则后，不再引用已被取代的 GRI 披露项目。',
  },
  run(ctx) {
    const scope = griScope(ctx);
    if (!scope) return;
    const fyStart = ctx.reporting.fyStart;
    const version = versionFor(GRI_PACK, fyStart);
    if (!version) return;
    const inForce = itemIdsFor(GRI_PACK, fyStart);
    const pack = getPack(GRI_PACK)!;
    for (const ref of griCitations(ctx, scope.tables)) {
      if (!ref.known || inForce.has(ref.id)) continue;
      const item = getItem(GRI_PACK, ref.id);
      // Only an item ended by a version (305-1 until 2027): one not yet in force (102-5 in FY2026) is early adoption.
      if (!item?.until || !item.successors?.length) continue;
      const ending = pack.versions.find((v) => v.id === item.until);
      ctx.report({
        range: ref.range,
        message: ctx.t('gri.superseded', {
          id: ref.id,
          title: localized(item.title, ctx.locale),
          fyStart,
          version: ending ? localized(ending.title, ctx.locale) : item.until,
          successors: item.successors.join(', '),
        }),
        data: { id: ref.id, successors: item.successors },
      });
    }
  },
};
