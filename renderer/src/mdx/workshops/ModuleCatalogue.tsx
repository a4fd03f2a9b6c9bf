import { useState } from 'react';
import { filterModules, NO_MODULE_FILTER, type ModuleFilter } from '../../../../common/workshops/module-filter.ts';
import { MODULE_AUDIENCES } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';
import { workshopModules } from 'virtual:puente-catalogue/workshop-modules';
import { ModuleFacts } from './ModuleFacts.tsx';
import { ModuleFilters } from './ModuleFilters.tsx';
import { moduleRoute } from './module-route.ts';

/** <ModuleCatalogue/>: every workshop module, grouped by audience, filterable. */
export function ModuleCatalogue() {
  const { lang, t } = useApp();
  const [filter, setFilter] = useState<ModuleFilter>(NO_MODULE_FILTER);
  const shown = filterModules(workshopModules, filter, lang);
  return (
    <div className="module-catalogue">
      <ModuleFilters filter={filter} onChange={setFilter} shown={shown.length} total={workshopModules.length} />
      {shown.length === 0 && <p className="muted">{t.workshop.none}</p>}
      {MODULE_AUDIENCES.filter((a) => shown.some((m) => m.audience === a)).map((a) => (
        <section key={a} className="module-group">
          <h3>{t.value[a]}</h3>
          <ul className="module-cards">
            {shown.filter((m) => m.audience === a).map((m) => (
              <li key={m.id} data-module-card={m.id}>
                <a href={moduleRoute(lang, m.id)}><strong>{m[lang].title}</strong></a>
                <p>{m[lang].summary}</p>
                <ModuleFacts module={m} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
