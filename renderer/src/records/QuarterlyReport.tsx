import { useMemo, useState } from 'react';
import { useApp } from '../app/app-state.tsx';
import { usePrintActions } from '../app/print-actions.ts';
import { BreakdownTable } from './BreakdownTable.tsx';
import { currentQuarter } from './figures.ts';
import { ALL, ScopePicker, scopeText, type Scope } from './ScopePicker.tsx';
import { useFigures } from './use-figures.ts';

/** The quarterly report of one quarter, for all or one community, laptop or technician, printable on its own; it opens on today's quarter. */
export function QuarterlyReport({ communities }: { communities: string[] }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [scope, setScope] = useState<Scope>(ALL);
  const { figures, devices, technicians, error } = useFigures(scope);
  const [quarter, setQuarter] = useState('');
  const { print } = usePrintActions('quarterly-report');
  const chosen = useMemo(() => figures?.find((q) => q.quarter === quarter) ?? (figures && currentQuarter(figures)), [figures, quarter]);
  if (error) return <p role="alert" className="status-error">{r.error} {error}</p>;
  if (!figures) return <p className="loading">{r.loading}</p>;
  if (!chosen) return <p className="muted">{r.noData}</p>;
  return (
    <section aria-label={r.tabs.report} className="quarterly-report" data-testid="quarterly-report">
      <div className="records-toolbar no-print">
        <label><span>{r.choose}</span>
          <select value={chosen.quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="report-quarter">
            {figures.map((q) => <option key={q.quarter} value={q.quarter}>{q.quarter}</option>)}
          </select>
        </label>
        <ScopePicker communities={communities} devices={devices} technicians={technicians} value={scope} onChange={setScope} />
        <button type="button" className="button-primary" onClick={print}>{r.printReport}</button>
      </div>
      <div className="report-page">
        <h3>{r.reportTitle({ q: chosen.quarter })}</h3>
        <p>{r.reportFor}: <strong data-testid="report-scope">{scopeText(scope, devices, r)}</strong> · {r.generated({ d: new Date().toLocaleDateString(lang, { dateStyle: 'long' }) })}</p>
        <BreakdownTable q={chosen} />
        <table className="records-table report-activity">
          <tbody>
            <tr><th scope="row">{r.visitsDone}</th><td>{chosen.visits}</td></tr>
            <tr><th scope="row">{r.referrals}</th><td>{chosen.referrals}</td></tr>
          </tbody>
        </table>
        <p className="muted">{r.reportNote}</p>
      </div>
    </section>
  );
}
