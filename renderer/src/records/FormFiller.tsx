import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { parseAnswerText, shownQuestions, validateAnswers, type AnswerError, type Answers } from '../../../common/forms/answers.ts';
import { questionNumbers } from '../../../common/forms/form-text.ts';
import { withNotApplicable } from '../../../common/forms/not-applicable.ts';
import { questionsOf, type Instrument, type Question } from '../../../common/forms/instrument-schema.ts';
import { useApp } from '../app/app-state.tsx';
import { useLeaveGuard } from './use-leave-guard.ts';

export interface FormFillerProps {
  form: Instrument;
  /** Answers to start from (for example a record being edited). Names the form does not have are ignored. */
  initial?: Partial<Answers>;
  /** Called with the validated answers (hidden questions and notes left out). A rejected promise is shown as a save error; the answers stay in the form. */
  onSubmit: (value: Answers) => Promise<void> | void;
  onCancel?: () => void;
  submitLabel?: string;
  /** Answers set by the caller and shown read-only (for example the child's code when adding a visit). */
  fixed?: Partial<Answers>;
}

/** What an input holds: text for text, dates, numbers and single choices; a list for multiple choices. */
type Draft = Record<string, string | string[]>;

function toDraft(form: Instrument, answers: Partial<Answers> | undefined): Draft {
  const draft: Draft = {};
  for (const q of questionsOf(form)) {
    const v = answers?.[q.name];
    if (v === undefined || v === null || q.type === 'note') continue;
    draft[q.name] = Array.isArray(v) ? [...v] : String(v);
  }
  return draft;
}

/** The same words, ignoring case and final punctuation. */
function sameText(a: string | undefined, b: string): boolean {
  const norm = (x: string) => x.trim().toLowerCase().replace(/[.。!]+$/, '');
  return a !== undefined && norm(a) === norm(b);
}

function rangeText(q: Question): string {
  if (q.min !== undefined && q.max !== undefined) return `${q.min}–${q.max}`;
  if (q.min !== undefined) return `≥ ${q.min}`;
  if (q.max !== undefined) return `≤ ${q.max}`;
  return '';
}

/**
 * Fills in one instrument: every section and question in the reader's language, the right
 * input per type, skip logic applied as the answers change, and the same validation as the
 * rest of the app (common/forms/answers.ts) when the form is submitted.
 */
