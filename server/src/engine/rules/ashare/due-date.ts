// ashare/due-date: the report is published within four months of the financial year end (Art. 4); the
// HKEX deadline is five months (Main Board Rule 13.91, GEM Rule 17.103). Read from `esg.published`.
import type { Rule } from '../rule';
import { formatDate } from '../../context';
import { ashareScope, frontMatterKeyRange } from './scope';

export type AshareDueDateData = { published: string; due: string };

/** The day `months` after `date`: the month's last day when `date` is a month's last day (31 Dec → 30 Apr). */
export function monthsAfter(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = d === lastDay(y, m) ? lastDay(year, month) : Math.min(d, lastDay(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const ashareDueDate: Rule<AshareDueDateData> = {
  id: 'ashare/due-date',
  defaultSeverity: 'warning',
  description: {
    en: 'An A-share report is published (`esg.published`) within four months of the financial year end; HKEX allows five.',
    'zh-Hant': 'A 股指引下的報告於會計年度結束後四個月內發佈（`esg.published`）；聯交所的期限為五個月。',
    'zh-Hans': 'A 股指引下的报告于会计年度结束后四个月内发布（`esg.published`）；联交所的期限为五个月。',
  },
  run(ctx) {
    const published = ctx.doc.config.published;
    if (!published || !ashareScope(ctx)) return;
    const fyEnd = ctx.reporting.fyEnd;
    const ashareDue = monthsAfter(fyEnd, 4);
    if (published <= ashareDue) return;
    const hkexDue = monthsAfter(fyEnd, 5);
    ctx.report({
      range: frontMatterKeyRange(ctx, 'published'),
      message: ctx.t(published > hkexDue ? 'ashare.due.lateBoth' : 'ashare.due.late', {
        published: formatDate(published, ctx.locale),
        ashareDue: formatDate(ashareDue, ctx.locale),
        hkexDue: formatDate(hkexDue, ctx.locale),
        fyEnd: formatDate(fyEnd, ctx.locale),
      }),
      data: { published, due: ashareDue },
    });
  },
};
