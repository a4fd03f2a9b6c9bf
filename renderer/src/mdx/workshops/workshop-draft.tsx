import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SavedWorkshop } from '../../../../common/workshops/agenda.ts';

export const blankWorkshop = (): SavedWorkshop => ({ id: '', title: '', date: '', place: '', startTime: '09:00', items: [], updatedAt: new Date(0).toISOString() });

interface WorkshopDraft {
  /** The workshop being built: not saved yet, or a saved one being changed (its id). */
  draft: SavedWorkshop;
  setDraft(change: SavedWorkshop | ((prev: SavedWorkshop) => SavedWorkshop)): void;
  /** Adds a module at the end, once (a module page's "build a workshop" link). */
  addModule(moduleId: string): void;
}

const Ctx = createContext<WorkshopDraft | null>(null);

/**
 * Owns the workshop being built, above every page, so it survives a visit to a module page and a
 * language switch (each unmounts the builder's chapter); it is not kept after the app closes: saving does that.
 */
export function WorkshopDraftProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<SavedWorkshop>(blankWorkshop);
  const value = useMemo<WorkshopDraft>(() => ({
    draft,
    setDraft,
    addModule: (moduleId) => setDraft((prev) => (prev.items.some((i) => i.type === 'module' && i.moduleId === moduleId) ? prev : { ...prev, items: [...prev.items, { type: 'module', moduleId }] })),
  }), [draft]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkshopDraft(): WorkshopDraft {
  const state = useContext(Ctx);
  if (!state) throw new Error('useWorkshopDraft outside <WorkshopDraftProvider>');
  return state;
}
