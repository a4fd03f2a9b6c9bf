import { Fragment } from 'react';
import { computeAgenda, formatDuration, type SavedWorkshop } from '../../../../common/workshops/agenda.ts';
import type { WorkshopModule } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';
import { Handout } from './Handout.tsx';
import { StepList } from './StepList.tsx';

/** What prints: the agenda, each module with its materials to tick off, timed steps and facilitator notes (flowing, no page each), then one handout per module. */
export function WorkshopPack({ workshop, modules: all }: { workshop: SavedWorkshop; modules: readonly WorkshopModule[] }) {
  const { lang, t } = useApp();
  const w = t.workshop;
  const agenda = computeAgenda(workshop, all);
  const modules = agenda.rows.flatMap((r) => (r.kind === 'module' ? [r] : []));
  const date = workshop.date ? new Date(`${workshop.date}T12:00:00`).toLocaleDateString(lang, { dateStyle: 'long' }) : '';
  return (
    <div className="workshop-pack" data-testid="workshop-pack" lang={lang}>
      <section className="pack-agenda">
        <p className="pack-kicker">{w.pack}</p>
        <h2 className="pack-title">{workshop.title}</h2>
        <p className="pack-when">{[date, workshop.place, `${agenda.start}–${agenda.end}`].filter(Boolean).join(' · ')}</p>
        <table className="agenda-table">
          <thead><tr><th scope="col">{w.time}</th><th scope="col">{w.activity}</th></tr></thead>
          <tbody>
            {agenda.rows.map((r) => (
              <tr key={r.index} className={r.kind === 'break' ? 'agenda-break' : undefined}>
                {r.kind === 'missing' ? <td colSpan={2}>{w.missing({ id: r.moduleId })}</td> : (
                  <>
                    <td className="agenda-time">{r.start}–{r.end}</td>
                    <td>{r.kind === 'break' ? w.breakLabel : <><strong>{r.module[lang].title}</strong> <span className="muted">({formatDuration(r.minutes)}, {t.value[r.module.audience]})</span></>}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{w.total({ total: formatDuration(agenda.totalMinutes), modules: formatDuration(agenda.moduleMinutes), breaks: formatDuration(agenda.breakMinutes) })}</p>
      </section>
      <section className="pack-facilitator">
        <h2>{w.facilitatorAgenda}</h2>
        {modules.map((r) => (
          <article key={r.index} className="pack-module">
            <h3>{r.start}–{r.end} · {r.module[lang].title}</h3>
            <p><strong>{w.objectives}:</strong> {r.module[lang].objectives.join(' · ')}</p>
            <p className="pack-materials-label"><strong>{w.materials}:</strong></p>
            <ul className="pack-materials">{r.module[lang].materials.map((m, i) => <li key={i}><span className="box" aria-hidden="true" />{m}</li>)}</ul>
            <StepList module={r.module} times={r.steps} />
            <p><strong>{w.questions}:</strong></p>
            <ul>{r.module[lang].discussionQuestions.map((q, i) => <li key={i}>{q}</li>)}</ul>
            <p><strong>{w.takeHome}:</strong> {r.module[lang].takeHome}</p>
          </article>
        ))}
      </section>
      <section className="pack-handouts">
        <h2 className="visually-hidden">{w.handouts}</h2>
        {modules.map((r) => <Fragment key={r.index}><Handout module={r.module} /></Fragment>)}
      </section>
    </div>
  );
}
