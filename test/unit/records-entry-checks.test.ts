import { describe, expect, it } from 'vitest';
import { registration, verification, visit } from '../../scripts/bench/monitoring-answers.ts';
import { answersFromRegister } from '../../common/records/entry-checks.ts';
import { answersCsv, recordsDeps, recordsService } from '../fixtures/records-service.ts';

type Problem = { row: number; field?: string; message: string };

async function registered() {
  const s = await recordsService();
  // A 15-year-old boy registered as working on 2026-10-15 (the case, seven weeks before "today", 2026-12-06).
  expect(await s.save('child-registration', registration({ code: 'CH-015', sex: 'm', age: 15, status: 'working', date: '2026-10-15' }))).toMatchObject({ ok: true });
  return s;
}

describe('form dates: from 1990 to today, and never before the child’s registration', () => {
  it('refuses a registration dated in the future, in the reader’s language, and saves nothing', async () => {
    const { save, call } = await recordsService();
    const future = registration({ code: 'CH-2027', sex: 'f', age: 9, status: 'working', date: '2027-03-15' });
    expect(await save('child-registration', future, 'es')).toEqual({ ok: false, errors: [{ question: 'reg_date', message: expect.stringContaining('2027-03-15 es posterior a hoy (2026-12-06)') }] });
    const old = registration({ code: 'CH-1900', sex: 'f', age: 9, status: 'working', date: '1900-01-01' });
    expect(await save('child-registration', old)).toEqual({ ok: false, errors: [{ question: 'reg_date', message: expect.stringContaining('1900-01-01 is before 1990-01-01') }] });
    expect((await call({ op: 'status' })).entries).toBe(0);
    expect((await call({ op: 'dashboard' })).quarters).toEqual([]);
  });

  it('takes today from the host’s clock', async () => {
    const { save } = await recordsService({}, { today: '2026-06-30' });
    const r = await save('child-registration', registration({ code: 'CH-1', sex: 'f', age: 9, status: 'working', date: '2026-08-01' }));
    expect(r).toEqual({ ok: false, errors: [{ question: 'reg_date', message: expect.stringContaining('after today (2026-06-30)') }] });
  });

  it('refuses the same dates in a CSV import, naming the row and the field, and writes nothing', async () => {
    const { importCsv, call } = await recordsService();
    const rows = [['2026-03-01', 'A-1'], ['1900-01-01', 'A-2'], ['2206-07-01', 'A-3']].map(([date, code]) => registration({ code, sex: 'f', age: 9, status: 'at_risk', date }));
    const r = await importCsv('child-registration', answersCsv(rows), 'es');
    expect(r.ok).toBe(false);
    expect(r.problems.map((p: Problem) => [p.row, p.field])).toEqual([[3, 'reg_date'], [4, 'reg_date']]);
    expect(r.problems[0].message).toContain('1900-01-01 es anterior al 1990-01-01');
    expect(r.problems[1].message).toContain('2206-07-01 es posterior a hoy');
    expect((await call({ op: 'status' })).entries).toBe(0);
  });

  it('refuses a visit or a verification dated before the child’s registration, at entry and at import', async () => {
    const { save, importCsv, call } = await registered();
    const early = await save('follow-up-visit', visit({ code: 'CH-015', sex: 'm', age: 15, date: '2026-10-14', stillWorking: true }));
    expect(early).toEqual({ ok: false, errors: [{ question: 'visit_date', message: expect.stringContaining('2026-10-15') }] });
    const verif = await save('verification', verification({ code: 'CH-015', sex: 'm', age: 15, date: '2026-09-01', registered: 'working', result: 'still_working' }), 'es');
    expect(verif).toEqual({ ok: false, errors: [{ question: 'verif_date', message: expect.stringContaining('antes de su registro (2026-10-15)') }] });
    const a = visit({ code: 'CH-015', sex: 'm', age: 15, date: '2026-11-01', stillWorking: false });
    const r = await importCsv('follow-up-visit', answersCsv([a, { ...a, visit_date: '2026-01-01' }]));
    expect(r).toMatchObject({ ok: false, problems: [{ row: 3, field: 'visit_date' }] });
    expect((await call({ op: 'status' })).entries).toBe(1);
  });

  it('refuses to move a registration after the forms about the child', async () => {
    const { save, call } = await registered();
    expect(await save('follow-up-visit', visit({ code: 'CH-015', sex: 'm', age: 15, date: '2026-11-01', stillWorking: true }))).toMatchObject({ ok: true });
    const child = (await call({ op: 'list-children' })).rows[0];
    const reg = (await call({ op: 'child-history', childId: child.id })).entries[0];
    const moved = await call({ op: 'update-entry', lang: 'en', entryId: reg.id, answers: { ...reg.answers, reg_date: '2026-11-20' } });
    expect(moved).toEqual({ ok: false, errors: [{ question: 'reg_date', message: expect.stringContaining('2026-11-01') }] });
    expect((await call({ op: 'child-history', childId: child.id })).child.registeredOn).toBe('2026-10-15');
  });
});