export function FormFiller({ form, initial, onSubmit, onCancel, submitLabel, fixed }: FormFillerProps) {
  const { lang, t } = useApp();
  const f = t.fill;
  const base = `fill-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const fieldId = (name: string) => `${base}-${name}`;
  const numbers = useMemo(() => questionNumbers(form), [form]);
  const [draft, setDraft] = useState<Draft>(() => toDraft(form, initial));
  /** Number inputs whose text the browser could not read as a number. */
  const [badInput, setBadInput] = useState<Record<string, boolean>>({});
  /** Questions found at fault on the last submit; their messages follow the answers until fixed. */
  const [flagged, setFlagged] = useState<string[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const initialDraft = useMemo(() => JSON.stringify(toDraft(form, initial)), [form, initial]);
  const mayLeave = useLeaveGuard(!saving && JSON.stringify(draft) !== initialDraft, t.records.leaveForm, useCallback(() => formRef.current, []));

  const answers = useMemo<Partial<Answers>>(() => {
    const out: Partial<Answers> = {};
    for (const q of questionsOf(form)) {
      const raw = draft[q.name];
      if (raw === undefined || q.type === 'note') continue;
      if (q.type === 'integer' || q.type === 'decimal') {
        if (badInput[q.name]) { out[q.name] = Number.NaN; continue; }
        const parsed = parseAnswerText(q, typeof raw === 'string' ? raw : '', lang);
        out[q.name] = parsed.ok ? parsed.value : Number.NaN;
      } else {
        out[q.name] = raw === '' ? null : raw;
      }
    }
    return { ...out, ...fixed };
  }, [form, draft, badInput, fixed, lang]);

  const shown = useMemo(() => shownQuestions(form, answers), [form, answers]);
  const validation = useMemo(() => validateAnswers(form, answers, lang), [form, answers, lang]);
  const errors: AnswerError[] = validation.ok ? [] : validation.errors.filter((e) => flagged.includes(e.question));
  const errorOf = (name: string) => errors.find((e) => e.question === name);

  useEffect(() => {
    if (!focusRequest) return;
    const first = errors[0];
    const el = first && document.getElementById(fieldId(first.question));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
    } else {
      summaryRef.current?.focus();
    }
    // Only when a submit asks for it, not on every change.
  }, [focusRequest]);

  const set = (name: string, value: string | string[]) => {
    setSaveError(null);
    setDraft((d) => ({ ...d, [name]: value }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setSaveError(null);
    if (!validation.ok) {
      setFlagged(validation.errors.map((x) => x.question));
      setFocusRequest((n) => n + 1);
      return;
    }
    setFlagged([]);
    setSaving(true);
    try {
      await onSubmit(validation.value);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const goTo = (name: string) => {
    const el = document.getElementById(fieldId(name));
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };

  const known = new Set(questionsOf(form).map((q) => q.name));

  const renderQuestion = (q: Question) => {
    if (!shown.has(q.name)) return null;
    const label = q[lang];
    if (q.type === 'note') {
      return <p key={q.name} className="form-note fill-note" data-name={q.name}><strong>{t.forms.note}:</strong> {label.label}</p>;
    }
    const id = fieldId(q.name);
    const isFixed = fixed !== undefined && q.name in fixed;
    const error = errorOf(q.name);
    const hintId = label.hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    const fixedId = isFixed ? `${id}-fixed` : undefined;
    const number = numbers.get(q.name);
    const title = (
      <>
        <span className="qnum">{number}.</span> {label.label}
        {q.required && <><span className="req" aria-hidden="true"> *</span><span className="visually-hidden"> ({f.required})</span></>}
      </>
    );
    const notes = (
      <>
        {label.hint && <p id={hintId} className="question-hint">{label.hint}</p>}
        {isFixed && <p id={fixedId} className="fill-fixed-note">{f.fixed}</p>}
        {error && <p id={errorId} className="fill-error">{error.message}</p>}
      </>
    );
    const raw = draft[q.name];
    const text = typeof raw === 'string' ? raw : '';
    const fixedValue = isFixed ? fixed[q.name] : undefined;

    if (q.type === 'select_one' || q.type === 'yes_no' || q.type === 'select_multiple') {
      const multiple = q.type === 'select_multiple';
      const choices = q.type === 'yes_no'
        ? [{ value: 'yes', label: t.forms.yes }, { value: 'no', label: t.forms.no }]
        : (form.choiceLists.find((l) => l.name === q.choices)?.choices ?? []).map((c) => ({ value: c.value, label: c[lang] }));
      const picked: string[] = isFixed
        ? (Array.isArray(fixedValue) ? fixedValue : fixedValue === null || fixedValue === undefined ? [] : [String(fixedValue)])
        : Array.isArray(raw) ? raw : raw ? [raw] : [];
      // "Tick all that apply" for multiple choices, unless the hint already says so.
      const how = multiple && !sameText(label.hint, t.forms.tickAll) ? t.forms.tickAll : null;
      const howId = how ? `${id}-how` : undefined;
      const describedBy = [howId, hintId, fixedId, errorId].filter(Boolean).join(' ') || undefined;
      const toggle = (value: string) => {
        if (!multiple) set(q.name, value);
        else set(q.name, picked.includes(value) ? picked.filter((v) => v !== value) : [...picked, value]);
      };
      return (
        <fieldset key={q.name} id={`${id}-group`} className={`fill-question fill-choices${error ? ' fill-invalid' : ''}`} data-name={q.name} aria-describedby={describedBy}>
          <legend className="question-label">{title}</legend>
          {how && <p id={howId} className="answer-how">{how}</p>}
          {notes}
          <div className={multiple ? 'fill-options square' : 'fill-options round'}>
            {choices.map((c, i) => (
              <label key={c.value} className="check">
                <input
                  id={i === 0 ? id : undefined}
                  type={multiple ? 'checkbox' : 'radio'}
                  name={id}
                  value={c.value}
                  checked={picked.includes(c.value)}
                  disabled={isFixed || saving}
                  aria-invalid={error ? true : undefined}
                  onChange={() => toggle(c.value)}
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
          {!multiple && !isFixed && picked.length > 0 && (
            <button type="button" className="fill-clear" onClick={() => set(q.name, '')} disabled={saving}>{f.clear}</button>
          )}
        </fieldset>
      );
    }

    let how: string | null = null;
    if (q.type === 'integer' || q.type === 'decimal') how = rangeText(q) ? f.range({ a: rangeText(q) }) : null;
    else if (q.type === 'text' && q.maxLength) how = f.maxLength({ n: q.maxLength });
    const howId = how ? `${id}-how` : undefined;
    const common = {
      id,
      name: q.name,
      readOnly: isFixed,
      disabled: saving && !isFixed,
      'aria-invalid': error ? true : undefined,
      'aria-required': q.required || undefined,
      'aria-describedby': [hintId, howId, fixedId, errorId].filter(Boolean).join(' ') || undefined,
    } as const;
    const value = isFixed ? String(fixedValue ?? '') : text;
    let control;
    if (q.type === 'integer' || q.type === 'decimal') {
      control = (
        <input
          {...common}
          type="number"
          inputMode={q.type === 'integer' ? 'numeric' : 'decimal'}
          step={q.type === 'integer' ? 1 : 'any'}
          min={q.min}
          max={q.max}
          className="fill-number"
          value={value}
          onChange={(e) => {
            const bad = e.target.validity.badInput;
            setBadInput((b) => ({ ...b, [q.name]: bad }));
            set(q.name, e.target.value);
          }}
        />
      );
    } else if (q.type === 'date') {
      control = <input {...common} type="date" className="fill-date" value={value} onChange={(e) => set(q.name, e.target.value)} />;
    } else if ((q.maxLength ?? 80) > 120) {
      control = <textarea {...common} rows={3} maxLength={q.maxLength} className="fill-text" value={value} onChange={(e) => set(q.name, e.target.value)} />;
    } else {
      control = <input {...common} type="text" maxLength={q.maxLength} className="fill-text" value={value} onChange={(e) => set(q.name, e.target.value)} />;
    }
    return (
      <div key={q.name} className={`fill-question${error ? ' fill-invalid' : ''}`} data-name={q.name}>
        <label htmlFor={id} className="question-label">{title}</label>
        {notes}
        <div className="fill-control">
          {control}
          {how && <span id={howId} className="answer-how">{how}</span>}
        </div>
      </div>
    );
  };

  return (
    <form ref={formRef} className="form-filler" lang={lang} noValidate onSubmit={submit} aria-label={form[lang].title} data-form={form.id}>
      {errors.length > 0 && (
        <div ref={summaryRef} className="fill-summary" role="alert" tabIndex={-1} aria-labelledby={`${base}-summary`}>
          <h2 id={`${base}-summary`}>{f.errorsTitle({ n: errors.length })}</h2>
          <p>{f.errorsIntro}</p>
          <ul>
            {errors.map((e) => (
              <li key={e.question}>
                {known.has(e.question) ? (
                  <a href={`#${fieldId(e.question)}`} onClick={(ev) => { ev.preventDefault(); goTo(e.question); }}>{e.message}</a>
                ) : e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted fill-required-note">{f.requiredNote}</p>
      {form.sections.map((section) => {
        const titleId = `${base}-section-${section.id}`;
        const any = section.questions.some((q) => shown.has(q.name));
        return (
          <section key={section.id} className="fill-section" aria-labelledby={titleId} data-section={section.id}>
            <h2 id={titleId}>{section[lang].title}</h2>
            {section[lang].intro && <p className="form-intro">{section[lang].intro}</p>}
            {!any && <p className="muted fill-skipped">{f.sectionSkipped}</p>}
            {withNotApplicable(section.questions, numbers, shown).map((item) => (item.kind === 'shown'
              ? renderQuestion(item.question)
              : <p key={`na-${item.first}`} className="muted fill-not-applicable">{f.notApplicable({ a: item.first, b: item.last, span: item.first === item.last ? 'one' : 'other' })}</p>))}
          </section>
        );
      })}
      {saveError && (
        <div className="fill-save-error" role="alert">
          <p><strong>{f.saveError}</strong></p>
          <p>{saveError}</p>
        </div>
      )}
      <div className="fill-actions">
        <button type="submit" className="button-primary" disabled={saving} aria-busy={saving || undefined}>{saving ? f.saving : submitLabel ?? f.submit}</button>
        {onCancel && <button type="button" onClick={() => mayLeave() && onCancel()} disabled={saving}>{f.cancel}</button>}
      </div>
    </form>
  );
}
