/**
 * Merging another laptop's backup into the records here. The backup is read by readBackup (its
 * schema is never adopted; every form is checked) and compared, form by form, by the uid each
 * entry carries from laptop to laptop (or, for forms imported from a server, by the submission id).
 *
 * - A child whose registration is already here (by uid, or joined earlier) is the same child.
 * - A child registered separately on both laptops with the same code (compared by code_key), or
 *   with the same sex, community and age registered within a month, is a possible duplicate: the
 *   person joins them or keeps them apart (with a new code when the codes are the same).
 * - A form with different answers on the two laptops is a conflict shown side by side, unless one
 *   side's answers are among the other's earlier versions (that side is simply older).
 * - Nothing is overwritten silently: a replaced version, a declined one and a joined registration
 *   stay in the entry's history. Merging the same backup twice changes nothing, and merging A into
 *   B or B into A (with the same choices) gives the same register: a joined child keeps the
 *   registration entered first, and a form both laptops imported keeps the smaller uid.
 */
import type { Database, SqlValue } from 'sql.js';
import type { Answers } from '../forms/answers.ts';
import type { Instrument } from '../forms/instrument-schema.ts';
import type { Lang } from '../facets.ts';
import { summarise } from './backup-reader.ts';
import { checkEntry } from './check-entry.ts';
import { ageRangeOn } from './entry-checks.ts';
import { deviceOf, keepForeignVersion, keepVersion, rememberDevice, type Device } from './entry-provenance.ts';
import { addEntry, replaceEntry } from './entry-writes.ts';
import type { Step } from './long-task.ts';
import type { EntryVersion, MergeChild, MergeConflict, MergeDecisions, MergeDuplicate, MergePreview, SubmissionProblem } from './records-api.ts';
import { problemText } from './import/problem-words.ts';
import { CHILD_CODE_FIELD, REGISTRATION_FORM } from './records-schema.ts';
import { childIdByCode, codeKey, deleteChild, deleteEntry, entryById, inTransactionAsync, RecordsError, rows, run, scalar, type EntryRow } from './records-store.ts';

export interface MergeContext {
  db: Database;
  forms: ReadonlyMap<string, Instrument>;
  lang: Lang;
  today: string;
  step: Step;
}

/** An entry as stored, every column kept as text, so it travels to the other laptop unchanged. */
interface StoredEntry {
  id: number;
  uid: string;
  instrumentId: string;
  childId: number | null;
  entryDate: string;
  answers: Answers;
  answersText: string;
  createdAt: string;
  updatedAt: string;
  origin: 'device' | 'server';
  deviceId: string | null;
  server: string | null;
  submissionId: string | null;
  submissionVersion: string | null;
  serverRecord: string | null;
  importedAt: string | null;
  unrecognised: string | null;
}

interface StoredVersion {
  aliasUid: string | null;
  entryDate: string;
  answers: string;
  origin: 'device' | 'server';
  deviceId: string | null;
  server: string | null;
  submissionVersion: string | null;
  unrecognised: string | null;
  savedAt: string;
  replacedAt: string;
  reason: EntryVersion['reason'];
}

interface StoredChild { id: number; code: string; sex: 'f' | 'm'; age: number; community: string; registeredOn: string; status: string }

type ChildPlan =
  | { kind: 'same'; localChildId: number }
  | { kind: 'new'; code: string | null }
  | { kind: 'join'; localChildId: number; registration: StoredEntry }
  | { kind: 'undecided' }
  | { kind: 'refused' }
  /** Deleted here: neither the child nor its forms come back. */
  | { kind: 'deleted' };

interface EntryPair { local: EntryRow; backup: StoredEntry }

