// The messages of the esg/config rule (the project file `.esgmark.yaml`), and the longer rule
// description of the SARIF log. A module without imports, so that the message table (messages.ts)
// can include it without an import cycle through i18n.
import type { Localized } from '../../types';

export const CONFIG_MESSAGES = {
  'config.yaml': {
    en: '{file}: the YAML cannot be read: {detail}. Nothing in this file is applied until it can.',
    'zh-Hant': '{file}：無法讀取 YAML：{detail}。修正之前，此檔案的設定一概不套用。',
    'zh-Hans': '{file}：无法读取 YAML：{detail}。修正之前，此文件的设置一概不套用。',
  },
  'config.notMap': {
    en: '{file} must be a YAML map of settings (issuer, rules, units, kpis, frameworks); nothing in it is applied.',
    'zh-Hant': '{file} 必須是 YAML 對應表（issuer、rules、units、kpis、frameworks）；其中設定一概不套用。',
    'zh-Hans': '{file} 必须是 YAML 映射（issuer、rules、units、kpis、frameworks）；其中设置一概不套用。',
  },
  'config.unknownKey': {
    en: 'Unknown key `{key}` in {file} (known: {known}); it is ignored.',
    'zh-Hant': '{file} 中有未知的鍵 `{key}`（可用：{known}）；已略過。',
    'zh-Hans': '{file} 中有未知的键 `{key}`（可用：{known}）；已略过。',
  },
  'config.invalidEnum': {
    en: '`{key}` in {file} is `{value}`; expected one of: {values}. The key is ignored.',
    'zh-Hant': '{file} 中的 `{key}` 為 `{value}`；應為以下其中之一：{values}。此鍵已略過。',
    'zh-Hans': '{file} 中的 `{key}` 为 `{value}`；应为以下其中之一：{values}。此键已略过。',
  },
  'config.invalidType': {
    en: '`{key}` in {file} must be {expected}; it is ignored.',
    'zh-Hant': '{file} 中的 `{key}` 必須是 {expected}；已略過。',
    'zh-Hans': '{file} 中的 `{key}` 必须是 {expected}；已略过。',
  },
  'config.yearEnd': {
    en: '`issuer.year-end` in {file} is `{value}`; write the last day of the financial year as MM-DD in quotes ("03-31").',
    'zh-Hant': '{file} 中的 `issuer.year-end` 為 `{value}`；請以加引號的 MM-DD 寫出財政年度最後一日（"03-31"）。',
    'zh-Hans': '{file} 中的 `issuer.year-end` 为 `{value}`；请以加引号的 MM-DD 写出财政年度最后一日（"03-31"）。',
  },
  'config.largecapGem': {
    en: '`issuer.largecap: true` with `board: gem` in {file}: a LargeCap issuer is a Main Board issuer (Hang Seng Composite LargeCap Index). The profile is taken as GEM.',
    'zh-Hant':
      '{file} 中 `issuer.largecap: true` 與 `board: gem` 並存：大型股發行人屬主板發行人（恒生綜合大型股指數）。發行人類別按 GEM 處理。',
    'zh-Hans':
      '{file} 中 `issuer.largecap: true` 与 `board: gem` 并存：大型股发行人属主板发行人（恒生综合大型股指数）。发行人类别按 GEM 处理。',
  },
  'config.unknownRule': {
    en: '`{rule}` in {file} is not an esgmark rule (`esgmark rules` lists them); the setting is ignored.',
    'zh-Hant': '{file} 中的 `{rule}` 不是 esgmark 規則（`esgmark rules` 可列出全部規則）；此設定已略過。',
    'zh-Hans': '{file} 中的 `{rule}` 不是 esgmark 规则（`esgmark rules` 可列出全部规则）；此设置已略过。',
  },
  'config.unknownUnit': {
    en: 'Unit `{unit}` in {file} is written as `{target}`, which esgmark does not know: map a spelling to a unit it knows (tCO2e, kWh, m3, 萬元 …). The entry is ignored.',
    'zh-Hant':
      '{file} 中的單位 `{unit}` 對應 `{target}`，但 esgmark 不認識 `{target}`：請對應到已知單位（tCO2e、kWh、m3、萬元……）。此項已略過。',
    'zh-Hans':
      '{file} 中的单位 `{unit}` 对应 `{target}`，但 esgmark 不认识 `{target}`：请对应到已知单位（tCO2e、kWh、m3、万元……）。此项已略过。',
  },
  'config.knownUnit': {
    en: 'Unit `{unit}` in {file} is one esgmark already knows (as {known}); the entry is ignored, so a catalog unit is never redefined.',
    'zh-Hant': '{file} 中的單位 `{unit}` 已是 esgmark 認識的單位（{known}）；此項已略過，目錄中的單位不會被重新定義。',
    'zh-Hans': '{file} 中的单位 `{unit}` 已是 esgmark 认识的单位（{known}）；此项已略过，目录中的单位不会被重新定义。',
  },
  'config.unknownKpi': {
    en: '`{kpi}` in {file} is not a KPI id of the catalog (ids such as water.total, ghg.scope1; `esgmark kpis --format json` shows the ids of a report); its synonyms are ignored.',
    'zh-Hant':
      '{file} 中的 `{kpi}` 不是目錄中的關鍵績效指標代號（例如 water.total、ghg.scope1；`esgmark kpis --format json` 可列出報告所用代號）；其同義詞已略過。',
    'zh-Hans':
      '{file} 中的 `{kpi}` 不是目录中的关键绩效指标代号（例如 water.total、ghg.scope1；`esgmark kpis --format json` 可列出报告所用代号）；其同义词已略过。',
  },
  'config.duplicateSynonym': {
    en: 'Synonym `{label}` in {file} is given to both {first} and {second}; a label names one KPI, so it is kept for {first} only.',
    'zh-Hant':
      '{file} 中的同義詞 `{label}` 同時指定給 {first} 及 {second}；一個標籤只能對應一項指標，因此只保留 {first}。',
    'zh-Hans':
      '{file} 中的同义词 `{label}` 同时指定给 {first} 及 {second}；一个标签只能对应一项指标，因此只保留 {first}。',
  },
  'config.unknownFramework': {
    en: 'Framework `{value}` in {file} is not one esgmark checks (known: {values}); it is ignored.',
    'zh-Hant': '{file} 中的框架 `{value}` 不是 esgmark 可檢查的框架（可用：{values}）；已略過。',
    'zh-Hans': '{file} 中的框架 `{value}` 不是 esgmark 可检查的框架（可用：{values}）；已略过。',
  },
  'rule.details': {
    en: '{description} Default severity: {severity}.{fix} Documentation: {url}',
    'zh-Hant': '{description}預設嚴重程度：{severity}。{fix}說明文件：{url}',
    'zh-Hans': '{description}默认严重程度：{severity}。{fix}说明文档：{url}',
  },
  'rule.safeFix': {
    en: ' Its safe fixes are applied by `esgmark check --fix` and by fix-all in the editor.',
    'zh-Hant': '其安全修正可由 `esgmark check --fix` 及編輯器的「全部修正」套用。',
    'zh-Hans': '其安全修正可由 `esgmark check --fix` 及编辑器的“全部修正”套用。',
  },
  'config.unreadable': {
    en: '{file} could not be read ({detail}); esgmark checks the report without it.',
    'zh-Hant': '無法讀取 {file}（{detail}）；esgmark 在沒有此檔案的情況下檢查報告。',
    'zh-Hans': '无法读取 {file}（{detail}）；esgmark 在没有此文件的情况下检查报告。',
  },
} as const satisfies Record<string, Localized>;
