import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { AppStateProvider, loadInitialSettings } from './app/app-state.tsx';
import { ReaderDataProvider } from './app/reader-data.tsx';
import { WorkshopDraftProvider } from './mdx/workshops/workshop-draft.tsx';
import './styles.css';

loadInitialSettings().then((settings) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppStateProvider initial={settings}>
        <ReaderDataProvider>
          <WorkshopDraftProvider>
            <App />
          </WorkshopDraftProvider>
        </ReaderDataProvider>
      </AppStateProvider>
    </StrictMode>,
  );
});
