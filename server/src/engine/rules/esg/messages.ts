// The messages of the esg/ rules: esg/syntax, esg/chapters, esg/encoding, esg/suppression, and the
// limits (esg/too-large, esg/budget, a rule's capped list). A module without imports of code, so that the
// message table (messages.ts) can include it without an import cycle through i18n.
import type { ChapterProblemKind } from '../../chapters';
import type { Localized } from '../../types';

export const CHAPTER_MESSAGES = {
  'chapters.not-found': {
    en: 'Chapter `{path}` does not exist: it is not part of the report, so nothing in it is checked.',
    'zh-Hant': '章節 `{path}` 不存在：它不在報告之內，其中內容均未檢查。',
    'zh-Hans': '章节 `{path}` 不存在：它不在报告之内，其中内容均未检查。',
  },
  'chapters.not-a-file': {
    en: 'Chapter `{path}` is not a regular file ({detail}): it was not read.',
    'zh-Hant': '章節 `{path}` 不是一般檔案（{detail}）：未予讀取。',
    'zh-Hans': '章节 `{path}` 不是普通文件（{detail}）：未予读取。',
  },
  'chapters.outside-workspace': {
    en: 'Chapter `{path}` lies outside the workspace ({detail}): esgmark reads no file outside it.',
    'zh-Hant': '章節 `{path}` 位於工作區之外（{detail}）：esgmark 不讀取工作區以外的檔案。',
    'zh-Hans': '章节 `{path}` 位于工作区之外（{detail}）：esgmark 不读取工作区以外的文件。',
  },
  'chapters.too-large': {
    en: 'Chapter `{path}` is larger than the {limit} a file may have ({detail}): it was not read.',
    'zh-Hant': '章節 `{path}` 超過單一檔案 {limit} 的上限（{detail}）：未予讀取。',
    'zh-Hans': '章节 `{path}` 超过单个文件 {limit} 的上限（{detail}）：未予读取。',
  },
  'chapters.unreadable': {
    en: 'Chapter `{path}` cannot be read ({detail}).',
    'zh-Hant': '無法讀取章節 `{path}`（{detail}）。',
    'zh-Hans': '无法读取章节 `{path}`（{detail}）。',
  },
  'chapters.not-a-path': {
    en: 'Chapter `{path}` is not a file path: write a path relative to this file, such as `chapters/environment.esg.md`.',
    'zh-Hant': '章節 `{path}` 不是檔案路徑：請寫成相對於本檔案的路徑，例如 `chapters/environment.esg.md`。',
    'zh-Hans': '章节 `{path}` 不是文件路径：请写成相对于本文件的路径，例如 `chapters/environment.esg.md`。',
  },
  'chapters.self': {
    en: 'Chapter `{path}` is this file itself: a report cannot be its own chapter.',
    'zh-Hant': '章節 `{path}` 即本檔案：報告不能以自身為章節。',
    'zh-Hans': '章节 `{path}` 即本文件：报告不能以自身为章节。',
  },
  'chapters.duplicate': {
    en: 'Chapter `{path}` is listed {count} times (first on line {line}); it is included once.',
    'zh-Hant': '章節 `{path}` 列出了 {count} 次（首次在第 {line} 行）；只納入一次。',
    'zh-Hans': '章节 `{path}` 列出了 {count} 次（首次在第 {line} 行）；只纳入一次。',
  },
  'chapters.cycle': {
    en: 'Chapter `{path}` lists this report among its own chapters: the chapters form a cycle. It is not included; remove `chapters:` from one of the two.',
    'zh-Hant': '章節 `{path}` 在其自身的章節中列出了本報告：章節構成循環。該章節未納入；請刪除其中一方的 `chapters:`。',
    'zh-Hans': '章节 `{path}` 在其自身的章节中列出了本报告：章节构成循环。该章节未纳入；请删除其中一方的 `chapters:`。',
  },
  'chapters.nested-root': {
    en: 'Chapter `{path}` lists {count} chapters of its own: it is another report, not a chapter, and is not included here.',
    'zh-Hant': '章節 `{path}` 自行列出了 {count} 個章節：它是另一份報告而非章節，未納入本報告。',
    'zh-Hans': '章节 `{path}` 自行列出了 {count} 个章节：它是另一份报告而非章节，未纳入本报告。',
  },
  'chapters.too-many': {
    en: 'The report lists {count} chapters; at most {limit} are read. This entry and the ones after it are not included.',
    'zh-Hant': '報告列出了 {count} 個章節；最多讀取 {limit} 個。此項及其後各項均未納入。',
    'zh-Hans': '报告列出了 {count} 个章节；最多读取 {limit} 个。此项及其后各项均未纳入。',
  },
  'chapters.report-too-large': {
    en: 'With chapter `{path}` the report would exceed {limit} characters: this chapter and the ones after it are not included.',
    'zh-Hant': '加入章節 `{path}` 後報告將超過 {limit} 個字元：此章節及其後各章節均未納入。',
    'zh-Hans': '加入章节 `{path}` 后报告将超过 {limit} 个字符：此章节及其后各章节均未纳入。',
  },
} as const satisfies Record<`chapters.${ChapterProblemKind}`, Localized>;

