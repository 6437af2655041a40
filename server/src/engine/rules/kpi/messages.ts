// The messages of the kpi/ rules and of the numbers engine they share: unreadable cells, the relations
// between figures (sums, rates, averages, units, one figure stated twice), failed checks, and the formula
// language of `formula="..."` and `check="..."`. A module without imports of code (see messages.ts).
import type { Localized } from '../../types';

/** KPI table cells and the relations between figures. */
export const KPI_MESSAGES = {
  'kpi.unknownUnit': {
    en: 'Unknown unit `{unit}` for "{label}" (not recognised: `{part}`).',
    'zh-Hant': '「{label}」的單位 `{unit}` 無法識別（無法識別的部分：`{part}`）。',
    'zh-Hans': '“{label}”的单位 `{unit}` 无法识别（无法识别的部分：`{part}`）。',
  },
  'kpi.tableShape.noPeriod': {
    en: 'This table holds figures but was not read as a KPI table because none of its columns ({columns}) names a financial year, so nothing in it is checked. Put the year in the column headers (`2024`, `FY2023/24`, `2024年 香港`), or, for columns of segments or sites, in the first header cell (`2024年 | 單位 | 香港 | 合計`).',
    'zh-Hant':
      '此表格載有數字，但未讀作關鍵績效指標表，因為各欄（{columns}）均未標明財政年度，表內數字因此未經核對。請在欄標題寫上年度（`2024`、`FY2023/24`、`2024年 香港`）；如各欄為分部或地點，請把年度寫在第一個標題格（`2024年 | 單位 | 香港 | 合計`）。',
    'zh-Hans':
      '此表格载有数字，但未读作关键绩效指标表，因为各栏（{columns}）均未标明财政年度，表内数字因此未经核对。请在栏标题写上年度（`2024`、`FY2023/24`、`2024年 香港`）；如各栏为分部或地点，请把年度写在第一个标题格（`2024年 | 单位 | 香港 | 合计`）。',
  },
  'kpi.tableShape.yearInLabels': {
    en: 'This table holds figures but was not read as a KPI table because its years are in the row labels, not in the column headers ({columns}), so nothing in it is checked. Give each year a column (`| 指標 | 單位 | 2024 | 2025 |`) and one row per indicator.',
    'zh-Hant':
      '此表格載有數字，但未讀作關鍵績效指標表，因為年度寫在各行的標籤中，而非欄標題（{columns}），表內數字因此未經核對。請每個年度一欄（`| 指標 | 單位 | 2024 | 2025 |`），每項指標一行。',
    'zh-Hans':
      '此表格载有数字，但未读作关键绩效指标表，因为年度写在各行的标签中，而非栏标题（{columns}），表内数字因此未经核对。请每个年度一栏（`| 指标 | 单位 | 2024 | 2025 |`），每项指标一行。',
  },
  'kpi.tableShape.noLabel': {
    en: 'This table holds figures but was not read as a KPI table because it has no label column before its unit and year columns ({columns}), so nothing in it is checked. Put the row labels in the first column.',
    'zh-Hant':
      '此表格載有數字，但未讀作關鍵績效指標表，因為單位及年度欄（{columns}）之前沒有標籤欄，表內數字因此未經核對。請把各行的標籤放在第一欄。',
    'zh-Hans':
      '此表格载有数字，但未读作关键绩效指标表，因为单位及年度栏（{columns}）之前没有标签栏，表内数字因此未经核对。请把各行的标签放在第一栏。',
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
    'zh-Hant':
      '「{label}」（{period}）：`{value}` 不是數字。請填寫數字（如 1,124,032 或 0.2766），無數值時填寫 -、N/A 或「不適用」。',
    'zh-Hans':
      '“{label}”（{period}）：`{value}` 不是数字。请填写数字（如 1,124,032 或 0.2766），无数值时填写 -、N/A 或“不适用”。',
  },
  'kpi.sumPartial': {
    en: 'Partial breakdown {breakdown} of "{total}" ({period}): {count} members given ({members}), summing to {sum} of {reported} {unit}. The total is not checked against them.',
    'zh-Hant':
      '「{total}」{breakdown}的分項不完整（{period}）：只列出 {count} 項（{members}），合計 {sum}，總數為 {reported} {unit}。不以此核對總數。',
    'zh-Hans':
      '“{total}”{breakdown}的分项不完整（{period}）：只列出 {count} 项（{members}），合计 {sum}，总数为 {reported} {unit}。不以此核对总数。',
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
    'zh-Hant':
      '「{label}」（{period}）為 {reported}%，低於任何人數基準下可能的最低比率：{formula} 計算為 {computed}%（{inputs}）。無論分母採用年末人數、平均人數或年內曾在職人數，均不會超過年末人數加流失人數。以年末人數計算，比率為 {yearEnd}%。',
    'zh-Hans':
      '“{label}”（{period}）为 {reported}%，低于任何人数基准下可能的最低比率：{formula} 计算为 {computed}%（{inputs}）。无论分母采用年末人数、平均人数或年内曾在职人数，均不会超过年末人数加流失人数。以年末人数计算，比率为 {yearEnd}%。',
  },
  'kpi.averageBounds': {
    en: '"{label}" ({period}) is {reported} {unit}, outside the range of its breakdown {breakdown} ({min} to {max} {unit}): an overall average lies between its groups\' values. Groups: {inputs}.',
    'zh-Hant':
      '「{label}」（{period}）為 {reported} {unit}，超出其{breakdown}分項的範圍（{min} 至 {max} {unit}）：整體平均值應介乎各分組數值之間。分組：{inputs}。',
    'zh-Hans':
      '“{label}”（{period}）为 {reported} {unit}，超出其{breakdown}分项的范围（{min} 至 {max} {unit}）：整体平均值应介乎各分组数值之间。分组：{inputs}。',
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
    'zh-Hant':
      '「{label}」（{period}）此處以 {unit} 列示，但第 {line} 行（「{otherLabel}」）以 {otherUnit} 列示：兩個單位計量的不是同一種量。',
    'zh-Hans':
      '“{label}”（{period}）此处以 {unit} 列示，但第 {line} 行（“{otherLabel}”）以 {otherUnit} 列示：两个单位计量的不是同一种量。',
  },
  'kpi.valueConflictSameFigure': {
    en: '"{label}" ({period}) is {value} here, and the same figure is printed as {other} at line {line} ("{otherLabel}"): one figure cannot be in both units.',
    'zh-Hant':
      '「{label}」（{period}）此處為 {value}，而第 {line} 行（「{otherLabel}」）將同一數字列為 {other}：同一數字不可能同時採用兩個單位。',
    'zh-Hans':
      '“{label}”（{period}）此处为 {value}，而第 {line} 行（“{otherLabel}”）将同一数字列为 {other}：同一数字不可能同时采用两个单位。',
  },
  'kpi.valueConflictThousand': {
    en: '"{label}" ({period}) is {value} here but {other} at line {line} ("{otherLabel}"), about 1,000 times as much: {which} is probably in a unit a thousand times smaller than printed (kg written as t), and would read {scaled}.',
    'zh-Hant':
      '「{label}」（{period}）此處為 {value}，但第 {line} 行（「{otherLabel}」）為 {other}，約為其 1,000 倍：{which}的實際單位很可能比所列單位小一千倍（以噸列示的公斤），換算後應為 {scaled}。',
    'zh-Hans':
      '“{label}”（{period}）此处为 {value}，但第 {line} 行（“{otherLabel}”）为 {other}，约为其 1,000 倍：{which}的实际单位很可能比所列单位小一千倍（以吨列示的千克），换算后应为 {scaled}。',
  },
  'kpi.valueConflictThatFigure': { en: 'that figure', 'zh-Hant': '該數字', 'zh-Hans': '该数字' },
  'kpi.valueConflictThisFigure': { en: 'this figure', 'zh-Hant': '此處數字', 'zh-Hans': '此处数字' },
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
    'zh-Hant':
      '「{label}」的單位 `{unit}` 不是{kpi}（`{id}`）的單位：密度為每{per}的{expected}，應寫作「分子 / 分母」，例如 `{example}`。',
    'zh-Hans':
      '“{label}”的单位 `{unit}` 不是{kpi}（`{id}`）的单位：密度为每{per}的{expected}，应写作“分子 / 分母”，例如 `{example}`。',
  },
  'kpi.unitGuessed': {
    en: "esgmark read the row as this KPI from its label only; the unit suggests another figure (the KPI's intensity, a fuel quantity, the emissions of a source). Mark the row with `{#{id}}` to have the unit checked.",
    'zh-Hant':
      'esgmark 僅按標籤將此行識別為該指標；其單位顯示此行或為另一數字（該指標的密度、燃料用量或某來源的排放量）。如以 `{#{id}}` 標示此行，則會核對其單位。',
    'zh-Hans':
      'esgmark 仅按标签将此行识别为该指标；其单位显示此行或为另一数字（该指标的密度、燃料用量或某来源的排放量）。如以 `{#{id}}` 标示此行，则会核对其单位。',
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
  'kpi.breakdown.direct-indirect': {
    en: 'into direct and indirect',
    'zh-Hant': '按直接及間接',
    'zh-Hans': '按直接及间接',
  },
  'kpi.breakdown.of-which': {
    en: '(rows marked 其中 / of which)',
    'zh-Hant': '（「其中」所列）',
    'zh-Hans': '（“其中”所列）',
  },
  'kpi.breakdown.bullet': { en: '(bulleted rows)', 'zh-Hant': '（分項列示）', 'zh-Hans': '（分项列示）' },
  'kpi.breakdown.column': {
    en: '(rows in the second label column)',
    'zh-Hant': '（第二欄所列分項）',
    'zh-Hans': '（第二栏所列分项）',
  },
  'kpi.breakdown.adjacent': {
    en: '(kinds listed beside it)',
    'zh-Hant': '（相鄰各行所列類別）',
    'zh-Hans': '（相邻各行所列类别）',
  },
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
} as const satisfies Record<string, Localized>;

