import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { EMPTY_READER_DATA, exportReaderData, mergeReaderData, type ReaderData } from '../../../common/reader-marks.ts';
import { call } from '../bridge/index.ts';

interface ReaderMarks {
  data: ReaderData;
  isBookmarked(chapterId: string, anchor?: string): boolean;
  toggleBookmark(chapterId: string, anchor?: string): void;
  noteFor(chapterId: string, anchor?: string): string;
  setNote(chapterId: string, anchor: string, text: string): void;
  markViewed(chapterId: string): void;
  exportFile(): string;
  importFile(text: string): Promise<{ ok: true; added: number } | { ok: false; error: string }>;
  saveError: string | null;
}

const Ctx = createContext<ReaderMarks | null>(null);

export function useReaderMarks(): ReaderMarks {
  const v = useContext(Ctx);
  if (!v) throw new Error('useReaderMarks outside <ReaderDataProvider>');
  return v;
}

/** Bookmarks, notes, recently viewed and reading-path progress, saved on the machine through the bridge. */
export function ReaderDataProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<ReaderData>(EMPTY_READER_DATA);
  const [saveError, setSaveError] = useState<string | null>(null);
  const loaded = useRef(false);

  useEffect(() => {
    call('userdata:get', 'reader-data').then((v) => {
      loaded.current = true;
      setData((current) => {
        // Marks made while the saved ones were loading (the first chapter's visit) are kept and saved.
        const merged = mergeReaderData(v as ReaderData, current);
        if (current !== EMPTY_READER_DATA) {
          call('userdata:set', { key: 'reader-data', value: merged }).catch((e: unknown) => setSaveError(String(e)));
        }
        return merged;
      });
    }, (e: unknown) => setSaveError(String(e)));
  }, []);

  const update = useCallback((change: (d: ReaderData) => ReaderData) => {
    setData((current) => {
      const next = change(current);
      if (loaded.current) {
        call('userdata:set', { key: 'reader-data', value: next }).then(() => setSaveError(null), (e: unknown) => setSaveError(String(e)));
      }
      return next;
    });
  }, []);

  // Stable across changes of the data, so effects that record a visit run once per chapter.
  const markViewed = useCallback((chapterId: string) => update((d) => ({
    ...d,
    recent: [{ chapterId, at: new Date().toISOString() }, ...d.recent.filter((r) => r.chapterId !== chapterId)].slice(0, 20),
    read: d.read.includes(chapterId) ? d.read : [...d.read, chapterId],
  })), [update]);

  const value = useMemo<ReaderMarks>(() => {
    const at = (anchor?: string) => anchor ?? '';
    const now = () => new Date().toISOString();
    return {
      data,
      saveError,
      isBookmarked: (chapterId, anchor) => data.bookmarks.some((b) => b.chapterId === chapterId && b.anchor === at(anchor)),
      toggleBookmark: (chapterId, anchor) => update((d) => {
        const exists = d.bookmarks.some((b) => b.chapterId === chapterId && b.anchor === at(anchor));
        return { ...d, bookmarks: exists ? d.bookmarks.filter((b) => !(b.chapterId === chapterId && b.anchor === at(anchor))) : [...d.bookmarks, { chapterId, anchor: at(anchor), createdAt: now() }] };
      }),
      noteFor: (chapterId, anchor) => data.notes.find((n) => n.chapterId === chapterId && n.anchor === at(anchor))?.text ?? '',
      setNote: (chapterId, anchor, text) => update((d) => {
        const others = d.notes.filter((n) => !(n.chapterId === chapterId && n.anchor === anchor));
        return { ...d, notes: text.trim() ? [...others, { chapterId, anchor, text, updatedAt: now() }] : others };
      }),
      markViewed,
      exportFile: () => exportReaderData(data),
      importFile: async (text) => {
        // The file's checks (zod) load with the first import, not with the app.
        const { parseReaderExport } = await import('../../../common/reader-data.ts');
        const parsed = parseReaderExport(text);
        if (!parsed.ok) return parsed;
        const before = data.bookmarks.length + data.notes.length;
        const merged = mergeReaderData(data, parsed.data);
        try {
          await call('userdata:set', { key: 'reader-data', value: merged });
        } catch (e) {
          return { ok: false, error: String(e) };
        }
        setData(merged);
        return { ok: true, added: merged.bookmarks.length + merged.notes.length - before };
      },
    };
  }, [data, saveError, update, markViewed]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
