import { describe, expect, it } from 'vitest';
import { addRegistration, breakdownTotal, openDatabase } from '../../common/records/records-store.ts';
import { quartersToShow } from '../../common/records/records-schema.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';

/** A records file written before dates were checked, holding mistyped dates among real ones. */
async function fileWithDates(dates: string[]): Promise<Uint8Array> {
  const { SQL } = await recordsDeps();
  const db = openDatabase(SQL);
  dates.forEach((date, i) => {
    const facts = { childCode: `Q-${i}`, sex: 'f' as const, age: 10, community: 'Chima', status: 'working' as const, date };
    addRegistration(db, facts, registration({ code: facts.childCode, sex: 'f', age: 10, status: 'working', date }));
  });
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('which quarters the dashboard, the quarterly report and the counts-only CSV show', () => {
  it('a row dated 1900 or 2206 shows its own quarter, never hundreds of empty ones, and the real quarters and the current one stay', async () => {
    const { call } = await recordsService({ current: await fileWithDates(['1900-01-01', '2026-02-10', '2026-05-03', '2206-07-01']) });
    const quarters = (await call({ op: 'dashboard' })).quarters as Array<{ quarter: string; identifiedWorking: never }>;
    expect(quarters.map((q) => q.quarter)).toEqual(['1900-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2206-Q3']);
    expect(quarters.map((q) => breakdownTotal(q.identifiedWorking))).toEqual([1, 1, 1, 0, 0, 1]);
    const csv = new TextDecoder().decode((await call({ op: 'export-aggregate' })).bytes);
    expect(csv).toContain('1900-Q1,all,identified_working,all,all,1');
    expect(csv).toContain('2026-Q4,all,identified_working,all,all,0');
    expect(csv).toContain('2206-Q3,all,identified_working,all,all,1');
  });

  it('never drops the current quarter, even when nothing was entered in it', async () => {
    const { call } = await recordsService({ current: await fileWithDates(['2026-02-10']) }, { today: '2026-12-06' });
    expect((await call({ op: 'dashboard' })).quarters.map((q: { quarter: string }) => q.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('fills the quiet quarters between two that hold data when they are a year apart or less, and skips a longer gap', () => {
    expect(quartersToShow(['2025-Q3', '2026-Q2'], '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quartersToShow(['2019-Q1', '2026-Q2'], '2026-Q4')).toEqual(['2019-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(quartersToShow([], '2026-Q4')).toEqual([]);
  });
});
