/// <reference lib="webworker" />
// The browser edition's records host: the same service as Electron's main process, in a worker.
// The page sends the monitoring forms first; the worker validates every entry against them.
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import { createRecordsService, type RecordsService } from '../../../common/records/records-service.ts';
import { readIdbCopies, readIdbUndoCopy, writeIdbCopy, writeIdbUndoCopy } from './idb-store.ts';

let service: Promise<RecordsService> | undefined;

self.onmessage = async (event: MessageEvent<{ id: number; init?: Instrument[]; request?: unknown; flush?: true }>) => {
  const { id, init, request, flush } = event.data;
  if (init) {
    service = initSqlJs({ locateFile: () => wasmUrl }).then((SQL) =>
      createRecordsService({ SQL, instruments: init, read: readIdbCopies, write: writeIdbCopy, writeUndoCopy: writeIdbUndoCopy, readUndoCopy: readIdbUndoCopy, debounceMs: 250 }));
    return;
  }
  try {
    if (!service) throw new Error('the records worker was not started');
    const s = await service;
    const value = flush ? await s.flush() : await s.handle(request);
    self.postMessage({ id, ok: true, value });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
