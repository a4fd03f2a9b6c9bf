import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../common/ipc-contract.ts';
import { bridge } from '../bridge/index.ts';
import { ChapterView } from '../components/ChapterView.tsx';
import { Home } from '../components/Home.tsx';
import { printPage } from './print-actions.ts';
import { SearchDialog } from '../components/SearchDialog.tsx';
import { Sidebar } from '../components/Sidebar.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { useApp } from './app-state.tsx';
import { LIBRARY_ID, PRINT_SECTION_ID } from './app-pages.ts';
import { loadLanguagePack } from './language-pack.ts';

// Loaded when first shown, not with the app: the reader's library, a section laid out for print.
// (The search dialog stays in the app: what is typed right after Ctrl+K must reach its box.)
const Library = lazy(() => import('../components/Library.tsx').then((m) => ({ default: m.Library })));
const SectionPrint = lazy(() => import('../components/SectionPrint.tsx').then((m) => ({ default: m.SectionPrint })));

/**
 * False until the first frame is on screen: the menu's list of chapters (most of what the
 * first render would build) waits for it, so the chapter's heading is painted first.
 */
function useFirstFramePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const done = () => setPainted(true);
    let timer = window.setTimeout(done, 200); // a hidden window paints no frame: the menu comes anyway
    const frame = requestAnimationFrame(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(done);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** What shows while a part of the app loads. */
function Loading() {
  const { t } = useApp();
  return <main id="main" className="chapter" tabIndex={-1}><p className="loading" role="status">{t.loading}</p></main>;
}

export function App() {
  const { t, route, lang, navigate, updateSettings, effectiveTheme, changeTextSize, languageError } = useApp();
  const [searchOpen, setSearchOpen] = useState(false);
  const [navOpen, setNavOpen] = useState(false);
  const [activeAnchor, setActiveAnchor] = useState<string | undefined>();
  const onActiveAnchor = useCallback((id: string | undefined) => setActiveAnchor(id), []);
  const firstFramePainted = useFirstFramePainted();

  const runCommand = useCallback((command: MenuCommand) => {
    switch (command) {
      case 'search': setSearchOpen(true); break;
      case 'print': void printPage(); break;
      case 'home': navigate({ kind: 'home', lang }); break;
      case 'lang-en':
      case 'lang-es': {
        // The language's pack loads first, so the page switches at once (a pack that cannot load is reported by the app).
        const to = command === 'lang-en' ? 'en' : 'es';
        void loadLanguagePack(to).catch(() => undefined).then(() => navigate({ ...route, lang: to }));
        break;
      }
      case 'theme-toggle': updateSettings({ theme: effectiveTheme === 'dark' ? 'light' : 'dark' }); break;
      case 'text-bigger': changeTextSize(1); break;
      case 'text-smaller': changeTextSize(-1); break;
    }
  }, [navigate, lang, route, updateSettings, effectiveTheme, changeTextSize]);

  useEffect(() => bridge.onMenuCommand(runCommand), [runCommand]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => setNavOpen(false), [route]);
  useEffect(() => {
    if (!navOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setNavOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navOpen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t.skipToContent}</a>
      {languageError && <p role="alert" className="host-fault">{t.languageLoadError} ({languageError})</p>}
      <TopBar onOpenSearch={() => setSearchOpen(true)} onToggleNav={() => setNavOpen((o) => !o)} navOpen={navOpen} />
      <div className="body">
        {firstFramePainted ? <Sidebar open={navOpen} onNavigate={() => setNavOpen(false)} /> : <nav id="sidebar" className="sidebar" aria-label={t.menu} />}
        {navOpen && <div className="nav-backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} />}
        {route.kind === 'chapter' && route.chapterId === LIBRARY_ID ? <Suspense key={LIBRARY_ID} fallback={<Loading />}><Library /></Suspense>
          : route.kind === 'chapter' && route.chapterId === PRINT_SECTION_ID ? <Suspense key={PRINT_SECTION_ID} fallback={<Loading />}><SectionPrint sectionId={route.anchor ?? ''} /></Suspense>
          : route.kind === 'chapter'
            ? <ChapterView chapterId={route.chapterId} anchor={route.anchor} activeAnchor={activeAnchor} onActiveAnchor={onActiveAnchor} />
            : <Home />}
      </div>
      <SearchDialog open={searchOpen} onClose={() => setSearchOpen(false)} />
    </div>
  );
}
