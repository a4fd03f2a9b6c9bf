import { useEffect, useRef, useState } from 'react';
import { formatRoute } from '../../../common/routes.ts';
import { call } from '../bridge/index.ts';
import { findChapter } from '../app/content.ts';
import { usePagesData } from '../app/pages.ts';
import { useApp } from '../app/app-state.tsx';
import { useReaderMarks } from '../app/reader-data.tsx';

/** "My notes and bookmarks": what the reader marked, with export and import. */
export function Library() {
  const { lang, t } = useApp();
  const m = t.marks;
  const marks = useReaderMarks();
  const file = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    document.title = `${m.library} — Puente`;
  }, [m.library]);

  // Headings are named from each page's data, loaded for the marked pages only.
  const pages = usePagesData(lang, [...marks.data.bookmarks, ...marks.data.notes].filter((b) => b.anchor).map((b) => b.chapterId));
  const place = (chapterId: string, anchor: string) => {
    const chapter = findChapter(lang, chapterId);
    const heading = anchor ? pages.get(chapterId)?.headings.find((h) => h.id === anchor) : undefined;
    return {
      href: formatRoute({ kind: 'chapter', lang, chapterId, ...(anchor ? { anchor } : {}) }),
      text: chapter ? (heading ? `${chapter.title} › ${heading.text}` : chapter.title) : chapterId,
    };
  };

  const exportMarks = async () => {
    const bytes = new TextEncoder().encode(marks.exportFile());
    try {
      const r = await call('file:save', { suggestedName: `puente-notes-${new Date().toISOString().slice(0, 10)}.json`, bytes, filter: 'json' });
      if (r.saved) setStatus({ ok: true, text: r.path ?? t.forms.exportedDownload });
    } catch (e) {
      setStatus({ ok: false, text: String(e) });
    }
  };

  const importMarks = async (f: File) => {
    const result = await marks.importFile(await f.text());
    setStatus(result.ok ? { ok: true, text: m.imported({ n: result.added }) } : { ok: false, text: `${m.importError} ${result.error}` });
  };

  return (
    <main id="main" className="chapter library" tabIndex={-1}>
      <h1>{m.library}</h1>
      <p className="summary">{m.libraryIntro}</p>
      <div className="instrument-toolbar">
        <button type="button" onClick={exportMarks} data-testid="marks-export">{m.exportFile}</button>
        <button type="button" onClick={() => file.current?.click()}>{m.importFile}</button>
        <input ref={file} type="file" accept=".json,application/json" hidden data-testid="marks-import"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void importMarks(f); e.target.value = ''; }} />
      </div>
      {status && <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'instrument-status' : 'import-error'} data-testid="marks-status">{status.text}</p>}
      {marks.saveError && <p role="alert" className="import-error">{m.saveError} {marks.saveError}</p>}

      <h2>{m.bookmarks}</h2>
      {marks.data.bookmarks.length === 0 ? <p className="muted">{m.none}</p> : (
        <ul className="library-list" data-testid="library-bookmarks">
          {marks.data.bookmarks.map((b) => { const p = place(b.chapterId, b.anchor); return <li key={`${b.chapterId}#${b.anchor}`}><a href={p.href}>{p.text}</a></li>; })}
        </ul>
      )}
      <h2>{m.notes}</h2>
      {marks.data.notes.length === 0 ? <p className="muted">{m.none}</p> : (
        <ul className="library-list" data-testid="library-notes">
          {marks.data.notes.map((n) => { const p = place(n.chapterId, n.anchor); return <li key={`${n.chapterId}#${n.anchor}`}><a href={p.href}>{p.text}</a><blockquote>{n.text}</blockquote></li>; })}
        </ul>
      )}
      <h2>{m.recent}</h2>
      {marks.data.recent.length === 0 ? <p className="muted">{m.none}</p> : (
        <ul className="library-list">
          {marks.data.recent.slice(0, 10).map((r) => { const p = place(r.chapterId, ''); return <li key={r.chapterId}><a href={p.href}>{p.text}</a> <small className="muted">{new Date(r.at).toLocaleString(lang)}</small></li>; })}
        </ul>
      )}
    </main>
  );
}
