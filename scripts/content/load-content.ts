/**
 * Reads and checks everything under content/: chapters (MDX, both languages), sections,
 * sources, the glossary and the reading paths. Returns the content with every problem found,
 * each located by file and line. Used by the Vite build, `npm run validate` and the tests.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, Yaml } from 'mdast';
import { visit } from 'unist-util-visit';
import { LANGS, type Lang } from '../../common/facets.ts';
import {
  chapterFrontmatterSchema, communitySchema, glossaryTermSchema, readingPathsFileSchema, sectionsFileSchema,
  type ChapterFrontmatter, type ContentData, type HeadingEntry,
} from '../../common/content-schema.ts';
import type { SearchDoc } from '../../common/search/search-types.ts';
import type { ContentProblem } from './content-error.ts';
import { headingIds } from './remark-heading-ids.ts';
import { indicatorSchema, instrumentSchema, instrumentSectionAnchor } from '../../common/forms/instrument-schema.ts';
import { checkInstruments } from './check-instruments.ts';
import { checkWorkshopModules } from './check-workshop-modules.ts';
import { workshopModuleSchema } from '../../common/workshops/module-schema.ts';
import { MODULE_PAGE_PARTS, MODULE_PART_TITLES, modulePartAnchor, type ModulePagePart } from '../../common/workshops/module-page.ts';
import { profilerSchema, type ProfileFeature, type ProfilerDefinition } from '../../common/profiler.ts';
import { communitySearchText } from '../../common/community-labels.ts';
import { parseYamlWithLines, schemaProblems } from './yaml-with-lines.ts';
import { citationProblem, sourcesWithLocatorsSchema, type LocatorVocabulary } from './check-locators.ts';
import { chapterWords, checkRepeatedPassages, type ChapterWords } from './check-repeated-passages.ts';
import { chapterSizeProblem, classifyUrl, MDX_COMPONENTS, mdxCodeProblems, urlProblem } from './check-mdx-safety.ts';
import { factElementProblems, GuardScan, loadFacts, type FactBook } from './check-facts.ts';
import { expandFacts } from './remark-facts.ts';
import { loadThesaurus } from './check-thesaurus.ts';
import type { Concept } from '../../common/search/thesaurus.ts';

export const CALLOUT_KINDS = ['lesson', 'warning', 'trainer', 'note', 'differ'] as const;

export interface LoadedChapter {
  lang: Lang;
  file: string;
  frontmatter: ChapterFrontmatter;
  headings: HeadingEntry[];
  /** Searchable blocks: the opening text and each heading's section. */
  blocks: Array<{ anchor: string; heading: string; text: string }>;
  words: number;
}

