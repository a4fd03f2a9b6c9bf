/**
 * One chapter (content/<lang>/<id>.mdx): parsed, checked (frontmatter, headings, links,
 * components and their attributes, code, figures) and cut into the blocks search indexes.
 * Links and community references are collected here and checked once every chapter is read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, Yaml } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Lang } from '../../common/facets.ts';
import { chapterFrontmatterSchema, type ChapterFrontmatter, type HeadingEntry } from '../../common/content-schema.ts';
import type { ContentProblem } from './content-error.ts';
import { headingIds } from './remark-heading-ids.ts';
import { parseYamlWithLines, schemaProblems } from './yaml-with-lines.ts';
import { citationProblem, type LocatorVocabulary } from './check-locators.ts';
import { chapterWords, type ChapterWords } from './check-repeated-passages.ts';
import { chapterSizeProblem, classifyUrl, MDX_COMPONENTS, mdxCodeProblems, urlProblem } from './check-mdx-safety.ts';
import { factElementProblems, type FactBook, type GuardScan } from './check-facts.ts';
import type { ConsistentWordScan } from './check-consistent-words.ts';
import { expandFacts } from './remark-facts.ts';
import { shownPath } from './yaml-files.ts';

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

/** A link to a page of the manual, checked once every page is known (check-links.ts). */
export interface PendingLink {
  file: string;
  lang: Lang;
  line: number;
  column: number;
  target: string;
  anchor?: string;
}

/** What a chapter is checked against, and where it leaves what is checked later. */
export interface ChapterContext {
  schema: ReturnType<typeof chapterFrontmatterSchema>;
  vocabularies: Map<string, LocatorVocabulary>;
  glossaryIds: Set<string>;
  problems: ContentProblem[];
  links: PendingLink[];
  communityRefs: Array<{ file: string; line: number; id: string }>;
  passages: ChapterWords[];
  facts: FactBook;
  guards: GuardScan;
  words: ConsistentWordScan;
}

const mdxParser = createProcessor({ remarkPlugins: [[remarkFrontmatter, ['yaml']], remarkGfm] });

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

export function loadChapter(root: string, lang: Lang, fileName: string, ctx: ChapterContext): LoadedChapter | undefined {
  const file = path.join(root, lang, fileName);
  const shown = shownPath(root, file);
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
  problems.push(...factElementProblems(tree, shown, ctx.facts), ...ctx.guards.scan(shown, source, 'mdx'), ...ctx.words.scanChapter(shown, lang, source));
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
