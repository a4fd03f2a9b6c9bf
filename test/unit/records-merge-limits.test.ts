/**
 * What merging the team's laptops must not get wrong (issue 14): a form or a child deleted on one
 * laptop does not come back from another laptop's older backup, and the deletion reaches the other
 * laptop, so A into B and B into A still give the same register; a registration joined from a backup
 * passes the same checks as one typed in; a correction records the laptop it was made on and keeps
 * the version it replaced.
 */
import { describe, expect, it } from 'vitest';
import { registration, visit } from '../../scripts/bench/monitoring-answers.ts';
import { recordsService } from '../fixtures/records-service.ts';

type Service = Awaited<ReturnType<typeof recordsService>>;
type Decisions = { duplicates: Array<{ id: string; choice: 'join' | 'apart'; newCode?: string }>; conflicts: Array<{ id: string; keep: 'here' | 'backup' }> };
const none: Decisions = { duplicates: [], conflicts: [] };

const register = (s: Service, code: string, date = '2026-03-01') => s.save('child-registration', registration({ code, sex: 'f', age: 10, status: 'working', date, community: 'Chima' }));
const visitOf = (s: Service, code: string, date: string) => s.save('follow-up-visit', visit({ code, sex: 'f', age: 10, date, stillWorking: false }));
const backupOf = async (s: Service): Promise<Uint8Array> => (await s.call({ op: 'export-database' })).bytes;
const previewMerge = (s: Service, bytes: Uint8Array) => s.call({ op: 'preview-merge', lang: 'en', bytes });
const commitMerge = (s: Service, bytes: Uint8Array, decisions: Decisions = none) => s.call({ op: 'commit-merge', lang: 'en', bytes, decisions });

/** Each child's code and its forms (by form and date), as the register shows them. */
async function registerOf(s: Service): Promise<Array<[string, string[]]>> {
  const { rows } = await s.call({ op: 'list-children', sort: 'code' });
  const out: Array<[string, string[]]> = [];
  for (const r of rows) out.push([r.childCode, (await s.call({ op: 'child-history', childId: r.id })).entries.map((e: { instrumentId: string; entryDate: string }) => `${e.instrumentId} ${e.entryDate}`)]);
  return out;
}

/** Laptop B starts from A's backup: two children, a visit to the first. */
async function sharedStart() {
  const a = await recordsService();
  await register(a, 'C-1');
  await register(a, 'C-2');
  const shared = await visitOf(a, 'C-1', '2026-04-01');
  const b = await recordsService();
  await b.call({ op: 'restore-database', bytes: await backupOf(a), acceptLoss: true });
  return { a, b, visitId: shared.entryId as number };
}

describe('a deletion on one laptop', () => {
  it('is not undone by merging another laptop’s older backup: the deleted visit and the deleted child stay deleted', async () => {
    const { a, b, visitId } = await sharedStart();
    await b.call({ op: 'delete-entry', entryId: visitId });
    const c2 = (await b.call({ op: 'list-children', query: 'C-2' })).rows[0];
    await b.call({ op: 'delete-child', childId: c2.id });
    const p = await previewMerge(b, await backupOf(a));
    expect(p).toMatchObject({ newChildren: 0, newForms: 0, deletedHere: 2 });
    await commitMerge(b, await backupOf(a));
    expect(await registerOf(b)).toEqual([['C-1', ['child-registration 2026-03-01']]]);
  });

  it('reaches the other laptop, so A into B and B into A give the same register', async () => {
    const { a, b, visitId } = await sharedStart();
    await b.call({ op: 'delete-entry', entryId: visitId });
    const c2 = (await b.call({ op: 'list-children', query: 'C-2' })).rows[0];
    await b.call({ op: 'delete-child', childId: c2.id });
    await visitOf(a, 'C-1', '2026-05-01');
    expect(await previewMerge(a, await backupOf(b))).toMatchObject({ deletedThere: 2 });
    await commitMerge(a, await backupOf(b));
    await commitMerge(b, await backupOf(a));
    expect(await registerOf(a)).toEqual([['C-1', ['child-registration 2026-03-01', 'follow-up-visit 2026-05-01']]]);
    expect(await registerOf(b)).toEqual(await registerOf(a));
    // Merging again changes nothing.
    expect(await previewMerge(a, await backupOf(b))).toMatchObject({ newForms: 0, deletedThere: 0 });
  });

  it('is forgotten by "delete all data": a backup merged afterwards brings everything', async () => {
    const { a, b, visitId } = await sharedStart();
    await b.call({ op: 'delete-entry', entryId: visitId });
    await b.call({ op: 'delete-all' });
    await commitMerge(b, await backupOf(a));
    expect(await registerOf(b)).toEqual(await registerOf(a));
  });
});

describe('a registration joined from another laptop', () => {
  it('is checked as one typed in: a registration dated after the child’s first visit here is refused, and nothing about the child changes', async () => {
    // B registered the child first (so a join would keep B's registration), but dated it after A's visit.
    const b = await recordsService();
    await register(b, 'J-1', '2026-04-20');
    const a = await recordsService();
    await register(a, 'J-1', '2026-03-01');
    await visitOf(a, 'J-1', '2026-04-01');
    const p = await previewMerge(a, await backupOf(b));
    const join = { duplicates: p.duplicates.map((d: { id: string }) => ({ id: d.id, choice: 'join' as const })), conflicts: [] };
    const merged = await commitMerge(a, await backupOf(b), join);
    expect(merged.problems).toEqual([expect.objectContaining({ table: 'entries', column: 'reg_date' })]);
    expect(merged.written).toMatchObject({ joined: 0 });
    expect(await registerOf(a)).toEqual([['J-1', ['child-registration 2026-03-01', 'follow-up-visit 2026-04-01']]]);
  });
});

describe('a correction', () => {
  it('records the laptop it was made on, and keeps the version it replaced with the laptop that entered it', async () => {
    const { a, b, visitId } = await sharedStart();
    await b.call({ op: 'set-device-name', name: 'Laptop B' });
    const deviceA = (await a.call({ op: 'status' })).device.id;
    const deviceB = (await b.call({ op: 'status' })).device.id;
    const before = (await b.call({ op: 'child-history', childId: (await b.call({ op: 'list-children', query: 'C-1' })).rows[0].id })).entries[1];
    expect(before.provenance.deviceId).toBe(deviceA);
    expect(await b.call({ op: 'update-entry', lang: 'en', entryId: visitId, answers: { ...before.answers, school_attendance: 'stopped' } })).toMatchObject({ ok: true });
    const after = (await b.call({ op: 'child-history', childId: (await b.call({ op: 'list-children', query: 'C-1' })).rows[0].id })).entries[1];
    expect(after.provenance.deviceId).toBe(deviceB);
    expect(await b.call({ op: 'entry-history', entryId: visitId })).toEqual([expect.objectContaining({ reason: 'corrected', deviceId: deviceA, answers: before.answers })]);
    // On the first laptop the merge takes the correction (its earlier version is the one there), with where it was made.
    expect(await previewMerge(a, await backupOf(b))).toMatchObject({ updates: 1, conflicts: [] });
    await commitMerge(a, await backupOf(b));
    const merged = (await a.call({ op: 'child-history', childId: (await a.call({ op: 'list-children', query: 'C-1' })).rows[0].id })).entries[1];
    expect(merged).toMatchObject({ answers: { school_attendance: 'stopped' }, provenance: { deviceId: deviceB } });
  });
});
