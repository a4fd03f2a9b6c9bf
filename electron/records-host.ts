/**
 * Field records in the main process: sql.js (WebAssembly, so the renderer's policy stays
 * strict), the records file under the user-data folder written atomically, and a flush
 * before the app quits so no change waiting for its debounced write is lost.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { z } from 'zod';
import { instrumentSchema, type Instrument } from '../common/forms/instrument-schema.ts';
import { createRecordsService, type RecordsService } from '../common/records/records-service.ts';
import { readStoredCopies, writeBytesAtomic, type AtomicFs } from '../node/atomic-file.ts';

/** Written by the content build next to index.html: the monitoring instruments the records validate against (scripts/vite-plugin-content.ts). */
const RECORDS_INSTRUMENTS_FILE = 'records-instruments.json';

export interface RecordsHostDeps {
  /** Loads sql.js (its WebAssembly file ships next to main.cjs). */
  loadSql(): Promise<SqlJsStatic>;
  rendererDir: string;
  userDataDir: string;
  /** The file operations (the fault-injection tests make them fail as a full disk or a read-only folder would). */
  fs?: AtomicFs;
  /** Waits between tries after a failed save. */
  retryDelaysMs?: readonly number[];
}

export function recordsFile(userDataDir: string): string {
  return path.join(userDataDir, 'records', 'records.sqlite');
}

/** The data as it was before the last restore, kept for a one-click undo. */
export const undoCopyOf = (file: string) => `${file}.before-restore`;

/** The service, created on the first request (opening the database costs nothing until records are used). */
export function createRecordsHost(deps: RecordsHostDeps) {
  let service: Promise<RecordsService> | undefined;
  const file = recordsFile(deps.userDataDir);
  const undoFile = undoCopyOf(file);
  const start = async () => {
    const [SQL, text] = await Promise.all([deps.loadSql(), fs.readFile(path.join(deps.rendererDir, RECORDS_INSTRUMENTS_FILE), 'utf8')]);
    const instruments: Instrument[] = z.array(instrumentSchema).parse(JSON.parse(text));
    return createRecordsService({
      SQL, instruments,
      retryDelaysMs: deps.retryDelaysMs,
      read: () => readStoredCopies(file, deps.fs),
      write: (bytes, options) => writeBytesAtomic(file, bytes, options, deps.fs),
      writeUndoCopy: (bytes) => (bytes ? writeBytesAtomic(undoFile, bytes, { noPrevious: true }, deps.fs) : fs.rm(undoFile, { force: true })),
      readUndoCopy: async () => {
        const [bytes, stat] = await Promise.all([fs.readFile(undoFile), fs.stat(undoFile)]).catch((error: { code?: string }) => {
          if (error.code === 'ENOENT') return [null, null] as const;
          throw error;
        });
        return bytes && stat ? { bytes: new Uint8Array(bytes), savedAt: stat.mtime.toISOString(), label: 'previous' as const } : null;
      },
    });
  };
  /** A start that failed (a missing file, a bad build) is tried again at the next request, not kept forever. */
  const ready = () => (service ??= start().catch((error: unknown) => {
    service = undefined;
    throw error;
  }));
  return {
    handle: async (request: unknown) => (await ready()).handle(request),
    /** Before quitting: true when there was something to write (and it has been written); rejects when the write failed. */
    flushBeforeQuit: async (): Promise<boolean> => {
      if (!service) return false;
      const s = await service;
      // An import or restore still running is cancelled (it is all-or-nothing, so nothing is half-written).
      s.cancelTasks();
      if (!s.hasPendingWrites()) return false;
      await s.flush();
      return true;
    },
    /** How many changes are not on disk yet (0 before the records were opened). */
    pendingChanges: async (): Promise<number> => (service ? (await service.catch(() => null))?.pendingChanges() ?? 0 : 0),
    file,
  };
}
