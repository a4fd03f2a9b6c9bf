/**
 * The browser edition's records file: the current and previous copies in IndexedDB,
 * replaced together in one transaction (so a closed tab leaves one or the other).
 */
import type { StoredCopy } from '../../../common/records/records-service.ts';

const DB = 'puente-records';
const STORE = 'files';
const UNDO = 'before-restore';

function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

interface Stored { bytes: Uint8Array; savedAt: string }

export async function readIdbCopies(): Promise<StoredCopy[]> {
  const db = await openIdb();
  const get = (key: string) => new Promise<Stored | undefined>((resolve, reject) => {
    const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    req.onsuccess = () => resolve(req.result as Stored | undefined);
    req.onerror = () => reject(req.error);
  });
  const [current, previous] = await Promise.all([get('current'), get('previous')]);
  db.close();
  return [
    ...(current ? [{ bytes: current.bytes, savedAt: current.savedAt, label: 'current' as const }] : []),
    ...(previous ? [{ bytes: previous.bytes, savedAt: previous.savedAt, label: 'previous' as const }] : []),
  ];
}

export async function writeIdbCopy(bytes: Uint8Array, options: { replacePrevious?: boolean } = {}): Promise<void> {
  const db = await openIdb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const stored: Stored = { bytes, savedAt: new Date().toISOString() };
    const old = store.get('current');
    old.onsuccess = () => {
      // When encryption is turned on or off, the previous copy becomes these same bytes: no copy keeps the other form.
      if (options.replacePrevious) store.put(stored, 'previous');
      else if (old.result) store.put(old.result, 'previous');
      store.put(stored, 'current');
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('could not write the records'));
    tx.onabort = () => reject(tx.error ?? new Error('the write was cancelled (is the disk full?)'));
  });
  db.close();
}

/** The data as it was before the last restore (one copy), for a one-click undo; null removes it. */
export async function writeIdbUndoCopy(bytes: Uint8Array | null): Promise<void> {
  const db = await openIdb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    if (bytes) store.put({ bytes, savedAt: new Date().toISOString() } satisfies Stored, UNDO);
    else store.delete(UNDO);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('could not write the records'));
    tx.onabort = () => reject(tx.error ?? new Error('the write was cancelled (is the disk full?)'));
  });
  db.close();
}

export async function readIdbUndoCopy(): Promise<StoredCopy | null> {
  const db = await openIdb();
  const stored = await new Promise<Stored | undefined>((resolve, reject) => {
    const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(UNDO);
    req.onsuccess = () => resolve(req.result as Stored | undefined);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return stored ? { bytes: stored.bytes, savedAt: stored.savedAt, label: 'previous' } : null;
}
