// Converting diagnostics for publishDiagnostics, reusing the previous publication's conversions. After
// an edit the rules that did not run keep their diagnostics as the same objects (engine/reanalyze.ts
// moves only those on the edited line), and a rule that ran again mostly finds what it found before, as
// new but equal objects: with thousands of findings nearly all of a publication was converted before.
// Each diagnostic that the file's previous publication had (the same object, or one equal to it) gets
// the LSP object it had then, so that what was serialised for it (lsp/wire.ts) is reused as well.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic } from '../engine';
import { ALL_DIAGNOSTIC_FIELDS, toLspDiagnosticWith, type DiagnosticFields } from './convert';

interface Converted {
  engine: Diagnostic;
  lsp: LspDiagnostic;
}

/** A publication's conversions by the line their diagnostic starts on (a number: cheap to hash). */
type ByLine = Map<number, Converted[]>;

/** Publications remembered for matching: beyond this many files the least recently published is dropped. */
const REMEMBERED_PUBLICATIONS = 32;

/** The same LSP form: everything toLspDiagnostic reads is equal. */
function sameContent(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.rule === b.rule &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.uri === b.uri &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character &&
    sameJsonValue(a.data, b.data) &&
    sameJsonValue(a.related, b.related)
  );
}

/**
 * Equal as JSON-like values, keys in the same order (they serialise to the same text). Stricter than
 * JSON (undefined fields, NaN): a false "different" only costs a conversion.
 */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJsonValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (k !== kb[i] || !sameJsonValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

export class DiagnosticConverter {
  /** The last publication of each file (most recently published last). */
  private published = new Map<string, ByLine>();
  /** The rules documentation base the cached forms link to (`esgmark.rulesDocumentationUrl`). */
  private docsUrl: string | undefined;
  private fieldsTaken: DiagnosticFields = ALL_DIAGNOSTIC_FIELDS;
  /**
   * Since the converter was created (for tests and the log): conversions made, reused for the same
   * object, and reused for a new object equal to one of the previous publication.
   */
  readonly stats = { converted: 0, reused: 0, matched: 0 };

  /** The optional fields the client takes (set once it said, at initialize): every cached form had the others. */
  set fields(fields: DiagnosticFields) {
    if (
      fields.codeDescription === this.fieldsTaken.codeDescription &&
      fields.relatedInformation === this.fieldsTaken.relatedInformation
    )
      return;
    this.fieldsTaken = fields;
    this.published.clear();
  }

  /**
   * The LSP forms of `diagnostics`, published for `target` (a file's uri): each one the previous
   * publication for it had, as the same object or an equal one, is given the LSP object it had then.
   */
  convert(diagnostics: readonly Diagnostic[], docsUrl?: string, target = ''): LspDiagnostic[] {
    // Another documentation base changes every codeDescription.href: nothing cached still applies.
    if (docsUrl !== this.docsUrl) {
      this.published.clear();
      this.docsUrl = docsUrl;
    }
    const previous = this.published.get(target);
    const now: ByLine = new Map();
    const out: LspDiagnostic[] = new Array(diagnostics.length);
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i];
      const line = d.range.start.line;
      const candidates = previous?.get(line);
      let lsp: LspDiagnostic | undefined;
      if (candidates) {
        for (const c of candidates)
          if (c.engine === d) {
            lsp = c.lsp;
            this.stats.reused++;
            break;
          }
        if (!lsp)
          for (const c of candidates)
            if (sameContent(c.engine, d)) {
              lsp = c.lsp;
              this.stats.matched++;
              break;
            }
      }
      if (!lsp) {
        lsp = toLspDiagnosticWith(d, docsUrl, this.fieldsTaken);
        this.stats.converted++;
      }
      const entry = { engine: d, lsp };
      const bucket = now.get(line);
      if (bucket) bucket.push(entry);
      else now.set(line, [entry]);
      out[i] = lsp;
    }
    this.published.delete(target);
    this.published.set(target, now);
    if (this.published.size > REMEMBERED_PUBLICATIONS)
      this.published.delete(this.published.keys().next().value as string);
    return out;
  }

  /** The file was closed: its last publication is not kept any more. */
  forget(target: string): void {
    this.published.delete(target);
  }
}
