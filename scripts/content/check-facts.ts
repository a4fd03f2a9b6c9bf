/**
 * Key figures as data: content/facts.yaml holds each fact once (its values, its wording in both
 * languages, its source and, where the sources differ, the alternatives with theirs), and a chapter
 * shows it through <Fact id="…" />. The build refuses a fact whose wordings disagree with its values
 * or cite outside the locator vocabulary, an unknown fact id, and a chapter or data file that writes
 * a fact's figure itself (one of its guard strings) instead of using <Fact>.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { LANGS, type Lang } from '../../common/facets.ts';
import type { ContentProblem } from './content-error.ts';
import { citationProblem, type LocatorVocabulary } from './check-locators.ts';
import { parseYamlWithLines, schemaProblems } from './yaml-with-lines.ts';
import { yamlFilesUnder } from './yaml-files.ts';

export const FACTS_FILE = 'facts.yaml';
const SHOWN = `content/${FACTS_FILE}`;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const citation = z.strictObject({ src: nonEmpty, at: nonEmpty });
const numbers = z.array(z.number().nonnegative()).min(1, 'list at least one value');

const wording = z.strictObject({
  /** A phrase that fits in a sentence of a chapter, with every figure of the fact written out. */
  text: nonEmpty,
  /** What <Fact show="value" /> shows, e.g. in a table cell; only for a fact without alternatives. */
  value: nonEmpty.optional(),
  /** Strings a chapter or data file may not write outside <Fact>: each holds one of the fact's figures (alone, or with its noun where the number alone is common). */
  guard: z.array(nonEmpty).min(1, 'list at least one string to guard'),
});

const alternative = z.strictObject({
  values: numbers,
  source: citation,
  en: z.strictObject({ text: nonEmpty }),
  es: z.strictObject({ text: nonEmpty }),
});

export const factSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens'),
  values: numbers,
  source: citation,
  en: wording,
  es: wording,
  /** What another source (or another place in the same source) says instead. */
  alternatives: z.array(alternative).default([]),
  /** The short "sources differ" note in each language, linking to the one place that explains the difference (id#anchor). */
  differ: z.strictObject({ en: z.strictObject({ text: nonEmpty, link: nonEmpty }), es: z.strictObject({ text: nonEmpty, link: nonEmpty }) }).optional(),
  /** Other legitimate uses of a guard string: the exact text around it, in one file, and why. */
  allow: z.array(z.strictObject({ file: nonEmpty, text: nonEmpty, why: nonEmpty })).default([]),
});
export type Fact = z.infer<typeof factSchema>;
export const factsFileSchema = z.array(factSchema);

/** The facts the build knows, and the ids whose entry has a problem (reported once, in facts.yaml). */
export interface FactBook {
  facts: ReadonlyMap<string, Fact>;
  broken: ReadonlySet<string>;
  /** Each fact's "sources differ" links, to be checked with the chapters' links. */
  links: Array<{ lang: Lang; line: number; url: string }>;
}

const NUMBER: Record<Lang, RegExp> = { en: /\d{1,3}(?:,\d{3})+(?!\d)|\d+/g, es: /\d{1,3}(?:\.\d{3})+(?!\d)|\d+/g };

