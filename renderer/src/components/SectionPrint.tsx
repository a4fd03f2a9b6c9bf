import { useEffect, useState } from 'react';
import type { NavChapter } from '../../../common/navigation.ts';
import { chaptersIn, sectionTitle } from '../app/content.ts';
import { loadPage, type LoadedPage } from '../app/page-loader.tsx';
import { useApp } from '../app/app-state.tsx';
import { usePrintActions } from '../app/print-actions.ts';

type Loaded = { chapter: NavChapter } & LoadedPage;

/** Every chapter of one section, one after the other, each starting on a new printed page. */
export function SectionPrint({ sectionId }: { sectionId: string }) {
  const { lang, t } = useApp();
  const chapters = chaptersIn(lang).filter((c) => c.section === sectionId);
  const [pages, setPages] = useState<Loaded[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = sectionTitle(sectionId, lang);
  const { status, print, savePdf } = usePrintActions(`section-${sectionId}`);
  const key = chapters.map((c) => c.route).join(' ');

  useEffect(() => {
    document.title = `${t.printing.sectionTitle({ s: title })} — Puente`;
  }, [t, title]);
  useEffect(() => {
    let live = true;
    setPages(null);
    Promise.all(chapters.map(async (chapter) => ({ chapter, ...(await loadPage(chapter)) }))).then(
      (list) => live && setPages(list),
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
    };
    // The chapter list changes only with the language or the section.
  }, [key]);

  const first = chapters[0];
  return (
    <main id="main" className="chapter section-print" tabIndex={-1} data-section={sectionId}>
      <div className="print-toolbar">
        <p className="breadcrumb">{t.printing.sectionTitle({ s: title })}</p>
        <p>{t.printing.sectionIntro({ n: chapters.length })}</p>
        <div className="page-tools" role="group">
          <button type="button" className="button-primary" onClick={print} disabled={!pages} data-testid="print-now">{t.printing.chapter}</button>
          <button type="button" onClick={() => void savePdf()} disabled={!pages}>{t.printing.savePdf}</button>
          {first && <a className="button" href={first.route}>{t.printing.back}</a>}
          {status && <span role="status" className={status.ok ? 'status-ok' : 'status-error'}>{status.text}</span>}
        </div>
      </div>
      <h1 className="print-only section-print-title">{title}</h1>
      {error && <p role="alert">{t.loadError}</p>}
      {!pages && !error && <p className="loading">{t.printing.loading}</p>}
      {pages?.map(({ chapter, Component, components, page }) => (
        <article key={chapter.id} className="print-chapter" data-chapter={chapter.id}>
          <h1>{chapter.title}</h1>
          <p className="summary">{page.summary}</p>
          <div className="chapter-body"><Component components={components} /></div>
        </article>
      ))}
    </main>
  );
}
