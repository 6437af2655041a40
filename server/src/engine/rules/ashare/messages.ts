// The messages of the ashare/ rules: the mainland exchanges' 2024 sustainability report guidelines for
// A+H issuers (who must follow them, the double-materiality table, the four elements, Scope 1 and 2, the
// due date). A module without imports of code (see messages.ts).
import type { Localized } from '../../types';

export const ASHARE_MESSAGES = {
  'ashare.guideline.sse': {
    en: 'SSE Guideline No. 14',
    'zh-Hant': '《上交所自律監管指引第14號》',
    'zh-Hans': '《上交所自律监管指引第14号》',
  },
  'ashare.guideline.szse': {
    en: 'SZSE Guideline No. 17',
    'zh-Hant': '《深交所自律監管指引第17號》',
    'zh-Hans': '《深交所自律监管指引第17号》',
  },
  'ashare.guideline.bse': {
    en: 'BSE Guideline No. 11',
    'zh-Hant': '《北交所持續監管指引第11號》',
    'zh-Hans': '《北交所持续监管指引第11号》',
  },
  'ashare.guideline.any': {
    en: 'the A-share sustainability report guidelines (SSE No. 14, SZSE No. 17, BSE No. 11)',
    'zh-Hant': '滬深北交易所《可持續發展報告（試行）》指引',
    'zh-Hans': '沪深北交易所《可持续发展报告（试行）》指引',
  },
  'ashare.profile.notClaimed': {
    en: 'Listed on {exchanges}: {guideline} applies to companies listed both in and outside the mainland (Art. 3), from the {fy} report. Add `ashare-2024` to `esg.frameworks`; the ashare/ checks apply in any case.',
    'zh-Hant':
      '於 {exchanges} 上市：{guideline}第三條規定境內外同時上市的公司須披露可持續發展報告（{fy}起）。請在 `esg.frameworks` 加入 `ashare-2024`；ashare/ 檢查照常進行。',
    'zh-Hans':
      '于 {exchanges} 上市：{guideline}第三条规定境内外同时上市的公司须披露可持续发展报告（{fy}起）。请在 `esg.frameworks` 加入 `ashare-2024`；ashare/ 检查照常进行。',
  },
  'ashare.profile.notListed': {
    en: '`ashare-2024` is claimed but `esg.listings` names no mainland exchange (sse, szse, bse): the guideline is checked as adopted voluntarily (Art. 3 makes it mandatory for A+H issuers).',
    'zh-Hant':
      '已聲明 `ashare-2024`，但 `esg.listings` 未列出境內交易所（sse、szse、bse）：指引按自願採用檢查（第三條規定境內外同時上市的公司須披露）。',
    'zh-Hans':
      '已声明 `ashare-2024`，但 `esg.listings` 未列出境内交易所（sse、szse、bse）：指引按自愿采用检查（第三条规定境内外同时上市的公司须披露）。',
  },
  'ashare.materiality.absent': {
    en: 'No double-materiality table: {guideline} asks for a financial and impact materiality conclusion on each of its 21 topics (Art. 5). Add a table under a heading with `{.ashare-materiality}`.',
    'zh-Hant':
      '沒有雙重重要性評估表：{guideline}第五條要求就 21 個議題逐一判斷財務重要性及影響重要性。請在帶有 `{.ashare-materiality}` 的標題下加入議題重要性表。',
    'zh-Hans':
      '没有双重重要性评估表：{guideline}第五条要求就 21 个议题逐一判断财务重要性及影响重要性。请在带有 `{.ashare-materiality}` 的标题下加入议题重要性表。',
  },
  'ashare.materiality.missingTopic': {
    en: 'Topic `{topic}` ({title}) is missing from the double-materiality table ({count} of 21 topics listed): each topic needs a conclusion (Art. 5).',
    'zh-Hant':
      '雙重重要性評估表缺少議題 `{topic}`（{title}）（已列 {count}/21 個議題）：每個議題均須有重要性結論（第五條）。',
    'zh-Hans':
      '双重重要性评估表缺少议题 `{topic}`（{title}）（已列 {count}/21 个议题）：每个议题均须有重要性结论（第五条）。',
  },
  'ashare.materiality.unknownTopic': {
    en: '"{value}" is not one of the 21 topics of the A-share guidelines (ids such as climate, energy, data-privacy, or the topic names).',
    'zh-Hant': '「{value}」不是 A 股指引的 21 個議題之一（編號例如 climate、energy、data-privacy，或議題名稱）。',
    'zh-Hans': '“{value}”不是 A 股指引的 21 个议题之一（编号例如 climate、energy、data-privacy，或议题名称）。',
  },
  'ashare.conclusion.invalid': {
    en: 'Topic `{topic}`: "{value}" is not a materiality conclusion. Write one of: financial materiality, impact materiality, both (double materiality), not material (Art. 5).',
    'zh-Hant':
      '議題 `{topic}`：「{value}」不是重要性結論。請填寫：財務重要性、影響重要性、雙重重要性或不具有重要性（第五條）。',
    'zh-Hans':
      '议题 `{topic}`：“{value}”不是重要性结论。请填写：财务重要性、影响重要性、双重重要性或不具有重要性（第五条）。',
  },
  'ashare.notMaterial.noExplanation': {
    en: 'Topic `{topic}` ({title}) is found not material without an explanation: say why it is not material (Art. 5).',
    'zh-Hant': '議題 `{topic}`（{title}）判斷為不具有重要性，但沒有說明原因：請解釋其不具重要性的理由（第五條）。',
    'zh-Hans': '议题 `{topic}`（{title}）判断为不具有重要性，但没有说明原因：请解释其不具重要性的理由（第五条）。',
  },
  'ashare.pillars.missing': {
    en: 'Topic `{topic}` ({title}) is financially material, but its section "{section}" has no sub-heading for {missing} ({found} of the 4 elements: governance, strategy, impact, risk and opportunity management, metrics and targets; Chapter 2).',
    'zh-Hant':
      '議題 `{topic}`（{title}）具有財務重要性，但其章節「{section}」沒有{missing}的小標題（已有 {found}/4 項核心內容：治理、戰略、影響、風險和機遇管理、指標與目標；第二章）。',
    'zh-Hans':
      '议题 `{topic}`（{title}）具有财务重要性，但其章节“{section}”没有{missing}的小标题（已有 {found}/4 项核心内容：治理、战略、影响、风险和机遇管理、指标与目标；第二章）。',
  },
  'ashare.pillars.noSection': {
    en: 'Topic `{topic}` ({title}) is financially material, but no section is tagged `ashare="{topic}"` or titled with its name: its four elements (Chapter 2) cannot be found.',
    'zh-Hant':
      '議題 `{topic}`（{title}）具有財務重要性，但沒有章節標註 `ashare="{topic}"` 或以議題名稱為標題：無法找到其四項核心內容（第二章）。',
    'zh-Hans':
      '议题 `{topic}`（{title}）具有财务重要性，但没有章节标注 `ashare="{topic}"` 或以议题名称为标题：无法找到其四项核心内容（第二章）。',
  },
  'ashare.pillar.governance': { en: 'governance', 'zh-Hant': '治理', 'zh-Hans': '治理' },
  'ashare.pillar.strategy': { en: 'strategy', 'zh-Hant': '戰略', 'zh-Hans': '战略' },
  'ashare.pillar.iro-management': {
    en: 'impact, risk and opportunity management',
    'zh-Hant': '影響、風險和機遇管理',
    'zh-Hans': '影响、风险和机遇管理',
  },
  'ashare.pillar.metrics-targets': { en: 'metrics and targets', 'zh-Hant': '指標與目標', 'zh-Hans': '指标与目标' },
  'ashare.ghg.missing': {
    en: '{scope} GHG emissions for {fy} are not disclosed: {guideline} requires Scope 1 and Scope 2 emissions under the climate topic (Chapter 3){mandatory}.',
    'zh-Hant':
      '未披露{fy}的{scope}溫室氣體排放量：{guideline}在「應對氣候變化」議題（第三章）要求披露範圍一及範圍二排放量{mandatory}。',
    'zh-Hans':
      '未披露{fy}的{scope}温室气体排放量：{guideline}在“应对气候变化”议题（第三章）要求披露范围一及范围二排放量{mandatory}。',
  },
  'ashare.ghg.scope1': { en: 'Scope 1', 'zh-Hant': '範圍一', 'zh-Hans': '范围一' },
  'ashare.ghg.scope2': { en: 'Scope 2', 'zh-Hant': '範圍二', 'zh-Hans': '范围二' },
  'ashare.ghg.mandatory': {
    en: ', mandatory for an issuer listed on {exchanges}',
    'zh-Hant': '，於 {exchanges} 上市的公司必須披露',
    'zh-Hans': '，于 {exchanges} 上市的公司必须披露',
  },
  'ashare.due.late': {
    en: 'Published on {published}, after the A-share deadline of {ashareDue} (four months after the year end {fyEnd}, Art. 4); the HKEX deadline, five months after the year end, is {hkexDue} (Main Board Rule 13.91, GEM Rule 17.103).',
    'zh-Hant':
      '發佈日期 {published} 晚於 A 股指引的期限 {ashareDue}（會計年度結束 {fyEnd} 後四個月內，第四條）；聯交所的期限為年結後五個月，即 {hkexDue}（《主板上市規則》第 13.91 條、《GEM 上市規則》第 17.103 條）。',
    'zh-Hans':
      '发布日期 {published} 晚于 A 股指引的期限 {ashareDue}（会计年度结束 {fyEnd} 后四个月内，第四条）；联交所的期限为年结后五个月，即 {hkexDue}（《主板上市规则》第 13.91 条、《GEM 上市规则》第 17.103 条）。',
  },
  'ashare.due.lateBoth': {
    en: 'Published on {published}, after both deadlines: the A-share one of {ashareDue} (four months after the year end {fyEnd}, Art. 4) and the HKEX one of {hkexDue} (five months, Main Board Rule 13.91, GEM Rule 17.103).',
    'zh-Hant':
      '發佈日期 {published} 晚於兩個期限：A 股指引的 {ashareDue}（會計年度結束 {fyEnd} 後四個月內，第四條）及聯交所的 {hkexDue}（五個月，《主板上市規則》第 13.91 條、《GEM 上市規則》第 17.103 條）。',
    'zh-Hans':
      '发布日期 {published} 晚于两个期限：A 股指引的 {ashareDue}（会计年度结束 {fyEnd} 后四个月内，第四条）及联交所的 {hkexDue}（五个月，《主板上市规则》第 13.91 条、《GEM 上市规则》第 17.103 条）。',
  },
  'hover.ashare.mandatory': {
    en: '{guideline} applies: **mandatory** for a company listed both in and outside the mainland (listed on {exchanges}; Art. 3).',
    'zh-Hant': '適用{guideline}：於 {exchanges} 上市，屬境內外同時上市的公司，**須披露**（第三條）。',
    'zh-Hans': '适用{guideline}：于 {exchanges} 上市，属境内外同时上市的公司，**须披露**（第三条）。',
  },
  'hover.ashare.voluntary': {
    en: '{guideline} applies: **voluntary** (`ashare-2024` claimed; no mainland listing in `esg.listings`).',
    'zh-Hant': '適用{guideline}：**自願採用**（已聲明 `ashare-2024`；`esg.listings` 未列境內交易所）。',
    'zh-Hans': '适用{guideline}：**自愿采用**（已声明 `ashare-2024`；`esg.listings` 未列境内交易所）。',
  },
  'hover.ashare.notInForce': {
    en: 'The A-share guidelines (in force 1 May 2024) do not cover a financial year commencing on {fyStart}: not checked.',
    'zh-Hant': 'A 股指引（2024 年 5 月 1 日起施行）不涵蓋於 {fyStart} 開始的財政年度：不作檢查。',
    'zh-Hans': 'A 股指引（2024 年 5 月 1 日起施行）不涵盖于 {fyStart} 开始的财政年度：不作检查。',
  },
  'hover.ashare.obligations': {
    en: 'Checked: a double-materiality table of the 21 topics (Art. 5), the four elements of financially material topics (Chapter 2), Scope 1 and 2 emissions ({ghg}), publication by {ashareDue} (four months, Art. 4; HKEX: {hkexDue}).',
    'zh-Hant':
      '檢查：21 個議題的雙重重要性評估表（第五條）、具財務重要性議題的四項核心內容（第二章）、範圍一及範圍二排放量（{ghg}）、於 {ashareDue} 前發佈（四個月，第四條；聯交所：{hkexDue}）。',
    'zh-Hans':
      '检查：21 个议题的双重重要性评估表（第五条）、具财务重要性议题的四项核心内容（第二章）、范围一及范围二排放量（{ghg}）、于 {ashareDue} 前发布（四个月，第四条；联交所：{hkexDue}）。',
  },
  'hover.ashare.ghgError': { en: 'an error if missing', 'zh-Hant': '缺少即為錯誤', 'zh-Hans': '缺少即为错误' },
  'hover.ashare.ghgWarning': { en: 'a warning if missing', 'zh-Hant': '缺少即為警告', 'zh-Hans': '缺少即为警告' },
  'hover.ashare.conclusion': { en: 'Conclusion', 'zh-Hant': '重要性結論', 'zh-Hans': '重要性结论' },
  'hover.ashare.conclusion.financial': {
    en: 'financial materiality',
    'zh-Hant': '財務重要性',
    'zh-Hans': '财务重要性',
  },
  'hover.ashare.conclusion.impact': { en: 'impact materiality', 'zh-Hant': '影響重要性', 'zh-Hans': '影响重要性' },
  'hover.ashare.conclusion.both': {
    en: 'financial and impact materiality',
    'zh-Hant': '財務及影響重要性',
    'zh-Hans': '财务及影响重要性',
  },
  'hover.ashare.conclusion.not-material': { en: 'not material', 'zh-Hant': '不具有重要性', 'zh-Hans': '不具有重要性' },
  'hover.ashare.conclusion.none': {
    en: 'none of the closed list',
    'zh-Hant': '不屬封閉清單',
    'zh-Hans': '不属封闭清单',
  },
  'hover.ashare.elements': {
    en: 'Four elements in "{section}": {found} of 4',
    'zh-Hant': '「{section}」的四項核心內容：已有 {found}/4',
    'zh-Hans': '“{section}”的四项核心内容：已有 {found}/4',
  },
  'action.addAshareMaterialityRow': {
    en: 'Add the row for {topic} to the double-materiality table',
    'zh-Hant': '在雙重重要性評估表加入議題 {topic} 的行',
    'zh-Hans': '在双重重要性评估表加入议题 {topic} 的行',
  },
} as const satisfies Record<string, Localized>;