/** The numbers a wording writes, in the language's notation (1,517 in English, 1.517 in Spanish), sorted. */
export function numbersIn(text: string, lang: Lang): number[] {
  return [...text.matchAll(NUMBER[lang])].map((m) => Number(m[0].replace(/[.,]/g, ''))).sort((a, b) => a - b);
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort((x, y) => x - y).every((n, i) => n === b[i]);

/** A guard string as a pattern: any spacing, any case, not part of a longer number or word, nor a paragraph number (§16). */
export function guardPattern(guard: string): RegExp {
  const body = guard.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}§]|\\p{N}[.,])${body}(?![\\p{L}\\p{N}]|[.,]\\p{N})`, 'giu');
}

interface ReadFacts {
  /** Each fact that passed the schema, with its position in the file. */
  entries: Array<{ fact: Fact; index: number }>;
  /** Ids of entries the schema refused (already reported). */
  refused: Set<string>;
  lineOf(p: readonly PropertyKey[]): number;
}

/** Reads content/facts.yaml (optional: no file, no facts) through its schema, entry by entry. */
export function readFactsFile(root: string, problems: ContentProblem[]): ReadFacts | null {
  const file = path.join(root, FACTS_FILE);
  if (!existsSync(file)) return null;
  const parsed = parseYamlWithLines(readFileSync(file, 'utf8'), SHOWN);
  if (parsed.problems.length) {
    problems.push(...parsed.problems);
    return null;
  }
  const result = factsFileSchema.safeParse(parsed.value);
  if (!result.success) problems.push(...schemaProblems(result.error, parsed, SHOWN, 'fact'));
  const entries: ReadFacts['entries'] = [];
  const refused = new Set<string>();
  // Facts that are whole still count, so their uses are checked.
  (Array.isArray(parsed.value) ? parsed.value : []).forEach((raw: unknown, index) => {
    const one = factSchema.safeParse(raw);
    if (one.success) entries.push({ fact: one.data, index });
    else if (raw && typeof (raw as { id?: unknown }).id === 'string') refused.add((raw as { id: string }).id);
  });
  return { entries, refused, lineOf: parsed.lineOf };
}

/** facts.yaml read and checked: ids, sources and locators, values against wordings in both languages, guards, the differ note. */
export function loadFacts(root: string, vocabularies: ReadonlyMap<string, LocatorVocabulary>, problems: ContentProblem[]): FactBook {
  const read = readFactsFile(root, problems);
  const facts = new Map<string, Fact>();
  const broken = new Set<string>(read?.refused);
  const links: FactBook['links'] = [];
  if (!read) return { facts, broken, links };
  for (const { fact, index } of read.entries) {
    const before = problems.length;
    const at = (p: PropertyKey[], message: string) => problems.push({ file: SHOWN, line: read.lineOf([index, ...p]), message: `fact "${fact.id}": ${message}` });
    if (facts.has(fact.id) || broken.has(fact.id)) at(['id'], 'the id is used twice');
    const cite = (c: { src: string; at: string }, p: PropertyKey[]) => {
      if (!vocabularies.has(c.src)) at([...p, 'src'], `unknown source id "${c.src}"`);
      const locator = citationProblem(vocabularies, c.src, c.at);
      if (locator) at([...p, 'at'], `field "${[...p, 'at'].join('.')}": ${locator}`);
    };
    cite(fact.source, ['source']);
    fact.alternatives.forEach((alt, i) => cite(alt.source, ['alternatives', i, 'source']));
    const sorted = [...fact.values].sort((a, b) => a - b);
    for (const lang of LANGS) {
      const found = numbersIn(fact[lang].text, lang);
      if (!sameNumbers(found, sorted)) at([lang, 'text'], `the ${lang} wording writes ${found.join(', ') || 'no number'} but the values are ${sorted.join(', ')}: make them agree (${lang === 'en' ? '1,517' : '1.517'} is how ${lang === 'en' ? 'English' : 'Spanish'} writes thousands)`);
      const value = fact[lang].value;
      if (value !== undefined && !numbersIn(value, lang).every((n) => sorted.includes(n))) at([lang, 'value'], `"${value}" is not one of the values ${sorted.join(', ')}`);
      fact.alternatives.forEach((alt, i) => {
        const altFound = numbersIn(alt[lang].text, lang);
        const altSorted = [...alt.values].sort((a, b) => a - b);
        if (!sameNumbers(altFound, altSorted)) at(['alternatives', i, lang, 'text'], `the ${lang} wording writes ${altFound.join(', ') || 'no number'} but the values are ${altSorted.join(', ')}`);
      });
      const figures = new Set([...fact.values, ...fact.alternatives.flatMap((alt) => alt.values)]);
      fact[lang].guard.forEach((g, i) => {
        const inGuard = numbersIn(g, lang);
        if (!inGuard.length || !inGuard.every((n) => figures.has(n))) at([lang, 'guard', i], `guard "${g}" does not write one of the fact's values (${[...figures].join(', ')}) as ${lang === 'en' ? 'English' : 'Spanish'} does: guard the figures the fact states`);
      });
    }
    if (fact.alternatives.length && !fact.differ) at(['alternatives'], 'a fact whose sources differ needs "differ": the short note and the link to where the difference is explained');
    if (fact.differ && !fact.alternatives.length) at(['differ'], '"differ" without alternatives: list what the other source says');
    if (fact.alternatives.length && (fact.en.value || fact.es.value)) at([fact.en.value ? 'en' : 'es', 'value'], 'a fact whose sources differ is always shown whole, so it has no "value"');
    if ((fact.en.value === undefined) !== (fact.es.value === undefined)) at([fact.en.value ? 'es' : 'en'], '"value" is given in one language only: give it in both or neither');
    for (const lang of LANGS) if (fact.differ) links.push({ lang, line: read.lineOf([index, 'differ', lang, 'link']), url: fact.differ[lang].link });
    fact.allow.forEach((a, i) => {
      if (!fact.en.guard.concat(fact.es.guard).some((g) => guardPattern(g).test(a.text))) at(['allow', i, 'text'], `"${a.text}" holds none of the fact's guard strings`);
    });
    if (problems.length > before) broken.add(fact.id);
    else facts.set(fact.id, fact);
  }
  return { facts, broken, links };
}