export interface LoadedContent extends ContentData {
  root: string;
  chapters: LoadedChapter[];
  /** The concept thesaurus (content/thesaurus/), read by search only. */
  thesaurus: Concept[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

interface PendingLink {
  file: string;
  lang: Lang;
  line: number;
  column: number;
  target: string;
  anchor?: string;
}

const mdxParser = createProcessor({ remarkPlugins: [[remarkFrontmatter, ['yaml']], remarkGfm] });

function rel(root: string, file: string): string {
  return path.relative(path.dirname(root), file).split(path.sep).join('/');
}

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').z.ZodError } };

interface ParsedRecord<T> {
  value: T;
  lineOf(path: readonly PropertyKey[]): number;
}

/** One YAML file through its schema: the value and a way to locate its fields, or the problems (file:line). */
function parseYamlRecord<T>(file: string, shown: string, schema: Schema<T>, what: string, problems: ContentProblem[]): ParsedRecord<T> | undefined {
  const parsed = parseYamlWithLines(readFileSync(file, 'utf8'), shown);
  if (parsed.problems.length) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    problems.push(...schemaProblems(result.error, parsed, shown, what));
    return undefined;
  }
  return { value: result.data, lineOf: parsed.lineOf };
}

/** A YAML file at the top of content/ (a missing required file is a problem too). */
function readYamlFile<T>(root: string, name: string, schema: Schema<T>, problems: ContentProblem[], options: { optional?: boolean } = {}): ParsedRecord<T> | undefined {
  const file = path.join(root, name);
  const shown = rel(root, file);
  if (!existsSync(file)) {
    if (!options.optional) problems.push({ file: shown, line: 1, message: 'file is missing' });
    return undefined;
  }
  return parseYamlRecord(file, shown, schema, name, problems);
}

const FEATURE_VALUES: Record<ProfileFeature, readonly string[]> = {
  communityType: ['settlement', 'urban'],
  organisation: ['property-equality', 'property-inequality'],
  workRelations: ['formal', 'informal'],
  sizeBand: ['small', 'medium', 'large'],
  partOfLargerComplex: ['true', 'false'],
};

/** content/profiler.yaml: its schema, then every reference in it (questions, options, chapters, sources, feature values). */
function loadProfiler(root: string, vocabularies: Map<string, LocatorVocabulary>, chapterExists: (id: string) => boolean, problems: ContentProblem[]): ProfilerDefinition | null {
  const parsed = readYamlFile(root, 'profiler.yaml', profilerSchema, problems, { optional: true });
  if (!parsed) return null;
  const shown = rel(root, path.join(root, 'profiler.yaml'));
  const def = parsed.value;
  const at = (p: PropertyKey[], message: string) => problems.push({ file: shown, line: parsed.lineOf(p), message });
  const checkSets = (sets: Record<string, unknown> | undefined, p: PropertyKey[]) => {
    for (const [feature, value] of Object.entries(sets ?? {})) {
      if (!FEATURE_VALUES[feature as ProfileFeature].includes(String(value))) at([...p, feature], `profiler field "${feature}": "${String(value)}" is not one of ${FEATURE_VALUES[feature as ProfileFeature].join(', ')}`);
    }
  };
  const seen = new Set<string>();
  def.questions.forEach((q, qi) => {
    if (seen.has(q.id)) at(['questions', qi, 'id'], `profiler: question id "${q.id}" is used twice`);
    seen.add(q.id);
    q.options.forEach((o, oi) => checkSets(o.sets, ['questions', qi, 'options', oi, 'sets']));
  });
  def.hypotheses.forEach((h, hi) => {
    checkSets(h.when, ['hypotheses', hi, 'when']);
    if (!vocabularies.has(h.cite.src)) at(['hypotheses', hi, 'cite', 'src'], `profiler: unknown source id "${h.cite.src}"`);
    const locator = citationProblem(vocabularies, h.cite.src, h.cite.at);
    if (locator) at(['hypotheses', hi, 'cite', 'at'], `profiler field "hypotheses[${hi}].cite.at": ${locator}`);
  });
  def.rules.forEach((r, ri) => {
    r.when.forEach((c, ci) => {
      const q = def.questions.find((x) => x.id === c.question);
      if (!q) at(['rules', ri, 'when', ci, 'question'], `profiler rule "${r.id}": no question "${c.question}"`);
      else c.anyOf.forEach((o, oi) => {
        if (!q.options.some((x) => x.id === o)) at(['rules', ri, 'when', ci, 'anyOf', oi], `profiler rule "${r.id}": question "${q.id}" has no option "${o}"`);
      });
    });
    r.read.forEach((id, i) => {
      if (!chapterExists(id)) at(['rules', ri, 'read', i], `profiler rule "${r.id}": no chapter "${id}"`);
    });
    r.steps.forEach((s, si) => {
      if (!s.cite) return;
      if (!vocabularies.has(s.cite.src)) at(['rules', ri, 'steps', si, 'cite', 'src'], `profiler rule "${r.id}": unknown source id "${s.cite.src}"`);
      const locator = citationProblem(vocabularies, s.cite.src, s.cite.at);
      if (locator) at(['rules', ri, 'steps', si, 'cite', 'at'], `profiler field "rules[${ri}].steps[${si}].cite.at": ${locator}`);
    });
  });
  return def;
}

interface LoadedRecord<T> {
  record: T;
  file: string;
  lineOf(path: readonly PropertyKey[]): number;
}

/** One typed record per YAML file in a folder (glossary terms, communities): schema, id = file name, known sources. */
function loadRecordFolder<T extends { id: string; sources: Array<{ src: string; at: string }> }>(
  root: string, folder: string, schema: Schema<T>,
  what: string, vocabularies: Map<string, LocatorVocabulary>, problems: ContentProblem[],
): Array<LoadedRecord<T>> {
  const dir = path.join(root, folder);
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const out: Array<LoadedRecord<T>> = [];
  for (const name of names) {
    const shown = rel(root, path.join(dir, name));
    const parsed = parseYamlRecord(path.join(dir, name), shown, schema, what, problems);
    if (!parsed) continue;
    const record = parsed.value;
    if (`${record.id}.yaml` !== name) problems.push({ file: shown, line: parsed.lineOf(['id']), message: `${what} field "id" is "${record.id}" but the file is named ${name}: they must match` });
    record.sources.forEach((s, i) => {
      if (!vocabularies.has(s.src)) problems.push({ file: shown, line: parsed.lineOf(['sources', i, 'src']), message: `${what} field "sources[${i}].src": unknown source id "${s.src}"` });
      const locator = citationProblem(vocabularies, s.src, s.at);
      if (locator) problems.push({ file: shown, line: parsed.lineOf(['sources', i, 'at']), message: `${what} field "sources[${i}].at": ${locator}` });
    });
    out.push({ record, file: shown, lineOf: parsed.lineOf });
  }
  return out;
}

/** Text a reader sees in a block of MDX: JSX children kept, code and expressions dropped. */
function plainText(node: RootContent | Root): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'yaml':
    case 'code':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'html':
      return '';
    case 'break':
      return ' ';
    default: {
      if (!('children' in node)) return '';
      const inline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'mdxJsxTextElement' ||
        node.type === 'emphasis' || node.type === 'strong' || node.type === 'link' || node.type === 'delete';
      return (node.children as RootContent[]).map(plainText).filter(Boolean).join(inline ? '' : ' ');
    }
  }
}

