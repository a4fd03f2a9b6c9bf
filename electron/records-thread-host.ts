/**
 * The records host as the main process uses it: the same three calls as createRecordsHost
 * (handle, flushBeforeQuit, pendingChanges), answered by the records thread. A thread that stops
 * (a crash, a bad build) is started again at the next call, and every call waiting on it fails with
 * the reason, never hangs.
 */
import { Worker } from 'node:worker_threads';
import type { ThreadMessage, ThreadReply, ThreadStart } from './records-thread-protocol.ts';

export interface ThreadedRecordsHostDeps extends ThreadStart {
  /** The built thread script, records-thread.cjs. */
  threadFile: string;
}

export function createThreadedRecordsHost(deps: ThreadedRecordsHostDeps) {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    worker = null;
  };

  const thread = (): Worker => {
    if (worker) return worker;
    const { threadFile, ...start } = deps;
    const w = new Worker(threadFile, { workerData: start satisfies ThreadStart });
    w.on('message', (reply: ThreadReply) => {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}));
    });
    w.on('error', (error) => failAll(new Error(`The records stopped unexpectedly (${error.message}). Nothing more was written; try again.`)));
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`The records stopped unexpectedly (exit ${code}). Nothing more was written; try again.`));
    });
    worker = w;
    return w;
  };

  const ask = (message: Omit<ThreadMessage, 'id'>): Promise<unknown> => {
    const id = ++next;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      thread().postMessage({ ...message, id } as ThreadMessage);
    });
  };

  return {
    handle: (request: unknown) => ask({ kind: 'handle', request }),
    /** Before quitting: true when there was something to write (and it has been written); rejects when the write failed. */
    flushBeforeQuit: async (): Promise<boolean> => (worker ? (await ask({ kind: 'flush' })) as boolean : false),
    /** How many changes are not on disk yet (0 before the records were opened). */
    pendingChanges: async (): Promise<number> => (worker ? (await ask({ kind: 'pending' })) as number : 0),
    /** Ends the thread (after the last flush at quit). */
    stop: async () => {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
