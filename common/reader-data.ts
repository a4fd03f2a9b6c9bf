/**
 * The reader's own marks: bookmarks, notes on headings, recently viewed chapters and
 * progress through the reading paths. Kept on the machine through the bridge; exported
 * and imported as one JSON file that is checked whole before anything changes.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9-]{1,80}$/);
const anchor = z.string().regex(/^[a-z0-9-]{0,120}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T/, 'an ISO date');

export const bookmarkSchema = z.strictObject({ chapterId: id, anchor, createdAt: isoDate });
export const noteSchema = z.strictObject({ chapterId: id, anchor, text: z.string().max(10_000), updatedAt: isoDate });
export const readerDataSchema = z.strictObject({
  bookmarks: z.array(bookmarkSchema).max(2000),
  notes: z.array(noteSchema).max(2000),
  recent: z.array(z.strictObject({ chapterId: id, at: isoDate })).max(50),
  read: z.array(id).max(2000),
});
export type ReaderData = z.infer<typeof readerDataSchema>;
export type Bookmark = z.infer<typeof bookmarkSchema>;
export type Note = z.infer<typeof noteSchema>;

export const EMPTY_READER_DATA: ReaderData = { bookmarks: [], notes: [], recent: [], read: [] };

export const EXPORT_FORMAT = 'puente-reader-data';
export const exportFileSchema = z.strictObject({ format: z.literal(EXPORT_FORMAT), version: z.literal(1), exportedAt: isoDate, data: readerDataSchema });

export function exportReaderData(data: ReaderData, now = new Date()): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), data }, null, 2);
}

/** Reads an exported file: the data, or the first problem with where it is. Nothing is merged here. */
export function parseReaderExport(text: string): { ok: true; data: ReaderData } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not a JSON file (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.length ? `field "${issue.path.join('.')}": ` : ''}${issue.message}` };
  }
  return { ok: true, data: parsed.data.data };
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
