import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { NavChapter } from '../../../common/navigation.ts';
import { findChapter, neighbours, readingPaths, sectionTitle } from '../app/content.ts';
import { loadedPage, loadPage, type LoadedPage } from '../app/page-loader.tsx';
import { useReaderMarks } from '../app/reader-data.tsx';
import { nextInPath } from '../../../common/reader-marks.ts';
import { MarkButtons } from './HeadingMarks.tsx';
import { useApp } from '../app/app-state.tsx';
import { highlightTerms } from '../search/highlight-terms.ts';
import { Icon } from './Icon.tsx';
import { PageTools } from './PageTools.tsx';
import { isAudienceView } from './audience-view.ts';

// Loaded when the reader starts a presentation, not with the app.
const Presentation = lazy(() => import('./Presentation.tsx').then((m) => ({ default: m.Presentation })));

function useChapterModule(chapter: NavChapter | undefined) {
  const [state, setState] = useState<({ key: string; error?: string } & Partial<LoadedPage>) | null>(null);
  const key = chapter ? `${chapter.lang}/${chapter.id}` : '';
  useEffect(() => {
    if (!chapter) return;
    let live = true;
    loadPage(chapter).then(
      (page) => live && setState({ key, ...page }),
      (e: unknown) => live && setState({ key, error: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [chapter, key]);
  if (state && state.key === key) return state;
  // A page already loaded (opened before, preloaded from the search results) shows in the first render.
  const ready = chapter && loadedPage(chapter);
  return ready ? { key, ...ready } : null;
}

/** The heading the reader is at: the last one whose top has reached the top of the window. */
export function headingAtTop(root: ParentNode = document): string | undefined {
  let active: string | undefined;
  for (const h of root.querySelectorAll<HTMLElement>('.chapter-body h2[id], .chapter-body h3[id]')) {
    if (h.getBoundingClientRect().top < 140) active = h.id;
    else break;
  }
  return active;
}

/** Tracks which heading the reader is at, for the contents list. */
function useActiveHeading(container: React.RefObject<HTMLElement | null>, ready: boolean, onChange: (id: string | undefined) => void) {
  useEffect(() => {
    if (!ready) return;
    const update = () => onChange(container.current ? headingAtTop(container.current) : undefined);
    update();
    window.addEventListener('scroll', update, { passive: true });
    return () => window.removeEventListener('scroll', update);
  }, [container, ready, onChange]);
}

export function ChapterView({ chapterId, anchor, onActiveAnchor, activeAnchor }: {
  chapterId: string;
  anchor?: string;
  activeAnchor: string | undefined;
  onActiveAnchor(id: string | undefined): void;
}) {
  const { lang, t, highlight } = useApp();
  const chapter = findChapter(lang, chapterId);
  const loaded = useChapterModule(chapter);
  const article = useRef<HTMLElement>(null);
  const ready = Boolean(loaded?.Component);
  useActiveHeading(article, ready, onActiveAnchor);
  const { markViewed } = useReaderMarks();
  // The audience's window of a presentation on two displays opens presenting.
  const [presenting, setPresenting] = useState(isAudienceView);
  useEffect(() => setPresenting(isAudienceView()), [chapterId, lang]);
  useEffect(() => {
    if (ready && chapter) markViewed(chapter.id);
  }, [ready, chapter, markViewed]);

  // Title for the window and screen readers.
  useEffect(() => {
    document.title = chapter ? `${chapter.title} — Puente` : 'Puente';
  }, [chapter]);

  // Go to the requested heading (or the top) once the chapter is on screen.
  useEffect(() => {
    if (!ready) return;
    const target = anchor ? document.getElementById(anchor) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.classList.add('flash');
      window.setTimeout(() => target.classList.remove('flash'), 1600);
    } else {
      window.scrollTo(0, 0);
    }
  }, [ready, anchor, chapterId, lang]);

  useEffect(() => {
    if (!ready || !article.current) return;
    const terms = highlight && highlight.chapterId === chapterId ? highlight.terms : [];
    return highlightTerms(article.current.querySelector('.chapter-body'), terms, lang);
  }, [ready, highlight, chapterId, lang]);

  if (!chapter) {
    return (
      <main id="main" className="chapter not-found" tabIndex={-1}>
        <h1>{t.notFound}</h1>
        <p><a href={`#/${lang}`}>{t.backHome}</a></p>
      </main>
    );
  }
  const { prev, next } = neighbours(lang, chapterId);
  const page = loaded?.page;
  return (
    <div className="chapter-layout">
      <main id="main" className="chapter" tabIndex={-1} ref={article} data-chapter={chapter.id}>
        <p className="breadcrumb">{sectionTitle(chapter.section, lang)}</p>
        <h1 tabIndex={-1}>{chapter.title}</h1>
        {page && <p className="summary">{page.summary}</p>}
        <p className="chapter-meta">
          {page && <span>{t.minutesRead({ m: Math.max(1, Math.round(page.words / 200)) })}</span>}
          {chapter.audiences.map((a) => <span key={a} className="tag">{t.value[a]}</span>)}
          {chapter.ageGroups.filter((a) => a !== 'all').map((a) => <span key={a} className="tag tag-age">{t.value[a]}</span>)}
          {chapter.communityTypes.filter((a) => a !== 'all').map((a) => <span key={a} className="tag tag-community">{t.value[a]}</span>)}
          {chapter.countries?.map((c) => <span key={c} className="tag tag-country">{t.value[c]}</span>)}
          <MarkButtons chapterId={chapter.id} anchor="" label={chapter.title} />
        </p>
        {ready && <PageTools chapter={chapter} onPresent={() => setPresenting(true)} />}
        {presenting && ready && <Suspense fallback={null}><Presentation page={article} onExit={() => setPresenting(false)} /></Suspense>}
        <div className="chapter-body">
          {loaded?.Component ? <loaded.Component components={loaded.components} /> : loaded?.error ? <p role="alert">{t.loadError}</p> : <p className="loading" role="status">{t.loading}</p>}
        </div>
        <PathNext chapterId={chapter.id} />
        <nav className="pager" aria-label={`${t.previous} / ${t.next}`}>
          {prev ? (
            <a className="pager-prev" href={prev.route} rel="prev">
              <Icon name="arrowLeft" size={18} />
              <span><small>{t.previous}</small>{prev.title}</span>
            </a>
          ) : <span />}
          {next ? (
            <a className="pager-next" href={next.route} rel="next">
              <span><small>{t.next}</small>{next.title}</span>
              <Icon name="arrowRight" size={18} />
            </a>
          ) : <span />}
        </nav>
      </main>
      {page && page.headings.length > 1 && (
        <nav className="on-this-page" aria-label={t.onThisPage}>
          <p className="on-this-page-title">{t.onThisPage}</p>
          <ol>
            {page.headings.map((h) => (
              <li key={h.id} className={`depth-${h.depth}`}>
                <a href={`#/${lang}/${chapter.id}/${h.id}`} aria-current={h.id === activeAnchor ? 'location' : undefined}>{h.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
    </div>
  );
}

/** "Next in this path" for each reading path the chapter belongs to. */
function PathNext({ chapterId }: { chapterId: string }) {
  const { lang, t } = useApp();
  const items = readingPaths.flatMap((p) => {
    const next = nextInPath(p.chapters, chapterId);
    const chapter = next ? findChapter(lang, next) : undefined;
    return chapter ? [{ path: p, chapter }] : [];
  });
  if (items.length === 0) return null;
  return (
    <ul className="path-next" data-testid="path-next">
      {items.map(({ path, chapter }) => (
        <li key={path.id} className={`path-${path.id}`}>
          <small>{t.marks.nextInPath({ p: path[lang].title })}</small>
          <a href={chapter.route}>{chapter.title} →</a>
        </li>
      ))}
    </ul>
  );
}
