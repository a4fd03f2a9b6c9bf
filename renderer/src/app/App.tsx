import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../common/ipc-contract.ts';
import { bridge } from '../bridge/index.ts';
import { ChapterView } from '../components/ChapterView.tsx';
import { Home } from '../components/Home.tsx';
import { Library, LIBRARY_ID } from '../components/Library.tsx';
import { printPage } from './print-actions.ts';
import { PRINT_SECTION_ID, SectionPrint } from '../components/SectionPrint.tsx';
import { SearchDialog } from '../components/SearchDialog.tsx';
import { Sidebar } from '../components/Sidebar.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { useApp } from './app-state.tsx';

export function App() {
  const { t, route, lang, navigate, updateSettings, effectiveTheme, changeTextSize } = useApp();
  const [searchOpen, setSearchOpen] = useState(false);
  const [navOpen, setNavOpen] = useState(false);
  const [activeAnchor, setActiveAnchor] = useState<string | undefined>();
  const onActiveAnchor = useCallback((id: string | undefined) => setActiveAnchor(id), []);

  const runCommand = useCallback((command: MenuCommand) => {
    switch (command) {
      case 'search': setSearchOpen(true); break;
      case 'print': void printPage(); break;
      case 'home': navigate({ kind: 'home', lang }); break;
      case 'lang-en':
      case 'lang-es': navigate({ ...route, lang: command === 'lang-en' ? 'en' : 'es' }); break;
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
      <TopBar onOpenSearch={() => setSearchOpen(true)} onToggleNav={() => setNavOpen((o) => !o)} navOpen={navOpen} />
      <div className="body">
        <Sidebar open={navOpen} onNavigate={() => setNavOpen(false)} />
        {navOpen && <div className="nav-backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} />}
        {route.kind === 'chapter' && route.chapterId === LIBRARY_ID ? <Library />
          : route.kind === 'chapter' && route.chapterId === PRINT_SECTION_ID ? <SectionPrint sectionId={route.anchor ?? ''} />
          : route.kind === 'chapter'
            ? <ChapterView chapterId={route.chapterId} anchor={route.anchor} activeAnchor={activeAnchor} onActiveAnchor={onActiveAnchor} />
            : <Home />}
      </div>
      <SearchDialog open={searchOpen} onClose={() => setSearchOpen(false)} />
    </div>
  );
}
