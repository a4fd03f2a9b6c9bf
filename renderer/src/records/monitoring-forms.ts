/** The monitoring forms the records screen offers, and the words of their choices. */
import { CHILD_FORMS, REGISTRATION_FORM } from '../../../common/records/records-schema.ts';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import { instruments } from 'virtual:puente-catalogue/instruments';

export const monitoringForms: readonly Instrument[] = instruments.filter((f) => f.kind === 'monitoring');

export const formById = (id: string): Instrument | undefined => monitoringForms.find((f) => f.id === id);

/** The forms about one registered child, in the order the child's page offers them. */
export const childForms: readonly Instrument[] = CHILD_FORMS.map(formById).filter((f): f is Instrument => Boolean(f));

/** Monitoring forms about no single child (the quarterly report form): filled from the register's toolbar. */
export const otherForms: readonly Instrument[] = monitoringForms.filter((f) => f.id !== REGISTRATION_FORM && !(CHILD_FORMS as readonly string[]).includes(f.id));

/** "Female" / "Mujer" for "f", as the registration form words it. */
export function sexLabel(lang: 'en' | 'es', value: string): string {
  return formById(REGISTRATION_FORM)?.choiceLists.find((l) => l.name === 'sex')?.choices.find((c) => c.value === value)?.[lang] ?? value;
}
