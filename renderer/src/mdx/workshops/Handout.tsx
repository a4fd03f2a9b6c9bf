import type { WorkshopModule } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';

/** The printed handout of one module: what participants take home. */
export function Handout({ module }: { module: WorkshopModule }) {
  const { lang } = useApp();
  const h = module[lang].handout;
  return (
    <div className="handout" data-handout={module.id}>
      <p className="handout-title">{h.title}</p>
      <ul>{h.points.map((p, i) => <li key={i}>{p}</li>)}</ul>
      <p className="handout-message">{module[lang].takeHome}</p>
      <p className="handout-foot">Puente · {module[lang].title}</p>
    </div>
  );
}
