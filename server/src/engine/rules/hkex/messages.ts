// The messages of the hkex/ rules: requirements missing, deleted or unknown, empty sections and
// explanations, and the index table. A module without imports of code (see messages.ts).
import type { Localized } from '../../types';

export const HKEX_MESSAGES = {
  'hkex.unknownId': {
    en: '`{id}` is not a requirement of the HKEX ESG Reporting Code (ids: A1-A3, B1-B8, A1.1-B8.2, MDR-governance/-principles/-boundary, D19-D40, D28(a)-(c)).',
    'zh-Hant':
      '`{id}` 不是香港聯交所《環境、社會及管治報告守則》的條文（可用編號：A1-A3、B1-B8、A1.1-B8.2、MDR-governance/-principles/-boundary、D19-D40、D28(a)-(c)）。',
    'zh-Hans':
      '`{id}` 不是香港联交所《环境、社会及管治报告守则》的条文（可用编号：A1-A3、B1-B8、A1.1-B8.2、MDR-governance/-principles/-boundary、D19-D40、D28(a)-(c)）。',
  },
  'hkex.deleted': {
    en: '{id} ({title}) was deleted from the Code with effect from {date}; do not claim it as a disclosure.{replacement}',
    'zh-Hant': '{id}（{title}）已於 {date} 起從守則中刪除，不應列作披露。{replacement}',
    'zh-Hans': '{id}（{title}）已于 {date} 起从守则中删除，不应列作披露。{replacement}',
  },
  'hkex.deleted.a12': {
    en: ' Scope 1 and Scope 2 emissions are now required by Part D paragraph 28(a)-(b): tag D28(a) D28(b).',
    'zh-Hant': '範圍 1 及範圍 2 排放現由 D 部分第 28(a)-(b) 段規定：請標註 D28(a) D28(b)。',
    'zh-Hans': '范围 1 及范围 2 排放现由 D 部分第 28(a)-(b) 段规定：请标注 D28(a) D28(b)。',
  },
  'hkex.deleted.a4': {
    en: ' Climate change is now covered by Part D (paragraphs 19-40).',
    'zh-Hant': '氣候變化現由 D 部分（第 19 至 40 段）涵蓋。',
    'zh-Hans': '气候变化现由 D 部分（第 19 至 40 段）涵盖。',
  },
  'hkex.missing': {
    en: '{id} ({title}) is neither disclosed nor explained; it is {obligation} for a {issuerClass} issuer in {fy}. Tag a section with {id}, add its KPI row, or explain it.',
    'zh-Hant':
      '{id}（{title}）未披露亦未解釋；對{issuerClass}發行人於 {fy}屬{obligation}。請在章節標註 {id}、加入相關關鍵績效指標，或作出解釋。',
    'zh-Hans':
      '{id}（{title}）未披露亦未解释；对{issuerClass}发行人于 {fy}属{obligation}。请在章节标注 {id}、加入相关关键绩效指标，或作出解释。',
  },
  'hkex.missing.mandatoryExplained': {
    en: '{id} ({title}) is {obligation} for a {issuerClass} issuer in {fy}: an explanation does not satisfy it; disclose it in a section tagged {id}.',
    'zh-Hant':
      '{id}（{title}）對{issuerClass}發行人於 {fy}屬{obligation}：不能以解釋代替，請於標註 {id} 的章節中披露。',
    'zh-Hans':
      '{id}（{title}）对{issuerClass}发行人于 {fy}属{obligation}：不能以解释代替，请于标注 {id} 的章节中披露。',
  },
  'hkex.missing.guidance': {
    en: '{id} ({title}) is neither disclosed nor explained; the 2025 Code, applied as guidance to {fy}, makes it {obligation}.',
    'zh-Hant': '{id}（{title}）未披露亦未解釋；以 2025 年守則作參考，{fy}屬{obligation}。',
    'zh-Hans': '{id}（{title}）未披露亦未解释；以 2025 年守则作参考，{fy}属{obligation}。',
  },
  'hkex.missing.group': {
    en: '{count} requirements of {aspect} are neither disclosed nor explained; they are {obligation} for a {issuerClass} issuer in {fy}: {list}. Tag sections with {ids}, add their KPI rows, or explain them.',
    'zh-Hant':
      '{aspect}的 {count} 項條文未披露亦未解釋；對{issuerClass}發行人於 {fy}屬{obligation}：{list}。請在章節標註 {ids}、加入相關關鍵績效指標，或作出解釋。',
    'zh-Hans':
      '{aspect}的 {count} 项条文未披露亦未解释；对{issuerClass}发行人于 {fy}属{obligation}：{list}。请在章节标注 {ids}、加入相关关键绩效指标，或作出解释。',
  },
  'hkex.missing.group.guidance': {
    en: '{count} requirements of {aspect} are neither disclosed nor explained; the 2025 Code, applied as guidance to {fy}, makes them {obligation}: {list}.',
    'zh-Hant': '{aspect}的 {count} 項條文未披露亦未解釋；以 2025 年守則作參考，{fy}屬{obligation}：{list}。',
    'zh-Hans': '{aspect}的 {count} 项条文未披露亦未解释；以 2025 年守则作参考，{fy}属{obligation}：{list}。',
  },
  'hkex.missing.partD': { en: 'Part D, {title}', 'zh-Hant': 'D 部分「{title}」', 'zh-Hans': 'D 部分“{title}”' },
  'hkex.missing.item': { en: '{id} ({title})', 'zh-Hant': '{id}（{title}）', 'zh-Hans': '{id}（{title}）' },
  'list.separator': { en: '; ', 'zh-Hant': '；', 'zh-Hans': '；' },
  'hkex.predatesCode': {
    en: 'This report covers {fy}, which commences before {date}: the HKEX ESG Reporting Code (2025) does not apply to it. esgmark checks it against the Code as guidance: Part D is not applicable, requirements the Code deleted (A1.2, A4, A4.1) were still in force, and undisclosed requirements are information, not warnings.',
    'zh-Hant':
      '本報告涵蓋{fy}，開始於 {date} 之前：《環境、社會及管治報告守則》（2025 年）並不適用。esgmark 僅以守則作參考：D 部分不適用；守則刪除的條文（A1.2、A4、A4.1）當時仍然有效；未披露的條文只作提示，不作警告。',
    'zh-Hans':
      '本报告涵盖{fy}，开始于 {date} 之前：《环境、社会及管治报告守则》（2025 年）并不适用。esgmark 仅以守则作参考：D 部分不适用；守则删除的条文（A1.2、A4、A4.1）当时仍然有效；未披露的条文只作提示，不作警告。',
  },
  'hkex.emptySection': {
    en: 'Section "{title}" is tagged {ids} but has no content.',
    'zh-Hant': '章節「{title}」標註了 {ids}，但沒有任何內容。',
    'zh-Hans': '章节“{title}”标注了 {ids}，但没有任何内容。',
  },
  'hkex.emptyExplanation': {
    en: 'Explanation for {ids} has no text: give the reason the requirement is not disclosed.',
    'zh-Hant': '{ids} 的解釋沒有內容：請說明未有披露的原因。',
    'zh-Hans': '{ids} 的解释没有内容：请说明未有披露的原因。',
  },
  'hkex.indexAbsent': {
    en: 'The report has no HKEX index table (a pipe table under a heading with class `.hkex-index`).',
    'zh-Hant': '報告沒有香港聯交所索引表（位於帶有 `.hkex-index` 類別標題下的表格）。',
    'zh-Hans': '报告没有香港联交所索引表（位于带有 `.hkex-index` 类别标题下的表格）。',
  },
  'hkex.indexMissingRow': {
    en: 'The index table has no row for {id} ({title}).',
    'zh-Hant': '索引表缺少 {id}（{title}）的行。',
    'zh-Hans': '索引表缺少 {id}（{title}）的行。',
  },
  'hkex.indexBrokenLink': {
    en: 'Index row for {id} links to `{href}`, but no section has that anchor.',
    'zh-Hant': '{id} 的索引行連結至 `{href}`，但沒有章節使用此錨點。',
    'zh-Hans': '{id} 的索引行链接至 `{href}`，但没有章节使用此锚点。',
  },
  'hkex.indexNearTitle': {
    en: 'Index row for {id} names the section "{title}"; no heading has that title. Did you mean "{near}"?',
    'zh-Hant': '{id} 的索引行指向章節「{title}」，但沒有此標題的章節。是否指「{near}」？',
    'zh-Hans': '{id} 的索引行指向章节“{title}”，但没有此标题的章节。是否指“{near}”？',
  },
  'hkex.indexUnknownTitle': {
    en: 'Index row for {id} names the section "{title}", but no heading has that title. (If this is an explanation, write it as a sentence or start it with "Explanation:".)',
    'zh-Hant': '{id} 的索引行指向章節「{title}」，但沒有此標題的章節。（如屬解釋，請寫成完整句子或以「解釋：」開頭。）',
    'zh-Hans': '{id} 的索引行指向章节“{title}”，但没有此标题的章节。（如属解释，请写成完整句子或以“解释：”开头。）',
  },
  'hkex.indexMismatch': {
    en: 'Index row says {id} is disclosed in "{section}", but that section is tagged {tags} and not {id}.',
    'zh-Hant': '索引行表示 {id} 於「{section}」披露，但該章節標註的是 {tags}，並非 {id}。',
    'zh-Hans': '索引行表示 {id} 于“{section}”披露，但该章节标注的是 {tags}，并非 {id}。',
  },
  'hkex.indexUntagged': {
    en: 'Index row says {id} is disclosed in "{section}"; tag that section with {id} so esgmark can check it.',
    'zh-Hant': '索引行表示 {id} 於「{section}」披露；請在該章節標註 {id}，以便 esgmark 核對。',
    'zh-Hans': '索引行表示 {id} 于“{section}”披露；请在该章节标注 {id}，以便 esgmark 核对。',
  },
  'hkex.indexDuplicate': {
    en: '{id} already has an index row (line {line}).',
    'zh-Hant': '{id} 已有索引行（第 {line} 行）。',
    'zh-Hans': '{id} 已有索引行（第 {line} 行）。',
  },
  'hkex.indexEmptyTarget': {
    en: 'Index row for {id} neither points to a section nor gives an explanation.',
    'zh-Hant': '{id} 的索引行既未指向章節，亦未提供解釋。',
    'zh-Hans': '{id} 的索引行既未指向章节，亦未提供解释。',
  },
} as const satisfies Record<string, Localized>;
