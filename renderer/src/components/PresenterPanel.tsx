import { useEffect, useState } from 'react';
import { useApp } from '../app/app-state.tsx';

/** 75 seconds → "1:15". */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Seconds since `since`, ticking once a second. */
function useSecondsSince(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [since]);
  return (now - since) / 1000;
}

/**
 * What only the person presenting sees (P): the time since the start and on this step against its
 * plan, the current slide's facilitator notes and the title of the next slide.
 */
export function PresenterPanel({ startedAt, slideStartedAt, plannedMinutes, notes, nextTitle, onOtherScreen }: {
  startedAt: number;
  slideStartedAt: number;
  plannedMinutes?: number;
  notes: string[];
  nextTitle: string | null;
  /** The audience sees the slide on the other display. */
  onOtherScreen: boolean;
}) {
  const { t } = useApp();
  const p = t.present;
  const total = useSecondsSince(startedAt);
  const onSlide = useSecondsSince(slideStartedAt);
  const over = plannedMinutes !== undefined && onSlide > plannedMinutes * 60;
  return (
    <aside className="presenter-panel" aria-label={p.presenter} data-testid="presenter-view">
      {onOtherScreen && <p className="presenter-screens" data-testid="presenter-screens">{p.audienceOnOtherScreen}</p>}
      <p className="presenter-timer" data-testid="presenter-timer">
        <span>{p.elapsed}: <strong>{clockText(total)}</strong></span>
        {plannedMinutes !== undefined && <span className={over ? 'presenter-over' : undefined}>{p.onStep({ used: clockText(onSlide), planned: plannedMinutes })}</span>}
      </p>
      <h2>{p.notes}</h2>
      <div className="presenter-notes" data-testid="presenter-notes">
        {notes.length ? notes.map((n, i) => <p key={i}>{n}</p>) : <p className="muted">{p.noNotes}</p>}
      </div>
      <p className="presenter-next" data-testid="presenter-next"><span className="muted">{p.nextUp}:</span> {nextTitle ?? p.end}</p>
    </aside>
  );
}
