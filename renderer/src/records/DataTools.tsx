import { useState } from 'react';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { DeleteAll } from './DeleteAll.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { failure, Status, type Flash } from './Flash.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { MergeBackupPanel } from './MergeBackupPanel.tsx';
import { PassphrasePanel } from './PassphrasePanel.tsx';
import { records } from './records-call.ts';
import { RestoreBackup, UndoRestore } from './RestoreBackup.tsx';
import { ServerImportPanel } from './ServerImportPanel.tsx';

/** The data tab: export, import (a server's export, a CSV), merge another laptop's backup, restore (and undo it), the passphrase and delete all; a damaged file gets only restore and delete. */
export function DataTools({ status, onChange }: { status: RecordsStatus; onChange(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const [flash, setFlash] = useState<Flash>(null);
  const fail = (e: unknown) => setFlash(failure(e, r));
  const open = status.state === 'open';
  const refresh = () => void records({ op: 'status' }).then(onChange, fail);
  return (
    <div className="records-data">
      <Status flash={flash} />
      {open && <ExportPanel onDone={setFlash} onFailure={fail} />}
      {open && <ServerImportPanel onImported={refresh} />}
      {open && <ImportPanel onFlash={setFlash} onFailure={fail} onImported={refresh} />}
      {open && <MergeBackupPanel status={status} onChange={onChange} />}
      <RestoreBackup onChange={onChange} />
      <UndoRestore status={status} onChange={onChange} />
      {open && <PassphrasePanel status={status} onChange={onChange} onFlash={setFlash} onFailure={fail} />}
      <DeleteAll onDone={(s) => { onChange(s); setFlash({ ok: true, text: r.allDeleted }); }} />
    </div>
  );
}
