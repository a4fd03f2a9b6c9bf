import { formatDuration } from '../../../../common/workshops/agenda.ts';
import { useApp } from '../../app/app-state.tsx';

// Lengths a session is planned in: every quarter hour from 30 min to 8 h.
const LENGTHS = Array.from({ length: 31 }, (_, i) => 30 + i * 15);

/** How long the session may last; the builder warns when the agenda runs past it. */
export function TargetLength({ value, onChange }: { value: number | undefined; onChange(minutes: number | undefined): void }) {
  const { t } = useApp();
  const w = t.workshop;
  const options = value === undefined || LENGTHS.includes(value) ? LENGTHS : [...LENGTHS, value].sort((a, b) => a - b);
  return (
    <label>
      <span>{w.target}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)} data-testid="workshop-target">
        <option value="">{w.noTarget}</option>
        {options.map((m) => <option key={m} value={m}>{formatDuration(m)}</option>)}
      </select>
    </label>
  );
}
