// When open reports are checked and their diagnostics published: each change schedules a debounced
// validation per document; validations run one at a time, each after a turn of the event loop, so
// requests are read between them; a newer schedule, a close or a settings change supersedes one that
// is waiting. After publishing, the views are told (`esgmark/reportChanged`).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, ProjectAnalysis } from '../engine';
import { ReportChangedNotification as ReportChanged } from '../protocol';
import { lspNotification } from './protocolTypes';
import { SerialQueue } from './requests';
import { toAnalysisOptions } from './settings';
import type { Session } from './session';
import { diagnosticsIn, viewOf, type View } from './views';

const ReportChangedNotification = lspNotification(ReportChanged);

export class Validation {
  /** Pending debounced validation per uri. `token` increases with every schedule so a newer one supersedes. */
  private readonly pending = new Map<string, { timer?: NodeJS.Timeout; token: number }>();
  private scheduleCounter = 0;
  /** Validations run one at a time, each after a turn of the event loop, so requests are read between them. */
  private readonly validations = new SerialQueue();

  constructor(private readonly session: Session) {}

  schedule(document: TextDocument): void {
    const uri = document.uri;
    const version = document.version;
    const previous = this.pending.get(uri);
    if (previous?.timer) clearTimeout(previous.timer);
    const token = ++this.scheduleCounter;
    const run = (): void => {
      this.validations.run(
        () => this.validate(uri, version, token),
        (error) => this.session.logError(`validation of ${uri}`, error),
      );
    };
    if (this.session.settings.debounceMs <= 0) {
      this.pending.set(uri, { token });
      run();
    } else {
      this.pending.set(uri, { token, timer: setTimeout(run, this.session.settings.debounceMs) });
    }
  }

  revalidateAll(): void {
    for (const document of this.session.documents.all()) this.schedule(document);
  }

  /**
   * A file changed (edited, or on disk): the open reports that link it are checked again (and
   * published to a push client); a pull client is asked to pull again, for closed reports too.
   */
  revalidateLinking(uri: string): void {
    const roots = this.session.crossReports.changed(uri).filter((root) => root !== uri);
    for (const root of roots) {
      const document = this.session.documents.get(root);
      if (document) this.schedule(document);
    }
    if (roots.length && this.session.client.pullsDiagnostics && this.session.client.refreshesDiagnostics)
      this.refreshPulls();
  }

  private refreshTimer: NodeJS.Timeout | undefined;

  /** One `workspace/diagnostic/refresh` per burst of changes (a keystroke in a linked report is one each). */
  private refreshPulls(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(
      () => {
        this.refreshTimer = undefined;
        this.session.connection.languages.diagnostics
          .refresh()
          .catch((error) => this.session.logError('asking the client to pull diagnostics again', error));
      },
      Math.max(0, this.session.settings.debounceMs),
    );
  }

  /** A project file changed, appeared or went away: read them again and check every open report again. */
  projectFilesChanged(): void {
    const { connection, projectConfigs } = this.session;
    for (const uri of projectConfigs.invalidate())
      connection
        .sendDiagnostics({ uri, diagnostics: [] })
        .catch((error) => this.session.logError('clearing project file diagnostics', error));
    this.session.settingsGeneration++;
    this.session.cache.clear();
    this.revalidateAll();
  }

  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.pending.delete(uri);
  }

  /** Nothing is published after shutdown: drop the validations still waiting for their debounce. */
  cancelAll(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  private async validate(uri: string, version: number, token: number): Promise<void> {
    const session = this.session;
    const { connection, documents, codec } = session;
    await session.settingsReady;
    // Superseded while waiting (newer edit, close, or settings change)?
    if (this.pending.get(uri)?.token !== token) return;
    this.pending.delete(uri);
    const document = documents.get(uri);
    if (!document || document.version !== version) return;
    let diagnostics: Diagnostic[] = [];
    let project: ProjectAnalysis | undefined;
    let view: View | undefined;
    if (session.shouldCheck(document)) {
      view = viewOf(session, document);
      project = view.project;
      diagnostics = diagnosticsIn(view, uri);
    }
    // Publishing is synchronous after the analysis, but check again in case the document moved on.
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    // Converted to LSP and to the client's position encoding, each reusing the previous publication's objects.
    const lsp = (list: readonly Diagnostic[], target: string) =>
      codec.outList(session.publishing.convert(list, session.settings.rulesDocumentationUrl, target), target);
    // The report's project file, with its own problems at their keys.
    const config = session.shouldCheck(document)
      ? session.projectConfigs.diagnosticsFor(project?.parts[0]?.uri ?? uri, toAnalysisOptions(session.settings))
      : undefined;
    if (config) await connection.sendDiagnostics({ uri: config.uri, diagnostics: lsp(config.diagnostics, config.uri) });
    if (session.client.pullsDiagnostics) {
      // The client pulls this document itself; the other files of a multi-file report it pulls when asked to.
      if (project && project.diagnostics.size > 1 && session.client.refreshesDiagnostics)
        await connection.languages.diagnostics.refresh();
      await connection.sendNotification(ReportChangedNotification, { uri, version });
      return;
    }
    await connection.sendDiagnostics({ uri, version, diagnostics: lsp(diagnostics, uri) });
    // The other files of a multi-file report: an edit here can change their diagnostics too.
    for (const [other, list] of project?.diagnostics ?? []) {
      if (other !== uri)
        await connection.sendDiagnostics({
          uri: other,
          version: documents.get(other)?.version,
          diagnostics: lsp(view ? diagnosticsIn(view, other) : list, other),
        });
    }
    await connection.sendNotification(ReportChangedNotification, { uri, version });
  }
}
