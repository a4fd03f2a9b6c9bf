import { useState } from 'react';
import { REGISTRATION_FORM } from '../../../common/records/records-schema.ts';
import type { EntryRow } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import { AnswerList } from './AnswerList.tsx';
import { EntryOrigin, type KnownDevices } from './EntryOrigin.tsx';
import { EntryVersions } from './EntryVersions.tsx';
import { formById } from './monitoring-forms.ts';
import { UnrecognisedAnswers } from './UnrecognisedAnswers.tsx';

/**
 * One saved form in a child's history: its date, form and result; opened, where it came from, its
 * answers, the answers Puente's form does not have, its earlier versions (asked for when opened), and its actions.
 */
export function HistoryEntry({ entry: e, devices, onEdit, onDelete }: { entry: EntryRow; devices: KnownDevices; onEdit(): void; onDelete(): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [open, setOpen] = useState(false);
  const form = formById(e.instrumentId);
  const here = devices.find((d) => d.here)?.id;
  const from = e.provenance.origin === 'server' ? r.serverName[e.provenance.server ?? ''] : e.provenance.deviceId !== here ? devices.find((d) => d.id === e.provenance.deviceId)?.name : undefined;
  return (
    <li data-entry={e.instrumentId}>
      <details onToggle={(ev) => setOpen(ev.currentTarget.open)}>
        <summary>
          <strong>{e.entryDate}</strong> · {form?.[lang].title ?? e.instrumentId}
          {e.outcome ? <> · {r.outcome}: <span className={`tag status-${e.outcome}`}>{form?.choiceLists.find((l) => l.name === 'verified')?.choices.find((c) => c.value === e.outcome)?.[lang] ?? e.outcome}</span></> : null}
          {from ? <> · <span className="tag" data-testid="entry-source">{from}</span></> : null}
        </summary>
        <EntryOrigin provenance={e.provenance} devices={devices} />
        <AnswerList form={form} entry={e} />
        <UnrecognisedAnswers answers={e.unrecognised} />
        {open && <EntryVersions entryId={e.id} form={form} devices={devices} />}
        <p className="records-actions">
          {form && <button type="button" className="small" onClick={onEdit} data-testid={`edit-${e.instrumentId}`}>{r.editEntry}</button>}
          {e.instrumentId !== REGISTRATION_FORM && <button type="button" className="small" onClick={onDelete}>{r.deleteEntry}</button>}
        </p>
      </details>
    </li>
  );
}