export interface MergePlan {
  preview: MergePreview;
  device: Device;
  children: Map<number, ChildPlan>;
  /** Forms to add, registrations of new children first. */
  adds: StoredEntry[];
  /** The backup has the later version. */
  updates: EntryPair[];
  /** Both changed; with the person's choice when given. */
  conflicts: Array<EntryPair & { keep: 'here' | 'backup' | null }>;
  /** The same form with another uid on each laptop (both imported it from the server): one keeps the smaller uid. */
  sameForms: EntryPair[];
  /** Matched forms whose earlier versions in the backup are not in the history here. */
  histories: Array<{ localId: number; versions: StoredVersion[] }>;
  /** Forms of the backup, by uid: for history lookups. */
  backupHistory: Map<string, StoredVersion[]>;
  /** Forms here that the other laptop deleted: a registration takes its child along. */
  removals: Array<{ entryId: number; childId: number | null; registration: boolean }>;
  /** The other laptop's deletions, kept here too so that no third laptop's backup brings them back. */
  tombstones: Array<{ uid: string; deletedAt: string; deviceId: string | null }>;
}

const str = (v: SqlValue) => (v === null || v === undefined ? null : String(v));

function storedEntry(r: Record<string, SqlValue>): StoredEntry {
  return {
    id: Number(r.id), uid: String(r.uid), instrumentId: String(r.instrument_id), childId: r.child_id === null ? null : Number(r.child_id),
    entryDate: String(r.entry_date), answers: JSON.parse(String(r.answers)) as Answers, answersText: String(r.answers),
    createdAt: String(r.created_at), updatedAt: String(r.updated_at), origin: r.origin === 'server' ? 'server' : 'device',
    deviceId: str(r.device_id), server: str(r.server), submissionId: str(r.submission_id), submissionVersion: str(r.submission_version),
    serverRecord: str(r.server_record), importedAt: str(r.imported_at), unrecognised: str(r.unrecognised),
  };
}

function storedVersions(db: Database, entryId: number): StoredVersion[] {
  return rows(db, 'SELECT * FROM entry_history WHERE entry_id = ? ORDER BY id', [entryId]).map((r) => ({
    aliasUid: str(r.alias_uid), entryDate: String(r.entry_date), answers: String(r.answers), origin: r.origin === 'server' ? 'server' : 'device',
    deviceId: str(r.device_id), server: str(r.server), submissionVersion: str(r.submission_version), unrecognised: str(r.unrecognised),
    savedAt: String(r.saved_at), replacedAt: String(r.replaced_at), reason: String(r.reason) as StoredVersion['reason'],
  }));
}

function storedChild(r: Record<string, SqlValue>): StoredChild {
  return { id: Number(r.id), code: String(r.child_code), sex: r.sex as 'f' | 'm', age: Number(r.age), community: String(r.community), registeredOn: String(r.registered_on), status: String(r.current_status) };
}

/** Answers compare whatever the order of their keys. */
function canonical(answers: Answers): string {
  return JSON.stringify(Object.keys(answers).sort().map((k) => [k, answers[k]]));
}

/** A form's answers naming the child by the code the child has here. */
function withCode(answers: Answers, code: string | null): Answers {
  return code !== null && CHILD_CODE_FIELD in answers ? { ...answers, [CHILD_CODE_FIELD]: code } : answers;
}

const historyKey = (v: { aliasUid: string | null; answers: string }) => `${v.aliasUid ?? ''}\u0000${v.answers}`;
const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
const fold = (text: string) => text.normalize('NFC').trim().toLowerCase();

/** Registered within this many days of each other, two children of the same sex, community and age may be one. */
const SIMILAR_WITHIN_DAYS = 31;

function mergeChild(db: Database, c: StoredChild): MergeChild {
  return { code: c.code, sex: c.sex, age: c.age, community: c.community, registeredOn: c.registeredOn, status: c.status, forms: Number(scalar(db, 'SELECT count(*) FROM entries WHERE child_id = ?', [c.id])) };
}

