import { useEffect, useState } from 'react';
import type { TaskProgress as Progress } from '../../../common/records/long-task.ts';
import { useApp } from '../app/app-state.tsx';
import { records } from './records-call.ts';

/** How often the screen asks how far a long import or restore is. */
const POLL_MS = 250;

/**
 * While an import or a restore runs: how far it is, and a button that stops it (it then changes
 * nothing). The host answers these two questions even in the middle of the work.
 */
export function TaskProgress({ running }: { running: boolean }) {
  const r = useApp().t.records;
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!running) {
      setProgress(null);
      return;
    }
    let alive = true;
    const ask = () => records({ op: 'progress' }).then((p) => alive && setProgress(p), () => undefined);
    const timer = setInterval(ask, POLL_MS);
    void ask();
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [running]);
  if (!running) return null;
  const label = progress ? r.taskName[progress.task] : r.taskStarting;
  return (
    <div className="records-progress" role="status" data-testid="task-progress">
      <span>{label}{progress && progress.total > 0 ? ` ${r.progressOf({ done: progress.done, total: progress.total })}` : ''}</span>
      <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={label} />
      <button type="button" data-testid="task-cancel" onClick={() => void records({ op: 'cancel' })}>{r.cancelTask}</button>
    </div>
  );
}
