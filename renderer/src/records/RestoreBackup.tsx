import { useRef, useState } from 'react';
import type { RecordsStatus, RestorePreview } from '../../../common/records/records-api.ts';
import type { RecordsSummary } from '../../../common/records/backup-reader.ts';
import { useApp } from '../app/app-state.tsx';
import { Status, type Flash } from './Flash.tsx';
import { readChosenFile } from './read-file.ts';
import { messageOf, records } from './records-call.ts';
import { TaskProgress } from './TaskProgress.tsx';

function SummaryCells({ s, empty }: { s: RecordsSummary | null; empty: string }) {
  if (!s) return <><td>0</td><td>0</td><td>{empty}</td></>;
  return <><td>{s.children}</td><td>{s.entries}</td><td>{s.firstDate ? `${s.firstDate} – ${s.lastDate}` : empty}</td></>;
}

/**
 * Restore a backup in two steps: the backup is checked and shown beside the data on this computer
 * (children, forms, dates, and what would be lost); only then, with the word typed, does it replace them.
 */
export function RestoreBackup({ onChange }: { onChange(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState<{ bytes: Uint8Array; preview: RestorePreview } | null>(null);
  const [typed, setTyped] = useState('');
  const [flash, setFlash] = useState<Flash>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => setFlash({ ok: false, text: messageOf(e, r.errors) });
  const withPassphrase = passphrase ? { passphrase } : {};
  const loses = checked ? checked.preview.loss.children + checked.preview.loss.entries > 0 : false;

  return (
    <section className="records-box">
      <h3>{r.restoreTitle}</h3>
      <p className="muted">{r.restoreWarning}</p>
      <form className="records-form" onSubmit={async (e) => {
        e.preventDefault();
        setFlash(null);
        setChecked(null);
        setTyped('');
        const bytes = await readChosenFile(input.current);
        if (!bytes) return;
        setBusy(true);
        try {
          setChecked({ bytes, preview: await records({ op: 'preview-restore', bytes, ...withPassphrase }) });
        } catch (err) { fail(err); } finally { setBusy(false); }
      }}>
        <label><span>{r.importFile}</span><input type="file" accept=".sqlite,.puente,application/octet-stream" ref={input} data-testid="restore-file" onChange={() => setChecked(null)} /></label>
        <label><span>{r.passphrase}</span><input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" /></label>
        <button type="submit" disabled={busy} data-testid="restore-check">{r.checkBackup}</button>
      </form>
      <TaskProgress running={busy} />
      <Status flash={flash} />
      {checked && (
        <div className="restore-preview" data-testid="restore-preview">
          <h4>{r.previewTitle}</h4>
          <div className="table-wrap" tabIndex={0}>
            <table className="records-table">
              <thead><tr><th scope="col"></th><th scope="col">{r.children}</th><th scope="col">{r.forms}</th><th scope="col">{r.dates}</th></tr></thead>
              <tbody>
                <tr><th scope="row">{r.inBackup}</th><SummaryCells s={checked.preview.backup} empty={r.noDates} /></tr>
                <tr><th scope="row">{r.onThisComputer}</th><SummaryCells s={checked.preview.current} empty={r.noDates} /></tr>
              </tbody>
            </table>
          </div>
          {loses ? (
            <div role="alert" className="status-error" data-testid="restore-loss">
              <p>{r.willLose({ c: checked.preview.loss.children, e: checked.preview.loss.entries })}</p>
              {checked.preview.loss.childCodes.length > 0 && (
                <p>{r.lostCodes} {checked.preview.loss.childCodes.join(', ')}{checked.preview.loss.children > checked.preview.loss.childCodes.length ? ` ${r.andMore({ n: checked.preview.loss.children - checked.preview.loss.childCodes.length })}` : ''}</p>
              )}
            </div>
          ) : <p className="status-ok">{r.loseNothing}</p>}
          {r.passphraseEffect[checked.preview.passphrase] && <p>{r.passphraseEffect[checked.preview.passphrase]}</p>}
          <form className="records-form" onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            try {
              onChange(await records({ op: 'restore-database', bytes: checked.bytes, ...withPassphrase, acceptLoss: loses }));
              setChecked(null);
              setFlash({ ok: true, text: r.restored });
            } catch (err) { fail(err); } finally { setBusy(false); }
          }}>
            <label><span>{r.typeToRestore({ word: r.restoreWord })}</span><input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="restore-confirm" /></label>
            <button type="submit" className="danger" disabled={busy || typed.trim().toUpperCase() !== r.restoreWord} data-testid="restore-button">{r.replaceWithBackup}</button>
            <button type="button" onClick={() => setChecked(null)}>{r.cancel}</button>
          </form>
        </div>
      )}
    </section>
  );
}

/** One click brings back the records as they were before the last restore (the restored data becomes the kept copy). */
export function UndoRestore({ status, onChange }: { status: RecordsStatus; onChange(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const [flash, setFlash] = useState<Flash>(null);
  if (!status.undoRestore) return null;
  return (
    <section className="records-box" data-testid="undo-restore">
      <h3>{r.undoTitle}</h3>
      <p className="muted">{r.undoNote({ d: new Date(status.undoRestore.savedAt).toLocaleString() })}</p>
      <button type="button" data-testid="undo-restore-button" onClick={() => records({ op: 'undo-restore' }).then((s) => { onChange(s); setFlash({ ok: true, text: r.undone }); }, (e: unknown) => setFlash({ ok: false, text: messageOf(e, r.errors) }))}>{r.undoButton}</button>
      <Status flash={flash} />
    </section>
  );
}