/** The local entry that already stands for this backup entry: the same uid, a uid joined earlier, or the same server submission. */
function localCounterpart(db: Database, e: StoredEntry): { entry: EntryRow; via: 'uid' | 'alias' | 'submission' } | null {
  const byUid = scalar(db, 'SELECT id FROM entries WHERE uid = ?', [e.uid]);
  if (byUid !== null) return { entry: entryById(db, Number(byUid)), via: 'uid' };
  const byAlias = scalar(db, 'SELECT entry_id FROM entry_history WHERE alias_uid = ? LIMIT 1', [e.uid]);
  if (byAlias !== null) return { entry: entryById(db, Number(byAlias)), via: 'alias' };
  const bySubmission = e.submissionId === null ? null : scalar(db, 'SELECT id FROM entries WHERE submission_id = ?', [e.submissionId]);
  return bySubmission === null ? null : { entry: entryById(db, Number(bySubmission)), via: 'submission' };
}

/** A child here who may be this backup child: same sex and community, an age that fits, registered within a month. */
function similarChild(db: Database, c: StoredChild, taken: ReadonlySet<number>): StoredChild | null {
  const candidates = rows(db, 'SELECT * FROM children WHERE sex = ?', [c.sex]).map(storedChild)
    .filter((l) => !taken.has(l.id) && fold(l.community) === fold(c.community) && days(l.registeredOn, c.registeredOn) <= SIMILAR_WITHIN_DAYS)
    .filter((l) => {
      const [least, most] = ageRangeOn({ childCode: l.code, sex: l.sex, age: l.age, initialStatus: 'working', registeredOn: l.registeredOn }, c.registeredOn);
      return c.age >= least - 1 && c.age <= most;
    })
    .sort((a, b) => days(a.registeredOn, c.registeredOn) - days(b.registeredOn, c.registeredOn));
  return candidates[0] ?? null;
}

/**
 * What merging this backup (a database from readBackup) would do. With decisions, the plan carries
 * them; without, duplicates and conflicts are listed for the person to decide. Changes nothing.
 */