function attribute(node: { attributes: Array<{ type: string; name?: string; value?: unknown }> }, name: string): string | undefined | null {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  return typeof attr.value === 'string' ? attr.value : null; // null: an expression, not a plain string
}

function loadChapter(root: string, lang: Lang, fileName: string, ctx: {
  schema: ReturnType<typeof chapterFrontmatterSchema>;
  vocabularies: Map<string, LocatorVocabulary>;
  glossaryIds: Set<string>;
  problems: ContentProblem[];
  links: PendingLink[];
  communityRefs: Array<{ file: string; line: number; id: string }>;
  passages: ChapterWords[];
  facts: FactBook;
  guards: GuardScan;
}): LoadedChapter | undefined {
  const file = path.join(root, lang, fileName);
  const shown = rel(root, file);
  const source = readFileSync(file, 'utf8');
  const { problems } = ctx;
  const tooBig = chapterSizeProblem(shown, Buffer.byteLength(source));
  if (tooBig) {
    problems.push(tooBig);
    return undefined;
  }
  let tree: Root;
  try {
    tree = mdxParser.parse(source) as Root;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place && e.place.start ? e.place.start : (e.place as { line?: number; column?: number } | undefined);
    problems.push({ file: shown, line: e.line ?? place?.line ?? 1, column: e.column ?? place?.column, message: `MDX syntax: ${e.reason ?? e.message}` });
    return undefined;
  }
  problems.push(...mdxCodeProblems(tree, shown));
  ctx.passages.push(chapterWords(tree, shown, lang));
  // Figures stated through <Fact> only; expanded here as in the renderer build, so search and the checks below see them.
  problems.push(...factElementProblems(tree, shown, ctx.facts), ...ctx.guards.scan(shown, source, 'mdx'));
  expandFacts(tree, lang, fileName.replace(/\.mdx$/, ''), ctx.facts.facts);

  const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
  if (!yamlNode || tree.children[0] !== yamlNode) {
    problems.push({ file: shown, line: 1, message: 'frontmatter is missing: start the file with a --- block (see content/AUTHORING.md)' });
    return undefined;
  }
  const parsed = parseYamlWithLines(yamlNode.value, shown, (yamlNode.position?.start.line ?? 1) + 1);
  if (parsed.problems.length) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const result = ctx.schema.safeParse(parsed.value);
  if (!result.success) {
    problems.push(...schemaProblems(result.error, parsed, shown, 'frontmatter'));
    return undefined;
  }
  const frontmatter = result.data;
  const expectedId = fileName.replace(/\.mdx$/, '');
  if (frontmatter.id !== expectedId) {
    problems.push({ file: shown, line: parsed.lineOf(['id']), message: `frontmatter field "id" is "${frontmatter.id}" but the file is named ${fileName}: they must match` });
  }

  const lineOfNode = (n: { position?: { start: { line: number; column: number } } }) => n.position?.start.line ?? 1;
  visit(tree, (node) => {
    if (node.type === 'heading' && (node.depth === 1 || node.depth > 3)) {
      problems.push({ file: shown, line: lineOfNode(node), message: `heading level ${node.depth}: use ## and ### only (the app adds the chapter title)` });
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const column = node.position?.start.column ?? 1;
      const url = classifyUrl(node.url);
      const problem = urlProblem(node.type === 'image' ? 'image' : 'link', node.url, url, root);
      if (problem) problems.push({ file: shown, line: lineOfNode(node), column, message: problem });
      else if (url.kind === 'page') ctx.links.push({ file: shown, lang, line: lineOfNode(node), column, target: url.target || expectedId, anchor: url.anchor });
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const line = lineOfNode(node);
      // Anything else is refused by mdxCodeProblems.
      if (!(MDX_COMPONENTS as readonly string[]).includes(name)) return;
      if (name === 'Cite') {
        const src = attribute(node, 'src');
        const at = attribute(node, 'at');
        if (!src) problems.push({ file: shown, line, message: '<Cite> needs src="<source id>"' });
        else if (!ctx.vocabularies.has(src)) problems.push({ file: shown, line, message: `<Cite src="${src}">: unknown source id; use one of ${[...ctx.vocabularies.keys()].join(', ')}` });
        else if (!frontmatter.sources.includes(src)) problems.push({ file: shown, line, message: `<Cite src="${src}">: add "${src}" to the frontmatter's sources` });
        if (!at) problems.push({ file: shown, line, message: '<Cite> needs at="…" (paragraph or section, e.g. §68)' });
        const locator = src && at ? citationProblem(ctx.vocabularies, src, at) : null;
        if (locator) problems.push({ file: shown, line, message: `<Cite src="${src}" at="${at}">: ${locator}` });
      }
      if (name === 'CommunityProfile') {
        ctx.communityRefs.push({ file: shown, line, id: attribute(node, 'id') ?? '' });
      }
      if (name === 'Term') {
        const id = attribute(node, 'id');
        if (!id || !ctx.glossaryIds.has(id)) problems.push({ file: shown, line, message: `<Term id="${id ?? ''}">: no such glossary term in content/glossary/` });
      }
      if (name === 'Callout') {
        const kind = attribute(node, 'kind');
        if (!kind || !(CALLOUT_KINDS as readonly string[]).includes(kind)) {
          problems.push({ file: shown, line, message: `<Callout kind="${kind ?? ''}">: kind must be one of ${CALLOUT_KINDS.join(', ')}` });
        }
      }
    }
  });

  const ids = headingIds(tree);
  const idOf = new Map(ids.map((h) => [h.node, h]));
  const headings: HeadingEntry[] = ids
    .filter((h) => h.node.depth === 2 || h.node.depth === 3)
    .map((h) => ({ depth: h.node.depth as 2 | 3, id: h.id, text: h.text }));

  const blocks: LoadedChapter['blocks'] = [{ anchor: '', heading: frontmatter.title, text: '' }];
  for (const node of tree.children) {
    const heading = node.type === 'heading' ? idOf.get(node) : undefined;
    if (heading && (node as { depth: number }).depth <= 3) {
      blocks.push({ anchor: heading.id, heading: heading.text, text: '' });
      continue;
    }
    // NFC, so that folding keeps character positions for highlighting.
    const text = plainText(node).normalize('NFC').replace(/\s+/g, ' ').replace(/ ([.,;:!?)])/g, '$1').trim();
    if (text) {
      const block = blocks[blocks.length - 1];
      block.text = block.text ? `${block.text} ${text}` : text;
    }
  }
  const words = blocks.reduce((n, b) => n + b.text.split(' ').filter(Boolean).length, 0);
  return { lang, file: shown, frontmatter, headings, blocks: blocks.filter((b) => b.anchor || b.text), words };
}

