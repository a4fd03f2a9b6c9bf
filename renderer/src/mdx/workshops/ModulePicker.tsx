import { useState } from 'react';
import { filterModules, NO_MODULE_FILTER, type ModuleFilter } from '../../../../common/workshops/module-filter.ts';
import type { WorkshopModule } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';
import { ModuleFacts } from './ModuleFacts.tsx';
import { ModuleFilters } from './ModuleFilters.tsx';
import { moduleRoute } from './module-route.ts';

/** The builder's list of modules to add, with the catalogue's filters; a module already in the workshop cannot be added twice. */
export function ModulePicker({ modules, chosen, onAdd }: { modules: readonly WorkshopModule[]; chosen: ReadonlySet<string>; onAdd(moduleId: string): void }) {
  const { lang, t } = useApp();
  const w = t.workshop;
  const [filter, setFilter] = useState<ModuleFilter>(NO_MODULE_FILTER);
  const shown = filterModules(modules, filter, lang);
  return (
    <section className="builder-picker" aria-labelledby="builder-modules">
      <h3 id="builder-modules">{w.modules}</h3>
      <ModuleFilters filter={filter} onChange={setFilter} shown={shown.length} total={modules.length} />
      <ul className="picker-list">
        {shown.map((m) => (
          <li key={m.id} data-pick={m.id}>
            <div>
              <a href={moduleRoute(lang, m.id)}>{m[lang].title}</a>
              <ModuleFacts module={m} />
            </div>
            <button type="button" onClick={() => onAdd(m.id)} disabled={chosen.has(m.id)} aria-label={`${w.add}: ${m[lang].title}`}>
              {chosen.has(m.id) ? w.added : w.add}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
