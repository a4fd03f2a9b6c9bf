import path from 'node:path';
import { readUserData, USER_DATA_KEYS, userDataDefaults, type UserData, type UserDataKey, type UserDataWrite } from '../common/user-data.ts';
import { createJsonFileStore, type FileSystemLike } from './json-file-store.ts';

/** The reader's own data, one JSON file per kind under the user-data folder, written atomically. */
export function createUserDataStore(fs: FileSystemLike, dir: string) {
  const stores = new Map(
    USER_DATA_KEYS.map((key) => [key, createJsonFileStore<unknown>(fs, path.join(dir, `${key}.json`), (raw) => readUserData(key, raw), userDataDefaults[key])]),
  );
  return {
    get<K extends UserDataKey>(key: K): Promise<UserData<K>> {
      return stores.get(key)!.get() as Promise<UserData<K>>;
    },
    /** `write` has been checked against its key's schema by the IPC layer. */
    async set(write: UserDataWrite): Promise<true> {
      await stores.get(write.key)!.set(write.value);
      return true;
    },
    /** Before quitting: every kind written, each awaited even when another fails; rejects with the first failure. */
    async flush(): Promise<void> {
      const failed = (await Promise.allSettled([...stores.values()].map((s) => s.flush()))).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
