import { describe, expect, it } from 'vitest';
import { withNotApplicable } from '../../common/forms/not-applicable.ts';

const q = (name: string) => ({ name });
const numbers = new Map([['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5]]);

describe('numbers on screen when some questions do not apply', () => {
  it('keeps every question\'s number and says which do not apply, a run of them on one line', () => {
    const items = withNotApplicable([q('a'), q('b'), q('note'), q('c'), q('d'), q('e')], numbers, new Set(['a', 'note', 'e']));
    expect(items.map((i) => (i.kind === 'shown' ? i.question.name : `${i.first}–${i.last}`))).toEqual(['a', '2–2', 'note', '3–4', 'e']);
  });

  it('drops a hidden note without a line of its own, and joins the questions around it', () => {
    const items = withNotApplicable([q('a'), q('b'), q('note'), q('c')], numbers, new Set(['a']));
    expect(items).toEqual([{ kind: 'shown', question: q('a') }, { kind: 'not-applicable', first: 2, last: 3 }]);
  });
});
