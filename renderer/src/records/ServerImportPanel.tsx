import { useRef, useState } from 'react';
import type { ImportPreview } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { Status, type Flash } from './Flash.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { Panel } from './Panel.tsx';
import { messageOf, records } from './records-call.ts';
import { TaskProgress } from './TaskProgress.tsx';

interface Checked { fileName: string; bytes: Uint8Array; preview: ImportPreview }

/**
 * Import what phones sent to ODK Central or KoboToolbox, from the export the person downloaded: the
 * file is checked and what it would do is shown first; only Import writes it (all or nothing).
 */
export function ServerImportPanel({ onImported }: { onImported(): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const s = r.serverImport;
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<Flash>(null);
  const fail = (e: unknown) => setFlash({ ok: false, text: `${r.error} ${messageOf(e, { ...r.errors, ...r.importErrors })}` });
  const writes = checked ? checked.preview.newForms + checked.preview.updates : 0;

  return (
    <Panel title={s.title}>
      <p className="muted">{s.intro}</p>
      <form className="records-form" onSubmit={async (e) => {
        e.preventDefault();
        setFlash(null);
        setChecked(null);
        const file = input.current?.files?.[0];
        if (!file) return;
        setBusy(true);
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          setChecked({ fileName: file.name, bytes, preview: await records({ op: 'preview-import', lang, fileName: file.name, bytes }) });
        } catch (err) { fail(err); } finally { setBusy(false); }
      }}>
        <label><span>{s.file}</span><input type="file" accept=".zip,.xlsx,.csv,application/zip,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ref={input} data-testid="server-import-file" onChange={() => setChecked(null)} /></label>
        <button type="submit" disabled={busy} data-testid="server-import-check">{s.check}</button>
      </form>
      <TaskProgress running={busy} />
      <Status flash={flash} />
      {checked && (
        <>
          <ImportSummary preview={checked.preview} />
          {writes === 0 && <p className="status-ok" data-testid="server-import-nothing">{s.nothingNew}</p>}
          <div className="records-actions">
            {writes > 0 && (
              <button type="button" className="button-primary" disabled={busy} data-testid="server-import-commit" onClick={async () => {
                setBusy(true);
                try {
                  const done = await records({ op: 'commit-import', lang, fileName: checked.fileName, bytes: checked.bytes });
                  setChecked(null);
                  if (input.current) input.current.value = '';
                  setFlash({ ok: true, text: s.imported({ added: done.written.added, updated: done.written.updated }) });
                  onImported();
                } catch (err) { fail(err); } finally { setBusy(false); }
              }}>{s.importButton({ n: writes })}</button>
            )}
            <button type="button" disabled={busy} data-testid="server-import-cancel" onClick={() => setChecked(null)}>{writes > 0 ? r.cancel : s.close}</button>
          </div>
        </>
      )}
    </Panel>
  );
}