const PAIRED_FIELDS = ['section', 'order', 'ageGroups', 'communityTypes', 'audiences', 'countries', 'organisation', 'workRelations', 'sources'] as const;

/** Loads and checks the whole content folder. Never throws for bad content: see `problems`. */
export function loadContent(root: string): LoadedContent {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const sections = readYamlFile(root, 'sections.yaml', sectionsFileSchema, problems)?.value ?? [];
  const sourcesWithLocators = readYamlFile(root, 'sources.yaml', sourcesWithLocatorsSchema, problems)?.value ?? [];
  const vocabularies = new Map(sourcesWithLocators.map((s) => [s.id, s.locators]));
  const sources = sourcesWithLocators.map(({ locators: _, ...source }) => source);
  const facts = loadFacts(root, vocabularies, problems);
  const guards = new GuardScan(facts);

  const glossaryRecords = loadRecordFolder(root, 'glossary', glossaryTermSchema, 'glossary term', vocabularies, problems);
  const glossary = glossaryRecords.map((r) => r.record);
  const glossaryIds = new Set(glossary.map((t) => t.id));
  for (const { record: term, file, lineOf } of glossaryRecords) {
    term.related.forEach((id, i) => {
      if (!glossaryIds.has(id)) problems.push({ file, line: lineOf(['related', i]), message: `glossary field "related[${i}]": no glossary term "${id}"` });
    });
  }
  const thesaurus = loadThesaurus(root, glossary, problems);
  const communityRecords = loadRecordFolder(root, 'communities', communitySchema, 'community', vocabularies, problems);
  const communities = communityRecords.map((r) => r.record);

  const schema = chapterFrontmatterSchema(sections.length ? sections.map((s) => s.id) : ['-'], sources.length ? sources.map((s) => s.id) : ['-']);
  const links: PendingLink[] = [];
  const communityRefs: Array<{ file: string; line: number; id: string }> = [];
  const chapters: LoadedChapter[] = [];
  const passages: ChapterWords[] = [];
  const filesByLang = new Map<Lang, string[]>();
  for (const lang of LANGS) {
    const dir = path.join(root, lang);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort() : [];
    filesByLang.set(lang, files);
    for (const name of files) {
      const chapter = loadChapter(root, lang, name, { schema, vocabularies, glossaryIds, problems, links, communityRefs, passages, facts, guards });
      if (chapter) chapters.push(chapter);
    }
  }

  checkRepeatedPassages(root, passages, problems, warnings);

  // Every chapter exists in both languages, with the same facets and sources.
  for (const lang of LANGS) {
    for (const other of LANGS) {
      if (other === lang) continue;
      for (const name of filesByLang.get(lang)!) {
        if (!filesByLang.get(other)!.includes(name)) {
          problems.push({ file: `content/${lang}/${name}`, line: 1, message: `chapter has no translation: write content/${other}/${name}` });
        }
      }
    }
  }
  const byKey = new Map(chapters.map((c) => [`${c.lang}/${c.frontmatter.id}`, c]));
  for (const en of chapters.filter((c) => c.lang === 'en')) {
    const es = byKey.get(`es/${en.frontmatter.id}`);
    if (!es) continue;
    for (const field of PAIRED_FIELDS) {
      if (JSON.stringify(en.frontmatter[field]) !== JSON.stringify(es.frontmatter[field])) {
        problems.push({ file: es.file, line: 1, message: `frontmatter field "${field}" differs from ${en.file}: translations share their facets, order and sources` });
      }
    }
    const shape = (c: LoadedChapter) => c.headings.map((h) => h.depth).join('');
    if (shape(en) !== shape(es)) {
      warnings.push({ file: es.file, line: 1, message: `heading structure differs from ${en.file} (${en.headings.length} vs ${es.headings.length} headings): the language switch can only keep the reader at the chapter top` });
    }
  }

  for (const { record: c, file, lineOf } of communityRecords) {
    const chapter = byKey.get(`en/${c.caseChapter}`);
    if (!chapter) problems.push({ file, line: lineOf(['caseChapter']), message: `community field "caseChapter": no chapter "${c.caseChapter}"` });
    c.standout.forEach((id, i) => {
      if (byKey.get(`en/${id}`)?.frontmatter.section !== 'interventions') {
        problems.push({ file, line: lineOf(['standout', i]), message: `community field "standout[${i}]": "${id}" is not a chapter of the interventions section` });
      }
    });
  }
  const communityIds = new Set(communities.map((c) => c.id));
  for (const ref of communityRefs) {
    if (!communityIds.has(ref.id)) problems.push({ file: ref.file, line: ref.line, message: `<CommunityProfile id="${ref.id}">: no community in content/communities/` });
  }

  const indicatorRecords = loadRecordFolder(root, 'indicators', indicatorSchema, 'indicator', vocabularies, problems);
  const instrumentRecords = loadRecordFolder(root, 'instruments', instrumentSchema, 'instrument', vocabularies, problems);
  checkInstruments(instrumentRecords, indicatorRecords, (id) => byKey.has(`en/${id}`), problems);
  for (const { record: f, file, lineOf } of instrumentRecords) {
    if (!sections.some((sec) => sec.id === f.kind)) problems.push({ file, line: lineOf(['kind']), message: `instrument field "kind": there is no section "${f.kind}" in sections.yaml to list it under` });
  }
  const instruments = instrumentRecords.map((r) => r.record).sort((a, b) => a.kind.localeCompare(b.kind) || a.order - b.order);
  const indicators = indicatorRecords.map((r) => r.record);
  const moduleRecords = loadRecordFolder(root, 'workshops', workshopModuleSchema, 'workshop module', vocabularies, problems);
  checkWorkshopModules(moduleRecords, (id) => byKey.has(`en/${id}`) || instruments.some((f) => f.id === id), problems);
  if (moduleRecords.length && !sections.some((sec) => sec.id === 'awareness')) problems.push({ file: moduleRecords[0].file, line: 1, message: 'workshop modules are listed under the "awareness" section, which sections.yaml does not have' });
  const workshopModules = moduleRecords.map((r) => r.record).sort((a, b) => a.audience.localeCompare(b.audience) || a.order - b.order);

  problems.push(...guards.scanDataFiles(root));
  warnings.push(...guards.staleAllowances());
  for (const { lang, line, url } of facts.links) {
    const target = classifyUrl(url);
    if (target.kind !== 'page' || !target.target) problems.push({ file: 'content/facts.yaml', line, message: `differ link "${url}": link to the chapter that explains the difference (id or id#anchor)` });
    else links.push({ file: 'content/facts.yaml', lang, line, column: 1, target: target.target, anchor: target.anchor });
  }

  // Links may point to chapters, to instrument pages (whose headings are their sections) and to workshop modules.
  const instrumentAnchors = new Map(instruments.map((f) => [f.id, f.sections.map((sec) => instrumentSectionAnchor(sec.id))]));
  for (const m of workshopModules) instrumentAnchors.set(m.id, MODULE_PAGE_PARTS.map(modulePartAnchor));
  for (const link of links) {
    const target = byKey.get(`${link.lang}/${link.target}`);
    const anchors = target ? target.headings.map((h) => h.id) : instrumentAnchors.get(link.target);
    if (!anchors) {
      problems.push({ file: link.file, line: link.line, column: link.column, message: `broken link: no chapter or instrument "${link.target}" in ${link.lang}` });
    } else if (link.anchor && !anchors.includes(link.anchor)) {
      problems.push({ file: link.file, line: link.line, column: link.column, message: `broken anchor: "${link.target}" (${link.lang}) has no heading "#${link.anchor}"` });
    }
  }

  const profiler = loadProfiler(root, vocabularies, (id) => byKey.has(`en/${id}`), problems);

  const readingPaths = readYamlFile(root, 'reading-paths.yaml', readingPathsFileSchema, problems)?.value ?? [];
  for (const p of readingPaths) {
    for (const id of p.chapters) {
      if (!byKey.has(`en/${id}`)) problems.push({ file: 'content/reading-paths.yaml', line: 1, message: `reading path "${p.id}": no chapter "${id}"` });
    }
  }
  return { root, sections, sources, glossary, thesaurus, readingPaths, communities, profiler, instruments, indicators, workshopModules, chapters, problems, warnings };
}

