/**
 * The reader's own marks: bookmarks, notes on headings, recently viewed chapters and progress
 * through the reading paths, and what the app does with them. No schema here, so the app's
 * first script can use it; a file or stored value is checked by common/reader-data.ts.
 */

export interface Bookmark {
  chapterId: string;
  anchor: string;
  createdAt: string;
}

export interface Note {
  chapterId: string;
  anchor: string;
  text: string;
  updatedAt: string;
}

export interface ReaderData {
  bookmarks: Bookmark[];
  notes: Note[];
  recent: Array<{ chapterId: string; at: string }>;
  read: string[];
}

export const EMPTY_READER_DATA: ReaderData = { bookmarks: [], notes: [], recent: [], read: [] };

export const EXPORT_FORMAT = 'puente-reader-data';

export function exportReaderData(data: ReaderData, now = new Date()): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), data }, null, 2);
}

/**
 * The note under a heading: the one written on it, or else the one written on the same heading in
 * the other language (`otherAnchor`, the heading at the same place there): notes belong to the heading.
 */
export function noteOnHeading(notes: readonly Note[], chapterId: string, anchor: string, otherAnchor: string | undefined): { note: Note; writtenElsewhere: boolean } | null {
  const own = notes.find((n) => n.chapterId === chapterId && n.anchor === anchor);
  if (own) return { note: own, writtenElsewhere: false };
  const other = otherAnchor === undefined ? undefined : notes.find((n) => n.chapterId === chapterId && n.anchor === otherAnchor);
  return other ? { note: other, writtenElsewhere: true } : null;
}

const key = (x: { chapterId: string; anchor: string }) => `${x.chapterId}#${x.anchor}`;

/** Imported marks added to the ones already here; for the same heading the newer note wins. */
export function mergeReaderData(here: ReaderData, incoming: ReaderData): ReaderData {
  const bookmarks = new Map(here.bookmarks.map((b) => [key(b), b]));
  for (const b of incoming.bookmarks) if (!bookmarks.has(key(b))) bookmarks.set(key(b), b);
  const notes = new Map(here.notes.map((n) => [key(n), n]));
  for (const n of incoming.notes) {
    const mine = notes.get(key(n));
    if (!mine || mine.updatedAt < n.updatedAt) notes.set(key(n), n);
  }
  const recent = [...here.recent, ...incoming.recent].sort((a, b) => b.at.localeCompare(a.at))
    .filter((r, i, all) => all.findIndex((x) => x.chapterId === r.chapterId) === i).slice(0, 20);
  return { bookmarks: [...bookmarks.values()], notes: [...notes.values()], recent, read: [...new Set([...here.read, ...incoming.read])] };
}

/** Where to continue a reading path: the first chapter not read yet (null when all are read). */
export function continueInPath(path: readonly string[], read: readonly string[]): string | null {
  return path.find((id) => !read.includes(id)) ?? null;
}

/** The chapter after `current` in a reading path, if `current` is in it and not last. */
export function nextInPath(path: readonly string[], current: string): string | null {
  const i = path.indexOf(current);
  return i >= 0 && i < path.length - 1 ? path[i + 1] : null;
}
