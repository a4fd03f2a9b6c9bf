import { CHILD_AGE_GROUPS } from '../../../../common/facets.ts';
import { formatDuration } from '../../../../common/workshops/agenda.ts';
import { MODULE_LENGTH_CHOICES, type ModuleFilter } from '../../../../common/workshops/module-filter.ts';
import { MODULE_AUDIENCES } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';

/** The catalogue's and the picker's filters: audience, age group, community, longest length, words; and how many modules are shown. */
export function ModuleFilters({ filter, onChange, shown, total }: { filter: ModuleFilter; onChange(f: ModuleFilter): void; shown: number; total: number }) {
  const { t } = useApp();
  const w = t.workshop;
  const set = (patch: Partial<ModuleFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="community-filters module-filters" role="group" aria-label={w.filter}>
      <label><span>{w.audience}</span>
        <select value={filter.audience} onChange={(e) => set({ audience: e.target.value })} data-filter="audience">
          <option value="">{w.any}</option>
          {MODULE_AUDIENCES.map((a) => <option key={a} value={a}>{t.value[a]}</option>)}
        </select>
      </label>
      <label><span>{w.ageGroup}</span>
        <select value={filter.ageGroup} onChange={(e) => set({ ageGroup: e.target.value })} data-filter="age-group">
          <option value="">{w.any}</option>
          {CHILD_AGE_GROUPS.map((a) => <option key={a} value={a}>{t.value[a]}</option>)}
        </select>
      </label>
      <label><span>{w.communityType}</span>
        <select value={filter.communityType} onChange={(e) => set({ communityType: e.target.value })} data-filter="community">
          <option value="">{w.any}</option>
          {['settlement', 'urban'].map((a) => <option key={a} value={a}>{t.value[a]}</option>)}
        </select>
      </label>
      <label><span>{w.maxLength}</span>
        <select value={filter.maxMinutes} onChange={(e) => set({ maxMinutes: Number(e.target.value) })} data-filter="length">
          <option value={0}>{w.any}</option>
          {MODULE_LENGTH_CHOICES.map((n) => <option key={n} value={n}>{formatDuration(n)}</option>)}
        </select>
      </label>
      <label><span>{w.filter}</span><input type="search" value={filter.query} onChange={(e) => set({ query: e.target.value })} /></label>
      <span className="muted" role="status">{w.shown({ n: shown, t: total })}</span>
    </div>
  );
}