export const ENCODING_MESSAGES = {
  'encoding.bom': {
    en: 'This file is saved as {encoding}; esgmark decoded it, but Pandoc reads UTF-8 only: save it as UTF-8.',
    'zh-Hant': '此檔案以 {encoding} 儲存；esgmark 已將其解碼，但 Pandoc 只讀取 UTF-8：請另存為 UTF-8。',
    'zh-Hans': '此文件以 {encoding} 保存；esgmark 已将其解码，但 Pandoc 只读取 UTF-8：请另存为 UTF-8。',
  },
  'encoding.invalid': {
    en: 'This file is not valid {encoding}: the bytes here were replaced by U+FFFD (and any later invalid ones too). Save the file as UTF-8.',
    'zh-Hant':
      '此檔案不是有效的 {encoding}：此處的位元組已以 U+FFFD 取代（其後的無效位元組亦然）。請將檔案另存為 UTF-8。',
    'zh-Hans': '此文件不是有效的 {encoding}：此处的字节已以 U+FFFD 替换（其后的无效字节亦然）。请将文件另存为 UTF-8。',
  },
} as const satisfies Record<string, Localized>;

export const SUPPRESSION_MESSAGES = {
  'suppress.noReason': {
    en: 'This suppression gives no reason: write why the finding is right to silence after `--`, e.g. `<!-- esgmark-disable-next-line kpi/sum-mismatch -- restated in the annual report -->`.',
    'zh-Hant':
      '此抑制註解未說明理由：請在 `--` 之後寫明為何可以抑制，例如 `<!-- esgmark-disable-next-line kpi/sum-mismatch -- 已於年報重列 -->`。',
    'zh-Hans':
      '此抑制注释未说明理由：请在 `--` 之后写明为何可以抑制，例如 `<!-- esgmark-disable-next-line kpi/sum-mismatch -- 已于年报重列 -->`。',
  },
  'suppress.unused': {
    en: 'This suppression of {rules} silences nothing: remove it, or move it above the line it is meant for.',
    'zh-Hant': '此對 {rules} 的抑制未抑制任何發現：請刪除，或移至其所針對的行之上。',
    'zh-Hans': '此对 {rules} 的抑制未抑制任何发现：请删除，或移至其所针对的行之上。',
  },
  'suppress.unknownRule': {
    en: '{rules}: not an esgmark rule (`esgmark rules` lists them).',
    'zh-Hant': '{rules}：不是 esgmark 的規則（`esgmark rules` 列出所有規則）。',
    'zh-Hans': '{rules}：不是 esgmark 的规则（`esgmark rules` 列出所有规则）。',
  },
} as const satisfies Record<string, Localized>;

/** Problems of the dialect's own constructs, found by the parser (esg/syntax). */
export const SYNTAX_MESSAGES = {
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
} as const satisfies Record<string, Localized>;

/** A report too large to analyse (esg/too-large), an analysis stopped at its time budget (esg/budget). */
export const LIMIT_MESSAGES = {
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
    'zh-Hant':
      '分析於 {ms} 毫秒後停止（上限 {budget} 毫秒）：{count} 條規則未有執行（{rules}）；報告過大或過於複雜，這些規則的結果從缺。',
    'zh-Hans':
      '分析于 {ms} 毫秒后停止（上限 {budget} 毫秒）：{count} 条规则未有执行（{rules}）；报告过大或过于复杂，这些规则的结果从缺。',
  },
} as const satisfies Record<string, Localized>;
