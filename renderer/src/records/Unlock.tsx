import { useState } from 'react';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { DeleteAll } from './DeleteAll.tsx';
import { Status, type Flash } from './Flash.tsx';
import { messageOf, records } from './records-call.ts';

/** Encrypted records wait for the passphrase; a forgotten one leaves only "delete all". */
export function Unlock({ onOpen }: { onOpen(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const [pass, setPass] = useState('');
  const [flash, setFlash] = useState<Flash>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="records records-locked" data-testid="records">
      <form onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        records({ op: 'unlock', passphrase: pass }).then(onOpen, (err: unknown) => setFlash({ ok: false, text: messageOf(err, r.errors) })).finally(() => setBusy(false));
      }}>
        <p><strong>{r.locked}</strong></p>
        <label><span>{r.passphrase}</span><input type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="current-password" data-testid="unlock-passphrase" /></label>
        <button type="submit" className="button-primary" disabled={busy || !pass}>{r.unlock}</button>
        <Status flash={flash} />
        <p className="muted">{r.forgot}</p>
      </form>
      <DeleteAll onDone={onOpen} />
    </div>
  );
}