export async function planMerge(ctx: MergeContext, backup: Database, decisions?: MergeDecisions): Promise<MergePlan> {
  const { db, lang } = ctx;
  const device = deviceOf(backup);
  const problems: SubmissionProblem[] = [];
  const refuse = (table: string, row: number, text: string, column?: string) =>
    problems.push({ table, row, ...(column ? { column } : {}), code: 'answer', params: { text }, message: problemText('answer', { text }, lang) });
  const byChoice = new Map((decisions?.duplicates ?? []).map((d) => [d.id, d]));
  const byKeep = new Map((decisions?.conflicts ?? []).map((d) => [d.id, d.keep]));

  const entries = rows(backup, `SELECT * FROM entries ORDER BY instrument_id = ? DESC, entry_date, id`, [REGISTRATION_FORM]).map(storedEntry);
  const backupHistory = new Map(entries.map((e) => [e.uid, storedVersions(backup, e.id)]));
  const registrationOf = new Map<number, StoredEntry>();
  for (const e of entries) if (e.instrumentId === REGISTRATION_FORM && e.childId !== null && !registrationOf.has(e.childId)) registrationOf.set(e.childId, e);
  await ctx.step(0, entries.length * 2);
  const deletedHere = new Set(rows(db, 'SELECT uid FROM deleted_entries').map((r) => String(r.uid)));
  const tombstones = rows(backup, 'SELECT uid, deleted_at, device_id FROM deleted_entries').map((r) => ({ uid: String(r.uid), deletedAt: String(r.deleted_at), deviceId: str(r.device_id) }));
  const deletedThere = new Set(tombstones.map((t) => t.uid));

  // The children: the same here, new, or possibly one already here.
  const children = new Map<number, ChildPlan>();
  const duplicates: MergeDuplicate[] = [];
  const taken = new Set<number>();
  const backupChildren = rows(backup, 'SELECT * FROM children ORDER BY id').map(storedChild);
  const newCodes = new Set<string>();
  for (const c of backupChildren) {
    const registration = registrationOf.get(c.id);
    if (!registration) {
      refuse('children', c.id, lang === 'es' ? `el niño o la niña «${c.code}» no tiene ficha de registro en la copia: no se une` : `the child “${c.code}” has no registration in the backup: not merged`);
      children.set(c.id, { kind: 'refused' });
      continue;
    }
    const here = localCounterpart(db, registration);
    if (!here && deletedHere.has(registration.uid)) {
      children.set(c.id, { kind: 'deleted' });
      continue;
    }
    if (here && here.entry.childId !== null) {
      children.set(c.id, { kind: 'same', localChildId: here.entry.childId });
      taken.add(here.entry.childId);
      continue;
    }
    const sameCode = childIdByCode(db, c.code);
    const similar = sameCode === null ? similarChild(db, c, taken) : null;
    const localId = sameCode ?? similar?.id ?? null;
    if (localId === null) {
      children.set(c.id, { kind: 'new', code: c.code });
      newCodes.add(codeKey(c.code));
      continue;
    }
    const local = storedChild(rows(db, 'SELECT * FROM children WHERE id = ?', [localId])[0]);
    duplicates.push({ id: registration.uid, reason: sameCode !== null ? 'same-code' : 'similar', backup: mergeChild(backup, c), here: { ...mergeChild(db, local), childId: local.id } });
    const choice = byChoice.get(registration.uid);
    if (!choice) children.set(c.id, { kind: 'undecided' });
    else if (choice.choice === 'join') {
      // The registration a joined child keeps passes the checks of one typed in (its date, against the forms here).
      const localRegistration = entryById(db, Number(scalar(db, 'SELECT id FROM entries WHERE child_id = ? AND instrument_id = ? ORDER BY id LIMIT 1', [local.id, REGISTRATION_FORM])));
      const checked = firstEntered(registration, localRegistration)
        ? checkEntry(db, ctx.forms.get(REGISTRATION_FORM)!, withCode(registration.answers, local.code), lang, ctx.today, localRegistration)
        : null;
      if (checked && !checked.ok) {
        for (const err of checked.errors) refuse('entries', registration.id, err.message, err.question);
        children.set(c.id, { kind: 'refused' });
      } else {
        children.set(c.id, { kind: 'join', localChildId: local.id, registration });
        taken.add(local.id);
      }
    } else if (sameCode !== null) {
      const code = choice.newCode ?? null;
      if (code === null || childIdByCode(db, code) !== null || newCodes.has(codeKey(code))) {
        throw new RecordsError('needs-decision', `To keep the backup's child “${c.code}” apart from the child with the same code here, give it a new code that is not on the register${code ? ` (“${code}” is)` : ''}. Nothing was changed.`, { code: c.code, ...(code ? { taken: code } : {}) });
      }
      children.set(c.id, { kind: 'new', code });
      newCodes.add(codeKey(code));
    } else {
      children.set(c.id, { kind: 'new', code: c.code });
      newCodes.add(codeKey(c.code));
    }
  }

  /** The code a backup child has here once merged (null: the form joins no child). */
  const localCode = (childId: number | null): string | null | undefined => {
    if (childId === null) return null;
    const p = children.get(childId);
    if (!p || p.kind === 'refused' || p.kind === 'undecided' || p.kind === 'deleted') return undefined;
    if (p.kind === 'new') return p.code;
    return String(scalar(db, 'SELECT child_code FROM children WHERE id = ?', [p.localChildId]));
  };

  const adds: StoredEntry[] = [];
  const updates: EntryPair[] = [];
  const conflicts: MergePlan['conflicts'] = [];
  const sameForms: EntryPair[] = [];
  const histories: MergePlan['histories'] = [];
  const conflictViews: MergeConflict[] = [];
  let unchanged = 0;
  let notBack = 0;
  let done = 0;
  for (const e of entries) {
    if (++done % 64 === 0) await ctx.step(done);
    if (e.childId !== null && children.get(e.childId)?.kind === 'deleted') {
      notBack++;
      continue;
    }
    const form = ctx.forms.get(e.instrumentId);
    const code = localCode(e.childId);
    if (!form || code === undefined) continue;
    const plan = e.childId === null ? null : children.get(e.childId)!;
    // A joined child's registration from the backup becomes part of the registration here.
    if (plan?.kind === 'join' && plan.registration.uid === e.uid) continue;
    const answers = withCode(e.answers, code);
    const here = localCounterpart(db, e);
    if (!here && deletedHere.has(e.uid)) {
      notBack++;
      continue;
    }
    if (!here) {
      if (plan && plan.kind !== 'new') {
        const checked = checkEntry(db, form, answers, lang, ctx.today);
        if (!checked.ok) {
          for (const err of checked.errors) refuse('entries', e.id, err.message, err.question);
          continue;
        }
      }
      adds.push({ ...e, answers, answersText: JSON.stringify(answers) });
      continue;
    }
    const local = here.entry;
    const localVersions = storedVersions(db, local.id);
    const known = new Set(localVersions.map(historyKey));
    const missing = (backupHistory.get(e.uid) ?? []).filter((v) => !known.has(historyKey(v)));
    if (missing.length) histories.push({ localId: local.id, versions: missing });
    if (here.via === 'submission' && local.uid !== e.uid) sameForms.push({ local, backup: e });
    if (canonical(local.answers) === canonical(answers) || here.via === 'alias') {
      unchanged++;
      continue;
    }
    const olderHere = localVersions.some((v) => canonical(JSON.parse(v.answers) as Answers) === canonical(answers));
    const olderThere = (backupHistory.get(e.uid) ?? []).some((v) => canonical(withCode(JSON.parse(v.answers) as Answers, code)) === canonical(local.answers));
    if (olderHere) {
      unchanged++;
      continue;
    }
    const checked = checkEntry(db, form, answers, lang, ctx.today, local);
    if (!checked.ok) {
      for (const err of checked.errors) refuse('entries', e.id, err.message, err.question);
      continue;
    }
    if (olderThere) {
      updates.push({ local, backup: { ...e, answers, answersText: JSON.stringify(answers) } });
      continue;
    }
    const fields = [...new Set([...Object.keys(local.answers), ...Object.keys(answers)])]
      .filter((k) => JSON.stringify(local.answers[k] ?? null) !== JSON.stringify(answers[k] ?? null));
    conflictViews.push({
      id: e.uid, instrumentId: e.instrumentId, childCode: code, date: e.entryDate, fields,
      here: { answers: local.answers, updatedAt: local.updatedAt, deviceId: local.provenance.deviceId },
      backup: { answers, updatedAt: e.updatedAt, deviceId: e.deviceId },
    });
    conflicts.push({ local, backup: { ...e, answers, answersText: JSON.stringify(answers) }, keep: byKeep.get(e.uid) ?? null });
  }
  // What the other laptop deleted goes here too: a deleted registration takes its child and the child's forms along.
  const removals: MergePlan['removals'] = rows(db, 'SELECT id, uid, instrument_id, child_id FROM entries').filter((r) => deletedThere.has(String(r.uid)))
    .map((r) => ({ entryId: Number(r.id), childId: r.child_id === null ? null : Number(r.child_id), registration: r.instrument_id === REGISTRATION_FORM }));
  const removedChildren = new Set(removals.flatMap((r) => (r.registration && r.childId !== null ? [r.childId] : [])));
  const removedForms = removals.filter((r) => !r.registration && (r.childId === null || !removedChildren.has(r.childId))).length
    + [...removedChildren].reduce((n, id) => n + Number(scalar(db, 'SELECT count(*) FROM entries WHERE child_id = ?', [id])), 0);
  const newChildren = [...children.values()].filter((p) => p.kind === 'new').length;
  const preview: MergePreview = {
    device, sameDevice: device.id === deviceOf(db).id, backup: summarise(backup),
    newChildren, newForms: adds.length, updates: updates.length, unchanged, deletedHere: notBack, deletedThere: removedForms,
    duplicates, conflicts: conflictViews, problems: problems.slice(0, 500), problemsTotal: problems.length,
  };
  return { preview, device, children, adds, updates, conflicts, sameForms, histories, backupHistory, removals, tombstones };
}

