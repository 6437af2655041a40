// esg/encoding: a report file is UTF-8. Pandoc reads UTF-8 only, so a file saved as UTF-16 or
// UTF-32 (with a byte order mark), or with bytes that are not UTF-8, converts to garbage or fails
// there even though esgmark decoded it. Said once, at the file's first line (or the first bad byte).
import { t } from '../../i18n';
import { positionAt, splitLines } from '../../parser/lines';
import type { DecodedText } from '../../text/decode';
import type { AnalysisOptions, Diagnostic, Locale } from '../../types';
import type { RuleInfo } from '../rule';

export const encodingRule: RuleInfo = {
  id: 'esg/encoding',
  defaultSeverity: 'warning',
  description: {
    en: 'Every file of the report is UTF-8 text, as Pandoc requires.',
    'zh-Hant': '報告的每個檔案都是 Pandoc 所要求的 UTF-8 文字。',
    'zh-Hans': '报告的每个文件都是 Pandoc 所要求的 UTF-8 文本。',
  },
};

const NAMES: Record<DecodedText['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'utf-32le': 'UTF-32 LE',
  'utf-32be': 'UTF-32 BE',
};

/** What a file's decoding calls for: nothing for plain UTF-8, else one diagnostic per problem. */
export function encodingDiagnostics(
  uri: string,
  text: string,
  decoded: Omit<DecodedText, 'text'>,
  locale: Locale,
  options: AnalysisOptions,
): Diagnostic[] {
  const override = options.severity?.[encodingRule.id];
  if (override === 'off') return [];
  const out: Diagnostic[] = [];
  const severity = override ?? encodingRule.defaultSeverity;
  const encoding = NAMES[decoded.encoding];
  if (decoded.encoding !== 'utf-8') {
    out.push({
      uri,
      rule: encodingRule.id,
      severity,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: t(locale, 'encoding.bom', { encoding }),
      data: { encoding: decoded.encoding },
    });
  }
  if (decoded.invalidAt !== undefined) {
    const at = positionAt(splitLines(text.slice(0, decoded.invalidAt + 1)).starts, decoded.invalidAt);
    out.push({
      uri,
      rule: encodingRule.id,
      severity,
      range: { start: at, end: { line: at.line, character: at.character + 1 } },
      message: t(locale, 'encoding.invalid', { encoding }),
      data: { encoding: decoded.encoding, offset: decoded.invalidAt },
    });
  }
  return out;
}
