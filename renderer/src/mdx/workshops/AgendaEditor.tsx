import { formatDuration, insertItem, moveItem, removeItem, type Agenda, type AgendaItem } from '../../../../common/workshops/agenda.ts';
import { useApp } from '../../app/app-state.tsx';
import { moduleRoute } from './module-route.ts';

/** The workshop's items as a timed agenda: move each up or down, remove it, put a break after it, set a break's minutes. */
export function AgendaEditor({ agenda, count, onItems }: { agenda: Agenda; count: number; onItems(change: (items: AgendaItem[]) => AgendaItem[]): void }) {
  const { lang, t } = useApp();
  const w = t.workshop;
  return (
    <ol className="agenda-items" data-testid="agenda">
      {agenda.rows.map((row) => {
        const i = row.index;
        const what = row.kind === 'module' ? row.module[lang].title : row.kind === 'break' ? w.breakLabel : row.moduleId;
        const moveButtons = (
          <span className="item-buttons">
            <button type="button" className="small" onClick={() => onItems((items) => insertItem(items, i + 1, { type: 'break', minutes: 15 }))} aria-label={w.breakAfterLabel({ what })} data-testid="break-after">+ {w.breakAfter}</button>
            <button type="button" className="small" onClick={() => onItems((items) => moveItem(items, i, i - 1))} disabled={i === 0} aria-label={w.moveUp}>↑</button>
            <button type="button" className="small" onClick={() => onItems((items) => moveItem(items, i, i + 1))} disabled={i === count - 1} aria-label={w.moveDown}>↓</button>
            <button type="button" className="small" onClick={() => onItems((items) => removeItem(items, i))} aria-label={w.remove}>✕</button>
          </span>
        );
        if (row.kind === 'missing') return <li key={i} className="agenda-item missing" role="alert">{w.missing({ id: row.moduleId })} {moveButtons}</li>;
        if (row.kind === 'break') {
          return (
            <li key={i} className="agenda-item agenda-break" data-item="break">
              <span className="agenda-time">{row.start}–{row.end}</span>
              <span className="agenda-what">{w.breakLabel}</span>
              <label className="break-minutes"><span className="visually-hidden">{w.breakMinutes}</span>
                <input type="number" min={5} max={120} step={5} value={row.minutes} aria-label={w.breakMinutes}
                  onChange={(e) => {
                    const minutes = Math.min(120, Math.max(5, Math.round(Number(e.target.value) || 5)));
                    onItems((items) => items.map((it, k) => (k === i && it.type === 'break' ? { ...it, minutes } : it)));
                  }} /> min
              </label>
              {moveButtons}
            </li>
          );
        }
        return (
          <li key={i} className="agenda-item" data-item={row.module.id}>
            <span className="agenda-time">{row.start}–{row.end}</span>
            <span className="agenda-what"><a href={moduleRoute(lang, row.module.id)}>{row.module[lang].title}</a> <span className="muted">· {formatDuration(row.minutes)} · {t.value[row.module.audience]}</span></span>
            {moveButtons}
          </li>
        );
      })}
    </ol>
  );
}
