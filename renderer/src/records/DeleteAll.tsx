import { useState } from 'react';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { failure, Status, type Flash } from './Flash.tsx';
import { records } from './records-call.ts';

/** Deletes every record after the confirmation word is typed; also the way out of a lost passphrase or a damaged file. */
export function DeleteAll({ onDone }: { onDone(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const [flash, setFlash] = useState<Flash>(null);
  return (
    <section className="records-box danger-zone">
      <h3>{r.deleteAll}</h3>
      <button type="button" className="danger" data-testid="delete-all" onClick={() => {
        if (window.prompt(r.confirmDeleteAll)?.trim().toUpperCase() !== r.confirmWord) return;
        records({ op: 'delete-all' }).then(onDone, (e: unknown) => setFlash(failure(e, r)));
      }}>{r.deleteAll}</button>
      <Status flash={flash} />
    </section>
  );
}
