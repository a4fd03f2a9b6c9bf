/**
 * Reads and checks everything under content/: chapters (MDX, both languages), sections,
 * sources, facts, the glossary and thesaurus, communities, instruments and indicators,
 * workshop modules, the profiler and the reading paths. Returns the content with every problem
 * found, each located by file and line. Used by the Vite build, `npm run validate` and the tests.
 * Each job is its own module: a chapter (load-chapter.ts), translations, links, communities,
 * instruments, workshop modules, the profiler; what search indexes is search-documents.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LANGS, type Lang } from '../../common/facets.ts';
import {
  chapterFrontmatterSchema, communitySchema, glossaryTermSchema, readingPathsFileSchema, sectionsFileSchema, type ContentData,
} from '../../common/content-schema.ts';
import { indicatorSchema } from '../../common/forms/instrument-schema.ts';
import { workshopModuleSchema } from '../../common/workshops/module-schema.ts';
import type { Concept } from '../../common/search/thesaurus.ts';
import type { ContentProblem } from './content-error.ts';
import { checkCommunities } from './check-communities.ts';
import { ConsistentWordScan, nonPreferredProblems, readTermsAllowList } from './check-consistent-words.ts';
import { GuardScan, loadFacts } from './check-facts.ts';
import { checkInstruments } from './check-instruments.ts';
import { checkLinks } from './check-links.ts';
import { sourcesWithLocatorsSchema } from './check-locators.ts';
import { classifyUrl } from './check-mdx-safety.ts';
import { loadProfiler } from './check-profiler.ts';
import { checkRepeatedPassages, type ChapterWords } from './check-repeated-passages.ts';
import { loadThesaurus } from './check-thesaurus.ts';
import { checkTranslations } from './check-translations.ts';
import { checkCatalogues } from '../i18n/check-catalogues.ts';
import { checkWorkshopModules } from './check-workshop-modules.ts';
import { loadChapter, type ChapterContext, type LoadedChapter, type PendingLink } from './load-chapter.ts';
import { inListOrder, loadInstrumentFiles } from './load-instruments.ts';
import { checkRecordSources, loadYamlFolder, readTopYamlFile, type Schema } from './yaml-files.ts';

export interface LoadedContent extends ContentData {
  root: string;
  chapters: LoadedChapter[];
  /** The concept thesaurus (content/thesaurus/), read by search only. */
  thesaurus: Concept[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** Loads and checks the whole content folder. Never throws for bad content: see `problems`. */
export function loadContent(root: string): LoadedContent {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const sections = readTopYamlFile(root, 'sections.yaml', sectionsFileSchema, problems)?.record ?? [];
  const sourcesWithLocators = readTopYamlFile(root, 'sources.yaml', sourcesWithLocatorsSchema, problems)?.record ?? [];
  const vocabularies = new Map(sourcesWithLocators.map((s) => [s.id, s.locators]));
  const sources = sourcesWithLocators.map(({ locators: _, ...source }) => source);
  const facts = loadFacts(root, vocabularies, problems);
  const guards = new GuardScan(facts);
  /** One record per YAML file of a folder, each citing known sources at known locators. */
  const folder = <T extends { id: string; sources: Array<{ src: string; at: string }> }>(name: string, schema: Schema<T>, what: string) => {
    const records = loadYamlFolder<T>(root, name, schema, what, problems);
    checkRecordSources(records, what, vocabularies, problems);
    return records;
  };

  const glossaryRecords = folder('glossary', glossaryTermSchema, 'glossary term');
  const glossary = glossaryRecords.map((r) => r.record);
  const glossaryIds = new Set(glossary.map((t) => t.id));
  for (const { record: term, file, lineOf } of glossaryRecords) {
    term.related.forEach((id, i) => {
      if (!glossaryIds.has(id)) problems.push({ file, line: lineOf(['related', i]), message: `glossary field "related[${i}]": no glossary term "${id}"` });
    });
  }
  problems.push(...nonPreferredProblems(glossaryRecords));
  const words = new ConsistentWordScan(glossary, readTermsAllowList(root, problems));
  const thesaurus = loadThesaurus(root, glossary, problems);
  const communityRecords = folder('communities', communitySchema, 'community');

  const chapterContext: ChapterContext = {
    schema: chapterFrontmatterSchema(sections.length ? sections.map((s) => s.id) : ['-'], sources.length ? sources.map((s) => s.id) : ['-']),
    vocabularies, glossaryIds, problems, facts, guards, words,
    links: [] as PendingLink[], communityRefs: [], passages: [] as ChapterWords[],
  };
  const chapters: LoadedChapter[] = [];
  const filesByLang = new Map<Lang, string[]>();
  for (const lang of LANGS) {
    const dir = path.join(root, lang);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort() : [];
    filesByLang.set(lang, files);
    for (const name of files) {
      const chapter = loadChapter(root, lang, name, chapterContext);
      if (chapter) chapters.push(chapter);
    }
  }
  checkRepeatedPassages(root, chapterContext.passages, problems, warnings);
  checkTranslations(filesByLang, chapters, problems);
  // The interface texts (content/locales/<lang>.json) are checked with the chapters they sit beside.
  checkCatalogues(path.join(root, 'locales'), problems, (file) => path.join('content', path.relative(root, file)));
  const byKey = new Map(chapters.map((c) => [`${c.lang}/${c.frontmatter.id}`, c]));
  const englishChapter = (id: string) => byKey.get(`en/${id}`);
  checkCommunities(communityRecords, englishChapter, chapterContext.communityRefs, problems);

  const indicatorRecords = folder('indicators', indicatorSchema, 'indicator');
  const instrumentRecords = loadInstrumentFiles(root, problems);
  checkRecordSources(instrumentRecords, 'instrument', vocabularies, problems);
  checkInstruments(instrumentRecords, indicatorRecords, (id) => byKey.has(`en/${id}`), problems);
  for (const { record: f, file, lineOf } of instrumentRecords) {
    if (!sections.some((sec) => sec.id === f.kind)) problems.push({ file, line: lineOf(['kind']), message: `instrument field "kind": there is no section "${f.kind}" in sections.yaml to list it under` });
  }
  const instruments = inListOrder(instrumentRecords.map((r) => r.record));
  const indicators = indicatorRecords.map((r) => r.record);
  const moduleRecords = folder('workshops', workshopModuleSchema, 'workshop module');
  checkWorkshopModules(moduleRecords, (id) => byKey.has(`en/${id}`) || instruments.some((f) => f.id === id), problems);
  if (moduleRecords.length && !sections.some((sec) => sec.id === 'awareness')) problems.push({ file: moduleRecords[0].file, line: 1, message: 'workshop modules are listed under the "awareness" section, which sections.yaml does not have' });
  const workshopModules = moduleRecords.map((r) => r.record).sort((a, b) => a.audience.localeCompare(b.audience) || a.order - b.order);

  problems.push(...guards.scanDataFiles(root));
  warnings.push(...guards.staleAllowances());
  problems.push(...words.scanDataFiles(root), ...words.scanCatalogues(path.join(root, 'locales'), 'content/locales'));
  warnings.push(...words.staleAllowances());
  for (const { lang, line, url } of facts.links) {
    const target = classifyUrl(url);
    if (target.kind !== 'page' || !target.target) problems.push({ file: 'content/facts.yaml', line, message: `differ link "${url}": link to the chapter that explains the difference (id or id#anchor)` });
    else chapterContext.links.push({ file: 'content/facts.yaml', lang, line, column: 1, target: target.target, anchor: target.anchor });
  }
  checkLinks(chapterContext.links, chapters, instruments, workshopModules, problems);

  const profiler = loadProfiler(root, vocabularies, (id) => byKey.has(`en/${id}`), problems);

  const readingPaths = readTopYamlFile(root, 'reading-paths.yaml', readingPathsFileSchema, problems)?.record ?? [];
  for (const p of readingPaths) {
    for (const id of p.chapters) {
      if (!byKey.has(`en/${id}`)) problems.push({ file: 'content/reading-paths.yaml', line: 1, message: `reading path "${p.id}": no chapter "${id}"` });
    }
  }
  return { root, sections, sources, glossary, thesaurus, readingPaths, communities: communityRecords.map((r) => r.record), profiler, instruments, indicators, workshopModules, chapters, problems, warnings };
}
