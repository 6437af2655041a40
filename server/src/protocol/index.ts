// The esgmark protocol: everything the language server and its clients (the VS Code extension, its
// webview, the tests, any editor) agree on beyond LSP itself. The custom requests and notifications,
// with their names, params and results; the report model they carry; the command the server runs; and
// which files are reports. No method name is written anywhere else.
//
// Plain data and types only, no LSP library: the client's activation bundle (dist/client.js) and the
// webview import it, and must stay small. The server and the tests wrap a message with their
// library's RequestType / NotificationType (server/src/lsp/protocolTypes.ts, test/helpers/protocol.ts).
import type { ExportFormat, IndexTableEdit, Range, ReportModel } from '../engine';

// The report model, as the engine builds it (server/src/engine/features/reportModel.ts).
export type {
  CheckStatus,
  CoverageStatus,
  LinkedVerdict,
  ReportCheck,
  ReportKpiGroup,
  ReportKpiRow,
  ReportLinked,
  ReportLinkedFigure,
  ReportModel,
  ReportRequirement,
  ReportValue,
} from '../engine';
export type { ExportFormat, IndexTableEdit, Range } from '../engine';
// Every framework a report claims, as the report model carries it (server/src/engine/features/coverage.ts).
export type {
  FrameworkCoverage,
  FrameworkItemCoverage,
  FrameworkItemStatus,
  FrameworkPlace,
  FrameworkSeverity,
  ImpliedBy,
} from '../engine';
// Which Markdown files are reports: the client decides which documents to hand to the server by it.
export { hasEsgFrontMatter } from '../engine/detect';

/** A request of the protocol: its method name, with its params and result as types. */
export interface ProtocolRequest<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

/** A notification of the protocol: its method name, with its params as a type. */
export interface ProtocolNotification<P> {
  readonly method: string;
  /** Never set: carries the type. */
  readonly types?: { params: P };
}

export type ParamsOf<M> =
  M extends ProtocolRequest<infer P, unknown> ? P : M extends ProtocolNotification<infer P> ? P : never;
export type ResultOf<M> = M extends ProtocolRequest<unknown, infer R> ? R : never;

function request<P, R>(method: string): ProtocolRequest<P, R> {
  return { method };
}

function notification<P>(method: string): ProtocolNotification<P> {
  return { method };
}

/** Names an open document. */
export interface DocumentParams {
  uri: string;
}

export interface ExportParams extends DocumentParams {
  format: ExportFormat;
}

export interface ReportChangedParams extends DocumentParams {
  /** The document version the new diagnostics and model are for. */
  version: number;
}

/** The generated index table for a document, without applying it (null: no report there). */
export const IndexTableRequest = request<DocumentParams, IndexTableEdit | null>('esgmark/indexTable');

/** The report model (KPIs, checks, coverage) of an open document, for the preview and coverage views. */
export const ReportRequest = request<DocumentParams, ReportModel | null>('esgmark/report');

/** Sent after each publishDiagnostics, so views can request the new report model without polling. */
export const ReportChangedNotification = notification<ReportChangedParams>('esgmark/reportChanged');

/** The KPIs of an open document as CSV or JSON text (the same as `esgmark kpis`), for the export commands. */
export const ExportRequest = request<ExportParams, string | null>('esgmark/export');

/**
 * `workspace/executeCommand` with `arguments: [uri]`: the server writes the generated index table into
 * the report through `workspace/applyEdit`, and answers whether it was applied, with the table's text.
 */
export const GENERATE_INDEX_TABLE_COMMAND = 'esgmark.server.generateIndexTable';
export interface GenerateIndexTableResult {
  applied: boolean;
  markdown: string;
}

/** The language id of `*.esg.md` reports. */
export const LANGUAGE_ID = 'esg-markdown';

// The preview webview and the extension talk over postMessage.

/** From the extension to the preview page. */
export type ToPreviewMessage = { type: 'update'; model: ReportModel };

/** From the preview page to the extension (checked on arrival: the page is not trusted). */
export type FromPreviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; range: Range }
  | { type: 'export'; format: ExportFormat; action: 'copy' | 'save' };
