/**
 * Reading a backup without trusting it. A foreign file's schema (its triggers, views, table
 * definitions and constraints) is never adopted: a fresh database is made with Puente's own
 * migrations, the backup's rows are copied into it column by column, and every form is checked
 * with the same rules as the form filler. Anything wrong refuses the whole file, naming the
 * table, row and field; the open records are not touched.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { MAX_TEXT_LENGTH, validateAnswers, type Answers } from '../forms/answers.ts';
import { startsLikeFormula } from './csv.ts';
import { identifierProblems } from './entry-checks.ts';
import type { Instrument } from '../forms/instrument-schema.ts';
import { SCHEMA_VERSION } from './records-schema.ts';
import type { Step } from './long-task.ts';
import { checkDatabaseBytes, codeKey, migrate, RecordsError } from './records-store.ts';

/** What a records database holds, for putting a backup beside the data on this computer. */
export interface RecordsSummary {
  children: number;
  entries: number;
  /** Forms by instrument id. */
  byForm: Record<string, number>;
  /** The oldest and newest form dates. */
  firstDate: string | null;
  lastDate: string | null;
}

/** What would be gone after a restore: on this computer now, not in the backup. */
export interface RestoreLoss {
  children: number;
  entries: number;
  /** The first codes of children who would disappear (at most 20). */
  childCodes: string[];
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function all(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: SqlValue[][] = [];
    while (stmt.step()) out.push(stmt.get());
    return out;
  } finally {
    stmt.free();
  }
}

function tablesOf(db: Database): string[] {
  return all(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").map((r) => String(r[0]));
}

function columnsOf(db: Database, table: string): string[] {
  return all(db, `PRAGMA table_info(${quote(table)})`).map((r) => String(r[1]));
}

/** The backup's data version: a whole number this Puente knows, read from its `meta` table. */
function versionOf(foreign: Database): number {
  if (!tablesOf(foreign).includes('meta') || !['key', 'value'].every((c) => columnsOf(foreign, 'meta').includes(c))) {
    throw new RecordsError('not-puente', 'This SQLite file was not made by Puente (it has no Puente tables). Nothing was changed.');
  }
  const raw = all(foreign, "SELECT value FROM meta WHERE key = 'schema_version'")[0]?.[0];
  const version = typeof raw === 'number' ? raw : /^\d{1,6}$/.test(String(raw ?? '')) ? Number(raw) : NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new RecordsError('bad-version', `This file's data version (${String(raw ?? 'none')}) is not one Puente writes. Nothing was changed.`, { version: String(raw ?? '') });
  }
  if (version > SCHEMA_VERSION) {
    throw new RecordsError('newer-version', `This database was made by a newer version of Puente (data version ${version}; this version reads up to ${SCHEMA_VERSION}). Update Puente to open it. Nothing was changed.`, { version, supported: SCHEMA_VERSION });
  }
  return version;
}

/** Copies every row of Puente's own tables (at the backup's version) into `fresh`; a row the schema refuses names itself. */
async function copyRows(foreign: Database, fresh: Database, step: Step, counted: { done: number }): Promise<void> {
  const foreignTables = new Set(tablesOf(foreign));
  for (const table of tablesOf(fresh).filter((t) => t !== 'meta')) {
    if (!foreignTables.has(table)) throw new RecordsError('missing-table', `The backup has no "${table}" table. Nothing was changed.`, { table });
    const columns = columnsOf(fresh, table);
    const present = new Set(columnsOf(foreign, table));
    const missing = columns.find((c) => !present.has(c));
    if (missing) throw new RecordsError('missing-column', `The backup's "${table}" table has no "${missing}" column. Nothing was changed.`, { table, column: missing });
    const insert = fresh.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    try {
      for (const row of all(foreign, `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY rowid`)) {
        try {
          insert.run(row);
          await step(++counted.done);
        } catch (error) {
          if (error instanceof RecordsError) throw error;
          throw new RecordsError('bad-row', `Row ${String(row[0])} of the backup's "${table}" table breaks a rule of the records (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`, { table, row: Number(row[0]), reason: error instanceof Error ? error.message : String(error) });
        }
      }
    } finally {
      insert.free();
    }
  }
}

/** Every form in the copy must pass its form's checks, as if it were typed in again. */
/** The register's own text (codes, communities) under the same rules as typed text: not too long, never a spreadsheet formula. */
function checkChildren(db: Database): void {
  for (const [id, code, community] of all(db, 'SELECT id, child_code, community FROM children ORDER BY id')) {
    for (const [field, value] of [['child_code', code], ['community', community]] as const) {
      const text = String(value ?? '');
      if (text.length > MAX_TEXT_LENGTH || startsLikeFormula(text)) {
        throw new RecordsError('bad-row', `Row ${String(id)} of the backup's "children" table has a ${field} that is too long or starts like a spreadsheet formula. Nothing was changed.`, { table: 'children', row: Number(id), field, reason: text.length > MAX_TEXT_LENGTH ? `longer than ${MAX_TEXT_LENGTH} characters` : 'starts like a spreadsheet formula' });
      }
    }
  }
}

