import { useEffect, useState } from 'react';
import { LANGS } from '../../../common/facets.ts';
import { noteOnHeading } from '../../../common/reader-marks.ts';
import { useApp } from '../app/app-state.tsx';
import { matchingAnchor } from '../app/content.ts';
import { useReaderMarks } from '../app/reader-data.tsx';
import { Icon } from './Icon.tsx';

/** Bookmark and note buttons of a heading (or of the chapter, with anchor ''). */
export function MarkButtons({ chapterId, anchor, label, onNote }: { chapterId: string; anchor: string; label: string; onNote?(): void }) {
  const { t } = useApp();
  const marks = useReaderMarks();
  const on = marks.isBookmarked(chapterId, anchor);
  return (
    <span className="mark-buttons">
      <button type="button" className="mark-button" aria-pressed={on} onClick={() => marks.toggleBookmark(chapterId, anchor)}
        title={on ? t.marks.removeBookmark : t.marks.bookmark} aria-label={`${on ? t.marks.removeBookmark : t.marks.bookmark}: ${label}`} data-testid={`bookmark-${anchor || 'chapter'}`}>
        <Icon name={on ? 'bookmarkFilled' : 'bookmark'} size={16} />
      </button>
      {onNote && (
        <button type="button" className="mark-button" onClick={onNote} title={t.marks.addNote} aria-label={`${t.marks.addNote}: ${label}`} data-testid={`note-${anchor}`}>
          <Icon name="note" size={16} />
        </button>
      )}
    </span>
  );
}

/** The reader's note under a heading: shown when there is one, edited in place. */
export function HeadingNote({ chapterId, anchor: ownAnchor, editing, setEditing }: { chapterId: string; anchor: string; editing: boolean; setEditing(v: boolean): void }) {
  const { t } = useApp();
  const marks = useReaderMarks();
  const otherAnchor = useOtherLanguageAnchor(chapterId, ownAnchor, marks.data.notes.some((n) => n.chapterId === chapterId));
  const found = noteOnHeading(marks.data.notes, chapterId, ownAnchor, otherAnchor);
  // A note written on this heading in the other language is kept under that heading's anchor: one note, not two.
  const anchor = found?.note.anchor ?? ownAnchor;
  const saved = found?.note.text ?? '';
  const [draft, setDraft] = useState(saved);
  if (editing) {
    return (
      <div className="note-editor">
        <label>
          <span>{t.marks.note}</span>
          <textarea value={draft} rows={3} onChange={(e) => setDraft(e.target.value)} maxLength={10_000} autoFocus data-testid="note-text" />
        </label>
        <div className="note-actions">
          <button type="button" className="button-primary" onClick={() => { marks.setNote(chapterId, anchor, draft); setEditing(false); }} data-testid="note-save">{t.marks.save}</button>
          <button type="button" onClick={() => { setDraft(saved); setEditing(false); }}>{t.marks.cancel}</button>
          {saved && <button type="button" onClick={() => { marks.setNote(chapterId, anchor, ''); setDraft(''); setEditing(false); }}>{t.marks.deleteNote}</button>}
        </div>
      </div>
    );
  }
  if (!saved) return null;
  return (
    <aside className="reader-note" aria-label={t.marks.note}>
      {found?.writtenElsewhere && <p className="muted" data-testid="note-other-language">{t.marks.noteOtherLanguage}</p>}
      <p>{saved}</p>
      <button type="button" className="link-button" onClick={() => { setDraft(saved); setEditing(true); }}>{t.marks.editNote}</button>
    </aside>
  );
}

/** The same heading's anchor in the other language (by its place), looked up only when the chapter has notes. */
function useOtherLanguageAnchor(chapterId: string, anchor: string, wanted: boolean): string | undefined {
  const { lang } = useApp();
  const [other, setOther] = useState<{ key: string; anchor: string | undefined }>();
  const key = `${lang}/${chapterId}#${anchor}`;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const to = LANGS.find((l) => l !== lang)!;
    void matchingAnchor(lang, to, chapterId, anchor).then((found) => live && setOther({ key, anchor: found }));
    return () => { live = false; };
  }, [lang, chapterId, anchor, wanted, key]);
  return wanted && other?.key === key ? other.anchor : undefined;
}
