import { useEffect, useRef, useState, type RefObject } from 'react';
import { call } from '../bridge/index.ts';
import { useApp } from '../app/app-state.tsx';
import { clearSlides, showSlide, slideBlocks, slideKeyAction } from './presentation-slides.ts';

const INTERACTIVE = 'button, a, input, select, textarea, summary';

/**
 * Presentation mode for the page on screen: full screen, large type, one section per slide;
 * arrows, Page Up / Page Down (clickers) and space move, Esc leaves.
 */
export function Presentation({ page, onExit }: { page: RefObject<HTMLElement | null>; onExit(): void }) {
  const { t } = useApp();
  const p = t.present;
  const [index, setIndex] = useState(0);
  const [count, setCount] = useState(1);
  const slides = useRef<HTMLElement[][]>([]);
  const exit = useRef(onExit);
  exit.current = onExit;

  useEffect(() => {
    const body = page.current?.querySelector<HTMLElement>('.chapter-body');
    if (!body) return;
    slides.current = slideBlocks(body);
    setCount(slides.current.length);
    document.documentElement.classList.add('presenting');
    call('window:fullscreen', true).catch(() => undefined);
    let wasFullscreen = false;
    const onFullscreen = () => {
      // Leaving full screen from the browser (its own Esc) leaves the presentation too.
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) exit.current();
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      clearSlides(slides.current);
      document.documentElement.classList.remove('presenting');
      delete document.documentElement.dataset.slide;
      call('window:fullscreen', false).catch(() => undefined);
    };
  }, [page]);

  useEffect(() => {
    showSlide(slides.current, index);
    document.documentElement.dataset.slide = String(index);
    window.scrollTo(0, 0);
    page.current?.querySelector<HTMLElement>('.chapter-body')?.scrollTo?.(0, 0);
  }, [index, count, page]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = slideKeyAction(e.key);
      if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ' && (e.target as Element | null)?.closest?.(INTERACTIVE)) return;
      e.preventDefault();
      if (action === 'exit') exit.current();
      else setIndex((i) => (action === 'next' ? Math.min(count - 1, i + 1) : action === 'prev' ? Math.max(0, i - 1) : action === 'first' ? 0 : count - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);

  return (
    <div className="presentation-bar" role="toolbar" aria-label={p.title}>
      <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0} aria-label={p.prev}>←</button>
      <span className="slide-count" aria-live="polite" data-testid="slide-count">{p.slide(index + 1, count)}</span>
      <button type="button" onClick={() => setIndex((i) => Math.min(count - 1, i + 1))} disabled={index >= count - 1} aria-label={p.next}>→</button>
      <span className="presentation-keys">{p.keys}</span>
      <button type="button" className="presentation-exit" onClick={() => exit.current()} aria-label={p.exit} title={p.exit}>✕</button>
    </div>
  );
}
