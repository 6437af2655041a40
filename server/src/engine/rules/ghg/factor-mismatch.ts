// ghg/factor-mismatch: an emission factor quoted in the prose or the front matter that differs from
// the catalog entry it names ('2023 年…全國電力平均二氧化碳排放因子 0.5366' where the 2023 factor is
// 0.5306). The quoted figure stands for its printed interval and the catalog value is exact, so a quote
// rounded to fewer decimals (0.53 for 0.5306) is not a mismatch.
import { type Rule, RuleContext } from '../rule';
import type { EmissionFactor } from '../../catalogs/schema';
import { factorDecimals, factorName, factorSourceTitle, getFactor, seriesFactor } from '../../catalogs/factors';
import { factorQuantity, findFactorsMeeting } from '../../numbers/factorValues';
import { parseUnit } from '../../catalogs/units';
import { quoteSeries } from '../../numbers/factorQuotes';
import { fromPrinted, meets, sameDim, type Quantity } from '../../numbers/quantity';
import { factorQuotes, frontMatterFactors } from '../../derived';

/** The catalog factor a wrong value agrees with instead: same series first, then same region, then same kind. */
function otherFactor(q: Quantity, expected: EmissionFactor): EmissionFactor | undefined {
  const candidates = findFactorsMeeting(q, (f) => f.kind === expected.kind && f.id !== expected.id);
  const rank = (f: EmissionFactor) =>
    f.series && f.series === expected.series ? 0 : f.region === expected.region ? 1 : 2;
  return candidates.sort((a, b) => rank(a) - rank(b) || b.year - a.year)[0];
}

function checkQuotes(ctx: RuleContext) {
  for (const quote of factorQuotes(ctx.doc)) {
    if (!quote.unit || quote.year === undefined) continue;
    const series = quoteSeries(quote);
    const expected = series && seriesFactor(series, quote.year);
    if (!expected) continue;
    const quoted = fromPrinted(quote.value, quote.decimals, quote.unit);
    const catalog = factorQuantity(expected.id);
    if (!quoted || !catalog || !sameDim(quoted.dim, catalog.dim) || meets(quoted.value, catalog.value)) continue;
    const other = otherFactor(quoted, expected);
    const args = {
      name: factorName(expected, ctx.locale),
      expected: expected.printed,
      unit: expected.unit,
      source: factorSourceTitle(expected, ctx.locale),
      quoted: quote.raw,
      ...(other ? { otherName: factorName(other, ctx.locale), otherId: other.id } : {}),
    };
    ctx.report({
      range: quote.range,
      message: ctx.t(other ? 'ghg.factorMismatch.textOther' : 'ghg.factorMismatch.text', args),
      data: {
        kind: 'replace-value',
        computed: expected.value,
        decimals: factorDecimals(expected),
        factorId: expected.id,
        ...(other ? { matches: other.id } : {}),
      },
    });
  }
}

function checkFrontMatter(ctx: RuleContext) {
  for (const f of frontMatterFactors(ctx.doc)) {
    // A custom value under a key that is itself a catalog id claims to be that factor.
    const named = f.quantity ? getFactor(f.name) : undefined;
    if (!named || !f.quantity) continue;
    const catalog = factorQuantity(named.id);
    const unit = parseUnit(f.quantity.unit);
    const quoted = unit.ok ? fromPrinted(f.quantity.value, f.quantity.decimals, unit.unit) : undefined;
    if (!catalog || !quoted) continue;
    const key = ['esg', 'factors', f.name, ...(f.period === '*' ? [] : [f.period])].join('.');
    const base = {
      key,
      id: named.id,
      name: factorName(named, ctx.locale),
      expected: named.printed,
      unit: named.unit,
      quoted: f.raw,
    };
    if (!sameDim(quoted.dim, catalog.dim)) {
      ctx.report({ range: f.range, message: ctx.t('ghg.factorMismatch.unit', base), data: { factorId: named.id } });
      continue;
    }
    if (meets(quoted.value, catalog.value)) continue;
    const other = otherFactor(quoted, named);
    ctx.report({
      range: f.range,
      message: other
        ? ctx.t('ghg.factorMismatch.frontMatterOther', {
            ...base,
            otherName: factorName(other, ctx.locale),
            otherId: other.id,
          })
        : ctx.t('ghg.factorMismatch.frontMatter', base),
      data: {
        kind: 'replace-value',
        computed: named.value,
        decimals: factorDecimals(named),
        factorId: named.id,
        ...(other ? { matches: other.id } : {}),
      },
    });
  }
}

/** The catalog factor's value (and the other factor the quote matches, if any); only the id when the units differ. */
export type FactorMismatchData =
  | { kind: 'replace-value'; computed: number; decimals: number; factorId: string; matches?: string }
  | { factorId: string };

export const factorMismatch: Rule<FactorMismatchData> = {
  id: 'ghg/factor-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'An emission factor quoted in the text or the front matter equals the catalog factor it names (year, region, basis), within its printed precision.',
    'zh-Hant': '正文或前置資料所引用的排放因子，在其列印精度內與其所指的目錄因子（年份、地區、口徑）相符。',
    'zh-Hans': '正文或前置资料所引用的排放因子，在其打印精度内与其所指的目录因子（年份、地区、口径）相符。',
  },
  run(ctx) {
    checkQuotes(ctx);
    checkFrontMatter(ctx);
  },
};
