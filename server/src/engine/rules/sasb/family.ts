// The sasb/ index rules, built once from the shared framework index rules (gri/packRefs.ts) for the SASB
// industry packs (Software & IT Services: `sasb=`, `.sasb-index`).
import { packIndexRules } from '../gri/packRefs';
import { PACK_INDEX_KEYS } from '../issb/family';
import { SASB_PACK } from '../../recognition/packIndex';

export const SASB_PACKS = [SASB_PACK] as const;

export const SASB_INDEX_RULES = packIndexRules({
  namespace: 'sasb',
  unknownName: 'unknown-code',
  packs: SASB_PACKS,
  messages: PACK_INDEX_KEYS,
  descriptions: {
    unknown: {
      en: 'Every code in a `sasb` tag or the SASB index is a metric of the industry standard.',
      'zh-Hant': '`sasb` 標註及 SASB 索引中的每個代碼均為該行業準則的指標。',
      'zh-Hans': '`sasb` 标注及 SASB 索引中的每个代码均为该行业准则的指标。',
    },
    missingRow: {
      en: 'The SASB index has a row for every metric of the industry standard, tagged or answered by a KPI.',
      'zh-Hant': 'SASB 索引涵蓋該行業準則、已標註或以關鍵績效指標回應的每項指標。',
      'zh-Hans': 'SASB 索引涵盖该行业准则、已标注或以关键绩效指标回应的每项指标。',
    },
    brokenTarget: {
      en: 'Every link and section title in the SASB index resolves to a heading of the report.',
      'zh-Hant': 'SASB 索引中每個連結及章節標題均對應報告中的標題。',
      'zh-Hans': 'SASB 索引中每个链接及章节标题均对应报告中的标题。',
    },
    notDisclosed: {
      en: 'Every SASB index row points to a section that discloses the metric (its tag or a KPI answering it).',
      'zh-Hant': 'SASB 索引每行指向披露該指標的章節（其標註或回應該指標的關鍵績效指標）。',
      'zh-Hans': 'SASB 索引每行指向披露该指标的章节（其标注或回应该指标的关键绩效指标）。',
    },
  },
});
