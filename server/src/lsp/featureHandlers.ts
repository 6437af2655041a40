// The editor features over LSP: hover, completion, definition, document symbols, code lenses, code
// actions (fix-all included) and the index-table command. Each handler reads the document's view
// (lsp/views.ts), asks the engine and converts the answer, in the client's position encoding.
import type { CodeAction as LspCodeAction } from 'vscode-languageserver/node';
import {
  crossHover,
  crossReportActions,
  generateIndexTable,
  getCodeActions,
  getCodeLenses,
  getCompletions,
  getDefinition,
  getDocumentSymbols,
  getFixAll,
  getHover,
  singleFileView,
  t,
  type Diagnostic,
  type Range,
} from '../engine';
import { GENERATE_INDEX_TABLE_COMMAND, type GenerateIndexTableResult } from '../protocol';
import {
  actionKindAllowed,
  fromLspDiagnostic,
  rangesIntersect,
  toLspCodeAction,
  toLspCompletionItem,
  toLspDocumentSymbol,
  toLspHover,
  toLspLocation,
  toLspTextEdit,
} from './convert';
import { fixAllAction, wantsFixAll } from './fixAll';
import { checkpoint } from './requests';
import type { Session } from './session';
import { symbolsIn, viewOfUri } from './views';

/**
 * A request handler in the client's position encoding: the params' positions are read as UTF-16 before
 * `run`, the result's positions written in the client's encoding after it.
 */
function encoded<P extends { textDocument: { uri: string } }, R>(
  session: Session,
  raw: P,
  run: (params: P) => Promise<R>,
): Promise<R> {
  const uri = raw.textDocument.uri;
  return run(session.codec.in(raw, uri)).then((result) => session.codec.out(result, uri));
}

