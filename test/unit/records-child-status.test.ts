import { describe, expect, it } from 'vitest';
import { childStatus } from '../../common/records/child-status.ts';
import { breakdownTotal } from '../../common/records/records-store.ts';
import { registration, verification } from '../../scripts/bench/monitoring-answers.ts';
import { recordsService } from '../fixtures/records-service.ts';

/** Status at registration, latest verification result → what the register, the history and the dashboard must all say. */
const CASES = [
  ['working', null, 'working'],
  ['at_risk', null, 'at_risk'],
  ['working', 'withdrawn', 'withdrawn'],
  ['at_risk', 'prevented', 'prevented'],
  ['working', 'still_working', 'working'],
  ['at_risk', 'still_working', 'working'],
  ['working', 'moved_away', 'moved_away'],
  ['working', 'not_yet', 'working'],
  // A result that does not fit the registration (the registration was corrected afterwards) does not count.
  ['working', 'prevented', 'working'],
  ['at_risk', 'withdrawn', 'at_risk'],
] as const;

describe('one definition of withdrawn and prevented', () => {
  it.each(CASES)('registered %s, verified %s → %s', (registered, result, expected) => {
    expect(childStatus(registered, result)).toBe(expected);
  });

  it('the register badge, the child’s history and the dashboard agree on every case, including a registration corrected after its verification', async () => {
    const { call, save } = await recordsService();
    const codes: string[] = [];
    for (const [i, [registered, result]] of CASES.entries()) {
      const code = `ST-${i}`;
      codes.push(code);
      // Registered with the status the verification fits; corrected to the case's status afterwards.
      const verifiedAs = result === 'withdrawn' ? 'working' : result === 'prevented' ? 'at_risk' : registered;
      expect(await save('child-registration', registration({ code, sex: 'f', age: 10, status: verifiedAs, date: '2026-01-10' }))).toMatchObject({ ok: true });
      if (result) {
        const answers = verification({ code, sex: 'f', age: 10, date: '2026-05-10', registered: verifiedAs, result: result === 'moved_away' ? 'not_yet' : result });
        if (result === 'moved_away') Object.assign(answers, { located: 'moved_away', verified_status: 'moved_away' });
        expect(await save('verification', answers)).toMatchObject({ ok: true });
      }
      if (verifiedAs !== registered) {
        const child = (await call({ op: 'list-children', query: code })).rows[0];
        const reg = (await call({ op: 'child-history', childId: child.id })).entries[0];
        const corrected = registration({ code, sex: 'f', age: 10, status: registered, date: '2026-01-10' });
        expect(await call({ op: 'update-entry', lang: 'en', entryId: reg.id, answers: corrected })).toMatchObject({ ok: true });
      }
    }
    const rows = (await call({ op: 'list-children', sort: 'code', limit: 100 })).rows as Array<{ id: number; childCode: string; currentStatus: string }>;
    const badge = new Map(rows.map((r) => [r.childCode, r.currentStatus]));
    for (const [i, [, , expected]] of CASES.entries()) expect([codes[i], badge.get(codes[i])]).toEqual([codes[i], expected]);
    for (const r of rows) expect((await call({ op: 'child-history', childId: r.id })).child.currentStatus).toBe(r.currentStatus);
    const last = (await call({ op: 'dashboard' })).quarters.at(-1);
    expect(breakdownTotal(last.withdrawn)).toBe(rows.filter((r) => r.currentStatus === 'withdrawn').length);
    expect(breakdownTotal(last.prevented)).toBe(rows.filter((r) => r.currentStatus === 'prevented').length);
  });
});
