/**
 * One word for each concept in each language. A glossary term may list, per language, the other
 * names running text must not use for it (`nonPreferred`), and each language writes numbers one
 * way (English "79%" and "1,517", Spanish "79 %" and "1.517"). The build flags every use in chapters, data files
 * (instruments, workshops, indicators, glossary definitions…) and the interface catalogues, at
 * file:line:column with the preferred form, except where content/terms-allow-list.yaml names the
 * place and says why (a quotation of local usage, a definition that names the other word on purpose,
 * the thesaurus, which exists to hold other names).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { LANGS, type Lang } from '../../common/facets.ts';
import type { GlossaryTerm } from '../../common/content-schema.ts';
import type { ContentProblem } from './content-error.ts';
import { readTopYamlFile, yamlFilesUnder } from './yaml-files.ts';

export const TERMS_ALLOW_FILE = 'terms-allow-list.yaml';
const ALLOW_SHOWN = `content/${TERMS_ALLOW_FILE}`;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
export const termAllowSchema = z.strictObject({
  /** The file as the build names it ("content/es/gender.mdx"), or a folder ending in "/" ("content/thesaurus/"). */
  file: nonEmpty,
  /** The exact words around the other name, as the file writes them (any spacing, any case); without it, the whole file or folder. */
  text: nonEmpty.optional(),
  /** Why the other name stays here: a quotation, a definition that names it, a list of other names. */
  why: nonEmpty,
});
export type TermAllow = z.infer<typeof termAllowSchema>;
export const termsAllowListSchema = z.array(termAllowSchema);

/** Something running text must not write, and what to write instead. */
interface WordRule {
  pattern: RegExp;
  /** Where a match is part of the preferred wording itself (a preferred term that holds the other word). */
  shield?: RegExp;
  message(found: string): string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a pattern: any spacing (lines of a folded YAML string too), any case, whole words; `plural` also takes it with -s or -es. */
export function phrasePattern(phrase: string, plural = false): RegExp {
  const body = phrase.trim().split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}-])${body}${plural ? '(?:e?s)?' : ''}(?![\\p{L}\\p{N}-])`, 'giu');
}

const LANGUAGE_NAME: Partial<Record<Lang, string>> = { en: 'English', es: 'Spanish' };
const languageName = (lang: Lang) => LANGUAGE_NAME[lang] ?? `"${lang}"`;

/**
 * One way to write numbers per language. Percentages: English "79%" as its style guides and the
 * sources write it; Spanish "79 %" as the RAE's Ortografía (2010) asks. Thousands: "1,517" in English,
 * "1.517" in Spanish, as facts.yaml writes them. A language not listed is not checked.
 */
const NUMBER_RULES: Partial<Record<Lang, WordRule[]>> = {
  en: [
    { pattern: /(?<![\d.,])\d+(?:[.,]\d+)?[ \u00a0\u202f]+%/gu, message: (found) => `"${found}": English writes a percentage with no space before % ("79%")` },
    { pattern: /(?<![\d.,§])[1-9]\d{0,2}(?:\.\d{3})+(?![\d.,])/gu, message: (found) => `"${found}": English writes thousands with a comma ("1,517") and decimals with a point: check the figure` },
  ],
  es: [
    { pattern: /(?<![\d.,])\d+(?:[.,]\d+)?%/gu, message: (found) => `"${found}": Spanish writes a space before % ("79 %"), as the RAE's Ortografía (2010) asks` },
    { pattern: /(?<![\d.,§])[1-9]\d{0,2}(?:,\d{3})+(?![\d.,])/gu, message: (found) => `"${found}": Spanish writes thousands with a point ("1.517") and decimals with a comma: check the figure` },
  ],
};

/**
 * One quotation style per language: Spanish «», as the RAE's Ortografía (2010) prefers (“” only
 * inside «»), English “” (curly, as the interface writes them). Straight quotes around words are
 * flagged in both; a YAML or JSON string's own delimiters never are (nothing stands before them).
 */
