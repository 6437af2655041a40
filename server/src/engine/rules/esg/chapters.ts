// esg/chapters: every chapter a root lists is part of the report. The entries are checked by the
// chapter loader (engine/chapters.ts) before any text is analysed, so this rule is not run on the
// document model: it turns the loader's problems into diagnostics at the entries that named them.
import type { ChapterProblem } from '../../chapters';
import { t } from '../../i18n';
import type { AnalysisOptions, Diagnostic, Locale } from '../../types';
import type { RuleInfo } from '../rule';

export const chaptersRule: RuleInfo = {
  id: 'esg/chapters',
  defaultSeverity: 'error',
  quotesLineNumbers: true,
  description: {
    en: 'Every chapter listed in `esg.chapters` is a readable file inside the workspace, listed once, with no cycle.',
    'zh-Hant': '`esg.chapters` 所列的每個章節都是工作區內可讀取的檔案，只列一次，且沒有循環。',
    'zh-Hans': '`esg.chapters` 所列的每个章节都是工作区内可读取的文件，只列一次，且没有循环。',
  },
};

/** The loader's problems as diagnostics of the root, in the report's language, with severity overrides applied. */
export function chapterDiagnostics(
  rootUri: string,
  problems: readonly ChapterProblem[],
  locale: Locale,
  options: AnalysisOptions,
): Diagnostic[] {
  const override = options.severity?.[chaptersRule.id];
  if (override === 'off') return [];
  return problems.map((p) => ({
    uri: rootUri,
    rule: chaptersRule.id,
    range: p.range,
    severity: override ?? chaptersRule.defaultSeverity,
    message: t(locale, `chapters.${p.kind}`, p.args),
    data: { kind: p.kind, path: p.args.path },
  }));
}
