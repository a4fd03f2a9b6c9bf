import { useCallback, useEffect, useRef, useState } from 'react';
import { localToday } from '../../../common/forms/answers.ts';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import { answersFromRegister } from '../../../common/records/entry-checks.ts';
import type { RecordsResults } from '../../../common/records/records-api.ts';
import { REGISTRATION_FORM } from '../../../common/records/records-schema.ts';
import type { EntryRow } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import { ChildHistory } from './ChildHistory.tsx';
import { EntryForm } from './EntryForm.tsx';
import { failure, Status, type Flash } from './Flash.tsx';
import { formById } from './monitoring-forms.ts';
import { records } from './records-call.ts';

/** One child: the history of their forms, or a new form about them, or a saved form being corrected. */
export function ChildView({ childId, flash: initialFlash, onBack, onChange, onDeleted }: { childId: number; flash: Flash; onBack(): void; onChange(): void; onDeleted(): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [data, setData] = useState<RecordsResults['child-history'] | null>(null);
  const [adding, setAdding] = useState<Instrument | null>(null);
  const [editing, setEditing] = useState<EntryRow | null>(null);
  const [flash, setFlash] = useState<Flash>(initialFlash);
  const load = useCallback(() => records({ op: 'child-history', childId }).then(setData, (e: unknown) => setFlash(failure(e, r))), [childId, r]);
  useEffect(() => void load(), [load]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [data?.child.id, adding, editing]);
  if (!data) return <><p><button type="button" className="link-button" onClick={onBack}>← {r.back}</button></p><Status flash={flash} /></>;
  const { child } = data;
  const saved = () => {
    setFlash({ ok: true, text: r.saved });
    onChange();
    void load();
  };
  const editForm = editing ? formById(editing.instrumentId) : undefined;
  if (editing && editForm) {
    const isRegistration = editing.instrumentId === REGISTRATION_FORM;
    return (
      <section aria-labelledby="records-editing">
        <p><button type="button" className="link-button" onClick={() => setEditing(null)}>← {r.child({ code: child.childCode })}</button></p>
        <h3 id="records-editing" tabIndex={-1} ref={heading}>{r.editing({ form: editForm[lang].title, date: editing.entryDate })}</h3>
        <EntryForm form={editForm} entryId={editing.id} initial={editing.answers} fixed={isRegistration ? undefined : answersFromRegister(editForm, child, editing.entryDate).fixed}
          onCancel={() => setEditing(null)} onSaved={() => {
            setEditing(null);
            saved();
          }} />
      </section>
    );
  }
  if (adding) {
    return (
      <section aria-labelledby="records-adding">
        <p><button type="button" className="link-button" onClick={() => setAdding(null)}>← {r.child({ code: child.childCode })}</button></p>
        <h3 id="records-adding" tabIndex={-1} ref={heading}>{adding[lang].title} · {child.childCode}</h3>
        <EntryForm form={adding} {...answersFromRegister(adding, child, localToday())} onCancel={() => setAdding(null)} onSaved={() => {
          setAdding(null);
          saved();
        }} />
      </section>
    );
  }
  return (
    <ChildHistory history={data} heading={heading} flash={flash} onBack={onBack} onDeleted={onDeleted}
      onAdd={(form) => { setFlash(null); setAdding(form); }}
      onEdit={(entry) => { setFlash(null); setEditing(entry); }}
      onEntryDeleted={() => { setFlash({ ok: true, text: r.deleted }); onChange(); void load(); }}
      onFailure={(e) => setFlash(failure(e, r))} />
  );
}
