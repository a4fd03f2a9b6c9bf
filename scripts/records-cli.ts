/**
 * `npm run records -- <command>`: the coordinator's batch work on a records file, through the same
 * records service the app runs (so every check and every message is the app's), the file written
 * atomically as the app writes it (node/atomic-file.ts).
 *
 *   import <export file> --db <records file> [--json] [--dry-run] [--lang es|en]
 *   merge <backup> --db <records file> [--json] [--dry-run] [--decisions <file>] [--conflicts here|backup] [--duplicates join|apart] [--backup-passphrase-file <file>]
 *   status --db <records file> [--json]
 *
 * A records file that does not exist is created by import and merge; an encrypted one needs
 * --passphrase-file. Exit status: 0 done, 1 refused (nothing was changed), 2 wrong command line,
 * 3 a merge needs decisions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import initSqlJs from 'sql.js';
import type { ImportPreview, MergeDecisions, MergePreview, RecordsStatus } from '../common/records/records-api.ts';
import { createRecordsService } from '../common/records/records-service.ts';
import { readRefusal, refusalMessage } from '../common/records/refusal-reading.ts';
import { refusalTexts } from '../common/records/refusal-words.ts';
import { readStoredCopies, writeBytesAtomic } from '../node/atomic-file.ts';
import { loadInstruments } from './content/load-instruments.ts';

type Lang = 'en' | 'es';

const USAGE = `usage:
  npm run records -- import <export file> --db <records file> [--json] [--dry-run] [--lang es|en]
  npm run records -- merge <backup> --db <records file> [--json] [--dry-run] [--decisions <file>] [--conflicts here|backup] [--duplicates join|apart] [--backup-passphrase-file <file>]
  npm run records -- status --db <records file> [--json]
  (an encrypted records file: add --passphrase-file <file>)`;

const WORDS = {
  en: {
    created: (f: string) => `${f} does not exist: a new records file is created.`,
    importLine: (p: ImportPreview) => `${p.fileName}: ${p.form.id} (${p.server}, ${p.submissions} submissions): ${p.newChildren} new children, ${p.newForms} new forms, ${p.updates} updates, ${p.unchanged} already here, ${p.refusedRows} refused`,
    unknown: (names: string) => `Not recognised (kept with each form): ${names}`,
    refused: (row: number, column: string | undefined, message: string) => `  row ${row}${column ? `, ${column}` : ''}: ${message}`,
    more: (n: number) => `  … and ${n} more`,
    mergeLine: (p: MergePreview) => `Backup of ${p.device.name}: ${p.newChildren} new children, ${p.newForms} new forms, ${p.updates} updates, ${p.unchanged} already here, ${p.duplicates.length} possible duplicates, ${p.conflicts.length} conflicts`,
    duplicate: (d: MergePreview['duplicates'][number]) => `  possible duplicate ${d.id}: ${d.backup.code} (backup) and ${d.here.code} (here), ${d.reason}`,
    conflict: (c: MergePreview['conflicts'][number]) => `  conflict ${c.id}: ${c.instrumentId} of ${c.childCode ?? '—'} on ${c.date}, ${c.fields.join(', ')}`,
    decide: 'Nothing was changed: decide each possible duplicate and conflict with --decisions <file> (or --duplicates, --conflicts).',
    dryRun: 'Dry run: nothing was changed.',
    written: (added: number, updated: number) => `Written: ${added} added, ${updated} updated.`,
    status: (s: RecordsStatus) => `${s.children} children, ${s.entries} forms${s.communities.length ? ` (${s.communities.join(', ')})` : ''}; ${s.encrypted ? 'encrypted' : 'not encrypted'}; device ${s.device?.name ?? '—'}`,
    locked: 'The records file is encrypted: give its passphrase with --passphrase-file <file>. Nothing was changed.',
    notFound: (f: string) => `${f} does not exist.`,
  },
  es: {
    created: (f: string) => `${f} no existe: se crea un archivo de registros nuevo.`,
    importLine: (p: ImportPreview) => `${p.fileName}: ${p.form.id} (${p.server}, ${p.submissions} envíos): ${p.newChildren} niños y niñas nuevos, ${p.newForms} fichas nuevas, ${p.updates} actualizaciones, ${p.unchanged} ya estaban, ${p.refusedRows} rechazados`,
    unknown: (names: string) => `No reconocidos (se guardan con cada ficha): ${names}`,
    refused: (row: number, column: string | undefined, message: string) => `  fila ${row}${column ? `, ${column}` : ''}: ${message}`,
    more: (n: number) => `  … y ${n} más`,
    mergeLine: (p: MergePreview) => `Copia de ${p.device.name}: ${p.newChildren} niños y niñas nuevos, ${p.newForms} fichas nuevas, ${p.updates} actualizaciones, ${p.unchanged} ya estaban, ${p.duplicates.length} posibles duplicados, ${p.conflicts.length} conflictos`,
    duplicate: (d: MergePreview['duplicates'][number]) => `  posible duplicado ${d.id}: ${d.backup.code} (copia) y ${d.here.code} (aquí), ${d.reason}`,
    conflict: (c: MergePreview['conflicts'][number]) => `  conflicto ${c.id}: ${c.instrumentId} de ${c.childCode ?? '—'} del ${c.date}, ${c.fields.join(', ')}`,
    decide: 'No se cambió nada: decida cada posible duplicado y cada conflicto con --decisions <archivo> (o --duplicates, --conflicts).',
    dryRun: 'Prueba: no se cambió nada.',
    written: (added: number, updated: number) => `Guardado: ${added} agregadas, ${updated} actualizadas.`,
    status: (s: RecordsStatus) => `${s.children} niños y niñas, ${s.entries} fichas${s.communities.length ? ` (${s.communities.join(', ')})` : ''}; ${s.encrypted ? 'cifrado' : 'sin cifrar'}; equipo ${s.device?.name ?? '—'}`,
    locked: 'El archivo de registros está cifrado: indique su frase de paso con --passphrase-file <archivo>. No se cambió nada.',
    notFound: (f: string) => `${f} no existe.`,
  },
} as const;

class UsageError extends Error {}

/** A refusal the command line words itself, already in the reader's language. */
class CliRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The language asked for with --lang (Spanish unless told), for a refusal said before or without the parsed options. */
function langOf(argv: string[]): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? 'es' : argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  return value === 'en' ? 'en' : 'es';
}

