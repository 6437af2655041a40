// Rows that give a KPI for a part of the issuer: a reporting boundary or an entity under the KPI
// ('Nitrogen Oxides (NOx) emissions' | 'Consolidated Entities' and '| Consolidated + SHPL'), or a cell of
// a cross breakdown under a caption naming the KPI ('按年齡及性別劃分流失的員工' / '新地總辦事處' |
// '30 歲以下'). Such a row is not the KPI itself: two boundaries of one table are two scopes of
// consolidation, and a segment's age band is part of a part. Each gets an id of its own,
// `<kpi>.part.open-<hash>` / `<kpi>.cross.open-<hash>`, read like an open breakdown member (hover names
// the KPI; no sum, rate or conflict check takes it as the KPI). Called last by recogniseLabel.
import { bareBreakdownOf, getKpi, resolveGroupLabel } from '../catalogs/kpis';
import { normalizeLabel } from '../text/normalize';
import { hashKey, hasParts, partId, sectionTopic } from './zh';

const MAX_LABEL = 160;

/** Labels that are the whole, not a part: totals and subtotals. */
const TOTAL =
  /^(?:total|subtotal|sub-total|overall|all|group|合計|總計|总计|合计|小計|小计|總數|总数|總額|总额|集團|集团|全集團|全集团)$/i;

/** Labels that say the row is another figure about the KPI, not a part of it: a target, a change, a ratio. */
const NOT_A_PART =
  /target|change|intensity|density|ratio|rate\b|per\b|proportion|share|percentage|%|目標|目标|變動|变动|變化|变化|增減|增减|強度|强度|密度|比率|比例|佔比|占比|百分比|每/i;

export interface SegmentHelpers {
  /** The caller's recogniser, for the group alone and the label alone. */
  recognise: (label: string, ctx: { unit?: string }) => { kpiId: string; kpi?: unknown } | undefined;
  /** The KPI exists and the row's unit can express it. */
  fits: (kpiId: string, unit: string | undefined) => boolean;
}

/**
 * The id of a row that gives a part of a KPI: the group names the KPI and the label a boundary or
 * entity that names no KPI; or the caption above names the KPI by a breakdown ('按…劃分…') and the
 * group and label are the cells of that cross breakdown. Undefined otherwise.
 */
export function recogniseSegment(
  label: string,
  ctx: { group?: string; unit?: string; section?: string },
  helpers: SegmentHelpers,
): string | undefined {
  const group = ctx.group;
  if (typeof label !== 'string' || !group || label.length > MAX_LABEL || group.length > MAX_LABEL) return undefined;
  const labelKey = normalizeLabel(label);
  if (!labelKey || TOTAL.test(label.trim()) || NOT_A_PART.test(label)) return undefined;
  // A label naming a KPI of its own ('Purchased electricity' under 'Scope 2') is a source or another
  // figure, not a boundary: whatever its unit, it is left to the other rules.
  if (helpers.recognise(label, {})) return undefined;
  // A group naming a breakdown ('按性別劃分的員工人數', 'By region') lists members, not parts: the
  // catalog decides those (closed breakdowns have no open members).
  if (
    resolveGroupLabel(group) ||
    bareBreakdownOf(group) ||
    /^按.{1,12}?劃分|^按.{1,12}?划分|\bby\s/i.test(group.trim())
  )
    return undefined;
  const whole = helpers.recognise(group, { unit: ctx.unit });
  if (whole) {
    const kpi = getKpi(whole.kpiId);
    // Only an absolute figure: a part of an intensity or a rate is not
    // additive, and 'Direct emission' under an intensity is another intensity, not a boundary.
    if (!kpi || !hasParts(kpi.id) || !helpers.fits(kpi.id, ctx.unit)) return undefined;
    return partId(kpi.id, labelKey);
  }
  const topic = sectionTopic(ctx.section);
  if (!topic || !hasParts(topic) || !helpers.fits(topic, ctx.unit)) return undefined;
  return `${topic}.cross.open-${hashKey(`${normalizeLabel(group)}|${labelKey}`)}`;
}
