import type { Answers } from '../../../common/forms/answers.ts';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import { useApp } from '../app/app-state.tsx';
import { FormFiller } from './FormFiller.tsx';
import { messageOf, records } from './records-call.ts';

/** Fills one form and saves it; the host's checks come back next to the form, and nothing is saved half-valid. */
export function EntryForm({ form, fixed, initial, entryId, onSaved, onCancel }: {
  form: Instrument; fixed?: Partial<Answers>; initial?: Partial<Answers>;
  /** Editing this saved form instead of adding a new one. */
  entryId?: number;
  onSaved(r: { entryId: number; childId: number | null }): void; onCancel(): void;
}) {
  const { lang, t } = useApp();
  return (
    <FormFiller form={form} fixed={fixed} initial={initial} onCancel={onCancel} onSubmit={async (answers) => {
      const request = entryId !== undefined
        ? records({ op: 'update-entry', lang, entryId, answers })
        : records({ op: 'save-entry', lang, instrumentId: form.id, answers });
      const result = await request.catch((e: unknown) => {
        throw new Error(messageOf(e, t.records.errors));
      });
      if (!result.ok) {
        const label = (q: string) => form.sections.flatMap((s) => s.questions).find((x) => x.name === q)?.[lang].label ?? q;
        throw new Error(result.errors.map((e) => `${label(e.question)}: ${e.message}`).join(' · '));
      }
      onSaved(result);
    }} />
  );
}
