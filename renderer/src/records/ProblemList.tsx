import type { SubmissionProblem } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import { submissionProblemText } from './problem-text.ts';

/**
 * Rows an import or a merge will not take in: each with its row and column, then the reason, worded
 * from the problem's code and parameters in the reader's language; the table is named only when there are several.
 */
export function ProblemList({ title, problems, total, testId }: { title: string; problems: SubmissionProblem[]; total: number; testId: string }) {
  const { t, lang } = useApp();
  const r = t.records;
  if (!problems.length) return null;
  const tables = new Set(problems.map((p) => p.table)).size > 1;
  return (
    <div className="import-problems" data-testid={testId}>
      <h5>{title}</h5>
      <ol className="problem-list">
        {problems.map((p, i) => (
          <li key={i}>
            <span className="problem-where">{tables ? `${p.table} · ` : ''}{r.row} {p.row}{p.column ? <> · {r.serverImport.column}: <code>{p.column}</code></> : null}</span>
            <span className="problem-why">{submissionProblemText(p, r.problems, lang)}</span>
          </li>
        ))}
      </ol>
      {total > problems.length && <p className="muted">{r.serverImport.moreProblems({ n: total - problems.length })}</p>}
    </div>
  );
}
