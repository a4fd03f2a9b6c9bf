import { describe, expect, it } from 'vitest';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { recordsService } from '../fixtures/records-service.ts';

const child = (code: string) => registration({ code, sex: 'f', age: 9, status: 'working', date: '2026-02-10' });
const taken = {
  en: /^a child with the code “ch-1” is already on the register: open that child/,
  es: /^ya hay en el registro un niño o niña con el código «ch-1»: abra su ficha/,
};

describe('a child code already on the register', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`is refused next to the code field, in the reader's language (${lang}), for a new registration and for a correction`, async () => {
      const { save, call } = await recordsService();
      await save('child-registration', child('CH-1'), lang);
      const second = await save('child-registration', child('CH-2'), lang);
      expect(await save('child-registration', child('ch-1'), lang)).toEqual({ ok: false, errors: [{ question: 'child_code', message: expect.stringMatching(taken[lang]) }] });
      expect(await call({ op: 'update-entry', lang, entryId: second.entryId, answers: child('ch-1') })).toEqual({ ok: false, errors: [{ question: 'child_code', message: expect.stringMatching(taken[lang]) }] });
      const codes = (await call({ op: 'list-children', sort: 'code' })).rows.map((r: { childCode: string }) => r.childCode);
      expect(codes, 'nothing was changed').toEqual(['CH-1', 'CH-2']);
    });
  }
});
