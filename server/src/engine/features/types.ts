// Plain-data results of the editor features (hover, completion, symbols...), mapped 1:1 to LSP by
// the server. The engine never imports LSP types so that the CLI and tests stay protocol-free.
import type { Range } from '../types';

export interface Hover {
  /** Markdown. */
  contents: string;
  range: Range;
}

export type CompletionKind = 'requirement' | 'kpi' | 'unit' | 'attribute' | 'value' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text replacing `range`; defaults to `label`. */
  insertText?: string;
  range?: Range;
  sortText?: string;
  filterText?: string;
  /** `insertText` is a snippet (tab stops); offered only to clients that insert snippets. */
  snippet?: boolean;
}

export interface Location {
  uri: string;
  range: Range;
}

export type SymbolKind = 'section' | 'table' | 'kpi' | 'explanation' | 'index';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}