/** Sets an entry's id and provenance to those it has on the other laptop. */
function takeProvenance(db: Database, entryId: number, e: StoredEntry): void {
  run(db, `UPDATE entries SET uid = ?, origin = ?, device_id = ?, server = ?, submission_id = ?, submission_version = ?, server_record = ?, imported_at = ?, unrecognised = ?, created_at = ?, updated_at = ? WHERE id = ?`,
    [e.uid, e.origin, e.deviceId, e.server, e.submissionId, e.submissionVersion, e.serverRecord, e.importedAt, e.unrecognised, e.createdAt, e.updatedAt, entryId]);
}

function keepStoredVersions(db: Database, entryId: number, versions: readonly StoredVersion[]): void {
  for (const v of versions) keepForeignVersion(db, entryId, { ...v });
}

/** The backup entry as a version kept in a local entry's history. */
function asVersion(e: StoredEntry, reason: StoredVersion['reason'], replacedAt: string, aliasUid: string | null): StoredVersion {
  return { aliasUid, entryDate: e.entryDate, answers: e.answersText, origin: e.origin, deviceId: e.deviceId, server: e.server, submissionVersion: e.submissionVersion, unrecognised: e.unrecognised, savedAt: e.updatedAt, replacedAt, reason };
}

/** The registration entered first (then the smaller uid) is the one a joined child keeps, whichever laptop merges. */
const firstEntered = (a: { createdAt: string; uid: string }, b: { createdAt: string; uid: string }) => (a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.uid < b.uid));

