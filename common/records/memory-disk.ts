/**
 * The records service's storage kept in memory, as the Electron host keeps it on disk (a current
 * copy, the previous one, and the copy from before a restore): for tests and the benchmark.
 */
import type { RecordsHost, StoredCopy } from './records-service.ts';

export interface MemoryDisk {
  current?: Uint8Array;
  previous?: Uint8Array;
  beforeRestore?: Uint8Array;
  writes?: number;
}

export function memoryStorage(disk: MemoryDisk): Pick<RecordsHost, 'read' | 'write' | 'writeUndoCopy' | 'readUndoCopy'> {
  return {
    read: async () => [disk.current && { bytes: disk.current, label: 'current' }, disk.previous && { bytes: disk.previous, label: 'previous' }].filter(Boolean) as StoredCopy[],
    write: async (bytes, options) => {
      disk.previous = options?.replacePrevious ? bytes : disk.current;
      disk.current = bytes;
      disk.writes = (disk.writes ?? 0) + 1;
    },
    writeUndoCopy: async (bytes) => {
      disk.beforeRestore = bytes ?? undefined;
    },
    readUndoCopy: async () => (disk.beforeRestore ? { bytes: disk.beforeRestore, label: 'previous', savedAt: new Date(0).toISOString() } : null),
  };
}
