/**
 * How a paper form carries its skip logic, the way printed questionnaires do (DHS, MICS, SIMPOC):
 * a go-to beside the answer that skips a run of questions ("No → 12"), a boxed note where a
 * longer block starts ("Questions 6–38: only if question 5 is Yes"), and the condition written
 * beside a lone question or note only where neither says it. Every condition of every item is
 * said exactly once by one of the three. Pure structure; form-text.ts words it.
 */
import { questionsOf, type Condition, type Instrument, type Question } from './instrument-schema.ts';

type Item = Question & { section: string };

/** Where a go-to sends the interviewer: an item of the form (its number, or the number of the question after a note), or the end. */
export interface GoToTarget {
  name: string;
  /** The question's number; for a note, the number of the next question (absent when only notes follow). */
  number?: number;
  isNote: boolean;
}

/** Beside these answers of a question: the notes to follow, then where to go. */
export interface GoTo {
  values: string[];
  /** Notes that apply only after these answers, printed beside them instead of on their own. */
  notes: string[];
  /** null: the end of the form. */
  to: GoToTarget | null;
}

/** A boxed note before `first`: these conditions hold from `first` to `last` (numbers of the questions inside). */
export interface SkipBlock {
  conditions: Condition[];
  first: string;
  last: string;
  firstNumber?: number;
  lastNumber?: number;
}

export interface SkipPlan {
  /** Question number (1, 2, …) of every answerable question; notes have none. */
  numbers: Map<string, number>;
  /** Boxed notes printed just before an item, outer block first. */
  blocksBefore: Map<string, SkipBlock[]>;
  /** Go-to instructions beside the answers of a question. */
  goTos: Map<string, GoTo[]>;
  /** Conditions printed with the item itself (what no box or go-to says). */
  inline: Map<string, Condition[]>;
  /** Notes printed beside an answer (in a go-to) rather than on their own. */
  attachedNotes: Set<string>;
}

/** Question number (1, 2, …) of every answerable question, continuous across sections; notes have none. */
export function questionNumbers(form: Instrument): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const q of questionsOf(form)) if (q.type !== 'note') numbers.set(q.name, numbers.size + 1);
  return numbers;
}

const conditionKey = (c: Condition) => JSON.stringify([c.question, c.equals ?? null, c.includes ?? null, c.atLeast ?? null, c.atMost ?? null]);

/** The answers a question can have, when it has a closed list (yes/no or one choice). */
function closedAnswers(form: Instrument, q: Item | undefined): string[] | null {
  if (!q) return null;
  if (q.type === 'yes_no') return ['yes', 'no'];
  if (q.type !== 'select_one') return null;
  return form.choiceLists.find((l) => l.name === q.choices)?.choices.map((c) => c.value) ?? null;
}

/** Does an item show when `question` has answer `value`, as far as its conditions on that question go? */
function showsFor(item: Item, question: string, value: string): boolean {
  return (item.showIf ?? []).every((c) => c.question !== question || !c.equals || c.equals.includes(value));
}

interface Run { key: string; condition: Condition; start: number; end: number }

/** Maximal stretches of consecutive items that share a condition. */
function runsOf(items: Item[]): Run[] {
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  items.forEach((item, i) => {
    const here = new Map((item.showIf ?? []).map((c) => [conditionKey(c), c] as const));
    for (const [key, run] of open) if (!here.has(key)) { runs.push(run); open.delete(key); }
    for (const [key, c] of here) if (!open.has(key)) open.set(key, { key, condition: c, start: i, end: i });
    for (const run of open.values()) run.end = i;
  });
  runs.push(...open.values());
  return runs;
}

/**
 * A run can be skipped from its trigger's answers when the trigger is a closed question before it and
 * every item in between is hidden by the skipping answers, or is a note that only those answers show
 * (the census's "Do not go on" after "No").
 */
function goToFor(form: Instrument, items: Item[], run: Run, numbers: Map<string, number>): { goTo: GoTo; attached: string[] } | null {
  const c = run.condition;
  // A note alone says its condition better in words than through a jump over it.
  if (!c.equals || items.slice(run.start, run.end + 1).every((x) => x.type === 'note')) return null;
  const t = items.findIndex((x) => x.name === c.question);
  const answers = closedAnswers(form, items[t]);
  if (t < 0 || t >= run.start || !answers) return null;
  const skipping = answers.filter((v) => !c.equals!.includes(v));
  if (skipping.length === 0) return null;
  const triggerConditions = new Set((items[t].showIf ?? []).map(conditionKey));
  // Nested only: whatever skips the trigger must skip the run too.
  const nested = items.slice(run.start, run.end + 1).every((x) => [...triggerConditions].every((k) => (x.showIf ?? []).some((y) => conditionKey(y) === k)));
  if (!nested) return null;
  const attached: string[] = [];
  for (const between of items.slice(t + 1, run.start)) {
    const hidden = skipping.every((v) => !showsFor(between, c.question, v));
    if (hidden) continue;
    const own = (between.showIf ?? []).filter((x) => !triggerConditions.has(conditionKey(x)));
    const onlyForSkipping = own.length === 1 && own[0].question === c.question && !!own[0].equals && own[0].equals.every((v) => skipping.includes(v));
    if (between.type !== 'note' || !onlyForSkipping || own[0].equals!.length !== skipping.length) return null;
    attached.push(between.name);
  }
  const next = items[run.end + 1];
  let to: GoToTarget | null = null;
  if (next) {
    const numbered = items.slice(run.end + 1).find((x) => numbers.has(x.name));
    to = { name: next.name, number: numbered ? numbers.get(numbered.name) : undefined, isNote: next.type === 'note' };
  }
  return { goTo: { values: skipping, notes: attached, to }, attached };
}

