import { matchesFacets, type FacetFilter } from '../../../common/facets.ts';
import { chaptersIn, sections } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';
import { FilterChips, FilterPanel } from './FilterPanel.tsx';
import { TextSizeButtons } from './TextSizeButtons.tsx';

/** Sections and their chapters, narrowed by the active filters. */
export function Sidebar({ open, onNavigate }: { open: boolean; onNavigate(): void }) {
  const { t, lang, route, settings } = useApp();
  const all = chaptersIn(lang);
  const visible = all.filter((c) => matchesFacets(c, settings.filters as FacetFilter));
  const hidden = all.length - visible.length;
  const current = route.kind === 'chapter' ? route.chapterId : null;
  return (
    <nav id="sidebar" className={`sidebar${open ? ' open' : ''}`} aria-label={t.menu}>
      <div className="sidebar-text-size"><TextSizeButtons /></div>
      <FilterPanel />
      <FilterChips />
      {hidden > 0 && <p className="hidden-note" data-testid="hidden-note">{t.hiddenByFilters({ n: hidden })}</p>}
      <ol className="toc-sections">
        {sections.map((section) => {
          const chapters = visible.filter((c) => c.section === section.id);
          if (chapters.length === 0) return null;
          return (
            <li key={section.id}>
              <span className="section-title">{section[lang]}</span>
              <ol>
                {chapters.map((c) => (
                  <li key={c.id}>
                    <a href={c.route} aria-current={c.id === current ? 'page' : undefined} onClick={onNavigate}>{c.title}</a>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      <p className="offline-note">{t.offlineNote}</p>
    </nav>
  );
}
