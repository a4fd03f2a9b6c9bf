/**
 * Long work (an import, a restore) done in slices: between slices it lets the host answer "how far
 * along?" and "cancel", and nothing else runs (the service serialises requests). A cancelled task
 * throws before it changes anything, because the work it guards is all-or-nothing.
 */
import { RecordsError } from './records-store.ts';

export interface TaskProgress {
  task: 'import' | 'restore';
  done: number;
  total: number;
}

/** Reports how far a task is, and gives the host a moment to answer other messages now and then. */
export type Step = (done: number, total?: number) => Promise<void>;

/** How long a slice may run before the host gets a turn (the window's longest wait, in the browser edition's worker and the Electron thread). */
const SLICE_MS = 30;

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createLongTasks(clock: () => number = () => Date.now()) {
  let current: TaskProgress | null = null;
  let cancelled = false;
  let finished: Promise<void> = Promise.resolve();

  return {
    /** The task running now, if any. */
    progress: (): TaskProgress | null => (current ? { ...current } : null),
    /** Asks the running task to stop; false when nothing is running. */
    cancel: (): boolean => {
      if (!current) return false;
      cancelled = true;
      return true;
    },
    /** Resolves when no task is running (a write must not export the database half-way through one). */
    idle: (): Promise<void> => finished,
    /** True while a task runs (checked right before exporting, with no pause in between). */
    busy: (): boolean => current !== null,
    async run<T>(task: TaskProgress['task'], total: number, work: (step: Step) => Promise<T>): Promise<T> {
      let done!: () => void;
      finished = new Promise<void>((resolve) => (done = resolve));
      current = { task, done: 0, total };
      cancelled = false;
      let sliceStart = clock();
      try {
        return await work(async (n, newTotal) => {
          current!.done = n;
          if (newTotal !== undefined) current!.total = newTotal;
          if (clock() - sliceStart < SLICE_MS) return;
          await breathe();
          sliceStart = clock();
          if (cancelled) throw new RecordsError('cancelled', 'Cancelled. Nothing was changed.');
        });
      } finally {
        current = null;
        cancelled = false;
        done();
      }
    },
  };
}

export type LongTasks = ReturnType<typeof createLongTasks>;
