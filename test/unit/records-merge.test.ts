/**
 * Merging the team's laptops: another laptop's backup joins the records here; the same child on
 * both is shown as a possible duplicate, different answers to the same form side by side; nothing
 * is overwritten silently; merging twice changes nothing; A into B and B into A give the same register.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../common/forms/answers.ts';
import { registration, visit } from '../../scripts/bench/monitoring-answers.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';
import { centralZip, type FixtureSubmission } from '../../scripts/bench/server-exports.ts';

type Service = Awaited<ReturnType<typeof recordsService>>;
type Decisions = { duplicates: Array<{ id: string; choice: 'join' | 'apart'; newCode?: string }>; conflicts: Array<{ id: string; keep: 'here' | 'backup' }> };
const none: Decisions = { duplicates: [], conflicts: [] };

const register = (s: Service, code: string, o: { sex?: 'f' | 'm'; age?: number; date?: string; community?: string } = {}) =>
  s.save('child-registration', registration({ code, sex: o.sex ?? 'f', age: o.age ?? 10, status: 'working', date: o.date ?? '2026-03-01', community: o.community ?? 'Chima' }));
const visitOf = (s: Service, code: string, date: string, o: { sex?: 'f' | 'm'; age?: number } = {}) =>
  s.save('follow-up-visit', visit({ code, sex: o.sex ?? 'f', age: o.age ?? 10, date, stillWorking: false }));
const backupOf = async (s: Service): Promise<Uint8Array> => (await s.call({ op: 'export-database' })).bytes;
const previewMerge = (s: Service, bytes: Uint8Array) => s.call({ op: 'preview-merge', lang: 'en', bytes });
const commitMerge = (s: Service, bytes: Uint8Array, decisions: Decisions = none) => s.call({ op: 'commit-merge', lang: 'en', bytes, decisions });

/** The register as a person sees it, children and forms by their codes and contents (not by the row ids of one file). */
async function registerOf(s: Service) {
  const { rows } = await s.call({ op: 'list-children', sort: 'code', limit: 500 });
  const out: Array<{ code: string; sex: string; age: number; community: string; status: string; forms: Array<{ uid: string; form: string; date: string; answers: Answers }> }> = [];
  for (const r of rows) {
    const h = await s.call({ op: 'child-history', childId: r.id });
    out.push({
      code: r.childCode, sex: r.sex, age: r.age, community: r.community, status: r.currentStatus,
      forms: h.entries.map((e: { uid: string; instrumentId: string; entryDate: string; answers: Answers }) => ({ uid: e.uid, form: e.instrumentId, date: e.entryDate, answers: e.answers })),
    });
  }
  return { children: out, entries: (await s.call({ op: 'status' })).entries };
}

/** Two laptops that started from the same backup (three children and a visit), then went on separately. */
async function twoLaptops() {
  const a = await recordsService();
  for (const code of ['C-1', 'C-2', 'C-3']) expect(await register(a, code)).toMatchObject({ ok: true });
  const shared = await visitOf(a, 'C-1', '2026-04-01');
  const b = await recordsService();
  await b.call({ op: 'restore-database', bytes: await backupOf(a), acceptLoss: true });
  expect(await register(a, 'C-4', { date: '2026-05-02', community: 'Santa Filomena' })).toMatchObject({ ok: true });
  await visitOf(a, 'C-2', '2026-05-10');
  expect(await register(b, 'C-5', { sex: 'm', age: 14, date: '2026-05-03', community: 'La Rinconada' })).toMatchObject({ ok: true });
  await visitOf(b, 'C-3', '2026-05-11');
  // One form answered differently on the two laptops.
  const corrected = (attendance: string) => ({ ...visit({ code: 'C-1', sex: 'f', age: 10, date: '2026-04-01', stillWorking: false }), school_attendance: attendance });
  expect(await a.call({ op: 'update-entry', lang: 'en', entryId: shared.entryId, answers: corrected('some_absences') })).toMatchObject({ ok: true });
  expect(await b.call({ op: 'update-entry', lang: 'en', entryId: shared.entryId, answers: corrected('stopped') })).toMatchObject({ ok: true });
  return { a, b };
}

