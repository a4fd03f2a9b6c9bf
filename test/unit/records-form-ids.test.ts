import { describe, expect, it } from 'vitest';
import { questionsOf } from '../../common/forms/instrument-schema.ts';
import { CHILD_CODE_FIELD, CHILD_FORMS, REGISTRATION_FORM } from '../../common/records/records-schema.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';

const monitoring = loadInstruments().filter((f) => f.kind === 'monitoring');
const carriesCode = (id: string) => questionsOf(monitoring.find((f) => f.id === id)!).some((q) => q.name === CHILD_CODE_FIELD);

describe('the form ids the records screen and database name', () => {
  it('the registration and every form about a child are monitoring instruments that carry the child\'s code', () => {
    for (const id of [REGISTRATION_FORM, ...CHILD_FORMS]) {
      expect(monitoring.map((f) => f.id), id).toContain(id);
      expect(carriesCode(id), `${id} has a ${CHILD_CODE_FIELD} question`).toBe(true);
    }
  });

  it('a new monitoring form that carries a child\'s code is offered on the child\'s page (listed in CHILD_FORMS)', () => {
    const aboutAChild = monitoring.filter((f) => f.id !== REGISTRATION_FORM && carriesCode(f.id)).map((f) => f.id);
    expect([...CHILD_FORMS].sort()).toEqual(aboutAChild.sort());
  });
});
