/**
 * Typed queries over the field-records database (sql.js). Every statement is fixed text
 * with bound parameters: no SQL is ever built from what a user typed. Pure: the Electron
 * main process and the browser edition's worker run this same module.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { Answers } from '../forms/answers.ts';
import type { RegisterFacts } from './entry-checks.ts';
import { childStatus, SETTLING_RESULTS, VERIFICATION_RESULTS, type RegisteredStatus } from './child-status.ts';
import type { RecordsErrorCode } from './refusal-codes.ts';
import { refusalText } from './refusal-words.ts';
import { ageGroupOf, FOLLOW_UP_FORM, MIGRATIONS, quarterEnd, quarterOf, quarterStart, quartersToShow, REGISTRATION_FORM, SCHEMA_VERSION, TECHNICIAN_FIELDS, VERIFICATION_FORM } from './records-schema.ts';

export type { RecordsErrorCode } from './refusal-codes.ts';

/** A problem the user can act on; the message says what happened and that nothing changed. */
export class RecordsError extends Error {
  /**
   * The message starts with the code (and its parameters, URI-encoded JSON) in brackets, "[code|params] detail",
   * so the reader's screen can word it in its own language after it crossed the IPC or worker boundary as text.
   */
  constructor(readonly code: RecordsErrorCode, readonly detail: string, readonly params: Record<string, string | number> = {}) {
    super(`[${code}${Object.keys(params).length ? `|${encodeURIComponent(JSON.stringify(params))}` : ''}] ${detail}`);
  }
}

/** A refusal whose detail (for the log and the command line) is its English wording, with the system's own words when it has them; screens word it from the code. */
export function refusal(code: RecordsErrorCode, params: Record<string, string | number> = {}): RecordsError {
  return new RecordsError(code, `${refusalText(code, params, 'en')}${params.detail ? ` (${params.detail})` : ''}`, params);
}

export type AgeGroup = 'early' | 'under14' | '14to17';

export interface ChildRow {
  id: number;
  childCode: string;
  sex: 'f' | 'm';
  age: number;
  ageGroup: AgeGroup;
  community: string;
  initialStatus: 'working' | 'at_risk';
  currentStatus: string;
  registeredOn: string;
  visits: number;
  lastVisit: string | null;
}

export interface EntryRow {
  id: number;
  instrumentId: string;
  childId: number | null;
  entryDate: string;
  outcome: string | null;
  answers: Answers;
  createdAt: string;
  updatedAt: string;
  /** The entry's own id, the same on every laptop it travels to. */
  uid: string;
  provenance: EntryProvenance;
  /** Answers to questions this manual's form does not have (a form the NGO adapted), kept by their field name. */
  unrecognised: Record<string, unknown> | null;
}

/** Where a form came from: entered on a device (this laptop or another), or collected on a server and imported here. */
export interface EntryProvenance {
  origin: 'device' | 'server';
  /** The installation where it was entered, or imported. */
  deviceId: string | null;
  server: 'odk-central' | 'kobotoolbox' | null;
  submissionId: string | null;
  importedAt: string | null;
}

export function rows(db: Database, sql: string, params: SqlValue[] = []): Array<Record<string, SqlValue>> {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: Array<Record<string, SqlValue>> = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}

export function run(db: Database, sql: string, params: SqlValue[] = []): void {
  db.run(sql, params);
}

export function scalar(db: Database, sql: string, params: SqlValue[] = []): SqlValue {
  const r = rows(db, sql, params)[0];
  return r ? Object.values(r)[0] : null;
}

let savepoints = 0;
/** Runs `work` in one transaction (a savepoint, so calls nest): all of it is written, or none. */
export function inTransaction<T>(db: Database, work: () => T): T {
  const end = savepoint(db);
  try {
    const result = work();
    end(true);
    return result;
  } catch (error) {
    end(false);
    throw error;
  }
}

/** As inTransaction, for work that pauses between slices (a long import); the caller keeps every other request out meanwhile. */
export async function inTransactionAsync<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const end = savepoint(db);
  try {
    const result = await work();
    end(true);
    return result;
  } catch (error) {
    end(false);
    throw error;
  }
}