// A quotation may run over a line break in a folded YAML string, never over a blank line.
const STRAIGHT_QUOTES = /(?<![:=]\s*)(?<=[\s(¿¡*>—–/-])"((?:[^"\n]|\n(?!\s*\n)){1,300}?)"(?=[\s.,;:!?)…*»”\-—–]|$)/gu;
export const QUOTE_RULES: Partial<Record<Lang, WordRule[]>> = {
  en: [
    { pattern: /«([^»\n]{1,300})»/gu, message: (found) => `${found}: English quotes with “” (${found.replace(/^«|»$/g, (q) => (q === '«' ? '“' : '”'))})` },
    { pattern: STRAIGHT_QUOTES, message: (found) => `${found}: English quotes with curly “” (${found.replace(/^"|"$/g, (_q, i: number) => (i === 0 ? '“' : '”'))})` },
  ],
  es: [
    { pattern: /“([^”\n]{1,300})”/gu, shield: /«[^»\n]*»/gu, message: (found) => `${found}: Spanish quotes with «» (${found.replace(/^“|”$/g, (q) => (q === '“' ? '«' : '»'))}), as the RAE's Ortografía (2010) prefers` },
    { pattern: STRAIGHT_QUOTES, message: (found) => `${found}: Spanish quotes with «» (${found.replace(/^"|"$/g, (_q, i: number) => (i === 0 ? '«' : '»'))}), as the RAE's Ortografía (2010) prefers` },
  ],
};

/** The glossary's preferred term as running text writes it: without its abbreviation or gloss in brackets ("Waste heap (mine waste)"). */
const preferredWording = (term: string) => term.replace(/\s*\([^)]*\)\s*$/, '');

/** The rules of each language: its number style, and each glossary term's non-preferred names. */
export function consistentWordRules(glossary: readonly GlossaryTerm[]): Record<Lang, WordRule[]> {
  const rules = Object.fromEntries(LANGS.map((lang) => [lang, [...(NUMBER_RULES[lang] ?? []), ...(QUOTE_RULES[lang] ?? [])]])) as Record<Lang, WordRule[]>;
  for (const term of glossary) {
    for (const lang of LANGS) {
      const preferred = preferredWording(term[lang].term);
      for (const other of term.nonPreferred?.[lang] ?? []) {
        rules[lang].push({
          pattern: phrasePattern(other, true),
          shield: phrasePattern(preferred, true),
          message: (found) => `"${found}": the glossary's ${languageName(lang)} term for this is "${preferred}" (content/glossary/${term.id}.yaml): write that, keeping the sentence's grammar; where "${found}" is quoted or named on purpose, add the place to ${ALLOW_SHOWN} with the reason`,
        });
      }
    }
  }
  return rules;
}

/** Glossary entries whose non-preferred names are the preferred term itself, or another term's: each at its file and line. */
export function nonPreferredProblems(records: ReadonlyArray<{ record: GlossaryTerm; file: string; lineOf(p: readonly PropertyKey[]): number }>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const lang of LANGS) {
    const preferredBy = new Map(records.map((r) => [preferredWording(r.record[lang].term).toLowerCase(), r.record.id]));
    for (const { record, file, lineOf } of records) {
      (record.nonPreferred?.[lang] ?? []).forEach((other, i) => {
        const owner = preferredBy.get(other.trim().toLowerCase());
        if (owner) problems.push({ file, line: lineOf(['nonPreferred', lang, i]), message: `glossary field "nonPreferred.${lang}[${i}]": "${other}" is the preferred ${languageName(lang)} term of ${owner === record.id ? 'this entry' : `"${owner}"`}, so running text must be able to use it` });
      });
    }
  }
  return problems;
}

