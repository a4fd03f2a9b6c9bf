import type { z } from 'zod';
import { writeBytesAtomic, type AtomicFs } from '../node/atomic-file.ts';

/** The file operations a JSON store needs: those of the one atomic writer (node/atomic-file.ts). */
export type FileSystemLike = AtomicFs;

/** A small JSON document on disk, read through a schema; unreadable content falls back to `fallback`. */
export function createJsonFileStore<T>(fs: FileSystemLike, file: string, read: (raw: unknown) => T, fallback: T) {
  let cache: T | undefined;
  /** The cached value is not on disk yet (a write is waiting, or the last one failed). */
  let unsaved = false;
  let queue: Promise<void> = Promise.resolve();
  // Writes the latest value after any write in progress; a failed write leaves it unsaved for the next try.
  const writeLatest = (): Promise<void> => {
    queue = queue.catch(() => undefined).then(async () => {
      if (!unsaved) return;
      unsaved = false;
      try {
        // The records' durable writer (flushed to disk, then renamed), without a previous copy.
        await writeBytesAtomic(file, new TextEncoder().encode(JSON.stringify(cache, null, 2)), { noPrevious: true }, fs);
      } catch (error) {
        unsaved = true;
        throw error;
      }
    });
    return queue;
  };
  return {
    async get(): Promise<T> {
      if (cache !== undefined) return cache;
      try {
        cache = read(JSON.parse(new TextDecoder().decode(await fs.readFile(file))));
      } catch {
        cache = fallback;
      }
      return cache;
    },
    /** Writes are serialised, so a later value never loses to an earlier one. */
    async set(value: T): Promise<T> {
      cache = value;
      unsaved = true;
      await writeLatest();
      return value;
    },
    /** Before quitting: waits for the write in progress, writes what is not on disk yet, rejects if it cannot. */
    flush: writeLatest,
  };
}

export function schemaReader<S extends z.ZodType>(schema: S, fallback: z.infer<S>) {
  return (raw: unknown): z.infer<S> => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback;
  };
}
