/**
 * Typed YAML files of content/: one file through its schema (a top-level file such as
 * sections.yaml, or one record per file in a folder such as glossary/), each problem located by file and line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ContentProblem } from './content-error.ts';
import { citationProblem, type LocatorVocabulary } from './check-locators.ts';
import { parseYamlWithLines, schemaProblems } from './yaml-with-lines.ts';

/** A content file's path as authors see it: "content/glossary/ngo.yaml". */
export function shownPath(root: string, file: string): string {
  return path.relative(path.dirname(root), file).split(path.sep).join('/');
}

export type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: z.ZodError } };

/** A YAML file's checked value, with its file as shown and the line of any field. */
export interface LoadedYaml<T> {
  record: T;
  file: string;
  lineOf(path: readonly PropertyKey[]): number;
}

/** One YAML file through its schema: the value and a way to locate its fields, or the problems (file:line). */
function parseYamlFile<T>(file: string, shown: string, schema: Schema<T>, what: string, problems: ContentProblem[]): LoadedYaml<T> | undefined {
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
  return { record: result.data, file: shown, lineOf: parsed.lineOf };
}

/** A YAML file at the top of content/ (a missing required file is a problem too). */
export function readTopYamlFile<T>(root: string, name: string, schema: Schema<T>, problems: ContentProblem[], options: { optional?: boolean } = {}): LoadedYaml<T> | undefined {
  const file = path.join(root, name);
  const shown = shownPath(root, file);
  if (!existsSync(file)) {
    if (!options.optional) problems.push({ file: shown, line: 1, message: 'file is missing' });
    return undefined;
  }
  return parseYamlFile(file, shown, schema, name, problems);
}

/** One typed record per YAML file in a folder (glossary terms, communities, instruments…), its id the file's name. */
export function loadYamlFolder<T extends { id: string }>(root: string, folder: string, schema: Schema<T>, what: string, problems: ContentProblem[]): Array<LoadedYaml<T>> {
  const dir = path.join(root, folder);
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const out: Array<LoadedYaml<T>> = [];
  for (const name of names) {
    const loaded = parseYamlFile(path.join(dir, name), shownPath(root, path.join(dir, name)), schema, what, problems);
    if (!loaded) continue;
    if (`${loaded.record.id}.yaml` !== name) problems.push({ file: loaded.file, line: loaded.lineOf(['id']), message: `${what} field "id" is "${loaded.record.id}" but the file is named ${name}: they must match` });
    out.push(loaded);
  }
  return out;
}

/** Every record's sources name a source of sources.yaml, at one of its locators. */
export function checkRecordSources<T extends { sources: Array<{ src: string; at: string }> }>(records: Array<LoadedYaml<T>>, what: string, vocabularies: Map<string, LocatorVocabulary>, problems: ContentProblem[]): void {
  for (const { record, file, lineOf } of records) {
    record.sources.forEach((s, i) => {
      if (!vocabularies.has(s.src)) problems.push({ file, line: lineOf(['sources', i, 'src']), message: `${what} field "sources[${i}].src": unknown source id "${s.src}"` });
      const locator = citationProblem(vocabularies, s.src, s.at);
      if (locator) problems.push({ file, line: lineOf(['sources', i, 'at']), message: `${what} field "sources[${i}].at": ${locator}` });
    });
  }
}

/** Every YAML data file under content/, in a stable order, but `except` (a path under root): each as authors see it ("content/…") with its text. */
export function yamlFilesUnder(root: string, except: string): Array<{ shown: string; text: string }> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml') && full !== path.join(root, except)) files.push(full);
    }
  };
  walk(root);
  return files.map((f) => ({ shown: `content/${path.relative(root, f).split(path.sep).join('/')}`, text: readFileSync(f, 'utf8') }));
}
