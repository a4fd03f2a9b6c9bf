import type { IpcResult } from '../../../common/ipc-contract.ts';

/** The portable edition (one file opened from a USB stick) cannot run a database worker or keep a file. */
export function callRecordsWorker(_request: unknown): Promise<IpcResult<unknown>> {
  return Promise.resolve({ ok: false, error: 'Field records need the installed app or the browser edition served from a computer: the portable file cannot keep a database. / Los registros de campo necesitan la aplicación instalada o la edición de navegador servida desde una computadora: el archivo portátil no puede guardar una base de datos.' });
}
