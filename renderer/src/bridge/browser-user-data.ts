import type { IpcResult } from '../../../common/ipc-contract.ts';
import { readUserData, userDataKeySchema, userDataWriteSchema } from '../../../common/user-data.ts';

/**
 * The browser edition's store of what the reader creates (bookmarks, notes, saved plans and
 * workshops) in localStorage, each checked by its schema. Its own module, loaded on the first
 * call, so that building those schemas is not part of the app's start (the first is made
 * once the first chapter is on screen).
 */
export function getUserData(key: unknown): IpcResult<unknown> {
  const parsed = userDataKeySchema.safeParse(key);
  if (!parsed.success) return { ok: false, error: `unknown data "${String(key)}"` };
  try {
    return { ok: true, value: readUserData(parsed.data, JSON.parse(localStorage.getItem(`puente.userdata.${parsed.data}`) ?? 'null')) };
  } catch {
    return { ok: true, value: readUserData(parsed.data, null) };
  }
}

export function setUserData(write: unknown): IpcResult<boolean> {
  const parsed = userDataWriteSchema.safeParse(write);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid data' };
  try {
    localStorage.setItem(`puente.userdata.${parsed.data.key}`, JSON.stringify(parsed.data.value));
  } catch (e) {
    return { ok: false, error: `could not save: ${String(e)}` };
  }
  return { ok: true, value: true };
}
