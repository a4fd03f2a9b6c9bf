import type { IpcResult } from '../../../common/ipc-contract.ts';
import { instruments } from '../app/records.ts';

let worker: Worker | undefined;
let next = 0;
const pending = new Map<number, (r: IpcResult<unknown>) => void>();

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
  // Write what is waiting before the tab goes away.
  addEventListener('pagehide', () => w.postMessage({ id: -1, flush: true }));
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && w.postMessage({ id: -1, flush: true }));
  return w;
}

/** One request to the records worker (started on first use). */
export function callRecordsWorker(request: unknown): Promise<IpcResult<unknown>> {
  worker ??= start();
  const id = ++next;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, request });
  });
}
