/** A problem in a content file, located by file and line so that an author can fix it. */
export interface ContentProblem {
  file: string;
  line: number;
  column?: number;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}${p.column ? `:${p.column}` : ''} — ${p.message}`;
}

export class ContentValidationError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in content:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentValidationError';
  }
}
