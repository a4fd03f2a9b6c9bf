import { formatDuration } from '../../../../common/workshops/agenda.ts';
import { moduleMinutes, type WorkshopModule } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';

/** A module's facts in one line: audience, ages, community, length, group size. */
export function ModuleFacts({ module }: { module: WorkshopModule }) {
  const { t } = useApp();
  const w = t.workshop;
  return (
    <span className="module-facts">
      <span className="tag">{t.value[module.audience]}</span>
      {module.ageGroups.filter((a) => a !== 'all').map((a) => <span key={a} className="tag tag-age">{t.value[a]}</span>)}
      {module.communityTypes.filter((c) => c !== 'all').map((c) => <span key={c} className="tag tag-community">{t.value[c]}</span>)}
      <span className="tag tag-duration">{formatDuration(moduleMinutes(module))}</span>
      {module.maxParticipants && <span className="muted">{w.participants({ n: module.maxParticipants })}</span>}
    </span>
  );
}
