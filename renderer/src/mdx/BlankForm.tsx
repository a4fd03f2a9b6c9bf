import { useMemo } from 'react';
import { blockText, goToText, ifText, onlyIfText } from '../../../common/forms/form-text.ts';
import { instrumentSectionAnchor, questionsOf, type Instrument, type Question } from '../../../common/forms/instrument-schema.ts';
import { planSkips, type GoTo } from '../../../common/forms/skip-plan.ts';
import { useApp } from '../app/app-state.tsx';

/** Choice lists longer than this run under the question in columns instead of beside it. */
const LONG_LIST = 5;
/** Answers this short (in characters) sit side by side. */
const SHORT_LABEL = 20;

/** "→ go to 12", or the notes an answer leads to and then where to go. */
function GoToMark({ goTo, form }: { goTo: GoTo; form: Instrument }) {
  const { lang } = useApp();
  const notes = goTo.notes.map((n) => questionsOf(form).find((q) => q.name === n)?.[lang].label).filter(Boolean);
  return <span className="goto">→ {notes.length > 0 && <span className="goto-note">{notes.join(' ')} → </span>}{goToText(goTo, lang)}</span>;
}

function choicesOf(form: Instrument, q: Question, lang: 'en' | 'es', yes: string, no: string) {
  if (q.type === 'yes_no') return [{ value: 'yes', label: yes }, { value: 'no', label: no }];
  return (form.choiceLists.find((l) => l.name === q.choices)?.choices ?? []).map((c) => ({ value: c.value, label: c[lang] }));
}

function AnswerSpace({ form, q, goTos }: { form: Instrument; q: Question; goTos: GoTo[] }) {
  const { lang, t } = useApp();
  const f = t.forms;
  switch (q.type) {
    case 'note':
      return null;
    case 'yes_no':
    case 'select_one':
    case 'select_multiple': {
      const multiple = q.type === 'select_multiple';
      const choices = choicesOf(form, q, lang, f.yes, f.no);
      // Yes / No sit side by side, their round boxes saying "tick one" without words; so do other short answers.
      const yesNo = q.type === 'yes_no';
      const sideBySide = yesNo || (goTos.length === 0 && choices.length <= LONG_LIST && choices.every((c) => c.label.length <= SHORT_LABEL));
      return (
        <div className="answer-choices">
          {!yesNo && <span className="answer-how">{multiple ? f.tickAll : f.tickOne}</span>}
          <ul className={`boxes ${multiple ? 'square' : 'round'}${sideBySide ? ' side-by-side' : ''}`}>
            {choices.map((c) => {
              const goTo = goTos.find((g) => g.values.includes(c.value));
              return <li key={c.value} data-value={c.value}><span className="box" aria-hidden="true" /><span>{c.label}{goTo && <> <GoToMark goTo={goTo} form={form} /></>}</span></li>;
            })}
          </ul>
        </div>
      );
    }
    case 'integer':
    case 'decimal': {
      const digits = Math.max(2, String(Math.trunc(Math.abs(q.max ?? 999))).length + (q.type === 'decimal' ? 2 : 0));
      const range = q.min !== undefined && q.max !== undefined ? `${q.min}–${q.max}` : q.min !== undefined ? `≥ ${q.min}` : q.max !== undefined ? `≤ ${q.max}` : '';
      return (
        <div className="answer-number">
          {Array.from({ length: digits }, (_, i) => <span key={i} className="digit" aria-hidden="true" />)}
          {range && <span className="answer-how">{f.range({ a: range })}</span>}
        </div>
      );
    }
    case 'date':
      return (
        <div className="answer-number">
          <span className="digit" /><span className="digit" /><span className="sep">/</span><span className="digit" /><span className="digit" /><span className="sep">/</span>
          <span className="digit" /><span className="digit" /><span className="digit" /><span className="digit" />
          <span className="answer-how">{f.date}</span>
        </div>
      );
    default:
      return <div className={`answer-lines lines-${(q.maxLength ?? 80) > 120 ? 3 : 2}`} aria-hidden="true"><span /><span /><span /></div>;
  }
}

/**
 * The blank form as paper questionnaires print it: questions numbered straight through, each with
 * its answer beside it; skips as a go-to beside the answer that triggers them, a boxed note where a
 * block starts, and a condition beside a lone question or note (common/forms/skip-plan.ts).
 */
export function BlankForm({ form }: { form: Instrument }) {
  const { lang, t } = useApp();
  const plan = useMemo(() => planSkips(form), [form]);
  const { numbers } = plan;
  return (
    <div className="blank-form" lang={lang}>
      <header className="form-print-header">
        <p className="form-print-title"><strong>{form[lang].title}</strong> <span className="nowrap">· {t.forms.version} {form.version}</span></p>
        <p className="form-print-fields">
          {[t.forms.headerFields.interviewer, t.forms.headerFields.date, t.forms.headerFields.community, t.forms.headerFields.formNumber].map((field) => <span key={field} className="form-field">{field}: <span className="blank" aria-hidden="true" /></span>)}
        </p>
      </header>
      {form.sections.map((section) => (
        <section key={section.id} className="form-section" aria-labelledby={instrumentSectionAnchor(section.id)}>
          <h2 id={instrumentSectionAnchor(section.id)} tabIndex={-1}>{section[lang].title}</h2>
          {section[lang].intro && <p className="form-intro">{section[lang].intro}</p>}
          <ol className="form-questions">
            {section.questions.flatMap((q) => {
              const rows = (plan.blocksBefore.get(q.name) ?? []).map((block, i) => (
                <li key={`${q.name}-block-${i}`} className="form-block" data-block-for={q.name}>{blockText(form, block, lang, numbers)}</li>
              ));
              if (plan.attachedNotes.has(q.name)) return rows;
              const inline = plan.inline.get(q.name);
              if (q.type === 'note') {
                rows.push(
                  <li key={q.name} className="form-note" data-name={q.name}>
                    <strong>{t.forms.note}:</strong> {inline && <span className="skip">{ifText(form, inline, lang, numbers)}</span>} {q[lang].label}
                  </li>,
                );
                return rows;
              }
              const n = numbers.get(q.name);
              const long = (q.type === 'select_one' || q.type === 'select_multiple') && choicesOf(form, q, lang, '', '').length > LONG_LIST;
              const boxes = q.type === 'integer' || q.type === 'decimal' || q.type === 'date';
              rows.push(
                <li key={q.name} className={`form-question${long ? ' long-answer' : boxes ? ' box-answer' : ''}`} data-name={q.name} value={n}>
                  <span className="qnum">{n}.</span>
                  <div className="question-text">
                    {inline && <p className="skip">{onlyIfText(form, inline, lang, numbers)}</p>}
                    <p className="question-label">
                      {q[lang].label}
                      {q.required && <span className="req" title={t.forms.required}> *</span>}
                    </p>
                    {q[lang].hint && <p className="question-hint">{q[lang].hint}</p>}
                  </div>
                  <div className="question-answer"><AnswerSpace form={form} q={q} goTos={plan.goTos.get(q.name) ?? []} /></div>
                </li>,
              );
              return rows;
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
