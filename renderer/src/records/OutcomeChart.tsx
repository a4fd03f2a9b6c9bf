import type { QuarterFigures } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import { total } from './figures.ts';

/** Withdrawn and prevented by quarter as bars: growth over time reads better in a chart than in a table. */
export function OutcomeChart({ figures }: { figures: QuarterFigures[] }) {
  const r = useApp().t.records;
  const max = Math.max(1, ...figures.map((q) => Math.max(total(q.withdrawn), total(q.prevented))));
  const bar = 16;
  const gap = 12;
  const width = 600;
  const left = 70;
  const height = figures.length * (bar * 2 + gap) + 24;
  const x = (n: number) => left + ((width - left - 40) * n) / max;
  return (
    <figure className="records-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="records-chart-title" data-testid="records-chart">
        <title id="records-chart-title">{r.chartTitle}</title>
        {figures.map((q, i) => {
          const y = i * (bar * 2 + gap);
          return (
            <g key={q.quarter}>
              <text x={0} y={y + bar + 4} className="chart-label">{q.quarter}</text>
              <rect x={left} y={y} width={x(total(q.withdrawn)) - left} height={bar} className="bar-withdrawn" />
              <text x={x(total(q.withdrawn)) + 4} y={y + bar - 3} className="chart-value">{total(q.withdrawn)}</text>
              <rect x={left} y={y + bar} width={x(total(q.prevented)) - left} height={bar} className="bar-prevented" />
              <text x={x(total(q.prevented)) + 4} y={y + bar * 2 - 3} className="chart-value">{total(q.prevented)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption><span className="key key-withdrawn" /> {r.withdrawn} <span className="key key-prevented" /> {r.prevented}</figcaption>
    </figure>
  );
}
