import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FacetFilter, Lang } from '../../../common/facets.ts';
import { formatRoute, languageFromLocale, parseRoute, type Route } from '../../../common/routes.ts';
import type { Settings, SettingsPatch } from '../../../common/settings.ts';
import { TEXT_SIZES } from '../../../common/text-sizes.ts';
import { call } from '../bridge/index.ts';
import type { Strings } from './i18n.ts';
import { loadLanguagePack, peekLanguagePack, type LanguagePack } from './language-pack.ts';

interface AppState {
  settings: Settings;
  lang: Lang;
  t: Strings;
  route: Route;
  navigate(route: Route, options?: { replace?: boolean }): void;
  updateSettings(patch: SettingsPatch): void;
  setFilters(filters: FacetFilter): void;
  effectiveTheme: 'light' | 'dark';
  changeTextSize(step: 1 | -1): void;
  /** Set when the pack of the language asked for could not be loaded (the app stays in the language it shows). */
  languageError: string | null;
  /** Terms to highlight in the chapter opened from a search result. */
  highlight: { chapterId: string; terms: string[] } | null;
  setHighlight(h: { chapterId: string; terms: string[] } | null): void;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(Ctx);
  if (!state) throw new Error('useApp outside <AppStateProvider>');
  return state;
}

function useSystemDark(): boolean {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const onChange = () => setDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** The language the reader asks for: the one in the address, else the remembered one. */
export function wantedLanguage(route: Route, settings: Settings): Lang {
  return route.lang ?? settings.lang ?? 'en';
}

export function AppStateProvider({ initial, initialPack, children }: { initial: Settings; initialPack: LanguagePack; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [highlight, setHighlight] = useState<AppState['highlight']>(null);
  const systemDark = useSystemDark();

  // The app shows a language once its pack is loaded (at once when it is: switching loads it first);
  // until then it stays in the one it shows.
  const [shown, setShown] = useState(initialPack);
  const [languageError, setLanguageError] = useState<string | null>(null);
  const wanted = wantedLanguage(route, settings);
  const ready = peekLanguagePack(wanted);
  if (ready && ready !== shown) setShown(ready);
  const pack = ready ?? shown;
  useEffect(() => {
    if (wanted === pack.lang) return;
    let live = true;
    loadLanguagePack(wanted).then(
      (next) => {
        if (!live) return;
        setShown(next);
        setLanguageError(null);
      },
      (e: unknown) => live && setLanguageError(String(e)),
    );
    return () => {
      live = false;
    };
  }, [wanted, pack.lang]);
  const lang = pack.lang;

  const updateSettings = useCallback((patch: SettingsPatch) => {
    setSettings((s) => ({ ...s, ...patch }));
    call('settings:set', patch).catch((e: unknown) => console.warn(String(e)));
  }, []);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A route without a language goes to the remembered one.
  useEffect(() => {
    if (route.lang === null) window.location.replace(formatRoute({ kind: 'home', lang }));
  }, [route.lang, lang]);

  // The language in the address is the reader's choice: remember it and tell the host menu.
  useEffect(() => {
    document.documentElement.lang = lang;
    if (route.lang && route.lang !== settings.lang) updateSettings({ lang: route.lang });
    call('menu:set-language', lang).catch(() => undefined);
  }, [lang, route.lang, settings.lang, updateSettings]);

  const effectiveTheme = settings.theme === 'system' ? (systemDark ? 'dark' : 'light') : settings.theme;
  useEffect(() => {
    document.documentElement.dataset.theme = effectiveTheme;
  }, [effectiveTheme]);
  useEffect(() => {
    document.documentElement.style.setProperty('--text-scale', String(settings.textSize));
  }, [settings.textSize]);

  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const hash = formatRoute(next);
    if (options?.replace) window.location.replace(hash);
    else window.location.hash = hash;
  }, []);

  const value = useMemo<AppState>(() => ({
    settings,
    lang,
    t: pack.t,
    route,
    navigate,
    updateSettings,
    setFilters: (filters) => updateSettings({ filters: filters as Settings['filters'] }),
    effectiveTheme,
    changeTextSize: (step) => {
      const i = TEXT_SIZES.findIndex((s) => s >= settings.textSize);
      const next = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, (i < 0 ? 1 : i) + step))];
      updateSettings({ textSize: next });
    },
    languageError,
    highlight,
    setHighlight,
  }), [settings, lang, pack, route, navigate, updateSettings, effectiveTheme, languageError, highlight]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** Settings from the host; on first start, the language follows the system's. */
export async function loadInitialSettings(): Promise<Settings> {
  const settings = await call('settings:get');
  if (settings.lang) return settings;
  const info = await call('app:info');
  const lang = languageFromLocale(info.locale);
  return call('settings:set', { lang });
}
