/**
 * The field-records database: its tables, as numbered migrations. A database records the
 * version it was migrated to; one from a newer Puente is refused, never "downgraded".
 */

/** Each migration runs once, in order, inside a transaction. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly string[] = [
  // 1: children (one row per child with a code), form entries (registrations, visits, verifications…).
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE children (
    id INTEGER PRIMARY KEY,
    child_code TEXT NOT NULL UNIQUE,
    sex TEXT NOT NULL CHECK (sex IN ('f', 'm')),
    age INTEGER NOT NULL CHECK (age BETWEEN 0 AND 17),
    age_group TEXT NOT NULL CHECK (age_group IN ('early', 'under14', '14to17')),
    community TEXT NOT NULL,
    initial_status TEXT NOT NULL CHECK (initial_status IN ('working', 'at_risk')),
    current_status TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX children_status ON children (current_status);
  CREATE INDEX children_community ON children (community);
  CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    instrument_id TEXT NOT NULL,
    child_id INTEGER REFERENCES children (id) ON DELETE CASCADE,
    entry_date TEXT NOT NULL,
    sex TEXT,
    age_group TEXT,
    community TEXT,
    status TEXT,
    outcome TEXT,
    answers TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX entries_child ON entries (child_id, instrument_id, entry_date);
  CREATE INDEX entries_instrument_date ON entries (instrument_id, entry_date);
  `,
  // 2: code_key compares child codes case-folded and NFC-normalised (the app fills it: codeKey in records-store.ts);
  //    statuses set by the old rule follow the one definition (child-status.ts): a result that does not fit the registration does not count.
  `
  ALTER TABLE children ADD COLUMN code_key TEXT;
  CREATE INDEX children_code_key ON children (code_key);
  UPDATE children SET current_status = initial_status
    WHERE (current_status = 'withdrawn' AND initial_status <> 'working') OR (current_status = 'prevented' AND initial_status <> 'at_risk');
  `,
  // 3: where every form came from. This installation's device id and name (meta); on each entry a uid that travels with it
  //    between laptops, its origin (entered on a device, or collected on a server and imported), the server's submission id
  //    and version (and KoboToolbox's record number, which survives edits), the import date and the answers Puente did not recognise; the versions an entry replaced (entry_history);
  //    the names of other laptops whose backups were merged (devices). Entries from before get a uid computed from their own
  //    row, so a backup read twice gives the same uids, and are marked as entered on this device.
  `
  ALTER TABLE entries ADD COLUMN uid TEXT;
  ALTER TABLE entries ADD COLUMN origin TEXT NOT NULL DEFAULT 'device' CHECK (origin IN ('device', 'server'));
  ALTER TABLE entries ADD COLUMN device_id TEXT;
  ALTER TABLE entries ADD COLUMN server TEXT CHECK (server IS NULL OR server IN ('odk-central', 'kobotoolbox'));
  ALTER TABLE entries ADD COLUMN submission_id TEXT;
  ALTER TABLE entries ADD COLUMN submission_version TEXT;
  ALTER TABLE entries ADD COLUMN server_record TEXT;
  ALTER TABLE entries ADD COLUMN imported_at TEXT;
  ALTER TABLE entries ADD COLUMN unrecognised TEXT;
  INSERT INTO meta (key, value) VALUES ('device_id', lower(hex(randomblob(16))));
  INSERT INTO meta (key, value) SELECT 'device_name', 'Puente ' || upper(substr(value, 1, 6)) FROM meta WHERE key = 'device_id';
  UPDATE entries SET uid = 'e' || id || '-' || created_at, device_id = (SELECT value FROM meta WHERE key = 'device_id');
  CREATE UNIQUE INDEX entries_uid ON entries (uid);
  CREATE UNIQUE INDEX entries_submission ON entries (submission_id) WHERE submission_id IS NOT NULL;
  CREATE TRIGGER entries_identity AFTER INSERT ON entries WHEN NEW.uid IS NULL BEGIN
    UPDATE entries SET uid = lower(hex(randomblob(16))), device_id = coalesce(NEW.device_id, (SELECT value FROM meta WHERE key = 'device_id')) WHERE id = NEW.id;
  END;
  CREATE TABLE entry_history (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    alias_uid TEXT,
    entry_date TEXT NOT NULL,
    answers TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('device', 'server')),
    device_id TEXT,
    server TEXT,
    submission_version TEXT,
    unrecognised TEXT,
    saved_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('server-edit', 'merge-replaced', 'merge-declined', 'merge-joined'))
  );
  CREATE INDEX entry_history_entry ON entry_history (entry_id);
  CREATE INDEX entry_history_alias ON entry_history (alias_uid);
  CREATE TABLE devices (id TEXT PRIMARY KEY, name TEXT NOT NULL, seen_at TEXT NOT NULL);
  `,
  // 4: what a merge must not undo and must carry. The uid of every deleted form (a deleted child's forms too), when and on
  //    which laptop, filled by a trigger, so a merge neither brings it back nor keeps it on the other laptop; a correction
  //    keeps the version it replaced in the history (reason 'corrected'), which needs the reasons' check rebuilt.
  `
  CREATE TABLE deleted_entries (uid TEXT PRIMARY KEY, deleted_at TEXT NOT NULL, device_id TEXT);
  CREATE TRIGGER entries_deleted AFTER DELETE ON entries BEGIN
    INSERT OR IGNORE INTO deleted_entries (uid, deleted_at, device_id)
      VALUES (OLD.uid, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT value FROM meta WHERE key = 'device_id'));
  END;
  CREATE TABLE entry_history_4 (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    alias_uid TEXT,
    entry_date TEXT NOT NULL,
    answers TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('device', 'server')),
    device_id TEXT,
    server TEXT,
    submission_version TEXT,
    unrecognised TEXT,
    saved_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('server-edit', 'merge-replaced', 'merge-declined', 'merge-joined', 'corrected'))
  );
  INSERT INTO entry_history_4 SELECT id, entry_id, alias_uid, entry_date, answers, origin, device_id, server, submission_version, unrecognised, saved_at, replaced_at, reason FROM entry_history;
  DROP TABLE entry_history;
  ALTER TABLE entry_history_4 RENAME TO entry_history;
  CREATE INDEX entry_history_entry ON entry_history (entry_id);
  CREATE INDEX entry_history_alias ON entry_history (alias_uid);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The instruments whose entries the database knows how to link and count. */
