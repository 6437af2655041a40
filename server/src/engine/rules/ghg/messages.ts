// The messages of the ghg/ rules on emission factors: ghg/factor-mismatch, ghg/unknown-factor,
// ghg/factor-year. A module without imports of code (see messages.ts).
import type { Localized } from '../../types';

export const GHG_MESSAGES = {
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
    'zh-Hant':
      '`{key}` 指明目錄因子 `{id}`（{name}：{expected} {unit}），但所填數值為 {quoted}，即{otherName}（`{otherId}`）。',
    'zh-Hans':
      '`{key}` 指明目录因子 `{id}`（{name}：{expected} {unit}），但所填数值为 {quoted}，即{otherName}（`{otherId}`）。',
  },
  'ghg.factorMismatch.unit': {
    en: '`{key}` names the catalog factor `{id}`, which is in {unit}, but gives {quoted}: the units do not measure the same thing.',
    'zh-Hant': '`{key}` 指明目錄因子 `{id}`（單位為 {unit}），但所填數值為 {quoted}：兩者單位的量綱不同。',
    'zh-Hans': '`{key}` 指明目录因子 `{id}`（单位为 {unit}），但所填数值为 {quoted}：两者单位的量纲不同。',
  },
  'ghg.unknownFactor': {
    en: 'Unknown emission factor `{id}`: it is not in the factor catalog (ids such as `cn-grid-2023`, `ipcc2006-diesel-co2`; see docs/catalogs.md), and a custom value needs a unit (`0.5306 kgCO2/kWh`).',
    'zh-Hant':
      '未知的排放因子 `{id}`：因子目錄中沒有此代號（例如 `cn-grid-2023`、`ipcc2006-diesel-co2`，見 docs/catalogs.md）；自訂數值須附單位（`0.5306 kgCO2/kWh`）。',
    'zh-Hans':
      '未知的排放因子 `{id}`：因子目录中没有此代号（例如 `cn-grid-2023`、`ipcc2006-diesel-co2`，见 docs/catalogs.md）；自定数值须附单位（`0.5306 kgCO2/kWh`）。',
  },
  'ghg.unknownFactor.suggest': {
    en: 'Unknown emission factor `{id}`. Did you mean `{suggestion}` ({name})?',
    'zh-Hant': '未知的排放因子 `{id}`。是否指 `{suggestion}`（{name}）？',
    'zh-Hans': '未知的排放因子 `{id}`。是否指 `{suggestion}`（{name}）？',
  },
  'ghg.scope3.partialList': {
    en: 'The {count} categories are listed in a table of their own and are not all 15: the difference may be in categories the report does not list. Check that the total and the list cover the same categories.',
    'zh-Hant':
      '這 {count} 個類別另表列出，且未涵蓋全部 15 個類別：差額或來自報告未列出的類別。請核對總量與所列類別的範圍是否一致。',
    'zh-Hans':
      '这 {count} 个类别另表列出，且未涵盖全部 15 个类别：差额或来自报告未列出的类别。请核对总量与所列类别的范围是否一致。',
  },
  'ghg.factorYear': {
    en: '{subject} is for {factorYear}, {gap} years from the reporting period {period}. {advice}',
    'zh-Hant': '{subject}為 {factorYear} 年的因子，與報告期 {period} 年相距 {gap} 年。{advice}',
    'zh-Hans': '{subject}为 {factorYear} 年的因子，与报告期 {period} 年相距 {gap} 年。{advice}',
  },
  'ghg.factorYear.subjectId': {
    en: 'The {name} (`{id}`)',
    'zh-Hant': '{name}（`{id}`）',
    'zh-Hans': '{name}（`{id}`）',
  },
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
} as const satisfies Record<string, Localized>;
