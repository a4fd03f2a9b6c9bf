import { useApp } from '../app/app-state.tsx';
import type { Flash } from './Flash.tsx';
import { monitoringForms } from './monitoring-forms.ts';
import { Panel } from './Panel.tsx';
import { exportToFile, type ExportRequest } from './records-call.ts';

/** A workbook per form (labels, codes and a codebook) and its CSV, the anonymised counts, and the whole database, each saved where the person chooses. */
export function ExportPanel({ onDone, onFailure }: { onDone(flash: Flash): void; onFailure(error: unknown): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const save = (request: ExportRequest) => exportToFile(request).then(() => onDone({ ok: true, text: r.saved }), onFailure);
  return (
    <Panel title={r.exportTitle}>
      <p className="muted">{r.exportNote}</p>
      <ul className="records-exports">
        {monitoringForms.map((f) => (
          <li key={f.id}>
            <button type="button" data-testid={`export-xlsx-${f.id}`} onClick={() => save({ op: 'export-xlsx', lang, instrumentId: f.id })}>{r.exportXlsx({ form: f[lang].title })}</button>
            {' '}<button type="button" className="small" data-testid={`export-${f.id}`} onClick={() => save({ op: 'export-csv', lang, instrumentId: f.id })}>{r.exportCsv({ form: f[lang].title })}</button>
          </li>
        ))}
        <li><button type="button" data-testid="export-aggregate" onClick={() => save({ op: 'export-aggregate' })}>{r.exportAggregate}</button></li>
        <li><button type="button" data-testid="export-database" onClick={() => save({ op: 'export-database' })}>{r.exportDb}</button></li>
      </ul>
    </Panel>
  );
}
