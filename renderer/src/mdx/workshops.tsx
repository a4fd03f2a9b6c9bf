import { Fragment, useEffect, useMemo, useState } from 'react';
import { formatRoute } from '../../../common/routes.ts';
import { foldText } from '../../../common/text.ts';
import { MODULE_AUDIENCES, moduleMinutes, type WorkshopModule } from '../../../common/workshops/module-schema.ts';
import { MODULE_PART_TITLES, modulePartAnchor } from '../../../common/workshops/module-page.ts';
import { computeAgenda, formatDuration, moveItem, newWorkshopId, removeItem, type AgendaItem, type SavedWorkshop } from '../../../common/workshops/agenda.ts';
import { call } from '../bridge/index.ts';
import { findChapter } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';
import { workshopModules } from '../app/records.ts';
import { SourcePills } from '../components/SourcePills.tsx';
import { usePrintActions } from '../app/print-actions.ts';

/** The chapter that holds the workshop builder, so module pages can link to it. */
export const BUILDER_CHAPTER_ID = 'workshop-builder';

function moduleRoute(lang: 'en' | 'es', id: string): string {
  return findChapter(lang, id)?.route ?? formatRoute({ kind: 'chapter', lang, chapterId: id });
}

/** Steps with their minutes and method; a facilitator note under each step that has one. */
function StepList({ module, times }: { module: WorkshopModule; times?: Array<{ start: string; end: string }> }) {
  const { lang, t } = useApp();
  const w = t.workshop;
  return (
    <ol className="module-steps">
      {module.steps.map((s, i) => (
        <li key={i} className="module-step">
          <p className="step-head">
            {times ? <span className="step-time">{times[i].start}–{times[i].end}</span> : <span className="step-time">{w.minutes(s.minutes)}</span>}
            <strong>{s[lang].title}</strong>
            <span className={`tag tag-method method-${s.method}`}>{w.method[s.method]}</span>
            {times && <span className="muted"> · {w.minutes(s.minutes)}</span>}
          </p>
          <p className="step-instructions">{s[lang].instructions}</p>
          {s[lang].facilitatorNote && <p className="step-note"><strong>{w.facilitatorNote}:</strong> {s[lang].facilitatorNote}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The printed handout of one module: what participants take home. */
function Handout({ module }: { module: WorkshopModule }) {
  const { lang } = useApp();
  const h = module[lang].handout;
  return (
    <div className="handout" data-handout={module.id}>
      <p className="handout-title">{h.title}</p>
      <ul>{h.points.map((p, i) => <li key={i}>{p}</li>)}</ul>
      <p className="handout-message">{module[lang].takeHome}</p>
      <p className="handout-foot">Puente · {module[lang].title}</p>
    </div>
  );
}

/** A module's facts in one line: audience, ages, community, length, group size. */
function ModuleFacts({ module }: { module: WorkshopModule }) {
  const { t } = useApp();
  const w = t.workshop;
  return (
    <span className="module-facts">
      <span className="tag">{t.value[module.audience]}</span>
      {module.ageGroups.filter((a) => a !== 'all').map((a) => <span key={a} className="tag tag-age">{t.value[a]}</span>)}
      {module.communityTypes.filter((c) => c !== 'all').map((c) => <span key={c} className="tag tag-community">{t.value[c]}</span>)}
      <span className="tag tag-duration">{formatDuration(moduleMinutes(module))}</span>
      {module.maxParticipants && <span className="muted">{w.participants(module.maxParticipants)}</span>}
    </span>
  );
}

/** A workshop module's page: objectives, materials, timed steps, questions, message, handout and how to adapt it. */
export function ModulePage({ id }: { id: string }) {
  const { lang, t } = useApp();
  const w = t.workshop;
  const module = workshopModules.find((m) => m.id === id);
  if (!module) return null;
  const text = module[lang];
  const titles = MODULE_PART_TITLES[lang];
  const builderHref = `${formatRoute({ kind: 'chapter', lang, chapterId: BUILDER_CHAPTER_ID })}`;
  return (
    <div className="module-page" data-module={module.id}>
      <div className="module-intro">
        <p><ModuleFacts module={module} /></p>
        <p className="muted">{w.template}</p>
        <p>{w.follows}: <SourcePills list={module.sources} /></p>
        <p className="module-actions"><a className="button" href={builderHref} onClick={() => addToDraft(module.id)} data-testid="add-to-workshop">{w.openBuilder}</a></p>
      </div>
      <h2 id={modulePartAnchor('objectives')}>{titles.objectives}</h2>
      <ul>{text.objectives.map((o, i) => <li key={i}>{o}</li>)}</ul>
      <h2 id={modulePartAnchor('materials')}>{titles.materials}</h2>
      <ul>{text.materials.map((o, i) => <li key={i}>{o}</li>)}</ul>
      <h2 id={modulePartAnchor('steps')}>{titles.steps} <span className="muted">({formatDuration(moduleMinutes(module))})</span></h2>
      <StepList module={module} />
      <h2 id={modulePartAnchor('discussion')}>{titles.discussion}</h2>
      <ul>{text.discussionQuestions.map((o, i) => <li key={i}>{o}</li>)}</ul>
      <h2 id={modulePartAnchor('take-home')}>{titles['take-home']}</h2>
      <p className="take-home">{text.takeHome}</p>
      <h2 id={modulePartAnchor('handout')}>{titles.handout}</h2>
      <Handout module={module} />
      <h2 id={modulePartAnchor('adapt')}>{titles.adapt}</h2>
      <p>{text.adapt}</p>
    </div>
  );
}

interface ModuleFilter {
  audience: string;
  ageGroup: string;
  communityType: string;
  maxMinutes: number;
  query: string;
}
const NO_FILTER: ModuleFilter = { audience: '', ageGroup: '', communityType: '', maxMinutes: 0, query: '' };
const LENGTH_CHOICES = [60, 90, 120, 180];

export function filterModules(modules: readonly WorkshopModule[], f: ModuleFilter, lang: 'en' | 'es'): WorkshopModule[] {
  const q = foldText(f.query.trim());
  return modules.filter((m) =>
    (!f.audience || m.audience === f.audience) &&
    (!f.ageGroup || m.ageGroups.includes(f.ageGroup as never) || m.ageGroups.includes('all')) &&
    (!f.communityType || m.communityTypes.includes(f.communityType as never) || m.communityTypes.includes('all')) &&
    (!f.maxMinutes || moduleMinutes(m) <= f.maxMinutes) &&
    (!q || foldText([m[lang].title, m[lang].summary, ...m[lang].objectives].join(' ')).includes(q)));
}

function ModuleFilters({ filter, onChange, shown }: { filter: ModuleFilter; onChange(f: ModuleFilter): void; shown: number }) {
  const { t } = useApp();
  const w = t.workshop;
  const set = (patch: Partial<ModuleFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="community-filters module-filters" role="group" aria-label={w.filter}>
      <label><span>{w.audience}</span>
        <select value={filter.audience} onChange={(e) => set({ audience: e.target.value })} data-filter="audience">
          <option value="">{w.any}</option>
          {MODULE_AUDIENCES.map((a) => <option key={a} value={a}>{t.value[a]}</option>)}
        </select>
      </label>
      <label><span>{w.ageGroup}</span>
        <select value={filter.ageGroup} onChange={(e) => set({ ageGroup: e.target.value })} data-filter="age-group">
          <option value="">{w.any}</option>
          {['early', 'under14', '14to17'].map((a) => <option key={a} value={a}>{t.value[a]}</option>)}
        </select>
      </label>
      <label><span>{w.communityType}</span>
        <select value={filter.communityType} onChange={(e) => set({ communityType: e.target.value })} data-filter="community">
          <option value="">{w.any}</option>
          {['settlement', 'urban'].map((a) => <option key={a} value={a}>{t.value[a]}</option>)}
        </select>
      </label>
      <label><span>{w.maxLength}</span>
        <select value={filter.maxMinutes} onChange={(e) => set({ maxMinutes: Number(e.target.value) })} data-filter="length">
          <option value={0}>{w.any}</option>
          {LENGTH_CHOICES.map((n) => <option key={n} value={n}>{formatDuration(n)}</option>)}
        </select>
      </label>
      <label><span>{w.filter}</span><input type="search" value={filter.query} onChange={(e) => set({ query: e.target.value })} /></label>
      <span className="muted" role="status">{w.shown(shown, workshopModules.length)}</span>
    </div>
  );
}

/** <ModuleCatalogue/>: every workshop module, grouped by audience, filterable. */
export function ModuleCatalogue() {
  const { lang, t } = useApp();
  const [filter, setFilter] = useState<ModuleFilter>(NO_FILTER);
  const shown = filterModules(workshopModules, filter, lang);
  return (
    <div className="module-catalogue">
      <ModuleFilters filter={filter} onChange={setFilter} shown={shown.length} />
      {shown.length === 0 && <p className="muted">{t.workshop.none}</p>}
      {MODULE_AUDIENCES.filter((a) => shown.some((m) => m.audience === a)).map((a) => (
        <section key={a} className="module-group">
          <h3>{t.value[a]}</h3>
          <ul className="module-cards">
            {shown.filter((m) => m.audience === a).map((m) => (
              <li key={m.id} data-module-card={m.id}>
                <a href={moduleRoute(lang, m.id)}><strong>{m[lang].title}</strong></a>
                <p>{m[lang].summary}</p>
                <ModuleFacts module={m} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

// The workshop being edited survives a language switch and a visit to a module page.
const blankWorkshop = (title: string): SavedWorkshop => ({ id: '', title, date: '', place: '', startTime: '09:00', items: [], updatedAt: new Date(0).toISOString() });
let draft: SavedWorkshop | null = null;

/** Adds a module to the workshop being built (from a module page's "build a workshop" link). */
function addToDraft(moduleId: string) {
  draft ??= blankWorkshop('');
  if (!draft.items.some((i) => i.type === 'module' && i.moduleId === moduleId)) draft = { ...draft, items: [...draft.items, { type: 'module', moduleId }] };
}

/** <WorkshopBuilder/>: pick modules, order them, set the start and the breaks; the timed agenda follows; save and print. */
export function WorkshopBuilder() {
  const { lang, t } = useApp();
  const w = t.workshop;
  const [workshop, setWorkshop] = useState<SavedWorkshop>(() => draft ?? blankWorkshop(''));
  const [filter, setFilter] = useState<ModuleFilter>(NO_FILTER);
  const [saved, setSaved] = useState<SavedWorkshop[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [showPack, setShowPack] = useState(false);

  useEffect(() => {
    draft = workshop;
  }, [workshop]);
  useEffect(() => {
    call('userdata:get', 'workshops').then((v) => setSaved(v as SavedWorkshop[]), (e: unknown) => setStatus({ ok: false, text: `${w.saveError} ${String(e)}` }));
  }, [w.saveError]);

  const agenda = useMemo(() => computeAgenda(workshop, workshopModules), [workshop]);
  const shown = filterModules(workshopModules, filter, lang);
  const chosen = new Set(workshop.items.flatMap((i) => (i.type === 'module' ? [i.moduleId] : [])));
  const title = workshop.title || w.defaultTitle;

  const edit = (patch: Partial<SavedWorkshop>) => {
    setStatus(null);
    setWorkshop((prev) => ({ ...prev, ...patch }));
  };
  const setItems = (change: (items: AgendaItem[]) => AgendaItem[]) => {
    setStatus(null);
    setWorkshop((prev) => ({ ...prev, items: change(prev.items) }));
  };

  const persist = async (list: SavedWorkshop[], message: string) => {
    try {
      await call('userdata:set', { key: 'workshops', value: list });
      setSaved(list);
      setStatus({ ok: true, text: message });
      return true;
    } catch (e) {
      setStatus({ ok: false, text: `${w.saveError} ${e instanceof Error ? e.message : String(e)}` });
      return false;
    }
  };
  const save = async (asNew: boolean) => {
    const id = !asNew && workshop.id ? workshop.id : newWorkshopId(saved);
    const record: SavedWorkshop = { ...workshop, id, title, updatedAt: new Date().toISOString() };
    const list = saved.some((s) => s.id === id) ? saved.map((s) => (s.id === id ? record : s)) : [...saved, record];
    if (await persist(list, w.savedOk)) setWorkshop(record);
  };
  const remove = async (item: SavedWorkshop) => {
    if (!window.confirm(w.confirmDelete(item.title))) return;
    if (await persist(saved.filter((s) => s.id !== item.id), '') && workshop.id === item.id) setWorkshop({ ...workshop, id: '' });
  };
  const printing = usePrintActions(foldText(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workshop');

  return (
    <div className={`workshop-builder${showPack ? ' pack-preview' : ''}`}>
      <div className="builder-saved">
        <h3>{w.saved}</h3>
        {saved.length === 0 ? <p className="muted">{w.noSaved}</p> : (
          <ul data-testid="saved-workshops">
            {saved.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-button" onClick={() => { setStatus(null); setWorkshop(s); }} aria-current={s.id === workshop.id ? 'true' : undefined}>{s.title}</button>
                <span className="muted"> · {formatDuration(computeAgenda(s, workshopModules).totalMinutes)}</span>
                <button type="button" className="small" onClick={() => void remove(s)} aria-label={`${w.delete}: ${s.title}`}>{w.delete}</button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => { setStatus(null); setWorkshop(blankWorkshop('')); }}>{w.newWorkshop}</button>
      </div>

      <div className="builder-columns">
        <section className="builder-picker" aria-labelledby="builder-modules">
          <h3 id="builder-modules">{w.modules}</h3>
          <ModuleFilters filter={filter} onChange={setFilter} shown={shown.length} />
          <ul className="picker-list">
            {shown.map((m) => (
              <li key={m.id} data-pick={m.id}>
                <div>
                  <a href={moduleRoute(lang, m.id)}>{m[lang].title}</a>
                  <ModuleFacts module={m} />
                </div>
                <button type="button" onClick={() => setItems((items) => [...items, { type: 'module', moduleId: m.id }])} disabled={chosen.has(m.id)} aria-label={`${w.add}: ${m[lang].title}`}>
                  {chosen.has(m.id) ? w.added : w.add}
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section className="builder-workshop" aria-labelledby="builder-chosen">
          <h3 id="builder-chosen">{w.chosen}</h3>
          <div className="builder-fields">
            <label><span>{w.title}</span><input value={workshop.title} placeholder={w.defaultTitle} maxLength={120} onChange={(e) => edit({ title: e.target.value })} data-testid="workshop-title" /></label>
            <label><span>{w.date}</span><input type="date" value={workshop.date} onChange={(e) => edit({ date: e.target.value })} /></label>
            <label><span>{w.place}</span><input value={workshop.place} maxLength={120} onChange={(e) => edit({ place: e.target.value })} /></label>
            <label><span>{w.start}</span><input type="time" value={workshop.startTime} onChange={(e) => /^\d\d:\d\d$/.test(e.target.value) && edit({ startTime: e.target.value })} data-testid="workshop-start" /></label>
          </div>
          {workshop.items.length === 0 ? <p className="muted">{w.empty}</p> : (
            <ol className="agenda-items" data-testid="agenda">
              {agenda.rows.map((row) => {
                const i = row.index;
                const moveButtons = (
                  <span className="item-buttons">
                    <button type="button" className="small" onClick={() => setItems((items) => moveItem(items, i, i - 1))} disabled={i === 0} aria-label={w.moveUp}>↑</button>
                    <button type="button" className="small" onClick={() => setItems((items) => moveItem(items, i, i + 1))} disabled={i === workshop.items.length - 1} aria-label={w.moveDown}>↓</button>
                    <button type="button" className="small" onClick={() => setItems((items) => removeItem(items, i))} aria-label={w.remove}>✕</button>
                  </span>
                );
                if (row.kind === 'missing') return <li key={i} className="agenda-item missing" role="alert">{w.missing(row.moduleId)} {moveButtons}</li>;
                if (row.kind === 'break') {
                  return (
                    <li key={i} className="agenda-item agenda-break" data-item="break">
                      <span className="agenda-time">{row.start}–{row.end}</span>
                      <span className="agenda-what">{w.breakLabel}</span>
                      <label className="break-minutes"><span className="visually-hidden">{w.breakMinutes}</span>
                        <input type="number" min={5} max={120} step={5} value={row.minutes} aria-label={w.breakMinutes}
                          onChange={(e) => {
                            const minutes = Math.min(120, Math.max(5, Math.round(Number(e.target.value) || 5)));
                            setItems((items) => items.map((it, k) => (k === i && it.type === 'break' ? { ...it, minutes } : it)));
                          }} /> min
                      </label>
                      {moveButtons}
                    </li>
                  );
                }
                return (
                  <li key={i} className="agenda-item" data-item={row.module.id}>
                    <span className="agenda-time">{row.start}–{row.end}</span>
                    <span className="agenda-what"><a href={moduleRoute(lang, row.module.id)}>{row.module[lang].title}</a> <span className="muted">· {formatDuration(row.minutes)} · {t.value[row.module.audience]}</span></span>
                    {moveButtons}
                  </li>
                );
              })}
            </ol>
          )}
          <p className="agenda-total" role="status" data-testid="agenda-total">
            {workshop.items.length > 0 && <>{agenda.start}–{agenda.end} · {w.total(formatDuration(agenda.totalMinutes), formatDuration(agenda.moduleMinutes), formatDuration(agenda.breakMinutes))}</>}
          </p>
          <div className="builder-actions">
            <button type="button" onClick={() => setItems((items) => [...items, { type: 'break', minutes: 15 }])}>{w.addBreak}</button>
            <button type="button" className="button-primary" onClick={() => void save(false)} data-testid="save-workshop">{w.save}</button>
            {workshop.id && <button type="button" onClick={() => void save(true)}>{w.saveAsNew}</button>}
            <button type="button" onClick={() => setShowPack((v) => !v)} aria-pressed={showPack} disabled={workshop.items.length === 0}>{showPack ? w.hidePack : w.previewPack}</button>
            <button type="button" onClick={printing.print} disabled={workshop.items.length === 0} data-testid="print-pack">{w.printPack}</button>
            <button type="button" onClick={() => void printing.savePdf()} disabled={workshop.items.length === 0}>{w.savePdf}</button>
          </div>
          {status && <p role="status" className={status.ok ? 'status-ok' : 'status-error'}>{status.text}</p>}
          {printing.status && <p role="status" className={printing.status.ok ? 'status-ok' : 'status-error'}>{printing.status.text}</p>}
        </section>
      </div>
      {workshop.items.length > 0 && <WorkshopPack workshop={{ ...workshop, title }} />}
    </div>
  );
}

/** What prints: the agenda, each module with its timed steps and facilitator notes, then one handout per module. */
function WorkshopPack({ workshop }: { workshop: SavedWorkshop }) {
  const { lang, t } = useApp();
  const w = t.workshop;
  const agenda = computeAgenda(workshop, workshopModules);
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
                {r.kind === 'missing' ? <td colSpan={2}>{w.missing(r.moduleId)}</td> : (
                  <>
                    <td className="agenda-time">{r.start}–{r.end}</td>
                    <td>{r.kind === 'break' ? w.breakLabel : <><strong>{r.module[lang].title}</strong> <span className="muted">({formatDuration(r.minutes)}, {t.value[r.module.audience]})</span></>}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{w.total(formatDuration(agenda.totalMinutes), formatDuration(agenda.moduleMinutes), formatDuration(agenda.breakMinutes))}</p>
      </section>
      <section className="pack-facilitator">
        <h2>{w.facilitatorAgenda}</h2>
        {modules.map((r) => (
          <article key={r.index} className="pack-module">
            <h3>{r.start}–{r.end} · {r.module[lang].title}</h3>
            <p><strong>{w.objectives}:</strong> {r.module[lang].objectives.join(' · ')}</p>
            <p><strong>{w.materials}:</strong> {r.module[lang].materials.join(', ')}</p>
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
