// Cross-report checks of one report: follows its `esg.translations` and `esg.previous` links through
// the workspace's gate, analyses each linked report once (cached by its text, so a linked report is
// analysed again only when it changes), and runs the xreport/ rules, whose diagnostics are added to
// the report's own. Pure: the files come through the injected ReportWorkspace.
import { analyzeReport, type ProjectAnalysis } from '../project';
import { optionsKey } from '../reanalyze';
import { contextOf } from '../derived';
import type { AnalysisOptions, Diagnostic } from '../types';
import type { ReportWorkspace } from '../workspace';
import { linkEntries, loadLinks, mayLink, type LinkProblem, type LinkedFile } from './links';
import { linkDiagnostics } from '../rules/xreport/link';
import { translationDiagnostics } from '../rules/xreport/translation-mismatch';
import { restatedDiagnostics } from '../rules/xreport/restated';
import { suppressCrossReport, type SuppressedDiagnostic } from '../rules/esg/suppression';
import type { LinkedReport, ReportView } from './views';

export { singleFileProject, singleFileView, type LinkedReport, type ReportView } from './views';

export interface CrossReport {
  /** The linked reports that were read and compared (a link refused or of another period is not). */
  links: LinkedReport[];
  /** Diagnostics of the xreport/ rules, in the files of the report (uri and range per file), less the suppressed. */
  diagnostics: Diagnostic[];
  /** Those silenced by the report's `esgmark-disable` comments, with their reasons. */
  suppressed: SuppressedDiagnostic[];
  /** Every finding before suppression: what a later version of the report moves and suppresses again. */
  found: Diagnostic[];
}

/** At most this many linked reports are kept analysed (two or three versions, each with a previous year). */
const CACHE_MAX = 16;

/**
 * What the host knows of a linked report that is open in an editor: the analysis it made of exactly
 * this text (undefined when it has none, or not of this text). Reused when made under the same options,
 * so an open report is analysed once, as itself, and not again as another report's linked one.
 */
export type OpenReportAnalysis = (uri: string, text: string) => ProjectAnalysis | undefined;

/** Linked reports analysed once: reused while the root text and the options are the same. */
export class LinkedReportCache {
  private readonly entries = new Map<
    string,
    {
      text: string;
      key: string;
      project: ProjectAnalysis;
      stamps: (string | undefined)[];
      /** One of its files changed since: analysed again (from this one where the edit allows). */
      stale: boolean;
    }
  >();

  constructor(private readonly open?: OpenReportAnalysis) {}