export function registerFeatureHandlers(session: Session): void {
  const { connection, codec } = session;

  connection.onHover((raw, token) =>
    encoded(session, raw, (params) =>
      session.guarded('hover', null, token, async () => {
        const found = await viewOfUri(session, params.textDocument.uri);
        if (!found) return null;
        const position = found.toEngine(params.position);
        const hover = getHover(found.analysis, position);
        // The same figure in the other language versions and in last year's report.
        const cross = crossHover(
          found.project ?? singleFileView(found.analysis),
          found.cross,
          position,
          found.analysis.locale,
        );
        const merged = cross
          ? {
              contents: [hover?.contents, cross.lines.map((l) => `- ${l}`).join('\n')].filter(Boolean).join('\n\n'),
              range: hover?.range ?? cross.range,
            }
          : hover;
        const range = merged && found.toDocument(merged.range);
        return merged && range ? toLspHover({ ...merged, range }) : null;
      }),
    ),
  );

  connection.onCompletion((raw, token) =>
    encoded(session, raw, (params) =>
      session.guarded('completion', [], token, async () => {
        const found = await viewOfUri(session, params.textDocument.uri);
        if (!found) return [];
        return getCompletions(found.analysis, found.toEngine(params.position))
          .filter((item) => !item.snippet || session.client.insertsSnippets)
          .map((item) => toLspCompletionItem(item.range ? { ...item, range: found.toDocument(item.range) } : item));
      }),
    ),
  );

  connection.onDefinition((raw, token) =>
    encoded(session, raw, (params) =>
      session.guarded('definition', [], token, async () => {
        const found = await viewOfUri(session, params.textDocument.uri);
        if (!found) return [];
        return getDefinition(found.analysis, found.toEngine(params.position)).map((l) =>
          toLspLocation(found.locate(l.range)),
        );
      }),
    ),
  );

  connection.onDocumentSymbol((raw, token) =>
    encoded(session, raw, (params) =>
      session.guarded('documentSymbol', [], token, async () => {
        const found = await viewOfUri(session, params.textDocument.uri);
        if (!found) return [];
        return symbolsIn(found, getDocumentSymbols(found.analysis)).map(toLspDocumentSymbol);
      }),
    ),
  );

  connection.onCodeLens((raw, token) =>
    encoded(session, raw, (params) =>
      session.guarded('codeLens', [], token, async () => {
        const found = await viewOfUri(session, params.textDocument.uri);
        if (!found) return [];
        // A lens with an empty command is shown as plain text: it informs, it does not act.
        return getCodeLenses(found.analysis).flatMap((lens) => {
          const range = found.toDocument(lens.range);
          return range ? [{ range, command: { title: lens.title, command: '' } }] : [];
        });
      }),
    ),
  );

  connection.onCodeAction((raw, token) =>
    encoded(session, raw, (params) =>
      session.guarded<LspCodeAction[]>('codeAction', [], token, async () => {
        const uri = params.textDocument.uri;
        const found = await viewOfUri(session, uri);
        if (!found) return [];
        const current = found.analysis.diagnostics;
        const shown = params.context.diagnostics;
        const toEngineRange = (r: Range): Range => ({ start: found.toEngine(r.start), end: found.toEngine(r.end) });
        const range = toEngineRange(params.range);
        let targets = shown
          .map((diagnostic) =>
            fromLspDiagnostic(uri, { ...diagnostic, range: toEngineRange(diagnostic.range) }, current),
          )
          .filter((diagnostic): diagnostic is Diagnostic => diagnostic !== undefined);
        // Clients that do not send the diagnostics under the cursor still get the fixes for them.
        if (shown.length === 0) targets = current.filter((diagnostic) => rangesIntersect(diagnostic.range, range));
        // Fixes of the cross-report checks carry their edits in the files' own lines (not the analysis').
        const cross = found.cross.diagnostics.filter((d) => d.uri === uri && rangesIntersect(d.range, params.range));
        const actions = getCodeActions(found.analysis, range, targets)
          .map((action) =>
            found.project
              ? { ...action, edits: found.project.mapEdits(Object.values(action.edits).flat()), snippet: undefined }
              : action,
          )
          .concat(crossReportActions(cross))
          .map((action) => toLspCodeAction(action, shown, session.client.takesSnippetEdits))
          .filter((action) => actionKindAllowed(action.kind ?? '', params.context.only));
        if (!wantsFixAll(params.context.only)) return actions;
        // Fix-all: every safe fix of the report, whatever the range (codeActionsOnSave asks with the whole file).
        const all = getFixAll(found.analysis);
        const mapped = found.project ? found.project.mapEdits(all.edits) : { [uri]: all.edits };
        const changes = Object.fromEntries(Object.entries(mapped).map(([u, list]) => [u, list.map(toLspTextEdit)]));
        // The title counts the findings the fixes resolve (one fix may resolve several).
        const resolved = all.fixes.reduce((n, f) => n + f.diagnostics.length, 0);
        const fixAll = fixAllAction(t(found.analysis.locale, 'action.fixAll', { count: resolved }), changes);
        return fixAll ? [fixAll, ...actions] : actions;
      }),
    ),
  );

  connection.onExecuteCommand((params, token) =>
    session.guarded<GenerateIndexTableResult | null>(
      'executeCommand',
      null,
      token,
      async () => {
        if (params.command !== GENERATE_INDEX_TABLE_COMMAND) return null;
        const uri = params.arguments?.[0];
        if (typeof uri !== 'string') return null;
        const found = await viewOfUri(session, uri);
        if (!found) return null;
        const table = generateIndexTable(found.analysis);
        // The last moment the command can still be dropped: after this the edit is the client's.
        await checkpoint(token);
        const result = await connection.workspace.applyEdit({
          label: table.replaced ? 'Regenerate HKEX index table' : 'Insert HKEX index table',
          edit: codec.out({
            changes: Object.fromEntries(
              Object.entries(
                found.project ? found.project.mapEdits([table.edit]) : { [found.document.uri]: [table.edit] },
              ).map(([u, edits]) => [u, edits.map(toLspTextEdit)]),
            ),
          }),
        });
        return { applied: result.applied, markdown: table.markdown };
      },
      true,
    ),
  );
}
