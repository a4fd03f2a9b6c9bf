import { useCallback, useEffect, useState } from 'react';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { Dashboard } from './Dashboard.tsx';
import { DataTools } from './DataTools.tsx';
import { QuarterlyReport } from './QuarterlyReport.tsx';
import { Register } from './Register.tsx';
import { technicalDetail } from '../../../common/records/refusal-reading.ts';
import { messageOf, records } from './records-call.ts';
import { SaveWarning } from './SaveWarning.tsx';
import { Unlock } from './Unlock.tsx';

type Tab = 'register' | 'dashboard' | 'report' | 'data';

/** <FieldRecords/>: the register of children, visits, the indicators dashboard, the quarterly report and the data tools. */
export function FieldRecords() {
  const { t } = useApp();
  const r = t.records;
  const [status, setStatus] = useState<RecordsStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('register');
  const refresh = useCallback(() => records({ op: 'status' }).then(setStatus, (e: unknown) => setError(messageOf(e, r.errors))), [r.errors]);
  useEffect(() => void refresh(), [refresh]);

  if (error) return <p role="alert" className="status-error">{r.unavailable} {error}</p>;
  if (!status) return <p className="loading">{r.loading}</p>;
  if (status.state === 'locked') return <Unlock onOpen={setStatus} />;
  if (status.state === 'unreadable') {
    return (
      <div className="records" data-testid="records">
        <p role="alert" className="status-error"><strong>{r.unreadableTitle}</strong> {r.unreadableHelp}</p>
        {status.warning && <details className="muted"><summary>{r.saveDetail}</summary><code>{technicalDetail(status.warning)}</code></details>}
      </div>
    );
  }
  if (status.state === 'damaged') {
    return (
      <div className="records" data-testid="records">
        <p role="alert" className="status-error"><strong>{r.damaged}</strong> {r.damagedHelp}</p>
        {status.warning && <details className="muted"><summary>{r.saveDetail}</summary><code>{technicalDetail(status.warning)}</code></details>}
        <DataTools status={status} onChange={setStatus} />
      </div>
    );
  }
  return (
    <div className="records" data-testid="records">
      <p className="records-privacy">{r.privacy} <span className="muted">{r.counts({ c: status.children, e: status.entries })}{status.savedAt ? ` · ${r.savedAt({ d: new Date(status.savedAt).toLocaleString() })}` : ''}</span></p>
      {status.warning && <p role="alert" className="status-error">{messageOf(status.warning, r.errors)}</p>}
      <SaveWarning status={status} onChange={setStatus} />
      <div className="records-tabs" role="tablist" aria-label={r.tabs.register}>
        {(Object.keys(r.tabs) as Tab[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} id={`records-tab-${k}`} aria-controls={`records-panel-${k}`} onClick={() => setTab(k)} data-testid={`records-tab-${k}`}>{r.tabs[k]}</button>
        ))}
      </div>
      <div role="tabpanel" id={`records-panel-${tab}`} aria-labelledby={`records-tab-${tab}`} className="records-panel">
        {tab === 'register' && <Register status={status} onChange={refresh} />}
        {tab === 'dashboard' && <Dashboard communities={status.communities} />}
        {tab === 'report' && <QuarterlyReport communities={status.communities} />}
        {tab === 'data' && <DataTools status={status} onChange={setStatus} />}
      </div>
    </div>
  );
}
