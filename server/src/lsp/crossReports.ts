// Cross-report checks in the server: the reports a report links (`esg.translations`, `esg.previous`)
// are read through the same gate as chapters (open documents first, else the disk), analysed once and
// kept until one of their files changes (an edit of an open document, or a watched file on disk); the
// result for a report is kept per analysis, so a keystroke elsewhere costs nothing here.
import type { Analysis, AnalysisOptions } from '../engine';
import type { ReportWorkspace } from '../engine/workspace';
import { crossReport, LinkedReportCache, type CrossReport, type ReportView } from '../engine/xreport/report';
import { linkEntries, mayLink } from '../engine/xreport/links';

const NONE: CrossReport = { links: [], diagnostics: [] };

export class CrossReports {
  private readonly linked = new LinkedReportCache();
  /** Bumped whenever a linked file changes: every kept result older than it is computed again. */
  private generation = 0;
  private readonly results = new WeakMap<Analysis, { generation: number; cross: CrossReport }>();
  /** A file a report links (or a chapter of one) -> the roots of the reports that link it. */
  private readonly dependents = new Map<string, Set<string>>();

  /** The cross-report result of a report (its links followed through `workspace`). Never throws. */
  of(view: ReportView, workspace: ReportWorkspace | undefined, options: AnalysisOptions, onError: (error: unknown) => void): CrossReport {
    const text = view.analysis.model.text;
    if (!workspace || !mayLink(text)) return NONE;
    const kept = this.results.get(view.analysis);
    if (kept && kept.generation === this.generation) return kept.cross;
    const root = view.parts[0]?.uri ?? view.analysis.model.uri;
    let cross = NONE;
    try {
      cross = crossReport(view, workspace, options, this.linked);
    } catch (error) {
      onError(error);
    }
    // Every file named by a link, read or not (a missing one may be created), and the linked reports' chapters.
    const watched = new Set<string>();
    for (const entry of linkEntries(text)) {
      const uri = workspace.resolve(root, entry.reference);
      if (uri) watched.add(uri);
    }
    for (const link of cross.links) for (const part of link.project.parts) watched.add(part.uri);
    for (const uri of watched) {
      let roots = this.dependents.get(uri);
      if (!roots) this.dependents.set(uri, (roots = new Set()));
      roots.add(root);
    }
    this.results.set(view.analysis, { generation: this.generation, cross });
    return cross;
  }

  /** A file changed: forgets what was analysed of it and returns the roots of the reports that link it. */
  changed(uri: string): string[] {
    const roots = this.dependents.get(uri);
    if (!roots?.size) return [];
    this.linked.invalidate(uri);
    this.generation++;
    return [...roots];
  }

  /** Settings changed: nothing kept is valid. */
  clear(): void {
    this.linked.clear();
    this.generation++;
  }
}
