/**
 * Binary files that survive a crash mid-write: the new bytes go to a temporary file, are
 * flushed to disk, then renamed over the old file (retried while Windows reports it busy).
 * The copy being replaced is kept next to it as `<file>.previous`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renameWithRetry } from './json-file-store.ts';

export const previousCopyOf = (file: string) => `${file}.previous`;

export async function writeBytesAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // Keep the copy being replaced: a hard link costs nothing and is itself atomic.
  await fs.rm(previousCopyOf(file), { force: true });
  await fs.link(file, previousCopyOf(file)).catch(() => fs.copyFile(file, previousCopyOf(file))).catch(() => undefined);
  await renameWithRetry((a, b) => fs.rename(a, b), temp, file);
  // Make the rename itself durable where the platform allows syncing a folder.
  const dir = await fs.open(path.dirname(file), 'r').catch(() => null);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}

/** The stored copies of a file, newest first; leftover temporary files from a crash are removed. */
export async function readStoredCopies(file: string): Promise<Array<{ bytes: Uint8Array; savedAt: string; label: 'current' | 'previous' }>> {
  const out: Array<{ bytes: Uint8Array; savedAt: string; label: 'current' | 'previous' }> = [];
  for (const [candidate, label] of [[file, 'current'], [previousCopyOf(file), 'previous']] as const) {
    try {
      const [bytes, stat] = await Promise.all([fs.readFile(candidate), fs.stat(candidate)]);
      out.push({ bytes: new Uint8Array(bytes), savedAt: stat.mtime.toISOString(), label });
    } catch {
      // No such copy.
    }
  }
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(`${base}.`) && name.endsWith('.tmp')) await fs.rm(path.join(dir, name), { force: true });
  }
  return out;
}
