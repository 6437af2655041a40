// The requests of the extension's views (server/src/protocol): the report model for the preview and
// the coverage tree, the KPI export, and the generated index table. Each expensive step is behind a
// checkpoint, so a request cancelled by a newer one stops early.
import { exportKpis, generateIndexTable, type IndexTableEdit, type ReportModel } from '../engine';
import { ExportRequest as Export, IndexTableRequest as IndexTable, ReportRequest as Report } from '../protocol';
import { lspRequest } from './protocolTypes';
import { checkpoint } from './requests';
import type { Session } from './session';
import { reportModelOf, viewOfUri } from './views';

const IndexTableRequest = lspRequest(IndexTable);
const ReportRequest = lspRequest(Report);
const ExportRequest = lspRequest(Export);

export function registerViewRequests(session: Session): void {
  const { connection } = session;

  connection.onRequest(IndexTableRequest, (params, token) =>
    session.guarded<IndexTableEdit | null>(IndexTable.method, null, token, async () => {
      if (!params || typeof params.uri !== 'string') return null;
      const found = await viewOfUri(session, params.uri);
      if (!found) return null;
      await checkpoint(token);
      const table = generateIndexTable(found.analysis);
      await checkpoint(token);
      return table;
    }),
  );

  connection.onRequest(ReportRequest, (params, token) =>
    session.guarded<ReportModel | null>(Report.method, null, token, async () => {
      if (!params || typeof params.uri !== 'string') return null;
      const found = await viewOfUri(session, params.uri);
      if (!found) return null;
      const model = await reportModelOf(found, token);
      // Sending the model (JSON of a few MB for a large report) is the last expensive step.
      await checkpoint(token);
      return model;
    }),
  );

  connection.onRequest(ExportRequest, (params, token) =>
    session.guarded<string | null>(Export.method, null, token, async () => {
      if (!params || typeof params.uri !== 'string' || (params.format !== 'csv' && params.format !== 'json'))
        return null;
      const found = await viewOfUri(session, params.uri);
      if (!found) return null;
      const model = await reportModelOf(found, token);
      await checkpoint(token);
      const text = exportKpis(model, params.format);
      await checkpoint(token);
      return text;
    }),
  );
}