describe('a form about a registered child cannot contradict the register', () => {
  it('refuses the issue’s verification: age 9, “at risk at registration”, “prevented” for a 15-year-old boy registered as working', async () => {
    const { save, call } = await registered();
    const wrong = verification({ code: 'CH-015', sex: 'm', age: 9, date: '2026-12-03', registered: 'at_risk', result: 'prevented' });
    const r = await save('verification', wrong);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e: { question: string }) => e.question)).toEqual(['age', 'registered_status', 'verified_status']);
    expect(r.errors[0].message).toContain('the child is 15 or 16 on 2026-12-03');
    expect(r.errors[1].message).toContain('“Working in mining”');
    expect((await call({ op: 'list-children' })).rows[0].currentStatus).toBe('working');
  });

  it('refuses a sex the register does not hold, in the reader’s language', async () => {
    const { save } = await registered();
    const r = await save('follow-up-visit', visit({ code: 'CH-015', sex: 'f', age: 15, date: '2026-11-01', stillWorking: true }), 'es');
    expect(r).toEqual({ ok: false, errors: [{ question: 'sex', message: expect.stringContaining('el registro tiene «Niño»') }] });
  });

  it('accepts either age a birthday allows, a year or more after the registration', async () => {
    const { save } = await recordsService();
    expect(await save('child-registration', registration({ code: 'Y-1', sex: 'f', age: 9, status: 'working', date: '2025-03-10' }))).toMatchObject({ ok: true });
    const at = (age: number) => save('follow-up-visit', visit({ code: 'Y-1', sex: 'f', age, date: '2026-06-01', stillWorking: true }));
    expect(await at(10)).toMatchObject({ ok: true });
    expect(await at(11)).toMatchObject({ ok: true });
    expect(await at(9)).toMatchObject({ ok: false, errors: [{ question: 'age' }] });
    expect(await at(12)).toMatchObject({ ok: false, errors: [{ question: 'age' }] });
  });

  it('refuses more months without work than whole months since the registration (“4” seven weeks after)', async () => {
    const { save } = await registered();
    const r = await save('verification', verification({ code: 'CH-015', sex: 'm', age: 15, date: '2026-12-03', registered: 'working', result: 'withdrawn' }));
    expect(r).toEqual({ ok: false, errors: [{ question: 'months_no_work', message: expect.stringContaining('at most 1') }] });
  });

  it('checks a corrected form and every CSV row the same way', async () => {
    const { save, call, importCsv } = await registered();
    expect(await save('follow-up-visit', visit({ code: 'CH-015', sex: 'm', age: 15, date: '2026-11-01', stillWorking: true }))).toMatchObject({ ok: true });
    const child = (await call({ op: 'list-children' })).rows[0];
    const entry = (await call({ op: 'child-history', childId: child.id })).entries[1];
    expect(await call({ op: 'update-entry', lang: 'en', entryId: entry.id, answers: { ...entry.answers, age: 12 } })).toMatchObject({ ok: false, errors: [{ question: 'age' }] });
    const rows = [visit({ code: 'CH-015', sex: 'm', age: 16, date: '2026-11-10', stillWorking: true }), visit({ code: 'CH-015', sex: 'f', age: 15, date: '2026-11-11', stillWorking: true })];
    const r = await importCsv('follow-up-visit', answersCsv(rows));
    expect(r).toMatchObject({ ok: false, problems: [{ row: 3, field: 'sex' }] });
    expect((await call({ op: 'status' })).entries).toBe(2);
  });

  it('fills a new form’s register facts from the register, and those answers pass the checks', async () => {
    const { save, call } = await registered();
    const { instruments } = await recordsDeps();
    const form = instruments.find((f) => f.id === 'verification')!;
    const child = (await call({ op: 'list-children' })).rows[0];
    const start = answersFromRegister(form, child, '2026-12-03');
    expect(start).toEqual({ fixed: { child_code: 'CH-015', sex: 'm', registered_status: 'working' }, initial: { age: 15 } });
    const visitForm = instruments.find((f) => f.id === 'follow-up-visit')!;
    expect(answersFromRegister(visitForm, child, '2026-12-03').fixed).toEqual({ child_code: 'CH-015', sex: 'm' });
    const answers = { ...verification({ code: 'X', sex: 'f', age: 3, date: '2026-12-03', registered: 'at_risk', result: 'still_working' }), ...start.initial, ...start.fixed };
    expect(await save('verification', answers)).toMatchObject({ ok: true });
  });
});