/** Opens a savepoint (so transactions nest); the function it returns releases it, rolling its work back first unless it succeeded. */
function savepoint(db: Database): (succeeded: boolean) => void {
  const name = `sp${++savepoints}`;
  db.run(`SAVEPOINT ${name}`);
  return (succeeded) => {
    if (!succeeded) db.run(`ROLLBACK TO ${name}`);
    db.run(`RELEASE ${name}`);
  };
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Refuses bytes that cannot be an SQLite database file (another kind of file, or one cut short). */
export function checkDatabaseBytes(bytes: Uint8Array): void {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (head !== SQLITE_MAGIC) throw refusal('not-a-database', { reason: 'not_sqlite' });
  if (bytes.byteLength < 512 || bytes.byteLength % 512 !== 0) throw refusal('not-a-database', { reason: 'incomplete' });
}

/** Opens a database file's bytes (or a new, empty database), checks it and brings it to the current schema. */
export function openDatabase(SQL: SqlJsStatic, bytes?: Uint8Array): Database {
  if (bytes && bytes.byteLength > 0) checkDatabaseBytes(bytes);
  let db: Database;
  try {
    db = bytes && bytes.byteLength > 0 ? new SQL.Database(bytes) : new SQL.Database();
    db.run('PRAGMA foreign_keys = ON');
    if (bytes && bytes.byteLength > 0) {
      const check = String(scalar(db, 'PRAGMA quick_check'));
      if (check !== 'ok') throw refusal('not-a-database', { reason: 'damaged', detail: check });
    }
  } catch (error) {
    if (error instanceof RecordsError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw refusal('not-a-database', { reason: 'unreadable', detail });
  }
  migrate(db);
  return db;
}

export function schemaVersionOf(db: Database): number {
  const hasMeta = scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  if (!hasMeta) {
    const tables = Number(scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
    if (tables > 0) throw refusal('not-puente');
    return 0;
  }
  return Number(scalar(db, "SELECT value FROM meta WHERE key = 'schema_version'") ?? 0);
}

/** Runs the migrations the database has not had yet (up to `target`, the current version unless told); refuses one from a newer Puente. */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  const version = schemaVersionOf(db);
  if (version > SCHEMA_VERSION) {
    throw refusal('newer-version', { version, supported: SCHEMA_VERSION });
  }
  for (let v = version; v < target; v++) {
    inTransaction(db, () => {
      db.exec(MIGRATIONS[v]);
      run(db, "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(v + 1)]);
    });
  }
}

const now = () => new Date().toISOString();

/** What a registration entry says about the child: the facts kept in columns for listing and counting. */
export interface RegistrationFacts {
  childCode: string | null;
  sex: 'f' | 'm';
  age: number;
  community: string;
  status: 'working' | 'at_risk';
  date: string;
}

/** What two child codes are compared by: "ch-001" is "CH-001", and "NIÑO-1" is the same child however its Ñ was typed. */
export function codeKey(code: string): string {
  return code.normalize('NFC').toLowerCase().normalize('NFC');
}

/** Databases whose children's keys were computed in this session. */
const keyed = new WeakSet<Database>();

/** Computes every child's key from the code once per opened database: a file from before the key, or a key stored in a restored file, is never trusted. */
function ensureCodeKeys(db: Database): void {
  if (keyed.has(db)) return;
  for (const r of rows(db, 'SELECT id, child_code, code_key FROM children')) {
    const key = codeKey(String(r.child_code));
    if (r.code_key !== key) run(db, 'UPDATE children SET code_key = ? WHERE id = ?', [key, r.id]);
  }
  keyed.add(db);
}

/** Adds a registration: the entry, and the child's row when the child has a code (consent given). */
export function addRegistration(db: Database, facts: RegistrationFacts, answers: Answers): { entryId: number; childId: number | null } {
  return inTransaction(db, () => {
    let childId: number | null = null;
    const t = now();
    if (facts.childCode) {
      refuseTakenCode(db, facts.childCode, null);
      run(db, `INSERT INTO children (child_code, code_key, sex, age, age_group, community, initial_status, current_status, registered_on, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [facts.childCode, codeKey(facts.childCode), facts.sex, facts.age, ageGroupOf(facts.age), facts.community, facts.status, facts.status, facts.date, t, t]);
      childId = Number(scalar(db, 'SELECT last_insert_rowid()'));
    }
    run(db, `INSERT INTO entries (instrument_id, child_id, entry_date, sex, age_group, community, status, outcome, answers, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`, [REGISTRATION_FORM, childId, facts.date, facts.sex, ageGroupOf(facts.age), facts.community, facts.status, JSON.stringify(answers), t, t]);
    return { entryId: Number(scalar(db, 'SELECT last_insert_rowid()')), childId };
  });
}

/**
 * One child per code on the register, compared by codeKey: the one check, for a new registration and a corrected one
 * (`registeredChildId`, whose own code does not count). The refusal carries the code, for the reader's language.
 */
function refuseTakenCode(db: Database, code: string, registeredChildId: number | null): void {
  ensureCodeKeys(db);
  if (scalar(db, 'SELECT id FROM children WHERE code_key = ? AND id <> ? LIMIT 1', [codeKey(code), registeredChildId ?? -1]) !== null) {
    throw refusal('code-taken', { field: 'child_code', code });
  }
}

/** The child with this code, compared by codeKey (the first registered, should a file from before hold two). */
export function childIdByCode(db: Database, code: string): number | null {
  ensureCodeKeys(db);
  const id = scalar(db, 'SELECT id FROM children WHERE code_key = ? ORDER BY id LIMIT 1', [codeKey(code)]);
  return id === null ? null : Number(id);
}

/** What the register holds about a child, for checking the forms about the child against it. */
export function registerFacts(db: Database, childId: number): RegisterFacts {
  const r = rows(db, 'SELECT child_code, sex, age, initial_status, registered_on FROM children WHERE id = ?', [childId])[0];
  if (!r) throw refusal('child-gone');
  return { childCode: String(r.child_code), sex: r.sex as 'f' | 'm', age: Number(r.age), initialStatus: r.initial_status as RegisteredStatus, registeredOn: String(r.registered_on) };
}

/** The date of the earliest form about a child after the registration, or null. */
export function firstFormDate(db: Database, childId: number): string | null {
  const d = scalar(db, 'SELECT min(entry_date) FROM entries WHERE child_id = ? AND instrument_id <> ?', [childId, REGISTRATION_FORM]);
  return d === null ? null : String(d);
}

/** `outcome IN (…)` for the results that settle a status, as bound parameters. */
const SETTLING = `outcome IN (${SETTLING_RESULTS.map(() => '?').join(', ')})`;

/** The child's status on the register, by childStatus: how the child was registered and the latest settling verification. */
function refreshStatus(db: Database, childId: number): void {
  const registered = scalar(db, 'SELECT initial_status FROM children WHERE id = ?', [childId]) as RegisteredStatus;
  const latest = scalar(db, `SELECT outcome FROM entries WHERE child_id = ? AND instrument_id = ? AND ${SETTLING} ORDER BY entry_date DESC, id DESC LIMIT 1`,
    [childId, VERIFICATION_FORM, ...SETTLING_RESULTS]);
  run(db, 'UPDATE children SET current_status = ?, updated_at = ? WHERE id = ?', [childStatus(registered, latest === null ? null : String(latest)), now(), childId]);
}

/** Adds a form about a registered child (a visit, a verification, a referral…). */
export function addChildEntry(db: Database, instrumentId: string, childId: number, date: string, outcome: string | null, answers: Answers): number {
  if (outcome !== null && !(VERIFICATION_RESULTS as readonly string[]).includes(outcome)) throw refusal('unknown-result', { field: 'verified_status', value: outcome });
  return inTransaction(db, () => {
    const child = rows(db, 'SELECT sex, age_group, community, current_status FROM children WHERE id = ?', [childId])[0];
    if (!child) throw refusal('child-gone');
    const t = now();
    run(db, `INSERT INTO entries (instrument_id, child_id, entry_date, sex, age_group, community, status, outcome, answers, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [instrumentId, childId, date, child.sex, child.age_group, child.community, child.current_status, outcome, JSON.stringify(answers), t, t]);
    const id = Number(scalar(db, 'SELECT last_insert_rowid()'));
    refreshStatus(db, childId);
    return id;
  });
}

/** Adds a form that is about no single registered child (a quarterly report, a school check). */
export function addOtherEntry(db: Database, instrumentId: string, date: string, answers: Answers): number {
  return inTransaction(db, () => {
    const t = now();
    run(db, 'INSERT INTO entries (instrument_id, child_id, entry_date, answers, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?)', [instrumentId, date, JSON.stringify(answers), t, t]);
    return Number(scalar(db, 'SELECT last_insert_rowid()'));
  });
}

export function entryById(db: Database, entryId: number): EntryRow {
  const r = rows(db, 'SELECT * FROM entries WHERE id = ?', [entryId])[0];
  if (!r) throw refusal('entry-gone');
  return entryRow(r);
}

/** Replaces a registration's answers and the child's facts that come from it. */
export function updateRegistration(db: Database, entryId: number, facts: RegistrationFacts, answers: Answers): void {
  inTransaction(db, () => {
    const entry = entryById(db, entryId);
    if (entry.instrumentId !== REGISTRATION_FORM) throw refusal('not-a-registration');
    const t = now();
    if (entry.childId !== null) {
      if (!facts.childCode) throw refusal('code-required', { field: 'child_code' });
      refuseTakenCode(db, facts.childCode, entry.childId);
      run(db, `UPDATE children SET child_code = ?, code_key = ?, sex = ?, age = ?, age_group = ?, community = ?, initial_status = ?, registered_on = ?, updated_at = ? WHERE id = ?`,
        [facts.childCode, codeKey(facts.childCode), facts.sex, facts.age, ageGroupOf(facts.age), facts.community, facts.status, facts.date, t, entry.childId]);
      run(db, 'UPDATE entries SET sex = ?, age_group = ?, community = ? WHERE child_id = ?', [facts.sex, ageGroupOf(facts.age), facts.community, entry.childId]);
    }
    run(db, 'UPDATE entries SET entry_date = ?, sex = ?, age_group = ?, community = ?, status = ?, answers = ?, updated_at = ? WHERE id = ?',
      [facts.date, facts.sex, ageGroupOf(facts.age), facts.community, facts.status, JSON.stringify(answers), t, entryId]);
    if (entry.childId !== null) refreshStatus(db, entry.childId);
  });
}

/** Replaces the answers of a form about a child (or about no child); the child stays the same. */
export function updateEntry(db: Database, entryId: number, date: string, outcome: string | null, answers: Answers): void {
  inTransaction(db, () => {
    const entry = entryById(db, entryId);
    if (entry.instrumentId === REGISTRATION_FORM) throw refusal('is-a-registration');
    run(db, 'UPDATE entries SET entry_date = ?, outcome = ?, answers = ?, updated_at = ? WHERE id = ?', [date, outcome, JSON.stringify(answers), now(), entryId]);
    if (entry.childId !== null) refreshStatus(db, entry.childId);
  });
}

export function deleteEntry(db: Database, entryId: number): void {
  inTransaction(db, () => {
    const entry = rows(db, 'SELECT child_id, instrument_id FROM entries WHERE id = ?', [entryId])[0];
    if (!entry) throw refusal('entry-gone');
    if (entry.instrument_id === REGISTRATION_FORM && entry.child_id !== null) {
      throw refusal('registration-of-child');
    }
    run(db, 'DELETE FROM entries WHERE id = ?', [entryId]);
    if (entry.child_id !== null) refreshStatus(db, Number(entry.child_id));
  });
}

/** Deletes a child and every form about the child. */
export function deleteChild(db: Database, childId: number): void {
  inTransaction(db, () => {
    if (scalar(db, 'SELECT id FROM children WHERE id = ?', [childId]) === null) throw refusal('child-gone');
    run(db, 'DELETE FROM entries WHERE child_id = ?', [childId]);
    run(db, 'DELETE FROM children WHERE id = ?', [childId]);
  });
}

export interface ChildFilter {
  query?: string;
  status?: string;
  sex?: 'f' | 'm';
  ageGroup?: AgeGroup;
  community?: string;
  sort?: 'code' | 'registered' | 'last-visit';
  offset?: number;
  limit?: number;
}

/** Escapes LIKE wildcards so what the user typed is matched as text. */
function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SORTS: Record<NonNullable<ChildFilter['sort']>, string> = {
  code: 'c.code_key ASC, c.child_code ASC',
  registered: 'c.registered_on DESC, c.id DESC',
  'last-visit': 'last_visit DESC NULLS LAST, c.id DESC',
};

/** A child's row with its number of forms after the registration and the date of the last one; ?1 is the registration form. */
const CHILD_SELECT = `SELECT c.*, (SELECT count(*) FROM entries e WHERE e.child_id = c.id AND e.instrument_id <> ?1) AS visits,
    (SELECT max(entry_date) FROM entries e WHERE e.child_id = c.id AND e.instrument_id <> ?1) AS last_visit FROM children c`;

/** One page of the register, filtered, with the total that matches. */
export function listChildren(db: Database, f: ChildFilter = {}): { total: number; rows: ChildRow[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  ensureCodeKeys(db);
  if (f.query?.trim()) {
    const query = f.query.trim().normalize('NFC');
    where.push("(c.code_key LIKE ? ESCAPE '\\' OR c.community LIKE ? ESCAPE '\\')");
    params.push(likeText(codeKey(query)), likeText(query));
  }
  if (f.status) { where.push('c.current_status = ?'); params.push(f.status); }
  if (f.sex) { where.push('c.sex = ?'); params.push(f.sex); }
  if (f.ageGroup) { where.push('c.age_group = ?'); params.push(f.ageGroup); }
  if (f.community) { where.push('c.community = ?'); params.push(f.community); }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(scalar(db, `SELECT count(*) FROM children c ${clause}`, params));
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const offset = Math.max(f.offset ?? 0, 0);
  // The filters' and the page's ? follow ?1, so they number from 2.
  const list = rows(db, `${CHILD_SELECT} ${clause} ORDER BY ${SORTS[f.sort ?? 'registered']} LIMIT ? OFFSET ?`, [REGISTRATION_FORM, ...params, limit, offset]);
  return { total, rows: list.map(childRow) };
}

function childRow(r: Record<string, SqlValue>): ChildRow {
  return {
    id: Number(r.id), childCode: String(r.child_code), sex: r.sex as 'f' | 'm', age: Number(r.age), ageGroup: r.age_group as AgeGroup,
    community: String(r.community), initialStatus: r.initial_status as 'working' | 'at_risk', currentStatus: String(r.current_status),
    registeredOn: String(r.registered_on), visits: Number(r.visits ?? 0), lastVisit: r.last_visit === null || r.last_visit === undefined ? null : String(r.last_visit),
  };
}

function entryRow(r: Record<string, SqlValue>): EntryRow {
  return {
    id: Number(r.id), instrumentId: String(r.instrument_id), childId: r.child_id === null ? null : Number(r.child_id), entryDate: String(r.entry_date),
    outcome: r.outcome === null ? null : String(r.outcome), answers: JSON.parse(String(r.answers)) as Answers, createdAt: String(r.created_at), updatedAt: String(r.updated_at),
    uid: String(r.uid),
    provenance: {
      origin: r.origin === 'server' ? 'server' : 'device', deviceId: r.device_id === null ? null : String(r.device_id),
      server: r.server === 'odk-central' || r.server === 'kobotoolbox' ? r.server : null,
      submissionId: r.submission_id === null ? null : String(r.submission_id), importedAt: r.imported_at === null ? null : String(r.imported_at),
    },
    unrecognised: r.unrecognised === null || r.unrecognised === undefined ? null : (JSON.parse(String(r.unrecognised)) as Record<string, unknown>),
  };
}

/** A child and every form about the child, oldest first. */
export function childHistory(db: Database, childId: number): { child: ChildRow; entries: EntryRow[] } {
  const child = rows(db, `${CHILD_SELECT} WHERE c.id = ?2`, [REGISTRATION_FORM, childId])[0];
  if (!child) throw refusal('child-gone');
  return { child: childRow(child), entries: rows(db, 'SELECT * FROM entries WHERE child_id = ? ORDER BY entry_date, id', [childId]).map(entryRow) };
}

/** Every entry of one form, in date order (for CSV export). */
export function entriesOf(db: Database, instrumentId: string): EntryRow[] {
  return rows(db, 'SELECT * FROM entries WHERE instrument_id = ? ORDER BY entry_date, id', [instrumentId]).map(entryRow);
}

export function communities(db: Database): string[] {
  return rows(db, 'SELECT DISTINCT community FROM children ORDER BY community').map((r) => String(r.community));
}

export function countChildren(db: Database): number {
  return Number(scalar(db, 'SELECT count(*) FROM children'));
}

export function countEntries(db: Database): number {
  return Number(scalar(db, 'SELECT count(*) FROM entries'));
}

/** A count broken down by sex and age group. */
export type Breakdown = Record<'f' | 'm', Record<AgeGroup, number>>;
const emptyBreakdown = (): Breakdown => ({ f: { early: 0, under14: 0, '14to17': 0 }, m: { early: 0, under14: 0, '14to17': 0 } });
export function breakdownTotal(b: Breakdown): number {
  return (['f', 'm'] as const).reduce((n, s) => n + b[s].early + b[s].under14 + b[s]['14to17'], 0);
}

export interface QuarterFigures {
  quarter: string;
  /** Registered in the quarter: working, and at risk. */
  identifiedWorking: Breakdown;
  identifiedAtRisk: Breakdown;
  /** Verified withdrawn / prevented by the end of the quarter (cumulative, latest verification counts). */
  withdrawn: Breakdown;
  prevented: Breakdown;
  /** Of those, the children whose verification that settles them was made in the quarter (what the committee's quarterly form asks). */
  withdrawnThisQuarter: Breakdown;
  preventedThisQuarter: Breakdown;
  /** Follow-up visit forms dated in the quarter. */
  followUpVisits: number;
  /** Forms about registered children dated in the quarter (visits, verifications, referrals…). */
  visits: number;
  referrals: number;
}

function addTo(b: Breakdown, sex: SqlValue, group: SqlValue, n: SqlValue) {
  if ((sex === 'f' || sex === 'm') && (group === 'early' || group === 'under14' || group === '14to17')) b[sex][group] += Number(n);
}

/** Which part of the team's records the figures count: one community, one laptop (where a form was entered or imported), one technician (who filled it). */
export interface FigureScope { community?: string; device?: string; technician?: string }

const TECHNICIAN_OF = (alias: string) => `(${TECHNICIAN_FIELDS.map((f) => `json_extract(${alias}.answers, '$.${f}')`).join(', ')})`;

/** The condition that keeps a form in the scope, and its parameters: a form by its own laptop and technician. */
function entryScope(alias: string, s: FigureScope): [string, SqlValue[]] {
  return [`(? IS NULL OR ${alias}.community = ?) AND (? IS NULL OR ${alias}.device_id = ?) AND (? IS NULL OR ? IN ${TECHNICIAN_OF(alias)})`,
    [s.community ?? null, s.community ?? null, s.device ?? null, s.device ?? null, s.technician ?? null, s.technician ?? null]];
}

/** The condition that keeps a child in the scope: by community, and by the laptop and technician of the child's registration. */
function childScope(alias: string, s: FigureScope): [string, SqlValue[]] {
  const [reg, params] = entryScope('r', { device: s.device, technician: s.technician });
  return [`(? IS NULL OR ${alias}.community = ?) AND ((? IS NULL AND ? IS NULL) OR EXISTS (SELECT 1 FROM entries r WHERE r.child_id = ${alias}.id AND r.instrument_id = '${REGISTRATION_FORM}' AND ${reg}))`,
    [s.community ?? null, s.community ?? null, s.device ?? null, s.technician ?? null, ...params]];
}

/** The technicians' codes the forms name, for the roll-up's filter. */
export function technicians(db: Database): string[] {
  return rows(db, `SELECT DISTINCT t.value AS code FROM entries e, json_each(e.answers) t WHERE t.key IN (${TECHNICIAN_FIELDS.map(() => '?').join(', ')}) AND t.type = 'text' ORDER BY 1`, [...TECHNICIAN_FIELDS])
    .map((r) => String(r.code));
}

/** The catalogue's core indicators by quarter, sex and age group, computed from the records (all, or one scope); `today`'s quarter is always among them (quartersToShow). */
export function quarterlyFigures(db: Database, opts: FigureScope & { today?: string } = {}): QuarterFigures[] {
  const [inScope, scopeParams] = entryScope('e', opts);
  const [childInScope, childParams] = childScope('c', opts);
  const months = rows(db, `SELECT DISTINCT substr(entry_date, 1, 7) AS month FROM entries e WHERE ${inScope}`, scopeParams);
  const withData = months.map((r) => quarterOf(String(r.month)));
  return quartersToShow(withData, opts.today ? quarterOf(opts.today) : null).map((quarter) => {
    const start = quarterStart(quarter);
    const end = quarterEnd(quarter);
    const fig: QuarterFigures = { quarter, identifiedWorking: emptyBreakdown(), identifiedAtRisk: emptyBreakdown(), withdrawn: emptyBreakdown(), prevented: emptyBreakdown(), withdrawnThisQuarter: emptyBreakdown(), preventedThisQuarter: emptyBreakdown(), followUpVisits: 0, visits: 0, referrals: 0 };
    for (const r of rows(db, `SELECT status, sex, age_group, count(*) AS n FROM entries e WHERE instrument_id = ? AND entry_date BETWEEN ? AND ? AND ${inScope} GROUP BY status, sex, age_group`,
      [REGISTRATION_FORM, start, end, ...scopeParams])) {
      addTo(r.status === 'working' ? fig.identifiedWorking : fig.identifiedAtRisk, r.sex, r.age_group, r.n);
    }
    for (const r of rows(db, `SELECT c.initial_status AS initial, v.outcome AS outcome, c.sex AS sex, c.age_group AS age_group, v.entry_date >= ? AS in_quarter, count(*) AS n
        FROM children c JOIN entries v ON v.id = (SELECT id FROM entries WHERE child_id = c.id AND instrument_id = ? AND ${SETTLING} AND entry_date <= ? ORDER BY entry_date DESC, id DESC LIMIT 1)
        WHERE ${childInScope} GROUP BY 1, 2, 3, 4, 5`, [start, VERIFICATION_FORM, ...SETTLING_RESULTS, end, ...childParams])) {
      const status = childStatus(r.initial as RegisteredStatus, String(r.outcome));
      if (status === 'withdrawn') addTo(fig.withdrawn, r.sex, r.age_group, r.n);
      if (status === 'prevented') addTo(fig.prevented, r.sex, r.age_group, r.n);
      if (status === 'withdrawn' && r.in_quarter) addTo(fig.withdrawnThisQuarter, r.sex, r.age_group, r.n);
      if (status === 'prevented' && r.in_quarter) addTo(fig.preventedThisQuarter, r.sex, r.age_group, r.n);
    }
    fig.followUpVisits = Number(scalar(db, `SELECT count(*) FROM entries e WHERE instrument_id = ? AND entry_date BETWEEN ? AND ? AND ${inScope}`, [FOLLOW_UP_FORM, start, end, ...scopeParams]));
    fig.visits = Number(scalar(db, `SELECT count(*) FROM entries e WHERE child_id IS NOT NULL AND instrument_id <> ? AND entry_date BETWEEN ? AND ? AND ${inScope}`, [REGISTRATION_FORM, start, end, ...scopeParams]));
    fig.referrals = Number(scalar(db, `SELECT count(*) FROM entries e WHERE instrument_id = 'referral' AND entry_date BETWEEN ? AND ? AND ${inScope}`, [start, end, ...scopeParams]));
    return fig;
  });
}

/** Removes every child and every form (the schema stays). */
export function deleteEverything(db: Database): void {
  inTransaction(db, () => {
    run(db, 'DELETE FROM entries');
    run(db, 'DELETE FROM children');
    // A fresh start: a backup merged afterwards brings everything (deleted_entries is what a merge must not bring back).
    run(db, 'DELETE FROM deleted_entries');
  });
}
