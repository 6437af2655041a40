// frontmatter/schema: the `esg:` front matter, validated with zod; each problem at its key.
import type { NoData, Rule } from '../rule';
import { lineText, positionAt } from '../../parser/lines';
import type { Position } from '../../types';

export const schema: Rule<NoData> = {
  id: 'frontmatter/schema',
  defaultSeverity: 'error',
  description: {
    en: 'The front matter is valid YAML and its `esg:` keys have the expected types and values.',
    'zh-Hant': '前置資料是有效的 YAML，且 `esg:` 各鍵的類型及數值正確。',
    'zh-Hans': '前置资料是有效的 YAML，且 `esg:` 各键的类型及数值正确。',
  },
  run(ctx) {
    const fm = ctx.doc.frontMatter;
    if (!fm) return;
    // The YAML library's ranges may end between the CR and LF of a CRLF: keep positions on their line.
    const lineLength = (line: number) => (lineText(ctx.doc.text, ctx.doc.lineStarts, line) ?? '').length;
    const clamp = (p: Position): Position => ({ line: p.line, character: Math.min(p.character, lineLength(p.line)) });
    for (const p of fm.problems) {
      const start = clamp(positionAt(ctx.doc.lineStarts, fm.yamlStart + p.start));
      const end = clamp(positionAt(ctx.doc.lineStarts, fm.yamlStart + Math.min(p.end, fm.yamlText.length)));
      ctx.report({ range: { start, end }, message: ctx.tFromKey(p.key, p.args) });
    }
  },
};
