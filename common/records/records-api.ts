/**
 * The one contract for field records: every request the renderer may make, checked with
 * zod by whichever host runs the database (Electron's main process, or the browser
 * edition's worker), and what each returns.
 */
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../forms/answers.ts';
import type { RecordsSummary, RestoreLoss } from './backup-reader.ts';
import type { TaskProgress } from './long-task.ts';
import type { ChildRow, EntryRow, QuarterFigures } from './records-store.ts';

const lang = z.enum(['en', 'es']);
const id = z.number().int().positive();
const instrumentId = z.string().regex(/^[a-z0-9-]{1,60}$/);
/** Text up to MAX_TEXT_LENGTH characters (twice as many UTF-16 units, the most such text can take); the form model words the limit for the person. */
const longText = z.string().max(MAX_TEXT_LENGTH * 2);
const answerValue = z.union([longText, z.array(z.string().max(200)).max(100), z.number().finite(), z.null()]);
const answers = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), answerValue);
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array').refine((b) => b.byteLength <= 200 * 1024 * 1024, 'at most 200 MB');
const passphrase = z.string().min(8, 'a passphrase has at least 8 characters').max(200);

export const recordsRequestSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('status') }),
  z.strictObject({ op: z.literal('unlock'), passphrase: z.string().min(1).max(200) }),
  z.strictObject({ op: z.literal('set-passphrase'), passphrase: passphrase.nullable() }),
  z.strictObject({ op: z.literal('save-entry'), lang, instrumentId, answers }),
  z.strictObject({ op: z.literal('update-entry'), lang, entryId: id, answers }),
  z.strictObject({ op: z.literal('delete-entry'), entryId: id }),
  z.strictObject({ op: z.literal('delete-child'), childId: id }),
  z.strictObject({
    op: z.literal('list-children'),
    query: z.string().max(100).optional(),
    status: z.enum(['working', 'at_risk', 'withdrawn', 'prevented', 'moved_away']).optional(),
    sex: z.enum(['f', 'm']).optional(),
    ageGroup: z.enum(['early', 'under14', '14to17']).optional(),
    community: longText.optional(),
    sort: z.enum(['code', 'registered', 'last-visit']).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  z.strictObject({ op: z.literal('child-history'), childId: id }),
  z.strictObject({ op: z.literal('dashboard'), community: longText.optional() }),
  z.strictObject({ op: z.literal('export-csv'), instrumentId }),
  z.strictObject({ op: z.literal('import-csv'), lang, instrumentId, bytes }),
  z.strictObject({ op: z.literal('export-aggregate') }),
  z.strictObject({ op: z.literal('export-database') }),
  z.strictObject({ op: z.literal('preview-restore'), bytes, passphrase: z.string().max(200).optional() }),
  z.strictObject({ op: z.literal('restore-database'), bytes, passphrase: z.string().max(200).optional(), acceptLoss: z.boolean().optional() }),
  z.strictObject({ op: z.literal('undo-restore') }),
  z.strictObject({ op: z.literal('save-now') }),
  z.strictObject({ op: z.literal('progress') }),
  z.strictObject({ op: z.literal('cancel') }),
  z.strictObject({ op: z.literal('delete-all') }),
]);
export type RecordsRequest = z.infer<typeof recordsRequestSchema>;

export interface RecordsStatus {
  /**
   * open: ready; locked: encrypted, waiting for the passphrase; damaged: the stored file is not a readable database
   * (restore a backup or delete all); unreadable: the file exists but cannot be read (permissions, a folder in its
   * place): nothing is written until it is fixed.
   */
  state: 'open' | 'locked' | 'damaged' | 'unreadable';
  encrypted: boolean;
  children: number;
  entries: number;
  communities: string[];
  schemaVersion: number;
  /** When the data was last written to disk, if it has been. */
  savedAt: string | null;
  /** A problem found when the stored file was opened (the previous copy was used, or nothing could be read). */
  warning: string | null;
  /** Changes kept in memory that are not on disk yet, and why the last save failed (null while none failed). */
  unsaved: { changes: number; problem: SaveProblem | null } | null;
  /** A copy of the data from before the last restore, which one click brings back. */
  undoRestore: { savedAt: string } | null;
}

/** Why saving failed: the disk is full, the folder is read-only, no permission, the file is held by another program, or something else. */
export interface SaveProblem {
  code: 'disk-full' | 'read-only' | 'no-permission' | 'busy' | 'other';
  /** The system's own words, for a technician helping by phone. */
  detail: string;
  /** When saving first failed. */
  since: string;
}

/** A backup beside the data on this computer, before anything is replaced. */
export interface RestorePreview {
  backup: RecordsSummary;
  current: RecordsSummary | null;
  loss: RestoreLoss;
  /** keeps-current: the passphrase on this computer stays; adopts-backup: the backup's passphrase will open the records; none: no passphrase. */
  passphrase: 'keeps-current' | 'adopts-backup' | 'none';
}

export interface ImportProblem { row: number; field?: string; message: string }

export interface RecordsResults {
  status: RecordsStatus;
  unlock: RecordsStatus;
  'set-passphrase': RecordsStatus;
  'save-entry': { ok: true; entryId: number; childId: number | null } | { ok: false; errors: Array<{ question: string; message: string }> };
  'update-entry': { ok: true; entryId: number; childId: number | null } | { ok: false; errors: Array<{ question: string; message: string }> };
  'delete-entry': true;
  'delete-child': true;
  'list-children': { total: number; rows: ChildRow[] };
  'child-history': { child: ChildRow; entries: EntryRow[] };
  dashboard: { quarters: QuarterFigures[]; communities: string[] };
  'export-csv': { fileName: string; bytes: Uint8Array; rows: number };
  /** A refused import lists its first 500 problems, then one that says how many more (`total` counts them all). */
  'import-csv': { ok: true; written: number } | { ok: false; problems: ImportProblem[]; total: number };
  'export-aggregate': { fileName: string; bytes: Uint8Array };
  'export-database': { fileName: string; bytes: Uint8Array };
  'preview-restore': RestorePreview;
  'restore-database': RecordsStatus;
  'undo-restore': RecordsStatus;
  /** Tries to write pending changes now; the status says whether it worked. */
  'save-now': RecordsStatus;
  /** The import or restore running now, answered even while it runs. */
  progress: TaskProgress | null;
  /** Stops the running import or restore, which then changes nothing; false when none was running. */
  cancel: boolean;
  'delete-all': RecordsStatus;
}
export type RecordsResult<R extends RecordsRequest> = RecordsResults[R['op']];
