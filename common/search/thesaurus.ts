/**
 * The concept thesaurus (content/thesaurus/*.yaml), SKOS-like: a concept has a preferred label
 * and other labels in each language, the everyday ways people say it, and related concepts.
 * A concept may stand for a glossary entry: the entry's term, its translation and its regional
 * synonyms are then names of the concept too (written once, in the glossary).
 *
 * Search reads every name of a concept as the same thing: a query that says one of them is
 * also looked for under the others, weighted below the words typed (see query-plan.ts).
 */
import { z } from 'zod';
import type { GlossaryTerm } from '../content-schema.ts';
import type { Lang } from '../facets.ts';
import { termOf, tokens } from './terms.ts';

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');
const label = z.string().trim().min(1, 'must not be empty');

const labelsSchema = z.strictObject({
  /** The name the manual uses. */
  prefLabel: label,
  /** Other names found in writing: synonyms, abbreviations, technical variants. */
  altLabels: z.array(label).default([]),
  /** How people say it in conversation: plain or local words, folk names, question phrasings. */
  everyday: z.array(label).default([]),
});

export const conceptSchema = z.strictObject({
  id: slugId,
  /** For authors: what the concept covers and what it does not. */
  note: label.optional(),
  /** A glossary entry this concept stands for: its names join the concept's. */
  glossary: slugId.optional(),
  en: labelsSchema,
  es: labelsSchema,
  /** Concepts a reader asking about this one may also want (not searched as the same thing). */
  related: z.array(slugId).default([]),
});

export const thesaurusFileSchema = z.strictObject({ concepts: z.array(conceptSchema).min(1, 'list at least one concept') });

export type Concept = z.infer<typeof conceptSchema>;

/** A name of a concept as search terms (one term, or a phrase of several). */
export type NameTerms = string[];

/** One concept as the search index stores it: every name as terms, in one language. */
export interface ConceptNames {
  /** The thesaurus concept id, or `glossary:<id>` for a glossary entry no concept stands for. */
  id: string;
  names: NameTerms[];
}

/** The names of one glossary entry, split where authors write alternatives ("a / b (c)"). */
export function glossaryNames(term: GlossaryTerm): string[] {
  const raw = [term.en.term, term.es.term, ...term.synonyms.map((s) => s.term)];
  return raw.flatMap((name) => name.split(/[/()]/)).map((s) => s.trim()).filter(Boolean);
}

/** All labels of a concept in both languages, as written. */
export function conceptLabels(concept: Concept): string[] {
  return (['en', 'es'] as const).flatMap((l) => [concept[l].prefLabel, ...concept[l].altLabels, ...concept[l].everyday]);
}

/**
 * A name as the query reads it: a hyphenated compound as one term, and also as its parts
 * (phase-out plan → phaseout plan, phase out plan). Empty when every word is a stop word.
 */
export function namePhrases(name: string, lang: Lang): NameTerms[] {
  const joined: string[] = [];
  const split: string[] = [];
  for (const token of tokens(name)) {
    const t = termOf(token.word, lang);
    if (t) joined.push(t);
    for (const part of token.parts ?? [token.word]) {
      const p = termOf(part, lang);
      if (p) split.push(p);
    }
  }
  if (joined.length === 0) return [];
  return joined.join(' ') === split.join(' ') ? [joined] : [joined, split];
}

/**
 * Every concept of the thesaurus and every glossary entry as search terms in one language.
 * Both languages' labels are names in either (a reader may type the English word in the
 * Spanish edition); a concept that stands for a glossary entry takes the entry's names.
 */
export function conceptNames(concepts: readonly Concept[], glossary: readonly GlossaryTerm[], lang: Lang): ConceptNames[] {
  const byGlossary = new Map(concepts.filter((c) => c.glossary).map((c) => [c.glossary!, c]));
  const out: ConceptNames[] = [];
  const collect = (id: string, written: string[]) => {
    const seen = new Set<string>();
    const names: NameTerms[] = [];
    for (const name of written) {
      for (const phrase of namePhrases(name, lang)) {
        const key = phrase.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        names.push(phrase);
      }
    }
    if (names.length > 1) out.push({ id, names });
  };
  for (const c of concepts) {
    const term = c.glossary ? glossary.find((g) => g.id === c.glossary) : undefined;
    collect(c.id, [...conceptLabels(c), ...(term ? glossaryNames(term) : [])]);
  }
  for (const term of glossary) if (!byGlossary.has(term.id)) collect(`glossary:${term.id}`, glossaryNames(term));
  return out;
}
