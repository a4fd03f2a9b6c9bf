import { useApp } from '../app/app-state.tsx';

/** Figures for one community or all of them; shown only when there is more than one. */
export function CommunityPicker({ communities, value, onChange }: { communities: string[]; value: string; onChange(v: string): void }) {
  const r = useApp().t.records;
  if (communities.length < 2) return null;
  return (
    <label><span>{r.reportFor}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{r.allCommunities}</option>
        {communities.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </label>
  );
}
