import { answerLabel } from '../../../common/forms/form-text.ts';
import { questionsOf, type Instrument } from '../../../common/forms/instrument-schema.ts';
import type { CsvPreview } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';

/** The catalogue's name for each cell separator. */
const SEPARATOR_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

export type CsvChoices = { decisions: Record<string, 'skip' | 'update'>; unknownColumns: 'keep' | 'ignore' };

/**
 * What a CSV would do, before anything changes: how the file was read, the new forms, those already
 * here, the columns the form does not have (keep or ignore), and each form already on the register
 * with other answers side by side, with its choice: skip the row or update the form.
 */
export function CsvImportPreview({ form, fileName, preview: p, choices, onChoices }: { form: Instrument | undefined; fileName: string; preview: CsvPreview; choices: CsvChoices; onChoices(c: CsvChoices): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const c = r.csvImport;
  // A difference reads as the question and the answers people see; the field name stays beside it.
  const question = (field: string) => (form ? questionsOf(form).find((q) => q.name === field)?.[lang].label : undefined);
  const answer = (field: string, value: string) => (form && value ? value.split(' ').map((v) => answerLabel(form, field, v, lang)).join(', ') : value);
  const all = (choice: 'skip' | 'update') => onChoices({ ...choices, decisions: Object.fromEntries(p.conflicts.map((k) => [String(k.row), choice])) });
  return (
    <div className="csv-preview" data-testid="csv-preview">
      <h4>{c.previewTitle({ file: fileName })}</h4>
      <p className="muted" data-testid="csv-read-as">{c.readAs({ separator: c.separators[SEPARATOR_NAMES[p.delimiter]], encoding: c.encodings[p.encoding], order: c.orders[p.dateOrder] })}</p>
      <ul>
        <li data-testid="csv-new">{c.newForms({ n: p.newForms })}</li>
        <li data-testid="csv-unchanged">{c.unchanged({ n: p.unchanged })}</li>
      </ul>
      {p.unknownColumns.length > 0 && (
        <fieldset data-testid="csv-unknown-columns">
          <legend>{c.unknownColumns({ columns: p.unknownColumns.join(', ') })}</legend>
          {(['keep', 'ignore'] as const).map((v) => (
            <label key={v}><input type="radio" name="csv-unknown" value={v} checked={choices.unknownColumns === v} onChange={() => onChoices({ ...choices, unknownColumns: v })} /> {v === 'keep' ? c.keepColumns : c.ignoreColumns}</label>
          ))}
        </fieldset>
      )}
      {p.conflicts.length > 0 && (
        <div data-testid="csv-conflicts">
          <p>{c.conflictsTitle({ n: p.conflicts.length })}</p>
          <p className="records-actions">
            <button type="button" className="small" onClick={() => all('skip')} data-testid="csv-skip-all">{c.skipAll}</button>
            <button type="button" className="small" onClick={() => all('update')} data-testid="csv-update-all">{c.updateAll}</button>
          </p>
          <div className="table-wrap" tabIndex={0}>
            <table className="records-table">
              <thead><tr><th scope="col">{r.row}</th><th scope="col">{c.child}</th><th scope="col">{c.date}</th><th scope="col">{c.differences}</th><th scope="col">{c.choice}</th></tr></thead>
              <tbody>
                {p.conflicts.map((k) => (
                  <tr key={k.row} data-row={k.row}>
                    <td>{k.row}</td><td>{k.childCode ?? '—'}</td><td>{k.date}</td>
                    <td><ul>{k.differences.map((d) => <li key={d.field}>{question(d.field) ?? d.field} (<code>{d.field}</code>): {answer(d.field, d.here) || '—'} → {answer(d.field, d.file) || '—'}</li>)}</ul></td>
                    <td>
                      <select value={choices.decisions[String(k.row)] ?? ''} aria-label={`${c.choice} ${k.row}`} data-testid={`csv-choice-${k.row}`}
                        onChange={(e) => onChoices({ ...choices, decisions: { ...choices.decisions, [String(k.row)]: e.target.value as 'skip' | 'update' } })}>
                        <option value="" disabled>—</option>
                        <option value="skip">{c.skip}</option>
                        <option value="update">{c.update}</option>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