describe('merging another laptop’s backup', () => {
  it('gives the same register merged either way (three shared children, one conflicting answer), and merging twice changes nothing', async () => {
    const { a, b } = await twoLaptops();
    const [fromA, fromB] = [await backupOf(a), await backupOf(b)];
    const [deviceA, deviceB] = [(await a.call({ op: 'status' })).device, (await b.call({ op: 'status' })).device];
    expect(deviceA.id).not.toBe(deviceB.id);

    const preview = await previewMerge(a, fromB);
    expect(preview).toMatchObject({ device: deviceB, sameDevice: false, newChildren: 1, newForms: 2, updates: 0, unchanged: 3, duplicates: [] });
    expect(preview.conflicts).toEqual([expect.objectContaining({
      instrumentId: 'follow-up-visit', childCode: 'C-1', fields: ['school_attendance'],
      here: expect.objectContaining({ answers: expect.objectContaining({ school_attendance: 'some_absences' }), deviceId: deviceA.id }),
      // Entered on A, corrected on B: each side says the laptop of its latest version (the correction's); the preview's device says whose backup it is.
      backup: expect.objectContaining({ answers: expect.objectContaining({ school_attendance: 'stopped' }), deviceId: deviceB.id }),
    })]);
    // Nothing is written until every conflict has an answer.
    await expect(commitMerge(a, fromB)).rejects.toThrow(/^\[needs-decision\|.*1 possible duplicates or conflicts have no decision yet.*Nothing was changed/);
    expect((await a.call({ op: 'status' })).entries).toBe(6);

    const id = preview.conflicts[0].id;
    expect((await commitMerge(a, fromB, { duplicates: [], conflicts: [{ id, keep: 'backup' }] })).written).toEqual({ added: 2, updated: 1, joined: 0 });
    expect((await previewMerge(b, fromA)).conflicts.map((c: { id: string }) => c.id)).toEqual([id]);
    await commitMerge(b, fromA, { duplicates: [], conflicts: [{ id, keep: 'here' }] });

    const merged = await registerOf(a);
    expect(merged.children.map((c) => c.code)).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
    expect(merged.entries).toBe(8);
    expect(await registerOf(b)).toEqual(merged);

    // Nothing was overwritten silently: the answer before the corrections and the answer not kept are in the form's history on both laptops.
    const visitHere = merged.children[0].forms[1];
    expect(visitHere.answers.school_attendance).toBe('stopped');
    for (const s of [a, b]) {
      const child = (await s.call({ op: 'list-children', query: 'C-1' })).rows[0];
      const entry = (await s.call({ op: 'child-history', childId: child.id })).entries.find((e: { uid: string }) => e.uid === visitHere.uid);
      expect((await s.call({ op: 'entry-history', entryId: entry.id })).map((v: { answers: Answers }) => v.answers.school_attendance)).toEqual(['regular', 'some_absences']);
    }

    // Merging the same backup again, or the other laptop's merged records, changes nothing.
    for (const [s, bytes] of [[a, fromB], [b, fromA], [a, await backupOf(b)]] as const) {
      expect(await previewMerge(s, bytes)).toMatchObject({ newChildren: 0, newForms: 0, updates: 0, duplicates: [], conflicts: [] });
      expect((await commitMerge(s, bytes)).written).toEqual({ added: 0, updated: 0, joined: 0 });
    }
    expect(await registerOf(a)).toEqual(merged);
    expect(await registerOf(b)).toEqual(merged);
  });

  it('takes the later version of a form both laptops imported from the server, without asking, and keeps one uid for it', async () => {
    const reg = (await recordsDeps()).instruments.find((f) => f.id === 'child-registration')!;
    const subs: FixtureSubmission[] = ['S-1', 'S-2', 'S-3'].map((code, i) => ({
      id: `0d5e6f70-000${i}-4c1e-9d6e-3b1f6f0a000${i}`, submittedAt: '2026-03-05T09:00:00.000Z',
      answers: registration({ code, sex: 'f', age: 9, status: 'working', date: '2026-03-05' }),
    }));
    const importOn = (s: Service, list: FixtureSubmission[]) => s.call({ op: 'commit-import', lang: 'en', fileName: 'puente_child_registration.csv.zip', bytes: centralZip(reg, list) });
    const a = await recordsService();
    const b = await recordsService();
    await importOn(a, subs);
    await importOn(b, subs);
    // Later, B imports the server's edit of the first registration; A has not.
    await importOn(b, [{ ...subs[0], version: '0d5e6f70-0000-4c1e-9d6e-3b1f6f0affff', edits: 1, answers: { ...subs[0].answers, school_status: 'irregular' } }, ...subs.slice(1)]);
    const preview = await previewMerge(a, await backupOf(b));
    expect(preview).toMatchObject({ newChildren: 0, newForms: 0, updates: 1, unchanged: 2, duplicates: [], conflicts: [] });
    await commitMerge(a, await backupOf(b));
    await commitMerge(b, await backupOf(a));
    const merged = await registerOf(a);
    expect(merged.children[0].forms[0].answers.school_status).toBe('irregular');
    expect(await registerOf(b)).toEqual(merged);
    const child = (await a.call({ op: 'list-children', query: 'S-1' })).rows[0];
    const entry = (await a.call({ op: 'child-history', childId: child.id })).entries[0];
    expect((await a.call({ op: 'entry-history', entryId: entry.id })).map((v: { reason: string; answers: Answers }) => [v.reason, v.answers.school_status])).toContainEqual(['merge-replaced', 'attending']);
    expect(await previewMerge(a, await backupOf(b))).toMatchObject({ newForms: 0, updates: 0, conflicts: [], duplicates: [] });
  });

  it('shows the same child registered on two laptops as a possible duplicate, to join or keep apart; joined, the child keeps the registration entered first', async () => {
    const a = await recordsService();
    expect(await register(a, 'D-9', { date: '2026-05-01' })).toMatchObject({ ok: true });
    const b = await recordsService();
    expect(await register(b, 'd-9', { date: '2026-05-02' })).toMatchObject({ ok: true });
    await visitOf(b, 'd-9', '2026-06-01');
    const [fromA, fromB] = [await backupOf(a), await backupOf(b)];

    const preview = await previewMerge(a, fromB);
    expect(preview.duplicates).toEqual([expect.objectContaining({ reason: 'same-code', backup: expect.objectContaining({ code: 'd-9', forms: 2 }), here: expect.objectContaining({ code: 'D-9', forms: 1 }) })]);
    const id = preview.duplicates[0].id;
    await expect(commitMerge(a, fromB)).rejects.toThrow(/\[needs-decision\|/);
    await expect(commitMerge(a, fromB, { duplicates: [{ id, choice: 'apart' }], conflicts: [] })).rejects.toThrow(/\[needs-decision\|.*give it a new code/);

    // Kept apart, the backup's child gets the new code, and so do its forms.
    const apart = await recordsService({ current: (await (async () => { await a.svc.flush(); return a.disk.current!; })()) });
    await commitMerge(apart, fromB, { duplicates: [{ id, choice: 'apart', newCode: 'D-9-B' }], conflicts: [] });
    const apartRegister = await registerOf(apart);
    expect(apartRegister.children.map((c) => [c.code, c.forms.length])).toEqual([['D-9', 1], ['D-9-B', 2]]);
    expect(apartRegister.children[1].forms[1].answers.child_code).toBe('D-9-B');
    expect((await previewMerge(apart, fromB)).duplicates).toEqual([]);

    // Joined on both laptops, both keep A's registration (entered first) and B's visit.
    await commitMerge(a, fromB, { duplicates: [{ id, choice: 'join' }], conflicts: [] });
    const idOnB = (await previewMerge(b, fromA)).duplicates[0].id;
    await commitMerge(b, fromA, { duplicates: [{ id: idOnB, choice: 'join' }], conflicts: [] });
    const joined = await registerOf(a);
    expect(joined.children.map((c) => [c.code, c.forms.map((f) => f.form)])).toEqual([['D-9', ['child-registration', 'follow-up-visit']]]);
    expect(joined.children[0].forms[1].answers.child_code).toBe('D-9');
    expect(await registerOf(b)).toEqual(joined);
    // The registration not kept is in the child's history, and the same backup again asks nothing.
    const child = (await a.call({ op: 'list-children' })).rows[0];
    const reg = (await a.call({ op: 'child-history', childId: child.id })).entries[0];
    expect(await a.call({ op: 'entry-history', entryId: reg.id })).toMatchObject([{ reason: 'merge-joined', answers: { child_code: 'd-9', reg_date: '2026-05-02' } }]);
    expect(await previewMerge(a, fromB)).toMatchObject({ duplicates: [], conflicts: [], newForms: 0 });
  });

  it('shows a child of the same sex, age and community registered within a month under another code as a possible duplicate', async () => {
    const a = await recordsService();
    await register(a, 'X-1', { sex: 'f', age: 10, date: '2026-05-01', community: 'Chima' });
    await register(a, 'X-2', { sex: 'm', age: 10, date: '2026-05-01', community: 'Chima' });
    const b = await recordsService();
    await register(b, 'Y-7', { sex: 'f', age: 10, date: '2026-05-20', community: 'chima ' });
    await register(b, 'Y-8', { sex: 'f', age: 10, date: '2026-08-20', community: 'Chima' });
    const preview = await previewMerge(a, await backupOf(b));
    expect(preview.duplicates).toEqual([expect.objectContaining({ reason: 'similar', backup: expect.objectContaining({ code: 'Y-7' }), here: expect.objectContaining({ code: 'X-1' }) })]);
    expect(preview).toMatchObject({ newChildren: 1 });
    await commitMerge(a, await backupOf(b), { duplicates: [{ id: preview.duplicates[0].id, choice: 'apart' }], conflicts: [] });
    expect((await registerOf(a)).children.map((c) => c.code)).toEqual(['X-1', 'X-2', 'Y-7', 'Y-8']);
    expect((await previewMerge(a, await backupOf(b))).duplicates).toEqual([]);
  });

  it('refuses a file that is not a Puente backup, and an encrypted backup without its passphrase, changing nothing', async () => {
    const a = await recordsService();
    await register(a, 'C-1');
    await expect(previewMerge(a, new TextEncoder().encode('child_code\nC-9\n'))).rejects.toThrow(/not a Puente records database/);
    const b = await recordsService();
    await register(b, 'C-2', { sex: 'm', community: 'Santa Filomena' });
    await b.call({ op: 'set-passphrase', passphrase: 'una frase larga' });
    const locked = await backupOf(b);
    await expect(previewMerge(a, locked)).rejects.toThrow(/\[wrong-passphrase\b/);
    expect(await a.call({ op: 'preview-merge', lang: 'en', bytes: locked, passphrase: 'una frase larga' })).toMatchObject({ newChildren: 1 });
    expect((await a.call({ op: 'status' })).children).toBe(1);
  });
});
