// Messages of the framework features (coverage, `index --framework`, framework hover): in the report's
// language, naming the profile and the date that decided a framework's severity.
import type { Localized } from '../types';

export const FRAMEWORK_FEATURE_MESSAGES = {
  'fw.hkexTitle': {
    en: 'HKEX ESG Reporting Code',
    'zh-Hant': '香港聯交所《環境、社會及管治報告守則》',
    'zh-Hans': '香港联交所《环境、社会及管治报告守则》',
  },
  'fw.summary': {
    en: '{name} {addressed}/{total} ({implied} implied)',
    'zh-Hant': '{name} {addressed}/{total}（{implied} 項經對照推定）',
    'zh-Hans': '{name} {addressed}/{total}（{implied} 项经对照推定）',
  },
  'fw.reason.reference': {
    en: 'reference tags: listed, not enforced',
    'zh-Hant': '參考標籤：只列出，不作檢查',
    'zh-Hans': '参考标签：只列出，不作检查',
  },
  'fw.reason.notYet': {
    en: 'not yet in force for a financial year commencing on {fyStart} (effective from {date})',
    'zh-Hant': '於 {fyStart} 開始的財政年度尚未生效（自 {date} 起生效）',
    'zh-Hans': '于 {fyStart} 开始的财政年度尚未生效（自 {date} 起生效）',
  },
  'fw.reason.ashare': {
    en: 'listed on {listings} (A+H) and the financial year commences on {fyStart}, on or after 1 January 2025',
    'zh-Hant': '於 {listings} 上市（A+H），財政年度於 {fyStart} 開始，即 2025 年 1 月 1 日或之後',
    'zh-Hans': '于 {listings} 上市（A+H），财政年度于 {fyStart} 开始，即 2025 年 1 月 1 日或之后',
  },
  'fw.reason.ashareVoluntary': {
    en: 'no mainland listing in esg.listings, or a financial year ({fyStart}) before FY2025',
    'zh-Hant': 'esg.listings 未列內地交易所，或財政年度（{fyStart}）早於 2025 年',
    'zh-Hans': 'esg.listings 未列内地交易所，或财政年度（{fyStart}）早于 2025 年',
  },
  'fw.reason.hkfrs': {
    en: '{issuerClass}, year commencing {fyStart}: claimed in esg.frameworks; Part D of the HKEX Code is what binds; full HKFRS S2 is expected for LargeCap issuers by 2028',
    'zh-Hant':
      '{issuerClass}，財政年度於 {fyStart} 開始：於 esg.frameworks 聲明；具約束力的是聯交所守則 D 部分；預期大型股發行人於 2028 年前全面採用 HKFRS S2',
    'zh-Hans':
      '{issuerClass}，财政年度于 {fyStart} 开始：于 esg.frameworks 声明；具约束力的是联交所守则 D 部分；预期大型股发行人于 2028 年前全面采用 HKFRS S2',
  },
  'fw.reason.voluntary': {
    en: 'claimed in esg.frameworks (year commencing {fyStart})',
    'zh-Hant': '於 esg.frameworks 聲明（財政年度於 {fyStart} 開始）',
    'zh-Hans': '于 esg.frameworks 声明（财政年度于 {fyStart} 开始）',
  },
  'fw.reason.hkex': {
    en: 'the Code applies ({issuerClass}, year commencing {fyStart}); each requirement has its own obligation',
    'zh-Hant': '守則適用（{issuerClass}，財政年度於 {fyStart} 開始）；每項條文各有其披露責任',
    'zh-Hans': '守则适用（{issuerClass}，财政年度于 {fyStart} 开始）；每项条文各有其披露责任',
  },
  'fw.severity.mandatory': { en: 'mandatory', 'zh-Hant': '強制', 'zh-Hans': '强制' },
  'fw.severity.comply-or-explain': {
    en: "'comply or explain'",
    'zh-Hant': '「不遵守就解釋」',
    'zh-Hans': '“不遵守就解释”',
  },
  'fw.severity.voluntary': { en: 'voluntary', 'zh-Hant': '自願', 'zh-Hans': '自愿' },
  'fw.severity.not-in-force': { en: 'not yet in force', 'zh-Hant': '尚未生效', 'zh-Hans': '尚未生效' },
  'fw.severity.reference': { en: 'reference only', 'zh-Hant': '僅供參考', 'zh-Hans': '仅供参考' },
  'fw.status.disclosed': { en: 'disclosed', 'zh-Hant': '已披露', 'zh-Hans': '已披露' },
  'fw.status.implied': { en: 'implied by a cross-map', 'zh-Hant': '經對照推定', 'zh-Hans': '经对照推定' },
  'fw.status.explained': { en: 'explained', 'zh-Hant': '已解釋', 'zh-Hans': '已解释' },
  'fw.status.missing': { en: 'missing', 'zh-Hant': '缺漏', 'zh-Hans': '缺漏' },
  'fw.status.not-in-force': { en: 'not in force this year', 'zh-Hant': '本年度不適用', 'zh-Hans': '本年度不适用' },
  'fw.status.reference': { en: 'reference only', 'zh-Hant': '僅供參考', 'zh-Hans': '仅供参考' },
  // The content index of a framework (`esgmark index --framework`)
  'fw.index.heading': {
    en: '{name} content index',
    'zh-Hant': '{name} 內容索引',
    'zh-Hans': '{name} 内容索引',
  },
  'fw.index.colId': { en: 'Item', 'zh-Hant': '項目', 'zh-Hans': '项目' },
  'fw.index.colDisclosure': { en: 'Disclosure', 'zh-Hant': '披露', 'zh-Hans': '披露' },
  'fw.index.colTitle': { en: 'Title', 'zh-Hant': '標題', 'zh-Hans': '标题' },
  'fw.index.colLocation': { en: 'Location', 'zh-Hant': '位置', 'zh-Hans': '位置' },
  'fw.index.colOmission': { en: 'Reason for omission', 'zh-Hant': '省略原因', 'zh-Hans': '省略原因' },
  // Words that read as 'not disclosed' to the index readers (recognition/indexTables.ts), so no rule takes them for a title.
  'fw.index.notReported': { en: 'not reported', 'zh-Hant': '未披露', 'zh-Hans': '未披露' },
  'fw.index.implied': {
    en: '(implied by {name} {id})',
    'zh-Hant': '（由 {name} {id} 推定）',
    'zh-Hans': '（由 {name} {id} 推定）',
  },
  // Hover on a framework tag or id
  'fw.hover.applies': {
    en: '**{name}**: {severity} — {reason}',
    'zh-Hant': '**{name}**：{severity}——{reason}',
    'zh-Hans': '**{name}**：{severity}——{reason}',
  },
  'fw.hover.itemNotInForce': {
    en: 'This item is not in force for the year commencing {fyStart}.',
    'zh-Hant': '此項目於 {fyStart} 開始的財政年度不適用。',
    'zh-Hans': '此项目于 {fyStart} 开始的财政年度不适用。',
  },
  'fw.hover.mapped': {
    en: '**{name}** ({basis} map): {ids}',
    'zh-Hant': '**{name}**（{basis}對照）：{ids}',
    'zh-Hans': '**{name}**（{basis}对照）：{ids}',
  },
  'fw.hover.basis.published': { en: 'published', 'zh-Hant': '已公佈', 'zh-Hans': '已公布' },
  'fw.hover.basis.derived': { en: 'derived', 'zh-Hant': '自行推導', 'zh-Hans': '自行推导' },
  'fw.hover.status': {
    en: '**Status**: {status}',
    'zh-Hant': '**狀態**：{status}',
    'zh-Hans': '**状态**：{status}',
  },
  'fw.hover.unknownId': {
    en: '`{id}` is not an id of {name} known to esgmark.',
    'zh-Hant': '`{id}` 不是 esgmark 所知的 {name} 編號。',
    'zh-Hans': '`{id}` 不是 esgmark 所知的 {name} 编号。',
  },
  'fw.hover.notClaimed': {
    en: '{name} is not in esg.frameworks: the tag is read, the framework not checked.',
    'zh-Hant': '{name} 不在 esg.frameworks 中：會讀取標註，但不檢查此框架。',
    'zh-Hans': '{name} 不在 esg.frameworks 中：会读取标注，但不检查此框架。',
  },
} as const satisfies Record<string, Localized>;
