import { useState } from 'react';
import { useApp } from '../app/app-state.tsx';
import { BreakdownTable } from './BreakdownTable.tsx';
import { bySex, currentQuarter, total } from './figures.ts';
import { OutcomeChart } from './OutcomeChart.tsx';
import { ALL, ScopePicker, type Scope } from './ScopePicker.tsx';
import { useFigures } from './use-figures.ts';

/** The indicators (all, or one community, laptop or technician): totals identified, withdrawn and prevented now, a chart and a table by quarter, and today's quarter by sex and age. */
export function Dashboard({ communities }: { communities: string[] }) {
  const r = useApp().t.records;
  const [scope, setScope] = useState<Scope>(ALL);
  const { figures, devices, technicians, error } = useFigures(scope);
  if (error) return <p role="alert" className="status-error">{r.error} {error}</p>;
  if (!figures) return <p className="loading">{r.loading}</p>;
  const last = currentQuarter(figures);
  const kpis: Array<[string, number]> = [
    [r.identifiedWorking, figures.reduce((n, q) => n + total(q.identifiedWorking), 0)],
    [r.identifiedAtRisk, figures.reduce((n, q) => n + total(q.identifiedAtRisk), 0)],
    [r.withdrawn, last ? total(last.withdrawn) : 0],
    [r.prevented, last ? total(last.prevented) : 0],
  ];
  return (
    <section aria-label={r.tabs.dashboard} data-testid="dashboard">
      <p className="muted">{r.dashboardIntro}</p>
      <div className="records-toolbar"><ScopePicker communities={communities} devices={devices} technicians={technicians} value={scope} onChange={setScope} /></div>
      {figures.length === 0 ? <p className="muted">{r.noData}</p> : (
        <>
          <div className="records-kpis">
            {kpis.map(([label, n]) => (
              <p key={label} className="kpi"><strong data-testid={`kpi-${label}`}>{n}</strong><span>{label}</span></p>
            ))}
          </div>
          <OutcomeChart figures={figures} />
          <div className="table-wrap" tabIndex={0}>
            <table className="records-table" data-testid="quarters-table">
              <thead><tr><th scope="col">{r.quarter}</th><th scope="col">{r.identifiedWorking}</th><th scope="col">{r.identifiedAtRisk}</th><th scope="col">{r.withdrawn}</th><th scope="col">{r.prevented}</th><th scope="col">{r.visitsDone}</th><th scope="col">{r.referrals}</th></tr></thead>
              <tbody>
                {figures.map((q) => (
                  <tr key={q.quarter} data-quarter={q.quarter}>
                    <th scope="row">{q.quarter}</th><td>{total(q.identifiedWorking)}</td><td>{total(q.identifiedAtRisk)}</td>
                    <td data-cell="withdrawn">{total(q.withdrawn)} <span className="muted">({r.girls} {bySex(q.withdrawn, 'f')} · {r.boys} {bySex(q.withdrawn, 'm')})</span></td>
                    <td data-cell="prevented">{total(q.prevented)} <span className="muted">({r.girls} {bySex(q.prevented, 'f')} · {r.boys} {bySex(q.prevented, 'm')})</span></td>
                    <td>{q.visits}</td><td>{q.referrals}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {last && <BreakdownTable q={last} />}
        </>
      )}
    </section>
  );
}