/** Parts of an MDX line that are not prose, blanked so columns stay true: tags that carry ids and locators, link targets, code, comments. */
const NOT_PROSE_MDX = [
  /<(?:Cite|Fact)\b[^>]*\/>/g,
  /\]\([^)]*\)/g,
  /`[^`]*`/g,
  /\{\/\*.*?\*\/\}/g,
  /\b(?:id|src|at|href|kind|show|name)="[^"]*"/g,
];
const blank = (s: string) => ' '.repeat(s.length);

/** Frontmatter fields a reader sees; the others are ids and facets. */
const PROSE_FRONTMATTER = /^(?:title|summary):/;

/** Keys whose values name other words on purpose (the glossary's lists of other names) or are not shown to a reader (a catalogue's note to the translator). */
const DATA_NOT_PROSE = new Set(['synonyms', 'nonPreferred']);
const CATALOGUE_NOT_PROSE = new Set(['description']);

/**
 * Scans text for the rules of its language, skipping what the allow-list names; remembers which
 * allow entries were used so that stale ones can be reported.
 */
export class ConsistentWordScan {
  private readonly used = new Set<number>();
  private readonly rules: Record<Lang, WordRule[]>;

  constructor(glossary: readonly GlossaryTerm[], private readonly allow: readonly TermAllow[]) {
    this.rules = consistentWordRules(glossary);
  }

  /** A chapter (content/<lang>/<id>.mdx): its title, summary and prose, line by line. */
  scanChapter(file: string, lang: Lang, source: string): ContentProblem[] {
    const problems: ContentProblem[] = [];
    let inFrontmatter = false;
    let inCode = false;
    source.split('\n').forEach((raw, i) => {
      const at = (offset: number) => ({ line: i + 1, column: offset + 1 });
      if (i === 0 && raw.trim() === '---') {
        inFrontmatter = true;
      } else if (inFrontmatter) {
        if (raw.trim() === '---') inFrontmatter = false;
        else if (PROSE_FRONTMATTER.test(raw)) this.scanText(file, lang, raw, at, problems);
      } else if (/^\s*(?:```|~~~)/.test(raw)) {
        inCode = !inCode;
      } else if (!inCode && !/^(?:import|export)\s/.test(raw)) {
        this.scanText(file, lang, NOT_PROSE_MDX.reduce((text, pattern) => text.replace(pattern, blank), raw), at, problems);
      }
    });
    return problems;
  }

  /**
   * A YAML (or JSON) file: every string under an "en" or "es" key is text in that language (or,
   * given `fileLang`, every string is); lists of other names and notes to translators are skipped.
   */
  scanYaml(file: string, source: string, fileLang?: Lang): ContentProblem[] {
    const counter = new LineCounter();
    const doc = parseDocument(source, { lineCounter: counter });
    if (doc.errors.length) return []; // the file's own loader reports its syntax
    const skip = fileLang ? CATALOGUE_NOT_PROSE : DATA_NOT_PROSE;
    const problems: ContentProblem[] = [];
    visit(doc, {
      Scalar: (key, node, ancestors) => {
        if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
        const keys = ancestors.filter(isPair).map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')).reverse();
        if (keys.some((k) => skip.has(k))) return;
        const lang = (keys.find((k) => (LANGS as readonly string[]).includes(k)) as Lang | undefined) ?? fileLang;
        if (!lang) return;
        const start = node.range[0];
        // The scalar as the file writes it, so each match has its own line even in a folded string.
        this.scanText(file, lang, source.slice(start, node.range[1]), (offset) => {
          const pos = counter.linePos(start + offset);
          return { line: pos.line, column: pos.col };
        }, problems);
      },
    });
    return problems;
  }

  /** Every YAML data file under content/ (not the allow-list itself). */
  scanDataFiles(root: string): ContentProblem[] {
    return yamlFilesUnder(root, TERMS_ALLOW_FILE).flatMap((f) => this.scanYaml(f.shown, f.text));
  }

  /** The interface catalogues (content/locales/<lang>.json: each key's message and a description for the translator), when the folder exists. */
  scanCatalogues(dir: string, shownDir: string): ContentProblem[] {
    if (!existsSync(dir)) return [];
    return LANGS.flatMap((lang) => {
      const file = path.join(dir, `${lang}.json`);
      return existsSync(file) ? this.scanYaml(`${shownDir}/${lang}.json`, readFileSync(file, 'utf8'), lang) : [];
    });
  }

  /** Allow entries that no longer excuse anything, as warnings to remove them. */
  staleAllowances(): ContentProblem[] {
    return this.allow.flatMap((a, i) => this.used.has(i) ? [] : [{
      file: ALLOW_SHOWN, line: 1,
      message: `the entry for ${a.file}${a.text ? ` ("${a.text}")` : ''} no longer excuses any other name or percentage there: remove it`,
    }]);
  }

  private scanText(file: string, lang: Lang, text: string, at: (offset: number) => { line: number; column: number }, problems: ContentProblem[]): void {
    for (const rule of this.rules[lang]) {
      for (const m of text.matchAll(rule.pattern)) {
        const from = m.index;
        const to = from + m[0].length;
        if (rule.shield && [...text.matchAll(rule.shield)].some((s) => s.index <= from && to <= s.index + s[0].length)) continue;
        if (this.allowed(file, text, from, to)) continue;
        problems.push({ file, ...at(from), message: rule.message(m[0].replace(/\s+/g, ' ')) });
      }
    }
  }

  private allowed(file: string, text: string, from: number, to: number): boolean {
    return this.allow.some((a, i) => {
      const inPlace = a.file === file || (a.file.endsWith('/') && file.startsWith(a.file));
      if (!inPlace) return false;
      const covers = a.text === undefined || [...text.matchAll(phrasePattern(a.text))].some((m) => m.index <= from && to <= m.index + m[0].length);
      if (covers) this.used.add(i);
      return covers;
    });
  }
}

/** content/terms-allow-list.yaml (optional: no file, no exceptions) through its schema. */
export function readTermsAllowList(root: string, problems: ContentProblem[]): TermAllow[] {
  return readTopYamlFile(root, TERMS_ALLOW_FILE, termsAllowListSchema, problems, { optional: true })?.record ?? [];
}
