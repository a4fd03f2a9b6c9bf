import { useRef, useState } from 'react';
import type { CsvPreview, CsvRefused, DateOrder } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { CsvImportPreview, type CsvChoices } from './CsvImportPreview.tsx';
import type { Flash } from './Flash.tsx';
import { formById, monitoringForms } from './monitoring-forms.ts';
import { Panel } from './Panel.tsx';
import { readChosenFile } from './read-file.ts';
import { records } from './records-call.ts';
import { TaskProgress } from './TaskProgress.tsx';

type Pending = { bytes: Uint8Array; fileName: string; instrumentId: string; dateOrder: DateOrder; preview: CsvPreview };

/**
 * CSV import: the host reads the file as the spreadsheet wrote it and checks it whole first. A refused
 * file lists each bad row with its reason; a file with forms already on the register with other
 * answers, or columns the form does not have, is shown first with a choice for each; nothing is written before Import.
 */
export function ImportPanel({ onImported, onFlash, onFailure }: { onImported(): void; onFlash(flash: Flash): void; onFailure(error: unknown): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [problems, setProblems] = useState<CsvRefused | null>(null);
  const [importForm, setImportForm] = useState(monitoringForms[0]?.id ?? '');
  const [dateOrder, setDateOrder] = useState<DateOrder>('day-first');
  const [pending, setPending] = useState<Pending | null>(null);
  const [choices, setChoices] = useState<CsvChoices>({ decisions: {}, unknownColumns: 'keep' });
  const input = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState(false);

  async function commit(p: Omit<Pending, 'preview'>, chosen: CsvChoices) {
    const result = await records({ op: 'import-csv', lang, instrumentId: p.instrumentId, bytes: p.bytes, dateOrder: p.dateOrder, ...chosen });
    setPending(null);
    if (!result.ok) { onFlash(null); setProblems(result); return; }
    onFlash({ ok: true, text: result.updated || result.skipped || result.unchanged ? r.csvImport.imported({ added: result.added, updated: result.updated, skipped: result.skipped, unchanged: result.unchanged }) : r.imported({ n: result.written }) });
    onImported();
  }

  async function run(work: () => Promise<void>) {
    setRunning(true);
    try { await work(); } catch (err) { onFailure(err); } finally { setRunning(false); }
  }

  const undecided = pending ? pending.preview.conflicts.some((k) => !choices.decisions[String(k.row)]) : false;
  return (
    <Panel title={r.importTitle}>
      <form className="records-form" onSubmit={async (e) => {
        e.preventDefault();
        setProblems(null);
        setPending(null);
        const bytes = await readChosenFile(input.current);
        if (!bytes) return;
        const fileName = input.current?.files?.[0]?.name ?? '';
        await run(async () => {
          const preview = await records({ op: 'preview-csv', lang, instrumentId: importForm, bytes, dateOrder });
          if (!preview.ok) { onFlash(null); setProblems(preview); return; }
          const file = { bytes, fileName, instrumentId: importForm, dateOrder };
          const fresh: CsvChoices = { decisions: {}, unknownColumns: 'keep' };
          setChoices(fresh);
          // Only new forms: nothing to decide, so the file is imported at once.
          if (preview.conflicts.length === 0 && preview.unknownColumns.length === 0) await commit(file, fresh);
          else setPending({ ...file, preview });
        });
      }}>
        <label><span>{r.importForm}</span>
          <select value={importForm} onChange={(e) => setImportForm(e.target.value)} data-testid="import-form">
            {monitoringForms.map((f) => <option key={f.id} value={f.id}>{f[lang].title}</option>)}
          </select>
        </label>
        <label><span>{r.csvImport.dateOrder}</span>
          <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)} data-testid="import-date-order">
            <option value="day-first">{r.csvImport.dayFirst}</option>
            <option value="month-first">{r.csvImport.monthFirst}</option>
          </select>
        </label>
        <label><span>{r.importFile}</span><input type="file" accept=".csv,text/csv,text/plain" ref={input} data-testid="import-file" /></label>
        <button type="submit" className="button-primary" disabled={running} data-testid="import-button">{r.importButton}</button>
      </form>
      <TaskProgress running={running} />
      {pending && (
        <>
          <CsvImportPreview form={formById(pending.instrumentId)} fileName={pending.fileName} preview={pending.preview} choices={choices} onChoices={setChoices} />
          <p className="records-actions">
            <button type="button" className="button-primary" disabled={running || undecided} data-testid="csv-import-confirm" onClick={() => void run(() => commit(pending, choices))}>{r.csvImport.importButton}</button>
            <button type="button" disabled={running} data-testid="csv-import-cancel" onClick={() => { setPending(null); onFlash({ ok: true, text: r.csvImport.cancelled }); }}>{r.csvImport.cancel}</button>
          </p>
        </>
      )}
      {problems && (
        <div role="alert" className="import-problems" data-testid="import-problems">
          <p className="status-error">{r.importProblems({ n: problems.total })}</p>
          <div className="table-wrap" tabIndex={0}>
            <table className="records-table">
              <thead><tr><th scope="col">{r.row}</th><th scope="col">{r.field}</th><th scope="col">{r.problem}</th></tr></thead>
              <tbody>{problems.problems.map((p, i) => <tr key={i}><td>{p.row}</td><td>{p.field ?? ''}</td><td>{p.message}</td></tr>)}</tbody>
            </table>
          </div>
        </div>
      )}
    </Panel>
  );
}
