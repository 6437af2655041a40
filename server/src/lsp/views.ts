// An open document as the handlers see it: its analysis (the whole report's, for a file of a multi-file
// report), how positions map between the file and the analysis, and the checks against the reports it
// links. Also what the pull handlers read: the same diagnostics a push would publish.
import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze,
  getReportModel,
  linkedColumns,
  remapReportModel,
  singleFileProject,
  singleFileView,
  type Analysis,
  type CrossReport,
  type Diagnostic,
  type DocumentSymbol as EngineSymbol,
  type Position,
  type ProjectAnalysis,
  type Range,
  type ReportModel,
  withCrossReport,
} from '../engine';
import { pathOfUri } from '../host/workspace';
import type { PullHost } from './pullHandlers';
import { checkpoint } from './requests';
import type { Session } from './session';

/**
 * An open document's analysis as the handlers use it. For a file of a multi-file report the analysis
 * is the whole report's, and positions and ranges are mapped between the file and the report.
 */
export interface View {
  document: TextDocument;
  analysis: Analysis;
  project?: ProjectAnalysis;
  /** A position of this document in the analysis. */
  toEngine(position: Position): Position;
  /** A range of the analysis in this document, or undefined when it lies in another file. */
  toDocument(range: Range): Range | undefined;
  /** A range of the analysis with the file it lies in. */
  locate(range: Range): { uri: string; range: Range };
  /** The checks against the reports it links (`esg.translations`, `esg.previous`). */
  cross: CrossReport;
}

/** The analysis of the document's current version, from the cache or computed now. */
function analysisFor(session: Session, document: TextDocument): Analysis {
  const cached = session.cache.get(document.uri, document.version, session.settingsGeneration);
  if (cached) return cached;
  // Derived from the previous version's analysis where the edit allows (same result, less work).
  const analysis = analyze(
    { uri: document.uri, text: document.getText() },
    session.engineOptions(document.uri),
    session.cache.latest(document.uri, session.settingsGeneration),
  );
  session.cache.set(document.uri, document.version, session.settingsGeneration, analysis);
  session.logLimits(analysis);
  return analysis;
}

/** The cross-report result of an analysed report (empty when it links nothing). */
function crossOf(session: Session, view: Pick<ProjectAnalysis, 'analysis' | 'parts' | 'mapRange'>): CrossReport {
  const uri = view.parts[0]?.uri ?? view.analysis.model.uri;
  return session.crossReports.of(view, session.projects.workspaceFor(uri), session.engineOptions(uri), (error) =>
    session.logError('cross-report checks', error),
  );
}

/** A file's diagnostics: its own and those of the checks against the reports it links. */
export function diagnosticsIn(view: Pick<View, 'analysis' | 'project' | 'cross'>, uri: string): Diagnostic[] {
  const own = view.project ? (view.project.diagnostics.get(uri) ?? []) : view.analysis.diagnostics;
  const cross = view.cross.diagnostics.filter((d) => d.uri === uri);
  return cross.length
    ? [...own, ...cross].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      )
    : own;
}

function projectFor(session: Session, document: TextDocument): ProjectAnalysis | undefined {
  const ref = session.projects.projectOf(document.uri, document.getText());
  const project = ref
    ? session.projects.analyze(ref, session.engineOptions(ref.root), session.settingsGeneration)
    : undefined;
  if (project) session.logLimits(project.analysis);
  // A chapter its root could not include (outside the workspace, a cycle...) is checked on its own.
  return project?.parts.some((p) => p.uri === document.uri) ? project : undefined;
}

export function viewOf(session: Session, document: TextDocument): View {
  const project = projectFor(session, document);
  if (!project) {
    const analysis = analysisFor(session, document);
    return {
      document,
      analysis,
      toEngine: (p) => p,
      toDocument: (r) => r,
      locate: (r) => ({ uri: document.uri, range: r }),
      cross: crossOf(session, singleFileView(analysis)),
    };
  }
  return {
    document,
    analysis: project.analysis,
    project,
    cross: crossOf(session, project),
    toEngine: (p) => project.fromFile(document.uri, p) ?? p,
    toDocument: (r) => {
      const m = project.mapRange(r);
      return m.uri === document.uri ? m.range : undefined;
    },
    locate: (r) => project.mapRange(r),
  };
}

/** Single-file analyses as projects, made once per analysis (the cross-report cache compares them by identity). */
const singleFileProjects = new WeakMap<Analysis, ProjectAnalysis>();

/**
 * The analysis of an open report of exactly this text, as its own validation makes it (cached per
 * version): a report linked by another open one is then analysed once. Undefined when it is not open,
 * not checked, has other text, or is a chapter (a link names a report's root).
 */
