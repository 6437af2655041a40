// The coverage view's own words (parts, aspects, statuses, obligations) in the report's language, so
// that they match the titles and the summary, which come from the report: with VS Code in English and
// a Traditional Chinese report the view says '已披露 · 環境管理', not 'Disclosed · 環境管理'. The words
// are the client's l10n strings; their translations are the l10n bundles, bundled into the client.
// `reportLanguage(locale).l10n.t(...)` mirrors `vscode.l10n.t(...)` so the l10n test finds every string.
// Words the preview page shows too (statuses, obligations) come from the one table the page uses
// (client/webview/i18n.ts, typed keys), `reportLanguage(locale).label(key)`: translated once.
import * as vscode from 'vscode';
import { label, type LabelKey, type UiLocale } from '../webview/i18n';
import zhTw from '../../l10n/bundle.l10n.zh-tw.json';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

const BUNDLES: Record<string, Record<string, string>> = { 'zh-Hant': zhTw, 'zh-Hans': zhCn };

function format(message: string, args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) =>
    Number(i) < args.length ? String(args[Number(i)]) : whole,
  );
}

export interface Translator {
  l10n: { t(message: string, ...args: (string | number)[]): string };
  /** A word of the table shared with the preview page. */
  label(key: LabelKey): string;
}

/** The table VS Code's own language picks: the same two bundles as vscode.l10n (zh-tw, zh-cn), else English. */
function displayLocale(): UiLocale {
  const language = vscode.env.language.toLowerCase();
  return language === 'zh-tw' ? 'zh-Hant' : language === 'zh-cn' ? 'zh-Hans' : 'en';
}

/** Words in the report's locale (`en`, `zh-Hant`, `zh-Hans`); without one, in VS Code's language. */
export function reportLanguage(locale: string | undefined): Translator {
  if (locale === undefined) {
    const table = displayLocale();
    return { l10n: { t: (message, ...args) => vscode.l10n.t(message, ...args) }, label: (key) => label(table, key) };
  }
  const bundle = BUNDLES[locale];
  const table: UiLocale = locale === 'zh-Hant' || locale === 'zh-Hans' ? locale : 'en';
  return {
    l10n: { t: (message, ...args) => format(bundle?.[message] ?? message, args) },
    label: (key) => label(table, key),
  };
}
