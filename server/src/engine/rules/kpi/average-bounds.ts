// kpi/average-bounds: an overall average or rate lies between the values of its breakdown's groups,
// and equals their mean weighted by headcount where the report gives the group sizes.
import { type Rule } from '../rule';
import { replaceValueFixes, type CheckData } from '../replaceValue';
import { checkDiagnostic, formatInputs, printLike } from '../../numbers/checks';
import { breakdownName, relatedOf, termOf } from '../../numbers/relations';
import { kpiAverageChecks } from '../../derived';

export type KpiAverageData = CheckData | { kind: 'average-bounds'; min: number; max: number };

export const kpiAverage: Rule<KpiAverageData> = {
  id: 'kpi/average-bounds',
  defaultSeverity: 'warning',
  description: {
    en: 'An overall average or rate (training hours per employee, turnover rate, share trained) lies between the values of its breakdown, and equals their headcount-weighted mean where the group sizes are given.',
    'zh-Hant':
      '整體平均值或比率（人均受訓時數、流失比率、受訓百分比）介乎其分項數值之間；如列有各分組人數，則等於按人數加權的平均值。',
    'zh-Hans':
      '整体平均值或比率（人均受训时数、流失比率、受训百分比）介乎其分项数值之间；如列有各分组人数，则等于按人数加权的平均值。',
  },
  run(ctx) {
    const checks = kpiAverageChecks(ctx.doc);
    const outOfBounds = new Set(
      checks
        .filter((c) => c.kind === 'bounds' && !c.ok)
        .map((c) => `${c.target.kpiId}@${c.target.period}|${c.breakdown}`),
    );
    for (const check of checks) {
      if (check.ok) continue;
      const breakdown = breakdownName(ctx.locale, check.breakdown);
      const unit = check.target.unitRaw === '%' ? '%' : (check.target.unitRaw ?? '');
      if (check.kind === 'weighted') {
        // Outside the bounds already says the figure is wrong; the mean would repeat it.
        if (outOfBounds.has(`${check.target.kpiId}@${check.target.period}|${check.breakdown}`)) continue;
        const d = { ...checkDiagnostic(ctx.doc, check, ctx.locale) };
        d.message += ` ${ctx.t('kpi.averageWeighted', { breakdown, computed: printLike(check.target, check.computed), unit })}`;
        ctx.report(d);
        continue;
      }
      ctx.report({
        range: check.target.range,
        message: ctx.t('kpi.averageBounds', {
          label: termOf(check.target),
          period: check.target.period,
          reported: check.target.raw,
          unit,
          breakdown,
          min: check.lowest?.raw ?? printLike(check.target, { lo: check.computed.lo, hi: check.computed.lo }),
          max: check.highest?.raw ?? printLike(check.target, { lo: check.computed.hi, hi: check.computed.hi }),
          inputs: formatInputs(check.inputs, check.target.period),
        }),
        related: relatedOf(ctx.doc, check.inputs),
        data: { kind: 'average-bounds', min: check.computed.lo, max: check.computed.hi },
      });
    }
  },
  fixes: replaceValueFixes,
};
