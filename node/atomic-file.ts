/**
 * Binary files that survive a crash mid-write: the new bytes go to a temporary file, are
 * flushed to disk, then renamed over the old file (retried while Windows reports it busy).
 * The copy being replaced is kept next to it as `<file>.previous`, and at every step of a
 * save some whole previous copy exists (it is replaced by a rename, never removed first).
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { renameWithRetry } from './rename-with-retry.ts';

export const previousCopyOf = (file: string) => `${file}.previous`;

/** The few file operations a save needs, so tests can make any one of them fail (disk full, read-only folder). */
export interface AtomicFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  open(file: string, flags: 'w' | 'r'): Promise<{ writeFile(bytes: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  link(existing: string, created: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
  readFile(file: string): Promise<Uint8Array>;
  stat(file: string): Promise<{ mtime: Date }>;
  readdir(dir: string): Promise<string[]>;
}

export interface WriteOptions {
  /** Make the previous copy these same bytes too (when encryption is turned on or off, no copy may keep the other form). */
  replacePrevious?: boolean;
  /** A file with no previous copy (the one kept from before a restore). */
  noPrevious?: boolean;
}

const errorCode = (error: unknown) => (error as { code?: string } | null)?.code;
const uniqueTemp = (file: string, kind: string) => `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.${kind}.tmp`;

/** Points `target` at the same bytes as `source` in one atomic step: a hard link (or a copy) under a temporary name, renamed over `target`. */
async function replaceWithCopyOf(fs: AtomicFs, source: string, target: string): Promise<void> {
  const temp = uniqueTemp(target, 'copy');
  try {
    await fs.link(source, temp).catch(() => fs.copyFile(source, temp));
    await renameWithRetry((a, b) => fs.rename(a, b), temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

export async function writeBytesAtomic(file: string, bytes: Uint8Array, options: WriteOptions = {}, fs: AtomicFs = nodeFs as unknown as AtomicFs): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = uniqueTemp(file, 'new');
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const previous = previousCopyOf(file);
    if (options.replacePrevious) await replaceWithCopyOf(fs, temp, previous);
    else if (!options.noPrevious) {
      // Keep the copy being replaced (the first save has none).
      const hasCurrent = await fs.stat(file).then(() => true, (error: unknown) => {
        if (errorCode(error) === 'ENOENT') return false;
        throw error;
      });
      if (hasCurrent) await replaceWithCopyOf(fs, file, previous);
    }
    await renameWithRetry((a, b) => fs.rename(a, b), temp, file);
  } catch (error) {
    // A failed save leaves the stored copies as they were and no partial file behind.
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // Make the rename itself durable where the platform allows syncing a folder.
  const dir = await fs.open(path.dirname(file), 'r').catch(() => null);
  await dir?.sync().catch(() => undefined);
  await dir?.close().catch(() => undefined);
}

/** A stored copy that exists but cannot be read (no permission, a folder in its place…): never the same as "no file". */
export class UnreadableCopyError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

export interface StoredFileCopy { bytes: Uint8Array; savedAt: string; label: 'current' | 'previous' }

/**
 * The stored copies of a file, newest first; leftover temporary files from a crash are removed.
 * Only a copy that does not exist is skipped: any other read error throws UnreadableCopyError, so
 * the caller writes nothing over a file it could not read.
 */
export async function readStoredCopies(file: string, fs: AtomicFs = nodeFs as unknown as AtomicFs): Promise<StoredFileCopy[]> {
  const out: StoredFileCopy[] = [];
  for (const [candidate, label] of [[file, 'current'], [previousCopyOf(file), 'previous']] as const) {
    try {
      const [bytes, stat] = await Promise.all([fs.readFile(candidate), fs.stat(candidate)]);
      out.push({ bytes: new Uint8Array(bytes), savedAt: stat.mtime.toISOString(), label });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      throw new UnreadableCopyError(candidate, errorCode(error) ?? (error instanceof Error ? error.message : String(error)));
    }
  }
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(`${base}.`) && name.endsWith('.tmp')) await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
  return out;
}
