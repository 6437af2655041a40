// Hover on a figure of a report that links others: the same KPI and period in each language version
// and in last year's report, with the verdict (agrees, differs, restated …).
import type { Locale, Position, Range } from '../types';
import { type Fact } from '../numbers/facts';
import { t, tFromKey } from '../i18n';
import { compareFact } from './compare';
import { facts, keyedFacts, restatedMarker } from '../derived';
import { factText, languageName } from '../rules/xreport/common';
import type { CrossReport, ReportView } from './report';

function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

/** The fact whose figure lies under a position (engine coordinates), or undefined. */
export function factAt(view: ReportView, position: Position): Fact | undefined {
  return facts(view.analysis.model).all.find((f) => f.kpiId && !f.nil && contains(f.range, position));
}

/** Markdown lines for the hover of a figure, one per linked report that states the same KPI and period. */
export function crossHover(
  view: ReportView,
  cross: CrossReport,
  position: Position,
  locale: Locale,
): { lines: string[]; range: Range } | undefined {
  if (!cross.links.length) return undefined;
  const fact = factAt(view, position);
  if (!fact) return undefined;
  const lines: string[] = [];
  for (const link of cross.links) {
    const other = keyedFacts(link.project.analysis.model).get(`${fact.kpiId}@${fact.period}`);
    if (!other) continue;
    let verdict: string = compareFact(fact, other);
    if (
      link.kind === 'previous' &&
      verdict === 'different' &&
      fact.row &&
      restatedMarker(view.analysis.model, fact.row)?.reason
    )
      verdict = 'restated';
    const args = {
      lang: languageName(link.project, locale),
      value: factText(other),
      verdict: tFromKey(locale, `xreport.verdict.${verdict}`),
    };
    lines.push(
      t(locale, link.kind === 'previous' ? 'xreport.hoverPrevious' : 'xreport.hoverTranslation', args) +
        ` — \`${link.entry.reference}\``,
    );
  }
  return lines.length ? { lines, range: fact.range } : undefined;
}
