import type { RefObject } from 'react';
import type { RecordsResults } from '../../../common/records/records-api.ts';
import type { EntryRow } from '../../../common/records/records-store.ts';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import { useApp } from '../app/app-state.tsx';
import { Status, type Flash } from './Flash.tsx';
import { HistoryEntry } from './HistoryEntry.tsx';
import { childForms, formById, sexLabel } from './monitoring-forms.ts';
import { records } from './records-call.ts';

/** A child's page: the register's facts and status, a button per form about the child, every saved form (where it came from, to read, correct or delete), and delete the child. */
export function ChildHistory({ history, heading, flash, onBack, onAdd, onEdit, onEntryDeleted, onDeleted, onFailure }: {
  history: RecordsResults['child-history'];
  heading: RefObject<HTMLHeadingElement | null>;
  flash: Flash;
  onBack(): void;
  onAdd(form: Instrument): void;
  onEdit(entry: EntryRow): void;
  onEntryDeleted(): void;
  onDeleted(): void;
  onFailure(error: unknown): void;
}) {
  const { t, lang } = useApp();
  const r = t.records;
  const { child, entries } = history;
  const remove = async (entry: EntryRow) => {
    const form = formById(entry.instrumentId);
    if (!window.confirm(r.confirmDeleteEntry({ form: form?.[lang].title ?? entry.instrumentId, date: entry.entryDate }))) return;
    try {
      await records({ op: 'delete-entry', entryId: entry.id });
      onEntryDeleted();
    } catch (e) {
      onFailure(e);
    }
  };
  return (
    <section aria-labelledby="records-child" data-testid="child-view">
      <p><button type="button" className="link-button" onClick={onBack}>← {r.back}</button></p>
      <h3 id="records-child" tabIndex={-1} ref={heading}>{r.child({ code: child.childCode })} <span className={`tag status-${child.currentStatus}`} data-testid="child-status">{r.statusName[child.currentStatus] ?? child.currentStatus}</span></h3>
      <p className="muted">{sexLabel(lang, child.sex)} · {child.age} · {child.community} · {r.registered} {child.registeredOn}</p>
      <Status flash={flash} />
      <div className="records-actions">
        {childForms.map((f) => (
          <button key={f.id} type="button" onClick={() => onAdd(f)} data-testid={`add-${f.id}`}>{r.add({ form: f[lang].title })}</button>
        ))}
      </div>
      <h4>{r.history}</h4>
      <ol className="records-history">
        {entries.map((e) => <HistoryEntry key={e.id} entry={e} devices={history.devices} onEdit={() => onEdit(e)} onDelete={() => void remove(e)} />)}
      </ol>
      <p>
        <button type="button" className="danger" data-testid="delete-child" onClick={async () => {
          if (!window.confirm(r.confirmDeleteChild({ code: child.childCode }))) return;
          try {
            await records({ op: 'delete-child', childId: child.id });
            onDeleted();
          } catch (e) {
            onFailure(e);
          }
        }}>{r.deleteChild}</button>
      </p>
    </section>
  );
}
