// kpi/sum-mismatch: every breakdown adds up to its total (employees by gender, age, rank, education,
// region, employment type; energy direct + indirect; suppliers by region), and so do rows a table
// marks as parts of the row above them. Partial breakdowns are listed as such, not as mismatches.
import { type Rule } from '../rule';
import { replaceValueFixes, type CheckData } from '../replaceValue';
import { checkDiagnostic, factText, inputOf, printLike } from '../../numbers/checks';
import { breakdownName, printedOf, relatedOf, termOf } from '../../numbers/relations';
import { kpiSums } from '../../derived';

export type KpiSumData = CheckData | { kind: 'partial-breakdown'; breakdown: string; members: number };

export const kpiSum: Rule<KpiSumData> = {
  id: 'kpi/sum-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'Every complete breakdown (by gender, age, rank, region ...) and every group of rows marked as parts of a total adds up to that total, within rounding.',
    'zh-Hant': '每個完整的分項（按性別、年齡、職級、地區等）及標示為總數分項的各行，合計等於該總數（容許四捨五入）。',
    'zh-Hans': '每个完整的分项（按性别、年龄、职级、地区等）及标示为总数分项的各行，合计等于该总数（容许四舍五入）。',
  },
  run(ctx) {
    const { checks, partial } = kpiSums(ctx.doc);
    for (const check of checks) {
      if (check.ok) continue;
      const d = { ...checkDiagnostic(ctx.doc, check, ctx.locale) };
      if (check.computed.lo > printedOf(check.target).hi) d.message += ` ${ctx.t('kpi.sumExceeds')}`;
      ctx.report(d);
    }
    for (const p of partial) {
      const inputs = [inputOf(p.total), ...p.members.map(inputOf)];
      ctx.report({
        range: p.members[0].range,
        severity: 'information',
        message: ctx.t('kpi.sumPartial', {
          breakdown: breakdownName(ctx.locale, p.breakdown),
          total: termOf(p.total),
          period: p.total.period,
          count: p.members.length,
          members: p.members.map((m) => `${termOf(m)} ${factText(m)}`).join(', '),
          sum: printLike(p.total, p.sum),
          reported: p.total.raw,
          unit: p.total.unitRaw ?? '',
        }),
        related: relatedOf(ctx.doc, inputs),
        data: { kind: 'partial-breakdown', breakdown: p.breakdown, members: p.members.length },
      });
    }
  },
  fixes: replaceValueFixes,
};