/** The searchable documents of one language: chapter blocks and glossary terms. */
export function searchDocs(content: LoadedContent, lang: Lang, glossaryChapterTitle?: string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const c of content.chapters.filter((ch) => ch.lang === lang)) {
    const fm = c.frontmatter;
    for (const b of c.blocks) {
      docs.push({
        kind: 'section', chapterId: fm.id, chapterTitle: fm.title, section: fm.section, anchor: b.anchor, heading: b.heading, text: b.text,
        ageGroups: fm.ageGroups, communityTypes: fm.communityTypes, audiences: fm.audiences, ...(fm.countries ? { countries: fm.countries } : {}),
      });
    }
  }
  // Each case community is found under its case study: name as heading, agency and organisation terms as text.
  for (const c of content.communities) {
    const chapter = content.chapters.find((ch) => ch.lang === lang && ch.frontmatter.id === c.caseChapter);
    if (!chapter) continue;
    const fm = chapter.frontmatter;
    docs.push({
      kind: 'section', chapterId: fm.id, chapterTitle: fm.title, section: fm.section, anchor: '', heading: c[lang].name,
      text: communitySearchText(c, lang).normalize('NFC'),
      // Asides in brackets often name other communities ("same programme as Potosí"): left out.
      keywords: `${c.en.name} ${c.es.name} ${c[lang].implementingAgency.replace(/\([^)]*\)/g, ' ')} ${c[lang].production}`.normalize('NFC'),
      boost: 2,
      ageGroups: fm.ageGroups, communityTypes: fm.communityTypes, audiences: fm.audiences, ...(fm.countries ? { countries: fm.countries } : {}),
    });
  }
  // Each instrument: its description, and each section with the wording of its questions and choices.
  for (const f of content.instruments) {
    const base = { kind: 'section' as const, chapterId: f.id, chapterTitle: f[lang].title, section: f.kind, ageGroups: ['all' as const], communityTypes: ['all' as const], audiences: ['ngo' as const] };
    const t = f[lang];
    docs.push({ ...base, anchor: '', heading: t.title, text: [t.purpose, t.whoApplies, t.when, t.duration].join(' ').normalize('NFC') });
    for (const sec of f.sections) {
      const words = sec.questions.flatMap((q) => {
        const list = q.choices ? f.choiceLists.find((l) => l.name === q.choices) : undefined;
        return [q[lang].label, q[lang].hint ?? '', ...(list?.choices.map((c) => c[lang]) ?? [])];
      });
      docs.push({ ...base, anchor: instrumentSectionAnchor(sec.id), heading: sec[lang].title, text: [sec[lang].intro ?? '', ...words].filter(Boolean).join(' · ').normalize('NFC') });
    }
  }
  // Each workshop module: its summary and objectives, then each part of its page.
  for (const m of content.workshopModules) {
    const t = m[lang];
    const base = { kind: 'section' as const, chapterId: m.id, chapterTitle: t.title, section: 'awareness', ageGroups: m.ageGroups, communityTypes: m.communityTypes, audiences: ['trainer' as const, m.audience], ...(m.countries ? { countries: m.countries } : {}) };
    const title = (part: ModulePagePart) => MODULE_PART_TITLES[lang][part];
    const parts: Array<[ModulePagePart, string[]]> = [
      ['objectives', t.objectives], ['materials', t.materials],
      ['steps', m.steps.flatMap((s) => [s[lang].title, s[lang].instructions])],
      ['discussion', t.discussionQuestions], ['take-home', [t.takeHome]], ['handout', [t.handout.title, ...t.handout.points]], ['adapt', [t.adapt]],
    ];
    docs.push({ ...base, anchor: '', heading: t.title, text: t.summary.normalize('NFC') });
    for (const [part, texts] of parts) docs.push({ ...base, anchor: modulePartAnchor(part), heading: title(part), text: texts.join(' · ').normalize('NFC') });
  }
  const glossaryChapter = content.chapters.find((c) => c.lang === lang && c.frontmatter.id === 'glossary');
  for (const t of content.glossary) {
    const names = t.synonyms.map((s) => s.term);
    docs.push({
      kind: 'term', chapterId: 'glossary', chapterTitle: glossaryChapterTitle ?? glossaryChapter?.frontmatter.title ?? 'Glossary',
      section: 'definitions', anchor: `term-${t.id}`, heading: t[lang].term,
      text: [t[lang].definition, names.length ? names.join(', ') : '', t[lang].note ?? ''].filter(Boolean).join(' ').normalize('NFC'),
      ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo', 'trainer', 'official'],
    });
  }
  return docs;
}
