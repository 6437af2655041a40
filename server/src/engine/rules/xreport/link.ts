// xreport/link: every report named in `esg.translations` and `esg.previous` can be followed. The links
// are read by the loader (engine/xreport/links.ts) before anything is compared, so this rule is not run
// on the document model: it turns the loader's problems into diagnostics at the entries that named them.
import { t } from '../../i18n';
import type { AnalysisOptions, Diagnostic, Locale } from '../../types';
import type { RuleInfo } from '../rule';
import type { LinkProblem } from '../../xreport/links';
import { capped } from './common';

export const linkRule: RuleInfo = {
  id: 'xreport/link',
  defaultSeverity: 'warning',
  quotesLineNumbers: true,
  description: {
    en: 'Every report named in `esg.translations` and `esg.previous` is a readable file inside the workspace, not this report, not circular, and covers the right financial year.',
    'zh-Hant':
      '`esg.translations` 及 `esg.previous` 所列的每份報告都是工作區內可讀取的檔案，不是本報告自身，沒有循環，並涵蓋正確的財政年度。',
    'zh-Hans':
      '`esg.translations` 及 `esg.previous` 所列的每份报告都是工作区内可读取的文件，不是本报告自身，没有循环，并涵盖正确的财政年度。',
  },
};

/** The loader's problems as diagnostics of the report, in its language, with severity overrides applied. */
export function linkDiagnostics(
  uri: string,
  problems: readonly LinkProblem[],
  locale: Locale,
  options: AnalysisOptions,
): Diagnostic[] {
  const override = options.severity?.[linkRule.id];
  if (override === 'off') return [];
  return capped(
    problems.map((p) => ({
      uri,
      rule: linkRule.id,
      range: p.range,
      severity: override ?? linkRule.defaultSeverity,
      message: t(locale, `xreport.link.${p.kind}`, {
        key: p.link === 'previous' ? 'esg.previous' : 'esg.translations',
        detail: '',
        ...p.args,
      }),
      data: { kind: p.kind, link: p.link, path: p.args.path },
    })),
  );
}
