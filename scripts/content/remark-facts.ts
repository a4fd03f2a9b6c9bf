/**
 * <Fact id="…" /> becomes, at build time, the fact's wording in the chapter's language followed by
 * its <Cite>, and, where the sources differ, each alternative with its own <Cite> and a link to the
 * one place that explains the difference. Runs before remarkCitations, which numbers these
 * citations like any other; the content build expands the same way, so search finds the figures.
 */
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { LANGS, type Lang } from '../../common/facets.ts';
import { formatProblem, type ContentProblem } from './content-error.ts';
import { attribute, readFactsFile, type Fact } from './check-facts.ts';

type Position = RootContent['position'];

function cite(src: string, at: string, position: Position): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement', name: 'Cite', position, children: [],
    attributes: [{ type: 'mdxJsxAttribute', name: 'src', value: src }, { type: 'mdxJsxAttribute', name: 'at', value: at }],
  };
}

/** What one <Fact> shows in a language: the value alone (show="value") or the whole wording with alternatives. */
export function factChildren(fact: Fact, lang: Lang, show: string | undefined, position: Position, chapterId: string): MdxJsxTextElement['children'] {
  const text = (value: string) => ({ type: 'text' as const, value, position });
  const own = fact.source;
  // A space before each citation, as authors write `figure <Cite … />`.
  if (show === 'value' && fact[lang].value !== undefined) return [text(`${fact[lang].value!} `), cite(own.src, own.at, position)];
  const out: MdxJsxTextElement['children'] = [text(`${fact[lang].text} `), cite(own.src, own.at, position)];
  if (!fact.alternatives.length || !fact.differ) return out;
  out.push(text(' ('));
  for (const alt of fact.alternatives) out.push(text(`${alt[lang].text} `), cite(alt.source.src, alt.source.at, position), text('; '));
  const { link, text: note } = fact.differ[lang];
  // In the chapter that explains the difference, the note needs no link to itself.
  out.push(link.split('#')[0] === chapterId ? text(note) : { type: 'link', url: link, position, children: [text(note)] }, text(')'));
  return out;
}

/** Fills every known <Fact> of a chapter with what it shows; unknown ids are left empty (and reported by the checks). */
export function expandFacts(tree: Root, lang: Lang, chapterId: string, facts: ReadonlyMap<string, Fact>): Array<{ line: number; id: string }> {
  const unknown: Array<{ line: number; id: string }> = [];
  visit(tree, (node) => {
    if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || node.name !== 'Fact') return;
    const id = attribute(node, 'id') ?? '';
    const fact = facts.get(id);
    if (!fact) {
      unknown.push({ line: node.position?.start.line ?? 1, id });
      return;
    }
    (node as MdxJsxTextElement).children = factChildren(fact, lang, attribute(node, 'show'), node.position, chapterId);
  });
  return unknown;
}

/** The remark plugin for the renderer build: facts read from content/facts.yaml, the language from the chapter's folder. */
export function remarkFacts(contentRoot: string) {
  return () => (tree: Root, file: VFile) => {
    const relative = file.path ? path.relative(contentRoot, file.path).split(path.sep) : [];
    const lang = LANGS.find((l) => l === relative[0]);
    if (!lang || relative.length !== 2) return;
    const problems: ContentProblem[] = [];
    const read = readFactsFile(contentRoot, problems);
    const facts = new Map((read?.entries ?? []).map(({ fact }) => [fact.id, fact]));
    const shown = `content/${relative.join('/')}`;
    for (const { line, id } of expandFacts(tree, lang, relative[1].replace(/\.mdx$/, ''), facts)) problems.push({ file: shown, line, message: `<Fact id="${id}">: no such fact in content/facts.yaml` });
    if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  };
}
