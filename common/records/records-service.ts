/**
 * Field records as a service: holds the open database, checks every request, validates
 * every form with the forms model, and writes the database through the host (debounced,
 * serialised, flushed on quit). The host supplies sql.js and the two file operations:
 * Electron's main process (a file under the user-data folder) or the browser edition's
 * worker (IndexedDB).
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { localToday, type Answers, type ValidationResult } from '../forms/answers.ts';
import { questionsOf, type Instrument } from '../forms/instrument-schema.ts';
import { writeCsv } from './csv.ts';
import { ACCEPTED_ITERATIONS, decryptRecords, decryptWithKey, deriveKey, encryptRecords, isEncrypted, type RecordsKey } from './encryption.ts';
import { readBackup, restoreLoss, summarise } from './backup-reader.ts';
import { createLongTasks, type Step } from './long-task.ts';
import { recordsRequestSchema, type MergeDecisions, type RecordsRequest, type RecordsResults, type RecordsStatus, type RestorePreview, type SaveProblem } from './records-api.ts';
import { saveProblemOf } from './save-problem.ts';
import { refusalText } from './refusal-words.ts';
import type { Lang } from '../facets.ts';
import { formDateField } from './entry-checks.ts';
import { checkEntry as checkAgainstRegister } from './check-entry.ts';
import { registrationFacts } from './entry-writes.ts';
import { deviceOf, entrySnapshot, entryVersions, knownDevices, markCorrected, setDevice } from './entry-provenance.ts';
import { applyImport, planImport, type ImportContext } from './import/import-plan.ts';
import { answerCell, applyCsvImport, planCsvImport } from './import/puente-csv.ts';
import { exportFileName, formWorkbook } from './form-workbook.ts';
import { applyMerge, planMerge, type MergePlan } from './merge.ts';
import { CHILD_CODE_FIELD, REGISTRATION_FORM, SCHEMA_VERSION, VERIFICATION_FORM } from './records-schema.ts';
import {
  addChildEntry, addOtherEntry, addRegistration, breakdownTotal, childHistory, childIdByCode, communities, countChildren, countEntries,
  deleteChild, deleteEntry, deleteEverything, entriesOf, entryById, updateEntry, updateRegistration, listChildren, openDatabase, quarterlyFigures, RecordsError, technicians, refusal,
  type EntryRow,
} from './records-store.ts';

/** A stored copy of the records file: the current one first, then the previous one the host kept. */
export interface StoredCopy {
  bytes: Uint8Array;
  /** When it was written, if the host knows. */
  savedAt?: string;
  label: 'current' | 'previous';
}

export interface RecordsHost {
  SQL: SqlJsStatic;
  instruments: readonly Instrument[];
  /** The stored copies, newest first (none on a new machine). Throws when a copy exists but cannot be read. */
  read(): Promise<StoredCopy[]>;
  /** Writes the whole file atomically (the host keeps the previous copy, or makes it these same bytes when told). */
  write(bytes: Uint8Array, options?: { replacePrevious?: boolean }): Promise<void>;
  /** Keeps the data as it was before a restore, for a one-click undo (one such copy; null removes it). */
  writeUndoCopy(bytes: Uint8Array | null): Promise<void>;
  readUndoCopy(): Promise<StoredCopy | null>;
  debounceMs?: number;
  /** Waits before each new try after a failed save (the last one repeats). */
  retryDelaysMs?: readonly number[];
  /** PBKDF2 iterations for new passphrases (tests use fewer). */
  iterations?: number;
  /** Today's date on the host's clock, YYYY-MM-DD: the latest date a form may carry, and the dashboard's current quarter (tests set it). */
  today?(): string;
}


