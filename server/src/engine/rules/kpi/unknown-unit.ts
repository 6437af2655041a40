// kpi/unknown-unit: a unit cell of a KPI table that esgmark cannot read.
import { type Rule } from '../rule';
import { looksLikeUnitTypo, readUnitOnly } from '../../catalogs/units';

/** The unit as written; `kind` when it is said, not warned (a placeholder, a label in the unit column). */
export type UnknownUnitData = { unit: string; kind?: 'placeholder' | 'label' };

export const unknownUnit: Rule<UnknownUnitData> = {
  id: 'kpi/unknown-unit',
  defaultSeverity: 'warning',
  description: {
    en: 'Every unit in a KPI table is one esgmark knows (so figures can be converted and checked).',
    'zh-Hant': '關鍵績效指標表中的單位均可識別（以便換算及核對數字）。',
    'zh-Hans': '关键绩效指标表中的单位均可识别（以便换算及核对数字）。',
  },
  // Said at each unit cell, from its row alone.
  perTable: true,
  run(ctx) {
    for (const t of ctx.doc.kpiTables) {
      for (const row of t.rows) {
        if (!row.unit) continue;
        const parsed = readUnitOnly(row.unit.as ?? row.unit.raw);
        if (parsed.ok && !parsed.unit.placeholder) continue;
        const args = { unit: row.unit.raw, label: row.label };
        if (parsed.ok) {
          // 'Unit/HK$ million': the HKEX guide's placeholder, left as printed. Said, not warned.
          if (parsed.unit.placeholder)
            ctx.report({
              range: row.unit.range,
              severity: 'information',
              message: ctx.t('kpi.unitPlaceholder', args),
              data: { unit: row.unit.raw, kind: 'placeholder' },
            });
          continue;
        }
        // A label in the unit column ('男性/女性' over pairs of figures) is not a typo: information only.
        if (!looksLikeUnitTypo(parsed.unknown || row.unit.raw)) {
          ctx.report({
            range: row.unit.range,
            severity: 'information',
            message: ctx.t('kpi.unitLabel', args),
            data: { unit: row.unit.raw, kind: 'label' },
          });
          continue;
        }
        ctx.report({
          range: row.unit.range,
          message: ctx.t('kpi.unknownUnit', {
            unit: row.unit.raw,
            label: row.label,
            part: parsed.unknown || row.unit.raw,
          }),
          data: { unit: row.unit.raw },
        });
      }
    }
  },
};
