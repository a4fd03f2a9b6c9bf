import { useRef, useState } from 'react';
import type { RecordsResults } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import type { Flash } from './Flash.tsx';
import { monitoringForms } from './monitoring-forms.ts';
import { Panel } from './Panel.tsx';
import { readChosenFile } from './read-file.ts';
import { records } from './records-call.ts';
import { TaskProgress } from './TaskProgress.tsx';

type Refused = RecordsResults['import-csv'] & { ok: false };

/** CSV import: the host checks the whole file first; a refused file lists each bad row with its reason, and nothing is written. */
export function ImportPanel({ onImported, onFlash, onFailure }: { onImported(): void; onFlash(flash: Flash): void; onFailure(error: unknown): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [problems, setProblems] = useState<Refused | null>(null);
  const [importForm, setImportForm] = useState(monitoringForms[0]?.id ?? '');
  const input = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState(false);
  return (
    <Panel title={r.importTitle}>
      <form className="records-form" onSubmit={async (e) => {
        e.preventDefault();
        setProblems(null);
        const bytes = await readChosenFile(input.current);
        if (!bytes) return;
        setRunning(true);
        try {
          const result = await records({ op: 'import-csv', lang, instrumentId: importForm, bytes });
          if (result.ok) { onFlash({ ok: true, text: r.imported({ n: result.written }) }); onImported(); } else { onFlash(null); setProblems(result); }
        } catch (err) { onFailure(err); } finally { setRunning(false); }
      }}>
        <label><span>{r.importForm}</span>
          <select value={importForm} onChange={(e) => setImportForm(e.target.value)} data-testid="import-form">
            {monitoringForms.map((f) => <option key={f.id} value={f.id}>{f[lang].title}</option>)}
          </select>
        </label>
        <label><span>{r.importFile}</span><input type="file" accept=".csv,text/csv" ref={input} data-testid="import-file" /></label>
        <button type="submit" className="button-primary" disabled={running} data-testid="import-button">{r.importButton}</button>
      </form>
      <TaskProgress running={running} />
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
