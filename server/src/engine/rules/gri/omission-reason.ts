// gri/omission-reason: a disclosure the GRI content index omits without one of GRI's four reasons for
// omission (GRI 1, Requirement 6: not applicable, legal prohibitions, confidentiality constraints,
// information unavailable / incomplete), or one GRI does not allow to be omitted (2-1 to 2-5, 3-1, 3-2).
import type { Rule } from '../rule';
import { griContentIndexRules, matchOmissionReason } from '../../catalogs/frameworks';
import { localized } from '../../i18n';
import { plainCell } from '../../recognition/indexTables';
import { griScope } from './packRefs';

export type GriOmissionReasonData = { id: string };

/**
 * Words that say a disclosure is not given (or give a reason for it): 'Not applicable', 'Information not
 * available', 'To be reported next year', 'Under review', '不適用', '暫未披露', '資料不可得'. A sentence
 * without them states facts in place of a location.
 */
const NOT_REPORTED =
  /\b(?:n\/?a|omitted|omission|under review|being (?:screened|assessed|collected|reviewed)|to be (?:reported|disclosed|published)|will (?:be )?(?:reported|disclosed|published)|not (?:yet )?(?:been )?(?:applicable|reported|disclosed|available|collected|tracked|measured|material|relevant)|(?:unavailable|incomplete|confidential|prohibited))\b|不適用|不适用|未(?:有|能|予)?(?:披露|提供|收集|統計|统计|匯報|汇报)|暫未|暂未|暫不|暂不|不予|不披露|無法提供|无法提供|不可得|保密|省略/i;

export function saysNotReported(text: string): boolean {
  return NOT_REPORTED.test(text) || matchOmissionReason(text) !== undefined;
}

export const griOmissionReason: Rule<GriOmissionReasonData> = {
  id: 'gri/omission-reason',
  defaultSeverity: 'warning',
  description: {
    en: "Every disclosure the GRI content index omits gives a reason from GRI's list, and none that GRI requires is omitted.",
    'zh-Hant': 'GRI 內容索引中每項省略的披露均列明 GRI 容許的原因，且不省略 GRI 規定必須披露的項目。',
    'zh-Hans': 'GRI 内容索引中每项省略的披露均列明 GRI 允许的原因，且不省略 GRI 规定必须披露的项目。',
  },
  run(ctx) {
    const scope = griScope(ctx);
    if (!scope) return;
    const rules = griContentIndexRules();
    const reasons = rules.omissionReasons
      .map((r) => localized(r.title, ctx.locale))
      .join(ctx.locale === 'en' ? '; ' : '；');
    for (const table of scope.tables)
      for (const row of table.rows) {
        // Omitted: an omission cell is filled in, the location is empty, or it explains why nothing is given.
        // A statement in place of a location that answers the disclosure ('No data has been restated', 'We
        // were not subject to significant fines') is the disclosure itself, not an omission.
        // A table with no location column at all says nothing of where rows are: not an omission.
        const omitted =
          row.omission !== '' ||
          (row.locationCell !== undefined &&
            (row.target.kind === 'empty' || (row.target.kind === 'explanation' && saysNotReported(row.target.text))));
        if (!omitted) continue;
        const id = row.refs.map((r) => r.id).join(', ');
        const range = row.omissionCell?.range ?? row.locationCell?.range ?? row.row.range;
        const notAllowed = row.refs.find((r) => rules.omissionNotAllowed.includes(r.id));
        if (notAllowed) {
          ctx.report({
            range,
            message: ctx.t('gri.omissionNotAllowed', { id: notAllowed.id }),
            data: { id: notAllowed.id },
          });
          continue;
        }
        // The reason may stand in any omission cell, or in the location cell in place of a location.
        const cells = [
          ...row.omissionCells.map((c) => plainCell(c.text)),
          ...(row.target.kind === 'explanation' ? [row.target.text] : []),
        ];
        if (cells.some((c) => matchOmissionReason(c) !== undefined)) continue;
        ctx.report({ range, message: ctx.t('gri.omissionReason', { id, reasons }), data: { id } });
      }
  },
};
