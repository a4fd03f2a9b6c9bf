/** What both languages' interface texts share. */

/** Parameters a refusal carries from the records host (table, row, field…), worded only here. */
export type ProblemParams = Record<string, string | number>;
export type ProblemTexts = Record<string, string | ((p: ProblemParams) => string)>;

/** "1 child", "3 children": the count with the right form of the word. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
