// The message table. Keys are stable; the CLI's JSON output carries the rendered text only.
// Placeholders: {id} requirement id, {title} requirement title, {section} section title ...
import { CHAPTER_MESSAGES, ENCODING_MESSAGES, SUPPRESSION_MESSAGES } from './rules/esg/messages';
import { XREPORT_MESSAGES } from './rules/xreport/messages';
import { CONFIG_MESSAGES } from './rules/esg/configMessages';

export const MESSAGES = {
  ...CHAPTER_MESSAGES,
  ...ENCODING_MESSAGES,
  ...SUPPRESSION_MESSAGES,
  ...XREPORT_MESSAGES,
  ...CONFIG_MESSAGES,
  // Syntax
  'attr.unterminatedQuote': {
    en: 'Attribute value has no closing quote.',
    'zh-Hant': '屬性值缺少結尾引號。',
    'zh-Hans': '属性值缺少结尾引号。',
  },
  'attr.unexpected': {
    en: 'Unexpected word in the attribute block: write #id, .class or key="value".',
    'zh-Hant': '屬性區塊中有無法識別的字詞：請寫成 #id、.class 或 key="value"。',
    'zh-Hans': '属性区块中有无法识别的字词：请写成 #id、.class 或 key="value"。',
  },
  'attr.unclosed': {
    en: 'Attribute block `{` is not closed with `}`.',
    'zh-Hant': '屬性區塊的 `{` 未以 `}` 結束。',
    'zh-Hans': '属性区块的 `{` 未以 `}` 结束。',
  },
  'div.unclosed': {
    en: 'This `:::` block is never closed: add a line `:::` where it ends.',
    'zh-Hant': '此 `:::` 區塊沒有結束：請在結尾加上一行 `:::`。',
    'zh-Hans': '此 `:::` 区块没有结束：请在结尾加上一行 `:::`。',
  },
  'div.tooDeep': {
    en: 'Fenced divs nested more than {max} deep: this `:::` block is ignored (not read as a div).',
    'zh-Hant': '圍欄區塊巢狀超過 {max} 層：此 `:::` 區塊被忽略（不視為區塊）。',
    'zh-Hans': '围栏区块嵌套超过 {max} 层：此 `:::` 区块被忽略（不视为区块）。',
  },
  'div.tooDeepMore': {
    en: 'Fenced divs nested more than {max} deep: this `:::` block and the {count} opened inside it are ignored (not read as divs).',
    'zh-Hant': '圍欄區塊巢狀超過 {max} 層：此 `:::` 區塊及其內的 {count} 個區塊被忽略（不視為區塊）。',
    'zh-Hans': '围栏区块嵌套超过 {max} 层：此 `:::` 区块及其内的 {count} 个区块被忽略（不视为区块）。',
  },
  'problems.more': {
    en: '{message} ({count} more problems of this kind follow and are not listed: esgmark lists the first {max}.)',
    'zh-Hant': '{message}（其後另有 {count} 個同類問題未列出：esgmark 只列出前 {max} 個。）',
    'zh-Hans': '{message}（其后另有 {count} 个同类问题未列出：esgmark 只列出前 {max} 个。）',
  },
  'diagnostics.more': {
    en: '{message} ({count} more {rule} problems follow and are not listed: esgmark lists the first {max}.)',
    'zh-Hant': '{message}（其後另有 {count} 個 {rule} 問題未列出：esgmark 只列出前 {max} 個。）',
    'zh-Hans': '{message}（其后另有 {count} 个 {rule} 问题未列出：esgmark 只列出前 {max} 个。）',
  },
  'explain.noIds': {
    en: 'Explanation block without requirement ids: write `::: {.explain hkex="B6.1"}`.',
    'zh-Hant': '解釋區塊未列明條文編號：請寫成 `::: {.explain hkex="B6.1"}`。',
    'zh-Hans': '解释区块未列明条文编号：请写成 `::: {.explain hkex="B6.1"}`。',
  },
  'fm.unclosed': {
    en: 'Front matter starts with `---` but has no closing `---` line.',
    'zh-Hant': '前置資料以 `---` 開始，但沒有結尾的 `---` 行。',
    'zh-Hans': '前置资料以 `---` 开始，但没有结尾的 `---` 行。',
  },
  'index.generalWithoutAspect': {
    en: "'General disclosure' row with no aspect row (e.g. 'Aspect A1: Emissions') above it.",
    'zh-Hant': '「一般披露」行上方沒有層面行（例如「層面 A1：排放物」），無法判斷所屬層面。',
    'zh-Hans': '“一般披露”行上方没有层面行（例如“层面 A1：排放物”），无法判断所属层面。',
  },
  // Front matter
  'fm.yaml': {
    en: 'Front matter is not valid YAML: {detail}',
    'zh-Hant': '前置資料不是有效的 YAML：{detail}',
    'zh-Hans': '前置资料不是有效的 YAML：{detail}',
  },
  'fm.tooDeep': {
    en: 'Front matter is nested too deeply: `{key}` holds lists or maps more than {max} levels deep. Nothing in the front matter is read.',
    'zh-Hant': '前置資料巢狀過深：`{key}` 內的清單或映射超過 {max} 層。前置資料的內容均不會讀取。',
    'zh-Hans': '前置资料嵌套过深：`{key}` 内的列表或映射超过 {max} 层。前置资料的内容均不会读取。',
  },
  'fm.tooDeepRoot': {
    en: 'Front matter is nested too deeply: its lists or maps go more than {max} levels deep. Nothing in the front matter is read.',
    'zh-Hant': '前置資料巢狀過深：其清單或映射超過 {max} 層。前置資料的內容均不會讀取。',
    'zh-Hans': '前置资料嵌套过深：其列表或映射超过 {max} 层。前置资料的内容均不会读取。',
  },
  'fm.periodRange': {
    en: 'Invalid value for `{key}`: `{value}` is not a year from {min} to {max}. Write e.g. `period: 2025` or `period: {from: 2025-01-01, to: 2025-12-31}`.',
    'zh-Hant': '`{key}` 的值無效：`{value}` 不是 {min} 至 {max} 年之間的年份。請寫成例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`。',
    'zh-Hans': '`{key}` 的值无效：`{value}` 不是 {min} 至 {max} 年之间的年份。请写成例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`。',
  },
  'fm.periodDate': {
    en: 'Invalid value for `{key}`: `{value}` is not a date of the calendar. Write `YYYY-MM-DD`, e.g. `2025-04-01`.',
    'zh-Hant': '`{key}` 的值無效：`{value}` 不是有效日期。請寫成 `YYYY-MM-DD`，例如 `2025-04-01`。',
    'zh-Hans': '`{key}` 的值无效：`{value}` 不是有效日期。请写成 `YYYY-MM-DD`，例如 `2025-04-01`。',
  },
  'fm.periodOrder': {
    en: 'Invalid value for `{key}`: the financial year ends ({to}) before it starts ({from}).',
    'zh-Hant': '`{key}` 的值無效：財政年度的結束日（{to}）早於開始日（{from}）。',
    'zh-Hans': '`{key}` 的值无效：财政年度的结束日（{to}）早于开始日（{from}）。',
  },
  'fm.yearEnd': {
    en: 'Invalid value for `{key}`: `{value}` is not a month and day `MM-DD`. Write e.g. `year-end: 03-31` (quoted or not).',
    'zh-Hant': '`{key}` 的值無效：`{value}` 不是 `MM-DD` 格式的月日。請寫成例如 `year-end: 03-31`。',
    'zh-Hans': '`{key}` 的值无效：`{value}` 不是 `MM-DD` 格式的月日。请写成例如 `year-end: 03-31`。',
  },
  'fm.yearEndConflict': {
    en: '`{key}: {yearEnd}` disagrees with the period, which ends on {to}. Give the year-end once: with dates in `period`, leave `year-end` out.',
    'zh-Hant': '`{key}: {yearEnd}` 與報告期間（於 {to} 結束）不符。請只寫一次：`period` 已有日期時，毋須 `year-end`。',
    'zh-Hans': '`{key}: {yearEnd}` 与报告期间（于 {to} 结束）不符。请只写一次：`period` 已有日期时，无须 `year-end`。',
  },
  'fm.notMap': {
    en: 'Front matter must be a YAML mapping (key: value).',
    'zh-Hant': '前置資料必須是 YAML 映射（key: value）。',
    'zh-Hans': '前置资料必须是 YAML 映射（key: value）。',
  },
  'fm.unknownKey': {
    en: 'Unknown key `{key}`. Known keys: {known}.',
    'zh-Hant': '未知的鍵 `{key}`。可用的鍵：{known}。',
    'zh-Hans': '未知的键 `{key}`。可用的键：{known}。',
  },
  'fm.invalid': {
    en: 'Invalid value for `{key}`: {detail}.',
    'zh-Hant': '`{key}` 的值無效：{detail}。',
    'zh-Hans': '`{key}` 的值无效：{detail}。',
  },
  'fm.invalidEnum': {
    en: 'Invalid value for `{key}`: expected one of {values}.',
    'zh-Hant': '`{key}` 的值無效：應為 {values} 其中之一。',
    'zh-Hans': '`{key}` 的值无效：应为 {values} 其中之一。',
  },
  'fm.invalidType': {
    en: 'Invalid value for `{key}`: expected a {expected}.',
    'zh-Hant': '`{key}` 的值類型錯誤：應為 {expected}。',
    'zh-Hans': '`{key}` 的值类型错误：应为 {expected}。',
  },
  'fm.invalidShape': {
    en: 'Invalid value for `{key}`: see docs/dialect.md for its form (e.g. `period: 2025` or `period: {from: 2025-01-01, to: 2025-12-31}`).',
    'zh-Hant': '`{key}` 的格式無效：請參閱 docs/dialect.md（例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`）。',
    'zh-Hans': '`{key}` 的格式无效：请参阅 docs/dialect.md（例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`）。',
  },
  'quantity.noUnit': {
    en: '`{key}`: the quantity `{value}` needs a unit, e.g. `72,434 萬元`.',
    'zh-Hant': '`{key}`：數量 `{value}` 需要單位，例如 `72,434 萬元`。',
    'zh-Hans': '`{key}`：数量 `{value}` 需要单位，例如 `72,434 万元`。',
  },
  'quantity.notNumber': {
    en: '`{key}`: `{value}` is not a number followed by a unit.',
    'zh-Hant': '`{key}`：`{value}` 不是「數字 + 單位」的格式。',
    'zh-Hans': '`{key}`：`{value}` 不是“数字 + 单位”的格式。',
  },
  'quantity.unknownUnit': {
    en: '`{key}`: unknown unit in `{value}`.',
    'zh-Hant': '`{key}`：`{value}` 中的單位無法識別。',
    'zh-Hans': '`{key}`：`{value}` 中的单位无法识别。',
  },
  // HKEX
  'hkex.unknownId': {
    en: '`{id}` is not a requirement of the HKEX ESG Reporting Code (ids: A1-A3, B1-B8, A1.1-B8.2, MDR-governance/-principles/-boundary, D19-D40, D28(a)-(c)).',
    'zh-Hant': '`{id}` 不是香港聯交所《環境、社會及管治報告守則》的條文（可用編號：A1-A3、B1-B8、A1.1-B8.2、MDR-governance/-principles/-boundary、D19-D40、D28(a)-(c)）。',
    'zh-Hans': '`{id}` 不是香港联交所《环境、社会及管治报告守则》的条文（可用编号：A1-A3、B1-B8、A1.1-B8.2、MDR-governance/-principles/-boundary、D19-D40、D28(a)-(c)）。',
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
    'zh-Hant': '{id}（{title}）未披露亦未解釋；對{issuerClass}發行人於 {fy}屬{obligation}。請在章節標註 {id}、加入相關關鍵績效指標，或作出解釋。',
    'zh-Hans': '{id}（{title}）未披露亦未解释；对{issuerClass}发行人于 {fy}属{obligation}。请在章节标注 {id}、加入相关关键绩效指标，或作出解释。',
  },
  'hkex.missing.mandatoryExplained': {
    en: '{id} ({title}) is {obligation} for a {issuerClass} issuer in {fy}: an explanation does not satisfy it; disclose it in a section tagged {id}.',
    'zh-Hant': '{id}（{title}）對{issuerClass}發行人於 {fy}屬{obligation}：不能以解釋代替，請於標註 {id} 的章節中披露。',
    'zh-Hans': '{id}（{title}）对{issuerClass}发行人于 {fy}属{obligation}：不能以解释代替，请于标注 {id} 的章节中披露。',
  },
  'hkex.missing.guidance': {
    en: '{id} ({title}) is neither disclosed nor explained; the 2025 Code, applied as guidance to {fy}, makes it {obligation}.',
    'zh-Hant': '{id}（{title}）未披露亦未解釋；以 2025 年守則作參考，{fy}屬{obligation}。',
    'zh-Hans': '{id}（{title}）未披露亦未解释；以 2025 年守则作参考，{fy}属{obligation}。',
  },
  'hkex.predatesCode': {
    en: 'This report covers {fy}, which commences before {date}: the HKEX ESG Reporting Code (2025) does not apply to it. esgmark checks it against the Code as guidance: Part D is not applicable, requirements the Code deleted (A1.2, A4, A4.1) were still in force, and undisclosed requirements are information, not warnings.',
    'zh-Hant': '本報告涵蓋{fy}，開始於 {date} 之前：《環境、社會及管治報告守則》（2025 年）並不適用。esgmark 僅以守則作參考：D 部分不適用；守則刪除的條文（A1.2、A4、A4.1）當時仍然有效；未披露的條文只作提示，不作警告。',
    'zh-Hans': '本报告涵盖{fy}，开始于 {date} 之前：《环境、社会及管治报告守则》（2025 年）并不适用。esgmark 仅以守则作参考：D 部分不适用；守则删除的条文（A1.2、A4、A4.1）当时仍然有效；未披露的条文只作提示，不作警告。',
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
  // KPI
  'kpi.unknownUnit': {
    en: 'Unknown unit `{unit}` for "{label}" (not recognised: `{part}`).',
    'zh-Hant': '「{label}」的單位 `{unit}` 無法識別（無法識別的部分：`{part}`）。',
    'zh-Hans': '“{label}”的单位 `{unit}` 无法识别（无法识别的部分：`{part}`）。',
  },
  'kpi.tableShape.noPeriod': {
    en: 'This table holds figures but was not read as a KPI table because none of its columns ({columns}) names a financial year, so nothing in it is checked. Put the year in the column headers (`2024`, `FY2023/24`, `2024年 香港`), or, for columns of segments or sites, in the first header cell (`2024年 | 單位 | 香港 | 合計`).',
    'zh-Hant': '此表格載有數字，但未讀作關鍵績效指標表，因為各欄（{columns}）均未標明財政年度，表內數字因此未經核對。請在欄標題寫上年度（`2024`、`FY2023/24`、`2024年 香港`）；如各欄為分部或地點，請把年度寫在第一個標題格（`2024年 | 單位 | 香港 | 合計`）。',
    'zh-Hans': '此表格载有数字，但未读作关键绩效指标表，因为各栏（{columns}）均未标明财政年度，表内数字因此未经核对。请在栏标题写上年度（`2024`、`FY2023/24`、`2024年 香港`）；如各栏为分部或地点，请把年度写在第一个标题格（`2024年 | 单位 | 香港 | 合计`）。',
  },
  'kpi.tableShape.yearInLabels': {
    en: 'This table holds figures but was not read as a KPI table because its years are in the row labels, not in the column headers ({columns}), so nothing in it is checked. Give each year a column (`| 指標 | 單位 | 2024 | 2025 |`) and one row per indicator.',
    'zh-Hant': '此表格載有數字，但未讀作關鍵績效指標表，因為年度寫在各行的標籤中，而非欄標題（{columns}），表內數字因此未經核對。請每個年度一欄（`| 指標 | 單位 | 2024 | 2025 |`），每項指標一行。',
    'zh-Hans': '此表格载有数字，但未读作关键绩效指标表，因为年度写在各行的标签中，而非栏标题（{columns}），表内数字因此未经核对。请每个年度一栏（`| 指标 | 单位 | 2024 | 2025 |`），每项指标一行。',
  },
  'kpi.tableShape.noLabel': {
    en: 'This table holds figures but was not read as a KPI table because it has no label column before its unit and year columns ({columns}), so nothing in it is checked. Put the row labels in the first column.',
    'zh-Hant': '此表格載有數字，但未讀作關鍵績效指標表，因為單位及年度欄（{columns}）之前沒有標籤欄，表內數字因此未經核對。請把各行的標籤放在第一欄。',
    'zh-Hans': '此表格载有数字，但未读作关键绩效指标表，因为单位及年度栏（{columns}）之前没有标签栏，表内数字因此未经核对。请把各行的标签放在第一栏。',
  },
  'kpi.unitLabel': {
    en: 'The unit cell of "{label}" holds `{unit}`, which is not a unit (a label such as 男性/女性?). Its figures are not converted or checked.',
    'zh-Hant': '「{label}」的單位欄為 `{unit}`，並非單位（如「男性/女性」之類的標籤？），其數字不作換算及核對。',
    'zh-Hans': '“{label}”的单位栏为 `{unit}`，并非单位（如“男性/女性”之类的标签？），其数字不作换算及核对。',
  },
  'kpi.unitPlaceholder': {
    en: 'The unit `{unit}` of "{label}" is the HKEX guide\'s placeholder: the numerator unit was not filled in, so its figures are not converted or checked.',
    'zh-Hant': '「{label}」的單位 `{unit}` 是聯交所指引的佔位寫法：未填寫分子單位，其數字不作換算及核對。',
    'zh-Hans': '“{label}”的单位 `{unit}` 是联交所指引的占位写法：未填写分子单位，其数字不作换算及核对。',
  },
  'kpi.valuePair': {
    en: '"{label}" ({period}): `{value}` gives two figures in one cell (e.g. male / female); they are not checked.',
    'zh-Hant': '「{label}」（{period}）：`{value}` 在同一格列出兩個數字（例如男性 / 女性），不作核對。',
    'zh-Hans': '“{label}”（{period}）：`{value}` 在同一格列出两个数字（例如男性 / 女性），不作核对。',
  },
  'kpi.badNumber': {
    en: '"{label}" ({period}): `{value}` is not a number. Write digits (1,124,032 or 0.2766), or -, N/A or 不適用 for no value.',
    'zh-Hant': '「{label}」（{period}）：`{value}` 不是數字。請填寫數字（如 1,124,032 或 0.2766），無數值時填寫 -、N/A 或「不適用」。',
    'zh-Hans': '“{label}”（{period}）：`{value}` 不是数字。请填写数字（如 1,124,032 或 0.2766），无数值时填写 -、N/A 或“不适用”。',
  },
  // KPI relations: kpi/sum-mismatch, kpi/percentage-range, kpi/rate-mismatch, kpi/average-bounds,
  // kpi/value-conflict, kpi/unit-dimension (relations helper)
  'kpi.sumPartial': {
    en: 'Partial breakdown {breakdown} of "{total}" ({period}): {count} members given ({members}), summing to {sum} of {reported} {unit}. The total is not checked against them.',
    'zh-Hant': '「{total}」{breakdown}的分項不完整（{period}）：只列出 {count} 項（{members}），合計 {sum}，總數為 {reported} {unit}。不以此核對總數。',
    'zh-Hans': '“{total}”{breakdown}的分项不完整（{period}）：只列出 {count} 项（{members}），合计 {sum}，总数为 {reported} {unit}。不以此核对总数。',
  },
  'kpi.sumExceeds': {
    en: 'The parts alone exceed the total.',
    'zh-Hant': '僅所列分項已超過總數。',
    'zh-Hans': '仅所列分项已超过总数。',
  },
  'kpi.percentRange': {
    en: '"{label}" ({period}) is {value}%: a share lies between 0% and 100%.',
    'zh-Hant': '「{label}」（{period}）為 {value}%：比例應介乎 0% 至 100%。',
    'zh-Hans': '“{label}”（{period}）为 {value}%：比例应介乎 0% 至 100%。',
  },
  'kpi.percentNegative': {
    en: '"{label}" ({period}) is {value}%: a rate cannot be negative.',
    'zh-Hant': '「{label}」（{period}）為 {value}%：比率不能為負數。',
    'zh-Hans': '“{label}”（{period}）为 {value}%：比率不能为负数。',
  },
  'kpi.rateFloor': {
    en: '"{label}" ({period}) is {reported}%, below the lowest rate any headcount allows: {formula} gives {computed}% ({inputs}). Whatever the denominator (year-end, average, everyone employed during the year), it cannot exceed the year-end staff plus the leavers. Over the year-end headcount the rate is {yearEnd}%.',
    'zh-Hant': '「{label}」（{period}）為 {reported}%，低於任何人數基準下可能的最低比率：{formula} 計算為 {computed}%（{inputs}）。無論分母採用年末人數、平均人數或年內曾在職人數，均不會超過年末人數加流失人數。以年末人數計算，比率為 {yearEnd}%。',
    'zh-Hans': '“{label}”（{period}）为 {reported}%，低于任何人数基准下可能的最低比率：{formula} 计算为 {computed}%（{inputs}）。无论分母采用年末人数、平均人数或年内曾在职人数，均不会超过年末人数加流失人数。以年末人数计算，比率为 {yearEnd}%。',
  },
  'kpi.averageBounds': {
    en: '"{label}" ({period}) is {reported} {unit}, outside the range of its breakdown {breakdown} ({min} to {max} {unit}): an overall average lies between its groups\' values. Groups: {inputs}.',
    'zh-Hant': '「{label}」（{period}）為 {reported} {unit}，超出其{breakdown}分項的範圍（{min} 至 {max} {unit}）：整體平均值應介乎各分組數值之間。分組：{inputs}。',
    'zh-Hans': '“{label}”（{period}）为 {reported} {unit}，超出其{breakdown}分项的范围（{min} 至 {max} {unit}）：整体平均值应介乎各分组数值之间。分组：{inputs}。',
  },
  'kpi.averageWeighted': {
    en: 'The mean of the breakdown {breakdown} weighted by headcount is {computed} {unit}.',
    'zh-Hant': '按人數加權的{breakdown}分項平均值為 {computed} {unit}。',
    'zh-Hans': '按人数加权的{breakdown}分项平均值为 {computed} {unit}。',
  },
  'kpi.valueConflict': {
    en: '"{label}" ({period}) is {value} here but {other} at line {line} ("{otherLabel}").',
    'zh-Hant': '「{label}」（{period}）此處為 {value}，但第 {line} 行（「{otherLabel}」）為 {other}。',
    'zh-Hans': '“{label}”（{period}）此处为 {value}，但第 {line} 行（“{otherLabel}”）为 {other}。',
  },
  'kpi.valueConflictUnits': {
    en: '"{label}" ({period}) is given in {unit} here but in {otherUnit} at line {line} ("{otherLabel}"): the two units measure different things.',
    'zh-Hant': '「{label}」（{period}）此處以 {unit} 列示，但第 {line} 行（「{otherLabel}」）以 {otherUnit} 列示：兩個單位計量的不是同一種量。',
    'zh-Hans': '“{label}”（{period}）此处以 {unit} 列示，但第 {line} 行（“{otherLabel}”）以 {otherUnit} 列示：两个单位计量的不是同一种量。',
  },
  'kpi.valueConflictRelated': {
    en: 'Also stated here: {value}',
    'zh-Hant': '此處亦有列示：{value}',
    'zh-Hans': '此处亦有列示：{value}',
  },
  'kpi.unitDimension': {
    en: 'The unit `{unit}` of "{label}" measures {actual}, but {kpi} (`{id}`) is {expected}, e.g. `{example}`.',
    'zh-Hant': '「{label}」的單位 `{unit}` 計量的是{actual}，但{kpi}（`{id}`）應為{expected}，例如 `{example}`。',
    'zh-Hans': '“{label}”的单位 `{unit}` 计量的是{actual}，但{kpi}（`{id}`）应为{expected}，例如 `{example}`。',
  },
  'kpi.unitIntensity': {
    en: 'The unit `{unit}` of "{label}" is not a unit of {kpi} (`{id}`): an intensity is {expected} per {per}, written numerator / denominator, e.g. `{example}`.',
    'zh-Hant': '「{label}」的單位 `{unit}` 不是{kpi}（`{id}`）的單位：密度為每{per}的{expected}，應寫作「分子 / 分母」，例如 `{example}`。',
    'zh-Hans': '“{label}”的单位 `{unit}` 不是{kpi}（`{id}`）的单位：密度为每{per}的{expected}，应写作“分子 / 分母”，例如 `{example}`。',
  },
  'kpi.unitGuessed': {
    en: 'esgmark read the row as this KPI from its label only; the unit suggests another figure (the KPI\'s intensity, a fuel quantity, the emissions of a source). Mark the row with `{#{id}}` to have the unit checked.',
    'zh-Hant': 'esgmark 僅按標籤將此行識別為該指標；其單位顯示此行或為另一數字（該指標的密度、燃料用量或某來源的排放量）。如以 `{#{id}}` 標示此行，則會核對其單位。',
    'zh-Hans': 'esgmark 仅按标签将此行识别为该指标；其单位显示此行或为另一数字（该指标的密度、燃料用量或某来源的排放量）。如以 `{#{id}}` 标示此行，则会核对其单位。',
  },
  'kpi.unitMassAsCo2e': {
    en: 'The unit `{unit}` of "{label}" is a mass; as {kpi} (`{id}`) is a GHG figure, it is read as {unit} of CO2e.',
    'zh-Hant': '「{label}」的單位 `{unit}` 是質量單位；由於{kpi}（`{id}`）為溫室氣體數字，按{unit}二氧化碳當量理解。',
    'zh-Hans': '“{label}”的单位 `{unit}` 是质量单位；由于{kpi}（`{id}`）为温室气体数字，按{unit}二氧化碳当量理解。',
  },
  'kpi.breakdown.gender': { en: 'by gender', 'zh-Hant': '按性別', 'zh-Hans': '按性别' },
  'kpi.breakdown.age': { en: 'by age group', 'zh-Hant': '按年齡組別', 'zh-Hans': '按年龄组别' },
  'kpi.breakdown.region': { en: 'by region', 'zh-Hant': '按地區', 'zh-Hans': '按地区' },
  'kpi.breakdown.rank': { en: 'by rank', 'zh-Hant': '按職級', 'zh-Hans': '按职级' },
  'kpi.breakdown.employment-type': { en: 'by employment type', 'zh-Hant': '按僱傭類型', 'zh-Hans': '按雇佣类型' },
  'kpi.breakdown.education': { en: 'by education', 'zh-Hant': '按學歷', 'zh-Hans': '按学历' },
  'kpi.breakdown.direct-indirect': { en: 'into direct and indirect', 'zh-Hant': '按直接及間接', 'zh-Hans': '按直接及间接' },
  'kpi.breakdown.of-which': { en: '(rows marked 其中 / of which)', 'zh-Hant': '（「其中」所列）', 'zh-Hans': '（“其中”所列）' },
  'kpi.breakdown.bullet': { en: '(bulleted rows)', 'zh-Hant': '（分項列示）', 'zh-Hans': '（分项列示）' },
  'kpi.breakdown.column': { en: '(rows in the second label column)', 'zh-Hant': '（第二欄所列分項）', 'zh-Hans': '（第二栏所列分项）' },
  'kpi.breakdown.adjacent': { en: '(kinds listed beside it)', 'zh-Hant': '（相鄰各行所列類別）', 'zh-Hans': '（相邻各行所列类别）' },
  'kpi.dim.mass': { en: 'a mass', 'zh-Hant': '質量', 'zh-Hans': '质量' },
  'kpi.dim.co2e': { en: 'emissions (CO2e)', 'zh-Hant': '排放量（二氧化碳當量）', 'zh-Hans': '排放量（二氧化碳当量）' },
  'kpi.dim.energy': { en: 'energy', 'zh-Hant': '能源', 'zh-Hans': '能源' },
  'kpi.dim.volume': { en: 'a volume', 'zh-Hant': '體積', 'zh-Hans': '体积' },
  'kpi.dim.money': { en: 'money', 'zh-Hant': '金額', 'zh-Hans': '金额' },
  'kpi.dim.count': { en: 'a count', 'zh-Hant': '數目', 'zh-Hans': '数目' },
  'kpi.dim.time': { en: 'time', 'zh-Hant': '時間', 'zh-Hans': '时间' },
  'kpi.dim.percent': { en: 'a percentage', 'zh-Hant': '百分比', 'zh-Hans': '百分比' },
  'kpi.dim.area': { en: 'an area', 'zh-Hant': '面積', 'zh-Hans': '面积' },
  'kpi.dim.length': { en: 'a length', 'zh-Hant': '長度', 'zh-Hans': '长度' },
  'kpi.per.revenue': { en: 'revenue', 'zh-Hant': '營業收入', 'zh-Hans': '营业收入' },
  'kpi.per.employees': { en: 'employee', 'zh-Hant': '員工', 'zh-Hans': '员工' },
  'kpi.per.floor-area': { en: 'floor area', 'zh-Hant': '樓面面積', 'zh-Hans': '楼面面积' },
  'kpi.per.production': { en: 'unit of production', 'zh-Hant': '產量單位', 'zh-Hans': '产量单位' },
  'kpi.per.hours-worked': { en: 'hours worked', 'zh-Hant': '工作時數', 'zh-Hans': '工作时数' },
  // Numbers engine: checks shared by the relation rules (lead)
  'numbers.mismatch': {
    en: '{formula} ({period}): the inputs give {computed}, the report says {reported}. Inputs: {inputs}.',
    'zh-Hant': '{formula}（{period}）：按所列數據計算為 {computed}，報告所載為 {reported}。數據：{inputs}。',
    'zh-Hans': '{formula}（{period}）：按所列数据计算为 {computed}，报告所载为 {reported}。数据：{inputs}。',
  },
  'numbers.mismatchNoInputs': {
    en: '{formula} ({period}): the formula gives {computed}, the report says {reported}.',
    'zh-Hant': '{formula}（{period}）：按公式計算為 {computed}，報告所載為 {reported}。',
    'zh-Hans': '{formula}（{period}）：按公式计算为 {computed}，报告所载为 {reported}。',
  },
  'numbers.intensity.inferred': {
    en: 'No denominator is given in the front matter: this figure implies {implied}, while {other} implies {others} (is the unit {unit} right?).',
    'zh-Hant': '前置資料未提供分母：此數值推算分母為 {implied}，但「{other}」推算為 {others}（單位 {unit} 是否正確？）。',
    'zh-Hans': '前置资料未提供分母：此数值推算分母为 {implied}，但“{other}”推算为 {others}（单位 {unit} 是否正确？）。',
  },
  'lens.checked': {
    en: '{checked} of {figures} figures checked, all agree',
    'zh-Hant': '已核對 {figures} 個數值中的 {checked} 個，全部相符',
    'zh-Hans': '已核对 {figures} 个数值中的 {checked} 个，全部相符',
  },
  'lens.checkedDisagree': {
    en: '{checked} of {figures} figures checked, {disagree} disagree',
    'zh-Hant': '已核對 {figures} 個數值中的 {checked} 個，{disagree} 個不符',
    'zh-Hans': '已核对 {figures} 个数值中的 {checked} 个，{disagree} 个不符',
  },
  'hover.value': { en: 'Value', 'zh-Hant': '數值', 'zh-Hans': '数值' },
  'hover.normalised': { en: 'in base units', 'zh-Hant': '換算為基本單位', 'zh-Hans': '换算为基本单位' },
  'hover.checks': { en: 'Checks', 'zh-Hant': '核對', 'zh-Hans': '核对' },
  'hover.notChecked': { en: 'not checked by any relation', 'zh-Hant': '未有核對關係', 'zh-Hans': '未有核对关系' },
  'action.fixUnit': { en: 'Change the unit to {unit}', 'zh-Hant': '將單位改為 {unit}', 'zh-Hans': '将单位改为 {unit}' },
  'action.addTotalRow': { en: 'Add the missing total row "{total}"', 'zh-Hant': '加入缺少的合計行「{total}」', 'zh-Hans': '加入缺少的合计行“{total}”' },
  'action.replaceValue': { en: 'Replace {reported} with the computed {computed}', 'zh-Hant': '將 {reported} 改為計算值 {computed}', 'zh-Hans': '将 {reported} 改为计算值 {computed}' },
  'numbers.activity.quotedFactor': { en: 'the factor quoted in the text', 'zh-Hant': '正文所引用的排放因子', 'zh-Hans': '正文所引用的排放因子' },
  'numbers.activity.agreesWith': {
    en: 'The reported figure agrees with another catalog factor instead: {factors}.',
    'zh-Hant': '所載數值反而與目錄中另一排放因子相符：{factors}。',
    'zh-Hans': '所载数值反而与目录中另一排放因子相符：{factors}。',
  },
  // A formula's result that cannot be compared with its figure (formula= and check= alike).
  'numbers.formula.unit': {
    en: '`{formula}` ({period}) gives {computed} (dimension {resultDim}), but the figure {reported} is in `{unit}` (dimension {unitDim}): a result of another dimension cannot be compared.',
    'zh-Hant': '`{formula}`（{period}）計算結果為 {computed}（量綱 {resultDim}），但數值 {reported} 的單位為 `{unit}`（量綱 {unitDim}）：量綱不同，無法比較。',
    'zh-Hans': '`{formula}`（{period}）计算结果为 {computed}（量纲 {resultDim}），但数值 {reported} 的单位为 `{unit}`（量纲 {unitDim}）：量纲不同，无法比较。',
  },
  'numbers.formula.resultNoUnit': {
    en: '`{formula}` ({period}) gives {computed}, a number without a unit, but the figure {reported} is in `{unit}` (dimension {unitDim}): give the numbers of the formula their units (e.g. `1124032 kWh`).',
    'zh-Hant': '`{formula}`（{period}）計算結果為 {computed}，是沒有單位的數字，但數值 {reported} 的單位為 `{unit}`（量綱 {unitDim}）：請為公式中的數值註明單位（例如 `1124032 kWh`）。',
    'zh-Hans': '`{formula}`（{period}）计算结果为 {computed}，是没有单位的数字，但数值 {reported} 的单位为 `{unit}`（量纲 {unitDim}）：请为公式中的数值注明单位（例如 `1124032 kWh`）。',
  },
  'numbers.formula.figureNoUnit': {
    en: '`{formula}` ({period}) gives {computed} (dimension {resultDim}), but the figure {reported} has no unit: write its unit.',
    'zh-Hant': '`{formula}`（{period}）計算結果為 {computed}（量綱 {resultDim}），但數值 {reported} 沒有單位：請註明其單位。',
    'zh-Hans': '`{formula}`（{period}）计算结果为 {computed}（量纲 {resultDim}），但数值 {reported} 没有单位：请注明其单位。',
  },
  'numbers.formula.figureUnknownUnit': {
    en: '`{formula}` ({period}) gives {computed} (dimension {resultDim}), but the unit `{unit}` of the figure {reported} is not a known unit, so the two cannot be compared.',
    'zh-Hant': '`{formula}`（{period}）計算結果為 {computed}（量綱 {resultDim}），但數值 {reported} 的單位 `{unit}` 無法識別，因此無法比較。',
    'zh-Hans': '`{formula}`（{period}）计算结果为 {computed}（量纲 {resultDim}），但数值 {reported} 的单位 `{unit}` 无法识别，因此无法比较。',
  },
  'numbers.formula.notFinite': {
    en: '`{formula}` ({period}) gives a value too large to be compared with the figure {reported}.',
    'zh-Hant': '`{formula}`（{period}）的計算結果過大，無法與數值 {reported} 比較。',
    'zh-Hans': '`{formula}`（{period}）的计算结果过大，无法与数值 {reported} 比较。',
  },
  'numbers.hint.percent': {
    en: 'As a percentage the result agrees: write {reported}%.',
    'zh-Hant': '以百分比表示則與計算結果相符：請寫成 {reported}%。',
    'zh-Hans': '以百分比表示则与计算结果相符：请写成 {reported}%。',
  },
  'numbers.hint.ratio': {
    en: 'The result is 100 times the figure: {reported} is the ratio {ratio}, so a formula for it must not multiply by 100.',
    'zh-Hant': '計算結果為數值的 100 倍：{reported} 即比率 {ratio}，公式不應再乘以 100。',
    'zh-Hans': '计算结果为数值的 100 倍：{reported} 即比率 {ratio}，公式不应再乘以 100。',
  },
  'numbers.prose.noPeriod': {
    en: '`{text}` has no period to be checked in: add `period=2025` to the span, or `period: 2025` under `esg:` in the front matter.',
    'zh-Hant': '`{text}` 沒有可供核對的期間：請在該處加上 `period=2025`，或在前置資料 `esg:` 下加上 `period: 2025`。',
    'zh-Hans': '`{text}` 没有可供核对的期间：请在该处加上 `period=2025`，或在前置资料 `esg:` 下加上 `period: 2025`。',
  },
  'numbers.prose.notNumber': {
    en: '`{text}` is not a figure: a checked span holds a number, optionally with `%` or a unit.',
    'zh-Hant': '`{text}` 不是數字：受核對的文字須為數字，可附 `%` 或單位。',
    'zh-Hans': '`{text}` 不是数字：受核对的文字须为数字，可附 `%` 或单位。',
  },
  'ghg.scope3.invalidCategory': {
    en: '`{id}` is not a Scope 3 category: the GHG Protocol has categories 1-15 (`ghg.scope3.cat1` ... `ghg.scope3.cat15`).',
    'zh-Hant': '`{id}` 不是範圍 3 類別：《溫室氣體核算體系》只有第 1 至 15 類（`ghg.scope3.cat1` … `ghg.scope3.cat15`）。',
    'zh-Hans': '`{id}` 不是范围 3 类别：《温室气体核算体系》只有第 1 至 15 类（`ghg.scope3.cat1` … `ghg.scope3.cat15`）。',
  },
  // Formula language: parse and evaluation errors of formula="..." and check="..." (formula helper)
  'formula.empty': {
    en: 'The formula is empty.',
    'zh-Hant': '公式是空的。',
    'zh-Hans': '公式是空的。',
  },
  'formula.tooLong': {
    en: 'The formula is {length} characters long; the limit is {max}.',
    'zh-Hant': '公式長 {length} 個字元，超過上限 {max}。',
    'zh-Hans': '公式长 {length} 个字符，超过上限 {max}。',
  },
  'formula.tooDeep': {
    en: 'The formula nests parentheses, functions or signs more than {max} levels deep.',
    'zh-Hant': '公式的括號、函數或正負號巢狀超過 {max} 層。',
    'zh-Hans': '公式的括号、函数或正负号嵌套超过 {max} 层。',
  },
  'formula.unexpectedChar': {
    en: 'Unexpected character `{char}` in the formula.',
    'zh-Hant': '公式中有無法識別的字元 `{char}`。',
    'zh-Hans': '公式中有无法识别的字符 `{char}`。',
  },
  'formula.badNumber': {
    en: '`{text}` is too large to be a number.',
    'zh-Hant': '`{text}` 太大，無法作為數字。',
    'zh-Hans': '`{text}` 太大，无法作为数字。',
  },
  'formula.badId': {
    en: '`{id}` ends with a dot: write a name after it, or `.*` inside sum().',
    'zh-Hant': '`{id}` 以句點結尾：請在其後寫上名稱，或在 sum() 內寫 `.*`。',
    'zh-Hans': '`{id}` 以句点结尾：请在其后写上名称，或在 sum() 内写 `.*`。',
  },
  'formula.unknownUnit': {
    en: 'Unknown unit `{unit}` (not recognised: `{part}`). A unit with spaces or several slashes goes in brackets: `12 [tCO2e/萬元]`.',
    'zh-Hant': '無法識別的單位 `{unit}`（無法識別的部分：`{part}`）。含空格或多個斜線的單位請放在方括號內：`12 [tCO2e/萬元]`。',
    'zh-Hans': '无法识别的单位 `{unit}`（无法识别的部分：`{part}`）。含空格或多个斜线的单位请放在方括号内：`12 [tCO2e/万元]`。',
  },
  'formula.unclosedBracket': {
    en: 'The unit bracket `[` is not closed with `]`.',
    'zh-Hant': '單位的方括號 `[` 未以 `]` 結束。',
    'zh-Hans': '单位的方括号 `[` 未以 `]` 结束。',
  },
  'formula.unexpectedEnd': {
    en: 'The formula ends too early: a number, a KPI id, a function or `(` should follow.',
    'zh-Hant': '公式提前結束：其後應為數字、指標代號、函數或 `(`。',
    'zh-Hans': '公式提前结束：其后应为数字、指标代号、函数或 `(`。',
  },
  'formula.expectedOperand': {
    en: 'Expected a number, a KPI id, a function or `(` here, not `{found}`.',
    'zh-Hant': '此處應為數字、指標代號、函數或 `(`，而非 `{found}`。',
    'zh-Hans': '此处应为数字、指标代号、函数或 `(`，而非 `{found}`。',
  },
  'formula.expectedOperator': {
    en: 'Expected an operator (+ - * /) before `{found}`.',
    'zh-Hant': '`{found}` 之前應有運算符（+ - * /）。',
    'zh-Hans': '`{found}` 之前应有运算符（+ - * /）。',
  },
  'formula.unclosedParen': {
    en: 'This `(` is not closed with `)`.',
    'zh-Hant': '此 `(` 未以 `)` 結束。',
    'zh-Hans': '此 `(` 未以 `)` 结束。',
  },
  'formula.unmatchedParen': {
    en: 'This `)` has no matching `(`.',
    'zh-Hant': '此 `)` 沒有對應的 `(`。',
    'zh-Hans': '此 `)` 没有对应的 `(`。',
  },
  'formula.unexpectedComma': {
    en: 'A `,` separates the arguments of a function; it cannot stand here.',
    'zh-Hant': '`,` 用於分隔函數的參數，不能出現在此處。',
    'zh-Hans': '`,` 用于分隔函数的参数，不能出现在此处。',
  },
  'formula.thousands': {
    en: 'Numbers in formulas have no thousands separators: write 1124032 or 1_124_032.',
    'zh-Hant': '公式中的數字不使用千位分隔符：請寫成 1124032 或 1_124_032。',
    'zh-Hans': '公式中的数字不使用千位分隔符：请写成 1124032 或 1_124_032。',
  },
  'formula.unexpectedAt': {
    en: 'A period selector `@` follows a KPI id, `denominators.x` or `factors.x`, as in `ghg.total@2024`.',
    'zh-Hant': '期間選擇 `@` 應緊接指標代號、`denominators.x` 或 `factors.x`，例如 `ghg.total@2024`。',
    'zh-Hans': '期间选择 `@` 应紧接指标代号、`denominators.x` 或 `factors.x`，例如 `ghg.total@2024`。',
  },
  'formula.expectedPeriod': {
    en: 'Write the period after `@`, as in `ghg.total@2024`.',
    'zh-Hant': '請在 `@` 之後寫上期間，例如 `ghg.total@2024`。',
    'zh-Hans': '请在 `@` 之后写上期间，例如 `ghg.total@2024`。',
  },
  'formula.expectedName': {
    en: 'Write `{scope}.<name>` with a name given under `{scope}:` in the front matter.',
    'zh-Hant': '請寫成 `{scope}.<名稱>`，名稱須為前置資料 `{scope}:` 下的項目。',
    'zh-Hans': '请写成 `{scope}.<名称>`，名称须为前置资料 `{scope}:` 下的项目。',
  },
  'formula.unknownFunction': {
    en: 'Unknown function `{name}`. Functions: {known}.',
    'zh-Hant': '未知的函數 `{name}`。可用的函數：{known}。',
    'zh-Hans': '未知的函数 `{name}`。可用的函数：{known}。',
  },
  'formula.arity': {
    en: '`{name}` takes {expected} arguments, not {count}.',
    'zh-Hant': '`{name}` 需要 {expected} 個參數，而非 {count} 個。',
    'zh-Hans': '`{name}` 需要 {expected} 个参数，而非 {count} 个。',
  },
  'formula.prefixOutsideSum': {
    en: '`{prefix}.*` can only be an argument of sum() or avg().',
    'zh-Hant': '`{prefix}.*` 只能作為 sum() 或 avg() 的參數。',
    'zh-Hans': '`{prefix}.*` 只能作为 sum() 或 avg() 的参数。',
  },
  'formula.internal': {
    en: 'The formula could not be evaluated.',
    'zh-Hant': '無法計算此公式。',
    'zh-Hans': '无法计算此公式。',
  },
  'formula.unknownId': {
    en: '`{id}` is not a KPI id of the catalog or of this report.',
    'zh-Hant': '`{id}` 不是指標目錄或本報告中的指標代號。',
    'zh-Hans': '`{id}` 不是指标目录或本报告中的指标代号。',
  },
  'formula.unknownIdHyphen': {
    en: '`{id}` is not a KPI id. Ids may contain `-`, so put spaces around a minus: `{suggestion}`.',
    'zh-Hant': '`{id}` 不是指標代號。指標代號可含 `-`，減號前後請加空格：`{suggestion}`。',
    'zh-Hans': '`{id}` 不是指标代号。指标代号可含 `-`，减号前后请加空格：`{suggestion}`。',
  },
  'kpi.sumNil': {
    en: 'A part printed as no value is counted as nil (0): {members}.',
    'zh-Hant': '以「無數值」標示的分項按零計算：{members}。',
    'zh-Hans': '以“无数值”标示的分项按零计算：{members}。',
  },
  'numbers.formula.inputNoValue': {
    en: 'Not checked for {period}: the input `{id}` ("{label}") has no value in {period} (`{value}`).',
    'zh-Hant': '{period} 未予核對：輸入 `{id}`（「{label}」）於 {period} 沒有數值（`{value}`）。',
    'zh-Hans': '{period} 未予核对：输入 `{id}`（“{label}”）于 {period} 没有数值（`{value}`）。',
  },
  'numbers.formula.inputNotGiven': {
    en: 'Not checked for {period}: the input `{id}` has no figure for {period} in this report.',
    'zh-Hant': '{period} 未予核對：本報告沒有輸入 `{id}` 於 {period} 的數字。',
    'zh-Hans': '{period} 未予核对：本报告没有输入 `{id}` 于 {period} 的数字。',
  },
  'formula.noValue': {
    en: '`{id}` has no value for {period} in this report.',
    'zh-Hant': '本報告中 `{id}` 沒有 {period} 的數值。',
    'zh-Hans': '本报告中 `{id}` 没有 {period} 的数值。',
  },
  'formula.noMatch': {
    en: 'No KPI of this report matches `{prefix}.*` for {period}.',
    'zh-Hant': '本報告中沒有 {period} 的指標符合 `{prefix}.*`。',
    'zh-Hans': '本报告中没有 {period} 的指标符合 `{prefix}.*`。',
  },
  'formula.noDenominator': {
    en: '`denominators.{name}` is not given for {period} in the front matter.',
    'zh-Hant': '前置資料未提供 {period} 的 `denominators.{name}`。',
    'zh-Hans': '前置资料未提供 {period} 的 `denominators.{name}`。',
  },
  'formula.noFactor': {
    en: '`factors.{name}` is not given for {period} in the front matter (or names a factor that is not in the catalog).',
    'zh-Hant': '前置資料未提供 {period} 的 `factors.{name}`（或所指的係數不在目錄中）。',
    'zh-Hans': '前置资料未提供 {period} 的 `factors.{name}`（或所指的系数不在目录中）。',
  },
  'formula.dimension': {
    en: '`{op}` needs quantities of the same kind, not {left} and {right}.',
    'zh-Hant': '`{op}` 的數值須屬同一量綱，但此處為 {left} 與 {right}。',
    'zh-Hans': '`{op}` 的数值须属同一量纲，但此处为 {left} 与 {right}。',
  },
  'formula.noUnit': {
    en: '`{id}` has no known unit, so it cannot be combined with a quantity in {other}.',
    'zh-Hant': '`{id}` 沒有可識別的單位，無法與 {other} 的數值運算。',
    'zh-Hans': '`{id}` 没有可识别的单位，无法与 {other} 的数值运算。',
  },
  'formula.divisionByZero': {
    en: 'Division by a value that is or may be zero.',
    'zh-Hant': '除數為零或可能為零。',
    'zh-Hans': '除数为零或可能为零。',
  },
  // Vocabulary
  'obligation.mandatory': { en: 'mandatory', 'zh-Hant': '強制披露', 'zh-Hans': '强制披露' },
  'obligation.comply-or-explain': { en: "'comply or explain'", 'zh-Hant': '「不遵守就解釋」', 'zh-Hans': '“不遵守就解释”' },
  'obligation.voluntary': { en: 'voluntary', 'zh-Hant': '自願披露', 'zh-Hans': '自愿披露' },
  'obligation.deleted': { en: 'deleted', 'zh-Hant': '已刪除', 'zh-Hans': '已删除' },
  'issuerClass.main-board': { en: 'Main Board', 'zh-Hant': '主板', 'zh-Hans': '主板' },
  'issuerClass.largecap': { en: 'LargeCap', 'zh-Hant': '大型股（恒生綜合大型股指數成份股）', 'zh-Hans': '大型股（恒生综合大型股指数成份股）' },
  'issuerClass.gem': { en: 'GEM', 'zh-Hant': 'GEM', 'zh-Hans': 'GEM' },
  'part.B': { en: 'Part B — Mandatory disclosure requirements', 'zh-Hant': 'B 部分：強制披露規定', 'zh-Hans': 'B 部分：强制披露规定' },
  'part.C': { en: "Part C — 'Comply or explain' provisions", 'zh-Hant': 'C 部分：「不遵守就解釋」條文', 'zh-Hans': 'C 部分：“不遵守就解释”条文' },
  'part.D': { en: 'Part D — Climate-related disclosures', 'zh-Hant': 'D 部分：氣候相關披露', 'zh-Hans': 'D 部分：气候相关披露' },
  // Report model: KPI preview groups, coverage places and summary, KPI export (report/export helper)
  'report.group.climate': { en: 'Part D — GHG emissions', 'zh-Hant': 'D 部分：溫室氣體排放', 'zh-Hans': 'D 部分：温室气体排放' },
  'report.group.other': { en: 'Other indicators', 'zh-Hant': '其他指標', 'zh-Hans': '其他指标' },
  'report.place.kpi': { en: 'KPI: {label}', 'zh-Hant': '關鍵績效指標：{label}', 'zh-Hans': '关键绩效指标：{label}' },
  'report.place.index': { en: 'Index: {target}', 'zh-Hant': '索引：{target}', 'zh-Hans': '索引：{target}' },
  'report.place.explanation': { en: 'Explanation', 'zh-Hant': '解釋', 'zh-Hans': '解释' },
  'report.coverage.part': { en: 'Part {part} {addressed}/{required}', 'zh-Hant': '{part} 部分 {addressed}/{required}', 'zh-Hans': '{part} 部分 {addressed}/{required}' },
  // Hover
  'hover.year': { en: 'Financial year', 'zh-Hant': '財政年度', 'zh-Hans': '财政年度' },
  'context.assumed': { en: ' (no `esg.period`: the first year of the Code is assumed)', 'zh-Hant': '（未設 `esg.period`：假定為守則首個年度）', 'zh-Hans': '（未设 `esg.period`：假定为守则首个年度）' },
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
  'hover.deletedFrom': { en: 'Deleted with effect from {date}.', 'zh-Hant': '已於 {date} 起刪除。', 'zh-Hans': '已于 {date} 起删除。' },
  'hover.kpi': { en: 'KPI', 'zh-Hant': '關鍵績效指標', 'zh-Hans': '关键绩效指标' },
  'hover.discloses': { en: 'Discloses', 'zh-Hant': '對應條文', 'zh-Hans': '对应条文' },
  'hover.unit': { en: 'Unit', 'zh-Hant': '單位', 'zh-Hans': '单位' },
  'hover.unrecognised': {
    en: 'Not recognised: no catalog KPI matches this label, so its figures feed no check. Tag it with `[label]{#kpi.id}` if it is a catalog KPI.',
    'zh-Hant': '未識別：指標目錄中沒有與此標籤相符的指標，其數字不參與任何檢查。如屬目錄指標，可標註為 `[標籤]{#kpi.id}`。',
    'zh-Hans': '未识别：指标目录中没有与此标签相符的指标，其数字不参与任何检查。如属目录指标，可标注为 `[标签]{#kpi.id}`。',
  },
  'hover.openMember': {
    en: 'A member of a breakdown of {parent} (`{id}`) under "{group}"; not a catalog member, so no sum counts it.',
    'zh-Hant': '{parent}（`{id}`）於「{group}」下的細分項；不屬目錄細分項，不計入加總檢查。',
    'zh-Hans': '{parent}（`{id}`）于“{group}”下的细分项；不属目录细分项，不计入加总检查。',
  },
  'hover.described.part': {
    en: 'A part of {parent} (`{id}`): a source, site or kind the label names beside it. Summed only where the table marks it as a part of the row above; no catalog breakdown counts it.',
    'zh-Hant': '{parent}（`{id}`）的一部分：標籤另外指明的來源、地點或類別。只在表格標示為上一行的組成部分時參與加總；不計入目錄細分加總。',
    'zh-Hans': '{parent}（`{id}`）的一部分：标签另外指明的来源、地点或类别。只在表格标示为上一行的组成部分时参与加总；不计入目录细分加总。',
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
    'zh-Hant': '{parent}（`{id}`）的一部分：其某一報告範圍、實體、來源或物料，或交叉細分中的一格；並非整體，不計入加總或其他檢查。',
    'zh-Hans': '{parent}（`{id}`）的一部分：其某一报告范围、实体、来源或物料，或交叉细分中的一格；并非整体，不计入加总或其他检查。',
  },
  'hover.recognisedBy': { en: 'recognised from the catalog name', 'zh-Hant': '依據指標目錄名稱識別', 'zh-Hans': '依据指标目录名称识别' },
  // Code actions
  'action.addExplanation': { en: 'Add an explanation block for {id}', 'zh-Hant': '為 {id} 加入解釋區塊', 'zh-Hans': '为 {id} 加入解释区块' },
  'action.addIndexRows': { en: 'Add {count} missing index rows', 'zh-Hant': '加入 {count} 個缺少的索引行', 'zh-Hans': '加入 {count} 个缺少的索引行' },
  'action.addIndexRow': { en: 'Add the missing index row for {id}', 'zh-Hant': '加入 {id} 的索引行', 'zh-Hans': '加入 {id} 的索引行' },
  'action.tagSection': { en: 'Tag section "{section}" with {id}', 'zh-Hant': '在章節「{section}」標註 {id}', 'zh-Hans': '在章节“{section}”标注 {id}' },
  'action.removeId': { en: 'Remove {id} from the tag', 'zh-Hant': '從標註中移除 {id}', 'zh-Hans': '从标注中移除 {id}' },
  'action.replaceId': { en: 'Replace {from} with {to}', 'zh-Hant': '將 {from} 改為 {to}', 'zh-Hans': '将 {from} 改为 {to}' },
  'action.generateIndex': { en: 'Generate the HKEX index table from the tags', 'zh-Hant': '依據標註產生香港聯交所索引表', 'zh-Hans': '依据标注生成香港联交所索引表' },
  'explain.placeholder': {
    en: 'Explain here why {id} ({title}) is not disclosed.',
    'zh-Hant': '請在此說明未披露 {id}（{title}）的原因。',
    'zh-Hans': '请在此说明未披露 {id}（{title}）的原因。',
  },
  // Emission factors: ghg/factor-mismatch, ghg/unknown-factor, ghg/factor-year (factor catalog helper)
  'ghg.factorMismatch.text': {
    en: 'The {name} is {expected} {unit} ({source}), not {quoted}.',
    'zh-Hant': '{name}為 {expected} {unit}（{source}），而非 {quoted}。',
    'zh-Hans': '{name}为 {expected} {unit}（{source}），而非 {quoted}。',
  },
  'ghg.factorMismatch.textOther': {
    en: 'The {name} is {expected} {unit} ({source}), not {quoted} — {quoted} is the {otherName} (`{otherId}`).',
    'zh-Hant': '{name}為 {expected} {unit}（{source}），而非 {quoted}；{quoted} 是{otherName}（`{otherId}`）。',
    'zh-Hans': '{name}为 {expected} {unit}（{source}），而非 {quoted}；{quoted} 是{otherName}（`{otherId}`）。',
  },
  'ghg.factorMismatch.frontMatter': {
    en: '`{key}` names the catalog factor `{id}` ({name}: {expected} {unit}) but gives {quoted}.',
    'zh-Hant': '`{key}` 指明目錄因子 `{id}`（{name}：{expected} {unit}），但所填數值為 {quoted}。',
    'zh-Hans': '`{key}` 指明目录因子 `{id}`（{name}：{expected} {unit}），但所填数值为 {quoted}。',
  },
  'ghg.factorMismatch.frontMatterOther': {
    en: '`{key}` names the catalog factor `{id}` ({name}: {expected} {unit}) but gives {quoted}, which is the {otherName} (`{otherId}`).',
    'zh-Hant': '`{key}` 指明目錄因子 `{id}`（{name}：{expected} {unit}），但所填數值為 {quoted}，即{otherName}（`{otherId}`）。',
    'zh-Hans': '`{key}` 指明目录因子 `{id}`（{name}：{expected} {unit}），但所填数值为 {quoted}，即{otherName}（`{otherId}`）。',
  },
  'ghg.factorMismatch.unit': {
    en: '`{key}` names the catalog factor `{id}`, which is in {unit}, but gives {quoted}: the units do not measure the same thing.',
    'zh-Hant': '`{key}` 指明目錄因子 `{id}`（單位為 {unit}），但所填數值為 {quoted}：兩者單位的量綱不同。',
    'zh-Hans': '`{key}` 指明目录因子 `{id}`（单位为 {unit}），但所填数值为 {quoted}：两者单位的量纲不同。',
  },
  'ghg.unknownFactor': {
    en: 'Unknown emission factor `{id}`: it is not in the factor catalog (ids such as `cn-grid-2023`, `ipcc2006-diesel-co2`; see docs/catalogs.md), and a custom value needs a unit (`0.5306 kgCO2/kWh`).',
    'zh-Hant': '未知的排放因子 `{id}`：因子目錄中沒有此代號（例如 `cn-grid-2023`、`ipcc2006-diesel-co2`，見 docs/catalogs.md）；自訂數值須附單位（`0.5306 kgCO2/kWh`）。',
    'zh-Hans': '未知的排放因子 `{id}`：因子目录中没有此代号（例如 `cn-grid-2023`、`ipcc2006-diesel-co2`，见 docs/catalogs.md）；自定数值须附单位（`0.5306 kgCO2/kWh`）。',
  },
  'ghg.unknownFactor.suggest': {
    en: 'Unknown emission factor `{id}`. Did you mean `{suggestion}` ({name})?',
    'zh-Hant': '未知的排放因子 `{id}`。是否指 `{suggestion}`（{name}）？',
    'zh-Hans': '未知的排放因子 `{id}`。是否指 `{suggestion}`（{name}）？',
  },
  'ghg.scope3.partialList': {
    en: 'The {count} categories are listed in a table of their own and are not all 15: the difference may be in categories the report does not list. Check that the total and the list cover the same categories.',
    'zh-Hant': '這 {count} 個類別另表列出，且未涵蓋全部 15 個類別：差額或來自報告未列出的類別。請核對總量與所列類別的範圍是否一致。',
    'zh-Hans': '这 {count} 个类别另表列出，且未涵盖全部 15 个类别：差额或来自报告未列出的类别。请核对总量与所列类别的范围是否一致。',
  },
  'ghg.factorYear': {
    en: '{subject} is for {factorYear}, {gap} years from the reporting period {period}. {advice}',
    'zh-Hant': '{subject}為 {factorYear} 年的因子，與報告期 {period} 年相距 {gap} 年。{advice}',
    'zh-Hans': '{subject}为 {factorYear} 年的因子，与报告期 {period} 年相距 {gap} 年。{advice}',
  },
  'ghg.factorYear.subjectId': { en: 'The {name} (`{id}`)', 'zh-Hant': '{name}（`{id}`）', 'zh-Hans': '{name}（`{id}`）' },
  'ghg.factorYear.subjectValue': {
    en: 'The factor {quoted} is the {name} (`{id}`), which',
    'zh-Hant': '所引用的 {quoted} 即{name}（`{id}`），',
    'zh-Hans': '所引用的 {quoted} 即{name}（`{id}`），',
  },
  'ghg.factorYear.newer': {
    en: 'The newest factor of this kind in the catalog is `{newestId}` ({newestYear}: {newestValue} {unit}).',
    'zh-Hant': '目錄中此類最新的因子為 `{newestId}`（{newestYear} 年：{newestValue} {unit}）。',
    'zh-Hans': '目录中此类最新的因子为 `{newestId}`（{newestYear} 年：{newestValue} {unit}）。',
  },
  'ghg.factorYear.isNewest': {
    en: 'It is the newest of its kind in the catalog; check whether the publisher has released a newer one.',
    'zh-Hant': '此為目錄中此類最新的因子；請查核發佈機構是否已公佈更新的數值。',
    'zh-Hans': '此为目录中此类最新的因子；请查核发布机构是否已公布更新的数值。',
  },
  // Limits: a report too large to analyse, an analysis stopped at its time budget
  'limit.tooLarge': {
    en: 'This report is {size} characters long, more than the {limit} characters esgmark analyses: it was not checked.',
    'zh-Hant': '此報告長 {size} 個字元，超過 esgmark 可分析的 {limit} 個字元上限，因此未經檢查。',
    'zh-Hans': '此报告长 {size} 个字符，超过 esgmark 可分析的 {limit} 个字符上限，因此未经检查。',
  },
  'limit.fileTooLarge': {
    en: 'This file is {size} bytes, more than the {limit} bytes esgmark reads from a file: it was not checked.',
    'zh-Hant': '此檔案大小為 {size} 位元組，超過 esgmark 讀取單一檔案的 {limit} 位元組上限，因此未經檢查。',
    'zh-Hans': '此文件大小为 {size} 字节，超过 esgmark 读取单个文件的 {limit} 字节上限，因此未经检查。',
  },
  'limit.budget': {
    en: 'Analysis stopped after {ms} ms (budget {budget} ms): {count} rules not run ({rules}); the report is too large or complex. Their findings are missing.',
    'zh-Hant': '分析於 {ms} 毫秒後停止（上限 {budget} 毫秒）：{count} 條規則未有執行（{rules}）；報告過大或過於複雜，這些規則的結果從缺。',
    'zh-Hans': '分析于 {ms} 毫秒后停止（上限 {budget} 毫秒）：{count} 条规则未有执行（{rules}）；报告过大或过于复杂，这些规则的结果从缺。',
  },
  // Generated index table
  'index.heading': { en: 'HKEX ESG Reporting Code content index', 'zh-Hant': '香港聯交所《環境、社會及管治報告守則》索引', 'zh-Hans': '香港联交所《环境、社会及管治报告守则》索引' },
  'index.colId': { en: 'Requirement', 'zh-Hant': '條文', 'zh-Hans': '条文' },
  'index.colText': { en: 'Description', 'zh-Hant': '內容', 'zh-Hans': '内容' },
  'index.colWhere': { en: 'Section / explanation', 'zh-Hant': '報告章節／解釋', 'zh-Hans': '报告章节／解释' },
  'index.deletedRow': { en: '[deleted with effect from {date}]', 'zh-Hant': '[ 於 {date} 刪除 ]', 'zh-Hans': '[ 于 {date} 删除 ]' },
  'index.todo': { en: 'TODO: disclose or explain', 'zh-Hant': '待辦：請披露或解釋', 'zh-Hans': '待办：请披露或解释' },
} as const;
