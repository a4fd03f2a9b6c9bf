/**
 * The checks of the reader's marks where they come from outside the app: a stored value
 * (common/user-data.ts) or an exported file, checked whole before anything changes. The marks
 * themselves and what the app does with them are in common/reader-marks.ts.
 */
import { z } from 'zod';
import { EXPORT_FORMAT, type Bookmark, type Note, type ReaderData } from './reader-marks.ts';

const id = z.string().regex(/^[a-z0-9-]{1,80}$/);
const anchor = z.string().regex(/^[a-z0-9-]{0,120}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T/, 'an ISO date');

export const bookmarkSchema = z.strictObject({ chapterId: id, anchor, createdAt: isoDate }) satisfies z.ZodType<Bookmark>;
export const noteSchema = z.strictObject({ chapterId: id, anchor, text: z.string().max(10_000), updatedAt: isoDate }) satisfies z.ZodType<Note>;
export const readerDataSchema = z.strictObject({
  bookmarks: z.array(bookmarkSchema).max(2000),
  notes: z.array(noteSchema).max(2000),
  recent: z.array(z.strictObject({ chapterId: id, at: isoDate })).max(50),
  read: z.array(id).max(2000),
}) satisfies z.ZodType<ReaderData>;

export const exportFileSchema = z.strictObject({ format: z.literal(EXPORT_FORMAT), version: z.literal(1), exportedAt: isoDate, data: readerDataSchema });

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
