import type { Breakdown, QuarterFigures } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import { total } from './figures.ts';
import { CHILD_AGE_GROUPS } from '../../../common/facets.ts';

/** One quarter's children identified, withdrawn and prevented, by sex and age group. */
export function BreakdownTable({ q }: { q: QuarterFigures }) {
  const r = useApp().t.records;
  const rows: Array<[string, Breakdown]> = [[r.identifiedWorking, q.identifiedWorking], [r.identifiedAtRisk, q.identifiedAtRisk], [r.withdrawn, q.withdrawn], [r.prevented, q.prevented]];
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="records-table breakdown">
        <caption>{r.byGroup({ q: q.quarter })}</caption>
        <thead>
          <tr><th rowSpan={2} scope="col" /><th colSpan={3} scope="colgroup">{r.girls}</th><th colSpan={3} scope="colgroup">{r.boys}</th><th rowSpan={2} scope="col">{r.total}</th></tr>
          <tr>{(['f', 'm'] as const).flatMap((s) => CHILD_AGE_GROUPS.map((a) => <th key={`${s}${a}`} scope="col">{r.ageName[a]}</th>))}</tr>
        </thead>
        <tbody>
          {rows.map(([label, b]) => (
            <tr key={label}><th scope="row">{label}</th>{(['f', 'm'] as const).flatMap((s) => CHILD_AGE_GROUPS.map((a) => <td key={`${s}${a}`}>{b[s][a]}</td>))}<td><strong>{total(b)}</strong></td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
