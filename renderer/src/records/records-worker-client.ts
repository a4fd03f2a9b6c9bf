import type { IpcResult } from '../../../common/ipc-contract.ts';
import { instruments } from 'virtual:puente-catalogue/instruments';

let worker: Worker | undefined;
let next = 0;
const pending = new Map<number, (r: IpcResult<unknown>) => void>();

/** Requests that only read: everything else changes the records and must reach IndexedDB before the tab goes away. */
const READ_ONLY = new Set(['status', 'list-children', 'child-history', 'entry-history', 'dashboard', 'export-xlsx', 'export-csv', 'export-aggregate', 'export-database', 'preview-restore', 'preview-csv', 'preview-import', 'preview-merge', 'progress', 'cancel']);
/** Changes answered but not yet confirmed written. */
let unwritten = 0;
let confirmTimer: ReturnType<typeof setTimeout> | undefined;

function send(request: unknown, flush?: true): Promise<IpcResult<unknown>> {
  worker ??= start();
  const id = ++next;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage(flush ? { id, flush } : { id, request });
  });
}

/** Asks the worker to write now, and forgets the count of unwritten changes once it has. */
function confirmWritten() {
  clearTimeout(confirmTimer);
  const counted = unwritten;
  if (!counted) return;
  void send(undefined, true).then((r) => {
    if (r.ok) unwritten = Math.max(0, unwritten - counted);
  });
}

function start(): Worker {
  const w = new Worker(new URL('./records.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<{ id: number } & IpcResult<unknown>>) => {
    const { id, ...result } = e.data;
    pending.get(id)?.(result as IpcResult<unknown>);
    pending.delete(id);
  };
  w.onerror = (e) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: `the records could not start: ${e.message}` });
    pending.clear();
  };
  w.postMessage({ id: 0, init: instruments.filter((f) => f.kind === 'monitoring') });
  // Write what is waiting before the tab goes away; while a change is not yet written, closing the tab asks first.
  addEventListener('pagehide', () => w.postMessage({ id: -1, flush: true }));
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && w.postMessage({ id: -1, flush: true }));
  addEventListener('beforeunload', (event) => {
    if (unwritten === 0) return;
    confirmWritten();
    event.preventDefault();
  });
  return w;
}

/** One request to the records worker (started on first use). */
export async function callRecordsWorker(request: unknown): Promise<IpcResult<unknown>> {
  const result = await send(request);
  const op = (request as { op?: unknown } | null)?.op;
  if (result.ok && typeof op === 'string' && !READ_ONLY.has(op)) {
    unwritten++;
    clearTimeout(confirmTimer);
    // Just after the worker's own debounced write (250 ms): usually a no-op that confirms it.
    confirmTimer = setTimeout(confirmWritten, 400);
  }
  return result;
}
