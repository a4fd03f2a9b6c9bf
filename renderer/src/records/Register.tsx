import { useState } from 'react';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { REGISTRATION_FORM } from '../../../common/records/records-schema.ts';
import { QUARTERLY_FORM } from '../../../common/records/quarterly-form.ts';
import { useApp } from '../app/app-state.tsx';
import { ChildView } from './ChildView.tsx';
import { CommitteeQuarterlyForm } from './CommitteeQuarterlyForm.tsx';
import { EntryForm } from './EntryForm.tsx';
import type { Flash } from './Flash.tsx';
import { formById } from './monitoring-forms.ts';
import { NO_FILTER, RegisterList, type RegisterFilter } from './RegisterList.tsx';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'child'; id: number } | { kind: 'other'; form: Instrument };

/** The register tab: the list of children, a new registration, one child's page, or a form about no single child. The filter survives a visit to a child. */
export function Register({ status, onChange }: { status: RecordsStatus; onChange(): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [view, setView] = useState<View>({ kind: 'list' });
  const [filter, setFilter] = useState<RegisterFilter>(NO_FILTER);
  const [flash, setFlash] = useState<Flash>(null);
  const registration = formById(REGISTRATION_FORM);
  const toList = () => setView({ kind: 'list' });

  if (view.kind === 'new' && registration) {
    return (
      <section aria-labelledby="records-new">
        <p><button type="button" className="link-button" onClick={toList}>← {r.back}</button></p>
        <h3 id="records-new">{registration[lang].title}</h3>
        <EntryForm form={registration} onSaved={(saved) => {
          onChange();
          setFlash({ ok: true, text: saved.childId ? r.saved : `${r.saved} ${r.noConsent}` });
          setView(saved.childId ? { kind: 'child', id: saved.childId } : { kind: 'list' });
        }} onCancel={toList} />
      </section>
    );
  }
  if (view.kind === 'other') {
    return (
      <section aria-labelledby="records-other">
        <p><button type="button" className="link-button" onClick={toList}>← {r.back}</button></p>
        <h3 id="records-other">{view.form[lang].title}</h3>
        {view.form.id === QUARTERLY_FORM
          ? <CommitteeQuarterlyForm form={view.form} communities={status.communities} onSaved={() => { onChange(); setFlash({ ok: true, text: r.saved }); toList(); }} onCancel={toList} />
          : <EntryForm form={view.form} onSaved={() => { onChange(); setFlash({ ok: true, text: r.saved }); toList(); }} onCancel={toList} />}
      </section>
    );
  }
  if (view.kind === 'child') {
    return <ChildView childId={view.id} flash={flash} onBack={() => { setFlash(null); toList(); }} onChange={onChange} onDeleted={() => { onChange(); setFlash({ ok: true, text: r.deleted }); toList(); }} />;
  }
  const open = (next: View) => {
    setFlash(null);
    setView(next);
  };
  return (
    <RegisterList status={status} filter={filter} onFilter={setFilter} flash={flash} onFailure={setFlash}
      onRegister={() => open({ kind: 'new' })} onFill={(form) => open({ kind: 'other', form })} onOpenChild={(id) => open({ kind: 'child', id })} />
  );
}
