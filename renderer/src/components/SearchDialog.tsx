import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FacetFilter } from '../../../common/facets.ts';
import { formatRoute } from '../../../common/routes.ts';
import type { SearchEngine } from '../../../common/search/search-engine.ts';
import type { SearchResponse } from '../../../common/search/search-types.ts';
import { sectionTitle } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';
import { loadPageModule } from '../app/pages.ts';
import { searchEngineFor } from '../search/search-client.ts';
import { FilterChips } from './FilterPanel.tsx';
import { Icon } from './Icon.tsx';

/** The control that opens search (Ctrl+K is its shortcut). */
function focusSearchBox() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-keyshortcuts~="Control+K"]')?.focus());
}

/** Focuses the heading a result names (the chapter's title when it names none) as soon as the opened page shows it; the page does its own scrolling. */
function focusHeadingWhenShown(chapterId: string, anchor: string | undefined, framesLeft = 180) {
  requestAnimationFrame(() => {
    const main = document.querySelector<HTMLElement>(`main[data-chapter="${CSS.escape(chapterId)}"]`);
    const heading = main && (anchor ? document.getElementById(anchor) : main.querySelector<HTMLElement>('h1'));
    if (heading && main.contains(heading)) heading.focus({ preventScroll: true });
    else if (framesLeft > 0) focusHeadingWhenShown(chapterId, anchor, framesLeft - 1);
    else (main ?? document.getElementById('main'))?.focus({ preventScroll: true });
  });
}

export function SearchDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, lang, settings, navigate, setHighlight } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [engine, setEngine] = useState<SearchEngine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();

  /** Set when a result is being opened: the focus then goes to its heading, not back to the search box. */
  const openingResult = useRef(false);
  const wasOpen = useRef(false);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      input.current?.select();
    } else if (!open && d.open) d.close();
    // Closed without opening a result (Esc, the close button, a click outside): back to the control that opens search.
    if (!open && wasOpen.current && !openingResult.current) focusSearchBox();
    wasOpen.current = open;
    openingResult.current = false;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setEngine((e) => (e && e.lang === lang ? e : null));
    searchEngineFor(lang).then(
      (e) => live && setEngine(e),
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
    };
  }, [open, lang]);

  const response: SearchResponse | null = useMemo(() => {
    if (!engine || query.trim().length < 2) return null;
    return engine.search(query, { filter: settings.filters as FacetFilter, limit: 12 });
  }, [engine, query, settings.filters]);

  const flat = useMemo(
    () => response?.groups.flatMap((g) => g.hits.map((h) => ({ group: g, hit: h }))) ?? [],
    [response],
  );
  useEffect(() => setActive(0), [response]);
  // The chosen result's page loads while the reader looks, so it opens at once on Enter.
  const chosen = flat[active]?.group.chapterId;
  useEffect(() => {
    if (chosen) void loadPageModule(lang, chosen)?.catch(() => undefined);
  }, [chosen, lang]);

  const openResult = (i: number) => {
    const item = flat[i];
    if (!item || !response) return;
    setHighlight({ chapterId: item.group.chapterId, terms: response.matchedTerms });
    openingResult.current = true;
    onClose();
    navigate({ kind: 'chapter', lang, chapterId: item.group.chapterId, ...(item.hit.anchor ? { anchor: item.hit.anchor } : {}) });
    // Reading goes on where the result pointed: the focus lands on its heading once the page shows it.
    focusHeadingWhenShown(item.group.chapterId, item.hit.anchor);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(flat.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openResult(active);
    }
  };

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  let index = -1;
  return (
    <dialog ref={dialog} className="search-dialog" aria-label={t.search} onClose={onClose} onCancel={onClose}
      onClick={(e) => { if (e.target === dialog.current) onClose(); }}>
      <div className="search-box">
        <Icon name="search" />
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-activedescendant={flat.length ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          placeholder={t.searchPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
        />
        <button type="button" className="icon-button" onClick={onClose} aria-label={t.close}><Icon name="close" /></button>
      </div>
      <FilterChips />
      <div className="search-results" role="listbox" id={listId} aria-label={t.search}>
        {error && <p role="alert">{error}</p>}
        {!engine && !error && <p className="search-status">{t.searchLoading}</p>}
        {engine && !response && <p className="search-status">{t.searchHint}</p>}
        {response && flat.length === 0 && <p className="search-status" role="status">{t.searchNoResults}</p>}
        {response && flat.length > 0 && <p className="search-status" role="status">{t.searchResults({ n: response.totalHits })}</p>}
        {response?.groups.map((g) => (
          <section key={g.chapterId} className="result-group">
            <h3>{g.chapterTitle} <small>{sectionTitle(g.section, lang)}</small></h3>
            <ul role="presentation">
              {g.hits.map((h) => {
                index += 1;
                const i = index;
                return (
                  <li key={`${h.anchor}-${i}`} id={`${listId}-${i}`} role="option" aria-selected={i === active}
                    className={i === active ? 'active' : undefined}
                    onMouseMove={() => setActive(i)}
                    onClick={() => openResult(i)}>
                    <a href={formatRoute({ kind: 'chapter', lang, chapterId: g.chapterId, ...(h.anchor ? { anchor: h.anchor } : {}) })} tabIndex={-1} onClick={(e) => e.preventDefault()}>
                      <span className="result-heading">{h.heading}</span>
                      <span className="result-snippet">
                        {h.snippet.map((p, k) => (p.hit ? <mark key={k}>{p.text}</mark> : <span key={k}>{p.text}</span>))}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </dialog>
  );
}
