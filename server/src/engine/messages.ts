// The message table: the messages of each rule family (rules/<namespace>/messages.ts) and the messages
// shared by the editor features (hover, code actions, the report view, the generated index). Keys are
// stable; the CLI's JSON output carries the rendered text only. Each family's table is checked to give
// every message in English, Traditional Chinese and Simplified Chinese.
// Placeholders: {id} requirement id, {title} requirement title, {section} section title ...
import type { Localized } from './types';
import {
  CHAPTER_MESSAGES,
  ENCODING_MESSAGES,
  LIMIT_MESSAGES,
  SUPPRESSION_MESSAGES,
  SYNTAX_MESSAGES,
} from './rules/esg/messages';
import { CONFIG_MESSAGES } from './rules/esg/configMessages';
import { FRONTMATTER_MESSAGES } from './rules/frontmatter/messages';
import { HKEX_MESSAGES } from './rules/hkex/messages';
import { GRI_MESSAGES } from './rules/gri/messages';
import { ASHARE_MESSAGES } from './rules/ashare/messages';
import { ISSB_MESSAGES, PACK_INDEX_MESSAGES } from './rules/issb/messages';
import { SASB_MESSAGES } from './rules/sasb/messages';
import { FORMULA_MESSAGES, KPI_MESSAGES, NUMBERS_MESSAGES } from './rules/kpi/messages';
import { GHG_MESSAGES } from './rules/ghg/messages';
import { XREPORT_MESSAGES } from './rules/xreport/messages';
import { FRAMEWORK_FEATURE_MESSAGES } from './features/frameworkMessages';

