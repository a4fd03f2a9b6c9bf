import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './content-error.ts';

export interface ParsedYaml {
  value: unknown;
  /** Line (1-based, in the file) of the value at a path, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number;
  problems: ContentProblem[];
}

/** Parses YAML that starts at `firstLine` of `file`, keeping positions for error messages. */
export function parseYamlWithLines(source: string, file: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const problems: ContentProblem[] = doc.errors.map((e) => ({
    file,
    line: toLine(e.pos[0]),
    message: `YAML syntax: ${e.message.split('\n')[0]}`,
  }));
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return toLine(node.range[0]);
    }
    return firstLine;
  };
  return { value: problems.length ? undefined : doc.toJS(), lineOf, problems };
}

function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** zod issues as content problems, each at the line of the offending field. */
export function schemaProblems(error: z.ZodError, parsed: ParsedYaml, file: string, what: string): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = describePath(issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    } else if (/received undefined/.test(message)) {
      message = 'is missing';
    }
    return {
      file,
      line: parsed.lineOf(issue.path),
      message: field ? `${what} field "${field}": ${message}` : `${what}: ${message}`,
    };
  });
}
