/**
 * The team roll-up (issue 14): after the laptops are merged, the coordinator reads the dashboard
 * and the quarterly report for one community, one laptop or one technician; the counts-only export
 * carries the community (and no code, name or child row), so several NGOs' figures can be added up.
 */
import { describe, expect, it } from 'vitest';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';
import { questionsOf } from '../../common/forms/instrument-schema.ts';
import { TECHNICIAN_FIELDS } from '../../common/records/records-schema.ts';
import { registration, visit } from '../../scripts/bench/monitoring-answers.ts';
import { breakdownTotal } from '../../common/records/records-store.ts';
import { recordsService } from '../fixtures/records-service.ts';

type Service = Awaited<ReturnType<typeof recordsService>>;
const register = (s: Service, code: string, community: string, registrar: string, sex: 'f' | 'm' = 'f') =>
  s.save('child-registration', { ...registration({ code, sex, age: 10, status: 'working', date: '2026-03-02', community }), registrar_code: registrar });

/** Laptop B's records merged into laptop A's: A registered two children in Chima (technicians M-01, M-02), B one in Santa Filomena (M-07) and visited it. */
async function mergedTeam() {
  const a = await recordsService();
  await register(a, 'CH-1', 'Chima', 'M-01');
  await register(a, 'CH-2', 'Chima', 'M-02', 'm');
  const b = await recordsService();
  await register(b, 'SF-1', 'Santa Filomena', 'M-07');
  await b.save('follow-up-visit', { ...visit({ code: 'SF-1', sex: 'f', age: 10, date: '2026-03-20', stillWorking: true }), visitor_code: 'M-07' });
  await a.call({ op: 'commit-merge', lang: 'en', bytes: (await b.call({ op: 'export-database' })).bytes, decisions: { duplicates: [], conflicts: [] } });
  return { a, deviceA: (await a.call({ op: 'status' })).device.id as string, deviceB: (await b.call({ op: 'status' })).device.id as string };
}

const identified = (d: { quarters: Array<{ quarter: string; identifiedWorking: Parameters<typeof breakdownTotal>[0]; visits: number }> }) =>
  d.quarters.filter((q) => q.quarter === '2026-Q1').map((q) => [breakdownTotal(q.identifiedWorking), q.visits])[0];

describe('the team roll-up', () => {
  it('filters the dashboard by laptop and by technician, and lists both to choose from', async () => {
    const { a, deviceA, deviceB } = await mergedTeam();
    const all = await a.call({ op: 'dashboard' });
    expect(identified(all)).toEqual([3, 1]);
    expect(all.devices.map((d: { id: string }) => d.id)).toEqual([deviceA, deviceB]);
    expect(all.technicians).toEqual(['M-01', 'M-02', 'M-07']);
    expect(identified(await a.call({ op: 'dashboard', device: deviceB }))).toEqual([1, 1]);
    expect(identified(await a.call({ op: 'dashboard', device: deviceA }))).toEqual([2, 0]);
    expect(identified(await a.call({ op: 'dashboard', technician: 'M-02' }))).toEqual([1, 0]);
    expect(identified(await a.call({ op: 'dashboard', technician: 'M-07' }))).toEqual([1, 1]);
    expect(identified(await a.call({ op: 'dashboard', community: 'Chima', technician: 'M-07' }))).toBeUndefined();
  });

  it('exports counts only, with the community on each row and no code', async () => {
    const { a } = await mergedTeam();
    const text = new TextDecoder().decode((await a.call({ op: 'export-aggregate' })).bytes).replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toBe('quarter,community,indicator,sex,age_group,count');
    expect(lines).toContain('2026-Q1,Chima,identified_working,all,all,2');
    expect(lines).toContain('2026-Q1,Santa Filomena,identified_working,f,under14,1');
    expect(lines).toContain('2026-Q1,all,identified_working,all,all,3');
    expect(text).not.toMatch(/CH-1|SF-1|M-0/);
  });

  it('knows the technician’s field of every monitoring form about a child', () => {
    for (const form of loadInstruments().filter((f) => f.kind === 'monitoring' && questionsOf(f).some((q) => q.name === 'child_code'))) {
      expect(questionsOf(form).filter((q) => TECHNICIAN_FIELDS.includes(q.name)).map((q) => q.name), form.id).toHaveLength(1);
    }
  });
});
