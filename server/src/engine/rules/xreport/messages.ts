// The messages of the xreport/ rules (links between language versions and to last year's report).
// A module without imports, so that the message table (messages.ts) can include it without a cycle.
import type { Localized } from '../../types';
export const XREPORT_MESSAGES = {
  // xreport/link: {key} is `esg.translations` or `esg.previous`, {path} the path as written.
  'xreport.link.not-found': {
    en: '`{key}` names `{path}`, which does not exist: the link is not followed, and this report is checked on its own.',
    'zh-Hant': '`{key}` 所列的 `{path}` 不存在：未有跟隨此連結，本報告單獨檢查。',
    'zh-Hans': '`{key}` 所列的 `{path}` 不存在：未有跟随此链接，本报告单独检查。',
  },
  'xreport.link.not-a-file': {
    en: '`{key}` names `{path}`, which is not a regular file ({detail}): it was not read.',
    'zh-Hant': '`{key}` 所列的 `{path}` 不是一般檔案（{detail}）：未予讀取。',
    'zh-Hans': '`{key}` 所列的 `{path}` 不是普通文件（{detail}）：未予读取。',
  },
  'xreport.link.outside-workspace': {
    en: '`{key}` names `{path}`, which lies outside the workspace ({detail}): esgmark reads no file outside it.',
    'zh-Hant': '`{key}` 所列的 `{path}` 位於工作區之外（{detail}）：esgmark 不讀取工作區以外的檔案。',
    'zh-Hans': '`{key}` 所列的 `{path}` 位于工作区之外（{detail}）：esgmark 不读取工作区以外的文件。',
  },
  'xreport.link.too-large': {
    en: '`{key}` names `{path}`, which is larger than the {limit} a file may have ({detail}): it was not read.',
    'zh-Hant': '`{key}` 所列的 `{path}` 超過單一檔案 {limit} 的上限（{detail}）：未予讀取。',
    'zh-Hans': '`{key}` 所列的 `{path}` 超过单个文件 {limit} 的上限（{detail}）：未予读取。',
  },
  'xreport.link.unreadable': {
    en: '`{key}` names `{path}`, which cannot be read ({detail}).',
    'zh-Hant': '無法讀取 `{key}` 所列的 `{path}`（{detail}）。',
    'zh-Hans': '无法读取 `{key}` 所列的 `{path}`（{detail}）。',
  },
  'xreport.link.not-a-path': {
    en: '`{key}` entry `{path}` is not a file path (a URL or an empty name): write a path relative to this report.',
    'zh-Hant': '`{key}` 的項目 `{path}` 不是檔案路徑（網址或空白名稱）：請寫相對於本報告的路徑。',
    'zh-Hans': '`{key}` 的项目 `{path}` 不是文件路径（网址或空白名称）：请写相对于本报告的路径。',
  },
  'xreport.link.self': {
    en: '`{key}` names this report itself (`{path}`): a report is not its own translation or previous year.',
    'zh-Hant': '`{key}` 列出了本報告自身（`{path}`）：報告不能是自己的譯本或上年度報告。',
    'zh-Hans': '`{key}` 列出了本报告自身（`{path}`）：报告不能是自己的译本或上年度报告。',
  },
  'xreport.link.duplicate': {
    en: '`{key}` lists `{path}` {count} times (first on line {line}): it is compared once.',
    'zh-Hant': '`{key}` 列出 `{path}` 共 {count} 次（首次見於第 {line} 行）：只比較一次。',
    'zh-Hans': '`{key}` 列出 `{path}` 共 {count} 次（首次见于第 {line} 行）：只比较一次。',
  },
  'xreport.link.both': {
    en: "`{path}` is named both as a translation and as last year's report (line {line}): a report is one or the other; this entry is not followed.",
    'zh-Hant': '`{path}` 同時被列為譯本及上年度報告（第 {line} 行）：兩者只能其一；此項目未有跟隨。',
    'zh-Hans': '`{path}` 同时被列为译本及上年度报告（第 {line} 行）：两者只能其一；此项目未有跟随。',
  },
  'xreport.link.cycle': {
    en: '`{key}` names `{path}`, whose own `esg.previous` is this report: the links are circular, so it is not compared.',
    'zh-Hant': '`{key}` 所列的 `{path}` 本身的 `esg.previous` 正是本報告：連結形成循環，因此不作比較。',
    'zh-Hans': '`{key}` 所列的 `{path}` 本身的 `esg.previous` 正是本报告：链接形成循环，因此不作比较。',
  },
  'xreport.link.too-many': {
    en: '`{key}` lists more than {limit} translations: `{path}` and the entries after it are not compared.',
    'zh-Hant': '`{key}` 列出超過 {limit} 個譯本：`{path}` 及其後的項目不作比較。',
    'zh-Hans': '`{key}` 列出超过 {limit} 个译本：`{path}` 及其后的项目不作比较。',
  },
  'xreport.link.period': {
    en: '`{path}` covers the financial year {otherStart} to {otherEnd}, this report {start} to {end}: language versions of one report cover the same year, so its figures are not compared.',
    'zh-Hant':
      '`{path}` 涵蓋 {otherStart} 至 {otherEnd} 的財政年度，本報告則為 {start} 至 {end}：同一報告的各語言版本應涵蓋同一年度，因此不比較其數字。',
    'zh-Hans':
      '`{path}` 涵盖 {otherStart} 至 {otherEnd} 的财政年度，本报告则为 {start} 至 {end}：同一报告的各语言版本应涵盖同一年度，因此不比较其数字。',
  },
  'xreport.link.not-earlier': {
    en: "`{path}` covers the financial year ending {otherEnd}, which is not before this report's (ending {end}): `esg.previous` names last year's report, so its figures are not compared.",
    'zh-Hant':
      '`{path}` 涵蓋截至 {otherEnd} 的財政年度，並不早於本報告（截至 {end}）：`esg.previous` 應為上年度報告，因此不比較其數字。',
    'zh-Hans':
      '`{path}` 涵盖截至 {otherEnd} 的财政年度，并不早于本报告（截至 {end}）：`esg.previous` 应为上年度报告，因此不比较其数字。',
  },
  'xreport.link.not-a-report': {
    en: '`{key}` names `{path}`, which has no `esg:` front matter: it is not an ESG report, so it is not compared.',
    'zh-Hant': '`{key}` 所列的 `{path}` 沒有 `esg:` 前置資料：它不是 ESG 報告，因此不作比較。',
    'zh-Hans': '`{key}` 所列的 `{path}` 没有 `esg:` 前置资料：它不是 ESG 报告，因此不作比较。',
  },
  // Language names for the messages below.
  'xreport.lang.en': { en: 'English', 'zh-Hant': '英文', 'zh-Hans': '英文' },
  'xreport.lang.zh-Hant': { en: 'Traditional Chinese', 'zh-Hant': '繁體中文', 'zh-Hans': '繁体中文' },
  'xreport.lang.zh-Hans': { en: 'Simplified Chinese', 'zh-Hant': '簡體中文', 'zh-Hans': '简体中文' },
  // xreport/translation-mismatch
  'xreport.valueDiffers': {
    en: '{label} ({period}): {value} here, but {other} in the {lang} version `{path}` (line {line}); the two figures cannot be the same value, even allowing for rounding and unit conversion.',
    'zh-Hant':
      '{label}（{period}）：本版本為 {value}，但{lang}版本 `{path}`（第 {line} 行）為 {other}；即使容許四捨五入及單位換算，兩者亦不可能是同一數值。',
    'zh-Hans':
      '{label}（{period}）：本版本为 {value}，但{lang}版本 `{path}`（第 {line} 行）为 {other}；即使容许四舍五入及单位换算，两者亦不可能是同一数值。',
  },
  'xreport.unitDiffers': {
    en: '{label} ({period}): {value} here and {other} in the {lang} version `{path}` (line {line}) are in units of different kinds ({unit} and {otherUnit}).',
    'zh-Hant':
      '{label}（{period}）：本版本的 {value} 與{lang}版本 `{path}`（第 {line} 行）的 {other} 單位種類不同（{unit} 與 {otherUnit}）。',
    'zh-Hans':
      '{label}（{period}）：本版本的 {value} 与{lang}版本 `{path}`（第 {line} 行）的 {other} 单位种类不同（{unit} 与 {otherUnit}）。',
  },
  'xreport.kpiOnlyHere': {
    en: '{label} is reported here ({periods}) but not in the {lang} version `{path}`: a row may be missing there, or not recognised as the same KPI.',
    'zh-Hant':
      '{label} 在本版本有列示（{periods}），但{lang}版本 `{path}` 沒有：該版本可能缺少此行，或未被識別為同一指標。',
    'zh-Hans':
      '{label} 在本版本有列示（{periods}），但{lang}版本 `{path}` 没有：该版本可能缺少此行，或未被识别为同一指标。',
  },
  'xreport.periodOnlyHere': {
    en: '{label} ({period}): {value} here, but the {lang} version `{path}` gives no figure for {period} (line {line}).',
    'zh-Hant': '{label}（{period}）：本版本為 {value}，但{lang}版本 `{path}`（第 {line} 行）沒有 {period} 的數字。',
    'zh-Hans': '{label}（{period}）：本版本为 {value}，但{lang}版本 `{path}`（第 {line} 行）没有 {period} 的数字。',
  },
  'xreport.tagOnlyHere': {
    en: 'Requirement {id} is tagged here but on no heading of the {lang} version `{path}`.',
    'zh-Hant': '條文 {id} 在本版本有標註，但{lang}版本 `{path}` 的標題均未標註。',
    'zh-Hans': '条文 {id} 在本版本有标注，但{lang}版本 `{path}` 的标题均未标注。',
  },
  'xreport.explanationOnlyHere': {
    en: 'Requirement {id} is explained here but not in the {lang} version `{path}`.',
    'zh-Hant': '條文 {id} 在本版本有解釋，但{lang}版本 `{path}` 沒有。',
    'zh-Hans': '条文 {id} 在本版本有解释，但{lang}版本 `{path}` 没有。',
  },
  'xreport.indexRowOnlyHere': {
    en: 'Requirement {id} has a row in this index but not in the index of the {lang} version `{path}`.',
    'zh-Hant': '條文 {id} 在本版本的索引中有一行，但{lang}版本 `{path}` 的索引沒有。',
    'zh-Hans': '条文 {id} 在本版本的索引中有一行，但{lang}版本 `{path}` 的索引没有。',
  },
  'xreport.relatedTranslation': {
    en: '{lang} version: {label} {value}',
    'zh-Hant': '{lang}版本：{label} {value}',
    'zh-Hans': '{lang}版本：{label} {value}',
  },
  // xreport/restated
  'xreport.restatedUnmarked': {
    en: '{label} ({period}): {value} differs from the {other} published in last year\'s report `{path}` (line {line}), beyond rounding, and the row is not marked as restated. If it is a restatement, say so and why: `[{label}]{restated="reason"}`; otherwise correct the figure.',
    'zh-Hant':
      '{label}（{period}）：{value} 與上年度報告 `{path}`（第 {line} 行）所載的 {other} 不符（超出四捨五入範圍），而此行未標明重列。如屬重列，請註明並說明原因：`[{label}]{restated="原因"}`；否則請更正數字。',
    'zh-Hans':
      '{label}（{period}）：{value} 与上年度报告 `{path}`（第 {line} 行）所载的 {other} 不符（超出四舍五入范围），而此行未标明重列。如属重列，请注明并说明原因：`[{label}]{restated="原因"}`；否则请更正数字。',
  },
  'xreport.restatedEqual': {
    en: "{label} is marked as restated, but its {periods} figures equal those of last year's report `{path}` (line {line}), within rounding: nothing was restated; remove the marker, or correct the figure.",
    'zh-Hant':
      '{label} 標明為重列，但其 {periods} 的數字與上年度報告 `{path}`（第 {line} 行）相同（容許四捨五入）：並無重列；請刪除標記或更正數字。',
    'zh-Hans':
      '{label} 标明为重列，但其 {periods} 的数字与上年度报告 `{path}`（第 {line} 行）相同（容许四舍五入）：并无重列；请删除标记或更正数字。',
  },
  'xreport.restatedNoReason': {
    en: '{label} is marked as restated without a reason: write it, `restated="…"` (a methodology change, an emission factor update, a boundary change, an error corrected).',
    'zh-Hant':
      '{label} 標明為重列但未說明原因：請寫明 `restated="…"`（計算方法變更、排放因子更新、匯報範圍變更、更正錯誤等）。',
    'zh-Hans':
      '{label} 标明为重列但未说明原因：请写明 `restated="…"`（计算方法变更、排放因子更新、汇报范围变更、更正错误等）。',
  },
  'xreport.relatedPrevious': {
    en: "Last year's report: {label} {value}",
    'zh-Hant': '上年度報告：{label} {value}',
    'zh-Hans': '上年度报告：{label} {value}',
  },
  // Hover
  'xreport.hoverTranslation': {
    en: '{lang} version: {value} ({verdict})',
    'zh-Hant': '{lang}版本：{value}（{verdict}）',
    'zh-Hans': '{lang}版本：{value}（{verdict}）',
  },
  'xreport.hoverPrevious': {
    en: "Last year's report: {value} ({verdict})",
    'zh-Hant': '上年度報告：{value}（{verdict}）',
    'zh-Hans': '上年度报告：{value}（{verdict}）',
  },
  'xreport.verdict.same': { en: 'agrees', 'zh-Hant': '一致', 'zh-Hans': '一致' },
  'xreport.verdict.different': { en: 'differs', 'zh-Hant': '不符', 'zh-Hans': '不符' },
  'xreport.verdict.units': { en: 'unit of another kind', 'zh-Hant': '單位種類不同', 'zh-Hans': '单位种类不同' },
  'xreport.verdict.not-comparable': { en: 'not comparable', 'zh-Hant': '無法比較', 'zh-Hans': '无法比较' },
  'xreport.verdict.only-first': { en: 'only in the first', 'zh-Hant': '只見於第一份', 'zh-Hans': '只见于第一份' },
  'xreport.verdict.only-second': { en: 'only in the second', 'zh-Hant': '只見於第二份', 'zh-Hans': '只见于第二份' },
  'xreport.compareHeading': {
    en: 'Comparing {first} with {second}: {count} KPI figures, {differ} differ, {same} agree, {only} in one report only.',
    'zh-Hant':
      '比較 {first} 與 {second}：共 {count} 項指標數字，{differ} 項不符，{same} 項一致，{only} 項只見於其中一份報告。',
    'zh-Hans':
      '比较 {first} 与 {second}：共 {count} 项指标数字，{differ} 项不符，{same} 项一致，{only} 项只见于其中一份报告。',
  },
  'xreport.verdict.restated': { en: 'restated', 'zh-Hant': '已重列', 'zh-Hans': '已重列' },
  // Quick fixes
  'xreport.fixCopy': {
    en: 'Use {value} from `{path}`',
    'zh-Hant': '改用 `{path}` 的 {value}',
    'zh-Hans': '改用 `{path}` 的 {value}',
  },
  'xreport.fixMarkRestated': {
    en: 'Mark the row as restated',
    'zh-Hant': '將此行標明為重列',
    'zh-Hans': '将此行标明为重列',
  },
  'xreport.reasonPlaceholder': { en: 'reason', 'zh-Hant': '原因', 'zh-Hans': '原因' },
} as const satisfies Record<string, Localized>;
