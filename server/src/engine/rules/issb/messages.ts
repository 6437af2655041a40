// The messages of the issb/ rules (IFRS S2 and HKFRS S2: the index, the tags, the GHG method), and the
// index messages shared with sasb/ (`pack.*`, which name the framework). A module without imports of code.
import type { Localized } from '../../types';

export const PACK_INDEX_MESSAGES = {
  'pack.unknownId': {
    en: '`{id}` is not an id of {framework} (version {version}).',
    'zh-Hant': '`{id}` 不是 {framework} 的編號（{version} 版）。',
    'zh-Hans': '`{id}` 不是 {framework} 的编号（{version} 版）。',
  },
  'pack.unknownIdNear': {
    en: '`{id}` is not an id of {framework} (version {version}); did you mean `{near}`?',
    'zh-Hant': '`{id}` 不是 {framework} 的編號（{version} 版）；是否指 `{near}`？',
    'zh-Hans': '`{id}` 不是 {framework} 的编号（{version} 版）；是否指 `{near}`？',
  },
  'pack.notInForce': {
    en: '{framework} {id} is not in the version in force for a financial year commencing on {fyStart} ({version}); it applies from {effective}: state early application or remove it.',
    'zh-Hant':
      '{framework} {id} 不屬於 {fyStart} 開始的財政年度適用的版本（{version}）；該項自 {effective} 起適用：請說明提前採用或刪除。',
    'zh-Hans':
      '{framework} {id} 不属于 {fyStart} 开始的财政年度适用的版本（{version}）；该项自 {effective} 起适用：请说明提前采用或删除。',
  },
  'pack.indexMissingRow': {
    en: '{framework} {id} ({title}) is {source} but has no row in the {framework} index.',
    'zh-Hant': '{framework} {id}（{title}）{source}，但 {framework} 索引沒有相應的行。',
    'zh-Hans': '{framework} {id}（{title}）{source}，但 {framework} 索引没有相应的行。',
  },
  'pack.source.required': {
    en: 'required by {version}',
    'zh-Hant': '為 {version} 的規定',
    'zh-Hans': '为 {version} 的规定',
  },
  'pack.source.tag': {
    en: 'tagged on a section',
    'zh-Hant': '已在章節標註',
    'zh-Hans': '已在章节标注',
  },
  'pack.source.kpi': {
    en: 'answered by a KPI the report discloses',
    'zh-Hant': '由報告披露的關鍵績效指標回應',
    'zh-Hans': '由报告披露的关键绩效指标回应',
  },
  'pack.indexBrokenLink': {
    en: '{framework} index row {id} links to `{href}`, which is no heading of the report.',
    'zh-Hant': '{framework} 索引 {id} 行連結至 `{href}`，但報告中沒有此標題。',
    'zh-Hans': '{framework} 索引 {id} 行链接至 `{href}`，但报告中没有此标题。',
  },
  'pack.indexUnknownTitle': {
    en: '{framework} index row {id} points to "{title}", which is no section of the report.',
    'zh-Hant': '{framework} 索引 {id} 行指向「{title}」，但報告中沒有此章節。',
    'zh-Hans': '{framework} 索引 {id} 行指向“{title}”，但报告中没有此章节。',
  },
  'pack.indexNearTitle': {
    en: '{framework} index row {id} points to "{title}"; did you mean the section "{near}"?',
    'zh-Hant': '{framework} 索引 {id} 行指向「{title}」；是否指章節「{near}」？',
    'zh-Hans': '{framework} 索引 {id} 行指向“{title}”；是否指章节“{near}”？',
  },
  'pack.indexNotDisclosed': {
    en: '{framework} index row {id} points to "{section}", which does not disclose it: no {framework} tag, no HKEX or GRI tag mapped to it, no KPI answering it.',
    'zh-Hant':
      '{framework} 索引 {id} 行指向「{section}」，但該章節並無披露此項：沒有 {framework} 標註、沒有對應的聯交所或 GRI 標註、亦沒有回應此項的關鍵績效指標。',
    'zh-Hans':
      '{framework} 索引 {id} 行指向“{section}”，但该章节并无披露此项：没有 {framework} 标注、没有对应的联交所或 GRI 标注、亦没有回应此项的关键绩效指标。',
  },
  'action.addPackIndexRow': {
    en: 'Add the {framework} index row for {id}',
    'zh-Hant': '加入 {id} 的 {framework} 索引行',
    'zh-Hans': '加入 {id} 的 {framework} 索引行',
  },
  'action.replacePackId': {
    en: 'Replace `{id}` with `{near}`',
    'zh-Hant': '將 `{id}` 改為 `{near}`',
    'zh-Hans': '将 `{id}` 改为 `{near}`',
  },
  'action.tagPackSection': {
    en: 'Tag the section "{section}" with {id}',
    'zh-Hant': '為章節「{section}」標註 {id}',
    'zh-Hans': '为章节“{section}”标注 {id}',
  },
} as const satisfies Record<string, Localized>;

