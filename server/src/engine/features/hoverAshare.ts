// Hover for the A-share guidelines: on `listings:` / `frameworks:` in the front matter, on an `ashare=`
// tag and on a row of the double-materiality table, which rule of which framework applies and why
// (mandatory by listing, voluntary by claim, not in force for the year), and what a topic's conclusion
// asks of the report.
import type { Analysis } from '../analysis';
import type { Position } from '../types';
import type { Hover } from './types';
import { getItem, getPack } from '../catalogs/frameworks';
import { formatDate } from '../context';
import { contextOf, derivedOf } from '../derived';
import { localized, t, type MessageKey } from '../i18n';
import { ASHARE_PACK, pillarsIn, readTopic } from '../recognition/ashareMateriality';
import { attr } from '../parser/attributes';
import { plainCell } from '../recognition/indexTables';
import { ashareScopeOf, exchangeList, guidelineName } from '../rules/ashare/scope';
import { rowSection } from '../rules/ashare/materialityRows';
import { monthsAfter } from '../rules/ashare/due-date';
import { lineText } from './edits';

export function ashareHoverAt(analysis: Analysis, pos: Position): Hover | undefined {
  const doc = analysis.model;
  const config = doc.config;
  const locale = analysis.locale;
  const say = (key: MessageKey, args?: Record<string, string | number>) => t(locale, key, args);
  const rc = contextOf(doc, analysis.options).reporting;
  const scope = ashareScopeOf(config, rc.fyStart);
  const concerned = config.frameworks.includes(ASHARE_PACK) || config.listings.some((l) => l !== 'hkex');
  // Why the guidelines apply (or not), and what they check.
  const status = (): string[] => {
    if (!scope) return [say('hover.ashare.notInForce', { fyStart: rc.fyStart })];
    const guideline = guidelineName({ t: say }, scope);
    return [
      scope.exchanges.length
        ? say('hover.ashare.mandatory', { guideline, exchanges: exchangeList(scope.exchanges) })
        : say('hover.ashare.voluntary', { guideline }),
      '',
      say('hover.ashare.obligations', {
        ghg: say(scope.exchanges.length ? 'hover.ashare.ghgError' : 'hover.ashare.ghgWarning'),
        ashareDue: formatDate(monthsAfter(rc.fyEnd, 4), locale),
        hkexDue: formatDate(monthsAfter(rc.fyEnd, 5), locale),
      }),
    ];
  };
  const title = `*${localized(getPack(ASHARE_PACK)!.title, locale)}*`;
  const fm = doc.frontMatter;
  if (fm && concerned && pos.line >= fm.range.start.line && pos.line <= fm.range.end.line) {
    const text = lineText(doc, pos.line);
    const key = /^\s+(listings|frameworks)\s*:/.exec(text);
    if (!key) return undefined;
    const start = text.indexOf(key[1]);
    return {
      contents: [title, '', ...status()].join('\n'),
      range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: start + key[1].length } },
    };
  }
  if (!concerned) return undefined;
  // An `ashare="climate energy"` tag: the topics it names.
  const heading = doc.sections.find(
    (x) => x.heading.range.start.line <= pos.line && pos.line <= x.heading.range.end.line,
  );
  const tag = heading?.heading.attrs ? attr(heading.heading.attrs, 'ashare') : undefined;
  if (
    tag &&
    pos.line === tag.valueRange.start.line &&
    pos.character >= tag.valueRange.start.character &&
    pos.character <= tag.valueRange.end.character
  ) {
    const topics = tag.value
      .split(/[\s,，;；、]+/)
      .map((raw) => (raw ? readTopic(raw) : undefined))
      .filter((id): id is string => !!id)
      .slice(0, 21);
    const named = topics.map((id) => `**${id}** — ${localized(getItem(ASHARE_PACK, id)!.title, locale)}`);
    return { contents: [...named, '', title, '', ...status()].join('\n'), range: tag.valueRange };
  }
  // A row of the double-materiality table.
  const derived = derivedOf(doc);
  for (const table of derived.materialityTables)
    for (const row of table.rows) {
      if (row.row.line !== pos.line || !row.topic) continue;
      const item = getItem(ASHARE_PACK, row.topic)!;
      const lines = [`**${item.id}** — ${localized(item.title, locale)}`, '', title, ''];
      lines.push(
        `**${say('hover.ashare.conclusion')}**: ${say(`hover.ashare.conclusion.${row.conclusion ?? 'none'}`)}`,
      );
      if (row.conclusion === 'financial' || row.conclusion === 'both') {
        const section = rowSection(doc, row) ?? derived.topicSections.get(row.topic);
        if (section !== undefined)
          lines.push(
            '',
            say('hover.ashare.elements', {
              section: plainCell(doc.sections[section].heading.title).slice(0, 60),
              found: pillarsIn(doc, section).size,
            }),
          );
      }
      lines.push('', ...status());
      return { contents: lines.join('\n'), range: row.row.range };
    }
  return undefined;
}
