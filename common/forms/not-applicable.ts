/**
 * A form on screen shows only the questions that apply, and keeps each question's number (the
 * paper form's, and the one error messages name): the numbered questions that do not apply are
 * said where they would be, a run of them on one line ("6–12. (no aplican)").
 */

export type ScreenItem<Q> = { kind: 'shown'; question: Q } | { kind: 'not-applicable'; first: number; last: number };

export function withNotApplicable<Q extends { name: string }>(questions: readonly Q[], numbers: ReadonlyMap<string, number>, shown: ReadonlySet<string>): ScreenItem<Q>[] {
  const items: ScreenItem<Q>[] = [];
  for (const question of questions) {
    if (shown.has(question.name)) { items.push({ kind: 'shown', question }); continue; }
    const n = numbers.get(question.name);
    if (n === undefined) continue;
    const last = items.at(-1);
    if (last?.kind === 'not-applicable' && last.last === n - 1) last.last = n;
    else items.push({ kind: 'not-applicable', first: n, last: n });
  }
  return items;
}
