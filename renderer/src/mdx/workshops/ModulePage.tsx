import { formatRoute } from '../../../../common/routes.ts';
import { formatDuration } from '../../../../common/workshops/agenda.ts';
import { modulePartAnchor } from '../../../../common/workshops/module-page.ts';
import { moduleMinutes } from '../../../../common/workshops/module-schema.ts';
import { useApp } from '../../app/app-state.tsx';
import { workshopModules } from 'virtual:puente-catalogue/workshop-modules';
import { SourcePills } from '../../components/SourcePills.tsx';
import { Handout } from './Handout.tsx';
import { ModuleFacts } from './ModuleFacts.tsx';
import { BUILDER_CHAPTER_ID } from './module-route.ts';
import { StepList } from './StepList.tsx';
import { useWorkshopDraft } from './workshop-draft.tsx';

/** <ModulePage id/>: a workshop module's page: objectives, materials, timed steps, questions, message, handout and how to adapt it. */
export function ModulePage({ id }: { id: string }) {
  const { lang, t } = useApp();
  const { addModule } = useWorkshopDraft();
  const w = t.workshop;
  const module = workshopModules.find((m) => m.id === id);
  if (!module) return null;
  const text = module[lang];
  const titles = w.part;
  const builderHref = formatRoute({ kind: 'chapter', lang, chapterId: BUILDER_CHAPTER_ID });
  return (
    <div className="module-page" data-module={module.id}>
      <div className="module-intro">
        <p><ModuleFacts module={module} /></p>
        <p className="muted">{w.template}</p>
        <p>{w.follows}: <SourcePills list={module.sources} /></p>
        <p className="module-actions"><a className="button" href={builderHref} onClick={() => addModule(module.id)} data-testid="add-to-workshop">{w.openBuilder}</a></p>
      </div>
      <h2 id={modulePartAnchor('objectives')}>{titles.objectives}</h2>
      <ul>{text.objectives.map((o, i) => <li key={i}>{o}</li>)}</ul>
      <h2 id={modulePartAnchor('materials')}>{titles.materials}</h2>
      <ul>{text.materials.map((o, i) => <li key={i}>{o}</li>)}</ul>
      <h2 id={modulePartAnchor('steps')}>{titles.steps} <span className="muted">({formatDuration(moduleMinutes(module))})</span></h2>
      <StepList module={module} />
      <h2 id={modulePartAnchor('discussion')}>{titles.discussion}</h2>
      <ul>{text.discussionQuestions.map((o, i) => <li key={i}>{o}</li>)}</ul>
      <h2 id={modulePartAnchor('take-home')}>{titles['take-home']}</h2>
      <p className="take-home">{text.takeHome}</p>
      <h2 id={modulePartAnchor('handout')}>{titles.handout}</h2>
      <Handout module={module} />
      <h2 id={modulePartAnchor('adapt')}>{titles.adapt}</h2>
      <p>{text.adapt}</p>
    </div>
  );
}