/** Messages of the editor features, not of one rule. */
export const SHARED_MESSAGES = {
  // Vocabulary: obligations, issuer classes, parts of the Code
  'obligation.mandatory': { en: 'mandatory', 'zh-Hant': '強制披露', 'zh-Hans': '强制披露' },
  'obligation.comply-or-explain': {
    en: "'comply or explain'",
    'zh-Hant': '「不遵守就解釋」',
    'zh-Hans': '“不遵守就解释”',
  },
  'obligation.voluntary': { en: 'voluntary', 'zh-Hant': '自願披露', 'zh-Hans': '自愿披露' },
  'obligation.deleted': { en: 'deleted', 'zh-Hant': '已刪除', 'zh-Hans': '已删除' },
  'issuerClass.main-board': { en: 'Main Board', 'zh-Hant': '主板', 'zh-Hans': '主板' },
  'issuerClass.largecap': {
    en: 'LargeCap',
    'zh-Hant': '大型股（恒生綜合大型股指數成份股）',
    'zh-Hans': '大型股（恒生综合大型股指数成份股）',
  },
  'issuerClass.gem': { en: 'GEM', 'zh-Hant': 'GEM', 'zh-Hans': 'GEM' },
  'part.B': {
    en: 'Part B — Mandatory disclosure requirements',
    'zh-Hant': 'B 部分：強制披露規定',
    'zh-Hans': 'B 部分：强制披露规定',
  },
  'part.C': {
    en: "Part C — 'Comply or explain' provisions",
    'zh-Hant': 'C 部分：「不遵守就解釋」條文',
    'zh-Hans': 'C 部分：“不遵守就解释”条文',
  },
  'part.D': {
    en: 'Part D — Climate-related disclosures',
    'zh-Hant': 'D 部分：氣候相關披露',
    'zh-Hans': 'D 部分：气候相关披露',
  },
  // Report model: KPI preview groups, coverage places and summary, KPI export
  'report.group.climate': {
    en: 'Part D — GHG emissions',
    'zh-Hant': 'D 部分：溫室氣體排放',
    'zh-Hans': 'D 部分：温室气体排放',
  },
  'report.group.other': { en: 'Other indicators', 'zh-Hant': '其他指標', 'zh-Hans': '其他指标' },
  'report.place.kpi': { en: 'KPI: {label}', 'zh-Hant': '關鍵績效指標：{label}', 'zh-Hans': '关键绩效指标：{label}' },
  'report.place.index': { en: 'Index: {target}', 'zh-Hant': '索引：{target}', 'zh-Hans': '索引：{target}' },
  'report.place.explanation': { en: 'Explanation', 'zh-Hant': '解釋', 'zh-Hans': '解释' },
  'report.coverage.part': {
    en: 'Part {part} {addressed}/{required}',
    'zh-Hant': '{part} 部分 {addressed}/{required}',
    'zh-Hans': '{part} 部分 {addressed}/{required}',
  },
  // Hover: requirements, figures and the reporting context
  'hover.year': { en: 'Financial year', 'zh-Hant': '財政年度', 'zh-Hans': '财政年度' },
  'context.assumed': {
    en: ' (no `esg.period`: the first year of the Code is assumed)',
    'zh-Hant': '（未設 `esg.period`：假定為守則首個年度）',
    'zh-Hans': '（未设 `esg.period`：假定为守则首个年度）',
  },
  'context.preCode': {
    en: 'commencing before {date}: the 2025 Code does not apply (checked against it as guidance; Part D not applicable)',
    'zh-Hant': '於 {date} 之前開始：2025 年守則不適用（僅作參考；D 部分不適用）',
    'zh-Hans': '于 {date} 之前开始：2025 年守则不适用（仅作参考；D 部分不适用）',
  },
  'context.largecapPhase1': {
    en: "commencing before {date}: Part D is 'comply or explain' for LargeCap issuers (Scope 1 and 2 emissions mandatory)",
    'zh-Hant': '於 {date} 之前開始：D 部分對大型股發行人屬「不遵守就解釋」（範圍 1 及範圍 2 排放屬強制披露）',
    'zh-Hans': '于 {date} 之前开始：D 部分对大型股发行人属“不遵守就解释”（范围 1 及范围 2 排放属强制披露）',
  },
  'context.largecapPhase2': {
    en: 'commencing on or after {date}: Part D is mandatory for LargeCap issuers',
    'zh-Hant': '於 {date} 或之後開始：D 部分對大型股發行人屬強制披露',
    'zh-Hans': '于 {date} 或之后开始：D 部分对大型股发行人属强制披露',
  },
  'context.mainBoard': {
    en: "commencing on or after {date}: Part D is 'comply or explain' for Main Board issuers (Scope 1 and 2 emissions mandatory)",
    'zh-Hant': '於 {date} 或之後開始：D 部分對主板發行人屬「不遵守就解釋」（範圍 1 及範圍 2 排放屬強制披露）',
    'zh-Hans': '于 {date} 或之后开始：D 部分对主板发行人属“不遵守就解释”（范围 1 及范围 2 排放属强制披露）',
  },
  'context.gem': {
    en: 'commencing on or after {date}: Part D is voluntary for GEM issuers (Scope 1 and 2 emissions mandatory)',
    'zh-Hant': '於 {date} 或之後開始：D 部分對 GEM 發行人屬自願披露（範圍 1 及範圍 2 排放屬強制披露）',
    'zh-Hans': '于 {date} 或之后开始：D 部分对 GEM 发行人属自愿披露（范围 1 及范围 2 排放属强制披露）',
  },
  'hover.obligation': { en: 'Obligation', 'zh-Hant': '披露要求', 'zh-Hans': '披露要求' },
  'hover.status': { en: 'In this report', 'zh-Hant': '本報告', 'zh-Hans': '本报告' },
  'hover.disclosedIn': { en: 'disclosed in {where}', 'zh-Hant': '披露於 {where}', 'zh-Hans': '披露于 {where}' },
  'hover.explained': { en: 'explained: {text}', 'zh-Hant': '已解釋：{text}', 'zh-Hans': '已解释：{text}' },
  'hover.notDisclosed': { en: 'not disclosed or explained', 'zh-Hant': '未披露亦未解釋', 'zh-Hans': '未披露亦未解释' },
  'hover.kpiRow': { en: 'KPI row "{label}"', 'zh-Hant': '關鍵績效指標「{label}」', 'zh-Hans': '关键绩效指标“{label}”' },
  'hover.deletedFrom': {
    en: 'Deleted with effect from {date}.',
    'zh-Hant': '已於 {date} 起刪除。',
    'zh-Hans': '已于 {date} 起删除。',
  },
  'hover.kpi': { en: 'KPI', 'zh-Hant': '關鍵績效指標', 'zh-Hans': '关键绩效指标' },
  'hover.discloses': { en: 'Discloses', 'zh-Hant': '對應條文', 'zh-Hans': '对应条文' },
  'hover.unit': { en: 'Unit', 'zh-Hant': '單位', 'zh-Hans': '单位' },
  'hover.unrecognised': {
    en: 'Not recognised: no catalog KPI matches this label, so its figures feed no check. Tag it with `[label]{#kpi.id}` if it is a catalog KPI.',
    'zh-Hant':
      '未識別：指標目錄中沒有與此標籤相符的指標，其數字不參與任何檢查。如屬目錄指標，可標註為 `[標籤]{#kpi.id}`。',
    'zh-Hans':
      '未识别：指标目录中没有与此标签相符的指标，其数字不参与任何检查。如属目录指标，可标注为 `[标签]{#kpi.id}`。',
  },
  'hover.openMember': {
    en: 'A member of a breakdown of {parent} (`{id}`) under "{group}"; not a catalog member, so no sum counts it.',
    'zh-Hant': '{parent}（`{id}`）於「{group}」下的細分項；不屬目錄細分項，不計入加總檢查。',
    'zh-Hans': '{parent}（`{id}`）于“{group}”下的细分项；不属目录细分项，不计入加总检查。',
  },
  'hover.described.part': {
    en: 'A part of {parent} (`{id}`): a source, site or kind the label names beside it. Summed only where the table marks it as a part of the row above; no catalog breakdown counts it.',
    'zh-Hant':
      '{parent}（`{id}`）的一部分：標籤另外指明的來源、地點或類別。只在表格標示為上一行的組成部分時參與加總；不計入目錄細分加總。',
    'zh-Hans':
      '{parent}（`{id}`）的一部分：标签另外指明的来源、地点或类别。只在表格标示为上一行的组成部分时参与加总；不计入目录细分加总。',
  },
  'hover.described.intensity': {
    en: '{parent} (`{id}`) per {basis}: checked against {parent} and the denominator that the report gives or that its other intensities imply.',
    'zh-Hant': '每{basis}的{parent}（`{id}`）：以{parent}及報告所列或其他密度推算的分母核對。',
    'zh-Hans': '每{basis}的{parent}（`{id}`）：以{parent}及报告所列或其他密度推算的分母核对。',
  },
  'hover.described.share': {
    en: '{parent} (`{id}`) as a percentage of a whole.',
    'zh-Hant': '{parent}（`{id}`）佔整體的百分比。',
    'zh-Hans': '{parent}（`{id}`）占整体的百分比。',
  },
  'hover.described.ratio': {
    en: 'A ratio of {parent} (`{id}`): a reduction, a target or a change, which no check reads.',
    'zh-Hant': '{parent}（`{id}`）的比率：減幅、目標或變動，不參與檢查。',
    'zh-Hans': '{parent}（`{id}`）的比率：减幅、目标或变动，不参与检查。',
  },
  'hover.basis.revenue': { en: 'revenue', 'zh-Hant': '收入', 'zh-Hans': '收入' },
  'hover.basis.employees': { en: 'employee', 'zh-Hant': '僱員', 'zh-Hans': '雇员' },
  'hover.basis.floor-area': { en: 'floor area', 'zh-Hant': '樓面面積', 'zh-Hans': '楼面面积' },
  'hover.part': {
    en: 'A part of {parent} (`{id}`): a boundary, an entity, a source or a material of it, or a cell of a cross breakdown; not the whole, so no sum or check takes it.',
    'zh-Hant':
      '{parent}（`{id}`）的一部分：其某一報告範圍、實體、來源或物料，或交叉細分中的一格；並非整體，不計入加總或其他檢查。',
    'zh-Hans':
      '{parent}（`{id}`）的一部分：其某一报告范围、实体、来源或物料，或交叉细分中的一格；并非整体，不计入加总或其他检查。',
  },
  'hover.recognisedBy': {
    en: 'recognised from the catalog name',
    'zh-Hant': '依據指標目錄名稱識別',
    'zh-Hans': '依据指标目录名称识别',
  },
  // Code actions: titles of the quick fixes, the explanation block a fix inserts
  'action.addExplanation': {
    en: 'Add an explanation block for {id}',
    'zh-Hant': '為 {id} 加入解釋區塊',
    'zh-Hans': '为 {id} 加入解释区块',
  },
  'action.addExplanations': {
    en: 'Add explanation blocks for {ids}',
    'zh-Hant': '為 {ids} 加入解釋區塊',
    'zh-Hans': '为 {ids} 加入解释区块',
  },
  'action.addIndexRows': {
    en: 'Add {count} missing index rows',
    'zh-Hant': '加入 {count} 個缺少的索引行',
    'zh-Hans': '加入 {count} 个缺少的索引行',
  },
  'action.addIndexRow': {
    en: 'Add the missing index row for {id}',
    'zh-Hant': '加入 {id} 的索引行',
    'zh-Hans': '加入 {id} 的索引行',
  },
  'action.tagSection': {
    en: 'Tag section "{section}" with {id}',
    'zh-Hant': '在章節「{section}」標註 {id}',
    'zh-Hans': '在章节“{section}”标注 {id}',
  },
  'action.removeId': { en: 'Remove {id} from the tag', 'zh-Hant': '從標註中移除 {id}', 'zh-Hans': '从标注中移除 {id}' },
  'action.replaceId': {
    en: 'Replace {from} with {to}',
    'zh-Hant': '將 {from} 改為 {to}',
    'zh-Hans': '将 {from} 改为 {to}',
  },
  'action.fixAll': {
    en: 'Fix all safely fixable esgmark findings ({count})',
    'zh-Hant': '修正所有可安全修正的 esgmark 問題（{count} 項）',
    'zh-Hans': '修正所有可安全修正的 esgmark 问题（{count} 项）',
  },
  'action.generateIndex': {
    en: 'Generate the HKEX index table from the tags',
    'zh-Hant': '依據標註產生香港聯交所索引表',
    'zh-Hans': '依据标注生成香港联交所索引表',
  },
  'explain.placeholder': {
    en: 'Explain here why {id} ({title}) is not disclosed.',
    'zh-Hant': '請在此說明未披露 {id}（{title}）的原因。',
    'zh-Hans': '请在此说明未披露 {id}（{title}）的原因。',
  },
  // The generated index table
  'index.heading': {
    en: 'HKEX ESG Reporting Code content index',
    'zh-Hant': '香港聯交所《環境、社會及管治報告守則》索引',
    'zh-Hans': '香港联交所《环境、社会及管治报告守则》索引',
  },
  'index.colId': { en: 'Requirement', 'zh-Hant': '條文', 'zh-Hans': '条文' },
  'index.colText': { en: 'Description', 'zh-Hant': '內容', 'zh-Hans': '内容' },
  'index.colWhere': { en: 'Section / explanation', 'zh-Hant': '報告章節／解釋', 'zh-Hans': '报告章节／解释' },
  'index.deletedRow': {
    en: '[deleted with effect from {date}]',
    'zh-Hant': '[ 於 {date} 刪除 ]',
    'zh-Hans': '[ 于 {date} 删除 ]',
  },
  'index.todo': { en: 'TODO: disclose or explain', 'zh-Hant': '待辦：請披露或解釋', 'zh-Hans': '待办：请披露或解释' },
} as const satisfies Record<string, Localized>;

