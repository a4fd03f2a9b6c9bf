import { useApp } from '../app/app-state.tsx';

/** A kept value as text: a repeat group's rows one per line, each as "field: value". */
function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map((row) => (row && typeof row === 'object' ? Object.entries(row).map(([k, x]) => `${k}: ${String(x)}`).join(' · ') : String(row))).join('\n');
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** The answers to fields the manual's form does not have (a form the NGO adapted), kept by their field names. */
export function UnrecognisedAnswers({ answers }: { answers: Record<string, unknown> | null }) {
  const r = useApp().t.records;
  if (!answers || Object.keys(answers).length === 0) return null;
  return (
    <div className="unrecognised" data-testid="entry-unrecognised">
      <h5>{r.origin.unrecognisedTitle}</h5>
      <dl className="answer-list">
        {Object.entries(answers).map(([name, v]) => <div key={name}><dt><code>{name}</code></dt><dd className="pre-line">{valueText(v)}</dd></div>)}
      </dl>
    </div>
  );
}
