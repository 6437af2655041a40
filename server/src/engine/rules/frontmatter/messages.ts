// The messages of frontmatter/schema: problems of the `esg:` front matter, at their key. A module
// without imports of code, so that the message table (messages.ts) can include it without a cycle.
import type { Localized } from '../../types';

export const FRONTMATTER_MESSAGES = {
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
    'zh-Hant':
      '`{key}` 的值無效：`{value}` 不是 {min} 至 {max} 年之間的年份。請寫成例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`。',
    'zh-Hans':
      '`{key}` 的值无效：`{value}` 不是 {min} 至 {max} 年之间的年份。请写成例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`。',
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
  'fm.unknownFrameworkNear': {
    en: 'Unknown framework `{value}` in `{key}`. Did you mean `{near}`?',
    'zh-Hant': '`{key}` 中的框架 `{value}` 未知。是否指 `{near}`？',
    'zh-Hans': '`{key}` 中的框架 `{value}` 未知。是否指 `{near}`？',
  },
  'fm.unknownFramework': {
    en: 'Unknown framework `{value}` in `{key}`. Known frameworks: {known}.',
    'zh-Hant': '`{key}` 中的框架 `{value}` 未知。可用的框架：{known}。',
    'zh-Hans': '`{key}` 中的框架 `{value}` 未知。可用的框架：{known}。',
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
    'zh-Hant':
      '`{key}` 的格式無效：請參閱 docs/dialect.md（例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`）。',
    'zh-Hans':
      '`{key}` 的格式无效：请参阅 docs/dialect.md（例如 `period: 2025` 或 `period: {from: 2025-01-01, to: 2025-12-31}`）。',
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
} as const satisfies Record<string, Localized>;