/** Writes a plan whose every duplicate and conflict has the person's decision, in one transaction. */
export async function applyMerge(ctx: MergeContext, plan: MergePlan, now: string): Promise<{ added: number; updated: number; joined: number }> {
  const { db } = ctx;
  const undecided = [...plan.children.values()].filter((p) => p.kind === 'undecided').length + plan.conflicts.filter((c) => c.keep === null).length;
  if (undecided) {
    throw new RecordsError('needs-decision', `${undecided} possible duplicates or conflicts have no decision yet: choose for each one. Nothing was changed.`, { count: undecided });
  }
  const form = (id: string) => ctx.forms.get(id)!;
  let added = 0;
  let updated = 0;
  let joined = 0;
  let done = 0;
  const total = plan.adds.length + plan.updates.length + plan.conflicts.length;
  const tick = async () => {
    if (++done % 64 === 0) await ctx.step(total + done, total * 2);
  };
  await inTransactionAsync(db, async () => {
    rememberDevice(db, plan.device, now);
    for (const r of plan.removals) {
      if (r.registration && r.childId !== null) deleteChild(db, r.childId);
      else if (scalar(db, 'SELECT id FROM entries WHERE id = ?', [r.entryId]) !== null) deleteEntry(db, r.entryId);
    }
    for (const t of plan.tombstones) run(db, 'INSERT OR IGNORE INTO deleted_entries (uid, deleted_at, device_id) VALUES (?, ?, ?)', [t.uid, t.deletedAt, t.deviceId]);
    for (const p of plan.children.values()) {
      if (p.kind !== 'join') continue;
      const b = p.registration;
      const localRegistration = entryById(db, Number(scalar(db, 'SELECT id FROM entries WHERE child_id = ? AND instrument_id = ? ORDER BY id LIMIT 1', [p.localChildId, REGISTRATION_FORM])));
      const code = String(scalar(db, 'SELECT child_code FROM children WHERE id = ?', [p.localChildId]));
      if (firstEntered(localRegistration, b)) {
        keepForeignVersion(db, localRegistration.id, asVersion(b, 'merge-joined', now, b.uid));
      } else {
        keepVersion(db, localRegistration.id, 'merge-joined', now);
        run(db, 'UPDATE entry_history SET alias_uid = ? WHERE id = (SELECT max(id) FROM entry_history WHERE entry_id = ?)', [localRegistration.uid, localRegistration.id]);
        replaceEntry(db, localRegistration, form(REGISTRATION_FORM), b.answers);
        takeProvenance(db, localRegistration.id, b);
        // Every form about the child names the code of the registration it keeps.
        const kept = String(scalar(db, 'SELECT child_code FROM children WHERE id = ?', [p.localChildId]));
        if (kept !== code) {
          for (const r of rows(db, 'SELECT id, answers FROM entries WHERE child_id = ? AND id <> ?', [p.localChildId, localRegistration.id])) {
            const answers = JSON.parse(String(r.answers)) as Answers;
            if (CHILD_CODE_FIELD in answers) run(db, 'UPDATE entries SET answers = ? WHERE id = ?', [JSON.stringify(withCode(answers, kept)), Number(r.id)]);
          }
        }
      }
      keepStoredVersions(db, localRegistration.id, plan.backupHistory.get(b.uid) ?? []);
      joined++;
    }
    // The child here of each backup child: known for the same and joined ones, made by the registration for a new one.
    const childHere = new Map<number, number>();
    for (const [id, p] of plan.children) if (p.kind === 'same' || p.kind === 'join') childHere.set(id, p.localChildId);
    const codeOf = (childId: number) => String(scalar(db, 'SELECT child_code FROM children WHERE id = ?', [childId]));
    for (const e of plan.adds) {
      const p = e.childId === null ? null : plan.children.get(e.childId)!;
      const here = e.childId === null ? undefined : childHere.get(e.childId);
      // A form names the child by the code the child has here (a new code when the person kept two children apart).
      const answers = here !== undefined ? withCode(e.answers, codeOf(here)) : p?.kind === 'new' ? withCode(e.answers, p.code) : e.answers;
      const { entryId, childId } = addEntry(db, form(e.instrumentId), answers);
      if (e.childId !== null && childId !== null) childHere.set(e.childId, childId);
      takeProvenance(db, entryId, { ...e, answersText: JSON.stringify(answers) });
      keepStoredVersions(db, entryId, plan.backupHistory.get(e.uid) ?? []);
      added++;
      await tick();
    }
    for (const { local, backup } of plan.updates) {
      keepVersion(db, local.id, 'merge-replaced', now);
      replaceEntry(db, entryById(db, local.id), form(backup.instrumentId), backup.answers);
      takeProvenance(db, local.id, { ...backup, uid: local.uid });
      updated++;
      await tick();
    }
    for (const c of plan.conflicts) {
      if (c.keep === 'backup') {
        keepVersion(db, c.local.id, 'merge-replaced', now);
        replaceEntry(db, entryById(db, c.local.id), form(c.backup.instrumentId), c.backup.answers);
        takeProvenance(db, c.local.id, { ...c.backup, uid: c.local.uid });
        updated++;
      } else {
        keepForeignVersion(db, c.local.id, asVersion(c.backup, 'merge-declined', now, null));
      }
      await tick();
    }
    for (const { localId, versions } of plan.histories) keepStoredVersions(db, localId, versions);
    for (const { local, backup } of plan.sameForms) {
      // One submission imported on both laptops: the smaller uid stays, the other is remembered as the same form.
      if (backup.uid < local.uid) {
        keepVersion(db, local.id, 'merge-joined', now);
        run(db, 'UPDATE entry_history SET alias_uid = ? WHERE id = (SELECT max(id) FROM entry_history WHERE entry_id = ?)', [local.uid, local.id]);
        run(db, 'UPDATE entries SET uid = ? WHERE id = ?', [backup.uid, local.id]);
      } else {
        keepForeignVersion(db, local.id, asVersion(backup, 'merge-joined', now, backup.uid));
      }
    }
  });
  return { added, updated, joined };
}
