import type { FigureScope } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';

export type Scope = Required<Record<keyof FigureScope, string>>;
export const ALL: Scope = { community: '', device: '', technician: '' };

/**
 * The team roll-up's filters: one community, one laptop, one technician (each "all" when empty); a
 * filter is shown only when there is more than one to choose from.
 */
export function ScopePicker({ communities, devices, technicians, value, onChange }: {
  communities: string[]; devices: Array<{ id: string; name: string; here: boolean }>; technicians: string[]; value: Scope; onChange(v: Scope): void;
}) {
  const r = useApp().t.records;
  const set = (key: keyof Scope) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <>
      {communities.length > 1 && (
        <label><span>{r.reportFor}</span>
          <select value={value.community} onChange={set('community')} data-testid="scope-community">
            <option value="">{r.allCommunities}</option>
            {communities.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      )}
      {devices.length > 1 && (
        <label><span>{r.scope.device}</span>
          <select value={value.device} onChange={set('device')} data-testid="scope-device">
            <option value="">{r.scope.allDevices}</option>
            {devices.map((d) => <option key={d.id} value={d.id}>{d.here ? r.scope.thisDevice({ name: d.name }) : d.name}</option>)}
          </select>
        </label>
      )}
      {technicians.length > 1 && (
        <label><span>{r.scope.technician}</span>
          <select value={value.technician} onChange={set('technician')} data-testid="scope-technician">
            <option value="">{r.scope.allTechnicians}</option>
            {technicians.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      )}
    </>
  );
}

/** The scope in words, for the printed report: "Chima · Laptop: Oficina · Technician: M-07". */
export function scopeText(value: Scope, devices: Array<{ id: string; name: string }>, r: ReturnType<typeof useApp>['t']['records']): string {
  return [value.community || r.allCommunities,
    ...(value.device ? [`${r.scope.device}: ${devices.find((d) => d.id === value.device)?.name ?? value.device}`] : []),
    ...(value.technician ? [`${r.scope.technician}: ${value.technician}`] : [])].join(' · ');
}
