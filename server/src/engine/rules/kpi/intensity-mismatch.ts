// kpi/intensity-mismatch: an intensity equals its figure divided by the denominator its unit names.
import { type FixContext, type Rule, type RuleDiagnostic } from '../rule';
import type { CodeAction, Range } from '../../types';
import { allUnits } from '../../catalogs/units';
import { facts } from '../../derived';
import { replaceValueFixes, type CheckData } from '../replaceValue';
import { checkDiagnostic } from '../../numbers/checks';

/** `denominatorRatio`: how far the denominator unit is off the one the other intensities imply (for the unit fix). */
export type IntensityData = CheckData & { denominatorRatio?: number };

export const intensity: Rule<IntensityData> = {
  id: 'kpi/intensity-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'An intensity equals its figure divided by the denominator its unit names (front matter `denominators`, or the one the other intensities imply).',
    'zh-Hant': '密度等於相關數值除以其單位所指的分母（前置資料的 `denominators`，或由其他密度推算的分母）。',
    'zh-Hans': '密度等于相关数值除以其单位所指的分母（前置资料的 `denominators`，或由其他密度推算的分母）。',
  },
  run(ctx) {
    for (const check of ctx.derived.intensities(ctx.locale))
      if (!check.ok) ctx.report(checkDiagnostic(ctx.doc, check, ctx.locale));
  },
  fixes: (d, ctx) => [...replaceValueFixes(d, ctx), ...unitFixes(d, ctx)],
};

/** 'Change the unit to …' for an intensity flagged because its denominator unit disagrees with the others. */
function unitFixes(d: RuleDiagnostic<IntensityData>, ctx: FixContext): CodeAction[] {
  if (typeof d.data?.denominatorRatio !== 'number') return [];
  const doc = ctx.doc;
  const fact = facts(doc).at(d.range.start);
  const den = fact?.unit?.denominator;
  const unitCell = fact?.row?.unit;
  if (!fact || !den || !unitCell) return [];
  // The denominator unit whose scale makes the figure agree: factor × ratio, same dimension.
  const wanted = den.factor * d.data.denominatorRatio;
  const candidate = allUnits().find(
    (u) => u.dimension === den.dimension && Math.abs(u.factor / wanted - 1) < 0.02 && u.id !== den.id,
  );
  if (!candidate) return [];
  const raw = unitCell.raw;
  const written = den.spellings.filter((s) => raw.includes(s)).sort((a, b) => b.length - a.length)[0];
  if (!written) return [];
  const cjk = /[\u4e00-\u9fff]/.test(written);
  const replacement = candidate.spellings.find((s) => /[\u4e00-\u9fff]/.test(s) === cjk) ?? candidate.spellings[0];
  const at = raw.lastIndexOf(written);
  const start = unitCell.range.start.character + at;
  const range: Range = {
    start: { line: unitCell.range.start.line, character: start },
    end: { line: unitCell.range.start.line, character: start + written.length },
  };
  const newUnit = raw.slice(0, at) + replacement + raw.slice(at + written.length);
  return [
    {
      title: ctx.t('action.fixUnit', { unit: newUnit }),
      kind: 'quickfix',
      edits: { [doc.uri]: [{ range, newText: replacement }] },
      diagnostics: [d],
    },
  ];
}
