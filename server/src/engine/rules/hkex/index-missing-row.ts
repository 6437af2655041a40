// hkex/index-missing-row: a requirement the issuer must address that has no row in the index table.
import { HKEX_INPUTS, type Rule } from '../rule';
import { localized } from '../../i18n';
import { obligationIn } from '../../context';
import { indexRows } from './indexRows';

export const indexMissingRow: Rule = {
  id: 'hkex/index-missing-row',
  defaultSeverity: 'warning',
  reads: HKEX_INPUTS,
  // Adding the rows of requirements that tagged sections disclose (codeActions.ts).
  safeFix: true,
  description: {
    en: "The index table has a row for every mandatory and 'comply or explain' requirement.",
    'zh-Hant': '索引表涵蓋每項強制及「不遵守就解釋」條文。',
    'zh-Hans': '索引表涵盖每项强制及“不遵守就解释”条文。',
  },
  run(ctx) {
    if (!ctx.doc.indexTables.length) return;
    const listed = new Set<string>();
    for (const row of indexRows(ctx)) for (const ref of row.refs) if (ref.known) for (const id of ctx.framework.covers(ref.id)) listed.add(id);
    const first = ctx.doc.indexTables[0];
    const section = ctx.doc.sections[first.section];
    for (const req of ctx.framework.leaves()) {
      const obligation = obligationIn(ctx.framework, req.id, ctx.reporting);
      if (obligation !== 'mandatory' && obligation !== 'comply-or-explain') continue;
      if (listed.has(req.id) || (req.parent && listed.has(req.parent))) continue;
      // Before the Code, its list of rows is guidance: an index of the old Guide is not wrong for lacking them.
      const severity = ctx.reporting.codeVersion === 'pre-2025' ? 'information' : undefined;
      ctx.report({ range: section.heading.titleRange, message: ctx.t('hkex.indexMissingRow', { id: req.id, title: localized(req.title, ctx.locale) }), severity, data: { id: req.id, table: first.table } });
    }
  },
};
