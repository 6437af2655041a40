// gri/unknown-id: a `gri=` tag or a GRI content index row naming an id the GRI Standards do not have.
import type { Rule } from '../rule';
import { griCitations, griScope } from './packRefs';

export type GriUnknownIdData = { id: string };

export const griUnknownId: Rule<GriUnknownIdData> = {
  id: 'gri/unknown-id',
  defaultSeverity: 'error',
  description: {
    en: 'Every GRI id in a `gri` tag or the GRI content index is a disclosure of the GRI Standards.',
    'zh-Hant': '`gri` 標註及 GRI 內容索引中的每個編號均為 GRI 準則的披露項目。',
    'zh-Hans': '`gri` 标注及 GRI 内容索引中的每个编号均为 GRI 准则的披露项目。',
  },
  run(ctx) {
    const scope = griScope(ctx);
    if (!scope) return;
    for (const ref of griCitations(ctx, scope.tables)) {
      if (!ref.known)
        ctx.report({ range: ref.range, message: ctx.t('gri.unknownId', { id: ref.raw }), data: { id: ref.raw } });
    }
  },
};
