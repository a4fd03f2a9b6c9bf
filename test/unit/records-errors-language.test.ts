/**
 * Every refusal of the field records a person can trigger (the store, the service, the CSV reader, the
 * encryption, a damaged or unreadable stored file), read in Spanish and in English: the Spanish screen
 * shows a Spanish sentence with no English in it, and the English one an English sentence.
 */
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../common/facets.ts';
import { deriveKey, encryptRecords } from '../../common/records/encryption.ts';
import { memoryStorage } from '../../common/records/memory-disk.ts';
import { createRecordsService } from '../../common/records/records-service.ts';
import { MIGRATIONS } from '../../common/records/records-schema.ts';
import { registration, visit } from '../../scripts/bench/monitoring-answers.ts';
import { refusalTexts } from '../../common/records/refusal-words.ts';
import { messageOf as messageWith } from '../../renderer/src/records/problem-text.ts';
import { recordsDeps, recordsService, TEST_TODAY } from '../fixtures/records-service.ts';

/** Words that give an English sentence away (none of them is Spanish). */
const ENGLISH = /\b(the|is|was|were|not|this|that|file|nothing|changed|passphrase|child|children|register|cannot|backup|row|column|cell|quote|empty|with|and|of|on|to|has|have|first|give|enter|must|only|copy|wrong|newer|unknown|too|short)\b/i;
/** Signs of a Spanish sentence (accents, Spanish quotes, common words). */
const SPANISH = /[ñáéíóú¿«»]|\b(el|la|los|las|del|que|está|archivo|fila|copia|frase|niño|nada|una?)\b/i;

type Trigger = (lang: Lang) => Promise<unknown>;

/** What the records screen shows for a failure, with the reader's language's refusal messages. */
const messageOf = (e: unknown, lang: Lang) => messageWith(e, refusalTexts(lang));

