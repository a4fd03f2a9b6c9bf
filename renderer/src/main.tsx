import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { AppStateProvider, loadInitialSettings } from './app/app-state.tsx';
import { ReaderDataProvider } from './app/reader-data.tsx';
import './styles.css';

loadInitialSettings().then((settings) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppStateProvider initial={settings}>
        <ReaderDataProvider>
          <App />
        </ReaderDataProvider>
      </AppStateProvider>
    </StrictMode>,
  );
});