/** Every family's table, for the test that no key is given twice. */
export const MESSAGE_TABLES = {
  CHAPTER_MESSAGES,
  ENCODING_MESSAGES,
  SUPPRESSION_MESSAGES,
  XREPORT_MESSAGES,
  CONFIG_MESSAGES,
  SYNTAX_MESSAGES,
  FRONTMATTER_MESSAGES,
  HKEX_MESSAGES,
  GRI_MESSAGES,
  ASHARE_MESSAGES,
  PACK_INDEX_MESSAGES,
  ISSB_MESSAGES,
  SASB_MESSAGES,
  KPI_MESSAGES,
  NUMBERS_MESSAGES,
  FORMULA_MESSAGES,
  GHG_MESSAGES,
  LIMIT_MESSAGES,
  SHARED_MESSAGES,
  FRAMEWORK_FEATURE_MESSAGES,
} as const;

export const MESSAGES = {
  ...CHAPTER_MESSAGES,
  ...ENCODING_MESSAGES,
  ...SUPPRESSION_MESSAGES,
  ...XREPORT_MESSAGES,
  ...CONFIG_MESSAGES,
  ...SYNTAX_MESSAGES,
  ...FRONTMATTER_MESSAGES,
  ...HKEX_MESSAGES,
  ...GRI_MESSAGES,
  ...ASHARE_MESSAGES,
  ...PACK_INDEX_MESSAGES,
  ...ISSB_MESSAGES,
  ...SASB_MESSAGES,
  ...KPI_MESSAGES,
  ...NUMBERS_MESSAGES,
  ...FORMULA_MESSAGES,
  ...GHG_MESSAGES,
  ...LIMIT_MESSAGES,
  ...SHARED_MESSAGES,
  ...FRAMEWORK_FEATURE_MESSAGES,
} as const;
