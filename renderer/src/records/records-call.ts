/** The renderer's typed client for the records host: one request at a time, and the files it exports saved where the person chooses. */
import type { RecordsRequest, RecordsResults } from '../../../common/records/records-api.ts';
import type { SaveResult } from '../../../common/ipc-contract.ts';
import { call } from '../bridge/index.ts';

export type Op = RecordsRequest['op'];
export type Req<O extends Op> = Extract<RecordsRequest, { op: O }>;

/** One request to the records host. A failure's message keeps the host's "[code|params] detail" form: see messageOf. */
export async function records<O extends Op>(request: Req<O>): Promise<RecordsResults[O]> {
  return (await call('records:call', request)) as RecordsResults[O];
}

/** The requests whose answer is a file to keep. */
export type ExportRequest = Req<'export-xlsx'> | Req<'export-csv'> | Req<'export-aggregate'> | Req<'export-database'>;

/** Which kind of file the save dialog offers: an encrypted database is a .puente backup. */
function fileKind(request: ExportRequest, fileName: string): 'xlsx' | 'csv' | 'sqlite' | 'backup' {
  if (request.op === 'export-xlsx') return 'xlsx';
  if (request.op !== 'export-database') return 'csv';
  return fileName.endsWith('.puente') ? 'backup' : 'sqlite';
}

/** Asks the host for a file (a form's workbook or CSV, the counts, the whole database) and saves it: a save dialog in Electron, a download in the browser. */
export async function exportToFile(request: ExportRequest): Promise<SaveResult> {
  const file = await records(request);
  return call('file:save', { suggestedName: file.fileName, bytes: file.bytes, filter: fileKind(request, file.fileName) });
}

export { messageOf } from './problem-text.ts';
