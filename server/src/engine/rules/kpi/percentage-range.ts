// kpi/percentage-range: a percentage KPI lies between 0% and 100% (turnover rates may exceed 100%:
// more leavers in a year than the average headcount is possible; nothing is negative).
import { type Rule } from '../rule';
import { getKpi } from '../../catalogs/kpis';
import { type Fact } from '../../numbers/facts';
import { formatNumber, usesThousands } from '../../numbers/quantity';
import { termOf } from '../../numbers/relations';
import { facts } from '../../derived';

/**
 * Percentage KPIs that can exceed 100%. The catalog has no field for this yet; a turnover rate over
 * an average headcount exceeds 100% when more people leave in a year than are employed on average.
 */
const MAY_EXCEED_100 = (kpiId: string) => kpiId === 'turnover.rate' || kpiId.startsWith('turnover.rate.');

/** The figure in percent, or undefined when its unit is not a percentage ('人' is kpi/unit-dimension's). */
function inPercent(f: Fact): number | undefined {
  if (!f.unit) return f.percentSign || !f.unitRaw ? f.value : undefined;
  if (f.unit.numerator.dimension !== 'percent' || f.unit.denominator) return undefined;
  return f.value * f.unit.numerator.factor;
}

/** The bound the figure passes. */
export type PercentageRangeData = { kind: 'percentage-range'; min?: number; max?: number };

export const kpiPercentage: Rule<PercentageRangeData> = {
  id: 'kpi/percentage-range',
  defaultSeverity: 'error',
  description: {
    en: 'A percentage KPI (share, rate, coverage) lies between 0% and 100%; a turnover rate may exceed 100% but is never negative.',
    'zh-Hant': '百分比指標（比例、比率、覆蓋率）介乎 0% 至 100%；員工流失比率可超過 100%，但不能為負數。',
    'zh-Hans': '百分比指标（比例、比率、覆盖率）介乎 0% 至 100%；员工流失比率可超过 100%，但不能为负数。',
  },
  // Said at each figure, from that fact alone.
  perTable: true,
  run(ctx) {
    for (const f of facts(ctx.doc).all) {
      const kpi = getKpi(f.kpiId);
      if (kpi?.dimension !== 'percent') continue;
      const pct = inPercent(f);
      if (pct === undefined) continue;
      const value = formatNumber(pct, f.decimals, usesThousands(f.raw));
      const args = { label: termOf(f), period: f.period, value };
      if (pct < 0)
        ctx.report({
          range: f.range,
          message: ctx.t('kpi.percentNegative', args),
          data: { kind: 'percentage-range', min: 0 },
        });
      else if (pct > 100 && !MAY_EXCEED_100(f.kpiId))
        ctx.report({
          range: f.range,
          message: ctx.t('kpi.percentRange', args),
          data: { kind: 'percentage-range', max: 100 },
        });
    }
  },
};
