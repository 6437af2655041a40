// What the cross-report checks see of a report and of the reports it links. Types (and one small
// function) only: the xreport/ rules name them, and the module that analyses the linked reports
// (report.ts) runs those rules.
import type { Analysis, ProjectAnalysis } from '../analysis';
import type { LinkEntry, LinkKind } from './links';

/** What the cross-report checks read of a report: its analysis, its files, and how ranges map to them. */
export type ReportView = Pick<ProjectAnalysis, 'analysis' | 'parts' | 'mapRange'>;

/** The view of a report of one file (an analysis without chapters). */
export function singleFileView(analysis: Analysis): ReportView {
  const uri = analysis.model.uri;
  return {
    analysis,
    parts: [{ uri, firstLine: 0, lineCount: analysis.model.lineStarts.length, lastLineLength: 0 }],
    mapRange: (range) => ({ uri, range }),
  };
}

export interface LinkedReport {
  kind: LinkKind;
  entry: LinkEntry;
  uri: string;
  project: ProjectAnalysis;
}

/**
 * An analysis of a report of one file as a project of one file (every range in its own file): what a
 * host that analysed an open report hands the cross-report checks.
 */
export function singleFileProject(analysis: Analysis): ProjectAnalysis {
  const uri = analysis.model.uri;
  return {
    analysis,
    parts: singleFileView(analysis).parts,
    diagnostics: new Map([[uri, analysis.diagnostics]]),
    suppressed: new Map([[uri, analysis.suppressed]]),
    toFile: (position) => ({ uri, position }),
    fromFile: (u, position) => (u === uri ? position : undefined),
    mapRange: (range) => ({ uri, range }),
    mapEdits: (edits) => ({ [uri]: edits }),
  };
}
