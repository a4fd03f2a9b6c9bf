/**
 * Where each form came from, as the child's history names it: a child's history carries the
 * laptops its forms were entered on (this one, and those whose backups were merged here, by name).
 */
import { describe, expect, it } from 'vitest';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { recordsService } from '../fixtures/records-service.ts';

describe('the child’s history names the laptop each form was entered on', () => {
  it('knows this laptop and a merged laptop by the names they were given', async () => {
    const a = await recordsService();
    await a.call({ op: 'set-device-name', name: 'Portátil de Ana' });
    expect(await a.save('child-registration', registration({ code: 'OR-1', sex: 'f', age: 10, status: 'working', date: '2026-03-01' }))).toMatchObject({ ok: true });
    const b = await recordsService();
    await b.call({ op: 'set-device-name', name: 'Oficina Chima' });
    const backup = (await a.call({ op: 'export-database' })).bytes;
    await b.call({ op: 'commit-merge', lang: 'es', bytes: backup, decisions: { duplicates: [], conflicts: [] } });

    const [deviceA, deviceB] = [(await a.call({ op: 'status' })).device, (await b.call({ op: 'status' })).device];
    const child = (await b.call({ op: 'list-children', query: 'OR-1' })).rows[0];
    const history = await b.call({ op: 'child-history', childId: child.id });
    expect(history.entries[0].provenance).toMatchObject({ origin: 'device', deviceId: deviceA.id });
    expect(history.devices).toEqual([
      { id: deviceB.id, name: 'Oficina Chima', here: true },
      { id: deviceA.id, name: 'Portátil de Ana', here: false },
    ]);
  });
});
