/**
 * A workshop a trainer builds from modules: its saved form, and the timed agenda computed
 * from it. Pure: the builder, the printed pack and the tests use the same functions.
 */
import { z } from 'zod';
import { moduleMinutes, type WorkshopModule } from './module-schema.ts';

const moduleId = z.string().regex(/^[a-z0-9-]{1,80}$/);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24 hours)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T/, 'an ISO date');

export const agendaItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('module'), moduleId }),
  z.strictObject({ type: z.literal('break'), minutes: z.number().int().min(5).max(120), label: z.string().max(80).optional() }),
]);
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const savedWorkshopSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().trim().min(1, 'give the workshop a title').max(120),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal('')),
  place: z.string().max(120),
  startTime: clock,
  /** How long the session may last, in minutes (the hall, the group's time); absent: no limit set. */
  targetMinutes: z.number().int().min(15).max(720).optional(),
  items: z.array(agendaItemSchema).max(60),
  updatedAt: isoDate,
});
export type SavedWorkshop = z.infer<typeof savedWorkshopSchema>;
export const savedWorkshopsSchema = z.array(savedWorkshopSchema).max(100);

export function parseClock(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes since midnight as HH:MM; a workshop that runs past midnight wraps. */
export function formatClock(minutes: number): string {
  const day = 24 * 60;
  const m = ((Math.round(minutes) % day) + day) % day;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export interface AgendaStepRow {
  start: string;
  end: string;
  minutes: number;
  stepIndex: number;
}

export type AgendaRow =
  | { kind: 'module'; index: number; start: string; end: string; minutes: number; module: WorkshopModule; steps: AgendaStepRow[] }
  | { kind: 'break'; index: number; start: string; end: string; minutes: number; label?: string }
  /** A module saved in a workshop that the manual no longer has: shown, never dropped silently. */
  | { kind: 'missing'; index: number; moduleId: string };

export interface Agenda {
  rows: AgendaRow[];
  start: string;
  end: string;
  totalMinutes: number;
  moduleMinutes: number;
  breakMinutes: number;
}

/** The timed agenda: each module and break gets its start and end, and each step its own times. */
export function computeAgenda(workshop: Pick<SavedWorkshop, 'startTime' | 'items'>, modules: readonly WorkshopModule[]): Agenda {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const startAt = parseClock(workshop.startTime);
  let t = startAt;
  let inModules = 0;
  let inBreaks = 0;
  const rows: AgendaRow[] = workshop.items.map((item, index): AgendaRow => {
    if (item.type === 'break') {
      const row = { kind: 'break' as const, index, start: formatClock(t), end: formatClock(t + item.minutes), minutes: item.minutes, ...(item.label ? { label: item.label } : {}) };
      t += item.minutes;
      inBreaks += item.minutes;
      return row;
    }
    const module = byId.get(item.moduleId);
    if (!module) return { kind: 'missing', index, moduleId: item.moduleId };
    const from = t;
    const steps = module.steps.map((s, stepIndex) => {
      const row = { start: formatClock(t), end: formatClock(t + s.minutes), minutes: s.minutes, stepIndex };
      t += s.minutes;
      return row;
    });
    const minutes = moduleMinutes(module);
    inModules += minutes;
    return { kind: 'module', index, start: formatClock(from), end: formatClock(t), minutes, module, steps };
  });
  return { rows, start: formatClock(startAt), end: formatClock(t), totalMinutes: t - startAt, moduleMinutes: inModules, breakMinutes: inBreaks };
}

/** The items with one moved from `from` to `to` (both indexes into the list); out of range changes nothing. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const out = [...items];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved);
  return out;
}

/** The items with `item` put at `index` (past the end: at the end). */
export function insertItem<T>(items: readonly T[], index: number, item: T): T[] {
  const out = [...items];
  out.splice(Math.max(0, Math.min(index, out.length)), 0, item);
  return out;
}

/** By how much the agenda runs past its target length, and when it should have ended; null when it fits or has no target. */
export function overTarget(agenda: Pick<Agenda, 'start' | 'totalMinutes'>, targetMinutes: number | undefined): { minutes: number; targetEnd: string } | null {
  if (targetMinutes === undefined || agenda.totalMinutes <= targetMinutes) return null;
  return { minutes: agenda.totalMinutes - targetMinutes, targetEnd: formatClock(parseClock(agenda.start) + targetMinutes) };
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** Hours and minutes as a reader says them: "1 h 30 min", "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}

/** A new workshop's id, unique among the saved ones. */
export function newWorkshopId(existing: readonly { id: string }[], now = Date.now()): string {
  let n = now;
  let id = `w-${n.toString(36)}`;
  while (existing.some((w) => w.id === id)) id = `w-${(++n).toString(36)}`;
  return id;
}