export const ISSB_MESSAGES = {
  'issb.gwpMissing': {
    en: '{framework} B21: the report discloses GHG emissions but names no source of its GWP values (e.g. IPCC AR6).',
    'zh-Hant': '{framework} B21：報告披露溫室氣體排放，但未說明所用全球變暖潛能值（GWP）的來源（例如 IPCC AR6）。',
    'zh-Hans': '{framework} B21：报告披露温室气体排放，但未说明所用全球变暖潜能值（GWP）的来源（例如 IPCC AR6）。',
  },
  'issb.gwpOutdated': {
    en: '{framework} B21 ({version}): GWP values from {found}; the latest IPCC assessment at the reporting date is AR6.',
    'zh-Hant': '{framework} B21（{version}）：GWP 取自 {found}；報告日最新的 IPCC 評估報告為 AR6。',
    'zh-Hans': '{framework} B21（{version}）：GWP 取自 {found}；报告日最新的 IPCC 评估报告为 AR6。',
  },
  'issb.gwpJurisdictionEarly': {
    en: '{framework} B21 ({version}): GWP values from {found} because a jurisdiction requires them; that relief comes with the December 2025 amendments (periods from 2027-01-01): state early application, or use AR6.',
    'zh-Hant':
      '{framework} B21（{version}）：因司法管轄區要求而採用 {found} 的 GWP；此寬免屬 2025 年 12 月修訂（2027-01-01 起的期間）：請說明提前採用，或改用 AR6。',
    'zh-Hans':
      '{framework} B21（{version}）：因司法管辖区要求而采用 {found} 的 GWP；此宽免属 2025 年 12 月修订（2027-01-01 起的期间）：请说明提前采用，或改用 AR6。',
  },
  'issb.scope2Location': {
    en: '{framework} 29(a)(v): Scope 2 emissions are disclosed ({value}) but no location-based Scope 2 figure.',
    'zh-Hant': '{framework} 29(a)(v)：已披露範圍 2 排放（{value}），但沒有按位置基準法計算的範圍 2 數據。',
    'zh-Hans': '{framework} 29(a)(v)：已披露范围 2 排放（{value}），但没有按位置基准法计算的范围 2 数据。',
  },
  'issb.scope3Categories': {
    en: '{framework} 29(a)(vi)(1): Scope 3 emissions are disclosed ({value}) without the categories they include (Category 1 to 15 of the GHG Protocol).',
    'zh-Hant':
      '{framework} 29(a)(vi)(1)：已披露範圍 3 排放（{value}），但未列出所包括的類別（溫室氣體核算體系第 1 至 15 類）。',
    'zh-Hans':
      '{framework} 29(a)(vi)(1)：已披露范围 3 排放（{value}），但未列出所包括的类别（温室气体核算体系第 1 至 15 类）。',
  },
  'issb.category15Unexplained': {
    en: '{framework} 29A-29B ({version}): Category 15 is limited to financed emissions without an explanation of the limit.',
    'zh-Hant': '{framework} 第 29A 至 29B 段（{version}）：第 15 類僅限於融資排放，但未解釋此限制。',
    'zh-Hans': '{framework} 第 29A 至 29B 段（{version}）：第 15 类仅限于融资排放，但未解释此限制。',
  },
  'issb.category15Early': {
    en: '{framework} ({version}): limiting Category 15 to financed emissions is allowed only from the December 2025 amendments (periods from 2027-01-01, paragraph 29A): state early application, or report Category 15 in full.',
    'zh-Hant':
      '{framework}（{version}）：將第 15 類限於融資排放須按 2025 年 12 月修訂（2027-01-01 起的期間，第 29A 段）：請說明提前採用，或完整報告第 15 類。',
    'zh-Hans':
      '{framework}（{version}）：将第 15 类限于融资排放须按 2025 年 12 月修订（2027-01-01 起的期间，第 29A 段）：请说明提前采用，或完整报告第 15 类。',
  },
} as const satisfies Record<string, Localized>;
