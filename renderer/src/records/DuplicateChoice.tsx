import type { MergeChild, MergeDuplicate } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { sexLabel } from './monitoring-forms.ts';

export interface DuplicateDecision { choice: 'join' | 'apart'; newCode: string }

/** One child of the backup beside the child here it may be, with join or keep apart (a new code when both have the same one). */
export function DuplicateChoice({ duplicate: d, backupName, decision, onDecide }: {
  duplicate: MergeDuplicate;
  backupName: string;
  decision: DuplicateDecision | undefined;
  onDecide(decision: DuplicateDecision): void;
}) {
  const { t, lang } = useApp();
  const r = t.records;
  const m = r.merge;
  const rows: Array<[string, (c: MergeChild) => string | number]> = [
    [r.code, (c) => c.code], [r.sex, (c) => sexLabel(lang, c.sex)], [r.age, (c) => c.age], [r.community, (c) => c.community],
    [r.registered, (c) => c.registeredOn], [r.status, (c) => r.statusName[c.status] ?? c.status], [m.forms, (c) => c.forms],
  ];
  const name = `duplicate-${d.id}`;
  return (
    <fieldset className="merge-choice" data-testid="merge-duplicate">
      <legend>{m.duplicateLegend({ code: d.backup.code, reason: m.duplicateReason[d.reason] })}</legend>
      <div className="table-wrap" tabIndex={0}>
        <table className="records-table">
          <thead><tr><th scope="col"></th><th scope="col">{m.thisLaptop}</th><th scope="col">{m.theBackup({ name: backupName })}</th></tr></thead>
          <tbody>
            {rows.map(([label, cell]) => {
              const [here, there] = [cell(d.here), cell(d.backup)];
              return <tr key={label} className={String(here) === String(there) ? undefined : 'differs'}><th scope="row">{label}</th><td>{here}</td><td>{there}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <div className="merge-options">
        <label><input type="radio" name={name} value="join" checked={decision?.choice === 'join'} onChange={() => onDecide({ choice: 'join', newCode: decision?.newCode ?? '' })} /> {m.join}</label>
        <label><input type="radio" name={name} value="apart" checked={decision?.choice === 'apart'} onChange={() => onDecide({ choice: 'apart', newCode: decision?.newCode ?? '' })} /> {m.apart}</label>
      </div>
      {decision?.choice === 'apart' && d.reason === 'same-code' && (
        <div className="records-form">
          <label><span>{m.newCode}</span><input value={decision.newCode} maxLength={60} required onChange={(e) => onDecide({ choice: 'apart', newCode: e.target.value })} autoComplete="off" data-testid="merge-new-code" /></label>
        </div>
      )}
    </fieldset>
  );
}