/** A failed check, as every numbers rule reports it (kpi/ and ghg/ alike), and a formula's result that cannot be compared with its figure. */
export const NUMBERS_MESSAGES = {
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
    'zh-Hant':
      '前置資料未提供分母：此數值推算分母為 {implied}，但「{other}」推算為 {others}（單位 {unit} 是否正確？）。',
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
  'action.addTotalRow': {
    en: 'Add the missing total row "{total}"',
    'zh-Hant': '加入缺少的合計行「{total}」',
    'zh-Hans': '加入缺少的合计行“{total}”',
  },
  'action.replaceValue': {
    en: 'Replace {reported} with the computed {computed}',
    'zh-Hant': '將 {reported} 改為計算值 {computed}',
    'zh-Hans': '将 {reported} 改为计算值 {computed}',
  },
  'numbers.activity.quotedFactor': {
    en: 'the factor quoted in the text',
    'zh-Hant': '正文所引用的排放因子',
    'zh-Hans': '正文所引用的排放因子',
  },
  'numbers.activity.agreesWith': {
    en: 'The reported figure agrees with another catalog factor instead: {factors}.',
    'zh-Hant': '所載數值反而與目錄中另一排放因子相符：{factors}。',
    'zh-Hans': '所载数值反而与目录中另一排放因子相符：{factors}。',
  },
  // A formula's result that cannot be compared with its figure (formula= and check= alike).
  'numbers.formula.unit': {
    en: '`{formula}` ({period}) gives {computed} (dimension {resultDim}), but the figure {reported} is in `{unit}` (dimension {unitDim}): a result of another dimension cannot be compared.',
    'zh-Hant':
      '`{formula}`（{period}）計算結果為 {computed}（量綱 {resultDim}），但數值 {reported} 的單位為 `{unit}`（量綱 {unitDim}）：量綱不同，無法比較。',
    'zh-Hans':
      '`{formula}`（{period}）计算结果为 {computed}（量纲 {resultDim}），但数值 {reported} 的单位为 `{unit}`（量纲 {unitDim}）：量纲不同，无法比较。',
  },
  'numbers.formula.resultNoUnit': {
    en: '`{formula}` ({period}) gives {computed}, a number without a unit, but the figure {reported} is in `{unit}` (dimension {unitDim}): give the numbers of the formula their units (e.g. `1124032 kWh`).',
    'zh-Hant':
      '`{formula}`（{period}）計算結果為 {computed}，是沒有單位的數字，但數值 {reported} 的單位為 `{unit}`（量綱 {unitDim}）：請為公式中的數值註明單位（例如 `1124032 kWh`）。',
    'zh-Hans':
      '`{formula}`（{period}）计算结果为 {computed}，是没有单位的数字，但数值 {reported} 的单位为 `{unit}`（量纲 {unitDim}）：请为公式中的数值注明单位（例如 `1124032 kWh`）。',
  },
  'numbers.formula.figureNoUnit': {
    en: '`{formula}` ({period}) gives {computed} (dimension {resultDim}), but the figure {reported} has no unit: write its unit.',
    'zh-Hant':
      '`{formula}`（{period}）計算結果為 {computed}（量綱 {resultDim}），但數值 {reported} 沒有單位：請註明其單位。',
    'zh-Hans':
      '`{formula}`（{period}）计算结果为 {computed}（量纲 {resultDim}），但数值 {reported} 没有单位：请注明其单位。',
  },
  'numbers.formula.figureUnknownUnit': {
    en: '`{formula}` ({period}) gives {computed} (dimension {resultDim}), but the unit `{unit}` of the figure {reported} is not a known unit, so the two cannot be compared.',
    'zh-Hant':
      '`{formula}`（{period}）計算結果為 {computed}（量綱 {resultDim}），但數值 {reported} 的單位 `{unit}` 無法識別，因此無法比較。',
    'zh-Hans':
      '`{formula}`（{period}）计算结果为 {computed}（量纲 {resultDim}），但数值 {reported} 的单位 `{unit}` 无法识别，因此无法比较。',
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
    'zh-Hant':
      '`{id}` 不是範圍 3 類別：《溫室氣體核算體系》只有第 1 至 15 類（`ghg.scope3.cat1` … `ghg.scope3.cat15`）。',
    'zh-Hans':
      '`{id}` 不是范围 3 类别：《温室气体核算体系》只有第 1 至 15 类（`ghg.scope3.cat1` … `ghg.scope3.cat15`）。',
  },
} as const satisfies Record<string, Localized>;

/** Parse and evaluation errors of `formula="..."` and `check="..."`. */
export const FORMULA_MESSAGES = {
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
    'zh-Hant':
      '無法識別的單位 `{unit}`（無法識別的部分：`{part}`）。含空格或多個斜線的單位請放在方括號內：`12 [tCO2e/萬元]`。',
    'zh-Hans':
      '无法识别的单位 `{unit}`（无法识别的部分：`{part}`）。含空格或多个斜线的单位请放在方括号内：`12 [tCO2e/万元]`。',
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
} as const satisfies Record<string, Localized>;
