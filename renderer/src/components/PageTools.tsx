import { useState } from 'react';
import type { ManifestChapter } from '../../../common/content-schema.ts';
import { formatRoute } from '../../../common/routes.ts';
import { call } from '../bridge/index.ts';
import { useApp } from '../app/app-state.tsx';
import { PRINT_SECTION_ID } from './SectionPrint.tsx';

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
      (r) => setStatus(r.saved && r.path ? { ok: true, text: t.printing.saved(r.path) } : null),
      (e: unknown) => setStatus({ ok: false, text: `${t.printing.error} ${String(e)}` }),
    ),
  };
}

/** Present, print the chapter, print its whole section, save as PDF. */
export function PageTools({ chapter, onPresent }: { chapter: ManifestChapter; onPresent(): void }) {
  const { lang, t } = useApp();
  const { status, print, savePdf } = usePrintActions(chapter.id);
  return (
    <div className="page-tools" role="group" aria-label={t.printing.chapter}>
      <button type="button" onClick={onPresent} data-testid="present">{t.present.start}</button>
      <button type="button" onClick={print}>{t.printing.chapter}</button>
      <a className="button" href={formatRoute({ kind: 'chapter', lang, chapterId: PRINT_SECTION_ID, anchor: chapter.section })} data-testid="print-section">{t.printing.section}</a>
      <button type="button" onClick={() => void savePdf()}>{t.printing.savePdf}</button>
      {status && <span role="status" className={status.ok ? 'status-ok' : 'status-error'}>{status.text}</span>}
    </div>
  );
}
