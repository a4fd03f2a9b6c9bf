import type { Answers } from '../../../common/forms/answers.ts';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import type { EntryRow } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';

/** A saved form's answers, worded as the form words its questions and choices. */
export function AnswerList({ form, entry }: { form: Instrument | undefined; entry: EntryRow }) {
  const { lang } = useApp();
  if (!form) return <pre>{JSON.stringify(entry.answers, null, 1)}</pre>;
  const items = form.sections.flatMap((s) => s.questions).filter((q) => q.type !== 'note' && entry.answers[q.name] !== undefined && entry.answers[q.name] !== null);
  const shown = (name: string, v: Answers[string]) => {
    const q = items.find((x) => x.name === name)!;
    const list = q.choices ? form.choiceLists.find((l) => l.name === q.choices) : undefined;
    const one = (x: string) => (q.type === 'yes_no' ? (x === 'yes' ? (lang === 'es' ? 'Sí' : 'Yes') : 'No') : list?.choices.find((c) => c.value === x)?.[lang] ?? x);
    return Array.isArray(v) ? v.map(one).join(', ') : typeof v === 'string' ? one(v) : String(v);
  };
  return <dl className="answer-list">{items.map((q) => <div key={q.name}><dt>{q[lang].label}</dt><dd>{shown(q.name, entry.answers[q.name])}</dd></div>)}</dl>;
}
