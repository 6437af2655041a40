// ghg/unknown-factor: a front-matter factor id that is not in the catalog.
import { type Rule } from '../rule';
import { factorName, getFactor, suggestFactorId } from '../../catalogs/factors';
import { frontMatterFactors } from '../../derived';

/** The id as written, and the catalog id it is likely a typo of. */
export type UnknownFactorData = { kind: 'replace-id'; from: string; to: string } | { id: string };

export const unknownFactor: Rule<UnknownFactorData> = {
  id: 'ghg/unknown-factor',
  defaultSeverity: 'error',
  description: {
    en: 'Every emission factor id in the front matter (`esg.factors`) is in the factor catalog.',
    'zh-Hant': '前置資料（`esg.factors`）中的排放因子代號均見於因子目錄。',
    'zh-Hans': '前置资料（`esg.factors`）中的排放因子代号均见于因子目录。',
  },
  run(ctx) {
    for (const f of frontMatterFactors(ctx.doc)) {
      if (!f.catalogId || getFactor(f.catalogId)) continue;
      const suggestion = suggestFactorId(f.catalogId);
      const named = suggestion ? getFactor(suggestion) : undefined;
      ctx.report({
        range: f.range,
        message: named
          ? ctx.t('ghg.unknownFactor.suggest', {
              id: f.catalogId,
              suggestion: named.id,
              name: factorName(named, ctx.locale),
            })
          : ctx.t('ghg.unknownFactor', { id: f.catalogId }),
        data: named ? { kind: 'replace-id', from: f.catalogId, to: named.id } : { id: f.catalogId },
      });
    }
  },
};
