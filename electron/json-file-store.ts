import type { z } from 'zod';
import { renameWithRetry, type Wait } from '../node/rename-with-retry.ts';

export interface FileSystemLike {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

/**
 * Writes `data` to `file` atomically: a temporary file first, then a rename, retried a
 * few times when Windows reports the target busy (an antivirus or an indexer holding it).
 */
export async function writeFileAtomic(fs: FileSystemLike, file: string, data: string, wait?: Wait): Promise<void> {
  const dir = file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')));
  if (dir) await fs.mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, data, 'utf8');
  await renameWithRetry((a, b) => fs.rename(a, b), temp, file, wait);
}

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
        await writeFileAtomic(fs, file, JSON.stringify(cache, null, 2));
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
        cache = read(JSON.parse(await fs.readFile(file, 'utf8')));
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
