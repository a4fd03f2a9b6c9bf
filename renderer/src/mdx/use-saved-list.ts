import { useCallback, useEffect, useState } from 'react';
import { idToSave, putById, removeById } from '../../../common/saved-list.ts';
import type { UserData, UserDataWrite } from '../../../common/user-data.ts';
import { call } from '../bridge/index.ts';

/** The kinds of user data kept as a list of named items the reader saves, opens and deletes. */
export type SavedListKey = 'profiler-plans' | 'workshops';
export type SavedItem<K extends SavedListKey> = UserData<K>[number];
export type SaveStatus = { ok: boolean; text: string } | null;

/**
 * One saved list through the host's user data: read once, then save, save as and delete, each
 * written before it shows; a failure is shown with `saveError` in front and the list stays as it was.
 */
export function useSavedList<K extends SavedListKey>(key: K, options: { saveError: string; newId(list: readonly SavedItem<K>[]): string }) {
  const { saveError, newId } = options;
  const [saved, setSaved] = useState<SavedItem<K>[]>([]);
  const [status, setStatus] = useState<SaveStatus>(null);
  const failed = useCallback((e: unknown) => setStatus({ ok: false, text: `${saveError} ${e instanceof Error ? e.message : String(e)}` }), [saveError]);

  useEffect(() => {
    call('userdata:get', key).then((v) => setSaved(v as SavedItem<K>[]), failed);
  }, [key, failed]);

  const write = async (list: SavedItem<K>[], message: string): Promise<boolean> => {
    try {
      await call('userdata:set', { key, value: list } as UserDataWrite);
      setSaved(list);
      setStatus({ ok: true, text: message });
      return true;
    } catch (e) {
      failed(e);
      return false;
    }
  };

  return {
    saved,
    status,
    clearStatus: () => setStatus(null),
    /**
     * Saves the item being edited over its saved copy (`editingId`), or as a new one (`asNew`, or
     * nothing saved open); `make` builds it from its id and the copy it replaces. Returns what was written, or null.
     */
    async save(editingId: string | null, asNew: boolean, make: (id: string, previous: SavedItem<K> | undefined) => SavedItem<K>, message: string): Promise<SavedItem<K> | null> {
      const id = idToSave(saved, editingId, asNew, newId);
      const item = make(id, saved.find((s) => s.id === id));
      return (await write(putById(saved, item), message)) ? item : null;
    },
    /** Deletes one saved item; true once the list without it is written. */
    remove: (id: string, message: string): Promise<boolean> => write(removeById(saved, id), message),
  };
}
