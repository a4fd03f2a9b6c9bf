import type { MergeConflict } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { answerText, questionLabel } from './answer-text.ts';
import { formById } from './monitoring-forms.ts';

/** One form answered differently on the two laptops: the answers that differ side by side, and which to keep. */
export function ConflictChoice({ conflict: c, backupName, keep, onDecide }: {
  conflict: MergeConflict;
  backupName: string;
  keep: 'here' | 'backup' | undefined;
  onDecide(keep: 'here' | 'backup'): void;
}) {
  const { t, lang } = useApp();
  const m = t.records.merge;
  const form = formById(c.instrumentId);
  const name = `conflict-${c.id}`;
  return (
    <fieldset className="merge-choice" data-testid="merge-conflict">
      <legend>{m.conflictLegend({ form: form?.[lang].title ?? c.instrumentId, code: c.childCode, date: c.date })}</legend>
      <div className="table-wrap" tabIndex={0}>
        <table className="records-table">
          <thead><tr><th scope="col">{m.question}</th><th scope="col">{m.thisLaptop}</th><th scope="col">{m.theBackup({ name: backupName })}</th></tr></thead>
          <tbody>
            {c.fields.map((f) => (
              <tr key={f}>
                <th scope="row">{questionLabel(form, f, lang)}</th>
                <td>{answerText(form, f, c.here.answers[f] ?? null, lang) || m.noAnswer}</td>
                <td>{answerText(form, f, c.backup.answers[f] ?? null, lang) || m.noAnswer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="merge-options">
        <label><input type="radio" name={name} value="here" checked={keep === 'here'} onChange={() => onDecide('here')} /> {m.keepHere}</label>
        <label><input type="radio" name={name} value="backup" checked={keep === 'backup'} onChange={() => onDecide('backup')} /> {m.keepBackup}</label>
      </div>
    </fieldset>
  );
}
