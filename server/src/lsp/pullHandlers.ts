// The pull-diagnostics handlers on the connection: `textDocument/diagnostic` answers for an open
// document (with the other files of its multi-file report as related documents), `workspace/diagnostic`
// for every report of the workspace folders. The diagnostics are the ones a push would publish.
import type {
  CancellationToken,
  Connection,
  Diagnostic as LspDiagnostic,
  DocumentDiagnosticReport,
  WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { analyze, type Analysis, type AnalysisOptions, type Diagnostic } from '../engine';
import { checkpoint } from './requests';
import { textDocumentReport, workspaceReport } from './pull';

export interface PullHost {
  /** Resolves once the settings are known (a pull before that would use the defaults). */
  ready(): Promise<void>;
  /** An open document's diagnostics per file; an empty map for a document esgmark does not check; undefined when not open. */
  open(uri: string): Map<string, Diagnostic[]> | undefined;
  /** A closed report's diagnostics per file, given its text. */
  closed(uri: string, text: string): Map<string, Diagnostic[]>;
  openReports(): { uri: string; version: number; text: string }[];
  folders(): string[];
  versionOf(uri: string): number | undefined;
  /** Diagnostics of a file as the client receives them (the position encoding applied). */
  toLsp(uri: string, diagnostics: Diagnostic[]): LspDiagnostic[];
  guarded<T>(where: string, fallback: T, token: CancellationToken | undefined, run: () => T | Promise<T>): Promise<T>;
}

/** Analyses of reports that are not open, reused while their text and the settings stay the same. */
/** Closed reports kept analysed at most: a workspace report then reuses the ones pulled most recently. */
const MAX_CLOSED_REPORTS = 32;

export class ClosedReports {
  /** In use order (a hit moves to the end); the oldest goes past MAX_CLOSED_REPORTS. */
  private readonly entries = new Map<string, { text: string; generation: number; analysis: Analysis }>();

  analyze(uri: string, text: string, generation: number, options: () => AnalysisOptions): Analysis {
    const entry = this.entries.get(uri);
    this.entries.delete(uri);
    if (entry && entry.text === text && entry.generation === generation) {
      this.entries.set(uri, entry);
      return entry.analysis;
    }
    const analysis = analyze({ uri, text }, options(), entry?.generation === generation ? entry.analysis : undefined);
    this.entries.set(uri, { text, generation, analysis });
    if (this.entries.size > MAX_CLOSED_REPORTS) this.entries.delete(this.entries.keys().next().value!);
    return analysis;
  }

  /** How many closed reports are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

function converted(host: PullHost, perFile: Map<string, Diagnostic[]>): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>();
  for (const [uri, list] of perFile) out.set(uri, host.toLsp(uri, list));
  return out;
}

export function registerPullDiagnostics(connection: Connection, host: PullHost): void {
  connection.languages.diagnostics.on((params, token) =>
    host.guarded<DocumentDiagnosticReport>('textDocument/diagnostic', { kind: 'full', items: [] }, token, async () => {
      await host.ready();
      const uri = params.textDocument.uri;
      const perFile = host.open(uri);
      // Not open: nothing to say about it here (the workspace report covers the files on disk).
      if (!perFile) return { kind: 'full', items: [] };
      return textDocumentReport(uri, converted(host, perFile), params.previousResultId);
    }),
  );

  connection.languages.diagnostics.onWorkspace((params, token) =>
    host.guarded<WorkspaceDiagnosticReport>('workspace/diagnostic', { items: [] }, token, async () => {
      await host.ready();
      await checkpoint(token);
      const previous = new Map((params.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      const items = workspaceReport(
        {
          folders: () => host.folders(),
          openReports: () => host.openReports(),
          versionOf: (uri) => host.versionOf(uri),
          diagnosticsOf: (uri, text) => converted(host, host.open(uri) ?? host.closed(uri, text)),
        },
        previous,
        () => token.isCancellationRequested,
      );
      return { items };
    }),
  );
}
