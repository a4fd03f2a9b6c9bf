import { computeAgenda, formatDuration, type SavedWorkshop } from '../../../../common/workshops/agenda.ts';
import type { WorkshopModule } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';

/** The workshops saved on this computer, with their length: open one, delete one, or start a new one. */
export function SavedWorkshops({ saved, modules, openId, onOpen, onDelete, onNew }: {
  saved: readonly SavedWorkshop[];
  modules: readonly WorkshopModule[];
  /** The saved workshop being edited, if any. */
  openId: string;
  onOpen(w: SavedWorkshop): void;
  onDelete(w: SavedWorkshop): void;
  onNew(): void;
}) {
  const w = useApp().t.workshop;
  return (
    <div className="builder-saved">
      <h3>{w.saved}</h3>
      {saved.length === 0 ? <p className="muted">{w.noSaved}</p> : (
        <ul data-testid="saved-workshops">
          {saved.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-button" onClick={() => onOpen(s)} aria-current={s.id === openId ? 'true' : undefined}>{s.title}</button>
              <span className="muted"> · {formatDuration(computeAgenda(s, modules).totalMinutes)}</span>
              <button type="button" className="small" onClick={() => onDelete(s)} aria-label={`${w.delete}: ${s.title}`}>{w.delete}</button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onNew}>{w.newWorkshop}</button>
    </div>
  );
}
