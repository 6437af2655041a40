// The coverage view's own words (parts, aspects, statuses, obligations) in the report's language, so
// that they match the titles and the summary, which come from the report: with VS Code in English and
// a Traditional Chinese report the view says '已披露 · 環境管理', not 'Disclosed · 環境管理'. The words
// are the client's l10n strings; their translations are the l10n bundles, bundled into the client.
// `reportLanguage(locale).l10n.t(...)` mirrors `vscode.l10n.t(...)` so the l10n test finds every string.
import * as vscode from 'vscode';
import zhTw from '../../l10n/bundle.l10n.zh-tw.json';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

const BUNDLES: Record<string, Record<string, string>> = { 'zh-Hant': zhTw, 'zh-Hans': zhCn };

function format(message: string, args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

export interface Translator {
  l10n: { t(message: string, ...args: (string | number)[]): string };
}

/** Words in the report's locale (`en`, `zh-Hant`, `zh-Hans`); without one, in VS Code's language. */
export function reportLanguage(locale: string | undefined): Translator {
  if (locale === undefined) return { l10n: { t: (message, ...args) => vscode.l10n.t(message, ...args) } };
  const bundle = BUNDLES[locale];
  return { l10n: { t: (message, ...args) => format(bundle?.[message] ?? message, args) } };
}
