/** The messages between the main process and the records thread (records-thread.ts). */
export interface ThreadStart {
  rendererDir: string;
  userDataDir: string;
  /** The folder holding sql-wasm.wasm (next to main.cjs). */
  wasmDir: string;
}

export type ThreadMessage = { id: number; kind: 'handle'; request: unknown } | { id: number; kind: 'flush' | 'pending'; request?: undefined };

/** A failure keeps its message ("[code|params] detail" for a records refusal) and a system error's code (ENOSPC…). */
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; code?: string };
