/**
 * What the app writes before it exits, and what it asks when the field records cannot be
 * written: try again, save a copy elsewhere, or quit losing the changes, never silently.
 * Electron's dialog and the stores are injected (main.ts wires them; unit-tested under Node).
 */
import type { Lang } from '../common/facets.ts';
import { translatorFor } from '../common/i18n/catalogues.ts';
import type { SaveProblem } from '../common/records/records-api.ts';
import { saveProblemOf } from '../common/records/save-problem.ts';

export const UNSAVED_RECORDS_CHOICES = ['retry', 'backup', 'quit'] as const;
export type UnsavedRecordsChoice = (typeof UNSAVED_RECORDS_CHOICES)[number];

export interface RecordsWriteFailure {
  /** Changes that are not on disk (undefined when the records host cannot say). */
  changes: number | undefined;
  /** Why, as the records screen says it (disk full, read-only…), and the system's own words for a technician. */
  problem: SaveProblem['code'];
  error: string;
}

export interface QuitFlowDeps {
  /** The small files: window state, settings, user data. Each rejects when it cannot be written. */
  flushFiles: Array<() => Promise<void>>;
  /** Writes the records' waiting changes; rejects with the error when the write fails. */
  flushRecords(): Promise<unknown>;
  pendingRecordChanges(): Promise<number | undefined> | number | undefined;
  /** Asks the person what to do; absent when no one can be asked (Windows is ending the session). */
  ask?(failure: RecordsWriteFailure): Promise<UnsavedRecordsChoice>;
  /** Asks where, then writes a copy of the records there; false when the person cancelled. */
  saveRecordsBackup(): Promise<boolean>;
  log(message: string): void;
}

/** How the records ended: written, copied elsewhere, given up by the person, or lost with no one to ask. */
export type RecordsOutcome = 'saved' | 'backed-up' | 'discarded' | 'lost';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Writes everything, each awaited; resolves when the app may exit. */
export async function saveEverythingBeforeQuit(deps: QuitFlowDeps): Promise<RecordsOutcome> {
  const [files, records] = await Promise.all([Promise.allSettled(deps.flushFiles.map((flush) => flush())), settleRecords(deps)]);
  // The renderer was told of each failed settings or user-data write when it was made; this is the last word.
  for (const r of files) if (r.status === 'rejected') deps.log(`could not write before quitting: ${messageOf(r.reason)}`);
  return records;
}

async function settleRecords(deps: QuitFlowDeps): Promise<RecordsOutcome> {
  let error: unknown;
  try {
    await deps.flushRecords();
    return 'saved';
  } catch (e) {
    error = e;
  }
  if (!deps.ask) {
    deps.log(`records: ${String(await deps.pendingRecordChanges() ?? 'some')} changes could not be written: ${messageOf(error)}`);
    return 'lost';
  }
  for (;;) {
    const changes = await deps.pendingRecordChanges();
    const choice = await deps.ask({ changes, problem: saveProblemOf(error).code, error: messageOf(error) });
    if (choice === 'quit') {
      deps.log(`records: the person chose to quit without ${String(changes ?? 'the')} unsaved changes (${messageOf(error)})`);
      return 'discarded';
    }
    try {
      if (choice === 'retry') {
        await deps.flushRecords();
        return 'saved';
      }
      if (await deps.saveRecordsBackup()) return 'backed-up';
    } catch (e) {
      error = e;
    }
  }
}


export interface MessageBoxOptions {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

/** The question, in the reader's language (the interface catalogues' words); Escape or closing the box means "try again", never "lose". */
export async function askAboutUnsavedRecords(
  showMessageBox: (options: MessageBoxOptions) => Promise<{ response: number }>,
  lang: Lang,
  failure: RecordsWriteFailure,
): Promise<UnsavedRecordsChoice> {
  const t = translatorFor(lang);
  const count = { known: failure.changes === undefined ? 'no' : 'yes', n: failure.changes ?? 0 };
  const { response } = await showMessageBox({
    type: 'warning', title: 'Puente', message: t.format('quitDialog.message'),
    detail: t.format('quitDialog.detail', { ...count, reason: t.formatLoose(`records.saveProblem.${failure.problem}`)!, error: failure.error }),
    buttons: [t.format('quitDialog.retry'), t.format('quitDialog.backup'), t.format('quitDialog.quit', count)], defaultId: 0, cancelId: 0, noLink: true,
  });
  return UNSAVED_RECORDS_CHOICES[response] ?? 'retry';
}
