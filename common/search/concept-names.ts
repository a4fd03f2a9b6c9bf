import type { ConceptNames, NameTerms } from './thesaurus.ts';

/** A run of query terms that is a name of a concept, and the concept's other names. */
export interface NamedConcept {
  /** Where the name starts among the query's terms, and how many terms it has. */
  start: number;
  length: number;
  /** The concept's other names (the one typed left out). */
  otherNames: NameTerms[];
}

/**
 * The names of every concept (thesaurus and glossary) in one language, found in a query by
 * their terms: a run of the query's terms that is exactly a name, longest first.
 */
export class ConceptNameIndex {
  /** A name's terms joined by spaces → the concepts it names (a name may stand for several glossary entries). */
  private readonly byName = new Map<string, number[]>();
  /** First term of a name → the most terms a name starting with it has. */
  private readonly longestFrom = new Map<string, number>();

  constructor(private readonly concepts: readonly ConceptNames[]) {
    concepts.forEach((c, i) => {
      for (const name of c.names) {
        const key = name.join(' ');
        const list = this.byName.get(key);
        if (list) list.push(i);
        else this.byName.set(key, [i]);
        this.longestFrom.set(name[0], Math.max(name.length, this.longestFrom.get(name[0]) ?? 0));
      }
    });
  }

  /** The longest name that starts at `start` among `terms`, or null. */
  nameAt(terms: readonly string[], start: number): NamedConcept | null {
    for (let n = Math.min(this.longestFrom.get(terms[start]) ?? 0, terms.length - start); n >= 1; n--) {
      const key = terms.slice(start, start + n).join(' ');
      const owners = this.byName.get(key);
      if (owners) return { start, length: n, otherNames: this.otherNames(owners, key) };
    }
    return null;
  }

  /** Every name of the concepts, except `typed`, each once. */
  private otherNames(owners: number[], typed: string): NameTerms[] {
    const seen = new Set([typed]);
    const out: NameTerms[] = [];
    for (const i of owners) {
      for (const name of this.concepts[i].names) {
        const key = name.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(name);
      }
    }
    return out;
  }
}
