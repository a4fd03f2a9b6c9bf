import type { ImportPreview } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { questionLabel } from './answer-text.ts';
import { formById } from './monitoring-forms.ts';
import { PreviewCounts } from './PreviewCounts.tsx';
import { ProblemList } from './ProblemList.tsx';

/**
 * What importing a server's export would do: the form recognised and how, where the file comes
 * from, the versions it was collected with, the counts, each refused row, and what Puente does not know.
 */
export function ImportSummary({ preview }: { preview: ImportPreview }) {
  const { t, lang } = useApp();
  const s = t.records.serverImport;
  const form = formById(preview.form.id);
  return (
    <div className="import-summary" data-testid="server-import-preview">
      <h4>{s.previewTitle({ file: preview.fileName })}</h4>
      <dl className="import-facts">
        <div><dt>{s.form}</dt><dd data-testid="server-import-form">{s.formLine({ title: form?.[lang].title ?? preview.form.id, formId: preview.form.formId, version: preview.form.version })} · {s.recognisedBy[preview.form.recognisedBy]}</dd></div>
        <div><dt>{s.from}</dt><dd>{s.format[preview.format]} · {s.headers[preview.headers]}</dd></div>
        {preview.formVersions.length > 0 && <div><dt>{s.versions}</dt><dd>{preview.formVersions.map((v) => s.versionRows({ version: v.version, n: v.rows })).join(', ')}</dd></div>}
      </dl>
      <p>{s.submissions({ n: preview.submissions })}</p>
      <PreviewCounts title={s.counts} items={[
        { id: 'new-children', label: s.newChildren, n: preview.newChildren },
        { id: 'new-forms', label: s.newForms, n: preview.newForms },
        { id: 'updates', label: s.updates, n: preview.updates },
        { id: 'unchanged', label: s.unchanged, n: preview.unchanged },
        { id: 'refused', label: s.refused, n: preview.refusedRows },
      ]} />
      <ProblemList title={s.problemsTitle} problems={preview.problems} total={preview.problemsTotal} testId="server-import-problems" />
      {preview.unknownFields.length > 0 && (
        <div data-testid="server-import-unknown-fields">
          <h5>{s.unknownFieldsTitle}</h5>
          <p className="muted">{s.unknownFieldsNote}</p>
          <ul>{preview.unknownFields.map((f) => <li key={f.name}><code>{f.name}</code> · {s.rows({ n: f.rows })}</li>)}</ul>
        </div>
      )}
      {preview.unknownChoices.length > 0 && (
        <div data-testid="server-import-unknown-choices">
          <h5>{s.unknownChoicesTitle}</h5>
          <p className="muted">{s.unknownChoicesNote}</p>
          <ul>{preview.unknownChoices.map((c) => <li key={`${c.question}\u0000${c.value}`}>{questionLabel(form, c.question, lang)} (<code>{c.question}</code>): {s.quote({ v: c.value })} · {s.rows({ n: c.rows })}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
