// The KPI preview's columns for the reports a report links: for each linked report, the figure it
// states for each of this report's KPIs and periods, and how the two compare (as the hover says it).
import type { Locale } from '../types';
import type { Fact } from '../numbers/facts';
import { facts, keyedFacts, restatedMarker } from '../derived';
import type { LinkedVerdict, ReportLinked, ReportLinkedFigure } from '../features/reportModel';
import { factText, languageName, placeOf } from '../rules/xreport/common';
import { compareFact } from './compare';
import type { CrossReport, ReportView } from './report';

function verdictOf(view: ReportView, kind: ReportLinked['kind'], fact: Fact, other: Fact): LinkedVerdict {
  const verdict = compareFact(fact, other);
  // A prior-year figure that differs on purpose, marked with its reason, is a restatement, not a drift.
  if (
    kind === 'previous' &&
    verdict === 'different' &&
    fact.row &&
    restatedMarker(view.analysis.model, fact.row)?.reason
  )
    return 'restated';
  return verdict;
}

/** The linked reports' figures of the report's KPIs, one entry per linked report that was compared. */
export function linkedColumns(view: ReportView, cross: CrossReport, locale: Locale): ReportLinked[] {
  if (!cross.links.length) return [];
  const own = facts(view.analysis.model).all.filter((f) => f.kpiId && !f.nil);
  return cross.links.map((link) => {
    const theirs = keyedFacts(link.project.analysis.model);
    const figures: Record<string, ReportLinkedFigure> = {};
    for (const fact of own) {
      const key = `${fact.kpiId}@${fact.period}`;
      if (Object.hasOwn(figures, key)) continue;
      const other = theirs.get(key);
      if (!other || other.nil) continue;
      const place = placeOf(link.project, other.range);
      figures[key] = {
        raw: factText(other),
        verdict: verdictOf(view, link.kind, fact, other),
        uri: place.uri,
        range: place.range,
      };
    }
    return {
      kind: link.kind,
      path: link.entry.reference,
      uri: link.uri,
      language: languageName(link.project, locale),
      figures,
    };
  });
}
