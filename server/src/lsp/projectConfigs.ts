// The project file `.esgmark.yaml` in the language server: found for each report from its folder
// upwards, never above the workspace folder that holds it (or the report's own folder when none
// does), read through the same gate as chapters (lsp/projects.ts `workspaceFor`). Loaded once per
// folder and kept until a project file changes (`invalidate`, on workspace/didChangeWatchedFiles).
// Explicit settings win over it; the report's front matter wins over its issuer profile.
import {
  loadProjectConfig,
  mergeAnalysisOptions,
  projectConfigDiagnostics,
  PROJECT_FILE_NAME,
  type AnalysisOptions,
  type Diagnostic,
  type LoadedProjectConfig,
  type Locale,
  type ReportWorkspace,
} from '../engine';

export class ProjectConfigs {
  private readonly byFolder = new Map<string, LoadedProjectConfig>();
  /** Project files whose diagnostics were published, with what was published (cleared when they go away). */
  private readonly published = new Map<string, string>();

  constructor(private readonly workspaceFor: (uri: string) => ReportWorkspace | undefined) {}

  static isProjectFile(uri: string): boolean {
    return uri.endsWith(`/${PROJECT_FILE_NAME}`);
  }

  /** The project file that applies to a document (the empty configuration when none does). */
  of(uri: string, locale?: Locale): LoadedProjectConfig {
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    let loaded = this.byFolder.get(folder);
    if (!loaded) {
      const workspace = this.workspaceFor(uri);
      loaded = workspace ? loadProjectConfig(workspace, uri, locale) : loadProjectConfig(NOTHING, uri);
      this.byFolder.set(folder, loaded);
    }
    return loaded;
  }

  /** A document's engine options: its project file's values under the explicit ones (settings). */
  options(uri: string, explicit: AnalysisOptions): AnalysisOptions {
    return mergeAnalysisOptions(this.of(uri, explicit.locale).config, explicit);
  }

  /** The diagnostics of the project file that applies to `uri`, to publish on that file; undefined when none applies. */
  diagnosticsFor(uri: string, explicit: AnalysisOptions): { uri: string; diagnostics: Diagnostic[] } | undefined {
    const loaded = this.of(uri, explicit.locale);
    if (!loaded.config.uri) return undefined;
    const diagnostics = projectConfigDiagnostics(loaded, explicit);
    // Published once per reading of the file and locale: a keystroke in a report does not republish them.
    const key = `${explicit.locale ?? ''}|${JSON.stringify(diagnostics.map((d) => [d.range, d.message, d.severity]))}`;
    if (this.published.get(loaded.config.uri) === key) return undefined;
    this.published.set(loaded.config.uri, key);
    return { uri: loaded.config.uri, diagnostics };
  }

  /** Forgets every project file read; returns those whose diagnostics were published (to be cleared or republished). */
  invalidate(): string[] {
    this.byFolder.clear();
    const published = [...this.published.keys()];
    this.published.clear();
    return published;
  }
}

/** A workspace that holds nothing: no project file is searched for a document outside any folder. */
const NOTHING: ReportWorkspace = {
  resolve: () => undefined,
  read: () => ({ ok: false, refusal: 'outside-workspace' }),
  list: () => [],
  contains: () => false,
};
