import type { IpcResult } from '../../../common/ipc-contract.ts';

/**
 * The portable edition (one file opened from a USB stick) cannot run a database worker or keep a file.
 * The refusal crosses as a code (RecordsError's "[code] detail" form), so the screen words it in the
 * reader's language (records.errors.portable-edition); the English detail is for the log.
 */
export function callRecordsWorker(_request: unknown): Promise<IpcResult<unknown>> {
  return Promise.resolve({ ok: false, error: '[portable-edition] the portable edition cannot keep a database' });
}
