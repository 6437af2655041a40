// kpi/unit-dimension: a KPI's unit measures what the KPI measures (a GHG figure in tCO2e, not kWh;
// an intensity as numerator / denominator). Water in 噸 and fuels in 噸 or 升 are fine (unitFitsKpi).
import { type Rule } from '../rule';
import { getKpi } from '../../catalogs/kpis';
import { massReadAsCo2e, readUnitOnly, unitFitsKpi, type ParsedUnit } from '../../catalogs/units';
import type { KpiDefinition } from '../../catalogs/schema';
import { localized } from '../../i18n';
import { facts } from '../../derived';
import type { Range } from '../../types';
import type { KpiRow } from '../../model';

/** The unit after the number of a prose span `[596.41 千瓦時]{kpi=...}` (the number's range when not found). */
function proseUnitRange(text: string, lineStarts: number[], number: Range, unit: string): Range {
  const line = number.start.line;
  const lineText = text.slice(lineStarts[line], lineStarts[line + 1] ?? text.length);
  const at = lineText.indexOf(unit, number.end.character);
  if (at < 0) return number;
  return { start: { line, character: at }, end: { line, character: at + unit.length } };
}

/**
 * A unit that contradicts a KPI esgmark guessed from the row label, in a way that says the guess is
 * what is wrong: an intensity unit on a row read as the absolute figure ('NOx emissions' under
 * 'Pollutant emission density', in g/100 million yuan), or a mass, volume or CO2e on a row read as an
 * energy figure ('Purchased electricity' in a GHG table, 'Coal' in tonnes), or a volume on a row read
 * as a waste mass (liquid waste in litres or m³: a correct figure the mass KPI cannot hold).
 */
function unitSaysOtherFigure(unit: ParsedUnit, kpi: KpiDefinition, numeratorFits: boolean): boolean {
  if (numeratorFits && unit.denominator && !kpi.per) return true;
  if (kpi.dimension === 'energy' && !kpi.per && !unit.denominator)
    return ['mass', 'volume', 'co2e'].includes(unit.numerator.dimension);
  if (kpi.id.startsWith('waste.') && kpi.dimension === 'mass' && unit.numerator.dimension === 'volume') return true;
  return false;
}

/** The KPI, the unit as written and, for a unit of the wrong kind, the catalog's unit. */
export type UnitDimensionData =
  | { kind: 'unit-dimension'; kpi: string; unit?: string; expected?: string }
  | { kind: 'unit-mass-as-co2e'; kpi: string; unit?: string };

export const kpiUnitDimension: Rule<UnitDimensionData> = {
  id: 'kpi/unit-dimension',
  defaultSeverity: 'warning',
  description: {
    en: "A KPI's unit measures what the KPI measures: emissions in CO2e, energy in kWh/GJ/tce, an intensity as numerator / denominator of the right kind.",
    'zh-Hant':
      '指標的單位與指標的量相符：排放量以二氧化碳當量計、能源以千瓦時／吉焦／噸標準煤計、密度以相應的「分子 / 分母」計。',
    'zh-Hans':
      '指标的单位与指标的量相符：排放量以二氧化碳当量计、能源以千瓦时／吉焦／吨标准煤计、密度以相应的“分子 / 分母”计。',
  },
  // Said at each row's unit cell or span's unit, from that fact alone.
  perTable: true,
  run(ctx) {
    const dim = (d: string) => {
      const text = ctx.tFromKey(`kpi.dim.${d}`);
      return text === `kpi.dim.${d}` ? d : text;
    };
    // One report per unit as written: a table row's unit cell, or a prose span.
    const seen = new Set<string>();
    // A row's facts follow one another and share its unit cell: the row's first fact decides for all.
    let lastRow: KpiRow | undefined;
    for (const f of facts(ctx.doc).all) {
      if (f.row?.unit && f.row === lastRow) continue;
      lastRow = f.row;
      const kpi = getKpi(f.kpiId);
      if (!kpi || !f.unitRaw) continue;
      const parsed = readUnitOnly(f.unitRaw);
      if (!parsed.ok) continue;
      const range: Range = f.row?.unit?.range ?? proseUnitRange(ctx.doc.text, ctx.doc.lineStarts, f.range, f.unitRaw);
      const key = `${range.start.line}:${range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const unit = parsed.unit;
      if (unitFitsKpi(unit, kpi)) {
        // A GHG row in plain tonnes is read as tonnes of CO2e: said as a hint.
        if (massReadAsCo2e(unit, kpi)) {
          const args = {
            unit: f.unitRaw,
            label: f.row?.label ?? f.label,
            kpi: localized(kpi.names, ctx.locale),
            id: kpi.id,
          };
          ctx.report({
            range,
            severity: 'hint',
            message: ctx.t('kpi.unitMassAsCo2e', args),
            data: { kind: 'unit-mass-as-co2e', kpi: kpi.id, unit: f.unitRaw },
          });
        }
        continue;
      }
      // Whether the numerator alone would do (water in 噸 counts): then only the denominator is wrong.
      const numeratorFits = unitFitsKpi(
        { ...unit, denominator: undefined, denominatorQualifier: undefined },
        { ...kpi, per: undefined },
      );
      const args = {
        unit: f.unitRaw,
        label: f.row?.label ?? f.label,
        actual: unit.denominator
          ? `${dim(unit.numerator.dimension)} / ${dim(unit.denominator.dimension)}`
          : dim(unit.numerator.dimension),
        kpi: localized(kpi.names, ctx.locale),
        id: kpi.id,
        expected: dim(kpi.dimension),
        per: kpi.per ? ctx.tFromKey(`kpi.per.${kpi.per}`) : '',
        example: kpi.unit ?? '',
      };
      // An intensity with the right numerator but no or the wrong denominator gets the intensity message.
      const key2 = kpi.per && kpi.dimension !== 'percent' && numeratorFits ? 'kpi.unitIntensity' : 'kpi.unitDimension';
      // The KPI was guessed from the label and the unit points to another figure: information, not a warning.
      const guessed = f.row?.kpiIdSource === 'catalog' && unitSaysOtherFigure(unit, kpi, numeratorFits);
      const message = ctx.t(key2, args) + (guessed ? ` ${ctx.t('kpi.unitGuessed', { id: kpi.id })}` : '');
      ctx.report({
        range,
        message,
        ...(guessed ? { severity: 'information' as const } : {}),
        data: { kind: 'unit-dimension', kpi: kpi.id, unit: f.unitRaw, expected: kpi.unit },
      });
    }
  },
};