export function openReportAnalysis(session: Session, uri: string, text: string): ProjectAnalysis | undefined {
  const document = session.documents.get(uri);
  if (!document || document.getText() !== text || !session.shouldCheck(document)) return undefined;
  const project = projectFor(session, document);
  if (project) return project.parts[0]?.uri === uri ? project : undefined;
  const analysis = analysisFor(session, document);
  let single = singleFileProjects.get(analysis);
  if (!single) singleFileProjects.set(analysis, (single = singleFileProject(analysis)));
  return single;
}

/** The open ESG document for a uri with its analysis, or undefined for unknown / non-ESG documents. */
export async function viewOfUri(session: Session, uri: string): Promise<View | undefined> {
  await session.settingsReady;
  const document = session.documents.get(uri);
  if (!document || !session.shouldCheck(document)) return undefined;
  return viewOf(session, document);
}

/** Symbols of the analysis that lie in this document, with their ranges mapped. */
export function symbolsIn(view: View, symbols: EngineSymbol[]): EngineSymbol[] {
  const out: EngineSymbol[] = [];
  for (const s of symbols) {
    const range = view.toDocument(s.range);
    const selectionRange = view.toDocument(s.selectionRange);
    if (!range || !selectionRange) continue;
    out.push({ ...s, range, selectionRange, children: symbolsIn(view, s.children) });
  }
  return out;
}

/** A multi-file report's model with ranges mapped to its files, built once per project analysis. */
const remappedModels = new WeakMap<ProjectAnalysis, ReportModel>();

/**
 * The report model of a view, each expensive step behind a checkpoint: a cancelled request stops at the
 * next one. Every step is cached (the model per analysis, the remapped model per project analysis), so
 * a storm of identical requests for one document version costs one computation.
 */
export async function reportModelOf(found: View, token: CancellationToken): Promise<ReportModel> {
  await checkpoint(token);
  const model = getReportModel(found.analysis);
  const project = found.project;
  let remapped = project ? remappedModels.get(project) : model;
  if (!remapped) {
    await checkpoint(token);
    remapped = remapReportModel(model, project!.mapRange);
    remappedModels.set(project!, remapped);
  }
  return withLinked(found, remapped);
}

/** Models with the linked reports' columns, once per cross-report result (which changes when they do). */
const linkedModels = new WeakMap<CrossReport, { model: ReportModel; linked: ReportModel }>();

/** The model with the figures of the reports it links, for the preview's columns. */
function withLinked(found: View, model: ReportModel): ReportModel {
  if (!found.cross.links.length) return model;
  const kept = linkedModels.get(found.cross);
  if (kept?.model === model) return kept.linked;
  const view = found.project ?? singleFileView(found.analysis);
  const linked = { ...model, linked: linkedColumns(view, found.cross, found.analysis.locale) };
  linkedModels.set(found.cross, { model, linked });
  return linked;
}

/** What the pull handlers need: the same diagnostics a push would publish, for open and closed reports. */
export function pullHostOf(session: Session): PullHost {
  return {
    ready: () => session.settingsReady,
    open(uri) {
      const document = session.documents.get(uri);
      if (!document) return undefined;
      if (!session.shouldCheck(document)) return new Map();
      // Each file's own diagnostics and those of the checks against the reports it links, as pushed.
      const view = viewOf(session, document);
      const files = view.project?.parts.map((p) => p.uri) ?? [uri];
      return new Map(files.map((file) => [file, diagnosticsIn(view, file)]));
    },
    closed(uri, text) {
      const ref = session.projects.projectOf(uri, text);
      const project = ref
        ? session.projects.analyze(ref, session.engineOptions(ref.root), session.settingsGeneration)
        : undefined;
      // With the checks against the reports it links, as for an open report.
      if (project?.parts.some((p) => p.uri === uri))
        return withCrossReport(project, crossOf(session, project)).diagnostics;
      const analysis = session.closedReports.analyze(uri, text, session.settingsGeneration, () =>
        session.engineOptions(uri),
      );
      const cross = crossOf(session, singleFileView(analysis));
      return new Map([[uri, diagnosticsIn({ analysis, cross }, uri)]]);
    },
    openReports: () =>
      session.documents
        .all()
        .filter((d) => session.shouldCheck(d))
        .map((d) => ({ uri: d.uri, version: d.version, text: d.getText() })),
    folders: () => session.workspaceFolders.map(pathOfUri).filter((p): p is string => p !== undefined),
    versionOf: (uri) => session.documents.get(uri)?.version,
    // As published: converted once, reusing the previous report's objects for the diagnostics kept.
    toLsp: (uri, list) =>
      session.codec.outList(session.publishing.convert(list, session.settings.rulesDocumentationUrl, uri), uri),
    guarded: (where, fallback, token, run) => session.guarded(where, fallback, token, run),
  };
}
