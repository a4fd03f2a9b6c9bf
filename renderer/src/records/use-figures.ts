import { useEffect, useState } from 'react';
import type { QuarterFigures } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import { messageOf, records } from './records-call.ts';

/** The quarterly figures of one community (or all, for ""), asked again when the community changes. */
export function useFigures(community: string): { figures: QuarterFigures[] | null; error: string | null } {
  const r = useApp().t.records;
  const [figures, setFigures] = useState<QuarterFigures[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    records({ op: 'dashboard', ...(community ? { community } : {}) }).then((d) => setFigures(d.quarters), (e: unknown) => setError(messageOf(e, r.errors)));
  }, [community, r.errors]);
  return { figures, error };
}
