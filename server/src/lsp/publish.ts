// Converting diagnostics for publishDiagnostics, reusing earlier conversions. After an edit, the rules
// that did not run keep their diagnostics as the same objects (engine/reanalyze.ts moves only those on
// the edited line), so with thousands of findings most of a publication was converted before: each
// engine diagnostic is converted once and its LSP form reused while the engine keeps the object.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic } from '../engine';
import { toLspDiagnostic } from './convert';

export class DiagnosticConverter {
  /** Keyed by the engine's objects: an entry goes when the analyses holding its diagnostic are gone. */
  private converted = new WeakMap<Diagnostic, LspDiagnostic>();
  /** The rules documentation base the cached forms link to (`esgmark.rulesDocumentationUrl`). */
  private docsUrl: string | undefined;
  /** Conversions made and reused since the converter was created (for tests and the log). */
  readonly stats = { converted: 0, reused: 0 };

  convert(diagnostics: readonly Diagnostic[], docsUrl?: string): LspDiagnostic[] {
    // Another documentation base changes every codeDescription.href: nothing cached still applies.
    if (docsUrl !== this.docsUrl) {
      this.converted = new WeakMap();
      this.docsUrl = docsUrl;
    }
    const out: LspDiagnostic[] = new Array(diagnostics.length);
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i];
      let lsp = this.converted.get(d);
      if (lsp) this.stats.reused++;
      else {
        lsp = toLspDiagnostic(d, docsUrl);
        this.converted.set(d, lsp);
        this.stats.converted++;
      }
      out[i] = lsp;
    }
    return out;
  }
}
