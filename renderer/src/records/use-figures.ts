import { useEffect, useState } from 'react';
import type { RecordsResults } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { messageOf, records } from './records-call.ts';
import type { Scope } from './ScopePicker.tsx';

/** The quarterly figures of one scope (a community, a laptop, a technician; "" for all), asked again when it changes, with what the scope can be. */
export function useFigures(scope: Scope): { figures: RecordsResults['dashboard']['quarters'] | null; devices: RecordsResults['dashboard']['devices']; technicians: string[]; error: string | null } {
  const r = useApp().t.records;
  const [answer, setAnswer] = useState<RecordsResults['dashboard'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { community, device, technician } = scope;
  useEffect(() => {
    records({ op: 'dashboard', ...(community ? { community } : {}), ...(device ? { device } : {}), ...(technician ? { technician } : {}) })
      .then(setAnswer, (e: unknown) => setError(messageOf(e, r.errors)));
  }, [community, device, technician, r.errors]);
  return { figures: answer?.quarters ?? null, devices: answer?.devices ?? [], technicians: answer?.technicians ?? [], error };
}