async function checkEntries(db: Database, forms: ReadonlyMap<string, Instrument>, step: Step, counted: { done: number }, today: string | undefined): Promise<void> {
  for (const [id, instrumentId, text] of all(db, 'SELECT id, instrument_id, answers FROM entries ORDER BY id')) {
    const form = forms.get(String(instrumentId));
    if (!form) throw new RecordsError('bad-row', `Form ${String(id)} of the backup is a "${String(instrumentId)}", which is not a monitoring form of this manual. Nothing was changed.`, { table: 'entries', row: Number(id), reason: 'unknown form' });
    let answers: Answers;
    try {
      answers = JSON.parse(String(text)) as Answers;
      if (!answers || typeof answers !== 'object' || Array.isArray(answers)) throw new Error('not an object');
    } catch {
      throw new RecordsError('bad-row', `Form ${String(id)} of the backup has answers that cannot be read. Nothing was changed.`, { table: 'entries', row: Number(id), reason: 'unreadable answers' });
    }
    await step(++counted.done);
    const checked = validateAnswers(form, answers, 'en', today ? { today } : {});
    const problems = checked.ok ? identifierProblems(form, checked.value, 'en') : checked.errors;
    if (problems.length) {
      const first = problems[0];
      throw new RecordsError('bad-row', `Form ${String(id)} of the backup (${form.id}) has an answer its form refuses: ${first.question}: ${first.message}. Nothing was changed.`, { table: 'entries', row: Number(id), field: first.question, reason: first.message });
    }
  }
}

/**
 * The laptop the backup was made on (data version 3 on), when its id and name are well formed, so a
 * merge can say where its forms come from; a backup from before gets the new id migration 3 made.
 */
function copyDevice(foreign: Database, fresh: Database): void {
  const meta = new Map(all(foreign, "SELECT key, value FROM meta WHERE key IN ('device_id', 'device_name')").map(([k, v]) => [String(k), String(v)]));
  const id = meta.get('device_id') ?? '';
  const name = meta.get('device_name') ?? '';
  if (!/^[0-9a-f]{32}$/.test(id) || !name.trim() || name.length > 60 || /[\u0000-\u001f]/.test(name)) return;
  fresh.run("UPDATE meta SET value = ? WHERE key = 'device_id'", [id]);
  fresh.run("UPDATE meta SET value = ? WHERE key = 'device_name'", [name]);
}

/**
 * A backup's bytes (already decrypted) as a new database with Puente's own schema and the
 * backup's checked rows. Throws a RecordsError naming what is wrong; never changes anything.
 */
export async function readBackup(SQL: SqlJsStatic, bytes: Uint8Array, forms: ReadonlyMap<string, Instrument>, step: Step = async () => undefined, today?: string): Promise<Database> {
  if (bytes.byteLength === 0) throw new RecordsError('empty-file', 'This file is empty (0 bytes): it holds no records. Nothing was changed.');
  checkDatabaseBytes(bytes);
  let foreign: Database | null = null;
  const fresh = new SQL.Database();
  try {
    try {
      foreign = new SQL.Database(bytes);
      const check = String(all(foreign, 'PRAGMA quick_check')[0]?.[0]);
      if (check !== 'ok') throw new RecordsError('not-a-database', `This database file is damaged (${check}). Nothing was changed.`);
    } catch (error) {
      if (error instanceof RecordsError) throw error;
      throw new RecordsError('not-a-database', `This database file cannot be read (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`);
    }
    const version = versionOf(foreign);
    fresh.run('PRAGMA foreign_keys = ON');
    migrate(fresh, version);
    // Progress counts every row copied, then every form checked.
    const rowsIn = (table: string) => (tablesOf(foreign!).includes(table) ? Number(all(foreign!, `SELECT count(*) FROM ${quote(table)}`)[0][0]) : 0);
    const total = tablesOf(fresh).filter((t) => t !== 'meta').reduce((n, t) => n + rowsIn(t), 0) + rowsIn('entries');
    const counted = { done: 0 };
    await step(0, total);
    await copyRows(foreign, fresh, step, counted);
    migrate(fresh);
    copyDevice(foreign, fresh);
    checkChildren(fresh);
    await checkEntries(fresh, forms, step, counted, today);
    return fresh;
  } catch (error) {
    fresh.close();
    throw error;
  } finally {
    foreign?.close();
  }
}

export function summarise(db: Database): RecordsSummary {
  const byForm = Object.fromEntries(all(db, 'SELECT instrument_id, count(*) FROM entries GROUP BY instrument_id ORDER BY instrument_id').map(([id, n]) => [String(id), Number(n)]));
  const [first, last] = all(db, 'SELECT min(entry_date), max(entry_date) FROM entries')[0] ?? [null, null];
  return {
    children: Number(all(db, 'SELECT count(*) FROM children')[0][0]),
    entries: Number(all(db, 'SELECT count(*) FROM entries')[0][0]),
    byForm,
    firstDate: first === null ? null : String(first),
    lastDate: last === null ? null : String(last),
  };
}

/** What the data on this computer holds that the backup does not: children by code, forms by what they say. */
export function restoreLoss(current: Database, backup: Database): RestoreLoss {
  // Codes compare as the register compares them: case-folded and in one Unicode form.
  const backupKeys = new Set(all(backup, 'SELECT child_code FROM children').map((r) => codeKey(String(r[0]))));
  const lostCodes = all(current, 'SELECT child_code FROM children').map((r) => String(r[0])).filter((c) => !backupKeys.has(codeKey(c))).sort();
  const entryKeys = (db: Database) => all(db, 'SELECT instrument_id, entry_date, answers FROM entries').map((r) => r.map(String).join('\u0000'));
  const inBackup = new Map<string, number>();
  for (const k of entryKeys(backup)) inBackup.set(k, (inBackup.get(k) ?? 0) + 1);
  let lostEntries = 0;
  for (const k of entryKeys(current)) {
    const n = inBackup.get(k) ?? 0;
    if (n > 0) inBackup.set(k, n - 1);
    else lostEntries++;
  }
  return { children: lostCodes.length, entries: lostEntries, childCodes: lostCodes.slice(0, 20) };
}
