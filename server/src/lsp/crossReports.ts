// Cross-report checks in the server: the reports a report links (`esg.translations`, `esg.previous`)
// are read through the same gate as chapters (open documents first, else the disk), analysed once and
// kept until one of their files changes (an edit of an open document, or a watched file on disk); the
// result for a report is kept per analysis, so a keystroke elsewhere costs nothing here.
import {
  crossReport,
  LinkedReportCache,
  suppressedIn,
  type OpenReportAnalysis,
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
const XREPORT_INPUTS: readonly ModelPart[] = [
  'frontMatter',
  'structure',
  'headingText',
  'links',
  'indexTables',
  'tables',
  'spans',
];

const NONE: CrossReport = { links: [], diagnostics: [], suppressed: [], found: [] };

/** A result kept, with the generation of each file it read (or would read, were it there) when computed. */
interface Kept {
  cross: CrossReport;
  settings: number;
  reads: Map<string, number>;
}

export class CrossReports {
  private readonly linked: LinkedReportCache;
  /** Bumped on a settings change: nothing kept before is valid. */
  private settings = 0;
  /**
   * Bumped per file when it changes (an edit, or on disk): a kept result is valid while every file it
   * read has the generation it had then. Per file, not global: with two versions linking each other, a
   * keystroke in one does not make the other's result, nor its own, stale.
   */
  private readonly generations = new Map<string, number>();
  private readonly results = new WeakMap<Analysis, Kept>();
  /** The same, by model token: an edit that changed none of XREPORT_INPUTS reuses the result, moved. */
  private readonly byModel = new WeakMap<ModelToken, Kept>();
  /** A file a report links (or a chapter of one) -> the roots of the reports that link it. */
  private readonly dependents = new Map<string, Set<string>>();

  /** `open`: the host's analysis of a linked report open in an editor, reused instead of a second one. */
  constructor(open?: OpenReportAnalysis) {
    this.linked = new LinkedReportCache(open);
  }

  private valid(kept: Kept | undefined): kept is Kept {
    if (!kept || kept.settings !== this.settings) return false;
    for (const [uri, generation] of kept.reads) if ((this.generations.get(uri) ?? 0) !== generation) return false;
    return true;
  }

  private keep(view: ReportView, cross: CrossReport, reads: Map<string, number>): void {
    const kept = { cross, settings: this.settings, reads };
    this.results.set(view.analysis, kept);
    this.byModel.set(modelToken(view.analysis.model), kept);
  }

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
    if (this.valid(kept)) return kept.cross;
    const root = view.parts[0]?.uri ?? view.analysis.model.uri;
    const reused = this.moved(view);
    if (reused) {
      this.keep(view, reused.cross, reused.reads);
      return reused.cross;
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
    const reads = new Map<string, number>();
    for (const uri of watched) {
      let roots = this.dependents.get(uri);
      if (!roots) this.dependents.set(uri, (roots = new Set()));
      roots.add(root);
      reads.set(uri, this.generations.get(uri) ?? 0);
    }
    this.keep(view, cross, reads);
    return cross;
  }

  /**
   * The previous version's result moved with the edit, when the edit changed nothing the checks read
   * (a keystroke in a paragraph) and no linked file changed since; undefined otherwise. Only for a
   * report of one file: a chapter's diagnostics are in its own lines, the edit in the report's. The
   * suppression comments are applied again (the edit may have written one).
   */
  private moved(view: ReportView): { cross: CrossReport; reads: Map<string, number> } | undefined {
    if (view.parts.length !== 1) return undefined;
    const derived = derivedUnchanged(view.analysis.model, XREPORT_INPUTS);
    const before = derived && this.byModel.get(derived.from);
    if (!derived || !this.valid(before)) return undefined;
    const found: Diagnostic[] = [];
    for (const d of before.cross.found) {
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
      found.push({ ...d, range: moved.range, ...(data ? { data } : {}) });
    }
    return { cross: { links: before.cross.links, ...suppressedIn(view, found) }, reads: before.reads };
  }

  /** A file changed: forgets what was analysed of it and returns the roots of the reports that link it. */
  changed(uri: string): string[] {
    const roots = this.dependents.get(uri);
    if (!roots?.size) return [];
    this.linked.invalidate(uri);
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
    return [...roots];
  }

  /** Settings changed: nothing kept is valid. */
  clear(): void {
    this.linked.clear();
    this.settings++;
  }
}
