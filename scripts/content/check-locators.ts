/**
 * Citation locators as a vocabulary: each source in sources.yaml lists what a citation of it may
 * point to (numbered paragraphs and notes as ranges, and its named parts), so one place in a
 * source is always cited the same way and a reader can find it.
 */
import { z } from 'zod';
import { sourceSchema } from '../../common/content-schema.ts';

export const locatorVocabularySchema = z.strictObject({
  /** Numbered paragraphs §1 … §N; a range is written §a–b (en dash). */
  paragraphs: z.number().int().min(1).optional(),
  /** Footnotes: note 1 … note N; a range is written notes a–b. */
  notes: z.number().int().min(1).optional(),
  /** Headings and other named parts, spelled exactly as citations give them. */
  parts: z.array(z.string().trim().min(1)).default([]),
});
export type LocatorVocabulary = z.infer<typeof locatorVocabularySchema>;

/** sources.yaml as the content build reads it: each source with its locators (the app itself does not need them). */
export const sourcesWithLocatorsSchema = z.array(sourceSchema.extend({ locators: locatorVocabularySchema })).min(1);

/** Several places in one citation are separated by ", " or "; ". */
const SEPARATOR = /[,;] /;

/** Whether one place (no separator) is in the vocabulary. */
function isLocator(part: string, v: LocatorVocabulary): boolean {
  if (v.parts.includes(part)) return true;
  const numbered = /^(?:§(\d+)(?:–(\d+))?|note (\d+)|notes (\d+)–(\d+))$/.exec(part);
  if (!numbered) return false;
  const [, p1, p2, n, n1, n2] = numbered;
  const inRange = (max: number | undefined, from: string, to?: string) =>
    max !== undefined && Number(from) >= 1 && Number(from) <= max && (to === undefined || (Number(to) > Number(from) && Number(to) <= max));
  return p1 !== undefined ? inRange(v.paragraphs, p1, p2) : n !== undefined ? inRange(v.notes, n) : inRange(v.notes, n1, n2);
}

/** Why a locator does not fit its source's vocabulary (naming the first place that does not), or null. */
export function locatorProblem(src: string, at: string, v: LocatorVocabulary): string | null {
  const bad = at.split(SEPARATOR).find((part) => !isLocator(part, v));
  if (bad === undefined) return null;
  const rules = [
    v.paragraphs !== undefined ? `§1–§${v.paragraphs}` : '',
    v.notes !== undefined ? `note 1–${v.notes}` : '',
    v.parts.length ? `one of: ${v.parts.join(', ')}` : '',
  ].filter(Boolean);
  const choices = rules.length > 1 ? `${rules.slice(0, -1).join(', ')}, or ${rules[rules.length - 1]}` : rules[0];
  return `"${bad}" is not a locator of ${src}; use ${choices} (content/sources.yaml)`;
}

/** The problem with a citation's locator, or null; an unknown source is reported on its own, not here. */
export function citationProblem(vocabularies: ReadonlyMap<string, LocatorVocabulary>, src: string, at: string): string | null {
  const v = vocabularies.get(src);
  return v ? locatorProblem(src, at, v) : null;
}
