import { useEffect, useState } from 'react';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { exportToFile, messageOf, records } from './records-call.ts';

/** How often the records page asks whether the changes are on disk yet, while some are not. */
const CHECK_MS = 3_000;

/**
 * A warning that stays on screen while changes are only in memory because saving failed: why, how
 * many, and two ways out (try again now, save a backup elsewhere). It goes away by itself once saved.
 */
export function SaveWarning({ status, onChange }: { status: RecordsStatus; onChange(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const [note, setNote] = useState<string | null>(null);
  const problem = status.unsaved?.problem ?? null;

  useEffect(() => {
    if (!status.unsaved) return;
    const timer = setInterval(() => void records({ op: 'status' }).then(onChange, () => undefined), CHECK_MS);
    return () => clearInterval(timer);
  }, [status.unsaved, onChange]);

  if (!status.unsaved || !problem) return null;
  return (
    <div role="alert" className="records-save-warning" data-testid="save-warning">
      <p><strong>{r.unsaved({ n: status.unsaved.changes })}</strong> {r.saveProblem[problem.code]}</p>
      <p>{r.saveRetrying}</p>
      <details><summary>{r.saveDetail}</summary><code>{problem.detail}</code></details>
      <div className="records-actions">
        <button type="button" data-testid="save-retry" onClick={() => {
          setNote(null);
          // The status after the try says whether it worked; the warning goes away when it did.
          records({ op: 'save-now' }).then(onChange, (e: unknown) => setNote(messageOf(e, r.errors)));
        }}>{r.retryNow}</button>
        <button type="button" data-testid="save-backup-elsewhere" onClick={() => {
          setNote(null);
          exportToFile({ op: 'export-database' }).then(() => setNote(r.saved), (e: unknown) => setNote(messageOf(e, r.errors)));
        }}>{r.backupElsewhere}</button>
      </div>
      {note && <p>{note}</p>}
    </div>
  );
}
