import { useRef, useState } from 'react';
import type { MergeDecisions, MergePreview, RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { ConflictChoice } from './ConflictChoice.tsx';
import { DeviceName } from './DeviceName.tsx';
import { DuplicateChoice, type DuplicateDecision } from './DuplicateChoice.tsx';
import { Status, type Flash } from './Flash.tsx';
import { MergeSummary } from './MergeSummary.tsx';
import { Panel } from './Panel.tsx';
import { readChosenFile } from './read-file.ts';
import { messageOf, records } from './records-call.ts';
import { TaskProgress } from './TaskProgress.tsx';

interface Checked { bytes: Uint8Array; preview: MergePreview }

/** The decisions to send, or how many are still missing (a kept-apart child with the same code needs its new code). */
function decisionsOf(preview: MergePreview, duplicates: ReadonlyMap<string, DuplicateDecision>, conflicts: ReadonlyMap<string, 'here' | 'backup'>): { decisions: MergeDecisions; missing: number } {
  let missing = 0;
  const decisions: MergeDecisions = { duplicates: [], conflicts: [] };
  for (const d of preview.duplicates) {
    const choice = duplicates.get(d.id);
    const needsCode = choice?.choice === 'apart' && d.reason === 'same-code';
    if (!choice || (needsCode && !choice.newCode.trim())) { missing++; continue; }
    decisions.duplicates.push({ id: d.id, choice: choice.choice, ...(needsCode ? { newCode: choice.newCode.trim() } : {}) });
  }
  for (const c of preview.conflicts) {
    const keep = conflicts.get(c.id);
    if (keep) decisions.conflicts.push({ id: c.id, keep });
    else missing++;
  }
  return { decisions, missing };
}

/**
 * Merge another laptop's backup: checked and shown first (what is new, each possible duplicate and
 * each conflict side by side, waiting for the person's choice); Merge writes it all in one transaction.
 */
export function MergeBackupPanel({ status, onChange }: { status: RecordsStatus; onChange(s: RecordsStatus): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const m = r.merge;
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [duplicates, setDuplicates] = useState<ReadonlyMap<string, DuplicateDecision>>(new Map());
  const [conflicts, setConflicts] = useState<ReadonlyMap<string, 'here' | 'backup'>>(new Map());
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<Flash>(null);
  const fail = (e: unknown) => setFlash({ ok: false, text: `${r.error} ${messageOf(e, r.errors)}` });
  const withPassphrase = passphrase ? { passphrase } : {};
  const start = (next: Checked | null) => {
    setChecked(next);
    setDuplicates(new Map());
    setConflicts(new Map());
  };
  const preview = checked?.preview;
  const backupName = preview ? preview.device.name || preview.device.id.slice(0, 8) : '';
  const { decisions, missing } = preview ? decisionsOf(preview, duplicates, conflicts) : { decisions: { duplicates: [], conflicts: [] }, missing: 0 };
  const changes = preview ? preview.newForms + preview.updates + preview.duplicates.length + preview.conflicts.length : 0;

  return (
    <Panel title={m.title}>
      <DeviceName status={status} onChange={onChange} />
      <p className="muted">{m.intro}</p>
      <form className="records-form" onSubmit={async (e) => {
        e.preventDefault();
        setFlash(null);
        start(null);
        const bytes = await readChosenFile(input.current);
        if (!bytes) return;
        setBusy(true);
        try {
          start({ bytes, preview: await records({ op: 'preview-merge', lang, bytes, ...withPassphrase }) });
        } catch (err) { fail(err); } finally { setBusy(false); }
      }}>
        <label><span>{m.file}</span><input type="file" accept=".sqlite,.puente,application/octet-stream" ref={input} data-testid="merge-file" onChange={() => start(null)} /></label>
        <label><span>{m.passphrase}</span><input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" data-testid="merge-passphrase" /></label>
        <button type="submit" disabled={busy} data-testid="merge-check">{m.check}</button>
      </form>
      <TaskProgress running={busy} />
      <Status flash={flash} />
      {checked && preview && (
        <>
          <MergeSummary preview={preview} backupName={backupName} />
          {preview.duplicates.length > 0 && (
            <section aria-label={m.duplicatesTitle({ n: preview.duplicates.length })}>
              <h5>{m.duplicatesTitle({ n: preview.duplicates.length })}</h5>
              <p className="muted">{m.duplicatesNote}</p>
              {preview.duplicates.map((d) => (
                <DuplicateChoice key={d.id} duplicate={d} backupName={backupName} decision={duplicates.get(d.id)}
                  onDecide={(choice) => setDuplicates(new Map(duplicates).set(d.id, choice))} />
              ))}
            </section>
          )}
          {preview.conflicts.length > 0 && (
            <section aria-label={m.conflictsTitle({ n: preview.conflicts.length })}>
              <h5>{m.conflictsTitle({ n: preview.conflicts.length })}</h5>
              <p className="muted">{m.conflictsNote}</p>
              {preview.conflicts.map((c) => (
                <ConflictChoice key={c.id} conflict={c} backupName={backupName} keep={conflicts.get(c.id)}
                  onDecide={(keep) => setConflicts(new Map(conflicts).set(c.id, keep))} />
              ))}
            </section>
          )}
          {changes === 0 && <p className="status-ok" data-testid="merge-nothing">{m.nothingNew}</p>}
          {missing > 0 && <p className="muted" data-testid="merge-undecided">{m.undecided({ n: missing })}</p>}
          <div className="records-actions">
            {changes > 0 && (
              <button type="button" className="button-primary" disabled={busy || missing > 0} data-testid="merge-commit" onClick={async () => {
                setBusy(true);
                try {
                  const done = await records({ op: 'commit-merge', lang, bytes: checked.bytes, ...withPassphrase, decisions });
                  start(null);
                  if (input.current) input.current.value = '';
                  setFlash({ ok: true, text: m.merged({ added: done.written.added, updated: done.written.updated, joined: done.written.joined }) });
                  void records({ op: 'status' }).then(onChange, fail);
                } catch (err) { fail(err); } finally { setBusy(false); }
              }}>{m.mergeButton}</button>
            )}
            <button type="button" disabled={busy} data-testid="merge-cancel" onClick={() => start(null)}>{changes > 0 ? r.cancel : r.serverImport.close}</button>
          </div>
        </>
      )}
    </Panel>
  );
}