/** A JSX attribute's plain-string value (undefined when absent or an expression). */
export function attribute(node: { attributes: Array<{ type: string; name?: string; value?: unknown }> }, name: string): string | undefined {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** Each <Fact> of a chapter: a known id, inside a sentence, and show="value" only where the fact has a value. */
export function factElementProblems(tree: Root, file: string, book: FactBook): ContentProblem[] {
  const problems: ContentProblem[] = [];
  visit(tree, (node) => {
    if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || node.name !== 'Fact') return;
    const line = node.position?.start.line ?? 1;
    const id = attribute(node, 'id') ?? '';
    const show = attribute(node, 'show');
    const fact = book.facts.get(id);
    if (node.type === 'mdxJsxFlowElement') problems.push({ file, line, message: `<Fact id="${id}"> stands on a line of its own: write it inside a sentence` });
    if (node.children.length) problems.push({ file, line, message: `<Fact id="${id}"> takes no content: write <Fact id="${id}" />` });
    if (!fact) {
      if (!book.broken.has(id)) problems.push({ file, line, message: `<Fact id="${id}">: no such fact in ${SHOWN}${book.facts.size ? `; use one of ${[...book.facts.keys()].join(', ')}` : ''}` });
      return;
    }
    if (show !== undefined && show !== 'value') problems.push({ file, line, message: `<Fact id="${id}" show="${show}">: show may only be "value"` });
    else if (show === 'value' && fact.en.value === undefined) {
      problems.push({ file, line, message: `<Fact id="${id}" show="value">: ${fact.alternatives.length ? 'the sources differ on this fact, so show it whole' : `the fact has no "value" in ${SHOWN}`}` });
    }
  });
  return problems;
}

/** Cite and Fact tags are not prose: their attributes may hold figures. */
const NOT_PROSE = /<(?:Cite|Fact)\b[^>]*\/>/g;

/**
 * Finds a fact's guard strings written outside <Fact> in chapters and data files, line by line,
 * except where the fact's allow-list names that exact text in that file; remembers which allow
 * entries were used so that stale ones can be reported.
 */
export class GuardScan {
  private readonly used = new Set<string>();
  private readonly guards: Array<{ fact: Fact; pattern: RegExp }>;

  constructor(private readonly book: FactBook) {
    this.guards = [...book.facts.values()].flatMap((fact) =>
      [...new Set([...fact.en.guard, ...fact.es.guard])].map((guard) => ({ fact, pattern: guardPattern(guard) })));
  }

  /** Problems for one file's text (an MDX chapter or a YAML data file), each at its line. */
  scan(file: string, text: string, kind: 'mdx' | 'yaml'): ContentProblem[] {
    const problems: ContentProblem[] = [];
    text.split('\n').forEach((rawLine, i) => {
      if (kind === 'yaml' && /^\s*#/.test(rawLine)) return;
      const line = kind === 'mdx' ? rawLine.replace(NOT_PROSE, (tag) => ' '.repeat(tag.length)) : rawLine;
      for (const { fact, pattern } of this.guards) {
        for (const m of line.matchAll(pattern)) {
          if (this.allowed(fact, file, line, m.index, m[0].length)) continue;
          problems.push({
            file, line: i + 1, column: m.index + 1,
            message: kind === 'mdx'
              ? `"${m[0]}" is fact "${fact.id}": write <Fact id="${fact.id}" /> instead, so the figure is stated and corrected in one place (${SHOWN}; another use of the number goes in the fact's "allow" list)`
              : `"${m[0]}" is fact "${fact.id}": a data file cannot show <Fact>, so say it without the figure and let the chapters give it (${SHOWN}; another use of the number goes in the fact's "allow" list)`,
          });
        }
      }
    });
    return problems;
  }

  /** Every YAML data file under content/ except facts.yaml, scanned. */
  scanDataFiles(root: string): ContentProblem[] {
    return yamlFilesUnder(root, FACTS_FILE).flatMap((f) => this.scan(f.shown, f.text, 'yaml'));
  }

  /** Allow entries that no longer match any text, as warnings to remove them. */
  staleAllowances(): ContentProblem[] {
    return [...this.book.facts.values()].flatMap((fact) => fact.allow
      .filter((a) => !this.used.has(`${fact.id}\u0000${a.file}\u0000${a.text}`))
      .map((a) => ({ file: SHOWN, line: 1, message: `fact "${fact.id}": the allowed text "${a.text}" no longer appears in ${a.file}: remove the entry` })));
  }

  private allowed(fact: Fact, file: string, line: string, index: number, length: number): boolean {
    const lower = line.toLowerCase();
    for (const a of fact.allow) {
      if (a.file !== file) continue;
      const text = a.text.toLowerCase();
      for (let from = lower.indexOf(text); from >= 0; from = lower.indexOf(text, from + 1)) {
        if (from <= index && index + length <= from + text.length) {
          this.used.add(`${fact.id}\u0000${a.file}\u0000${a.text}`);
          return true;
        }
      }
    }
    return false;
  }
}
