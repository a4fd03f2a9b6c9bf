import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import type { EntryRow } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import { answerText } from './answer-text.ts';

/** A saved form's answers, worded as the form words its questions and choices. */
export function AnswerList({ form, entry }: { form: Instrument | undefined; entry: Pick<EntryRow, 'answers'> }) {
  const { lang } = useApp();
  if (!form) return <pre>{JSON.stringify(entry.answers, null, 1)}</pre>;
  const items = form.sections.flatMap((s) => s.questions).filter((q) => q.type !== 'note' && entry.answers[q.name] !== undefined && entry.answers[q.name] !== null);
  return <dl className="answer-list">{items.map((q) => <div key={q.name}><dt>{q[lang].label}</dt><dd>{answerText(form, q.name, entry.answers[q.name], lang)}</dd></div>)}</dl>;
}