function text(a: Answers, name: string): string | null {
  const v = a[name];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export function createRecordsService(host: RecordsHost) {
  let db: Database | null = null;
  let locked: Uint8Array | null = null;
  /** No stored copy could be opened: why (the first copy's refusal parameters), and nothing is written until the person decides. */
  let damaged: Record<string, string | number> | null = null;
  /** A stored copy exists but could not be read: nothing is written until the person has fixed it. */
  let unreadable: string | null = null;
  /** Changes not yet on disk, and why the last save failed. */
  let pending = 0;
  let saveProblem: SaveProblem | null = null;
  let failedSaves = 0;
  let undoSavedAt: string | null = null;
  let key: RecordsKey | null = null;
  /** A refusal's "[code|params] detail" text, worded by the screen (see refusal-words.ts). */
  let warning: string | null = null;
  let savedAt: string | null = null;
  let ready: Promise<void> | null = null;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  /** The import or restore running now: its progress, and the way to cancel it. */
  const tasks = createLongTasks();
  const forms = new Map(host.instruments.filter((f) => f.kind === 'monitoring').map((f) => [f.id, f]));
  const today = () => host.today?.() ?? localToday();
  /** The counts a file may name: the app's own, and the host's when it sets one (tests use a quick count). */
  const acceptedIterations = host.iterations ? [...ACCEPTED_ITERATIONS, host.iterations] : ACCEPTED_ITERATIONS;

  function useDatabase(next: Database) {
    db?.close();
    db = next;
    locked = null;
    damaged = null;
  }

  async function load(): Promise<void> {
    let copies: StoredCopy[];
    try {
      copies = await host.read();
    } catch (error) {
      unreadable = error instanceof Error ? error.message : String(error);
      return;
    }
    undoSavedAt = (await host.readUndoCopy().catch(() => null))?.savedAt ?? null;
    if (copies.length === 0) {
      useDatabase(openDatabase(host.SQL));
      return;
    }
    const problems: RecordsError[] = [];
    /** The previous copy is open because the current one could not be read. */
    const previousOpen = (copy: StoredCopy) => refusal('previous-copy-open', { ...(copy.savedAt ? { at: Date.parse(copy.savedAt) } : {}), detail: problems.map((p) => p.detail).join('; ') }).message;
    for (const copy of copies) {
      if (isEncrypted(copy.bytes)) {
        locked = copy.bytes;
        savedAt = copy.savedAt ?? null;
        if (problems.length) warning = previousOpen(copy);
        return;
      }
      try {
        useDatabase(openDatabase(host.SQL, copy.bytes));
        savedAt = copy.savedAt ?? null;
        if (problems.length) warning = previousOpen(copy);
        return;
      } catch (error) {
        problems.push(error instanceof RecordsError ? error : refusal('not-a-database', { detail: String(error) }));
      }
    }
    // Nothing readable: keep the files as they are, and write nothing until the user decides.
    damaged = { ...problems[0].params, detail: problems.map((p) => p.detail).join(' ') };
  }

  const ensure = () => (ready ??= load());

  function open(): Database {
    if (unreadable) throw refusal('unreadable', { detail: unreadable });
    if (db) return db;
    if (locked) throw refusal('locked');
    throw refusal('records-damaged', damaged ?? {});
  }

  function status(): RecordsStatus {
    return {
      state: unreadable ? 'unreadable' : db ? 'open' : locked ? 'locked' : 'damaged',
      encrypted: Boolean(key || locked),
      children: db ? countChildren(db) : 0,
      entries: db ? countEntries(db) : 0,
      communities: db ? communities(db) : [],
      schemaVersion: SCHEMA_VERSION,
      savedAt,
      warning: warning ?? (unreadable ? refusal('unreadable', { detail: unreadable }).message : damaged ? refusal('records-damaged', damaged).message : null),
      unsaved: pending > 0 ? { changes: pending, problem: saveProblem } : null,
      undoRestore: undoSavedAt ? { savedAt: undoSavedAt } : null,
      device: db ? deviceOf(db) : null,
    };
  }

  /** The bytes to store: the database, encrypted when there is a passphrase. */
  async function fileBytes(): Promise<Uint8Array> {
    const plain = open().export();
    // export() reopens the database, which resets its pragmas.
    open().run('PRAGMA foreign_keys = ON');
    return key ? encryptRecords(plain, key) : plain;
  }

  /**
   * Writes now (serialised after any write in progress). A failed write keeps the changes in
   * memory, says why in the status, tries again later, and rejects so a caller that waits knows.
   */
  function flush(options: { replacePrevious?: boolean } = {}): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const run = writing.catch(() => undefined).then(async () => {
      // Never export the database half-way through an import or a restore (an open transaction would
      // be cut into the file): checked with no pause between the check and the export below.
      while (tasks.busy()) await tasks.idle();
      if (!dirty || !db) return;
      dirty = false;
      const writingNow = pending;
      try {
        await host.write(await fileBytes(), options);
        savedAt = new Date().toISOString();
        warning = null;
        pending = Math.max(0, pending - writingNow);
        saveProblem = null;
        failedSaves = 0;
      } catch (error) {
        dirty = true;
        const problem = saveProblemOf(error);
        saveProblem = { ...problem, since: saveProblem?.since ?? problem.since };
        failedSaves++;
        scheduleRetry();
        throw error;
      }
    });
    writing = run;
    return run;
  }

  function scheduleRetry() {
    const delays = host.retryDelaysMs ?? [2_000, 5_000, 15_000, 30_000, 60_000];
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(() => undefined), delays[Math.min(failedSaves - 1, delays.length - 1)]);
  }

  function changed() {
    dirty = true;
    pending++;
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(() => undefined), host.debounceMs ?? 400);
  }

  function formOf(id: string): Instrument {
    const form = forms.get(id);
    if (!form) throw refusal('not-monitoring-form', { form: id });
    return form;
  }

  function dateOf(form: Instrument, value: Answers): string {
    const dateName = formDateField(form);
    const date = dateName ? text(value, dateName) : null;
    if (!date) throw refusal('no-date', { field: dateName ?? 'date' });
    return date;
  }

  /** Stores one validated form: a registration makes a child; a form with a child's code joins that child. */
  function store(form: Instrument, value: Answers): { entryId: number; childId: number | null } {
    const d = open();
    const date = dateOf(form, value);
    if (form.id === REGISTRATION_FORM) {
      return addRegistration(d, registrationFacts(value, date), value);
    }
    const code = text(value, CHILD_CODE_FIELD);
    if (code && questionsOf(form).some((q) => q.name === CHILD_CODE_FIELD)) {
      const childId = childIdByCode(d, code);
      if (childId === null) throw refusal('child-not-registered', { field: CHILD_CODE_FIELD, code });
      const outcome = form.id === VERIFICATION_FORM ? text(value, 'verified_status') : null;
      return { entryId: addChildEntry(d, form.id, childId, date, outcome, value), childId };
    }
    return { entryId: addOtherEntry(d, form.id, date, value), childId: null };
  }

  /** A store refusal about one field (its `field` parameter) as the form's error on that question, in the reader's language; other errors are not the person's to correct. */
  function fieldErrors(error: unknown, codes: ReadonlyArray<RecordsError['code']>, lang: Lang): Array<{ question: string; message: string }> | null {
    if (!(error instanceof RecordsError) || !codes.includes(error.code) || typeof error.params.field !== 'string') return null;
    return [{ question: error.params.field, message: refusalText(error.code, error.params, lang) }];
  }

  /** Every check a form passes before it is stored: the form model (with today's date on the host's clock), then the register. */
  function checkEntry(form: Instrument, answers: Partial<Answers>, lang: Lang, editing?: EntryRow): ValidationResult {
    return checkAgainstRegister(open(), form, answers, lang, today(), editing);
  }

  /** What an import of a server export works with: the open records, every instrument (to name a baseline form), today on the host's clock. */
  const importContext = (lang: Lang, step: Step): ImportContext => ({ db: open(), instruments: host.instruments, lang, today: today(), step });

  function saveEntry(req: Extract<RecordsRequest, { op: 'save-entry' }>): RecordsResults['save-entry'] {
    const form = formOf(req.instrumentId);
    const checked = checkEntry(form, req.answers, req.lang);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    try {
      const saved = store(form, checked.value);
      changed();
      return { ok: true, ...saved };
    } catch (error) {
      const errors = fieldErrors(error, ['code-taken', 'child-not-registered', 'no-date', 'unknown-result'], req.lang);
      if (errors) return { ok: false, errors };
      throw error;
    }
  }

  /** Replaces a form's answers, validated as when it was first saved; a visit stays with its child. */
  function updateOne(req: Extract<RecordsRequest, { op: 'update-entry' }>): RecordsResults['update-entry'] {
    const d = open();
    const entry = entryById(d, req.entryId);
    const form = formOf(entry.instrumentId);
    const checked = checkEntry(form, req.answers, req.lang, entry);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const before = entrySnapshot(d, entry.id);
    try {
      const date = dateOf(form, checked.value);
      if (form.id === REGISTRATION_FORM) updateRegistration(d, entry.id, registrationFacts(checked.value, date), checked.value);
      else {
        const code = text(checked.value, CHILD_CODE_FIELD);
        if (entry.childId !== null && code && childIdByCode(d, code) !== entry.childId) {
          throw refusal('moves-child', { field: CHILD_CODE_FIELD });
        }
        updateEntry(d, entry.id, date, form.id === VERIFICATION_FORM ? text(checked.value, 'verified_status') : null, checked.value);
      }
    } catch (error) {
      const errors = fieldErrors(error, ['code-taken', 'code-required', 'moves-child', 'no-date', 'unknown-result'], req.lang);
      if (errors) return { ok: false, errors };
      throw error;
    }
    markCorrected(d, before, new Date().toISOString());
    changed();
    return { ok: true, entryId: entry.id, childId: entry.childId };
  }

  function exportCsv(instrumentId: string, lang?: Lang): RecordsResults['export-csv'] {
    const form = formOf(instrumentId);
    const names = questionsOf(form).filter((q) => q.type !== 'note').map((q) => q.name);
    const list = entriesOf(open(), form.id);
    const day = new Date().toISOString().slice(0, 10);
    return {
      fileName: lang ? exportFileName(form, lang, day, 'csv') : `${form.id}-${day}.csv`,
      bytes: writeCsv(names, list.map((e) => names.map((n) => answerCell(e.answers[n]))), lang === 'es' ? ';' : ','),
      rows: list.length,
    };
  }

  function exportXlsx(instrumentId: string, lang: Lang): RecordsResults['export-xlsx'] {
    const form = formOf(instrumentId);
    const list = entriesOf(open(), form.id);
    return { fileName: exportFileName(form, lang, new Date().toISOString().slice(0, 10), 'xlsx'), bytes: formWorkbook(form, list, lang), rows: list.length };
  }

  /** What a CSV of one form would do (previewOnly), or its import in one transaction with the person's choices; nothing is written while any row has a problem. */
  async function importCsv(req: Extract<RecordsRequest, { op: 'preview-csv' | 'import-csv' }>, step: Step): Promise<RecordsResults['import-csv'] | RecordsResults['preview-csv']> {
    const context = { db: open(), form: formOf(req.instrumentId), lang: req.lang, today: today(), step };
    const planned = await planCsvImport(context, req.bytes, req.dateOrder ?? 'day-first');
    if (!planned.ok) return planned;
    if (req.op === 'preview-csv') return planned.plan.preview;
    const result = await applyCsvImport(context, planned.plan, { decisions: req.decisions ?? {}, unknownColumns: req.unknownColumns ?? 'keep' });
    if (result.ok && result.written) changed();
    return result;
  }

  /** Counts only: by quarter, indicator, sex and age group. No code, no community, nothing about one child. */
  function exportAggregate(): RecordsResults['export-aggregate'] {
    const out: string[][] = [];
    // Every community's counts, then all of them together: figures several NGOs can add up, with no child in them.
    for (const community of [...communities(open()), null]) {
      const where = community ?? 'all';
      for (const q of quarterlyFigures(open(), { ...(community === null ? {} : { community }), today: today() })) {
        const groups: Array<[string, typeof q.withdrawn]> = [['identified_working', q.identifiedWorking], ['identified_at_risk', q.identifiedAtRisk], ['withdrawn_cumulative', q.withdrawn], ['prevented_cumulative', q.prevented]];
        for (const [indicator, b] of groups) {
          for (const sex of ['f', 'm'] as const) for (const age of ['early', 'under14', '14to17'] as const) out.push([q.quarter, where, indicator, sex, age, String(b[sex][age])]);
          out.push([q.quarter, where, indicator, 'all', 'all', String(breakdownTotal(b))]);
        }
        out.push([q.quarter, where, 'visits', 'all', 'all', String(q.visits)], [q.quarter, where, 'referrals', 'all', 'all', String(q.referrals)]);
      }
    }
    return { fileName: `puente-indicators-${new Date().toISOString().slice(0, 10)}.csv`, bytes: writeCsv(['quarter', 'community', 'indicator', 'sex', 'age_group', 'count'], out) };
  }

  /** A backup's bytes as a checked, fresh database, and the key it was encrypted with (if any). */
  async function openBackup(bytes: Uint8Array, passphrase: string | undefined, step?: Step): Promise<{ next: Database; backupKey: RecordsKey | null }> {
    let plain = bytes;
    let backupKey: RecordsKey | null = null;
    if (isEncrypted(bytes)) {
      if (!passphrase) throw refusal('wrong-passphrase', { reason: 'none_given' });
      ({ plain, key: backupKey } = await decryptRecords(bytes, passphrase, acceptedIterations));
    }
    return { next: await readBackup(host.SQL, plain, forms, step, today()), backupKey };
  }

  /** Plans a merge of another laptop's backup (read as a restore reads it), with the person's decisions when given. */
  async function mergeOf(req: { lang: Lang; bytes: Uint8Array; passphrase?: string; decisions?: MergeDecisions }, step: Step, write: boolean): Promise<{ plan: MergePlan; written?: Awaited<ReturnType<typeof applyMerge>> }> {
    const { next } = await openBackup(req.bytes, req.passphrase, step);
    try {
      const context = { db: open(), forms, lang: req.lang, today: today(), step };
      const plan = await planMerge(context, next, req.decisions);
      return write ? { plan, written: await applyMerge(context, plan, new Date().toISOString()) } : { plan };
    } finally {
      next.close();
    }
  }

  /** What a restore would do: the backup beside the data here, what would be lost, and which passphrase would apply. */
  async function previewRestore(bytes: Uint8Array, passphrase: string | undefined): Promise<RestorePreview> {
    const { next, backupKey } = await tasks.run('restore', 0, (step) => openBackup(bytes, passphrase, step));
    try {
      return {
        backup: summarise(next),
        current: db ? summarise(db) : null,
        loss: db ? restoreLoss(db, next) : { children: 0, entries: 0, childCodes: [] },
        passphrase: key ? 'keeps-current' : backupKey ? 'adopts-backup' : 'none',
      };
    } finally {
      next.close();
    }
  }

  /**
   * Replaces the data with a checked backup. Refuses, changing nothing, when the backup would lose
   * records here and the person has not accepted that loss; keeps the data as it was for a one-click undo.
   * The passphrase on this computer stays; a backup's own passphrase applies only when there was none.
   */
  async function restore(bytes: Uint8Array, passphrase: string | undefined, acceptLoss: boolean): Promise<RecordsStatus> {
    if (unreadable) open();
    const { next, backupKey } = await tasks.run('restore', 0, (step) => openBackup(bytes, passphrase, step));
    try {
      const loss = db ? restoreLoss(db, next) : { children: 0, entries: 0, childCodes: [] };
      if ((loss.children > 0 || loss.entries > 0) && !acceptLoss) {
        throw refusal('would-lose', { children: loss.children, entries: loss.entries });
      }
      if (db && countEntries(db) > 0) await host.writeUndoCopy(await fileBytes());
    } catch (error) {
      next.close();
      throw error;
    }
    undoSavedAt = db && countEntries(db) > 0 ? new Date().toISOString() : undoSavedAt;
    // This laptop stays itself: a restored backup (perhaps another laptop's) does not bring its device id.
    if (db) setDevice(next, deviceOf(db));
    useDatabase(next);
    if (!key && backupKey) key = backupKey;
    warning = null;
    dirty = true;
    pending++;
    await flush();
    return status();
  }

  async function undoRestore(): Promise<RecordsStatus> {
    const copy = await host.readUndoCopy();
    if (!copy) throw refusal('no-undo');
    // The undo copy was written by this app, in the form the data had then (encrypted with this computer's key if there was one).
    const plain = isEncrypted(copy.bytes) ? (key ? await decryptWithKey(copy.bytes, key) : null) : copy.bytes;
    if (!plain) throw refusal('locked', { reason: 'before_restore' });
    const next = await tasks.run('restore', 0, (step) => readBackup(host.SQL, plain, forms, step, today()));
    const before = db && countEntries(db) > 0 ? await fileBytes() : null;
    useDatabase(next);
    await host.writeUndoCopy(before);
    undoSavedAt = before ? new Date().toISOString() : null;
    dirty = true;
    pending++;
    await flush();
    return status();
  }

  /** Passphrase on, off or changed: every stored copy (current, previous, the copy from before a restore) is rewritten in the new form. */
  async function setPassphrase(passphrase: string | null): Promise<RecordsStatus> {
    open();
    const undo = await host.readUndoCopy();
    const undoPlain = undo ? (isEncrypted(undo.bytes) ? (key ? await decryptWithKey(undo.bytes, key) : null) : undo.bytes) : null;
    key = passphrase === null ? null : await deriveKey(passphrase, undefined, host.iterations);
    dirty = true;
    pending++;
    await flush({ replacePrevious: true });
    if (undoPlain) await host.writeUndoCopy(key ? await encryptRecords(undoPlain, key) : undoPlain);
    return status();
  }

  /** Requests run one after another, so nothing runs in the pauses of an import or a restore. */
  let queue: Promise<unknown> = Promise.resolve();

  async function handle<R extends RecordsRequest>(raw: unknown): Promise<RecordsResults[R['op']]> {
    const parsed = recordsRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      // The one rule a person can break through the screen: a new passphrase too short.
      if (field === 'passphrase' && issue?.code === 'too_small') throw refusal('passphrase-too-short', { min: Number(issue.minimum) });
      throw refusal('invalid-request', { ...(field ? { field } : {}), detail: `invalid request${field ? ` at "${field}"` : ''}: ${issue?.message ?? 'rejected'}` });
    }
    const req = parsed.data;
    type Out = RecordsResults[R['op']];
    // Answered at once, even while a long task runs.
    if (req.op === 'progress') return tasks.progress() as Out;
    if (req.op === 'cancel') return tasks.cancel() as Out;
    const turn = queue.then(() => run<R>(req));
    queue = turn.catch(() => undefined);
    return turn;
  }

  async function run<R extends RecordsRequest>(req: RecordsRequest): Promise<RecordsResults[R['op']]> {
    await ensure();
    type Out = RecordsResults[R['op']];
    switch (req.op) {
      case 'progress':
      case 'cancel':
        throw refusal('invalid-request', { detail: 'answered before the queue' });
      case 'status':
        return status() as Out;
      case 'unlock': {
        if (unreadable) open();
        if (!locked) return status() as Out;
        const { plain, key: k } = await decryptRecords(locked, req.passphrase, acceptedIterations);
        useDatabase(openDatabase(host.SQL, plain));
        key = k;
        return status() as Out;
      }
      case 'set-passphrase':
        return (await setPassphrase(req.passphrase)) as Out;
      case 'save-entry':
        return saveEntry(req) as Out;
      case 'update-entry':
        return updateOne(req) as Out;
      case 'delete-entry':
        deleteEntry(open(), req.entryId);
        changed();
        return true as Out;
      case 'delete-child':
        deleteChild(open(), req.childId);
        changed();
        return true as Out;
      case 'list-children': {
        const { op: _op, ...filter } = req;
        return listChildren(open(), filter) as Out;
      }
      case 'child-history':
        return { ...childHistory(open(), req.childId), devices: knownDevices(open()) } as Out;
      case 'dashboard':
        return {
          quarters: quarterlyFigures(open(), { community: req.community, device: req.device, technician: req.technician, today: today() }),
          communities: communities(open()), devices: knownDevices(open()), technicians: technicians(open()),
        } as Out;
      case 'export-csv':
        return exportCsv(req.instrumentId, req.lang) as Out;
      case 'export-xlsx':
        return exportXlsx(req.instrumentId, req.lang) as Out;
      case 'preview-csv':
      case 'import-csv':
        return (await tasks.run('import', 0, (step) => importCsv(req, step))) as Out;
      case 'export-aggregate':
        return exportAggregate() as Out;
      case 'export-database': {
        const bytes = await fileBytes();
        return { fileName: `puente-records-${new Date().toISOString().slice(0, 10)}.${key ? 'puente' : 'sqlite'}`, bytes } as Out;
      }
      case 'preview-restore':
        return (await previewRestore(req.bytes, req.passphrase)) as Out;
      case 'restore-database':
        return (await restore(req.bytes, req.passphrase, req.acceptLoss ?? false)) as Out;
      case 'undo-restore':
        return (await undoRestore()) as Out;
      case 'save-now':
        // A failure is in the status (unsaved, with its reason); the person sees it there.
        await flush().catch(() => undefined);
        return status() as Out;
      case 'preview-import':
        return (await tasks.run('import', 0, (step) => planImport(importContext(req.lang, step), req.fileName, req.bytes))).preview as Out;
      case 'commit-import': {
        const result = await tasks.run('import', 0, async (step) => {
          const context = importContext(req.lang, step);
          const plan = await planImport(context, req.fileName, req.bytes);
          return { ...plan.preview, written: await applyImport(context, plan, new Date().toISOString()) };
        });
        if (result.written.added || result.written.updated) changed();
        return result as Out;
      }
      case 'preview-merge':
        return (await tasks.run('import', 0, (step) => mergeOf(req, step, false))).plan.preview as Out;
      case 'commit-merge': {
        const { plan, written } = await tasks.run('import', 0, (step) => mergeOf(req, step, true));
        if (written!.added || written!.updated || written!.joined) changed();
        return { ...plan.preview, written: written! } as Out;
      }
      case 'entry-history':
        return entryVersions(open(), req.entryId) as Out;
      case 'set-device-name': {
        const d = open();
        setDevice(d, { ...deviceOf(d), name: req.name });
        changed();
        return status() as Out;
      }
      case 'delete-all':
        // Also the way out when the passphrase is lost or the file is damaged: a new, empty database.
        if (unreadable) open();
        if (db) deleteEverything(db);
        else useDatabase(openDatabase(host.SQL));
        key = null;
        warning = null;
        dirty = true;
        pending++;
        await flush({ replacePrevious: true });
        return status() as Out;
    }
  }

  return {
    /** Runs one request; a RecordsError's message is meant for the user. */
    handle,
    /** Stops an import or a restore that is running (it changes nothing): before quitting. */
    cancelTasks: () => tasks.cancel(),
    /** Writes pending changes now (on quit, before a backup). */
    flush: async () => {
      await ensure();
      await flush();
    },
    /** True while changes wait for the debounced write (or a failed one waits to be tried again). */
    hasPendingWrites: () => dirty,
    /** How many changes are not on disk yet. */
    pendingChanges: () => pending,
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
