// The issb/ index rules, built once from the shared framework index rules (gri/packRefs.ts) for the two
// packs of the ISSB climate standard: IFRS S2 (`issb=`, `.issb-index`) and HKFRS S2 as adopted in Hong
// Kong (`hkfrs=`, `.hkfrs-index`), which carry the same paragraph ids.
import { packIndexRules, type PackIndexMessages } from '../gri/packRefs';
import { HKFRS_S2_PACK, IFRS_S2_PACK } from '../../recognition/packIndex';

/** The index messages every framework family shares (they name the framework). */
export const PACK_INDEX_KEYS: PackIndexMessages = {
  unknownId: 'pack.unknownId',
  unknownIdNear: 'pack.unknownIdNear',
  notInForce: 'pack.notInForce',
  missingRow: 'pack.indexMissingRow',
  sourceRequired: 'pack.source.required',
  sourceTag: 'pack.source.tag',
  sourceKpi: 'pack.source.kpi',
  brokenLink: 'pack.indexBrokenLink',
  unknownTitle: 'pack.indexUnknownTitle',
  nearTitle: 'pack.indexNearTitle',
  notDisclosed: 'pack.indexNotDisclosed',
  addRow: 'action.addPackIndexRow',
  replaceId: 'action.replacePackId',
  tagSection: 'action.tagPackSection',
};

export const ISSB_PACKS = [HKFRS_S2_PACK, IFRS_S2_PACK] as const;

export const ISSB_INDEX_RULES = packIndexRules({
  namespace: 'issb',
  unknownName: 'unknown-id',
  packs: ISSB_PACKS,
  messages: PACK_INDEX_KEYS,
  descriptions: {
    unknown: {
      en: 'Every id in an `issb` / `hkfrs` tag or an IFRS S2 / HKFRS S2 index is a paragraph of the version in force for the year.',
      'zh-Hant': '`issb`／`hkfrs` 標註及 IFRS S2／HKFRS S2 索引中的每個編號均為該年度適用版本的段落。',
      'zh-Hans': '`issb`／`hkfrs` 标注及 IFRS S2／HKFRS S2 索引中的每个编号均为该年度适用版本的段落。',
    },
    missingRow: {
      en: 'The IFRS S2 / HKFRS S2 index has a row for every paragraph the standard requires for the year, tagged or answered by a KPI.',
      'zh-Hant': 'IFRS S2／HKFRS S2 索引涵蓋該年度準則規定、已標註或以關鍵績效指標回應的每個段落。',
      'zh-Hans': 'IFRS S2／HKFRS S2 索引涵盖该年度准则规定、已标注或以关键绩效指标回应的每个段落。',
    },
    brokenTarget: {
      en: 'Every link and section title in the IFRS S2 / HKFRS S2 index resolves to a heading of the report.',
      'zh-Hant': 'IFRS S2／HKFRS S2 索引中每個連結及章節標題均對應報告中的標題。',
      'zh-Hans': 'IFRS S2／HKFRS S2 索引中每个链接及章节标题均对应报告中的标题。',
    },
    notDisclosed: {
      en: 'Every IFRS S2 / HKFRS S2 index row points to a section that discloses the paragraph (its tag, a mapped HKEX or GRI tag, or a KPI).',
      'zh-Hant': 'IFRS S2／HKFRS S2 索引每行指向披露該段落的章節（其標註、對應的聯交所或 GRI 標註，或關鍵績效指標）。',
      'zh-Hans': 'IFRS S2／HKFRS S2 索引每行指向披露该段落的章节（其标注、对应的联交所或 GRI 标注，或关键绩效指标）。',
    },
  },
});
