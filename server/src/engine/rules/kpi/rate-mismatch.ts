// kpi/rate-mismatch: a rate or share against its counts where the report gives both (female
// directors / directors, suppliers by region / all suppliers, leavers / headcount, fatalities).
import { type Rule } from '../rule';
import { replaceValueFixes, type CheckData } from '../replaceValue';
import { checkDiagnostic, formatInputs, printLike } from '../../numbers/checks';
import { relatedOf, termOf } from '../../numbers/relations';
import { kpiRateChecks } from '../../derived';

export type KpiRateData = CheckData | { kind: 'rate-floor'; minimum: number };

export const kpiRate: Rule<KpiRateData> = {
  id: 'kpi/rate-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'A rate or share agrees with the counts it is computed from, where the report gives them (shares of directors and suppliers, turnover rate, fatality rate).',
    'zh-Hant':
      '比率或比例與其計算所依據的數目相符（董事及供應商比例、員工流失比率、因工亡故比率），如報告有列示該等數目。',
    'zh-Hans':
      '比率或比例与其计算所依据的数目相符（董事及供应商比例、员工流失比率、因工亡故比率），如报告有列示该等数目。',
  },
  run(ctx) {
    for (const check of kpiRateChecks(ctx.doc)) {
      if (check.ok) continue;
      if (check.kind !== 'turnover-floor') {
        ctx.report(checkDiagnostic(ctx.doc, check, ctx.locale));
        continue;
      }
      // A floor, not a value: no quick fix, since the right rate is not known.
      ctx.report({
        range: check.target.range,
        message: ctx.t('kpi.rateFloor', {
          label: termOf(check.target),
          period: check.target.period,
          reported: check.target.raw,
          formula: check.formula.slice(0, check.formula.lastIndexOf(' ≤ ')),
          computed: printLike(check.target, check.computed),
          inputs: formatInputs(check.inputs, check.target.period),
          yearEnd: check.yearEnd ? printLike(check.target, check.yearEnd) : '?',
        }),
        related: relatedOf(ctx.doc, check.inputs),
        data: { kind: 'rate-floor', minimum: check.computed.lo },
      });
    }
  },
  fixes: replaceValueFixes,
};
