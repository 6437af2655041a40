// Messages in the report's language. Every user-facing string of the engine is in the message table
// (messages.ts, which gathers each rule family's messages), keyed, with `{name}` placeholders, in English,
// Traditional Chinese and Simplified Chinese. A key is a type: `t` takes only keys the table has.
import type { EsgConfig } from './frontmatter';
import type { Locale, Localized } from './types';
import { MESSAGES } from './messages';

export type MessageKey = keyof typeof MESSAGES;

/** A message template split at its `{name}` placeholders: literal text at even indexes, names at odd ones. */
const compiledTemplates = new Map<string, string[]>();

function compile(template: string): string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/** A message of the table, in `locale`, its `{name}` placeholders filled from `args`. */
export function t(locale: Locale, key: MessageKey, args: Record<string, string | number> = {}): string {
  return tFromKey(locale, key, args);
}

/**
 * A message whose key is made at run time (a parser problem's key, `kpi.dim.${dimension}`), which the
 * type of `t` cannot check: an unknown key comes back as it is, its placeholders filled.
 */
export function tFromKey(locale: Locale, key: string, args: Record<string, string | number> = {}): string {
  const entry = (MESSAGES as Record<string, Localized>)[key];
  // Unknown keys are returned as they are (and not remembered: a key is not a template).
  if (!entry) return key.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
  const parts = compile(entry[locale]);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2)
    out += (parts[i] in args ? String(args[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
  return out;
}

export function localized(l: Localized, locale: Locale): string {
  return l[locale] || l.en;
}

/**
 * The locale of messages: an explicit override (settings, CLI), then `esg.locale`, then `lang`,
 * then the script of the report's headings, then English.
 */
export function resolveLocale(config: EsgConfig, override: Locale | undefined, headingText = ''): Locale {
  if (override) return override;
  if (config.locale) return config.locale;
  return guessLocale(headingText) ?? 'en';
}

// Characters that exist only in one of the two Chinese scripts and are common in ESG reports.
const TRADITIONAL = /[與發關層員總數據環報會體護應對產權類劃區達廢氣電時資營]/g;
const SIMPLIFIED = /[与发关层员总数据环报会体护应对产权类划区达废气电时资营]/g;

export function guessLocale(text: string): Locale | undefined {
  if (!text) return undefined;
  const trad = text.match(TRADITIONAL)?.length ?? 0;
  const simp = text.match(SIMPLIFIED)?.length ?? 0;
  if (trad === 0 && simp === 0) return /[\u4e00-\u9fff]/.test(text) ? 'zh-Hant' : undefined;
  return trad >= simp ? 'zh-Hant' : 'zh-Hans';
}
