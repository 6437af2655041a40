// ghg/factor-year: an emission factor whose data year is more than two years from the period it is
// applied to. Grid factors are published two to three years after their data year (the 2023 MEE/NBS
// factor appeared in January 2026), so a gap of two is normal and is not reported; a larger gap usually
// means a newer factor exists. Only dated series (grid, carbon-footprint, utility factors) are checked:
// IPCC defaults and GWP sets are not dated data.
import { type Rule, RuleContext } from '../rule';
import type { EmissionFactor } from '../../catalogs/schema';
import { factorName, getFactor, newestInSeries, seriesFactor } from '../../catalogs/factors';
import { factorQuantity, findFactorsMeeting } from '../../numbers/factorValues';
import { quoteSeries } from '../../numbers/factorQuotes';
import { fromPrinted } from '../../numbers/quantity';
import type { Range } from '../../types';
import { factorQuotes, frontMatterFactors } from '../../derived';

/** More than this many years between a factor's data year and the period is reported. */
export const MAX_FACTOR_YEAR_GAP = 2;

function report(ctx: RuleContext, range: Range, factor: EmissionFactor, period: number, subject: string) {
  const gap = Math.abs(period - factor.year);
  if (gap <= MAX_FACTOR_YEAR_GAP) return;
  const newest = factor.series ? newestInSeries(factor.series) : undefined;
  const advice =
    newest && newest.id !== factor.id
      ? ctx.t('ghg.factorYear.newer', {
          newestId: newest.id,
          newestYear: newest.year,
          newestValue: newest.printed,
          unit: newest.unit,
        })
      : ctx.t('ghg.factorYear.isNewest');
  ctx.report({
    range,
    message: ctx.t('ghg.factorYear', { subject, factorYear: factor.year, gap, period, advice }),
    data: {
      factorId: factor.id,
      factorYear: factor.year,
      period,
      ...(newest && newest.id !== factor.id ? { newest: newest.id } : {}),
    },
  });
}

function checkFrontMatter(ctx: RuleContext) {
  for (const f of frontMatterFactors(ctx.doc)) {
    const factor = f.catalogId ? getFactor(f.catalogId) : undefined;
    if (!factor?.series) continue;
    const period = f.period === '*' ? ctx.doc.config.year : Number(f.period);
    if (period === undefined || !Number.isFinite(period)) continue;
    report(
      ctx,
      f.range,
      factor,
      period,
      ctx.t('ghg.factorYear.subjectId', { name: factorName(factor, ctx.locale), id: factor.id }),
    );
  }
}

function checkQuotes(ctx: RuleContext) {
  for (const quote of factorQuotes(ctx.doc)) {
    const period = quote.periodYear ?? ctx.doc.config.year;
    if (period === undefined || !quote.unit) continue;
    const series = quoteSeries(quote);
    if (quote.year !== undefined) {
      // A stated year: the catalog entry of that year (when the catalog has the series).
      const factor = series ? seriesFactor(series, quote.year) : undefined;
      if (factor)
        report(
          ctx,
          quote.range,
          factor,
          period,
          ctx.t('ghg.factorYear.subjectId', { name: factorName(factor, ctx.locale), id: factor.id }),
        );
      continue;
    }
    // No year in the text: a value with three or more decimals that is exactly one dated factor names it.
    if (quote.decimals < 3) continue;
    const quoted = fromPrinted(quote.value, quote.decimals, quote.unit);
    if (!quoted) continue;
    const matches = findFactorsMeeting(
      quoted,
      (f) =>
        !!f.series &&
        (f.kind === 'grid' || f.kind === 'electricity-footprint') &&
        (series ? f.series === series : quote.region === undefined || f.region === quote.region),
    );
    if (matches.length !== 1 || !factorQuantity(matches[0].id)) continue;
    const factor = matches[0];
    report(
      ctx,
      quote.range,
      factor,
      period,
      ctx.t('ghg.factorYear.subjectValue', { quoted: quote.raw, name: factorName(factor, ctx.locale), id: factor.id }),
    );
  }
}

/** The factor, its data year, the period it is applied to, and the newest factor of its series. */
export type FactorYearData = { factorId: string; factorYear: number; period: number; newest?: string };

export const factorYear: Rule<FactorYearData> = {
  id: 'ghg/factor-year',
  defaultSeverity: 'information',
  description: {
    en: 'The emission factors applied to a period are no more than two years older (or newer) than the period.',
    'zh-Hant': '用於某報告期的排放因子，其數據年份與該報告期相差不超過兩年。',
    'zh-Hans': '用于某报告期的排放因子，其数据年份与该报告期相差不超过两年。',
  },
  run(ctx) {
    checkFrontMatter(ctx);
    checkQuotes(ctx);
  },
};
