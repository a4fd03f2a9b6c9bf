import { FILTER_CHOICES, FILTERABLE_FACETS, type FacetFilter, type FilterKey } from '../../../common/facets.ts';
import { useApp } from '../app/app-state.tsx';
import { Icon } from './Icon.tsx';

function toggle(filter: FacetFilter, key: FilterKey, value: string): FacetFilter {
  const current = filter[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out: FacetFilter = { ...filter };
  if (next.length) out[key] = next;
  else delete out[key];
  return out;
}

/** The active filters as removable chips. */
export function FilterChips() {
  const { t, settings, setFilters } = useApp();
  const filter = settings.filters as FacetFilter;
  const chips = FILTERABLE_FACETS.flatMap((key) => (filter[key] ?? []).map((value) => ({ key, value })));
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t.filters} data-testid="filter-chips">
      {chips.map(({ key, value }) => (
        <li key={`${key}:${value}`}>
          <button type="button" className="chip" onClick={() => setFilters(toggle(filter, key, value))} aria-label={t.removeFilter({ label: t.value[value] })}>
            {t.value[value]}
            <Icon name="close" size={14} />
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="chip-clear" onClick={() => setFilters({})}>{t.clearFilters}</button>
      </li>
    </ul>
  );
}

/** Filter choices by age group, community type and audience; remembered in the settings. */
export function FilterPanel() {
  const { t, settings, setFilters } = useApp();
  const filter = settings.filters as FacetFilter;
  const active = FILTERABLE_FACETS.reduce((n, k) => n + (filter[k]?.length ?? 0), 0);
  return (
    <details className="filters" open={active > 0 ? true : undefined}>
      <summary>
        <Icon name="filter" size={16} /> {t.filters}
        {active > 0 && <span className="badge">{active}</span>}
      </summary>
      <p className="filters-intro">{t.filterBy}</p>
      {FILTERABLE_FACETS.map((key) => (
        <fieldset key={key}>
          <legend>{t.facet[key]}</legend>
          {FILTER_CHOICES[key].map((value) => (
            <label key={value} className="check">
              <input type="checkbox" checked={filter[key]?.includes(value) ?? false} onChange={() => setFilters(toggle(filter, key, value))} data-filter={`${key}:${value}`} />
              {t.value[value]}
            </label>
          ))}
        </fieldset>
      ))}
    </details>
  );
}
