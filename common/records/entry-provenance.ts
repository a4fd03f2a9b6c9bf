/**
 * Where each form came from, and what it was before: this installation's device id and name,
 * the server submission an entry holds, and the versions an entry replaced (entry_history). The
 * import and the merge keep every earlier version here, so nothing is overwritten silently.
 */
import type { Database, SqlValue } from 'sql.js';
import type { Answers } from '../forms/answers.ts';
import type { EntryVersion } from './records-api.ts';
import { entryById, rows, run, scalar } from './records-store.ts';

const str = (v: SqlValue) => (v === null || v === undefined ? null : String(v));

export interface Device { id: string; name: string }

/** This installation's device (meta; made by migration 3). */
export function deviceOf(db: Database): Device {
  const meta = Object.fromEntries(rows(db, "SELECT key, value FROM meta WHERE key IN ('device_id', 'device_name')").map((r) => [String(r.key), String(r.value)]));
  return { id: meta.device_id ?? '', name: meta.device_name ?? '' };
}

export function setDevice(db: Database, device: Device): void {
  run(db, "INSERT INTO meta (key, value) VALUES ('device_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [device.id]);
  run(db, "INSERT INTO meta (key, value) VALUES ('device_name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [device.name]);
}

/** The name of a device this one has heard of: itself, or a laptop whose backup was merged here. */
export function deviceName(db: Database, id: string | null): string | null {
  if (id === null) return null;
  const own = deviceOf(db);
  if (own.id === id) return own.name;
  const name = scalar(db, 'SELECT name FROM devices WHERE id = ?', [id]);
  return name === null ? null : String(name);
}

/** Every laptop this one knows (itself first, then those whose backups were merged here), to name where each form was entered. */
export function knownDevices(db: Database): Array<Device & { here: boolean }> {
  const own = deviceOf(db);
  const others = rows(db, 'SELECT id, name FROM devices WHERE id <> ? ORDER BY seen_at, id', [own.id]).map((r) => ({ id: String(r.id), name: String(r.name), here: false }));
  return [{ ...own, here: true }, ...others];
}

export function rememberDevice(db: Database, device: Device, seenAt: string): void {
  if (device.id === deviceOf(db).id) return;
  run(db, 'INSERT INTO devices (id, name, seen_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name', [device.id, device.name, seenAt]);
}

/** What an import knows of a submission on its server. */
export interface ServerSubmission {
  server: 'odk-central' | 'kobotoolbox';
  key: string;
  version: string;
  /** KoboToolbox's record number (survives edits). */
  recordId: string | null;
}

/**
 * The submissions already imported as forms of this instrument, read once: the entry that holds a
 * submission (by its id, by KoboToolbox's record number, or by the version an edit replaced) and
 * every version id that entry has had (the current one and those in its history).
 */
export function submissionIndex(db: Database, instrumentId: string) {
  const byKey = new Map<string, number>();
  const byRecord = new Map<string, number>();
  const byVersion = new Map<string, number>();
  const versionsOf = new Map<number, Set<string>>();
  const seen = (entryId: number, version: string | null) => {
    if (version === null) return;
    byVersion.set(version, entryId);
    versionsOf.set(entryId, (versionsOf.get(entryId) ?? new Set()).add(version));
  };
  for (const r of rows(db, 'SELECT id, submission_id, submission_version, server, server_record FROM entries WHERE instrument_id = ? AND submission_id IS NOT NULL', [instrumentId])) {
    const id = Number(r.id);
    byKey.set(String(r.submission_id), id);
    if (r.server === 'kobotoolbox' && r.server_record !== null) byRecord.set(String(r.server_record), id);
    seen(id, str(r.submission_version));
  }
  for (const r of rows(db, `SELECT h.entry_id, h.submission_version FROM entry_history h JOIN entries e ON e.id = h.entry_id
      WHERE e.instrument_id = ? AND h.submission_version IS NOT NULL`, [instrumentId])) seen(Number(r.entry_id), str(r.submission_version));
  return {
    find(s: { key: string; recordId: string | null; replaces: string | null }): { entryId: number; versions: ReadonlySet<string> } | null {
      const entryId = byKey.get(s.key) ?? (s.recordId !== null ? byRecord.get(s.recordId) : undefined) ?? (s.replaces !== null ? byVersion.get(s.replaces) : undefined);
      return entryId === undefined ? null : { entryId, versions: versionsOf.get(entryId) ?? new Set() };
    },
  };
}

/** Marks an entry as this server submission, imported now, with the answers Puente did not recognise. */
export function markImported(db: Database, entryId: number, s: ServerSubmission, importedAt: string, unrecognised: Record<string, unknown> | null): void {
  run(db, `UPDATE entries SET origin = 'server', server = ?, submission_id = ?, submission_version = ?, server_record = ?, imported_at = ?, unrecognised = ? WHERE id = ?`,
    [s.server, s.key, s.version, s.recordId, importedAt, unrecognised && Object.keys(unrecognised).length ? JSON.stringify(unrecognised) : null, entryId]);
}

/** Keeps with an entry the cells of columns its form does not have (a CSV with a column added, such as "observaciones"). */
export function keepNotes(db: Database, entryId: number, notes: Record<string, string>): void {
  run(db, 'UPDATE entries SET unrecognised = ? WHERE id = ?', [Object.keys(notes).length ? JSON.stringify(notes) : null, entryId]);
}

/** Keeps the entry as it is now in its history, before it is replaced. */
export function keepVersion(db: Database, entryId: number, reason: EntryVersion['reason'], replacedAt: string): void {
  run(db, `INSERT INTO entry_history (entry_id, alias_uid, entry_date, answers, origin, device_id, server, submission_version, unrecognised, saved_at, replaced_at, reason)
    SELECT id, NULL, entry_date, answers, origin, device_id, server, submission_version, unrecognised, updated_at, ?, ? FROM entries WHERE id = ?`, [replacedAt, reason, entryId]);
}

/** An entry as stored now, to keep in its history once a correction has replaced it (markCorrected). */
export function entrySnapshot(db: Database, entryId: number): Record<string, SqlValue> {
  return rows(db, 'SELECT * FROM entries WHERE id = ?', [entryId])[0];
}

/**
 * After a correction: the version it replaced stays in the history (with the laptop it was entered on),
 * and the entry now says it was entered on this laptop, so a merge carries where the correction was made.
 */
export function markCorrected(db: Database, before: Record<string, SqlValue>, correctedAt: string): void {
  run(db, `INSERT INTO entry_history (entry_id, alias_uid, entry_date, answers, origin, device_id, server, submission_version, unrecognised, saved_at, replaced_at, reason)
    VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'corrected')`,
    [before.id, before.entry_date, before.answers, before.origin, before.device_id, before.server, before.submission_version, before.unrecognised, before.updated_at, correctedAt]);
  run(db, "UPDATE entries SET origin = 'device', device_id = (SELECT value FROM meta WHERE key = 'device_id') WHERE id = ?", [before.id]);
}

/** A version from elsewhere (a merged backup) kept in an entry's history; `aliasUid` when it was an entry of its own there. */
export function keepForeignVersion(db: Database, entryId: number, v: Omit<EntryVersion, 'answers' | 'unrecognised'> & { answers: string; unrecognised: string | null; aliasUid: string | null }): void {
  run(db, `INSERT INTO entry_history (entry_id, alias_uid, entry_date, answers, origin, device_id, server, submission_version, unrecognised, saved_at, replaced_at, reason)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [entryId, v.aliasUid, v.entryDate, v.answers, v.origin, v.deviceId, v.server, v.submissionVersion, v.unrecognised, v.savedAt, v.replacedAt, v.reason]);
}

function versionRow(r: Record<string, SqlValue>): EntryVersion {
  const json = (v: SqlValue) => (v === null ? null : (JSON.parse(String(v)) as Record<string, unknown>));
  return {
    answers: JSON.parse(String(r.answers)) as Answers, entryDate: String(r.entry_date), origin: r.origin === 'server' ? 'server' : 'device',
    deviceId: r.device_id === null ? null : String(r.device_id), server: r.server === null ? null : String(r.server),
    submissionVersion: r.submission_version === null ? null : String(r.submission_version), unrecognised: json(r.unrecognised),
    savedAt: String(r.saved_at), replacedAt: String(r.replaced_at), reason: String(r.reason) as EntryVersion['reason'],
  };
}

/** The versions an entry had before, oldest first. */
export function entryVersions(db: Database, entryId: number): EntryVersion[] {
  entryById(db, entryId);
  return rows(db, 'SELECT * FROM entry_history WHERE entry_id = ? ORDER BY replaced_at, id', [entryId]).map(versionRow);
}
