/**
 * Content cannot ship code: a chapter is prose, tables and the project's own components.
 * Refuses MDX expressions, import/export, elements outside the allow-lists, attributes that are
 * not plain strings, URLs that leave the manual, and chapters over the size limit.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ContentProblem } from './content-error.ts';

/** The components an author may use (renderer/src/mdx/components.tsx), each with the attributes it takes. */
export const MDX_COMPONENT_ATTRIBUTES = {
  Cite: ['src', 'at'],
  Fact: ['id', 'show'],
  Callout: ['kind', 'title'],
  Term: ['id'],
  Checklist: [],
  GlossaryList: [],
  SourceList: [],
  CommunityProfile: ['id'],
  CommunityTable: [],
  Profiler: [],
  IndicatorCatalogue: [],
  InstrumentList: ['kind'],
  ModuleCatalogue: [],
  WorkshopBuilder: [],
  FieldRecords: [],
} as const satisfies Record<string, readonly string[]>;
export const MDX_COMPONENTS = Object.keys(MDX_COMPONENT_ATTRIBUTES) as Array<keyof typeof MDX_COMPONENT_ATTRIBUTES>;

/**
 * Raw HTML elements an author may write, with their attributes. Empty: the manual's chapters use
 * none (Markdown covers emphasis, lists, tables and links), so any HTML element is refused.
 */
export const HTML_ELEMENTS: Readonly<Record<string, readonly string[]>> = {};

export const MAX_CHAPTER_BYTES = 300 * 1024;

/** Where files the app bundles next to index.html come from (Vite's publicDir), relative to content/. */
const PUBLIC_DIR = '../renderer/public';

export function chapterSizeProblem(file: string, bytes: number): ContentProblem | null {
  if (bytes <= MAX_CHAPTER_BYTES) return null;
  return { file, line: 1, message: `chapter is ${Math.ceil(bytes / 1024)} KB, over the ${MAX_CHAPTER_BYTES / 1024} KB limit: split it into smaller chapters` };
}

type Located = { position?: { start: { line: number; column: number } } };
const lineOf = (n: Located) => n.position?.start.line ?? 1;

/** Expressions, import/export, elements and attributes: everything in the tree that could carry code. */
export function mdxCodeProblems(tree: Root, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (n: Located, message: string) => problems.push({ file, line: lineOf(n), message });
  visit(tree, (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      at(node, 'MDX expression {…} is not allowed: content cannot run code; write &#123; and &#125; for braces in text');
    } else if (node.type === 'mdxjsEsm') {
      at(node, 'import/export statement is not allowed: components need no import, and content cannot run code');
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const allowed = elementAttributes(name);
      if (!allowed) {
        at(node, /^[A-Z]/.test(name)
          ? `unknown component <${name}>: use one of ${MDX_COMPONENTS.join(', ')}`
          : `HTML element <${name}> is not allowed: write Markdown, or use one of the components ${MDX_COMPONENTS.join(', ')}`);
        return;
      }
      for (const attr of node.attributes) {
        if (attr.type === 'mdxJsxExpressionAttribute') at(node, `<${name} {…}>: attribute values are plain strings in double quotes`);
        else if (typeof attr.value !== 'string' && attr.value !== null && attr.value !== undefined) at(node, `<${name} ${attr.name}={…}>: attribute values are plain strings in double quotes`);
        else if (!allowed.includes(attr.name)) at(node, `<${name} ${attr.name}>: not an attribute of <${name}> (it takes ${allowed.join(', ') || 'none'})`);
        else if (typeof attr.value !== 'string') at(node, `<${name} ${attr.name}>: give it a value in double quotes`);
      }
    }
  });
  return problems;
}

function elementAttributes(name: string): readonly string[] | undefined {
  if (Object.hasOwn(MDX_COMPONENT_ATTRIBUTES, name)) return MDX_COMPONENT_ATTRIBUTES[name as keyof typeof MDX_COMPONENT_ATTRIBUTES];
  return Object.hasOwn(HTML_ELEMENTS, name) ? HTML_ELEMENTS[name] : undefined;
}

/** What a content URL points to: a page of the manual (chapter, instrument, module; '' = this chapter), a bundled file, or a refusal. */
export type ContentUrl =
  | { kind: 'page'; target: string; anchor?: string }
  | { kind: 'asset'; file: string }
  | { kind: 'refused'; reason: string };

const PAGE = /^([a-z0-9-]*)(?:#([^#]*))?$/;
const ASSET = /^(?:[\w-]+\/)*[\w-]+\.[a-z0-9]+$/i;

export function classifyUrl(url: string): ContentUrl {
  if (url.startsWith('//') || url.startsWith('\\\\')) return { kind: 'refused', reason: 'a protocol-relative URL leaves the manual' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { kind: 'refused', reason: 'the manual works offline; cite a source with <Cite> instead' };
  if (scheme) return { kind: 'refused', reason: `a ${scheme}: URL is not allowed` };
  const page = PAGE.exec(url);
  if (page) return { kind: 'page', target: page[1], anchor: page[2] || undefined };
  if (ASSET.test(url)) return { kind: 'asset', file: url };
  return { kind: 'refused', reason: 'not a chapter, an anchor or a bundled file' };
}

const ALLOWED_URLS = 'link to a chapter (id or id#anchor), a heading of this chapter (#anchor) or a file bundled with the app';

/**
 * The problem with a link's or image's URL, or null when it is a bundled file that exists or a page
 * (pages are checked against the chapters once all are loaded). Links and images share the rule.
 */
export function urlProblem(kind: 'link' | 'image', url: string, c: ContentUrl, contentRoot: string): string | null {
  if (c.kind === 'refused') {
    const what = kind === 'link' && /^https?:/i.test(url) ? 'external link' : kind;
    return `${what} "${url}": ${c.reason}; ${ALLOWED_URLS}`;
  }
  if (c.kind === 'page') return kind === 'image' ? `image "${url}": an image must be a file bundled with the app (in ${PUBLIC_DIR.slice(3)}/)` : null;
  const file = path.join(contentRoot, PUBLIC_DIR, c.file);
  return existsSync(file) && statSync(file).isFile() ? null : `${kind} "${url}": no such file in ${PUBLIC_DIR.slice(3)}/ (the files bundled with the app)`;
}
