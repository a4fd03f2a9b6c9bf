/**
 * The field records' own thread (Node's worker_threads, started by records-thread-host.ts): the
 * database, the imports and the restores run here, so a long import never blocks the main process
 * (its menus, its dialogs, the window's IPC). Built as records-thread.cjs next to main.cjs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { createRecordsHost } from './records-host.ts';
import type { ThreadMessage, ThreadReply, ThreadStart } from './records-thread-protocol.ts';

const start = workerData as ThreadStart;
const host = createRecordsHost({
  rendererDir: start.rendererDir,
  userDataDir: start.userDataDir,
  loadSql: async () => initSqlJs({ wasmBinary: new Uint8Array(await fs.readFile(path.join(start.wasmDir, 'sql-wasm.wasm'))).buffer as ArrayBuffer }),
});

const reply = (message: ThreadReply) => parentPort!.postMessage(message);

parentPort!.on('message', async ({ id, kind, request }: ThreadMessage) => {
  try {
    const value = kind === 'handle' ? await host.handle(request) : kind === 'flush' ? await host.flushBeforeQuit() : await host.pendingChanges();
    reply({ id, ok: true, value });
  } catch (error) {
    const e = error as { message?: unknown; code?: unknown };
    reply({ id, ok: false, message: String(e?.message ?? error), ...(typeof e?.code === 'string' ? { code: e.code } : {}) });
  }
});
