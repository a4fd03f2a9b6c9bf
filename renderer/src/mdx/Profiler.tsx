import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { buildPlan, sameAnswers, type ProfilerAnswers, type SavedProfile } from '../../../common/profiler.ts';
import { formatRoute } from '../../../common/routes.ts';
import { findChapter } from '../app/content.ts';
import { communities } from 'virtual:puente-catalogue/communities';
import { profiler } from 'virtual:puente-catalogue/profiler';
import { useApp } from '../app/app-state.tsx';
import { printPage } from '../app/print-actions.ts';
import { SourcePills } from '../components/SourcePills.tsx';
import { useLeaveGuard } from '../records/use-leave-guard.ts';
import { useSavedList } from './use-saved-list.ts';

// The answers being edited survive a language switch (which loads the other language's chapter).
let draft: { answers: ProfilerAnswers; savedId: string | null; name: string } = { answers: {}, savedId: null, name: '' };

function newPlanId(): string {
  return `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** <Profiler/>: "Which approach fits my community?" — questions in, a tailored plan out. */
export function Profiler() {
  const { lang, t } = useApp();
  const p = t.profiler;
  const [answers, setAnswers] = useState<ProfilerAnswers>(draft.answers);
  const [savedId, setSavedId] = useState<string | null>(draft.savedId);
  const [name, setName] = useState(draft.name);
  const plans = useSavedList('profiler-plans', { saveError: p.saveError, newId: newPlanId });

  useEffect(() => {
    draft = { answers, savedId, name };
  }, [answers, savedId, name]);

  const [printingPlan, setPrintingPlan] = useState(false);
  const savedPlan = plans.saved.find((s) => s.id === savedId);
  // Links keep the answers (they survive moving between pages): only closing or reloading the window asks.
  useLeaveGuard(!sameAnswers(answers, savedPlan?.answers ?? {}), p.leave, useCallback(() => document.body, []));
  useEffect(() => {
    if (!printingPlan) return;
    const done = () => setPrintingPlan(false);
    addEventListener('afterprint', done);
    return () => removeEventListener('afterprint', done);
  }, [printingPlan]);
  const printPlan = () => {
    // The page must show only the plan before the print dialog takes its picture of it.
    flushSync(() => setPrintingPlan(true));
    void printPage();
  };

  const result = useMemo(() => (profiler ? buildPlan(profiler, answers, communities) : null), [answers]);
  if (!profiler || !result) return null;
  const questions = profiler.questions;
  const answered = questions.filter((q) => (answers[q.id] ?? []).length > 0).length;
  const problemOf = (id: string) => (result.ok ? undefined : result.problems.find((x) => x.question === id));
  const touched = Object.keys(answers).length > 0;

  const choose = (qid: string, optionId: string, multiple: boolean) => {
    plans.clearStatus();
    setAnswers((prev) => {
      const current = prev[qid] ?? [];
      let next: string[];
      if (!multiple) next = [optionId];
      else if (current.includes(optionId)) next = current.filter((o) => o !== optionId);
      else next = [...current, optionId];
      const out = { ...prev };
      if (next.length) out[qid] = next;
      else delete out[qid];
      return out;
    });
  };

  const save = async (asNew: boolean) => {
    const now = new Date().toISOString();
    const planName = name.trim() || p.defaultName;
    const record = await plans.save(savedId, asNew, (id, previous) => ({ id, name: planName, createdAt: previous?.createdAt ?? now, updatedAt: now, answers }), p.savedOk);
    if (!record) return;
    setSavedId(record.id);
    setName(planName);
  };

  const open = (s: SavedProfile) => {
    setAnswers(s.answers);
    setSavedId(s.id);
    setName(s.name);
    plans.clearStatus();
  };

  const remove = async (s: SavedProfile) => {
    if (!window.confirm(p.confirmDelete({ n: s.name }))) return;
    if (await plans.remove(s.id, p.savedOk) && savedId === s.id) setSavedId(null);
  };

  const reset = () => {
    setAnswers({});
    setSavedId(null);
    setName('');
    plans.clearStatus();
  };

  return (
    <div className="profiler" data-print={printingPlan ? 'plan' : undefined}>
      <section className="profiler-saved" aria-labelledby="profiler-saved-title">
        <h3 id="profiler-saved-title">{p.saved}</h3>
        {plans.saved.length === 0 ? <p className="muted">{p.none}</p> : (
          <ul>
            {plans.saved.map((s) => (
              <li key={s.id} className={s.id === savedId ? 'current' : undefined}>
                <span>{s.name}</span>
                <small className="muted">{new Date(s.updatedAt).toLocaleDateString(lang)}</small>
                <button type="button" onClick={() => open(s)}>{p.open}</button>
                <button type="button" onClick={() => void remove(s)}>{p.delete}</button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={reset}>{p.newPlan}</button>
      </section>

      <p>{p.intro}</p>
      <p className="muted" role="status" data-testid="profiler-progress">{p.progress({ a: answered, t: questions.length })}</p>
      <form className="profiler-form" onSubmit={(e) => e.preventDefault()}>
        {questions.map((q, i) => {
          const problem = touched ? problemOf(q.id) : undefined;
          const multiple = q.kind === 'multiple';
          return (
            <fieldset key={q.id} id={`question-${q.id}`} aria-invalid={problem ? true : undefined} data-question={q.id}>
              <legend>
                <span className="question-number">{i + 1}.</span> {q[lang].label}
                {!q.required && <span className="muted"> ({p.optional})</span>}
              </legend>
              {q[lang].hint && <p className="muted">{q[lang].hint}</p>}
              {q.options.map((o) => (
                <label key={o.id} className="check">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`q-${q.id}`}
                    value={o.id}
                    checked={(answers[q.id] ?? []).includes(o.id)}
                    onChange={() => choose(q.id, o.id, multiple)}
                  />
                  {o[lang]}
                </label>
              ))}
            </fieldset>
          );
        })}
      </form>

      {!result.ok && touched && (
        <div className="profiler-incomplete" role="alert" data-testid="profiler-incomplete">
          <p>{p.incomplete}</p>
          <ul>
            {result.problems.map((x) => {
              const index = questions.findIndex((q) => q.id === x.question);
              const q = questions[index];
              const detail = x.message === 'too-many' ? ` — ${p.tooMany}` : x.message === 'unknown-option' ? ` — ${p.unknownOption}` : '';
              return (
                <li key={x.question}>
                  <a href={`#question-${x.question}`} onClick={(e) => { e.preventDefault(); document.getElementById(`question-${x.question}`)?.scrollIntoView({ block: 'center' }); }}>
                    {index + 1}. {q ? q[lang].label : x.question}
                  </a>{detail}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {result.ok && (
        <section className="profiler-plan" aria-labelledby="plan-title" data-testid="profiler-plan">
          <h3 id="plan-title">{p.planTitle}{name ? ` — ${name}` : ''}</h3>
          <p className="muted">{p.planNote}</p>

          <h4>{p.matches}</h4>
          {result.plan.matches.length === 0 ? <p>{p.noMatch}</p> : (
            <ol className="plan-matches">
              {result.plan.matches.map((m) => {
                const c = communities.find((x) => x.id === m.communityId)!;
                return (
                  <li key={m.communityId} data-match={m.communityId}>
                    <a href={formatRoute({ kind: 'chapter', lang, chapterId: c.caseChapter })}><strong>{c[lang].name}</strong></a>{' '}
                    <span className="muted">({t.community.value[c.country] ?? c.country})</span>
                    <div className="chips-inline">
                      <span className="muted">{p.matchReasons}</span>
                      {m.reasons.map((r) => (
                        <span key={r.feature} className="tag">
                          {r.feature === 'partOfLargerComplex' ? `${t.community.complex}: ${r.value === 'true' ? t.community.yes : t.community.no}` : t.community.value[r.value] ?? r.value}
                        </span>
                      ))}
                    </div>
                  </li>
                );
              })}
            </ol>
          )}

          {result.plan.hypotheses.length > 0 && (
            <>
              <h4>{p.hypotheses}</h4>
              <ul className="plan-hypotheses">
                {result.plan.hypotheses.map((h) => (
                  <li key={h.id}>
                    <span className="tag">{p.hypothesisLabel}</span> {h[lang]} <SourcePills list={[{ src: h.cite.src, at: h.cite.at }]} />
                  </li>
                ))}
              </ul>
            </>
          )}

          <h4>{p.readFirst}</h4>
          <ol className="plan-read">
            {result.plan.read.map((id) => {
              const ch = findChapter(lang, id);
              return ch ? <li key={id}><a href={ch.route}>{ch.title}</a></li> : null;
            })}
          </ol>

          <h4>{p.steps}</h4>
          <ul className="plan-steps checklist-static">
            {result.plan.steps.map((s, i) => (
              <li key={i}>{s[lang]} {s.cite && <SourcePills list={[{ src: s.cite.src, at: s.cite.at }]} />}</li>
            ))}
          </ul>

          <h4>{p.answers}</h4>
          <div className="plan-answers">
            <dl>
              {questions.filter((q) => answers[q.id]?.length).map((q) => (
                <div key={q.id}>
                  <dt>{q[lang].label}</dt>
                  <dd>{(answers[q.id] ?? []).map((o) => q.options.find((x) => x.id === o)?.[lang] ?? o).join('; ')}</dd>
                </div>
              ))}
            </dl>
          </div>

          <div className="plan-actions">
            <label>
              <span>{p.name}</span>
              <input type="text" value={name} maxLength={120} placeholder={p.defaultName} onChange={(e) => setName(e.target.value)} data-testid="plan-name" />
            </label>
            <button type="button" className="button-primary" onClick={() => void save(false)} data-testid="plan-save">{savedPlan ? p.update({ n: savedPlan.name }) : p.save}</button>
            {savedId && <button type="button" onClick={() => void save(true)}>{p.saveAsNew}</button>}
            <button type="button" onClick={printPlan}>{p.print}</button>
          </div>
        </section>
      )}
      {plans.status && <p role="status" className="profiler-status">{plans.status.text}</p>}
    </div>
  );
}
