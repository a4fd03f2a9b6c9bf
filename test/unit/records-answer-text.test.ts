/** A saved answer on the field records screen reads as the printed form words it, in the reader's language. */
import { describe, expect, it } from 'vitest';
import { answerLabel } from '../../common/forms/form-text.ts';
import { questionsOf } from '../../common/forms/instrument-schema.ts';
import { answerText } from '../../renderer/src/records/answer-text.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';

const visit = loadInstruments().find((f) => f.id === 'follow-up-visit')!;

describe('an answer on the field records screen', () => {
  it('says Yes / No as “Sí” / “No” in Spanish and “Yes” / “No” in English, as the printed form does', () => {
    const yesNo = questionsOf(visit).find((q) => q.type === 'yes_no')!;
    expect(answerText(visit, yesNo.name, 'yes', 'es')).toBe('Sí');
    expect(answerText(visit, yesNo.name, 'yes', 'en')).toBe('Yes');
    expect(answerText(visit, yesNo.name, 'no', 'es')).toBe(answerLabel(visit, yesNo.name, 'no', 'es'));
  });

  it('words each choice of a multiple question by its label, separated by commas', () => {
    const multiple = questionsOf(visit).find((q) => q.type === 'select_multiple')!;
    const list = visit.choiceLists.find((l) => l.name === multiple.choices)!;
    const [a, b] = list.choices;
    expect(answerText(visit, multiple.name, [a.value, b.value], 'es')).toBe(`${a.es}, ${b.es}`);
    expect(answerText(visit, multiple.name, [a.value, b.value], 'en')).toBe(`${a.en}, ${b.en}`);
    expect(answerText(undefined, 'unknown', 'x', 'es')).toBe('x');
  });
});
