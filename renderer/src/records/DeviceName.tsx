import { useState } from 'react';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { Status, type Flash } from './Flash.tsx';
import { messageOf, records } from './records-call.ts';

/** This laptop's name, which other laptops show for the forms entered here once they merge its backup. */
export function DeviceName({ status, onChange }: { status: RecordsStatus; onChange(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const m = r.merge;
  const [name, setName] = useState(status.device?.name ?? '');
  const [flash, setFlash] = useState<Flash>(null);
  if (!status.device) return null;
  return (
    <form className="records-form" onSubmit={async (e) => {
      e.preventDefault();
      setFlash(null);
      try {
        onChange(await records({ op: 'set-device-name', name }));
        setFlash({ ok: true, text: m.nameSaved });
      } catch (err) { setFlash({ ok: false, text: `${r.error} ${messageOf(err, r.errors)}` }); }
    }}>
      <label><span>{m.deviceName}</span><input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} autoComplete="off" data-testid="device-name" /></label>
      <button type="submit" disabled={!name.trim() || name.trim() === status.device.name} data-testid="device-name-save">{m.saveName}</button>
      <Status flash={flash} />
    </form>
  );
}