/**
 * One go-to per answer: an answer that skips several runs from the same question goes past the
 * farthest (the runs all start right after it), after every note its runs attach; answers with the
 * same instruction are printed together.
 */
function mergeGoTos(list: GoTo[], items: Item[]): GoTo[] {
  const reach = (to: GoToTarget | null) => (to ? items.findIndex((x) => x.name === to.name) : items.length);
  const perValue = new Map<string, GoTo>();
  for (const goTo of list) {
    for (const v of goTo.values) {
      const had = perValue.get(v);
      const notes = [...new Set([...(had?.notes ?? []), ...goTo.notes])];
      const to = had && reach(had.to) > reach(goTo.to) ? had.to : goTo.to;
      perValue.set(v, { values: [v], notes, to });
    }
  }
  const merged: GoTo[] = [];
  for (const goTo of perValue.values()) {
    notesInOrder(goTo, items);
    const same = merged.find((m) => m.to?.name === goTo.to?.name && m.notes.join() === goTo.notes.join());
    if (same) same.values.push(...goTo.values);
    else merged.push(goTo);
  }
  return merged;
}

function notesInOrder(goTo: GoTo, items: Item[]) {
  goTo.notes.sort((a, b) => items.findIndex((x) => x.name === a) - items.findIndex((x) => x.name === b));
}

/** Lays out a form's skip logic for paper: which items start a block, where each skip goes, what is said inline. */
export function planSkips(form: Instrument): SkipPlan {
  const items = questionsOf(form);
  const numbers = questionNumbers(form);
  const plan: SkipPlan = { numbers, blocksBefore: new Map(), goTos: new Map(), inline: new Map(), attachedNotes: new Set() };
  const covered = items.map(() => new Set<string>());
  const runs = runsOf(items);

  const goToRuns = new Set<Run>();
  for (const run of runs) {
    const found = goToFor(form, items, run, numbers);
    if (!found) continue;
    goToRuns.add(run);
    const list = plan.goTos.get(run.condition.question) ?? [];
    list.push(found.goTo);
    plan.goTos.set(run.condition.question, list);
    for (const name of found.attached) plan.attachedNotes.add(name);
  }
  for (const [question, list] of plan.goTos) plan.goTos.set(question, mergeGoTos(list, items));
  // A go-to to the next item printed after its question says nothing ("Yes → 6" right above 6).
  for (const [question, list] of plan.goTos) {
    const t = items.findIndex((x) => x.name === question);
    const next = items.slice(t + 1).find((x) => !plan.attachedNotes.has(x.name));
    const useful = list.filter((g) => g.notes.length > 0 || g.to?.name !== next?.name);
    if (useful.length) plan.goTos.set(question, useful);
    else plan.goTos.delete(question);
  }
  // An attached note's condition is said by the go-to it sits in.
  items.forEach((item, i) => {
    if (plan.attachedNotes.has(item.name)) for (const c of item.showIf ?? []) covered[i].add(conditionKey(c));
  });

  // Runs over the same items share one box; a box is for two items or more, or a go-to block that crosses a section.
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    const key = `${run.start}:${run.end}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const blocks: Array<{ start: number; end: number; block: SkipBlock }> = [];
  for (const group of groups.values()) {
    const { start, end } = group[0];
    const crossesSection = items[start].section !== items[end].section;
    const said = group.filter((run) => !goToRuns.has(run) || crossesSection);
    for (const run of group) if (goToRuns.has(run)) for (let i = run.start; i <= run.end; i++) covered[i].add(run.key);
    if (end === start || said.length === 0) continue;
    const inside = items.slice(start, end + 1).filter((x) => numbers.has(x.name));
    blocks.push({
      start,
      end,
      block: {
        conditions: said.map((r) => r.condition),
        first: items[start].name,
        last: items[end].name,
        firstNumber: inside.length ? numbers.get(inside[0].name) : undefined,
        lastNumber: inside.length ? numbers.get(inside.at(-1)!.name) : undefined,
      },
    });
    for (const run of said) for (let i = run.start; i <= run.end; i++) covered[i].add(run.key);
  }
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const { start, block } of blocks) {
    const name = items[start].name;
    plan.blocksBefore.set(name, [...(plan.blocksBefore.get(name) ?? []), block]);
  }

  items.forEach((item, i) => {
    const left = (item.showIf ?? []).filter((c) => !covered[i].has(conditionKey(c)));
    if (left.length) plan.inline.set(item.name, left);
  });
  return plan;
}
