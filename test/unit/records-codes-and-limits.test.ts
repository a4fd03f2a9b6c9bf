import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../common/forms/answers.ts';
import { codeKey } from '../../common/records/records-store.ts';
import { MIGRATIONS } from '../../common/records/records-schema.ts';
import { registration, visit } from '../../scripts/bench/monitoring-answers.ts';
import { answersCsv, recordsDeps, recordsService } from '../fixtures/records-service.ts';

type Problem = { row: number; field?: string; message: string };

const NFC = 'NI\u00d1O-1';
const NFD = 'NIN\u0303O-1';

describe('child codes that differ only in case or Unicode form are the same child', () => {
  it('compares codes case-folded and NFC-normalised', () => {
    expect(NFC).not.toBe(NFD);
    expect(codeKey(NFD)).toBe(codeKey(NFC));
    expect(codeKey('ch-001')).toBe(codeKey('CH-001'));
    expect(codeKey('niño-1')).toBe(codeKey(NFD));
    expect(codeKey('CH-001')).not.toBe(codeKey('CH-0011'));
  });

  it('refuses a second registration, joins visits to the child, and finds the child by search', async () => {
    const { save, call } = await recordsService();
    expect(await save('child-registration', registration({ code: 'ch-001', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }))).toMatchObject({ ok: true });
    expect(await save('child-registration', registration({ code: 'CH-001', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }))).toMatchObject({ ok: false, errors: [{ question: 'child_code' }] });
    expect(await save('child-registration', registration({ code: NFD, sex: 'm', age: 10, status: 'working', date: '2026-02-10' }))).toMatchObject({ ok: true });
    expect(await save('child-registration', registration({ code: NFC, sex: 'm', age: 10, status: 'working', date: '2026-02-10' }))).toMatchObject({ ok: false, errors: [{ question: 'child_code' }] });
    expect(await save('follow-up-visit', visit({ code: 'CH-001', sex: 'f', age: 9, date: '2026-03-01', stillWorking: true }))).toMatchObject({ ok: true });
    expect(await save('follow-up-visit', visit({ code: 'niño-1', sex: 'm', age: 10, date: '2026-03-01', stillWorking: true }))).toMatchObject({ ok: true });
    const list = (await call({ op: 'list-children', sort: 'code' })).rows as Array<{ childCode: string; visits: number }>;
    expect(list.map((r) => [r.childCode, r.visits])).toEqual([['ch-001', 1], [NFC, 1]]);
    expect((await call({ op: 'list-children', query: 'niño' })).total).toBe(1);
  });

  it('refuses the same child twice in one CSV file', async () => {
    const { importCsv } = await recordsService();
    const r = await importCsv('child-registration', answersCsv([
      registration({ code: 'AB-1', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }),
      registration({ code: 'ab-1', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }),
    ]));
    expect(r).toMatchObject({ ok: false, problems: [{ row: 3, field: 'child_code' }] });
  });

  it('keys the children of a file from before the key existed, and never trusts a key stored in a file', async () => {
    const { SQL } = await recordsDeps();
    const v1 = new SQL.Database();
    v1.exec(MIGRATIONS[0]);
    v1.run("INSERT INTO meta (key, value) VALUES ('schema_version', '1')");
    const t = '2026-02-10T00:00:00Z';
    v1.run(`INSERT INTO children (child_code, sex, age, age_group, community, initial_status, current_status, registered_on, created_at, updated_at)
      VALUES (?, 'm', 10, 'under14', 'Chima', 'working', 'prevented', '2026-02-10', ?, ?)`, [NFD, t, t]);
    const { save, call } = await recordsService({ current: v1.export() });
    // The old rule let a "prevented" result stand for a child registered as working; the one definition says working.
    expect((await call({ op: 'list-children' })).rows[0].currentStatus).toBe('working');
    expect(await save('follow-up-visit', visit({ code: 'niño-1', sex: 'm', age: 10, date: '2026-03-01', stillWorking: true }))).toMatchObject({ ok: true });
    expect(await save('child-registration', registration({ code: NFC, sex: 'm', age: 10, status: 'working', date: '2026-02-10' }))).toMatchObject({ ok: false, errors: [{ question: 'child_code' }] });
  });
});

describe('CSV headers', () => {
  it('refuses a column named twice, saying which, and writes nothing', async () => {
    const { importCsv, call } = await recordsService();
    const r = await importCsv('child-registration', 'reg_date,age,community,age\r\n2026-02-10,9,Chima,10\r\n', 'es');
    expect(r).toEqual({ ok: false, total: 1, problems: [{ row: 1, field: 'age', message: expect.stringContaining('«age»') }] });
    expect((await call({ op: 'status' })).entries).toBe(0);
  });
});

describe('one length limit for text, on every path', () => {
  const long = (n: number) => 'x'.repeat(n);

  it('is exported from the forms model and applied by the form, the CSV import and the host', async () => {
    expect(MAX_TEXT_LENGTH).toBe(10_000);
    const { importCsv, save, call } = await recordsService();
    const atLimit = registration({ code: 'L-1', sex: 'f', age: 9, status: 'working', date: '2026-02-10', community: `C${long(MAX_TEXT_LENGTH - 1)}` });
    const over = registration({ code: 'L-2', sex: 'f', age: 9, status: 'working', date: '2026-02-10', community: `C${long(MAX_TEXT_LENGTH)}` });
    expect(await importCsv('child-registration', answersCsv([over]))).toMatchObject({ ok: false, problems: [{ row: 2, field: 'community', message: expect.stringContaining(`at most ${MAX_TEXT_LENGTH} characters`) }] });
    expect(await save('child-registration', over)).toMatchObject({ ok: false, errors: [{ question: 'community' }] });
    expect(await importCsv('child-registration', answersCsv([atLimit]))).toMatchObject({ ok: true, written: 1 });
    // What the import accepted, the form can save again, and the register can be filtered by.
    const child = (await call({ op: 'list-children' })).rows[0];
    const entry = (await call({ op: 'child-history', childId: child.id })).entries[0];
    expect(await call({ op: 'update-entry', lang: 'en', entryId: entry.id, answers: entry.answers })).toMatchObject({ ok: true });
    expect((await call({ op: 'list-children', community: atLimit.community })).total).toBe(1);
    expect((await call({ op: 'dashboard', community: atLimit.community })).quarters.length).toBeGreaterThan(0);
  });
});

describe('a long list of import problems', () => {
  it('is cut at 500 and says how many more there are, in the reader’s language', async () => {
    const { importCsv } = await recordsService();
    const header = 'reg_date,age';
    const rows = Array.from({ length: 620 }, () => '2026-02-10,99').join('\r\n');
    for (const lang of ['en', 'es'] as const) {
      const r = await importCsv('child-registration', `${header}\r\n${rows}\r\n`, lang);
      expect(r.ok).toBe(false);
      expect(r.total).toBeGreaterThan(620);
      expect(r.problems).toHaveLength(501);
      const more = (r.total - 500).toLocaleString(lang);
      const last = r.problems.at(-1) as Problem;
      expect(last.message).toContain(lang === 'en' ? `and ${more} more problems` : `y ${more} problemas más`);
      expect(last.row).toBeGreaterThanOrEqual((r.problems[499] as Problem).row);
    }
  });
});