export const REGISTRATION_FORM = 'child-registration';
export const VERIFICATION_FORM = 'verification';
export const FOLLOW_UP_FORM = 'follow-up-visit';
export const REFERRAL_FORM = 'referral';
export const SCHOOL_CHECK_FORM = 'school-attendance-check';
/** The forms about one registered child (they carry its code), in the order the child's page offers them. */
export const CHILD_FORMS = [FOLLOW_UP_FORM, VERIFICATION_FORM, REFERRAL_FORM, SCHOOL_CHECK_FORM] as const;
/** Forms about one registered child (a visit, a referral…): they carry the child's code. */
export const CHILD_CODE_FIELD = 'child_code';
/** The code of whoever filled the form (the technician), one field per form: the team roll-up filters by it. */
export const TECHNICIAN_FIELDS: readonly string[] = ['registrar_code', 'visitor_code', 'verifier_code', 'referrer_code', 'teacher_code'];

export function ageGroupOf(age: number): 'early' | 'under14' | '14to17' {
  return age < 6 ? 'early' : age < 14 ? 'under14' : '14to17';
}

/** "2026-Q3" for a date "2026-08-14". */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The first day of a quarter, "2026-07-01" for "2026-Q3". */
export function quarterStart(quarter: string): string {
  const [y, q] = quarter.split('-Q').map(Number);
  return `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The last day of a quarter, "2026-09-30" for "2026-Q3". */
export function quarterEnd(quarter: string): string {
  const [y, q] = quarter.split('-Q').map(Number);
  const month = q * 3;
  const day = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const quarterIndex = (quarter: string) => {
  const [y, q] = quarter.split('-Q').map(Number);
  return y * 4 + q - 1;
};
const quarterAt = (index: number) => `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;

/**
 * The quarters to show, oldest first: every quarter that holds data, however far apart, and the
 * current one. The quiet quarters between two shown ones are filled in when the two are a year
 * apart or less (a report may be due for them); a longer gap is a mistyped date or a pause, and is skipped.
 */
export function quartersToShow(withData: readonly string[], current: string | null): string[] {
  if (withData.length === 0) return [];
  const shown = [...new Set([...withData, ...(current ? [current] : [])].map(quarterIndex))].sort((a, b) => a - b);
  const out: number[] = [];
  for (const i of shown) {
    const previous = out.at(-1);
    if (previous !== undefined && i - previous <= 4) for (let gap = previous + 1; gap < i; gap++) out.push(gap);
    out.push(i);
  }
  return out.map(quarterAt);
}
