import { useMemo, useState } from 'react';
import { foldText } from '../../../../common/text.ts';
import { computeAgenda, formatDuration, newWorkshopId, overTarget, type AgendaItem, type SavedWorkshop } from '../../../../common/workshops/agenda.ts';
import { useApp } from '../../app/app-state.tsx';
import { usePrintActions } from '../../app/print-actions.ts';
import { workshopModules } from 'virtual:puente-catalogue/workshop-modules';
import { useSavedList } from '../use-saved-list.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { ModulePicker } from './ModulePicker.tsx';
import { SavedWorkshops } from './SavedWorkshops.tsx';
import { TargetLength } from './TargetLength.tsx';
import { blankWorkshop, useWorkshopDraft } from './workshop-draft.tsx';
import { WorkshopPack } from './WorkshopPack.tsx';

/** <WorkshopBuilder/>: pick modules, order them, set the start and the breaks; the timed agenda follows; save and print. */
export function WorkshopBuilder() {
  const { t } = useApp();
  const w = t.workshop;
  const { draft: workshop, setDraft } = useWorkshopDraft();
  const workshops = useSavedList('workshops', { saveError: w.saveError, newId: newWorkshopId });
  const [showPack, setShowPack] = useState(false);

  const agenda = useMemo(() => computeAgenda(workshop, workshopModules), [workshop]);
  const chosen = new Set(workshop.items.flatMap((i) => (i.type === 'module' ? [i.moduleId] : [])));
  const title = workshop.title || w.defaultTitle;
  const empty = workshop.items.length === 0;
  const over = overTarget(agenda, workshop.targetMinutes);

  const edit = (patch: Partial<SavedWorkshop>) => {
    workshops.clearStatus();
    setDraft((prev) => ({ ...prev, ...patch }));
  };
  const setItems = (change: (items: AgendaItem[]) => AgendaItem[]) => {
    workshops.clearStatus();
    setDraft((prev) => ({ ...prev, items: change(prev.items) }));
  };
  const open = (next: SavedWorkshop) => {
    workshops.clearStatus();
    setDraft(next);
  };
  const save = async (asNew: boolean) => {
    const record = await workshops.save(workshop.id || null, asNew, (id) => ({ ...workshop, id, title, updatedAt: new Date().toISOString() }), w.savedOk);
    if (record) setDraft(record);
  };
  const remove = async (item: SavedWorkshop) => {
    if (!window.confirm(w.confirmDelete({ n: item.title }))) return;
    if (await workshops.remove(item.id, '') && workshop.id === item.id) setDraft((prev) => ({ ...prev, id: '' }));
  };
  const printing = usePrintActions(foldText(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workshop');

  return (
    <div className={`workshop-builder${showPack ? ' pack-preview' : ''}`}>
      <SavedWorkshops saved={workshops.saved} modules={workshopModules} openId={workshop.id} onOpen={open} onDelete={(s) => void remove(s)} onNew={() => open(blankWorkshop())} />

      <div className="builder-columns">
        <ModulePicker modules={workshopModules} chosen={chosen} onAdd={(moduleId) => setItems((items) => [...items, { type: 'module', moduleId }])} />

        <section className="builder-workshop" aria-labelledby="builder-chosen">
          <h3 id="builder-chosen">{w.chosen}</h3>
          <div className="builder-fields">
            <label><span>{w.title}</span><input value={workshop.title} placeholder={w.defaultTitle} maxLength={120} onChange={(e) => edit({ title: e.target.value })} data-testid="workshop-title" /></label>
            <label><span>{w.date}</span><input type="date" value={workshop.date} onChange={(e) => edit({ date: e.target.value })} /></label>
            <label><span>{w.place}</span><input value={workshop.place} maxLength={120} onChange={(e) => edit({ place: e.target.value })} /></label>
            <label><span>{w.start}</span><input type="time" value={workshop.startTime} onChange={(e) => /^\d\d:\d\d$/.test(e.target.value) && edit({ startTime: e.target.value })} data-testid="workshop-start" /></label>
            <TargetLength value={workshop.targetMinutes} onChange={(targetMinutes) => edit({ targetMinutes })} />
          </div>
          {empty ? <p className="muted">{w.empty}</p> : <AgendaEditor agenda={agenda} count={workshop.items.length} onItems={setItems} />}
          <p className="agenda-total" role="status" data-testid="agenda-total">
            {!empty && <>{agenda.start}–{agenda.end} · {w.total({ total: formatDuration(agenda.totalMinutes), modules: formatDuration(agenda.moduleMinutes), breaks: formatDuration(agenda.breakMinutes) })}</>}
          </p>
          {!empty && over && (
            <p className="agenda-overrun" role="alert" data-testid="agenda-overrun">
              {w.overTarget({ over: formatDuration(over.minutes), target: formatDuration(workshop.targetMinutes!), end: agenda.end, targetEnd: over.targetEnd })}
            </p>
          )}
          <div className="builder-actions">
            <button type="button" onClick={() => setItems((items) => [...items, { type: 'break', minutes: 15 }])}>{w.addBreak}</button>
            <button type="button" className="button-primary" onClick={() => void save(false)} data-testid="save-workshop">{w.save}</button>
            {workshop.id && <button type="button" onClick={() => void save(true)}>{w.saveAsNew}</button>}
            <button type="button" onClick={() => setShowPack((v) => !v)} aria-pressed={showPack} disabled={empty}>{showPack ? w.hidePack : w.previewPack}</button>
            <button type="button" onClick={printing.print} disabled={empty} data-testid="print-pack">{w.printPack}</button>
            <button type="button" onClick={() => void printing.savePdf()} disabled={empty}>{w.savePdf}</button>
          </div>
          {workshops.status && <p role="status" className={workshops.status.ok ? 'status-ok' : 'status-error'}>{workshops.status.text}</p>}
          {printing.status && <p role="status" className={printing.status.ok ? 'status-ok' : 'status-error'}>{printing.status.text}</p>}
        </section>
      </div>
      {!empty && <WorkshopPack workshop={{ ...workshop, title }} modules={workshopModules} />}
    </div>
  );
}