/**
 * A refusal for people and for --json: its code and parameters (a RecordsError's "[code|params] detail"), and
 * its sentence in the reader's language, worded from the code as the screens word it (refusal-reading.ts).
 */
function problemOf(error: unknown, lang: Lang): { code: string; params: Record<string, unknown>; message: string } {
  if (error instanceof CliRefusal) return { code: error.code, params: {}, message: error.message };
  const refusal = readRefusal(error instanceof Error ? error.message : String(error));
  return { code: refusal?.code ?? 'error', params: refusal?.params ?? {}, message: refusalMessage(error, refusalTexts(lang)) };
}

const passphraseIn = (file: string | undefined) => (file === undefined ? undefined : readFileSync(file, 'utf8').replace(/\r?\n$/, ''));

/** Where the command line writes: the terminal, or a test. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

async function main(argv: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      db: { type: 'string' }, json: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, lang: { type: 'string', default: 'es' },
      'passphrase-file': { type: 'string' }, 'backup-passphrase-file': { type: 'string' }, decisions: { type: 'string' }, conflicts: { type: 'string' }, duplicates: { type: 'string' },
    },
  });
  const [command, input] = positionals;
  const lang = values.lang as Lang;
  if (lang !== 'es' && lang !== 'en') throw new UsageError('--lang must be es or en');
  if (!values.db || !['import', 'merge', 'status'].includes(command ?? '') || (command !== 'status' && !input)) throw new UsageError(USAGE);
  const w = WORDS[lang];
  const out = (line: string) => {
    if (!values.json) io.out(line);
  };
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  const file = path.resolve(values.db);
  const existed = existsSync(file);
  if (command === 'status' && !existed) throw new UsageError(w.notFound(values.db));
  if (input && !existsSync(input)) throw new UsageError(w.notFound(input));

  const svc = createRecordsService({
    SQL: await initSqlJs(), instruments: loadInstruments(), debounceMs: 60_000,
    read: () => readStoredCopies(file),
    write: (bytes, options) => writeBytesAtomic(file, bytes, options),
    // The command line never restores, so there is no copy from before a restore to keep.
    writeUndoCopy: async () => undefined, readUndoCopy: async () => null,
  });
  const call = <T>(request: object) => svc.handle(request) as Promise<T>;
  let status = await call<RecordsStatus>({ op: 'status' });
  if (status.state === 'locked') {
    const passphrase = passphraseIn(values['passphrase-file']);
    if (passphrase === undefined) throw new CliRefusal('locked', w.locked);
    status = await call<RecordsStatus>({ op: 'unlock', passphrase });
  }
  if (status.state !== 'open') throw new Error(status.warning ?? `the records file cannot be opened (${status.state})`);
  if (command === 'status') {
    if (values.json) json({ children: status.children, forms: status.entries, communities: status.communities, encrypted: status.encrypted, device: status.device, schemaVersion: status.schemaVersion });
    else out(w.status(status));
    return 0;
  }
  if (!existed && !values['dry-run']) out(w.created(values.db));
  const bytes = new Uint8Array(readFileSync(input));
  const dryRun = values['dry-run'];

  if (command === 'import') {
    const request = { lang, fileName: path.basename(input), bytes };
    const result = await call<ImportPreview & { written?: { added: number; updated: number } }>({ op: dryRun ? 'preview-import' : 'commit-import', ...request });
    if (values.json) json(result);
    out(w.importLine(result));
    if (result.unknownFields.length) out(w.unknown(result.unknownFields.map((f) => f.name).join(', ')));
    for (const p of result.problems.slice(0, 20)) out(w.refused(p.row, p.column, p.message));
    if (result.problemsTotal > 20) out(w.more(result.problemsTotal - 20));
    out(dryRun ? w.dryRun : w.written(result.written!.added, result.written!.updated));
  } else {
    const backupPassphrase = passphraseIn(values['backup-passphrase-file']);
    const preview = await call<MergePreview>({ op: 'preview-merge', lang, bytes, ...(backupPassphrase ? { passphrase: backupPassphrase } : {}) });
    const decisions: MergeDecisions = values.decisions ? (JSON.parse(readFileSync(values.decisions, 'utf8')) as MergeDecisions) : { duplicates: [], conflicts: [] };
    const duplicates = values.duplicates;
    const conflicts = values.conflicts;
    if (duplicates !== undefined && duplicates !== 'join' && duplicates !== 'apart') throw new UsageError('--duplicates must be join or apart');
    if (conflicts !== undefined && conflicts !== 'here' && conflicts !== 'backup') throw new UsageError('--conflicts must be here or backup');
    for (const d of preview.duplicates) if (duplicates && !decisions.duplicates.some((x) => x.id === d.id)) decisions.duplicates.push({ id: d.id, choice: duplicates });
    for (const c of preview.conflicts) if (conflicts && !decisions.conflicts.some((x) => x.id === c.id)) decisions.conflicts.push({ id: c.id, keep: conflicts });
    const undecided = preview.duplicates.some((d) => !decisions.duplicates.some((x) => x.id === d.id)) || preview.conflicts.some((c) => !decisions.conflicts.some((x) => x.id === c.id));
    if (dryRun || undecided) {
      if (values.json) json(preview);
      out(w.mergeLine(preview));
      for (const d of preview.duplicates) out(w.duplicate(d));
      for (const c of preview.conflicts) out(w.conflict(c));
      if (dryRun) {
        out(w.dryRun);
        return 0;
      }
      io.err(w.decide);
      return 3;
    }
    const result = await call<MergePreview & { written: { added: number; updated: number; joined: number } }>({ op: 'commit-merge', lang, bytes, decisions, ...(backupPassphrase ? { passphrase: backupPassphrase } : {}) });
    if (values.json) json(result);
    out(w.mergeLine(result));
    out(w.written(result.written.added + result.written.joined, result.written.updated));
  }
  // A new records file is written even when nothing was added, so the next command finds it.
  if (!existed && !dryRun) await call({ op: 'set-device-name', name: status.device!.name });
  await svc.flush();
  return 0;
}

/** Runs one command; resolves to the exit status. A refusal is written to err (and, with --json, as JSON to out). */
export async function runRecordsCli(argv: string[], io: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    const problem = problemOf(error, langOf(argv));
    if (argv.includes('--json')) io.out(JSON.stringify({ error: problem }, null, 2));
    io.err(problem.message);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Exit at once: a save retry the service may have scheduled must not keep the process alive.
  process.exit(await runRecordsCli(process.argv.slice(2)));
}
