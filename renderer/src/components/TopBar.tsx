import { LANGS } from '../../../common/facets.ts';
import { LIBRARY_ID } from '../app/app-pages.ts';
import { matchingAnchor } from '../app/content.ts';
import { loadLanguagePack } from '../app/language-pack.ts';
import { useApp } from '../app/app-state.tsx';
import { shippedFileUrl } from '../app/shipped-files.ts';
import { headingAtTop } from './ChapterView.tsx';
import { Icon } from './Icon.tsx';
import { TextSizeButtons } from './TextSizeButtons.tsx';

export function TopBar({ onOpenSearch, onToggleNav, navOpen }: {
  onOpenSearch(): void;
  onToggleNav(): void;
  navOpen: boolean;
}) {
  const { t, lang, route, navigate, effectiveTheme, updateSettings } = useApp();
  // The next language of the list (the button names it: t.switchTo).
  const other = LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];
  const switchLanguage = () => {
    if (route.kind === 'chapter') {
      const { chapterId } = route;
      // The other language (its pack, and the page's headings to keep the place) loads first, so the page switches at once;
      // the page opens at the top if the headings cannot load, and a pack that cannot load is reported by the app.
      void Promise.all([matchingAnchor(lang, other, chapterId, headingAtTop() ?? route.anchor).catch(() => undefined), loadLanguagePack(other).catch(() => undefined)])
        .then(([anchor]) => navigate({ kind: 'chapter', lang: other, chapterId, ...(anchor ? { anchor } : {}) }));
    } else {
      void loadLanguagePack(other).catch(() => undefined).then(() => navigate({ kind: 'home', lang: other }));
    }
  };
  const searchKey = t.searchShortcut({ platform: navigator.platform.startsWith('Mac') ? 'mac' : 'other' });
  return (
    <header className="topbar">
      <button type="button" className="icon-button nav-toggle" aria-expanded={navOpen} aria-controls="sidebar" onClick={onToggleNav}>
        <Icon name="menu" />
        <span className="visually-hidden">{t.menu}</span>
      </button>
      <a className="brand" href={`#/${lang}`}>
        <img src={shippedFileUrl('icon.svg')} alt="" width={28} height={28} />
        <span>{t.appName}</span>
      </a>
      <button type="button" className="search-trigger" onClick={onOpenSearch} aria-keyshortcuts="Control+K Meta+K">
        <Icon name="search" size={18} />
        <span className="search-trigger-label">{t.search}</span>
        <kbd>{searchKey}</kbd>
      </button>
      <div className="topbar-tools">
        <TextSizeButtons />
        <a className="icon-button" href={`#/${lang}/${LIBRARY_ID}`} title={t.marks.library} aria-label={t.marks.library} data-testid="library-link">
          <Icon name="bookmark" />
        </a>
        <button
          type="button"
          className="icon-button"
          onClick={() => updateSettings({ theme: effectiveTheme === 'dark' ? 'light' : 'dark' })}
          aria-label={effectiveTheme === 'dark' ? t.themeLight : t.themeDark}
          title={effectiveTheme === 'dark' ? t.themeLight : t.themeDark}
          data-testid="theme-toggle"
        >
          <Icon name={effectiveTheme === 'dark' ? 'sun' : 'moon'} />
        </button>
        <button type="button" className="lang-switch" onClick={switchLanguage} lang={other} aria-label={t.switchTo} data-testid="lang-switch">
          <span className="lang-long">{t.switchTo}</span>
          <span className="lang-short" aria-hidden="true">{other.toUpperCase()}</span>
        </button>
      </div>
    </header>
  );
}
