import { useMemo, useState } from 'react';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import { quarterlyFormFromCounts } from '../../../common/records/quarterly-form.ts';
import { useApp } from '../app/app-state.tsx';
import { CommunityPicker } from './CommunityPicker.tsx';
import { EntryForm } from './EntryForm.tsx';
import { currentQuarter } from './figures.ts';
import { ALL } from './ScopePicker.tsx';
import { useFigures } from './use-figures.ts';

/** The committee's quarterly form, started from the register's counts for the quarter and community chosen, with how they differ from the report tab's. */
export function CommitteeQuarterlyForm({ form, communities, onSaved, onCancel }: { form: Instrument; communities: string[]; onSaved(): void; onCancel(): void }) {
  const r = useApp().t.records;
  const [community, setCommunity] = useState(communities.length === 1 ? communities[0] : '');
  const { figures, error } = useFigures({ ...ALL, community });
  const [quarter, setQuarter] = useState('');
  const chosen = useMemo(() => figures?.find((q) => q.quarter === quarter) ?? (figures && currentQuarter(figures)), [figures, quarter]);
  const initial = useMemo(() => (chosen ? quarterlyFormFromCounts(chosen, community) : undefined), [chosen, community]);
  if (error) return <p role="alert" className="status-error">{r.error} {error}</p>;
  if (!figures) return <p className="loading">{r.loading}</p>;
  return (
    <>
      <div className="records-toolbar">
        {chosen && (
          <label><span>{r.choose}</span>
            <select value={chosen.quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="committee-quarter">
              {figures.map((q) => <option key={q.quarter} value={q.quarter}>{q.quarter}</option>)}
            </select>
          </label>
        )}
        <CommunityPicker communities={communities} value={community} onChange={setCommunity} />
      </div>
      {chosen && <p data-testid="committee-form-note">{r.committeeFormFilled}</p>}
      {chosen && <p className="muted">{r.committeeFormDiffers}</p>}
      {/* A new quarter or community starts the form again from its counts. */}
      <EntryForm key={`${chosen?.quarter ?? ''}|${community}`} form={form} initial={initial} onSaved={onSaved} onCancel={onCancel} />
    </>
  );
}