/** What a request's refusal shows the reader: the message of the error it rejected with. */
const refusal = (p: Promise<unknown>) => p.then((v) => { throw new Error(`not refused: ${JSON.stringify(v).slice(0, 200)}`); }, (e: unknown) => e);
/** A code from the "[code|params] detail" text, to check the trigger hit the refusal it is about. */
const codeOf = (e: unknown) => /^(?:records:call: )?\[([a-z-]+)/.exec(e instanceof Error ? e.message : String(e))?.[1];

const REG = (code: string, date = '2026-03-01') => registration({ code, sex: 'f', age: 9, status: 'working', date });

async function withChild(code = 'SF-1') {
  const s = await recordsService();
  await s.save('child-registration', REG(code));
  return s;
}

/** A saved database's bytes, and the same encrypted. */
async function backup() {
  const s = await withChild('SF-9');
  return (await s.call({ op: 'export-database' })).bytes as Uint8Array;
}

async function encrypted(s: Awaited<ReturnType<typeof recordsService>>) {
  await s.call({ op: 'set-passphrase', passphrase: 'una frase larga' });
  return s.disk.current!;
}

/** Refusals thrown by a request: each trigger, the code it must give. */
const THROWN: Array<[string, string, Trigger]> = [
  ['a form that is not a monitoring form', 'not-monitoring-form', async (lang) => refusal((await recordsService()).save('household-census', {}, lang))],
  ['a child no longer on the register', 'child-gone', async () => refusal((await recordsService()).call({ op: 'child-history', childId: 999 }))],
  ['deleting a child no longer on the register', 'child-gone', async () => refusal((await recordsService()).call({ op: 'delete-child', childId: 999 }))],
  ['a form no longer in the records', 'entry-gone', async () => refusal((await recordsService()).call({ op: 'delete-entry', entryId: 999 }))],
  ['deleting a child’s registration alone', 'registration-of-child', async () => {
    const s = await withChild();
    const [child] = (await s.call({ op: 'list-children' })).rows;
    const history = await s.call({ op: 'child-history', childId: child.id });
    return refusal(s.call({ op: 'delete-entry', entryId: history.entries[0].id }));
  }],
  ['a file that is not a database', 'not-a-database', async () => refusal((await withChild()).call({ op: 'restore-database', bytes: new TextEncoder().encode('child_code,age\r\nA,1\r\n'), acceptLoss: true }))],
  ['a backup cut short', 'not-a-database', async () => refusal((await withChild()).call({ op: 'restore-database', bytes: (await backup()).slice(0, 1500), acceptLoss: true }))],
  ['an empty backup', 'empty-file', async () => refusal((await withChild()).call({ op: 'restore-database', bytes: new Uint8Array(0), acceptLoss: true }))],
  ['a backup from a newer Puente', 'newer-version', async () => {
    const newer = new (await initSqlJs()).Database();
    newer.exec(MIGRATIONS[0]);
    newer.run("INSERT INTO meta (key, value) VALUES ('schema_version', '99')");
    return refusal((await withChild()).call({ op: 'restore-database', bytes: newer.export(), acceptLoss: true }));
  }],
  ['a restore that would remove records', 'would-lose', async () => refusal((await withChild('HERE-1')).call({ op: 'restore-database', bytes: await backup() }))],
  ['undoing a restore that never happened', 'no-undo', async () => refusal((await withChild()).call({ op: 'undo-restore' }))],
  ['an encrypted backup without its passphrase', 'wrong-passphrase', async () => refusal((await withChild()).call({ op: 'restore-database', bytes: await encrypted(await withChild('B-1')), acceptLoss: true }))],
  ['a wrong passphrase', 'wrong-passphrase', async () => refusal((await recordsService({ current: await encrypted(await withChild()) })).call({ op: 'unlock', passphrase: 'otra frase' }))],
  ['the records before the passphrase', 'locked', async () => refusal((await recordsService({ current: await encrypted(await withChild()) })).call({ op: 'list-children' }))],
  ['an encryption setting Puente never writes', 'bad-encryption', async () => {
    const file = await encryptRecords(new TextEncoder().encode('x'.repeat(600)), await deriveKey('una frase larga', undefined, 5));
    return refusal((await recordsService({ current: file })).call({ op: 'unlock', passphrase: 'una frase larga' }));
  }],
  ['a file encrypted by a newer Puente', 'newer-encryption', async () => {
    const file = await encrypted(await withChild());
    file['PUENTE-ENC'.length] = 9;
    return refusal((await recordsService({ current: file })).call({ op: 'unlock', passphrase: 'una frase larga' }));
  }],
  ['a passphrase that is too short', 'passphrase-too-short', async () => refusal((await withChild()).call({ op: 'set-passphrase', passphrase: 'corta' }))],
  ['a request the screen should never make', 'invalid-request', async () => refusal((await recordsService()).call({ op: 'list-children', limit: 100000 }))],
  ['a stored file that is not a database', 'records-damaged', async () => refusal((await recordsService({ current: new Uint8Array([1, 2, 3]) })).call({ op: 'list-children' }))],
  ['a stored file that cannot be read', 'unreadable', async () => refusal(unreadableService().handle({ op: 'list-children' }))],
];

/** A service whose stored file exists but cannot be read (no permission). */
function unreadableService() {
  return createRecordsServiceOver({
    read: async () => { throw Object.assign(new Error('EACCES: permission denied, open \'records.sqlite\''), { code: 'EACCES' }); },
  });
}

let deps: Awaited<ReturnType<typeof recordsDeps>>;
function createRecordsServiceOver(over: Partial<ReturnType<typeof memoryStorage>>) {
  return createRecordsService({ SQL: deps.SQL, instruments: deps.instruments, debounceMs: 5, iterations: 1000, today: () => TEST_TODAY, ...memoryStorage({}), ...over });
}

/** Field refusals a form comes back with (not thrown: the form shows them by its questions). */
const FIELD: Array<[string, Trigger]> = [
  ['a visit for a child not on the register', async (lang) => (await recordsService()).save('follow-up-visit', visit({ code: 'NOPE', sex: 'f', age: 9, date: '2026-03-01', stillWorking: true }), lang)],
  ['a code already on the register', async (lang) => (await withChild('SF-1')).save('child-registration', REG('SF-1'), lang)],
  ['a visit moved to another child', async (lang) => {
    const s = await withChild('SF-1');
    await s.save('child-registration', REG('SF-2'));
    const saved = await s.save('follow-up-visit', visit({ code: 'SF-1', sex: 'f', age: 9, date: '2026-03-02', stillWorking: true }));
    return s.call({ op: 'update-entry', lang, entryId: saved.entryId, answers: visit({ code: 'SF-2', sex: 'f', age: 9, date: '2026-03-02', stillWorking: true }) });
  }],
];

/** CSV files a person may pick, and the import's list of problems. */
const HEADER = 'reg_date,registrar_code,community,identified_by,where_found,parent_consent,child_assent,sex,age,status,work_types,child_code,school_status,referral_needed,days_per_week,hours_per_day,work_period';
const ROW = (code: string) => `2026-03-01,M-01,Chima,monitor,waste_heap,yes,yes,f,9,working,ore_picking,${code},attending,no,3,4,holidays`;
const CSV: Array<[string, string, Uint8Array | string]> = [
  ['a quoted cell never closed', 'registration', `${HEADER}\r\n"unclosed,1\r\n`],
  ['text after a closing quote', 'registration', `${HEADER}\r\n"a"b,1\r\n`],
  ['a quote in the middle of a cell', 'registration', `${HEADER}\r\na"b,1\r\n`],
  ['an empty file', 'registration', '\r\n\r\n'],
  ['an unknown column', 'registration', 'nombre,edad\r\nAna,9\r\n'],
  ['a column twice', 'registration', `${HEADER},age\r\n${ROW('A-1')},9\r\n`],
  ['a row with too few cells', 'registration', `${HEADER}\r\n2026-03-01,M-01\r\n`],
  ['a code twice in the file', 'registration', `${HEADER}\r\n${ROW('A-1')}\r\n${ROW('A-1')}\r\n`],
  ['a visit for a child not on the register', 'visit', `visit_date,visitor_code,child_code,sex,age,visit_type,child_found,family_agrees,still_working,info_from,school_attendance,services,safety_concern,next_action\r\n2026-03-01,M-01,NOPE,f,9,routine,with_child,yes,no,family,regular,school_support,no,next_visit\r\n`],
  ['more than 500 problems', 'registration', `${HEADER}\r\n${Array.from({ length: 502 }, () => '2026-03-01').join('\r\n')}\r\n`],
];

function expectSpanish(shown: string, what: string) {
  expect(shown, what).toMatch(SPANISH);
  expect(shown.match(ENGLISH)?.[0], `${what}: «${shown}»`).toBeUndefined();
  expect(shown, what).not.toMatch(/undefined|NaN|\[object|^\[|\(\s*\)/);
}

function expectEnglish(shown: string, what: string) {
  expect(shown, what).toMatch(ENGLISH);
  expect(shown.match(/[ñáéíóú¿«»]|\b(está|archivo|fila|copia|frase|niño|nada|del)\b/i)?.[0], `${what}: “${shown}”`).toBeUndefined();
  expect(shown, what).not.toMatch(/undefined|NaN|\[object|^\[|\(\s*\)/);
}

describe('every refusal of the field records, in the reader’s language', () => {
  it('loads sql.js and the forms', async () => {
    deps = await recordsDeps();
  });

  for (const [what, code, trigger] of THROWN) {
    it(`${what}: worded in Spanish, and in English`, async () => {
      const error = await trigger('es');
      expect(codeOf(error), what).toBe(code);
      const crossed = new Error(`records:call: ${(error as Error).message}`);
      expectSpanish(messageOf(crossed, 'es'), what);
      expectEnglish(messageOf(crossed, 'en'), what);
    });
  }

  for (const [what, trigger] of FIELD) {
    it(`${what}: the form's field message is in the language of the request`, async () => {
      for (const lang of ['es', 'en'] as const) {
        const r = (await trigger(lang)) as { ok: boolean; errors: Array<{ message: string }> };
        expect(r.ok, what).toBe(false);
        for (const e of r.errors) (lang === 'es' ? expectSpanish : expectEnglish)(e.message, `${what} (${lang})`);
      }
    });
  }

  for (const [what, form, content] of CSV) {
    it(`a CSV import with ${what}: every problem listed in the language of the request`, async () => {
      for (const lang of ['es', 'en'] as const) {
        const s = await recordsService();
        const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
        const r = await s.call({ op: 'import-csv', lang, instrumentId: form === 'visit' ? 'follow-up-visit' : 'child-registration', bytes });
        expect(r.ok, what).toBe(false);
        const messages = (r.problems as Array<{ message: string }>).map((p) => p.message);
        // Each distinct sentence once: 500 rows of the same problem say the same thing.
        for (const m of new Set(messages.map((x) => x.replace(/\d[\d.,\s]*/g, '#')))) (lang === 'es' ? expectSpanish : expectEnglish)(m, `${what} (${lang})`);
      }
    });
  }

  it('a damaged stored file, and one that cannot be read: the status warning is worded in each language', async () => {
    const good = (await (async () => { const s = await withChild(); await s.svc.flush(); return s.disk.current!; })());
    const previous = await (await recordsService({ current: good.slice(0, 700), previous: good })).call({ op: 'status' });
    const damaged = await (await recordsService({ current: new Uint8Array([1, 2, 3]) })).call({ op: 'status' });
    const unreadable = await unreadableService().handle({ op: 'status' }) as { warning: string };
    for (const [what, warning] of [['previous copy', previous.warning], ['damaged', damaged.warning], ['unreadable', unreadable.warning]] as const) {
      expect(warning, what).toBeTruthy();
      expectSpanish(messageOf(warning, 'es'), what);
      expectEnglish(messageOf(warning, 'en'), what);
    }
  });

  it('a problem it does not know (a real crash) is an unexpected problem in the reader’s language, its detail marked as technical', () => {
    const crash = new Error('records:call: TypeError: Cannot read properties of undefined (reading \'x\')');
    const es = messageOf(crash, 'es');
    expect(es).toMatch(/^Ocurrió un problema inesperado/);
    expect(es).toContain('Detalle técnico: TypeError: Cannot read properties of undefined');
    expect(messageOf(crash, 'en')).toMatch(/^An unexpected problem occurred.*Technical detail: TypeError/);
  });
});
