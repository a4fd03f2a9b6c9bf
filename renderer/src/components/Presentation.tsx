import { useEffect, useRef, useState, type RefObject } from 'react';
import { bridge, call } from '../bridge/index.ts';
import { useApp } from '../app/app-state.tsx';
import { PresenterPanel } from './PresenterPanel.tsx';
import { isAudienceView } from './audience-view.ts';
import { slideAtPlace, slidePlace } from './presentation-link.ts';
import { clearSlides, fitSlide, pageSlides, showSlide, slideKeyAction, slideMinutes, slideNotes, slideTitle, splitToFit, type Slide } from './presentation-slides.ts';

const INTERACTIVE = 'button, a, input, select, textarea, summary';

/**
 * Presentation mode for the page on screen: full screen, large type, one section or one timed step
 * per slide, each fitted to the screen; arrows, Page Up / Page Down (clickers) and space move, P
 * shows the presenter view (notes, timer, next slide) beside the slide, Esc leaves and gives the
 * focus back to what started it. Facilitator notes are never on the slide itself.
 * With a second display (Electron), the host opens the audience's window there, showing the slide
 * alone; this window becomes the presenter view; both show the slide either one moves to, and
 * leaving or closing either ends the presentation in both.
 */
export function Presentation({ page, onExit }: { page: RefObject<HTMLElement | null>; onExit(): void }) {
  const { t } = useApp();
  const p = t.present;
  const [index, setIndex] = useState(0);
  const [count, setCount] = useState(0);
  const [presenter, setPresenter] = useState(false);
  const [startedAt] = useState(() => Date.now());
  const [slideStartedAt, setSlideStartedAt] = useState(startedAt);
  const sections = useRef<Slide[]>([]);
  const slides = useRef<Slide[]>([]);
  const exit = useRef(onExit);
  exit.current = onExit;
  const [audience] = useState(isAudienceView);
  // Two windows on two displays: this one tells the other the slides it moves to.
  const [linked, setLinked] = useState(audience);
  const linkedRef = useRef(linked);
  linkedRef.current = linked;
  const [linkFault, setLinkFault] = useState<string | null>(null);
  const showLinkFault = useRef((e: unknown) => setLinkFault(e instanceof Error ? e.message : String(e))).current;
  const shownIndex = useRef(0);
  shownIndex.current = index;

  /** Moves to a slide here and, on two displays, there too. */
  const go = useRef((to: number) => {
    setIndex(to);
    // The fault stays on screen until the person moves on.
    setLinkFault(null);
    if (!linkedRef.current) return;
    const place = slidePlace(sections.current, slides.current[to]);
    if (place >= 0) call('presentation:slide', place).catch(showLinkFault);
  }).current;

  // The other window moved, or ended the presentation.
  useEffect(() => bridge.onPresentationEvent((event) => {
    if ('ended' in event) return exit.current();
    const at = slideAtPlace(sections.current, slides.current, event.slide);
    if (at >= 0) setIndex(at);
  }), []);

  useEffect(() => {
    const body = page.current?.querySelector<HTMLElement>('.chapter-body');
    if (!body) return;
    // Where the presentation started (the Present button): the focus goes back there.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    sections.current = pageSlides(body);
    slides.current = sections.current;
    setCount(slides.current.length);
    document.documentElement.classList.add('presenting');
    // The audience's window is full screen already (the host made it so); window:fullscreen is the presenter's window.
    if (!audience) call('window:fullscreen', true).catch(() => undefined);
    if (audience) {
      call('presentation:ready').catch(() => undefined);
    } else {
      call('presentation:audience', { route: location.hash }).then((opened) => {
        if (!opened) return;
        setLinked(true);
        setPresenter(true);
      }, showLinkFault);
    }
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
      clearSlides(sections.current);
      const root = document.documentElement;
      root.classList.remove('presenting', 'presenter-view');
      root.style.removeProperty('--slide-scale');
      delete root.dataset.slide;
      // Closes the audience's window, wherever the presentation ended (false when there is none).
      call('presentation:end').catch(() => undefined);
      if (!audience) call('window:fullscreen', false).catch(() => undefined);
      if (opener?.isConnected) opener.focus();
    };
  }, [page, audience]);

  // Long sections go on over more slides; laid out again when the window or the presenter view changes the room there is.
  const [layoutKey, setLayoutKey] = useState(0);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('presenter-view', presenter);
    const frame = page.current?.closest<HTMLElement>('.chapter-layout');
    if (!frame || sections.current.length === 0) return;
    const lay = () => {
      const showing = slides.current[shownIndex.current]?.blocks.at(-1);
      clearSlides(slides.current);
      slides.current = splitToFit(sections.current, root, frame);
      // Stay on the slide showing what was on screen.
      const at = showing ? slides.current.findIndex((s) => s.blocks.includes(showing)) : -1;
      setCount(slides.current.length);
      setIndex(Math.min(slides.current.length - 1, at >= 0 ? at : shownIndex.current));
      setLayoutKey((k) => k + 1);
    };
    lay();
    let pending = 0;
    const onResize = () => { cancelAnimationFrame(pending); pending = requestAnimationFrame(lay); };
    window.addEventListener('resize', onResize);
    return () => { cancelAnimationFrame(pending); window.removeEventListener('resize', onResize); };
  }, [presenter, page]);

  // Show the slide, then fit its type to the screen.
  useEffect(() => {
    showSlide(slides.current, index);
    const root = document.documentElement;
    root.dataset.slide = String(index);
    const frame = page.current?.closest<HTMLElement>('.chapter-layout');
    if (frame) { fitSlide(root, frame); frame.scrollTo?.(0, 0); }
    window.scrollTo(0, 0);
  }, [index, layoutKey, page]);

  useEffect(() => setSlideStartedAt(Date.now()), [index]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = slideKeyAction(e.key);
      if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as Element | null;
      if (e.key === ' ' && target?.closest?.(INTERACTIVE)) return;
      if (action === 'presenter' && target?.closest?.('input, textarea, select, [contenteditable]')) return;
      e.preventDefault();
      if (action === 'exit') exit.current();
      else if (action === 'presenter') {
        if (!audience) setPresenter((v) => !v);
      } else {
        // The slides as laid out now (a key may come before this listener sees a new count).
        const last = Math.max(0, slides.current.length - 1);
        const i = shownIndex.current;
        const to = action === 'next' ? Math.min(last, i + 1) : action === 'prev' ? Math.max(0, i - 1) : action === 'first' ? 0 : last;
        shownIndex.current = to;
        go(to);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [audience, go]);

  const current = slides.current[index];
  // The audience sees the slide alone: no notes, no timer, no controls (keys and the clicker still work).
  if (audience) return null;
  return (
    <>
      {presenter && (
        <PresenterPanel
          startedAt={startedAt}
          slideStartedAt={slideStartedAt}
          plannedMinutes={slideMinutes(current)}
          notes={slideNotes(current)}
          nextTitle={index < count - 1 ? slideTitle(slides.current[index + 1]) : null}
          onOtherScreen={linked}
        />
      )}
      {linkFault && <p className="presentation-fault" role="alert">{p.audienceFailed({ error: linkFault })}</p>}
      <div className="presentation-bar" role="toolbar" aria-label={p.title}>
        <button type="button" onClick={() => go(Math.max(0, index - 1))} disabled={index === 0} aria-label={p.prev}>←</button>
        <span className="slide-count" aria-live="polite" data-testid="slide-count">{p.slide({ a: index + 1, b: count })}</span>
        <button type="button" onClick={() => go(Math.min(count - 1, index + 1))} disabled={index >= count - 1} aria-label={p.next}>→</button>
        <button type="button" className="presentation-presenter" onClick={() => setPresenter((v) => !v)} aria-pressed={presenter} title={p.presenterKey}>{p.presenter} (P)</button>
        <span className="presentation-keys">{p.keys}</span>
        <button type="button" className="presentation-exit" onClick={() => exit.current()} aria-label={p.exit} title={p.exit}>✕</button>
      </div>
    </>
  );
}
