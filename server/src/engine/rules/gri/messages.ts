// The messages of the gri/ rules: ids GRI does not have, the content index's rows, targets and
// omissions, and disclosures superseded by GRI 102 / 103. A module without imports of code (see messages.ts).
import type { Localized } from '../../types';

export const GRI_MESSAGES = {
  'gri.unknownId': {
    en: '`{id}` is not a GRI disclosure (ids such as 2-1, 3-3, 305-1, 102-5).',
    'zh-Hant': '`{id}` 不是 GRI 披露項目（編號例如 2-1、3-3、305-1、102-5）。',
    'zh-Hans': '`{id}` 不是 GRI 披露项目（编号例如 2-1、3-3、305-1、102-5）。',
  },
  'gri.indexMissingRow': {
    en: 'GRI {id} ({title}) is {source} but has no row in the GRI content index.',
    'zh-Hant': 'GRI {id}（{title}）已{source}，但 GRI 內容索引沒有相應的行。',
    'zh-Hans': 'GRI {id}（{title}）已{source}，但 GRI 内容索引没有相应的行。',
  },
  'gri.source.tag': {
    en: 'tagged on a section',
    'zh-Hant': '在章節標註',
    'zh-Hans': '在章节标注',
  },
  'gri.source.kpi': {
    en: 'answered by a KPI the report discloses',
    'zh-Hant': '由報告披露的關鍵績效指標回應',
    'zh-Hans': '由报告披露的关键绩效指标回应',
  },
  'gri.indexBrokenLink': {
    en: 'GRI content index row {id} links to `{href}`, which is no heading of the report.',
    'zh-Hant': 'GRI 內容索引 {id} 行連結至 `{href}`，但報告中沒有此標題。',
    'zh-Hans': 'GRI 内容索引 {id} 行链接至 `{href}`，但报告中没有此标题。',
  },
  'gri.indexUnknownTitle': {
    en: 'GRI content index row {id} points to "{title}", which is no section of the report.',
    'zh-Hant': 'GRI 內容索引 {id} 行指向「{title}」，但報告中沒有此章節。',
    'zh-Hans': 'GRI 内容索引 {id} 行指向“{title}”，但报告中没有此章节。',
  },
  'gri.indexNearTitle': {
    en: 'GRI content index row {id} points to "{title}"; did you mean the section "{near}"?',
    'zh-Hant': 'GRI 內容索引 {id} 行指向「{title}」；是否指章節「{near}」？',
    'zh-Hans': 'GRI 内容索引 {id} 行指向“{title}”；是否指章节“{near}”？',
  },
  'gri.omissionReason': {
    en: 'GRI {id} is omitted without one of the reasons GRI allows ({reasons}).',
    'zh-Hant': 'GRI {id} 被省略，但未說明 GRI 容許的省略原因（{reasons}）。',
    'zh-Hans': 'GRI {id} 被省略，但未说明 GRI 允许的省略原因（{reasons}）。',
  },
  'gri.omissionNotAllowed': {
    en: 'GRI {id} may not be omitted: a report in accordance with the GRI Standards must disclose it.',
    'zh-Hant': 'GRI {id} 不可省略：依循 GRI 準則的報告必須披露此項。',
    'zh-Hans': 'GRI {id} 不可省略：依循 GRI 准则的报告必须披露此项。',
  },
  'gri.superseded': {
    en: 'GRI {id} ({title}) no longer applies to a financial year commencing on {fyStart} ({version}): cite GRI {successors} instead.',
    'zh-Hant': 'GRI {id}（{title}）不適用於 {fyStart} 開始的財政年度（{version}）：請改為引用 GRI {successors}。',
    'zh-Hans': 'GRI {id}（{title}）不适用于 {fyStart} 开始的财政年度（{version}）：请改为引用 GRI {successors}。',
  },
  'hover.pack.version': {
    en: 'Version in force for a financial year commencing on {fyStart}: {version}',
    'zh-Hant': '於 {fyStart} 開始的財政年度適用的版本：{version}',
    'zh-Hans': '于 {fyStart} 开始的财政年度适用的版本：{version}',
  },
  'hover.pack.notInForce': {
    en: 'Not yet in force for this financial year (early adoption).',
    'zh-Hant': '本財政年度尚未生效（提前採用）。',
    'zh-Hans': '本财政年度尚未生效（提前采用）。',
  },
  'hover.pack.superseded': {
    en: 'Superseded for this financial year by {successors}.',
    'zh-Hant': '本財政年度已由 {successors} 取代。',
    'zh-Hans': '本财政年度已由 {successors} 取代。',
  },
  'hover.pack.hkex': {
    en: 'HKEX Code',
    'zh-Hant': '聯交所守則',
    'zh-Hans': '联交所守则',
  },
  'hover.pack.noHkex': {
    en: 'no paragraph mapped',
    'zh-Hant': '沒有對應條文',
    'zh-Hans': '没有对应条文',
  },
  'action.addGriIndexRow': {
    en: 'Add the GRI content index row for {id}',
    'zh-Hant': '加入 {id} 的 GRI 內容索引行',
    'zh-Hans': '加入 {id} 的 GRI 内容索引行',
  },
} as const satisfies Record<string, Localized>;
