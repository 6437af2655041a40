// The messages of the sasb/ rules beyond the shared index messages (issb/messages.ts, `pack.*`). A module
// without imports of code.
import type { Localized } from '../../types';

export const SASB_MESSAGES = {
  'sasb.metricMissing': {
    en: 'SASB {id} ({title}) is a metric, but the section "{section}" tagged with it gives no value: no KPI row with a figure, no figure in the text, no explanation.',
    'zh-Hant':
      'SASB {id}（{title}）為量化指標，但標註此項的章節「{section}」沒有數值：沒有含數字的關鍵績效指標行、正文沒有數字，亦沒有解釋。',
    'zh-Hans':
      'SASB {id}（{title}）为量化指标，但标注此项的章节“{section}”没有数值：没有含数字的关键绩效指标行、正文没有数字，亦没有解释。',
  },
} as const satisfies Record<string, Localized>;
