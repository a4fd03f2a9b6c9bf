/**
 * Loads and checks the concept thesaurus (content/thesaurus/*.yaml): each file through its
 * schema, then what a schema alone cannot see — ids used once across files, glossary entries
 * and related concepts that exist, labels that search can read (not only short common words),
 * and no label given to two concepts (search could not tell which one the reader means).
 * Each problem names the file and the line of the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GlossaryTerm } from '../../common/content-schema.ts';
import { LANGS } from '../../common/facets.ts';
import { glossaryNames, namePhrases, thesaurusFileSchema, type Concept } from '../../common/search/thesaurus.ts';
import type { ContentProblem } from './content-error.ts';
import { parseYamlWithLines, schemaProblems } from './yaml-with-lines.ts';

export const THESAURUS_FOLDER = 'thesaurus';

interface Located {
  concept: Concept;
  file: string;
  lineOf(path: readonly PropertyKey[]): number;
  /** The concept's place in its file. */
  at: number;
}

const LABEL_FIELDS = ['prefLabel', 'altLabels', 'everyday'] as const;

/** Every concept of content/thesaurus/*.yaml (none when the folder is absent); problems are added to `problems`. */
export function loadThesaurus(root: string, glossary: readonly GlossaryTerm[], problems: ContentProblem[]): Concept[] {
  const dir = path.join(root, THESAURUS_FOLDER);
  if (!existsSync(dir)) return [];
  const located: Located[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.relative(path.dirname(root), path.join(dir, name)).split(path.sep).join('/');
    const parsed = parseYamlWithLines(readFileSync(path.join(dir, name), 'utf8'), file);
    if (parsed.problems.length) {
      problems.push(...parsed.problems);
      continue;
    }
    const result = thesaurusFileSchema.safeParse(parsed.value);
    if (!result.success) {
      problems.push(...schemaProblems(result.error, parsed, file, 'thesaurus'));
      continue;
    }
    result.data.concepts.forEach((concept, at) => located.push({ concept, file, lineOf: parsed.lineOf, at }));
  }
  checkConcepts(located, glossary, problems);
  return located.map((l) => l.concept);
}

function checkConcepts(located: Located[], glossary: readonly GlossaryTerm[], problems: ContentProblem[]): void {
  const first = new Map<string, Located>();
  const glossaryIds = new Set(glossary.map((g) => g.id));
  const standsFor = new Map<string, Located>();
  for (const l of located) {
    const { concept: c, file, lineOf, at } = l;
    const here = (p: PropertyKey[], message: string) => problems.push({ file, line: lineOf(['concepts', at, ...p]), message });
    const before = first.get(c.id);
    if (before) here(['id'], `thesaurus concept "${c.id}" is already defined at ${before.file}:${before.lineOf(['concepts', before.at, 'id'])}: use another id or merge the two`);
    else first.set(c.id, l);
    if (c.glossary) {
      if (!glossaryIds.has(c.glossary)) here(['glossary'], `thesaurus field "glossary": no glossary term "${c.glossary}" in content/glossary/`);
      const other = standsFor.get(c.glossary);
      if (other) here(['glossary'], `thesaurus field "glossary": "${c.glossary}" already belongs to concept "${other.concept.id}"; one concept per glossary entry`);
      else standsFor.set(c.glossary, l);
    }
  }
  for (const { concept: c, file, lineOf, at } of located) {
    const here = (p: PropertyKey[], message: string) => problems.push({ file, line: lineOf(['concepts', at, ...p]), message });
    c.related.forEach((id, i) => {
      if (id === c.id) here(['related', i], `thesaurus field "related[${i}]": a concept is not related to itself`);
      else if (!first.has(id)) here(['related', i], `thesaurus field "related[${i}]": no concept "${id}" in content/thesaurus/`);
    });
  }
  checkLabels(located, glossary, problems);
}

/** Labels must give search something to look for, and name one concept only (in each language's reading). */
function checkLabels(located: Located[], glossary: readonly GlossaryTerm[], problems: ContentProblem[]): void {
  const glossaryOf = new Map(glossary.map((g) => [g.id, g]));
  // Each label is read in both languages' stemming; a clash found in both is reported once.
  const reported = new Set<string>();
  const report = (problem: ContentProblem) => {
    const key = `${problem.file}:${problem.line}:${problem.message}`;
    if (!reported.has(key)) problems.push(problem);
    reported.add(key);
  };
  for (const lang of LANGS) {
    const owner = new Map<string, { id: string; where: string }>();
    // A glossary entry's names belong to the concept that stands for it, or to the entry itself.
    const claimed = new Set(located.map((l) => l.concept.glossary).filter(Boolean));
    for (const g of glossary) {
      if (claimed.has(g.id)) continue;
      for (const name of glossaryNames(g)) {
        for (const phrase of namePhrases(name, lang)) owner.set(phrase.join(' '), { id: `glossary:${g.id}`, where: `content/glossary/${g.id}.yaml` });
      }
    }
    for (const { concept: c, file, lineOf, at } of located) {
      const mine = new Set<string>();
      const term = c.glossary ? glossaryOf.get(c.glossary) : undefined;
      for (const name of term ? glossaryNames(term) : []) for (const p of namePhrases(name, lang)) mine.add(p.join(' '));
      for (const side of LANGS) {
        for (const field of LABEL_FIELDS) {
          const values = field === 'prefLabel' ? [c[side].prefLabel] : c[side][field];
          values.forEach((value, i) => {
            const p = field === 'prefLabel' ? ['concepts', at, side, field] : ['concepts', at, side, field, i];
            const where = `${file}:${lineOf(p)}`;
            const phrases = namePhrases(value, lang);
            if (phrases.length === 0) {
              // Reported once, in the label's own language.
              if (side === lang) report({ file, line: lineOf(p), message: `thesaurus field "${side}.${field}${field === 'prefLabel' ? '' : `[${i}]`}": "${value}" has only short common words, which search ignores; write the word that carries the meaning` });
              return;
            }
            for (const phrase of phrases) {
              const key = phrase.join(' ');
              if (mine.has(key)) continue;
              mine.add(key);
              const other = owner.get(key);
              if (other && other.id !== c.id) {
                report({ file, line: lineOf(p), message: `thesaurus label "${value}" also names ${other.id.startsWith('glossary:') ? `the glossary term "${other.id.slice(9)}"` : `concept "${other.id}"`} (${other.where}): search cannot tell which one the reader means; keep it in one place${other.id.startsWith('glossary:') ? ' (or set "glossary" on this concept)' : ''}` });
              } else owner.set(key, { id: c.id, where });
            }
          });
        }
      }
    }
  }
}
