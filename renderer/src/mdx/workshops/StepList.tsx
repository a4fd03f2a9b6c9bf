import type { WorkshopModule } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';

/** Steps with their minutes (or their clock times in a workshop) and method; a facilitator note under each step that has one. */
export function StepList({ module, times }: { module: WorkshopModule; times?: Array<{ start: string; end: string }> }) {
  const { lang, t } = useApp();
  const w = t.workshop;
  return (
    <ol className="module-steps" data-slide-steps="">
      {module.steps.map((s, i) => (
        <li key={i} className="module-step" data-minutes={s.minutes}>
          <p className="step-head">
            {times ? <span className="step-time">{times[i].start}–{times[i].end}</span> : <span className="step-time">{w.minutes({ n: s.minutes })}</span>}
            <strong data-step-title="">{s[lang].title}</strong>
            <span className={`tag tag-method method-${s.method}`}>{w.method[s.method]}</span>
            {times && <span className="muted"> · {w.minutes({ n: s.minutes })}</span>}
          </p>
          <p className="step-instructions">{s[lang].instructions}</p>
          {s[lang].facilitatorNote && <p className="step-note"><strong>{w.facilitatorNote}:</strong> <span data-facilitator-note="">{s[lang].facilitatorNote}</span></p>}
        </li>
      ))}
    </ol>
  );
}
