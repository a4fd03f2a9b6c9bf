import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseRoute } from '../../common/routes.ts';
import { App } from './app/App.tsx';
import { AppStateProvider, loadInitialSettings, wantedLanguage } from './app/app-state.tsx';
import { loadLanguagePack } from './app/language-pack.ts';
import { ReaderDataProvider } from './app/reader-data.tsx';
import { WorkshopDraftProvider } from './mdx/workshops/workshop-draft.tsx';
import './styles.css';

/** Shown in place of the app when it cannot start, in both languages (none is known yet). */
function showStartFault(error: unknown): void {
  // The bridge may already have put its own fault in front of the person (no preload under app://).
  if (document.querySelector('.host-fault')) return;
  const notice = document.createElement('p');
  notice.setAttribute('role', 'alert');
  notice.className = 'host-fault';
  notice.textContent = `Puente could not start. / Puente no pudo iniciarse. (${error instanceof Error ? error.message : String(error)})`;
  document.getElementById('root')?.replaceChildren(notice);
}

async function start(): Promise<void> {
  const route = parseRoute(window.location.hash);
  // The language in the address is known at once: its pack loads while the settings are read.
  const early = route.lang ? loadLanguagePack(route.lang) : undefined;
  const settings = await loadInitialSettings();
  const lang = wantedLanguage(route, settings);
  const pack = await (early && route.lang === lang ? early : loadLanguagePack(lang));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppStateProvider initial={settings} initialPack={pack}>
        <ReaderDataProvider>
          <WorkshopDraftProvider>
            <App />
          </WorkshopDraftProvider>
        </ReaderDataProvider>
      </AppStateProvider>
    </StrictMode>,
  );
}

start().catch(showStartFault);
