/**
 * A list the reader keeps on this computer (saved profiler plans, saved workshops): which id a
 * save writes under, and the list after a save or a delete. Pure; the screens share one hook over it.
 */

/** The id a save writes under: the saved copy being edited, unless saving as a new one or nothing saved is open. */
export function idToSave<T extends { id: string }>(list: readonly T[], editingId: string | null, asNew: boolean, newId: (list: readonly T[]) => string): string {
  return !asNew && editingId ? editingId : newId(list);
}

/** The list with `item` in place of the one with its id, or added at the end. */
export function putById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export function removeById<T extends { id: string }>(list: readonly T[], id: string): T[] {
  return list.filter((x) => x.id !== id);
}
