import { describe, expect, it } from 'vitest';
import { computeAgenda, formatClock, formatDuration, insertItem, moveItem, newWorkshopId, overTarget, removeItem, savedWorkshopsSchema, type AgendaItem } from '../../common/workshops/agenda.ts';
import type { WorkshopModule } from '../../common/workshops/module-schema.ts';
import { slideKeyAction } from '../../renderer/src/components/presentation-slides.ts';

function module(id: string, minutes: number[]): WorkshopModule {
  const text = { title: id, summary: 's', objectives: ['o'], materials: ['m'], discussionQuestions: ['q'], takeHome: 't', adapt: 'a', handout: { title: 'h', points: ['p'] } };
  return {
    id, audience: 'teachers', order: 1, ageGroups: ['all'], communityTypes: ['all'], en: text, es: text,
    steps: minutes.map((m) => ({ minutes: m, method: 'discussion', en: { title: 's', instructions: 'i' }, es: { title: 's', instructions: 'i' } })),
    sources: [{ src: 'ipec-eval-2005', at: '§70' }],
  };
}
const modules = [module('detect', [10, 30, 20]), module('refer', [15, 45]), module('art', [40])];
const m = (moduleId: string): AgendaItem => ({ type: 'module', moduleId });

describe('workshop agenda', () => {
  it('gives each module, break and step its start and end from the start time', () => {
    const agenda = computeAgenda({ startTime: '08:30', items: [m('detect'), { type: 'break', minutes: 15 }, m('refer')] }, modules);
    expect(agenda.rows.map((r) => (r.kind === 'missing' ? r.moduleId : `${r.start}–${r.end}`))).toEqual(['08:30–09:30', '09:30–09:45', '09:45–10:45']);
    const first = agenda.rows[0];
    expect(first.kind === 'module' && first.steps.map((s) => `${s.start}–${s.end}`)).toEqual(['08:30–08:40', '08:40–09:10', '09:10–09:30']);
    expect(agenda).toMatchObject({ start: '08:30', end: '10:45', totalMinutes: 135, moduleMinutes: 120, breakMinutes: 15 });
  });

  it('re-times everything after a module that moves', () => {
    const items = [m('detect'), m('refer'), m('art')];
    const moved = moveItem(items, 2, 0);
    expect(moved.map((i) => i.type === 'module' && i.moduleId)).toEqual(['art', 'detect', 'refer']);
    const agenda = computeAgenda({ startTime: '09:00', items: moved }, modules);
    expect(agenda.rows.map((r) => r.kind !== 'missing' && r.start)).toEqual(['09:00', '09:40', '10:40']);
    expect(agenda.end).toBe('11:40');
  });

  it('keeps the list unchanged for a move out of range, and removes by position', () => {
    const items = [m('detect'), m('refer')];
    expect(moveItem(items, 0, -1)).toEqual(items);
    expect(moveItem(items, 1, 2)).toEqual(items);
    expect(removeItem(items, 0)).toEqual([m('refer')]);
  });

  it('puts a break where the trainer asks, after the item they are on, and re-times what follows', () => {
    const items = insertItem([m('detect'), m('refer'), m('art')], 1, { type: 'break', minutes: 15 });
    expect(items.map((i) => (i.type === 'module' ? i.moduleId : 'break'))).toEqual(['detect', 'break', 'refer', 'art']);
    const agenda = computeAgenda({ startTime: '09:00', items }, modules);
    expect(agenda.rows.map((r) => r.kind !== 'missing' && r.start)).toEqual(['09:00', '10:00', '10:15', '11:15']);
    expect(insertItem([m('art')], 5, m('refer')).map((i) => i.type === 'module' && i.moduleId)).toEqual(['art', 'refer']);
  });

  it('says by how much an agenda overruns its target length and when it would have ended, and nothing when it fits', () => {
    const agenda = computeAgenda({ startTime: '09:00', items: [m('detect'), { type: 'break', minutes: 15 }, m('refer'), m('art')] }, modules);
    expect(agenda.totalMinutes).toBe(175);
    expect(overTarget(agenda, 150)).toEqual({ minutes: 25, targetEnd: '11:30' });
    expect(overTarget(agenda, 175)).toBeNull();
    expect(overTarget(agenda, 180)).toBeNull();
    expect(overTarget(agenda, undefined)).toBeNull();
  });

  it('shows a saved module that the manual no longer has, and still times the rest', () => {
    const agenda = computeAgenda({ startTime: '14:00', items: [m('gone'), m('art')] }, modules);
    expect(agenda.rows[0]).toEqual({ kind: 'missing', index: 0, moduleId: 'gone' });
    expect(agenda.rows[1]).toMatchObject({ kind: 'module', start: '14:00', end: '14:40' });
  });

  it('wraps past midnight and says durations as people do', () => {
    expect(formatClock(23 * 60 + 50 + 30)).toBe('00:20');
    expect(formatDuration(90)).toBe('1 h 30 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(45)).toBe('45 min');
  });

  it('stores only well-formed workshops', () => {
    const ok = { id: 'w-1', title: 'Chima', date: '2026-12-03', place: '', startTime: '09:00', items: [m('art'), { type: 'break', minutes: 15 }], updatedAt: '2026-12-01T10:00:00Z' };
    expect(savedWorkshopsSchema.safeParse([ok]).success).toBe(true);
    expect(savedWorkshopsSchema.safeParse([{ ...ok, targetMinutes: 180 }]).success).toBe(true);
    expect(savedWorkshopsSchema.safeParse([{ ...ok, targetMinutes: 0 }]).success).toBe(false);
    expect(savedWorkshopsSchema.safeParse([{ ...ok, startTime: '25:00' }]).success).toBe(false);
    expect(savedWorkshopsSchema.safeParse([{ ...ok, title: ' ' }]).success).toBe(false);
    expect(savedWorkshopsSchema.safeParse([{ ...ok, items: [{ type: 'break', minutes: 0 }] }]).success).toBe(false);
    expect(savedWorkshopsSchema.safeParse([{ ...ok, items: [{ type: 'module', moduleId: '../x' }] }]).success).toBe(false);
  });

  it('gives a new workshop an id no saved one has', () => {
    const id = newWorkshopId([], 1000);
    expect(newWorkshopId([{ id }], 1000)).not.toBe(id);
  });
});

describe('presentation keys', () => {
  it('moves with arrows and the keys presentation clickers send, and leaves with Esc', () => {
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(slideKeyAction(k)).toBe('next');
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']) expect(slideKeyAction(k)).toBe('prev');
    expect(slideKeyAction('Escape')).toBe('exit');
    expect(slideKeyAction('Home')).toBe('first');
    expect(slideKeyAction('a')).toBeNull();
  });
});
