// hkex/missing: a requirement the issuer must address (mandatory, or 'comply or explain' for its
// issuer class and financial year) that the report neither discloses nor explains.
import type { Range } from '../types';
import { HKEX_INPUTS, type Rule, RuleContext } from './rule';
import { localized } from '../i18n';
import { fyLabel, obligationIn } from '../context';

export const missing: Rule = {
  id: 'hkex/missing',
  defaultSeverity: 'warning',
  reads: HKEX_INPUTS,
  description: {
    en: "Every mandatory and 'comply or explain' requirement is disclosed (tagged section, KPI row, index row) or explained; mandatory ones are errors and cannot be explained away.",
    'zh-Hant': '每項強制及「不遵守就解釋」條文均已披露（標註章節、關鍵績效指標行、索引行）或解釋；強制條文屬錯誤，且不能以解釋代替。',
    'zh-Hans': '每项强制及“不遵守就解释”条文均已披露（标注章节、关键绩效指标行、索引行）或解释；强制条文属错误，且不能以解释代替。',
  },
  run(ctx) {
    // The same few words in every message: translated once per run.
    const obligationText = { mandatory: ctx.t('obligation.mandatory'), 'comply-or-explain': ctx.t('obligation.comply-or-explain') };
    const issuerClass = ctx.t(`issuerClass.${ctx.issuerClass}`);
    const fy = fyLabel(ctx.reporting, ctx.locale);
    // A year before the Code: the Code is guidance, and what it would require is information.
    const guidance = ctx.reporting.codeVersion === 'pre-2025';
    for (const req of ctx.framework.leaves()) {
      const obligation = obligationIn(ctx.framework, req.id, ctx.reporting);
      if (obligation !== 'mandatory' && obligation !== 'comply-or-explain') continue;
      const ev = ctx.disclosures.get(req.id);
      const disclosed = !!ev && (ev.sections.length > 0 || ev.kpiRows.length > 0 || ev.indexRows.length > 0);
      const explained = !!ev && ev.explanations.length > 0;
      if (disclosed || (explained && obligation !== 'mandatory')) continue;
      const args = {
        id: req.id,
        title: localized(req.title, ctx.locale),
        obligation: obligationText[obligation],
        issuerClass,
        fy,
      };
      ctx.report({
        range: anchorFor(ctx, req.id, ctx.disclosures.aspectSection(req.aspect)?.heading.titleRange),
        message: ctx.t(guidance ? 'hkex.missing.guidance' : explained ? 'hkex.missing.mandatoryExplained' : 'hkex.missing', args),
        severity: guidance ? 'information' : obligation === 'mandatory' ? 'error' : undefined,
        data: { id: req.id },
      });
    }
  },
};

/**
 * Where to show a missing requirement: its index row; else the heading of the section that
 * discloses its aspect (where the author would add it); else the top of the file.
 */
function anchorFor(ctx: RuleContext, id: string, aspectSection: Range | undefined): Range {
  for (const table of ctx.doc.indexTables) for (const row of table.rows) if (row.refs.some((r) => r.id === id)) return row.row.cells[0]?.range ?? row.row.range;
  if (aspectSection) return aspectSection;
  const fm = ctx.doc.frontMatter;
  if (fm) return { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
  const firstLine = ctx.doc.text.search(/\r|\n|$/);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: Math.max(0, firstLine) } };
}
