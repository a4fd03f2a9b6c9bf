import { useState } from 'react';
import { call } from '../bridge/index.ts';
import { useApp } from './app-state.tsx';

/** Opens the print dialog for the page (through the bridge; the browser's own if the bridge cannot). */
export function printPage(): Promise<unknown> {
  return call('window:print').catch(() => window.print());
}

/** Prints the page, or (Electron) saves it as a PDF through a save dialog; the browser edition opens its print dialog. */
export function usePrintActions(fileStem: string, pageSize: 'A4' | 'Letter' = 'A4') {
  const { lang, t } = useApp();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return {
    status,
    print: printPage,
    savePdf: () => call('window:save-pdf', { suggestedName: `${fileStem}-${lang}.pdf`, pageSize }).then(
      (r) => setStatus(r.saved && r.path ? { ok: true, text: t.printing.saved({ f: r.path }) } : null),
      (e: unknown) => setStatus({ ok: false, text: `${t.printing.error} ${String(e)}` }),
    ),
  };
}
