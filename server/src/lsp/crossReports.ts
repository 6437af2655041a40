// Cross-report checks in the server: the reports a report links (`esg.translations`, `esg.previous`)
// are read through the same gate as chapters (open documents first, else the disk), analysed once and
// kept until one of their files changes (an edit of an open document, or a watched file on disk); the
// result for a report is kept per analysis, so a keystroke elsewhere costs nothing here.
import {
  crossReport,
  LinkedReportCache,
  linkEntries,
  mayLink,
  derivedUnchanged,
  modelToken,
  type Analysis,
  type AnalysisOptions,
  type ReportWorkspace,
  type CrossReport,
  type ReportView,
  type ModelToken,
  type ModelPart,
  type Diagnostic,
} from '../engine';

/** What the cross-report checks read of a report: its links and period, tags and index, KPI tables and spans. */
const XREPORT_INPUTS: readonly ModelPart[] = ['frontMatter', 'structure', 'tables', 'spans'];

const NONE: CrossReport = { links: [], diagnostics: [] };

export class CrossReports {
  private readonly linked = new LinkedReportCache();
  /** Bumped whenever a linked file changes: every kept result older than it is computed again. */
  private generation = 0;
  private readonly results = new WeakMap<Analysis, { generation: number; cross: CrossReport }>();
  /** The same, by model token: an edit that changed none of XREPORT_INPUTS reuses the result, moved. */
  private readonly byModel = new WeakMap<ModelToken, { generation: number; cross: CrossReport }>();
  /** A file a report links (or a chapter of one) -> the roots of the reports that link it. */
  private readonly dependents = new Map<string, Set<string>>();

  /** The cross-report result of a report (its links followed through `workspace`). Never throws. */
  of(
    view: ReportView,
    workspace: ReportWorkspace | undefined,
    options: AnalysisOptions,
    onError: (error: unknown) => void,
  ): CrossReport {
    const text = view.analysis.model.text;
    if (!workspace || !mayLink(text)) return NONE;
    const kept = this.results.get(view.analysis);
    if (kept && kept.generation === this.generation) return kept.cross;
    const root = view.parts[0]?.uri ?? view.analysis.model.uri;
    const reused = this.moved(view);
    if (reused) {
      this.results.set(view.analysis, { generation: this.generation, cross: reused });
      this.byModel.set(modelToken(view.analysis.model), { generation: this.generation, cross: reused });
      return reused;
    }
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
    this.byModel.set(modelToken(view.analysis.model), { generation: this.generation, cross });
    return cross;
  }

  /**
   * The previous version's result moved with the edit, when the edit changed nothing the checks read
   * (a keystroke in a paragraph) and no linked file changed since; undefined otherwise. Only for a
   * report of one file: a chapter's diagnostics are in its own lines, the edit in the report's.
   */
  private moved(view: ReportView): CrossReport | undefined {
    if (view.parts.length !== 1) return undefined;
    const derived = derivedUnchanged(view.analysis.model, XREPORT_INPUTS);
    const before = derived && this.byModel.get(derived.from);
    if (!derived || !before || before.generation !== this.generation) return undefined;
    const diagnostics: Diagnostic[] = [];
    for (const d of before.cross.diagnostics) {
      // Only what lies in this file moves: related information points at the other reports.
      const fix = d.data?.fix as
        { title: string; edits: Record<string, { range: unknown; newText: string }[]> } | undefined;
      const moved = derived.move({ range: d.range, labelRange: d.data?.labelRange, edits: fix?.edits[d.uri] });
      if (!moved) return undefined;
      const data = d.data && {
        ...d.data,
        ...(moved.labelRange ? { labelRange: moved.labelRange } : {}),
        ...(fix && moved.edits ? { fix: { ...fix, edits: { [d.uri]: moved.edits } } } : {}),
      };
      diagnostics.push({ ...d, range: moved.range, ...(data ? { data } : {}) });
    }
    return { links: before.cross.links, diagnostics };
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