  analyze(file: LinkedFile, workspace: ReportWorkspace, options: AnalysisOptions): ProjectAnalysis {
    if (file.kept) return file.kept;
    const key = optionsKey(options);
    const opened = this.open?.(file.uri, file.text);
    if (opened && optionsKey(opened.analysis.options) === key) return opened;
    const cached = this.entries.get(file.uri);
    if (cached && !cached.stale && cached.key === key && cached.text === file.text) return cached.project;
    // The previous analysis of the same file: the engine derives the new one from it where the edit allows.
    const project = analyzeReport(
      { uri: file.uri, text: file.text, decoded: file.decoded },
      workspace,
      options,
      cached?.key === key ? cached.project : undefined,
    );
    this.entries.delete(file.uri);
    if (this.entries.size >= CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    // Stamped after the read: a file changed since gets another stamp, and is read again next time.
    this.entries.set(file.uri, {
      text: file.text,
      key,
      project,
      stamps: project.parts.map((p) => workspace.stamp?.(p.uri)),
      stale: false,
    });
    return project;
  }

  /** The analysis kept of a linked report none of whose files changed (by their stamps), else undefined: read it again. */
  kept(uri: string, workspace: ReportWorkspace, options: AnalysisOptions): ProjectAnalysis | undefined {
    const cached = this.entries.get(uri);
    if (!cached || cached.stale || cached.key !== optionsKey(options) || !workspace.stamp) return undefined;
    const same = cached.project.parts.every((p, i) => {
      const stamp = cached.stamps[i];
      return stamp !== undefined && workspace.stamp!(p.uri) === stamp;
    });
    return same ? cached.project : undefined;
  }

  /**
   * Marks every linked report one of whose files is `uri` as changed (on disk or in an editor): it is
   * analysed again when next linked, derived from the kept analysis where the edit allows; true if any.
   */
  invalidate(uri: string): boolean {
    let any = false;
    for (const [root, entry] of this.entries) {
      if (root === uri || entry.project.parts.some((p) => p.uri === uri)) {
        entry.stale = true;
        any = true;
      }
    }
    return any;
  }

  clear(): void {
    this.entries.clear();
  }
}

const NONE: CrossReport = { links: [], diagnostics: [], suppressed: [], found: [] };

/** The periods two reports cover, as problems at the link when they cannot be compared. */
function periodProblem(
  here: ReportView,
  file: LinkedFile,
  there: ReportView,
  options: AnalysisOptions,
): LinkProblem | undefined {
  // A file without an `esg:` front matter is not an ESG report: comparing it would list every KPI as missing.
  if (!there.analysis.model.config.present)
    return { kind: 'not-a-report', link: file.kind, range: file.entry.range, args: { path: file.entry.reference } };
  const a = contextOf(here.analysis.model, options).reporting;
  const b = contextOf(there.analysis.model, options).reporting;
  // A report that does not give its period is not checked against one that does (nothing certain to say).
  if (!a.known || !b.known) return undefined;
  const args = { path: file.entry.reference, start: a.fyStart, end: a.fyEnd, otherStart: b.fyStart, otherEnd: b.fyEnd };
  if (file.kind === 'translation' && (a.fyStart !== b.fyStart || a.fyEnd !== b.fyEnd))
    return { kind: 'period', link: file.kind, range: file.entry.range, args };
  if (file.kind === 'previous' && b.fyEnd >= a.fyEnd)
    return { kind: 'not-earlier', link: file.kind, range: file.entry.range, args };
  return undefined;
}

/**
 * Follows the links of an analysed report and checks it against the reports it links. Never throws
 * on any input: a link that cannot be followed is an `xreport/link` diagnostic at its key.
 */
export function crossReport(
  here: ReportView,
  workspace: ReportWorkspace,
  options: AnalysisOptions = {},
  cache: LinkedReportCache = new LinkedReportCache(),
): CrossReport {
  const model = here.analysis.model;
  const root = here.parts[0];
  if (!root || !mayLink(model.text)) return NONE;
  const entries = linkEntries(model.text);
  if (!entries.length) return NONE;
  const { files, problems } = loadLinks({ uri: root.uri, text: model.text }, workspace, entries, (uri) =>
    cache.kept(uri, workspace, options),
  );
  const links: LinkedReport[] = [];
  for (const file of files) {
    const project = cache.analyze(file, workspace, options);
    const problem = periodProblem(here, file, project, options);
    if (problem) problems.push(problem);
    else links.push({ kind: file.kind, entry: file.entry, uri: file.uri, project });
  }
  const locale = here.analysis.locale;
  const diagnostics: Diagnostic[] = linkDiagnostics(root.uri, problems, locale, options);
  for (const link of links) {
    const rule = link.kind === 'translation' ? 'xreport/translation-mismatch' : 'xreport/restated';
    // A rule that throws loses its results for this link, as in the rule runner; the others are kept.
    try {
      if (options.faultRules?.has(rule)) throw new Error(`fault injected into ${rule}`);
      diagnostics.push(
        ...(link.kind === 'translation'
          ? translationDiagnostics(here, link, locale, options)
          : restatedDiagnostics(here, link, locale, options)),
      );
    } catch (error) {
      options.onRuleError?.(rule, error);
    }
  }
  return { links, ...suppressedIn(here, diagnostics) };
}

/**
 * The report's suppression comments applied to cross-report findings (in its files' lines): those the
 * comments cover go to `suppressed`, as the report's own findings do in `analyze`.
 */
export function suppressedIn(here: ReportView, found: Diagnostic[]): Omit<CrossReport, 'links'> {
  const lineOf = (d: Diagnostic) => (here.parts.find((p) => p.uri === d.uri)?.firstLine ?? 0) + d.range.start.line;
  const { diagnostics, suppressed } = suppressCrossReport(
    here.analysis.model,
    found,
    lineOf,
    (range) => here.mapRange(range).range,
  );
  return { diagnostics, suppressed, found };
}

/** The project with the cross-report diagnostics added to each file's own (a new object; the input is unchanged). */
export function withCrossReport(project: ProjectAnalysis, cross: CrossReport): ProjectAnalysis {
  if (!cross.diagnostics.length && !cross.suppressed.length) return project;
  const suppressed = new Map<string, SuppressedDiagnostic[]>();
  for (const [uri, list] of project.suppressed) suppressed.set(uri, list.slice());
  for (const d of cross.suppressed) suppressed.get(d.uri)?.push(d);
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const [uri, list] of project.diagnostics) diagnostics.set(uri, list.slice());
  for (const d of cross.diagnostics) {
    const list = diagnostics.get(d.uri);
    if (list) list.push(d);
  }
  for (const list of diagnostics.values())
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { ...project, diagnostics, suppressed };
}
